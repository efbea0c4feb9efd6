"""Who a speech verb's subject is, where the parse hides it.

Helper of :mod:`tariffscope.news.mention_chains` and :mod:`tariffscope.news.quotes`, so that
the pronoun resolver and the quotation attributor read a speaker the same way. Two
configurations of news copy lose the speaker in the parse:

- *a lost subject*: a speech verb with no subject, its speaker parsed as an apposition or a
  loose dependent of an adjunct before it ("In a statement on Sunday, X, who is travelling ...,
  said"). The person named nearest before the verb, in the same sentence and outside any
  argument of another word (not an object, a possessor or a name part), is the speaker;
- *a title subject*: the subject is an office with the name apposed to it ("The opposition
  spokesperson, Y, told ..."), or the name with the office apposed. Either names the person;
- *a misattached speech verb*: "..., saying" or "... and claimed" hung on a reported clause
  whose subject is no person ("He noted that the US has shown interest, saying ..."): the
  person who is the subject of a clause above it speaks.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from tariffscope.news._syntax import subject_of

__all__ = ["LOOSE_DEPS", "apposed_named", "speech_subject"]

#: Dependencies of a name the parser left loose instead of making it the verb's subject.
LOOSE_DEPS = frozenset({"appos", "npadvmod", "dep", "ROOT"})


def speech_subject(
    verb: Token,
    named: Callable[[Token], bool],
    person: Callable[[Token], bool] | None = None,
) -> Token | None:
    """The subject of a speech verb; without one, the loose name before it (see module).

    ``named`` tells whether a token is part of a named mention of a person; ``person``
    whether a subject refers to a person (a name, a pronoun, an office).
    """
    subject = subject_of(verb)
    if subject is not None and person is not None and not person(subject):
        return _misattached_subject(verb, person) or subject
    if subject is not None:
        return subject
    sent = verb.sent
    for token in reversed(sent[: verb.i - sent.start]):
        if not named(token):
            continue
        # the last word of the name carries the name's relation to the sentence
        if token.dep_ in LOOSE_DEPS and token.head.i <= verb.i:
            return token
        return None  # the nearest name is an argument of another word: no guess
    return None


def _misattached_subject(verb: Token, person: Callable[[Token], bool]) -> Token | None:
    """A participle of speech ("..., saying") or a coordinated one ("... and claimed") that
    the parser hung on a reported clause whose subject is no person ("He noted that the US
    has shown interest, saying ..."): the person who is the subject of a clause above it."""
    participle = verb.tag_ == "VBG" and verb.dep_ in {"advcl", "xcomp"}
    if not participle and verb.dep_ != "conj":
        return None
    current = verb.head
    for _ in range(3):
        if current.dep_ not in {"ccomp", "conj", "advcl"} or current.head.i == current.i:
            return None
        current = current.head
        subject = subject_of(current)
        if subject is not None and person(subject):
            return subject
    return None


def apposed_named(subject: Token, named: Callable[[Token], bool]) -> Token | None:
    """A name apposed to an office subject ("the spokesperson, Y,"), or an office apposed to a
    name subject: the token of the name, else None."""
    if named(subject):
        return subject
    for child in subject.children:
        if child.dep_ == "appos" and named(child):
            return child
    if subject.dep_ == "appos" and named(subject.head):
        return subject.head
    return None
