"""The measure catalog as records: its measures and the claims an entry can make.

What ``tariffscope measures``, the service and :func:`tariffscope.api.measures` list.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from tariffscope.domain.countries import normalize_country
from tariffscope.regime.catalog import Catalog
from tariffscope.regime.measures import ENACTED_STATUSES
from tariffscope.regime.resolve import default_catalog

__all__ = ["claim_rows", "measure_rows"]


def measure_rows(origin: str | None = None, on: date | None = None) -> list[dict[str, Any]]:
    """The catalog's measures as records: all, or those covering ``origin`` (ISO3) and in
    effect (enacted) on the entry date ``on``."""
    catalog = default_catalog()
    code = None if origin is None else normalize_country(origin, allow_groups=False)
    rows = []
    for m in catalog.measures:
        if code is not None and not m.covers_origin(code):
            continue
        if on is not None and not (
            m.status in ENACTED_STATUSES and m.in_effect(on, m.effective_to)
        ):
            continue
        rows.append(
            {
                "id": m.id,
                "title": m.title,
                "authority": m.authority,
                "group": m.group,
                "rule": m.rule,
                "rate_pct": m.rate_pct,
                "effective_from": None
                if m.effective_from is None
                else m.effective_from.isoformat(),
                "effective_to": None if m.effective_to is None else m.effective_to.isoformat(),
                "published_date": m.published_date.isoformat(),
                "status": m.status,
                "targets": sorted(m.targets),
                "citation": m.citation,
            }
        )
    return rows


def claim_rows(catalog: Catalog) -> dict[str, dict[str, Any]]:
    """Every claim (preference programmes and other claims), with the measures that use it."""
    users: dict[str, list[str]] = {}
    for m in catalog.measures:
        for claim in (*m.requires_claims, *m.unless_claims):
            users.setdefault(claim, []).append(m.id)
    rows: dict[str, dict[str, Any]] = {}
    for name, text in catalog.claims.items():
        programme = catalog.programmes.get(name)
        row: dict[str, Any] = {
            "description": text,
            "kind": "programme" if programme else "claim",
            "measures": users.get(name, []),
        }
        if programme is not None:
            row.update(
                {
                    "special_codes": list(programme.codes),
                    "general_note": programme.general_note or None,
                    "legal_source": programme.citation,
                    "effective_from": programme.start.isoformat(),
                    "effective_to": None if programme.end is None else programme.end.isoformat(),
                    "origin_independent": programme.origin_independent,
                    "countries": [
                        {
                            "country": p.country,
                            "from": p.start.isoformat(),
                            "to": None if p.end is None else p.end.isoformat(),
                        }
                        for p in programme.countries
                    ],
                    "under_2025_measures": programme.under_measures,
                    "sources": list(programme.sources),
                }
            )
        rows[name] = row
    return rows
