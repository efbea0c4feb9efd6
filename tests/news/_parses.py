"""Hand-built parses for rule tests: a blank pipeline's vocabulary, the parse given by hand."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc


def hand_parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A Doc with the given parse, each word its own lowercased lemma (no model involved)."""
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    for token in doc:
        token.lemma_ = token.lower_
    return doc


#: (word, head, dep, pos, tag, lemma); head is the index of the head word (itself for ROOT)
Row = tuple[str, int, str, str, str, str]


def dated_rows_doc(nlp: Language, rows: list[Row], published: str | None) -> Doc:
    """A Doc parsed by hand from ``rows``, run through the pipeline's ``tariffscope_dates``
    component (``nlp`` is a blank pipeline holding it) as of ``published`` (ISO or None)."""
    doc = Doc(
        nlp.vocab,
        words=[r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )
    doc._.tariffscope_meta = {"published": published}
    return nlp.get_pipe("tariffscope_dates")(doc)
