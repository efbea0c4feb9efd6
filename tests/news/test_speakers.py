"""Speakers the parse hides, and who counts as a person, on sentences written for these tests.

The helpers of :mod:`tariffscope.news._speakers` are tested on hand-built ``Doc`` objects (the
parse is given, not predicted), one configuration per test; the tests marked ``slow`` run the
trained model, where the parse is the point. Names are invented: no rule may depend on a list
of known people.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from tariffscope.domain.news import Extraction
from tariffscope.news._speakers import apposed_named, speech_subject
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.mention_chains import build_chains

_VOCAB = spacy.blank("en").vocab
#: one token: (text, head index, dep, pos[, lemma[, tag]])
Tok = tuple[Any, ...]


def _doc(tokens: Sequence[Tok]) -> Doc:
    words = [t[0] for t in tokens]
    spaces = [i + 1 < len(words) and words[i + 1] not in {".", ","} for i in range(len(words))]
    return Doc(
        _VOCAB,
        words=words,
        spaces=spaces,
        heads=[t[1] for t in tokens],
        deps=[t[2] for t in tokens],
        pos=[t[3] for t in tokens],
        lemmas=[t[4] if len(t) > 4 else t[0].lower() for t in tokens],
        tags=[t[5] if len(t) > 5 else "" for t in tokens],
    )


def _named(*indices: int) -> Any:
    return lambda token: token.i in indices


# "In a statement on Monday, Vela, who is in Lima, said ..." parsed with the name apposed to
# the date and no subject on "said"
_LOST = [
    ("In", 10, "prep", "ADP"), ("a", 2, "det", "DET"), ("statement", 0, "pobj", "NOUN"),
    ("on", 2, "prep", "ADP"), ("Monday", 3, "pobj", "PROPN"), (",", 4, "punct", "PUNCT"),
    ("Vela", 4, "appos", "PROPN"), (",", 6, "punct", "PUNCT"), ("who", 9, "nsubj", "PRON"),
    ("travels", 6, "relcl", "VERB"), ("said", 10, "ROOT", "VERB", "say"),
    ("talks", 12, "nsubj", "NOUN"), ("continue", 10, "ccomp", "VERB"), (".", 10, "punct", "PUNCT"),
]  # fmt: skip


def test_a_speech_verb_without_subject_takes_the_loose_name_before_it() -> None:
    doc = _doc(_LOST)
    subject = speech_subject(doc[10], _named(6))
    assert subject is not None and subject.text == "Vela"


def test_a_name_that_is_another_words_argument_is_not_a_lost_subject() -> None:
    # the nearest name is the object of a preposition: "In a call with Vela, said ..."
    tokens = list(_LOST)
    tokens[6] = ("Vela", 3, "pobj", "PROPN")
    doc = _doc(tokens)
    assert speech_subject(doc[10], _named(6)) is None


# "The trade spokesperson, Ana Ruiz, told reporters ..."
_TITLE = [
    ("The", 2, "det", "DET"), ("trade", 2, "compound", "NOUN"), ("spokesperson", 7, "nsubj", "NOUN"),
    (",", 2, "punct", "PUNCT"), ("Ana", 5, "compound", "PROPN"), ("Ruiz", 2, "appos", "PROPN"),
    (",", 2, "punct", "PUNCT"), ("told", 7, "ROOT", "VERB", "tell"), ("reporters", 7, "dobj", "NOUN"),
    (".", 7, "punct", "PUNCT"),
]  # fmt: skip


def test_an_office_subject_speaks_through_the_name_apposed_to_it() -> None:
    doc = _doc(_TITLE)
    name = apposed_named(doc[2], _named(4, 5))
    assert name is not None and name.text == "Ruiz"
    assert apposed_named(doc[8], _named(4, 5)) is None  # "reporters": no name


def test_a_participle_of_speech_on_a_clause_about_a_country_takes_the_person_above() -> None:
    # "Okoro noted that Peru has shown interest, saying ..."
    doc = _doc([
        ("Okoro", 1, "nsubj", "PROPN"), ("noted", 1, "ROOT", "VERB", "note", "VBD"),
        ("that", 5, "mark", "SCONJ"), ("Peru", 5, "nsubj", "PROPN"), ("has", 5, "aux", "AUX"),
        ("shown", 1, "ccomp", "VERB", "show", "VBN"), ("interest", 5, "dobj", "NOUN"),
        (",", 5, "punct", "PUNCT"), ("saying", 5, "advcl", "VERB", "say", "VBG"),
        ("talks", 10, "nsubj", "NOUN"), ("continue", 8, "ccomp", "VERB"), (".", 1, "punct", "PUNCT"),
    ])  # fmt: skip

    def person(token: Token) -> bool:
        return token.text == "Okoro"

    subject = speech_subject(doc[8], _named(0), person)
    assert subject is not None and subject.text == "Okoro"
    # without a person test the parse's own subject stays
    inherited = speech_subject(doc[8], _named(0))
    assert inherited is not None and inherited.text == "Peru"


def test_a_coordinated_speech_verb_on_a_reported_clause_takes_the_person_above() -> None:
    # "Lind said Chile is ready and claimed buyers want more ." ("claimed" hung on "is")
    doc = _doc([
        ("Lind", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "say", "VBD"),
        ("Chile", 3, "nsubj", "PROPN"), ("is", 1, "ccomp", "AUX", "be", "VBZ"),
        ("ready", 3, "acomp", "ADJ"), ("and", 3, "cc", "CCONJ"),
        ("claimed", 3, "conj", "VERB", "claim", "VBD"), ("buyers", 8, "nsubj", "NOUN"),
        ("want", 6, "ccomp", "VERB"), ("more", 8, "dobj", "ADJ"), (".", 1, "punct", "PUNCT"),
    ])  # fmt: skip
    subject = speech_subject(doc[6], _named(0), lambda t: t.text == "Lind")
    assert subject is not None and subject.text == "Lind"


def test_an_apposed_office_subject_makes_the_person_the_last_speaker() -> None:
    # "The trade spokesperson, Ana Ruiz, told reporters. She said." after Tomas Berg spoke
    tokens = [*_TITLE, ("She", 11, "nsubj", "PRON"), ("said", 11, "ROOT", "VERB", "say"),
              (".", 11, "punct", "PUNCT")]  # fmt: skip
    doc = _doc(tokens)
    persons = [{"name": "Tomas Berg", "country": "SWE", "role": None},
               {"name": "Ana Ruiz", "country": "CHL", "role": "spokesperson"}]  # fmt: skip
    mentions = [{"start": 0, "end": 0, "person": 0, "kind": "name"},  # named before, no span
                {"start": doc[4].idx, "end": doc[5].idx + 4, "person": 1, "kind": "name"}]  # fmt: skip
    chains = build_chains(doc, persons, mentions, default_lexicon())
    she = doc[10]
    assert chains.person_of(she) == 1


# -- through the whole pipeline (the parse is the model's) ----------------------------------------
def _read(nlp: Language, body: str) -> Extraction:
    return extract(article_from_text(f"published: 2025-09-16\n\n{body}\n"), nlp)


def _speakers(extraction: Extraction) -> list[str | None]:
    return [q.speaker for q in extraction.quotes]


def _actor(extraction: Extraction, name: str) -> tuple[str | None, str | None]:
    found = [a for a in extraction.actors if a.name == name]
    assert found, [a.name for a in extraction.actors]
    return found[0].role, found[0].country


@pytest.mark.slow
def test_a_speaker_the_parser_hung_on_an_adjunct_speaks_and_keeps_speaking(nlp: Language) -> None:
    text = (
        "Chilean Trade Minister Ana Ruiz said on Friday the United States had raised tariffs on "
        "copper. President Donald Trump announced the rate last week.\n"
        "In a statement on Sunday, Ruiz, who is travelling to Washington this week, said she "
        'was working with the embassy to "review every option we have left".\n'
        '"Chile believes in open and fair trade," she said.'
    )
    assert _speakers(_read(nlp, text)) == ["Ana Ruiz", "Ana Ruiz"]


@pytest.mark.slow
def test_a_title_subject_with_the_name_apposed_speaks_and_keeps_speaking(nlp: Language) -> None:
    text = (
        "Prime Minister Lars Holm of Denmark said on Monday the tariffs were a mistake.\n"
        'Opposition trade spokesperson, Mette Dal, told local radio the new tariffs were "a '
        'serious blow".\n'
        '"It is contrary to the spirit of our partnership with Washington," she said.'
    )
    assert _speakers(_read(nlp, text)) == ["Mette Dal"]


@pytest.mark.slow
def test_an_outlet_that_reports_gives_way_to_the_person_who_replied(nlp: Language) -> None:
    text = (
        "President Donald Trump met Kenyan President Samuel Otieno at the White House on "
        "Tuesday. In turn, Trump told reporters at the White House that it was 'a fantastic "
        "meeting,' and when asked if the United States would help Kenya fight armed groups, "
        "Trump replied: 'They want us to do it, and we will do it,' reported CNN."
    )
    assert _speakers(_read(nlp, text)) == ["Donald Trump"]


@pytest.mark.slow
def test_a_generic_office_noun_with_a_country_names_its_one_holder(nlp: Language) -> None:
    text = (
        "Peruvian President Marta Quispe said on Monday the country would adapt to the tariffs.\n"
        '"We will not be pushed around by anyone at all," the Peruvian leader said.\n'
        "Ghana's Trade Minister Kofi Mensah agreed with her.\n"
        '"This is a time for calm and good sense," the Ghanaian official said.'
    )
    assert _speakers(_read(nlp, text)) == ["Marta Quispe", "Kofi Mensah"]


@pytest.mark.slow
def test_the_next_sentences_speaker_does_not_take_a_quotation_already_attributed(
    nlp: Language,
) -> None:
    text = (
        "President Donald Trump received his Ecuadorian counterpart, Rafael Mena, at the White "
        "House on Tuesday. In an interview with a radio station, Mena said the U.S. leader would "
        "help with the 'reconciliation with our neighbours.' In turn, Trump told reporters that "
        "it was 'a fantastic meeting with a great man.'"
    )
    extraction = _read(nlp, text)
    assert _actor(extraction, "Rafael Mena")[1] == "ECU"  # the NER may miss the name
    assert _speakers(extraction) == ["Rafael Mena", "Donald Trump"]


@pytest.mark.slow
def test_then_president_is_a_former_office_and_no_actor(nlp: Language) -> None:
    text = (
        "Trade Minister Ana Ruiz met US Trade Representative Jamie Cole on Monday. It was a "
        "contrast to a visit by then-President Joe Biden, who looked away from the cameras."
    )
    names = [a.name for a in _read(nlp, text).actors]
    assert "Joe Biden" not in names and "Ana Ruiz" in names


@pytest.mark.slow
def test_a_title_of_several_words_is_not_part_of_the_name(nlp: Language) -> None:
    text = (
        "Crown Prince Faisal bin Hamad greeted President Donald Trump at the airport on Tuesday. "
        "Prince Faisal has already committed to new investment in the United States."
    )
    extraction = _read(nlp, text)
    assert _actor(extraction, "Faisal bin Hamad")[0] == "Crown Prince"
    assert "Prince Faisal" not in [a.name for a in extraction.actors]


@pytest.mark.slow
def test_an_outlet_named_with_its_kind_is_no_person(nlp: Language) -> None:
    text = (
        "Kenya welcomes a recent US Supreme Court decision that partially overturned the "
        "tariffs imposed by President Donald Trump on goods from many countries, reports the "
        "Kenyan public broadcaster KBC Habari."
    )
    assert [a.name for a in _read(nlp, text).actors] == ["Donald Trump"]


@pytest.mark.slow
def test_a_title_with_coordinated_portfolios_is_one_office(nlp: Language) -> None:
    text = "Energy and Mines Minister Jorge Pardo said on Monday that the talks would go on."
    assert _actor(_read(nlp, text), "Jorge Pardo")[0] == "Energy and Mines Minister"


@pytest.mark.slow
def test_an_editors_bracketed_title_is_the_role(nlp: Language) -> None:
    text = (
        "Trade Minister Tomas Berg of Norway said on Monday that talks with Washington went well."
        ' "It has been good engagement, and [Foreign Minister] Ingrid Lunde has been to '
        'Washington twice," he said.'
    )
    assert _actor(_read(nlp, text), "Ingrid Lunde")[0] == "Foreign Minister"


@pytest.mark.slow
def test_a_leader_lends_no_country_to_the_person_named_with_them(nlp: Language) -> None:
    text = (
        "Crown Prince Faisal bin Hamad of Bahrain greeted President Donald Trump in Manama on "
        "Tuesday. Trump and Prince Faisal then took part in a formal lunch."
    )
    assert _actor(_read(nlp, text), "Faisal bin Hamad")[1] != "USA"


@pytest.mark.slow
def test_a_photo_credit_closing_a_caption_line_names_no_actor(nlp: Language) -> None:
    text = (
        "Premier Nadia Koh of Sarawak meets the press on April 8, 2025. Photo: Lena Ho/SRN.\n"
        "Koh said on Tuesday the state would seek talks with Washington over the tariffs."
    )
    assert [a.name for a in _read(nlp, text).actors] == ["Nadia Koh"]
