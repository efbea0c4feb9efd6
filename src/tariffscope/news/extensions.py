"""The ``Doc`` extension attributes the tariffscope components write (registered on import).

Every value is plain JSON data (lists of dicts with character offsets), so a ``Doc`` keeps its
annotations through ``Doc.to_bytes`` and across the worker processes of ``nlp.pipe``.

=========================  =====================================================  ==========
attribute                  content                                                set by
=========================  =====================================================  ==========
``tariffscope_meta``       article metadata: title, published (ISO), outlet, url  caller
``tariffscope_layout``     credit lines and headline lines (character ranges)     first user
``tariffscope_dates``      date expressions with their resolved dates             dates
``tariffscope_reference``  the day the story is read as of (ISO): its publication  dates
                           date, else the day its date clues give, else None
``tariffscope_dating``     how the story was dated: as_of (ISO or None), basis,   dates
                           detail, year_from (see news.dates_story.DateClue)
``tariffscope_persons``    people named, with role, country and mention spans     actors,
                           (``actor`` flag: the actor filter may clear it)        filter
``tariffscope_mentions``   spans naming a person (names, "the First Minister")    actors
``tariffscope_chains``     mention chains of persons (pronouns, "the two", ...)  actors
``tariffscope_quotes``     quotations with speaker and via                        quotes
``tariffscope_measures``   tariff measures                                        measures
``tariffscope_events``     events                                                 events
``tariffscope_deadlines``  deadlines                                              events
=========================  =====================================================  ==========
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["ATTRIBUTES", "register_extensions"]

ATTRIBUTES: tuple[str, ...] = (
    "tariffscope_meta",
    "tariffscope_layout",
    "tariffscope_dates",
    "tariffscope_reference",
    "tariffscope_dating",
    "tariffscope_persons",
    "tariffscope_mentions",
    "tariffscope_chains",
    "tariffscope_quotes",
    "tariffscope_measures",
    "tariffscope_events",
    "tariffscope_deadlines",
)


def register_extensions(force: bool = False) -> None:
    """Register the attributes on ``Doc`` (default None); idempotent unless ``force``."""
    for name in ATTRIBUTES:
        if force or not Doc.has_extension(name):
            Doc.set_extension(name, default=None, force=True)


register_extensions()
