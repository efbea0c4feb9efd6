"""Linking news mentions of measures to the tariff-law catalog, or to candidate scenario measures."""

from __future__ import annotations

import datetime as dt

import pytest

from tariffscope.domain.news import MeasureMention
from tariffscope.regime import default_catalog, resolve
from tariffscope.tracker.linking import NEWS_GOODS_GROUP, candidate_scenario, link_mention

JULY_18 = dt.date(2025, 7, 18)


def mention(
    target: str,
    products: str,
    to: float,
    *,
    start: dt.date | None = None,
    status: str = "threatened",
    imposer: str = "USA",
    frm: float | None = None,
) -> MeasureMention:
    return MeasureMention(imposer, target, products, frm, to, start, status, 0, 10)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("item", "published", "expected"),
    [
        (
            mention("JPN", "all goods", 25, start=dt.date(2025, 8, 1), frm=10),
            JULY_18,
            "THREAT-JPN-25",
        ),
        (mention("JPN", "cars", 25, status="in_force"), JULY_18, "232-AUTOS-25"),
        (mention("KOR", "all goods", 25, start=dt.date(2025, 8, 1)), JULY_18, "THREAT-KOR-25"),
        (
            mention("IND", "steel and aluminum", 50, status="in_force"),
            dt.date(2025, 8, 20),
            "232-STEEL-50",
        ),
        (mention("CHE", "all goods", 39, status="in_force"), dt.date(2025, 8, 18), "RECIP2-CHE"),
        (
            mention("IND", "all goods", 25, start=dt.date(2025, 8, 27)),
            dt.date(2025, 8, 6),
            "IND-RUSOIL-25",
        ),
        (
            mention("CHN", "all goods", 100, start=dt.date(2025, 11, 1)),
            dt.date(2025, 10, 12),
            "THREAT-CHN-100",
        ),
        (mention("JPN", "autos", 15, status="agreed"), dt.date(2025, 7, 23), "JPN-232AUTO-INCL15"),
    ],
)
def test_mentions_link_to_the_catalog_measure(
    item: MeasureMention, published: dt.date, expected: str
) -> None:
    link = link_mention(item, published, default_catalog())
    assert link.measure_id == expected, link.reason


def test_a_rate_in_force_from_a_later_date_is_read_as_a_threat() -> None:
    link = link_mention(
        mention("JPN", "all goods", 25, start=dt.date(2025, 8, 1), status="in_force"),
        JULY_18,
        default_catalog(),
    )
    assert link.status == "threatened" and link.measure_id == "THREAT-JPN-25"


def test_measures_of_other_imposers_are_not_linked_or_priced() -> None:
    link = link_mention(
        mention("CAN", "canola", 75.8, status="in_force", imposer="CHN"), JULY_18, default_catalog()
    )
    assert link.measure_id is None and link.candidate is None and "US measures only" in link.reason


def test_an_unknown_threat_becomes_a_priceable_candidate() -> None:
    """A 40% threat on Vietnamese goods is not in the catalog; priced as a scenario it replaces the reciprocal rate."""
    item = mention("VNM", "all goods", 40, start=dt.date(2025, 9, 1))
    link = link_mention(item, dt.date(2025, 8, 20), default_catalog())
    assert link.measure_id is None and link.candidate is not None
    scenario = candidate_scenario("vietnam threat", [link])
    assert scenario is not None and scenario.add[0].rate == pytest.approx(0.40)
    result = resolve("6109.10.00", "VNM", "2025-09-01", scenario=scenario)
    assert result.total_pct == pytest.approx(16.5 + 40)


def test_goods_without_an_hts_scope_cannot_be_priced() -> None:
    link = link_mention(mention("CAN", "rapeseed", 50), JULY_18, default_catalog())
    assert link.measure_id is None and link.candidate is None
    assert "cannot be priced" in link.reason


