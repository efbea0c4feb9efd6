"""Quotation marks: pairing, unbalanced marks, single quotes and apostrophes."""

from __future__ import annotations

from tariffscope.news.quote_marks import find_quote_spans


def _texts(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quote_spans(text)]


def test_curly_and_straight_marks() -> None:
    text = '“We had an excellent call,” she said. He said "it was fine, really".'
    assert _texts(text) == ["We had an excellent call,", "it was fine, really"]


def test_quote_split_around_said_is_two_quotes() -> None:
    text = "“The first part,” Anwar said. “And the second part.”"
    assert _texts(text) == ["The first part,", "And the second part."]


def test_unbalanced_mark_ends_at_the_paragraph_and_keeps_the_rest() -> None:
    text = "“An unclosed quotation runs on\nThe next paragraph is “fine” again."
    spans = find_quote_spans(text)
    assert [text[q.start : q.end] for q in spans] == ["An unclosed quotation runs on", "fine"]
    assert spans[0].closed is False and spans[1].closed is True


def test_single_quotes_and_apostrophes() -> None:
    text = "Trump replied: 'Whisky? We'll talk about that. I didn't know.'"
    assert _texts(text) == ["Whisky? We'll talk about that. I didn't know."]


def test_single_quotes_inside_double_quotes_are_nested() -> None:
    text = "He wrote \"make Canada a 'Drop Off Port' for China\" on Saturday."
    assert _texts(text) == ["make Canada a 'Drop Off Port' for China"]


def test_multi_paragraph_quote_continues() -> None:
    text = "'First paragraph of a speech.\n'Second paragraph, no closing mark.\n'Last one.'"
    spans = find_quote_spans(text)
    assert len(spans) == 3
    assert [q.continues for q in spans] == [False, True, True]
    assert spans[-1].closed is True


def test_elision_is_not_a_quote() -> None:
    assert _texts("Back in the ’90s tariffs were low, and the ’25 budget too.") == []


def test_possessive_plural_is_not_a_closing_mark() -> None:
    text = 'The agreement "will provide both countries\' exporters access", it said.'
    assert _texts(text) == ["will provide both countries' exporters access"]
