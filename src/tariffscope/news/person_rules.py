"""Token rules of the people reader as data (``news/data/person_rules.json``).

Each rule is a named token pattern in spaCy ``Matcher`` syntax with an id, a family, a priority
and a one-line reason; ``@name`` in a pattern stands for the lexicon's word set ``name``. Within
a family the rule of highest priority whose pattern starts at a word classifies that word: the
``speech`` rules find the words that report speech (read by :mod:`tariffscope.news.quotes` and
:mod:`tariffscope.news.mention_chains`), the ``chain`` rules the words that refer back to people
(:mod:`tariffscope.news.mention_chains`). A rule may name a guard (``require``), a test of the
word's dependents that its reader makes in code, where a token pattern cannot see it.

The patterns use a subset of the ``Matcher`` syntax: one dict per word, the attributes
``ORTH``, ``LOWER``, ``LEMMA``, ``POS``, ``TAG`` and ``DEP``, each a value or ``IN``/``NOT_IN``
lists, no operators. That subset is matched over the whole story at once on
``Doc.to_array`` (spaCy's ``Matcher`` calls Python for a set test on every word of every
story, which cost the reader more than the rules it ran). The rules are compiled once per
lexicon (:func:`person_rules`) and run once per story (:meth:`PersonRules.hits`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from tariffscope.errors import DataFileError
from tariffscope.news.lexicon import Lexicon

__all__ = ["PersonRule", "PersonRules", "RuleHit", "load_person_rules", "person_rules"]

_RULES_FILE = Path(__file__).resolve().parent / "data" / "person_rules.json"
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
    """One attribute test of one word of a pattern: the column holds one of ``ids`` (or,
    negated, none of them)."""

    column: int
    ids: np.ndarray
    id_set: frozenset[int]
    negated: bool = False

    @classmethod
    def of(cls, column: int, ids: np.ndarray, negated: bool = False) -> _Test:
        return cls(column, ids, frozenset(int(i) for i in ids), negated)

    def holds(self, value: int) -> bool:
        return (value in self.id_set) != self.negated


def _expand(value: Any, lex: Lexicon, key: str = "") -> Any:
    """Replace ``"@name"`` by the sorted word set ``name`` (inside a list: its words); lemmas
    are listed lower case, capitalized and upper case."""

    def words(name: str) -> list[str]:
        found = lex.words(name)
        if key == "LEMMA":
            found = found | {w.capitalize() for w in found} | {w.upper() for w in found}
        return sorted(found)

    if isinstance(value, str) and value.startswith("@"):
        return words(value[1:])
    if isinstance(value, Mapping):
        return {k: _expand(v, lex, key if k in {"IN", "NOT_IN"} else k) for k, v in value.items()}
    if isinstance(value, list | tuple):
        out: list[Any] = []
        for item in value:
            if isinstance(item, str) and item.startswith("@"):
                out.extend(words(item[1:]))
            else:
                out.append(_expand(item, lex, key))
        return out
    return value


def _ids(attr: str, values: Sequence[Any]) -> np.ndarray:
    if attr == "POS":
        return np.array([POS_IDS[str(v)] for v in values], dtype=np.uint64)
    return np.array([get_string_id(str(v)) for v in values], dtype=np.uint64)


def _tests(node: Mapping[str, Any], rule_id: str, columns: list[str]) -> tuple[_Test, ...]:
    tests = []
    for attr, value in node.items():
        column = columns.index(attr)
        if not isinstance(value, Mapping):
            tests.append(_Test.of(column, _ids(attr, [value])))
            continue
        if not set(value) <= {"IN", "NOT_IN"}:
            raise DataFileError(f"person rule {rule_id}: unsupported test {sorted(value)}")
        if "IN" in value:
            tests.append(_Test.of(column, _ids(attr, value["IN"])))
        if "NOT_IN" in value:
            tests.append(_Test.of(column, _ids(attr, value["NOT_IN"]), negated=True))
    # the words first: they hold at few places, and the other tests then read only those
    return tuple(sorted(tests, key=lambda t: (t.negated, columns[t.column] not in _WORDS)))


def load_person_rules(lex: Lexicon, text: str | None = None) -> tuple[PersonRule, ...]:
    """The rules of ``person_rules.json`` (or of the JSON ``text``) with ``lex``'s words,
    highest priority first."""
    try:
        data = json.loads(text if text is not None else _RULES_FILE.read_text(encoding="utf-8"))
        rules = tuple(
            PersonRule(
                str(item["id"]),
                str(item["family"]),
                int(item["priority"]),
                str(item["reason"]),
                tuple(tuple(_expand(p, lex)) for p in item["patterns"]),
                item.get("require"),
            )
            for item in data["rules"]
        )
    except (OSError, KeyError, TypeError, ValueError) as error:
        raise DataFileError(f"person rules: missing or malformed ({error})") from None
    if len({r.id for r in rules}) != len(rules) or not all(all(r.patterns) for r in rules):
        raise DataFileError("person rules: an id is repeated or a pattern is empty")
    return tuple(sorted(rules, key=lambda r: -r.priority))


class PersonRules:
    """The person rules compiled for matching (their tests as arrays of string ids)."""

    def __init__(self, rules: tuple[PersonRule, ...]) -> None:
        self.rules = rules
        self.by_id = {r.id: r for r in rules}
        used = sorted({attr for r in rules for p in r.patterns for node in p for attr in node})
        unknown = set(used) - set(_ATTRS)
        if unknown:
            raise DataFileError(f"person rules: unsupported attributes {sorted(unknown)}")
        self._columns = used  # the story's array holds only the attributes the rules test
        self._compiled = tuple(
            (rule, tuple(tuple(_tests(node, rule.id, used) for node in p) for p in rule.patterns))
            for rule in rules
        )

    def hits(self, doc: Doc) -> dict[str, dict[int, RuleHit]]:
        """``{family: {token index: hit}}``: per family, the rule of highest priority (the
        first in the file among equals) whose pattern starts at each word."""
        out: dict[str, dict[int, RuleHit]] = {}
        n = len(doc)
        if n == 0:
            return out
        array = doc.to_array(self._columns)
        for rule, patterns in self._compiled:
            family = out.setdefault(rule.family, {})
            for pattern in patterns:
                width = len(pattern)
                if width > n:
                    continue
                first, *rest = pattern[0]
                held = np.isin(array[: n - width + 1, first.column], first.ids)
                for start in np.flatnonzero(held != first.negated).tolist():
                    if start not in family and all(
                        test.holds(int(array[start + k, test.column]))
                        for k, tests in enumerate(pattern)
                        for test in (rest if k == 0 else tests)
                    ):
                        family[start] = RuleHit(rule.id, start, start + width)
        return out


#: Compiled rules per lexicon (the lexicon kept with them, so its id is not reused).
_compiled: dict[int, tuple[Lexicon, PersonRules]] = {}


def person_rules(lex: Lexicon) -> PersonRules:
    """The rules compiled with ``lex``'s words (once per lexicon)."""
    cached = _compiled.get(id(lex))
    if cached is None or cached[0] is not lex:
        cached = _compiled[id(lex)] = (lex, PersonRules(load_person_rules(lex)))
    return cached[1]
