"""The stacking engine: which measures apply to a block of HTS lines, for one origin and date.

Given the catalog, an origin, an entry date, the date the law is read as known, and the claims
made for the entry, :func:`active_measures` picks the measures in effect; :func:`evaluate`
then decides, line by line and as NumPy arrays, which measure of each stacking group applies:

1. A measure applies to a line when its product scope covers the line.
2. Exemptions and suspensions switch off the groups or measures they name for their lines.
3. A measure that ``supersedes`` another removes it where both apply.
4. In each group the applicable measure of highest rank wins; rank is (priority, target
   specificity, product specificity). Two applicable measures of equal rank are a catalog
   error (:class:`ScopeConflictError`), never a silent choice.
5. Exclusion rules (``stacking.yaml``) drop groups in the presence of others, in file order
   (e.g. reciprocal duties do not apply to goods subject to Section 232).
6. The duty of a group is its measure's rate; for an inclusive floor it is
   ``max(0, floor - base)`` where ``base`` is the MFN ad valorem rate of the line.

Total ad valorem duty = base + sum over groups of the group duty x its value share. The value
share is 1 except where a measure is charged on metal content only (Section 232 derivatives
before April 2026): that measure applies to the metal share and the groups it excludes apply
to the remaining share.

Both the single-line answer (``resolve``) and the all-lines answer (``resolve_lines``) go
through this module, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

from tariffscope.errors import ScopeConflictError
from tariffscope.regime.catalog import Catalog
from tariffscope.regime.measures import ENACTED_STATUSES, Measure, target_specificity

__all__ = [
    "US_CONTENT",
    "Activation",
    "BlockResult",
    "active_measures",
    "evaluate",
    "measures_in_effect",
    "us_content_share",
]

#: Catalog parameter: share of a USMCA vehicle's value that is US content (catalog.yaml).
US_CONTENT = "us_content_share"

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Activation:
    """The measures that could apply to one origin and entry date under one reading of the law."""

    origin: str
    entry_date: date
    as_known: date | None
    claims: frozenset[str]
    measures: tuple[Measure, ...]
    # measures that would apply if the user made (or withdrew) a claim (for warnings)
    claimable: tuple[Measure, ...] = ()


def effective_to_as_known(
    measure: Measure, catalog_by_id: dict[str, Measure], as_known: date | None
) -> date | None:
    """The measure's end date as it was known on ``as_known``.

    An end set later by another measure (``end_set_by``) is unknown before that measure was
    published, so the measure then reads as open-ended.
    """
    if measure.end_set_by and as_known is not None:
        ender = catalog_by_id.get(measure.end_set_by)
        if ender is not None and not ender.known_on(as_known):
            return None
    return measure.effective_to


def _claims_ok(measure: Measure, claims: frozenset[str]) -> bool:
    return all(c in claims for c in measure.requires_claims) and not any(
        c in claims for c in measure.unless_claims
    )


def measures_in_effect(
    catalog: Catalog, entry_date: date, *, as_known: date | None = None
) -> tuple[Measure, ...]:
    """The catalog's measures in effect on ``entry_date`` for some origin, in catalog order.

    Threatened and proposed measures are left out; a scenario turns them into law by giving them
    the status ``scenario``. What depends on the origin (targets, claims) is left to
    :func:`active_measures`, which takes this list when many origins share a date.
    """
    by_id = catalog.by_id
    return tuple(
        measure
        for measure in catalog.measures
        if measure.status in ENACTED_STATUSES
        # a scenario's measures are hypotheses: they count whatever the as-known date
        and (measure.status == "scenario" or measure.known_on(as_known))
        and measure.in_effect(entry_date, effective_to_as_known(measure, by_id, as_known))
    )


def active_measures(
    catalog: Catalog,
    origin: str,
    entry_date: date,
    *,
    as_known: date | None = None,
    claims: frozenset[str] = frozenset(),
    in_effect: Sequence[Measure] | None = None,
) -> Activation:
    """Measures in effect for goods of ``origin`` entered on ``entry_date``.

    ``in_effect`` is :func:`measures_in_effect` for the same catalog, date and as-known date,
    when the caller already has it.
    """
    if in_effect is None:
        in_effect = measures_in_effect(catalog, entry_date, as_known=as_known)
    chosen: list[Measure] = []
    claimable: list[Measure] = []
    for measure in in_effect:
        if not measure.covers_origin(origin):
            continue
        if _claims_ok(measure, claims):
            chosen.append(measure)
        elif measure.is_switch or measure.unless_claims or measure.requires_claims:
            claimable.append(measure)
    return Activation(origin, entry_date, as_known, claims, tuple(chosen), tuple(claimable))


@dataclass
class BlockResult:
    """Per-line outcome for a block of lines (arrays have one entry per line).

    ``chosen[group]`` holds the index (into ``activation.measures``) of the measure that applies
    in that group, or -1. ``share[group]`` is the value share the group's duty applies to.
    ``reasons`` records, per measure index, why it did not apply where its scope covered the
    line (only filled when ``explain`` is set).
    """

    activation: Activation
    chosen: dict[str, IntArray]
    share: dict[str, FloatArray]
    duty: dict[str, FloatArray]
    partial: BoolArray
    reasons: dict[int, list[tuple[BoolArray, str]]] = field(default_factory=dict)

    def total_additional(self) -> FloatArray:
        total = np.zeros_like(self.partial, dtype=float)
        for group, duty in self.duty.items():
            total += duty * self.share[group]
        return total


def us_content_share(catalog: Catalog, given: float | None) -> float:
    """The US content share to use: the one given, else the catalog's default (0 if none)."""
    if given is not None:
        return given
    default = catalog.parameters.get(US_CONTENT)
    return 0.0 if default is None else default.value


