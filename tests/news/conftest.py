"""Fixtures of the news reader tests.

Unit tests build ``spacy.blank("en")`` pipelines or hand-made ``Doc`` objects. Tests that need
the trained English model use the ``nlp`` fixture and are marked ``slow``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

SEED = "seed/ishiba-bessent-2025-07-18.txt"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full tariffscope pipeline (model plus components), loaded once."""
    from tariffscope.news.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_path(shared: Path) -> Path:
    """The founding story, from ../shared."""
    return shared / SEED


@pytest.fixture(scope="session")
def schema(shared: Path) -> dict[str, object]:
    """The extraction JSON schema."""
    import json

    data: dict[str, object] = json.loads(
        (shared / "schemas" / "extraction.schema.json").read_text(encoding="utf-8")
    )
    return data
