"""A rate on all of a country's goods is linked to the catalog measures that add up to it.

The sums checked here are the law's, as the instruments state them (each measure cites its
order in the catalog): Brazil from 7 August 2025 paid the 10% reciprocal rate (EO 14326,
Annex I) plus the 40% Brazil duty (EO 14323), and on 6 August the 10% baseline (EO 14257) plus
the 40%; India from 27 August 2025 the 25% reciprocal rate
(EO 14326) plus the 25% Russian-oil duty (EO 14329); China from 14 May 2025 the 10% Geneva
reciprocal rate (EO 14298) plus the 20% fentanyl duty (EO 14228), and from 10 November 2025
10% plus 10% (the Busan arrangement). A rate that is one measure, or no sum, is not a set.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tariffscope.domain.news import MeasureMention
from tariffscope.regime import Catalog, default_catalog
from tariffscope.report.scenarios import outcome_specs
from tariffscope.tracker import across_the_board, combined_link
from tariffscope.tracker.linking import candidate_scenario, link_mention

D = dt.date


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return default_catalog()


def mention(
    target: str,
    rate: float,
    status: str,
    effective: dt.date | None = None,
    goods: str = "all goods",
) -> MeasureMention:
    return MeasureMention("USA", target, goods, None, rate, effective, status, 0, 10)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("target", "rate", "status", "effective", "published", "ids"),
    [
        ("BRA", 50.0, "in_force", None, D(2025, 8, 8), {"RECIP2-BRA", "BRA-IEEPA-40"}),
        ("BRA", 50.0, "in_force", None, D(2025, 8, 6), {"RECIP-BASE-10", "BRA-IEEPA-40"}),
        ("IND", 50.0, "threatened", D(2025, 8, 27), D(2025, 8, 7), {"RECIP2-IND", "IND-RUSOIL-25"}),
        (
            "CHN",
            30.0,
            "in_force",
            D(2025, 5, 14),
            D(2025, 5, 13),
            {"RECIP-CHN-GENEVA", "FENT-CHN-02"},
        ),
        # agreed on 30 October, enacted on 4 November from 10 November: within the horizon
        ("CHN", 20.0, "agreed", None, D(2025, 10, 30), {"RECIP-CHN-EXT2", "FENT-CHN-03"}),
    ],
)
def test_a_total_rate_is_linked_to_the_measures_that_make_it_up(
    catalog: Catalog,
    target: str,
    rate: float,
    status: str,
    effective: dt.date | None,
    published: dt.date,
    ids: set[str],
) -> None:
    found = combined_link(mention(target, rate, status, effective), published, catalog)
    assert found is not None
    assert {m.id for m in found.measures} == ids
    assert found.total_pct == pytest.approx(rate)
    link = link_mention(mention(target, rate, status, effective), published, catalog)
    assert set(link.measure_ids) == ids and link.candidate is None
    assert link.to_dict()["measures"] == list(link.measure_ids)


def test_a_rate_that_is_no_sum_of_the_law_is_a_candidate(catalog: Catalog) -> None:
    wrong = mention("BRA", 45.0, "in_force")
    assert combined_link(wrong, D(2025, 8, 8), catalog) is None
    link = link_mention(wrong, D(2025, 8, 8), catalog)
    assert link.measure_ids == () and link.candidate is not None


def test_before_the_measures_were_published_the_sum_is_not_known(catalog: Catalog) -> None:
    # on 1 August 2025 the India Russian-oil duty (signed 6 August) was not yet law
    early = mention("IND", 50.0, "threatened", D(2025, 8, 27))
    assert combined_link(early, D(2025, 8, 1), catalog) is None


def test_one_measure_is_the_single_linker_s_case(catalog: Catalog) -> None:
    # Canada's 35% from 1 August 2025 is one measure (FENT-CAN-35), not a set
    total, measures = across_the_board(catalog, "CAN", D(2025, 8, 15), as_known=D(2025, 8, 15))
    assert total == pytest.approx(35.0) and [m.id for m in measures] == ["FENT-CAN-35"]
    assert combined_link(mention("CAN", 35.0, "in_force"), D(2025, 8, 15), catalog) is None


def test_goods_named_are_not_all_goods(catalog: Catalog) -> None:
    cars = mention("BRA", 50.0, "in_force", goods="cars")
    assert link_mention(cars, D(2025, 8, 8), catalog).measure_ids == ()


def test_the_eu_sum_is_its_members(catalog: Catalog) -> None:
    # the EU's 15% inclusive rate is one measure for every member: not a combined set
    total, measures = across_the_board(catalog, "FRA", D(2025, 9, 1), as_known=D(2025, 9, 1))
    assert total == pytest.approx(15.0) and len(measures) == 1
    assert combined_link(mention("EUN", 15.0, "in_force"), D(2025, 9, 1), catalog) is None


def test_a_linked_set_is_the_law_not_a_new_scenario(catalog: Catalog) -> None:
    published = D(2025, 5, 12)  # the story of the Geneva pause: 30% from 14 May
    link = link_mention(mention("CHN", 30.0, "threatened", D(2025, 5, 14)), published, catalog)
    assert len(link.measure_ids) == 2
    assert candidate_scenario("threat", [link]) is None
    specs = outcome_specs([link], catalog, partner="CHN", published=published)
    assert [s.key for s in specs] == ["law", "law:2025-05-14"]
    assert all(s.scenario is None for s in specs)
    assert specs[1].entry_date == D(2025, 5, 14) and specs[1].as_known == published
