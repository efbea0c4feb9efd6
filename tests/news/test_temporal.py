"""The temporal layer on sentences written for these tests (none is taken from a story).

Most tests build the parse by hand (``Doc(words=..., heads=..., deps=...)``) and run only the
``tariffscope_dates`` component on a blank pipeline: the rules, not the model, are under test.
The last ones read whole sentences with the trained model (marked ``slow``).
"""

from __future__ import annotations

import datetime as dt

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from tests.news._parses import Row, dated_rows_doc

import tariffscope.news.dates_component  # noqa: F401  (registers the factory)
from tariffscope.news.dates import find_dates, resolve
from tariffscope.news.deadlines import deadline_records
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.temporal import TimeIndex, anchors_of, attach, time_index
from tariffscope.news.time_rules import pattern_roles, role_of, time_patterns

LEX = default_lexicon()
FRIDAY = dt.date(2025, 7, 18)
SATURDAY = dt.date(2025, 7, 19)


@pytest.fixture(scope="module")
def blank() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("tariffscope_dates")
    return nlp


def _doc(nlp: Language, rows: list[Row], published: dt.date | None) -> tuple[Doc, TimeIndex]:
    doc = dated_rows_doc(nlp, rows, None if published is None else published.isoformat())
    return doc, time_index(doc, LEX)


def _event_dates(doc: Doc, index: TimeIndex, triggers: list[int], tense: dict[int, int]):
    sent = doc[:]
    found = attach(
        doc, index, sent, {i: anchors_of(doc[i], LEX) for i in triggers}, "event", LEX, tense
    )
    return {i: (a.record.date, a.tier) for i, a in found.items()}


# -- finding and resolving ------------------------------------------------------------------------
def test_the_end_of_a_range_is_an_until() -> None:
    first, second = find_dates("Duties stay at 10% from March 3 to April 9 for now.")
    assert (first.preposition, second.preposition) == ("from", "until")
    assert role_of(second.preposition, LEX) == "until"


def test_the_end_of_a_month_keeps_its_preposition_and_is_month_precise() -> None:
    (named,) = find_dates("a settlement by the end of October")
    assert (named.preposition, named.modifier) == ("by", "end")
    assert resolve(named, FRIDAY) == (dt.date(2025, 10, 1), "month")
    (relative,) = find_dates("talks before the end of next month")
    assert resolve(relative, FRIDAY) == (dt.date(2025, 8, 1), "month")


def test_weeks_give_no_date_but_months_do() -> None:
    (week,) = find_dates("they will meet next week")
    assert resolve(week, FRIDAY, direction=1) == (None, None)
    (month,) = find_dates("they met last month")
    assert resolve(month, FRIDAY, direction=-1) == (dt.date(2025, 6, 1), "month")
    (named,) = find_dates("a vote in November")
    assert resolve(named, FRIDAY, direction=1) == (dt.date(2025, 11, 1), "month")


def test_a_weekday_follows_the_tense_and_the_publication_day_counts() -> None:
    (past,) = find_dates("the ministers spoke on Friday")
    assert resolve(past, FRIDAY, direction=-1) == (FRIDAY, "day")
    assert resolve(past, SATURDAY, direction=-1) == (FRIDAY, "day")
    (ahead,) = find_dates("the ministers will speak on Monday")
    assert resolve(ahead, FRIDAY, direction=1) == (dt.date(2025, 7, 21), "day")


def test_every_pattern_has_an_id_a_priority_and_a_reason() -> None:
    patterns = time_patterns(LEX)
    assert len({p.id for p in patterns}) == len(patterns) >= 5
    assert all(p.reason and p.priority > 0 for p in patterns)
    words = [a for p in patterns for node in p.pattern for a in str(node).split("'")]
    assert not any(w.startswith("@") for w in words)  # every word set read from the lexicon


def test_a_pattern_runs_only_on_a_story_holding_a_word_of_each_of_its_word_nodes() -> None:
    # the anchors are the word lists a pattern's nodes name; a story missing every word of one
    # list cannot match, so its matcher is not run (a matcher that would raise shows it)
    patterns = time_patterns(LEX)
    named = [p for p in patterns if p.anchors]
    assert named and all(all(anchor for anchor in p.anchors) for p in named)
    deadline = next(p for p in named if any("deadline" in a for a in p.anchors))

    class Refusing:
        def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
            raise AssertionError("a pattern without its words in the story was run")

    nlp = spacy.blank("en")
    words = ["Talks", "resume", "on", "Monday"]
    doc = Doc(nlp.vocab, words=words, lemmas=[w.lower() for w in words])
    assert pattern_roles(doc, [Refusing()], [deadline]) == {}  # type: ignore[list-item]


