"""Linking news mentions of measures to the tariff-law catalog, or to candidate scenario measures."""

from __future__ import annotations

import datetime as dt

import pytest

from tariffscope.domain.news import MeasureMention
from tariffscope.regime import default_catalog, resolve
from tariffscope.tracker.linking import candidate_scenario, link_mention

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
    link = link_mention(mention("BRA", "coffee", 50), JULY_18, default_catalog())
    assert link.measure_id is None and link.candidate is None
    assert "cannot be priced" in link.reason


def test_candidate_scenario_enacts_linked_threats() -> None:
    link = link_mention(
        mention("JPN", "all goods", 25, start=dt.date(2025, 8, 1)), JULY_18, default_catalog()
    )
    scenario = candidate_scenario("threat", [link, link])
    assert scenario is not None and scenario.enact == ("THREAT-JPN-25",)
    assert candidate_scenario("nothing", []) is None
