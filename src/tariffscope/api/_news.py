"""Reading stories and following negotiations: extract, brief, timeline, negotiations."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

if TYPE_CHECKING:
    from tariffscope.domain.news import Extraction
    from tariffscope.report.brief import Brief
    from tariffscope.store import Store
    from tariffscope.tracker import IngestReport, NegotiationState
from tariffscope.api._dates import DateLike

__all__ = ["BriefSet", "brief", "briefs", "extract", "ingest", "negotiations", "timeline"]


def _day(value: DateLike | None, what: str) -> dt.date | None:
    from tariffscope.errors import MalformedInputError

    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise MalformedInputError(
            f"{what} {value!r} is not a date", hint="write it as YYYY-MM-DD"
        ) from None


def extract(
    source: str | Path | None = None, *, text: str | None = None, model: str | None = None
) -> Extraction:
    """Read one trade story into actors, events, quotes, measures and deadlines.

    ``source`` is a file (text with an optional ``url:``/``title:``/``published:``/``outlet:``
    header block, or HTML), an http(s) URL, or ``"-"`` for standard input; or give the story
    itself as ``text`` (same header block allowed). ``model`` names the spaCy package.

    Raises
    ------
    ExtractionError
        A missing, unreadable, empty, binary, oversized or non-English story (exit 2 in the CLI).
    """
    from tariffscope.errors import InputError
    from tariffscope.news.api import extract as extract_article
    from tariffscope.news.ingest import article_from_text, read_article, read_stdin
    from tariffscope.news.pipeline import load_pipeline
    from tariffscope.tracker._law_dating import catalog_law

    if (source is None) == (text is None):
        raise InputError("give either a source (file, URL or '-') or text")
    if text is not None:
        article = article_from_text(text)
    elif str(source) == "-":
        article = read_stdin()
    elif str(source).startswith(("http://", "https://")):
        from tariffscope.news.fetch import fetch_article

        article = fetch_article(str(source))
    else:
        article = read_article(Path(str(source)))
    # an undated story whose clues give no year is dated by the law it reports
    return extract_article(article, load_pipeline(model), law=catalog_law)


@dataclass(frozen=True, eq=False)
class BriefSet:
    """The briefs of a set of stories (the main negotiation first) and the story texts (the
    HTML brief shows them)."""

    briefs: tuple[Brief, ...]
    texts: tuple[str, ...]


def briefs(
    sources: Sequence[str | Path],
    *,
    pair: str | None = None,
    all_pairs: bool = False,
    as_of: DateLike | None = None,
    db: str | Path | None = None,
    draws: int = 500,
    seed: int = 0,
    ge: str | None = "gravity",
    model: str | None = None,
    political_economy: str | None = None,
) -> BriefSet:
    """Brief the negotiations of ``sources`` (files or URLs): one brief for ``pair`` (default:
    the one the stories centre on), or one per negotiation with ``all_pairs``.

    ``ge`` is "gravity", "cp" or None (no economy-wide section); ``db`` a store to ingest into
    and read the negotiation from (default: one in memory). ``political_economy``
    (``ossa2014`` or ``uniform:W``, as for :func:`tariffscope.api.deals`): weights on organised
    sectors for the deal space's payoffs, then government welfare; default None, real income.
    See :func:`brief`.
    """
    from tariffscope.errors import MalformedInputError
    from tariffscope.impact.tradewar.political_economy import parse_political_economy
    from tariffscope.report.build import briefs_from_sources

    if ge not in ("gravity", "cp", "none", None):
        raise MalformedInputError(f"unknown --ge model {ge!r}", hint="use gravity, cp or none")
    if pair is not None and all_pairs:
        raise MalformedInputError("give --pair or --all-pairs, not both")
    weights = None if political_economy is None else parse_political_economy(political_economy)
    if isinstance(sources, (str, Path)):
        sources = [sources]
    found, texts = briefs_from_sources(
        [str(s) for s in sources],
        db=None if db is None else Path(db),
        draws=draws,
        seed=seed,
        model=model,
        ge_model=None if ge in (None, "none") else ge,
        pair=pair,
        as_of=_day(as_of, "--as-of"),
        all_pairs=all_pairs,
        political_economy=weights,
    )
    return BriefSet(tuple(found), tuple(texts))


def brief(
    *sources: str | Path,
    pair: str | None = None,
    as_of: DateLike | None = None,
    db: str | Path | None = None,
    draws: int = 500,
    seed: int = 0,
    ge: str | None = "gravity",
    model: str | None = None,
) -> Brief:
    """A sourced and priced brief of the negotiation the stories concern.

    ``pair`` (imposer first, e.g. ``"USA-CHN"``) picks the negotiation; ``as_of`` the day
    (default: the latest publication date). The :class:`~tariffscope.report.brief.Brief` holds
    the players, events, quotes, the law, the deadline and the priced outcomes;
    ``tariffscope.report.json_out.brief_to_dict(b)`` is the JSON of ``tariffscope brief``.

    Raises
    ------
    InputError, ExtractionError
        No sources, an unreadable story, a bad pair or date.
    """
    from tariffscope.errors import InputError

    if not sources:
        raise InputError("give at least one story (file or URL)")
    found = briefs(
        list(sources), pair=pair, as_of=as_of, db=db, draws=draws, seed=seed, ge=ge, model=model
    )
    return found.briefs[0]


def _open_store(db: str | Path | Store | None) -> Any:
    """The store to read: an open one as given (left open), else the file opened read-only."""
    from contextlib import nullcontext

    from tariffscope.errors import MalformedInputError
    from tariffscope.store import Store, default_db_path

    if isinstance(db, Store):
        return nullcontext(db)
    path = Path(db) if db is not None else default_db_path()
    if not path.exists():
        raise MalformedInputError(
            f"no store at {path}", hint="run `tariffscope ingest FILE...` first, or give --db"
        )
    return Store.open(path, read_only=True)


def ingest(
    *inputs: str | Path,
    db: str | Path | None = None,
    model: str | None = None,
) -> IngestReport:
    """Read stories (files, folders of .txt/.html, http(s) URLs) into the store ``db``
    (default: the user's store, created when missing).

    Duplicates are skipped by content hash and unreadable inputs reported, not raised: the
    :class:`~tariffscope.tracker.IngestReport` has ``added``, ``duplicates`` and ``failed``.
    Raises StoreError when the store cannot be opened (e.g. another process writes to it).
    """
    from tariffscope.errors import InputError
    from tariffscope.store import Store
    from tariffscope.tracker import ingest_paths

    if not inputs:
        raise InputError("give at least one story, folder or URL")
    extractor = None
    if model is not None:
        from tariffscope.news.api import extract_many
        from tariffscope.news.pipeline import load_pipeline
        from tariffscope.tracker._law_dating import catalog_law

        nlp = load_pipeline(model)

        def extractor(articles: Sequence[Any]) -> Any:
            return extract_many(articles, nlp, law=catalog_law)

    with Store.open(None if db is None else Path(db)) as store:
        return ingest_paths(store, [str(i) for i in inputs], extractor=extractor)


def timeline(
    pair: str | Sequence[str],
    *,
    as_of: DateLike | None = None,
    db: str | Path | Store | None = None,
) -> NegotiationState:
    """A negotiation's state from the stored stories: status, lead actors, merged events with
    their sources, quotes, measures, the next deadline (stories up to ``as_of``).

    ``pair`` is ``"USA-JPN"`` or two codes. ``db`` is the store file (default: the user's
    store) or an open :class:`~tariffscope.store.Store`, which stays open. Raises
    MalformedInputError when there is no store, StoreError when it cannot be opened.
    """
    from tariffscope.tracker import negotiation_state, parse_pair

    parties = parse_pair(pair)
    day = _day(as_of, "--as-of")
    with _open_store(db) as store:
        return negotiation_state(store, parties, as_of=day)


def negotiations(
    *, as_of: DateLike | None = None, db: str | Path | Store | None = None
) -> pd.DataFrame:
    """Every negotiation in the store, one row each: pair, status, next_deadline, days_left,
    latest_event (kind and date), latest_event_date, sources (stories), sorted by the next
    deadline (soonest first; none last). ``db`` as in :func:`timeline`."""
    from tariffscope.tracker import negotiation_state

    day = _day(as_of, "--as-of")
    rows = []
    with _open_store(db) as store:
        for negotiation in store.negotiations():
            state = negotiation_state(store, negotiation.parties, as_of=day)
            latest = state.events[-1] if state.events else None
            deadline = state.next_deadline
            rows.append(
                {
                    "pair": "-".join(state.parties),
                    "status": state.status,
                    "as_of": state.as_of,
                    "next_deadline": None if deadline is None else deadline.date,
                    "deadline_what": None if deadline is None else deadline.what,
                    "days_left": state.days_to_deadline,
                    "latest_event": None if latest is None else latest.kind,
                    "latest_event_date": None if latest is None else latest.date,
                    "sources": len(state.articles),
                }
            )
    columns = [
        "pair", "status", "as_of", "next_deadline", "deadline_what", "days_left",
        "latest_event", "latest_event_date", "sources",
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=columns)
    order = frame["next_deadline"].map(lambda d: (d is None, d or dt.date.max))
    return frame.iloc[sorted(range(len(frame)), key=lambda k: order.iloc[k])].reset_index(drop=True)