# -- deadlines -------------------------------------------------------------------------------------
def test_a_date_in_the_deadline_nouns_phrase_is_a_deadline(blank: Language) -> None:
    # "Ottawa hopes for a settlement ahead of the Sept. 5 deadline"
    rows: list[Row] = [
        ("Ottawa", 1, "nsubj", "PROPN", "NNP", "Ottawa"),
        ("hopes", 1, "ROOT", "VERB", "VBZ", "hope"),
        ("for", 1, "prep", "ADP", "IN", "for"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("settlement", 2, "pobj", "NOUN", "NN", "settlement"),
        ("ahead", 1, "advmod", "ADV", "RB", "ahead"),
        ("of", 5, "prep", "ADP", "IN", "of"),
        ("the", 10, "det", "DET", "DT", "the"),
        ("Sept.", 10, "compound", "PROPN", "NNP", "Sept."),
        ("5", 8, "nummod", "NUM", "CD", "5"),
        ("deadline", 6, "pobj", "NOUN", "NN", "deadline"),
    ]
    _, index = _doc(blank, rows, FRIDAY)
    (record,) = index.records
    assert record.role == "deadline" and record.date == dt.date(2025, 9, 5)
    assert deadline_records(index, LEX) == [record]


def test_the_deadline_of_a_date_and_a_deadline_that_expires_on_it(blank: Language) -> None:
    # "the deadline of Sept. 5 expires" / "The deadline expires on Sept. 5"
    of_rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("deadline", 5, "nsubj", "NOUN", "NN", "deadline"),
        ("of", 1, "prep", "ADP", "IN", "of"),
        ("Sept.", 2, "pobj", "PROPN", "NNP", "Sept."),
        ("5", 3, "nummod", "NUM", "CD", "5"),
        ("passed", 5, "ROOT", "VERB", "VBD", "pass"),
    ]
    expires_rows: list[Row] = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("deadline", 2, "nsubj", "NOUN", "NN", "deadline"),
        ("expires", 2, "ROOT", "VERB", "VBZ", "expire"),
        ("on", 2, "prep", "ADP", "IN", "on"),
        ("Sept.", 3, "pobj", "PROPN", "NNP", "Sept."),
        ("5", 4, "nummod", "NUM", "CD", "5"),
    ]
    for rows in (of_rows, expires_rows):
        _, index = _doc(blank, rows, FRIDAY)
        assert [r.role for r in index.records] == ["deadline"]
        assert [r.date for r in deadline_records(index, LEX)] == [dt.date(2025, 9, 5)]


