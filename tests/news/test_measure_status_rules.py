"""Measure rules as data: the rule table, and one written sentence per class of sentence.

Every sentence below was written for these tests (none comes from a development story); each
names the class it stands for. Partners vary on purpose: no rule names one partner.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from spacy.language import Language

from tariffscope.news._measure_rules import rule_specs
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.measure_status import (
    STATUS_TESTS,
    TIME_TESTS,
    StatusClues,
    StatusWords,
    TimeFacts,
    settle_by_time,
    status_rule,
)
from tariffscope.news.pipeline import process

_STATUSES = {"threatened", "in_force", "agreed", "suspended", "proposed"}


def test_every_status_rule_has_a_predicate_and_every_predicate_a_rule() -> None:
    ids = [spec.id for spec in rule_specs("status")]
    assert sorted(ids) == sorted(STATUS_TESTS)
    assert len(set(ids)) == len(ids)
    assert all(spec.status in _STATUSES and spec.reason for spec in rule_specs("status"))


def test_rule_tables_are_sorted_by_priority() -> None:
    for table in ("extract", "from_rate", "status", "status_time", "pairing"):
        priorities = [spec.priority for spec in rule_specs(table)]
        assert priorities == sorted(priorities, reverse=True)


def test_status_words_come_from_the_lexicon() -> None:
    words = StatusWords.from_lexicon(default_lexicon())
    assert {"pause", "delay", "exempt"} <= words.suspend
    assert {"offer", "propose", "seek"} <= words.propose


_PLAIN = StatusClues(
    zero=False,
    removal=False,
    removal_asked=False,
    cut=False,
    way=0,
    past_verb=False,
    verb_imposes=False,
    has_verb=False,
    continuing=False,
    took_effect=False,
    proposed=False,
    threat=False,
    deal_verb=False,
    deal_near=False,
    deal_in_sentence=False,
    effective_later=False,
    pending=False,
)


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({}, "status.in_force_default"),
        ({"way": 1}, "status.ahead"),
        # a rate's way comes from its measure verb: way 1 has a verb
        ({"way": 1, "has_verb": True, "deal_near": True}, "status.agreed_in_deal"),
        ({"deal_near": True}, "status.in_force_default"),
        ({"deal_near": True, "deal_here": True}, "status.agreed_in_deal"),
        ({"announced": True, "way": -1, "has_verb": True}, "status.announced"),
        ({"announced": True, "deal_near": True, "deal_here": True}, "status.agreed_in_deal"),
        ({"announced": True, "threat": True}, "status.threat_word"),
        ({"announced": True, "continuing": True}, "status.continuing"),
        (
            {"same_as_before": True, "way": 1, "has_verb": True, "deal_near": True},
            "status.same_as_set_before",
        ),
        ({"way": 1, "threat": True, "deal_near": True}, "status.threat_word"),
        ({"removal": True, "threat": True}, "status.suspended_by_removal"),
        # a removal only sought leaves the rate collected, even with a verb that looks ahead
        ({"removal": True, "removal_asked": True}, "status.removal_sought"),
        ({"removal": True, "removal_asked": True, "way": 1}, "status.removal_sought"),
        ({"removal": True, "removal_asked": True, "zero": True}, "status.in_force_default"),
        ({"removal": True, "zero": True, "way": 1}, "status.zero_by_removal_ahead"),
        ({"cut": True, "way": -1}, "status.cut_done"),
        ({"cut": True, "way": -1, "deal_in_sentence": True}, "status.cut_ahead"),
        ({"continuing": True, "way": 1}, "status.continuing"),
        ({"proposed": True, "threat": True}, "status.proposed"),
        ({"deal_verb": True, "way": -1, "past_verb": True}, "status.agreed_by_verb"),
        ({"effective_later": True}, "status.effective_later"),
        ({"pending": True, "way": -1, "verb_imposes": True}, "status.in_force_default"),
    ],
)
def test_precedence_of_status_rules(changes: dict[str, object], rule: str) -> None:
    assert status_rule(dataclasses.replace(_PLAIN, **changes), default_lexicon()).id == rule


# -- written sentences, one per class (the parse is the point: trained model) ---------------

_LEAD = "US President Donald Trump spoke to reporters at the White House.\n\n"


def _measures(nlp: Language, sentence: str) -> list[dict[str, object]]:
    article = article_from_text(f"published: 2025-08-01\n\n{_LEAD}{sentence}\n")
    doc = process(article, nlp)
    return list(doc._.tariffscope_measures)


def _only(nlp: Language, sentence: str, rate: float) -> dict[str, object]:
    found = [m for m in _measures(nlp, sentence) if m["to_rate"] == rate]
    assert len(found) == 1, _measures(nlp, sentence)
    return found[0]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "rate", "status"),
    [
        # a threat verb, a letter, a conditional, "set to", "would face"
        ("Trump threatened a 30% tariff on Mexican goods.", 30.0, "threatened"),
        ("Mexico would face a 30% tariff if no deal is reached.", 30.0, "threatened"),
        ("Tariffs on Korean goods are set to rise to 25%.", 25.0, "threatened"),
        # continuity, a past effect verb
        ("Brazilian exporters currently pay a 50% duty on coffee.", 50.0, "in_force"),
        ("The 20% tariff on Vietnamese goods took effect on Thursday.", 20.0, "in_force"),
        # a deal verb over the rate, a deal word with a future cut
        ("Indonesia agreed to a 19% tariff on its exports to the United States.", 19.0, "agreed"),
        ("Tariffs on Swiss watches will be lowered to 15% under the deal.", 15.0, "agreed"),
        # pause, delay, exemption
        ("Washington delayed the 25% tariff on Mexican cars by a month.", 25.0, "suspended"),
        ("Trump exempted Brazilian orange juice from the 40% tariff.", 40.0, "suspended"),
        # offer, proposal, seeking
        ("India has proposed a 10% tariff on US almonds.", 10.0, "proposed"),
        ("The EU is seeking a 10% rate on its wine exports to the US.", 10.0, "proposed"),
    ],
)
def test_status_of_a_class_of_sentences(
    nlp: Language, sentence: str, rate: float, status: str
) -> None:
    measure = _only(nlp, sentence, rate)
    assert measure["status"] == status
    assert measure["status_rule"] in STATUS_TESTS


@pytest.mark.slow
def test_a_partner_freeing_a_share_of_us_goods_is_its_zero_tariff_on_them(nlp: Language) -> None:
    measure = _only(nlp, "Chile will remove tariffs on 98% of American goods.", 0.0)
    assert (measure["imposer"], measure["target"]) == ("CHL", "USA")
    assert measure["rule"] == "extract.share_of_goods_freed"


@pytest.mark.slow
def test_a_partner_granting_zero_tariffs_on_us_goods(nlp: Language) -> None:
    sentence = "Under the agreement, Malaysia will grant zero tariffs on American goods."
    measure = _only(nlp, sentence, 0.0)
    assert (measure["imposer"], measure["target"], measure["status"]) == ("MYS", "USA", "agreed")


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Any transshipment through Malaysia will be hit with a 40% levy.",
        "The deal sets a 20% tariff on Cambodian goods and 40% on transshipped goods.",
    ],
)
def test_a_transshipment_rate_names_transshipped_goods(nlp: Language, sentence: str) -> None:
    assert _only(nlp, sentence, 40.0)["products"] == "transshipped goods"


@pytest.mark.slow
def test_the_main_rate_of_a_deal_with_a_transshipment_rate_stays_on_all_goods(
    nlp: Language,
) -> None:
    sentence = "The deal sets a 20% tariff on Cambodian goods and 40% on transshipped goods."
    assert _only(nlp, sentence, 20.0)["products"] == "all goods"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "rate", "from_rate", "rule"),
    [
        (
            "The US cut its tariff on Swiss watches from 39% to 15%.",
            15.0,
            39.0,
            "from.pair_from_to",
        ),
        (
            "The duty on Canadian lumber rose to 35%, up from 14%.",
            35.0,
            14.0,
            "from.pair_to_from",
        ),
        ("Washington doubled the tariff on Indian textiles to 50%.", 50.0, 25.0, "from.multiplier"),
        (
            "Beijing said it would lower its 34% tariff on US goods to 10% under the truce.",
            10.0,
            34.0,
            "from.change_argument",
        ),
    ],
)
def test_from_rates_of_a_change(
    nlp: Language, sentence: str, rate: float, from_rate: float, rule: str
) -> None:
    measure = _only(nlp, sentence, rate)
    assert (measure["from_rate"], measure["from_rule"]) == (from_rate, rule)


@pytest.mark.slow
def test_an_addition_is_the_measure_not_the_total(nlp: Language) -> None:
    sentence = "Trump imposed an additional 25% tariff on Brazil, bringing the total to 50%."
    rates = sorted(m["to_rate"] for m in _measures(nlp, sentence))
    assert rates == [25.0]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "target", "products"),
    [
        ("Under the deal, cars from Korea will be taxed at 15%.", "KOR", "cars"),
        ("Under the framework, Swiss watches will be charged at 15%.", "CHE", "watches"),
    ],
)
def test_a_sectoral_rate_laid_by_a_taxing_verb(
    nlp: Language, sentence: str, target: str, products: str
) -> None:
    measure = _only(nlp, sentence, 15.0)
    assert (measure["target"], measure["products"], measure["status"]) == (
        target,
        products,
        "agreed",
    )
    assert measure["rule"] == "extract.rate_of_taxing_verb"


@pytest.mark.slow
def test_the_rate_a_change_starts_from_is_collected_now(nlp: Language) -> None:
    sentence = "Beijing said it would lower its 34% tariff on US goods to 10% under the truce."
    assert _only(nlp, sentence, 34.0)["status"] == "in_force"
    assert _only(nlp, sentence, 10.0)["status"] == "agreed"


def test_every_rule_id_a_record_can_carry_is_in_the_rule_file() -> None:
    import re
    from pathlib import Path

    import tariffscope.news as news

    known = {
        spec.id
        for table in ("extract", "from_rate", "status", "status_time", "context", "pairing")
        for spec in rule_specs(table)
    }
    folder = Path(news.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in folder.glob("*.py"))
    used = set(re.findall(r'"((?:extract|from|status|merge|context|pair)\.[a-z_]+)"', source))
    assert used <= known, used - known


# -- classes added from the train split's errors (sentences written here) ----------------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "rate", "status"),
    [
        # the infinitive of a promise or a decision is still to come
        ("The president vowed to impose 35% tariffs on Peruvian goods.", 35.0, "threatened"),
        (
            "Ottawa instructed its trade minister to raise duties on US steel to 30%.",
            30.0,
            "threatened",
        ),
        # ... and a decided cut is agreed
        ("Washington has decided to lower tariffs on Kenyan goods to 12%.", 12.0, "agreed"),
        # a passive infinitive of removal after the tariff that heads the clause
        ("Additional 20% duty linked to Thai rice exports to be scrapped.", 20.0, "suspended"),
        # round 14 (the other side of each class in test_measure_status_round14.py)
        # a removal completing the rate's verb suspends it
        ("Peru's 30% levy on American corn will stay suspended until March.", 30.0, "suspended"),
        (
            "Kenya said its 12% duty on US wheat remains paused while talks go on.",
            12.0,
            "suspended",
        ),
        # the infinitive of a noun of decision looks ahead (below "after" or "following" it
        # is what came before: test_measure_status_round15b.py)
        (
            "Exporters in Ghana are worried about Washington's decision to impose a 35% tariff "
            "on Ghanaian cocoa.",
            35.0,
            "threatened",
        ),
        (
            "Chile's copper miners reacted to the US intention to raise its tariff on Chilean "
            "copper to 40%.",
            40.0,
            "threatened",
        ),
        # a cut only sought is proposed
        (
            "Colombia's trade minister travels to Washington in the hope of securing a cut in "
            "the US tariff on Colombian flowers from 25% to 12%.",
            12.0,
            "proposed",
        ),
        (
            "Ecuador wants the United States to lower its tariff on Ecuadorian bananas from 20% "
            "to 10%.",
            10.0,
            "proposed",
        ),
        # an offer above "following" does not frame the rate
        (
            "Uruguay will seek talks with Washington following the imposition of a 15% tariff "
            "on Uruguayan beef.",
            15.0,
            "in_force",
        ),
        # a removal only sought leaves the rate in force
        (
            "Argentina wants to see an end to the 25% US tariff on Argentine steel.",
            25.0,
            "in_force",
        ),
        ("Kenya urged Washington to lift the 10% tariff on Kenyan tea.", 10.0, "in_force"),
    ],
)
def test_status_of_an_intended_or_removed_measure(
    nlp: Language, sentence: str, rate: float, status: str
) -> None:
    assert _only(nlp, sentence, rate)["status"] == status


@pytest.mark.slow
def test_a_deal_noun_used_as_a_verb_is_no_deal(nlp: Language) -> None:
    sentence = (
        "He said the exchanged prisoners were returning home. "
        "Trump promised to impose 40% tariffs on Ghanaian cocoa."
    )
    assert _only(nlp, sentence, 40.0)["status"] == "threatened"


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Tariffs on Omani goods fell to 10%, a 15% reduction on the year.",
        "The fund took a 12% stake in a tariff-hit carmaker.",
    ],
)
def test_a_rate_of_a_change_or_share_is_no_measure(nlp: Language, sentence: str) -> None:
    rates = {m["to_rate"] for m in _measures(nlp, sentence)}
    assert 15.0 not in rates and 12.0 not in rates


@pytest.mark.slow
def test_a_degree_adjective_names_no_goods(nlp: Language) -> None:
    sentence = "Algeria was hit last month by a sweeping 30% tariff."
    assert _only(nlp, sentence, 30.0)["products"] == "all goods"


def test_status_words_read_the_intent_and_passive_removal_words() -> None:
    words = StatusWords.from_lexicon(default_lexicon())
    assert {"promise", "vow"} <= words.intent
    assert "drop" in words.suspend_passive


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Trump's proclamation last week setting tariffs on Thai goods at 18% did not include "
        "rice, after the pact.",
        "The White House published a proclamation setting tariffs on Thai goods at 18%, under "
        "the pact.",
    ],
)
def test_a_rate_set_by_a_legal_act_is_in_force(nlp: Language, sentence: str) -> None:
    measure = _only(nlp, sentence, 18.0)
    assert (measure["status"], measure["status_rule"]) == ("in_force", "status.enacted")


@pytest.mark.slow
def test_headline_words_before_a_deal_noun_are_not_goods(nlp: Language) -> None:
    sentence = "Leaders Seal Kenya Trade Pact Cutting Tariff Rate to 12%"
    assert _only(nlp, sentence, 12.0)["products"] == "all goods"


@pytest.mark.slow
def test_an_abstract_object_of_on_or_for_names_no_goods(nlp: Language) -> None:
    sentence = "He warned Laos that whatever happens, for any reason, a 30% tariff will come."
    assert _only(nlp, sentence, 30.0)["products"] == "all goods"


@pytest.mark.slow
def test_the_agent_of_a_tariff_lays_the_rate_of_its_relative_clause(nlp: Language) -> None:
    sentence = (
        "Norway's government is pursuing a deal with the US to soften duties imposed by "
        "Mr Trump last month, which placed a 20% levy on all Norwegian exports."
    )
    measure = _only(nlp, sentence, 20.0)
    assert (measure["imposer"], measure["target"]) == ("USA", "NOR")


@pytest.mark.slow
def test_the_country_a_relative_clause_gives_the_rate_is_its_target(nlp: Language) -> None:
    sentence = "Peru said the deal beats the 25% duty that Washington gave Chile."
    assert _only(nlp, sentence, 25.0)["target"] == "CHL"


@pytest.mark.slow
def test_goods_exempted_from_a_rate_are_its_suspended_goods(nlp: Language) -> None:
    sentence = "Coffee and bananas from Ecuador are exempted from the 15% tariff."
    measure = _only(nlp, sentence, 15.0)
    assert (measure["products"], measure["status"]) == ("coffee and bananas", "suspended")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "rate", "products"),
    [
        (
            "Lima also pledged to cut tariffs to 3 percent on another 15 categories, mainly "
            "farm machinery.",
            3.0,
            "farm machinery",
        ),
        (
            "Some 900 tariff lines, comprising export goods such as tea and spices, are "
            "exempted from the 18% rate.",
            18.0,
            "tea and spices",
        ),
    ],
)
def test_tariff_lines_stand_for_the_goods_they_cover(
    nlp: Language, sentence: str, rate: float, products: str
) -> None:
    assert _only(nlp, sentence, rate)["products"] == products


@pytest.mark.slow
def test_examples_of_a_broad_scope_leave_the_scope(nlp: Language) -> None:
    sentence = "Exporters bear a 30% tariff on Chilean imports, including wine and salmon."
    assert _only(nlp, sentence, 30.0)["products"] == "all goods"


@pytest.mark.slow
def test_an_origin_hung_on_the_verb_is_the_goods_origin(nlp: Language) -> None:
    sentence = (
        "Kenya's trade ministry said the two proposals would eliminate most tariffs on "
        "industrial and farm goods from the United States, while also providing for a review."
    )
    measure = _only(nlp, sentence, 0.0)
    assert (measure["imposer"], measure["target"]) == ("KEN", "USA")


@pytest.mark.slow
def test_a_planned_rate_raised_by_a_participle_from_an_earlier_one(nlp: Language) -> None:
    measure = _only(nlp, "Ottawa plans a 20% duty on US steel, raising it from 10%.", 20.0)
    assert (measure["from_rate"], measure["status"]) == (10.0, "threatened")
    assert measure["from_rule"] == "from.pair_participle_from"
    assert not [
        m
        for m in _measures(nlp, "Ottawa plans a 20% duty, raising it from 10%.")
        if m["to_rate"] == 10.0
    ]


@pytest.mark.slow
def test_a_removal_clause_beside_a_rate_is_a_zero_rate(nlp: Language) -> None:
    sentence = (
        "Under the deal, American tariffs on Kenyan cars fall to 10% for the first 5,000 "
        "vehicles, while tariffs on Kenyan steel are scrapped."
    )
    measure = _only(nlp, sentence, 0.0)
    assert (measure["products"], measure["status"]) == ("steel", "agreed")
    assert _only(nlp, sentence, 10.0)["products"] == "cars"


# -- a deal named near a rate that the deal does not set (sentences written here) ----------


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "rate", "status"),
    [
        # the deal is the condition that is not met: the rate is the threat
        (
            "Without a deal, a 25% tariff on Kenyan goods will take effect on Aug. 1.",
            25.0,
            "threatened",
        ),
        ("Absent an agreement, Peru faces a 30% tariff from next month.", 30.0, "threatened"),
        # a deal only negotiated leaves the rate collected now in force
        ("Chile, which faces a 10% tariff, is negotiating a deal to lower it.", 10.0, "in_force"),
        # a removal only urged in a complement clause leaves the rate in force
        (
            "Ottawa has urged that Washington lift the 25% tariff on Canadian lumber.",
            25.0,
            "in_force",
        ),
        # a deal that frames the clause settles a coordinated verb's rate, past a threat word
        # in the other conjunct
        (
            "Under the accord, Kenya will avoid the threatened 30% tariffs and instead face a "
            "10% rate.",
            10.0,
            "agreed",
        ),
    ],
)
def test_a_deal_that_does_not_set_the_rate(
    nlp: Language, sentence: str, rate: float, status: str
) -> None:
    assert _only(nlp, sentence, rate)["status"] == status


# -- round 12: time decides before the frames, the mood of the tariff's own clause, and a deal
# -- that sets a rate only from its own clause (sentences written here) ---------------------


_AFTER = TimeFacts(after=True, before=False, suspended=False)
_BEFORE = TimeFacts(after=False, before=True, suspended=False)
_BEFORE_PAUSED = TimeFacts(after=False, before=True, suspended=True)


def test_every_time_rule_has_a_predicate_and_overrides_a_status() -> None:
    specs = rule_specs("status_time")
    assert sorted(spec.id for spec in specs) == sorted(TIME_TESTS)
    assert all(spec.status in _STATUSES and spec.reason for spec in specs)
    assert all(set(spec.overrides) <= _STATUSES - {spec.status} for spec in specs)
    assert all(spec.overrides for spec in specs)


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        # a date after publication: no continuity frame makes the rate collected now
        (
            {"effective_later": True, "time": _AFTER, "continuing": True},
            "status.time_after_publication",
        ),
        (
            {"effective_later": True, "time": _AFTER, "cut": True, "way": -1},
            "status.time_after_publication",
        ),
        # ... but it leaves a deal's or an offer's status to the frame
        ({"effective_later": True, "time": _AFTER, "deal_verb": True}, "status.agreed_by_verb"),
        ({"effective_later": True, "time": _AFTER, "proposed": True}, "status.proposed"),
        # a date before publication: a threat or announcement has been carried out
        ({"time": _BEFORE, "threat": True}, "status.time_before_publication"),
        ({"time": _BEFORE, "way": 1}, "status.time_before_publication"),
        # ... unless the rate is paused or lifted, or a deal sets it (a retroactive cut)
        ({"time": _BEFORE_PAUSED, "removal": True}, "status.suspended_by_removal"),
        ({"time": _BEFORE, "cut": True, "way": 1}, "status.cut_ahead"),
        # no date known: the frame decides
        ({"threat": True}, "status.threat_word"),
    ],
)
def test_a_known_effective_date_overrides_the_frame(changes: dict[str, object], rule: str) -> None:
    assert status_rule(dataclasses.replace(_PLAIN, **changes), default_lexicon()).id == rule


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "rate", "status", "rule"),
    [
        # a threat whose effective date has passed has been carried out
        (
            "Trump threatened a 25% tariff on Colombian goods from July 20.",
            25.0,
            "in_force",
            "status.time_before_publication",
        ),
        # continuity from a date still ahead is not collection now
        (
            "The 25% tariff on Bolivian goods will remain in force from August 20 until the "
            "talks end.",
            25.0,
            "threatened",
            "status.time_after_publication",
        ),
    ],
)
def test_status_of_a_rate_with_a_known_effective_date(
    nlp: Language, sentence: str, rate: float, status: str, rule: str
) -> None:
    measure = _only(nlp, sentence, rate)
    assert (measure["status"], measure["status_rule"]) == (status, rule)


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        # a schedule frame with its infinitive on the tariff noun
        "Chile faces a 30% tariff due to kick in next week.",
        "Trump imposed a 25% tariff on Peruvian goods set to take effect on August 20.",
        # an infinitive on the tariff noun
        "Kenyan tea faces 20% duties to be imposed later this month.",
        # a relative clause with a future verb
        "Exporters in Ghana are bracing for a 15% tariff that will apply to cocoa.",
    ],
)
def test_a_tariff_whose_own_clause_looks_ahead_is_still_to_come(
    nlp: Language, sentence: str
) -> None:
    (measure,) = _measures(nlp, sentence)
    assert measure["status"] == "threatened"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "rate"),
    [
        # the rate lies in a participle clause of what came before
        ("The new pact is expected to lift trade with Kenya, after facing a 30% tariff.", 30.0),
        # the rate lies in a relative clause on another argument of the deal's clause
        ("The agreement will be a relief for Zambia, which faces a 15% tariff.", 15.0),
    ],
)
def test_a_deal_told_in_another_clause_does_not_set_the_rate(
    nlp: Language, sentence: str, rate: float
) -> None:
    assert _only(nlp, sentence, rate)["status"] == "in_force"


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        # a deal that frames the clause frames the relative clause inside it
        "Under the accord, Peru will pay a 10% tariff, except for copper, which will face a 0% "
        "tariff.",
        # ... and the clause of contrast paired with it
        "Under the deal, Ecuador will pay a 15% tariff, while US goods will enter Ecuador at a "
        "0% tariff.",
    ],
)
def test_a_deal_frame_reaches_the_clauses_it_holds(nlp: Language, sentence: str) -> None:
    assert _only(nlp, sentence, 0.0)["status"] == "agreed"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "rate", "status"),
    [
        # a change only offered is a proposal, whatever the tense of the offer
        ("India offered to cut its tariffs on US almonds to 10%.", 10.0, "proposed"),
        # a cut told by a finite verb in the present, outside a deal, is collected now
        ("The tariff on Swiss watches is now 15%, down from 39%.", 15.0, "in_force"),
        ("Vietnamese goods now face a 20% tariff, down from 46%.", 20.0, "in_force"),
        # a rate a deal averts is the threat, not the deal's rate
        ("The agreement averts a 30% tariff on Thai goods.", 30.0, "threatened"),
        ("The deal staves off a 35% tariff on Peruvian goods.", 35.0, "threatened"),
    ],
)
def test_status_of_an_offered_a_present_or_an_averted_change(
    nlp: Language, sentence: str, rate: float, status: str
) -> None:
    assert _only(nlp, sentence, rate)["status"] == status


def test_an_undated_story_gives_no_time_fact() -> None:
    assert TimeFacts.of("2025-08-01", None, False) == TimeFacts(False, False, False)
    assert TimeFacts.of(None, dt.date(2025, 8, 1), False) == TimeFacts(False, False, False)
    assert TimeFacts.of("2025-08-01", dt.date(2025, 8, 1), False) == TimeFacts(False, False, False)


def test_the_time_rules_settle_the_merged_measures() -> None:
    anchor = dt.date(2025, 8, 1)
    measures = [
        {"status": "in_force", "effective_date": "2025-08-20", "status_rule": "x"},
        {"status": "threatened", "effective_date": "2025-07-20", "status_rule": "x"},
        {"status": "suspended", "effective_date": "2025-07-20", "status_rule": "x"},
        {"status": "agreed", "effective_date": "2025-08-20", "status_rule": "x"},
        {"status": "in_force", "effective_date": None, "status_rule": "x"},
    ]
    settled = settle_by_time(measures, anchor, default_lexicon())
    assert measures[0]["status"] == "in_force"  # new records; the merged ones stay
    assert settled[2] is measures[2]  # a status no time rule changes: the record itself
    assert [(m["status"], m["status_rule"]) for m in settled] == [
        ("threatened", "status.time_after_publication"),
        ("in_force", "status.time_before_publication"),
        ("suspended", "x"),
        ("agreed", "x"),
        ("in_force", "x"),
    ]
