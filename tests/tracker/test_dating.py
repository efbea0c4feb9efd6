"""Stories without a publication date: the day they are read as of, and their relative dates.

The stories are written for the test (partners, people and dates unlike the development set).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tariffscope.domain.news import ArticleMeta
from tariffscope.news.ingest import Article
from tariffscope.regime.resolve import default_catalog
from tariffscope.store import Store
from tariffscope.tracker import StoryDating, ingest_paths, stated_publication_date

UNDATED = """url: https://example.org/news/kenya-uk-talks
title: Kenya and Britain hold trade talks
published: unknown
outlet: Example Wire

Kenya and Britain signed a trade framework on October 3, 2025, officials said. New duties on
cut flowers take effect from November 20, 2025, the ministry said.

On Tuesday, Kenya's trade minister Lee Kinyanjui met Mexico's economy secretary Marcelo Ebrard
in Nairobi.
"""

NO_DATE = """title: Talks go on
published: unknown

Officials from Kenya and Britain met again on Tuesday and said talks would continue.
"""


def _article(text: str, published: dt.date | None = None) -> Article:
    return Article(text=text, meta=ArticleMeta(published=published), source="written")


def test_a_day_given_dates_an_undated_story_and_leaves_dated_ones() -> None:
    dating = StoryDating(dt.date(2025, 6, 2))
    dated = dating(_article("Some text about tariffs.", dt.date(2025, 5, 1)))
    assert dated.meta.published == dt.date(2025, 5, 1) and not dating.dated
    undated = dating(_article("Some text about tariffs."))
    assert undated.meta.published == dt.date(2025, 6, 2)
    assert dating.dated["written"].basis == "given"
    assert "--as-of" in dating.dated["written"].warning()


@pytest.mark.slow
def test_the_latest_full_date_told_as_past_dates_the_story() -> None:
    body = UNDATED.split("\n\n", 1)[1]
    # 3 October 2025 is told as past; 20 November looks ahead ("take effect from")
    assert stated_publication_date(_article(body)) == dt.date(2025, 10, 3)
    assert stated_publication_date(_article("They met on Tuesday in Nairobi.")) is None


@pytest.mark.slow
def test_a_story_with_no_date_and_no_measure_is_read_as_of_the_catalog_horizon(
    tmp_path: Path,
) -> None:
    path = tmp_path / "no-date.txt"
    path.write_text(NO_DATE, encoding="utf-8")
    dating = StoryDating()
    with Store.memory() as store:
        report = ingest_paths(store, [path], prepare=dating)
    assert not dating.refused and not report.failed
    dated = dating.dated[str(path)]
    horizon = default_catalog().coverage_end
    assert dated.basis == "horizon" and dated.day == horizon
    warning = dated.warning()
    assert horizon.isoformat() in warning and "--as-of" in warning
    # the dates it states alone date nothing here
    assert stated_publication_date(_article("They met on Tuesday.")) is None


# a story written for the test: no day, no month, no URL; the rate it reports in force on
# Brazil's goods is in the catalog from the day the 40% Brazil duty took effect (BRA-IEEPA-40,
# 6 August 2025, on top of the 10% reciprocal baseline)
SYNTHETIC_LAW_ONLY = """title: Brazil weighs its answer to US duties
published: unknown

Brazil's exporters said the 50% tariff on all Brazilian goods now in force had cut their
coffee sales, and officials met their US counterparts again on Tuesday.
"""


@pytest.mark.slow
def test_a_story_with_no_date_is_read_as_of_the_law_it_reports(tmp_path: Path) -> None:
    dating = StoryDating()
    article = Article(
        text=SYNTHETIC_LAW_ONLY.split("\n\n", 1)[1],
        meta=ArticleMeta(title="Brazil weighs its answer to US duties"),
        source="written",
    )
    dated = dating(article)
    said = dating.dated["written"]
    assert said.basis == "catalog"
    assert dated.meta.published is not None and dated.meta.published >= dt.date(2025, 8, 6)
    assert "BRA-IEEPA-40" in said.detail and "--as-of" in said.warning()


@pytest.mark.slow
def test_ingest_reads_an_undated_story_by_the_law_it_reports(tmp_path: Path) -> None:
    """The store's reader dates an undated story by the law as the brief does (the year of
    its relative dates), and the store keeps how it was dated."""
    path = tmp_path / "law-only.txt"
    path.write_text(SYNTHETIC_LAW_ONLY, encoding="utf-8")
    with Store.memory() as store:
        report = ingest_paths(store, [path])
        (added,) = report.added
        assert added.article_id is not None
        dating = store.article(added.article_id).dating
    assert dating is not None and dating.basis == "catalog"
    assert dating.as_of == dt.date(2025, 8, 6)


@pytest.mark.slow
def test_weekdays_of_a_dated_story_count_from_its_day(tmp_path: Path) -> None:
    path = tmp_path / "undated.txt"
    path.write_text(UNDATED, encoding="utf-8")
    dating = StoryDating()
    with Store.memory() as store:
        report = ingest_paths(store, [path], prepare=dating)
        (stored,) = store.extractions([r.article_id for r in report.added if r.article_id])
    assert stored.extraction.article.published == dt.date(2025, 10, 3)
    assert dating.dated[str(path)].basis == "stated"
    # 3 October 2025 is a Friday: "met ... on Tuesday" is 30 September
    meetings = [e for e in stored.extraction.events if e.kind == "meeting"]
    assert meetings and meetings[0].date == dt.date(2025, 9, 30)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("url", "title", "body", "day", "said"),
    [
        (
            "https://example.org/2024/05/14/peru-kenya-talks",
            "Peru and Kenya resume talks",
            "Peru's trade minister met Kenya's on Tuesday in Lima.",
            dt.date(2024, 5, 14),
            "the date in its URL (2024-05-14)",
        ),
        (
            "https://example.org/2024/05/peru-kenya-talks",
            "Peru and Kenya resume talks",
            "Peru's trade minister met Kenya's on Tuesday in Lima.",
            dt.date(2024, 5, 31),
            "the last day of the month its URL gives (2024-05)",
        ),
        (
            "https://example.org/world/peru-kenya-talks",
            "Peru and Kenya resume talks",
            "Peru's trade minister met Kenya's in Lima on May 7. Their 2024 agreement cut duties.",
            dt.date(2024, 5, 7),
            '"May 7" in its text, with the year 2024 from its text',
        ),
    ],
)
def test_the_warning_says_which_clue_dated_the_story(
    url: str, title: str, body: str, day: dt.date, said: str
) -> None:
    dating = StoryDating()
    article = Article(text=body, meta=ArticleMeta(url=url, title=title), source="written")
    assert dating(article).meta.published == day
    warning = dating.dated["written"].warning()
    assert day.isoformat() in warning and said in warning and "--as-of" in warning
