"""The one place the service calls the library: each function answers one endpoint as JSON data.

The service holds no domain logic of its own. Until the notebook API (``tariffscope.rate``,
``tariffscope.simulate``, ...) lands, these functions call what the CLI commands call; moving
to that API changes this module only.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from tariffscope.errors import InputError, NotCoveredError
from tariffscope.store import Store

__all__ = [
    "board",
    "brief",
    "catalog_measures",
    "compare",
    "etr",
    "etr_chart",
    "history",
    "negotiation",
    "rate",
    "simulate",
]

#: The news pipeline is loaded once and used by one thread at a time (spaCy does not promise
#: that one pipeline may run in several threads).
NLP_LOCK = threading.Lock()


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
    """The duty on a product from an origin on an entry date (as ``tariffscope rate``)."""
    from tariffscope.regime.resolve import resolve

    result = resolve(
        hts,
        origin,
        entry_date.isoformat(),
        None if as_known is None else as_known.isoformat(),
        _enacted(enact),
        claims=tuple(claims),
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
    """Every change of the duty on a product from an origin (as ``tariffscope history``)."""
    from tariffscope.regime.history import history as law_history

    changes = law_history(
        hts,
        origin,
        start=None if start is None else start.isoformat(),
        end=None if end is None else end.isoformat(),
        scenario=_enacted(enact),
        claims=tuple(claims),
    )
    return [c.to_dict() for c in changes]


def catalog_measures(origin: str | None = None, on: dt.date | None = None) -> dict[str, Any]:
    """The measure catalog, or the measures covering an origin in effect on a date."""
    from tariffscope.cli.rate import _measure_rows
    from tariffscope.regime.resolve import default_catalog

    return {"catalog_version": default_catalog().version, "measures": _measure_rows(origin, on)}


def _enacted(ids: Sequence[str]) -> Any:
    """A scenario enacting catalog measures; never a file (the service reads no user paths)."""
    if not ids:
        return None
    from tariffscope.regime.scenario import scenario_from_mapping

    return scenario_from_mapping({"name": "enact:" + "+".join(ids), "enact": list(ids)})


# -- effective rates -------------------------------------------------------------------------
def etr(start: dt.date, end: dt.date, partners: Sequence[str] | None, by: str, rates: str) -> Any:
    """The effective-rate frame (as ``tariffscope etr``)."""
    from tariffscope.impact.etr import LINE_RATES, effective_rates

    return effective_rates(
        start.isoformat(),
        end.isoformat(),
        partners=list(partners) if partners else None,
        by=by,
        line_rates=LINE_RATES[rates],
    )


def etr_rows(frame: Any) -> dict[str, Any]:
    """Rows, warnings and sources of an effective-rate frame."""
    return {
        "rows": frame.to_dict(orient="records"),
        "warnings": list(frame.attrs.get("warnings", [])),
        "sources": list(frame.attrs.get("sources", [])),
    }


def etr_chart(frame: Any) -> dict[str, Any]:
    """The Vega-Lite specification of an effective-rate frame."""
    from tariffscope.report.etr_chart import etr_chart as chart

    spec: dict[str, Any] = chart(frame)
    return spec


# -- pricing ---------------------------------------------------------------------------------
def _outcome(
    partner: str,
    label: str | None,
    entry_date: str,
    enact: Sequence[str],
    as_known: str | None,
    draws: int,
    seed: int,
    reference_date: str,
) -> Any:
    from tariffscope.impact.pe.law import price_outcome

    return price_outcome(
        partner=partner,
        entry_date=entry_date,
        scenario=_enacted(enact),
        label=label,
        reference_date=reference_date,
        draws=draws,
        seed=seed,
        as_known=as_known,
    )


def _settings(partner: str, draws: int, seed: int, reference_date: str) -> Any:
    from tariffscope.cli._pricing import Method, SigmaSource, settings_from

    return settings_from(
        "USA", partner, draws, seed, Method.exact_ces, SigmaSource.hauk, None, reference_date
    )


def simulate(
    partner: str,
    entry_date: dt.date,
    enact: Sequence[str] = (),
    as_known: dt.date | None = None,
    draws: int = 200,
    seed: int = 0,
    reference_date: dt.date = dt.date(2025, 1, 1),
) -> dict[str, Any]:
    """Price the law on a date (plus enacted measures) for a partner (as ``simulate``)."""
    from tariffscope.cli._pricing import headline_rows, meta, sector_rows

    settings = _settings(partner, draws, seed, reference_date.isoformat())
    spec = "enact:" + "+".join(enact) if enact else None
    known = None if as_known is None else as_known.isoformat()
    try:
        outcome = _outcome(
            settings.partner,
            None,
            entry_date.isoformat(),
            enact,
            known,
            draws,
            seed,
            settings.reference_date,
        )
    except NotCoveredError as error:
        return _not_priced(settings.partner, error)
    info = meta(outcome, settings, spec, known)
    return {
        **info,
        "headline": headline_rows(outcome),
        "sectors": sector_rows(outcome, 10).to_dict(orient="records"),
    }


def compare(
    partner: str,
    on: dt.date | None,
    cases: Sequence[tuple[str, dt.date, Sequence[str], dt.date | None]] = (),
    draws: int = 200,
    seed: int = 0,
    reference_date: dt.date = dt.date(2025, 1, 1),
) -> dict[str, Any]:
    """Several outcomes side by side: the given ``(label, date, enact, as_known)`` cases, or
    the catalog's cases on ``on`` (the law, the partner's threats, its deal)."""
    from tariffscope.cli._pricing import headline_rows, meta
    from tariffscope.cli.compare import catalog_cases

    settings = _settings(partner, draws, seed, reference_date.isoformat())
    plan: list[tuple[str, str, list[str], str | None]] = []
    if cases:
        for label, day, enact, known in cases:
            plan.append(
                (label, day.isoformat(), list(enact), None if known is None else known.isoformat())
            )
    elif on is not None:
        for case in catalog_cases(settings.partner, on.isoformat()):
            ids = [] if not case.scenario else case.scenario[len("enact:") :].split("+")
            plan.append((case.label, case.date, ids, case.as_known))
    else:
        raise InputError("give a date or at least one case")
    results = []
    for label, day_text, enact, known in plan:
        try:
            outcome = _outcome(
                settings.partner,
                label,
                day_text,
                enact,
                known,
                draws,
                seed,
                settings.reference_date,
            )
        except NotCoveredError as error:
            return _not_priced(settings.partner, error)
        spec = "enact:" + "+".join(enact) if enact else None
        results.append({**meta(outcome, settings, spec, known), "headline": headline_rows(outcome)})
    return {
        "partner": settings.partner,
        "reference_date": settings.reference_date,
        "cases": results,
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
    """The brief of one story, given as text (with an optional header block) or a URL."""
    from tariffscope.report.build import brief_from_sources
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
            made, _ = brief_from_sources(
                [source], draws=draws, seed=0, ge_model=ge, pair=pair, as_of=as_of
            )
    out: dict[str, Any] = brief_to_dict(made)
    if text is not None:
        out["warnings"] = [str(w).replace(source, "<story>") for w in out.get("warnings", [])]
    return out


# -- negotiations ----------------------------------------------------------------------------
def _oriented(store: Store, parties: tuple[str, str]) -> Any:
    """The state with the imposing party first (the one most measures are reported from)."""
    from tariffscope.tracker import negotiation_state

    state = negotiation_state(store, parties)
    imposers = [m.imposer for m in state.measures]
    if imposers.count(parties[1]) > imposers.count(parties[0]):
        state = negotiation_state(store, (parties[1], parties[0]))
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


def board(store: Store, today: dt.date) -> list[dict[str, Any]]:
    """Every negotiation in the store: status, next deadline and the days to it (from the
    stories' date and from ``today``), the latest event and the number of stories."""
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
                "next_deadline": None
                if deadline is None
                else {
                    "date": deadline.date.isoformat(),
                    "what": deadline.what,
                    "days_left": deadline.days_left,
                    "days_from_today": (deadline.date - today).days,
                },
                "deadlines": [
                    {
                        "date": d.date.isoformat(),
                        "what": d.what,
                        "days_left": d.days_left,
                        "days_from_today": (d.date - today).days,
                    }
                    for d in state.deadlines
                ],
                "latest_event": _latest_event(state),
                "n_events": len(state.events),
                "n_sources": len({a.article_id for a in state.articles}),
            }
        )
    rows.sort(key=lambda r: (-r["n_sources"], r["pair"]))
    return rows


def negotiation(store: Store, pair: str, as_of: dt.date | None) -> dict[str, Any]:
    """A negotiation's state on a date: events with sources, quotes, measures, deadlines."""
    from tariffscope.tracker import negotiation_state

    state = negotiation_state(store, pair, as_of=as_of)
    out: dict[str, Any] = state.to_dict()
    return out
