"""Round 17: classes rounds 16a-16d left, fixed at the mechanism (docs/assumptions.md, "Fresh
stories, round 17: classes left by round 16"). Sentences, mentions and stories are written for
the tests."""

from __future__ import annotations

import datetime as dt

from tariffscope.domain.news import MeasureMention
from tariffscope.regime import default_catalog
from tariffscope.report.scenarios import outcome_specs
from tariffscope.tracker.linking import link_mention

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
