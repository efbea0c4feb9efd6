"""The day a story without a publication date is read as of.

Many real pages give no date. Such a story is read as of:

- the day the user gives (``--as-of``), if any;
- else the latest full date (day, month and year) its text tells as past or without a
  direction (:func:`tariffscope.news.dates_component.stated_date`): the story cannot be older;
- else it cannot be dated, and the caller must be given a day.

The day becomes the story's publication date for the news reader, so its weekdays and
relative dates ("on Tuesday", "yesterday") are resolved against it. :class:`StoryDating` is
the hook :func:`tariffscope.tracker.ingest_paths` calls on every article it reads; it
records how each story was dated, for the brief's warnings.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from typing import Literal

from tariffscope.errors import InputError
from tariffscope.news.ingest import Article

__all__ = ["DatedStory", "StoryDating", "stated_publication_date"]

DatingBasis = Literal["given", "stated"]


@dataclass(frozen=True, slots=True)
class DatedStory:
    """A story without a publication date and the day it is read as of."""

    source: str
    day: date
    basis: DatingBasis

    def warning(self) -> str:
        if self.basis == "given":
            return (
                f"{self.source}: the story gives no publication date; it is read as of "
                f"{self.day.isoformat()} (--as-of), and its weekdays and relative dates are "
                "counted from that day"
            )
        return (
            f"{self.source}: the story gives no publication date; it is briefed as of "
            f"{self.day.isoformat()}, the latest full date its text states, and its weekdays "
            "and relative dates are counted from that day (give --as-of to choose the day)"
        )


def stated_publication_date(article: Article) -> date | None:
    """The latest full date the article's text tells as past or without a direction."""
    from tariffscope.news.dates_component import stated_date
    from tariffscope.news.pipeline import COMPONENTS, load_pipeline, make_doc

    nlp = load_pipeline()
    later = [name for name in COMPONENTS if name != "tariffscope_dates"]
    with nlp.select_pipes(disable=later):
        doc = nlp(make_doc(nlp, article))
    return stated_date(doc)


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
            The story has no publication date, states no full date and no day was given.
        """
        if article.meta.published is not None:
            return article
        basis: DatingBasis = "given"
        day = self.as_of
        if day is None:
            day, basis = stated_publication_date(article), "stated"
        if day is None:
            self.refused.append(article.source)
            raise InputError(
                f"{article.source}: the story has no publication date and states no full date; "
                "give the day to brief it as of with --as-of YYYY-MM-DD"
            )
        self.dated[article.source] = DatedStory(article.source, day, basis)
        meta = dataclasses.replace(article.meta, published=day)
        return dataclasses.replace(article, meta=meta)
