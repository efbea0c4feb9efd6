"""Round 13 classes of speakers and role phrases, each on a sentence written here.

Role-phrase rules run on a blank tokenizer where the parse is not the point; speakers need the
trained model and are marked ``slow``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.domain.news import Extraction
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _read(nlp: Language, body: str) -> Extraction:
    return extract(article_from_text(f"published: 2025-07-16\n\n{body}\n"), nlp)


def _speaker(extraction: Extraction, start: str) -> str | None:
    return next(q.speaker for q in extraction.quotes if q.text.startswith(start))


@pytest.mark.slow
def test_a_next_sentence_opening_on_another_source_does_not_attribute_a_quote(
    nlp: Language,
) -> None:
    ex = _read(
        nlp,
        "Speaking on the radio, Trade Minister Olga Brandt called for new export markets. "
        "\u201cOur farmers must sell to the whole world,\u201d Brandt said. \u201cImported "
        "grain whose price rises at home must be replaced by our own harvest.\u201d According "
        "to the statistics office, grain imports reached $4 billion in 2024.",
    )
    assert _speaker(ex, "Imported grain") == "Olga Brandt"
