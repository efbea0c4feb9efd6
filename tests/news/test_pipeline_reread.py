"""A story without a publication date is read once: dating it keeps the model's reading, and
the extraction of the dated story finishes that reading instead of reading the text again.

The story is written for these tests (none taken from a source); it has a weekday, so the
publication date changes what the reader finds, and a stale date would show.
"""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from spacy.language import Language

from tariffscope.news import pipeline
from tariffscope.news.extraction import doc_to_extraction
from tariffscope.news.ingest import Article, article_from_text

pytestmark = pytest.mark.slow

STORY = (
    "title: Tariff talks resume\n\n"
    "Korea's trade negotiator met Commerce Secretary Howard Lutnick in Washington on Tuesday. "
    "The United States will raise the tariff on Korean cars to 25% on August 1, Lutnick said."
)
OTHER = "The European Union said on Monday it would answer a 30% tariff with its own duties."


def _dated(article: Article, day: date) -> Article:
    return dataclasses.replace(article, meta=dataclasses.replace(article.meta, published=day))


def _fresh(nlp: Language, article: Article) -> object:
    return doc_to_extraction(nlp(pipeline.make_doc(nlp, article)))


@pytest.fixture
def finished(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """No kept readings to start with; the texts finished from a kept reading, as they come."""
    monkeypatch.setattr(pipeline, "_READ", type(pipeline._READ)())
    texts: list[str] = []
    finish = pipeline._finish

    def counted(nlp: Language, doc: object) -> object:
        texts.append(str(doc))
        return finish(nlp, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "_finish", counted)
    return texts


def test_the_dated_story_finished_from_its_reading_is_the_fresh_extraction(
    nlp: Language, finished: list[str]
) -> None:
    undated = article_from_text(STORY, "<undated>")
    assert undated.meta.published is None
    dated = _dated(undated, date(2025, 7, 17))
    before = pipeline.read_before_dates(nlp, undated)
    assert before._.tariffscope_meta["published"] is None
    assert pipeline._READ  # kept

    extraction = doc_to_extraction(pipeline.process(dated, nlp))
    assert len(finished) == 1  # from the kept reading, not read again
    assert extraction == _fresh(nlp, dated)
    assert extraction.article.published == date(2025, 7, 17)
    # the date matters: read as of another day, the story's Tuesday is another day
    assert _fresh(nlp, _dated(undated, date(2025, 7, 24))) != extraction
    assert doc_to_extraction(pipeline.process(undated, nlp)) == _fresh(nlp, undated)
    assert len(finished) == 2


def test_a_batch_mixing_kept_and_new_readings_keeps_its_order(
    nlp: Language, finished: list[str]
) -> None:
    undated = article_from_text(STORY, "<undated>")
    other = article_from_text(OTHER, "<other>")
    pipeline.read_before_dates(nlp, undated)
    batch = [other, _dated(undated, date(2025, 7, 17)), _dated(other, date(2025, 7, 14))]
    found = [doc_to_extraction(d) for d in pipeline.process_many(batch, nlp, batch_size=2)]
    assert found == [_fresh(nlp, a) for a in batch]
    assert finished == [undated.text]  # the other story has no kept reading
