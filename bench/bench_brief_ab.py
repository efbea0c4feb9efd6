"""Benchmark: ``tariffscope brief`` on the founding story, two source trees alternating.

Each pair runs the brief once from each tree in a new process (cold Python; the user cache of
the validated catalog, GE baselines and claim calibration warm, as on every run after the
first), so both see the same machine load; each run's wall time and CPU time (user + system
of the process: on a loaded machine the steadier of the two) are reported, with the 1-minute
load average. Then, in a new process per tree, the in-process ``build_brief`` time after
reading the story (model loaded; the law engine's caches empty).

Python compiles each module's source unless it finds the module's bytecode in ``__pycache__``;
with ``PYTHONDONTWRITEBYTECODE`` set (as in some containers and CI set-ups) it never writes
any, so every run compiles tariffscope's 200-odd modules again (a third of a second). The
first line printed says which case the run is in; with ``--bytecode`` both trees run with a
bytecode cache (``PYTHONPYCACHEPREFIX``, a temporary folder, filled by the warm-up run), as
an installed package does.

Run: ``python bench/bench_brief_ab.py BASE_SRC NEW_SRC [PAIRS] [--bytecode]`` from the
checkout (the venv's python), with BASE_SRC e.g. a ``git archive <commit> src`` extracted under
/tmp.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "examples" / "ishiba-bessent-2025-07-18.txt"
TARIFFSCOPE = Path(sys.executable).with_name("tariffscope")
IN_PROCESS = f"""
import time
from tariffscope.report.build import read_sources
from tariffscope.report.brief import build_brief
extractions, _ = read_sources([{str(STORY)!r}])
started = time.perf_counter()
build_brief(extractions, draws=500)
print(time.perf_counter() - started)
"""


_BYTECODE: dict[str, str] = {}  # with --bytecode: PYTHONPYCACHEPREFIX of each tree


def _env(src: str) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=src)
    if src in _BYTECODE:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = _BYTECODE[src]
    return env


def _children_cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def _cold(src: str) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one brief in a new process."""
    started, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(
        [str(TARIFFSCOPE), "brief", str(STORY)], check=True, capture_output=True, env=_env(src)
    )
    return time.perf_counter() - started, _children_cpu() - cpu


def _in_process(src: str) -> float:
    done = subprocess.run(
        [sys.executable, "-c", IN_PROCESS],
        check=True,
        capture_output=True,
        text=True,
        env=_env(src),
    )
    return float(done.stdout.split()[-1])


def _summary(name: str, times: list[float]) -> str:
    spread = " ".join(f"{t:.2f}" for t in times)
    return f"{name}: median {statistics.median(times):.2f} s, min {min(times):.2f} s ({spread})"


def main(base: str, new: str, pairs: int = 7, bytecode: bool = False) -> None:
    trees = {"base": base, "new": new}
    if bytecode:
        for name, src in trees.items():
            _BYTECODE[src] = tempfile.mkdtemp(prefix=f"bench_brief_pyc_{name}_")
        print("bytecode: cached (PYTHONPYCACHEPREFIX per tree, written by the warm-up run)")
    elif os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("bytecode: not written (PYTHONDONTWRITEBYTECODE): every run compiles the source")
    else:
        print("bytecode: written to and read from each tree's __pycache__")
    for src in trees.values():
        _cold(src)  # fill the caches once
    cold: dict[str, list[float]] = {name: [] for name in trees}
    cpu: dict[str, list[float]] = {name: [] for name in trees}
    warm: dict[str, list[float]] = {name: [] for name in trees}
    load = [os.getloadavg()[0]]
    for _ in range(pairs):
        for name, src in trees.items():
            wall, used = _cold(src)
            cold[name].append(wall)
            cpu[name].append(used)
        load.append(os.getloadavg()[0])
    for _ in range(3):
        for name, src in trees.items():
            warm[name].append(_in_process(src))
    print(f"load average (1 min) during the pairs: {min(load):.1f}-{max(load):.1f}")
    for name in trees:
        print(_summary(f"{name} tariffscope brief (cold process)", cold[name]))
    for name in trees:
        print(_summary(f"{name} tariffscope brief (cold process), CPU user+system", cpu[name]))
    for name in trees:
        print(_summary(f"{name} in-process build_brief (model loaded)", warm[name]))
    for what, times in (("wall", cold), ("CPU", cpu)):
        differences = [n - b for b, n in zip(times["base"], times["new"], strict=True)]
        ratios = [n / b for b, n in zip(times["base"], times["new"], strict=True)]
        print(
            f"paired differences new - base ({what}): median "
            f"{statistics.median(differences):+.2f} s, ratio new / base median "
            f"{statistics.median(ratios):.2f}"
        )


if __name__ == "__main__":
    flags = [a for a in sys.argv[1:] if a.startswith("--")]
    given = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(given[0], given[1], *(int(a) for a in given[2:]), bytecode="--bytecode" in flags)
