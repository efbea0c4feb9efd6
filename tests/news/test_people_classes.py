"""Classes of people and speaker errors met on unseen stories, each on a sentence written here.

Role-phrase rules run on a blank tokenizer (the parse is not the point); the rest need the
trained model (names, appositions, speech verbs) and are marked ``slow``.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from tariffscope.domain.news import Extraction
from tariffscope.news._persons import boilerplate_ranges, parse_role
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()
BLANK = spacy.blank("en")


def _role(phrase: str) -> tuple[str | None, str | None]:
    info = parse_role(list(BLANK(phrase)), LEX)
    assert info is not None
    return info.role, info.country


# -- role phrases (blank tokenizer) ---------------------------------------------------------
def test_a_possessive_inside_an_of_tail_stays_in_the_role() -> None:
    role, _ = _role("chair of the Bundestag's budget committee")
    assert role == "chair of the Bundestag's budget committee"


def test_a_country_owning_an_of_tail_gives_the_country_and_leaves_the_role() -> None:
    assert _role("speaker of Peru's Congress") == ("speaker of the Congress", "PER")


def test_an_ambassador_to_a_host_belongs_to_the_sender() -> None:
    assert _role("Chile's former ambassador to Kenya") == ("ambassador to Kenya", "CHL")
    role, country = _role("ambassador to Norway")
    assert (role, country) == ("ambassador to Norway", None)


def test_an_organisation_owner_is_kept_and_a_person_owner_is_not_a_country() -> None:
    info = parse_role(list(BLANK("the Green Party's leader")), LEX)
    assert info is not None and (info.owner, info.role) == ("Green Party", "leader")
    info = parse_role(list(BLANK("Okafor's US trade envoy")), LEX)
    assert info is not None
    assert (info.owner, info.role, info.country) == ("Okafor", "US trade envoy", None)


def test_a_demonym_inside_the_role_gives_the_country() -> None:
    assert _role("head of the Peruvian Exporters Association")[1] == "PER"


def test_a_hyphenated_office_and_a_country_pair_keep_their_spelling() -> None:
    assert _role("Vice-Chancellor")[0] == "Vice-Chancellor"
    assert _role("Peru-U.S. Trade Minister") == ("Peru-U.S. Trade Minister", "PER")


def test_dash_and_honorific_noise_leave_the_role() -> None:
    assert _role("-Peruvian Trade Minister") == ("Trade Minister", "PER")
    assert _role("Prime Minister Sir")[0] == "Prime Minister"


def test_abbreviated_office_is_written_out_and_new_is_dropped() -> None:
    assert _role("PM")[0] == "Prime Minister"
    assert _role("new chief trade negotiator")[0] == "chief trade negotiator"


def test_a_picture_credit_is_boilerplate() -> None:
    doc = BLANK("Talks went well, the minister said. NewsWire / Ana Ruiz Credit: Daily Post\n")
    ranges = boilerplate_ranges(doc, None)
    credit = doc.text.index("Ana Ruiz")
    assert any(s <= credit < e for s, e in ranges)


# -- people and speakers (trained model) -----------------------------------------------------
def _read(nlp: Language, body: str) -> Extraction:
    return extract(article_from_text(f"published: 2025-07-16\n\n{body}\n"), nlp)


def _actor(extraction: Extraction, name: str) -> tuple[str | None, str | None]:
    actor = next(a for a in extraction.actors if a.name == name)
    return actor.role, actor.country


def _speaker(extraction: Extraction, start: str) -> str | None:
    return next(q.speaker for q in extraction.quotes if q.text.startswith(start))


@pytest.mark.slow
def test_a_malay_honorific_is_not_part_of_the_name(nlp: Language) -> None:
    ex = _read(nlp, "The pact was signed by Prime Minister Datuk Seri Razak Omar in Kuala Lumpur.")
    assert [a.name for a in ex.actors] == ["Razak Omar"]


@pytest.mark.slow
def test_agreements_and_summits_are_not_people(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Leaders met at the Pacific Summit and Related Summits to discuss the Lakeside "
        "Agreement, which President Ana Ruiz of Peru signed on Monday.",
    )
    assert [a.name for a in ex.actors] == ["Ana Ruiz"]


@pytest.mark.slow
def test_a_former_office_holder_who_speaks_acts(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Peru will answer the tariff, officials said on Monday. \u201cWe have no choice but to "
        "respond in kind,\u201d Luis Paredes, a former Peruvian trade minister, told reporters.",
    )
    assert _actor(ex, "Luis Paredes") == ("former trade minister", "PER")


@pytest.mark.slow
def test_a_spokesperson_of_a_person_shares_their_country(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Peruvian President Ana Ruiz spoke with Donald Trump on Monday. Luis Paredes, Ruiz's "
        "spokesperson, called the call productive.",
    )
    assert _actor(ex, "Luis Paredes") == ("spokesperson", "PER")


@pytest.mark.slow
def test_an_unplaced_office_holder_in_a_us_story_is_the_other_side(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Peru and the United States agreed to cut tariffs on Monday, Peru's government said. "
        "Luis Paredes, president of the National Copper Board, welcomed the deal. U.S. "
        "officials said talks with Peru would go on.",
    )
    assert _actor(ex, "Luis Paredes")[1] == "PER"


@pytest.mark.slow
def test_an_office_of_a_department_before_a_name(nlp: Language) -> None:
    ex = _read(
        nlp,
        "U.S. Trade Representative Jamieson Greer and Secretary of Commerce Ana Whitfield met "
        "Peru's trade minister in Washington on Monday.",
    )
    assert _actor(ex, "Ana Whitfield") == ("Secretary of Commerce", "USA")


@pytest.mark.slow
def test_a_name_with_an_apposed_role_is_a_person_and_its_surname_later_too(
    nlp: Language,
) -> None:
    ex = _read(
        nlp,
        "Number 10 said Tomas Okonkwo, business secretary, spoke to Jamieson Greer, US trade "
        "representative, over the weekend. Greer told reporters the talks had gone well.",
    )
    assert [a.name for a in ex.actors if "Greer" in a.name] == ["Jamieson Greer"]


@pytest.mark.slow
def test_a_speaker_named_after_a_quotation_taken_for_the_subject(nlp: Language) -> None:
    ex = _read(
        nlp,
        "\u201cTotal tariff chaos from the White House,\u201d Ana Ruiz, chair of the "
        "Senate\u2019s trade committee, said in a post on Sunday.",
    )
    assert _speaker(ex, "Total tariff chaos") == "Ana Ruiz"


@pytest.mark.slow
def test_a_quotation_standing_after_a_persons_speech_is_theirs(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Trade Minister Luis Paredes told a radio station on Monday that Peru would not "
        "retaliate. \u201cWe want a negotiated outcome for our farmers.\u201d",
    )
    assert _speaker(ex, "We want a negotiated") == "Luis Paredes"


@pytest.mark.slow
def test_a_report_relaying_a_persons_words_does_not_hide_the_speaker(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Trade Minister Luis Paredes said: \u201cOur exporters need certainty above all "
        "else,\u201d according to a report by the state news agency.",
    )
    assert _speaker(ex, "Our exporters need") == "Luis Paredes"


@pytest.mark.slow
def test_a_quoted_call_is_not_a_relay(nlp: Language) -> None:
    ex = _read(
        nlp,
        "President Donald Trump spoke about Peru's President Ana Ruiz on Monday. \u201cRuiz "
        "called me today at noon. We had a very good talk,\u201d Trump said.",
    )
    assert _speaker(ex, "Ruiz called me") == "Donald Trump"


@pytest.mark.slow
def test_a_persons_statement_speaks_for_them(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Trade Minister Kwame Mensah-Bonsu met U.S. officials in Washington on Friday.\n\n"
        "\u201cWe had a frank and useful exchange on steel and aluminum,\u201d Mensah-Bonsu"
        "\u2019s statement said.",
    )
    assert _speaker(ex, "We had a frank") == "Kwame Mensah-Bonsu"


@pytest.mark.slow
def test_a_quotation_after_a_reported_quote_keeps_its_speaker(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Trade Minister Luis Paredes said: \u201cOur exporters need certainty above all "
        "else,\u201d according to a report by the state news agency after the talks ended on "
        "Monday. \u201cStable trade between both countries serves the people of both.\u201d",
    )
    assert _speaker(ex, "Stable trade between") == "Luis Paredes"


@pytest.mark.slow
def test_an_organisation_with_and_and_an_acronym_stay_in_the_role(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Department of Agriculture and Fisheries spokesperson Ana Ruiz said Peru would wait. "
        "Luis Paredes, the president of the National Mining Corporation of Peru (Minpe), "
        "said exports would fall.",
    )
    assert _actor(ex, "Ana Ruiz")[0] == "Department of Agriculture and Fisheries spokesperson"
    assert _actor(ex, "Luis Paredes") == (
        "president of the National Mining Corporation of Peru (Minpe)",
        "PER",
    )


@pytest.mark.slow
def test_a_predecessor_is_former_and_not_an_actor(nlp: Language) -> None:
    ex = _read(
        nlp,
        "President Ana Ruiz said on Monday that the tariff was linked to the trial of her "
        "predecessor, Luis Paredes, which opens in May.",
    )
    assert [a.name for a in ex.actors] == ["Ana Ruiz"]


@pytest.mark.slow
def test_a_prime_minister_phrase_passes_over_the_us_official_named_last(nlp: Language) -> None:
    ex = _read(
        nlp,
        "The trade deal is a \u201cgreat day for farmers\u201d, Sir Tomas Lindqvist said as he "
        "and Donald Trump announced it. Speaking to the Prime Minister by phone, the US "
        "president said the deal was \u201ca very fair one for both countries\u201d.",
    )
    assert _actor(ex, "Tomas Lindqvist")[0] == "Prime Minister"
    assert _actor(ex, "Donald Trump")[0] != "Prime Minister"
