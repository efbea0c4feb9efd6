"""Economy-wide effects of a brief's outcomes (general equilibrium, tariffscope.impact).

The GE model compares the same laws as the partial-equilibrium numbers: every outcome against
the **reference** law (1 January 2025) and every outcome other than the status quo against its
**status quo** (the law on the story's date, or the law on the outcome's own later entry date
without it: :func:`tariffscope.report.scenarios.status_quo_spec`), each read as known on the
story's date. Each
comparison is solved at the model's own trade elasticity and at the lowest and highest of six
published estimates (:mod:`tariffscope.impact.ge_range`); the table keeps the central value and
the range. Rows are the two parties (the EU as the aggregate of its members) and the three
third countries whose real income moves most. The one-sector structural gravity model (69
countries, 2006) is the default because it solves in milliseconds; the multi-sector
Caliendo-Parro model (31 regions, 1993) is the alternative. A partner the model's data do not
have gives no table and the note "not computed: X is not in the GE data". An outcome whose
own change falls on goods in no sector of the model (the gravity model's flows are manufactures
only: a duty on fresh tomatoes or green coffee) is not solved against its status quo: its rows
there are absent and ``table.attrs["not_computed"]`` says why (:func:`outside_model`); an
outcome only part of whose goods the model holds says how much in ``attrs["partly_computed"]``.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import partial
from typing import Any

import pandas as pd

from tariffscope.errors import DataUnavailableError, NotCoveredError, TariffscopeError
from tariffscope.report.scenarios import OutcomeSpec, status_quo_spec

__all__ = ["GE_COLUMNS", "GE_METRICS", "economy_effects", "economy_function", "outside_model"]

logger = logging.getLogger(__name__)

#: Percent changes the brief shows, with what they mean.
GE_METRICS: dict[str, str] = {
    "real_gdp_pct": "real GDP (gravity: real output; Caliendo-Parro: real wage), % change",
    "welfare_pct": "real income, % change (positive = gain)",
    "exports_pct": "exports to all countries, % change",
    "imports_pct": "imports from all countries, % change",
    "exports_to_usa_pct": "exports to the United States, % change",
}
#: Columns of the economy table (each metric also has ``_low`` and ``_high``).
GE_COLUMNS: tuple[str, ...] = (
    "outcome",
    "outcome_key",
    "comparison",
    "compared_with",
    "country",
    "role",
    *(f"{m}{s}" for m in GE_METRICS for s in ("", "_low", "_high")),
)


#: Metadata of one solve that the table's rows state instead (dates, scenario, elasticity).
_PER_SOLVE = ("scenario", "entry_date", "reference_date", "as_known", "elasticity")


def _status_quo(specs: Sequence[OutcomeSpec]) -> OutcomeSpec | None:
    for spec in specs:
        if spec.key == "law":
            return spec
    return None


def _runs(model: str) -> tuple[dict[str, float | None], str]:
    from tariffscope.impact.ge_range import trade_elasticity_range

    try:
        span = trade_elasticity_range()
    except DataUnavailableError as error:
        logger.warning("GE results without a range over trade elasticities: %s", error)
        return {"central": None}, "no range over trade elasticities (source files missing)"
    return span.runs(model), span.describe()


#: Below this part of an outcome's goods in the model's sectors, the brief says how much.
_WHOLE = 0.995


def outside_model(spec: OutcomeSpec, model: str) -> tuple[float, str] | None:
    """The part (0 to 1) of an outcome's own goods the GE model has a sector for, and the goods.

    The goods are the lines the outcome's scenario adds, enacts or removes a measure on; the
    part is their 2024 US imports from the measures' targets (every partner where a target has
    none) in a sector of the model. None when the model holds all of them (a measure on all
    goods, a law outcome without a scenario) or they had no 2024 imports at all.
    """
    from tariffscope.domain.countries import expand_targets
    from tariffscope.impact.economy_wide import model_concordance
    from tariffscope.impact.law_tariffs import scope_in_sectors
    from tariffscope.regime import default_catalog

    scenario = spec.scenario
    if scenario is None:
        return None
    known = default_catalog().by_id
    measures = [
        *scenario.add,
        *(known[i] for i in (*scenario.enact, *scenario.remove) if i in known),
    ]
    if not measures or any(m.scope.all_products for m in measures):
        return None
    origins = sorted(expand_targets(t for m in measures for t in m.targets))
    held = scope_in_sectors(
        model_concordance(model),  # type: ignore[arg-type]
        [m.scope.mask for m in measures],
        origins,
    ).share
    if held is None or held >= _WHOLE:
        return None
    goods = "; ".join(dict.fromkeys(_goods(m) for m in measures))
    return held, goods


def _goods(measure: Any) -> str:
    return str(measure.scope.description or measure.title)


def _not_computed(
    specs: Sequence[OutcomeSpec], model: str
) -> tuple[dict[str, str], dict[str, str]]:
    """Outcomes whose own goods the model does not hold (reason), or holds in part (note)."""
    from tariffscope.impact.economy_wide import MODELS

    sectors = MODELS[model]["sectors"]
    none: dict[str, str] = {}
    part: dict[str, str] = {}
    for spec in specs:
        found = outside_model(spec, model)
        if found is None:
            continue
        held, goods = found
        if held == 0.0:
            none[spec.key] = (
                f"not computed: the {model} model has no sector for the goods of "
                f"'{spec.label}' ({goods}): its sectors are {sectors}; the "
                "partial-equilibrium result stands"
            )
        else:
            part[spec.key] = (
                f"partly computed: the {model} model holds {100.0 * held:.0f}% of the 2024 US "
                f"imports of the goods of '{spec.label}' ({goods}) in its sectors "
                f"({sectors}); the change on the rest is not in the general-equilibrium "
                "numbers"
            )
    return none, part


def _solve_all(
    specs: Sequence[OutcomeSpec],
    model: str,
    runs: dict[str, float | None],
    skip: frozenset[str] = frozenset(),
) -> tuple[list[tuple[OutcomeSpec, str, str, dict[str, pd.DataFrame]]], dict[str, Any]]:
    """Every (outcome, comparison) at every elasticity: frames indexed by country; the
    outcomes in ``skip`` only against the reference."""
    from tariffscope.impact.economy_wide import effects_between, us_tariffs
    from tariffscope.impact.pe.law import DEFAULT_REFERENCE_DATE

    as_known = specs[0].as_known
    status_quo = _status_quo(specs)
    reference = us_tariffs(model, DEFAULT_REFERENCE_DATE, as_known=as_known)  # type: ignore[arg-type]
    laws: dict[tuple[str, str], Any] = {}

    def law(spec: OutcomeSpec) -> Any:
        key = (spec.entry_date.isoformat(), spec.key if spec.scenario is not None else "")
        if key not in laws:
            laws[key] = us_tariffs(
                model,  # type: ignore[arg-type]
                spec.entry_date,
                scenario=spec.scenario,
                as_known=spec.as_known,
            )
        return laws[key]

    pairs = [
        (spec, "reference", f"the law of {DEFAULT_REFERENCE_DATE}", reference) for spec in specs
    ]
    for spec in specs:
        base = status_quo_spec(spec, specs)
        if base is None or spec.key in skip:
            continue
        against = f"the law on {base.entry_date.isoformat()}"
        if base is not status_quo:
            against += " without the outcome"
        pairs.append((spec, "status_quo", against, law(base)))
    solved = []
    metadata: dict[str, Any] = {}
    for spec, comparison, against, before in pairs:
        frames = {}
        for name, value in runs.items():
            effects = effects_between(
                before,
                law(spec),
                model=model,  # type: ignore[arg-type]
                scenario=spec.scenario,
                label=spec.label,
                elasticity=value,
            )
            frames[name] = effects.countries.set_index("country")
            if name == "central":
                metadata = dict(effects.metadata)
        solved.append((spec, comparison, against, frames))
    return solved, metadata


def _table(
    solved: list[tuple[OutcomeSpec, str, str, dict[str, pd.DataFrame]]],
    parties: Sequence[str],
    model_data: str,
) -> pd.DataFrame:
    from tariffscope.impact.ge_select import check_parties, country_rows, select_countries

    central = [frames["central"] for *_, frames in solved]
    check_parties(parties, list(central[0].index), model_data)
    third = select_countries(central, parties, top_third=3, rank_by="effect")
    codes = [*parties, *third]
    rows = []
    for spec, comparison, against, frames in solved:
        picked = {
            name: country_rows(f, codes, list(GE_METRICS), parties) for name, f in frames.items()
        }
        for code in codes:
            row: dict[str, Any] = {
                "outcome": spec.label,
                "outcome_key": spec.key,
                "comparison": comparison,
                "compared_with": against,
                "country": code,
                "role": "party" if code in parties else "third",
            }
            for metric in GE_METRICS:
                by_run = {
                    n: float(p[metric].to_numpy(dtype=float)[codes.index(code)])
                    for n, p in picked.items()
                }
                values = list(by_run.values())
                row[metric] = by_run["central"]
                row[f"{metric}_low"] = min(values)
                row[f"{metric}_high"] = max(values)
            rows.append(row)
    return pd.DataFrame(rows, columns=list(GE_COLUMNS))


def _partner_share(frame: pd.DataFrame, partner: str) -> float | None:
    """The partner's share of US imports in the model at the start of the solve (percent)."""
    from tariffscope.impact.ge_select import country_rows

    levels = ["exports_to_usa_baseline", "imports_baseline"]
    rows = country_rows(frame, [partner], levels, ("USA", partner))
    partner_to_us = rows["exports_to_usa_baseline"].iloc[0]
    us_imports = frame["imports_baseline"].get("USA")
    if us_imports is None or not us_imports:
        return None
    return 100.0 * float(partner_to_us) / float(us_imports)


