"""The country of each rate of a comparison list (``pairing`` rules of measure_rules.toml).

Every sentence below was written for these tests, one or more per configuration, in the
styles of several outlets; none is taken from a story of the development, train or test sets.
The unit tests run on a blank English pipeline (the pairing reads token sequences, not the
parse); the end-to-end tests at the bottom need the trained model and are marked slow.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span

from tariffscope.domain.news import Extraction
from tariffscope.news._measure_pairing import pair_rates_with_places
from tariffscope.news._measure_rules import rule_specs
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

_BLANK = spacy.blank("en")
_LEX = default_lexicon()


def _rates(sent: Span) -> list[tuple[int, int]]:
    """Token spans of the percent rates of a blank-tokenised sentence ("20", "%")."""
    return [(t.i - 1, t.i + 1) for t in sent if t.text == "%" and t.i > 0 and t.nbor(-1).like_num]


def _pair(text: str) -> dict[int, tuple[tuple[str, ...], str]]:
    doc = _BLANK(text)
    sent = doc[0 : len(doc)]
    found = pair_rates_with_places(sent, _rates(sent), _LEX)
    return {k: (p.targets, p.rule) for k, p in found.items()}


# sentence, the countries of each rate in order, the rule that pairs each
_LISTS = [
    (
        "Washington has since set tariffs at Vietnam's 20%, Indonesia's 19% and the "
        "Philippines' 19%.",
        [("VNM",), ("IDN",), ("PHL",)],
        "pair.possessor_of_rate",
    ),
    (
        "Peru’s 10% compares with Chile’s 15% and Brazil’s 50%, trade data show.",
        [("PER",), ("CHL",), ("BRA",)],
        "pair.possessor_of_rate",
    ),
    (
        "Tariff letters went to Cambodia (19%), Laos (40%) and Myanmar (40%) on Monday.",
        [("KHM",), ("LAO",), ("MMR",)],
        "pair.place_then_parenthesis",
    ),
    (
        "The duties, 19% (Cambodia) and 40% (Laos), start next month.",
        [("KHM",), ("LAO",)],
        "pair.rate_then_parenthesis",
    ),
    (
        "The letters set tariffs of 25% for Malaysia and South Korea, 32% for Indonesia and "
        "36% for Thailand.",
        [("MYS", "KOR"), ("IDN",), ("THA",)],
        "pair.rate_prep_place",
    ),
    (
        "The new rates are 25% on South Korea, 30% on South Africa and 35% on Canada.",
        [("KOR",), ("ZAF",), ("CAN",)],
        "pair.rate_prep_place",
    ),
    (
        "The order sets a 15% levy on goods from Chile and 50% on shipments from Brazil.",
        [("CHL",), ("BRA",)],
        "pair.rate_prep_origin",
    ),
    (
        "Duties stand at 17% on Canadian lumber and 25% on Mexican steel.",
        [("CAN",), ("MEX",)],
        "pair.rate_prep_demonym",
    ),
    (
        "Other countries pay lower rates, with Vietnam at 20% and the Philippines at 19%.",
        [("VNM",), ("PHL",)],
        "pair.place_at_rate",
    ),
    (
        "Kenya, at 10%, fared better than Lesotho, at 50%, in the new tariff schedule.",
        [("KEN",), ("LSO",)],
        "pair.place_at_rate",
    ),
    (
        "The schedule in brief: Kenya: 10%; Angola: 32%; Lesotho: 50%.",
        [("KEN",), ("AGO",), ("LSO",)],
        "pair.place_colon_rate",
    ),
    (
        "Malaysia secured a 19% rate, while Thailand got 36% and Brazil faces 50%.",
        [("MYS",), ("THA",), ("BRA",)],
        "pair.receiver_subject",
    ),
    (
        "Brazil was hit with a 50% tariff, and India was assigned 25%.",
        [("BRA",), ("IND",)],
        "pair.passive_receiver",
    ),
    (
        "The pact leaves Britain with a 10% tariff, while Switzerland, with 39%, waits.",
        [("GBR",), ("CHE",)],
        "pair.place_with_rate",
    ),
    (
        "New duties by country: Chad and Niger 15% apiece, Mali as well as Benin 20% each.",
        [("TCD", "NER"), ("MLI", "BEN")],
        "pair.places_rate_apiece",
    ),
]


@pytest.mark.parametrize(("text", "targets", "rule"), _LISTS)
def test_each_listed_rate_takes_the_country_written_next_to_it(
    text: str, targets: list[tuple[str, ...]], rule: str
) -> None:
    found = _pair(text)
    assert [found[k][0] for k in range(len(targets))] == targets
    assert all(found[k][1] == rule for k in range(len(targets)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gapped conjunct: the verb is left out, the country comes right before its rate
        (
            "Canada faces a 35% tariff and Mexico a 25% one.",
            {0: (("CAN",), "pair.receiver_subject"), 1: (("MEX",), "pair.gapped_conjunct")},
        ),
        # a relative clause of receiving on the rate
        (
            "The deal leaves Norway with a 15% tariff, lower than the 20% the EU faces.",
            {0: (("NOR",), "pair.place_with_rate"), 1: (("EUN",), "pair.relative_receiver")},
        ),
        # the possessor of a tariff noun a listed rate is stated for
        (
            "Canada faces 35%, while China's rate stands at 30%.",
            {
                0: (("CAN",), "pair.receiver_subject"),
                1: (("CHN",), "pair.possessor_of_tariff_noun"),
            },
        ),
    ],
)
def test_conjuncts_without_their_own_verb_or_with_a_relative_clause(
    text: str, expected: dict[int, tuple[tuple[str, ...], str]]
) -> None:
    assert _pair(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # one rate: the syntactic reader decides ("Norway's 15% tariff" may be Norway's own)
        "Norway's 15% tariff on US rice stays.",
        # two rates of one country: a change, not a comparison list
        "Israel's 25% tariff will fall to 15% under the deal.",
        # two rates, one country paired: no list of countries
        "The US 10% baseline tariff adds to Peru's 15% levy on imports.",
        # two countries with no rate next to them, and no word that distributes the rates
        "Chile and Peru face 10% and 15% tariffs.",
        # "respectively" with fewer places than rates: nothing to pair in order
        "Chile faces 10%, 15% and 20% on copper, wine and fruit respectively.",
    ],
)
def test_a_sentence_that_is_no_comparison_list_pairs_nothing(text: str) -> None:
    assert _pair(text) == {}


@pytest.mark.parametrize(
    "text",
    [
        "Chile and Peru face 10% and 15% respectively.",
        "Tariffs of 10% and 15% will apply to Chile and Peru, respectively.",
    ],
)
def test_respectively_pairs_places_and_rates_in_order(text: str) -> None:
    assert _pair(text) == {
        0: (("CHL",), "pair.respectively"),
        1: (("PER",), "pair.respectively"),
    }


def test_a_coordinator_ends_the_conjunct_of_a_rate() -> None:
    # "for" after "and" belongs to the next conjunct's rate, never to the first one
    found = _pair("Rates of 20% and 30% for Laos and 19% for Cambodia were announced.")
    assert found[1] == (("LAO",), "pair.rate_prep_place")
    assert found[2] == (("KHM",), "pair.rate_prep_place")
    assert 0 not in found


def test_every_pairing_rule_has_one_rate_and_known_word_sets() -> None:
    specs = rule_specs("pairing")
    assert specs and len({s.id for s in specs}) == len(specs)
    for spec in specs:
        # one rate per sequence; a sequence without one marks a distributive list
        assert spec.reason and spec.sequence.count("RATE") <= 1, spec.id
        for element in spec.sequence:
            name = element.lstrip("?")
            if name.startswith("@"):
                assert _LEX.words(name[1:]), (spec.id, name)
    tested = {rule for _, _, rule in _LISTS} | {
        "pair.gapped_conjunct",
        "pair.relative_receiver",
        "pair.possessor_of_tariff_noun",
        "pair.respectively",
    }
    assert {s.id for s in specs} == tested


# -- end to end, on the trained model --------------------------------------------------------


def _read(nlp: Language, body: str, published: str = "2025-09-12") -> Extraction:
    lead = "U.S. President Donald Trump's trade team met in Washington on Friday."
    return extract(article_from_text(f"published: {published}\n\n{lead}\n\n{body}\n"), nlp)


def _triples(extraction: Extraction) -> set[tuple[str, str, float]]:
    return {(m.imposer, m.target, m.to_rate_pct) for m in extraction.measures}


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "The agreement sets a 19% tariff on Indonesian goods, below Vietnam's 20% and "
            "Thailand's 36%.",
            {("USA", "IDN", 19.0), ("USA", "VNM", 20.0), ("USA", "THA", 36.0)},
        ),
        (
            "Trump has set rates of 20% for Vietnam, 19% for Indonesia and 15% for Ecuador.",
            {("USA", "VNM", 20.0), ("USA", "IDN", 19.0), ("USA", "ECU", 15.0)},
        ),
        (
            "Brazil was assigned a 50% rate and India 25%, the highest in the list, while the "
            "Philippines got 19%.",
            {("USA", "BRA", 50.0), ("USA", "IND", 25.0), ("USA", "PHL", 19.0)},
        ),
        (
            "Norway's 15% rate matches the EU's 15%, while South Korea's 25% rate remains higher "
            "than Taiwan's 20%.",
            {
                ("USA", "NOR", 15.0),
                ("USA", "EUN", 15.0),
                ("USA", "KOR", 25.0),
                ("USA", "TWN", 20.0),
            },
        ),
        # both sides' tariffs compared: the "on" phrase names the target, the possessor
        # imposes
        (
            "Peru's 0% tariff on US cars compares with the US's 15% tariff on Peruvian cars.",
            {("PER", "USA", 0.0), ("USA", "PER", 15.0)},
        ),
    ],
)
def test_a_comparison_list_gives_each_rate_its_own_country(
    nlp: Language, body: str, expected: set[tuple[str, str, float]]
) -> None:
    assert _triples(_read(nlp, body)) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a quantifier that reaches (nearly) every origin
        (
            "Trump slapped a 10% tariff on most trading partners in April.",
            {("USA", "WLD", 10.0)},
        ),
        # named goods imported from no country named: every origin
        (
            "The president also announced a 50% tariff on copper imports from August 1.",
            {("USA", "WLD", 50.0)},
        ),
        # a global levy that hits one partner: on every origin, and on that partner
        (
            "Ministers fear the US will hit Norway with Trump's new 15% global levy.",
            {("USA", "WLD", 15.0), ("USA", "NOR", 15.0)},
        ),
        # whose partners the quantifier names is not whom the tariff is on
        (
            "The 10% baseline tariff on nearly all U.S. trading partners took effect on April 5.",
            {("USA", "WLD", 10.0)},
        ),
        # the countries an exception leaves out are not the targets
        (
            "Trump imposed a 10% tariff on imports from every country except Chile and Peru.",
            {("USA", "WLD", 10.0)},
        ),
        # ... but its own "for X" phrase narrows it to that partner
        (
            "The universal 10% tariff for Kenya stays in place.",
            {("USA", "KEN", 10.0)},
        ),
    ],
)
def test_global_measures_and_a_partners_rate(
    nlp: Language, body: str, expected: set[tuple[str, str, float]]
) -> None:
    assert _triples(_read(nlp, body)) == expected


@pytest.mark.slow
def test_a_partners_removal_of_its_tariffs_beside_a_us_rate_is_the_other_side_of_the_deal(
    nlp: Language,
) -> None:
    body = (
        "Under the framework, Vietnam agreed to remove its tariffs on US farm goods, while "
        "the United States will apply a 20% tariff on most Vietnamese goods."
    )
    measures = {(m.imposer, m.target, m.to_rate_pct): m for m in _read(nlp, body).measures}
    assert set(measures) == {("VNM", "USA", 0.0), ("USA", "VNM", 20.0)}
    assert measures[("VNM", "USA", 0.0)].status == "agreed"
    assert measures[("VNM", "USA", 0.0)].products == "farm goods"


@pytest.mark.slow
def test_a_clause_describing_the_subject_names_neither_imposer_nor_target(nlp: Language) -> None:
    # the US is named inside a relative clause of the subject's apposition; the subject, a
    # partner, faces the rate; the coordinated verb's own clause is a deal term, no threat
    body = (
        "Under the deal, Peru — a nation that counts the US as its biggest market — will "
        "avoid the threatened 30% tariffs and instead face a 10% rate for most goods."
    )
    measures = {(m.imposer, m.target, m.to_rate_pct): m for m in _read(nlp, body).measures}
    assert set(measures) == {("USA", "PER", 10.0)}
    assert measures[("USA", "PER", 10.0)].from_rate_pct == 30.0
    assert measures[("USA", "PER", 10.0)].status == "agreed"
