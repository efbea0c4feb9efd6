"""Preference programmes of the HTS Special column (FTAs, GSP, AGOA, ...) as catalog data.

Each record of ``catalog/programmes.yaml`` (validated by the ``programme`` definition of
``schema.json``) names a programme of general note 3(c)(i): the claim users make for it (its
``id``, one namespace with the catalog's other claims), the Special column codes it owns, its
legal source, the countries whose goods are eligible and from when, expiries and lapses, and
whether it is origin-independent (civil aircraft, pharmaceuticals, dye intermediates apply to
goods of any column 1 country).

:meth:`Programme.ineligibility` answers whether goods of one origin entered on one date can
claim the programme (None) or why not. The rates come from the schedule's Special column
(:meth:`tariffscope.regime.schedule.Schedule.special_rates`); a programme whose preference is
in chapter 98 rather than in the Special column (Haiti HOPE/HELP apparel) names its products
and rate in ``chapter98``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tariffscope.domain.countries import is_country
from tariffscope.errors import CatalogError
from tariffscope.regime._catalog_io import read_yaml, validate
from tariffscope.regime._special_text import PROGRAMME_CODES
from tariffscope.regime.scope import normalize_prefix

__all__ = [
    "Chapter98",
    "CountryPeriod",
    "Lapse",
    "Programme",
    "load_programmes",
    "parse_programme",
]


@dataclass(frozen=True)
class CountryPeriod:
    """Goods of ``country`` may claim the programme for entries in ``[start, end)``."""

    country: str
    start: date
    end: date | None = None
    note: str = ""

    def covers(self, entry_date: date) -> bool:
        return self.start <= entry_date and (self.end is None or entry_date < self.end)


@dataclass(frozen=True)
class Lapse:
    """A period in which the programme had lapsed, later restored with retroactive effect.

    Read as known before ``restored_published``, entries in ``[start, end)`` get no
    preference; read as the law applies today, the restoration covers them.
    """

    start: date
    end: date
    restored_published: date | None
    note: str = ""

    def applies(self, entry_date: date, as_known: date | None) -> bool:
        if not self.start <= entry_date < self.end:
            return False
        if self.restored_published is None:
            return True
        return as_known is not None and as_known < self.restored_published


@dataclass(frozen=True)
class Chapter98:
    """A preference granted by chapter 98 provisions rather than the Special column.

    ``countries`` limits it to goods of those countries (empty: every eligible country); on a
    line whose Special column gives the programme only by reference, it prices the reference
    for them (USMCA: goods of Mexico under 9823.01.01-9823.08.01, free and with no quota).
    """

    prefixes: tuple[str, ...]
    rate: float
    provisions: str
    note: str = ""
    countries: tuple[str, ...] = ()

    def applies_to(self, origin: str | None) -> bool:
        """True when goods of ``origin`` (None: any, unnamed) get the provision."""
        return not self.countries or origin in self.countries


@dataclass(frozen=True)
class Programme:
    """One special tariff treatment programme of the HTS.

    Attributes
    ----------
    id
        The claim name (``korus``, ``usmca``, ``civil_aircraft``).
    name
        The programme's name.
    codes
        Its Special column codes (``("S", "S+")``); empty for chapter 98 programmes.
    general_note, statute, sources
        Legal source: the HTS general note, the statute or instrument, source URLs.
    start, end
        Entries in ``[start, end)`` can claim it (``end`` None: open-ended).
    origin_independent
        True when goods of any column 1 country qualify (no country list).
    countries
        The eligible countries and their periods.
    lapses
        Lapses restored retroactively (see :class:`Lapse`).
    chapter98
        A preference in chapter 98 provisions, or None.
    under_measures
        How the 2025-2026 measures treat goods qualifying under the programme.
    """

    id: str
    name: str
    codes: tuple[str, ...]
    general_note: str
    statute: str
    sources: tuple[str, ...]
    start: date
    end: date | None
    origin_independent: bool
    countries: tuple[CountryPeriod, ...] = ()
    lapses: tuple[Lapse, ...] = ()
    chapter98: Chapter98 | None = None
    under_measures: str = ""
    notes: str = ""

    @property
    def citation(self) -> str:
        """``"HTSUS general note 33; Pub. L. 112-41"``."""
        parts = [f"HTSUS general note {self.general_note}" if self.general_note else ""]
        return "; ".join(filter(None, [*parts, self.statute]))

    @property
    def eligible_countries(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(period.country for period in self.countries))

    def ineligibility(
        self,
        origin: str,
        entry_date: date,
        *,
        as_known: date | None = None,
        column2: bool = False,
    ) -> str | None:
        """None when goods of ``origin`` entered on ``entry_date`` can claim the programme;
        otherwise the reason, in words."""
        refusal = self._refusal(origin, entry_date, as_known, column2)
        return None if refusal is None else refusal()

    def can_claim(
        self,
        origin: str,
        entry_date: date,
        *,
        as_known: date | None = None,
        column2: bool = False,
    ) -> bool:
        """Whether :meth:`ineligibility` is None, without writing the reason (the law engine
        asks this for every origin and programme: the reason lists the eligible countries)."""
        return self._refusal(origin, entry_date, as_known, column2) is None

    def _refusal(
        self, origin: str, entry_date: date, as_known: date | None, column2: bool
    ) -> Callable[[], str] | None:
        """None when the programme can be claimed, else what writes the reason."""
        if entry_date < self.start:
            return lambda: f"{self.name} starts on {self.start.isoformat()}"
        if self.end is not None and entry_date >= self.end:
            end = self.end
            return lambda: f"{self.name} ended for entries from {end.isoformat()}"
        for lapse in self.lapses:
            if lapse.applies(entry_date, as_known):
                return lambda: (
                    f"{self.name} had lapsed from {lapse.start.isoformat()} (restored on "
                    f"{lapse.restored_published}, after the as-known date)"
                )
        if self.origin_independent:
            if column2:
                return lambda: (
                    f"{origin} pays the column 2 rates (general note 3(b)); no Special rate"
                )
            return None
        periods = [period for period in self.countries if period.country == origin]
        if not periods:
            return lambda: (
                f"{origin} is not a {self.name} country (eligible: "
                f"{', '.join(self.eligible_countries) or 'none encoded'})"
            )
        if not any(period.covers(entry_date) for period in periods):
            return lambda: (
                f"{origin} is eligible for {self.name} only for entries "
                + ", ".join(
                    f"{p.start.isoformat()} to {p.end.isoformat() if p.end else 'open'}"
                    for p in periods
                )
            )
        return None


def _date(value: Any, where: str) -> date:
    try:
        return value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        raise CatalogError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from None


def _optional_date(value: Any, where: str) -> date | None:
    return None if value is None else _date(value, where)


def parse_programme(record: Mapping[str, Any], *, where: str, is_country: Any = None) -> Programme:
    """Build a :class:`Programme` from one schema-valid record of ``programmes.yaml``.

    ``is_country`` checks ISO3 codes (the catalog passes
    :func:`tariffscope.domain.countries.is_country`).

    Raises
    ------
    CatalogError
        For an unknown Special column code or country, dates out of order, an
        origin-independent programme with a country list, or neither codes nor chapter98.
    """
    here = f"{where} (programme {record['id']})"
    unknown = [code for code in record.get("codes", []) if code not in PROGRAMME_CODES]
    if unknown:
        raise CatalogError(f"{here}: unknown Special column code {unknown[0]!r}")
    countries = []
    for item in record.get("countries", []) or []:
        code = item["country"]
        if is_country is not None and not is_country(code):
            raise CatalogError(f"{here}: {code!r} is not an ISO3 country")
        period = CountryPeriod(
            code,
            _date(item["from"], here),
            _optional_date(item.get("to"), here),
            item.get("note", ""),
        )
        if period.end is not None and period.end <= period.start:
            raise CatalogError(f"{here}: {code} period ends before it starts")
        countries.append(period)
    origin_independent = bool(record.get("origin_independent", False))
    if origin_independent and countries:
        raise CatalogError(f"{here}: an origin-independent programme lists no countries")
    chapter98 = None
    if (spec := record.get("chapter98")) is not None:
        try:
            prefixes = tuple(normalize_prefix(p) for p in spec["products"])
        except ValueError as error:
            raise CatalogError(f"{here}: chapter98.products: {error}") from None
        only = tuple(spec.get("countries", []) or [])
        for code in only:
            if is_country is not None and not is_country(code):
                raise CatalogError(f"{here}: chapter98.countries: {code!r} is not an ISO3 country")
        chapter98 = Chapter98(
            prefixes,
            float(spec["rate_pct"]) / 100,
            spec["provisions"],
            spec.get("note", ""),
            only,
        )
    if not record.get("codes") and chapter98 is None:
        raise CatalogError(f"{here}: a programme needs Special column codes or chapter98")
    start = _date(record["effective_from"], here)
    end = _optional_date(record.get("effective_to"), here)
    if end is not None and end <= start:
        raise CatalogError(f"{here}: effective_to is not after effective_from")
    lapses = tuple(
        Lapse(
            _date(item["from"], here),
            _date(item["to"], here),
            _optional_date(item.get("restored_published"), here),
            item.get("note", ""),
        )
        for item in record.get("lapses", []) or []
    )
    return Programme(
        id=record["id"],
        name=record["name"],
        codes=tuple(record.get("codes", [])),
        general_note=str(record.get("general_note", "")),
        statute=record.get("statute", ""),
        sources=tuple(record["sources"]),
        start=start,
        end=end,
        origin_independent=origin_independent,
        countries=tuple(countries),
        lapses=lapses,
        chapter98=chapter98,
        under_measures=record.get("under_measures", ""),
        notes=record.get("notes", ""),
    )


def load_programmes(path: Path) -> dict[str, Programme]:
    """The programmes of ``programmes.yaml`` by id (none when the file is absent)."""
    if not path.exists():
        return {}
    records = read_yaml(path) or []
    if not isinstance(records, list):
        raise CatalogError(f"{path.name}: expected a list of programme records")
    programmes: dict[str, Programme] = {}
    for index, record in enumerate(records):
        where = f"{path.name} record {index + 1}"
        validate(record, "programme", where)
        programme = parse_programme(record, where=where, is_country=is_country)
        if programme.id in programmes:
            raise CatalogError(f"{where}: programme {programme.id!r} is defined twice")
        programmes[programme.id] = programme
    codes = [code for programme in programmes.values() for code in programme.codes]
    twice = sorted({code for code in codes if codes.count(code) > 1} - _SHARED_CODES)
    if twice:
        raise CatalogError(f"{path.name}: Special column code {twice[0]!r} in two programmes")
    return programmes


# GSP codes are claimed by GSP and, for AGOA beneficiaries, by AGOA (CBP CSMS 14-000601).
_SHARED_CODES = frozenset({"A", "A*", "A+"})
