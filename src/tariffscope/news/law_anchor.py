"""The law a story reports as its anchor, for the reader: the second reading of an undated story.

A story with no publication date and no clue to its year ("Trump announced the tariffs on
April 2 ... Israeli goods would face a 17% tariff") is dated, like the brief does, by the US
measures it reports matched to the catalog's dated actions
(:func:`tariffscope.news.dates_catalog.catalog_day`). The measures are found only after the
dates are read, so such a story is read twice: the first reading finds its measures, and when
its own clues gave no year (:func:`tariffscope.news.dates_story.wants_law`) the dates and
everything after them are read again with that day (``law_day`` in ``doc._.tariffscope_meta``).

The reader holds no catalog: the caller gives a :data:`LawSource`, a function from the
measures the reader found to :class:`~tariffscope.news.dates_story.LawClues` (the CLI passes
the tracker's, over the default catalog). Without one, the reader does not date by the law.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from spacy.tokens import Doc

from tariffscope.domain.news import MeasureMention
from tariffscope.news.dates_catalog import catalog_day
from tariffscope.news.dates_story import BARE_YEAR_SOURCE, LawClues

__all__ = ["LawSource", "law_day", "wants_law_reading"]

#: The measures a story reports -> those measures and the catalog's dated actions on them.
LawSource = Callable[[Sequence[MeasureMention]], LawClues]


def wants_law_reading(doc: Doc) -> bool:
    """Whether a read story has no publication date and no clue gave its year (see
    ``doc._.tariffscope_dating``), so the law it reports may date it."""
    meta = doc._.tariffscope_meta or {}
    dating = doc._.tariffscope_dating
    if meta.get("published") or meta.get("law_day") or not dating:
        return False
    return dating.get("year_from") in {"", BARE_YEAR_SOURCE}


def law_day(doc: Doc, law: LawSource) -> tuple[dt.date, str] | None:
    """The day the law a read story reports gives it, and how (None when the story does not
    want it or nothing it reports matches a dated action)."""
    if not wants_law_reading(doc):
        return None
    measures = [MeasureMention.from_dict(m) for m in doc._.tariffscope_measures or ()]
    if not measures:
        return None
    clues = law(measures)
    return catalog_day(clues.reported, clues.actions)
