"""Comparing descriptions of goods ("all goods", "Japanese auto imports", "cars").

A description falls in one of three classes:

- ``all``: across-the-board goods ("all goods", "Japanese goods", "imports from Switzerland",
  "all other reciprocal tariffs");
- ``some``: an unspecified part of the goods ("some Vietnamese goods", "certain goods",
  "various Japanese goods");
- ``specific``: named goods, kept as a set of product words after removing places,
  demonyms and stop words, mapping synonyms ("autos", "cars", "automobiles" -> "car";
  "aluminium" -> "aluminum"; "pharmaceuticals" -> "pharma") and a plural "s".

Two descriptions are *compatible* when both are ``all``, both are ``some``, or both are
``specific`` and share a product word. The extractor merges mentions of one measure with this
test and the scorer pairs gold and predicted measures with it.
"""

from __future__ import annotations

import re

from tariffscope.news.lexicon import default_lexicon, fold

__all__ = ["product_class", "products_compatible"]

_WORD = re.compile(r"\w+")
_GENERIC = frozenset(
    [
        "good",
        "goods",
        "product",
        "products",
        "import",
        "imports",
        "export",
        "exports",
        "item",
        "items",
        "merchandise",
        "shipment",
        "shipments",
        "commodity",
        "commodities",
    ]
)
_ALL = frozenset(
    [
        "all",
        "across",
        "board",
        "reciprocal",
        "blanket",
        "general",
        "other",
        "every",
        "entire",
        "nearly",
        "broad",
        "broader",
        "overall",
        "total",
        "many",
        "most",
    ]
)
_SOME = frozenset(
    [
        "some",
        "certain",
        "various",
        "several",
        "selected",
        "select",
        "specific",
        "array",
        "range",
        "number",
    ]
)
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "and",
        "on",
        "from",
        "to",
        "in",
        "into",
        "that",
        "which",
        "fall",
        "falls",
        "under",
        "for",
        "with",
        "by",
        "its",
        "their",
        "more",
        "than",
        "including",
        "such",
        "as",
        "or",
        "coming",
        "over",
        "border",
        "any",
    ]
)
_SYNONYMS = {
    "cars": "car",
    "auto": "car",
    "autos": "car",
    "automobile": "car",
    "automobiles": "car",
    "automotive": "car",
    "vehicle": "car",
    "vehicles": "car",
    "motor": "car",
    "aluminium": "aluminum",
    "pharmaceutical": "pharma",
    "pharmaceuticals": "pharma",
    "drug": "pharma",
    "drugs": "pharma",
    "medicines": "pharma",
    "medicine": "pharma",
    "ev": "car",
    "evs": "car",
    "whiskey": "whisky",
    "chips": "chip",
    "semiconductors": "chip",
    "semiconductor": "chip",
}


def product_class(text: str) -> tuple[str, frozenset[str]]:
    """``("all" | "some" | "specific", product words)`` of a goods description."""
    lex = default_lexicon()
    words = _WORD.findall(fold(text).replace("-", " "))
    titled = [w.title() for w in words]
    upper = [w.upper() for w in words]
    keep: list[str] = []
    i = 0
    while i < len(words):
        hit = lex.place_at(titled, i) or lex.place_at(upper, i)
        if hit is not None:
            i = hit.end
            continue
        keep.append(words[i])
        i += 1
    content = {_SYNONYMS.get(w, w) for w in keep if w not in _STOP and not w.isdigit()}
    rest = content - _GENERIC - _ALL - _SOME
    if not rest:
        return ("some" if content & _SOME else "all"), frozenset()
    stemmed = {
        w[:-1] if w.endswith("s") and len(w) > 3 and not w.endswith("ss") else w for w in rest
    }
    return "specific", frozenset(stemmed)


def products_compatible(a: str, b: str) -> bool:
    """True when two goods descriptions can name the same goods (see the module docstring)."""
    class_a, words_a = product_class(a)
    class_b, words_b = product_class(b)
    if class_a != class_b:
        return False
    return class_a != "specific" or bool(words_a & words_b)