def _members_note(partner: str, known: Sequence[str]) -> str:
    """Which members a group partner (the EU, a bloc) stands for in the model's data."""
    from tariffscope.domain.blocs import members_of
    from tariffscope.domain.countries import country_name

    group = members_of(partner)
    if group is None:
        return ""
    held = sorted(group & set(known))
    if len(held) == len(group):
        return ""
    return (
        f" {country_name(partner)} is the aggregate of the {len(held)} of its {len(group)} "
        f"members in the model's data ({', '.join(held)}); the others are not in it."
    )


def economy_effects(
    specs: Sequence[OutcomeSpec], partner: str, *, model: str = "gravity"
) -> tuple[pd.DataFrame | None, str]:
    """Real GDP, welfare and trade changes by outcome and comparison; a table and a note.

    ``table.attrs["metadata"]`` describes the model (base year, regions, data, elasticities),
    the range of trade elasticities and the columns.
    """
    from tariffscope.impact.economy_wide import MODELS
    from tariffscope.impact.pe.law import DEFAULT_REFERENCE_DATE as REFERENCE

    if not specs:
        return None, "no outcome to compute economy-wide effects for"
    spec_model = MODELS[model]
    model_data = f"{model} model: {spec_model['regions']}, base year {spec_model['base_year']}"
    runs, span = _runs(model)
    try:
        missing, partly = _not_computed(specs, model)
        solved, metadata = _solve_all(specs, model, runs, frozenset(missing))
        table = _table(solved, ("USA", partner), model_data)
    except NotCoveredError as error:
        return None, error.one_line()
    except TariffscopeError as error:
        return None, f"economy-wide effects not computed: {error.one_line()}"
    share = _partner_share(solved[0][3]["central"], partner)
    own = (
        "the paper's sector elasticities"
        if model == "cp"
        else f"trade elasticity {6.0:g} (sigma 7, the Advanced Guide's)"
    )
    table.attrs["metadata"] = {
        **{k: v for k, v in metadata.items() if k not in _PER_SOLVE},
        "central_elasticity": own,
        "partner_share_of_us_imports_pct": share,
        "elasticity_range": span,
        "columns": {
            **{m: text for m, text in GE_METRICS.items()},
            "*_low, *_high": "lowest and highest value over the low, central and high trade "
            "elasticities",
        },
    }
    table.attrs["not_computed"] = [
        {"outcome_key": s.key, "outcome": s.label, "comparison": "status_quo", "reason": why}
        for s in specs
        if (why := missing.get(s.key))
    ]
    table.attrs["partly_computed"] = [
        {"outcome_key": s.key, "outcome": s.label, "comparison": "status_quo", "reason": why}
        for s in specs
        if (why := partly.get(s.key))
    ]
    note = (
        f"General equilibrium ({spec_model['name']}; {spec_model['regions']}; data of "
        f"{spec_model['base_year']}): each outcome against the law of {REFERENCE} (reference) "
        "and against its status quo (the law on the story's date, or on the outcome's own "
        "later entry date without it), the same comparisons as the "
        f"partial-equilibrium numbers; % changes at {own}, with the range over the {span}."
        + _members_note(partner, list(solved[0][3]["central"].index))
    )
    return table, note


def economy_function(model: str) -> partial[tuple[pd.DataFrame | None, str]]:
    """:func:`economy_effects` with the model chosen."""
    return partial(economy_effects, model=model)
