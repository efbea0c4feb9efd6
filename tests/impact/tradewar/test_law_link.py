"""The US law by ICIO sector from line duties already resolved (issue 12: the brief reuses its
outcomes' line duties instead of resolving the law again; reads ../shared)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from tariffscope.errors import InputError
from tariffscope.impact.applied import applied_line_rates
from tariffscope.impact.law_tariffs import model_tariffs, tariffs_from_law
from tariffscope.impact.pe.partners import schedule_trade
from tariffscope.impact.tradewar.icio import load_icio2022
from tariffscope.impact.tradewar.law_link import icio_concordance, law_point, scope_sectors

pytestmark = [pytest.mark.shared, pytest.mark.issue(12)]


@pytest.fixture(scope="module")
def sectors(shared: Path) -> tuple[str, ...]:
    return load_icio2022().sectors


@pytest.mark.parametrize("partner", ["KOR", "BRA"])
def test_reused_line_duties_give_the_same_sector_tariffs_as_resolving_them(
    sectors: tuple[str, ...], partner: str
) -> None:
    concordance = icio_concordance(sectors)
    law = applied_line_rates(schedule_trade(), "2025-09-01")
    reused = tariffs_from_law(concordance, law, [partner])
    resolved = model_tariffs(concordance, [partner], "2025-09-01")
    np.testing.assert_allclose(reused.rates, resolved.rates, rtol=0, atol=1e-12)
    np.testing.assert_allclose(reused.mfn, resolved.mfn, rtol=0, atol=1e-12)
    point = law_point("status-quo", "law", law, partner, sectors)
    goods = [sectors.index(s) for s in concordance.sectors]
    np.testing.assert_allclose(point.rates[goods], resolved.rates[:, 0], rtol=0, atol=1e-12)
    assert np.isnan(np.delete(point.rates, goods)).all()  # services: the law says nothing


def test_a_law_on_other_lines_is_refused(sectors: tuple[str, ...]) -> None:
    from tariffscope.impact.pe.law import law_on_lines

    class Few:
        codes = schedule_trade().codes[:50]
        origins = schedule_trade().origins
        values = schedule_trade().values[:50]

    law = law_on_lines(Few(), "2025-09-01")
    with pytest.raises(InputError, match="not resolved on the 2024 line trade"):
        tariffs_from_law(icio_concordance(sectors), law, ["KOR"])


def test_car_lines_map_to_motor_vehicles(sectors: tuple[str, ...]) -> None:
    codes = schedule_trade().codes.astype(str)
    cars = np.char.startswith(codes, "8703")
    assert scope_sectors(cars, "JPN", sectors) == ("C29",)
    assert scope_sectors(np.zeros(len(codes), dtype=bool), "JPN", sectors) == ()
