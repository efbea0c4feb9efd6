"""The frozen split of the annotated corpus in tests/news/corpus (rule in its README)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
Split = Literal["train", "test"]


def split_of_url(url: str) -> Split:
    """``test`` when the first hex digit of SHA-256(url) is 0-6, else ``train``."""
    digit = hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[0]
    return "test" if int(digit, 16) <= 6 else "train"


def story_url(path: Path) -> str:
    """The ``url:`` header value of a corpus story."""
    for line in path.read_text(encoding="utf-8").splitlines()[:4]:
        if line.startswith("url:"):
            return line.removeprefix("url:").strip()
    raise ValueError(f"{path}: no url: header")


def stories(split: Split, folder: Path = CORPUS_DIR) -> list[Path]:
    """The corpus stories of one split, in file-name order."""
    return [p for p in sorted(folder.glob("*.txt")) if split_of_url(story_url(p)) == split]


if __name__ == "__main__":
    for name in ("train", "test"):
        print(name, " ".join(p.name for p in stories(name)))  # type: ignore[arg-type]
