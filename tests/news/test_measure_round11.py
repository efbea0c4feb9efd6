"""Round 11 of the measure reader: a rate told as an earlier stage of a measure is that measure's
from-rate, and in a story about several partners a clause about one partner's own tariffs lends
its imposer to no rate on another partner's goods.

Every sentence was written for these tests (none from a development, train or test story).
The unit tests use hand-built records and parses; the story tests need the trained model
(the parse is the point) and are marked ``slow``.
"""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from tests.news._rate_records import raw_rate

from tariffscope.news._measure_direction import Direction, lends_imposer
from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news._measure_rules import rule_specs
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.measure_context import earlier_stage
from tariffscope.news.measure_merge import merge_measures

LEX = default_lexicon()
_PARAGRAPHS = (-1, 40, 90, 150, 200, 300)


def _raw(**fields: Any) -> MeasureRecord:
    """A raw rate record in force with no imposer read, later in the story (characters 320-323)."""
    here = {"imposer": None, "status": "in_force", "earlier": None, "retaliation": False}
    place = {"start": 320, "end": 323, "sent": 310, "paragraph": 300}
    return raw_rate(**{**here, **place, **fields})


def _merged(raw: list[MeasureRecord], counts: dict[str, int], **kwargs: Any) -> list[Any]:
    return merge_measures(raw, list(counts), None, counts=counts, **kwargs)


# -- which clause lends its imposer -----------------------------------------------------------


_ALIKE = {"USA": 5, "AAA": 3, "BBB": 3, "CCC": 3, "DDD": 3}
_ONE_PARTNER = {"USA": 2, "CCC": 8, "DDD": 2}


def test_a_clause_on_the_same_origin_lends_its_imposer_in_any_story() -> None:
    found = Direction(305, 300, "CCC", ("DDD",))
    assert lends_imposer(found, ["DDD"], counts=_ALIKE, home="USA")
    assert not lends_imposer(found, ["EEE"], counts=_ONE_PARTNER, home="USA")


def test_a_clause_naming_no_origin_lends_another_government_only_beside_one_partner() -> None:
    own_cut = Direction(305, 300, "CCC", ())
    # one partner besides CCC and the home imposer: the clause is the story's pair
    assert lends_imposer(own_cut, ["DDD"], counts=_ONE_PARTNER, home="USA")
    # several partners alike: CCC's own tariffs are another pair than a rate on DDD's goods
    assert not lends_imposer(own_cut, ["DDD"], counts=_ALIKE, home="USA")
    # the home imposer's clause still lends
    us_cut = Direction(305, 300, "USA", ())
    assert lends_imposer(us_cut, ["DDD"], counts=_ALIKE, home="USA")


def test_an_imposer_never_lays_a_rate_on_itself() -> None:
    found = Direction(305, 300, "CCC", ())
    assert not lends_imposer(found, ["CCC", "DDD"], counts=_ONE_PARTNER, home="USA")


def test_among_partners_alike_a_rate_on_a_partner_stays_with_the_home_imposer() -> None:
    # four partners named alike beside the US; the clause before the rate is one partner's cut
    counts = _ALIKE
    directions = (Direction(305, 300, "BBB", ()),)
    raw = [_raw(targets=["CCC", "DDD"])]
    out = _merged(raw, counts, about_us=True, directions=directions, paragraphs=_PARAGRAPHS)
    assert {(m["imposer"], m["target"]) for m in out} == {("USA", "CCC"), ("USA", "DDD")}


def test_with_one_partner_the_clause_before_still_lends_its_imposer() -> None:
    counts = {"USA": 2, "BBB": 8, "CCC": 2}
    directions = (Direction(305, 300, "BBB", ()),)
    raw = [_raw(targets=["CCC"])]
    out = _merged(raw, counts, about_us=True, directions=directions, paragraphs=_PARAGRAPHS)
    assert {(m["imposer"], m["target"]) for m in out} == {("BBB", "CCC")}


# -- an earlier stage is a from-rate ------------------------------------------------------------


def test_an_earlier_stage_is_the_from_rate_of_the_later_measure_on_the_pair() -> None:
    counts = {"USA": 5, "BBB": 4}
    later = _raw(imposer="USA", targets=["BBB"], to_rate=15.0, start=320, sent=310)
    earlier = _raw(imposer="USA", targets=["BBB"], to_rate=25.0, start=360, sent=350, earlier="x")
    out = _merged([later, earlier], counts, about_us=True)
    assert [(m["from_rate"], m["to_rate"], m["from_rule"]) for m in out] == [
        (25.0, 15.0, "merge.earlier_stage")
    ]


