"""Each event-trigger rule of ``news/data/event_rules.json`` on a sentence written for it.

The sentences are hand-built ``Doc`` objects (words, heads, labels, lemmas, tags): the parse is
given, so the tests check the rules and need no trained model. A spec is
``word[:lemma]/POS/dep/head[/TAG[/ENT]]`` per token; ``head`` is the index of the head.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from tariffscope.errors import DataFileError
from tariffscope.news.event_triggers import (
    RuleContext,
    compile_rules,
    default_rules,
    expanded_pattern,
    find_triggers,
    load_rules,
    trigger_of,
)
from tariffscope.news.lexicon import default_lexicon

_TAGS = {"VERB": "VB", "NOUN": "NN", "PROPN": "NNP", "ADP": "IN", "DET": "DT", "ADJ": "JJ"}
VOCAB = spacy.blank("en").vocab  # with the English lexical attributes (LOWER)


def build(spec: str) -> Doc:
    """A parsed ``Doc`` from a spec (see the module docstring)."""
    words, lemmas, pos, deps, heads, tags, ents = [], [], [], [], [], [], []
    for item in spec.split():
        parts = item.split("/")
        word, _, lemma = parts[0].partition(":")
        words.append(word)
        lemmas.append(lemma or word.lower())
        pos.append(parts[1])
        deps.append(parts[2])
        heads.append(int(parts[3]))
        tags.append(parts[4] if len(parts) > 4 and parts[4] else _TAGS.get(parts[1], "XX"))
        ents.append(f"B-{parts[5]}" if len(parts) > 5 else "O")
    return Doc(
        VOCAB,
        words=words,
        lemmas=lemmas,
        pos=pos,
        deps=deps,
        heads=heads,
        tags=tags,
        ents=ents,
    )


PEOPLE = frozenset({"Lula", "Macron", "Modi", "Carney", "Meloni", "Trump", "Albanese"})


def _person(token: object) -> bool:
    return getattr(token, "text", "") in PEOPLE


# (rule id, spec, index of the word, kind it names or None)
CASES: list[tuple[str, str, int, str | None]] = [
    (
        "announcement.send_letter",
        "Carney/PROPN/nsubj/1 sent:send/VERB/ROOT/1/VBD a/DET/det/3 letter/NOUN/dobj/1 "
        "to/ADP/prep/1 Lula/PROPN/pobj/4",
        1,
        "announcement",
    ),
    (
        "call.verb_person",
        "Lula/PROPN/nsubj/1 called:call/VERB/ROOT/1/VBD Macron/PROPN/dobj/1",
        1,
        "call",
    ),
    (
        "call.speak_by_phone",
        "Carney/PROPN/nsubj/1 spoke:speak/VERB/ROOT/1/VBD by/ADP/prep/1 phone/NOUN/pobj/2",
        1,
        "call",
    ),
    (
        "call.speak_to_person",
        "Carney/PROPN/nsubj/1 spoke:speak/VERB/ROOT/1/VBD to/ADP/prep/1 Meloni/PROPN/pobj/2 "
        "over/ADP/prep/1 the/DET/det/6 weekend/NOUN/pobj/4",
        1,
        "call",
    ),
    (
        "other.court_ruling",
        "The/DET/det/2 Supreme/PROPN/compound/2 Court/PROPN/nsubj/3 struck:strike/VERB/ROOT/3/VBD "
        "down/ADP/prt/3 the/DET/det/6 tariffs:tariff/NOUN/dobj/3",
        3,
        "other",
    ),
    (
        "other.court_decision",
        "the/DET/det/2 court/NOUN/compound/2 decision/NOUN/nsubj/3 angered:anger/VERB/ROOT/3/VBD "
        "Ottawa/PROPN/dobj/3",
        2,
        "other",
    ),
    (
        "other.court_hearing",
        "the/DET/det/2 Supreme/PROPN/compound/2 Court/PROPN/nsubj/3 heard:hear/VERB/ROOT/3/VBD "
        "oral/ADJ/amod/5 arguments:argument/NOUN/dobj/3",
        3,
        "other",
    ),
    (
        "other.testimony",
        "Greer/PROPN/nsubj/1 testified:testify/VERB/ROOT/1/VBD before/ADP/prep/1 "
        "the/DET/det/4 committee/NOUN/pobj/2",
        1,
        "other",
    ),
    (
        "other.court_order",
        "the/DET/det/2 appeals/NOUN/compound/2 court/NOUN/nsubj/3 issued:issue/VERB/ROOT/3/VBD "
        "an/DET/det/5 order/NOUN/dobj/3",
        5,
        "other",
    ),
    (
        "call.speak_in_person",
        "Carney/PROPN/nsubj/1 spoke:speak/VERB/ROOT/1/VBD to/ADP/prep/1 reporters:reporter/NOUN/pobj/2",
        1,
        None,
    ),
    (
        "meeting.verb",
        "Albanese/PROPN/nsubj/1 met:meet/VERB/ROOT/1/VBD Modi/PROPN/dobj/1",
        1,
        "meeting",
    ),
    (
        "meeting.visit_person",
        "Meloni/PROPN/nsubj/1 visited:visit/VERB/ROOT/1/VBD Trump/PROPN/dobj/1",
        1,
        "meeting",
    ),
    (
        "meeting.host_person",
        "Carney/PROPN/nsubj/1 hosted:host/VERB/ROOT/1/VBD Meloni/PROPN/dobj/1 in/ADP/prep/1 "
        "Ottawa/PROPN/pobj/3",
        1,
        "meeting",
    ),
    (
        "meeting.confer_with_party",
        "Lula/PROPN/nsubj/1 conferred:confer/VERB/ROOT/1/VBD with/ADP/prep/1 Modi/PROPN/pobj/2 "
        "on/ADP/prep/1 Friday/PROPN/pobj/4//DATE",
        1,
        "meeting",
    ),
    (
        "call.speak_together",
        "Lula/PROPN/nsubj/3 and/CCONJ/cc/0 Modi/PROPN/conj/0 spoke:speak/VERB/ROOT/3/VBD "
        "on/ADP/prep/3 Friday/PROPN/pobj/4//DATE",
        3,
        "call",
    ),
    (
        "call.remote_conference",
        "Lula/PROPN/nsubj/1 joined:join/VERB/ROOT/1/VBD a/DET/det/4 video/NOUN/compound/4 "
        "conference/NOUN/dobj/1 with/ADP/prep/4 Modi/PROPN/pobj/5",
        4,
        "call",
    ),
    (
        "visit.travel_verb",
        "The/DET/det/1 minister/NOUN/nsubj/2 flew:fly/VERB/ROOT/2/VBD to/ADP/prep/2 Seoul/PROPN/pobj/3",
        2,
        "visit",
    ),
    (
        "talks.negotiate_verb",
        "Canada/PROPN/nsubj/1 negotiated:negotiate/VERB/ROOT/1/VBD with/ADP/prep/1 Mexico/PROPN/pobj/2",
        1,
        "talks",
    ),
    (
        "talks.verb_object",
        "The/DET/det/1 envoys:envoy/NOUN/nsubj/2 resumed:resume/VERB/ROOT/2/VBD talks:talk/NOUN/dobj/2",
        2,
        "talks",
    ),
    (
        "talks.verb_round",
        "Envoys:envoy/NOUN/nsubj/1 held:hold/VERB/ROOT/1/VBD a/DET/det/4 new/ADJ/amod/4 "
        "round/NOUN/dobj/1 of/ADP/prep/4 talks:talk/NOUN/pobj/5",
        1,
        "talks",
    ),
    (
        "agreement.agree_that",
        "Both/DET/det/1 sides:side/NOUN/nsubj/2 agreed:agree/VERB/ROOT/2/VBD that/ADP/mark/5 "
        "progress/NOUN/nsubjpass/5 was:be/AUX/auxpass/5 made:make/VERB/ccomp/2/VBN",
        2,
        None,
    ),
    (
        "agreement.agree_to_keep_working",
        "They/PRON/nsubj/1 agreed:agree/VERB/ROOT/1/VBD to/PART/aux/3 work/VERB/xcomp/1 "
        "toward/ADP/prep/3 a/DET/det/6 pact/NOUN/pobj/4",
        1,
        None,
    ),
    (
        "agreement.agree_to_keep_working_apart",
        "They/PRON/nsubj/1 agreed:agree/VERB/ROOT/1/VBD in/ADP/prep/1 talks:talk/NOUN/pobj/2 "
        "to/PART/aux/5 continue/VERB/advcl/1 negotiations:negotiation/NOUN/dobj/5",
        1,
        None,
    ),
    (
        "agreement.agree_to_other_act",
        "They/PRON/nsubj/1 agreed:agree/VERB/ROOT/1/VBD to/PART/aux/3 stay/VERB/xcomp/1 "
        "in/ADP/prep/3 contact/NOUN/pobj/4",
        1,
        None,
    ),
    (
        "agreement.agree_to_process",
        "They/PRON/nsubj/1 agreed:agree/VERB/ROOT/1/VBD to/ADP/prep/1 regular/ADJ/amod/4 "
        "consultations:consultation/NOUN/pobj/2",
        1,
        None,
    ),
    (
        "agreement.agree_alone_to_reprieve",
        "Lula/PROPN/nsubj/1 agreed:agree/VERB/ROOT/1/VBD to/PART/aux/3 pause/VERB/xcomp/1 "
        "the/DET/det/5 levies:levy/NOUN/dobj/3",
        1,
        None,
    ),
    (
        "agreement.agree_verb",
        "The/DET/det/1 ministers:minister/NOUN/nsubj/2 agreed:agree/VERB/ROOT/2/VBD on/ADP/prep/2 "
        "tariff/NOUN/compound/5 cuts:cut/NOUN/pobj/3",
        2,
        "agreement",
    ),
    (
        "agreement.deal_verb_object",
        "Seoul/PROPN/nsubj/1 sealed:seal/VERB/ROOT/1/VBD a/DET/det/3 pact/NOUN/dobj/1",
        1,
        "agreement",
    ),
    (
        "agreement.joint_statement",
        "The/DET/det/1 governments:government/NOUN/nsubj/2 released:release/VERB/ROOT/2/VBD "
        "a/DET/det/5 joint/ADJ/amod/5 statement/NOUN/dobj/2",
        2,
        "agreement",
    ),
    (
        "agreement.freshly_signed_noun",
        "Albanese/PROPN/nsubj/1 showed:show/VERB/ROOT/1/VBD a/DET/det/5 newly/ADV/advmod/4 "
        "signed:sign/VERB/amod/5/VBN pact/NOUN/dobj/1",
        5,
        "agreement",
    ),
    (
        "agreement.deal_made_before_it",
        "Signed:sign/VERB/advcl/5/VBN in/ADP/prep/0 Lima/PROPN/pobj/1 the/DET/det/4 "
        "accord/NOUN/nsubj/5 cuts:cut/VERB/ROOT/5/VBZ tariffs:tariff/NOUN/dobj/5",
        0,
        "agreement",
    ),
    (
        "agreement.reaffirm_terms",
        "Both/DET/det/1 leaders:leader/NOUN/nsubj/2 reaffirmed:reaffirm/VERB/ROOT/2/VBD "
        "the/DET/det/4 terms:term/NOUN/dobj/2",
        2,
        "agreement",
    ),
    (
        "announcement.sign_order",
        "The/DET/det/1 president/NOUN/nsubj/2 signed:sign/VERB/ROOT/2/VBD an/DET/det/4 order/NOUN/dobj/2",
        2,
        "announcement",
    ),
    (
        "announcement.order_signed",
        "Lula/PROPN/poss/2 new/ADJ/amod/2 decree/NOUN/ROOT/2 ,/PUNCT/punct/2 "
        "signed:sign/VERB/acl/2/VBN on/ADP/prep/4 Monday/PROPN/pobj/5",
        4,
        "announcement",
    ),
    (
        "announcement.take_action",
        "Ottawa/PROPN/nsubj/1 took:take/VERB/ROOT/1/VBD action/NOUN/dobj/1",
        1,
        "announcement",
    ),
    (
        "announcement.reports_a_deal",
        "Lima/PROPN/nsubj/1 announced:announce/VERB/ROOT/1/VBD that/SCONJ/mark/4 "
        "it/PRON/nsubj/4 signed:sign/VERB/ccomp/1/VBD a/DET/det/6 pact/NOUN/dobj/4 "
        "cutting:cut/VERB/acl/6/VBG tariffs:tariff/NOUN/dobj/7",
        1,
        None,
    ),
    (
        "announcement.announce_verb",
        "Brussels/PROPN/nsubj/1 announced:announce/VERB/ROOT/1/VBD countermeasures/NOUN/dobj/1",
        1,
        "announcement",
    ),
    (
        "announcement.measure_verb",
        "Beijing/PROPN/nsubj/1 raised:raise/VERB/ROOT/1/VBD duties:duty/NOUN/dobj/1",
        1,
        "announcement",
    ),
    (
        "announcement.took_effect",
        "Tariffs:tariff/NOUN/nsubj/1 went:go/VERB/ROOT/1/VBD into/ADP/prep/1 effect/NOUN/pobj/2",
        1,
        "announcement",
    ),
    (
        "announcement.publish_measure_list",
        "Ottawa/PROPN/nsubj/1 published:publish/VERB/ROOT/1/VBD a/DET/det/3 list/NOUN/dobj/1 "
        "of/ADP/prep/3 goods/NOUN/pobj/4 facing:face/VERB/acl/5/VBG "
        "tariffs:tariff/NOUN/dobj/6",
        1,
        "announcement",
    ),
    (
        "announcement.speaker_act",
        "Albanese/PROPN/nsubj/1 said:say/VERB/ROOT/1/VBD he/PRON/nsubj/5 will/AUX/aux/5/MD "
        "soon/ADV/advmod/5 raise/VERB/ccomp/1/VB tariffs:tariff/NOUN/dobj/5",
        1,
        "announcement",
    ),
    (
        "visit.lead_delegation",
        "Albanese/PROPN/nsubj/1 led:lead/VERB/ROOT/1/VBD a/DET/det/3 delegation/NOUN/dobj/1 "
        "to/ADP/prep/3 Seoul/PROPN/pobj/4 for/ADP/prep/3 talks:talk/NOUN/pobj/6",
        1,
        "visit",
    ),
    (
        "visit.send_envoy",
        "Canberra/PROPN/nsubj/1 sent:send/VERB/ROOT/1/VBD Albanese/PROPN/dobj/1 "
        "to/ADP/prep/1 Seoul/PROPN/pobj/3//GPE",
        1,
        "visit",
    ),
    (
        "visit.send_delegation",
        "Canberra/PROPN/nsubj/1 sent:send/VERB/ROOT/1/VBD a/DET/det/3 delegation/NOUN/dobj/1 "
        "to/ADP/prep/1 Seoul/PROPN/pobj/4//GPE",
        1,
        "visit",
    ),
    (
        "visit.person_in_place",
        "Albanese/PROPN/nsubj/1 is:be/AUX/ROOT/1/VBZ in/ADP/prep/1 Seoul/PROPN/pobj/2",
        1,
        "visit",
    ),
    (
        "visit.due_in_place",
        "Meloni/PROPN/nsubj/1 is:be/AUX/ROOT/1/VBZ due/ADJ/acomp/1 in/ADP/prep/2 Seoul/PROPN/pobj/3",
        2,
        "visit",
    ),
    (
        "visit.been_to_place",
        "Modi/PROPN/nsubj/2 has:have/AUX/aux/2/VBZ been:be/AUX/ROOT/2/VBN to/ADP/prep/2 "
        "Ottawa/PROPN/pobj/3 twice/ADV/advmod/2",
        2,
        "visit",
    ),
    ("election.vote_verb", "Australians/PROPN/nsubj/1 voted:vote/VERB/ROOT/1/VBD", 1, "election"),
    (
        "election.legislature_passes",
        "Lawmakers:lawmaker/NOUN/nsubj/1 passed:pass/VERB/ROOT/1/VBD a/DET/det/3 "
        "bill/NOUN/dobj/1 on/ADP/prep/1 Thursday/PROPN/pobj/4//DATE",
        1,
        "election",
    ),
    (
        "call.conversation_in_person",
        "They/PRON/nsubj/1 had:have/VERB/ROOT/1/VBD a/DET/det/4 long/ADJ/amod/4 "
        "conversation/NOUN/dobj/1",
        4,
        None,
    ),
    (
        "call.call_for",
        "a/DET/det/1 call/NOUN/ROOT/1 for/ADP/prep/1 restraint/NOUN/pobj/2",
        1,
        None,
    ),
    ("call.noun", "a/DET/det/2 phone/NOUN/compound/2 call/NOUN/ROOT/2", 2, "call"),
    (
        "meeting.summit_without_partner",
        "the/DET/det/1 summit/NOUN/ROOT/1 in/ADP/prep/1 Lima/PROPN/pobj/2",
        1,
        None,
    ),
    ("meeting.noun", "the/DET/det/1 meeting/NOUN/ROOT/1", 1, "meeting"),
    ("visit.noun", "her/PRON/poss/1 trip/NOUN/ROOT/1", 1, "visit"),
    (
        "talks.noun",
        "talks:talk/NOUN/ROOT/0 with/ADP/prep/0 Ottawa/PROPN/pobj/1",
        0,
        "talks",
    ),
    (
        "announcement.noun",
        "the/DET/det/1 announcement/NOUN/ROOT/1 of/ADP/prep/1 tariffs/NOUN/pobj/2",
        1,
        "announcement",
    ),
    (
        "announcement.dated_instrument",
        "a/DET/det/3 March/PROPN/nmod/3//DATE 4/NUM/nummod/1//DATE proclamation/NOUN/ROOT/3",
        3,
        "announcement",
    ),
    ("election.noun", "a/DET/det/2 snap/ADJ/amod/2 election/NOUN/ROOT/2", 2, "election"),
    (
        "election.vote_noun",
        "an/DET/det/3 upper/ADJ/amod/2 house/NOUN/compound/3 vote/NOUN/ROOT/3",
        3,
        "election",
    ),
    (
        "election.to_the_polls",
        "voters:voter/NOUN/nsubj/1 go/VERB/ROOT/1 to/ADP/prep/1 the/DET/det/4 polls:poll/NOUN/pobj/2",
        4,
        "election",
    ),
    (
        "other.named_day",
        "Korea/PROPN/compound/1 Day/PROPN/ROOT/1 at/ADP/prep/1 the/DET/det/4 expo/NOUN/pobj/2",
        1,
        "other",
    ),
    ("other.national_day", "the/DET/det/2 national/ADJ/amod/2 day/NOUN/ROOT/2", 2, "other"),
    ("other.noun", "a/DET/det/1 ceremony/NOUN/ROOT/1", 1, "other"),
    (
        "announcement.sent_letter_noun",
        "the/DET/det/1 letter/NOUN/nsubj/4 from/ADP/prep/1 Carney/PROPN/pobj/2 "
        "raised:raise/VERB/ROOT/4/VBD tariffs:tariff/NOUN/dobj/4/NNS",
        1,
        "announcement",
    ),
    (
        "other.press_conference_held",
        "Albanese/PROPN/nsubj/1 held:hold/VERB/ROOT/1/VBD a/DET/det/4 press/NOUN/compound/4 "
        "conference/NOUN/dobj/1",
        4,
        "other",
    ),
    (
        "other.public_forum",
        "Carney/PROPN/nsubj/1 told:tell/VERB/ROOT/1/VBD a/DET/det/3 hearing/NOUN/dobj/1 "
        "of/ADP/prep/3 the/DET/det/6 Senate/PROPN/pobj/4//ORG",
        3,
        "other",
    ),
    (
        "announcement.present_proposal",
        "the/DET/det/1 Commission/PROPN/nsubj/2 presented:present/VERB/ROOT/2/VBD a/DET/det/4 "
        "proposal/NOUN/dobj/2 on/ADP/prep/2 Thursday/PROPN/pobj/5//DATE",
        2,
        "announcement",
    ),
    (
        "announcement.put_forward_proposal",
        "Ottawa/PROPN/nsubj/1 put/VERB/ROOT/1/VBD forward/ADV/prt/1 draft/NOUN/compound/4 "
        "regulations:regulation/NOUN/dobj/1/NNS on/ADP/prep/1 Monday/PROPN/pobj/5//DATE",
        1,
        "announcement",
    ),
    (
        "agreement.dated_noun",
        "last/ADJ/amod/1//DATE month/NOUN/poss/3//DATE 's/PART/case/1 deal/NOUN/ROOT/3",
        3,
        "agreement",
    ),
    (
        "agreement.noun",
        "the/DET/det/1 signing/NOUN/ROOT/1 of/ADP/prep/1 a/DET/det/4 pact/NOUN/pobj/2",
        4,
        "agreement",
    ),
]

# sentences where a rule's guard keeps it from firing: (spec, index)
NOT_EVENTS: list[tuple[str, int]] = [
    # a letter with no sender, date or clause with a time, or with no measure in its
    # sentence, is no announcement
    ("a/DET/det/1 letter/NOUN/ROOT/1 to/ADP/prep/1 the/DET/det/4 editor/NOUN/pobj/2", 1),
    (
        "the/DET/det/1 letter/NOUN/nsubj/4 from/ADP/prep/1 Carney/PROPN/pobj/2 "
        "praised:praise/VERB/ROOT/4/VBD the/DET/det/6 talks:talk/NOUN/dobj/4/NNS",
        1,
    ),
    # a news conference only spoken at, an appearance on a broadcast, are no event
    (
        "Carney/PROPN/nsubj/1 told:tell/VERB/ROOT/1/VBD a/DET/det/4 news/NOUN/compound/4 "
        "conference/NOUN/dobj/1",
        4,
    ),
    (
        "an/DET/det/1 appearance/NOUN/ROOT/1 on/ADP/prep/1 Fox/PROPN/compound/4//ORG "
        "News/PROPN/pobj/2//ORG",
        1,
    ),
    # a proposal presented with no time or place of its own is background
    (
        "the/DET/det/1 Commission/PROPN/nsubj/2 presented:present/VERB/ROOT/2/VBD a/DET/det/4 "
        "proposal/NOUN/dobj/2",
        2,
    ),
    # a payment or a ruling due in a place travels nowhere: only a person or delegation does
    (
        "Payment/NOUN/nsubj/1 is:be/AUX/ROOT/1/VBZ due/ADJ/acomp/1 in/ADP/prep/2 Seoul/PROPN/pobj/3",
        2,
    ),
    # a decision or a striking-down by no court is no ruling
    (
        "the/DET/det/1 decision/NOUN/nsubj/2 angered:anger/VERB/ROOT/2/VBD Ottawa/PROPN/dobj/2",
        1,
    ),
    (
        "Ottawa/PROPN/nsubj/1 struck:strike/VERB/ROOT/1/VBD down/ADP/prt/1 the/DET/det/4 "
        "plan/NOUN/dobj/1",
        1,
    ),
    # speaking with someone in a place: the two were together, no call
    (
        "Carney/PROPN/nsubj/1 spoke:speak/VERB/ROOT/1/VBD with/ADP/prep/1 Meloni/PROPN/pobj/2 "
        "in/ADP/prep/1 Rome/PROPN/pobj/4//GPE",
        1,
    ),
    # announcing an intention that names no measure: a statement, not a measure announced
    (
        "Carney/PROPN/nsubj/1 announced:announce/VERB/ROOT/1/VBD Canada/PROPN/nsubj/4 "
        "will/AUX/aux/4/MD seek/VERB/ccomp/1/VB talks:talk/NOUN/dobj/4 after/ADP/mark/8 "
        "Washington/PROPN/nsubj/8 imposed:impose/VERB/advcl/4/VBD tariffs:tariff/NOUN/dobj/8",
        1,
    ),
    # an order with no date of its own names no issuing
    ("the/DET/det/1 proclamation/NOUN/ROOT/1", 1),
    # a calling verb with a predicate ("called him a friend") is not a call
    (
        "Lula/PROPN/nsubj/1 called:call/VERB/ROOT/1/VBD Macron/PROPN/dobj/1 a/DET/det/4 friend/NOUN/oprd/1",
        1,
    ),
    # someone else's act, reported: not the speaker's announcement
    (
        "Albanese/PROPN/nsubj/1 said:say/VERB/ROOT/1/VBD Exporters:exporter/NOUN/nsubj/5 "
        "will/AUX/aux/5/MD soon/ADV/advmod/5 raise/VERB/ccomp/1/VB tariffs:tariff/NOUN/dobj/5",
        1,
    ),
    # a thing that has been to a place ("exports have been to Seoul") travels nowhere
    (
        "Exports:export/NOUN/nsubj/2 have/AUX/aux/2/VBP been:be/AUX/ROOT/2/VBN to/ADP/prep/2 "
        "Seoul/PROPN/pobj/3",
        2,
    ),
    # a person in an unknown place, or a place with no person in it
    ("Albanese/PROPN/nsubj/1 is:be/AUX/ROOT/1/VBZ in/ADP/prep/1 trouble/NOUN/pobj/2", 1),
    ("Exports:export/NOUN/nsubj/1 are:be/AUX/ROOT/1/VBP in/ADP/prep/1 Seoul/PROPN/pobj/2", 1),
    # raising concerns names no measure
    ("Beijing/PROPN/nsubj/1 raised:raise/VERB/ROOT/1/VBD concerns:concern/NOUN/dobj/1", 1),
    # a pact announced by someone is the agreement, not an announcement
    (
        "a/DET/det/1 pact/NOUN/ROOT/1 announced:announce/VERB/acl/1/VBN by/ADP/agent/2 "
        "Ottawa/PROPN/pobj/3",
        2,
    ),
    # a participle clause: the act is the letter's
    (
        "the/DET/det/1 letter/NOUN/ROOT/1 announcing:announce/VERB/acl/1/VBG duties:duty/NOUN/dobj/2",
        2,
    ),
    # tariffs that will take effect have not been imposed
    ("Tariffs:tariff/NOUN/nsubj/2 will/AUX/aux/2 take/VERB/ROOT/2/VB effect/NOUN/dobj/2", 2),
    # a bare pact, with no act or partner, is a topic
    ("the/DET/det/1 pact/NOUN/ROOT/1", 1),
    # negotiations about something, held nowhere and with no one
    ("negotiations:negotiation/NOUN/ROOT/0 over/ADP/prep/0 tariffs:tariff/NOUN/pobj/1", 0),
    # opinion polls are not an election
    ("polls:poll/NOUN/nsubj/1 show/VERB/ROOT/1 support/NOUN/dobj/1", 0),
    # votes counted, with no determiner: a tally
    ("votes:vote/NOUN/nsubj/1 were:be/AUX/ROOT/1", 0),
    # a named day with no exhibition or summit around it ("Liberation Day tariffs")
    ("Liberation/PROPN/compound/1 Day/PROPN/compound/2 tariffs:tariff/NOUN/ROOT/2", 1),
]


def _ctx() -> RuleContext:
    return RuleContext(default_lexicon(), _person)


@pytest.mark.parametrize(("rule_id", "spec", "index", "kind"), CASES, ids=[c[0] for c in CASES])
def test_each_rule_decides_on_its_sentence(
    rule_id: str, spec: str, index: int, kind: str | None
) -> None:
    doc = build(spec)
    rules = default_rules()
    decided = rules.deciding_rule(doc[index], _ctx())
    assert decided is not None and decided.id == rule_id
    trigger = trigger_of(doc[index], _person)
    assert (trigger.kind if trigger else None) == kind
    if trigger is not None:
        assert trigger.rule == rule_id


@pytest.mark.parametrize(("spec", "index"), NOT_EVENTS)
def test_guards_keep_a_word_from_naming_an_event(spec: str, index: int) -> None:
    assert trigger_of(build(spec)[index], _person) is None


def test_every_rule_has_a_sentence_and_a_reason() -> None:
    rules = load_rules()
    assert {r.id for r in rules} == {c[0] for c in CASES}
    assert len({r.id for r in rules}) == len(rules)
    assert all(r.reason and r.priority > 0 for r in rules)
    assert [r.priority for r in rules] == sorted((r.priority for r in rules), reverse=True)


def test_find_triggers_gives_each_word_once_in_text_order() -> None:
    doc = build(
        "Albanese/PROPN/nsubj/1 met:meet/VERB/ROOT/1/VBD Modi/PROPN/dobj/1 and/CCONJ/cc/1 "
        "signed:sign/VERB/conj/1/VBD a/DET/det/6 pact/NOUN/dobj/4"
    )
    found = list(find_triggers(doc, default_rules(), _person))
    assert [(t.token.i, t.kind, t.rule) for t in found] == [
        (1, "meeting", "meeting.verb"),
        (4, "agreement", "agreement.deal_verb_object"),
        (6, "agreement", "agreement.noun"),
    ]


def test_a_word_set_missing_from_the_lexicon_is_a_data_error() -> None:
    text = (
        '{"rules": [{"id": "x", "kind": "other", "priority": 1, "reason": "r", '
        '"pattern": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": {"IN": "@no_such"}}}]}]}'
    )
    with pytest.raises(DataFileError):
        compile_rules(default_lexicon(), load_rules(text))


def test_an_unknown_guard_is_a_data_error() -> None:
    text = (
        '{"rules": [{"id": "x", "kind": "other", "priority": 1, "reason": "r", "require": ["?"], '
        '"pattern": [{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": "expo"}}]}]}'
    )
    with pytest.raises(DataFileError):
        load_rules(text)


def test_an_unparsed_document_has_no_triggers() -> None:
    doc = Doc(VOCAB, words=["They", "met", "."])
    assert list(find_triggers(doc, default_rules(), _person)) == []


def test_the_rules_match_where_spacys_dependency_matcher_does() -> None:
    """The rules are DependencyMatcher patterns: spaCy's matcher finds the same (rule,
    trigger) pairs as the reader's evaluator on every test sentence."""
    rules = default_rules()
    matcher = DependencyMatcher(VOCAB)
    for k, rule in enumerate(rules.rules):
        matcher.add(str(k), [expanded_pattern(rule, default_lexicon())])
    specs = [c[1] for c in CASES] + [n[0] for n in NOT_EVENTS]
    checked = 0
    for spec in specs:
        doc = build(spec)
        spacy_pairs = {(int(VOCAB.strings[m]), ids[0]) for m, ids in matcher(doc)}
        ours = {(k, t.i) for t in doc for k in rules.matching(t)}
        assert ours == spacy_pairs, spec
        checked += len(ours)
    assert checked >= len(CASES)


