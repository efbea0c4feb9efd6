"""The law engine's derived caches give the answers computing gives (issue 9, cold brief).

The parsed schedule and the product masks are kept in the user cache; ``resolve_lines`` keeps
line arrays, base rates and duty columns across calls. None of them may change an answer.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from tariffscope.regime import default_catalog, load_schedule, resolve_lines
from tariffscope.regime._mask_cache import stored_masks
from tariffscope.regime._schedule_cache import cached_schedule, schedule_fingerprint
from tariffscope.regime.resolve import _catalog_fingerprint
from tariffscope.regime.scenario import Scenario
from tariffscope.regime.schedule import Schedule
from tariffscope.regime.vectorized import RateTable, clear_caches

ORIGINS = ["JPN", "DEU", "FRA", "CHN", "MEX", "CAN", "KOR", "VNM", "BRA", "CHE", "PRK"]


@pytest.fixture
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TARIFFSCOPE_DATA_DIR", str(tmp_path))
    return tmp_path / "cache"


def _arrays(table: RateTable) -> list[np.ndarray]:
    base = table.base_rates
    return [table.additional, table.partial, table.total, *(() if base is None else (base,))]


def test_stored_masks_are_the_computed_ones(user_cache: Path) -> None:
    catalog, schedule = default_catalog(), load_schedule()
    fingerprint = _catalog_fingerprint(schedule)
    written = stored_masks(catalog, schedule, fingerprint)
    assert len(list(user_cache.glob("masks-*.npz"))) == 1
    read = stored_masks(catalog, schedule, fingerprint)
    assert set(read) == {m.id for m in catalog.measures}
    for measure in catalog.measures[::7]:
        covered = measure.scope.mask(schedule.hts8)
        partial = measure.scope.partial_mask(schedule.hts8)
        for masks in (written, read):
            np.testing.assert_array_equal(masks[measure.id][0], covered)
            np.testing.assert_array_equal(masks[measure.id][1], partial)
    assert any(masks[1].any() for masks in read.values())  # partial lines are stored too


@pytest.mark.parametrize("claims", [(), ("usmca",), tuple(sorted(default_catalog().programmes))])
def test_resolve_lines_same_with_and_without_stored_masks(
    user_cache: Path, claims: tuple[str, ...]
) -> None:
    clear_caches(load_schedule(), stored_masks=False)
    computed = resolve_lines(ORIGINS, "2025-08-20", claims=claims)
    clear_caches(load_schedule())
    from_cache = resolve_lines(ORIGINS, "2025-08-20", claims=claims)
    assert list(user_cache.glob("masks-*.npz"))
    for a, b in zip(_arrays(computed), _arrays(from_cache), strict=True):
        np.testing.assert_array_equal(a, b)
    clear_caches()


def test_memo_across_laws_gives_a_fresh_answer() -> None:
    """The memo of bases and duties is filled by other dates, claim sets and a scenario; each
    answer equals the one a process with empty caches computes."""
    threat = Scenario(name="test threat", enact=("THREAT-JPN-25",))
    asks = [
        ("2025-07-18", (), None),
        ("2025-07-18", ("korus", "usmca"), None),
        ("2025-08-01", (), threat),
        ("2025-08-07", (), None),
        ("2025-08-01", ("usmca",), threat),
    ]
    clear_caches(load_schedule(), stored_masks=False)
    shared = [resolve_lines(ORIGINS, d, claims=c, scenario=s) for d, c, s in asks]
    for (day, claims, scenario), answer in zip(asks, shared, strict=True):
        clear_caches(load_schedule(), stored_masks=False)
        fresh = resolve_lines(ORIGINS, day, claims=claims, scenario=scenario)
        for a, b in zip(_arrays(answer), _arrays(fresh), strict=True):
            np.testing.assert_array_equal(a, b)
    # the threat changes Japan's duties: the memo does not hand one law's duties to another
    assert not np.array_equal(shared[0].total[:, 0], shared[2].total[:, 0])
    clear_caches()


def test_schedule_cache_reads_what_it_wrote_and_follows_the_table(
    user_cache: Path, tmp_path: Path
) -> None:
    from tariffscope.config import embedded_dir
    from tariffscope.regime.schedule import EMBEDDED_TABLE

    table = tmp_path / "table.csv.gz"
    shutil.copyfile(embedded_dir() / EMBEDDED_TABLE, table)
    schedule = load_schedule()
    built = cached_schedule(table, lambda: schedule)
    assert len(list(user_cache.glob("schedule-*.pickle"))) == 1

    def must_not_build() -> Schedule:
        raise AssertionError("the cached schedule was not read")

    read = cached_schedule(table, must_not_build)
    assert read is not built  # read from the file
    np.testing.assert_array_equal(read.hts8, schedule.hts8)
    np.testing.assert_array_equal(read.mfn_ad_valorem_hts8, schedule.mfn_ad_valorem_hts8)
    assert read.line("8703.23.01") == schedule.line("8703.23.01")

    before = schedule_fingerprint(table)
    table.write_bytes(table.read_bytes() + b"\n")  # another table: another fingerprint
    assert schedule_fingerprint(table) != before
    rebuilt: list[int] = []

    def build_again() -> Schedule:
        rebuilt.append(1)
        return schedule

    cached_schedule(table, build_again)
    assert rebuilt == [1]


@pytest.mark.parametrize("programme", ["usmca", "agoa", "haiti_hope_help"])
def test_chapter98_mask_is_the_prefix_scan(programme: str) -> None:
    """The set look-up by prefix length marks the lines a scan of every prefix marks."""
    from tariffscope.regime.preferences import _chapter98_mask

    chosen = default_catalog().programmes[programme]
    assert chosen.chapter98 is not None
    schedule = load_schedule()
    origin = chosen.chapter98.countries[0] if chosen.chapter98.countries else "HTI"
    for codes in (schedule.hts8, schedule.hts10):
        scanned = np.zeros(codes.shape[0], dtype=bool)
        for prefix in chosen.chapter98.prefixes:
            scanned |= np.char.startswith(codes, prefix)
        marked = _chapter98_mask(chosen, codes, origin)
        np.testing.assert_array_equal(marked, scanned)
        assert marked.any()


def test_a_pickle_that_is_broken_or_of_another_kind_is_built_again(user_cache: Path) -> None:
    from tariffscope.regime._pickle_cache import cached_pickle

    assert cached_pickle("synthetic", "f1", dict, lambda: {"built": 1}) == {"built": 1}
    assert cached_pickle("synthetic", "f1", dict, lambda: {"built": 2}) == {"built": 1}
    (user_cache / "synthetic-f1.pickle").write_bytes(b"not a pickle")
    assert cached_pickle("synthetic", "f1", dict, lambda: {"built": 3}) == {"built": 3}
    assert cached_pickle("synthetic", "f1", list, lambda: ["a list"]) == ["a list"]
    assert not list(user_cache.glob("*.tmp"))
