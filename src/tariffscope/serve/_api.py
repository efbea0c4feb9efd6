"""The JSON API under ``/api``: the law, effective rates, negotiations, pricing, ingest jobs."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, NamedTuple

from fastapi import APIRouter, Depends, Query, Request
from starlette.exceptions import HTTPException

from tariffscope.errors import InputError
from tariffscope.serve import _backend as backend
from tariffscope.serve._context import Context
from tariffscope.serve._hub import QueueFullError
from tariffscope.serve._models import (
    BriefRequest,
    CompareRequest,
    IngestRequest,
    SimulateRequest,
)

__all__ = ["MAX_ETR_DAYS", "MAX_ETR_PARTNERS", "router"]

MAX_ETR_DAYS = 400
"""Longest effective-rate series one request may ask for (a year takes ~20 s cold)."""
MAX_ETR_PARTNERS = 10

Hts = Annotated[
    str,
    Query(
        min_length=4,
        max_length=14,
        pattern=r"^[0-9][0-9.]*$",
        description="HTS code, 8 or 10 digits (dots optional)",
        examples=["8703.23.01"],
    ),
]
Country = Annotated[
    str, Query(min_length=2, max_length=3, pattern=r"^[A-Za-z]{2,3}$", examples=["JPN"])
]
MeasureIds = Annotated[
    list[str],
    Query(max_length=20, description="catalog measures to enact (scenario)"),
]
Claims = Annotated[list[str], Query(max_length=10, description="claims, e.g. usmca")]
PairPath = Annotated[str, "two parties, e.g. USA-JPN"]

router = APIRouter(prefix="/api")


def ctx(request: Request) -> Context:
    """The service context."""
    context: Context = request.app.state.context
    return context


def reader(request: Request) -> Context:
    """The context, after checking the read token where one is needed."""
    context = ctx(request)
    context.guard.read(request)
    return context


def writer(request: Request) -> Context:
    """The context, after checking the write token."""
    context = ctx(request)
    context.guard.write(request)
    return context


Read = Annotated[Context, Depends(reader)]
Write = Annotated[Context, Depends(writer)]


def _short(items: list[str], what: str, pattern: str = r"^[A-Za-z0-9_.\-]{1,80}$") -> list[str]:
    import re

    for item in items:
        if not re.match(pattern, item):
            raise InputError(f"{what} {item[:40]!r} is not valid")
    return items


# -- the law ---------------------------------------------------------------------------------
@router.get("/rate", summary="The duty on a product from an origin on an entry date")
async def rate(
    context: Read,
    hts: Hts,
    origin: Country,
    date: Annotated[dt.date, Query(description="entry date")],
    as_known: dt.date | None = None,
    claim: Claims = [],  # noqa: B006  (FastAPI copies query defaults)
    enact: MeasureIds = [],  # noqa: B006
    unit_value: Annotated[float | None, Query(gt=0, le=1e12, allow_inf_nan=False)] = None,
    metal_share: Annotated[float | None, Query(ge=0, le=1, allow_inf_nan=False)] = None,
    us_content: Annotated[float | None, Query(ge=0, le=1, allow_inf_nan=False)] = None,
) -> dict[str, Any]:
    """The duty layer by layer, each with its legal source (as ``tariffscope rate``)."""
    _short(claim, "claim")
    _short(enact, "measure")
    return await context.runner(
        backend.rate, hts, origin, date, as_known, claim, enact, unit_value, metal_share, us_content
    )


@router.get("/history", summary="Every change of the duty on a product from an origin")
async def history(
    context: Read,
    hts: Hts,
    origin: Country,
    start: Annotated[dt.date | None, Query(alias="from")] = None,
    end: Annotated[dt.date | None, Query(alias="to")] = None,
    claim: Claims = [],  # noqa: B006
    enact: MeasureIds = [],  # noqa: B006
) -> list[dict[str, Any]]:
    """The duty's changes and the measure causing each (as ``tariffscope history``)."""
    _short(claim, "claim")
    _short(enact, "measure")
    if start is not None and end is not None and end < start:
        raise InputError(f"'to' ({end}) is before 'from' ({start})")
    return await context.runner(backend.history, hts, origin, start, end, claim, enact)


