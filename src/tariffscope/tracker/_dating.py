"""The day a story without a publication date is read as of.

Many real pages give no date. Such a story is read as of:

- the day the user gives (``--as-of``), if any;
- else the day its own clues give (:func:`tariffscope.news.dates_story.story_date`): a full
  date in its URL; the latest date its text (or title) tells as past or without a direction,
  a month and day taking its year from the URL, the title or the text; the last day of a
  month its URL gives; a month and day with no year anywhere take the latest year that puts
  them on or before the last day the measure catalog covers (said in the warning). The story
  cannot be older than a date it tells as past; a story that tells no date as past is read as
  of the day before the earliest date it tells as ahead; a story with no day but months is
  read as of the last day of the latest month it tells as past (else the day before the
  earliest month it tells as ahead);
- else the day the law it reports gives (basis ``catalog``): the measures the reader finds in
  it matched to the catalog's dated actions (:mod:`tariffscope.tracker._law_dating`,
  :mod:`tariffscope.news.dates_catalog`): no older than the latest announcement (or, for a
  rate it says is in force, the effective date) of what it reports; before the effective
  date of what it reports only as a threat;
- else, last resort, the last day the catalog covers (basis ``horizon``), or the last day of
  the year the story gives when earlier.

Whatever the basis, the brief says it in a warning and in its JSON (``dating``), and goes on:
a story without a date is a capability the tool lacks, not bad input.

The day becomes the story's publication date for the news reader, so its weekdays and
relative dates ("on Tuesday", "yesterday") are resolved against it. :class:`StoryDating` is
the hook :func:`tariffscope.tracker.ingest_paths` calls on every article it reads; it
records how each story was dated, for the brief's warnings, which say what was used.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Literal

from tariffscope.errors import InputError
from tariffscope.news.dates_story import DateClue
from tariffscope.news.ingest import Article

__all__ = ["DatedStory", "StoryDating", "stated_publication_date", "story_date_clue"]

DatingBasis = Literal["given", "stated", "url", "url_month", "ahead", "month", "catalog", "horizon"]


@dataclass(frozen=True, slots=True)
class DatedStory:
    """A story without a publication date, the day it is read as of and what gave that day."""

    source: str
    day: date
    basis: DatingBasis
    detail: str = ""
    full: bool = True

    def to_dict(self) -> dict[str, str]:
        """The JSON form of the brief's ``dating`` rows."""
        return {
            "source": self.source,
            "as_of": self.day.isoformat(),
            "basis": self.basis,
            "detail": self.detail,
        }

    def warning(self) -> str:
        head = f"{self.source}: the story gives no publication date; "
        counted = "and its weekdays and relative dates are counted from that day"
        if self.basis == "given":
            return f"{head}it is read as of {self.day.isoformat()} (--as-of), {counted}"
        if self.basis == "stated":
            what = (
                "the latest full date its text states"
                if self.full
                else "the latest date its text states"
            )
            used = f"{what} ({self.detail})" if self.detail else what
        else:
            used = self.detail
        return (
            f"{head}it is briefed as of {self.day.isoformat()}, {used}, {counted} "
            "(give --as-of to choose the day)"
        )


def story_date_clue(article: Article, *, law: bool = True) -> DateClue | None:
    """The day the article's clues give (URL, dates told as past, title, months; with
    ``law``, then the dated law it reports and, last, the catalog's horizon)."""
    from tariffscope.news.dates import find_dates
    from tariffscope.news.dates_story import story_date, wants_law
    from tariffscope.news.pipeline import DATED_FROM, load_pipeline, read_before_dates

    nlp = load_pipeline()
    # the reading before the dates is kept: the extraction of the dated story finishes it
    doc = nlp.get_pipe(DATED_FROM)(read_before_dates(nlp, article))
    way = {item["start"]: int(item["direction"]) for item in doc._.tariffscope_dates or ()}
    exprs = [(e, way.get(e.start, 0)) for e in find_dates(doc.text)]
    from tariffscope.regime.resolve import default_catalog

    # a month and day with no year anywhere is read in the latest year the law is known for
    catalog = default_catalog()
    horizon = catalog.coverage_end
    first_year = catalog.coverage_start.year
    found = story_date(
        exprs,
        text=doc.text,
        url=article.meta.url,
        title=article.meta.title,
        horizon=horizon,
        first_year=first_year,
    )
    # the law ranks above a year stated in a sentence with no month, as in the reader
    # a month clue is coarse: the law it reports may show the story is younger
    if not law or (found is not None and not wants_law(found) and found.basis != "month"):
        return found
    # no day, month or URL date: the law the story reports, else the catalog's horizon
    from tariffscope.news.api import extract
    from tariffscope.tracker._law_dating import law_clues

    reported = law_clues(extract(article, nlp).measures, catalog)
    return story_date(
        exprs,
        text=doc.text,
        url=article.meta.url,
        title=article.meta.title,
        horizon=horizon,
        law=reported,
        first_year=first_year,
    )


def stated_publication_date(article: Article) -> date | None:
    """The day an undated article is read as of from the dates it states (URL, text, title,
    months; :func:`story_date_clue` without the law it reports), if any."""
    clue = story_date_clue(article, law=False)
    return None if clue is None else clue.day


class StoryDating:
    """Dates the stories without a publication date (see the module docstring).

    Parameters
    ----------
    as_of
        The day given by the user, or None.
    """

    def __init__(self, as_of: date | None = None) -> None:
        self.as_of = as_of
        self.dated: dict[str, DatedStory] = {}
        self.refused: list[str] = []

    def __call__(self, article: Article) -> Article:
        """The article with a publication date.

        Raises
        ------
        InputError
            Never for a story without a date (it is read as of the catalog's horizon at
            worst); kept for a dater whose clue finds nothing, as before.
        """
        if article.meta.published is not None:
            return article
        if self.as_of is not None:
            dated = DatedStory(article.source, self.as_of, "given")
        else:
            clue = story_date_clue(article)
            if clue is None:
                self.refused.append(article.source)
                raise InputError(
                    f"{article.source}: the story has no publication date and states no date "
                    "to read it as of; give the day to brief it as of with --as-of YYYY-MM-DD"
                )
            dated = DatedStory(article.source, clue.day, clue.basis, clue.detail, clue.full)
        self.dated[article.source] = dated
        meta = dataclasses.replace(article.meta, published=dated.day)
        return dataclasses.replace(article, meta=meta)
