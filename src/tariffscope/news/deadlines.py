"""Deadlines: dates by which something must happen or will change.

Read from the story's time index (:mod:`tariffscope.news.temporal`), a deadline is

- a date in the role ``deadline``, given by the named patterns of ``data/time_patterns.json``
  ("an Aug. 1 deadline", "ahead of Friday's deadline", "the deadline of June 1", "the
  deadline expires on August 1", "extended the deadline to August 12");
- a date in the role ``by`` or ``until`` (also the end of a range, "from July 9 to Aug. 1")
  that lies ahead of publication ("won't be required to pay ... until April 2", "drop canola
  seed duties to 15 per cent by March"); fuzzy months ("until early August") are left out,
  and so are weekdays and relative words when the publication date is unknown;
- the effective date of a measure that is not yet in force (after publication, or any date
  of a threatened or agreed measure when the publication date is unknown), unless the text
  gives it only as a month ("will charge a 25% tax in September": no day to meet);
- a date a named rule of ``data/deadline_rules.toml`` reads from the clause it dates: a
  reprieve moved to a date ("the suspension was extended to December 7").

``what`` is the sentence the date belongs to, trimmed. One deadline per date.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.tokens import Doc, Token

from tariffscope.errors import DataFileError
from tariffscope.news._syntax import direction, doc_text
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.temporal import TimeIndex, TimeRecord, attachment_point, takes_effect

__all__ = [
    "DEADLINE_TESTS",
    "DeadlineRule",
    "DeadlineWords",
    "deadline_records",
    "deadline_rules",
    "find_deadlines",
]

_MAX_WHAT = 160
_RULES_FILE = "deadline_rules.toml"


@dataclass(frozen=True, slots=True)
class DeadlineRule:
    """One named deadline rule: ``id``, ``priority`` (higher first), ``reason``."""

    id: str
    priority: int
    reason: str


def deadline_rules(lex: Lexicon) -> tuple[DeadlineRule, ...]:
    """The rules of ``deadline_rules.toml`` in ``lex``'s rule book, highest priority first."""
    return _parsed(lex.rules.text(_RULES_FILE))


@cache
def _parsed(text: str) -> tuple[DeadlineRule, ...]:
    try:
        rows = tomllib.loads(text)["deadline"]
        rules = [DeadlineRule(str(r["id"]), int(r["priority"]), str(r["reason"])) for r in rows]
        unknown = [rule.id for rule in rules if rule.id not in DEADLINE_TESTS]
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as error:
        raise DataFileError(f"{_RULES_FILE}: malformed deadline rules ({error})") from None
    if unknown:
        raise DataFileError(f"{_RULES_FILE}: no predicate for rule {', '.join(unknown)}")
    return tuple(sorted(rules, key=lambda rule: -rule.priority))


@dataclass(frozen=True, slots=True)
class DeadlineWords:
    """The word sets the deadline rules read (from the lexicon)."""

    shift_verbs: frozenset[str]
    deal_verbs: frozenset[str]
    deal_nouns: frozenset[str]
    before: frozenset[str]
    reprieve_nouns: frozenset[str]
    deadline_nouns: frozenset[str]
    change_nouns: frozenset[str]
    schedule_verbs: frozenset[str]
    expiry_verbs: frozenset[str]
    retroactive: frozenset[str]

    @classmethod
    def from_lexicon(cls, lex: Lexicon) -> DeadlineWords:
        return cls(
            shift_verbs=lex.words("time_deadline_shift_verbs"),
            deal_verbs=lex.words("measure_status_deal_verbs"),
            deal_nouns=lex.words("measure_status_deal"),
            before=lex.words("time_before_prepositions"),
            reprieve_nouns=lex.words("time_reprieve_nouns"),
            deadline_nouns=lex.words("time_deadline_nouns"),
            change_nouns=lex.words("time_scheduled_change_nouns"),
            schedule_verbs=lex.words("time_schedule_verbs"),
            expiry_verbs=lex.words("time_expiry_verbs"),
            retroactive=lex.words("time_retroactive_words"),
        )


@dataclass(frozen=True, slots=True)
class DatedClause:
    """A date, the word it modifies, the story's publication date, and whether the word
    tells a change taking effect (:func:`tariffscope.news.temporal.takes_effect`)."""

    record: TimeRecord
    verb: Token
    anchor: dt.date | None
    effect: bool = False


