"""An event's kind from its structure, after its trigger and participants are known, by the
definitions of the annotation guidelines (GUIDELINES.md):

- *call*: a phone or video call: any encounter told with a remote mode ("met virtually",
  "held talks by video link");
- *meeting*: two or more named people meet in person: talks between two named people who lead
  no delegation are their meeting;
- *talks*: a round between delegations: an encounter whose sides are governments or
  delegations only (no named person), one led by named heads ("the meeting was led by A
  and B"), or talks told as a round ("the first round of negotiations"), is a round of talks;
- *visit*: travel without a named counterpart: a meeting with fewer than two sides, told
  with a place, is the visitor's trip; but a delegation (no named person) travelling to a
  place to negotiate ("a delegation will be in Washington to press ahead with negotiations",
  "the negotiating team will return to Brussels") is a round of talks there, and so is one
  with a named head ("a delegation led by X will visit Y for talks", "X led a delegation to Y
  for talks"; the head takes part).

The trigger word gives the class of event (an encounter, a deal, an announcement, ...); this
function decides which encounter it is, one mechanism for every trigger rule. The decision is a
table kept as data (``kinds`` in ``news/data/event_rules.json``): ordered rows, each with an id,
a one-line reason, the kind it gives and its conditions on the :class:`EventShape`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from tariffscope.errors import DataFileError
from tariffscope.news._syntax import subject_of
from tariffscope.news.lexicon import Lexicon

__all__ = [
    "EventShape",
    "KindRow",
    "default_kind_table",
    "delegation_led",
    "delegation_negotiates",
    "kind_by_structure",
    "kind_row",
    "load_kind_table",
    "remote_mode",
    "told_as_round",
    "trip_delegation",
]

_RULES_FILE = Path(__file__).resolve().parent / "data" / "event_rules.json"


@dataclass(frozen=True, slots=True)
class EventShape:
    """What decides an encounter's kind: the trigger's kind, the named people and the
    governments (country codes) taking part, whether the text says it was held remotely,
    whether named people lead it, its place, and whether it is told as a negotiating round
    ("the first round of negotiations", "two-day talks"), and whether the travellers of a
    trip are a delegation told as negotiating (:func:`delegation_negotiates`)."""

    trigger_kind: str
    people: int
    countries: int
    remote: bool
    led: bool
    place: str | None
    round: bool = False
    negotiating: bool = False


@dataclass(frozen=True, slots=True)
class KindRow:
    """One row of the kind table (``kinds`` in ``event_rules.json``): the kind it gives (None:
    no event) when every condition holds."""

    id: str
    kind: str | None
    reason: str
    when: Mapping[str, Any]

    def holds(self, shape: EventShape) -> bool:
        """Whether every condition of the row holds for ``shape``."""
        counts = {
            "people": shape.people,
            "countries": shape.countries,
            "sides": shape.people + shape.countries,
        }
        flags = {
            "remote": shape.remote,
            "led": shape.led,
            "round": shape.round,
            "negotiating": shape.negotiating,
            "place": shape.place is not None,
        }
        for key, value in self.when.items():
            if key == "trigger":
                ok = shape.trigger_kind in value
            elif key in flags:
                ok = flags[key] is bool(value)
            else:
                bound, _, count = key.partition("_")
                ok = counts[count] >= value if bound == "min" else counts[count] <= value
            if not ok:
                return False
        return True


_CONDITIONS = frozenset(
    {"trigger", "remote", "led", "round", "negotiating", "place"}
    | {f"{b}_{c}" for b in ("min", "max") for c in ("people", "countries", "sides")}
)


def load_kind_table(text: str | None = None) -> tuple[KindRow, ...]:
    """The rows of the kind table of ``event_rules.json`` (or of the JSON ``text``), in
    order."""
    try:
        data = json.loads(text if text is not None else _RULES_FILE.read_text(encoding="utf-8"))
        rows = tuple(
            KindRow(str(r["id"]), r["kind"], str(r["reason"]), dict(r["when"]))
            for r in data["kinds"]
        )
    except (OSError, KeyError, TypeError, ValueError) as error:
        raise DataFileError(f"event kinds: missing or malformed ({error})") from None
    for row in rows:
        unknown = set(row.when) - _CONDITIONS
        if unknown or not row.reason:
            raise DataFileError(f"event kind row {row.id}: unknown condition or no reason")
    return rows


@cache
def default_kind_table() -> tuple[KindRow, ...]:
    """The shipped kind table (read once per process)."""
    return load_kind_table()


def kind_row(shape: EventShape, table: tuple[KindRow, ...] | None = None) -> KindRow | None:
    """The first row of the kind table that holds for ``shape``, or None."""
    rows = table if table is not None else default_kind_table()
    return next((row for row in rows if row.holds(shape)), None)


def kind_by_structure(shape: EventShape, table: tuple[KindRow, ...] | None = None) -> str | None:
    """The event's kind by the kind table: the first row that holds gives it (None: no event,
    e.g. a meeting with one side and no place); a trigger no row matches keeps its kind."""
    row = kind_row(shape, table)
    return shape.trigger_kind if row is None else row.kind


def remote_mode(token: Token, lex: Lexicon) -> bool:
    """The encounter is told as held remotely: a remote word modifies the trigger or its verb
    ("met virtually", "talks by video link", "a videoconference meeting")."""
    remote = lex.words("event_remote_words")
    owners = [token]
    if token.dep_ in {"dobj", "obj"} and token.head.pos_ in {"VERB", "AUX"}:
        owners.append(token.head)  # "held talks by video"
    for owner in owners:
        for child in owner.children:
            if child.dep_ in {"advmod", "amod", "compound"} and child.lower_ in remote:
                return True
            by_means = child.dep_ == "prep" and child.lower_ in lex.words("event_remote_preps")
            if by_means and any(t.lower_ in remote for t in child.subtree):
                return True
    return False


def told_as_round(token: Token, lex: Lexicon) -> bool:
    """Talks told as a round ("the first round of negotiations") or by their length
    ("two-day talks"): a concrete negotiating round, not talks in general."""
    of_round = (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lemma_.lower() in lex.words("event_round_nouns")
    )
    units = lex.words("event_round_length_units")
    return of_round or any(
        c.dep_ in {"compound", "amod"}
        and c.lemma_.lower() in units
        and any(n.dep_ == "nummod" for n in c.children)
        for c in token.children
    )


def trip_delegation(token: Token, lex: Lexicon) -> Token | None:
    """The delegation that travels on a trip verb, or None: the verb's subject when it is a
    delegation noun ("a delegation", "the team") or a plural of officials ("senior officials",
    "negotiators"), inherited through a frame ("a team is expected to visit X", "the team will
    travel to hold talks"); or the object of a verb of leading ("X led a delegation to Y")."""
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    delegations = lex.words("event_delegation_nouns")

    def is_delegation(word: Token) -> bool:
        lemma = word.lemma_.lower()
        return lemma in delegations or (
            word.tag_ == "NNS" and lemma in lex.words("event_delegate_nouns")
        )

    if token.lemma_.lower() in lex.words("event_lead_verbs"):
        led = [c for c in token.children if c.dep_ in {"dobj", "obj"} and is_delegation(c)]
        return led[0] if led else None
    subject = subject_of(token)
    return subject if subject is not None and is_delegation(subject) else None


def delegation_led(token: Token, lex: Lexicon) -> bool:
    """The travelling delegation of a trip verb has a named head: "a delegation led by X
    will visit", "a team headed by X will travel", "X led a delegation to Y"."""
    delegation = trip_delegation(token, lex)
    if delegation is None:
        return False
    leads = lex.words("event_lead_verbs")
    if token.lemma_.lower() in leads:
        return subject_of(token) is not None
    return any(
        c.dep_ == "acl" and c.lemma_.lower() in leads and any(g.dep_ == "agent" for g in c.children)
        for c in delegation.children
    )


def delegation_negotiates(token: Token, lex: Lexicon) -> bool:
    """The travellers of a trip are a delegation (:func:`trip_delegation`) told as
    negotiating: a negotiating word either names the delegation ("the negotiating team") or
    stands in the trip's purpose ("to press ahead with negotiations", "for talks"). A named
    traveller is a visitor however he negotiates; a delegation led by one holds talks (the
    kind table's rows)."""
    traveller = trip_delegation(token, lex)
    if traveller is None:
        return False
    negotiating = lex.words("event_trip_negotiating_words")

    def told(word: Token) -> bool:
        return word.lower_ in negotiating or word.lemma_.lower() in negotiating

    purposes = [
        c
        for c in token.children
        if (c.dep_ in {"xcomp", "advcl"} and any(a.lower_ == "to" for a in c.children))
        or (c.dep_ == "prep" and c.lower_ in lex.words("event_purpose_preps"))
    ]
    purposes += [  # "led a delegation to X for talks": the purpose may hang on the delegation
        c
        for c in traveller.children
        if c.dep_ == "prep" and c.lower_ in lex.words("event_purpose_preps")
    ]
    if any(c.dep_ in {"compound", "amod"} and told(c) for c in traveller.children):
        return True  # "the negotiating team"
    return any(told(w) for p in purposes for w in p.subtree)  # "to negotiate", "for talks"
