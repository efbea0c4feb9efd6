"""Round 14b: reader errors that move the brief's pair, each class on sentences written for it
(partners of no story in the corpus).

- a measure that is the active subject of an announcing verb with an object that is no measure
  ("the levies threaten deals with X and Y") acts on deals, trade or prices: no party announces
  anything, so the parties of its object make no announcement (guard measure_is_the_subject of
  rule announcement.measure_verb); passive, scheduled ("the duties set to take effect") and
  instrument subjects still announce;
- "the two sides" (a noun of governments counted as two) are the negotiation's sides, the first
  pair of people of two known sides the story told, not the two people of different sides the
  latest sentence happens to name (a host, a head of state met on a trip):
  :func:`tariffscope.news.mention_chains.build_chains`; "the two leaders" keeps the latest pair;
- a rate that modifies a tariff noun with its own past participle of imposing ("seeks to reduce
  the 30% tariff imposed by X") is in force whatever the main verb seeks, offers or threatens
  (status rule status.imposed_before); a rate the verb itself gives ("to 50%") keeps its status;
- a removal verb that a word of asking, hoping or arguing frames ("made the case for cutting or
  eliminating the tariffs") is what one side wants: no rate, neither agreed nor offered
  (:func:`tariffscope.news._measure_rateless._only_sought`, lexicon measure_status_advocate).
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_trigger_rules import build
from tests.news.test_mention_chains import _chains, _doc, _met, _who

from tariffscope.news.api import extract
from tariffscope.news.event_triggers import trigger_of
from tariffscope.news.ingest import article_from_text

THREATENED = [
    # "The levies threaten deals with Chile and Peru." (the measure acts: no announcement)
    (
        "The/DET/det/1 levies:levy/NOUN/nsubj/2 threaten/VERB/ROOT/2/VBP deals:deal/NOUN/dobj/2 "
        "with/ADP/prep/3 Chile/PROPN/pobj/4 and/CCONJ/cc/5 Peru/PROPN/conj/5",
        2,
        None,
    ),
    # "The duties set back exporters in Ghana." (an object that is no measure)
    (
        "The/DET/det/1 duties:duty/NOUN/nsubj/2 set/VERB/ROOT/2/VBD back/ADP/prt/2 "
        "exporters:exporter/NOUN/dobj/2 in/ADP/prep/4 Ghana/PROPN/pobj/5",
        2,
        None,
    ),
    # "Chile threatened levies on Peruvian copper." (a party acts)
    (
        "Chile/PROPN/nsubj/1 threatened:threaten/VERB/ROOT/1/VBD levies:levy/NOUN/dobj/1 "
        "on/ADP/prep/2 Peruvian/ADJ/amod/5 copper/NOUN/pobj/3",
        1,
        "announcement",
    ),
    # "The new duties set to take effect on Monday." (no object: the measure scheduled)
    (
        "The/DET/det/2 new/ADJ/amod/2 duties:duty/NOUN/nsubj/3 set/VERB/ROOT/3/VBD "
        "to/PART/aux/5/TO take/VERB/xcomp/3/VB effect/NOUN/dobj/5 on/ADP/prep/5 "
        "Monday/PROPN/pobj/7",
        3,
        "announcement",
    ),
]


@pytest.mark.parametrize(("spec", "index", "kind"), THREATENED)
def test_a_measure_that_threatens_deals_is_no_announcement(
    spec: str, index: int, kind: str | None
) -> None:
    trig = trigger_of(build(spec)[index], lambda _t: False)
    assert (trig.kind if trig else None) == kind


def _agreed(
    noun: str, lemma: str
) -> list[tuple[str, int, str, str] | tuple[str, int, str, str, str]]:
    return [("The", 2, "det", "DET"), ("two", 2, "nummod", "NUM"), (noun, 3, "nsubj", "NOUN", lemma),
            ("agreed", 3, "ROOT", "VERB", "agree"), (".", 3, "punct", "PUNCT")]  # fmt: skip


@pytest.mark.parametrize(
    ("noun", "lemma", "pair"),
    [("sides", "side", ["Valdivia", "Okafor"]), ("leaders", "leader", ["Valdivia", "Rossi"])],
)
def test_the_two_sides_are_the_first_pair_told_not_the_latest(
    noun: str, lemma: str, pair: list[str]
) -> None:
    # "Valdivia met Okafor. Valdivia met Rossi. The two sides agreed." (Rossi: a host on a trip)
    doc = _doc([_met("Valdivia", "Okafor"), _met("Valdivia", "Rossi"), _agreed(noun, lemma)])
    people = [("Valdivia", "CHL", None), ("Okafor", "NGA", None), ("Rossi", "ITA", None)]
    chains = _chains(doc, people, {0: 0, 2: 1, 4: 0, 6: 2})
    assert _who(chains, doc, 10) == pair


# -- a rate whose tariff noun carries its own participle of imposing --------------------------


def _statuses(nlp: Language, body: str) -> list[tuple[float, str]]:
    extraction = extract(article_from_text(f"published: 2025-09-15\n\n{body}\n"), nlp)
    return [(m.to_rate_pct, m.status) for m in extraction.measures]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kenya continues to engage with Canada on a pact, which seeks to reduce the 25% "
            "tariff imposed by Canada on goods exported from Kenya, the minister said.",
            [(25.0, "in_force")],
        ),
        (  # the rate the verb gives is still its own: a threat
            "Canada threatened to raise the 10% tariff imposed in May to 50%.",
            [(10.0, "in_force"), (50.0, "threatened")],
        ),
        (  # no participle of imposing: the offer decides
            "Canada offered to cut its 25% tariff to 10%.",
            [(25.0, "proposed"), (10.0, "proposed")],
        ),
    ],
)
def test_a_rate_imposed_in_its_own_participle_is_in_force_whatever_the_main_verb(
    nlp: Language, text: str, expected: list[tuple[float, str]]
) -> None:
    assert sorted(_statuses(nlp, text)) == sorted(expected)


# -- a removal only hoped, asked or argued for ----------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Peru and Canada are trying to find a deal over tariffs. The Peruvian minister had "
            "been due to make the case for cutting or eliminating threatened tariffs on "
            "Peruvian imports.",
            [],
        ),
        (  # both sides agree to it: the deal's term
            "Peru and Canada agreed to eliminate tariffs on copper.",
            [(0.0, "agreed")],
        ),
    ],
)
def test_a_removal_only_argued_for_sets_no_rate(
    nlp: Language, text: str, expected: list[tuple[float, str]]
) -> None:
    assert _statuses(nlp, text) == expected
