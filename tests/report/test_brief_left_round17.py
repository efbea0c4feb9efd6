"""Round 17: classes rounds 16a-16d left, fixed at the mechanism (docs/assumptions.md, "Fresh
stories, round 17: classes left by round 16"). Sentences, mentions and stories are written for
the tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from _brief_cli import brief_json
from typer.testing import CliRunner

from tariffscope.cli import app
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


DEAL_TOLD = (
    "title: Chile and US reach deal\n\n"
    "Chile and the United States reached a trade deal on Monday, the two governments said.\n\n"
    "Under the agreement, Chilean exporters that build plants in the US get a lower rate.\n"
    "And the broad tariff on most other Chilean goods will be lowered from 20% to 15%. "
)


def test_a_deal_s_zero_rate_told_two_sentences_on_is_agreed() -> None:
    text = DEAL_TOLD + "Copper cathodes and fresh cherries will face a 0% tariff, officials said.\n"
    found = _measures(text)
    # main: the 0% was threatened (status.ahead): the deal word was two sentences back
    assert ("CHL", 0.0, "agreed") in found
    assert ("CHL", 15.0, "agreed") in found


def test_a_rate_above_zero_told_two_sentences_after_a_deal_keeps_its_own_status() -> None:
    text = DEAL_TOLD + "Copper cathodes will face a 25% tariff from March, officials said.\n"
    assert ("CHL", 25.0, "threatened") in _measures(text)


def test_a_zero_rate_to_come_with_no_deal_told_is_not_agreed() -> None:
    text = (
        "title: Chile tariffs\n\nThe United States set a 20% tariff on Chilean goods on Monday.\n"
        "Officials said talks would go on next week.\n"
        "Copper cathodes will face a 0% tariff, officials said.\n"
    )
    assert ("CHL", 0.0, "agreed") not in _measures(text)


def _all_pairs(story: Path, tmp_path: Path) -> list[list[str]]:
    out = tmp_path / "all.json"
    result = CliRunner().invoke(
        app,
        ["brief", str(story), "--draws", "0", "--ge", "none", "--all-pairs", "--json", str(out)],
    )
    assert result.exit_code == 0, result.stderr
    return [b["pair"] for b in json.loads(out.read_text(encoding="utf-8"))]


def test_all_pairs_briefs_a_bloc_its_members_fold_into_once(tmp_path: Path) -> None:
    # main: USA-EFTA four times (each member's pair folded into the bloc, each briefed)
    pairs = _all_pairs(DATA / "synthetic-efta-members-rates.txt", tmp_path)
    assert pairs == [["USA", "EFTA"]]


def test_all_pairs_briefs_eu_members_beside_the_eu_as_the_eu(tmp_path: Path) -> None:
    # main: USA-EUN, then USA-DEU, USA-FRA, USA-ITA and USA-ESP (each priced at the EU's rates)
    pairs = _all_pairs(DATA / "synthetic-eu-members-rates.txt", tmp_path)
    assert pairs == [["USA", "EUN"]]


def test_an_option_of_striking_a_deal_is_no_agreement(tmp_path: Path) -> None:
    story = DATA / "synthetic-deal-only-possible.txt"
    kinds = [e.kind for e in extract_path(story).events]
    # main: "an option of striking a deal" was an agreement of Chile and the US
    assert "agreement" not in kinds
    data = brief_json(story, tmp_path / "brief.json", "--draws", "0", "--ge", "none")
    assert data["pair"] == ["USA", "CHL"]
    assert data["status"] != "framework announced"  # main: "framework announced"


def _as_of(body: str) -> dt.date | None:
    dating = extract(article_from_text(f"title: Truce\n\n{body}")).dating
    return None if dating is None else dating.as_of


def test_a_period_added_up_to_a_date_ahead_dates_the_story_at_its_start() -> None:
    body = (
        "Chile and the United States agreed to extend their tariff truce for another 30 days. "
        "The pause now runs until 15 October, officials said.\n"
    )
    # main: 2025-10-14, the day before the date told as ahead, a month late
    assert _as_of(body) == dt.date(2025, 9, 15)


def test_a_period_not_told_as_added_keeps_the_day_before_the_date_ahead() -> None:
    body = (
        "Chile and the United States are in a 30-day tariff truce. "
        "The pause runs until 15 October, officials said.\n"
    )
    assert _as_of(body) == dt.date(2025, 10, 14)


def test_a_period_added_to_a_date_not_ending_it_keeps_the_day_before() -> None:
    body = (
        "Chile and the United States agreed to extend their tariff truce for another 30 days. "
        "Talks will resume by 15 October, officials said.\n"
    )
    assert _as_of(body) == dt.date(2025, 10, 14)