def test_an_earlier_stage_of_another_pair_or_without_a_later_measure_stays() -> None:
    counts = {"USA": 5, "BBB": 4, "CCC": 4}
    later = _raw(imposer="USA", targets=["BBB"], to_rate=15.0)
    other = _raw(imposer="USA", targets=["CCC"], to_rate=25.0, start=360, earlier="x")
    out = _merged([later, other], counts, about_us=True)
    assert {(m["target"], m["from_rate"], m["to_rate"]) for m in out} == {
        ("BBB", None, 15.0),
        ("CCC", None, 25.0),
    }


def test_a_proposal_does_not_replace_an_earlier_stage() -> None:
    counts = {"USA": 5, "BBB": 4}
    offer = _raw(imposer="USA", targets=["BBB"], to_rate=15.0, status="proposed")
    earlier = _raw(imposer="USA", targets=["BBB"], to_rate=25.0, start=360, earlier="x")
    out = _merged([offer, earlier], counts, about_us=True)
    assert {m["to_rate"] for m in out} == {15.0, 25.0}


def test_of_two_later_measures_the_one_of_its_own_sentence_takes_it() -> None:
    counts = {"USA": 5, "BBB": 4}
    near = _raw(imposer="USA", targets=["BBB"], to_rate=30.0, start=200, sent=190)
    own = _raw(imposer="USA", targets=["BBB"], to_rate=15.0, start=320, sent=310)
    earlier = _raw(imposer="USA", targets=["BBB"], to_rate=25.0, start=340, sent=310, earlier="x")
    out = _merged([near, own, earlier], counts, about_us=True)
    assert {(m["from_rate"], m["to_rate"]) for m in out} == {(None, 30.0), (25.0, 15.0)}


def _doc(words: list[str], heads: list[int], deps: list[str], tags: list[str]) -> Doc:
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags)
    for token in doc:
        token.pos_ = "NOUN" if token.tag_.startswith("NN") else "X"
    return doc


def test_an_adjective_of_an_earlier_stage_marks_the_rate() -> None:
    # "a 20% duty , up from the original 12 %" (hand-built parse)
    words = ["a", "20", "%", "duty", ",", "up", "from", "the", "original", "12", "%"]
    heads = [3, 2, 3, 3, 3, 3, 5, 10, 10, 10, 6]
    deps = ["det", "nummod", "compound", "ROOT", "punct", "advmod", "prep", "det", "amod"]
    deps += ["nummod", "pobj"]
    tags = ["DT", "CD", "NN", "NN", ",", "RB", "IN", "DT", "JJ", "CD", "NN"]
    doc = _doc(words, heads, deps, tags)
    assert earlier_stage(doc[9:11], doc[3], LEX) == "earlier.stage_adjective"
    assert earlier_stage(doc[1:3], doc[3], LEX) is None


def test_up_from_marks_the_rate_it_governs() -> None:
    # "a 20% duty , up from 12 %": no adjective, the change word marks it
    words = ["a", "20", "%", "duty", ",", "up", "from", "12", "%"]
    heads = [3, 2, 3, 3, 3, 3, 5, 8, 6]
    deps = ["det", "nummod", "compound", "ROOT", "punct", "advmod", "prep", "nummod", "pobj"]
    tags = ["DT", "CD", "NN", "NN", ",", "RB", "IN", "CD", "NN"]
    doc = _doc(words, heads, deps, tags)
    assert earlier_stage(doc[7:9], doc[3], LEX) == "earlier.change_from"


def test_the_start_of_a_change_verb_is_no_earlier_stage() -> None:
    # "duties will be cut from 40 %": the change is still to come
    words = ["duties", "will", "be", "cut", "from", "40", "%"]
    heads = [3, 3, 3, 3, 3, 6, 4]
    deps = ["nsubjpass", "aux", "auxpass", "ROOT", "prep", "nummod", "pobj"]
    tags = ["NNS", "MD", "VB", "VBN", "IN", "CD", "NN"]
    doc = _doc(words, heads, deps, tags)
    assert earlier_stage(doc[5:7], doc[0], LEX) is None


