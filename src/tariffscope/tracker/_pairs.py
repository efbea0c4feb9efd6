"""Which negotiations (party pairs) a story concerns, and which of them it centres on.

One mechanism serves the store (which negotiations an article is filed under:
:func:`article_pairs`) and the brief (which negotiation a set of stories is about:
:func:`rank_pairs`, :func:`story_pairs`). It reads the story's records:

- **interactions** name both parties: a measure one imposes on the other, an event whose
  participants come from exactly the two countries (counting the host of a visit); an
  event of the United States with several partners (frameworks announced with four
  countries) is one negotiation with each, the event's weight shared among them. A measure
  that changes something (threatened, agreed, suspended, proposed) is the news of a story
  and weighs :data:`CHANGE_WEIGHT`; an event, what the parties did, weighs
  :data:`EVENT_WEIGHT` (events read from one passage count once); an event of one party
  whose passage marks it as retaliation and names one other party ("The EU released a list
  of U.S. goods slated for retaliatory tariffs": the answer names whom it answers, though
  the list has no rate the reader can read as a measure) is an event of the two; a measure
  reported in force is the state of things, often background, and weighs
  :data:`IN_FORCE_WEIGHT`;
- **presence**: each person of a party the story names adds :data:`PRESENCE_WEIGHT` to the
  pairs that party is in; when the people of exactly two parties are named, those two are a
  pair of the story too (basis ``actors``: "Starmer and von der Leyen agreed ...");
- **the headline**: a headline that names exactly two parties (countries, demonyms,
  capitals, institutions, or the story's people by a word of their name: "Carney reaches deal
  with China") states the story's subject: their pair gets :data:`HEADLINE_WEIGHT`, and is a
  pair of the story even when no record makes it (basis ``headline``: "Chile will ask the
  U.S. to include copper in a trade deal" whose only measure is a duty on every country's
  copper). A headline that names more parties states no one pair and lifts none of the pairs
  among them; where one of them is the United States ("US frameworks with Argentina,
  Ecuador, Guatemala and El Salvador"), each partner it lists is a pair with the US (basis
  ``headline``), the headline's weight shared among them and ranked in the headline's order,
  unless two of the partners have a measure or event of the story between them that changes
  something ("Mexico imposes tariffs on Chinese imports as it seeks alignment with US" is
  Mexico's news on China);
- **the names alone**: a story whose records name no pair (a ban without a rate, a row
  without a meeting), not even a measure on every country, concerns the two parties its text
  names most, the first at least twice (basis ``named``; only with the story's text): a
  dateline, a caption or a company's home named beside a measure on every country is no
  negotiation.

A measure whose rate the headline states is the story's news even when the body reports it
in force ("Trump imposes 14% tariff on Nigerian exports to U.S.": the order was signed, and
the duty is what changed): it weighs and orders as a change.

Several rates a story reports in force on one pair are one state of things: the pair's
in-force measures weigh :data:`IN_FORCE_WEIGHT` once ("neighbours like the Philippines and
Indonesia face 19% and Vietnam 20%" is background however many rates it lists).
Rates listed together on one pair ("Nauru, Norfolk Island and Vanuatu will face 30 per cent,
29 per cent and 22 per cent respectively", read onto one of them) are one report: a change
weighs :data:`CHANGE_WEIGHT` once for the list (rates at most :data:`LIST_GAP` characters
apart, of one status), so a list misread onto one partner does not outweigh the partner the
headline and its own rate name.

A measure one party imposes on every country (target ``WLD``: Section 232 duties, a global
baseline rate) makes the pair of that party and all partners, ``("USA", "WLD")``, weighed like
any measure; such a pair ranks after every pair of two parties the stories negotiate (a change,
an event, their headline), so a story that names a negotiation keeps it and the global
measures' pair is one of its other pairs. The people of two parties alone name no
negotiation beside it: a story on a global surcharge that quotes one partner's minister is
about the surcharge ("Trump raises the global tariff to 15%; Seoul's industry minister
voiced concern"). A pair the stories give only rates in force
("Mexico already pays 25%") is background: it names no negotiation, and ranks after the pairs
that do, the pair with all partners among them.

Where the EU (EUN) is a party in a story, its members' records count for the EU: trade
policy is the Union's. Pairs are ranked by the number of stories that concern them, then by
weight, then by where the story first names them (news puts its subject first), then by the
strength of the basis. A pair is ordered imposer first when its own measures say who
imposes ("USA", "JPN"): the party whose measures change something (threatened, agreed,
suspended, proposed) first, since they are the story's news, and the rates in force each way
only when the changes do not tell ("China sets 100% tariffs on Canadian canola" over the
Canadian EV duty in force it answers); with no measure, or as many each way, the United
States first (the catalog holds US law), else alphabetically.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from tariffscope.domain.blocs import is_bloc
from tariffscope.domain.countries import EUN, WLD, normalize_country
from tariffscope.domain.news import Event, Extraction, MeasureMention
from tariffscope.errors import MalformedInputError
from tariffscope.news.lexicon import default_lexicon
from tariffscope.store import Store, pair_key
from tariffscope.tracker._cluster import place_country
from tariffscope.tracker._identity import is_party_code, name_tokens, party_of

__all__ = [
    "CHANGE_WEIGHT",
    "EVENT_WEIGHT",
    "HEADLINE_WEIGHT",
    "IN_FORCE_WEIGHT",
    "LIST_GAP",
    "MIN_ROUNDUP",
    "PRESENCE_WEIGHT",
    "PairSupport",
    "article_pairs",
    "headline_parties",
    "headline_rates",
    "lone_party",
    "named_parties",
    "order_pair",
    "pair_support",
    "parse_pair",
    "rank_pairs",
    "story_pairs",
]

#: Weight of a measure that changes something (threatened, agreed, suspended, proposed).
CHANGE_WEIGHT = 3.0
#: Weight of an event between the two parties.
EVENT_WEIGHT = 2.0
#: Weight of a measure reported in force.
IN_FORCE_WEIGHT = 1.5
#: Weight each named person of a party adds to the pairs that party is in.
PRESENCE_WEIGHT = 0.5
#: Weight of a pair whose two parties the headline names.
HEADLINE_WEIGHT = 3.0
#: Most characters between two rates of one list (", and "): the rates of one pair listed
#: together ("30 per cent, 29 per cent and 22 per cent") are one report, weighed once.
LIST_GAP = 6
#: The country whose law the catalog holds: first in a pair with no measure either way, and
#: the party that negotiates with each of several partners in one event.
LAW_COUNTRY = "USA"

_BASIS_RANK = {"measure": 0, "event": 1, "actors": 2, "headline": 3, "named": 4}
#: How often the first and the second party must be named for a story that names no pair
#: otherwise (the alternative is no brief at all, so one naming of the second is enough).
MIN_NAMED = (2, 1)
#: How many partners named as often as the second party make it one of a list, no partner
#: of its own (a story's examples "Australia, Germany, Japan and Mexico"; two alike keep the
#: first named).
MIN_ALIKE = 3
_FAR = 1 << 62
#: How many partners the United States' measures change something with, in a story whose
#: headline names none, make the story a roundup of its policy (the pair with all partners
#: first, when the story has it): two are a negotiation and its comparison.
MIN_ROUNDUP = 3


def parse_pair(pair: str | Sequence[str]) -> tuple[str, str]:
    """Two party codes from ``"USA-JPN"`` (or ``"USA,JPN"``, ``"usa/jpn"``) or a 2-sequence.

    Raises
    ------
    MalformedInputError
        Not two parties, or twice the same.
    UnknownCodeError
        A party is not a country code or name (EUN stands for the EU, WLD for all the other
        party's partners: ``USA-WLD``, a measure the US imposes on every country), nor a bloc
        of ``data/embedded/blocs.yaml`` (``EUN-MERCOSUR``).
    """
    if isinstance(pair, str):
        text = pair.replace(",", "-").replace("/", "-").replace(" ", "-")
        parts = [p for p in text.split("-") if p]
    else:
        parts = [str(p) for p in pair]
    if len(parts) != 2:
        raise MalformedInputError(
            f"pair {pair!r} does not name two parties", hint="write it like USA-CHN"
        )
    # a bloc without a code (domain/blocs.py) is a party the brief may be asked for
    a, b = (p.upper() if is_bloc(p.upper()) else normalize_country(p) for p in parts)
    if a == b:
        raise MalformedInputError(f"pair {pair!r} names the same party twice")
    return a, b


@dataclass(frozen=True, slots=True)
class PairSupport:
    """What one story says about one negotiation.

    ``parties`` is the stored (alphabetical) key; ``imposed`` counts the pair's measures by
    imposer, ``changed`` those of them that change something (not reported in force);
    ``first`` is the character offset of the first record naming both parties;
    ``background`` says the story gives the pair nothing but rates in force (no change, no
    event, not its people or headline alone): the state of things, not a negotiation;
    ``people_only`` says the story gives it nothing but its people (the only two parties whose
    people it names): no record and no headline says the two negotiate.
    """

    parties: tuple[str, str]
    basis: str
    weight: float
    first: int
    imposed: Mapping[str, int] = field(default_factory=dict)
    background: bool = False
    changed: Mapping[str, int] = field(default_factory=dict)
    people_only: bool = False


def _story_parties(extraction: Extraction) -> set[str]:
    codes = {a.country for a in extraction.actors if a.country}
    for m in extraction.measures:
        codes.update((m.imposer, m.target))
    for event in extraction.events:
        codes.update(p for p in event.participants if is_party_code(p))
    return {c for c in codes if c and is_party_code(c)}


class _Folder:
    """Codes as parties of one story: EU members count for the EU when the EU is a party."""

    def __init__(self, extraction: Extraction) -> None:
        self.eu = EUN in _story_parties(extraction)

    def __call__(self, code: str | None) -> str | None:
        if not code or code == WLD or not is_party_code(code):
            return None
        if self.eu:
            return party_of(code, (EUN,)) or code
        return code


_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?")
_NOTE = re.compile(r"^\s*\[[^\]]*\]\s*")


def _headline_words(title: str) -> list[str]:
    """Words of a headline; a URL slug ("us-taiwan-reach-deal") is split and capitalised."""
    text = _NOTE.sub("", title).strip()
    words = [w.rstrip(".") if w.count(".") == 1 else w for w in _WORD.findall(text)]
    if " " not in text and "-" in text:  # a slug: names lost their capitals
        words = [w.upper() if len(w) == 2 else w.capitalize() for w in words]
    return [w for w in words if w not in ("s",)]


def headline_parties(extraction: Extraction, party: Callable[[str | None], str | None]) -> set[str]:
    """The parties a story's headline names: countries, demonyms, capitals, institutions
    ("China, EU agree ..."), and the story's own people by a word of their name ("Carney
    reaches deal with China")."""
    return set(headline_order(extraction, party))


def headline_order(
    extraction: Extraction, party: Callable[[str | None], str | None]
) -> dict[str, int]:
    """The parties a story's headline names (:func:`headline_parties`), each with the
    position of the first word that names it."""
    title = extraction.article.title
    if not title:
        return {}
    lexicon = default_lexicon()
    words = _headline_words(title)
    found: dict[str | None, int] = {}
    i = 0
    while i < len(words):
        match = lexicon.place_at(words, i)
        if match is not None:
            found.setdefault(party(match.iso3), i)
            i = match.end
        else:
            i += 1
    people: dict[str, set[str]] = {}
    for actor in extraction.actors:
        if actor.country:
            for token in name_tokens(actor.name):
                people.setdefault(token, set()).add(actor.country)
    for at, word in enumerate(words):
        countries = people.get(word.casefold(), set()) if len(word) > 2 else set()
        if len(countries) == 1 and word[:1].isupper():
            code = party(next(iter(countries)))
            found[code] = min(found.get(code, at), at)
    return {code: at for code, at in found.items() if code is not None}


_RATE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per\s?cent\b|percent\b)", re.IGNORECASE)


