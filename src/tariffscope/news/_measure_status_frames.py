"""Status clues of a rate's wider frame: helpers of :mod:`tariffscope.news.measure_status`.

- a removal verb below the rate's verb whose object names the rate back by a pronoun
  ("announced a 49% tariff, before pausing it") suspends it;
- an agreement only to keep talking ("agreed to explore ...") settles no rate;
- a rate the story looks ahead to ("ahead of a 30% tariff", "before the 25% duty") is a threat.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from tariffscope.news.measure_status import StatusWords

__all__ = ["agreed_to_talk", "ahead_of", "removed_later"]


def removed_later(path: list[Token], words: StatusWords) -> bool:
    """A removal verb below the rate's verb whose object names the rate back ("announced a 49%
    tariff, before pausing it for 90 days"; "imposed 20% and then suspended it")."""
    if not path:
        return False
    top = path[-1]
    for token in top.subtree:
        if token.i <= top.i or token.pos_ != "VERB" or token.lemma_.lower() not in words.suspend:
            continue
        if any(c.dep_ == "dobj" and c.lower_ in words.back_pronouns for c in token.children):
            return True
    return False


def agreed_to_talk(token: Token, words: StatusWords) -> bool:
    """'agreed to explore ways', 'agreed to discuss': an agreement to keep talking, no deal."""
    return token.pos_ == "VERB" and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in words.aspire for c in token.children
    )


def ahead_of(noun: Token, words: StatusWords) -> bool:
    """'talks ahead of a 30% tariff', 'before the 25% duty': a rate the story looks ahead to."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    if prep.lower_ in words.ahead:
        return True
    return prep.lower_ == "of" and prep.head.lower_ in words.ahead
