"""A rate's direction read from the story's tariff clauses, and retaliation marking the side
(:mod:`tariffscope.news._measure_direction`, round 10b).

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
from tests.news._rate_records import merged_with_steps, raw_rate

from tariffscope.news._measure_direction import (
    LEAD_PARAGRAPHS,
    Direction,
    direction_for,
    retaliation_marked,
    tariff_nouns,
)
from tariffscope.news._measure_pairing import pair_rates_with_places
from tariffscope.news._measure_parts import goods_of
from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news._measure_target import nearest_place
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.measure_merge import STORY_STEPS

LEX = default_lexicon()


# -- which clause a rate takes its direction from ----------------------------------------------

_PARAGRAPHS = (-1, 40, 90, 150, 200, 300)
_LEAD = Direction(10, -1, "AAA", ("BBB",))


def test_the_nearest_directed_clause_before_the_rate_in_its_paragraph() -> None:
    near = Direction(310, 300, "CCC", ("DDD",))
    later = Direction(350, 300, "EEE", ("FFF",))
    assert direction_for(340, 300, [_LEAD, near, later], _PARAGRAPHS) == near


def test_without_one_in_its_paragraph_the_rate_takes_the_lead() -> None:
    two_up = Direction(160, 150, "CCC", ("DDD",))
    assert direction_for(340, 300, [_LEAD, two_up], _PARAGRAPHS) == _LEAD


def test_without_one_in_its_paragraph_the_rate_takes_the_last_of_the_paragraph_above() -> None:
    above_first = Direction(205, 200, "CCC", ("DDD",))
    above_last = Direction(250, 200, "EEE", ("FFF",))
    directions = [_LEAD, above_first, above_last]
    assert direction_for(340, 300, directions, _PARAGRAPHS) == above_last
    # two paragraphs up is no neighbour: the lead
    assert direction_for(340, 300, [_LEAD, Direction(160, 150, "CCC", ())], _PARAGRAPHS) == _LEAD


def test_a_clause_naming_no_side_directs_nothing() -> None:
    undirected = Direction(310, 300, None, ())
    assert not undirected.directed
    assert direction_for(340, 300, [undirected], _PARAGRAPHS) is None


def test_a_directed_clause_after_the_lead_paragraphs_is_no_lead() -> None:
    late = Direction(_PARAGRAPHS[LEAD_PARAGRAPHS] + 5, _PARAGRAPHS[LEAD_PARAGRAPHS], "CCC", ())
    assert direction_for(400, 999, [late], _PARAGRAPHS) is None


# -- retaliation on hand-built parses -----------------------------------------------------------


VOCAB = spacy.blank("en").vocab


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    lemmas = [
        w.lower().removesuffix("s") if p == "NOUN" else w.lower()
        for w, p in zip(words, pos, strict=True)
    ]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def test_a_retaliatory_modifier_marks_the_rate() -> None:
    # "Officials announced retaliatory tariffs"
    doc = _doc(
        ["Officials", "announced", "retaliatory", "tariffs"],
        [1, 1, 3, 1],
        ["nsubj", "ROOT", "amod", "dobj"],
        ["NOUN", "VERB", "ADJ", "NOUN"],
    )
    assert retaliation_marked(doc[3], LEX)


def test_a_hyphenated_counter_marks_the_rate() -> None:
    # "They set counter - tariffs" (the tokenizer splits "counter-tariffs" at the hyphen)
    doc = _doc(
        ["They", "set", "counter", "-", "tariffs"],
        [1, 1, 4, 4, 1],
        ["nsubj", "ROOT", "amod", "punct", "dobj"],
        ["PRON", "VERB", "ADJ", "PUNCT", "NOUN"],
    )
    assert retaliation_marked(doc[4], LEX)


def test_a_cause_named_by_in_retaliation_for_marks_nothing() -> None:
    # "They set tariffs in retaliation for the trial": a cause, which either side may have
    doc = _doc(
        ["They", "set", "tariffs", "in", "retaliation", "for", "the", "trial"],
        [1, 1, 1, 2, 3, 4, 7, 5],
        ["nsubj", "ROOT", "dobj", "prep", "pobj", "prep", "det", "pobj"],
        ["PRON", "VERB", "NOUN", "ADP", "NOUN", "ADP", "DET", "NOUN"],
    )
    assert not retaliation_marked(doc[2], LEX)


def test_the_tariff_nouns_leave_out_rates_and_charges() -> None:
    doc = _doc(
        ["duties", "and", "rates", "and", "charges", "and", "levies"],
        [0, 0, 0, 2, 2, 4, 4],
        ["ROOT", "cc", "conj", "cc", "conj", "cc", "conj"],
        ["NOUN", "CCONJ", "NOUN", "CCONJ", "NOUN", "CCONJ", "NOUN"],
    )
    assert [t.text for t in tariff_nouns(doc, LEX)] == ["duties", "levies"]


# -- the merge steps on hand-built records ------------------------------------------------------


def _raw(**fields: Any) -> MeasureRecord:
    """A rate record of these cases: no imposer read, later in the story."""
    later = {"start": 320, "end": 323, "sent": 310, "paragraph": 300}
    return raw_rate(**{"imposer": None, "retaliation": False, **later, **fields})


def _merged(raw: list[MeasureRecord], counts: dict[str, int], **kwargs: Any) -> set[Any]:
    return _merged_steps(raw, counts, **kwargs)[0]


def _merged_steps(
    raw: list[MeasureRecord], counts: dict[str, int], **kwargs: Any
) -> tuple[set[Any], list[str | None]]:
    """The merged (imposer, target, rate) and the target step of each raw record."""
    out, steps = merged_with_steps(raw, list(counts), None, counts=counts, **kwargs)
    return {(m["imposer"], m["target"], m["to_rate"]) for m in out}, steps


def test_the_new_steps_are_story_steps() -> None:
    assert {"direction", "retaliation"} <= set(STORY_STEPS)


def test_a_rate_naming_no_side_takes_the_direction_before_the_main_partner() -> None:
    # the story names GHA most, but the clause before the rate lays CIV's tariff on MLI's goods
    counts = {"GHA": 8, "CIV": 2, "MLI": 1}
    directions = (Direction(305, 300, "CIV", ("MLI",)),)
    raw = [_raw()]
    found, steps = _merged_steps(
        raw, counts, about_us=False, directions=directions, paragraphs=_PARAGRAPHS
    )
    assert found == {("CIV", "MLI", 20.0)}
    assert steps == ["direction"]


def test_without_a_direction_the_main_partner_stands() -> None:
    counts = {"GHA": 8, "CIV": 2, "MLI": 1}
    raw = [_raw()]
    assert _merged(raw, counts, about_us=False) == {("GHA", "CIV", 20.0)}


def test_a_rate_whose_sentence_names_a_country_keeps_it() -> None:
    counts = {"GHA": 8, "CIV": 2, "MLI": 1}
    directions = (Direction(305, 300, "CIV", ("MLI",)),)
    raw = [_raw(places=["GHA"], imposer="CIV")]
    found = _merged(raw, counts, about_us=False, directions=directions, paragraphs=_PARAGRAPHS)
    assert found == {("CIV", "GHA", 20.0)}


def test_between_partners_alike_only_a_clause_naming_both_sides_directs() -> None:
    counts = {"USA": 6, "GHA": 4, "CIV": 4}
    origin_only = (Direction(305, 300, None, ("CIV",)),)
    raw = [_raw()]
    assert (
        _merged(raw, counts, about_us=True, directions=origin_only, paragraphs=_PARAGRAPHS) == set()
    )
    both = (Direction(305, 300, "GHA", ("CIV",)),)
    raw = [_raw()]
    found = _merged(raw, counts, about_us=True, directions=both, paragraphs=_PARAGRAPHS)
    assert found == {("GHA", "CIV", 20.0)}


def test_a_rate_with_targets_takes_the_imposer_of_the_clause_on_the_same_origin() -> None:
    counts = {"USA": 6, "GHA": 4, "CIV": 3}
    same = (Direction(305, 300, "CIV", ("USA",)),)
    raw = [_raw(targets=["USA"])]
    found = _merged(raw, counts, about_us=True, directions=same, paragraphs=_PARAGRAPHS)
    assert found == {("CIV", "USA", 20.0)}
    # a clause on another origin says nothing of this rate: the story's other country
    other_origin = (Direction(305, 300, "CIV", ("GHA",)),)
    raw = [_raw(targets=["USA"])]
    found = _merged(raw, counts, about_us=True, directions=other_origin, paragraphs=_PARAGRAPHS)
    assert found == {("GHA", "USA", 20.0)}


def test_a_retaliatory_rate_without_an_imposer_is_the_partners_on_us_goods() -> None:
    counts = {"USA": 6, "GHA": 4}
    raw = [_raw(retaliation=True)]
    assert _merged_steps(raw, counts, about_us=True) == ({("GHA", "USA", 20.0)}, ["retaliation"])
    plain = [_raw()]
    assert _merged(plain, counts, about_us=True) == {("USA", "GHA", 20.0)}


def test_a_retaliatory_rate_on_a_partners_goods_stays_the_us_one() -> None:
    counts = {"USA": 6, "GHA": 4}
    raw = [_raw(retaliation=True, targets=["GHA"])]
    assert _merged(raw, counts, about_us=True) == {("USA", "GHA", 20.0)}


# -- written stories (the parse is the point) ---------------------------------------------------


def _measures(nlp: Language, body: str) -> set[tuple[str, str, float]]:
    article = article_from_text(f"published: 2025-05-01\n\n{body}\n")
    return {(m.imposer, m.target, m.to_rate_pct) for m in extract(article, nlp).measures}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the lead lays the tariff; the rate's own sentence names neither side
        (
            "Lawmakers in Mexico City approved a plan on Wednesday to raise tariffs on goods "
            "from China. President Donald Trump has pushed partners to act.\n\n"
            "The proposed duties were cut to 35% for cars.",
            {("MEX", "CHN", 35.0)},
        ),
        # a retaliatory rate in a story about US tariffs: the partner's, on US goods
        (
            "President Donald Trump raised tariffs on Chinese goods last week. Beijing answered "
            "on Friday. Retaliatory tariffs of 15% on farm goods took effect on Monday.",
            {("CHN", "USA", 15.0)},
        ),
        # the subject of the laying verb lays it; the goods' demonym is the target
        (
            "Ottawa will impose 25% counter-tariffs on American steel, officials said on "
            "Tuesday. President Donald Trump had raised duties on Canadian metals.",
            {("CAN", "USA", 25.0)},
        ),
        # the paragraph before the rate answers the US measure: the partner's rate on US goods
        (
            "President Donald Trump raised tariffs on Chinese goods to 145% on Wednesday.\n\n"
            "Beijing hit back on Friday with retaliatory duties.\n\n"
            "The new rate of 125% applies from Saturday, the finance ministry said.",
            {("USA", "CHN", 145.0), ("CHN", "USA", 125.0)},
        ),
        # a list opened by a colon: each rate is its own item's, the first one too
        (
            "Ghana will pay a 15% US tariff, officials in Accra said on Friday. Ghanaian "
            "exporters cheered. Neighbours fared worse: Togo 18%, Benin 20% and Niger 25%.",
            {
                ("USA", "GHA", 15.0),
                ("USA", "TGO", 18.0),
                ("USA", "BEN", 20.0),
                ("USA", "NER", 25.0),
            },
        ),
        # of the sentence's countries, the rate is the one's whose clause it is in
        (
            "Peru faces a 20% US tariff, officials in Lima said. Peruvian miners are worried. "
            "Peruvian officials hope to match Chile, whose tariff was cut to 10% last week.",
            {("USA", "PER", 20.0), ("USA", "CHL", 10.0)},
        ),
    ],
)
def test_whose_tariff_on_whose_goods(
    nlp: Language, body: str, expected: set[tuple[str, str, float]]
) -> None:
    assert _measures(nlp, body) == expected


# -- partners in lists and in sentences naming several countries --------------------------------

_BLANK = spacy.blank("en")


def _paired(text: str) -> list[tuple[tuple[str, ...], str]]:
    doc = _BLANK(text)
    sent = doc[0 : len(doc)]
    rates = [(t.i - 1, t.i + 1) for t in sent if t.text == "%" and t.nbor(-1).like_num]
    found = pair_rates_with_places(sent, rates, LEX)
    return [(found[k].targets, found[k].rule) for k in sorted(found)]


def test_the_first_item_of_a_list_opened_by_a_colon_is_its_own_countrys() -> None:
    paired = _paired("Neighbours fared no better: Ghana 18%, Togo 12% and Benin 15%.")
    assert [targets for targets, _ in paired] == [("GHA",), ("TGO",), ("BEN",)]
    assert {rule for _, rule in paired} == {"pair.gapped_conjunct"}


def _parsed(rows: list[tuple[str, int, str, str]]) -> Doc:
    """A hand-built parse from (word, head, dependency, part of speech) rows."""
    words, heads, deps, pos = (list(column) for column in zip(*rows, strict=True))
    return _doc(words, heads, deps, pos)


def test_of_several_countries_the_one_nearest_the_rate_owns_it() -> None:
    doc = _parsed(
        [
            ("Korean", 1, "amod", "ADJ"),
            ("officials", 2, "nsubj", "NOUN"),
            ("hope", 2, "ROOT", "VERB"),
            ("to", 4, "aux", "PART"),
            ("match", 2, "xcomp", "VERB"),
            ("Taiwan", 4, "dobj", "PROPN"),
            (",", 5, "punct", "PUNCT"),
            ("whose", 8, "poss", "PRON"),
            ("tariff", 9, "nsubj", "NOUN"),
            ("fell", 5, "relcl", "VERB"),
            ("to", 9, "prep", "ADP"),
            ("15", 12, "nummod", "NUM"),
            ("%", 10, "pobj", "NOUN"),
            (".", 2, "punct", "PUNCT"),
        ]
    )
    # Taiwan is three arcs from the rate, the demonym of the officials seven
    assert nearest_place(doc[11:13], doc[8], LEX) == "TWN"


def test_countries_as_near_as_each_other_or_a_lone_one_own_nothing_here() -> None:
    tie = _parsed(
        [
            ("Ghana", 1, "nsubj", "PROPN"),
            ("told", 1, "ROOT", "VERB"),
            ("Togo", 1, "dobj", "PROPN"),
            ("of", 1, "prep", "ADP"),
            ("15", 5, "nummod", "NUM"),
            ("%", 6, "compound", "NOUN"),
            ("tariffs", 3, "pobj", "NOUN"),
        ]
    )
    assert nearest_place(tie[4:6], tie[6], LEX) is None  # four arcs to each: a tie
    lone = _parsed(
        [
            ("Ghana", 1, "nsubj", "PROPN"),
            ("got", 1, "ROOT", "VERB"),
            ("15", 3, "nummod", "NUM"),
            ("%", 4, "compound", "NOUN"),
            ("tariffs", 1, "dobj", "NOUN"),
        ]
    )
    assert nearest_place(lone[2:4], lone[4], LEX) is None  # one country: the sentence step's


def test_a_rate_in_a_sentence_naming_several_takes_the_nearest() -> None:
    counts = {"USA": 6, "GHA": 5, "TGO": 1}
    raw = [_raw(imposer="USA", places=["GHA", "TGO"], nearest_place="TGO")]
    found = _merged_steps(raw, counts, about_us=True)
    assert found == ({("USA", "TGO", 20.0)}, ["sentence_nearest"])
    tie = [_raw(imposer="USA", places=["GHA", "TGO"], nearest_place=None)]
    assert _merged(tie, counts, about_us=True) == {("USA", "GHA", 20.0)}  # the main partner


def test_a_rate_naming_another_country_nearest_does_not_continue_its_paragraph() -> None:
    counts = {"USA": 6, "GHA": 5, "TGO": 1}
    first = _raw(imposer="USA", targets=["GHA"], start=300, sent=295)
    second = _raw(imposer="USA", places=["GHA", "TGO"], nearest_place="TGO", start=340, sent=330)
    found = _merged([first, second], counts, about_us=True)
    assert found == {("USA", "GHA", 20.0), ("USA", "TGO", 20.0)}


def test_a_quantifier_heading_the_phrase_makes_every_origin() -> None:
    # "for most of its trading partners": the quantifier heads, the partners hang on "of"
    most = _parsed(
        [
            ("most", 0, "ROOT", "ADJ"),
            ("of", 0, "prep", "ADP"),
            ("its", 4, "poss", "PRON"),
            ("trading", 4, "compound", "NOUN"),
            ("partners", 1, "pobj", "NOUN"),
        ]
    )
    assert goods_of(most[0], LEX).world
    # "each of the three nations": named partners counted, not every origin
    each = _parsed(
        [
            ("each", 0, "ROOT", "DET"),
            ("of", 0, "prep", "ADP"),
            ("the", 4, "det", "DET"),
            ("three", 4, "nummod", "NUM"),
            ("nations", 1, "pobj", "NOUN"),
        ]
    )
    assert not goods_of(each[0], LEX).world
