"""An event's kind from its structure, after its trigger and participants are known, by the
definitions of the annotation guidelines (GUIDELINES.md):

- *call*: a phone or video call: any encounter told with a remote mode ("met virtually",
  "held talks by video link");
- *meeting*: two or more named people meet in person: talks between two named people who lead
  no delegation are their meeting;
- *talks*: a round between delegations: an encounter whose sides are governments or
  delegations only (no named person), or one led by named heads ("the meeting was led by A
  and B"), is a round of talks;
- *visit*: travel without a named counterpart: a meeting with fewer than two sides, told
  with a place, is the visitor's trip.

The trigger word gives the class of event (an encounter, a deal, an announcement, ...); this
function decides which encounter it is, one mechanism for every trigger rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tariffscope.news.lexicon import Lexicon

__all__ = ["EventShape", "kind_by_structure", "remote_mode"]

ENCOUNTERS = frozenset({"meeting", "talks", "call"})


@dataclass(frozen=True, slots=True)
class EventShape:
    """What decides an encounter's kind: the trigger's kind, the named people and the
    governments (country codes) taking part, whether the text says it was held remotely,
    whether named people lead it, and its place."""

    trigger_kind: str
    people: int
    countries: int
    remote: bool
    led: bool
    place: str | None


def kind_by_structure(shape: EventShape) -> str | None:
    """The event's kind, or None when the encounter has too few sides to be one (a meeting with
    one side and no place)."""
    kind = shape.trigger_kind
    if kind not in ENCOUNTERS:
        return kind
    sides = shape.people + shape.countries
    if shape.remote and sides >= 2:
        return "call"
    if kind == "call":
        return kind
    if shape.led and shape.people >= 2:
        return "talks"  # a round led by the heads of two delegations
    if shape.people >= 2 and kind == "talks":
        return "meeting"
    if kind == "meeting" and shape.people == 0 and shape.countries >= 2:
        return "talks"
    if kind == "meeting" and sides < 2:
        return "visit" if shape.place is not None and shape.people else None
    return kind


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
