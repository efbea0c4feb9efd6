"""--cluster through the CLI (on the session's cluster): the same output as without it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from distributed import Client
from typer.testing import CliRunner

import tariffscope.distributed.cluster as cluster_module
from tariffscope.cli import app

runner = CliRunner()


@pytest.fixture
def on_session_cluster(client: Client, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """``--cluster`` gives the session's client (no new cluster per test); the specs asked
    for are recorded."""
    asked: list[object] = []

    @contextmanager
    def reuse(spec: object, **_: object) -> Iterator[Client]:
        asked.append(spec)
        yield client

    monkeypatch.setattr(cluster_module, "cluster_client", reuse)
    return asked


@pytest.mark.shared
@pytest.mark.slow
def test_ingest_with_a_cluster(
    on_session_cluster: list[object], twelve: list[Path], tmp_path: Path
) -> None:
    args = ["ingest", *map(str, twelve[:4]), "--format", "json"]
    alone = runner.invoke(app, [*args, "--db", str(tmp_path / "a.duckdb")])
    spread = runner.invoke(app, [*args, "--db", str(tmp_path / "b.duckdb"), "--cluster", "local:2"])
    assert alone.exit_code == spread.exit_code == 0, spread.output
    first, second = json.loads(alone.stdout), json.loads(spread.stdout)
    assert second["added"] == 4 and second["results"] == first["results"]
    assert on_session_cluster == [cluster_module.ClusterSpec(workers=2)]


@pytest.mark.shared
@pytest.mark.slow
def test_extract_a_folder_with_a_cluster(
    on_session_cluster: list[object], twelve: list[Path], tmp_path: Path
) -> None:
    alone, spread = tmp_path / "alone", tmp_path / "spread"
    folder = tmp_path / "in"
    folder.mkdir()
    for path in twelve[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    one = runner.invoke(app, ["extract", str(folder), "--out", str(alone), "--jobs", "1"])
    two = runner.invoke(
        app, ["extract", str(folder), "--out", str(spread), "--cluster", "tcp://s:8786"]
    )
    assert one.exit_code == two.exit_code == 0, two.output
    names = sorted(p.name for p in alone.iterdir())
    assert len(names) == 3 and names == sorted(p.name for p in spread.iterdir())
    for name in names:
        assert (alone / name).read_text() == (spread / name).read_text()
    assert on_session_cluster == [cluster_module.ClusterSpec(address="tcp://s:8786")]


@pytest.mark.slow
def test_etr_with_a_cluster(on_session_cluster: list[object]) -> None:
    args = ["etr", "--from", "2025-04-01", "--to", "2025-04-10", "-p", "CHN", "-p", "ALL"]
    alone = runner.invoke(app, [*args, "--format", "json"])
    spread = runner.invoke(app, [*args, "--format", "json", "--cluster", "local:2"])
    assert alone.exit_code == spread.exit_code == 0, spread.output
    assert json.loads(spread.stdout) == json.loads(alone.stdout)
    assert len(json.loads(spread.stdout)["rows"]) == 20
    assert len(on_session_cluster) == 1


@pytest.mark.slow
def test_simulate_with_a_cluster(on_session_cluster: list[object]) -> None:
    args = ["simulate", "--partner", "MEX", "--date", "2025-04-10", "--draws", "600"]
    alone = runner.invoke(app, [*args, "--format", "json"])
    spread = runner.invoke(app, [*args, "--format", "json", "--cluster", "local:2"])
    assert alone.exit_code == spread.exit_code == 0, spread.output
    assert json.loads(spread.stdout) == json.loads(alone.stdout)
    assert {"median", "p05", "p95"} <= set(json.loads(spread.stdout)["headline"][0])
    assert on_session_cluster == [cluster_module.ClusterSpec(workers=2)]


@pytest.mark.shared
@pytest.mark.slow
def test_ingest_max_in_flight_reaches_the_cluster_run(
    on_session_cluster: list[object],
    twelve: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import tariffscope.distributed.ingest as ingest_module

    bounds: list[object] = []
    original = ingest_module.ingest_on_cluster

    def recording(*args: object, **kwargs: object) -> object:
        bounds.append(kwargs.get("max_in_flight"))
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(ingest_module, "ingest_on_cluster", recording)
    args = ["ingest", *map(str, twelve[:3]), "--format", "json", "--cluster", "local:2"]
    result = runner.invoke(app, [*args, "--db", str(tmp_path / "s.duckdb"), "--max-in-flight", "1"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == 3
    assert bounds == [1]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ([], "--max-in-flight bounds the partitions of a --cluster run; give --cluster too"),
        (["--cluster", "local:2", "--max-in-flight", "0"], "'--max-in-flight': Input should be"),
    ],
)
def test_ingest_max_in_flight_without_a_cluster_or_below_1_exits_2(
    tmp_path: Path, extra: list[str], message: str
) -> None:
    story = tmp_path / "story.txt"
    story.write_text("A story.\n", encoding="utf-8")
    db = tmp_path / "never.duckdb"
    bound = [] if extra else ["--max-in-flight", "4"]
    result = runner.invoke(app, ["ingest", str(story), "--db", str(db), *bound, *extra])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not db.exists()
