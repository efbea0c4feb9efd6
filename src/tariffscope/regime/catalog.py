"""The measure catalog: loading, schema validation and consistency checks.

The catalog is data, in ``regime/catalog/``:

``catalog.yaml``
    Coverage, the stacking groups (each with its authority) and the claims a user can make
    about an entry (transshipped, over quota, ...).
``programmes.yaml``
    The preference programmes of the HTS Special column (USMCA, KORUS, GSP, civil aircraft,
    ...); each programme's id is a claim too (one namespace with the claims of catalog.yaml).
``measures/*.yaml``
    One record per measure (see ``schema.json`` and docs/tariff-law.md).
``stacking.yaml``
    Exclusion rules between groups ("reciprocal duties do not apply to Section 232 goods").
``products/*.csv``
    Product lists named by records (HTS prefixes, one per row), derived from public sources
    as their PROVENANCE notes say.

Every file is validated when it loads; an inconsistent catalog raises :class:`CatalogError`
naming the file and the record.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tariffscope.domain.countries import EUN, WLD, expand_targets, is_country
from tariffscope.errors import CatalogError
from tariffscope.regime._catalog_io import (
    CATALOG_DIR,
    as_date,
    plain,
    read_product_list,
    read_yaml,
    validate,
)
from tariffscope.regime.measures import ENACTED_STATUSES, Measure
from tariffscope.regime.programmes import Programme, load_programmes
from tariffscope.regime.scope import ChildrenOf, ProductScope, normalize_prefix

__all__ = [
    "Catalog",
    "ExclusionRule",
    "Gap",
    "GroupInfo",
    "Parameter",
    "catalog_dir",
    "load_catalog",
    "parse_measure",
]


def catalog_dir() -> Path:
    """The folder holding the catalog's data files."""
    return CATALOG_DIR


@dataclass(frozen=True)
class GroupInfo:
    """A stacking group: measures of one group replace each other; groups add up."""

    name: str
    authority: str
    label: str


@dataclass(frozen=True)
class ExclusionRule:
    """When any group in ``present`` applies to an entry, the groups in ``drop`` do not.

    If the present group's measure is charged on metal content only, the dropped groups are
    charged on the rest of the value instead of being dropped (HTS ch. 99 note 2(v)(vi)-(ix)).
    """

    id: str
    present: tuple[str, ...]
    drop: tuple[str, ...]
    effective_from: date | None
    effective_to: date | None
    origins: frozenset[str]
    citation: str
    note: str

    def in_effect(self, entry_date: date, origin: str) -> bool:
        if self.effective_from is not None and entry_date < self.effective_from:
            return False
        if self.effective_to is not None and entry_date >= self.effective_to:
            return False
        return not self.origins or origin in self.origins


@dataclass(frozen=True)
class Gap:
    """Something the catalog knowingly leaves out, said as a warning where it matters."""

    id: str
    message: str
    origins: frozenset[str] = frozenset()
    effective_from: date | None = None
    effective_to: date | None = None

    def relevant(self, origin: str, entry_date: date) -> bool:
        if self.origins and origin not in self.origins:
            return False
        if self.effective_from is not None and entry_date < self.effective_from:
            return False
        return self.effective_to is None or entry_date < self.effective_to


@dataclass(frozen=True)
class Parameter:
    """A number the law leaves to the entry (e.g. a vehicle's US content), with the default
    the catalog uses when the user gives none and where that default comes from."""

    name: str
    value: float
    source: str
    note: str = ""


