"""Which goods each rate of a goods list is on: helpers of :mod:`tariffscope.news.measures`.

A sentence that lists several goods with a rate each ("tariffs on A (35%), B (12%) and C
(8%)", "cut tariffs on A to 10%, B to 5% and C to 0%", "duties on A will fall from 40% to 10%,
and B from 30% to 5%", "A faces up to 44%, B up to 22%") is parsed with gaps: the parser
hangs every rate on the first conjunct's phrase, and every rate reads the first goods. Each
rate is on the goods written right before it in its own conjunct (rule
``goods.own_conjunct`` in ``news/data/measure_rules.toml``): the noun that precedes the rate
across only the words that link a goods noun to its rate (the lexicon's
``measure_goods_list_links``: "(", "to", "up", "around", ...) and, for the to-rate of a
"from A to B" pair, its from-rate and "from".

The reading applies only to a goods list: to the rates of a sentence to which the syntactic
reading gave the same named goods (not "all goods": rates that share every kind of goods are
a list of countries, :mod:`tariffscope.news._measure_pairing`). A sentence with one rate, or
whose rates read different goods, keeps the syntactic reading.
Pure functions over tokens; matching needs part-of-speech tags (the trained pipeline).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from tariffscope.news._measure_parts import phrase_text
from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.products import is_goods_noun, names_goods, product_class

__all__ = ["OWN_CONJUNCT_RULE", "own_conjunct_goods", "spread_goods_list"]

#: The rule of this module in ``news/data/measure_rules.toml`` (table ``goods``).
OWN_CONJUNCT_RULE = "goods.own_conjunct"

#: Dependency labels of a modifier that belongs to a listed goods noun ("surgical instruments").
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})


def _listed_plural(token: Token, lex: Lexicon) -> bool:
    """A goods plural the tagger took for a verb, in a list position (", pumps (12%)")."""
    before = token.doc[token.i - 1] if token.i > token.sent.start else None
    return (
        token.tag_ == "VBZ"
        and before is not None
        and before.lower_ in {",", ";", "and"}
        and is_goods_noun(token.lower_, lex)
    )


def _goods_noun(token: Token, lex: Lexicon) -> bool:
    """A noun that can head a listed goods phrase: no tariff word, place, number or rate word."""
    return (
        (token.pos_ in {"NOUN", "PROPN"} or _listed_plural(token, lex))
        and not token.like_num
        and token.lower_ not in {"%", "percent", "cent"}
        and token.lower_ not in lex.words("measure_tariff_words")
        and token.lemma_.lower() not in lex.words("measure_tariff_words")
        and lex.place_code(token.text) is None
        and names_goods([token.lower_, token.lemma_.lower()], [], lex)
    )


def own_conjunct_goods(
    doc: Doc, rate_start: int, rate_tokens: dict[int, int], lex: Lexicon
) -> str | None:
    """The goods written right before the rate starting at token ``rate_start`` in its own
    conjunct, or None. ``rate_tokens`` maps each token of a rate of the sentence to the first
    token of that rate (a from-rate with "from" before it is stepped over)."""
    links = lex.words("measure_goods_list_links")
    start = doc[rate_start].sent.start
    i = rate_start - 1
    while i >= start:
        token = doc[i]
        if token.lower_ in links:
            i -= 1
            continue
        first = rate_tokens.get(i)
        if first is not None and first > start and doc[first - 1].lower_ == "from":
            i = first - 2  # "B from 30% to 5%": the from-rate of the pair
            continue
        break
    if i < start or not _goods_noun(doc[i], lex):
        return None
    head = doc[i]
    left = i
    while left - 1 >= start:
        before = doc[left - 1]
        hyphen = before.text == "-" or doc[left].text == "-"
        modifies = before.dep_ in _MODIFIER_DEPS and before.head.i in range(left, i + 1)
        if not (hyphen or modifies) or lex.place_code(before.text) is not None:
            break
        if before.like_num or before.lower_ in lex.words("measure_tariff_words"):
            break
        left -= 1
    while doc[left].text == "-":
        left += 1
    return phrase_text(doc, doc[left].idx, head.idx + len(head.text))


def _specific(products: str, lex: Lexicon) -> bool:
    return product_class(products, lex)[0] == "specific"


def spread_goods_list(
    doc: Doc,
    raw: Sequence[MeasureRecord],
    rates: Sequence[tuple[int, int]],
    lex: Lexicon,
) -> list[MeasureRecord]:
    """The records with each rate of a goods list given its own conjunct's goods (see the
    module); ``rates`` are the character spans of every rate of the story, from-rates
    included."""
    by_sentence: dict[int, list[int]] = {}
    for k, record in enumerate(raw):
        by_sentence.setdefault(record.sent, []).append(k)
    rate_tokens: dict[int, int] = {}
    for start, end in rates:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            rate_tokens |= {t.i: span.start for t in span}
    out = list(raw)
    for indices in by_sentence.values():
        shared = Counter(raw[k].products for k in indices)
        for k in indices:
            record = raw[k]
            if shared[record.products] < 2 or not _specific(record.products, lex):
                continue  # its own goods, or goods of every kind (a list of countries)
            if record.rule == "extract.rate_rest_of_list":
                continue  # "and all other tariffs": the rest of the goods, not a listed one
            span = doc.char_span(record.start, record.end, alignment_mode="expand")
            if span is None:
                continue
            own = own_conjunct_goods(doc, span.start, rate_tokens, lex)
            if own is None or own == record.products:
                continue
            if not _specific(own, lex):
                continue
            out[k] = replace(record, products=own)
    return out
