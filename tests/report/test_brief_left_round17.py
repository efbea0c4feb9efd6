"""Round 17: classes rounds 16a-16d left, fixed at the mechanism (docs/assumptions.md, "Fresh
stories, round 17: classes left by round 16"). Sentences, mentions and stories are written for
the tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tariffscope.domain.news import MeasureMention
from tariffscope.news._persons import related_headlines
from tariffscope.news.api import extract, extract_path
from tariffscope.news.ingest import article_from_text
from tariffscope.regime import default_catalog
from tariffscope.report.scenarios import outcome_specs
from tariffscope.tracker.linking import link_mention

DATA = Path(__file__).with_name("data")
DAY = dt.date(2025, 8, 20)


def _mention(target: str, rate: float, status: str) -> MeasureMention:
    start = dt.date(2025, 9, 1)
    return MeasureMention("USA", target, "all goods", None, rate, start, status, 0, 10)  # type: ignore[arg-type]


def _outcome(status: str) -> tuple[str, str]:
    catalog = default_catalog()
    link = link_mention(_mention("ISR", 12, status), DAY, catalog)
    specs = outcome_specs([link], catalog, partner="ISR", published=DAY)
    (spec,) = [s for s in specs if s.key.startswith("threat:")]
    return spec.label, spec.description


def test_a_proposed_rate_s_outcome_is_a_proposal_adopted_not_a_threat_carried_out() -> None:
    label, description = _outcome("proposed")
    assert label == "Proposal adopted: 12% from 2025-09-01"
    assert description.endswith("as proposed in the story")


def test_a_threatened_rate_s_outcome_is_still_a_threat_carried_out() -> None:
    label, description = _outcome("threatened")
    assert label == "Threat carried out: 12% from 2025-09-01"
    assert description.endswith("as the story reports")


def _measures(text: str) -> list[tuple[str, float, str]]:
    found = extract(article_from_text(text)).measures
    return [(m.target, m.to_rate_pct, m.status) for m in found]


RELATED_BODY = (
    "title: Peru and US agree on tariff cut\n\n"
    "Peru and US Agree on Tariff Cut\n\n"
    "Peru and the United States agreed on Monday to lower the tariff on Peruvian goods to 12%, "
    "the trade ministry in Lima said.\n"
    "The deal still needs the approval of Peru's congress, officials said.\n\n"
)
RELATED_LIST = (
    "Central Bank Keeps Policy Rate at 4.75% as Chile Inflation Eases\n"
    "Ghana Opposition Criticizes Plan to Tax Mobile Money Transfers\n"
    "Kenya Floods Displace Thousands Along the Tana River\n"
)


def test_an_outlet_s_list_of_other_headlines_gives_no_measure() -> None:
    found = _measures(RELATED_BODY + RELATED_LIST)
    # main: the list's "Policy Rate at 4.75%" was a rate of the story (on its partner)
    assert 4.75 not in [rate for _, rate, _ in found]
    assert ("PER", 12.0, "agreed") in found


def test_a_subheading_alone_between_paragraphs_keeps_its_rate() -> None:
    text = (
        RELATED_BODY
        + "Tariff on Copper Stays at 25% for Now\n\n"
        + ("The copper duty is not part of the deal, the ministry said.\n")
    )
    assert 25.0 in [rate for _, rate, _ in _measures(text)]


def test_the_list_s_lines_are_credits_for_the_story_s_places_and_people() -> None:
    text = RELATED_BODY + RELATED_LIST
    start = text.index("Central Bank")
    assert related_headlines(text) == [
        (start, text.index("\n", start)),
        (text.index("Ghana"), text.index("\n", text.index("Ghana"))),
        (text.index("Kenya"), text.index("\n", text.index("Kenya"))),
    ]
    assert related_headlines(RELATED_BODY) == []  # the headline above the body is no list


def test_countries_named_only_in_a_lower_case_agreement_name_are_no_parties() -> None:
    found = extract_path(DATA / "synthetic-furniture-lower-case-agreement.txt").measures
    # main: ("CAN", "USA", 20.0): Canada, the last name of "U.S.-Mexico-Canada trade
    # agreement", was the story's main partner
    assert [(m.imposer, m.target, m.to_rate_pct) for m in found] == [("USA", "WLD", 20.0)]


def test_a_two_party_trade_deal_in_lower_case_still_names_its_parties() -> None:
    text = (
        "title: Peru tariffs\n\nThe US-Peru trade deal cuts the tariff on Peruvian textiles "
        "to 10%, officials said on Monday.\n"
    )
    assert ("PER", 10.0) in [(t, r) for t, r, _ in _measures(text)]
