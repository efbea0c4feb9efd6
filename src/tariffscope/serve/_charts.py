"""Vega-Lite specifications the dashboard draws (pure functions of the API's JSON data)."""

from __future__ import annotations

from typing import Any

__all__ = ["timeline_chart"]


def timeline_chart(state: dict[str, Any]) -> dict[str, Any] | None:
    """Events on a time axis (one row per kind, coloured by status) and the coming deadlines
    as rules; None when no event or deadline has a date."""
    events = [
        {
            "date": e["sort_date"],
            "kind": e["kind"],
            "status": e["status"],
            "who": ", ".join(e["participants"]) or "-",
            "place": e["place"] or "-",
            "sources": len({s["article_id"] for s in e["sources"]}),
        }
        for e in state.get("events", [])
        if e.get("sort_date")
    ]
    deadlines = [
        {"date": d["date"], "what": d["what"], "days_left": d["days_left"]}
        for d in state.get("deadlines", [])
    ]
    if not events and not deadlines:
        return None
    layers: list[dict[str, Any]] = []
    if events:
        layers.append(
            {
                "data": {"values": events},
                "mark": {"type": "point", "filled": True, "size": 120},
                "encoding": {
                    "x": {"field": "date", "type": "temporal", "title": "date"},
                    "y": {"field": "kind", "type": "nominal", "title": None},
                    "color": {"field": "status", "type": "nominal"},
                    "tooltip": [
                        {"field": "date", "type": "temporal"},
                        {"field": "kind"},
                        {"field": "who", "title": "participants"},
                        {"field": "place"},
                        {"field": "sources", "title": "stories"},
                    ],
                },
            }
        )
    if deadlines:
        layers.append(
            {
                "data": {"values": deadlines},
                "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#b00"},
                "encoding": {
                    "x": {"field": "date", "type": "temporal"},
                    "tooltip": [{"field": "date", "type": "temporal"}, {"field": "what"}],
                },
            }
        )
    return {
        "description": "Events of the negotiation over time; dashed lines are deadlines.",
        "width": "container",
        "height": 60 + 30 * len({e["kind"] for e in events}),
        "layer": layers,
    }
