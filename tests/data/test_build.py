"""The build registry, deterministic embedded tables, source lookup and fetching (no network)."""

from __future__ import annotations

import gzip
import json
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
import requests

from tariffscope.config import embedded_dir
from tariffscope.data import build as build_module
from tariffscope.data.build import BUILDERS, read_manifest, register, run_builds
from tariffscope.data.builders import BuildContext, Builder
from tariffscope.data.fetch import fetch
from tariffscope.data.sources import SOURCES, Source, get_source, locate, where
from tariffscope.data.tables import read_table, sha256_file, write_table
from tariffscope.errors import DataFileError, DataUnavailableError, InputError

HTS = SOURCES["hts_2025_basic_edition"]


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No shared folder and an empty user data folder."""
    empty = tmp_path / "no-shared"
    empty.mkdir()
    monkeypatch.setenv("TARIFFSCOPE_SHARED_DIR", str(empty))
    monkeypatch.setenv("TARIFFSCOPE_DATA_DIR", str(tmp_path / "user"))
    return tmp_path


def fake_builder(name: str = "fake", write: bool = True) -> Builder:
    def build_fake(context: BuildContext) -> Mapping[str, object]:
        if write:
            write_table(pd.DataFrame({"a": [1, 2], "b": ["x", "é"]}), context.output("fake.csv.gz"))
        return {"rows": 2}

    return Builder(name, "a test table", (), ("fake.csv.gz",), build_fake)


def test_write_table_is_deterministic(tmp_path: Path) -> None:
    frame = pd.DataFrame({"hts": ["0101", "01012100"], "level": [4, 8]})
    first = write_table(frame, tmp_path / "a.csv.gz").read_bytes()
    second = write_table(frame, tmp_path / "b.csv.gz").read_bytes()
    assert first == second
    assert first[4:8] == b"\0\0\0\0"  # gzip MTIME field
    back = read_table(tmp_path / "a.csv.gz", ["hts", "level"], dtypes={"level": "int64"})
    assert back["hts"].tolist() == ["0101", "01012100"]  # codes stay strings
    assert gzip.decompress(first).decode().splitlines()[0] == "hts,level"


def test_read_table_errors(tmp_path: Path) -> None:
    with pytest.raises(DataUnavailableError, match="missing"):
        read_table(tmp_path / "absent.csv.gz", ["a"])
    write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.csv.gz")
    with pytest.raises(DataFileError, match="column 'b' is missing"):
        read_table(tmp_path / "t.csv.gz", ["a", "b"])
    (tmp_path / "junk.csv.gz").write_bytes(b"not gzip")
    with pytest.raises(DataFileError, match=r"junk\.csv\.gz"):
        read_table(tmp_path / "junk.csv.gz", ["a"])


def test_registry_runs_a_new_builder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(BUILDERS, "fake", fake_builder())
    (result,) = run_builds(["fake"], out=tmp_path)
    assert [out.path.name for out in result.outputs] == ["fake.csv.gz"]
    manifest = read_manifest("fake", tmp_path)
    assert manifest is not None
    assert str(manifest["function"]).endswith("test_build:fake_builder.<locals>.build_fake")
    assert manifest["facts"] == {"rows": 2}
    assert manifest["outputs"] == [
        {"file": "fake.csv.gz", "sha256": result.outputs[0].sha256, "bytes": result.outputs[0].size}
    ]
    before = result.manifest.read_bytes()
    run_builds(["fake"], out=tmp_path)
    assert result.manifest.read_bytes() == before


def test_register_refuses_a_taken_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(build_module, "BUILDERS", dict(BUILDERS))
    register(fake_builder("another"))
    assert "another" in build_module.BUILDERS
    with pytest.raises(ValueError, match="hts_schedule"):
        register(fake_builder("hts_schedule"))


def test_a_builder_must_write_its_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(BUILDERS, "lazy", fake_builder("lazy", write=False))
    with pytest.raises(DataFileError, match="did not write"):
        run_builds(["lazy"], out=tmp_path)


def test_unknown_names() -> None:
    with pytest.raises(InputError, match="unknown builder 'nope'") as info:
        run_builds(["nope"])
    assert info.value.hint is not None and "hts_schedule" in info.value.hint
    with pytest.raises(InputError, match="unknown source 'nope'"):
        get_source("nope")


def test_missing_source_says_how_to_get_it(isolated: Path) -> None:
    assert where(HTS) == ("missing", None)
    with pytest.raises(DataUnavailableError) as info:
        run_builds(["hts_schedule"], out=isolated / "out")
    assert HTS.url in info.value.message
    assert (
        info.value.hint is not None
        and "tariffscope data fetch hts_2025_basic_edition" in info.value.hint
    )
    assert not (isolated / "out").exists() or not any((isolated / "out").iterdir())


def copying_downloader(source_file: Path) -> Any:
    def download(url: str, output_file: Any, pooch: Any) -> None:
        shutil.copyfile(source_file, output_file)

    return download


def test_fetch_checks_the_checksum(tmp_path: Path) -> None:
    payload = tmp_path / "payload.csv"
    payload.write_text("hello\n")
    digest = sha256_file(payload)
    source = Source("toy", "a toy file", "https://example.invalid/toy.csv", digest, "toy.csv")
    path = fetch(source, directory=tmp_path / "cache", downloader=copying_downloader(payload))
    assert path == tmp_path / "cache" / "toy.csv" and path.read_text() == "hello\n"
    wrong = Source("toy2", "a toy file", "https://example.invalid/toy2.csv", "0" * 64, "toy2.csv")
    with pytest.raises(DataUnavailableError, match=r"https://example.invalid/toy2.csv"):
        fetch(wrong, directory=tmp_path / "cache", downloader=copying_downloader(payload))
    assert not (tmp_path / "cache" / "toy2.csv").exists()


def test_fetch_without_network_names_the_url(tmp_path: Path) -> None:
    def offline(url: str, output_file: Any, pooch: Any) -> None:
        try:
            raise OSError(-2, "Name or service not known")
        except OSError as error:
            raise requests.ConnectionError("Max retries exceeded") from error

    with pytest.raises(DataUnavailableError) as info:
        fetch(HTS, directory=tmp_path, downloader=offline)
    line = info.value.one_line()
    assert HTS.url in line and "Name or service not known" in line and "\n" not in line
    assert info.value.exit_code == 1


@pytest.mark.shared
def test_build_is_byte_identical_and_matches_the_committed_table(
    tmp_path: Path, shared: Path
) -> None:
    first = run_builds(["hts_schedule"], shared=shared, out=tmp_path / "one")[0]
    second = run_builds(["hts_schedule"], shared=shared, out=tmp_path / "two")[0]
    for a, b in zip(first.outputs, second.outputs, strict=True):
        assert a.path.read_bytes() == b.path.read_bytes()
    assert first.manifest.read_bytes() == second.manifest.read_bytes()
    committed = embedded_dir() / "hts_2025_schedule.csv.gz"
    assert first.outputs[0].sha256 == sha256_file(committed)
    assert (first.sources[0].sha256, first.sources[0].matches) == (HTS.sha256, True)
    assert first.facts["hts8_lines"] == 11413
    # derived, not a copy: smaller and a different format
    assert committed.stat().st_size < (shared / HTS.shared_path).stat().st_size / 4  # type: ignore[operator]


@pytest.mark.shared
def test_build_uses_a_fetched_file_without_shared(isolated: Path, shared: Path) -> None:
    official = shared / "data/b_tariff_schedule/hts_2025_basic_edition.csv"
    cached = fetch(HTS, downloader=copying_downloader(official))
    assert where(HTS) == ("fetched", cached) and locate(HTS) == cached
    (result,) = run_builds(["hts_schedule"], out=isolated / "out")
    assert result.sources[0].path == cached
    assert result.outputs[0].sha256 == sha256_file(embedded_dir() / "hts_2025_schedule.csv.gz")


def test_committed_manifest_and_provenance_agree() -> None:
    """The manifest records what was built; PROVENANCE.md documents the same source."""
    manifest = read_manifest("hts_schedule")
    assert manifest is not None
    (output,) = manifest["outputs"]  # type: ignore[misc]
    assert output["sha256"] == sha256_file(embedded_dir() / output["file"])
    (source,) = manifest["sources"]  # type: ignore[misc]
    assert (source["sha256"], source["url"]) == (HTS.sha256, HTS.url)
    provenance = (embedded_dir() / "PROVENANCE.md").read_text(encoding="utf-8")
    for needle in (output["file"], source["sha256"], source["url"], manifest["function"]):
        assert str(needle) in provenance
    assert json.loads((embedded_dir() / "hts_schedule.build.json").read_text())["builder"] == (
        "hts_schedule"
    )
