r"""Rates of HTS8 lines a measure covers only in part, from their HTS10 statistical lines.

Some measures name their products by HTS10 statistical line (Section 232 kitchen cabinets and
upholstered furniture, some derivative lists, partial Section 301 entries). On an HTS8 line
that such a measure covers only in part the law engine's eight-digit answer leaves the
measure out and flags the line ``partial`` (:attr:`tariffscope.regime.vectorized.RateTable.
partial`). The pricing engines work on HTS8 lines; this module gives them a rate for those
lines: the law is resolved on the line's HTS10 children (the schedule's statistical lines under
it) and the partial cell takes their trade-weighted mean

.. math::

    r_{lo} = \sum_{c \in l} w_{co}\, t_{co}, \qquad \sum_{c \in l} w_{co} = 1,

with :math:`w_{co}` origin :math:`o`'s own 2024 imports of child :math:`c` (Census HTS10
lines, :func:`tariffscope.data.line_trade.load_line_trade`); for an origin without its own
HTS10 lines, or with no imports under the line, the mix of every partner with lines (the
non-EU countries plus the EU aggregate); under a line nobody imported in 2024, the plain mean of
its children (docs/assumptions.md P9).

:func:`partial_children` finds the children and their weights; :func:`refine` replaces the
partial cells of a rate array with the children's weighted means.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

__all__ = ["PartialChildren", "partial_cells", "partial_children", "refine"]

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class PartialChildren:
    """The HTS10 children of some HTS8 lines and each origin's weights on them.

    ``rows`` are the refined lines' rows in the caller's line array, ``codes`` the children
    (grouped by line, ``parent`` the index into ``rows`` of each), ``origins`` the caller's
    origins (``columns``: their columns in the caller's arrays; all of them, so that the law
    engine reuses the plan of the caller's own call), ``weights`` ``[C, O']`` their weights
    (summing to 1 over the children of each line); ``unrefined`` the HTS8 codes of partial
    lines with no HTS10 line on the schedule (their rate is left as it is).
    """

    rows: IntArray
    codes: npt.NDArray[np.str_]
    origins: tuple[str, ...]
    columns: IntArray
    parent: IntArray
    weights: FloatArray
    unrefined: tuple[str, ...]

    @property
    def values(self) -> FloatArray:
        """The weights, as the trade values of the children (the ``TradeLines`` protocol)."""
        return self.weights


# Recent children, kept with the code array whose id is part of the key.
_CHILDREN: OrderedDict[tuple[object, ...], tuple[object, PartialChildren]] = OrderedDict()


def partial_cells(
    tables: Sequence[object], codes: npt.NDArray[np.str_], origins: Sequence[str]
) -> BoolArray | None:
    """``[L, O]`` True where any of ``tables`` (rate tables; None skipped) flags line ``codes[l]``
    partial for origin ``origins[o]``; None when no table flags any of the lines."""
    from tariffscope.impact.pe.law import align_rows

    out: BoolArray | None = None
    for table in tables:
        if table is None:
            continue
        # np.any, not the method: the method's stub cannot tell a 2-D array's row-wise answer
        # (an array) from a scalar, np.any's is untyped and the annotation says which it is
        flagged: BoolArray = np.any(np.asarray(table.unique_partial), axis=1)  # type: ignore[attr-defined]
        if not flagged.any():
            continue
        same = codes is table.codes or np.array_equal(codes, table.codes)  # type: ignore[attr-defined]
        rows = np.arange(len(codes)) if same else align_rows(codes, table.codes)  # type: ignore[attr-defined]
        hit = (rows >= 0) & flagged[np.maximum(rows, 0)]
        if not hit.any():
            continue
        if out is None:
            out = np.zeros((len(codes), len(origins)), dtype=bool)
        position = {o: k for k, o in enumerate(table.origins)}  # type: ignore[attr-defined]
        duty_of = table.duty_of  # type: ignore[attr-defined]
        found = np.array([position.get(o, -1) for o in origins], dtype=np.int64)
        column = np.where(found >= 0, duty_of[np.maximum(found, 0)], 0)
        flags = table.unique_partial[rows[hit]][:, column] & (found >= 0)  # type: ignore[attr-defined]
        out[hit] |= flags
    if out is None or not out.any():
        return None
    return out


def _weights(
    children: npt.NDArray[np.str_], parent: IntArray, origins: Sequence[str]
) -> FloatArray:
    """``[C, O]`` each origin's 2024 HTS10 imports of the children, normalised per parent line,
    with the fallbacks of the module docstring."""
    from tariffscope.data.line_trade import load_line_trade
    from tariffscope.domain.countries import EU_MEMBERS, EUN

    trade = load_line_trade("hts10")
    at = np.minimum(np.searchsorted(trade.codes, children), len(trade.codes) - 1)
    traded = trade.codes[at] == children
    observed = np.where(traded[:, None], trade.observed[at], 0.0)
    own = {p: q for q, p in enumerate(trade.observed_partners)}
    others = [q for p, q in own.items() if p != EUN and p not in EU_MEMBERS]
    mix = observed[:, others].sum(axis=1) + observed[:, own[EUN]]
    n_parents = int(parent.max()) + 1 if parent.size else 0

    def normalised(column: FloatArray) -> tuple[FloatArray, BoolArray]:
        total = np.bincount(parent, weights=column, minlength=n_parents)
        ok = total > 0
        out = np.divide(column, total[parent], out=np.zeros_like(column), where=ok[parent])
        return out, ok

    plain = 1.0 / np.bincount(parent, minlength=n_parents)[parent]
    by_mix, mix_ok = normalised(mix)
    fallback = np.where(mix_ok[parent], by_mix, plain)
    weights = np.empty((len(children), len(origins)))
    for k, origin in enumerate(origins):
        q = own.get(origin)
        if q is None or origin == EUN:
            weights[:, k] = fallback
            continue
        by_own, own_ok = normalised(observed[:, q])
        weights[:, k] = np.where(own_ok[parent], by_own, fallback)
    weights.setflags(write=False)
    return weights


def partial_children(
    codes: npt.NDArray[np.str_], cells: BoolArray, origins: Sequence[str]
) -> PartialChildren:
    """The HTS10 children on the schedule of the lines with a partial cell (``cells``,
    ``[L, O]``) and the weights on them of every origin (memoised by the code array's
    identity, the cells and the origins)."""
    from tariffscope.regime.schedule import load_schedule

    rows = np.flatnonzero(cells.any(axis=1))
    # every origin, not only those with a partial cell: the law engine then reuses the plan
    # (measures, bases) it made for the lines' own call, which costs more than the few extra
    # origins (they share measures); ``refine`` writes the partial cells only
    columns = np.arange(cells.shape[1], dtype=np.int64)
    key = (id(codes), rows.tobytes(), columns.tobytes(), tuple(origins))
    stored = _CHILDREN.get(key)
    if stored is not None and stored[0] is codes:
        _CHILDREN.move_to_end(key)
        return stored[1]
    hts10 = load_schedule().hts10
    kept: list[int] = []
    parts: list[npt.NDArray[np.str_]] = []
    unrefined: list[str] = []
    for row in rows.tolist():
        line = str(codes[row])
        first = np.searchsorted(hts10, line, side="left")
        last = np.searchsorted(hts10, line + "99", side="right")
        under = hts10[first:last]
        if under.size == 0:
            unrefined.append(line)
            continue
        kept.append(row)
        parts.append(under)
    parent = np.repeat(np.arange(len(parts), dtype=np.int64), [p.size for p in parts])
    children = np.concatenate(parts) if parts else np.zeros(0, dtype="U10")
    for array in (parent, children):
        array.setflags(write=False)
    found = PartialChildren(
        rows=np.array(kept, dtype=np.int64),
        codes=children,
        origins=(chosen := tuple(origins[k] for k in columns.tolist())),
        columns=columns,
        parent=parent,
        weights=_weights(children, parent, chosen),
        unrefined=tuple(unrefined),
    )
    _CHILDREN[key] = (codes, found)
    while len(_CHILDREN) > 16:
        _CHILDREN.popitem(last=False)
    return found


def refine(
    rates: FloatArray,
    cells: BoolArray,
    children: PartialChildren,
    child_rates: FloatArray,
    *,
    in_place: bool = False,
) -> FloatArray:
    """``rates`` (``[L, O]``) with each cell of ``cells`` on a line with children replaced by the
    weighted mean of ``child_rates`` (``[C, O']``, the children's rates for their origins);
    a new read-only array (``rates`` itself when nothing changes), or with ``in_place``
    ``rates`` itself, changed and left writable. A child with no rate (NaN) leaves its line's
    cell as it is."""
    if children.rows.size == 0:
        return rates
    means = np.zeros((children.rows.size, children.columns.size))
    np.add.at(means, children.parent, children.weights * child_rates)
    at = np.ix_(children.rows, children.columns)
    mask = cells[at] & np.isfinite(means)
    if not mask.any():
        return rates
    out = rates if in_place else np.array(rates, copy=True, order="F")
    block = out[at]
    block[mask] = means[mask]
    out[at] = block
    if not in_place:
        out.setflags(write=False)
    return out
