"""Tokens are compared by index, never by identity: spaCy builds a new ``Token`` object on
every access (``token.head``, ``doc[i]``), so ``token.head is token`` is False even at the root.

The sentences are written for these tests; the parses are built by hand.
"""

from __future__ import annotations

import datetime as dt

import spacy
from spacy.tokens import Doc

from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.temporal import TimeRecord, attachment_point

LEX = default_lexicon()


def _root_date_doc() -> Doc:
    # a date line of its own: "Friday ." with the date as the root
    return Doc(
        spacy.blank("en").vocab,
        words=["Friday", "."],
        heads=[0, 0],
        deps=["ROOT", "punct"],
        pos=["PROPN", "PUNCT"],
    )


def test_spacy_builds_a_new_token_per_access() -> None:
    doc = _root_date_doc()
    root = doc[0]
    assert root.head.i == root.i
    assert root.head is not root  # why the reader compares indices


def test_a_date_that_is_its_sentence_root_modifies_no_word() -> None:
    doc = _root_date_doc()
    record = TimeRecord(
        0, 6, "Friday", "day", dt.date(2025, 7, 18), "day", "on", 0, None, None, 0, 0, 0
    )
    # compared by identity, the climb never sees the root and returns the date itself
    assert attachment_point(doc, record, LEX) is None


def test_no_reader_module_compares_a_token_by_identity() -> None:
    """A source scan: ``x.head is y``, ``y is x.head`` and ``t is not verb``-like comparisons of
    tokens are always True or always False (the reason above), so none may remain."""
    import re
    from pathlib import Path

    import tariffscope.news as news

    token_names = r"(?:tok|token|verb|noun|head|first|word|root|child|t)"
    pattern = re.compile(
        rf"\.head is (?:not )?\w|\bis (?:not )?\w+\.head\b|\b{token_names} is (?:not )?{token_names}\b"
    )
    offenders = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(Path(news.__file__).parent.glob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line) and "None" not in line
    ]
    assert offenders == []
