"""Which negotiations (party pairs) a story concerns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from tariffscope.domain.countries import WLD, normalize_country
from tariffscope.domain.news import Extraction
from tariffscope.errors import MalformedInputError, UnknownCodeError
from tariffscope.store import Store, pair_key
from tariffscope.tracker._cluster import place_country
from tariffscope.tracker._identity import is_party_code

__all__ = ["article_pairs", "parse_pair", "story_pairs"]

_BASIS_RANK = {"measure": 0, "event": 1, "actors": 2}


def parse_pair(pair: str | Sequence[str]) -> tuple[str, str]:
    """Two party codes from ``"USA-JPN"`` (or ``"USA,JPN"``, ``"usa/jpn"``) or a 2-sequence.

    Raises
    ------
    MalformedInputError
        Not two parties, or twice the same.
    UnknownCodeError
        A party is not a country code or name (EUN stands for the EU).
    """
    if isinstance(pair, str):
        text = pair.replace(",", "-").replace("/", "-").replace(" ", "-")
        parts = [p for p in text.split("-") if p]
    else:
        parts = [str(p) for p in pair]
    if len(parts) != 2:
        raise MalformedInputError(
            f"pair {pair!r} does not name two parties", hint="write it like USA-JPN")
    a, b = (normalize_country(p) for p in parts)
    if WLD in (a, b):
        raise UnknownCodeError(f"pair {pair!r}: WLD is not a negotiating party")
    if a == b:
        raise MalformedInputError(f"pair {pair!r} names the same party twice")
    return a, b


def article_pairs(extraction: Extraction) -> list[tuple[tuple[str, str], str]]:
    """The negotiations a story concerns, each with the basis of the assignment.

    A measure between two countries (``measure``), an event whose participants come from
    exactly two countries, counting the host country of a visit (``event``); when neither
    gives a pair, the countries of the story's actors when there are exactly two
    (``actors``).
    """
    found: dict[tuple[str, str], str] = {}
    for m in extraction.measures:
        if is_party_code(m.imposer) and is_party_code(m.target) and m.imposer != m.target:
            found.setdefault(pair_key(m.imposer, m.target), "measure")
    local = {a.name: a.country for a in extraction.actors}
    for event in extraction.events:
        countries = {p if is_party_code(p) else local.get(p) for p in event.participants}
        if event.kind == "visit":  # a visit concerns the visitor's and the host's country
            countries.add(place_country(event.place))
        countries = {c for c in countries if c and c != WLD}
        if len(countries) == 2:
            a, b = sorted(c for c in countries if c is not None)
            found.setdefault((a, b), "event")
    if not found:
        countries = {a.country for a in extraction.actors if a.country and a.country != WLD}
        if len(countries) == 2:
            a, b = sorted(c for c in countries if c is not None)
            found[(a, b)] = "actors"
    return sorted(found.items())


def story_pairs(store: Store, article_ids: Iterable[int]) -> list[tuple[str, str]]:
    """The negotiations the given stored stories concern, the best supported first.

    Pairs are ranked by how many of the stories concern them, then by the strength of the
    assignment (a measure before an event before the actors), then by how many stored stories
    follow them. A pair is ordered imposer first when one of the stories' measures says who
    imposes ("USA", "JPN"), else alphabetically.
    """
    ids = list(article_ids)
    support: Counter[tuple[str, str]] = Counter()
    best_basis: dict[tuple[str, str], int] = {}
    for article_id in ids:
        for pair, basis in store.article_negotiations(article_id):
            support[pair] += 1
            best_basis[pair] = min(best_basis.get(pair, 9), _BASIS_RANK.get(basis, 9))
    totals = {n.parties: n.n_articles for n in store.negotiations()}
    ranked = sorted(support, key=lambda p: (-support[p], best_basis[p], -totals.get(p, 0), p))
    imposers: Counter[str] = Counter()
    for item in store.extractions(ids):
        imposers.update(m.imposer for m in item.extraction.measures)
    out: list[tuple[str, str]] = []
    for a, b in ranked:
        out.append((b, a) if imposers[b] > imposers[a] else (a, b))
    return out