def headline_rates(title: str) -> tuple[float, ...]:
    """The rates a headline states ("Trump imposes 14% tariff on ..." -> (14.0,))."""
    return tuple(float(m[1]) for m in _RATE.finditer(title))


def named_parties(text: str, party: Callable[[str | None], str | None]) -> Counter[str]:
    """How often a text names each party (countries, demonyms, capitals, institutions), with
    the character offset of its first naming in ``Counter.first`` order (insertion order)."""
    lexicon = default_lexicon()
    matches = list(_WORD.finditer(text))
    words = [m[0].rstrip(".") if m[0].count(".") == 1 else m[0] for m in matches]
    counts: Counter[str] = Counter()
    i = 0
    while i < len(words):
        match = lexicon.place_at(words, i)
        if match is None:
            i += 1
            continue
        if match.kind != "region" and (code := party(match.iso3)) is not None:
            counts[code] += 1
        i = match.end
    return counts


def _named_pair(text: str, party: Callable[[str | None], str | None]) -> tuple[str, str] | None:
    """The two parties a text names most (at least :data:`MIN_NAMED` times each), the first
    named first among equals."""
    counts = named_parties(text, party)  # insertion order: first named first
    order = {code: k for k, code in enumerate(counts)}
    ranked = sorted(counts, key=lambda c: (-counts[c], order[c]))
    top = ranked[:2]
    if len(top) < 2 or counts[top[0]] < MIN_NAMED[0] or counts[top[1]] < MIN_NAMED[1]:
        return None
    if sum(counts[c] == counts[top[1]] for c in ranked[1:]) >= MIN_ALIKE:
        # "more than 30 countries, including Australia, Germany, Japan and Mexico": partners
        # named alike, examples of many, name no one partner
        return None
    return (top[0], top[1])