def test_a_target_date_of_a_day_is_a_deadline_and_a_plain_date_is_not(blank: Language) -> None:
    # "Envoys set a target date of Sept. 5" / "Envoys set a date of Sept. 5"
    rows: list[Row] = [
        ("Envoys", 1, "nsubj", "NOUN", "NNS", "envoy"),
        ("set", 1, "ROOT", "VERB", "VBD", "set"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("target", 4, "compound", "NOUN", "NN", "target"),
        ("date", 1, "dobj", "NOUN", "NN", "date"),
        ("of", 4, "prep", "ADP", "IN", "of"),
        ("Sept.", 5, "pobj", "PROPN", "NNP", "Sept."),
        ("5", 6, "nummod", "NUM", "CD", "5"),
    ]
    _, index = _doc(blank, rows, FRIDAY)
    assert [r.role for r in index.records] == ["deadline"]
    plain = [row for row in rows if row[0] != "target"]
    plain = [(w, h - 1 if h > 3 else h, d, p, t, lem) for (w, h, d, p, t, lem) in plain]
    _, index = _doc(blank, plain, FRIDAY)
    assert [r.role for r in index.records] != ["deadline"]


def _reprieve_rows(verb: str, tag: str, subject: str) -> list[Row]:
    # "Talks go on before the {subject} {verb} on Sept. 5"
    return [
        ("Talks", 1, "nsubj", "NOUN", "NNS", "talk"),
        ("go", 1, "ROOT", "VERB", "VBP", "go"),
        ("on", 1, "prt", "ADP", "RP", "on"),
        ("before", 6, "mark", "SCONJ", "IN", "before"),
        ("the", 5, "det", "DET", "DT", "the"),
        (subject, 6, "nsubj", "NOUN", "NN", subject),
        (verb, 1, "advcl", "VERB", tag, "expire" if verb.startswith("expire") else "end"),
        ("on", 6, "prep", "ADP", "IN", "on"),
        ("Sept.", 7, "pobj", "PROPN", "NNP", "Sept."),
        ("5", 8, "nummod", "NUM", "CD", "5"),
    ]


@pytest.mark.parametrize(
    ("verb", "subject"), [("expires", "pause"), ("ends", "truce"), ("expire", "exemption")]
)
def test_the_day_a_reprieve_will_expire_is_a_deadline_that_looks_ahead(
    blank: Language, verb: str, subject: str
) -> None:
    tag = "VB" if verb == "expire" else "VBZ"
    _, index = _doc(blank, _reprieve_rows(verb, tag, subject), FRIDAY)
    (record,) = index.records
    assert record.role == "deadline" and record.date == dt.date(2025, 9, 5)
    assert deadline_records(index, LEX) == [record]
    # undated, the day lies ahead: it does not date the story as late as itself
    doc, _ = _doc(blank, _reprieve_rows(verb, tag, subject), None)
    (item,) = doc._.tariffscope_dates
    assert item["direction"] == 1


def test_a_relative_clause_on_a_reprieve_that_will_expire_gives_a_deadline(
    blank: Language,
) -> None:
    # "Duties stay low during the grace period, which ends on Sept. 5" / "..., which ended ..."
    def rows(verb: str, tag: str) -> list[Row]:
        return [
            ("Duties", 1, "nsubj", "NOUN", "NNS", "duty"),
            ("stay", 1, "ROOT", "VERB", "VBP", "stay"),
            ("low", 1, "acomp", "ADJ", "JJ", "low"),
            ("during", 1, "prep", "ADP", "IN", "during"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("grace", 6, "compound", "NOUN", "NN", "grace"),
            ("period", 3, "pobj", "NOUN", "NN", "period"),
            (",", 6, "punct", "PUNCT", ",", ","),
            ("which", 9, "nsubj", "PRON", "WDT", "which"),
            (verb, 6, "relcl", "VERB", tag, "end"),
            ("on", 9, "prep", "ADP", "IN", "on"),
            ("Sept.", 10, "pobj", "PROPN", "NNP", "Sept."),
            ("5", 11, "nummod", "NUM", "CD", "5"),
        ]

    _, index = _doc(blank, rows("ends", "VBZ"), FRIDAY)
    assert [(r.role, r.date) for r in deadline_records(index, LEX)] == [
        ("deadline", dt.date(2025, 9, 5))
    ]
    _, past = _doc(blank, rows("ended", "VBD"), FRIDAY)
    assert [r.role for r in past.records] == ["on"]


def test_a_reprieve_that_expired_on_a_day_is_no_deadline(blank: Language) -> None:
    _, index = _doc(blank, _reprieve_rows("expired", "VBD", "pause"), FRIDAY)
    (record,) = index.records
    assert record.role == "on"
    # and a noun that is no reprieve ("the meeting ends on Sept. 5") gives no deadline either
    _, meeting = _doc(blank, _reprieve_rows("ends", "VBZ", "meeting"), FRIDAY)
    assert [r.role for r in meeting.records] == ["on"]


def _scheduled_rows(noun: str) -> list[Row]:
    # "The {noun} is scheduled for Sept. 5"
    return [
        ("The", 1, "det", "DET", "DT", "the"),
        (noun, 3, "nsubjpass", "NOUN", "NN", noun),
        ("is", 3, "auxpass", "AUX", "VBZ", "be"),
        ("scheduled", 3, "ROOT", "VERB", "VBN", "schedule"),
        ("for", 3, "prep", "ADP", "IN", "for"),
        ("Sept.", 4, "pobj", "PROPN", "NNP", "Sept."),
        ("5", 5, "nummod", "NUM", "CD", "5"),
    ]


def test_a_tariff_scheduled_for_a_day_gives_a_deadline_and_a_meeting_does_not(
    blank: Language,
) -> None:
    _, index = _doc(blank, _scheduled_rows("hike"), FRIDAY)
    assert [(r.role, r.date) for r in deadline_records(index, LEX)] == [
        ("deadline", dt.date(2025, 9, 5))
    ]
    _, meeting = _doc(blank, _scheduled_rows("meeting"), FRIDAY)
    assert [r.role for r in meeting.records] == ["on"]
    assert deadline_records(meeting, LEX) == []


def test_a_tariff_the_phrase_sets_for_a_day_gives_a_deadline(blank: Language) -> None:
    # "Talks precede the tariff set for Sept. 5"
    rows: list[Row] = [
        ("Talks", 1, "nsubj", "NOUN", "NNS", "talk"),
        ("precede", 1, "ROOT", "VERB", "VBP", "precede"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("tariff", 1, "dobj", "NOUN", "NN", "tariff"),
        ("set", 3, "acl", "VERB", "VBN", "set"),
        ("for", 4, "prep", "ADP", "IN", "for"),
        ("Sept.", 5, "pobj", "PROPN", "NNP", "Sept."),
        ("5", 6, "nummod", "NUM", "CD", "5"),
    ]
    _, index = _doc(blank, rows, FRIDAY)
    assert [(r.role, r.date) for r in deadline_records(index, LEX)] == [
        ("deadline", dt.date(2025, 9, 5))
    ]
    # "the tariff set on Sept. 5": the day it was set, no deadline
    on_rows = [row if row[0] != "for" else ("on", 4, "prep", "ADP", "IN", "on") for row in rows]
    _, set_on = _doc(blank, on_rows, FRIDAY)
    assert [r.role for r in set_on.records] == ["on"]


def test_by_a_date_ahead_is_a_deadline_and_a_past_one_is_not(blank: Language) -> None:
    # "Manila must cut duties by Sept. 5"
    rows: list[Row] = [
        ("Manila", 2, "nsubj", "PROPN", "NNP", "Manila"),
        ("must", 2, "aux", "AUX", "MD", "must"),
        ("cut", 2, "ROOT", "VERB", "VB", "cut"),
        ("duties", 2, "dobj", "NOUN", "NNS", "duty"),
        ("by", 2, "prep", "ADP", "IN", "by"),
        ("Sept.", 4, "pobj", "PROPN", "NNP", "Sept."),
        ("5", 5, "nummod", "NUM", "CD", "5"),
    ]
    _, index = _doc(blank, rows, FRIDAY)
    assert [(r.role, r.date) for r in deadline_records(index, LEX)] == [("by", dt.date(2025, 9, 5))]
    _, later = _doc(blank, rows, dt.date(2025, 9, 20))
    assert deadline_records(later, LEX) == []


def test_by_the_end_of_this_month_is_a_deadline_until_the_month_ends(blank: Language) -> None:
    # "Seoul wants a deal by the end of the month"
    rows: list[Row] = [
        ("Seoul", 1, "nsubj", "PROPN", "NNP", "Seoul"),
        ("wants", 1, "ROOT", "VERB", "VBZ", "want"),
        ("a", 3, "det", "DET", "DT", "a"),
        ("deal", 1, "dobj", "NOUN", "NN", "deal"),
        ("by", 1, "prep", "ADP", "IN", "by"),
        ("the", 6, "det", "DET", "DT", "the"),
        ("end", 4, "pobj", "NOUN", "NN", "end"),
        ("of", 6, "prep", "ADP", "IN", "of"),
        ("the", 9, "det", "DET", "DT", "the"),
        ("month", 7, "pobj", "NOUN", "NN", "month"),
    ]
    _, index = _doc(blank, rows, FRIDAY)
    assert [(r.role, r.date, r.precision) for r in deadline_records(index, LEX)] == [
        ("by", dt.date(2025, 7, 1), "month")
    ]


# -- attachment ------------------------------------------------------------------------------------
def _said_friday_following_meeting() -> list[Row]:
    # "Carney said on Friday following their meeting in Ottawa"
    return [
        ("Carney", 1, "nsubj", "PROPN", "NNP", "Carney"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("Friday", 2, "pobj", "PROPN", "NNP", "Friday"),
        ("following", 1, "prep", "VERB", "VBG", "follow"),
        ("their", 6, "poss", "PRON", "PRP$", "their"),
        ("meeting", 4, "pobj", "NOUN", "NN", "meeting"),
        ("in", 6, "prep", "ADP", "IN", "in"),
        ("Ottawa", 7, "pobj", "PROPN", "NNP", "Ottawa"),
    ]


def test_the_date_of_the_reporting_verb_dates_the_event_in_its_adjunct(blank: Language) -> None:
    doc, index = _doc(blank, _said_friday_following_meeting(), SATURDAY)
    assert _event_dates(doc, index, [6], {6: -1}) == {6: (FRIDAY, "clause")}


def _met_since_taking_office(link: str) -> list[Row]:
    # "Okafor met Rossi since/after taking office on Friday"
    return [
        ("Okafor", 1, "nsubj", "PROPN", "NNP", "Okafor"),
        ("met", 1, "ROOT", "VERB", "VBD", "meet"),
        ("Rossi", 1, "dobj", "PROPN", "NNP", "Rossi"),
        (link, 1, "prep", "ADP", "IN", link),
        ("taking", 3, "pcomp", "VERB", "VBG", "take"),
        ("office", 4, "dobj", "NOUN", "NN", "office"),
        ("on", 4, "prep", "ADP", "IN", "on"),
        ("Friday", 6, "pobj", "PROPN", "NNP", "Friday"),
    ]


def test_a_clause_that_starts_a_period_does_not_date_the_event(blank: Language) -> None:
    doc, index = _doc(blank, _met_since_taking_office("since"), SATURDAY)
    assert _event_dates(doc, index, [1], {1: -1}) == {}
    doc, index = _doc(blank, _met_since_taking_office("before"), SATURDAY)
    assert _event_dates(doc, index, [1], {1: -1}) == {}
    doc, index = _doc(blank, _met_since_taking_office("after"), SATURDAY)
    assert _event_dates(doc, index, [1], {1: -1}) == {1: (FRIDAY, "phrase")}


def test_a_relative_clause_keeps_its_own_time(blank: Language) -> None:
    # "Okafor, who met Rossi, said on Friday": the meeting is told of Okafor, not dated
    rows: list[Row] = [
        ("Okafor", 5, "nsubj", "PROPN", "NNP", "Okafor"),
        ("who", 2, "nsubj", "PRON", "WP", "who"),
        ("met", 0, "relcl", "VERB", "VBD", "meet"),
        ("Rossi", 2, "dobj", "PROPN", "NNP", "Rossi"),
        (",", 0, "punct", "PUNCT", ",", ","),
        ("said", 5, "ROOT", "VERB", "VBD", "say"),
        ("on", 5, "prep", "ADP", "IN", "on"),
        ("Friday", 6, "pobj", "PROPN", "NNP", "Friday"),
    ]
    doc, index = _doc(blank, rows, SATURDAY)
    assert _event_dates(doc, index, [2], {2: -1}) == {}


def test_a_plan_is_not_dated_by_the_day_it_was_reported(blank: Language) -> None:
    # "Carney said on Friday he will meet Lee"
    rows: list[Row] = [
        ("Carney", 1, "nsubj", "PROPN", "NNP", "Carney"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("Friday", 2, "pobj", "PROPN", "NNP", "Friday"),
        ("he", 6, "nsubj", "PRON", "PRP", "he"),
        ("will", 6, "aux", "AUX", "MD", "will"),
        ("meet", 1, "ccomp", "VERB", "VB", "meet"),
        ("Lee", 6, "dobj", "PROPN", "NNP", "Lee"),
    ]
    doc, index = _doc(blank, rows, SATURDAY)
    assert _event_dates(doc, index, [6], {6: 1}) == {}
    assert _event_dates(doc, index, [6], {6: -1}) == {6: (FRIDAY, "clause")}  # "had met"


def test_a_date_right_after_a_verb_of_saying_is_the_day_of_the_saying(blank: Language) -> None:
    # "Ottawa said on Friday it would raise duties", parsed with the date on "raise"
    rows: list[Row] = [
        ("Ottawa", 1, "nsubj", "PROPN", "NNP", "Ottawa"),
        ("said", 1, "ROOT", "VERB", "VBD", "say"),
        ("on", 6, "prep", "ADP", "IN", "on"),
        ("Friday", 2, "pobj", "PROPN", "NNP", "Friday"),
        ("it", 6, "nsubj", "PRON", "PRP", "it"),
        ("would", 6, "aux", "AUX", "MD", "would"),
        ("raise", 1, "ccomp", "VERB", "VB", "raise"),
        ("duties", 6, "dobj", "NOUN", "NNS", "duty"),
    ]
    doc, index = _doc(blank, rows, SATURDAY)
    (record,) = index.records
    assert record.date == FRIDAY  # told as past, not the Friday ahead
    assert _event_dates(doc, index, [1], {1: -1}) == {1: (FRIDAY, "phrase")}
    assert _event_dates(doc, index, [6], {6: 1}) == {}  # the plan is not dated by the saying


def test_a_trigger_in_between_keeps_its_own_date(blank: Language) -> None:
    # "After a meeting on Monday, they agreed": Monday is the meeting's, not the deal's
    rows: list[Row] = [
        ("After", 7, "prep", "ADP", "IN", "after"),
        ("a", 2, "det", "DET", "DT", "a"),
        ("meeting", 0, "pobj", "NOUN", "NN", "meeting"),
        ("on", 2, "prep", "ADP", "IN", "on"),
        ("Monday", 3, "pobj", "PROPN", "NNP", "Monday"),
        (",", 7, "punct", "PUNCT", ",", ","),
        ("they", 7, "nsubj", "PRON", "PRP", "they"),
        ("agreed", 7, "ROOT", "VERB", "VBD", "agree"),
    ]
    doc, index = _doc(blank, rows, FRIDAY)
    found = _event_dates(doc, index, [2, 7], {2: -1, 7: -1})
    assert found == {2: (dt.date(2025, 7, 14), "phrase")}


def test_a_noun_shares_the_date_of_the_verb_it_is_the_object_of(blank: Language) -> None:
    # "Lee held talks on Monday"
    rows: list[Row] = [
        ("Lee", 1, "nsubj", "PROPN", "NNP", "Lee"),
        ("held", 1, "ROOT", "VERB", "VBD", "hold"),
        ("talks", 1, "dobj", "NOUN", "NNS", "talk"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("Monday", 3, "pobj", "PROPN", "NNP", "Monday"),
    ]
    doc, index = _doc(blank, rows, FRIDAY)
    assert _event_dates(doc, index, [2], {2: -1}) == {2: (dt.date(2025, 7, 14), "phrase")}


def test_a_deadline_is_not_an_events_day(blank: Language) -> None:
    # "Envoys met before Friday's deadline"
    rows: list[Row] = [
        ("Envoys", 1, "nsubj", "NOUN", "NNS", "envoy"),
        ("met", 1, "ROOT", "VERB", "VBD", "meet"),
        ("before", 1, "prep", "ADP", "IN", "before"),
        ("Friday", 5, "poss", "PROPN", "NNP", "Friday"),
        ("'s", 3, "case", "PART", "POS", "'s"),
        ("deadline", 2, "pobj", "NOUN", "NN", "deadline"),
    ]
    doc, index = _doc(blank, rows, dt.date(2025, 7, 16))
    assert [r.role for r in index.records] == ["deadline"]
    assert _event_dates(doc, index, [1], {1: -1}) == {}


def test_the_one_unclaimed_date_of_the_sentence_is_the_fallback(blank: Language) -> None:
    # "After talks the envoy left , aides said Friday": the date hangs on a clause beside
    rows: list[Row] = [
        ("After", 4, "prep", "ADP", "IN", "after"),
        ("talks", 0, "pobj", "NOUN", "NNS", "talk"),
        ("the", 3, "det", "DET", "DT", "the"),
        ("envoy", 4, "nsubj", "NOUN", "NN", "envoy"),
        ("left", 4, "ROOT", "VERB", "VBD", "leave"),
        (",", 4, "punct", "PUNCT", ",", ","),
        ("aides", 7, "nsubj", "NOUN", "NNS", "aide"),
        ("said", 4, "parataxis", "VERB", "VBD", "say"),
        ("Friday", 7, "npadvmod", "PROPN", "NNP", "Friday"),
    ]
    doc, index = _doc(blank, rows, SATURDAY)
    assert _event_dates(doc, index, [1], {1: -1}) == {1: (FRIDAY, "sentence")}
    assert _event_dates(doc, index, [1], {1: 1}) == {}  # a plan: not the day of the report


def _measure_date(doc: Doc, index: TimeIndex, anchors: tuple[int, ...]) -> dt.date | None:
    found = attach(doc, index, doc[:], {0: tuple(doc[i] for i in anchors)}, "effective", LEX)
    return found[0].record.date if 0 in found else None


def test_a_relative_clause_with_starting_gives_the_effective_date(blank: Language) -> None:
    # "the 30 % levy Washington threatened to impose starting Sept. 5"
    rows: list[Row] = [
        ("the", 3, "det", "DET", "DT", "the"),
        ("30", 2, "nummod", "NUM", "CD", "30"),
        ("%", 3, "compound", "NOUN", "NN", "%"),
        ("levy", 3, "ROOT", "NOUN", "NN", "levy"),
        ("Washington", 5, "nsubj", "PROPN", "NNP", "Washington"),
        ("threatened", 3, "relcl", "VERB", "VBD", "threaten"),
        ("to", 7, "aux", "PART", "TO", "to"),
        ("impose", 5, "xcomp", "VERB", "VB", "impose"),
        ("starting", 7, "prep", "VERB", "VBG", "start"),
        ("Sept.", 8, "pobj", "PROPN", "NNP", "Sept."),
        ("5", 9, "nummod", "NUM", "CD", "5"),
    ]
    doc, index = _doc(blank, rows, FRIDAY)
    assert [r.role for r in index.records] == ["from"]
    assert _measure_date(doc, index, (2, 3)) == dt.date(2025, 9, 5)


def test_the_day_of_an_announcement_is_not_an_effective_date(blank: Language) -> None:
    # "Ottawa announced the 30 % levy on Friday" / "The 30 % levy will rise on Friday"
    announced: list[Row] = [
        ("Ottawa", 1, "nsubj", "PROPN", "NNP", "Ottawa"),
        ("announced", 1, "ROOT", "VERB", "VBD", "announce"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("30", 4, "nummod", "NUM", "CD", "30"),
        ("%", 5, "compound", "NOUN", "NN", "%"),
        ("levy", 1, "dobj", "NOUN", "NN", "levy"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("Friday", 6, "pobj", "PROPN", "NNP", "Friday"),
    ]
    doc, index = _doc(blank, announced, FRIDAY)
    assert _measure_date(doc, index, (4, 5, 1)) is None
    rises: list[Row] = [
        ("The", 3, "det", "DET", "DT", "the"),
        ("30", 2, "nummod", "NUM", "CD", "30"),
        ("%", 3, "compound", "NOUN", "NN", "%"),
        ("levy", 5, "nsubj", "NOUN", "NN", "levy"),
        ("will", 5, "aux", "AUX", "MD", "will"),
        ("rise", 5, "ROOT", "VERB", "VB", "rise"),
        ("on", 5, "prep", "ADP", "IN", "on"),
        ("Friday", 6, "pobj", "PROPN", "NNP", "Friday"),
    ]
    doc, index = _doc(blank, rises, dt.date(2025, 7, 16))
    assert _measure_date(doc, index, (2, 3, 5)) == FRIDAY


def test_a_noun_or_particle_of_effect_makes_the_day_an_effective_date(blank: Language) -> None:
    # "On Friday , the 30 % levy goes into effect" / "the 30 % levy kicks in on Friday"
    into_effect: list[Row] = [
        ("On", 7, "prep", "ADP", "IN", "on"),
        ("Friday", 0, "pobj", "PROPN", "NNP", "Friday"),
        (",", 7, "punct", "PUNCT", ",", ","),
        ("the", 6, "det", "DET", "DT", "the"),
        ("30", 5, "nummod", "NUM", "CD", "30"),
        ("%", 6, "compound", "NOUN", "NN", "%"),
        ("levy", 7, "nsubj", "NOUN", "NN", "levy"),
        ("goes", 7, "ROOT", "VERB", "VBZ", "go"),
        ("into", 7, "prep", "ADP", "IN", "into"),
        ("effect", 8, "pobj", "NOUN", "NN", "effect"),
    ]
    doc, index = _doc(blank, into_effect, dt.date(2025, 7, 16))
    assert _measure_date(doc, index, (5, 6, 7)) == FRIDAY
    kicks_in: list[Row] = [
        ("the", 3, "det", "DET", "DT", "the"),
        ("30", 2, "nummod", "NUM", "CD", "30"),
        ("%", 3, "compound", "NOUN", "NN", "%"),
        ("levy", 4, "nsubj", "NOUN", "NN", "levy"),
        ("kicks", 4, "ROOT", "VERB", "VBZ", "kick"),
        ("in", 4, "prt", "ADP", "RP", "in"),
        ("on", 4, "prep", "ADP", "IN", "on"),
        ("Friday", 6, "pobj", "PROPN", "NNP", "Friday"),
    ]
    doc, index = _doc(blank, kicks_in, dt.date(2025, 7, 16))
    assert _measure_date(doc, index, (2, 3, 4)) == FRIDAY
    # "the 30 % levy goes into talks on Friday": no noun of effect, no effective date
    talks = [
        row if row[0] != "effect" else ("talks", 8, "pobj", "NOUN", "NNS", "talk")
        for row in into_effect
    ]
    doc, index = _doc(blank, talks, dt.date(2025, 7, 16))
    assert _measure_date(doc, index, (5, 6, 7)) is None


def test_a_stated_start_dates_a_tariff_in_an_infinitive(blank: Language) -> None:
    # "Lima decided to impose a 30 % levy , effective Friday" / "... , on Friday"
    rows: list[Row] = [
        ("Lima", 1, "nsubj", "PROPN", "NNP", "Lima"),
        ("decided", 1, "ROOT", "VERB", "VBD", "decide"),
        ("to", 3, "aux", "PART", "TO", "to"),
        ("impose", 1, "xcomp", "VERB", "VB", "impose"),
        ("a", 7, "det", "DET", "DT", "a"),
        ("30", 6, "nummod", "NUM", "CD", "30"),
        ("%", 7, "compound", "NOUN", "NN", "%"),
        ("levy", 3, "dobj", "NOUN", "NN", "levy"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("effective", 1, "advmod", "ADJ", "JJ", "effective"),
        ("Friday", 9, "npadvmod", "PROPN", "NNP", "Friday"),
    ]
    doc, index = _doc(blank, rows, dt.date(2025, 7, 16))
    assert [r.role for r in index.records] == ["from"]
    assert _measure_date(doc, index, (6, 7, 3)) == FRIDAY
    # "Lima decided on Friday to impose a 30 % levy": the day of the decision, not the levy's
    decided: list[Row] = [
        ("Lima", 1, "nsubj", "PROPN", "NNP", "Lima"),
        ("decided", 1, "ROOT", "VERB", "VBD", "decide"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("Friday", 2, "pobj", "PROPN", "NNP", "Friday"),
        ("to", 5, "aux", "PART", "TO", "to"),
        ("impose", 1, "xcomp", "VERB", "VB", "impose"),
        ("a", 9, "det", "DET", "DT", "a"),
        ("30", 8, "nummod", "NUM", "CD", "30"),
        ("%", 9, "compound", "NOUN", "NN", "%"),
        ("levy", 5, "dobj", "NOUN", "NN", "levy"),
    ]
    doc, index = _doc(blank, decided, dt.date(2025, 7, 16))
    assert _measure_date(doc, index, (8, 9, 5)) is None


# -- whole sentences with the trained model ---------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Jakarta is pressing for a settlement ahead of the Sept. 5 deadline.",
        "Envoys want a settlement before the deadline of Sept. 5.",
        "Manila wants the talks wrapped up by Sept. 5.",
        "Envoys are racing against a Sept. 5 deadline.",
        "The deadline for the talks expires on Sept. 5, officials said.",
    ],
)
def test_deadline_sentences(nlp: Language, sentence: str) -> None:
    from tariffscope.news.api import extract
    from tariffscope.news.ingest import article_from_text

    extraction = extract(article_from_text(f"published: 2025-07-18\n\n{sentence}\n"), nlp)
    assert [d.date for d in extraction.deadlines] == [dt.date(2025, 9, 5)]


def test_a_weekday_in_a_present_timetable_looks_ahead(blank: Language) -> None:
    # "Voters go to the polls on Sunday" / "Ottawa says on Sunday ..." (saying looks back)
    rows: list[Row] = [
        ("Voters", 1, "nsubj", "NOUN", "NNS", "voter"),
        ("go", 1, "ROOT", "VERB", "VBP", "go"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("polls", 2, "pobj", "NOUN", "NNS", "poll"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("Sunday", 5, "pobj", "PROPN", "NNP", "Sunday"),
    ]
    _, index = _doc(blank, rows, FRIDAY)
    assert [r.date for r in index.records] == [dt.date(2025, 7, 20)]
    says: list[Row] = [
        ("Ottawa", 1, "nsubj", "PROPN", "NNP", "Ottawa"),
        ("says", 1, "ROOT", "VERB", "VBZ", "say"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("Sunday", 2, "pobj", "PROPN", "NNP", "Sunday"),
    ]
    _, index = _doc(blank, says, FRIDAY)
    assert [r.date for r in index.records] == [dt.date(2025, 7, 13)]


@pytest.mark.slow
def test_an_event_dated_after_publication_in_the_present_is_planned(nlp: Language) -> None:
    from tariffscope.news.api import extract
    from tariffscope.news.ingest import article_from_text

    text = "Australian voters head to the polls in an upper house election on Sunday."
    extraction = extract(article_from_text(f"published: 2025-09-12\n\n{text}\n"), nlp)
    (election,) = [e for e in extraction.events if e.kind == "election"]
    assert (election.date, election.status) == (dt.date(2025, 9, 14), "planned")


# -- a story without a publication date -----------------------------------------------------------
def test_an_undated_story_gives_its_yearless_dates_the_year_of_its_own_day(blank) -> None:
    doc = blank.make_doc(
        "Negotiators met on March 3, 2027 in Lima. They meet again on May 20 and on Friday."
    )
    doc._.tariffscope_meta = {"published": None, "url": None, "title": None}
    doc = blank.get_pipe("tariffscope_dates")(doc)
    by_text = {d["text"]: (d["date"], d["inferred"]) for d in doc._.tariffscope_dates}
    assert by_text["March 3, 2027"] == ("2027-03-03", False)
    assert by_text["May 20"] == ("2027-05-20", True)  # the year of the story's day
    assert by_text["Friday"] == (None, False)  # a weekday is not counted from an inferred day
    index = time_index(doc, LEX)
    assert [r.inferred for r in index.records] == [False, True, False]


def test_a_published_story_infers_nothing(blank) -> None:
    doc = blank.make_doc("They meet again on May 20.")
    doc._.tariffscope_meta = {"published": "2027-04-01"}
    doc = blank.get_pipe("tariffscope_dates")(doc)
    assert [(d["date"], d["inferred"]) for d in doc._.tariffscope_dates] == [("2027-05-20", False)]


def test_a_past_month_after_the_latest_stated_day_keeps_the_stated_year(blank) -> None:
    # "Talks began on 3 April 2027. They agreed in mid-June." with no publication date: the
    # latest stated day is the earliest the story can have been written, so "agreed in
    # mid-June" (told as past) is the June after it, not the June before
    rows: list[Row] = [
        ("Talks", 1, "nsubj", "NOUN", "NNS", "talk"),
        ("began", 1, "ROOT", "VERB", "VBD", "begin"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("3", 4, "nummod", "NUM", "CD", "3"),
        ("April", 2, "pobj", "PROPN", "NNP", "April"),
        ("2027", 4, "nummod", "NUM", "CD", "2027"),
        (".", 1, "punct", "PUNCT", ".", "."),
        ("They", 8, "nsubj", "PRON", "PRP", "they"),
        ("agreed", 8, "ROOT", "VERB", "VBD", "agree"),
        ("in", 8, "prep", "ADP", "IN", "in"),
        ("mid-June", 9, "pobj", "PROPN", "NNP", "mid-June"),
        (".", 8, "punct", "PUNCT", ".", "."),
    ]
    _, index = _doc(blank, rows, None)
    june = index.records[-1]
    assert (june.text, june.direction) == ("mid-June", -1)
    assert (june.date, june.inferred) == (dt.date(2027, 6, 1), True)


def test_the_day_of_saying_dates_only_a_past_event_of_what_was_said(blank: Language) -> None:
    # "Duties could complicate talks, officials said on Friday": the day of the report
    rows: list[Row] = [
        ("Duties", 2, "nsubj", "NOUN", "NNS", "duty"),
        ("could", 2, "aux", "AUX", "MD", "could"),
        ("complicate", 6, "ccomp", "VERB", "VB", "complicate"),
        ("talks", 2, "dobj", "NOUN", "NNS", "talk"),
        (",", 6, "punct", "PUNCT", ",", ","),
        ("officials", 6, "nsubj", "NOUN", "NNS", "official"),
        ("said", 6, "ROOT", "VERB", "VBD", "say"),
        ("on", 6, "prep", "ADP", "IN", "on"),
        ("Friday", 7, "pobj", "PROPN", "NNP", "Friday"),
        (".", 6, "punct", "PUNCT", ".", "."),
    ]
    doc, index = _doc(blank, rows, SATURDAY)
    assert _event_dates(doc, index, [3], {3: 0}) == {}  # not told as past: not the talks' day
    assert _event_dates(doc, index, [3], {3: -1}) == {3: (FRIDAY, "clause")}  # told as past


def test_the_default_horizon_is_the_last_day_the_measure_catalog_covers() -> None:
    from tariffscope.news.dates_component import catalog_horizon
    from tariffscope.regime.resolve import default_catalog

    horizon = catalog_horizon()
    assert horizon is not None
    assert dt.date.fromisoformat(horizon) == default_catalog().coverage_end


def test_a_relative_clause_of_time_is_no_clause_told_of_someone() -> None:
    from tests.news.test_event_trigger_rules import build

    from tariffscope.news.temporal import _told_of_someone

    who = build("Okafor/PROPN/ROOT/0 who/PRON/nsubj/2 met:meet/VERB/relcl/0/VBD Rossi/PROPN/dobj/2")
    when = build(
        "January/PROPN/ROOT/0 when/ADV/advmod/3 Okafor/PROPN/nsubj/3 met:meet/VERB/relcl/0/VBD"
    )
    assert _told_of_someone(who[2], LEX)
    assert not _told_of_someone(when[3], LEX)