def _reprieve_moved(clause: DatedClause, words: DeadlineWords) -> bool:
    verb = clause.verb
    if clause.record.preposition != "to" or verb.lemma_.lower() not in words.shift_verbs:
        return False
    return any(
        c.dep_ in {"dobj", "nsubjpass"}
        and c.lemma_.lower() in words.reprieve_nouns | words.deadline_nouns
        for c in verb.children
    )


def _deal_before(clause: DatedClause, words: DeadlineWords) -> bool:
    """'hope to conclude an agreement before September 1', 'must seal a pact before Aug. 1':
    the day a deal is to be reached by."""
    verb = clause.verb
    if clause.record.preposition not in words.before:
        return False
    if clause.anchor is None and direction(verb) <= 0:
        return False  # an undated story: only a clause that looks ahead
    return verb.lemma_.lower() in words.deal_verbs or any(
        c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in words.deal_nouns
        for c in verb.children
    )


def _subjects(verb: Token, words: DeadlineWords) -> list[Token]:
    """The subjects of a verb and of the verbs it completes or, for a verb of schedule,
    qualifies ("the tariffs are expected to go ahead": "tariffs" for "go"; "the levy will take
    effect as scheduled on": "levy" for "scheduled"); a clause on a noun tells of the noun ("new
    rates set to begin on": "rates" for "begin"; "the truce, which ends on": "truce" for
    "ends"), when it is a relative clause, an infinitive or a verb of schedule (not a done
    deed: "the tariffs imposed on")."""
    out = []
    current = verb
    for _ in range(4):
        out += [c for c in current.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if _tells_of_noun(current, words):
            out.append(current.head)
            break
        qualifies = current.dep_ == "advcl" and current.lemma_.lower() in words.schedule_verbs
        if not (current.dep_ == "xcomp" or qualifies) or current.head.i == current.i:
            break
        current = current.head
    return out


def _tells_of_noun(clause: Token, words: DeadlineWords) -> bool:
    """A clause that tells of the noun it hangs on: a relative clause, an infinitive ("tariffs
    to take effect on") or a verb of schedule ("rates set to begin on")."""
    if clause.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if clause.dep_ == "relcl":
        return True
    return clause.dep_ == "acl" and (
        clause.lemma_.lower() in words.schedule_verbs
        or any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


def _retroactive(verb: Token, words: DeadlineWords) -> bool:
    """'applied retroactively from 1 August': the day lies behind the act, not ahead."""
    return any(c.lower_ in words.retroactive for c in verb.subtree)


def _past_frame(verb: Token) -> bool:
    """'the levies were set to begin on April 9', 'the pause was due to end on': a timetable
    told in the past (the plan as it stood, since overtaken), through the verbs the clause
    completes."""
    current = verb
    for _ in range(4):
        if current.dep_ != "xcomp" or current.head.i == current.i:
            return False
        current = current.head
        if current.tag_ == "VBD" or any(
            c.dep_ in {"aux", "auxpass"} and c.lower_ in {"was", "were", "had"}
            for c in current.children
        ):
            return True
    return False


def _reprieve_ends(clause: DatedClause, words: DeadlineWords) -> bool:
    """'the pause is set to expire on July 9', 'the truce, which is due to end on': a pause,
    truce, exemption or deadline told as ending on a day ahead (the subject reached through
    the verbs the expiry completes or the noun it tells of; not an end told as past, nor in
    a participle: "expired on" is past whether tagged VBD or VBN)."""
    verb = clause.verb
    if verb.lemma_.lower() not in words.expiry_verbs or clause.record.role not in {"on", "by"}:
        return False
    if verb.tag_ not in {"VB", "VBZ", "VBP", "VBG"} or direction(verb) < 0 or _past_frame(verb):
        return False  # "expired on", however the parser tags it, is past
    ends = words.reprieve_nouns | words.deadline_nouns
    return any(s.lemma_.lower() in ends for s in _subjects(verb, words))


def _change_takes_effect(clause: DatedClause, words: DeadlineWords) -> bool:
    """'higher tariffs will be implemented on August 1', 'on July 9, the tariffs are set to
    snap back', 'the levies go into effect on Aug. 7': a tariff, rate or duty told as taking
    effect on a day ahead, with or without a rate (not a change told as past)."""
    if not clause.effect or clause.record.role not in {"on", "from", "by"}:
        return False
    if direction(clause.verb) < 0 or _past_frame(clause.verb) or _retroactive(clause.verb, words):
        return False
    day, anchor = clause.record.date, clause.anchor
    if anchor is not None and day is not None and day <= anchor:
        return False  # "comes into force on Thursday", the day of the story: no day to meet
    changed = _subjects(clause.verb, words) + [
        c for c in clause.verb.children if c.dep_ == "dobj"
    ]  # "will impose counter-tariffs starting July 21": the change is the object
    return any(s.lemma_.lower() in words.change_nouns for s in changed)


#: The predicate of each rule id of ``data/deadline_rules.toml``.
DEADLINE_TESTS: Mapping[str, Callable[[DatedClause, DeadlineWords], bool]] = {
    "deadline.reprieve_moved": _reprieve_moved,
    "deadline.reprieve_ends": _reprieve_ends,
    "deadline.deal_before": _deal_before,
    "deadline.change_takes_effect": _change_takes_effect,
}


def _rule_of(doc: Doc, record: TimeRecord, anchor: dt.date | None, lex: Lexicon) -> str | None:
    """The id of the first deadline rule that reads ``record`` as a deadline, or None."""
    if record.date is None or record.role in {"deadline", "dateline"}:
        return None
    verb = attachment_point(doc, record, lex)
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return None
    clause = DatedClause(record, verb, anchor, takes_effect(verb, lex))
    words = DeadlineWords.from_lexicon(lex)
    for rule in deadline_rules(lex):
        if DEADLINE_TESTS[rule.id](clause, words):
            return rule.id
    return None


def _what(doc: Doc, start: int, end: int) -> str:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return doc_text(doc)[start:end]
    sent = span.sent
    text = " ".join(sent.text.split())
    return text if len(text) <= _MAX_WHAT else text[: _MAX_WHAT - 1].rsplit(" ", 1)[0] + "…"


def _ahead(record: TimeRecord, anchor: dt.date | None) -> bool:
    """On or after publication; a month counts to its last day ("by the end of the month")."""
    if anchor is None or record.date is None:
        return anchor is None
    if record.precision == "month":
        return (record.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1) > anchor
    return record.date >= anchor


def deadline_records(index: TimeIndex, lex: Lexicon) -> list[TimeRecord]:
    """The time records of a story that are deadlines by their role (see the docstring)."""
    fuzzy = lex.words("time_fuzzy_month_parts")  # parts of a month, not a day to meet
    out = []
    for record in index.records:
        if record.date is None or not _ahead(record, index.anchor):
            continue
        if record.role == "deadline":
            out.append(record)
        elif (
            record.role in {"by", "until"}
            and record.modifier not in fuzzy
            and record.modifier != "span_end"  # "in India from Dec. 9-11": a stay ends
        ):
            if index.anchor is None and record.kind in {"weekday", "relative"}:
                continue
            out.append(record)
    return out


def find_deadlines(
    doc: Doc, index: TimeIndex, measures: list[dict[str, Any]], lex: Lexicon
) -> list[dict[str, Any]]:
    """Deadline records ``{date, what, start, end}`` of one article, by date."""
    found: dict[str, dict[str, Any]] = {}

    def add(value: str, start: int, end: int) -> None:
        if value not in found:
            found[value] = {
                "date": value,
                "what": _what(doc, start, end),
                "start": start,
                "end": end,
            }

    for record in deadline_records(index, lex):
        add(record.date.isoformat(), record.start, record.end)  # type: ignore[union-attr]
    for record in index.records:
        if _ahead(record, index.anchor) and _rule_of(doc, record, index.anchor, lex) is not None:
            add(record.date.isoformat(), record.start, record.end)  # type: ignore[union-attr]
    anchor = index.anchor
    months = {r.iso for r in index.records if r.precision == "month"}
    days = {r.iso for r in index.records if r.precision == "day"}
    for m in measures:
        value = m.get("effective_date")
        if not value or (value in months and value not in days):
            continue  # a start given as a month ("in September") sets no day to meet
        pending = (anchor is not None and dt.date.fromisoformat(value) > anchor) or (
            anchor is None and m["status"] in {"threatened", "agreed"}
        )
        if pending:
            add(value, m["start"], m["end"])
    return sorted(found.values(), key=lambda r: r["date"])
