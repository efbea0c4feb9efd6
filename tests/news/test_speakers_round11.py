"""Round 11 classes of name spans, speakers and actors, each on a sentence written here.

Name-span rules run on a blank tokenizer where the parse is not the point; the rest need the
trained model (names, possessives, compounds) and are marked ``slow``.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tariffscope.domain.news import Extraction
from tariffscope.news._persons import boilerplate_ranges, name_tokens_after
from tariffscope.news.actor_filter import named_only_as_modifier
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()
BLANK = spacy.blank("en")


# -- name spans (blank tokenizer) -----------------------------------------------------------
def test_a_day_after_a_name_is_not_part_of_it() -> None:
    doc = BLANK("Minister Ana Ruiz Tuesday announced the levy.")
    assert name_tokens_after(doc, 1, LEX) == 2


def test_an_institution_named_after_a_person_is_not_part_of_the_name() -> None:
    doc = BLANK("officials of the President Ana Ruiz Administration met on Monday.")
    assert name_tokens_after(doc, 4, LEX) == 2


def test_a_name_of_three_words_is_read_whole() -> None:
    doc = BLANK("Minister Nik Amran Yusof announced the levy.")
    assert name_tokens_after(doc, 1, LEX) == 3


def test_a_caption_closed_by_a_file_photo_credit_is_boilerplate() -> None:
    doc = BLANK(
        "Tariffs on steel and aluminium rose again on Monday, the trade ministry said.\n"
        "President Ana Ruiz speaks in Lima, on 2 April 2025Reuters file photo\n"
    )
    ranges = boilerplate_ranges(doc, None)
    caption = doc.text.index("President Ana Ruiz")
    body = doc.text.index("Tariffs")
    assert any(s <= caption < e for s, e in ranges)
    assert not any(s <= body < e for s, e in ranges)


# -- speakers and actors (trained model) -----------------------------------------------------
def _read(nlp: Language, body: str) -> Extraction:
    return extract(article_from_text(f"published: 2025-07-16\n\n{body}\n"), nlp)


def _speaker(extraction: Extraction, start: str) -> str | None:
    return next(q.speaker for q in extraction.quotes if q.text.startswith(start))


@pytest.mark.slow
def test_a_day_written_after_a_titled_name_leaves_the_name(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Prime Minister Ana Ruiz Tuesday announced new duties on steel. \u201cWe will answer "
        "these tariffs with measures of our own,\u201d Ruiz said.",
    )
    assert "Ana Ruiz" in [a.name for a in ex.actors]
    assert _speaker(ex, "We will answer") == "Ana Ruiz"


@pytest.mark.slow
def test_a_middle_word_of_a_long_name_names_the_person(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Trade Minister Nik Amran Nik Yusof met the US delegation on Monday. Amran said the "
        "talks went on at several levels.\n\n\u201cThe fact that both sides keep talking is "
        "a good sign,\u201d he said.\n\nOn Tuesday, President Ana Ruiz wrote to the prime "
        "minister about the deadline.",
    )
    assert _speaker(ex, "The fact that") == "Nik Amran Nik Yusof"


@pytest.mark.slow
def test_a_persons_office_speaking_is_not_the_person(nlp: Language) -> None:
    ex = _read(
        nlp,
        "President Ana Ruiz signed the agreement on Monday. Ruiz's office said the pact would "
        "\u201copen new markets for the farmers of both nations.\u201d",
    )
    assert _speaker(ex, "open new markets") is None


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    return Doc(BLANK.vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_a_person_named_only_in_an_administrations_name_is_a_modifier() -> None:
    doc = _parsed(
        ["the", "Ana", "Ruiz", "administration", "acted"],
        [3, 2, 3, 4, 4],
        ["det", "compound", "compound", "nsubj", "ROOT"],
        ["DET", "PROPN", "PROPN", "NOUN", "VERB"],
    )
    assert named_only_as_modifier(doc, {"mentions": [[4, 12]]}, [])


def test_a_person_who_is_a_subject_is_not_only_a_modifier() -> None:
    doc = _parsed(
        ["Ana", "Ruiz", "acted", "for", "the", "Ana", "Ruiz", "administration"],
        [1, 2, 2, 2, 7, 6, 7, 3],
        ["compound", "nsubj", "ROOT", "prep", "det", "compound", "compound", "pobj"],
        ["PROPN", "PROPN", "VERB", "ADP", "DET", "PROPN", "PROPN", "NOUN"],
    )
    person = {"mentions": [[0, 8], [24, 32]]}
    assert not named_only_as_modifier(doc, person, [])
    # the subject mention inside a credit line leaves only the modifier
    assert named_only_as_modifier(doc, person, [(0, 9)])


@pytest.mark.slow
def test_the_office_a_person_owns_is_not_the_person(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Ana Ruiz spoke with Luis Paredes by phone on Monday, Paredes' spokesperson said. "
        "\u201cThe call was warm and constructive from start to finish,\u201d the "
        "spokesperson said.",
    )
    assert _speaker(ex, "The call was warm") is None


@pytest.mark.slow
def test_an_untagged_name_that_speaks_is_a_person(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Ana Ruiz said the talks went well. \u201cWe are close to a deal on the main points "
        "of the agreement,\u201d she said.",
    )
    assert "Ana Ruiz" in [a.name for a in ex.actors]
    assert _speaker(ex, "We are close") == "Ana Ruiz"


@pytest.mark.slow
def test_an_organisation_that_speaks_is_no_person(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Capital Economics said the deal was thin. \u201cThere is very little in this agreement "
        "that changes the outlook,\u201d it said.",
    )
    assert ex.actors == [] or all(a.name != "Capital Economics" for a in ex.actors)
