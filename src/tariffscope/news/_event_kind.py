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
  with a place, is the visitor's trip.

The trigger word gives the class of event (an encounter, a deal, an announcement, ...); this
function decides which encounter it is, one mechanism for every trigger rule.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from tariffscope.news.lexicon import Lexicon

__all__ = ["EventShape", "kind_by_structure", "remote_mode", "told_as_round"]

ENCOUNTERS = frozenset({"meeting", "talks", "call"})


@dataclass(frozen=True, slots=True)
class EventShape:
    """What decides an encounter's kind: the trigger's kind, the named people and the
    governments (country codes) taking part, whether the text says it was held remotely,
    whether named people lead it, its place, and whether it is told as a negotiating round
    ("the first round of negotiations", "two-day talks")."""

    trigger_kind: str
    people: int
    countries: int
    remote: bool
    led: bool
    place: str | None
    round: bool = False


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
    if shape.round and kind == "talks":
        return "talks"  # a round of negotiations stays a round, whoever is named in it
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
