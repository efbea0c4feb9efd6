"""The frozen split of the annotated corpus in tests/news/corpus (rule in its README)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Literal

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"
Split = Literal["train", "test"]
TrainPart = Literal["A", "B"]
FIRST_TRANSFER_FREE_ID = 900


def split_of_url(url: str) -> Split:
    """``test`` when the first hex digit of SHA-256(url) is 0-6, else ``train``."""
    digit = hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[0]
    return "test" if int(digit, 16) <= 6 else "train"


def train_part_of_url(url: str, story_id: int) -> TrainPart:
    """``B`` (the transfer check, scored in aggregate only) for a train story below ID 900 whose
    SHA-256(url) has an odd second hex digit; ``A`` (rules may be written from it) otherwise.

    Stories from ID 900 on were read for rules when they arrived, so they are all ``A``.
    """
    digit = hashlib.sha256(url.strip().encode("utf-8")).hexdigest()[1]
    if story_id < FIRST_TRANSFER_FREE_ID and int(digit, 16) % 2 == 1:
        return "B"
    return "A"


def story_url(path: Path) -> str:
    """The ``url:`` header value of a corpus story."""
    for line in path.read_text(encoding="utf-8").splitlines()[:4]:
        if line.startswith("url:"):
            return line.removeprefix("url:").strip()
    raise ValueError(f"{path}: no url: header")


def stories(split: Split, folder: Path = CORPUS_DIR) -> list[Path]:
    """The corpus stories of one split, in file-name order."""
    return [p for p in sorted(folder.glob("*.txt")) if split_of_url(story_url(p)) == split]


def train_part(part: TrainPart, folder: Path = CORPUS_DIR) -> list[Path]:
    """The train stories of one part (A: read for rules; B: transfer check), in file-name order."""
    return [
        p
        for p in stories("train", folder)
        if train_part_of_url(story_url(p), int(p.name.split("-", 1)[0])) == part
    ]


if __name__ == "__main__":
    for name in ("train", "test"):
        print(name, " ".join(p.name for p in stories(name)))  # type: ignore[arg-type]
    for part in ("A", "B"):
        print(f"train_{part}", " ".join(p.name for p in train_part(part)))  # type: ignore[arg-type]
