"""The one place the service calls tariffscope: each function answers one endpoint as JSON data.

The service holds no domain logic of its own: every answer comes from the Python API
(:mod:`tariffscope.api`, the functions ``import tariffscope`` gives), turned into JSON records
here. Two things come from the library because the API returns them as objects: the JSON of a
brief (:func:`tariffscope.report.json_out.brief_to_dict`, as docs/api.md says) and the store the
service owns (the API reads it through an open :class:`~tariffscope.store.Store`).
No module of the service imports :mod:`tariffscope.cli`.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from tariffscope import api
from tariffscope.errors import NotCoveredError
from tariffscope.store import Store

__all__ = [
    "NLP_LOCK",
    "board",
    "brief",
    "catalog_measures",
    "compare",
    "etr",
    "etr_chart",
    "etr_rows",
    "history",
    "negotiation",
    "rate",
    "simulate",
]

#: The news pipeline is loaded once and used by one thread at a time (spaCy does not promise
#: that one pipeline may run in several threads).
NLP_LOCK = threading.Lock()


def _records(frame: Any) -> list[dict[str, Any]]:
    """A DataFrame's rows as records, missing values (NaN, NaT) as None."""
    rows: list[dict[str, Any]] = frame.to_dict(orient="records")
    return [{k: _present(v) for k, v in row.items()} for row in rows]


def _present(value: Any) -> Any:
    if isinstance(value, (list, tuple, dict, str)):
        return value
    return None if pd.isna(value) else value


def _enacted(ids: Sequence[str]) -> str | None:
    """Catalog measures to enact as the API's scenario text; never a file (the service reads
    no user paths)."""
    return "enact:" + "+".join(ids) if ids else None


# -- the law ---------------------------------------------------------------------------------
def rate(
    hts: str,
    origin: str,
    entry_date: dt.date,
    as_known: dt.date | None = None,
    claims: Sequence[str] = (),
    enact: Sequence[str] = (),
    unit_value: float | None = None,
    metal_share: float | None = None,
    us_content: float | None = None,
) -> dict[str, Any]:
    """The duty on a product from an origin on an entry date (:func:`tariffscope.rate`)."""
    result = api.rate(
        hts,
        origin=origin,
        date=entry_date,
        as_known=as_known,
        scenario=_enacted(enact),
        claims=claims,
        unit_value=unit_value,
        metal_share=metal_share,
        us_content=us_content,
    )
    out: dict[str, Any] = result.to_dict()
    return out


