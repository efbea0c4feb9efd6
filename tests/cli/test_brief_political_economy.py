"""``tariffscope brief --political-economy``: the deal space's payoffs with weights on organised
sectors (issue 12, round 7), parsed like ``tariffscope deals``; off by default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "ishiba-bessent-2025-07-18.txt"


@pytest.mark.parametrize(
    ("source", "message"),
    [("gh", "unknown political-economy source"), ("uniform:0", "must be positive")],
)
def test_a_bad_weights_source_exits_2_with_one_line(source: str, message: str) -> None:
    result = CliRunner().invoke(app, ["brief", str(SEED), "--political-economy", source])
    assert result.exit_code == 2, result.output
    assert message in result.output


def _deal_space(tmp_path: Path, *extra: str) -> dict[str, object]:
    out = tmp_path / "brief.json"
    result = CliRunner().invoke(
        app, ["brief", str(SEED), "--draws", "0", "--json", str(out), *extra]
    )
    assert result.exit_code == 0, result.output
    section: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))["deal_space"]
    assert section["computed"], section["note"]
    return section


@pytest.mark.issue(12)
@pytest.mark.shared
@pytest.mark.slow
def test_weights_make_the_payoffs_government_welfare_and_change_them(
    tmp_path: Path, shared: Path
) -> None:
    plain = _deal_space(tmp_path)
    weighted = _deal_space(tmp_path, "--political-economy", "uniform:1.5")
    assert any("payoffs: real income" in s for s in plain["sources"])  # type: ignore[attr-defined]
    sources = weighted["sources"]
    assert any("payoffs: government welfare" in s for s in sources)  # type: ignore[attr-defined]
    assert any("political-economy weights: uniform:1.5" in s for s in sources)  # type: ignore[attr-defined]

    def payoffs(section: dict[str, object]) -> list[float]:
        point = next(p for p in section["points"] if p["name"] == "status quo")  # type: ignore[attr-defined]
        return [float(v) for v in point["payoff_pct"].values()]

    assert payoffs(weighted) != pytest.approx(payoffs(plain), abs=1e-6)
