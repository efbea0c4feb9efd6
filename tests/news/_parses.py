"""Hand-built parses for rule tests: a blank pipeline's vocabulary, the parse given by hand."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc


def hand_parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """A Doc with the given parse, each word its own lowercased lemma (no model involved)."""
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    for token in doc:
        token.lemma_ = token.lower_
    return doc
