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


# (words as "word/head/dep/pos", the rate's first word, the verb's lemma where it is not the
# word, the marker read or None)
_BOUNDS = [
    # "Lima faced tariffs of up to 35 %": a bound
    (
        "Lima/1/nsubj/PROPN faced/1/ROOT/VERB tariffs/1/dobj/NOUN of/2/prep/ADP "
        "up/6/quantmod/ADP to/6/quantmod/PART 35/7/nummod/NUM %/3/pobj/NOUN",
        6,
        None,
        "up to",
    ),
    # "Kenya raised tariffs up to 60 %": the rise itself, a measure
    (
        "Kenya/1/nsubj/PROPN raised/1/ROOT/VERB tariffs/1/dobj/NOUN up/5/quantmod/ADP "
        "to/5/quantmod/PART 60/6/nummod/NUM %/1/npadvmod/NOUN",
        5,
        "raise",
        None,
    ),
    # "duties could go as high as 45 %": "as high as" is no verb particle
    (
        "duties/2/nsubj/NOUN could/2/aux/AUX go/2/ROOT/VERB as/4/advmod/ADV "
        "high/2/advmod/ADJ as/4/prep/ADP 45/7/nummod/NUM %/5/pobj/NOUN",
        6,
        None,
        "as high as",
    ),
    # "Oslo set a 12 % duty": a rate stated as a rate
    (
        "Oslo/1/nsubj/PROPN set/1/ROOT/VERB a/5/det/DET 12/4/nummod/NUM "
        "%/5/compound/NOUN duty/1/dobj/NOUN",
        3,
        None,
        None,
    ),
]


@pytest.mark.parametrize(("rows", "rate", "lemma", "marker"), _BOUNDS)
def test_the_words_before_a_rate_tell_a_bound(
    rows: str, rate: int, lemma: str | None, marker: str | None
) -> None:
    cells = [row.split("/") for row in rows.split()]
    doc = hand_parsed(
        [c[0] for c in cells],
        [int(c[1]) for c in cells],
        [c[2] for c in cells],
        [c[3] for c in cells],
    )
    if lemma is not None:
        doc[1].lemma_ = lemma
    assert bound_marker(doc[rate : rate + 2], LEX) == marker


def test_the_worth_table_holds_the_bound_rule() -> None:
    specs = rule_specs("worth")
    assert {spec.id for spec in specs} == {BOUND_RULE}
    assert all(spec.reason for spec in specs)


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


# -- stories, on the trained model -------------------------------------------------------------

# headline, body (published 2024-05-02), a measure read (imposer, target, from, to), and rates
# (target, to) that must not be read
_STORIES = [
    (  # a bound beside its pair's own rate is left out
        "Washington weighs duties on Andean metals",
        "Bolivia was struck last year with US tariffs of up to 35 percent over its tin "
        "dispute, officials in La Paz said on Tuesday. Bolivian tin now pays a 12% US duty.",
        ("USA", "BOL", None, 12.0),
        [("BOL", 35.0)],
    ),
    (  # a threat stated as a bound is the from-rate of the deal that replaces it
        "US and Peru reach deal",
        "Washington had threatened tariffs as high as 35% on Peruvian goods, but the deal "
        "sets a 12% rate on them, officials in Lima said on Tuesday.",
        ("USA", "PER", 35.0, 12.0),
        [("PER", 35.0)],
    ),
    (  # a rate for countries an order does not name is on every origin
        "US order sets new duties",
        "The US order sets a 41% tariff on Chad and a 30% tariff on Fiji. Countries not "
        "named in the order will face a baseline 10% tariff, officials in Washington said.",
        ("USA", "WLD", None, 10.0),
        [("FJI", 10.0), ("TCD", 10.0)],
    ),
    (  # a country described as a US ally receives its rate
        "Andean exporters brace for US duties",
        "The United States set new duties on Andean metals on Tuesday. Peru, a key US ally "
        "and trading partner, faces a 34% tariff on its zinc, officials in Lima said.",
        ("USA", "PER", None, 34.0),
        [("USA", 34.0)],
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("headline", "body", "read", "not_read"), _STORIES)
def test_stories_of_the_round(
    nlp: Language,
    headline: str,
    body: str,
    read: tuple[str, str, float | None, float],
    not_read: list[tuple[str, float]],
) -> None:
    text = f"published: 2024-05-02\n\n{headline}\n\n{body}"
    measures = extract(article_from_text(text), nlp).measures
    found = {(m.imposer, m.target, m.from_rate_pct, m.to_rate_pct) for m in measures}
    assert read in found, found
    assert not {(m.target, m.to_rate_pct) for m in measures} & set(not_read), found
