"""The answer of :func:`tariffscope.regime.resolve`: the duty on one entry, layer by layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from tariffscope.regime.schedule import MfnRate

__all__ = ["Component", "NotApplied", "Resolution"]


@dataclass(frozen=True)
class Component:
    """One layer of the duty: the MFN base or one measure."""

    measure: str
    title: str
    authority: str
    group: str
    rule: str
    rate: float
    nominal_rate: float | None
    share: float
    citation: str
    instrument: str
    status: str
    sources: tuple[str, ...] = ()
    programme: str | None = None
    special_code: str | None = None

    @property
    def rate_pct(self) -> float:
        return round(self.rate * self.share * 100, 6)

    def to_dict(self) -> dict[str, Any]:
        return {
            "measure": self.measure,
            "title": self.title,
            "authority": self.authority,
            "group": self.group,
            "rule": self.rule,
            "rate_pct": self.rate_pct,
            "nominal_rate_pct": None
            if self.nominal_rate is None
            else round(self.nominal_rate * 100, 6),
            "value_share": self.share,
            "citation": self.citation,
            "instrument": self.instrument,
            "status": self.status,
            "sources": list(self.sources),
            "programme": self.programme,
            "special_code": self.special_code,
        }


@dataclass(frozen=True)
class NotApplied:
    """A measure in effect whose scope covered the line, and why it did not apply."""

    measure: str
    reason: str


@dataclass(frozen=True)
class Resolution:
    """The total ad valorem duty on one entry and its components."""

    hts: str
    description: str
    origin: str
    entry_date: date
    as_known: date | None
    scenario: str | None
    mfn: MfnRate
    components: tuple[Component, ...]
    not_applied: tuple[NotApplied, ...] = ()
    warnings: tuple[str, ...] = ()
    claims: tuple[str, ...] = field(default=())
    preferences_available: tuple[dict[str, Any], ...] = ()

    @property
    def total(self) -> float:
        return sum(c.rate * c.share for c in self.components)

    @property
    def total_pct(self) -> float:
        return round(self.total * 100, 6)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of DESIGN.md (plus explanations)."""
        return {
            "hts": self.hts,
            "description": self.description,
            "origin": self.origin,
            "entry_date": self.entry_date.isoformat(),
            "as_known": None if self.as_known is None else self.as_known.isoformat(),
            "scenario": self.scenario,
            "claims": list(self.claims),
            "total_pct": self.total_pct,
            "mfn": {"text": self.mfn.text, "kind": self.mfn.kind},
            "components": [c.to_dict() for c in self.components],
            "not_applied": [{"measure": n.measure, "reason": n.reason} for n in self.not_applied],
            "preferences_available": [dict(item) for item in self.preferences_available],
            "warnings": list(self.warnings),
        }
