"""Deal spaces on the cluster: the same numbers as one process, bit for bit.

The grid's first deals (a chain of warm starts) are solved by the driver and the rest of each
row on a worker from the same starting point, so every solve is the same on either path; the
solutions table, the weight sweep and the sensitivity rows are tasks too.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import pytest
from distributed import Client
from typer.testing import CliRunner

from tariffscope.api import DealSpaceResult, deals, deals_many
from tariffscope.api._deals_run import _pair_data
from tariffscope.cli import app
from tariffscope.distributed.map import ChunkMapper, client_mapper
from tariffscope.errors import InputError, UnknownCodeError
from tariffscope.impact.tradewar import deals as deals_module
from tariffscope.impact.tradewar.deal_case import axes_for
from tariffscope.impact.tradewar.deals import DEALS_PER_TASK, DealSpace, grid_of

DATE = "2025-07-18"
# small grids: 7 x 6 deals (a US pair: the law's status quo and threat) and 6 x 5 (a pair
# the catalog does not cover: the ICIO baseline)
CASES = {
    "USA-VNM": "general=0:30:5,partner=-10:0:2",
    "CHN-DEU": "general=0:25:5,partner=-8:0:2",
}


def _frames(result: DealSpaceResult) -> dict[str, pd.DataFrame]:
    return {
        "grid": result.grid,
        "solutions": result.solutions,
        "sweep": result.sweep,
        "sensitivity": result.sensitivity,
    }


def _assert_same(spread: DealSpaceResult, alone: DealSpaceResult) -> None:
    for name, frame in _frames(alone).items():
        pd.testing.assert_frame_equal(_frames(spread)[name], frame, check_exact=True, obj=name)
    assert spread.warnings == alone.warnings and spread.sources == alone.sources


@pytest.fixture(scope="module")
def alone(shared: object) -> dict[str, DealSpaceResult]:
    """Each case's deal space in this process."""
    return {pair: deals(pair, DATE, grid=grid) for pair, grid in CASES.items()}