def test_every_earlier_rule_id_is_in_the_rule_file() -> None:
    ids = {spec.id for spec in rule_specs("earlier")}
    assert ids == {
        "earlier.sequence_adverb",
        "earlier.stage_adjective",
        "earlier.stage_participle",
        "earlier.replaced_standard",
        "earlier.change_from",
    }
    assert "merge.earlier_stage" in {spec.id for spec in rule_specs("from_rate")}


# -- written stories (the parse is the point) ---------------------------------------------------


def _measures(nlp: Language, text: str) -> set[tuple[str, str, float | None, float]]:
    article = article_from_text(f"published: 2025-11-14\n\n{text}\n")
    return {
        (m.imposer, m.target, m.from_rate_pct, m.to_rate_pct)
        for m in extract(article, nlp).measures
    }


@pytest.mark.slow
def test_a_story_of_several_partners_keeps_the_us_rates_on_each(nlp: Language) -> None:
    text = (
        "US reaches trade frameworks with four Latin American partners\n\n"
        "The United States announced trade frameworks on Thursday with Argentina, Ecuador, "
        "Guatemala and El Salvador, the White House said.\n\n"
        "Under the frameworks, Argentina will cut its tariffs on medicines and machinery, and "
        "Ecuador will lower its duties on farm goods.\n\n"
        "The reciprocal rates of 10% on goods from Guatemala and El Salvador will stay in "
        "place, and the 15% rate will stay for Ecuador.\n\n"
        "The US will charge 10% on goods from Argentina, Guatemala and El Salvador, officials "
        "said."
    )
    found = _measures(nlp, text)
    assert {(i, t, r) for i, t, _, r in found} == {
        ("USA", "GTM", 10.0),
        ("USA", "SLV", 10.0),
        ("USA", "ECU", 15.0),
        ("USA", "ARG", 10.0),
    }


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chile secures lower US tariff\n\nThe United States and Chile agreed to cut tariffs "
            "on Chilean goods entering the US to 12%, the two governments said.\n\n"
            "The 12% rate is the result of months of talks, after Chile was initially hit "
            "with a 27% tariff imposed by the US.",
            {("USA", "CHL", 27.0, 12.0)},
        ),
        (
            "Peru braces for higher US tariff\n\nWashington decided to impose a 30% import "
            "tariff on Peruvian goods - an increase from the 22% announced in April.",
            {("USA", "PER", 22.0, 30.0)},
        ),
        (
            "Canada faces higher US duty\n\nCanada now faces a 20% US duty, up from the "
            "original 12% set in March.",
            {("USA", "CAN", 12.0, 20.0)},
        ),
    ],
)
def test_a_rate_told_as_an_earlier_stage_is_the_from_rate(
    nlp: Language, text: str, expected: set[tuple[str, str, float, float]]
) -> None:
    assert _measures(nlp, text) == expected


def test_an_earlier_stage_naming_no_target_is_a_stage_of_its_imposers_later_measure() -> None:
    # the earlier rate's clause names no country: the story's main partner was a guess
    counts = {"USA": 5, "BBB": 4}
    later = _raw(imposer="USA", targets=[], world=True, to_rate=15.0)
    earlier = _raw(imposer="USA", to_rate=10.0, start=360, sent=350, earlier="x")
    out = _merged([later, earlier], counts, about_us=True)
    assert [(m["target"], m["from_rate"], m["to_rate"]) for m in out] == [("WLD", 10.0, 15.0)]


# -- a percent that measures a predicate is no rate ---------------------------------------------


