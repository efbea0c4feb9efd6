"""The measure reader's rules as data (``news/data/measure_rules.toml``).

Each table of the file (``extract``, ``from_rate``, ``status``, ``context``, ``pairing``) lists
named rules with an id, a priority (higher first) and a one-line reason; a status rule also names
the status it gives, a pairing rule the token sequence it matches
(:mod:`tariffscope.news._measure_pairing`), a time rule (``status_time``) the statuses of the
frame rules it overrides.
The code binds a predicate to each id; a record carries the id of the rule that produced it
(``rule``, ``from_rule``, ``status_rule``) so that scores can be counted per rule.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from tariffscope.errors import DataFileError
from tariffscope.news.rulebook import RuleBook, shipped_rulebook

__all__ = ["RuleSpec", "rule_specs"]

_RULES_FILE = "measure_rules.toml"


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """One named rule: ``id``, ``priority`` (higher first), ``reason``, ``status`` (or ""),
    ``sequence`` (a pairing rule's token sequence, or empty), ``overrides`` (the statuses a
    time rule overrides, or empty)."""

    id: str
    priority: int
    reason: str
    status: str = ""
    sequence: tuple[str, ...] = ()
    overrides: tuple[str, ...] = ()


@cache
def _load(text: str) -> dict[str, tuple[RuleSpec, ...]]:
    try:
        data = tomllib.loads(text)
        return {
            table: tuple(
                sorted(
                    (
                        RuleSpec(
                            str(r["id"]),
                            int(r["priority"]),
                            str(r["reason"]),
                            str(r.get("status", "")),
                            tuple(str(e) for e in r.get("sequence", ())),
                            tuple(str(e) for e in r.get("overrides", ())),
                        )
                        for r in rows
                    ),
                    key=lambda spec: -spec.priority,
                )
            )
            for table, rows in data.items()
        }
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise DataFileError(f"{_RULES_FILE}: malformed measure rules ({error})") from None


def rule_specs(table: str, book: RuleBook | None = None) -> tuple[RuleSpec, ...]:
    """The rules of one table of ``book`` (a component's, ``lexicon.rules``; default the
    shipped files), highest priority first (stable among equal priorities)."""
    try:
        return _load((book or shipped_rulebook()).text(_RULES_FILE))[table]
    except KeyError:
        raise DataFileError(f"{_RULES_FILE}: no table {table!r}") from None
