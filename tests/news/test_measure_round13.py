"""Round 13 of the measure reader: which rates are worth coding, and whose they are.

- a rate stated as a bound ("tariffs of up to 35%", "as high as 45%") is no measure beside a
  rate stated for the same pair (it may be that rate's from-rate); the only rate of its pair,
  it stands for the measure (``test_measure_rules.py``: "approved tariffs of up to 40%"); a
  verb of change makes "up to" the end of the change ("raised tariffs up to 60%");
- countries a negated participle of naming modifies ("countries not named in the order") are
  the rest of the world;
- the object of "with" before a participle of receiving with no subject ("..., with Chad and
  Fiji facing a 19% tariff") is that participle's subject;
- an apposition that names a relation ("Peru, a key US ally,") says whose ally, not who
  receives the rate;
- (the comparison-list rows of the round are in ``test_measure_pairing.py``).

Every sentence was written for these tests (none from a development, train, test or fresh
story). The unit tests use hand-built parses; the story test needs the trained model and is
marked ``slow``.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from tests.news._parses import hand_parsed

from tariffscope.news._measure_imposer import _absolute_with_subject, _own_words
from tariffscope.news._measure_parts import goods_of, unnamed
from tariffscope.news._measure_rules import rule_specs
from tariffscope.news._measure_worth import BOUND_RULE, bound_marker
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()


def test_up_to_before_a_rate_of_a_verb_of_laying_is_a_bound() -> None:
    # "Lima faced tariffs of up to 35 %"
    words = ["Lima", "faced", "tariffs", "of", "up", "to", "35", "%"]
    heads = [1, 1, 1, 2, 6, 6, 7, 3]
    deps = ["nsubj", "ROOT", "dobj", "prep", "quantmod", "quantmod", "nummod", "pobj"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "ADP", "PART", "NUM", "NOUN"]
    doc = hand_parsed(words, heads, deps, pos)
    assert bound_marker(doc[6:8], LEX) == "up to"


def test_up_to_after_a_verb_of_change_is_the_change() -> None:
    # "Kenya raised tariffs up to 60 %": the rise itself, a measure
    words = ["Kenya", "raised", "tariffs", "up", "to", "60", "%"]
    heads = [1, 1, 1, 5, 5, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "quantmod", "quantmod", "nummod", "npadvmod"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "PART", "NUM", "NOUN"]
    doc = hand_parsed(words, heads, deps, pos)
    doc[1].lemma_ = "raise"
    assert bound_marker(doc[5:7], LEX) is None


def test_as_high_as_is_a_bound_even_after_a_verb_of_change() -> None:
    # "duties could go as high as 45 %": "as high as" is no verb particle
    words = ["duties", "could", "go", "as", "high", "as", "45", "%"]
    heads = [2, 2, 2, 4, 2, 4, 7, 5]
    deps = ["nsubj", "aux", "ROOT", "advmod", "advmod", "prep", "nummod", "pobj"]
    pos = ["NOUN", "AUX", "VERB", "ADV", "ADJ", "ADP", "NUM", "NOUN"]
    doc = hand_parsed(words, heads, deps, pos)
    assert bound_marker(doc[6:8], LEX) == "as high as"


def test_a_rate_stated_as_a_rate_has_no_bound() -> None:
    # "Oslo set a 12 % duty"
    words = ["Oslo", "set", "a", "12", "%", "duty"]
    heads = [1, 1, 5, 4, 5, 1]
    deps = ["nsubj", "ROOT", "det", "nummod", "compound", "dobj"]
    pos = ["PROPN", "VERB", "DET", "NUM", "NOUN", "NOUN"]
    doc = hand_parsed(words, heads, deps, pos)
    assert bound_marker(doc[3:5], LEX) is None


def test_the_worth_table_holds_the_bound_rule() -> None:
    specs = rule_specs("worth")
    assert {spec.id for spec in specs} == {BOUND_RULE}
    assert all(spec.reason for spec in specs)


@pytest.mark.slow
def test_a_bound_beside_its_pairs_own_rate_is_left_out(nlp: Language) -> None:
    text = (
        "published: 2024-05-02\n\n"
        "Washington weighs duties on Andean metals\n\n"
        "Bolivia was struck last year with US tariffs of up to 35 percent over its tin "
        "dispute, officials in La Paz said on Tuesday. Bolivian tin now pays a 12% US duty."
    )
    found = {(m.target, m.to_rate_pct) for m in extract(article_from_text(text), nlp).measures}
    assert ("BOL", 12.0) in found
    assert all(rate != 35.0 for _, rate in found), found


@pytest.mark.slow
def test_a_threat_stated_as_a_bound_is_the_from_rate_of_the_deal(nlp: Language) -> None:
    text = (
        "published: 2024-05-02\n\n"
        "US and Peru reach deal\n\n"
        "Washington had threatened tariffs as high as 35% on Peruvian goods, but the deal "
        "sets a 12% rate on them, officials in Lima said on Tuesday."
    )
    found = {
        (m.target, m.from_rate_pct, m.to_rate_pct)
        for m in extract(article_from_text(text), nlp).measures
    }
    assert found == {("PER", 35.0, 12.0)}, found


# -- countries not named: the rest of the world ----------------------------------------------


def _nations_doc(negated: bool) -> Doc:
    # "nations (not) listed in the decree": a plural nation noun and a participle of naming
    words = ["nations", *(["not"] if negated else []), "listed", "in", "the", "decree"]
    k = 1 if negated else 0
    heads = [0, *([1 + k] if negated else []), 0, 1 + k, 4 + k, 2 + k]
    deps = ["ROOT", *(["neg"] if negated else []), "acl", "prep", "det", "pobj"]
    tags = ["NNS", *(["RB"] if negated else []), "VBN", "IN", "DT", "NN"]
    lemmas = ["nation", *(["not"] if negated else []), "list", "in", "the", "decree"]
    return Doc(
        spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, lemmas=lemmas
    )


def test_nations_not_named_are_the_rest_of_the_world() -> None:
    goods = goods_of(_nations_doc(negated=True)[0], LEX)
    assert goods.world and goods.targets == ()


def test_a_negated_participle_parsed_as_the_subject_reads_the_same() -> None:
    # "nations not named will pay": the parser makes "named" the clause's subject and
    # "nations" its own subject
    words = ["nations", "not", "named", "will", "pay"]
    doc = Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[2, 2, 4, 4, 4],
        deps=["nsubj", "neg", "csubj", "aux", "ROOT"],
        tags=["NNS", "RB", "VBN", "MD", "VB"],
        lemmas=["nation", "not", "name", "will", "pay"],
    )
    assert unnamed(doc[2], LEX)
    assert not unnamed(doc[4], LEX)


def test_nations_named_are_not_the_rest_of_the_world() -> None:
    assert not goods_of(_nations_doc(negated=False)[0], LEX).world


# -- an apposition naming a relation ---------------------------------------------------------


def _apposition_doc(noun: str) -> Doc:
    # "Peru , a key US NOUN , faces"
    words = ["Peru", ",", "a", "key", "US", noun, ",", "faces"]
    heads = [7, 0, 5, 5, 5, 0, 0, 7]
    deps = ["nsubj", "punct", "det", "amod", "compound", "appos", "punct", "ROOT"]
    pos = ["PROPN", "PUNCT", "DET", "ADJ", "PROPN", "NOUN", "PUNCT", "VERB"]
    return hand_parsed(words, heads, deps, pos)


@pytest.mark.parametrize("noun", ["ally", "rival", "partner"])
def test_an_apposition_naming_a_relation_is_not_the_subjects_own(noun: str) -> None:
    doc = _apposition_doc(noun)
    assert "US" not in [t.text for t in _own_words(doc[0], LEX)]


def test_an_apposition_naming_no_relation_stays() -> None:
    doc = _apposition_doc("supplier")
    assert "US" in [t.text for t in _own_words(doc[0], LEX)]


@pytest.mark.slow
def test_a_rate_for_countries_not_named_in_an_order_is_on_every_origin(nlp: Language) -> None:
    text = (
        "published: 2024-05-02\n\n"
        "US order sets new duties\n\n"
        "The US order sets a 41% tariff on Chad and a 30% tariff on Fiji. Countries not "
        "named in the order will face a baseline 10% tariff, officials in Washington said."
    )
    found = {(m.target, m.to_rate_pct) for m in extract(article_from_text(text), nlp).measures}
    assert ("WLD", 10.0) in found, found
    assert ("FJI", 10.0) not in found and ("TCD", 10.0) not in found, found


@pytest.mark.slow
def test_the_rate_of_a_country_described_as_a_us_ally_is_on_that_country(nlp: Language) -> None:
    text = (
        "published: 2024-05-02\n\n"
        "Andean exporters brace for US duties\n\n"
        "The United States set new duties on Andean metals on Tuesday. Peru, a key US ally "
        "and trading partner, faces a 34% tariff on its zinc, officials in Lima said."
    )
    found = {
        (m.imposer, m.target, m.to_rate_pct) for m in extract(article_from_text(text), nlp).measures
    }
    assert ("USA", "PER", 34.0) in found, found


# -- an absolute "with" phrase ----------------------------------------------------------------


def _absolute_doc(participle: str, tag: str) -> Doc:
    # "Lima signed , with Chad facing a 19 % tariff": the parser hangs "with" and the
    # participle on the main verb
    words = ["Lima", "signed", ",", "with", "Chad", participle, "a", "19", "%", "tariff"]
    heads = [1, 1, 1, 1, 3, 1, 9, 8, 9, 5]
    deps = ["nsubj", "ROOT", "punct", "prep", "pobj", "advcl", "det", "nummod", "compound", "dobj"]
    tags = ["NNP", "VBD", ",", "IN", "NNP", tag, "DT", "CD", "NN", "NN"]
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)


def test_the_object_of_with_is_the_subject_of_the_participle_after_it() -> None:
    doc = _absolute_doc("facing", "VBG")
    subject = _absolute_with_subject(doc[5])
    assert subject is not None and subject.text == "Chad"


def test_a_finite_verb_after_with_takes_no_subject_from_it() -> None:
    assert _absolute_with_subject(_absolute_doc("faced", "VBD")[5]) is None
