"""People an event names beyond its subject and partners: the named members of a delegation
("a delegation led by A and including B visited ...") and the people a trip is meant to see
("will travel to X next week for further discussions with A and B"), and the people who
lead the event ("the talks in Lima, led by A and B").

Both are functions of the trigger and the parse; they give tokens, and the events component
keeps those that lie in a person mention.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from tariffscope.news._syntax import subject_of
from tariffscope.news.lexicon import Lexicon

__all__ = ["delegation_members", "event_leaders", "purpose_partners"]


def _outside_clauses(head: Token) -> Iterator[Token]:
    """The subtree of ``head`` without its relative clauses (what the group did elsewhere)."""
    for child in head.children:
        if child.dep_ == "relcl":
            continue
        yield child
        yield from _outside_clauses(child)


def delegation_members(trigger: Token, lex: Lexicon) -> list[Token]:
    """Words of the phrase of the delegation that is the trigger's subject or owner."""
    groups = lex.words("event_delegation_nouns")
    if trigger.pos_ in {"VERB", "AUX"}:
        subject = subject_of(trigger)
        owners = [subject] if subject is not None else []
    else:
        owners = [c for c in trigger.children if c.dep_ == "poss"]
        owners += [
            g for c in trigger.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
    return [
        t for owner in owners if owner.lemma_.lower() in groups for t in _outside_clauses(owner)
    ]


def purpose_partners(trigger: Token, lex: Lexicon) -> list[Token]:
    """Words of the partners in the trip's purpose phrase ("for talks with A and B")."""
    purposes = lex.words("event_purpose_preps")
    partners = lex.words("event_partner_preps")
    return [
        t
        for prep in trigger.children
        if prep.dep_ == "prep" and prep.lower_ in purposes
        for aim in prep.children
        if aim.dep_ == "pobj"
        for with_ in aim.children
        if with_.dep_ == "prep" and with_.lower_ in partners
        for t in with_.subtree
        if t.i != with_.i
    ]


def event_leaders(trigger: Token, lex: Lexicon) -> list[Token]:
    """Words of the agent of a participle of leading on the trigger noun ("talks *led by* A
    and B", "the meeting chaired by C"), or of the passive verb it is the subject of ("the
    meeting was led by A and B"): the people who lead it take part."""
    leads = lex.words("event_lead_verbs")
    clauses = [c for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if trigger.dep_ == "nsubjpass":  # "the meeting was led by A and B"
        clauses.append(trigger.head)
    return [
        t
        for clause in clauses
        if clause.lemma_.lower() in leads
        for agent in clause.children
        if agent.dep_ == "agent"
        for t in agent.subtree
        if t.i != agent.i
    ]
