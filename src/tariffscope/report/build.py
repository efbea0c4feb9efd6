"""From story files or URLs to a :class:`~tariffscope.report.brief.Brief`.

Reads each source (text with header block, HTML, or URL), runs the news pipeline, and builds
the brief of the negotiation the stories centre on, of a chosen pair, or of every pair they
concern. The stories are ingested into a store first (``db``, or one in memory) so that the
brief follows the negotiation across every story the store holds.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from tariffscope.domain.countries import EU_MEMBERS, EUN, WLD
from tariffscope.domain.news import Extraction
from tariffscope.errors import InputError, MalformedInputError
from tariffscope.report.brief import US, Brief, build_brief, no_negotiation_pair, pair_label
from tariffscope.tracker._blocs import (
    bloc_pair,
    headline_bloc_pair,
    headline_blocs_pair,
    lone_bloc_pair,
)

if TYPE_CHECKING:
    from tariffscope.impact.tradewar.political_economy import PoliticalEconomy
    from tariffscope.regime import Catalog
    from tariffscope.report.stored import GivenStories
    from tariffscope.store import Store

__all__ = ["PairChoice", "brief_from_sources", "briefs_from_sources", "read_sources"]


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def read_sources(
    sources: Sequence[str], *, model: str | None = None
) -> tuple[list[Extraction], list[str]]:
    """Extraction records and body texts of the stories, in the order given."""
    from tariffscope.news.extraction import doc_to_extraction
    from tariffscope.news.ingest import read_article
    from tariffscope.news.pipeline import load_pipeline, process_many

    if not sources:
        raise InputError("give at least one story file or URL")
    articles = []
    for source in sources:
        if _is_url(source):
            from tariffscope.news.fetch import fetch_article

            articles.append(fetch_article(source))
        else:
            articles.append(read_article(Path(source)))
    nlp = load_pipeline(model)
    extractions = [doc_to_extraction(doc) for doc in process_many(articles, nlp)]
    return extractions, [article.text for article in articles]


PairChoice = str | Sequence[str] | None
"""A pair as ``"USA-CHN"`` or ``("USA", "CHN")``; None: the one the stories centre on."""


def _pairs_to_brief(
    given: GivenStories, pair: PairChoice, all_pairs: bool
) -> tuple[list[tuple[str, str]], list[str]]:
    """The pairs to brief and a warning when the chosen one is not what the stories concern."""
    from tariffscope.tracker import parse_pair

    found = list(given.pairs)
    if pair is not None:
        chosen = parse_pair(pair)
        if not any(set(p) == set(chosen) for p in found):
            concerned = ", ".join(pair_label(p) for p in found) or "no pair"
            return [chosen], [
                f"the stories do not concern {pair_label(chosen)} (they concern {concerned}); "
                "it is briefed as asked"
            ]
        return [chosen], []
    return (found if all_pairs else found[:1]), []


def briefs_from_sources(
    sources: Sequence[str],
    *,
    db: Path | None = None,
    draws: int = 500,
    seed: int = 0,
    model: str | None = None,
    ge_model: str | None = "gravity",
    pair: PairChoice = None,
    as_of: date | None = None,
    all_pairs: bool = False,
    political_economy: PoliticalEconomy | None = None,
) -> tuple[tuple[Brief, ...], tuple[str, ...]]:
    """The briefs of the stories (one per pair with ``all_pairs``) and the story texts.

    The stories go through a store (``db``, or one in memory) so that a brief follows the
    negotiation across every story the store holds. A story without a publication date is
    read as of ``as_of``, else as of the latest full date its text states. ``ge_model`` is
    "gravity", "cp" or None (no economy-wide section). ``political_economy``: weights on
    organised sectors for the deal space's payoffs (default None: real income).

    Raises
    ------
    InputError
        No readable story; a malformed or unknown ``pair`` (a story with no date at all is
        dated by the law it reports, else the catalog's horizon, with a warning). Stories
        that name no negotiation are briefed (not priced) under
        :func:`tariffscope.report.brief.no_negotiation_pair`, with a warning.
    """
    from tariffscope.regime import default_catalog
    from tariffscope.report.economy import economy_function
    from tariffscope.report.stored import open_store, read_stories, stories_for_pair
    from tariffscope.tracker import parse_pair

    if not sources:
        raise InputError("give at least one story file or URL")
    if pair is not None and all_pairs:
        raise MalformedInputError("choose one pair or all pairs, not both")
    if pair is not None:
        parse_pair(pair)  # a malformed pair fails before the stories are read
    if model is not None:
        os.environ["TARIFFSCOPE_SPACY_MODEL"] = model
    catalog = default_catalog()
    economy = None if ge_model is None else economy_function(ge_model)
    briefs: list[Brief] = []
    with open_store(db) as store:
        given = read_stories(store, sources, as_of=as_of)
        if pair is None and not given.pairs:
            return _brief_without_negotiation(store, given, catalog, draws, seed)
        pairs, chosen_warnings = _pairs_to_brief(given, pair, all_pairs)
        titles, bodies = _given_titles_and_texts(store, given)
        texts: tuple[str, ...] = ()
        briefed: set[frozenset[str]] = set()
        for k, chosen in enumerate(pairs):
            stories = stories_for_pair(store, given, chosen, catalog)
            texts = texts or stories.texts
            others = tuple(p for p in given.pairs if set(p) != set(chosen))
            warnings = [*given.warnings, *chosen_warnings]
            # the parties whose own measures with the US the stories report (a member among
            # them stays itself in a US pair: tracker/_blocs.py)
            rated = {
                party
                for x in stories.extractions
                for m in x.measures
                if US in (m.imposer, m.target)
                for party in (m.imposer, m.target)
            }
            as_bloc = (
                headline_bloc_pair(chosen, titles)
                # the headline's pair stands for the main pair only, not for each of all pairs
                or (headline_blocs_pair(chosen, titles, bodies) if k == 0 else None)
                or bloc_pair(chosen, titles, bodies, rated)
                if pair is None
                else None
            )
            if as_bloc is not None:  # the stories negotiate with a bloc its members stand for
                chosen, said = as_bloc
                warnings.append(said)
            if k > 0:  # a member of the EU beside the EU's own pair: US law on it is the EU's
                chosen = _eu_pair(chosen, given.pairs)
            if frozenset(chosen) in briefed:
                continue  # a member's pair folded into its bloc's, which is briefed already
            briefed.add(frozenset(chosen))
            if others and not all_pairs:
                warnings.append(
                    "the stories also concern "
                    + ", ".join(pair_label(p) for p in others)
                    + f"; this brief is about {pair_label(chosen)} "
                    "(brief another with --pair, or each with --all-pairs)"
                )
            briefs.append(
                dataclasses.replace(
                    build_brief(
                        stories.extractions,
                        catalog=catalog,
                        draws=draws,
                        seed=seed,
                        economy=economy,
                        state=stories.state,
                        pair=chosen,
                        as_of=given.as_of,
                        other_pairs=others,
                        warnings=warnings,
                        political_economy=political_economy,
                    ),
                    dating=given.dating,
                )
            )
    return tuple(briefs), texts


def _eu_pair(chosen: tuple[str, str], pairs: Sequence[tuple[str, str]]) -> tuple[str, str]:
    """The EU's pair for a pair of one of its members when the stories' pairs hold the EU with
    the same other party (one customs territory under the catalog's law: the member's goods pay
    the EU's rates), else ``chosen``."""
    a, b = chosen
    folded = (EUN if a in EU_MEMBERS else a, EUN if b in EU_MEMBERS else b)
    if folded != chosen and any(set(p) == set(folded) for p in pairs):
        return folded
    return chosen


def _given_titles_and_texts(store: Store, given: GivenStories) -> tuple[list[str], list[str]]:
    """The headlines and bodies of the given stories (where a bloc party is named)."""
    stored = store.extractions(list(given.article_ids))
    return [s.extraction.article.title or "" for s in stored], [s.body or "" for s in stored]


def _brief_without_negotiation(
    store: Store, given: GivenStories, catalog: Catalog, draws: int, seed: int
) -> tuple[tuple[Brief, ...], tuple[str, ...]]:
    """The brief of stories that name no negotiation: their own records as they are (no
    negotiation of the store holds them), under :func:`no_negotiation_pair`, not priced."""
    stored = store.extractions(list(given.article_ids))
    extractions = [s.extraction for s in stored]
    texts = tuple(s.body for s in stored)
    chosen, said = no_negotiation_pair(extractions, texts)
    titles = [x.article.title or "" for x in extractions]
    as_bloc = lone_bloc_pair(chosen[0], titles, texts) if chosen[1] == WLD else None
    if as_bloc is not None:  # one party and a bloc it negotiates with
        chosen, said = as_bloc
    # the United States and a bloc: US law on the members is priced (their trade summed)
    priced = as_bloc is not None and US in chosen
    brief = build_brief(
        extractions,
        catalog=catalog,
        draws=draws,
        seed=seed,
        pair=chosen,
        as_of=given.as_of,
        other_pairs=(),
        warnings=[*given.warnings, said],
        price=priced,
    )
    return (dataclasses.replace(brief, dating=given.dating),), texts


def brief_from_sources(
    sources: Sequence[str],
    *,
    db: Path | None = None,
    draws: int = 500,
    seed: int = 0,
    model: str | None = None,
    ge_model: str | None = "gravity",
    pair: PairChoice = None,
    as_of: date | None = None,
) -> tuple[Brief, tuple[str, ...]]:
    """The brief of the stories (and the story texts, for the HTML brief): the negotiation
    they centre on, or ``pair`` (see :func:`briefs_from_sources`)."""
    briefs, texts = briefs_from_sources(
        sources,
        db=db,
        draws=draws,
        seed=seed,
        model=model,
        ge_model=ge_model,
        pair=pair,
        as_of=as_of,
    )
    return briefs[0], texts
