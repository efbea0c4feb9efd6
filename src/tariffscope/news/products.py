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

A phrase *names goods* (:func:`is_goods_noun`) when its head is a goods noun: a word of the
chapter, heading and subheading descriptions (HS levels 2, 4 and 6) of the embedded HTS 2025
schedule (``data/embedded/hts_2025_schedule.csv.gz``, USITC; see its PROVENANCE.md), or of the
lexicon's goods classes (``measure_goods_nouns``, ``measure_synonyms_*``: the words news use
for goods the schedule names otherwise, "autos", "lumber", "whisky"). "primary objective",
"complacency", "negotiations" name no goods.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
import logging
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from tariffscope.config import embedded_dir, user_dir
from tariffscope.news import lexicon as _lexicon_module
from tariffscope.news.lexicon import Lexicon, default_lexicon, fold

__all__ = [
    "hs_description_words",
    "is_goods_noun",
    "is_person_name",
    "names_goods",
    "names_no_goods",
    "product_class",
    "products_compatible",
    "schedule_description_words",
]

_WORD = re.compile(r"\w+")


_SYNONYM_PREFIX = "measure_synonyms_"
_HS_TABLE = "hts_2025_schedule.csv.gz"
_HS_LEVELS = frozenset({"2", "4", "6"})  # chapters, headings, subheadings: the goods' names


logger = logging.getLogger(__name__)


@cache
def hs_description_words() -> frozenset[str]:
    """Lower-case words of the HS chapter, heading and subheading descriptions.

    Reading them from the 44,000-row schedule takes a fifth of a second, so the word list is
    kept in the user cache under a fingerprint of the schedule and of the code that derives
    it (this module and :mod:`tariffscope.news.lexicon`, whose ``fold`` normalises them).
    """
    table = embedded_dir() / _HS_TABLE
    name = f"hs-description-words-{_words_fingerprint(table)}.json"
    try:
        path = user_dir() / "cache" / name
        return frozenset(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError) as error:
        logger.debug("HS description words not read from the cache (%s)", error)
    words = schedule_description_words(table)
    try:
        path = user_dir() / "cache" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(path.name + ".tmp")
        partial.write_text(json.dumps(sorted(words)), encoding="utf-8")
        partial.replace(path)
    except OSError as error:  # a read-only home still works, only slower
        logger.info("HS description words not cached: %s", error)
    return words


def schedule_description_words(table: Path) -> frozenset[str]:
    """The words of :func:`hs_description_words`, read from the schedule ``table``."""
    words: set[str] = set()
    with gzip.open(table, "rt", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["level"] in _HS_LEVELS:
                words.update(_WORD.findall(fold(row["description"])))
    return frozenset(w for w in words if w.isalpha())


def _words_fingerprint(table: Path) -> str:
    digest = hashlib.sha256(",".join(sorted(_HS_LEVELS)).encode())
    for path in (table, Path(__file__), Path(_lexicon_module.__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def _forms(word: str) -> set[str]:
    """A word and its singular forms ("batteries" -> "battery", "cars" -> "car")."""
    word = fold(word)
    out = {word}
    if word.endswith("ies") and len(word) > 4:
        out.add(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        out.add(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        out.add(word[:-1])
    return out


def is_goods_noun(word: str, lex: Lexicon) -> bool:
    """True when ``word`` names goods: a word of the HS descriptions or of the lexicon's
    goods classes (see the module docstring), in the singular or plural."""
    forms = _forms(word)
    if forms & hs_description_words():
        return True
    known = lex.words("measure_goods_nouns") | lex.words("measure_generic_goods")
    return bool(forms & known) or any(
        forms & (words | {name.removeprefix(_SYNONYM_PREFIX)})
        for name, words in lex.word_sets.items()
        if name.startswith(_SYNONYM_PREFIX)
    )


_SYNONYMS: list[tuple[Lexicon, dict[str, str]]] = []  # the last lexicon's, read once


def _synonyms(lex: Lexicon) -> dict[str, str]:
    """Word -> canonical product word, from the ``measure_synonyms_<canonical>`` word sets
    (built once per lexicon: every goods description asks)."""
    if _SYNONYMS and _SYNONYMS[0][0] is lex:
        return _SYNONYMS[0][1]
    built = _synonyms_of(lex)
    _SYNONYMS[:] = [(lex, built)]
    return built


def _synonyms_of(lex: Lexicon) -> dict[str, str]:
    return {
        word: name.removeprefix(_SYNONYM_PREFIX)
        for name, words in lex.word_sets.items()
        if name.startswith(_SYNONYM_PREFIX)
        for word in words
    }


def names_no_goods(word: str, lex: Lexicon) -> bool:
    """True when ``word`` is a noun that names no goods: a trade-policy, country or deal noun
    of the lexicon ("barriers", "countries", "deal"), or an abstract noun ("complacency",
    "negotiations": a suffix of ``measure_abstract_suffixes``) the HS descriptions lack."""
    forms = _forms(word)
    classes = ("measure_not_goods_heads", "measure_world_nouns", "measure_deal_nouns")
    if any(forms & lex.words(name) for name in classes):
        return True  # the lexicon's classes before the schedule ("country of origin")
    if is_goods_noun(word, lex):
        return False
    suffixes = lex.words("measure_abstract_suffixes")
    return any(f.endswith(suffix) for f in forms for suffix in suffixes)


def is_person_name(word: str, lex: Lexicon) -> bool:
    """True when ``word`` is the surname of a person the lexicon knows ("a 25% Trump tariff"
    names whose tariff, not goods)."""
    return any(name.split()[-1] == word for name in lex.known_people)


def names_goods(heads: Sequence[str], modifiers: Sequence[str], lex: Lexicon) -> bool:
    """True when a phrase with these head words (the head and its conjuncts, each as word and
    lemma; people's names left out) and modifiers can name goods.

    A head that is a goods noun names goods; so does a sector noun with a goods noun among its
    modifiers ("the auto sector"). A head that names no goods (:func:`names_no_goods`) does
    not; a noun neither list knows ("crossover", a brand's model) is taken as goods, since the
    schedule cannot list every product name.
    """
    sectors = lex.words("measure_sector_nouns")
    if any(is_goods_noun(head, lex) and not names_no_goods(head, lex) for head in heads):
        return True
    if any(fold(head) in sectors for head in heads):
        return any(is_goods_noun(m, lex) for m in modifiers)
    return bool(heads) and not any(names_no_goods(head, lex) for head in heads)


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