def test_an_unsupported_relation_is_a_data_error() -> None:
    text = (
        '{"rules": [{"id": "x", "kind": "other", "priority": 1, "reason": "r", "pattern": ['
        '{"RIGHT_ID": "trigger", "RIGHT_ATTRS": {"LOWER": "expo"}}, {"LEFT_ID": "trigger", '
        '"REL_OP": ">>", "RIGHT_ID": "y", "RIGHT_ATTRS": {"DEP": "amod"}}]}]}'
    )
    with pytest.raises(DataFileError):
        compile_rules(default_lexicon(), load_rules(text))


def test_an_announced_clause_naming_a_measure_is_an_announcement() -> None:
    # the counterpart of the NOT_EVENTS case: what is announced is a measure
    doc = build(
        "Carney/PROPN/nsubj/1 announced:announce/VERB/ROOT/1/VBD Canada/PROPN/nsubj/4 "
        "will/AUX/aux/4/MD raise/VERB/ccomp/1/VB tariffs:tariff/NOUN/dobj/4"
    )
    trigger = trigger_of(doc[1], _person)
    assert trigger is not None and trigger.kind == "announcement"


def test_welcoming_someone_to_come_is_an_invitation_not_a_meeting() -> None:
    doc = build(
        "Carney/PROPN/nsubj/1 welcomed:welcome/VERB/ROOT/1/VBD Meloni/PROPN/dobj/1 "
        "to/PART/aux/4 visit/VERB/xcomp/1/VB Ottawa/PROPN/dobj/4"
    )
    trigger = trigger_of(doc[1], _person)
    assert trigger is None or trigger.rule != "meeting.host_person"


