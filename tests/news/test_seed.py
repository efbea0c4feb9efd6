"""The founding story: every fact of ../shared/seed/README.md comes out right."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from tariffscope.domain.news import Extraction
from tariffscope.news.api import extract
from tariffscope.news.ingest import Article, read_article

pytestmark = [pytest.mark.slow, pytest.mark.shared, pytest.mark.issue(3)]

D = dt.date


@pytest.fixture(scope="module")
def article(seed_path: Path) -> Article:
    return read_article(seed_path)


@pytest.fixture(scope="module")
def seed(article: Article, nlp: Language) -> Extraction:
    return extract(article, nlp)


def test_publication_date(seed: Extraction) -> None:
    assert seed.article.published == D(2025, 7, 18)
    assert seed.article.outlet == "Bloomberg"


def test_meeting_in_tokyo_on_friday(seed: Extraction) -> None:
    meetings = [e for e in seed.events if e.kind == "meeting" and e.place == "Tokyo"]
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting.date == D(2025, 7, 18)
    assert {"Shigeru Ishiba", "Scott Bessent"} <= set(meeting.participants)
    assert meeting.status == "happened"


def test_national_day_at_the_osaka_expo_on_saturday(seed: Extraction) -> None:
    osaka = [e for e in seed.events if e.place == "Osaka" and e.date == D(2025, 7, 19)]
    assert osaka, seed.events
    assert all(e.status == "planned" for e in osaka)
    assert any("Scott Bessent" in e.participants for e in osaka)


def test_election_on_sunday(seed: Extraction) -> None:
    (election,) = [e for e in seed.events if e.kind == "election"]
    assert election.date == D(2025, 7, 20)
    assert election.status == "planned"
    assert election.participants == ("JPN",)


def test_deadline_august_first(seed: Extraction) -> None:
    assert D(2025, 8, 1) in {d.date for d in seed.deadlines}


def test_measures(seed: Extraction) -> None:
    by_products = {m.products: m for m in seed.measures}
    general = by_products["all goods"]
    assert (general.imposer, general.target) == ("USA", "JPN")
    assert (general.from_rate_pct, general.to_rate_pct) == (10.0, 25.0)
    assert general.effective_date == D(2025, 8, 1)
    assert general.status == "threatened"
    cars = by_products["cars"]
    assert (cars.imposer, cars.target, cars.to_rate_pct, cars.status) == (
        "USA",
        "JPN",
        25.0,
        "in_force",
    )


def test_quotes_with_the_relayed_bessent_statement(seed: Extraction) -> None:
    speakers = [(q.speaker, q.via) for q in seed.quotes]
    assert speakers == [
        ("Shigeru Ishiba", None),
        ("Scott Bessent", "Shigeru Ishiba"),
        ("Shigeru Ishiba", None),
        ("Shigeru Ishiba", None),
    ]
    assert seed.quotes[1].text.startswith("Secretary Bessent stated that a good agreement")


def test_actors(seed: Extraction) -> None:
    actors = {a.name: (a.role, a.country) for a in seed.actors}
    assert actors["Shigeru Ishiba"] == ("Prime Minister", "JPN")
    assert actors["Scott Bessent"] == ("Treasury Secretary", "USA")
    assert actors["Ryosei Akazawa"] == ("chief negotiator", "JPN")
    assert actors["Howard Lutnick"] == ("Commerce Secretary", "USA")
    assert actors["Donald Trump"] == ("President", "USA")
    assert "Ishiba" not in actors and "Bessent" not in actors  # one canonical name each


def test_spans_point_at_the_text(seed: Extraction, article: Article) -> None:
    text = article.text
    for quote in seed.quotes:
        assert text[quote.start : quote.end] == quote.text
    for actor in seed.actors:
        assert text[actor.start : actor.end] == actor.name  # the first mention is the full name
        names = [text[s:e] for s, e in actor.mentions]
        assert all(n in actor.name for n in names if n[0].isupper() and " " not in n), names
    for measure in seed.measures:
        assert "percent" in text[measure.start : measure.end]
    for deadline in seed.deadlines:
        assert text[deadline.start : deadline.end] == "Aug. 1"


def test_json_is_valid(seed: Extraction, schema: dict[str, object]) -> None:
    import json

    import jsonschema

    jsonschema.validate(
        json.loads(seed.to_json()), schema, format_checker=jsonschema.FormatChecker()
    )
