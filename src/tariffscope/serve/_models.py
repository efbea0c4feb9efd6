"""Request bodies: checked before any work starts (unknown fields, NaN and infinity refused)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "MAX_DRAWS",
    "BriefRequest",
    "Case",
    "CompareRequest",
    "IngestRequest",
    "SimulateRequest",
    "Story",
]

MAX_DRAWS = 2000
"""Monte Carlo draws a request may ask for (keeps one request within the time limit)."""

MAX_STORY_CHARS = 300_000
"""As the news reader's cap on an article body (:data:`tariffscope.news.ingest.MAX_CHARS`)."""

Iso = Annotated[str, Field(min_length=2, max_length=12, pattern=r"^[A-Za-z]{2,3}$|^[A-Za-z ]+$")]
MeasureId = Annotated[str, Field(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9_.\-]+$")]
HttpUrl = Annotated[str, Field(min_length=8, max_length=2000, pattern=r"^https?://\S+$")]
Pair = Annotated[str, Field(min_length=5, max_length=40)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, str_strip_whitespace=True)


class Story(_Strict):
    """A pasted story: its text (which may start with a header block) and optional metadata."""

    text: str = Field(min_length=1, max_length=MAX_STORY_CHARS)
    title: str | None = Field(None, max_length=500)
    published: dt.date | None = None
    outlet: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000)

    def as_file(self) -> str:
        """The story as an article file: a header block from the metadata given, then the
        text (a text that has its own header block keeps it when no metadata is given)."""
        header = [
            f"{key}: {' '.join(str(value).split())}"
            for key, value in (
                ("url", self.url),
                ("title", self.title),
                ("published", None if self.published is None else self.published.isoformat()),
                ("outlet", self.outlet),
            )
            if value
        ]
        return ("\n".join(header) + "\n\n" + self.text) if header else self.text


class IngestRequest(_Strict):
    """Stories to add to the store: pasted texts and URLs (at most 50 of each)."""

    stories: list[Story] = Field(default_factory=list, max_length=50)
    urls: list[HttpUrl] = Field(default_factory=list, max_length=50)

    @model_validator(mode="after")
    def _something(self) -> IngestRequest:
        if not self.stories and not self.urls:
            raise ValueError("give at least one story or URL")
        return self


class BriefRequest(_Strict):
    """One story to brief: its text or its URL."""

    text: str | None = Field(None, min_length=1, max_length=MAX_STORY_CHARS)
    url: HttpUrl | None = None
    pair: Pair | None = None
    as_of: dt.date | None = None
    draws: int = Field(200, ge=0, le=MAX_DRAWS)
    ge: Literal["gravity", "cp", "none"] = "none"

    @model_validator(mode="after")
    def _one_source(self) -> BriefRequest:
        if (self.text is None) == (self.url is None):
            raise ValueError("give the story's text or its URL (one of them)")
        return self


class SimulateRequest(_Strict):
    """One outcome to price for a partner."""

    partner: Iso
    date: dt.date
    enact: list[MeasureId] = Field(default_factory=list, max_length=20)
    as_known: dt.date | None = None
    draws: int = Field(200, ge=0, le=MAX_DRAWS)
    seed: int = Field(0, ge=0, le=2**31 - 1)
    reference_date: dt.date = dt.date(2025, 1, 1)


class Case(_Strict):
    """One outcome of a comparison: the law on ``date`` (as known on ``as_known``) plus
    enacted catalog measures."""

    label: str = Field(min_length=1, max_length=200)
    date: dt.date
    enact: list[MeasureId] = Field(default_factory=list, max_length=20)
    as_known: dt.date | None = None


class CompareRequest(_Strict):
    """Outcomes for one partner side by side: ``cases``, or the catalog's cases on ``date``."""

    partner: Iso
    date: dt.date | None = None
    cases: list[Case] = Field(default_factory=list, max_length=8)
    draws: int = Field(200, ge=0, le=MAX_DRAWS)
    seed: int = Field(0, ge=0, le=2**31 - 1)
    reference_date: dt.date = dt.date(2025, 1, 1)

    @model_validator(mode="after")
    def _something(self) -> CompareRequest:
        if self.date is None and not self.cases:
            raise ValueError("give a date (the catalog's cases) or at least one case")
        return self
