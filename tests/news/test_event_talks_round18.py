"""Round 18 (talks18): talks and other public events, each class on sentences written for it
(Chilean, Norwegian and Peruvian people of no story; hand-built parses where the parse is not
the point, the model in the tests marked slow):

- a round of talks, like a trip, is held in one place: two mentions of talks in two named
  places are two rounds ("initial talks in Oslo ... Later talks in Santiago"), and two
  mentions of talks are one round only when they share both sides, as meetings and calls do
  (one side's talks with two others are two rounds);
- talks of one side in a country of the story's pair, when that side is not of the pair
  ("Peruvian officials are in the United States for a third round of negotiations" in a
  story of Chile and the United States), are held with the venue's country, not with the
  pair's other country; and one of the pair's talks with one side named are with the pair's
  other country, wherever held, before any third country the story names;
- an order, stay or injunction a court issues is a court's act, a public event (rule
  other.court_order), and so is a court hearing a case (rule other.court_hearing) and
  testimony at a hearing (rule other.testimony; "testified to the strength of demand" attests
  a fact, guard attests_a_fact); a ruling noun is a court's when the court, or a bench of
  it ("a three-judge panel on the Court of International Trade"), is the subject of the verb
  whose object it is; an executive order is no court's;
- a public event's proper name ("the International Coffee Expo") names the event, not an
  owner of it: whoever speaks at it takes part.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from spacy.language import Language
from tests.news.test_event_trigger_rules import build

from tariffscope.news._event_merge import same_event
from tariffscope.news._event_record import EventRecord
from tariffscope.news._event_story import EventStory
from tariffscope.news.api import extract
from tariffscope.news.event_triggers import RuleContext, _court_in_phrase, trigger_of
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()
STORY = EventStory.of([], [], [], [])


def _talks(place: str | None, *sides: str) -> EventRecord:
    return EventRecord(kind="talks", participants=sides, place=place, tokens=(0,))


def test_talks_in_two_named_places_are_two_rounds() -> None:
    oslo = replace(_talks("Oslo", "CHL", "NOR"), tokens=(3,))
    santiago = _talks("Santiago", "CHL", "NOR")
    assert not same_event(oslo, santiago, STORY, LEX)
    assert same_event(oslo, _talks("Oslo", "NOR", "CHL"), STORY, LEX)
    assert same_event(oslo, _talks(None, "CHL", "NOR"), STORY, LEX)


def test_talks_are_one_round_only_with_both_sides_shared() -> None:
    peru = EventRecord(kind="talks", participants=("PER", "USA"), tokens=(3,))
    assert not same_event(peru, _talks(None, "USA", "CHL"), STORY, LEX)
    assert same_event(peru, _talks(None, "USA", "PER"), STORY, LEX)


def _person(token: object) -> bool:
    return False


def test_a_court_subject_makes_its_object_a_ruling() -> None:
    ctx = RuleContext(LEX, _person)
    court = build(
        "the/DET/det/2 appeals/NOUN/compound/2 court/NOUN/nsubj/3 issued:issue/VERB/ROOT/3/VBD "
        "an/DET/det/5 order/NOUN/dobj/3"
    )
    assert _court_in_phrase(court[5], ctx)
    panel = build(
        "a/DET/det/2 three-judge/ADJ/amod/2 panel/NOUN/nsubj/8 on/ADP/prep/2 the/DET/det/5 "
        "Court/PROPN/pobj/3 of/ADP/prep/5 Trade/PROPN/pobj/6 issued:issue/VERB/ROOT/8/VBD "
        "a/DET/det/10 ruling/NOUN/dobj/8"
    )
    assert _court_in_phrase(panel[10], ctx)  # the panel on the court is the subject
    decided = trigger_of(panel[10], _person)
    assert decided is not None and decided.rule == "other.court_decision"
    executive = build(
        "Trump/PROPN/nsubj/1 issued:issue/VERB/ROOT/1/VBD an/DET/det/4 executive/ADJ/amod/4 "
        "order/NOUN/dobj/1"
    )
    assert not _court_in_phrase(executive[4], ctx)
    made = trigger_of(executive[4], _person)
    assert made is None or made.kind != "other"


def _events(nlp: Language, body: str) -> list[tuple[str, str | None, str | None, list[str]]]:
    text = f"published: 2025-07-16\n\nTrade news of the day\n\n{body}\n"
    return [
        (e.kind, e.date.isoformat() if e.date else None, e.place, sorted(e.participants))
        for e in extract(article_from_text(text), nlp).events
    ]


_TARIFF = "The United States raised its tariffs on Chilean copper to 50% in March. "


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # two rounds in two places
            "Chile and Norway held initial talks in Oslo in early May. Later talks in Santiago "
            "set a framework for negotiations.",
            [
                ("talks", "2025-05-01", "Oslo", ["CHL", "NOR"]),
                ("talks", None, "Santiago", ["CHL", "NOR"]),
            ],
        ),
        (  # a third country's round in a country of the story's pair
            "Chile will no longer send a delegation to the United States for tariff "
            "negotiations, Chilean Trade Minister Ana Torres said. The US Trade Representative "
            "told Chilean officials in a meeting on Thursday that their proposal was complete. "
            "Peruvian officials are in the United States for a third round of official "
            "negotiations.",
            [
                ("visit", None, "United States", ["CHL"]),
                ("talks", "2025-07-10", None, ["CHL", "USA"]),
                ("talks", None, "United States", ["PER", "USA"]),
            ],
        ),
        (  # one of the story's pair talks with the other, though a third country is named
            "The United States cut its tariffs on Chilean copper to 15% on Friday. The cut was "
            "announced following talks in Washington this week with Chilean Trade Minister Ana "
            "Torres. The European Union is seeking a similar cut for its copper, European "
            "officials said.",
            [("talks", None, "Washington", ["Ana Torres", "USA"])],
        ),
        (  # a court's order
            _TARIFF + "The Federal Circuit Court of Appeals issued an order on Tuesday.",
            [
                ("announcement", "2025-03-01", None, ["USA"]),
                ("other", "2025-07-15", None, ["USA"]),
            ],
        ),
        (  # a ruling issued by a bench of a court
            _TARIFF + "On Monday, a three-judge panel on the Court of International Trade issued "
            "a ruling against the tariffs.",
            [
                ("announcement", "2025-03-01", None, ["USA"]),
                ("other", "2025-07-14", None, ["USA"]),
            ],
        ),
        (  # a court hearing arguments holds a hearing, ahead or past
            _TARIFF
            + "The Supreme Court heard oral arguments in the case on Monday. The court will "
            "hear arguments on the copper tariffs on November 5.",
            [
                ("announcement", "2025-03-01", None, ["USA"]),
                ("other", "2025-07-14", None, ["USA"]),
                ("other", "2025-11-05", None, ["USA"]),
            ],
        ),
        (  # no court, no hearing
            _TARIFF + "Exporters heard the news on Monday.",
            [("announcement", "2025-03-01", None, ["USA"])],
        ),
        (  # an executive order is no court's
            _TARIFF + "President Donald Trump issued an executive order on Tuesday raising the "
            "tariffs.",
            [
                ("announcement", "2025-03-01", None, ["USA"]),
                ("announcement", "2025-07-15", None, ["Donald Trump"]),
            ],
        ),
        (  # testimony at a hearing, past or ahead; attesting a fact is none
            "Chilean Trade Minister Ana Torres testified before the Senate Finance Committee on "
            "Monday about the copper tariffs. She will testify before the committee again on "
            "July 22. Ana Torres also testified to the strength of copper demand on Tuesday.",
            [
                ("other", "2025-07-14", None, ["Ana Torres"]),
                ("other", "2025-07-22", None, ["Ana Torres"]),
            ],
        ),
        (  # the speaker at a named expo takes part in it
            "Chilean Trade Minister Ana Torres told reporters during the opening of the "
            "International Coffee Expo 2025 last Friday that the tariffs would hurt exporters.",
            [("other", "2025-07-11", None, ["Ana Torres"])],
        ),
    ],
)
def test_talks_and_public_events_read_end_to_end(
    nlp: Language, body: str, expected: list[tuple[str, str | None, str | None, list[str]]]
) -> None:
    assert _events(nlp, body) == expected
