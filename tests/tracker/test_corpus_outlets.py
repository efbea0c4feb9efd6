"""End to end on real stories: three outlets' reports of one round of US-China talks (Kuala
Lumpur, October 2025; tests/news/corpus 101-103, annotated before the reader ran on them) give
one talks event and one agreement, each with all three outlets as sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from tariffscope.store import Store
from tariffscope.tracker import ingest_paths, negotiation_state

pytestmark = [pytest.mark.slow]

CORPUS = Path(__file__).resolve().parents[1] / "news" / "corpus"


def test_three_outlets_one_round_of_talks(store: Store) -> None:
    stories = sorted(p for p in CORPUS.glob("10[123]-china-us-kuala-lumpur-*.txt"))
    assert len(stories) == 3
    report = ingest_paths(store, stories)
    assert len(report.added) == 3, [r.message for r in report.failed]
    state = negotiation_state(store, "USA-CHN")
    for kind in ("talks", "agreement"):
        found = [e for e in state.events if e.kind == kind]
        assert len(found) == 1, (kind, found)
        assert found[0].n_sources == 3
        assert "Scott Bessent" in found[0].participants
