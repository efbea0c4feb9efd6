"""Round 18 classes of announcements and agreements (issue 10), each on sentences written for
it (partners and people of no story in the corpus):

- a measure verb told in the -ing form under another word ("has proposed *imposing* tariffs",
  "after weeks of *threatening* duties") is a proposal or a habit, not a government's act
  (guard act_in_ing_form on announcement.measure_verb);
- in a story with a publication date, an announcement or agreement told in the simple past
  in the main clause with no day, month or place of its own ("Norway imposed a 15 percent
  tariff on ...") retells an act, it is no act at a date
  (:func:`tariffscope.news.event_context.is_background`, ``story_dated``); with a day of its
  own, or in a story with no publication date (where a day told could not be resolved), it
  stands;
- an announcement noun with no time in its phrase, no maker's "by" phrase and no phrase of
  what it announced ("The announcement comes after ...") points back to an act told elsewhere
  (guard noun_tells_nothing_new on announcement.noun, lexicon event_announced_preps);
- the rollout of a measure at a time names its announcement (lexicon event_announcement_nouns);
- in a story with a publication date, an announcement told in the present perfect with no
  time or place ("Peru has announced new tariffs on ...") stands only if another mention gives
  it a day or place (``events._occasion_untold``, ``story_dated``).
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text

#: The publication date of the dated stories below (a Friday).
PUBLISHED = "2025-03-14"


def _events(
    nlp: Language, body: str, published: str | None = PUBLISHED
) -> list[tuple[str, str | None, tuple[str, ...]]]:
    header = f"published: {published}\n" if published else ""
    article = article_from_text(f"{header}title: Trade news of the day\n\n{body}\n")
    return [
        (e.kind, e.date.isoformat() if e.date else None, tuple(e.participants))
        for e in extract(article, nlp).events
    ]


#: (kind, dated story?, body): sentences that tell no event of that kind.
NO_EVENT = [
    # a measure proposed in the -ing form
    (
        "announcement",
        True,
        "Chile's president has proposed imposing tariffs of as much as 20% on Peruvian wine.",
    ),
    # a gerund after a preposition
    (
        "announcement",
        True,
        "After weeks of threatening steep tariffs on Peruvian wine in March, "
        "Chile's president sent his trade minister to Lima.",
    ),
    # a measure retold in the simple past with no day
    (
        "announcement",
        True,
        "Norway imposed a 15 percent tariff on Chilean salmon. The Chilean "
        "trade minister will travel to Oslo next week.",
    ),
    # the same with a vague time that gives no day or month
    (
        "announcement",
        True,
        "Earlier this year, Norway slapped a 15 percent tariff on Chilean salmon.",
    ),
    # a deal retold in the simple past with no day
    (
        "agreement",
        True,
        "Ecuador also reached a trade deal with Peru. Chile's trade minister "
        "will travel to Lima next week.",
    ),
    # an announcement noun pointing back to an act told before
    (
        "announcement",
        True,
        "Ecuador's trade minister said on Wednesday that talks with Peru "
        "would resume. Ecuador's announcement came despite a warning from Lima.",
    ),
    # an act in the present perfect with no time or place, in a dated story
    (
        "announcement",
        True,
        "Peru has announced new tariffs on Chilean fruit. Chile's minister will visit Lima.",
    ),
]

#: (event, dated story?, body): the counter-cases, told as acts.
AN_EVENT = [
    (
        ("announcement", "2025-03-11", ("CHL",)),
        True,
        "Chile's government imposed a 20% tariff on Peruvian wine on Tuesday.",
    ),
    (
        ("announcement", "2025-03-12", ("ECU",)),
        True,
        "Ecuador's announcement on Wednesday of new tariffs on Peruvian shrimp angered Lima.",
    ),
    (
        ("announcement", "2025-01-01", ("PER",)),
        True,
        "Shortly after Peru's rollout of new tariffs "
        "on Chilean fruit in January, Chile asked for talks.",
    ),
]

#: (kind, dated story?, body): counter-cases whose event stands, its date aside.
A_KIND = [
    ("agreement", True, "Ecuador reached a trade deal with Peru on Monday."),
    # in a story with no publication date a day told cannot be resolved: the act stands
    ("announcement", False, "Norway imposed a 15 percent tariff on Chilean salmon on Tuesday."),
    ("announcement", False, "Norway imposed a 15 percent tariff on Chilean salmon."),
    (
        "announcement",
        False,
        "Peru has announced new tariffs on Chilean fruit. Chile's minister will visit Lima.",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "dated", "body"), NO_EVENT)
def test_no_event_of_the_kind(nlp: Language, kind: str, dated: bool, body: str) -> None:
    found = _events(nlp, body, PUBLISHED if dated else None)
    assert kind not in [k for k, _, _ in found]


@pytest.mark.slow
@pytest.mark.parametrize(("event", "dated", "body"), AN_EVENT)
def test_the_event_told(
    nlp: Language, event: tuple[str, str, tuple[str, ...]], dated: bool, body: str
) -> None:
    assert event in _events(nlp, body, PUBLISHED if dated else None)


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "dated", "body"), A_KIND)
def test_an_event_of_the_kind(nlp: Language, kind: str, dated: bool, body: str) -> None:
    found = _events(nlp, body, PUBLISHED if dated else None)
    assert kind in [k for k, _, _ in found]
