"""Word lists of the measure reader (:mod:`tariffscope.news.measures` and its helpers)."""

from __future__ import annotations

__all__ = [
    "ANNOUNCE",
    "DATE_WORDS",
    "DEAL_NOUNS",
    "DEAL_VERBS",
    "EFFECTIVE_PREPS",
    "EFFECT_WORDS",
    "ELIMINATE",
    "HIT_VERBS",
    "IMPOSE_VERBS",
    "NOT_GOODS",
    "RISE_VERBS",
    "SHARE_NEXT",
    "TARGET_SUBJECT_VERBS",
    "TOTAL_WORDS",
]

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
TARGET_SUBJECT_VERBS = frozenset({"pay", "face", "receive", "get", "see"})
IMPOSE_VERBS = frozenset(
    [
        "impose",
        "set",
        "levy",
        "slap",
        "place",
        "put",
        "apply",
        "raise",
        "hike",
        "increase",
        "cut",
        "reduce",
        "lower",
        "remove",
        "lift",
        "rescind",
        "scrap",
        "suspend",
        "maintain",
        "keep",
        "allow",
        "announce",
        "add",
        "charge",
        "collect",
        "introduce",
        "exempt",
        "waive",
        "grant",
        "halve",
        "slash",
        "extend",
        "threaten",
        "hit",
        "give",
        "offer",
        "drop",
        "eliminate",
        "double",
        "triple",
        "adopt",
        "approve",
        "enact",
        "sign",
        "order",
    ]
)
#: Words that put a tariff on every country's goods ("universal 50 percent tariffs", "a 10%
#: global tariff"); they name no goods.
WORLD_WORDS = frozenset({"universal", "global", "worldwide"})
NOT_GOODS = frozenset(
    [
        *WORLD_WORDS,
        "import",
        "export",
        "trade",
        "retaliatory",
        "reciprocal",
        "punitive",
        "countervailing",
        "anti-dumping",
        "antidumping",
        "dumping",
        "new",
        "extra",
        "additional",
        "higher",
        "high",
        "steep",
        "broad",
        "broader",
        "general",
        "current",
        "fresh",
        "provisional",
        "preliminary",
        "blanket",
        "secondary",
        "baseline",
        "flat",
        "total",
        "combined",
        "overall",
        "across",
        "board",
        "across-the-board",
        "minimum",
        "maximum",
        "fentanyl",
        "retaliation",
        "reciprocity",
        "tit",
        "tat",
    ]
)
ELIMINATE = frozenset(["eliminate", "abolish", "scrap", "remove", "drop"])
DEAL_NOUNS = frozenset(["deal", "agreement", "pact", "framework", "accord", "treaty", "truce"])
DEAL_VERBS = frozenset(["reach", "strike", "seal", "agree", "conclude", "finalize", "finalise"])
DATE_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "tomorrow",
        "yesterday",
    ]
)
HIT_VERBS = frozenset({"hit", "target", "slap", "punish", "sanction"})
RISE_VERBS = frozenset({"rise", "increase", "raise", "jump", "climb", "go", "hike"})
TOTAL_WORDS = frozenset({"total", "combined", "cumulative", "overall"})
SHARE_NEXT = frozenset({"of"})
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