class Counting:
    """A mapper that counts the chunks of each function it maps, then hands them on."""

    def __init__(self, inner: ChunkMapper) -> None:
        self.inner = inner
        self.chunks: dict[str, int] = {}

    def __call__(self, fn: Callable[..., Any], chunks: Sequence[Any], **kwargs: Any) -> list[Any]:
        name = fn.__name__
        self.chunks[name] = self.chunks.get(name, 0) + len(chunks)
        return self.inner(fn, chunks, **kwargs)


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("pair", sorted(CASES))
def test_deals_on_the_cluster_equal_one_process(
    client: Client, alone: dict[str, DealSpaceResult], pair: str
) -> None:
    mapper = Counting(client_mapper(client))
    spread = deals(pair, DATE, grid=CASES[pair], map_deals=mapper)
    _assert_same(spread, alone[pair])
    rows, columns = spread.grid["x_pct"].nunique(), spread.grid["y_pct"].nunique()
    # the rows' rests in blocks of DEALS_PER_TASK deals or more (three grids: the given
    # elasticities' and the sensitivity's two); then one wave after the grid: the solutions
    # table, the sensitivity's three elasticities and the sweep's weights (none when no deal
    # is acceptable): nothing after the grid is solved by the driver
    per_block = -(-DEALS_PER_TASK // (columns - 1))
    assert mapper.chunks["_rows_rest"] == -(-rows // per_block)
    assert mapper.chunks["_job"] == 1 + 3 + len(spread.sweep)


@pytest.mark.shared
@pytest.mark.parametrize(("warm", "per_task"), [(True, 64), (True, 1), (False, 4)])
def test_a_grid_on_the_cluster_equals_one_process(
    client: Client, shared: object, warm: bool, per_task: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # blocks of 1, 2 and all 4 rows: the blocks never change a number
    monkeypatch.setattr(deals_module, "DEALS_PER_TASK", per_task)
    pair = ("USA", "KOR")
    data = _pair_data(pair, "U4")
    axes = axes_for(data, pair, "general", "partner")
    space = DealSpace(data, pair, axes.levers["general"], axes.levers["partner"])
    xs, ys = [0.0, 0.1, 0.2, 0.3], [-0.1, -0.05, 0.0]
    here = grid_of(space, xs, ys, warm=warm)
    mapper = Counting(client_mapper(client))
    there = grid_of(space, xs, ys, warm=warm, mapper=mapper)
    pd.testing.assert_frame_equal(there, here, check_exact=True)
    assert mapper.chunks["_rows_rest"] == {64: 1, 1: 4, 4: 2}[per_task]
    assert there.attrs == here.attrs
    assert list(zip(there["x"], there["y"], strict=True)) == [(a, b) for a in xs for b in ys]


@pytest.mark.shared
@pytest.mark.slow
def test_deals_many_on_the_cluster_equals_each_pair_alone(
    client: Client, alone: dict[str, DealSpaceResult]
) -> None:
    pairs = sorted(CASES)
    done: list[int] = []
    # one grid for every pair: the cases' grids differ, so compare each with its own run
    many = deals_many(
        pairs, DATE, grid=CASES[pairs[0]], map_pairs=client_mapper(client), on_done=done.append
    )
    assert [r.pair for r in many] == [tuple(p.split("-")) for p in pairs]
    assert sorted(done) == [0, 1]
    _assert_same(many[0], alone[pairs[0]])
    other = deals(pairs[1], DATE, grid=CASES[pairs[0]])
    _assert_same(many[1], other)


# a pair the tool covers and one it does not (Antarctica: a country code, not in the ICIO file)
SWEEP = ["USA-VNM", "USA-ATA"]


def _entries(many: list[DealSpaceResult]) -> list[tuple[bool, tuple[str, ...]]]:
    return [(r.computed, r.warnings) for r in many]


@pytest.fixture(scope="module")
def sweep_alone(shared: object) -> list[DealSpaceResult]:
    return deals_many(SWEEP, DATE, grid=CASES["USA-VNM"])


@pytest.mark.shared
def test_a_sweep_finishes_past_a_pair_it_cannot_price(
    sweep_alone: list[DealSpaceResult], alone: dict[str, DealSpaceResult]
) -> None:
    covered, uncovered = sweep_alone
    assert covered.computed and uncovered.computed is False
    _assert_same(covered, alone["USA-VNM"])
    assert uncovered.pair == ("USA", "ATA")
    assert uncovered.warnings[0].startswith("not computed: pair USA-ATA: ATA is not among")
    assert uncovered.grid.empty and uncovered.solutions.empty
    assert (uncovered.x_lever, uncovered.y_lever) == ("general", "partner")
    payload = uncovered.to_dict()
    assert payload["computed"] is False and payload["grid"] == []


@pytest.mark.shared
@pytest.mark.slow
def test_a_sweep_past_a_pair_it_cannot_price_is_the_same_on_the_cluster(
    client: Client, sweep_alone: list[DealSpaceResult]
) -> None:
    done: list[int] = []
    there = deals_many(
        SWEEP, DATE, grid=CASES["USA-VNM"], map_pairs=client_mapper(client), on_done=done.append
    )
    assert sorted(done) == [0, 1]
    assert _entries(there) == _entries(sweep_alone)
    _assert_same(there[0], sweep_alone[0])
    for name, frame in _frames(there[1]).items():
        assert frame.empty, name


def test_deals_many_checks_pairs_and_options_before_any_work() -> None:
    def never(*args: object, **kwargs: object) -> list[object]:
        raise AssertionError("nothing should be mapped")

    with pytest.raises(InputError, match="malformed pair 'USA'"):
        deals_many(["USA-KOR", "USA"], DATE, map_pairs=never)
    with pytest.raises(UnknownCodeError, match="XYZ is not an ISO 3166-1 alpha-3"):
        deals_many(["USA-BRA", "USA-XYZ"], DATE, map_pairs=never)
    with pytest.raises(InputError, match="bargaining weight"):
        deals_many(["USA-VNM"], DATE, weight=2.0, map_pairs=never)
    with pytest.raises(InputError, match="unknown disagreement point"):
        deals_many(["USA-VNM"], DATE, disagreement="peace", map_pairs=never)
    with pytest.raises(InputError, match="--actual must set"):
        deals_many(["USA-VNM"], DATE, actual="general=10", map_pairs=never)
    with pytest.raises(TypeError, match="gird"):
        deals_many(["USA-VNM"], DATE, gird="general=0:30:5", map_pairs=never)
    with pytest.raises(TypeError, match="map_deals"):
        deals_many(["USA-VNM"], DATE, map_deals=never, map_pairs=never)


@pytest.mark.shared
@pytest.mark.slow
def test_cli_deals_on_a_local_cluster_prints_the_same_json(shared: object) -> None:
    args = ["deals", "--pair", "USA-VNM", "--date", DATE, "--grid", CASES["USA-VNM"]]
    args += ["--format", "json"]
    here = CliRunner().invoke(app, args)
    there = CliRunner().invoke(app, [*args, "--cluster", "local:2"])
    assert here.exit_code == 0, here.output
    assert there.exit_code == 0, there.output
    assert json.loads(there.stdout) == json.loads(here.stdout)


@pytest.mark.parametrize("value", ["local:0", "nowhere", "local:two"])
def test_a_bad_cluster_value_on_deals_exits_2_with_one_line(value: str) -> None:
    result = CliRunner().invoke(
        app, ["deals", "--pair", "USA-VNM", "--date", DATE, "--cluster", value]
    )
    assert result.exit_code == 2, result.output
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "--cluster" in result.stderr
