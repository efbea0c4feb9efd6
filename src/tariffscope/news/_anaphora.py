"""Goods named by anaphora: "the model", "the vehicles", "the 10% import levies".

Helpers of :mod:`tariffscope.news.measures`. A definite noun phrase with no modifiers of its
own points back to an earlier, fuller mention in the same sentence or the two before it:

- a goods noun ("the 20.7% duty imposed on *the model*") is the last earlier noun with the
  same lemma that carries modifiers ("its *Cupra Tavascan model*"): the goods are that phrase;
- a tariff noun with a rate but no goods ("Trump said he would look at *the 10% import
  levies*") is the last earlier tariff noun without a rate whose goods are named ("a review
  of *tariffs on whisky*"): the goods are that noun's object.

Only the definite article and demonstratives make a phrase anaphoric ("a model" or "tariffs"
introduce something new), and the antecedent must be found within :data:`SENTENCES_BACK`
sentences, as a reader would look for it. The words come from the lexicon
(``person_anaphora_*``); callers that hold the component's lexicon pass it, the others read
the shipped one.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from tariffscope.news.lexicon import Lexicon, default_lexicon

__all__ = ["SENTENCES_BACK", "antecedent_goods_noun", "antecedent_tariff_object", "is_definite"]

SENTENCES_BACK = 2
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def is_definite(token: Token, lex: Lexicon | None = None) -> bool:
    """The noun has a definite article or a demonstrative ("the model", "these levies")."""
    definite = (lex or default_lexicon()).words("person_anaphora_definite")
    return any(c.dep_ == "det" and c.lower_ in definite for c in token.children)


def _modifiers(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in _MODIFIER_DEPS and c.i < token.i]


def _window_start(token: Token) -> int:
    """First token index of the sentence ``SENTENCES_BACK`` before the token's sentence; a
    "sentence" of no word (a closing quote and a line break the parser split off) is not one
    of them."""
    doc = token.doc
    start = token.sent.start
    back = 0
    while back < SENTENCES_BACK and start > 0:
        sent = doc[start - 1].sent
        start = sent.start
        back += any(t.is_alpha for t in sent)
    return start


def antecedent_goods_noun(head: Token, lex: Lexicon | None = None) -> Token | None:
    """The fuller earlier mention a bare definite goods noun points to, or None.

    "the model" -> "Cupra Tavascan model"; "the vehicles" -> "electric vehicles". The head
    must be a common noun with a definite determiner and no modifiers of its own.
    """
    if head.pos_ != "NOUN" or not is_definite(head, lex) or _modifiers(head):
        return None
    lemma = head.lemma_.lower()
    doc = head.doc
    for i in range(head.i - 1, _window_start(head) - 1, -1):
        candidate = doc[i]
        if (
            candidate.pos_ in {"NOUN", "PROPN"}
            and candidate.lemma_.lower() == lemma
            and _modifiers(candidate)
        ):
            return candidate
    return None


def _has_rate(token: Token, rate_words: frozenset[str]) -> bool:
    return any(t.lower_ in rate_words for t in token.subtree)


def antecedent_tariff_object(
    noun: Token,
    tariff_words: frozenset[str],
    lex: Lexicon | None = None,
    *,
    definite: bool = True,
    accept: Callable[[Token], bool] | None = None,
) -> Token | None:
    """The goods object of the earlier tariff noun a definite rated tariff noun points to.

    "a review of tariffs on whisky ... look at the 10% import levies" -> "whisky". The
    antecedent is a tariff noun without a rate of its own, with an "on/against/for" object
    that is not itself a tariff word. ``definite=False``: the caller has its own reason to
    look back (a cap that names no goods), the noun need not be definite; ``accept``: the
    objects it may be (others are passed over, the search goes on).
    """
    lex = lex or default_lexicon()
    if definite and not is_definite(noun, lex):
        return None
    rate_words = lex.words("person_anaphora_rate_words")
    preps = lex.words("person_anaphora_object_preps")
    doc = noun.doc
    for i in range(noun.i - 1, _window_start(noun) - 1, -1):
        candidate = doc[i]
        if candidate.lower_ not in tariff_words or candidate.pos_ != "NOUN":
            continue
        if _has_rate(candidate, rate_words):
            continue
        for prep in candidate.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for obj in prep.children:
                if (
                    obj.dep_ == "pobj"
                    and obj.lower_ not in tariff_words
                    and not _has_rate(obj, rate_words)
                    and (accept is None or accept(obj))
                ):
                    return obj
    return None
