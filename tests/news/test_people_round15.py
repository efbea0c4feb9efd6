"""Round 15 classes of names, bloc offices and speakers, each on sentences written here.

They need the trained model (NER, parse) and are marked ``slow``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_people_classes import _speaker
from tests.news.test_people_round14 import _actor, _read


@pytest.mark.slow
def test_a_name_the_ner_cut_after_its_particle_takes_the_word_after(nlp: Language) -> None:
    ex = _read(
        nlp,
        "The accord reached between Ursula von der Leyen and Donald Trump in Scotland this "
        "summer cut tariffs on cars.",
    )
    names = [a.name for a in ex.actors]
    assert "Ursula von der Leyen" in names
    assert "Ursula von der" not in names


BLOC_MEMBERS = [
    pytest.param(
        "Jan Peeters, the Dutch MEP for the Greens, said the deal was lopsided.",
        "Jan Peeters",
        id="a nationality and a party around MEP: the EU, the office alone",
    ),
    pytest.param(
        "Marie Dupont, the French MEP for the Greens/EFA, explained on Wednesday that the "
        "court must rule first.",
        "Marie Dupont",
        id="a party written with a slash closes the apposed office",
    ),
    pytest.param(
        "EPP MEP Laura Bianchi disagreed with the committee on Tuesday and urged more dialogue.",
        "Laura Bianchi",
        id="a party before MEP is no part of the office",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("body", "name"), BLOC_MEMBERS)
def test_a_member_of_the_european_parliament_acts_for_the_eu(
    nlp: Language, body: str, name: str
) -> None:
    assert _actor(_read(nlp, body), name) == ("MEP", "EUN")


@pytest.mark.slow
def test_the_nationality_of_an_mep_names_the_mep_as_speaker(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Jan Peeters, the Dutch MEP for the Greens, said the deal was lopsided. "
        "“We will not rubber-stamp this agreement at all,” said the Dutch MEP.",
    )
    assert _speaker(ex, "We will not") == "Jan Peeters"


@pytest.mark.slow
def test_the_minister_is_not_the_prime_minister(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Dominic Roy, the minister responsible for the trade file, met Greer on Friday. "
        "Prime Minister Anne Dubois spoke with Trump on Thursday. "
        "“We are not yet where we need to be on steel,” the minister said.",
    )
    assert _speaker(ex, "We are not yet") == "Dominic Roy"
    assert _actor(ex, "Anne Dubois")[0] == "Prime Minister"


@pytest.mark.slow
def test_the_subject_of_reported_words_does_not_become_the_one_in_view(nlp: Language) -> None:
    ex = _read(
        nlp,
        "President Ana Ruiz of Peru wrote on social media that Bolivia's president Pablo Ortiz "
        "“put the security of our border at risk” by closing the road. The president's "
        "measures include a 25% tariff on Bolivian goods. “These measures are only the first "
        "step,” the president wrote.",
    )
    assert _speaker(ex, "These measures") == "Ana Ruiz"


@pytest.mark.slow
def test_the_speech_verb_nearest_above_a_quotation_speaks_it(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Trade Minister Pablo Ortiz flew to Washington with his team on Monday, President Rosa "
        "Medina said. Asked about how negotiations are going, Mrs Medina said that the Trade "
        "Minister “will barely have some of the meetings,” so he added will wait for Ortiz to "
        "return to inform about the results.",
    )
    quote = next(q for q in ex.quotes if q.text.startswith("will barely"))
    assert (quote.speaker, quote.via) == ("Rosa Medina", None)


@pytest.mark.slow
def test_an_office_responsible_for_a_portfolio_is_read_whole(nlp: Language) -> None:
    ex = _read(
        nlp, "Dominic Roy, the minister responsible for the trade file, met Greer on Friday."
    )
    assert _actor(ex, "Dominic Roy")[0] == "minister responsible for the trade file"


@pytest.mark.slow
def test_the_minister_names_the_holder_of_an_office_with_a_portfolio(nlp: Language) -> None:
    ex = _read(
        nlp,
        "Laura Diaz, Minister of Economy, met Greer on Friday. Prime Minister Anne Dubois spoke "
        "with Trump on Thursday. “We will not accept the steel quota in this form,” the minister "
        "said.",
    )
    assert _speaker(ex, "We will not accept") == "Laura Diaz"