def _partners_negotiate(
    named: set[str], basis: Mapping[tuple[str, str], str], live: set[tuple[str, str]]
) -> bool:
    """Whether two parties a headline names besides the US have a measure or an event of the
    story between them that changes something: the headline is their news, not a list of the
    US's partners."""
    partners = sorted(named - {LAW_COUNTRY, WLD})
    return any(
        (key := pair_key(a, b)) in live and basis.get(key) in ("measure", "event")
        for k, a in enumerate(partners)
        for b in partners[k + 1 :]
    )


def _answered_party(
    event: Event, actor: str, text: str | None, party: Callable[[str | None], str | None]
) -> str | None:
    """The one other party an event of one party answers: its passage marks it as retaliation
    ("countermeasures", "retaliatory tariffs") and names exactly one other party (whose goods
    it lists: "a list of U.S. goods slated for retaliatory tariffs"). Needs the story's text."""
    if not text:
        return None
    passage = text[event.start : event.end]
    marks = default_lexicon().words("measure_retaliation_words")
    if not any(w.lower() in marks for w in re.findall(r"[\w-]+", passage)):
        return None
    others = set(named_parties(passage, party)) - {actor, WLD}
    return others.pop() if len(others) == 1 else None


def _limits_every_origin(measure: MeasureMention, measures: Sequence[MeasureMention]) -> bool:
    """Whether a partner's rate is a lower rate on goods the same story lays a duty on from
    every origin, by the same imposer ("a 30% duty on upholstered furniture ... the tariffs on
    the EU and Japan will be capped at 15%"): the global duty's terms for some partners,
    which are that duty's news, not a negotiation of their own."""
    if measure.target == WLD or measure.products.lower() == "all goods":
        return False
    return any(
        other.target == WLD
        and other.imposer == measure.imposer
        and other.products.lower() == measure.products.lower()
        and other.to_rate_pct > measure.to_rate_pct
        for other in measures
    )


