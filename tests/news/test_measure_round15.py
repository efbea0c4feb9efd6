"""Round 15 of the measure reader (measures and their status on unseen stories).

- a nation noun quantified as a whole ("all countries", "nearly all trading partners") is
  every origin: the countries it lists as examples ("including Canada") are no target, in the
  rate's own phrase, as the passive receiver, and in the rest of its sentence;
- a month abbreviation ("on Apr 2") or "time" ("for the second time") is no goods;
- the share of a tariff-rate quota ("100% tariff-rate quotas") is no tariff rate;
- the date a sentence without a rate gives announced tariffs ("The tariffs are due to take
  effect from March 10.") also dates the announced rates the following sentences detail.

Every sentence was written for these tests (none from a development, train, test or fresh
story). The unit tests use hand-built parses; the story tests need the trained model and are
marked ``slow``.
"""

from __future__ import annotations

import datetime as dt

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from tests.news._parses import hand_parsed

from tariffscope.domain.news import MeasureMention
from tariffscope.news._measure_parts import goods_of, whole_of_nations
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

LEX = default_lexicon()


def _doc(rows: str) -> Doc:
    parts = [r.split("/") for r in rows.split()]
    doc = hand_parsed(
        [p[0] for p in parts],
        [int(p[1]) for p in parts],
        [p[2] for p in parts],
        [p[3] for p in parts],
    )
    for token in doc:  # plural lemmas ("countries" -> "country", "imports" -> "import")
        token.lemma_ = {"countries": "country", "imports": "import"}.get(token.lower_, token.lower_)
    return doc


# "imports from all countries , including Peru": every origin
_WHOLE = (
    "imports/0/ROOT/NOUN from/0/prep/ADP all/3/det/DET countries/1/pobj/NOUN ,/3/punct/PUNCT "
    "including/3/prep/VERB Peru/5/pobj/PROPN"
)
# "imports from several countries , including Peru": the example is the target
_SEVERAL = (
    "imports/0/ROOT/NOUN from/0/prep/ADP several/3/amod/ADJ countries/1/pobj/NOUN "
    ",/3/punct/PUNCT including/3/prep/VERB Peru/5/pobj/PROPN"
)


def test_a_whole_of_nations_is_every_origin_and_its_examples_no_target() -> None:
    doc = _doc(_WHOLE)
    assert whole_of_nations(doc[3], LEX)
    goods = goods_of(doc[0], LEX)
    assert goods.world
    assert goods.targets == ()


def test_countries_not_quantified_as_a_whole_keep_their_examples() -> None:
    doc = _doc(_SEVERAL)
    assert not whole_of_nations(doc[3], LEX)
    goods = goods_of(doc[0], LEX)
    assert goods.targets == ("PER",)
    assert not goods.world


# -- stories, on the trained model -------------------------------------------------------------


def _read(nlp: Language, headline: str, body: str) -> list[MeasureMention]:
    text = f"published: 2024-05-02\n\n{headline}\n\n{body}"
    return list(extract(article_from_text(text), nlp).measures)


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        # the passive receiver is the whole
        "Every US trading partner was told on Tuesday that a new metals order applies. "
        "All countries, including Peru, were hit with 30 per cent tariffs on zinc imports "
        "into the United States on Tuesday.",
        # the rate's own phrase names the whole
        "On Tuesday, the US president raised the zinc tariffs from 20% to 30% on imports "
        "from nearly all countries, including Peru, officials in Washington said.",
    ],
)
def test_a_whole_of_nations_with_examples_is_read_as_every_origin(nlp: Language, body: str) -> None:
    measures = _read(nlp, "US widens metals duties", body)
    found = {(m.imposer, m.target, m.to_rate_pct) for m in measures}
    assert ("USA", "WLD", 30.0) in found, found
    assert not any(m.target == "PER" for m in measures), found


@pytest.mark.slow
def test_a_month_abbreviation_is_no_goods(nlp: Language) -> None:
    body = (
        "Peru is still subject to the baseline 10 per cent US tariff announced by the US "
        "president on Apr 2, officials in Lima said on Tuesday."
    )
    measures = _read(nlp, "Peru waits on US duties", body)
    assert measures, "no measure read"
    assert all(m.products == "all goods" for m in measures), [m.products for m in measures]


