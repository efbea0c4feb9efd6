"""Word lists of the event reader, for the modules that still import them by name.

Every list lives in the lexicon (``news/data/lexicon.json``, ``words`` section, names
``event_*``); the event component reads them with ``lexicon.words(name)``. The old constant
names below resolve to the default lexicon's sets on access (module ``__getattr__``), so that
helper modules not yet handed a lexicon keep working; new code takes the lexicon instead.
``COUNT_WORDS`` and ``NUMBERS`` map words to numbers and stay here.
"""

from __future__ import annotations

from tariffscope.news.lexicon import default_lexicon

__all__ = ["COUNT_WORDS", "NUMBERS"]  # and the lexicon-backed names of _LEXICON_NAMES

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

_LEXICON_NAMES = {
    "ACL_EVENT_VERBS": "event_acl_event_verbs",
    "COLLECTIVE": "event_collective",
    "FUTURE_HEADS": "event_future_heads",
    "GROUPS": "event_groups",
    "MEASURE_ACTS": "event_measure_acts",
    "MEASURE_WORDS": "event_measure_words",
    "NOT_EVENT_DATE_PREPS": "event_not_date_preps",
    "PLANNED_WORDS": "event_planned_words",
    "REPORT_VERBS": "event_report_verbs",
    "REQUEST_VERBS": "event_request_verbs",
}


def __getattr__(name: str) -> frozenset[str]:
    if name in _LEXICON_NAMES:
        return default_lexicon().words(_LEXICON_NAMES[name])
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