def pair_support(extraction: Extraction, text: str | None = None) -> list[PairSupport]:
    """The negotiations one story concerns, with the weight of what it says about each.

    ``text``: the story's body, read for the party a one-party retaliation answers
    (:func:`_answered_party`) and, when its records name no pair, for the parties it names
    most (basis ``named``).
    """
    party = _Folder(extraction)
    weight: defaultdict[tuple[str, str], float] = defaultdict(float)
    basis: dict[tuple[str, str], str] = {}
    first: dict[tuple[str, str], int] = {}
    imposed: dict[tuple[str, str], Counter[str]] = {}
    changed: dict[tuple[str, str], Counter[str]] = {}

    live: set[tuple[str, str]] = set()
    said: set[tuple[str, str]] = set()  # pairs a record or the headline names, not people alone

    def note(
        a: str, b: str, kind: str, amount: float, start: int, background: bool = False
    ) -> tuple[str, str]:
        key = pair_key(a, b)
        weight[key] += amount
        if not background:
            live.add(key)
        if kind != "actors":
            said.add(key)
        if _BASIS_RANK[kind] < _BASIS_RANK[basis.get(key, "actors")] or key not in basis:
            basis[key] = kind
        first[key] = min(first.get(key, _FAR), start)
        return key

    in_force: set[tuple[str, str]] = set()
    news_rates = headline_rates(extraction.article.title or "")
    previous: tuple[tuple[str, str], str, int] | None = None  # key, status, end of the last
    for m in extraction.measures:
        imposer = party(m.imposer)
        target = WLD if m.target == WLD else party(m.target)
        if imposer and target and imposer != target:
            key = pair_key(imposer, target)
            # a rate the headline states is the story's news, whatever status the body gives
            # it ("Trump imposes 14% tariff on Nigerian exports", reported as signed)
            headline_news = any(abs(m.to_rate_pct - r) < 0.05 for r in news_rates)
            background = (m.status == "in_force" and not headline_news) or _limits_every_origin(
                m, extraction.measures
            )
            # rates listed together on one pair ("30, 29 and 22 per cent") are one report
            listed = (
                previous is not None
                and previous[:2] == (key, m.status)
                and 0 <= m.start - previous[2] <= LIST_GAP
            )
            previous = (key, m.status, m.end)
            amount = (
                (0.0 if listed else CHANGE_WEIGHT)
                if not background
                else (0.0 if key in in_force else IN_FORCE_WEIGHT)
            )
            if background:
                in_force.add(key)
            note(imposer, target, "measure", amount, m.start, background)
            imposed.setdefault(key, Counter())[imposer] += 1
            if not background:
                changed.setdefault(key, Counter())[imposer] += 1
    local = {a.name: a.country for a in extraction.actors}
    reported: set[tuple[object, ...]] = set()
    for event in extraction.events:
        countries = {party(p if is_party_code(p) else local.get(p)) for p in event.participants}
        if event.kind == "visit":  # a visit concerns the visitor's and the host's country
            countries.add(party(place_country(event.place)))
        found = sorted(c for c in countries if c)
        # events read from one passage ("met ... and agreed"), or told of one occasion (a
        # meeting and the deal reached at it, on one day in one place), are one report
        occasion: tuple[object, ...] = (
            (*found, event.date, event.place)
            if event.date and event.place
            else (*found, event.start, event.end)
        )
        if len(found) == 2 and occasion not in reported:
            reported.add(occasion)
            note(found[0], found[1], "event", EVENT_WEIGHT, event.start)
        elif len(found) == 1 and (answered := _answered_party(event, found[0], text, party)):
            # "The EU released a list of U.S. goods slated for retaliatory tariffs": one
            # party's answer names the goods of the party it answers; their negotiation
            note(found[0], answered, "event", EVENT_WEIGHT, event.start)
        elif len(found) > 2 and LAW_COUNTRY in found:
            # the country whose law the catalog holds, acting with several partners at once
            # (frameworks announced with four countries), negotiates with each of them
            others = [c for c in found if c != LAW_COUNTRY and c != WLD]
            for other in others:
                note(LAW_COUNTRY, other, "event", EVENT_WEIGHT / len(others), event.start)
    people: Counter[str] = Counter()
    for actor in extraction.actors:
        if (code := party(actor.country)) is not None:
            people[code] += 1
    if len(people) == 2:  # only two parties have people in the story: they may be its pair
        a, b = sorted(people)
        start = min((x.start for x in extraction.actors), default=_FAR)
        note(a, b, "actors", 0.0, start)
    most_named = _named_pair(text, party) if text and not basis else None
    if most_named is not None:
        note(most_named[0], most_named[1], "named", 0.0, 0)
    in_headline = headline_order(extraction, party)
    named = set(in_headline)
    if len(named) == 2:  # the headline names the story's subject, whatever its records read
        a, b = sorted(named)
        note(a, b, "headline", 0.0, 0)
    elif len(named) > 2 and LAW_COUNTRY in named and not _partners_negotiate(named, basis, live):
        # "US signs frameworks with A, B, C and D": a negotiation with each partner it lists,
        # in the headline's order; not when two of them are the story's own negotiation
        # ("Mexico imposes tariffs on Chinese imports as it seeks alignment with US")
        partners = sorted(named - {LAW_COUNTRY, WLD}, key=in_headline.__getitem__)
        for other in partners:
            note(
                LAW_COUNTRY, other, "headline", HEADLINE_WEIGHT / len(partners), in_headline[other]
            )
    for key in weight.keys() | basis.keys():
        weight[key] += PRESENCE_WEIGHT * (people[key[0]] + people[key[1]])
        if set(key) == named:
            weight[key] += HEADLINE_WEIGHT
            live.add(key)
            said.add(key)
    return [
        PairSupport(
            key,
            basis[key],
            weight[key],
            first[key],
            dict(imposed.get(key, {})),
            background=key not in live,
            changed=dict(changed.get(key, {})),
            people_only=key not in said,
        )
        for key in sorted(basis)
    ]


