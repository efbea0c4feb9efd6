"""Round 16 of the measure reader (fresh stories rich in rates).

- "from 25 to 30 percent": the unit written once, after the later rate; the bare number after
  "from" is the earlier rate;
- a sentence opened by its start date ("Effective May 20,", "As of July 1,") dates the rates
  still to come after it in its paragraph (and, when it has no rate of its own, in the next
  paragraph);
- a change that names no country, whose goods and from-rate are those of an earlier rate, has
  that rate's origins;
- an example ("including tariffs of 30%") of the measures a verb announces is laid by that
  verb's subject;
- the tariff a retaliation or response answers ("in retaliation for X's 10% levies"), and a
  rate with its own past relative clause of imposing ("the 10 percent he imposed earlier this
  year"), is in force;
- another measure coordinated with the goods ("all goods and curbs on ..."), "others" and a
  total ("it totals 40%") are no goods or rate; a tariff named without a rate that is
  "imposed from" a day dates the announced rate.

Every sentence was written for these tests (none from a development, train, test or fresh
story). The story tests need the trained model and are marked ``slow``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from tests.news.test_rates import _pairs

from tariffscope.domain.news import MeasureMention
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The duty on sofas will rise from 12 to 18 percent.", [(12.0, "from"), (18.0, "to")]),
        ("Peru cut the levy from 7.5 to 5 per cent on Monday.", [(7.5, "from"), (5.0, "to")]),
        # no "from": a range (round 16a: a range is no rate), not an earlier rate
        ("Ministers hope for 18 to 20 percent.", [(20.0, "range")]),
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


@pytest.mark.slow
def test_an_example_of_announced_countermeasures_is_laid_by_the_announcer(nlp: Language) -> None:
    body = (
        "Peru has announced a set of countermeasures against tariffs imposed by the United "
        "States, including additional tariffs of 30 percent on all goods."
    )
    found = {(m.imposer, m.target, m.to_rate_pct) for m in _read(nlp, "Peru strikes back", body)}
    assert ("PER", "USA", 30.0) in found, found


@pytest.mark.slow
def test_the_tariff_a_retaliation_answers_is_in_force(nlp: Language) -> None:
    body = (
        "Peru imposed tariffs of 12 percent on copper wire from the US on Monday in "
        "retaliation for Washington's 10 percent levies on Peruvian goods."
    )
    status = {(m.imposer, m.to_rate_pct): m.status for m in _read(nlp, "Peru strikes back", body)}
    assert status.get(("USA", 10.0)) == "in_force", status


@pytest.mark.slow
def test_another_measure_coordinated_with_the_goods_is_no_goods(nlp: Language) -> None:
    body = (
        "Peru announced on Monday additional tariffs of 30 percent on all US goods and curbs "
        "on the export of some metals."
    )
    found = {(m.imposer, m.products, m.to_rate_pct) for m in _read(nlp, "Peru hits back", body)}
    assert ("PER", "all goods", 30.0) in found, found


@pytest.mark.slow
def test_a_rateless_tariff_imposed_from_a_day_dates_the_announced_rate(nlp: Language) -> None:
    body = (
        "Peru announced on Monday additional tariffs of 30 percent on all US goods.\n\n"
        "The finance ministry said the additional tariffs would be imposed from May 20."
    )
    dated = {(m.imposer, m.to_rate_pct): m.effective_date for m in _read(nlp, "Peru", body)}
    assert dated.get(("PER", 30.0)) == dt.date(2024, 5, 20), dated


@pytest.mark.slow
def test_others_are_no_goods_and_a_total_is_no_measure(nlp: Language) -> None:
    body = (
        "The US president signed an order on Tuesday imposing an additional 30% tariff on "
        "most Peruvian products from May 20. Added to the 10% rate imposed in April, it totals "
        "40%. All others, mainly copper and fish, will face the additional 30% duty."
    )
    found = {(m.products, m.to_rate_pct) for m in _read(nlp, "US hits Peru", body)}
    assert ("all goods", 30.0) in found, found
    assert not any(rate == 40.0 for _, rate in found), found
    assert not any("others" in goods for goods, _ in found), found


@pytest.mark.slow
def test_a_rate_with_its_own_past_clause_of_imposing_is_in_force(nlp: Language) -> None:
    body = (
        "The US president said on Tuesday that Peru would be hit with a 30 percent tariff, on "
        "top of the 10 percent he imposed earlier this year."
    )
    status = {m.to_rate_pct: m.status for m in _read(nlp, "US hits Peru", body)}
    assert status.get(10.0) == "in_force", status


@pytest.mark.slow
def test_a_word_of_severity_or_a_kind_of_duty_is_no_goods(nlp: Language) -> None:
    body = (
        "The US president threatened on Tuesday a swingeing 45 percent tariff on Peru. Goods "
        "from Chile will face tariffs that shall not exceed 10 percent above the MFN rate."
    )
    products = {m.products for m in _read(nlp, "US hits Peru", body)}
    assert products and not products & {"swingeing", "mfn"}, products
