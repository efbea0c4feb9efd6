"""The brief's deal space (issue 12, item 4): computed on the founding story from the brief's own
outcomes, a one-line reason otherwise.

On the founding story the disagreement point is the threat (25% on all Japanese goods from
1 August) carried out on top of the law of 18 July (10% reciprocal, 25% on cars). Both sides lose
from the threat against today's law (the US's best uniform change of its July tariffs is a cut,
docs/models.md), so the status quo must lie inside the region both prefer to the threat, and
the predicted deal must cut the general rate below the threat's.
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from tariffscope.domain.news import MeasureMention
from tariffscope.regime import default_catalog
from tariffscope.report.brief import Brief, build_brief
from tariffscope.report.build import brief_from_sources, read_sources
from tariffscope.report.deal_space import deal_space_section
from tariffscope.report.json_out import brief_to_dict
from tariffscope.report.terminal import render_terminal
from tariffscope.strict_json import to_json
from tariffscope.tracker.linking import MeasureLink

pytestmark = [pytest.mark.issue(12), pytest.mark.shared, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "ishiba-bessent-2025-07-18.txt"
SCHEMA = json.loads((ROOT / "docs" / "brief.schema.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed_brief(shared: Path) -> Brief:
    result, _ = brief_from_sources([str(SEED)], draws=0)
    return result


def test_the_founding_story_has_a_deal_space_over_the_general_rate_and_cars(
    seed_brief: Brief,
) -> None:
    section = seed_brief.deal_space
    assert section.computed, section.note
    assert section.pair == ("USA", "JPN")
    names = [name for name, _ in section.levers]
    assert names == ["general", "cars"]  # the story names the 25% car tariff
    assert "C29" in section.levers[1][1]
    assert "THREAT-JPN-25" not in section.disagreement  # a label, not an id
    assert section.disagreement.startswith("Threat carried out: 25% from 2025-08-01")
    assert 0 < section.acceptable <= section.deals == 99


def test_the_status_quo_is_acceptable_to_both_against_the_threat(seed_brief: Brief) -> None:
    section = seed_brief.deal_space
    threat, status_quo = section.point("threat carried out"), section.point("status quo")
    assert threat is not None and status_quo is not None
    assert threat.payoff_usd_bn == pytest.approx((0.0, 0.0), abs=1e-9)
    # both prefer today's law to the threat carried out
    assert min(status_quo.payoff_usd_bn) > 0
    # the threat raises the general rate by about 15 points and leaves cars at 27.5%
    assert 10 < threat.x_pct - status_quo.x_pct < 16
    assert threat.y_pct == pytest.approx(27.5, abs=0.5)
    assert section.x_range_pct is not None and section.y_range_pct is not None
    assert section.x_range_pct[0] <= status_quo.x_pct <= section.x_range_pct[1]


def test_the_predicted_deal_cuts_the_general_rate_and_both_gain(seed_brief: Brief) -> None:
    section = seed_brief.deal_space
    nash, ks = section.point("Nash bargaining w=0.5"), section.point("Kalai-Smorodinsky")
    threat = section.point("threat carried out")
    assert nash is not None and ks is not None and threat is not None
    assert min(nash.payoff_usd_bn) > 0 and min(ks.payoff_usd_bn) > 0
    assert 0 <= nash.x_pct < threat.x_pct and 0 <= nash.y_pct < threat.y_pct
    # the Nash product is at least the Kalai-Smorodinsky deal's at equal weights
    assert (
        math.log(nash.payoff_usd_bn[0]) + math.log(nash.payoff_usd_bn[1])
        >= math.log(ks.payoff_usd_bn[0]) + math.log(ks.payoff_usd_bn[1]) - 1e-6
    )


def test_the_catalog_deal_is_placed_and_its_distance_stated(seed_brief: Brief) -> None:
    section = seed_brief.deal_space
    deal, nash = section.point("catalog deal (hindsight)"), section.point("Nash bargaining w=0.5")
    assert deal is not None and nash is not None
    assert deal.y_pct == pytest.approx(15.0, abs=0.5)  # cars at 15% inclusive of MFN
    by_lever = {d.lever: d for d in section.distances if d.source == "catalog (hindsight)"}
    assert set(by_lever) == {"general", "cars"}
    assert by_lever["cars"].points == pytest.approx(deal.y_pct - nash.y_pct)


def test_the_section_is_in_the_json_valid_and_strict(seed_brief: Brief) -> None:
    data = json.loads(to_json(brief_to_dict(seed_brief)))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    space = data["deal_space"]
    assert space["computed"] is True and space["pair"] == ["USA", "JPN"]
    assert space["acceptable"]["count"] == seed_brief.deal_space.acceptable
    assert {p["name"] for p in space["points"]} >= {"status quo", "Nash bargaining w=0.5"}


def test_the_terminal_shows_the_section(seed_brief: Brief) -> None:
    from rich.console import Console

    console = Console(record=True, width=140)
    render_terminal(seed_brief, console)
    text = console.export_text()
    assert "Deal space: " in text and "Nash bargaining w=0.5" in text
    assert "Acceptable to both" in text


def _seed_records() -> Brief:
    extractions, _ = read_sources([str(SEED)])
    return build_brief(extractions, draws=0, deal_space=True)


def test_a_story_without_a_threat_gets_not_computed(shared: Path) -> None:
    brief = _seed_records()
    without = tuple(s for s in brief.scenarios if not s.spec.key.startswith("threat"))
    section = deal_space_section(brief.pair, without, brief.links, default_catalog())
    assert not section.computed
    assert section.note.startswith("not computed: ") and "threat" in section.note
    assert "\n" not in section.note


def test_a_pair_without_the_us_gets_not_computed(shared: Path) -> None:
    extractions, _ = read_sources([str(SEED)])
    brief = build_brief(extractions, draws=0, pair=("CHN", "JPN"), deal_space=True)
    assert not brief.deal_space.computed
    assert brief.deal_space.note == (
        "not computed: CHN-JPN is not a US pair (the catalog holds US law)"
    )
    data = json.loads(to_json(brief_to_dict(brief)))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["deal_space"]["computed"] is False and data["deal_space"]["points"] == []


def test_ge_none_turns_it_off(shared: Path) -> None:
    brief, _ = brief_from_sources([str(SEED)], draws=0, ge_model=None)
    assert brief.deal_space.note == "not computed: economy-wide models are off (--ge none)"
    assert brief.as_of == date(2025, 7, 18)


@pytest.mark.parametrize(("partner", "said"), [("LKA", "LKA is not among the 81"), ("EUN", "bloc")])
def test_a_partner_the_icio_file_lacks_is_named_with_the_file(
    shared: Path, partner: str, said: str
) -> None:
    from tariffscope.errors import NotCoveredError
    from tariffscope.report.deal_space import _pair_data

    with pytest.raises(NotCoveredError, match=said) as caught:
        _pair_data(partner)
    assert "icio2022_81x81x28_trade_tariff.csv.gz" in caught.value.one_line()


def _agreed(measure_id: str, products: str) -> MeasureLink:
    mention = MeasureMention(
        imposer="USA",
        target="JPN",
        products=products,
        from_rate_pct=None,
        to_rate_pct=15.0,
        effective_date=None,
        status="agreed",
        start=0,
        end=0,
    )
    return MeasureLink(mention, measure_id, 1.0, "test", status="agreed")


def test_a_reported_deal_gets_its_distance_on_each_lever_it_maps_to(seed_brief: Brief) -> None:
    """15% on all goods maps to the general lever, 15% on autos to the car lever (both are
    rates inclusive of MFN in the catalog, so they are compared as they are)."""
    links = (
        *seed_brief.links,
        _agreed("JPN-RECIP-INCL15", "all goods"),
        _agreed("JPN-232AUTO-INCL15", "autos and parts"),
    )
    section = deal_space_section(seed_brief.pair, seed_brief.scenarios, links, default_catalog())
    nash = section.point("Nash bargaining w=0.5")
    assert nash is not None
    sector, described = section.levers[1]
    assert "C29" in described  # the agreed car rate names the sector lever now
    story = {(d.deal, d.lever): d for d in section.distances if d.source == "story"}
    general = story[("all goods at 15% (agreed)", "general")]
    cars = story[("autos and parts at 15% (agreed)", sector)]
    assert set(story) == {(general.deal, "general"), (cars.deal, sector)}
    assert general.deal_pct == cars.deal_pct == 15.0
    assert general.points == pytest.approx(15.0 - nash.x_pct)
    assert cars.points == pytest.approx(15.0 - nash.y_pct)