def article_pairs(
    extraction: Extraction, text: str | None = None
) -> list[tuple[tuple[str, str], str]]:
    """The negotiations a story concerns (alphabetical pairs), each with its basis.

    A measure between two countries (``measure``), an event whose participants come from
    exactly two countries, counting the host country of a visit (``event``); when neither
    gives a pair, the countries of the story's actors when there are exactly two
    (``actors``); the two parties a headline names (``headline``); with none of these, the
    two parties ``text`` names most (``named``). See
    :func:`pair_support` for the weights the brief ranks them by.
    """
    return [(s.parties, s.basis) for s in pair_support(extraction, text)]


def order_pair(
    parties: tuple[str, str],
    imposed: Mapping[str, int],
    changed: Mapping[str, int] | None = None,
) -> tuple[str, str]:
    """The pair imposer first (all partners, WLD, always second): the party with more
    measures that change something (``changed``), then with more measures (``imposed``); as
    many each way (or none): the US first, else as given."""
    a, b = parties
    if WLD in parties:  # all partners come second: the measure is the other party's
        return (b, a) if a == WLD else (a, b)
    news = changed or {}
    count_a = (news.get(a, 0), imposed.get(a, 0))
    count_b = (news.get(b, 0), imposed.get(b, 0))
    if count_b > count_a:
        return b, a
    if count_a > count_b:
        return a, b
    return (b, a) if b == LAW_COUNTRY else (a, b)


