"""Classes of failure found by briefing fresh stories (round 11), each on a story written for
the test: a story dated after the last day the tariff catalog covers is briefed with a warning
that says so (the law after that day is unknown), and one dated within it is not."""

from __future__ import annotations

import datetime as dt

from tariffscope.domain.news import ArticleMeta, Extraction, MeasureMention
from tariffscope.regime import default_catalog
from tariffscope.report.brief import build_brief


def story(published: dt.date) -> Extraction:
    # Kenya hears of a 10% US duty on its goods; written for the test
    meta = ArticleMeta(title="Kenya weighs a US duty", published=published)
    duty = MeasureMention("USA", "KEN", "all goods", None, 10.0, None, "in_force", 0, 10)  # type: ignore[arg-type]
    return Extraction(meta, measures=(duty,))


def test_a_story_dated_after_the_catalog_is_briefed_with_a_warning() -> None:
    end = default_catalog().coverage_end
    late = end + dt.timedelta(days=6)
    brief = build_brief([story(late)], draws=0, price=False)
    assert brief.as_of == late
    (said,) = [w for w in brief.warnings if "after the last day the tariff catalog" in w]
    assert late.isoformat() in said and end.isoformat() in said


def test_a_story_dated_within_the_catalog_gets_no_such_warning() -> None:
    end = default_catalog().coverage_end
    brief = build_brief([story(end - dt.timedelta(days=30))], draws=0, price=False)
    assert not [w for w in brief.warnings if "after the last day the tariff catalog" in w]
