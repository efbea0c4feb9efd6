"""Measure rules that read beyond the rate's clause, on sentences written for these tests.

Each text below was written for tariffscope's tests (none is taken from the development set):
goods named by anaphora, a rate in a relative clause of goods, lists ending in "all other
tariffs", unspecified goods that a later mention names, a deal's rate that a later change
starts from, a rate confirmed as settled by the next sentence, and history of a removed rate.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language

from tariffscope.domain.news import Extraction, MeasureMention
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.products import product_class

pytestmark = [pytest.mark.slow]


def _read(nlp: Language, body: str, published: str = "2025-09-12") -> Extraction:
    return extract(article_from_text(f"published: {published}\n\n{body}\n"), nlp)


def _one(extraction: Extraction, target: str, rate: float) -> MeasureMention:
    found = [m for m in extraction.measures if m.target == target and m.to_rate_pct == rate]
    assert len(found) == 1, extraction.measures
    return found[0]


def test_the_model_is_the_model_named_before(nlp: Language) -> None:
    text = (
        "The European Commission accepted an offer from China's Geely to sell its Zeekr X "
        "crossover in the bloc at a minimum price. The decision exempts Geely from paying the "
        "18.8% countervailing duty imposed on the crossover since last year."
    )
    measure = _one(_read(nlp, text), "CHN", 18.8)
    assert "zeekr" in measure.products
    assert measure.status == "suspended"


def test_a_bare_noun_without_antecedent_stays_as_written(nlp: Language) -> None:
    text = "The EU imposed a 17% countervailing duty on the crossover from China."
    measure = _one(_read(nlp, text), "CHN", 17.0)
    assert measure.products == "crossover"


def test_definite_levies_take_the_goods_of_the_tariffs_named_before(nlp: Language) -> None:
    text = (
        "Prime Minister Mark Carney has asked for a review of tariffs on maple syrup.\n"
        "Trump said he would look at the 35% import levies after talks in Ottawa.\n"
        "Trump has imposed a 35% tariff on Canadian exports into the US."
    )
    extraction = _read(nlp, text)
    products = sorted(m.products for m in extraction.measures if m.to_rate_pct == 35.0)
    assert products == ["all goods", "maple syrup"]


def test_rate_in_a_relative_clause_of_goods_is_a_part_cut_from_the_rate_before(
    nlp: Language,
) -> None:
    text = (
        "Under the framework, the United States will keep its tariff at 19% on Indonesian "
        "goods, but will list products where the duty can be cut to zero."
    )
    extraction = _read(nlp, text)
    part = _one(extraction, "IDN", 0.0)
    assert product_class(part.products)[0] == "some"
    assert part.from_rate_pct == 19.0
    assert part.status == "agreed"
    assert _one(extraction, "IDN", 19.0).products == "all goods"


def test_an_infinitive_after_a_deal_is_not_a_relative_clause_of_goods(nlp: Language) -> None:
    text = "Brussels seeks a deal to avert broader 30% U.S. levies on European goods."
    measure = _one(_read(nlp, text), "EUN", 30.0)
    assert measure.products == "all goods"


def test_list_ending_in_all_other_tariffs_gives_the_rest_of_the_goods(nlp: Language) -> None:
    text = (
        "U.S. President Donald Trump said on Tuesday he will raise tariffs on certain "
        "Canadian goods from 10 percent to 35 percent.\n"
        '"I am hereby increasing Canadian TARIFFS on Lumber, Dairy, and all other Reciprocal '
        'TARIFFS, from 10% to 35%," Trump wrote on social media.'
    )
    extraction = _read(nlp, text)
    changes = [m for m in extraction.measures if m.to_rate_pct == 35.0]
    assert sorted(product_class(m.products)[0] for m in changes) == ["all", "specific"]
    assert all(m.from_rate_pct == 10.0 and m.target == "CAN" for m in changes)
    assert all(m.status == "threatened" for m in changes)


def test_a_deals_rate_that_a_later_rise_starts_from_is_its_from_rate(nlp: Language) -> None:
    text = (
        "Trump said on Monday he will raise tariffs on Korean goods from 15 percent to 25 "
        "percent.\n"
        "Under the agreement finalized by the two governments in July, the United States "
        "would impose tariffs of 15 percent on imports from South Korea."
    )
    extraction = _read(nlp, text)
    assert [(m.from_rate_pct, m.to_rate_pct) for m in extraction.measures] == [(15.0, 25.0)]


def test_the_rate_they_settled_on_makes_the_offer_agreed(nlp: Language) -> None:
    text = (
        "Trump said the United States could not go lower than a 20% tariff on Indian goods. "
        "It appears that is the rate they settled on."
    )
    assert _one(_read(nlp, text), "IND", 20.0).status == "agreed"


def test_a_rate_only_hoped_for_stays_open(nlp: Language) -> None:
    text = (
        "Trump said the United States could not go lower than a 20% tariff on Indian goods. "
        "Officials hope that is the rate they will settle on."
    )
    assert _one(_read(nlp, text), "IND", 20.0).status != "agreed"


def test_history_of_a_removed_rate_is_recorded_by_its_removal(nlp: Language) -> None:
    text = (
        "Trump has removed a 40% tariff on Brazilian coffee and beef.\n"
        "Trump initially imposed a 10% tariff on nearly all countries and later added a 40% "
        "penalty on Brazil.\n"
        "Last week, the general 10% tariff was lifted on Brazilian agricultural goods."
    )
    extraction = _read(nlp, text, "2025-11-21")
    assert {(m.target, m.to_rate_pct, m.status) for m in extraction.measures} == {
        ("BRA", 40.0, "suspended"),
        ("BRA", 10.0, "suspended"),
    }


def test_history_without_a_removal_is_kept(nlp: Language) -> None:
    text = "U.S. President Donald Trump initially imposed a 10% tariff on nearly all countries."
    assert _one(_read(nlp, text), "WLD", 10.0).status == "in_force"


def test_undated_story_puts_a_coming_date_after_its_latest_past_date(nlp: Language) -> None:
    text = (
        "South Korean President Lee Jae Myung and US President Donald Trump reaffirmed the "
        "deal in Gyeongju on October 29, 2025. Trump said on social media that he will raise "
        "tariffs on South Korean goods from 15% to 25%, effective from February 1."
    )
    extraction = extract(article_from_text(f"published: unknown\n\n{text}\n"), nlp)
    measure = _one(extraction, "KOR", 25.0)
    assert measure.effective_date == dt.date(2026, 2, 1)
    assert measure.status == "threatened"  # a rise is a deal's only in the deal's sentence
    assert [d.date for d in extraction.deadlines] == [dt.date(2026, 2, 1)]
    announcements = [e for e in extraction.events if e.kind == "announcement"]
    assert [e.date for e in announcements] == [None]  # the effective date is not its day


def test_a_rate_without_imposer_in_a_story_not_about_the_us_is_not_a_us_measure(
    nlp: Language,
) -> None:
    # a story about Chile and Kenya that names the US tariff in passing: the duty cut on
    # wine is Kenya's, not a US measure
    text = (
        "Kenya and Chile concluded a free trade agreement in Nairobi, Kenyan and Chilean "
        "officials said. Kenya's exporters still face a 10% tariff from the U.S.\n"
        "Wine tariffs will fall from 25% to 5% over five years, the Kenyan trade ministry said. "
        "Chile will open its market to Kenyan tea and Kenya will welcome Chilean fruit."
    )
    wine = [m for m in _read(nlp, text).measures if m.to_rate_pct == 5.0]
    assert wine and all(m.imposer != "USA" for m in wine), wine


def test_a_country_that_approves_tariffs_imposes_them(nlp: Language) -> None:
    text = (
        "Peru has approved tariffs of up to 40 per cent on Chinese steel, aligning with US "
        "President Donald Trump's trade policies."
    )
    measure = _one(_read(nlp, text), "CHN", 40.0)
    assert measure.imposer == "PER"


def test_the_prospect_of_a_tariff_is_a_threat(nlp: Language) -> None:
    text = (
        "Peru was facing the prospect of tariffs as high as 36% on exports to the US before "
        "the August 1 deadline, US Commerce Secretary Howard Lutnick said."
    )
    assert _one(_read(nlp, text, "2025-07-20"), "PER", 36.0).status == "threatened"


def test_every_country_of_a_coordinated_subject_faces_the_rate(nlp: Language) -> None:
    text = (
        "Peru and Chile will each face a 25 per cent tariff on their exports to the United States."
    )
    targets = {m.target for m in _read(nlp, text).measures if m.to_rate_pct == 25.0}
    assert targets == {"PER", "CHL"}


def test_goods_imported_from_two_countries_target_both(nlp: Language) -> None:
    text = "US President Donald Trump imposed 25 per cent tariffs on goods imported from Peru and Chile."
    found = {(m.imposer, m.target) for m in _read(nlp, text).measures if m.to_rate_pct == 25.0}
    assert found == {("USA", "PER"), ("USA", "CHL")}


def test_a_target_the_parser_hangs_on_the_agent_is_the_target(nlp: Language) -> None:
    # "imposed by the president on Peru": the parser reads "the president on Peru" as one
    # phrase; the agent's own words impose (the story's president), Peru is the target
    text = (
        "US President Donald Trump met Peru's trade minister on Sunday. They discussed the "
        "20% tariffs imposed by the president on Peru."
    )
    measure = _one(_read(nlp, text), "PER", 20.0)
    assert measure.imposer == "USA"


def test_a_looming_tariff_is_a_threat(nlp: Language) -> None:
    text = "Peru faces a looming 30% tariff on its exports to the US, its minister said."
    assert _one(_read(nlp, text, "2025-07-16"), "PER", 30.0).status == "threatened"


# -- measures on every country (issue 9): sentences written for these tests ----------------


@pytest.mark.issue(9)
@pytest.mark.parametrize(
    ("text", "products"),
    [
        # no country but the imposer's is named: the goods of every origin
        (
            "President Donald Trump said he would impose a 40% tariff on imports of "
            "industrial robots from March 3.",
            "industrial robots",
        ),
        # "universal" and "global" on the tariff word
        ("The White House imposed universal 35 percent tariffs on drones.", "drones"),
        ("President Donald Trump's 12% global tariff took effect on Tuesday.", "all goods"),
        # all imports, foreign imports, imported goods
        ("Washington will charge a 9% tariff on all imports.", "all goods"),
        ("Washington began collecting a 9% surcharge on nearly all foreign imports.", "all goods"),
        ("Washington doubled the tariff on imported glass to 60%.", "imported glass"),
        # charged to every trading partner
        ("A US tariff of 7% is being charged to all trading partners.", "all goods"),
    ],
)
def test_a_measure_on_every_country(nlp: Language, text: str, products: str) -> None:
    (measure,) = _read(nlp, text, "2025-11-03").measures
    assert (measure.imposer, measure.target) == ("USA", "WLD")
    assert measure.products == products


@pytest.mark.issue(9)
def test_a_dateline_or_a_caption_names_no_target(nlp: Language) -> None:
    text = (
        "OSLO (Wire) - The United States will impose universal 45% tariffs on imports of "
        "salmon, the White House said.\n"
        "A worker at a fish farm near Bergen, Norway, in May. JANE DOE/AFP/Getty Images\n"
        "The 45% tariff on salmon starts on December 1."
    )
    assert {(m.imposer, m.target) for m in _read(nlp, text, "2025-11-03").measures} == {
        ("USA", "WLD")
    }


@pytest.mark.issue(9)
def test_a_named_origin_keeps_its_measure(nlp: Language) -> None:
    # "universal", "all imports" and "imported" name no country; a named one is the target
    text = "Washington will charge a 9% tariff on all imports from Peru."
    (measure,) = _read(nlp, text, "2025-11-03").measures
    assert measure.target == "PER"


@pytest.mark.issue(9)
def test_a_rate_runs_from_the_date_it_starts_not_the_day_it_was_said(nlp: Language) -> None:
    text = (
        "President Donald Trump said on Monday he would impose a 40% tariff on imports of "
        "industrial robots from March 3."
    )
    (measure,) = _read(nlp, text, "2025-11-03").measures
    assert measure.effective_date == dt.date(2026, 3, 3)