def _roundup(extraction: Extraction, found: Sequence[PairSupport]) -> bool:
    """Whether a story is a roundup of the United States' changes with many partners: its
    headline names no partner ("Tracking U.S. trade deals before the tariffs take effect"), and
    its measures change something on :data:`MIN_ROUNDUP` partners or more besides all of them.
    Such a story is about the US and all partners, not the one deal it tells last or names
    beside another ("two comprehensive deals with the United Kingdom and Vietnam")."""
    if set(headline_order(extraction, _Folder(extraction))) - {LAW_COUNTRY}:
        return False
    partners = {
        other
        for s in found
        if LAW_COUNTRY in s.parties and WLD not in s.parties and s.changed
        for other in s.parties
        if other != LAW_COUNTRY
    }
    return len(partners) >= MIN_ROUNDUP


def rank_pairs(
    extractions: Iterable[Extraction],
    *,
    stored_totals: Mapping[tuple[str, str], int] | None = None,
    texts: Sequence[str | None] | None = None,
) -> list[tuple[str, str]]:
    """The negotiations the stories concern, the one they centre on first, imposer first.

    A pair with all partners (``("USA", "WLD")``: a measure on every country) comes after
    every pair of two parties that a record or a headline names (not their people alone).
    Ranked by how many of the stories concern a pair, then by the weight of what they say
    about it (:func:`pair_support`), how early the stories name it, the strength of the basis
    (a measure before an event before the actors), and ``stored_totals`` (how many stored
    stories follow it). ``texts``: the stories' bodies,
    in the same order (for a story whose records name no pair).
    """
    support: Counter[tuple[str, str]] = Counter()
    weight: defaultdict[tuple[str, str], float] = defaultdict(float)
    best: dict[tuple[str, str], int] = {}
    first: dict[tuple[str, str], int] = {}
    imposed: dict[tuple[str, str], Counter[str]] = {}
    changed: dict[tuple[str, str], Counter[str]] = {}
    live: set[tuple[str, str]] = set()
    said: set[tuple[str, str]] = set()
    totals = stored_totals or {}
    stories = list(extractions)
    bodies = list(texts) if texts is not None else [None] * len(stories)
    roundup = False  # a story of one party's changes with many partners (see _roundup)
    for extraction, body in zip(stories, bodies, strict=True):
        found = pair_support(extraction, body)
        roundup = roundup or _roundup(extraction, found)
        for s in found:
            support[s.parties] += 1
            weight[s.parties] += s.weight
            best[s.parties] = min(best.get(s.parties, 9), _BASIS_RANK[s.basis])
            first[s.parties] = min(first.get(s.parties, _FAR), s.first)
            imposed.setdefault(s.parties, Counter()).update(s.imposed)
            changed.setdefault(s.parties, Counter()).update(s.changed)
            if not s.background:
                live.add(s.parties)
            if not s.people_only:
                said.add(s.parties)
    # a measure on every country comes after the negotiations the stories report; a pair
    # they give only rates in force ("Mexico pays 25%") is background and names none, and a
    # pair they give only its people (a minister quoted on a global surcharge) reports none
    negotiating = any(WLD not in p and p in said for p in live)
    ranked = sorted(
        support,
        key=lambda p: (
            not (roundup and LAW_COUNTRY in p and WLD in p),
            WLD in p and negotiating,
            WLD not in p and p not in live,
            -support[p],
            -weight[p],
            first[p],
            best[p],
            -totals.get(p, 0),
            p,
        ),
    )
    return [order_pair(p, imposed[p], changed[p]) for p in ranked]


