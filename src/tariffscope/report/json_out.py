"""The brief as JSON (the same facts and numbers as the terminal and HTML briefs).

The shape is described by ``docs/brief.schema.json`` (JSON Schema, draft 2020-12). Numbers are
unrounded; missing or non-finite numbers are ``null`` (:mod:`tariffscope.strict_json`).
"""

from __future__ import annotations

from typing import Any

from tariffscope.report.brief import Brief
from tariffscope.report.compare import difference_reasons, model_comparison
from tariffscope.report.figures import headline_records, scenario_diversion, scenario_sectors
from tariffscope.report.numbers import reference_label, status_quo
from tariffscope.report.sentences import outcome_sentences

__all__ = ["brief_to_dict"]


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """Plain JSON-serialisable data of the brief."""
    deadline = brief.next_deadline
    sectors = scenario_sectors(brief, top=20)
    return {
        "as_of": brief.as_of.isoformat(),
        "pair": list(brief.pair),
        "partners": list(brief.partners),
        "other_pairs": [list(p) for p in brief.other_pairs],
        "priced": brief.priced,
        "warnings": list(brief.warnings),
        "dating": [d.to_dict() for d in brief.dating],
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
        "outcomes": _outcomes(brief),
        "comparisons": _comparisons(brief),
        "headline": headline_records(brief),
        "imports_change_by_sector_usd": {
            str(sector): {str(k): float(v) for k, v in row.items()}
            for sector, row in sectors.iterrows()
        },
        "diverted_to_others_vs_status_quo_by_sector_usd": {
            str(sector): {str(k): float(v) for k, v in row.items()}
            for sector, row in scenario_diversion(brief, top=20).iterrows()
        },
        "economy": _economy(brief),
        "economy_note": brief.economy_note,
        "model_comparison": [c.to_dict() for c in model_comparison(brief)],
        "model_differences": difference_reasons(brief) if _has_economy(brief) else [],
        "deal_space": brief.deal_space.to_dict(),
        "vintage": brief.vintage,
        "assumptions": list(brief.assumptions),
    }


def _outcomes(brief: Brief) -> list[dict[str, Any]]:
    sentences = outcome_sentences(brief) if brief.scenarios else {}
    base = status_quo(brief)
    return [
        {
            "key": s.spec.key,
            "label": s.spec.label,
            "description": s.spec.description,
            "sentence": sentences.get(s.spec.key, ""),
            "entry_date": s.spec.entry_date.isoformat(),
            "as_known": s.spec.as_known.isoformat(),
            "hindsight": s.spec.hindsight,
            "status_quo": s is base,
            "scenario": None if s.spec.scenario is None else s.spec.scenario.to_dict(),
        }
        for s in brief.scenarios
    ]


def _comparisons(brief: Brief) -> dict[str, Any]:
    """What ``comparison`` means in the headline, economy and model-comparison rows."""
    base = status_quo(brief)
    return {
        "reference": {
            "law": reference_label(brief),
            "meaning": "the law under which the 2024 baseline trade was bought; changes against "
            "it include every 2025 tariff on every partner",
        },
        "status_quo": None
        if base is None
        else {
            "law": f"the law on {base.spec.entry_date.isoformat()}",
            "outcome": base.spec.key,
            "meaning": "the law on the story's date, for an outcome entered that day; an "
            "outcome entered later is compared with the law on its own entry date as known on "
            "the story's date, without the outcome (each row's compared_with names the law); "
            "changes against it are the increment the outcome itself brings (per-draw "
            "differences over the same elasticity draws)",
        },
        "level": {"meaning": "a value under the outcome, not a change"},
    }


def _has_economy(brief: Brief) -> bool:
    return brief.economy is not None and not brief.economy.empty


def _economy(brief: Brief) -> dict[str, Any] | None:
    if brief.economy is None or brief.economy.empty:
        return None
    return {
        "metadata": dict(brief.economy.attrs.get("metadata", {})),
        "rows": brief.economy.to_dict(orient="records"),
        "not_computed": list(brief.economy.attrs.get("not_computed", [])),
        "partly_computed": list(brief.economy.attrs.get("partly_computed", [])),
    }