@router.get("/measures", summary="The measure catalog")
async def measures(
    context: Read, origin: Country | None = None, on: dt.date | None = None
) -> dict[str, Any]:
    """Every measure, or those covering an origin in effect on a date, with legal sources."""
    return await context.runner(backend.catalog_measures, origin, on)


# -- effective rates -------------------------------------------------------------------------
def _etr_frame(
    context: Context,
    date: dt.date | None,
    start: dt.date | None,
    end: dt.date | None,
    partner: list[str],
    by: str,
    rates: str,
) -> Any:
    if date is not None:
        if start is not None or end is not None:
            raise InputError("give date, or from and to, not both")
        start = end = date
    if start is None or end is None:
        raise InputError("give date, or from and to")
    if end < start:
        raise InputError(f"'to' ({end}) is before 'from' ({start})")
    if (end - start).days >= MAX_ETR_DAYS:
        raise InputError(f"the period is longer than {MAX_ETR_DAYS} days; ask for a shorter one")
    names = sorted({p.upper() for p in _short(partner, "partner", r"^[A-Za-z]{2,3}$")})
    key = ("etr", start, end, tuple(names), by, rates)
    return context.heavy.get_or_make(key, lambda: backend.etr(start, end, names or None, by, rates))


EtrBy = Annotated[Literal["partner", "sector"], Query(description="one row per partner or sector")]
EtrRates = Annotated[
    Literal["applied", "statutory"], Query(description="preference claims by claim shares, or none")
]
Partners = Annotated[list[str], Query(max_length=MAX_ETR_PARTNERS, description="ISO3, EUN or ALL")]


class EtrQuery(NamedTuple):
    """The query of an effective-rate series (``/etr`` and ``/etr/chart``)."""

    date: dt.date | None
    start: dt.date | None
    end: dt.date | None
    partner: list[str]
    by: str
    rates: str


def _etr_query(
    date: dt.date | None = None,
    start: Annotated[dt.date | None, Query(alias="from")] = None,
    end: Annotated[dt.date | None, Query(alias="to")] = None,
    partner: Partners = [],  # noqa: B006
    by: EtrBy = "partner",
    rates: EtrRates = "applied",
) -> EtrQuery:
    return EtrQuery(date, start, end, partner, by, rates)


Etr = Annotated[EtrQuery, Depends(_etr_query)]


@router.get("/etr", summary="Effective tariff rates by day")
async def etr(context: Read, query: Etr) -> dict[str, Any]:
    """Duties the law levies on 2024 US imports / those imports (as ``tariffscope etr``)."""
    frame = await context.runner(_etr_frame, context, *query, heavy=True)
    return backend.etr_rows(frame)


@router.get("/etr/chart", summary="The effective-rate chart (Vega-Lite)")
async def etr_chart(context: Read, query: Etr) -> dict[str, Any]:
    """A Vega-Lite specification of the series (the dashboard draws it)."""
    frame = await context.runner(_etr_frame, context, *query, heavy=True)
    if frame.empty:
        raise InputError("there are no rows to draw for this request")
    return await context.runner(backend.etr_chart, frame)


# -- negotiations ----------------------------------------------------------------------------
def board_rows(context: Context) -> list[dict[str, Any]]:
    """The board, recomputed only when a story was added since the last time."""
    today = context.today()

    def make() -> list[dict[str, Any]]:
        with context.hub.reader() as store:
            return backend.board(store, today)

    return list(context.reads.get_or_make(("board", context.hub.generation, today), make))


def pair_state(context: Context, pair: str, as_of: dt.date | None) -> dict[str, Any]:
    """A negotiation's state (cached until a story is added)."""

    def make() -> dict[str, Any]:
        with context.hub.reader() as store:
            return backend.negotiation(store, pair, as_of)

    return dict(context.reads.get_or_make(("pair", context.hub.generation, pair, as_of), make))