@dataclass(frozen=True)
class Catalog:
    """All measures, groups, claims and exclusion rules, validated."""

    version: str
    coverage_start: date
    coverage_end: date
    coverage_note: str
    measures: tuple[Measure, ...]
    groups: Mapping[str, GroupInfo]
    claims: Mapping[str, str]
    rules: tuple[ExclusionRule, ...]
    status_notes: Mapping[str, str] = field(default_factory=dict)
    gaps: tuple[Gap, ...] = ()
    column2: Mapping[str, date] = field(default_factory=dict)
    programmes: Mapping[str, Programme] = field(default_factory=dict)
    parameters: Mapping[str, Parameter] = field(default_factory=dict)

    def eligible_programmes(
        self, origin: str, entry_date: date, *, as_known: date | None = None
    ) -> tuple[Programme, ...]:
        """The preference programmes goods of ``origin`` entered on ``entry_date`` can claim."""
        column2 = self.pays_column2(origin, entry_date)
        return tuple(
            programme
            for programme in self.programmes.values()
            if programme.can_claim(origin, entry_date, as_known=as_known, column2=column2)
        )

    def effective_claims(
        self,
        claims: frozenset[str],
        origin: str,
        entry_date: date,
        *,
        as_known: date | None = None,
    ) -> frozenset[str]:
        """``claims`` without the programme claims goods of ``origin`` cannot make then.

        A claim of a programme the origin is not eligible for changes nothing for that origin
        (neither the base rate nor the measures conditioned on the claim).
        """
        column2 = self.pays_column2(origin, entry_date)
        return frozenset(
            claim
            for claim in claims
            if claim not in self.programmes
            or self.programmes[claim].can_claim(
                origin, entry_date, as_known=as_known, column2=column2
            )
        )

    def pays_column2(self, origin: str, entry_date: date) -> bool:
        """Whether goods of ``origin`` entered on ``entry_date`` pay the HTS Column 2 rates."""
        start = self.column2.get(origin)
        return start is not None and entry_date >= start

    def measure(self, measure_id: str) -> Measure:
        for item in self.measures:
            if item.id == measure_id:
                return item
        from tariffscope.errors import UnknownCodeError

        raise UnknownCodeError(
            f"unknown measure {measure_id!r}",
            hint="`tariffscope measures` lists the catalog's measure ids",
        )

    @property
    def by_id(self) -> dict[str, Measure]:
        return {item.id: item for item in self.measures}

    def with_measures(self, measures: Sequence[Measure]) -> Catalog:
        """A copy of the catalog with another measure list (used by scenarios)."""
        return Catalog(
            self.version,
            self.coverage_start,
            self.coverage_end,
            self.coverage_note,
            tuple(measures),
            self.groups,
            self.claims,
            self.rules,
            self.status_notes,
            self.gaps,
            self.column2,
            self.programmes,
            self.parameters,
        )


def _scope(
    spec: Mapping[str, Any],
    where: str,
    lists: Mapping[str, tuple[str, ...]],
    children: ChildrenOf | None,
) -> ProductScope:
    def prefixes(key: str, list_key: str) -> list[str]:
        out: list[str] = []
        for raw in spec.get(key, []) or []:
            try:
                out.append(normalize_prefix(raw))
            except ValueError as error:
                raise CatalogError(f"{where}: products.{key}: {error}") from None
        for name in spec.get(list_key, []) or []:
            if name not in lists:
                raise CatalogError(f"{where}: products.{list_key} names unknown list {name!r}")
            out.extend(lists[name])
        return out

    include = prefixes("include", "lists")
    all_products = bool(spec.get("all", False))
    if all_products == bool(include):
        raise CatalogError(f"{where}: products must set either all: true or include/lists")
    names = tuple(spec.get("lists", []) or []) + tuple(spec.get("exclude_lists", []) or [])
    return ProductScope.build(
        all_products=all_products,
        include=include,
        exclude=prefixes("exclude", "exclude_lists"),
        children_of=children,
        description=str(spec.get("note", "")),
        list_names=names,
    )


def _targets(codes: Iterable[str], where: str) -> frozenset[str]:
    out = frozenset(codes)
    for code in out:
        if code not in (EUN, WLD) and not is_country(code):
            raise CatalogError(f"{where}: target {code!r} is not an ISO3 country, EUN or WLD")
    return out


