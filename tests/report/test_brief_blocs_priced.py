"""A US-bloc pair is priced as the members' trade summed (round 14, issue 9).

"The EU is a bloc: its members' trade" holds for the other blocs of
``data/embedded/blocs.yaml`` too: the partial-equilibrium focus column of a bloc is its
members' 2024 US imports summed, the law notes resolve each member, and the brief names the
members, where the list comes from, and any member without trade data. Written story:
``data/synthetic-us-gcc-talks.txt`` (not a real wire story), US talks with the Gulf
Cooperation Council whose body names no member; its headline names the bloc, so the reader's
US-Saudi Arabia pair becomes US-GCC.
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from _brief_cli import brief_json

from tariffscope.data.line_trade import load_line_trade
from tariffscope.domain.blocs import bloc, members_of
from tariffscope.domain.countries import EU_MEMBERS
from tariffscope.impact.pe.partners import focus_code, partner_axis, sector_lines
from tariffscope.tracker._blocs import bloc_pair

STORY = Path(__file__).with_name("data") / "synthetic-us-gcc-talks.txt"
pytestmark = pytest.mark.issue(9)


def test_a_group_party_stands_for_its_members() -> None:
    assert members_of("EUN") == EU_MEMBERS
    gulf = bloc("GCC")
    assert gulf is not None and members_of("GCC") == gulf.members
    assert members_of("SAU") is None and members_of("WLD") is None
    assert focus_code("mercosur") == "MERCOSUR"


@pytest.mark.parametrize("code", ["GCC", "MERCOSUR", "ASEAN"])
def test_a_blocs_column_is_its_members_imports_summed(code: str) -> None:
    lines = sector_lines()
    axis = partner_axis(code, lines=lines)
    assert axis.labels[0] == code
    group = members_of(code)
    assert group is not None and set(axis.members[0]) == group & set(lines.origins)
    column = lines.imports[:, [lines.origin_index(m) for m in axis.members[0]]].sum()
    # the members' own columns, and the Census HS2 file's chapters 1-97 for them
    trade = load_line_trade("hts8")
    chapters = np.asarray([int(c) <= 97 for c in trade.chapters])
    census = sum(
        float(trade.chapter_values[chapters, trade.partners.index(m)].sum())
        for m in axis.members[0]
    )
    assert column == pytest.approx(census, rel=0.01)
    assert column > 1e9


def test_a_us_pair_folds_to_the_bloc_only_by_its_headline() -> None:
    body = ["Officials of the Gulf Cooperation Council met US negotiators in Riyadh."]
    title = ["US and Gulf Cooperation Council open trade talks"]
    assert bloc_pair(("USA", "SAU"), title, body)[0] == ("USA", "GCC")  # type: ignore[index]
    # the body speaking of the bloc more than of the member is not enough in a US pair
    other = ["Saudi Arabia weighs US offer"]
    thrice = ["The GCC met. The GCC spoke. The GCC waited for the US."]
    assert bloc_pair(("USA", "SAU"), other, thrice) is None


@pytest.mark.slow
def test_a_story_of_us_talks_with_a_bloc_is_priced_on_its_members(tmp_path: Path) -> None:
    data = brief_json(STORY, tmp_path / "brief.json", "--draws", "10")
    assert data["pair"] == ["USA", "GCC"] and data["priced"] is True
    (said,) = [w for w in data["warnings"] if "priced as its members' US imports summed" in w]
    assert "ARE, BHR, KWT, OMN, QAT, SAU" in said and "https://www.gcc-sg.org/en" in said
    # the bloc's share of US goods imports in the PE data is its members' together
    lines = sector_lines()
    group = members_of("GCC")
    assert group is not None
    share = 100.0 * lines.imports[:, [lines.origin_index(m) for m in group]].sum()
    share /= lines.imports.sum()
    (reason,) = [r for r in data["model_differences"] if r.startswith("Data year")]
    found = re.search(r"Gulf Cooperation Council is ([0-9.]+)% of US goods imports", reason)
    assert found is not None and float(found.group(1)) == pytest.approx(share, abs=0.051)
    # GE: the bloc is the aggregate of the members the model has, and says which
    assert "2 of its 6 members in the model's data (KWT, QAT)" in data["economy_note"]


def test_a_member_without_trade_data_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    from types import SimpleNamespace

    import tariffscope.impact.pe.partners as partners
    from tariffscope.report.brief import _bloc_warnings

    traded = tuple(o for o in partners.schedule_trade().origins if o not in ("LIE", "ISL"))
    monkeypatch.setattr(partners, "schedule_trade", lambda: SimpleNamespace(origins=traded))
    (said,) = _bloc_warnings("EFTA")
    assert said.endswith("no 2024 US trade data for ISL, LIE: not in the numbers")
    assert _bloc_warnings("SAU") == []


@pytest.mark.slow
def test_pair_option_prices_a_us_bloc_pair(tmp_path: Path) -> None:
    story = STORY.with_name("synthetic-mercosur-efta-deal.txt")
    data = brief_json(
        story, tmp_path / "brief.json", "--draws", "0", "--ge", "none", "--pair", "USA-MERCOSUR"
    )
    assert data["pair"] == ["USA", "MERCOSUR"] and data["priced"] is True
    assert not [w for w in data["warnings"] if w.startswith("not priced")]
    (law,) = [o for o in data["outcomes"] if o["key"] == "law"]
    assert "Mercosur" in law["sentence"]