@pytest.mark.parametrize(
    ("target", "products", "line", "prefix"),
    [
        ("BRA", "Brazilian coffee", "0901.11.00", "0901"),
        ("CHL", "farmed salmon", "0304.41.00", "030441"),
        ("ITA", "wine and spirits", "2204.21.50", "2204"),
        ("VNM", "shoes", "6402.99.90", "64"),
    ],
)
def test_goods_no_catalog_group_holds_are_priced_on_top_of_the_law(
    target: str, products: str, line: str, prefix: str
) -> None:
    """A reported duty on goods no catalog measure group holds adds to the law of its date."""
    catalog = default_catalog()
    start = dt.date(2025, 9, 1)
    link = link_mention(mention(target, products, 12, start=start), dt.date(2025, 8, 20), catalog)
    candidate = link.candidate
    assert link.measure_id is None and candidate is not None, link.reason
    assert (candidate["group"], candidate["rule"], candidate["authority"]) == (
        NEWS_GOODS_GROUP,
        "additional",
        "news",
    )
    assert prefix in candidate["products"]["include"]
    scenario = candidate_scenario("threat", [link])
    assert scenario is not None
    before = resolve(line, target, start).total_pct
    assert resolve(line, target, start, scenario=scenario).total_pct == pytest.approx(before + 12)


def test_goods_of_a_catalog_group_keep_replacing_that_groups_duty() -> None:
    link = link_mention(
        mention("TUR", "steel pipes", 70, start=dt.date(2025, 9, 1)),
        dt.date(2025, 8, 20),
        default_catalog(),
    )
    assert link.candidate is not None
    assert (link.candidate["group"], link.candidate["rule"]) == ("s232_steel", "replace")
    mixed = link_mention(
        mention("TUR", "steel and fruit", 70, start=dt.date(2025, 9, 1)),
        dt.date(2025, 8, 20),
        default_catalog(),
    )
    assert mixed.candidate is not None and mixed.candidate["group"] == "s232_steel"
    assert not any(p.startswith("08") for p in mixed.candidate["products"]["include"])


def test_candidate_scenario_enacts_linked_threats() -> None:
    link = link_mention(
        mention("JPN", "all goods", 25, start=dt.date(2025, 8, 1)), JULY_18, default_catalog()
    )
    scenario = candidate_scenario("threat", [link, link])
    assert scenario is not None and scenario.enact == ("THREAT-JPN-25",)
    assert candidate_scenario("nothing", []) is None


def test_a_threat_on_one_country_is_not_an_authority_over_countries_designated_later() -> None:
    """A measure on every country with no day it applies from (a secondary tariff on the
    buyers of some country's oil) is not a threat on each country: "25% on Norway" is not it."""
    catalog = default_catalog()
    link = link_mention(mention("NOR", "all goods", 25), dt.date(2026, 1, 18), catalog)
    if link.measure_id is not None:
        measure = catalog.measure(link.measure_id)
        assert not ("WLD" in measure.members and measure.effective_from is None), link.reason
    assert link.candidate is not None
    # a threat on every country may still be that authority
    on_all = link_mention(mention("WLD", "all goods", 25), dt.date(2025, 4, 1), catalog)
    assert on_all.measure_id is not None
    measure = catalog.measure(on_all.measure_id)
    assert "WLD" in measure.members and measure.effective_from is None


def test_a_threat_below_the_rate_paid_and_its_rise_are_added_to_the_law() -> None:
    """Norway's goods paid 15% on 18 January 2026: a threatened "10% tariff" on them is a new
    duty on top (a threat does not cut duties), and so is its rise "from 10% to 25%"."""
    from tariffscope.tracker.linking import link_mentions

    day = dt.date(2026, 1, 18)
    catalog = default_catalog()
    before = resolve("9403.60.80", "NOR", day, as_known=day).total_pct
    first, rise = link_mentions(
        [mention("NOR", "all goods", 10), mention("NOR", "all goods", 25, frm=10)], day, catalog
    )
    for link, rate in ((first, 10), (rise, 25)):
        assert link.candidate is not None and link.candidate["rule"] == "additional"
        scenario = candidate_scenario("threat", [link])
        after = resolve("9403.60.80", "NOR", day, as_known=day, scenario=scenario).total_pct
        assert after == pytest.approx(before + rate)
    # alone, the rise has no new duty to rise from: 25% above 15% is the goods' new rate
    (alone,) = link_mentions([mention("NOR", "all goods", 25, frm=10)], day, catalog)
    assert alone.candidate is not None and alone.candidate["rule"] == "replace"


