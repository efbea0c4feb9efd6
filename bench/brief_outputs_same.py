"""Check that two source trees give byte-identical briefs (terminal text and ``--json``).

A speed change must not change what the brief says. For each story, this runs
``tariffscope brief STORY --json OUT`` from each tree (``PYTHONPATH=SRC``) and compares the
stdout and the JSON file byte for byte. The stories are the founding story and, when the shared
articles are there, six development stories (two undated).

Run: ``python bench/brief_outputs_same.py BASE_SRC NEW_SRC [OUT_DIR]`` from the checkout (the
venv's python). Exit 0 when every output is identical, 1 otherwise (the differing files are kept
in OUT_DIR for ``diff``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARIFFSCOPE = Path(sys.executable).with_name("tariffscope")
DEV = ROOT.parent / "shared" / "articles" / "dev"
DEV_PREFIXES = ("02-", "05-", "09-", "13-", "21-", "29-")


def _stories() -> list[Path]:
    stories = [ROOT / "examples" / "ishiba-bessent-2025-07-18.txt"]
    if DEV.is_dir():
        for prefix in DEV_PREFIXES:
            stories.extend(sorted(DEV.glob(f"{prefix}*.txt")))
    return stories


def _brief(src: str, story: Path, out: Path) -> tuple[bytes, bytes]:
    json_path = out / f"{story.stem}.json"
    done = subprocess.run(
        [str(TARIFFSCOPE), "brief", str(story), "--json", str(json_path)],
        capture_output=True,
        env=dict(os.environ, PYTHONPATH=src, COLUMNS="120"),
        check=False,
    )
    (out / f"{story.stem}.txt").write_bytes(done.stdout)
    (out / f"{story.stem}.rc").write_text(str(done.returncode))
    json_bytes = json_path.read_bytes() if json_path.exists() else b""
    return done.stdout + f"\nexit {done.returncode}".encode(), json_bytes


def main(base: str, new: str, out_dir: str | None = None) -> int:
    root = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="brief_same_"))
    differing = 0
    for story in _stories():
        outputs = {}
        for name, src in (("base", base), ("new", new)):
            folder = root / name
            folder.mkdir(parents=True, exist_ok=True)
            outputs[name] = _brief(src, story, folder)
        text_same = outputs["base"][0] == outputs["new"][0]
        json_same = outputs["base"][1] == outputs["new"][1]
        differing += not (text_same and json_same)
        print(
            f"{story.name}: terminal {'same' if text_same else 'DIFFERENT'}, "
            f"json {'same' if json_same else 'DIFFERENT'} ({len(outputs['new'][1])} bytes)"
        )
    print(f"{differing} of {len(_stories())} stories differ; outputs in {root}")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
