"""The title, role and apposition rules of the people reader as data (the ``role_rules``
section of ``news/data/person_rules.json``).

Helper of :mod:`tariffscope.news._persons`. Each rule tests ONE word: its patterns are token
dicts in spaCy ``Matcher`` syntax (``ORTH``, ``LOWER``, ``LEMMA``, ``POS``, ``TAG``,
``ENT_TYPE`` as a value or ``IN``/``NOT_IN`` lists; ``IS_PUNCT``, ``LIKE_NUM``, ``IS_TITLE``,
``IS_UPPER``, ``IS_ALPHA``, ``IS_LOWER`` as booleans; ``{}`` any word), with an id, a family,
a priority, a one-line reason, a verdict (``keep``, default true) and optionally a guard
(``require``): a test of the word's neighbours that its reader makes in code, where a token
pattern cannot see them. Within a family the rule of highest priority (the first in the file
among equals) whose pattern holds and whose guard holds decides the word
(:meth:`RoleRules.decide`); ``@name`` stands for the lexicon's word set ``name``.

The families: ``title_run`` (a word that continues a title read leftwards or rightwards from
a name: "US Trade Representative X"), ``title_left`` (what else continues it leftwards),
``title_lead`` (words a role does not begin with), ``title_of_tail`` / ``title_to_verb`` (where
a role read leftwards starts after an "of" or a "to"), ``apposition_open`` /
``apposition_relative`` / ``apposition_run`` / ``apposition_close`` (``NAME, ROLE-PHRASE,``
and ``NAME, who is the ROLE``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Token

from tariffscope.errors import DataFileError
from tariffscope.news.lexicon import Lexicon, expand_words, per_lexicon
from tariffscope.news.person_rules import load_section

__all__ = ["FAMILIES", "Guards", "RoleRule", "RoleRules", "load_role_rules", "role_rules"]

FAMILIES = frozenset(
    {
        "title_run",
        "title_left",
        "title_lead",
        "title_of_tail",
        "title_to_verb",
        "apposition_open",
        "apposition_relative",
        "apposition_run",
        "apposition_close",
    }
)
#: A reader's guards: name -> test of a word in its context.
Guards = Mapping[str, Callable[[Token], bool]]

_TEXT: Mapping[str, Callable[[Token], str]] = {
    "ORTH": lambda t: t.text,
    "LOWER": lambda t: t.lower_,
    "LEMMA": lambda t: t.lemma_,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "ENT_TYPE": lambda t: t.ent_type_,
}
_FLAGS: Mapping[str, Callable[[Token], bool]] = {
    "IS_PUNCT": lambda t: t.is_punct,
    "LIKE_NUM": lambda t: t.like_num,
    "IS_TITLE": lambda t: t.is_title,
    "IS_UPPER": lambda t: t.is_upper,
    "IS_ALPHA": lambda t: t.is_alpha,
    "IS_LOWER": lambda t: t.is_lower,
}


def _test(attr: str, value: Any, rule: str) -> Callable[[Token], bool]:
    if attr in _FLAGS:
        flag, wanted = _FLAGS[attr], bool(value)
        return lambda t: flag(t) == wanted
    if attr not in _TEXT:
        raise DataFileError(f"role rule {rule}: unsupported attribute {attr!r}")
    get = _TEXT[attr]
    if isinstance(value, Mapping):
        inside = frozenset(value.get("IN", ()))
        outside = frozenset(value.get("NOT_IN", ()))
        if "IN" in value:
            return lambda t: get(t) in inside and get(t) not in outside
        return lambda t: get(t) not in outside
    return lambda t: get(t) == value


@dataclass(frozen=True)
class RoleRule:
    """One named one-word rule (its patterns with the lexicon's words filled in)."""

    id: str
    family: str
    priority: int
    reason: str
    patterns: tuple[Mapping[str, Any], ...]
    keep: bool = True
    require: str | None = None

    def matches(self, token: Token, tests: tuple[tuple[Callable[[Token], bool], ...], ...]) -> bool:
        """Whether one of the rule's patterns (compiled as ``tests``) holds at ``token``."""
        return any(all(test(token) for test in pattern) for pattern in tests)


class RoleRules:
    """The role rules compiled for one lexicon, by family (highest priority first)."""

    def __init__(self, rules: tuple[RoleRule, ...]) -> None:
        self.rules = rules
        self.by_family: dict[str, list[tuple[RoleRule, tuple[Any, ...]]]] = {}
        for rule in rules:
            tests = tuple(
                tuple(_test(attr, value, rule.id) for attr, value in pattern.items())
                for pattern in rule.patterns
            )
            self.by_family.setdefault(rule.family, []).append((rule, tests))

    def decide(self, family: str, token: Token, guards: Guards | None = None) -> RoleRule | None:
        """The rule of ``family`` that decides ``token``: the first whose pattern and guard
        hold (None: no rule does)."""
        for rule, tests in self.by_family.get(family, ()):
            if not rule.matches(token, tests):
                continue
            if rule.require is not None:
                guard = (guards or {}).get(rule.require)
                if guard is None:
                    raise DataFileError(f"role rule {rule.id}: no guard {rule.require!r}")
                if not guard(token):
                    continue
            return rule
        return None

    def holds(self, family: str, token: Token, guards: Guards | None = None) -> bool:
        """Whether the deciding rule of ``family`` keeps ``token``."""
        rule = self.decide(family, token, guards)
        return rule is not None and rule.keep


def load_role_rules(lex: Lexicon, text: str | None = None) -> tuple[RoleRule, ...]:
    """The ``role_rules`` of ``person_rules.json`` in ``lex``'s rule book (or of the JSON
    ``text``) with ``lex``'s words, highest priority first (stable among equals)."""
    rules = load_section(
        lex,
        text,
        "role_rules",
        lambda item, named: RoleRule(
            *named,
            tuple(expand_words(p, lex) for p in item["patterns"]),
            bool(item.get("keep", True)),
            item.get("require"),
        ),
    )
    unknown = sorted({r.family for r in rules} - FAMILIES)
    if unknown:
        raise DataFileError(f"role rules: unknown families {unknown}")
    return rules


def _compiled(lex: Lexicon) -> RoleRules:
    """The role rules of ``lex``'s rule book compiled with its words (once per lexicon)."""
    return RoleRules(load_role_rules(lex))


role_rules = per_lexicon(_compiled)
