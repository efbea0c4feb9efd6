"""The notebook API (``import tariffscope``): every function, its records and its errors."""

from __future__ import annotations

import math
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import tariffscope
from tariffscope.errors import (
    InputError,
    MalformedInputError,
    NotCoveredError,
    ScenarioError,
    UnknownCodeError,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "examples" / "ishiba-bessent-2025-07-18.txt"


def _fresh_python(*lines: str) -> str:
    """What a new interpreter prints after running ``lines`` (nothing imported before)."""
    code = "import sys, tariffscope\n" + "\n".join(lines)
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return out.stdout.strip()


def test_import_tariffscope_loads_no_engine() -> None:
    printed = _fresh_python(
        "assert callable(tariffscope.rate) and callable(tariffscope.ge)",
        "heavy = [m for m in ('spacy', 'duckdb', 'pyfixest', 'scipy') if m in sys.modules]",
        "print(','.join(heavy))",
    )
    assert printed == ""


def test_the_top_level_names_are_the_apis() -> None:
    """``tariffscope`` lists no names of its own: ``__all__`` is the API's with the version,
    and a subpackage imported by name does not load the API."""
    from tariffscope import api

    assert tariffscope.__all__ == sorted(["__version__", *api.__all__])
    assert set(api.__all__) <= set(dir(tariffscope))
    printed = _fresh_python(
        "from tariffscope import errors, domain", "print('tariffscope.api' in sys.modules)"
    )
    assert printed == "False"


def test_every_documented_function_is_exported() -> None:
    for name in ("rate", "history", "measures", "etr", "extract", "brief", "simulate"):
        assert callable(getattr(tariffscope, name)), name
    for name in ("compare", "ge", "timeline", "negotiations", "claims", "briefs", "ingest"):
        assert callable(getattr(tariffscope, name)), name
    for name in ("etr_chart",):
        assert callable(getattr(tariffscope, name)), name
    with pytest.raises(AttributeError):
        _ = tariffscope.no_such_function  # type: ignore[attr-defined]


# -- the law -------------------------------------------------------------------------------


def test_rate_returns_the_layers_with_their_sources() -> None:
    result = tariffscope.rate("8703.23.01", origin="KOR", date="2025-08-15")
    assert result.origin == "KOR"
    assert math.isclose(result.total_pct, sum(c.rate_pct * c.share for c in result.components))
    assert all(c.citation or c.instrument for c in result.components)
    assert result.to_dict()["total_pct"] == result.total_pct


def test_rate_refuses_an_unknown_country_and_a_bad_date() -> None:
    with pytest.raises(UnknownCodeError):
        tariffscope.rate("8703.23.01", origin="XXQ", date="2025-08-15")
    with pytest.raises(MalformedInputError):
        tariffscope.rate("8703.23.01", origin="KOR", date="15/08/2025")


def test_rate_and_history_enact_catalog_threats() -> None:
    catalog = tariffscope.measures()
    threats = catalog[
        (catalog["status"] == "threatened")
        & catalog["effective_from"].notna()
        & catalog["targets"].map(lambda t: len(t) == 1 and t[0] != "WLD")
    ]
    assert len(threats) >= 2
    for threat in threats.itertuples():
        origin, day = threat.targets[0], threat.effective_from
        spec = f"enact:{threat.id}"
        enacted = tariffscope.rate("6109.10.00", origin=origin, date=day, scenario=spec)
        assert threat.id in [c.measure for c in enacted.components], threat.id
        assert enacted.to_dict()["scenario"] == spec
        changes = tariffscope.history("6109.10.00", origin=origin, end=day, scenario=spec)
        assert changes[-1].total_pct == enacted.total_pct
    with pytest.raises(ScenarioError, match="NO-SUCH"):
        tariffscope.rate("6109.10.00", origin="KOR", date="2025-08-15", scenario="enact:NO-SUCH")


def test_history_lists_changes_in_date_order() -> None:
    changes = tariffscope.history("8703.23.01", origin="DEU", start="2025-01-01", end="2025-12-31")
    dates = [c.date for c in changes]
    assert dates == sorted(dates) and len(dates) >= 2
    assert any(c.total_pct != c.previous_pct for c in changes[1:])


def test_measures_is_a_table_filtered_by_origin_and_date() -> None:
    every = tariffscope.measures()
    brazil = tariffscope.measures(origin="BRA", on="2025-09-01")
    assert isinstance(every, pd.DataFrame) and every.attrs["catalog_version"]
    assert {"id", "rate_pct", "citation", "status"} <= set(every.columns)
    assert 0 < len(brazil) < len(every)
    assert set(brazil["id"]) <= set(every["id"])
    assert "usmca" in tariffscope.claims()


def test_etr_one_day_and_its_errors() -> None:
    frame = tariffscope.etr(date="2025-03-01", partners=["CAN", "MEX"])
    assert set(frame["partner"]) == {"CAN", "MEX"}
    assert (frame["etr_pct"] >= 0).all()
    assert frame["duties_usd"].sum() / frame["imports_usd"].sum() > 0
    with pytest.raises(InputError, match="missing"):
        tariffscope.etr(start="2025-03-01")
    with pytest.raises(InputError, match="either"):
        tariffscope.etr(date="2025-03-01", start="2025-03-01", end="2025-03-02")


def test_etr_chart_draws_an_etr_frame() -> None:
    frame = tariffscope.etr(start="2025-03-01", end="2025-03-10", partners=["CAN", "MEX"])
    spec = tariffscope.etr_chart(frame, title="two partners")
    assert spec["title"] == "two partners" or spec["title"]["text"] == "two partners"
    drawn = {row["partner"] for rows in spec["datasets"].values() for row in rows}
    assert drawn == {"CAN", "MEX"}
    with pytest.raises(InputError, match="no rows"):
        tariffscope.etr_chart(frame.iloc[0:0])


# -- pricing -------------------------------------------------------------------------------


def test_simulate_prices_a_partner_and_compare_agrees() -> None:
    result = tariffscope.simulate(partner="VNM", date="2025-08-08", draws=0, top=5)
    assert result.meta["partner"] == "VNM" and result.meta["draws"] == 0
    change = result.headline_value("imports_focus_change_pct")
    assert change < 0  # the law of August 2025 taxes Vietnamese goods more than in January
    assert len(result.sectors) == 5
    both = tariffscope.compare(
        partner="VNM", cases=[("august", "2025-08-08"), "january,2025-01-01"], draws=0
    )
    assert [c.label for c in both.cases] == ["august", "january"]
    assert both.cases[0].headline_value("imports_focus_change_pct") == pytest.approx(change)
    assert both.cases[1].headline_value("imports_focus_change_pct") == pytest.approx(0, abs=1e-9)
    assert set(both.headlines()["outcome"]) == {"august", "january"}


def test_pricing_errors_are_input_errors_or_not_covered() -> None:
    with pytest.raises(NotCoveredError):
        tariffscope.simulate(partner="PRK", date="2025-08-08", draws=0)
    with pytest.raises(InputError, match="method"):
        tariffscope.simulate(partner="VNM", date="2025-08-08", draws=0, method="magic")
    with pytest.raises(InputError, match="importer"):
        tariffscope.simulate(partner="VNM", date="2025-08-08", importer="FRA", draws=0)
    with pytest.raises(InputError, match="metal_share"):
        tariffscope.simulate(partner="VNM", date="2025-08-08", metal_share=float("nan"))
    with pytest.raises(InputError, match="give date"):
        tariffscope.compare(partner="VNM", draws=0)


# -- general equilibrium: the user's own panel ---------------------------------------------


def synthetic_gravity_panel() -> tuple[pd.DataFrame, float]:
    """A synthetic two-year panel of five countries (names A..E) whose flows follow the PPML
    model exactly, with one international pair that never trades (PPML drops it)."""
    rng = np.random.default_rng(7)
    countries = list("ABCDE")
    beta = 0.4
    pair_effect = {(i, j): rng.normal(0, 0.5) for i in countries for j in countries}
    rows = []
    for year in (2000, 2010):
        out = {c: rng.normal(0, 0.3) for c in countries}
        inn = {c: rng.normal(0, 0.3) for c in countries}
        for i in countries:
            for j in countries:
                fta = int(i != j and {i, j} <= {"A", "B", "C"} and year == 2010)
                flow = math.exp(out[i] + inn[j] + pair_effect[(i, j)] + beta * fta)
                if (i, j) == ("D", "E"):
                    flow = 0.0
                fta_later = int(i != j and {i, j} <= {"A", "B", "C"})
                rows.append((i, j, year, 100 * flow, fta, fta_later))
    columns = ["exporter", "importer", "year", "trade", "fta", "fta_2010"]
    return pd.DataFrame(rows, columns=columns), beta


PANEL_FE = ("exporter^year", "importer^year", "exporter^importer")


def test_own_panel_end_to_end_with_a_dropped_pair() -> None:
    panel, beta = synthetic_gravity_panel()
    run = tariffscope.ge(
        panel=panel,
        covariates=["fta"],
        changes={"fta": "fta_2010"},
        year=2000,
        fixed_effects=PANEL_FE,
        sigma=5.0,
    )
    assert run.estimate.coefficients["fta"] == pytest.approx(beta, abs=1e-6)
    assert run.estimate.dropped == 2  # D->E in both years
    assert any("dropped 1 of 25 pairs" in w for w in run.warnings)
    d, e = run.baseline.index("D"), run.baseline.index("E")
    assert run.baseline.trade[d, e] == 0.0  # its observed flow
    assert run.diagnostics["converged"]
    gains = run.countries.set_index("country")["welfare_pct"]
    assert (gains[["A", "B", "C"]] > 0).all() and (gains[["D", "E"]] < 0).all()


def test_pair_effects_are_reachable_and_identified_in_double_differences() -> None:
    panel, _ = synthetic_gravity_panel()
    run = tariffscope.ge(
        panel=panel, covariates=["fta"], changes={"fta": 1}, year=2010, fixed_effects=PANEL_FE
    )
    effects = run.estimate.pair_effects().set_index(["exporter", "importer"])["pair_effect"]
    data = panel[panel["year"] == 2000].set_index(["exporter", "importer"])["trade"]
    # with exporter-year and importer-year effects, mu_ij - mu_ik - mu_lj + mu_lk is identified
    checked = 0
    for i, j, k, m in (("A", "B", "C", "D"), ("B", "E", "A", "C"), ("E", "A", "B", "D")):
        if {(i, j), (i, k), (m, j), (m, k)} <= set(effects.index):
            checked += 1
            estimated = effects[(i, j)] - effects[(i, k)] - effects[(m, j)] + effects[(m, k)]
            observed = np.log(data[(i, j)] * data[(m, k)] / (data[(i, k)] * data[(m, j)]))
            assert estimated == pytest.approx(observed, abs=1e-6)
    assert checked >= 2


def test_dropped_pairs_can_be_set_to_zero_and_the_warning_says_so() -> None:
    panel, _ = synthetic_gravity_panel()
    estimate_run = tariffscope.ge(
        panel=panel,
        covariates=["fta"],
        changes={"fta": 1},
        year=2000,
        fixed_effects=PANEL_FE,
        dropped="zero",
    )
    assert any("set to zero" in w for w in estimate_run.warnings)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        estimate_run.estimate.baseline(rows=panel["year"] == 2000)
    assert any("observed flows" in str(w.message) for w in caught)


def test_panel_mistakes_are_input_errors(tmp_path: Path) -> None:
    panel, _ = synthetic_gravity_panel()
    with pytest.raises(InputError, match="2 years"):
        tariffscope.ge(panel=panel, covariates=["fta"], changes={"fta": 1})
    with pytest.raises(InputError, match="not estimated"):
        tariffscope.ge(panel=panel, covariates=["fta"], changes={"dist": 1}, year=2000)
    with pytest.raises(InputError, match="no column"):
        tariffscope.ge(panel=panel, covariates=["fta"], changes={"fta": "nope"}, year=2000)
    with pytest.raises(InputError, match="exactly one"):
        tariffscope.ge(app="cp-nafta", panel=panel)
    binary = tmp_path / "panel.csv"
    binary.write_bytes(b"\x00\xff\xfe" * 100)
    with pytest.raises(InputError):
        tariffscope.ge(panel=binary, covariates=["fta"], changes={"fta": 1})
    run = tariffscope.ge(
        panel=panel, covariates=["fta"], changes={"fta": 1}, year=2000, fixed_effects=("exporter",)
    )
    with pytest.raises(InputError, match="no pair fixed effects"):
        run.estimate.pair_effects()


@pytest.mark.shared
def test_own_panel_from_the_shared_wiod_data(shared: Path) -> None:
    from tariffscope.impact.gravity.io import load_wiod44

    wiod = load_wiod44()
    keep = sorted(wiod["exporter"].unique())[:12]
    panel = wiod[
        wiod["exporter"].isin(keep) & wiod["importer"].isin(keep) & wiod["year"].isin([2000, 2014])
    ].copy()
    later = panel[panel["year"] == 2014].set_index(["exporter", "importer"])["eu_enlargement"]
    panel["eu_2014"] = later.reindex(
        pd.MultiIndex.from_frame(panel[["exporter", "importer"]])
    ).to_numpy()
    international = panel[panel["exporter"] != panel["importer"]]
    assert (
        international["eu_2014"].sum() > international.query("year == 2000")["eu_enlargement"].sum()
    )
    run = tariffscope.ge(
        panel=panel,
        covariates=["eu_enlargement"],
        changes={"eu_enlargement": "eu_2014"},
        year=2000,
        fixed_effects=PANEL_FE,
        sigma=5.0,
    )
    assert run.diagnostics["converged"]
    assert len(run.countries) == len(keep)
    assert len(run.estimate.pair_effects()) > 0
    assert np.isfinite(run.countries["welfare_pct"]).all()


@pytest.mark.shared
def test_ge_published_application_carries_the_published_numbers(shared: Path) -> None:
    run = tariffscope.ge(app="cp-nafta")
    table = run.countries.set_index("country")
    assert table.loc["MEX", "published_pct"] == pytest.approx(1.31)
    assert table.loc["MEX", "welfare_cp_pct"] == pytest.approx(1.31, abs=0.02)
    with pytest.raises(InputError, match="unknown application"):
        tariffscope.ge(app="nafta-2")


# -- stories and negotiations (need the spaCy model) ---------------------------------------


@pytest.mark.slow
def test_extract_from_text_and_from_a_file() -> None:
    from_file = tariffscope.extract(SEED)
    from_text = tariffscope.extract(text=SEED.read_text(encoding="utf-8"))
    assert from_file.deadlines and from_file.deadlines[0].date.isoformat() == "2025-08-01"
    assert [a.name for a in from_file.actors] == [a.name for a in from_text.actors]
    with pytest.raises(InputError):
        tariffscope.extract()
    with pytest.raises(InputError):
        tariffscope.extract(ROOT / "no-such-story.txt")


@pytest.mark.slow
def test_brief_timeline_and_negotiations_over_one_store(tmp_path: Path) -> None:
    db = tmp_path / "talks.duckdb"
    brief = tariffscope.brief(SEED, db=db, draws=0, ge=None)
    assert brief.pair == ("USA", "JPN")
    state = tariffscope.timeline("USA-JPN", db=db)
    assert state.parties == ("USA", "JPN") and len(state.articles) == 1
    table = tariffscope.negotiations(db=db)
    row = table[table["pair"].isin(["USA-JPN", "JPN-USA"])].iloc[0]
    assert row["sources"] == 1 and row["status"] == state.status
    from tariffscope.store import Store

    with Store.open(db, read_only=True) as store:  # an open store is read, and left open
        same = tariffscope.timeline(("USA", "JPN"), db=store)
        assert same.to_dict() == state.to_dict()
        assert tariffscope.negotiations(db=store).equals(table)
        assert store.count_articles() == 1
    again = tariffscope.ingest(SEED, db=db)
    assert again.duplicates and not again.added  # the brief stored the story already
    with pytest.raises(MalformedInputError, match="no store"):
        tariffscope.timeline("USA-JPN", db=tmp_path / "none.duckdb")
    with pytest.raises(MalformedInputError, match="not a date"):
        tariffscope.timeline("USA-JPN", db=db, as_of="soon")


# -- the CLI over the same function --------------------------------------------------------


def test_ge_panel_from_the_command_line(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner

    from tariffscope.cli import app

    panel, _ = synthetic_gravity_panel()
    path = tmp_path / "synthetic_panel.csv"
    panel.to_csv(path, index=False)
    effects = tmp_path / "pairs.csv"
    fe = [arg for term in PANEL_FE for arg in ("--fe", term)]
    args = ["ge", "--panel", str(path), "--covariate", "fta", "--set", "fta=fta_2010"]
    result = CliRunner().invoke(
        app, [*args, "--year", "2000", *fe, "--pair-effects", str(effects), "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert {row["country"] for row in payload["countries"]} == set("ABCDE")
    assert "dropped 1 of 25 pairs" in result.stderr
    written = pd.read_csv(effects)
    assert list(written.columns) == ["exporter", "importer", "pair_effect"]
    assert ("D", "E") not in set(zip(written["exporter"], written["importer"], strict=True))
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"\x00\xff\xfe" * 100)
    for bad in (
        ["ge", "--panel", str(path), "--covariate", "fta", "--set", "fta", "--year", "2000"],
        ["ge", "--panel", str(path), "--covariate", "fta", "--set", "fta=inf", "--year", "2000"],
        ["ge", "--app", "cp-nafta", "--covariate", "fta"],
        ["ge", "--panel", str(binary), "--covariate", "fta", "--set", "fta=1"],
        ["ge", "--panel", str(path), "--covariate", "fta", "--set", "fta=1"],
    ):
        failed = CliRunner().invoke(app, bad)
        assert failed.exit_code == 2, (bad, failed.output)
        assert len(failed.stderr.strip().splitlines()) == 1, failed.stderr


@pytest.mark.slow
@pytest.mark.shared
def test_the_walkthrough_runs(shared: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) >= 8
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "docs/api.md", "exec"), namespace)
    run = namespace["run"]
    assert run.diagnostics["converged"]  # type: ignore[attr-defined]
    assert len(namespace["state"].articles) == 1  # type: ignore[attr-defined]