def lone_party(
    extractions: Iterable[Extraction], texts: Sequence[str | None] | None = None
) -> str | None:
    """The party stories that name no pair are about: the one they name most in their people,
    measures, events and text (each naming counts once; the first named first among equals),
    or None when they name no party at all."""
    counts: Counter[str] = Counter()
    stories = list(extractions)
    bodies = list(texts) if texts is not None else [None] * len(stories)
    for extraction, body in zip(stories, bodies, strict=True):
        party = _Folder(extraction)
        found = [party(a.country) for a in extraction.actors]
        found += [party(code) for m in extraction.measures for code in (m.imposer, m.target)]
        found += [party(p) for e in extraction.events for p in e.participants if is_party_code(p)]
        found += sorted(headline_parties(extraction, party))
        counts.update(code for code in found if code is not None)
        if body:
            counts.update(named_parties(body, party))
    if not counts:
        return None
    order = {code: k for k, code in enumerate(counts)}  # insertion order: first named first
    return min(counts, key=lambda c: (-counts[c], order[c]))


def story_pairs(store: Store, article_ids: Iterable[int]) -> list[tuple[str, str]]:
    """The negotiations the given stored stories concern, the best supported first.

    :func:`rank_pairs` over the stories' records, ties broken by how many stored stories
    follow each pair.
    """
    ids = list(article_ids)
    if not ids:
        return []
    totals = {n.parties: n.n_articles for n in store.negotiations()}
    stored = store.extractions(ids)
    return rank_pairs(
        [s.extraction for s in stored], stored_totals=totals, texts=[s.body for s in stored]
    )
