"""``tariffscope data build``: run the builders that derive the embedded tables.

:data:`BUILDERS` holds every builder by name (the built-in ones from
:mod:`tariffscope.data.builders`, plus any added with :func:`register`). :func:`run_builds`
runs all or some of them; after each, it writes ``<builder>.build.json`` beside the outputs: the
builder, its function, the sources with their URL and SHA-256, and each output's SHA-256 and
size. Builds are deterministic: the same sources give the same bytes.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from tariffscope.config import embedded_dir
from tariffscope.data.builders import BuildContext, Builder, builtin_builders
from tariffscope.data.sources import get_source, where
from tariffscope.data.tables import sha256_file
from tariffscope.errors import DataFileError, InputError

__all__ = [
    "BUILDERS",
    "BuildResult",
    "OutputFile",
    "SourceUse",
    "manifest_path",
    "read_manifest",
    "register",
    "run_builds",
    "select_builders",
    "source_status",
]

logger = logging.getLogger(__name__)

#: Every builder by name, in build order.
BUILDERS: dict[str, Builder] = {builder.name: builder for builder in builtin_builders()}


def register(builder: Builder) -> Builder:
    """Add a builder to :data:`BUILDERS`; raises ValueError if the name is taken."""
    if builder.name in BUILDERS:
        raise ValueError(f"a builder named {builder.name!r} is already registered")
    BUILDERS[builder.name] = builder
    return builder


@dataclass(frozen=True)
class SourceUse:
    """A source file a build read."""

    name: str
    url: str
    path: Path
    sha256: str
    expected_sha256: str | None

    @property
    def matches(self) -> bool | None:
        """True/False if a checksum is known for the source, None otherwise."""
        return None if self.expected_sha256 is None else self.sha256 == self.expected_sha256


@dataclass(frozen=True)
class OutputFile:
    """A file a build wrote."""

    path: Path
    sha256: str
    size: int


@dataclass(frozen=True)
class BuildResult:
    """What one builder did."""

    builder: str
    sources: tuple[SourceUse, ...]
    outputs: tuple[OutputFile, ...]
    manifest: Path
    facts: dict[str, object]


def manifest_path(out_dir: Path, builder: str) -> Path:
    """Where the build manifest of ``builder`` lives."""
    return out_dir / f"{builder}.build.json"


def read_manifest(builder: str, out_dir: Path | None = None) -> dict[str, object] | None:
    """The build manifest of ``builder`` in ``out_dir`` (default embedded), or None."""
    path = manifest_path(out_dir or embedded_dir(), builder)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise DataFileError(f"{path}: cannot read the build manifest: {error}") from error
    if not isinstance(data, dict):
        raise DataFileError(f"{path}: a build manifest must be a JSON object")
    return data


def select_builders(names: Iterable[str] = ()) -> list[Builder]:
    """The builders called ``names`` (all when empty); InputError names an unknown one."""
    names = list(names)
    if not names:
        return list(BUILDERS.values())
    unknown = [name for name in names if name not in BUILDERS]
    if unknown:
        raise InputError(
            f"unknown builder {unknown[0]!r}", hint=f"known builders: {', '.join(BUILDERS)}"
        )
    return [BUILDERS[name] for name in dict.fromkeys(names)]


def _run_one(builder: Builder, context: BuildContext) -> BuildResult:
    uses = []
    for name in builder.sources:
        source = get_source(name)
        path = context.source(name)
        digest = sha256_file(path)
        if source.sha256 is not None and digest != source.sha256:
            logger.warning(
                "%s: %s has SHA-256 %s, not the known %s", builder.name, path, digest, source.sha256
            )
        uses.append(SourceUse(name, source.url, path, digest, source.sha256))
    context.out_dir.mkdir(parents=True, exist_ok=True)
    facts = dict(builder.function(context))
    outputs = []
    for filename in builder.outputs:
        path = context.output(filename)
        if not path.is_file():
            raise DataFileError(f"builder {builder.name} did not write its output {path}")
        outputs.append(OutputFile(path, sha256_file(path), path.stat().st_size))
    manifest = {
        "builder": builder.name,
        "description": builder.description,
        "function": builder.function_name,
        "sources": [
            {"name": use.name, "url": use.url, "file": use.path.name, "sha256": use.sha256}
            for use in uses
        ],
        "outputs": [
            {"file": out.path.name, "sha256": out.sha256, "bytes": out.size} for out in outputs
        ],
        "facts": facts,
    }
    path = manifest_path(context.out_dir, builder.name)
    path.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return BuildResult(builder.name, tuple(uses), tuple(outputs), path, facts)


def run_builds(
    names: Iterable[str] = (),
    *,
    shared: Path | None = None,
    out: Path | None = None,
    on_start: Callable[[Builder], None] | None = None,
) -> list[BuildResult]:
    """Run builders and write their outputs and manifests.

    Parameters
    ----------
    names
        Builders to run; all when empty.
    shared
        The shared folder to read sources from; default the configured one, falling back to
        the download cache (``tariffscope data fetch``).
    out
        The output folder; default the package's ``data/embedded``.
    on_start
        Called with each builder before it runs (progress display).

    Raises
    ------
    InputError
        For an unknown builder name.
    DataUnavailableError
        If a source is neither in the shared folder nor fetched.
    """
    builders = select_builders(names)
    if shared is not None and not shared.is_dir():
        raise InputError(f"shared folder {shared} does not exist")
    context = BuildContext(out_dir=out if out is not None else embedded_dir(), shared=shared)
    results = []
    for builder in builders:
        if on_start is not None:
            on_start(builder)
        results.append(_run_one(builder, context))
    return results


def source_status(shared: Path | None = None) -> list[tuple[str, str, Path | None]]:
    """``(source name, location, path)`` for every source of every builder."""
    names = dict.fromkeys(name for builder in BUILDERS.values() for name in builder.sources)
    rows: list[tuple[str, str, Path | None]] = []
    for name in names:
        location, path = where(get_source(name), shared)
        rows.append((name, location, path))
    return rows
