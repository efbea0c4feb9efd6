"""Word lists of the measure reader's effective-date code (``MeasureComponent._effective``
and ``_cross_sentence_dates`` in :mod:`tariffscope.news.measures`).

Every other word list of the measure reader lives in ``news/data/lexicon.json`` (``words``,
names prefixed ``measure_``). These four stay here only until the temporal layer replaces the
effective-date code that reads them (issue 10); that code is left as it is.
"""

from __future__ import annotations

__all__ = ["ANNOUNCE", "DEAL_VERBS", "EFFECTIVE_PREPS", "EFFECT_WORDS"]

EFFECTIVE_PREPS = frozenset(
    {"on", "from", "starting", "beginning", "effective", "effective from", "as of", "by"}
)
ANNOUNCE = frozenset(
    {
        "say",
        "announce",
        "tell",
        "warn",
        "write",
        "post",
        "threaten",
        "sign",
        "unveil",
        "reveal",
        "report",
        "add",
        "note",
        "state",
    }
)
DEAL_VERBS = frozenset(["reach", "strike", "seal", "agree", "conclude", "finalize", "finalise"])
EFFECT_WORDS = (
    "take effect",
    "takes effect",
    "took effect",
    "taking effect",
    "retroactive to",
    "effective",
    "effective from",
    "come into force",
    "comes into force",
    "kick in",
    "kicks in",
    "go into effect",
    "goes into effect",
    "went into effect",
    "starting",
    "from",
)
