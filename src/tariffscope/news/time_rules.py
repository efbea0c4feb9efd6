"""Named rules of the temporal layer: the role a date plays, from its preposition and from the
dependency patterns of ``data/time_patterns.json``, and the verb of saying a date follows.

Each pattern has an id, a priority and a one-line reason; ``@name`` in a pattern stands for
the lexicon's word set ``name``. :mod:`tariffscope.news.dates_component` runs them once per
story; :mod:`tariffscope.news.temporal` reads the roles.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from tariffscope.errors import DataFileError
from tariffscope.news.lexicon import Lexicon, expand_words

__all__ = [
    "Role",
    "TimePattern",
    "build_matcher",
    "build_matchers",
    "pattern_roles",
    "reporting_verb",
    "role_of",
    "time_patterns",
]

Role = Literal["on", "by", "from", "until", "since", "before", "after", "deadline", "dateline"]


@dataclass(frozen=True, slots=True)
class TimePattern:
    """A named dependency pattern that gives the date it reaches a role."""

    id: str
    priority: int
    role: Role
    reason: str
    pattern: tuple[Mapping[str, Any], ...]

    @property
    def anchors(self) -> tuple[frozenset[str], ...]:
        """For each node that names its words (``LEMMA``/``LOWER``/``ORTH``/``TEXT``/``NORM``
        ``IN`` a list), those words lower-cased: a story holding none of one node's words
        cannot match the pattern, so its matcher need not run."""
        out = []
        for node in self.pattern:
            for attr, value in node.get("RIGHT_ATTRS", {}).items():
                if attr in _WORD_ATTRS and isinstance(value, Mapping) and "IN" in value:
                    out.append(frozenset(str(w).lower() for w in value["IN"]))
        return tuple(out)


_WORD_ATTRS = frozenset({"LEMMA", "LOWER", "ORTH", "TEXT", "NORM"})


def role_of(preposition: str | None, lex: Lexicon) -> Role:
    """The role a preposition before a date gives it (``on`` for none or a plain one)."""
    if preposition is None:
        return "on"
    for role, name in (
        ("from", "time_from_prepositions"),
        ("until", "time_until_prepositions"),
        ("by", "time_by_prepositions"),
        ("since", "time_since_prepositions"),
        ("before", "time_before_prepositions"),
        ("after", "time_after_prepositions"),
    ):
        if preposition in lex.words(name):
            return role  # type: ignore[return-value]
    return "on"


@cache
def _pattern_data(text: str) -> tuple[dict[str, Any], ...]:
    try:
        return tuple(json.loads(text)["patterns"])
    except (ValueError, KeyError, TypeError) as error:
        raise DataFileError(f"time_patterns.json: malformed ({error})") from None


def time_patterns(lex: Lexicon) -> tuple[TimePattern, ...]:
    """The named patterns of ``time_patterns.json`` in ``lex``'s rule book, their words read
    from ``lex``."""
    return tuple(
        TimePattern(
            item["id"],
            int(item["priority"]),
            item["role"],
            item["reason"],
            tuple(expand_words(item["pattern"], lex, cased_lemmas=False)),
        )
        for item in _pattern_data(lex.rules.text("time_patterns.json"))
    )


def build_matcher(vocab: Vocab, patterns: Iterable[TimePattern]) -> DependencyMatcher:
    """A ``DependencyMatcher`` holding every pattern under its id."""
    matcher = DependencyMatcher(vocab)
    for pattern in patterns:
        matcher.add(pattern.id, [[dict(node) for node in pattern.pattern]])
    return matcher


def build_matchers(vocab: Vocab, patterns: Sequence[TimePattern]) -> tuple[DependencyMatcher, ...]:
    """One ``DependencyMatcher`` per pattern (in the patterns' order), so that a story runs
    only the patterns whose words it holds (:func:`pattern_roles`)."""
    return tuple(build_matcher(vocab, [pattern]) for pattern in patterns)


def pattern_roles(
    doc: Doc, matchers: Sequence[DependencyMatcher], patterns: Sequence[TimePattern]
) -> dict[int, tuple[Role, str]]:
    """``{token index: (role, pattern id)}`` for the tokens named ``date`` in a match; the
    pattern of highest priority wins. A pattern runs only where the story holds a word of
    each of its nodes that name words (most stories hold no deadline or reprieve noun)."""
    words = {t.lower_ for t in doc} | {t.lemma_.lower() for t in doc}
    out: dict[int, tuple[Role, str, int]] = {}
    for pattern, matcher in zip(patterns, matchers, strict=True):
        if not all(anchor & words for anchor in pattern.anchors):
            continue
        names = [node["RIGHT_ID"] for node in pattern.pattern]
        for _, tokens in matcher(doc):
            date = tokens[names.index("date")]
            if date not in out or out[date][2] < pattern.priority:
                out[date] = (pattern.role, pattern.id, pattern.priority)
    return {i: (role, name) for i, (role, name, _) in out.items()}


def reporting_verb(doc: Doc, first: int, lex: Lexicon) -> Token | None:
    """The verb of saying a date follows ("said on Friday he would ...", "told reporters
    Friday"), whatever the parse: the small model often hangs such a date on the reported
    clause, where it would date the plan by the day it was told."""
    k = first - 1
    if k >= 0 and doc[k].pos_ == "ADP":
        k -= 1
    if k < 0:
        return None
    token = doc[k]
    if token.dep_ in {"dobj", "dative"} and token.head.i < token.i:
        token = token.head  # "told reporters on Friday"
    if token.pos_ == "VERB" and token.lemma_.lower() in lex.words("time_report_verbs"):
        return token
    return None
