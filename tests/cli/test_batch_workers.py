"""Issue 11: ``extract DIR --out UNWRITABLE -j 2`` ends with exit 2, one line, no hang and no
orphaned worker process (spaCy's workers are joined or terminated on any error)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

pytestmark = [pytest.mark.issue(11), pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "ishiba-bessent-2025-07-18.txt"
# a guard against a hang, not a timing assertion: a healthy run takes a few seconds
HANG_GUARD_SECONDS = 120
CLI = [sys.executable, "-c", "from tariffscope.cli import main; main()"]


def _processes_with(marker: str) -> list[int]:
    """Ids of live processes whose environment carries ``marker`` (children inherit it)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker.encode() in environ and state != "Z":
            found.append(int(entry.name))
    return found


def _run_extract(folder: Path, out: Path) -> tuple[subprocess.CompletedProcess[str], str]:
    marker = f"TARIFFSCOPE_TEST_RUN={uuid.uuid4().hex}"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    key, value = marker.split("=")
    env[key] = value
    result = subprocess.run(
        [*CLI, "extract", str(folder), "--out", str(out), "-j", "2"],
        capture_output=True,
        text=True,
        env=env,
        timeout=HANG_GUARD_SECONDS,
        check=False,
    )
    return result, marker


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    stories = tmp_path / "stories"
    stories.mkdir()
    for index in range(6):
        shutil.copy(SEED, stories / f"story{index}.txt")
    return stories


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")
def test_output_failing_mid_batch_leaves_no_worker(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "story2.json").mkdir(parents=True)  # the third result cannot be written
    result, marker = _run_extract(folder, out)
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "story2.json" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert _processes_with(marker) == []


@pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")
def test_out_that_is_a_file_is_refused_before_any_worker(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "taken"
    out.write_text("a file, not a folder", encoding="utf-8")
    result, marker = _run_extract(folder, out / "sub")
    assert result.returncode == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "cannot write into" in lines[0] and "taken" in lines[0]
    assert _processes_with(marker) == []