def history(
    hts: str,
    origin: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
    claims: Sequence[str] = (),
    enact: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Every change of the duty on a product from an origin (:func:`tariffscope.history`)."""
    changes = api.history(
        hts, origin=origin, start=start, end=end, scenario=_enacted(enact), claims=claims
    )
    return [c.to_dict() for c in changes]


def catalog_measures(origin: str | None = None, on: dt.date | None = None) -> dict[str, Any]:
    """The measure catalog, or the measures covering an origin in effect on a date
    (:func:`tariffscope.measures`)."""
    frame = api.measures(origin=origin, on=on)
    return {"catalog_version": frame.attrs["catalog_version"], "measures": _records(frame)}


# -- effective rates -------------------------------------------------------------------------
def etr(start: dt.date, end: dt.date, partners: Sequence[str] | None, by: str, rates: str) -> Any:
    """The effective-rate frame (:func:`tariffscope.etr`)."""
    return api.etr(
        start=start,
        end=end,
        partners=list(partners) if partners else None,
        by=by,  # type: ignore[arg-type]
        rates=rates,  # type: ignore[arg-type]
    )


def etr_rows(frame: Any) -> dict[str, Any]:
    """Rows, warnings and sources of an effective-rate frame."""
    return {
        "rows": frame.to_dict(orient="records"),
        "warnings": list(frame.attrs.get("warnings", [])),
        "sources": list(frame.attrs.get("sources", [])),
    }


def etr_chart(frame: Any) -> dict[str, Any]:
    """The Vega-Lite specification of an effective-rate frame (:func:`tariffscope.etr_chart`)."""
    return api.etr_chart(frame)


# -- pricing ---------------------------------------------------------------------------------
def _priced(simulation: Any, sectors: bool) -> dict[str, Any]:
    out: dict[str, Any] = {**simulation.meta, "headline": _records(simulation.headline)}
    if sectors:
        out["sectors"] = simulation.sectors.to_dict(orient="records")
    return out


def simulate(
    partner: str,
    entry_date: dt.date,
    enact: Sequence[str] = (),
    as_known: dt.date | None = None,
    draws: int = 200,
    seed: int = 0,
    reference_date: dt.date = dt.date(2025, 1, 1),
) -> dict[str, Any]:
    """Price the law on a date (plus enacted measures) for a partner
    (:func:`tariffscope.simulate`); a partner without trade data gives ``priced: false``."""
    try:
        simulation = api.simulate(
            partner=partner,
            date=entry_date,
            scenario=_enacted(enact),
            as_known=as_known,
            draws=draws,
            seed=seed,
            reference_date=reference_date,
        )
    except NotCoveredError as error:
        return _not_priced(partner.upper(), error)
    return _priced(simulation, sectors=True)


def compare(
    partner: str,
    on: dt.date | None,
    cases: Sequence[tuple[str, dt.date, Sequence[str], dt.date | None]] = (),
    draws: int = 200,
    seed: int = 0,
    reference_date: dt.date = dt.date(2025, 1, 1),
) -> dict[str, Any]:
    """Several outcomes side by side (:func:`tariffscope.compare`): the given
    ``(label, date, enact, as_known)`` cases, or the catalog's cases on ``on`` (the law, the
    partner's threats, its deal)."""
    plan = [
        (label, day.isoformat(), _enacted(enact), None if known is None else known.isoformat())
        for label, day, enact, known in cases
    ]
    try:
        comparison = api.compare(
            partner=partner,
            date=on,
            cases=plan or None,
            draws=draws,
            seed=seed,
            reference_date=reference_date,
        )
    except NotCoveredError as error:
        return _not_priced(partner.upper(), error)
    return {
        "partner": comparison.partner,
        "reference_date": comparison.reference_date,
        "cases": [_priced(case, sectors=False) for case in comparison.cases],
        "warnings": [],
    }


def _not_priced(partner: str, error: NotCoveredError) -> dict[str, Any]:
    return {"partner": partner, "priced": False, "headline": [], "warnings": [error.one_line()]}


# -- the brief -------------------------------------------------------------------------------
def brief(
    text: str | None,
    url: str | None,
    pair: str | None,
    as_of: dt.date | None,
    draws: int,
    ge: str | None,
) -> dict[str, Any]:
    """The brief of one story, given as text (with an optional header block) or a URL
    (:func:`tariffscope.brief`)."""
    from tariffscope.errors import InputError
    from tariffscope.report.json_out import brief_to_dict

    with tempfile.TemporaryDirectory(prefix="tariffscope-brief-") as folder:
        if text is not None:
            path = Path(folder) / "story.txt"
            path.write_text(text, encoding="utf-8")
            source = str(path)
        elif url is not None:
            source = url
        else:
            raise InputError("give the story's text or its URL")
        with NLP_LOCK:
            made = api.brief(source, pair=pair, as_of=as_of, draws=draws, seed=0, ge=ge)
    out: dict[str, Any] = brief_to_dict(made)
    if text is not None:
        out["warnings"] = [str(w).replace(source, "<story>") for w in out.get("warnings", [])]
    return out


# -- negotiations ----------------------------------------------------------------------------
def _oriented(store: Store, parties: tuple[str, str]) -> Any:
    """The state with the imposing party first (the one most measures are reported from)."""
    state = api.timeline(parties, db=store)
    imposers = [m.imposer for m in state.measures]
    if imposers.count(parties[1]) > imposers.count(parties[0]):
        state = api.timeline((parties[1], parties[0]), db=store)
    return state


def _latest_event(state: Any) -> dict[str, Any] | None:
    dated = [e for e in state.events if e.sort_date is not None]
    if not dated:
        return None
    event = max(dated, key=lambda e: e.sort_date)
    return {
        "kind": event.kind,
        "date": event.sort_date.isoformat(),
        "participants": list(event.participants),
        "place": event.place,
        "status": event.status,
        "n_sources": event.n_sources,
    }


def _deadline(deadline: Any, today: dt.date) -> dict[str, Any]:
    return {
        "date": deadline.date.isoformat(),
        "what": deadline.what,
        "days_left": deadline.days_left,
        "days_from_today": (deadline.date - today).days,
    }


def board(store: Store, today: dt.date) -> list[dict[str, Any]]:
    """Every negotiation in the store (:func:`tariffscope.timeline` of each): status, next
    deadline and the days to it (from the stories' date and from ``today``), the latest event
    and the number of stories."""
    rows = []
    for negotiation in store.negotiations():
        state = _oriented(store, negotiation.parties)
        deadline = state.next_deadline
        rows.append(
            {
                "pair": list(state.parties),
                "status": state.status,
                "status_reason": state.status_reason,
                "as_of": None if state.as_of is None else state.as_of.isoformat(),
                "next_deadline": None if deadline is None else _deadline(deadline, today),
                "deadlines": [_deadline(d, today) for d in state.deadlines],
                "latest_event": _latest_event(state),
                "n_events": len(state.events),
                "n_sources": len({a.article_id for a in state.articles}),
            }
        )
    rows.sort(key=lambda r: (-r["n_sources"], r["pair"]))
    return rows


def negotiation(store: Store, pair: str, as_of: dt.date | None) -> dict[str, Any]:
    """A negotiation's state on a date: events with sources, quotes, measures, deadlines
    (:func:`tariffscope.timeline`)."""
    state = api.timeline(pair, as_of=as_of, db=store)
    out: dict[str, Any] = state.to_dict()
    return out