def parse_measure(
    record: Mapping[str, Any],
    *,
    where: str,
    lists: Mapping[str, tuple[str, ...]],
    children: ChildrenOf | None = None,
) -> Measure:
    """Build a :class:`Measure` from one validated YAML record."""
    record = plain(dict(record))
    validate(record, "measure", where)
    measure_id = record["id"]
    here = f"{where} (measure {measure_id})"
    targets = _targets(record["targets"], here)
    excepted = _targets(record.get("except_targets", []), here)
    exempts = record.get("exempts", {}) or {}
    rate_pct = record.get("rate_pct")
    return Measure(
        id=measure_id,
        title=record["title"],
        authority=str(record["authority"]),
        instrument=record["instrument"],
        citation=record.get("citation", ""),
        sources=tuple(record["sources"]),
        announced_date=as_date(record.get("announced_date"), here),
        published_date=as_date(record["published_date"], here) or date.min,
        effective_from=as_date(record.get("effective_from"), here),
        effective_to=as_date(record.get("effective_to"), here),
        targets=targets,
        members=expand_targets(targets),
        except_targets=expand_targets(excepted),
        group=record["group"],
        rule=record["rule"],
        status=record["status"],
        rate=None if rate_pct is None else float(rate_pct) / 100.0,
        scope=_scope(record["products"], here, lists, children),
        supersedes=tuple(record.get("supersedes", [])),
        end_set_by=record.get("end_set_by"),
        exempts_groups=tuple(exempts.get("groups", [])),
        exempts_measures=tuple(exempts.get("measures", [])),
        requires_claims=tuple(record.get("requires_claims", [])),
        unless_claims=tuple(record.get("unless_claims", [])),
        basis=record.get("basis", "full_value"),
        priority=int(record.get("priority", 0)),
        notes=record.get("notes", ""),
        warning=record.get("warning", ""),
        source_row=record.get("source_row", ""),
    )


def _check_measure(measure: Measure, catalog: Catalog, ids: set[str]) -> None:
    where = f"measure {measure.id}"
    group = catalog.groups.get(measure.group)
    if group is None:
        raise CatalogError(f"{where}: group {measure.group!r} is not declared in catalog.yaml")
    if group.authority != measure.authority and not measure.is_switch:
        raise CatalogError(
            f"{where}: authority {measure.authority} differs from its group's ({group.authority})"
        )
    if measure.status in ENACTED_STATUSES and measure.effective_from is None:
        raise CatalogError(f"{where}: an enacted measure needs effective_from")
    if (
        measure.effective_from is not None
        and measure.effective_to is not None
        and measure.effective_to < measure.effective_from
    ):
        raise CatalogError(f"{where}: effective_to is before effective_from")
    if measure.is_switch:
        if not (measure.exempts_groups or measure.exempts_measures):
            raise CatalogError(
                f"{where}: an {measure.rule} must name the groups or measures it switches off"
            )
    elif measure.rate is None and measure.status in ENACTED_STATUSES and measure.rule != "quota":
        raise CatalogError(f"{where}: a {measure.rule} measure needs rate_pct")
    if measure.basis == "non_us_content" and "us_content_share" not in catalog.parameters:
        raise CatalogError(f"{where}: basis non_us_content needs the parameter us_content_share")
    for other in (
        *measure.supersedes,
        *measure.exempts_measures,
        *([measure.end_set_by] if measure.end_set_by else []),
    ):
        if other not in ids:
            raise CatalogError(f"{where}: refers to unknown measure {other!r}")
    for name in measure.exempts_groups:
        if name not in catalog.groups:
            raise CatalogError(f"{where}: exempts unknown group {name!r}")
    for claim in (*measure.requires_claims, *measure.unless_claims):
        if claim not in catalog.claims:
            raise CatalogError(f"{where}: unknown claim {claim!r} (declare it in catalog.yaml)")


def _overlap(a: Measure, b: Measure) -> bool:
    def span(m: Measure) -> tuple[date, date]:
        return (m.effective_from or date.min, m.effective_to or date.max)

    (a0, a1), (b0, b1) = span(a), span(b)
    if not (a0 < b1 and b0 < a1):
        return False
    shared_targets = ("WLD" in a.members or "WLD" in b.members) or bool(a.members & b.members)
    same_products = (a.scope.all_products and b.scope.all_products) or (
        a.scope.list_names and a.scope.list_names == b.scope.list_names
    )
    return bool(shared_targets and same_products)


def check_ties(measures: Sequence[Measure]) -> None:
    """Raise when two enacted measures of one group could claim the same entry with equal rank.

    Equal rank means same priority, target specificity and product specificity; such pairs
    must be ordered with ``supersedes`` (or by dates that do not overlap).
    """
    from tariffscope.regime.measures import target_specificity

    by_group: dict[str, list[Measure]] = {}
    for measure in measures:
        if measure.status in ENACTED_STATUSES and not measure.is_switch:
            by_group.setdefault(measure.group, []).append(measure)
    for members in by_group.values():
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                rank_a = (a.priority, target_specificity(a.targets), a.scope.specificity)
                rank_b = (b.priority, target_specificity(b.targets), b.scope.specificity)
                ordered = a.id in b.supersedes or b.id in a.supersedes
                if rank_a == rank_b and not ordered and _overlap(a, b):
                    raise CatalogError(
                        f"measures {a.id} and {b.id} (group {a.group}) overlap in dates, targets "
                        "and products with equal rank",
                        hint="add supersedes to one of them or correct their dates",
                    )


