"""Round 7 event classes, on sentences written for these tests (hand-built ``Doc`` objects):
an event noun told ahead (``told_ahead``: "ahead of", "prior to", "before", a word of plan)
is planned and dated forward; an event noun that is the active subject of a verb of ending
("talks ended", "a round of negotiations concluded") was held to its end (``completes``),
while an event someone ends or suspends stays cancelled."""

from __future__ import annotations

from tests.news.test_event_trigger_rules import build

from tariffscope.news._event_when import completes, told_ahead
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()


def test_an_event_noun_after_ahead_of_is_told_ahead() -> None:
    doc = build(
        "Envoys:envoy/NOUN/nsubj/1 gathered:gather/VERB/ROOT/1/VBD ahead/ADV/advmod/1 "
        "of/ADP/prep/2 a/DET/det/5 summit/NOUN/pobj/3"
    )
    assert told_ahead(doc[5], LEX)


def test_an_event_noun_after_prior_to_or_before_is_told_ahead() -> None:
    prior = build(
        "Aides:aide/NOUN/nsubj/1 met:meet/VERB/ROOT/1/VBD prior/ADV/advmod/1 "
        "to/ADP/prep/2 the/DET/det/5 talks:talk/NOUN/pobj/3"
    )
    before = build(
        "Aides:aide/NOUN/nsubj/1 met:meet/VERB/ROOT/1/VBD before/ADP/prep/1 "
        "the/DET/det/4 visit/NOUN/pobj/2"
    )
    assert told_ahead(prior[5], LEX)
    assert told_ahead(before[4], LEX)


def test_an_event_noun_after_a_preposition_of_time_past_is_not_told_ahead() -> None:
    doc = build(
        "Aides:aide/NOUN/nsubj/1 spoke:speak/VERB/ROOT/1/VBD after/ADP/prep/1 "
        "the/DET/det/4 visit/NOUN/pobj/2"
    )
    assert not told_ahead(doc[4], LEX)


def test_an_event_noun_with_a_word_of_plan_is_told_ahead() -> None:
    doc = build(
        "Okafor/PROPN/nsubj/1 discussed:discuss/VERB/ROOT/1/VBD the/DET/det/4 "
        "upcoming/ADJ/amod/4 visit/NOUN/dobj/1"
    )
    assert told_ahead(doc[4], LEX)
    assert not told_ahead(doc[1], LEX)  # a verb is dated by its own tense


def test_talks_that_ended_as_subject_were_held() -> None:
    doc = build(
        "The/DET/det/1 talks:talk/NOUN/nsubj/2 ended:end/VERB/ROOT/2/VBD in/ADP/prep/2 "
        "Quito/PROPN/pobj/3"
    )
    assert completes(doc[1], doc[2], LEX)


def test_a_round_of_negotiations_that_concluded_was_held() -> None:
    doc = build(
        "A/DET/det/1 round/NOUN/nsubj/4 of/ADP/prep/1 negotiations:negotiation/NOUN/pobj/2 "
        "concluded:conclude/VERB/ROOT/4/VBD"
    )
    assert completes(doc[3], doc[4], LEX)


def test_talks_someone_ended_or_that_were_suspended_are_not_completed() -> None:
    ended = build(
        "Quito/PROPN/nsubj/1 ended:end/VERB/ROOT/1/VBD the/DET/det/3 talks:talk/NOUN/dobj/1"
    )
    suspended = build(
        "The/DET/det/1 talks:talk/NOUN/nsubjpass/3 were:be/AUX/auxpass/3/VBD "
        "suspended:suspend/VERB/ROOT/3/VBN"
    )
    assert not completes(ended[3], ended[1], LEX)
    assert not completes(suspended[1], suspended[3], LEX)


def test_an_adjective_of_arrival_is_told_ahead() -> None:
    doc = build(
        "Okafor/PROPN/nsubj/1 is:be/AUX/ROOT/1/VBZ due/ADJ/acomp/1 in/ADP/prep/2 Lima/PROPN/pobj/3"
    )
    assert told_ahead(doc[2], LEX)
