"""Mentions that name no event although a trigger rule matched: a possibility or a wish with
no day ("could strike a deal", "hopes to reach an agreement"), and an undated announcement
that names no concrete act (no measure, order, letter, deal or number below the verb).

A conditional ("if they reach a deal") or a request is left out before this, by the events
component; a possibility with a day ("could meet as early as Friday") stays a planned event.
"""

from __future__ import annotations

from tariffscope.news._syntax import governing_verb
from tariffscope.news.event_triggers import Trigger
from tariffscope.news.lexicon import Lexicon

__all__ = ["not_an_event"]

_BARE_ANNOUNCEMENT = "announcement.announce_verb"


def _possible_or_wished(trig: Trigger, lex: Lexicon) -> bool:
    token = trig.token
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    if verb is None:
        return False
    modals = lex.words("event_possibility_modals")
    if any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children):
        return True
    wishes = lex.words("event_wish_verbs")
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in wishes


def _names_no_act(trig: Trigger, lex: Lexicon) -> bool:
    if trig.rule != _BARE_ANNOUNCEMENT:
        return False
    acts = lex.words("event_concrete_act_words")
    token = trig.token
    scope = [*token.subtree, *([token.head] if token.dep_ in {"acl", "relcl"} else [])]
    return not any(t.lower_ in acts or t.like_num for t in scope)


def not_an_event(trig: Trigger, dated: bool, lex: Lexicon) -> bool:
    """Whether the mention of ``trig`` names no event (``dated``: the text gives it a time,
    resolved or not)."""
    if dated:
        return False
    return _possible_or_wished(trig, lex) or _names_no_act(trig, lex)