ROUND17_WORDS: list[tuple[str, int, str]] = [
    # an order approved by a leader is its signing (event_order_verbs "approve")
    (
        "an/DET/det/2 executive/ADJ/amod/2 order/NOUN/nsubj/6 approved:approve/VERB/acl/2/VBN "
        "by/ADP/agent/3 Lula/PROPN/pobj/4 raised:raise/VERB/ROOT/6/VBD duties:duty/NOUN/dobj/6/NNS",
        3,
        "announcement",
    ),
    # a legislature backing a measure on a day votes on it (event_pass_verbs "back",
    # event_bill_nouns "measure")
    (
        "Lawmakers:lawmaker/NOUN/nsubj/1 backed:back/VERB/ROOT/1/VBD on/ADP/prep/1 "
        "Wednesday/PROPN/pobj/2//DATE a/DET/det/5 measure/NOUN/dobj/1",
        1,
        "election",
    ),
    # measures announced as the verb's own object are announced whatever a clause after it
    # tells ("announced measures against X after Y denied entry ...")
    (
        "Trump/PROPN/nsubj/1 announced:announce/VERB/ROOT/1/VBD measures:measure/NOUN/dobj/1/NNS "
        "against/ADP/prep/2 Peru/PROPN/pobj/3 after/ADP/mark/7 Petro/PROPN/nsubj/7 "
        "denied:deny/VERB/ccomp/1/VBD entry/NOUN/dobj/7",
        1,
        "announcement",
    ),
]


@pytest.mark.parametrize(("spec", "index", "kind"), ROUND17_WORDS)
def test_round17_constructions_name_their_event(spec: str, index: int, kind: str) -> None:
    found = trigger_of(build(spec)[index], _person)
    assert found is not None and found.kind == kind
