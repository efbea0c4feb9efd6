"""Token rules of the people reader as data (``news/data/person_rules.json``).

Each rule is a named token pattern in spaCy ``Matcher`` syntax with an id, a family, a priority
and a one-line reason; ``@name`` in a pattern stands for the lexicon's word set ``name``. Within
a family the rule of highest priority whose pattern starts at a word classifies that word: the
``speech`` rules find the words that report speech (read by :mod:`tariffscope.news.quotes` and
:mod:`tariffscope.news.mention_chains`), the ``chain`` rules the words that refer back to people
and the ``leader`` rules the plural nouns of an office that may name several people
(:mod:`tariffscope.news.mention_chains`). A rule may name a guard (``require``), a test of the
word's dependents that its reader makes in code, where a token pattern cannot see it.

The patterns use a subset of the ``Matcher`` syntax: one dict per word, the attributes
``ORTH``, ``LOWER``, ``LEMMA``, ``POS``, ``TAG`` and ``DEP``, each a value or ``IN``/``NOT_IN``
lists, no operators. That subset is matched in one pass over the story's ``Doc.to_array``
rows, from an index of the values that can start each pattern (spaCy's ``Matcher`` calls
Python for a set test on every word of every story: 1.2 ms a story for these rules, ten times
this). The rules are compiled once per lexicon (:func:`person_rules`) and run once per story
(:meth:`PersonRules.hits`); tests check that they match as the ``Matcher`` does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from tariffscope.errors import DataFileError
from tariffscope.news.lexicon import Lexicon, expand_words, per_lexicon

__all__ = ["PersonRule", "PersonRules", "RuleHit", "load_person_rules", "person_rules"]

_RULES_FILE = "person_rules.json"
#: The attributes a pattern may test, in the column order of the story's array.
_ATTRS = ("ORTH", "LOWER", "LEMMA", "POS", "TAG", "DEP")
_WORDS = frozenset({"ORTH", "LOWER", "LEMMA"})


@dataclass(frozen=True, slots=True)
class PersonRule:
    """One named token rule (its patterns with the lexicon's words filled in)."""

    id: str
    family: str
    priority: int
    reason: str
    patterns: tuple[tuple[Mapping[str, Any], ...], ...]
    require: str | None = None


@dataclass(frozen=True, slots=True)
class RuleHit:
    """The rule that classifies the word at ``start`` (its match ends before ``end``)."""

    rule: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Test:
    """One attribute test of one word of a pattern: the column holds one of ``id_set`` (or,
    negated, none of them)."""

    column: int
    id_set: frozenset[int]
    negated: bool = False

    def holds(self, value: int) -> bool:
        return (value in self.id_set) != self.negated


def _ids(attr: str, values: Sequence[Any]) -> frozenset[int]:
    """The ids ``Doc.to_array`` gives the values (a part of speech's symbol, else the hash)."""
    if attr == "POS":
        return frozenset(POS_IDS[str(v)] for v in values)
    return frozenset(get_string_id(str(v)) for v in values)


def _tests(node: Mapping[str, Any], rule_id: str, columns: list[str]) -> tuple[_Test, ...]:
    tests = []
    for attr, value in node.items():
        column = columns.index(attr)
        if not isinstance(value, Mapping):
            tests.append(_Test(column, _ids(attr, [value])))
            continue
        if not set(value) <= {"IN", "NOT_IN"}:
            raise DataFileError(f"person rule {rule_id}: unsupported test {sorted(value)}")
        if "IN" in value:
            tests.append(_Test(column, _ids(attr, value["IN"])))
        if "NOT_IN" in value:
            tests.append(_Test(column, _ids(attr, value["NOT_IN"]), negated=True))
    # the words first: they hold at few places, and the other tests then read only those
    return tuple(sorted(tests, key=lambda t: (t.negated, columns[t.column] not in _WORDS)))


R = TypeVar("R", bound="NamedRule")


class NamedRule(Protocol):
    """What every rule of ``person_rules.json`` has."""

    @property
    def id(self) -> str: ...

    @property
    def priority(self) -> int: ...


def load_section(
    lex: Lexicon,
    text: str | None,
    section: str,
    build: Callable[[Mapping[str, Any], tuple[str, str, int, str]], R],
) -> tuple[R, ...]:
    """The rules of one section of ``person_rules.json`` in ``lex``'s rule book (or of the
    JSON ``text``), each built by ``build(item, (id, family, priority, reason))``, highest
    priority first (stable among equals); a repeated id is a data error."""
    try:
        data = json.loads(text if text is not None else lex.rules.text(_RULES_FILE))
        rules = tuple(
            build(
                item,
                (str(item["id"]), str(item["family"]), int(item["priority"]), str(item["reason"])),
            )
            for item in data[section]
        )
    except (KeyError, TypeError, ValueError) as error:
        raise DataFileError(f"person rules ({section}): missing or malformed ({error})") from None
    if len({r.id for r in rules}) != len(rules):
        raise DataFileError(f"person rules ({section}): an id is repeated")
    return tuple(sorted(rules, key=lambda r: -r.priority))


def load_person_rules(lex: Lexicon, text: str | None = None) -> tuple[PersonRule, ...]:
    """The rules of ``person_rules.json`` in ``lex``'s rule book (or of the JSON ``text``)
    with ``lex``'s words, highest priority first."""
    rules = load_section(
        lex,
        text,
        "rules",
        lambda item, named: PersonRule(
            *named,
            tuple(tuple(expand_words(p, lex)) for p in item["patterns"]),
            item.get("require"),
        ),
    )
    if not all(all(r.patterns) for r in rules):
        raise DataFileError("person rules: a pattern is empty")
    return rules


class PersonRules:
    """The person rules compiled for matching (their tests as sets of string ids)."""

    def __init__(self, rules: tuple[PersonRule, ...]) -> None:
        self.rules = rules
        self.by_id = {r.id: r for r in rules}
        used = sorted({attr for r in rules for p in r.patterns for node in p for attr in node})
        unknown = set(used) - set(_ATTRS)
        if unknown:
            raise DataFileError(f"person rules: unsupported attributes {sorted(unknown)}")
        # the story's array holds only the attributes the rules test
        self._columns: list[int | str] = list(used)
        #: every pattern with its rule, highest priority first
        self._patterns = tuple(
            (rule, tuple(_tests(node, rule.id, used) for node in p))
            for rule in rules
            for p in rule.patterns
        )
        #: column -> value of a pattern's first test -> the patterns it may start
        self._starts: dict[int, dict[int, list[int]]] = {}
        #: patterns whose first test is negated (read on the whole column)
        self._scanned: list[int] = []
        for k, (_, pattern) in enumerate(self._patterns):
            first = pattern[0][0]
            if first.negated:
                self._scanned.append(k)
                continue
            index = self._starts.setdefault(first.column, {})
            for value in sorted(first.id_set):
                index.setdefault(value, []).append(k)

    def hits(self, doc: Doc) -> dict[str, dict[int, RuleHit]]:
        """``{family: {token index: hit}}``: per family, the rule of highest priority (the
        first in the file among equals) whose pattern starts at each word."""
        out: dict[str, dict[int, RuleHit]] = {r.family: {} for r in self.rules}
        if len(doc) == 0:
            return out
        rows = doc.to_array(self._columns).tolist()
        starts: dict[int, list[int]] = {}
        for i, row in enumerate(rows):  # one pass: the words that may start a pattern
            for column, index in self._starts.items():
                for k in index.get(row[column], ()):
                    starts.setdefault(k, []).append(i)
        for k in self._scanned:
            first = self._patterns[k][1][0][0]
            starts[k] = [i for i, row in enumerate(rows) if first.holds(row[first.column])]
        for k, (rule, pattern) in enumerate(self._patterns):
            family = out[rule.family]
            width = len(pattern)
            for start in starts.get(k, ()):
                if start in family or start + width > len(rows):
                    continue
                if all(
                    test.holds(rows[start + j][test.column])
                    for j, tests in enumerate(pattern)
                    for test in tests
                ):
                    family[start] = RuleHit(rule.id, start, start + width)
        return out


def _compiled(lex: Lexicon) -> PersonRules:
    """The rules of ``lex``'s rule book compiled with its words (once per lexicon)."""
    return PersonRules(load_person_rules(lex))


person_rules = per_lexicon(_compiled)
