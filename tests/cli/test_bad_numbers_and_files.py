"""Issue 11: wrong file kinds and non-finite numbers are bad input (exit 2, one line), never an
"internal error"; a scenario with ``rate_pct: .nan`` is refused everywhere it enters and YAML
``1e9`` is a number."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.errors import InputError, ScenarioError
from tariffscope.impact.gravity.io import read_tariff_changes
from tariffscope.regime.scenario import load_scenario, scenario_from_mapping
from tariffscope.user_yaml import first_non_finite, load_user_yaml

pytestmark = pytest.mark.issue(11)

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[2]
DEAL = ROOT / "examples" / "scenarios" / "japan-deal-15pct-from-2025-08-01.yaml"
BINARY = bytes(range(256)) * 16


def _one_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1, output
    assert "internal error" not in lines[0] and "Traceback" not in output
    return lines[0]


def _scenario(tmp_path: Path, rate: str) -> Path:
    path = tmp_path / "scenario.yaml"
    text = DEAL.read_text(encoding="utf-8")
    assert "rate_pct: 15\n" in text
    path.write_text(text.replace("rate_pct: 15\n", f"rate_pct: {rate}\n", 1), encoding="utf-8")
    return path


# -- wrong file kinds ---------------------------------------------------------------------------
def test_ge_tariffs_on_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "tariffs.csv"
    path.write_bytes(BINARY)
    result = runner.invoke(app, ["ge", "--tariffs", str(path)])
    assert result.exit_code == 2
    assert "tariffs.csv is not a UTF-8 CSV file" in _one_line(result.output)


def test_ge_tariffs_with_nul_bytes_in_utf8(tmp_path: Path) -> None:
    path = tmp_path / "tariffs.csv"
    path.write_bytes(b"importer,exporter,tariff_before_pct,tariff_after_pct\nUSA,\x00BRA,1,2\n")
    with pytest.raises(InputError):  # the csv module may or may not refuse NUL bytes itself
        read_tariff_changes(path)


def test_a_scenario_that_is_binary(tmp_path: Path) -> None:
    path = tmp_path / "scenario.yaml"
    path.write_bytes(BINARY)
    result = runner.invoke(
        app,
        ["rate", "8703.23.01", "--origin", "JPN", "--date", "2025-08-02", "--scenario", str(path)],
    )
    assert result.exit_code == 2
    assert "scenario.yaml" in _one_line(result.output)


@pytest.mark.parametrize("target", ["missing-folder/brief.html", "is-a-folder"])
def test_brief_html_into_an_unusable_path_is_refused_before_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str
) -> None:
    (tmp_path / "is-a-folder").mkdir()
    story = ROOT / "examples" / "ishiba-bessent-2025-07-18.txt"

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("the stories were read although the output cannot be written")

    monkeypatch.setattr("tariffscope.report.build.briefs_from_sources", no_work)
    result = runner.invoke(app, ["brief", str(story), "--html", str(tmp_path / target)])
    assert result.exit_code == 2
    assert "cannot write" in _one_line(result.output)


def test_an_os_error_on_a_named_path_is_exit_2(tmp_path: Path) -> None:
    from tariffscope.cli._app import guarded

    (tmp_path / "file").write_text("x")

    @guarded
    def writes() -> None:
        (tmp_path / "file" / "out.json").write_text("x")  # a file where a folder must be

    with pytest.raises(BaseException) as caught:
        writes()
    assert getattr(caught.value, "exit_code", None) == 2


def test_ingest_into_a_sqlite_db(tmp_path: Path) -> None:
    db = tmp_path / "store.db"
    connection = sqlite3.connect(db)
    connection.execute("CREATE TABLE t (a)")
    connection.commit()
    connection.close()
    result = runner.invoke(app, ["ingest", str(DEAL), "--db", str(db)])
    assert result.exit_code == 2
    assert "SQLite" in _one_line(result.output)


# -- numbers ------------------------------------------------------------------------------------
@pytest.mark.parametrize("rate", [".nan", ".NaN", ".inf", "-.inf", "+.Inf"])
def test_a_non_finite_rate_in_a_scenario_is_refused(tmp_path: Path, rate: str) -> None:
    path = _scenario(tmp_path, rate)
    with pytest.raises(ScenarioError, match=r"add\[0\]\.rate_pct is not a finite number"):
        load_scenario(path)
    for command in (
        ["rate", "8703.23.01", "--origin", "JPN", "--date", "2025-08-02", "-f", "json"],
        ["ge", "--data", "agtpa", "--date", "2025-08-02"],
    ):
        result = runner.invoke(app, [*command, "--scenario", str(path)])
        assert result.exit_code == 2, result.output
        assert "rate_pct is not a finite number" in _one_line(result.output)
        assert "NaN" not in result.stdout and "nan" not in result.stdout.lower().split()


def test_a_non_finite_number_in_a_scenario_body_is_refused() -> None:
    body = yaml.safe_load(DEAL.read_text(encoding="utf-8"))
    body["add"][1]["rate_pct"] = float("nan")
    with pytest.raises(ScenarioError, match=r"add\[1\]\.rate_pct"):
        scenario_from_mapping(body, where="request")


def test_yaml_exponent_numbers_are_numbers(tmp_path: Path) -> None:
    assert load_user_yaml("a: 1e9\nb: -2.5E-3\nc: '1e9'\nd: 1.5\ne: 7\n") == {
        "a": 1e9,
        "b": -2.5e-3,
        "c": "1e9",
        "d": 1.5,
        "e": 7,
    }
    assert first_non_finite({"x": [1.0, {"y": float("inf")}]}) == "x[1].y"
    scenario = load_scenario(_scenario(tmp_path, "2.5e1"))
    assert scenario.add[0].rate == pytest.approx(0.25)
    # too large is refused by the record schema, naming the field (not "a string")
    with pytest.raises(ScenarioError, match=r"rate_pct: 1000000000\.0 is greater than"):
        load_scenario(_scenario(tmp_path, "1e9"))


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "NaN"])
def test_non_finite_number_options_are_refused(value: str) -> None:
    result = runner.invoke(
        app,
        ["rate", "8703.23.01", "--origin", "KOR", "--date", "2025-08-02", "--metal-share", value],
    )
    assert result.exit_code == 2
    assert "--metal-share" in _one_line(result.output)
    result = runner.invoke(app, ["ge", "--data", "agtpa", "--sigma", value, "--tariffs", str(DEAL)])
    assert result.exit_code == 2
    assert "--sigma" in _one_line(result.output)


@pytest.mark.parametrize("cell", ["nan", "inf", "-Infinity"])
def test_non_finite_tariffs_in_a_csv_are_refused(tmp_path: Path, cell: str) -> None:
    path = tmp_path / "tariffs.csv"
    path.write_text(
        f"importer,exporter,tariff_before_pct,tariff_after_pct\nUSA,IND,10,{cell}\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["ge", "--tariffs", str(path), "--data", "agtpa"])
    assert result.exit_code == 2
    assert "tariff_after_pct" in _one_line(result.output) and "finite" in result.output


def test_json_output_of_a_valid_scenario_is_strict(tmp_path: Path) -> None:
    scenario = str(_scenario(tmp_path, "1.5e1"))
    result = runner.invoke(
        app,
        [
            *("rate", "8703.23.01", "--origin", "JPN", "--date", "2025-08-02", "-f", "json"),
            *("--scenario", scenario),
        ],
    )
    assert result.exit_code == 0, result.output

    def refuse(token: str) -> None:
        raise AssertionError(f"non-strict JSON constant {token}")

    data = json.loads(result.stdout, parse_constant=refuse)
    assert data["total_pct"] == pytest.approx(15.0)


# -- usage mistakes -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["rate"], "hts"),
        (["ge", "--sigma", "0"], "--sigma"),
        (["nope"], "nope"),
        (["extract", "x.txt", "--jobs", "0"], "--jobs"),
        (["rate", "8703.23.01", "--origin", "THA", "--date", "2025-08-02", "--bogus"], "--bogus"),
    ],
)
def test_usage_mistakes_are_one_line_and_exit_2(args: list[str], names: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    line = _one_line(result.output)
    assert line.startswith("error: tariffscope") and names in line


def test_help_and_version_still_work() -> None:
    assert runner.invoke(app, ["--version"]).exit_code == 0
    shown = runner.invoke(app, ["rate", "--help"])
    assert shown.exit_code == 0 and "--origin" in shown.output


def test_a_tariff_csv_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = tmp_path / "tariffs.csv"
    path.write_bytes(
        b"\xef\xbb\xbfimporter,exporter,tariff_before_pct,tariff_after_pct\nUSA,CHE,1,2\n"
    )
    (change,) = read_tariff_changes(path)
    assert (change.importer, change.exporter) == ("USA", "CHE")
