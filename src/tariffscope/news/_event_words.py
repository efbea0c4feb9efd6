"""Word lists of the event reader (:mod:`tariffscope.news.events` and its helpers)."""

from __future__ import annotations

__all__ = [
    "ACL_EVENT_VERBS",
    "COLLECTIVE",
    "COUNT_WORDS",
    "FUTURE_HEADS",
    "GROUPS",
    "MEASURE_ACTS",
    "MEASURE_WORDS",
    "NOT_EVENT_DATE_PREPS",
    "NUMBERS",
    "PLANNED_WORDS",
    "REPORT_VERBS",
    "REQUEST_VERBS",
]

COUNT_WORDS = {"twice": 2, "thrice": 3, "once": 1}
NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": None,
}
GROUPS = frozenset(
    {
        "leaders",
        "two",
        "both",
        "sides",
        "countries",
        "nations",
        "governments",
        "delegations",
        "parties",
    }
)
REPORT_VERBS = frozenset(["say", "tell", "write", "post", "warn", "threaten", "announce", "add"])
MEASURE_ACTS = frozenset(
    [
        "impose",
        "raise",
        "increase",
        "hike",
        "slap",
        "levy",
        "put",
        "place",
        "extend",
        "suspend",
        "lift",
        "remove",
        "cut",
        "lower",
        "reduce",
        "delay",
        "postpone",
        "pause",
    ]
)
MEASURE_WORDS = frozenset(
    ["tariff", "tariffs", "duty", "duties", "levy", "levies", "countermeasure", "countermeasures"]
)
COLLECTIVE = frozenset(
    ["administration", "government", "team", "office", "camp", "cabinet", "ministry"]
)
REQUEST_VERBS = frozenset(
    ["ask", "urge", "press", "push", "want", "seek", "invite", "call", "pressure", "lobby"]
)
FUTURE_HEADS = frozenset(
    [
        "set",
        "expect",
        "schedule",
        "plan",
        "go",
        "due",
        "prepare",
        "aim",
        "intend",
        "will",
        "hope",
        "agree",
        "continue",
        "begin",
        "start",
        "able",
    ]
)
ACL_EVENT_VERBS = frozenset(
    [
        "finalize",
        "finalise",
        "sign",
        "reach",
        "announce",
        "seal",
        "strike",
        "conclude",
        "agree",
        "hold",
        "make",
    ]
)
NOT_EVENT_DATE_PREPS = frozenset(  # deadlines and effective dates, not the event's day
    [
        "until",
        "till",
        "since",
        "by",
        "from",
        "starting",
        "beginning",
        "effective",
        "effective from",
        "as of",
    ]
)
PLANNED_WORDS = frozenset(
    {"upcoming", "planned", "proposed", "expected", "next", "future", "scheduled", "possible"}
)
