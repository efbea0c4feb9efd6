"""Fuzz tests: random and adversarial text never crashes the reader or makes it hang.

The pure scanners (dates, quotation marks, rates, header block) take any Unicode text; the
whole pipeline (slow) takes random news-like text built from the tokens that drive its rules.
Work is bounded per character: the scanners are linear, and the pipeline's work grows linearly
on adversarial text. Work is counted in function calls, never in seconds: no assertion here
depends on the clock or on how busy the machine is (no Hypothesis deadline, no too-slow check).
"""

from __future__ import annotations

import itertools
import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from tariffscope.errors import ExtractionError
from tariffscope.news.api import extract
from tariffscope.news.dates import find_dates, resolve
from tariffscope.news.ingest import Article, article_from_text
from tariffscope.news.quote_marks import find_quote_spans
from tariffscope.news.rates import find_rates, pair_rates

TOKENS = [
    "“",
    "”",
    "‘",
    "’",
    "'",
    '"',
    "«",
    "»",
    "%",
    "percent",
    "per cent",
    "25",
    "27.5",
    "0%-20%",
    "from",
    "to",
    "Aug.",
    "1",
    "Friday",
    "Friday's",
    "May",
    "in June",
    "2025",
    "July 13th",
    "President",
    "Donald",
    "Trump",
    "Prime Minister",
    "Cyril",
    "Ramaphosa",
    "Brazil’s",
    "U.S.",
    "said",
    "told",
    "he",
    "she",
    "will",
    "would",
    "meet",
    "met",
    "call",
    "deal",
    "tariff",
    "tariffs",
    "on",
    "Swiss",
    "cars",
    "goods",
    "the",
    "a",
    ",",
    ".",
    ":",
    "\n",
    "\n\n",
    "—",
    "(",
    ")",
    "former",
    "threatened",
    "removed",
    "agreed",
    "deadline",
    "until",
    "by",
    "twice",
    "who",
    "which",
    "that",
    "I",
    "we",
    "it",
    "talks",
    "with",
    "visit",
    "Washington",
    "Seoul",
]
NEWSLIKE = st.lists(st.sampled_from(TOKENS), min_size=1, max_size=120).map(" ".join)
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


@FAST
@given(st.text())
def test_scanners_take_any_text(text: str) -> None:
    for expr in find_dates(text):
        assert 0 <= expr.start < expr.end <= len(text)
        resolve(expr, None)
    for quote in find_quote_spans(text):
        assert 0 <= quote.start < quote.end <= len(text)
    rates = find_rates(text)
    pair_rates(text, rates, _sentences(text))
    for rate in rates:
        assert rate.value >= 0


@FAST
@given(NEWSLIKE)
def test_scanners_take_newslike_text(text: str) -> None:
    spans = find_quote_spans(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    find_dates(text)
    pair_rates(text, find_rates(text), _sentences(text))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_header_reader_raises_only_its_own_errors(text: str) -> None:
    try:
        article = article_from_text(text, "fuzz.txt")
    except ExtractionError:
        return
    assert text.endswith(article.text)


@pytest.mark.parametrize(
    "unit",
    [
        "“",
        "'",
        '"',
        "%",
        "25% ",
        "from 10% to ",
        "Aug. 1 ",
        "“a ‘b’ c” ",
        "Friday's ",
        "’90s ",
        "0%-20%-",
        "in May ",
        "\n'",
    ],
)
def test_adversarial_repetitions_stay_linear(unit: str) -> None:
    # Work is counted as Python and C function calls (deterministic, unlike timings, which
    # fail on a busy machine): ten times the text must not take a hundred times the calls.
    small, large = unit * 500, unit * 5000
    calls = []
    for text in (small, large):
        counter = _CallCounter()
        with counter:
            find_quote_spans(text)
            find_dates(text)
            pair_rates(text, find_rates(text), _sentences(text))
        calls.append(counter.calls)
    assert calls[1] <= 25 * calls[0] + 1000


class _CallCounter:
    """Counts function calls (Python and C) made while active, via ``sys.setprofile``."""

    def __init__(self) -> None:
        self.calls = 0

    def _profile(self, frame: object, event: str, arg: object) -> None:
        if event in ("call", "c_call"):
            self.calls += 1

    def __enter__(self) -> _CallCounter:
        sys.setprofile(self._profile)
        return self

    def __exit__(self, *exc: object) -> None:
        sys.setprofile(None)


@pytest.mark.slow
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(NEWSLIKE)
def test_pipeline_takes_newslike_text(nlp: Language, text: str) -> None:
    from tariffscope.domain.news import ArticleMeta

    article = Article(text=text, meta=ArticleMeta(title="t", published=None), source="fuzz")
    extraction = extract(article, nlp)
    for quote in extraction.quotes:
        assert text[quote.start : quote.end] == quote.text


@pytest.mark.slow
def test_pipeline_work_grows_linearly_on_adversarial_text(nlp: Language) -> None:
    from tariffscope.domain.news import ArticleMeta

    paragraph = (
        "“President Trump said tariffs of 25% from 10% on Aug. 1, ‘he told’ Ramaphosa "
        "who met him on Friday's deadline.\n"
    )
    calls = []
    for repeats in (20, 60):
        article = Article(
            text=paragraph * repeats, meta=ArticleMeta(published=None), source="adversarial"
        )
        counter = _CallCounter()
        with counter:
            extract(article, nlp)
        calls.append(counter.calls)
    assert calls[1] <= 4.5 * calls[0]  # three times the text, not nine times the work
