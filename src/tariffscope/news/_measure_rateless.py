"""Measures without a rate of their own: pure functions for :mod:`tariffscope.news.measures`
(:func:`rateless_measures`).

- "X will no longer be subject to Chinese tariffs": the rate drops to 0 (agreed when it lies
  ahead, else in force);
- "Mexico won't be required to pay tariffs on goods ...", "exempts X from the tariffs": the
  rate of the latest measure on that country is suspended;
- "The EU will eliminate its tariffs on U.S. industrial goods": 0%, agreed in a story about a
  deal (a deal word in the sentence, the one before or the lead), else proposed.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from tariffscope.news._measure_goods import rate_goods
from tariffscope.news._measure_imposer import code_of_actor, rate_imposer
from tariffscope.news._measure_parts import Goods, goods_of
from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news._syntax import (
    direction,
    doc_text,
    governing_verb,
    pruned_subtree,
    subject_of,
)
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.measure_status import StatusWords, deal_words, looks_ahead

__all__ = ["rateless_measures"]


def _removed_in_own_clause(noun: Token, lex: Lexicon) -> bool:
    """'..., while tariffs on steel are scrapped': a removal clause of its own, with no rate,
    beside the rates of its sentence."""
    verb = noun.head
    if noun.dep_ not in {"nsubjpass", "dobj"} or verb.lemma_.lower() not in lex.words(
        "measure_eliminate_verbs"
    ):
        return False
    return not any(t.like_num or t.lower_ in {"%", "percent"} for t in _own_clause(verb))


def _own_clause(verb: Token) -> list[Token]:
    """A verb's clause without the clauses hung on it that have subjects of their own
    ("remove its tariffs on US goods, while the US will apply a 15% tariff")."""
    return pruned_subtree(
        verb,
        lambda c: (
            not (
                c.dep_ in {"advcl", "conj", "ccomp"}
                and any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)
            )
        ),
    )


def rateless_measures(
    doc: Doc,
    raw: list[MeasureRecord],
    persons: list[dict[str, Any]],
    mentions: list[tuple[int, int, int]],
    lex: Lexicon,
) -> list[MeasureRecord]:
    """Measures that name no rate of their own.

    - "X will no longer be subject to Chinese tariffs": the rate drops to 0 (agreed when it
      lies ahead, else in force);
    - "Mexico won't be required to pay tariffs on goods ...", "exempts X from the tariffs":
      the rate of the latest measure on that country is suspended;
    - "The EU will eliminate its tariffs on U.S. industrial goods": 0%, agreed in a story
      about a deal (a deal word in the sentence, the one before or the lead), else
      proposed.
    """
    out: list[MeasureRecord] = []
    taken = {r.sent for r in raw}
    for sent in doc.sents:
        for noun in sent:
            if noun.lower_ not in lex.words("measure_tariff_words") or noun.pos_ != "NOUN":
                continue
            if sent.start_char in taken and not _removed_in_own_clause(noun, lex):
                continue  # the sentence's rates are its measures
            record = _rateless_one(doc, noun, raw, persons, mentions, lex)
            if record is not None:
                out.append(record)
                break
    return out


def _rateless_one(
    doc: Doc,
    noun: Token,
    raw: list[MeasureRecord],
    persons: list[dict[str, Any]],
    mentions: list[tuple[int, int, int]],
    lex: Lexicon,
) -> MeasureRecord | None:
    chain = [noun, *list(noun.ancestors)[:4]]
    lemmas = {t.lemma_.lower() for t in chain}
    clause = [t for t in chain if t.pos_ in {"VERB", "AUX", "ADJ"}]
    negated = any(
        c.dep_ == "neg" or c.lower_ in {"not", "n't", "n’t", "never"}
        for t in clause
        for c in t.children
    )
    no_longer = any(
        c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
        for t in clause
        for c in t.children
    )
    verb = governing_verb(noun)
    subject = None if verb is None else subject_of(verb)
    goods, _ = rate_goods(doc, noun.doc[noun.i : noun.i + 1], noun, lex)
    if "subject" in lemmas and no_longer:
        if subject is None:
            return None
        goods = goods_of(subject, lex)
        rate, status = 0.0, "agreed" if direction(verb) > 0 else "in_force"
    elif ("pay" in lemmas and negated) or lemmas & {"exempt", "exemption", "spare"}:
        target = goods.targets[0] if goods.targets else None
        if target is None and subject is not None:
            target = code_of_actor(subject, persons, mentions, lex)
        previous = [r for r in raw if target in r.targets and r.start < noun.idx]
        if target is None or not previous:
            return None
        goods = Goods(goods.products, (target,), goods.world)
        rate, status = previous[-1].to_rate, "suspended"
    elif verb is not None and _only_sought(verb, lex):
        return None  # "made the case for eliminating the tariffs": a cut hoped for, no rate
    elif (
        verb is not None
        and verb.lemma_.lower() in lex.words("measure_eliminate_verbs")
        and (
            direction(verb) > 0
            or looks_ahead(verb, StatusWords.from_lexicon(lex))  # "agreed to remove"
            or _offered(verb, lex)  # "the Commission has proposed to eliminate the duties"
            # "under the deal, tariffs on steel are scrapped": the deal's present term
            or (direction(verb) == 0 and deal_words(noun.sent, None, StatusWords.from_lexicon(lex)))
        )
        and (goods.targets or goods.products != "all goods")
    ):
        # "The EU will eliminate its tariffs on all U.S. industrial goods": to zero, the
        # deal's term in a story about a deal, else only offered
        sent = noun.sent
        sent_before = doc[sent.start - 1].sent if sent.start > 0 else None
        lead = next(iter(doc.sents))
        words = StatusWords.from_lexicon(lex)
        in_deal = deal_words(sent, sent_before, words) or deal_words(lead, None, words)
        rate, status = 0.0, "agreed" if in_deal else "proposed"
    else:
        return None
    imposer, _ = rate_imposer(doc, noun.doc[noun.i : noun.i + 1], noun, persons, mentions, lex)
    return MeasureRecord(
        rise=False,
        cut=False,
        imposer=imposer,
        targets=goods.targets,
        world=goods.world,
        products=goods.products,
        from_rate=None,
        to_rate=rate,
        effective_date=None,
        status=status,
        start=noun.idx,
        end=noun.idx + len(noun.text),
        sent=noun.sent.start_char,
        paragraph=doc_text(noun.doc).rfind("\n", 0, noun.idx),
        headline=False,
        rule="extract.rateless",
        status_rule="extract.rateless",
        from_rule=None,
    )


def _offered(verb: Token, lex: Lexicon) -> bool:
    """A removal verb that is the infinitive of an offer ("has proposed to eliminate the
    duties", "offered to scrap its tariffs"): a removal put forward, still to come."""
    head = verb
    while head.dep_ in {"xcomp", "conj"} and head.head.i != head.i:
        head = head.head
        if head.lemma_.lower() in lex.words("measure_status_propose"):
            return True
    return False


def _only_sought(verb: Token, lex: Lexicon) -> bool:
    """A removal verb in a phrase that asks, hopes or argues for it ("made the case for cutting
    or eliminating the tariffs", "pushed for scrapping the levy", "hopes to remove the duties"):
    what one side wants, not a rate set or offered (an offer, "proposed to eliminate", is)."""
    if verb.lemma_.lower() not in lex.words("measure_eliminate_verbs"):
        return False
    sought = (
        lex.words("measure_status_request")
        | lex.words("measure_status_aspire")
        | lex.words("measure_status_advocate")
    ) - lex.words("measure_status_propose")
    head = verb
    for _ in range(4):
        if (
            head.dep_ not in {"pcomp", "pobj", "prep", "xcomp", "conj", "acl"}
            or head.head.i == head.i
        ):
            return False
        head = head.head
        if head.lemma_.lower() in sought:
            return True
    return False
