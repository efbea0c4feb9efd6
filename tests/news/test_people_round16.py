"""Round 16 classes of offices and names, each on sentences written here.

They need the trained model (NER, parse) and are marked ``slow``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_people_classes import _speaker
from tests.news.test_people_round14 import _actor, _read


@pytest.mark.slow
def test_a_federal_councillor_is_an_office_not_part_of_the_name(nlp: Language) -> None:
    ex = _read(
        nlp,
        "“We will table a better offer within days,” Federal Councillor Anna Keller told the "
        "Swiss radio on Sunday.",
    )
    assert _actor(ex, "Anna Keller")[0] == "Federal Councillor"
    assert _speaker(ex, "We will table") == "Anna Keller"


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        pytest.param(
            "Trade and Industry Minister Parks Mokoena has called for cool heads. Mokoena and "
            "International Relations Minister Ronald Dlamini held a joint press conference "
            "responding to global developments in Midrand on Friday.",
            id="the NER's organisation is the name and its 'and'",
        ),
        pytest.param(
            "Trade and Industry Minister Lindiwe Tau has called for cool heads. Tau and "
            "International Relations Minister Ronald Dlamini held a joint press conference in "
            "Midrand on Friday.",
            id="the NER's organisation runs from the name into the portfolio",
        ),
    ],
)
def test_a_name_before_and_is_no_portfolio_of_the_next_office(nlp: Language, body: str) -> None:
    assert _actor(_read(nlp, body), "Ronald Dlamini")[0] == "International Relations Minister"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        pytest.param(
            "The deputy prime minister met with U.S. Ambassador to Vietnam Paul E. Brenner in "
            "Hanoi.",
            "Paul E. Brenner",
            "Ambassador to Vietnam",
            id="to Vietnam",
        ),
        pytest.param(
            "Deputy Prime Minister Lan Ha met with U.S. Ambassador to Malaysia Edgar D. Kagan "
            "in Kuala Lumpur.",
            "Edgar D. Kagan",
            "Ambassador to Malaysia",
            id="to Malaysia",
        ),
    ],
)
def test_the_place_of_an_ambassadors_to_is_the_offices_not_the_names(
    nlp: Language, body: str, name: str, role: str
) -> None:
    assert _actor(_read(nlp, body), name) == (role, "USA")


@pytest.mark.slow
def test_an_office_with_its_bodys_acronym_before_an_apposed_name(nlp: Language) -> None:
    ex = _read(
        nlp,
        "The Head of the Presidential Communication Office (PCO), Budi Santoso, stated that the "
        "talks in Washington would go on.",
    )
    assert _actor(ex, "Budi Santoso")[0] == "Head of the Presidential Communication Office"


@pytest.mark.slow
def test_a_name_with_a_particle_and_a_partys_bracket_after_an_office_and_a_comma(
    nlp: Language,
) -> None:
    ex = _read(
        nlp,
        "The governor of Paraná, Tarcísio de Almeida (Republicans), put on the cap of the "
        "campaign. “We discussed the consequences for our exporters and farmers,” Tarcísio "
        "wrote in X.",
    )
    assert _actor(ex, "Tarcísio de Almeida")[0] == "governor of Paraná"
    assert _speaker(ex, "We discussed") == "Tarcísio de Almeida"


@pytest.mark.slow
def test_a_name_the_ner_missed_after_an_office_and_a_comma_speaks(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Statements by the President of the Republic, Luiz Inácio Moura da Rocha (PT), "
        "increased the tension on Thursday. “We cannot let them forget that he was elected to "
        "rule,” said the Brazilian president.",
    )
    assert _actor(ex, "Luiz Inácio Moura da Rocha")[0] == "President of the Republic"
    assert _speaker(ex, "We cannot let") == "Luiz Inácio Moura da Rocha"


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "The minister met Tom Hale, CEO of De Beers Group, to discuss trends in gems, jewellery "
        "and the diamond trade.",
        "Bruce Cleaver, the CEO of De Beers Group, said the tariff on diamonds would hurt "
        "Botswana.",
    ],
)
def test_a_particle_after_an_offices_of_opens_a_bodys_name_not_a_persons(
    nlp: Language, body: str
) -> None:
    names = [a.name for a in _read(nlp, body).actors]
    assert "Beers Group" not in names


@pytest.mark.slow
def test_a_chairperson_apposed_to_a_name_is_an_office(nlp: Language) -> None:
    ex = _read(
        nlp,
        "On the first day of his visit, the minister met industry leaders, including Peter "
        "Hall, Chairperson of Monzo, to discuss growth in fintech.",
    )
    assert _actor(ex, "Peter Hall")[0] == "Chairperson of Monzo"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        pytest.param(
            "The Premier of Ontario, Doug Lane, said the levy on steel would cost jobs.",
            "Doug Lane",
            ("Premier of Ontario", "CAN"),
            id="a province",
        ),
        pytest.param(
            "Jane Roe, the governor of California, said the tariffs would hurt farmers.",
            "Jane Roe",
            ("governor of California", "USA"),
            id="a state",
        ),
        pytest.param(
            "The President of Brazil, Jose Alves, spoke on Monday.",
            "Jose Alves",
            ("President", "BRA"),
            id="a country stays the holder's state",
        ),
    ],
)
def test_a_region_after_an_offices_of_stays_in_the_office(
    nlp: Language, body: str, name: str, role: tuple[str, str]
) -> None:
    assert _actor(_read(nlp, body), name) == role


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "name", "role"),
    [
        pytest.param(
            "A team led by Assistant Trade Representative for South and Central Asia Paul "
            "Irwin will visit Delhi from March 25 to 29 for talks.",
            "Paul Irwin",
            "Assistant Trade Representative for South and Central Asia",
            id="south and central",
        ),
        pytest.param(
            "A delegation headed by Deputy Assistant Secretary for East and Southeast Asia "
            "Karen Moss arrived in Manila on Monday.",
            "Karen Moss",
            "Deputy Assistant Secretary for East and Southeast Asia",
            id="east and southeast",
        ),
    ],
)
def test_an_and_between_two_parts_of_a_region_stays_in_the_portfolio(
    nlp: Language, body: str, name: str, role: str
) -> None:
    assert _actor(_read(nlp, body), name)[0] == role
