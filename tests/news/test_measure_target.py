"""Whose goods a rate is on: the target order (own phrase, verb frame, global markers, the
sentence, the story's main partner) of :mod:`tariffscope.news._measure_target`.

Every sentence was written for these tests (none from a development, train or test story);
the hand-built parses test one rule each, the model tests (marked ``slow``) the whole order.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from tests.news._rate_records import raw_rate

from tariffscope.news._measure_target import (
    counted_reference,
    frame_receivers,
    generic_cap,
    laying_source,
    main_partner,
    main_partners,
    sentence_places,
    world_marked,
)
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.measure_merge import merge_measures

LEX = default_lexicon()
VOCAB = spacy.blank("en").vocab  # English lexical attributes: "four" is like a number


def _doc(words: list[str], heads: list[int], deps: list[str], tags: list[str] | None = None) -> Doc:
    return Doc(VOCAB, words=words, heads=heads, deps=deps, tags=tags)


# -- the story's main partner (pure) ----------------------------------------------------------


@pytest.mark.parametrize(
    ("counts", "imposer", "expected"),
    [
        ({"USA": 9, "PER": 4}, "USA", "PER"),  # the only other country
        ({"USA": 9, "KEN": 6, "UGA": 3, "TZA": 1}, "USA", "KEN"),  # twice the next one
        ({"USA": 9, "KEN": 5, "UGA": 4}, "USA", None),  # several partners alike: no guess
        ({"CAN": 3}, "CAN", None),  # no partner at all
    ],
)
def test_main_partner_only_when_one_stands_out(
    counts: dict[str, int], imposer: str, expected: str | None
) -> None:
    assert main_partner(counts, imposer) == expected


def test_main_partners_are_those_named_half_as_often_as_the_first() -> None:
    counts = {"BOL": 8, "PRY": 7, "USA": 5, "URY": 4, "CHL": 1}
    assert main_partners(counts, "USA") == ["BOL", "PRY", "URY"]
    assert main_partners({"USA": 2}, "USA") == []


@pytest.mark.parametrize(
    ("fields", "counts", "expected"),
    [
        # no owner near the rate, a story about several partners alike: no measure
        ({}, {"USA": 6, "GHA": 4, "CIV": 4}, set()),
        # ... but a story about one partner gives it
        ({}, {"USA": 6, "GHA": 5, "CIV": 1}, {"GHA"}),
        # the one country the sentence names by name beats the story
        ({"places": ["USA", "CIV"]}, {"USA": 6, "GHA": 4, "CIV": 4}, {"CIV"}),
        # a sentence about a global tariff and no country: every origin
        ({"sentence_world": True}, {"USA": 6, "GHA": 4, "CIV": 4}, {"WLD"}),
        # "both countries": the story's main partners
        ({"counted": True}, {"USA": 6, "GHA": 4, "CIV": 4, "NGA": 1}, {"GHA", "CIV"}),
    ],
)
def test_story_fallback_of_a_rate_without_owner(
    fields: dict[str, Any], counts: dict[str, int], expected: set[str]
) -> None:
    merged = merge_measures([raw_rate(**fields)], list(counts), None, about_us=True, counts=counts)
    assert {m["target"] for m in merged} == expected


# -- one rule each, on hand-built parses ------------------------------------------------------


def test_a_hyphenated_global_marker_hung_on_the_rate_is_read_whole() -> None:
    # "a 12 per cent across-the-board tariff", parsed with the marker as the rate's preposition
    words = ["a", "12", "per", "cent", "across", "-", "the", "-", "board", "tariff"]
    heads = [9, 3, 3, 9, 3, 4, 8, 8, 4, 9]
    deps = ["det", "nummod", "nmod", "nmod", "prep", "punct", "det", "punct", "pobj", "ROOT"]
    doc = _doc(words, heads, deps)
    assert world_marked([doc[9]], LEX, doc[3])
    assert not world_marked([doc[9]], LEX)  # not a modifier of the tariff noun itself


def test_a_single_word_marker_counts_only_as_the_nouns_modifier() -> None:
    # "a universal 30% levy" against "a 30% levy, universal in scope" (no marker before it)
    words = ["a", "universal", "30", "%", "levy"]
    doc = _doc(words, [4, 4, 3, 4, 4], ["det", "amod", "nummod", "compound", "ROOT"])
    assert world_marked([doc[4]], LEX)
    words = ["a", "30", "%", "levy", ",", "universal"]
    doc = _doc(words, [3, 2, 3, 3, 3, 3], ["det", "nummod", "compound", "ROOT", "punct", "amod"])
    assert not world_marked([doc[3]], LEX)


def test_the_dative_of_a_laying_verb_receives_the_rate() -> None:
    # "Ottawa will charge Chile and Peru a 9% duty"
    words = ["Ottawa", "will", "charge", "Chile", "and", "Peru", "a", "9", "%", "duty"]
    heads = [2, 2, 2, 2, 3, 3, 9, 8, 9, 2]
    deps = ["nsubj", "aux", "ROOT", "dative", "cc", "conj", "det", "nummod", "compound", "dobj"]
    doc = _doc(words, heads, deps)
    doc[2].lemma_ = "charge"
    assert frame_receivers(doc[9], LEX) == ["CHL", "PER"]
    doc[2].lemma_ = "discuss"  # not a verb of laying: no receiver
    assert frame_receivers(doc[9], LEX) == []


def test_countries_counted_by_number_are_a_reference_to_the_partners() -> None:
    # "the 15% rate for both countries" and "the 15% rate for all four nations"
    for counter, dep in (("both", "det"), ("four", "nummod")):
        words = ["the", "15", "%", "rate", "for", counter, "countries"]
        heads = [3, 2, 3, 3, 3, 6, 4]
        deps = ["det", "nummod", "compound", "ROOT", "prep", dep, "pobj"]
        tags = ["DT", "CD", "NN", "NN", "IN", "CD" if dep == "nummod" else "DT", "NNS"]
        doc = _doc(words, heads, deps, tags)
        doc[6].lemma_ = "country"
        assert counted_reference(doc[1:3], LEX)
    words = ["the", "15", "%", "rate", "for", "many", "countries"]
    tags = ["DT", "CD", "NN", "NN", "IN", "JJ", "NNS"]
    doc = _doc(
        words,
        [3, 2, 3, 3, 3, 6, 4],
        ["det", "nummod", "compound", "ROOT", "prep", "amod", "pobj"],
        tags,
    )
    doc[6].lemma_ = "country"
    assert not counted_reference(doc[1:3], LEX)


def test_a_limit_stated_for_tariffs_in_general_binds_every_origin() -> None:
    # "tariffs of up to 12% are allowed" against "its tariffs of up to 12% are allowed"
    words = ["tariffs", "of", "up", "to", "12", "%", "are", "allowed"]
    heads = [7, 0, 4, 4, 5, 1, 7, 7]
    deps = ["nsubjpass", "prep", "quantmod", "quantmod", "nummod", "pobj", "auxpass", "ROOT"]
    tags = ["NNS", "IN", "IN", "TO", "CD", "NN", "VBP", "VBN"]
    doc = _doc(words, heads, deps, tags)
    assert generic_cap(doc[4:6], doc[0], LEX)
    words = ["its", *words]
    doc = _doc(words, [1] + [h + 1 for h in heads], ["poss", *deps], ["PRP$", *tags])
    assert not generic_cap(doc[5:7], doc[1], LEX)


def test_the_sentence_step_leaves_out_the_rates_own_phrase() -> None:
    # "Kenyan growers said a 9% tariff tied to Peruvian coffee hurts": the tariff's own phrase
    # was read first (Peruvian coffee is not whose goods bear it); the growers are Kenyan
    words = ["Kenyan", "growers", "said", "a", "9", "%", "tariff", "tied", "to", "Peruvian",
             "coffee", "hurts"]  # fmt: skip
    heads = [1, 2, 2, 6, 5, 6, 11, 6, 7, 10, 8, 2]
    deps = ["amod", "nsubj", "ROOT", "det", "nummod", "compound", "nsubj", "acl", "prep",
            "amod", "pobj", "ccomp"]  # fmt: skip
    doc = _doc(words, heads, deps)
    assert sentence_places(doc[4:6], doc[6], LEX) == ["KEN"]


def test_the_importer_or_the_origin_of_the_tariff_lays_it() -> None:
    # "Peruvian exports to Canada face a 9% tariff", "Peru faces a 9% tariff from Ottawa"
    words = ["Peruvian", "exports", "to", "Canada", "face", "a", "9", "%", "tariff"]
    heads = [1, 4, 1, 2, 4, 8, 7, 8, 4]
    deps = ["amod", "nsubj", "prep", "pobj", "ROOT", "det", "nummod", "compound", "dobj"]
    doc = _doc(words, heads, deps)
    assert laying_source(doc[1], doc[4], doc[8], LEX) == "CAN"
    words = ["Peru", "faces", "a", "9", "%", "tariff", "from", "Ottawa"]
    heads = [1, 1, 5, 4, 5, 1, 5, 6]
    deps = ["nsubj", "ROOT", "det", "nummod", "compound", "dobj", "prep", "pobj"]
    doc = _doc(words, heads, deps)
    assert laying_source(doc[0], doc[1], doc[5], LEX) == "CAN"
    # an origin named by a demonym is the goods' owner, never the source
    words = ["Peru", "faces", "a", "9", "%", "tariff", "from", "Canadian", "rules"]
    heads = [1, 1, 5, 4, 5, 1, 5, 8, 6]
    deps = ["nsubj", "ROOT", "det", "nummod", "compound", "dobj", "prep", "amod", "pobj"]
    doc = _doc(words, heads, deps)
    assert laying_source(doc[0], doc[1], doc[5], LEX) is None


# -- the whole order, with the trained model --------------------------------------------------


def _targets(nlp: Language, lead: str, body: str) -> set[tuple[str, str, float]]:
    article = article_from_text(f"published: 2025-10-03\n\n{lead}\n\n{body}\n")
    return {(m.imposer, m.target, m.to_rate_pct) for m in extract(article, nlp).measures}


#: A story about several partners alike (no main partner besides the imposer).
SEVERAL = (
    "U.S. trade officials met envoys of Ghana and Ivory Coast in Washington on Thursday; "
    "Ghana and Ivory Coast want lower cocoa duties."
)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # 1. the goods' owner in the rate's own phrase
        ("Washington set a 12% tariff on Ghanaian cocoa.", {("USA", "GHA", 12.0)}),
        # 2. the verb frame: a dative, a subject that pays, coordinated receivers
        (
            "The U.S. will charge Ghana and Ivory Coast a 14% tariff.",
            {("USA", "GHA", 14.0), ("USA", "CIV", 14.0)},
        ),
        ("Ivory Coast will pay a 16% tariff on its cocoa.", {("USA", "CIV", 16.0)}),
        # 3. global markers: "the rest of the world", a generic country, across-the-board
        ("Washington announced a 10% tariff on the rest of the world.", {("USA", "WLD", 10.0)}),
        ("The law caps a duty on any country at 15%.", {("USA", "WLD", 15.0)}),
        (
            "The White House announced a 10 per cent across-the-board tariff.",
            {("USA", "WLD", 10.0)},
        ),
        ("Ghana will face a 14% tariff from Washington.", {("USA", "GHA", 14.0)}),
        (
            "Kenyan exporters said shipments to the US will face a 19% tariff.",
            {("USA", "KEN", 19.0)},
        ),
        # the imposer is the government that acts, never the possessor who pays
        ("Washington lowered Ghana's tariff to 11%.", {("USA", "GHA", 11.0)}),
        ("Ghana's tariff was raised to 21% by Washington.", {("USA", "GHA", 21.0)}),
        # ... but a possessor's tariff with its own target is the possessor's
        ("Ghana's 5% tariffs on US rice took effect on Monday.", {("GHA", "USA", 5.0)}),
        # 3. a limit stated for tariffs in general
        ("Tariffs cannot exceed 12% under the statute.", {("USA", "WLD", 12.0)}),
        # 4. the sentence names one country outside the rate's phrase
        ("Bolivian farmers said the 12% tariff would hurt them.", {("USA", "BOL", 12.0)}),
        # nothing near the rate names an owner, and the story has two partners alike
        ("The tariff of 18% could be lowered later, officials said.", set()),
        # ... unless the sentence counts them
        ("Both countries face a 18% tariff.", {("USA", "GHA", 18.0), ("USA", "CIV", 18.0)}),
    ],
)
def test_target_order_in_a_story_about_several_partners(
    nlp: Language, body: str, expected: set[tuple[str, str, float]]
) -> None:
    assert _targets(nlp, SEVERAL, body) == expected


@pytest.mark.slow
def test_a_rate_without_owner_in_a_story_about_one_partner_is_on_that_partner(
    nlp: Language,
) -> None:
    lead = "Peru's trade minister met U.S. officials in Washington; Peru wants a deal by June."
    body = "The tariff of 18% could be lowered later, officials said."
    assert _targets(nlp, lead, body) == {("USA", "PER", 18.0)}


@pytest.mark.slow
def test_a_later_sentence_naming_its_own_country_beats_the_paragraphs_earlier_rate(
    nlp: Language,
) -> None:
    lead = (
        "U.S. officials met envoys of Peru, Bolivia and Ecuador in Washington on Thursday; "
        "Peru, Bolivia and Ecuador want a deal."
    )
    named = "Washington set a 20% tariff on Peru. Bolivian exporters expect a 15% rate next."
    assert _targets(nlp, lead, named) == {("USA", "PER", 20.0), ("USA", "BOL", 15.0)}
    # a sentence naming no country of its own continues the paragraph's rate
    unnamed = "Washington set a 20% tariff on Peru. Exporters expect a 15% rate next."
    assert _targets(nlp, lead, unnamed) == {("USA", "PER", 20.0), ("USA", "PER", 15.0)}
