"""The brief as JSON (the same facts and numbers as the terminal and HTML briefs)."""

from __future__ import annotations

from typing import Any

from tariffscope.report.brief import Brief
from tariffscope.report.figures import headline_records, scenario_diversion, scenario_sectors

__all__ = ["brief_to_dict"]


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """Plain JSON-serialisable data of the brief."""
    deadline = brief.next_deadline
    sectors = scenario_sectors(brief, top=20)
    return {
        "as_of": brief.as_of.isoformat(),
        "pair": list(brief.pair),
        "status": brief.status,
        "deadline": None
        if deadline is None
        else {**deadline.to_dict(), "days_left": brief.days_to_deadline},
        "sources": [x.article.to_dict() for x in brief.extractions],
        "actors": [a.to_dict() for a in brief.actors],
        "events": [
            {
                **e.to_dict(),
                "sources": list(brief.event_sources[i]) if i < len(brief.event_sources) else [],
            }
            for i, e in enumerate(brief.events)
        ],
        "status_reason": brief.status_reason,
        "quotes": [q.to_dict() for q in brief.quotes],
        "deadlines": [d.to_dict() for d in brief.deadlines],
        "measures": [
            {
                **n.link.to_dict(),
                "law": None if n.resolution is None else n.resolution.to_dict(),
                "explained": n.sentence(),
            }
            for n in brief.law_notes
        ],
        "outcomes": [
            {
                "key": s.spec.key,
                "label": s.spec.label,
                "description": s.spec.description,
                "entry_date": s.spec.entry_date.isoformat(),
                "as_known": s.spec.as_known.isoformat(),
                "hindsight": s.spec.hindsight,
                "scenario": None if s.spec.scenario is None else s.spec.scenario.to_dict(),
            }
            for s in brief.scenarios
        ],
        "headline": headline_records(brief),
        "imports_change_by_sector_usd": {
            str(sector): {str(k): float(v) for k, v in row.items()}
            for sector, row in sectors.iterrows()
        },
        "diverted_to_others_vs_first_outcome_by_sector_usd": {
            str(sector): {str(k): float(v) for k, v in row.items()}
            for sector, row in scenario_diversion(brief, top=20).iterrows()
        },
        "economy": None if brief.economy is None else brief.economy.to_dict(orient="records"),
        "economy_note": brief.economy_note,
        "vintage": brief.vintage,
        "assumptions": list(brief.assumptions),
    }
