"""Briefs over every story of a negotiation held in a store."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tariffscope.domain.news import Extraction
from tariffscope.errors import InputError

__all__ = ["stored_extractions"]


def stored_extractions(
    db: Path, sources: Sequence[str], extractions: Sequence[Extraction]
) -> list[Extraction]:
    """The extractions of the given stories plus those the store already holds for the pair."""
    raise InputError("--db needs the negotiation store, which is not available in this version")