def _load_rules(path: Path) -> tuple[ExclusionRule, ...]:
    raw = read_yaml(path) or {}
    rules = []
    for index, item in enumerate(raw.get("rules", [])):
        where = f"{path.name} rule {item.get('id', index)}"
        validate(item, "exclusion_rule", where)
        rules.append(
            ExclusionRule(
                id=item["id"],
                present=tuple(item["present"]),
                drop=tuple(item["drop"]),
                effective_from=as_date(item.get("effective_from"), where),
                effective_to=as_date(item.get("effective_to"), where),
                origins=expand_targets(item.get("origins", [])),
                citation=item.get("citation", ""),
                note=item.get("note", ""),
            )
        )
    return tuple(rules)


def load_catalog(directory: Path | None = None, *, children: ChildrenOf | None = None) -> Catalog:
    """Read, validate and cross-check the catalog in ``directory`` (default: the built-in one).

    Raises
    ------
    CatalogError
        Naming the file and record that breaks the schema or the catalog's own rules.
    """
    base = directory or CATALOG_DIR
    meta = read_yaml(base / "catalog.yaml")
    validate(meta, "catalog", "catalog.yaml")
    groups = {
        name: GroupInfo(name, str(info["authority"]), info["label"])
        for name, info in meta["groups"].items()
    }
    lists = {
        path.stem: read_product_list(path.stem, base / "products")
        for path in sorted((base / "products").glob("*.csv"))
    }
    measures: list[Measure] = []
    for path in sorted((base / "measures").glob("*.yaml")):
        records = read_yaml(path) or []
        if not isinstance(records, list):
            raise CatalogError(f"{path.name}: expected a list of measure records")
        for index, record in enumerate(records):
            where = f"{path.name} record {index + 1}"
            if not isinstance(record, dict):
                raise CatalogError(f"{where}: expected a mapping")
            measures.append(parse_measure(record, where=where, lists=lists, children=children))
    programmes = load_programmes(base / "programmes.yaml")
    clash = sorted(set(programmes) & set(meta["claims"]))
    if clash:
        raise CatalogError(
            f"claim {clash[0]!r} is both a programme (programmes.yaml) and a claim of"
            " catalog.yaml: programme ids and claims are one namespace"
        )
    catalog = Catalog(
        version=str(meta["version"]),
        coverage_start=as_date(meta["coverage"]["start"], "catalog.yaml") or date.min,
        coverage_end=as_date(meta["coverage"]["end"], "catalog.yaml") or date.max,
        coverage_note=meta["coverage"].get("note", ""),
        measures=tuple(measures),
        groups=groups,
        claims={**dict(meta["claims"]), **{p.id: p.name for p in programmes.values()}},
        rules=_load_rules(base / "stacking.yaml"),
        status_notes=dict(meta.get("status_notes", {})),
        gaps=tuple(
            Gap(
                id=item["id"],
                message=item["message"],
                origins=expand_targets(item.get("origins", [])),
                effective_from=as_date(item.get("effective_from"), "catalog.yaml gaps"),
                effective_to=as_date(item.get("effective_to"), "catalog.yaml gaps"),
            )
            for item in meta.get("gaps", [])
        ),
        column2={
            code: as_date(info["from"], "catalog.yaml column2_countries") or date.min
            for code, info in meta.get("column2_countries", {}).items()
        },
        programmes=programmes,
        parameters={
            name: Parameter(name, float(info["value"]), info["source"], info.get("note", ""))
            for name, info in meta.get("parameters", {}).items()
        },
    )
    ids = [measure.id for measure in measures]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise CatalogError(f"duplicate measure ids: {', '.join(duplicates)}")
    for measure in measures:
        _check_measure(measure, catalog, set(ids))
    for rule in catalog.rules:
        for name in (*rule.present, *rule.drop):
            if name not in groups:
                raise CatalogError(f"stacking.yaml rule {rule.id}: unknown group {name!r}")
    check_ties(measures)
    return catalog
