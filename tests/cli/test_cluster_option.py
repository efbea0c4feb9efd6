"""--cluster: parsing, the message without the dask extra, no Dask import at import time.

Here rather than in tests/distributed (which needs the dask extra): these tests matter most
where Dask is not installed; only the unreachable scheduler needs it.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.distributed import ClusterSpec, cluster_client, parse_cluster
from tariffscope.errors import InputError, MalformedInputError

runner = CliRunner()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("local:2", ClusterSpec(workers=2)),
        ("LOCAL:16", ClusterSpec(workers=16)),
        ("tcp://scheduler:8786", ClusterSpec(address="tcp://scheduler:8786")),
        ("10.0.0.5:8786", ClusterSpec(address="tcp://10.0.0.5:8786")),
        ("tls://dask.example.org:8786", ClusterSpec(address="tls://dask.example.org:8786")),
    ],
)
def test_cluster_values(text: str, expected: ClusterSpec) -> None:
    assert parse_cluster(text) == expected


@pytest.mark.parametrize("text", ["local:0", "local:9999", "local:", "local:two", "scheduler", ""])
def test_bad_cluster_values_name_the_flag(text: str) -> None:
    with pytest.raises(MalformedInputError, match="--cluster"):
        parse_cluster(text)


@pytest.mark.parametrize(
    "args",
    [
        ["ingest", "x.txt", "--db", "never.duckdb", "--cluster", "local:0"],
        ["extract", ".", "--cluster", "nowhere"],
        ["etr", "--from", "2025-01-01", "--to", "2025-01-31", "--cluster", "local:x"],
        ["simulate", "--partner", "MEX", "--date", "2025-04-10", "--cluster", "local:"],
    ],
)
def test_the_cli_exits_2_on_a_bad_cluster(
    args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # an empty folder: the value is refused before any work
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert "--cluster" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "never.duckdb").exists()


def test_without_the_extra_the_message_names_the_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real = importlib.import_module

    def no_dask(name: str, package: str | None = None) -> object:
        if name.split(".")[0] in {"dask", "distributed"}:
            raise ImportError(f"No module named {name!r}")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_dask)
    with (
        pytest.raises(InputError, match=r"pip install 'tariffscope\[dask\]'"),
        cluster_client("local:1"),
    ):
        pass
    story = tmp_path / "story.txt"
    story.write_text("title: t\n\nThe United States and India met.\n", encoding="utf-8")
    result = runner.invoke(
        app, ["ingest", str(story), "--db", str(tmp_path / "s.duckdb"), "--cluster", "local:1"]
    )
    assert result.exit_code == 2
    assert "pip install 'tariffscope[dask]'" in result.output
    assert not (tmp_path / "s.duckdb").exists()  # refused before the store was opened
    deals = runner.invoke(
        app, ["deals", "--pair", "USA-VNM", "--date", "2025-07-18", "--cluster", "local:1"]
    )
    assert deals.exit_code == 2
    assert "pip install 'tariffscope[dask]'" in deals.output


def test_an_unreachable_scheduler_is_bad_input() -> None:
    # distributed.client: without the extra, tests/distributed imports as a namespace package
    pytest.importorskip(
        "distributed.client",
        reason="the dask extra is not installed: pip install 'tariffscope[dask]'",
    )
    with (
        pytest.raises(InputError, match="cannot reach the scheduler"),
        cluster_client("tcp://127.0.0.1:9", timeout=1),
    ):
        pass


def test_importing_tariffscope_does_not_import_dask(repo_root: Path) -> None:
    code = (
        "import sys, tariffscope, tariffscope.cli, tariffscope.distributed, "
        "tariffscope.tracker, tariffscope.impact.etr, tariffscope.api, "
        "tariffscope.impact.tradewar.deal_case\n"
        "import typer.main\n"
        "from tariffscope.cli import app\n"
        "every_command = dict(typer.main.get_command(app).commands)  # built on first use\n"
        "found = sorted(m for m in sys.modules if m.split('.')[0] in {'dask', 'distributed'})\n"
        "print(found)\n"
        "sys.exit(1 if found else 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=repo_root, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
