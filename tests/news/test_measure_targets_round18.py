"""Round 18 of the measure reader: measure targets, goods and rates that are no measures.

The classes come from the near pairs (same rate, other target or goods) and the unmatched
predicted measures of the round-18 work set (docs/extraction.md, "Round 18: measure targets
and goods"):

- the goods of a quantity noun are its "of" object ("hundreds of US farm imports": the US
  goods, not "hundreds");
- the subject of "be" is no goods when the rate sits in a phrase of time under the verb
  ("the visit would be the first after the imposition of a 20% tariff");
- a rate told as an earlier stage by a participle with a sequence adverb ("the previously
  announced 24% levy") or as the definite rate a measure is compared with or replaces
  ("lower than the 30% Washington had demanded") is the measure's from-rate, not a measure;
- the antecedent of "which" past a comma is the goods of the rate in its clause ("Canadian
  lumber, which is subject to a 45% duty");
- a deal noun ("a framework under which ...") is no goods of a relative clause's rate;
- a rate coordinated with a rated noun ("a 35% levy on X and 20% on steel imports") is laid
  by the same imposer on the same partner;
- imports into a named country, with no owner, are the imports of every origin;
- a rate and an addition to it coordinated in one sentence ("a 20% tariff and an additional
  20% penalty") are two measures.

Every sentence was written for these tests (synthetic; none from a development, train, test
or fresh story). They need the trained model and are marked ``slow``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.domain.news import MeasureMention
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _measures(
    nlp: Language, body: str, headline: str = "Trade officials weigh new duties"
) -> list[MeasureMention]:
    text = f"published: 2030-05-02\n\n{headline}\n\n{body}"
    return list(extract(article_from_text(text), nlp).measures)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "rate", "target", "goods"),
    [
        # the goods of a quantity noun are its "of" object
        (
            "The European Union and Norway met in Oslo. The bloc would cut tariffs to zero on "
            "dozens of Norwegian farm products, officials said.",
            0.0,
            "NOR",
            "farm products",
        ),
        # the antecedent of "which" past a comma
        (
            "Washington cut duties on several Canadian goods. No relief was given for Canadian "
            "lumber, which is subject to a 45 per cent duty.",
            45.0,
            "CAN",
            "lumber",
        ),
        # a deal noun is no goods of its relative clause
        (
            "Swiss officials agreed a framework on Friday under which the United States would "
            "tariff most Swiss goods 18% and Switzerland would buy American gas.",
            18.0,
            "CHE",
            "all goods",
        ),
    ],
)
def test_the_goods_of_the_rate(
    nlp: Language, body: str, rate: float, target: str, goods: str
) -> None:
    found = {(m.target, m.products) for m in _measures(nlp, body) if m.to_rate_pct == rate}
    assert found == {(target, goods)}


@pytest.mark.slow
def test_a_rate_in_a_phrase_of_time_gives_the_subject_of_be_no_goods(nlp: Language) -> None:
    found = _measures(
        nlp,
        "Turkish officials will visit Washington. The visit would be the first after the "
        "imposition of a 20 per cent tariff and an additional 20 per cent penalty on Turkish "
        "goods entering the American market.",
    )
    assert found, found
    assert all("visit" not in m.products for m in found), found


@pytest.mark.slow
def test_a_previously_announced_rate_is_no_measure(nlp: Language) -> None:
    found = _measures(
        nlp,
        "Malaysia welcomed the outcome of its talks with the United States. Washington will "
        "impose a 12% tariff on Malaysian goods, half of the previously announced 24% levy.",
    )
    rates = {(m.imposer, m.target, m.to_rate_pct) for m in found}
    assert ("USA", "MYS", 12.0) in rates, rates
    assert ("USA", "MYS", 24.0) not in rates, rates


@pytest.mark.slow
def test_the_rate_a_measure_is_compared_with_is_no_measure(nlp: Language) -> None:
    found = _measures(
        nlp,
        "The Philippines reached a deal with the United States on Monday. The deal sets a 17% "
        "US tariff on Philippine goods, lower than the 30% Washington had demanded before.",
    )
    rates = {(m.target, m.to_rate_pct) for m in found}
    assert ("PHL", 17.0) in rates, rates
    assert all(rate != 30.0 for _, rate in rates), rates


@pytest.mark.slow
def test_a_coordinated_rate_is_laid_on_the_same_partner(nlp: Language) -> None:
    found = _measures(
        nlp,
        "China hit back at the European Union on Monday. The duties answer Brussels imposing "
        "tariffs against Chinese imports last year, including a 35 per cent levy on "
        "Chinese-built cars and 20 per cent on steel and glass imports.",
    )
    twenty = [(m.imposer, m.target) for m in found if m.to_rate_pct == 20.0]
    assert twenty == [("EUN", "CHN")], found


@pytest.mark.slow
def test_imports_into_a_named_country_are_every_origins(nlp: Language) -> None:
    found = _measures(
        nlp,
        "Ghana's trade minister spoke about the US tariffs. Cocoa beans are exempt from the "
        "tariff rate of 10 per cent on imports into the United States, which began on May 1.",
    )
    assert {(m.imposer, m.target) for m in found if m.to_rate_pct == 10.0} == {("USA", "WLD")}


@pytest.mark.slow
def test_a_rate_and_its_coordinated_addition_are_two_measures(nlp: Language) -> None:
    found = _measures(
        nlp,
        "Turkish officials will visit Washington. It comes after the imposition of a 20 per "
        "cent tariff and an additional 20 per cent penalty on Turkish goods.",
    )
    assert len([m for m in found if m.target == "TUR" and m.to_rate_pct == 20.0]) == 2, found