def test_an_agreed_rate_links_to_the_partner_s_announced_deal() -> None:
    """A deal reported as agreed is the partner's: the catalog's announced (not enacted) deal
    for that partner, not a measure on every country issued weeks later."""
    catalog = default_catalog()
    link = link_mention(
        mention("IND", "all goods", 18, status="agreed"), dt.date(2026, 2, 3), catalog
    )
    assert link.measure_id is not None
    measure = catalog.measure(link.measure_id)
    assert measure.members == frozenset({"IND"}) and measure.status == "threatened"


@pytest.mark.parametrize("status", ["agreed", "in_force"])
def test_a_zero_rate_on_one_country_is_not_the_de_minimis_suspension(status: str) -> None:
    # round 12: "the U.S. will eliminate tariffs on 1,675 Argentine products" and "zero tariffs
    # for selected goods" were linked to DEMIN-ALL-2025, a 0% on every country's low-value
    # parcels, and the undated stories dated by it; written for the test
    day = dt.date(2025, 10, 1)
    for partner in ("ARG", "THA", "PHL"):
        zero = MeasureMention("USA", partner, "all goods", None, 0.0, None, status, 0, 9)  # type: ignore[arg-type]
        link = link_mention(zero, day, default_catalog())
        assert "DEMIN-ALL-2025" not in link.measure_ids
    everyone = MeasureMention("USA", "WLD", "all goods", None, 0.0, None, "in_force", 0, 9)  # type: ignore[arg-type]
    assert link_mention(everyone, day, default_catalog()).measure_id is not None


def test_the_law_that_dates_a_story_leaves_out_the_de_minimis_suspension() -> None:
    from tariffscope.tracker._law_dating import law_clues

    zero = MeasureMention("USA", "ARG", "all goods", None, 0.0, None, "agreed", 0, 9)  # type: ignore[arg-type]
    clues = law_clues([zero], default_catalog())
    assert clues.actions and not [a for a in clues.actions if "DEMIN-ALL-2025" in a.label]


def test_a_rate_applied_retroactively_was_known_by_the_day_it_applies_from() -> None:
    # an invented framework for Peru: 13% on all goods, applied from 3 October and noticed on
    # 21 November; a story reporting the 13% agreed may be as old as the deal, as one reporting
    # it in force may be as old as the day it took effect
    import dataclasses
    import datetime as dt

    from tariffscope.tracker._law_dating import law_clues

    catalog = default_catalog()
    template = catalog.measure("CHE-LIE-RECIP-INCL15")
    retro = dataclasses.replace(
        template,
        id="TEST-PER-RETRO13",
        targets=frozenset({"PER"}),
        members=frozenset({"PER"}),
        supersedes=(),
        rate=0.13,
        announced_date=dt.date(2025, 11, 21),
        published_date=dt.date(2025, 11, 21),
        effective_from=dt.date(2025, 10, 3),
    )
    written = catalog.with_measures([*catalog.measures, retro])
    agreed = MeasureMention("USA", "PER", "all goods", None, 13.0, None, "agreed", 0, 9)  # type: ignore[arg-type]
    clues = law_clues([agreed], written)
    (action,) = [a for a in clues.actions if "TEST-PER-RETRO13" in a.label]
    assert action.announced == dt.date(2025, 10, 3)
    assert action.effective == dt.date(2025, 10, 3)


def test_a_rate_only_proposed_below_the_rate_paid_replaces_it() -> None:
    """A partner that pays 15% and seeks 10% asks for 10% in place of 15%, not on top."""
    from tariffscope.tracker.linking import link_mentions

    day = dt.date(2026, 1, 18)
    catalog = default_catalog()
    (link,) = link_mentions([mention("NOR", "all goods", 10, status="proposed")], day, catalog)
    assert link.candidate is not None and link.candidate["rule"] == "replace"
    scenario = candidate_scenario("threat", [link])
    after = resolve("9403.60.80", "NOR", day, as_known=day, scenario=scenario).total_pct
    before = resolve("9403.60.80", "NOR", day, as_known=day).total_pct
    assert after < before