@router.get("/negotiations", summary="Every negotiation in the store")
async def negotiations(context: Read) -> dict[str, Any]:
    """Each pair with status, next deadline and days left, latest event, number of stories."""
    rows = await context.runner(board_rows, context)
    return {"today": context.today().isoformat(), "negotiations": rows}


@router.get("/negotiations/{pair}", summary="A negotiation's state on a date")
async def negotiation(
    context: Read, pair: PairPath, as_of: dt.date | None = None
) -> dict[str, Any]:
    """Status, actors, events with their sources, quotes, measures and deadlines."""
    _pair_text(pair)
    return await context.runner(pair_state, context, pair, as_of)


@router.get("/negotiations/{pair}/timeline", summary="A negotiation's events in time order")
async def timeline(context: Read, pair: PairPath, as_of: dt.date | None = None) -> dict[str, Any]:
    """The merged events, each with every story that reports it."""
    _pair_text(pair)
    state = await context.runner(pair_state, context, pair, as_of)
    return {"parties": state["parties"], "as_of": state["as_of"], "events": state["events"]}


def _pair_text(pair: str) -> None:
    if len(pair) > 40:
        raise InputError(f"pair {pair[:40]!r}... is too long", hint="write e.g. USA-JPN")


# -- pricing and briefs ----------------------------------------------------------------------
@router.post("/brief", summary="Brief one story (text or URL)")
async def brief(context: Read, body: BriefRequest) -> dict[str, Any]:
    """Who met whom, who said what, the law, the deadline and what each outcome costs."""
    ge = None if body.ge == "none" else body.ge
    return await context.runner(
        backend.brief, body.text, body.url, body.pair, body.as_of, body.draws, ge, heavy=True
    )


@router.post("/simulate", summary="Price one outcome for a partner")
async def simulate(context: Read, body: SimulateRequest) -> dict[str, Any]:
    """Trade, duties and costs of the law on a date (plus enacted measures) vs the reference."""
    return await context.runner(
        backend.simulate,
        body.partner,
        body.date,
        body.enact,
        body.as_known,
        body.draws,
        body.seed,
        body.reference_date,
        heavy=True,
    )


@router.post("/compare", summary="Price several outcomes side by side")
async def compare(context: Read, body: CompareRequest) -> dict[str, Any]:
    """Headline numbers with 90% intervals for each outcome."""
    cases = [(c.label, c.date, c.enact, c.as_known) for c in body.cases]
    return await context.runner(
        backend.compare,
        body.partner,
        body.date,
        cases,
        body.draws,
        body.seed,
        body.reference_date,
        heavy=True,
    )


# -- ingest jobs -----------------------------------------------------------------------------
@router.post("/ingest", status_code=202, summary="Queue stories to add to the store")
async def ingest(context: Write, body: IngestRequest) -> dict[str, Any]:
    """A job that reads the stories into the store; follow it at ``/api/jobs/{id}``."""
    texts = [(s.title or f"pasted story {i + 1}", s.as_file()) for i, s in enumerate(body.stories)]
    try:
        job = await context.runner(context.hub.submit, texts, list(body.urls))
    except QueueFullError as error:
        raise HTTPException(429, f"{error}; retry later", headers={"Retry-After": "10"}) from None
    return job.to_dict()


@router.get("/jobs", summary="Ingest jobs, newest first")
async def jobs(context: Read) -> dict[str, Any]:
    """Every job with its status and progress (``interrupted``: cut off by a server stop)."""
    return {"jobs": [j.to_dict() for j in context.hub.journal.all()[:200]]}


@router.get("/jobs/{job_id}", summary="One ingest job")
async def job(context: Read, job_id: str) -> dict[str, Any]:
    """Status, inputs done of total, and one result per input."""
    found = context.hub.journal.get(job_id)
    if found is None:
        raise HTTPException(404, f"no job {job_id[:40]!r}")
    return found.to_dict()
