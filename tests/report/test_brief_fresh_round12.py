"""Classes of failure found by briefing fresh stories (round 12), each on a story written for
the test: a negotiation between blocs without a party code is briefed as the blocs, not as two
of their members, with strict JSON the brief's schema accepts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.domain.news import Actor, ArticleMeta, Extraction, MeasureMention
from tariffscope.report.brief import build_brief
from tariffscope.report.json_out import brief_to_dict
from tariffscope.strict_json import loads_strict, to_json

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "docs" / "brief.schema.json").read_text(encoding="utf-8"))
MERCOSUR_EFTA = Path(__file__).with_name("data") / "synthetic-mercosur-efta-deal.txt"
pytestmark = pytest.mark.issue(9)


def valid(data: dict[str, object]) -> None:
    validator = jsonschema.Draft202012Validator(SCHEMA)
    assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)] == []


def test_a_bloc_pair_is_a_negotiation_only_brief_with_schema_valid_json() -> None:
    # Mercosur cuts duties on Swiss goods; written for the test
    meta = ArticleMeta(title="Mercosur, EFTA sign deal", published=dt.date(2025, 9, 16))
    cut = MeasureMention("BRA", "CHE", "industrial goods", None, 0.0, None, "agreed", 0, 9)  # type: ignore[arg-type]
    story = Extraction(
        meta, actors=(Actor("Mauro Vieira", "minister", "BRA", 10, 22),), measures=(cut,)
    )
    brief = build_brief([story], draws=0, pair=("MERCOSUR", "EFTA"))
    assert not brief.priced and [link.mention for link in brief.links] == [cut]
    assert any("briefed as a negotiation only" in w for w in brief.warnings)
    data = loads_strict(to_json(brief_to_dict(brief)))
    assert data["pair"] == ["MERCOSUR", "EFTA"]
    valid(data)


def test_the_cli_briefs_a_story_between_blocs_as_the_blocs(tmp_path: Path) -> None:
    out = tmp_path / "brief.json"
    result = CliRunner().invoke(
        app, ["brief", str(MERCOSUR_EFTA), "--draws", "0", "--ge", "none", "--json", str(out)]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"), parse_constant=pytest.fail)
    assert set(data["pair"]) == {"MERCOSUR", "EFTA"}
    assert any("as one party" in w for w in data["warnings"])
    valid(data)


def philippines_deal(*rates: float) -> Extraction:
    # "The Philippines will pay a 19% tariff", and its zero tariffs on American products read
    # the wrong way round as a US 0% on Philippine goods; written for the test
    meta = ArticleMeta(title="Philippines and US agree trade deal", published=dt.date(2025, 7, 23))
    return Extraction(
        meta,
        measures=tuple(
            MeasureMention("USA", "PHL", "all goods", 20.0, r, None, "agreed", 10 * k, 10 * k + 5)  # type: ignore[arg-type]
            for k, r in enumerate(rates)
        ),
    )


def test_a_second_agreed_rate_on_all_goods_beside_the_catalogs_is_not_the_deal() -> None:
    brief = build_brief([philippines_deal(19.0, 0.0)], draws=0)
    labels = [s.spec.label for s in brief.scenarios]
    assert "Deal as reported" not in labels
    assert [label for label in labels if label.startswith("Deal as later enacted")]
    # the same 0% alone is the deal the story reports, priced as such
    alone = build_brief([philippines_deal(0.0)], draws=0)
    assert "Deal as reported" in [s.spec.label for s in alone.scenarios]
