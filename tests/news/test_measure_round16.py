"""Round 16 of the measure reader (fresh stories rich in rates).

- "from 25 to 30 percent": the unit written once, after the later rate; the bare number after
  "from" is the earlier rate;
- a sentence opened by its start date ("Effective May 20,", "As of July 1,") dates the rates
  still to come after it in its paragraph (and, when it has no rate of its own, in the next
  paragraph);
- a change that names no country, whose goods and from-rate are those of an earlier rate, has
  that rate's origins.

Every sentence was written for these tests (none from a development, train, test or fresh
story). The story tests need the trained model and are marked ``slow``.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from spacy.language import Language

from tariffscope.domain.news import MeasureMention
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.rates import find_rates, pair_rates


def _pairs(text: str) -> list[tuple[float, str]]:
    rates = find_rates(text)
    bounds = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    pair_rates(text, rates, bounds)
    return [(r.value, r.role) for r in rates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The duty on sofas will rise from 12 to 18 percent.", [(12.0, "from"), (18.0, "to")]),
        ("Peru cut the levy from 7.5 to 5 per cent on Monday.", [(7.5, "from"), (5.0, "to")]),
        # no "from": a range or a lone number, not an earlier rate
        ("Ministers hope for 18 to 20 percent.", [(20.0, "to")]),
        ("Output fell from 2019 to 40% of capacity.", [(40.0, "to")]),
    ],
)
def test_the_bare_number_after_from_is_the_earlier_rate(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert _pairs(text) == expected


# -- stories, on the trained model -------------------------------------------------------------


def _read(nlp: Language, headline: str, body: str) -> list[MeasureMention]:
    text = f"published: 2024-05-02\n\n{headline}\n\n{body}"
    return list(extract(article_from_text(text), nlp).measures)


@pytest.mark.slow
def test_a_fronted_start_date_dates_the_rates_after_it_in_its_paragraph(nlp: Language) -> None:
    body = (
        "The US president signed an order on Tuesday on imports of furniture from all "
        "countries.\n\n"
        "Effective June 3, 2024, imports of wooden desks will be subject to a 15 percent "
        "tariff. Imports of metal shelves will face a 20 percent tariff."
    )
    dated = {(m.products, m.to_rate_pct): m.effective_date for m in _read(nlp, "US", body)}
    assert dated.get(("metal shelves", 20.0)) == dt.date(2024, 6, 3), dated


@pytest.mark.slow
def test_a_change_of_an_earlier_rate_keeps_its_origins_and_takes_a_fronted_date(
    nlp: Language,
) -> None:
    body = (
        "The US president signed an order on Tuesday. Imports of wooden desks from all "
        "countries will be subject to a 15 percent tariff.\n\n"
        "As of January 1, 2025, these duties will rise. The tariff on wooden desks will "
        "increase from 15 to 40 percent.\n\n"
        "Desks from Peru and Chile will face a cap of 10 percent."
    )
    found = {
        (m.target, m.products, m.from_rate_pct, m.to_rate_pct, m.effective_date)
        for m in _read(nlp, "US furniture duties", body)
    }
    assert ("WLD", "wooden desks", 15.0, 40.0, dt.date(2025, 1, 1)) in found, found
