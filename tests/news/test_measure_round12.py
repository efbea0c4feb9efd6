"""Round 12 of the measure reader: who imposes, whose goods and which goods.

- a country joined to an adjective of aiming ("a Peru-specific duty") receives the tariff,
  never imposes it, and names no goods;
- the possessor of a relation noun ("Vietnam's neighbor Laos") is not the phrase's owner;
- the receiver of a passive verb of hitting whose agent is the tariff ("copper cathodes were
  hit by a 50% tariff") names the tariff's goods.

Every sentence was written for these tests (none from a development, train, test or fresh
story). The unit tests use hand-built parses; the story tests need the trained model (the
parse is the point) and are marked ``slow``.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tariffscope.news._measure_goods import _passive_hit_subject
from tariffscope.news._measure_imposer import _own_words, aimed_at
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    for token in doc:
        token.lemma_ = token.lower_
    return doc


# -- aiming adjectives ------------------------------------------------------------------------


def _aimed_doc(adjective: str) -> Doc:
    # "the Peru - ADJ 25 % duty" (hand-built parse: the country hangs on the adjective)
    words = ["the", "Peru", "-", adjective, "25", "%", "duty"]
    heads = [6, 3, 3, 6, 5, 6, 6]
    deps = ["det", "npadvmod", "punct", "amod", "nummod", "compound", "ROOT"]
    pos = ["DET", "PROPN", "PUNCT", "ADJ", "NUM", "NOUN", "NOUN"]
    return _doc(words, heads, deps, pos)


@pytest.mark.parametrize("adjective", ["specific", "only", "targeted"])
def test_a_country_joined_to_an_adjective_of_aiming_is_the_target(adjective: str) -> None:
    doc = _aimed_doc(adjective)
    assert set(aimed_at(doc[6], LEX)) == {"PER"}


def test_a_country_joined_to_another_adjective_aims_nothing() -> None:
    doc = _aimed_doc("led")
    assert aimed_at(doc[6], LEX) == {}


def test_the_aiming_words_are_a_sorted_lexicon_list() -> None:
    words = LEX.words("measure_aiming_adjectives")
    assert {"specific", "only"} <= words


# -- the possessor of a relation ---------------------------------------------------------------


def _neighbor_doc(relation: str) -> Doc:
    # "Vietnam 's RELATION Laos" (hand-built parse: the possessor and the relation hang on Laos)
    words = ["Vietnam", "'s", relation, "Laos"]
    heads = [3, 0, 3, 3]
    deps = ["poss", "case", "compound", "ROOT"]
    pos = ["PROPN", "PART", "NOUN", "PROPN"]
    return _doc(words, heads, deps, pos)


def test_the_possessor_of_a_relation_noun_is_not_the_phrase_owner() -> None:
    doc = _neighbor_doc("neighbor")
    assert [t.text for t in _own_words(doc[3], LEX)] == ["neighbor", "Laos"]


def test_the_possessor_of_another_noun_stays_in_the_phrase() -> None:
    doc = _neighbor_doc("exporter")
    assert [t.text for t in _own_words(doc[3], LEX)] == ["Vietnam", "'s", "exporter", "Laos"]


# -- the receiver of a passive hit -------------------------------------------------------------


def _hit_doc(by: str) -> Doc:
    # "cathodes were hit BY a 50 % tariff" (hand-built parse)
    words = ["cathodes", "were", "hit", by, "a", "50", "%", "tariff"]
    heads = [2, 2, 2, 2, 7, 6, 7, 3]
    deps = ["nsubjpass", "auxpass", "ROOT", "agent" if by == "by" else "prep", "det"]
    deps += ["nummod", "compound", "pobj"]
    pos = ["NOUN", "AUX", "VERB", "ADP", "DET", "NUM", "NOUN", "NOUN"]
    return _doc(words, heads, deps, pos)


def test_the_receiver_of_a_passive_hit_by_the_tariff_is_its_goods() -> None:
    doc = _hit_doc("by")
    found = _passive_hit_subject(doc[2], doc[7])
    assert found is not None and found.text == "cathodes"


def test_a_passive_hit_whose_agent_is_not_the_tariff_names_no_goods() -> None:
    doc = _hit_doc("after")
    assert _passive_hit_subject(doc[2], doc[7]) is None


# -- written stories (the parse is the point) ---------------------------------------------------


def _measures(nlp: Language, text: str) -> set[tuple[str | None, str, float, str]]:
    article = article_from_text(f"published: 2025-10-02\n\n{text}\n")
    return {
        (m.imposer, m.target, m.to_rate_pct, m.products) for m in extract(article, nlp).measures
    }


@pytest.mark.slow
def test_an_aimed_duty_of_a_us_order_falls_on_the_country_it_is_aimed_at(nlp: Language) -> None:
    text = (
        "White House keeps duties in place\n\n"
        "The United States said on Wednesday that a new order keeps the Peru-specific 25% "
        "duty in place while talks continue, officials in Washington said."
    )
    found = _measures(nlp, text)
    assert {(i, t, r) for i, t, r, _ in found} == {("USA", "PER", 25.0)}


@pytest.mark.slow
def test_a_rate_of_a_neighbor_goes_to_the_neighbor_not_the_possessor(nlp: Language) -> None:
    text = (
        "US sets new tariff rates for Asian partners\n\n"
        "The United States set new tariff rates on Wednesday for several Asian countries, "
        "including Vietnam, Cambodia and Laos.\n\n"
        "Vietnam's neighbor Laos obtained a 19% rate under the new order, down from the 48% "
        "it was first threatened with."
    )
    found = {(t, r) for _, t, r, _ in _measures(nlp, text)}
    assert ("LAO", 19.0) in found
    assert ("VNM", 19.0) not in found


@pytest.mark.slow
def test_goods_hit_by_a_tariff_are_its_goods(nlp: Language) -> None:
    text = (
        "Chile asks US for relief on copper\n\n"
        "Chile's copper cathodes have been hit by a 50% tariff from the United States, "
        "officials in Santiago said on Wednesday."
    )
    found = _measures(nlp, text)
    assert any(t == "CHL" and r == 50.0 and "copper" in p for _, t, r, p in found), found