def test_a_percent_measuring_a_predicate_adjective_is_no_tariff() -> None:
    from tariffscope.news.measures import _degree_of_predicate

    # "talks on tariffs are 80 % complete" (hand-built parse)
    words = ["talks", "on", "tariffs", "are", "80", "%", "complete"]
    heads = [3, 0, 1, 3, 5, 6, 3]
    deps = ["nsubj", "prep", "pobj", "ROOT", "nummod", "npadvmod", "acomp"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    for token, pos in zip(doc, ["NOUN", "ADP", "NOUN", "AUX", "NUM", "NOUN", "ADJ"], strict=True):
        token.pos_ = pos
    assert _degree_of_predicate(doc[4:6], LEX)
    # "a 10 % additional tariff": the adjective describes the tariff, the rate stays
    words = ["a", "10", "%", "additional", "tariff"]
    heads = [4, 2, 3, 4, 4]
    deps = ["det", "nummod", "npadvmod", "amod", "ROOT"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)
    for token, pos in zip(doc, ["DET", "NUM", "NOUN", "ADJ", "NOUN"], strict=True):
        token.pos_ = pos
    assert not _degree_of_predicate(doc[1:3], LEX)


@pytest.mark.slow
def test_progress_of_tariff_talks_in_percent_is_no_measure(nlp: Language) -> None:
    text = (
        "Peru nears tariff deal\n\nTalks with Washington on tariffs are about 80% complete, "
        "the minister said, and Peru is 70% ready to sign the tariff agreement."
    )
    assert _measures(nlp, text) == set()


# -- a rate its own clause's subject receives ---------------------------------------------------


def test_a_receiving_clause_keeps_its_rate_from_the_tariff_noun_of_another_clause() -> None:
    from tariffscope.news._measure_parts import receiving_clause

    # "X will lower its duties to 8 % , while goods from Y will face 10 %" (hand-built)
    words = ["X", "will", "lower", "its", "duties", "to", "8", "%", ",", "while", "goods"]
    words += ["from", "Y", "will", "face", "10", "%"]
    heads = [2, 2, 2, 4, 2, 2, 7, 5, 2, 14, 14, 10, 11, 14, 2, 16, 14]
    deps = ["nsubj", "aux", "ROOT", "poss", "dobj", "prep", "nummod", "pobj", "punct", "mark"]
    deps += ["nsubj", "prep", "pobj", "aux", "advcl", "nummod", "npadvmod"]
    pos = ["PROPN", "AUX", "VERB", "PRON", "NOUN", "ADP", "NUM", "NOUN", "PUNCT", "SCONJ"]
    pos += ["NOUN", "ADP", "PROPN", "AUX", "VERB", "NUM", "NOUN"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    for token in doc:
        token.lemma_ = token.lower_
    duties = doc[4]
    assert receiving_clause(doc[15:17], duties, LEX) == doc[14]
    # the 8 % is the duty's own rate: its clause holds the noun
    assert receiving_clause(doc[6:8], duties, LEX) is None


def test_a_listed_rate_takes_no_other_governments_imposer() -> None:
    found = Direction(305, 300, "CCC", ())
    assert lends_imposer(found, ["DDD"], counts=_ONE_PARTNER, home="USA")
    assert not lends_imposer(found, ["DDD"], counts=_ONE_PARTNER, home="USA", listed=True)
    us_clause = Direction(305, 300, "USA", ())
    assert lends_imposer(us_clause, ["DDD"], counts=_ONE_PARTNER, home="USA", listed=True)


@pytest.mark.slow
def test_each_partners_own_rate_and_the_rate_its_goods_face(nlp: Language) -> None:
    # every non-US rate has its government as subject; the other partners' goods face a rate
    text = (
        "US seals trade frameworks with four Latin American partners\n\n"
        "The United States on Thursday announced trade frameworks with Argentina, Ecuador, "
        "Guatemala and El Salvador, the White House said.\n\n"
        "Under the US frameworks, Argentina will cut its tariffs on US medicines to 5%. "
        "Ecuador will lower its duties on US farm goods to 8%, while goods from Guatemala and "
        "El Salvador will face 10%.\n\n"
        "The US will charge 15% on goods from Ecuador, US officials said."
    )
    found = _measures(nlp, text)
    assert {(i, t, r) for i, t, _, r in found} == {
        ("ARG", "USA", 5.0),
        ("ECU", "USA", 8.0),
        ("USA", "GTM", 10.0),
        ("USA", "SLV", 10.0),
        ("USA", "ECU", 15.0),
    }


def test_a_rate_under_no_verb_has_no_receiving_clause() -> None:
    from tariffscope.news._measure_parts import receiving_clause

    # a headline fragment "Tariff of 10 % on steel": no verb above the rate (ends at the root)
    words = ["Tariff", "of", "10", "%", "on", "steel"]
    heads = [0, 0, 3, 1, 0, 4]
    deps = ["ROOT", "prep", "nummod", "pobj", "prep", "pobj"]
    pos = ["NOUN", "ADP", "NUM", "NOUN", "ADP", "NOUN"]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert receiving_clause(doc[2:4], doc[5], LEX) is None