@pytest.mark.slow
def test_the_share_of_a_tariff_rate_quota_is_no_rate(nlp: Language) -> None:
    body = (
        "Chile's government unveiled 100% tariff-rate quotas on foreign copper on Tuesday, "
        "and a 25% tariff on US copper above them, officials in Santiago said."
    )
    rates = {m.to_rate_pct for m in _read(nlp, "Chile guards its copper", body)}
    assert 100.0 not in rates, rates


@pytest.mark.slow
def test_the_date_of_announced_tariffs_dates_the_rates_detailed_after_it(nlp: Language) -> None:
    body = (
        "Peru announced on Tuesday that it will impose additional tariffs on US farm goods.\n\n"
        "The tariffs announced by the trade ministry are due to take effect from May 20.\n\n"
        "US wheat and corn will face an extra 12% tariff, the ministry said. The tariff on "
        "US pork will be increased by 8%."
    )
    measures = _read(nlp, "Peru answers US duties", body)
    dated = {(m.target, m.to_rate_pct): m.effective_date for m in measures}
    assert dated.get(("USA", 12.0)) == dt.date(2024, 5, 20), dated
    assert dated.get(("USA", 8.0)) == dt.date(2024, 5, 20), dated


@pytest.mark.slow
def test_goods_a_rate_shall_not_apply_to_and_its_kind_of_duty_are_no_goods(nlp: Language) -> None:
    body = (
        "The White House said the additional 12% tariff on Peru imposed by this order shall "
        "not apply to articles listed in the annex. The additional 12 percent ad valorem duty "
        "will take effect on May 20, officials in Lima said. The US also raised the Section "
        "232 zinc tariffs on Peru to 30% on Tuesday."
    )
    products = {(m.to_rate_pct, m.products) for m in _read(nlp, "US sets Peru duties", body)}
    assert (12.0, "all goods") in products, products
    assert (30.0, "zinc") in products, products
    assert not {p for _, p in products} & {"articles", "ad valorem", "section zinc"}, products


@pytest.mark.slow
@pytest.mark.parametrize(
    ("lead", "status"),
    [
        ("Peru and the United States signed a trade deal in March.", "agreed"),
        ("Peru and the United States held trade talks in March.", "proposed"),
    ],
)
def test_a_removal_proposed_is_read_with_its_proposer(
    nlp: Language, lead: str, status: str
) -> None:
    body = (
        f"{lead} The Peruvian government has proposed to eliminate the duties on US "
        "industrial goods, officials in Lima said on Tuesday."
    )
    measures = _read(nlp, "Lima moves on US goods", body)
    found = {(m.imposer, m.target, m.to_rate_pct, m.status) for m in measures}
    assert ("PER", "USA", 0.0, status) in found, found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("verb", "status"), [("will affect", "threatened"), ("now covers", "in_force")]
)
def test_a_verb_by_which_a_tariff_hits_goods_gives_the_rate_its_tense(
    nlp: Language, verb: str, status: str
) -> None:
    body = (
        "Peru was told on Tuesday that zinc bars are left out of the US tariff. "
        f"The 40% tariff {verb} imports of zinc sheets and zinc tubes from all countries."
    )
    found = {(m.target, m.to_rate_pct, m.status) for m in _read(nlp, "US zinc tariff", body)}
    assert ("WLD", 40.0, status) in found, found


@pytest.mark.slow
def test_a_rate_told_again_with_the_takes_the_date_of_its_first_mention(nlp: Language) -> None:
    body = (
        "Peru was relieved on Tuesday when zinc bars were left out of the 40% tariff that the "
        "United States will begin imposing on May 20. The 40% tariff will affect imports of "
        "zinc sheets and zinc tubes from all countries."
    )
    dated = {(m.target, m.products): m.effective_date for m in _read(nlp, "US zinc tariff", body)}
    assert dated.get(("WLD", "zinc sheets and zinc tubes")) == dt.date(2024, 5, 20), dated
