"""Pricing never fails a story: a linked threat or an announced deal that the catalog gives no
effective date is carried out from a day the brief states, and an outcome the law cannot price
is a warning. The mentions are written for the test."""

from __future__ import annotations

import datetime as dt

import pytest

from tariffscope.domain.news import MeasureMention
from tariffscope.regime import Scenario, default_catalog, resolve
from tariffscope.report.brief import _price
from tariffscope.report.scenarios import OutcomeSpec, outcome_specs
from tariffscope.tracker.linking import link_mention

LINE = "9403.60.80"  # wooden furniture: no Section 232 duty, no USMCA claim assumed


def mention(target: str, rate: float, status: str, start: dt.date | None = None) -> MeasureMention:
    return MeasureMention("USA", target, "all goods", None, rate, start, status, 0, 10)  # type: ignore[arg-type]


def undated_threats() -> list[str]:
    catalog = default_catalog()
    return [
        m.id
        for m in catalog.measures
        if m.status in ("threatened", "proposed")
        and m.effective_from is None
        and m.rate  # a threat of 0% is a deal's exemption, not a threat
        and m.scope.all_products
        and "WLD" not in m.members
    ]


def test_the_catalog_has_threats_without_a_date() -> None:
    assert undated_threats()  # else the tests below test nothing


@pytest.mark.parametrize("measure_id", undated_threats())
def test_a_linked_threat_without_a_date_is_carried_out_from_the_story_s_date(
    measure_id: str,
) -> None:
    catalog = default_catalog()
    measure = catalog.measure(measure_id)
    origin = sorted(measure.members)[0]
    day = measure.published_date + dt.timedelta(days=1)
    assert measure.rate is not None
    link = link_mention(mention(origin, measure.rate * 100, "threatened"), day, catalog)
    if link.measure_id != measure_id:
        pytest.skip(f"{measure_id}: the mention links elsewhere ({link.reason})")
    specs = outcome_specs([link], catalog, partner=origin, published=day)
    (threat,) = [s for s in specs if s.key.startswith("threat:")]
    assert threat.entry_date == day and threat.scenario is not None
    assert "no effective date" in threat.warning and day.isoformat() in threat.warning
    (copy,) = threat.scenario.add
    assert copy.id == f"{measure_id}@{day.isoformat()}" and copy.effective_from == day
    resolve(LINE, origin, day, as_known=day, scenario=threat.scenario)  # does not raise


def test_an_announced_deal_without_a_date_is_priced_as_reported() -> None:
    catalog = default_catalog()
    day = dt.date(2026, 2, 3)
    link = link_mention(mention("IND", 18, "agreed"), day, catalog)
    specs = outcome_specs([link], catalog, partner="IND", published=day)
    (deal,) = [s for s in specs if s.key == "deal"]
    assert deal.label == "Deal as reported" and deal.scenario is not None
    assert "no effective date" in deal.warning
    law = resolve(LINE, "IND", day, as_known=day)
    priced = resolve(LINE, "IND", day, as_known=day, scenario=deal.scenario)
    rates = {c.measure.split("@")[0]: c.rate_pct for c in priced.components}
    assert rates[link.measure_id] == pytest.approx(18.0)  # the reported rate replaces 25%
    assert priced.total_pct == pytest.approx(law.total_pct - 25 + 18)


def test_an_outcome_the_law_cannot_price_is_a_warning() -> None:
    day = dt.date(2025, 9, 1)
    specs = [
        OutcomeSpec("law", "Law", "the law", day, day),
        OutcomeSpec(
            "bad",
            "Broken outcome",
            "enacts nothing known",
            day,
            day,
            Scenario(name="broken", enact=("NO-SUCH-MEASURE",)),
        ),
    ]
    warnings: list[str] = []
    priced = _price(specs, "NOR", 0, 0, warnings)
    assert [p.spec.key for p in priced] == ["law"]
    (said,) = warnings
    assert said.startswith("Broken outcome not priced") and "NO-SUCH-MEASURE" in said


def test_a_threat_the_law_of_its_day_leaves_without_effect_is_said() -> None:
    # IEEPA duties were no longer collected after 24 February 2026: a threatened rate read as
    # an IEEPA reciprocal rate changes nothing on 28 February, and the brief says so
    catalog = default_catalog()
    day = dt.date(2026, 2, 28)
    link = link_mention(mention("NOR", 32, "threatened"), day, catalog)
    (threat,) = [
        s for s in outcome_specs([link], catalog, partner="NOR", published=day) if s.scenario
    ]
    assert "changes no duty" in threat.warning
    # the same threat a year earlier does change the duty: no such warning
    before = dt.date(2025, 9, 1)
    link = link_mention(mention("NOR", 32, "threatened"), before, catalog)
    (threat,) = [
        s for s in outcome_specs([link], catalog, partner="NOR", published=before) if s.scenario
    ]
    assert "changes no duty" not in threat.warning
