"""Round 14 classes of acts (announcements, agreements, elections), each on sentences written
for it (partners and people of no story in the corpus):

- a deal or an announcement whose object, or whose noun, is determined by "no" is denied ("reached
  no agreement", "no deal was signed"): :func:`tariffscope.news.event_mood.not_an_event`;
- agreeing to or on a process ("agreed to further dialogue", "agreed on consultations") is no
  deal yet (rule agreement.agree_to_process, lexicon event_process_nouns);
- one party agreeing, with no partner named and not several, to a reprieve of its own measure
  ("X agreed to suspend the levy") acts alone: no agreement (rule
  agreement.agree_alone_to_reprieve, guard agrees_alone); two sides, a "with" partner, or a
  plural subject keep the deal;
- a government releasing or publishing a list, notice or schedule of the goods a measure covers
  announces the measure (rule announcement.publish_measure_list); a statement released is not;
- an election named by its noun alone, with no day, no place and no verb of holding, winning,
  losing or calling it, is the setting of the news (:func:`tariffscope.news.events._occasion_untold`);
- a measure named before the participle that imposed it, with its agent ("the tariffs imposed
  by X last month"), is that actor's announcement as "the tariffs X imposed" is (guard
  mentions_measure);
- the maker of an act in a "by" phrase of its noun ("an announcement by President X") is its
  participant, as an owner ("X's announcement") is.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_trigger_rules import build

from tariffscope.news.api import extract
from tariffscope.news.event_mood import not_an_event
from tariffscope.news.event_triggers import Trigger, trigger_of
from tariffscope.news.events import _occasion_untold
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon

PEOPLE = frozenset({"Ruto", "Museveni"})


def _person(token: object) -> bool:
    return getattr(token, "text", "") in PEOPLE


def _trigger(spec: str, index: int) -> Trigger | None:
    return trigger_of(build(spec)[index], _person)


# -- a deal or an act that is "no" deal ---------------------------------------------------------

NO_DEAL = [
    # "Nairobi reached no agreement with Kampala."
    (
        "Nairobi/PROPN/nsubj/1 reached:reach/VERB/ROOT/1/VBD no/DET/det/3 "
        "agreement/NOUN/dobj/1 with/ADP/prep/3 Kampala/PROPN/pobj/4",
        1,
        True,
    ),
    # "No accord was signed in Arusha." (the noun's own determiner)
    (
        "No/DET/det/1 accord/NOUN/nsubjpass/3 was:be/AUX/auxpass/3 signed:sign/VERB/ROOT/3/VBN "
        "in/ADP/prep/3 Arusha/PROPN/pobj/4",
        3,
        True,
    ),
    # "Nairobi reached an agreement with Kampala."
    (
        "Nairobi/PROPN/nsubj/1 reached:reach/VERB/ROOT/1/VBD an/DET/det/3 "
        "agreement/NOUN/dobj/1 with/ADP/prep/3 Kampala/PROPN/pobj/4",
        1,
        False,
    ),
]


@pytest.mark.parametrize(("spec", "index", "denied"), NO_DEAL)
def test_a_deal_that_is_no_deal_is_denied(spec: str, index: int, denied: bool) -> None:
    trig = _trigger(spec, index)
    assert trig is not None and trig.kind == "agreement"
    assert not_an_event(trig, True, default_lexicon()) is denied


# -- agreeing to a process, or alone to a reprieve ----------------------------------------------

AGREEING = [
    # "Nairobi and Kampala agreed to further dialogue on sugar." (a process: no deal yet)
    (
        "Nairobi/PROPN/nsubj/3 and/CCONJ/cc/0 Kampala/PROPN/conj/0 agreed:agree/VERB/ROOT/3/VBD "
        "to/ADP/prep/3 further/ADJ/amod/6 dialogue/NOUN/pobj/4 on/ADP/prep/6 sugar/NOUN/pobj/7",
        None,
    ),
    # "Nairobi and Kampala agreed on consultations." (a process)
    (
        "Nairobi/PROPN/nsubj/3 and/CCONJ/cc/0 Kampala/PROPN/conj/0 agreed:agree/VERB/ROOT/3/VBD "
        "on/ADP/prep/3 consultations:consultation/NOUN/pobj/4",
        None,
    ),
    # "Nairobi and Kampala agreed on a framework." (the deal)
    (
        "Nairobi/PROPN/nsubj/3 and/CCONJ/cc/0 Kampala/PROPN/conj/0 agreed:agree/VERB/ROOT/3/VBD "
        "on/ADP/prep/3 a/DET/det/6 framework/NOUN/pobj/4",
        "agreement",
    ),
    # "Ruto agreed to suspend the levy on Ugandan sugar." (one party's reprieve)
    (
        "Ruto/PROPN/nsubj/1 agreed:agree/VERB/ROOT/1/VBD to/PART/aux/3/TO "
        "suspend/VERB/xcomp/1/VB the/DET/det/5 levy/NOUN/dobj/3 on/ADP/prep/5 "
        "Ugandan/ADJ/amod/8 sugar/NOUN/pobj/6",
        None,
    ),
    # "Nairobi agreed on Monday to postpone the duties." (one government alone)
    (
        "Nairobi/PROPN/nsubj/1 agreed:agree/VERB/ROOT/1/VBD on/ADP/prep/1 Monday/PROPN/pobj/2 "
        "to/PART/aux/5/TO postpone/VERB/xcomp/1/VB the/DET/det/7 duties:duty/NOUN/dobj/5",
        None,
    ),
    # "Ruto agreed with Museveni to suspend the levy." (a partner named: a deal)
    (
        "Ruto/PROPN/nsubj/1 agreed:agree/VERB/ROOT/1/VBD with/ADP/prep/1 Museveni/PROPN/pobj/2 "
        "to/PART/aux/5/TO suspend/VERB/xcomp/1/VB the/DET/det/7 levy/NOUN/dobj/5",
        "agreement",
    ),
    # "Nairobi and Kampala agreed to suspend the levies." (two sides)
    (
        "Nairobi/PROPN/nsubj/3 and/CCONJ/cc/0 Kampala/PROPN/conj/0 agreed:agree/VERB/ROOT/3/VBD "
        "to/PART/aux/5/TO suspend/VERB/xcomp/3/VB the/DET/det/7 levies:levy/NOUN/dobj/5",
        "agreement",
    ),
    # "The two sides agreed to suspend the levies." (a plural subject)
    (
        "The/DET/det/2 two/NUM/nummod/2 sides:side/NOUN/nsubj/3/NNS agreed:agree/VERB/ROOT/3/VBD "
        "to/PART/aux/5/TO suspend/VERB/xcomp/3/VB the/DET/det/7 levies:levy/NOUN/dobj/5",
        "agreement",
    ),
]


@pytest.mark.parametrize(("spec", "kind"), AGREEING)
def test_a_deal_needs_two_parties_agreeing_on_terms(spec: str, kind: str | None) -> None:
    doc = build(spec)
    agreed = next(t for t in doc if t.lemma_ == "agree")
    trig = trigger_of(agreed, _person)
    assert (trig.kind if trig else None) == kind


# -- a list of the goods a measure covers, released ---------------------------------------------

LISTS = [
    # "Nairobi released a list of Ugandan goods facing tariffs."
    (
        "Nairobi/PROPN/nsubj/1 released:release/VERB/ROOT/1/VBD a/DET/det/3 list/NOUN/dobj/1 "
        "of/ADP/prep/3 Ugandan/ADJ/amod/6 goods/NOUN/pobj/4 facing:face/VERB/acl/6/VBG "
        "tariffs:tariff/NOUN/dobj/7",
        "announcement",
    ),
    # "Nairobi released a statement on tariffs." (a statement: what was said)
    (
        "Nairobi/PROPN/nsubj/1 released:release/VERB/ROOT/1/VBD a/DET/det/3 "
        "statement/NOUN/dobj/1 on/ADP/prep/3 tariffs:tariff/NOUN/pobj/4",
        None,
    ),
    # "Nairobi released a list of its athletes." (no measure)
    (
        "Nairobi/PROPN/nsubj/1 released:release/VERB/ROOT/1/VBD a/DET/det/3 list/NOUN/dobj/1 "
        "of/ADP/prep/3 its/PRON/poss/6 athletes:athlete/NOUN/pobj/4",
        None,
    ),
]


@pytest.mark.parametrize(("spec", "kind"), LISTS)
def test_a_list_of_goods_under_a_measure_released_is_an_announcement(
    spec: str, kind: str | None
) -> None:
    trig = _trigger(spec, 1)
    assert (trig.kind if trig else None) == kind


# -- an election as the setting of the news -----------------------------------------------------

ELECTIONS = [
    # "Tariffs cast a shadow over the election." (the setting)
    (
        "Tariffs:tariff/NOUN/nsubj/1 cast/VERB/ROOT/1/VBD a/DET/det/3 shadow/NOUN/dobj/1 "
        "over/ADP/prep/3 the/DET/det/6 election/NOUN/pobj/4",
        True,
    ),
    # "Ruto won the election." (the vote told)
    (
        "Ruto/PROPN/nsubj/1 won:win/VERB/ROOT/1/VBD the/DET/det/3 election/NOUN/dobj/1",
        False,
    ),
]


@pytest.mark.parametrize(("spec", "untold"), ELECTIONS)
def test_an_election_named_only_as_a_setting_is_no_vote_told(spec: str, untold: bool) -> None:
    doc = build(spec)
    noun = next(t for t in doc if t.lemma_ == "election")
    trig = Trigger(noun, "election", "election.noun")
    assert _occasion_untold(trig, "election", False, False, default_lexicon()) is untold
    assert _occasion_untold(trig, "election", True, False, default_lexicon()) is False


# -- the maker of an act in its "by" phrase -----------------------------------------------------


@pytest.mark.slow
def test_an_announcement_by_a_person_is_that_persons(nlp: Language) -> None:
    body = (
        "Kenya's sugar accord follows an announcement last week by President William Ruto "
        "that Nairobi would cut tariffs on Ugandan sugar to 5%."
    )
    article = article_from_text(f"published: 2025-07-16\n\nTrade news of the day\n\n{body}\n")
    events = [e for e in extract(article, nlp).events if e.kind == "announcement"]
    assert [list(e.participants) for e in events] == [["William Ruto"]]


@pytest.mark.slow
def test_an_announcement_whose_by_phrase_the_parse_hangs_on_the_verb_is_the_makers(
    nlp: Language,
) -> None:
    body = (
        "The interim accord follows an announcement earlier this week by Kenyan President "
        "William Ruto that Nairobi would reduce tariffs on Ugandan sugar from 50% to 18%, in "
        "exchange for Uganda halting purchases of Indian rice."
    )
    article = article_from_text(f"published: 2025-07-16\n\nTrade news of the day\n\n{body}\n")
    events = [e for e in extract(article, nlp).events if e.kind == "announcement"]
    assert [list(e.participants) for e in events] == [["William Ruto"]]


# -- a measure named before the participle that imposed it ---------------------------------------

IMPOSED_BY = [
    # "the tariffs imposed by Ruto last month" (the agent names who imposed them)
    (
        "the/DET/det/1 tariffs:tariff/NOUN/ROOT/1 imposed:impose/VERB/acl/1/VBN "
        "by/ADP/agent/2 Ruto/PROPN/pobj/3 last/ADJ/amod/6 month/NOUN/npadvmod/2",
        "announcement",
    ),
    # "the tariffs imposed on sugar" (a measure described, no one acting)
    (
        "the/DET/det/1 tariffs:tariff/NOUN/ROOT/1 imposed:impose/VERB/acl/1/VBN "
        "on/ADP/prep/2 sugar/NOUN/pobj/3",
        None,
    ),
]


@pytest.mark.parametrize(("spec", "kind"), IMPOSED_BY)
def test_a_measure_imposed_by_a_named_actor_is_an_announcement(spec: str, kind: str | None) -> None:
    trig = _trigger(spec, 2)
    assert (trig.kind if trig else None) == kind
