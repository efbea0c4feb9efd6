"""Planned events: a trigger verb framed as a plan or a timetable ("is due to travel", "are
scheduled to meet", "plans to sign", "is expected to hold talks", "is set to visit"), the
subject of a plan ("a meeting is planned for Friday"), or an event noun a plan clause
describes ("talks scheduled for Friday", "negotiations expected to begin in April"), or
the copula of the timetable idiom ("is to visit", "were to depart on Monday").

The frame is a word of the lexicon's ``event_plan_frames`` that governs the trigger's verb as
an open complement (``xcomp``, or a "to" infinitive with its own subject: "expects his country
to sign"), directly or through another frame ("is expected to be set
to ..."). Its subject is the event's subject when the trigger's own clause has none: in "X is
due to travel" the subject hangs on the copula, above the adjective "due".
"""

from __future__ import annotations

from spacy.tokens import Token

from tariffscope.news._syntax import governing_verb, has_negation, timetable_infinitive
from tariffscope.news.lexicon import Lexicon

__all__ = ["frame_subject", "plan_frame", "plan_overtaken", "timetable_copula"]

#: Frames above frames: "is expected to be scheduled to meet" stops within this many steps.
_FRAME_STEPS = 3
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def plan_frame(token: Token, lex: Lexicon) -> Token | None:
    """The frame word that makes the trigger's event a plan, or None (also when negated:
    "is not expected to meet" announces no plan)."""
    frames = lex.words("event_plan_frames")
    if token.dep_ in _SUBJECT_DEPS and token.head.lemma_.lower() in frames:
        head = token.head  # "a meeting is planned for Friday", "talks are set for Monday"
        return None if has_negation(head) else head
    if token.pos_ in {"NOUN", "PROPN"}:
        for clause in (c for c in token.children if c.dep_ == "acl"):
            if clause.lemma_.lower() in frames and not has_negation(clause):
                return clause  # "talks scheduled for Friday", "negotiations expected to begin"
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    if verb is None:
        return None
    current = verb
    found = None
    for _ in range(_FRAME_STEPS):
        infinitive = current.dep_ in {"acl", "ccomp"} and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in current.children
        )  # "a plan to meet", "plans to visit" parsed as a noun; "expects X to sign"
        if not (current.dep_ == "xcomp" or infinitive) or current.head.i == current.i:
            break
        head = current.head
        if head.lemma_.lower() not in frames and head.lower_ not in frames:
            if timetable_copula(current, lex):
                found = head  # "is to visit Paris on Friday", "were to depart on Monday"
            break
        found = head
        current = head
    if found is None or has_negation(found) or has_negation(found.head):
        return None
    return found


def timetable_copula(verb: Token, lex: Lexicon) -> bool:
    """``verb`` completes "be" in the timetable idiom and the copula's subject acts ("X is to
    visit", "the negotiators were to depart"): a plan whatever the tense of the copula. A
    thing as the subject ("the aim is to sign a deal") states a goal, not a plan."""
    if not timetable_infinitive(verb):
        return False
    subject = next((c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None:
        return False
    actors = (
        lex.words("event_actor_nouns")
        | lex.words("event_delegation_nouns")
        | lex.words("event_delegate_nouns")
    )
    return subject.pos_ in {"PROPN", "PRON"} or subject.lemma_.lower() in actors


def frame_subject(frame: Token) -> Token | None:
    """The subject of a plan frame: its own, or the copula's when the frame is an adjective or
    a participle under "be" ("X is due to", "X is scheduled to")."""
    if frame.pos_ in {"NOUN", "PROPN"}:  # "X's plans to travel", "X plans to" read as a noun
        owners = [c for c in frame.children if c.dep_ in {"poss", "compound"}]
        if owners:
            return owners[0]
    for owner in (frame, frame.head):
        subjects = [c for c in owner.children if c.dep_ in _SUBJECT_DEPS]
        if subjects:
            return subjects[0]
        if frame.dep_ not in {"acomp", "xcomp", "ccomp"} and owner.i == frame.i:
            break
    return None


def plan_overtaken(frame: Token) -> bool:
    """The plan is told in the past perfect ("had been scheduled to vote Tuesday", "talks
    had been set for Friday", "had planned to visit", "had been due to travel"): a plan the
    story's news has overtaken, one that did not take place as planned."""
    owners = [frame] if frame.pos_ in {"VERB", "AUX"} else []
    if frame.dep_ in {"acomp", "xcomp"} or frame.pos_ == "ADJ":
        owners.append(frame.head)  # "had been due to": the auxiliaries hang on the copula
    return any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "'d"}
        for o in owners
        for c in o.children
    )
