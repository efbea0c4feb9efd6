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

from tariffscope.news.lexicon import Lexicon, default_lexicon, fold

__all__ = ["product_class", "products_compatible"]

_WORD = re.compile(r"\w+")


_SYNONYM_PREFIX = "measure_synonyms_"


def _synonyms(lex: Lexicon) -> dict[str, str]:
    """Word -> canonical product word, from the ``measure_synonyms_<canonical>`` word sets."""
    return {
        word: name.removeprefix(_SYNONYM_PREFIX)
        for name, words in lex.word_sets.items()
        if name.startswith(_SYNONYM_PREFIX)
        for word in words
    }


def product_class(text: str, lex: Lexicon | None = None) -> tuple[str, frozenset[str]]:
    """``("all" | "some" | "specific", product words)`` of a goods description.

    ``lex``: the vocabulary (default: the shipped lexicon; the scorer and the tracker compare
    descriptions outside any pipeline).
    """
    lex = lex if lex is not None else default_lexicon()
    synonyms = _synonyms(lex)
    stop, some = lex.words("measure_products_stop"), lex.words("measure_products_some")
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
    content = {synonyms.get(w, w) for w in keep if w not in stop and not w.isdigit()}
    rest = (
        content - lex.words("measure_products_generic") - lex.words("measure_products_all") - some
    )
    if not rest:
        return ("some" if content & some else "all"), frozenset()
    stemmed = {
        w[:-1] if w.endswith("s") and len(w) > 3 and not w.endswith("ss") else w for w in rest
    }
    return "specific", frozenset(stemmed)


def products_compatible(a: str, b: str, lex: Lexicon | None = None) -> bool:
    """True when two goods descriptions can name the same goods (see the module docstring)."""
    class_a, words_a = product_class(a, lex)
    class_b, words_b = product_class(b, lex)
    if class_a != class_b:
        return False
    return class_a != "specific" or bool(words_a & words_b)