def _rank(measure: Measure) -> tuple[int, int, int]:
    return (measure.priority, target_specificity(measure.targets), measure.scope.specificity)


def evaluate(
    catalog: Catalog,
    activation: Activation,
    codes: npt.NDArray[np.str_],
    base_rate: FloatArray,
    *,
    metal_share: float | None = None,
    us_content: float | None = None,
    scope_masks: dict[str, tuple[BoolArray, BoolArray]] | None = None,
    explain: bool = False,
) -> BlockResult:
    """Apply the stacking steps to ``codes`` (equal-length HTS codes) for one activation.

    Parameters
    ----------
    base_rate
        MFN ad valorem rate of each line (fraction), the base of inclusive floors.
    metal_share
        Share of the customs value that is metal, for measures charged on metal content;
        None charges them on the full value.
    us_content
        Share of the value of a vehicle that is US content, for measures charged on the non-US
        content (USMCA vehicles under Section 232); None takes the catalog's default.
    scope_masks
        Cache of product-scope masks (covered, partly covered) by measure id for this
        ``codes`` array; the vectorized path reuses it across origins.
    """
    measures = activation.measures
    n = codes.shape[0]
    masks: list[BoolArray] = []
    partial = np.zeros(n, dtype=bool)
    for measure in measures:
        cached = None if scope_masks is None else scope_masks.get(measure.id)
        if cached is None:
            cached = (measure.scope.mask(codes), measure.scope.partial_mask(codes))
            if scope_masks is not None:
                scope_masks[measure.id] = cached
        masks.append(cached[0])
        partial |= cached[1]

    reasons: dict[int, list[tuple[BoolArray, str]]] = {}

    def note(index: int, where: BoolArray, why: str) -> None:
        if explain and where.any():
            reasons.setdefault(index, []).append((where, why))

    # Step 2: switches.
    off_group: dict[str, BoolArray] = {}
    off_measure: dict[str, BoolArray] = {}
    switch_of_group: dict[str, list[int]] = {}
    for index, measure in enumerate(measures):
        if not measure.is_switch:
            continue
        for group in measure.exempts_groups:
            off_group[group] = off_group.get(group, np.zeros(n, dtype=bool)) | masks[index]
            switch_of_group.setdefault(group, []).append(index)
        for target in measure.exempts_measures:
            off_measure[target] = off_measure.get(target, np.zeros(n, dtype=bool)) | masks[index]

    # Step 3: supersession (a superseding measure removes the other where it covers the line).
    superseded: dict[str, BoolArray] = {}
    superseded_by: dict[str, str] = {}
    for index, measure in enumerate(measures):
        if measure.is_switch:
            continue
        for target in measure.supersedes:
            superseded[target] = superseded.get(target, np.zeros(n, dtype=bool)) | masks[index]
            superseded_by[target] = measure.id

    # Step 4: one measure per group, highest rank wins.
    chosen: dict[str, IntArray] = {}
    best: dict[str, npt.NDArray[np.int64]] = {}
    order = sorted(
        (i for i, m in enumerate(measures) if not m.is_switch), key=lambda i: _rank(measures[i])
    )
    for index in order:
        measure = measures[index]
        group = measure.group
        applicable = masks[index].copy()
        if measure.id in off_measure:
            note(index, applicable & off_measure[measure.id], "switched off by an exemption")
            applicable &= ~off_measure[measure.id]
        if group in off_group:
            names = ", ".join(measures[i].id for i in switch_of_group[group])
            note(index, applicable & off_group[group], f"exempt under {names}")
            applicable &= ~off_group[group]
        if measure.id in superseded:
            note(
                index,
                applicable & superseded[measure.id],
                f"superseded by {superseded_by[measure.id]}",
            )
            applicable &= ~superseded[measure.id]
        rank = _rank(measure)
        code = rank[0] * 100 + rank[1] * 10 + rank[2]
        slot = chosen.setdefault(group, np.full(n, -1, dtype=np.int64))
        level = best.setdefault(group, np.full(n, -(10**9), dtype=np.int64))
        clash = applicable & (level == code)
        if clash.any():
            other = measures[int(slot[np.argmax(clash)])]
            raise ScopeConflictError(
                f"measures {other.id} and {measure.id} (group {group}) both apply to "
                f"{codes[np.argmax(clash)]} from {activation.origin} on {activation.entry_date} "
                "with equal rank",
                hint="the catalog needs supersedes or narrower dates for one of them",
            )
        if explain:
            for lower in np.unique(slot[applicable & (slot >= 0)]):
                note(
                    int(lower),
                    applicable & (slot == lower),
                    f"replaced in its group by {measure.id}",
                )
        slot[applicable] = index
        level[applicable] = code
    for group in list(chosen):
        if not (chosen[group] >= 0).any():
            del chosen[group]

    share = {group: np.ones(n) for group in chosen}

    # Step 5: exclusion rules between groups.
    charged_on_metal = np.array([m.basis == "metal_content" for m in measures] + [False])
    for rule in catalog.rules:
        if not rule.in_effect(activation.entry_date, activation.origin):
            continue
        present = np.zeros(n, dtype=bool)
        metal_only = np.zeros(n, dtype=bool)
        for group in rule.present:
            if group in chosen:
                slot = chosen[group]
                present |= slot >= 0
                metal_only |= charged_on_metal[slot]  # index -1 reads the trailing False
        if not present.any():
            continue
        for group in rule.drop:
            if group not in chosen:
                continue
            here = (chosen[group] >= 0) & present
            if metal_share is not None:
                partly = here & metal_only
                share[group][partly] = np.minimum(share[group][partly], 1.0 - metal_share)
                here = here & ~metal_only
            if explain:
                for index in np.unique(chosen[group][here]):
                    note(int(index), here & (chosen[group] == index), f"does not stack ({rule.id})")
            chosen[group][here] = -1

    # Step 6: duties.
    duty: dict[str, FloatArray] = {}
    for group, slot in chosen.items():
        values = np.zeros(n)
        for index in np.unique(slot[slot >= 0]):
            measure = measures[int(index)]
            where = slot == index
            rate = measure.rate or 0.0
            if measure.rule == "inclusive_floor":
                values[where] = np.maximum(0.0, rate - base_rate[where])
            else:
                values[where] = rate
            if measure.basis == "metal_content" and metal_share is not None:
                share[group][where] = np.minimum(share[group][where], metal_share)
            if measure.basis == "non_us_content":
                non_us = 1.0 - us_content_share(catalog, us_content)
                share[group][where] = np.minimum(share[group][where], non_us)
        duty[group] = values
    return BlockResult(activation, chosen, share, duty, partial, reasons)


def measures_in(result: BlockResult, line: int) -> Sequence[tuple[str, Measure]]:
    """(group, measure) pairs that apply to one line of a block result."""
    out = []
    for group, slot in result.chosen.items():
        if slot[line] >= 0:
            out.append((group, result.activation.measures[int(slot[line])]))
    return out
