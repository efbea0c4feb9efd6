"""Following a negotiation across stories: ingest, merge, and the state on a date.

- :func:`ingest_paths` reads files, folders and URLs into a :class:`~tariffscope.store.Store`
  (duplicates skipped by content hash, unreadable inputs reported, one transaction per story).
- :func:`negotiation_state` merges what the stored stories say about a party pair: one event
  per real-world event with every story as a source, quotes de-duplicated across outlets,
  measures with their latest status, the next deadline and a status label.

Example
-------
>>> from tariffscope.store import Store
>>> from tariffscope.tracker import negotiation_state
>>> with Store.memory() as store:
...     state = negotiation_state(store, "USA-JPN")
>>> state.status, state.events
('no talks reported', ())
"""

from tariffscope.tracker._cluster import EventReport, cluster_events, same_place
from tariffscope.tracker._combined import CombinedMatch, across_the_board, combined_link
from tariffscope.tracker._dates import DateWindow, event_window
from tariffscope.tracker._dating import (
    DatedStory,
    StoryDating,
    stated_publication_date,
    story_date_clue,
)
from tariffscope.tracker._identity import PersonIndex, party_of, same_person
from tariffscope.tracker._ingest import (
    ARTICLE_SUFFIXES,
    Extractor,
    IngestReport,
    InputResult,
    Preparer,
    ProgressCallback,
    default_extractor,
    expand_inputs,
    ingest_paths,
)
from tariffscope.tracker._pairs import (
    PairSupport,
    article_pairs,
    lone_party,
    pair_support,
    parse_pair,
    rank_pairs,
    story_pairs,
)
from tariffscope.tracker._quotes import normalize_quote, same_quote
from tariffscope.tracker._state import negotiation_state
from tariffscope.tracker._views import (
    STATUS_LABELS,
    ActorView,
    DeadlineView,
    EventView,
    MeasureView,
    NegotiationState,
    QuoteView,
    SourceRef,
    StatusLabel,
    VisitEntry,
    VisitSeries,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "STATUS_LABELS",
    "ActorView",
    "CombinedMatch",
    "DateWindow",
    "DatedStory",
    "DeadlineView",
    "EventReport",
    "EventView",
    "Extractor",
    "IngestReport",
    "InputResult",
    "MeasureView",
    "NegotiationState",
    "PairSupport",
    "PersonIndex",
    "Preparer",
    "ProgressCallback",
    "QuoteView",
    "SourceRef",
    "StatusLabel",
    "StoryDating",
    "VisitEntry",
    "VisitSeries",
    "across_the_board",
    "article_pairs",
    "cluster_events",
    "combined_link",
    "default_extractor",
    "event_window",
    "expand_inputs",
    "ingest_paths",
    "lone_party",
    "negotiation_state",
    "normalize_quote",
    "pair_support",
    "parse_pair",
    "party_of",
    "rank_pairs",
    "same_person",
    "same_place",
    "same_quote",
    "stated_publication_date",
    "story_date_clue",
    "story_pairs",
]
