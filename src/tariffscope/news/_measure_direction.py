"""Whose tariff on whose goods when a rate's own clause does not say it: the story's directions.

A rate such as "the proposed rates were lowered to 35%" names neither the government that lays
it nor the goods' origin; the clauses around it often do without a rate ("lawmakers in X backed
a measure to raise tariffs on goods from Y", "Z's retaliatory duties on W's goods").
:class:`Direction` is one such clause: a tariff noun whose imposer (read by the imposer
reader's syntax) or whose targets (its own goods phrase) are named; a retaliatory clause of
a partner that names no goods ("X hit back with retaliatory duties") is on US goods in a
story about US tariffs. :func:`direction_for` gives a rate the nearest directed clause before
it in its paragraph, else the last one of the paragraph above, else the story's lead
direction (the first directed clause of its first :data:`LEAD_PARAGRAPHS` paragraphs, the
headline included): the measure merge reads a missing imposer and, for a rate whose sentence
names no country, missing targets from it (:mod:`tariffscope.news.measure_merge`).

:func:`retaliation_marked`: a rate marked as retaliation ("retaliatory tariffs", "counter-
tariffs", "in retaliation") is laid by the side that was hit, so in a story about US tariffs
a retaliatory rate with no imposer of its own is the partner's, on US goods.

:func:`lends_imposer`: a rate with targets but no imposer takes the imposer of the clause
before it when that clause is about the same pair. A clause that names its imposer but no
goods ("X will cut its duties on farm goods") is about that government's own tariffs: on the
story's main partner where it has one, but in a story naming several partners alike it is
another pair than a rate on a partner's goods, and lends only the story's home imposer (the
United States in a story about US tariffs). No clause lends another government to a rate whose
targets only a comparison list gives.

Pure functions over tokens and records; the words are the lexicon's ``measure_*`` entries.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from tariffscope.news._measure_target import main_partner
from tariffscope.news._syntax import governing_verb
from tariffscope.news.lexicon import Lexicon

__all__ = [
    "LEAD_PARAGRAPHS",
    "Direction",
    "StoryDirections",
    "direction_for",
    "lends_imposer",
    "retaliation_marked",
    "tariff_nouns",
]

#: How many paragraphs (the headline line counts as one) open a story: its lead direction is
#: the first directed tariff clause among them.
LEAD_PARAGRAPHS = 3


@dataclass(frozen=True, slots=True)
class Direction:
    """A tariff clause of the story with who lays it and on whose goods, where named."""

    start: int  # character offset of the tariff noun
    paragraph: int  # character offset of the paragraph's line break (-1 for the first)
    imposer: str | None
    targets: tuple[str, ...]

    @property
    def directed(self) -> bool:
        """It names a side: an imposer, or targets that do not include the imposer."""
        return self.imposer is not None or bool(self.targets)


def tariff_nouns(tokens: Iterable[Token], lex: Lexicon) -> list[Token]:
    """The tariff nouns of ``tokens`` ("tariffs", "duties", "levy"; not "rate" or "charge",
    which name other things as often)."""
    words = lex.words("measure_tariff_words") - lex.words("measure_rate_naming_other_things")
    return [t for t in tokens if t.pos_ in {"NOUN", "PROPN"} and t.lower_ in words]


def direction_for(
    start: int, paragraph: int, directions: Sequence[Direction], paragraphs: Sequence[int]
) -> Direction | None:
    """The direction a rate at ``start`` in ``paragraph`` takes: the nearest directed clause
    before it in the same paragraph, else the last directed clause of the paragraph above,
    else the story's lead direction (``paragraphs``: the
    paragraph offsets of the story in order, the first :data:`LEAD_PARAGRAPHS` of which are
    its lead)."""
    return StoryDirections.of(directions, paragraphs).direction_for(start, paragraph)


@dataclass(frozen=True)
class StoryDirections:
    """The directed clauses of a story by paragraph, and its lead direction (read once)."""

    by_paragraph: Mapping[int, tuple[Direction, ...]]
    lead: Direction | None
    previous: Mapping[int, int] = field(default_factory=dict)  # paragraph -> the one before

    @classmethod
    def of(cls, directions: Sequence[Direction], paragraphs: Sequence[int]) -> StoryDirections:
        directed = [d for d in directions if d.directed]
        grouped: dict[int, list[Direction]] = {}
        for d in sorted(directed, key=lambda d: d.start):
            grouped.setdefault(d.paragraph, []).append(d)
        opening = set(paragraphs[:LEAD_PARAGRAPHS])
        lead = next((d for d in directed if d.paragraph in opening), None)
        previous = dict(zip(paragraphs[1:], paragraphs, strict=False))
        return cls({k: tuple(v) for k, v in grouped.items()}, lead, previous)

    def direction_for(self, start: int, paragraph: int) -> Direction | None:
        """See :func:`direction_for`."""
        before = self.by_paragraph.get(paragraph, ())
        k = bisect_left([d.start for d in before], start)
        if k > 0:
            return before[k - 1]
        above = self.by_paragraph.get(self.previous.get(paragraph, paragraph), ())
        return above[-1] if above and above[-1].start < start else self.lead


def lends_imposer(
    found: Direction,
    targets: Sequence[str],
    *,
    counts: Mapping[str, int] | None,
    home: str | None,
    listed: bool = False,
) -> bool:
    """Whether a rate on ``targets`` with no imposer of its own takes ``found``'s imposer
    (see the module): never one of its targets; a clause on the same origin lends it; a
    clause naming no origin lends the story's ``home`` imposer, and another government only
    where the story (``counts``: its countries by mentions) has one main partner besides that
    government and the home imposer. A ``listed`` rate, whose targets only a comparison list
    gives ("A (10%), B (15%)"), takes no other government's imposer from another clause."""
    imposer = found.imposer
    if imposer is None or imposer in targets:
        return False
    if listed and imposer != home:
        return False
    if found.targets:
        return bool(set(found.targets) & set(targets))
    if imposer == home or counts is None:
        return True
    beside = {c: n for c, n in counts.items() if c not in {imposer, home}}
    return not beside or main_partner(beside, None) is not None


def retaliation_marked(noun: Token, lex: Lexicon) -> bool:
    """The tariff noun or its modifiers ("retaliatory tariffs", "counter-tariffs") or its
    governing verb ("retaliate with 25% tariffs") mark the rate as an answer. "In retaliation
    for" names a cause, which either side may have, and marks nothing."""
    marks = lex.words("measure_retaliation_words")
    words = [noun, *(c for c in noun.children if c.dep_ in {"amod", "compound", "nmod"})]
    if noun.i > 1 and noun.doc[noun.i - 1].text == "-":
        words.append(noun.doc[noun.i - 2])  # "counter-tariffs" split at the hyphen
    verb = governing_verb(noun)
    if verb is not None and verb.pos_ == "VERB":
        words.append(verb)
    return any(t.lower_ in marks or t.lemma_.lower() in marks for t in words)
