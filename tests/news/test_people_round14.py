"""Round 14 classes of names, role phrases and speakers, each on sentences written here.

They need the trained model (NER, parse) and are marked ``slow``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.domain.news import Extraction
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _read(nlp: Language, body: str) -> Extraction:
    return extract(article_from_text(f"published: 2025-09-03\n\n{body}\n"), nlp)


def _actor(ex: Extraction, name: str) -> tuple[str | None, str | None]:
    actor = next(a for a in ex.actors if a.name == name)
    return actor.role, actor.country


# -- names --------------------------------------------------------------------------------------
NAMES = [
    pytest.param(
        "Industry Minister Park Sung-min flew to Ottawa on Monday for talks on steel quotas.",
        "Park Sung-min",
        id="a hyphenated given name after a title stays whole",
    ),
    pytest.param(
        "Seoul's envoy Cheong In-kyo met reporters on Monday.",
        "Cheong In-kyo",
        id="a hyphenated given name the NER cut at its hyphen stays whole",
    ),
    pytest.param(
        "Minister for Trade Negotiations Dara Quinlan met the Brazilian delegation in Geneva "
        "on Tuesday.",
        "Dara Quinlan",
        id="a name after an office with a for-portfolio",
    ),
    pytest.param(
        "The Canadian side was led by Deputy Minister (DM) for Latin America and the "
        "Caribbean Hugo Lefebvre, who met Chilean officials on Friday.",
        "Hugo Lefebvre",
        id="a name after an office whose for-portfolio is a region",
    ),
    pytest.param(
        "Kuwait's finance minister, Sheikh Nasser Al-Sabah, arrived in Berlin on Monday for "
        "talks on tariffs. Sheikh Nasser met German officials on Tuesday.",
        "Sheikh Nasser Al-Sabah",
        id="a royal style before a name is part of the name",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "name"), NAMES)
def test_name(nlp: Language, body: str, name: str) -> None:
    names = [a.name for a in _read(nlp, body).actors]
    assert name in names
    assert not any(n != name and n in name for n in names)  # no cut form beside it


@pytest.mark.slow
def test_crown_style_stays_a_role_and_the_short_style_joins_the_person(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Norwegian Crown Prince Haakon Magnus met French President Emmanuel Macron in Paris "
        "on Monday. Prince Haakon then toured a shipyard.",
    )
    assert _actor(ex, "Haakon Magnus") == ("Crown Prince", "NOR")
    assert not any(a.name.startswith("Prince") for a in ex.actors)


@pytest.mark.slow
def test_role_phrase_inside_quotation_gives_no_office(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Tax lawyer Ingrid Solberg expects refunds.\n\n\u201cThe court has ruled that the "
        "president had no power to levy these duties on Norway,\u201d she said.",
    )
    assert _actor(ex, "Ingrid Solberg")[0] != "president"


@pytest.mark.slow
def test_lower_case_role_of_two_words_names_its_holder_as_speaker(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Emirati Crown Prince Khaled bin Mohamed met Indian Prime Minister Narendra Modi on "
        "Monday.\n\nThe crown prince added that the emirate would \u201cdouble its investment "
        "in Indian ports within five years\u201d.",
    )
    quote = next(q for q in ex.quotes if q.text.startswith("double its investment"))
    assert quote.speaker == "Khaled bin Mohamed"


# -- roles --------------------------------------------------------------------------------------
ROLES = [
    pytest.param(
        "The talks were joined by new Canadian Trade Minister Rosa Delgado on Monday.",
        "Rosa Delgado",
        ("Trade Minister", "CAN"),
        id="a dropped modifier before the country leaves the office without the country",
    ),
    pytest.param(
        "A team headed by agriculture and energy minister Nguyen Van Binh will visit Seoul "
        "on Monday.",
        "Nguyen Van Binh",
        ("agriculture and energy minister", None),
        id="two lower-case portfolios joined by 'and' before an office",
    ),
    pytest.param(
        "Tariff talks in Oslo\n\nState Secretary Lars Berg (Photo: NTB)\n\nThe Norwegian trade "
        "minister Lars Berg said on Monday that the talks would resume in October.",
        "Lars Berg",
        ("trade minister", "NOR"),
        id="a sentence's office comes before a caption's",
    ),
    pytest.param(
        "The minister will join Danish Prime Minister Mette Frederiksen for a state visit with "
        "Spain's King Felipe on Tuesday.",
        "King Felipe",
        ("King", "ESP"),
        id="a sovereign's style is part of the name and is the office",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "name", "expected"), ROLES)
def test_role(nlp: Language, body: str, name: str, expected: tuple[str | None, str | None]) -> None:
    role, country = _actor(_read(nlp, body), name)
    assert ((role or "").lower(), country if expected[1] else None) == (
        (expected[0] or "").lower(),
        expected[1],
    )
