"""Round 14 contact events (talks, meetings, visits, calls), each on sentences written for it
(hand-built parses, no model, except the tests marked slow):

- conferring, consulting, discussing or sitting down *with a party* (a named person, a country,
  a government's side), told with its own time or place, is an encounter whose kind the kind
  table decides (rule meeting.confer_with_party); said during a call or meeting, the noun is
  the event; with reporters, or with no time and place ("has discussed the issue with X"), none;
- a conference held by video or phone is a call (rule call.remote_conference; "videoconference"
  and "teleconference" are call nouns);
- two named people told as speaking together on a day ("A and B spoke on Monday"), in no place
  of meeting, held a call (rule call.speak_together), as one speaking to the other does;
- hosting, receiving or welcoming a government's side ("hosted a Chilean delegation") is
  meeting it, as hosting a named person is (rule meeting.host_person);
- the round noun stands in its clause for its talks ("the third round of talks ... is scheduled
  for August 4"), and "held a round of talks with X" has X as partner; "Chilean negotiators"
  with no one named before are Chile's side; "the two sides" with no one named before are the
  story's two countries; "a phone call from X" has X as a party;
- meetings a trip is for ("travelled to Lima for meetings with officials"), with one named side,
  are that trip's visit, named by the trip's own word.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_round12 import events_read
from tests.news.test_event_trigger_rules import build

from tariffscope.news.event_triggers import trigger_of

PEOPLE = frozenset({"Ramos", "Quispe", "Ortiz", "Vial"})


def _person(token: object) -> bool:
    return getattr(token, "text", "") in PEOPLE


# (spec, index of the word, (kind, rule) it names or None)
CONTACTS: list[tuple[str, int, tuple[str, str] | None]] = [
    # "Ramos sat down with Quispe in Lima on Monday."
    (
        "Ramos/PROPN/nsubj/1 sat:sit/VERB/ROOT/1/VBD down/ADP/prt/1 with/ADP/prep/1 "
        "Quispe/PROPN/pobj/3 in/ADP/prep/1 Lima/PROPN/pobj/5//GPE on/ADP/prep/1 "
        "Monday/PROPN/pobj/7//DATE",
        1,
        ("meeting", "meeting.confer_with_party"),
    ),
    # "Ramos discussed tariffs with Peruvian officials in Lima." (the phrase on the object)
    (
        "Ramos/PROPN/nsubj/1 discussed:discuss/VERB/ROOT/1/VBD tariffs:tariff/NOUN/dobj/1/NNS "
        "with/ADP/prep/2 Peruvian/ADJ/amod/5 officials:official/NOUN/pobj/3/NNS in/ADP/prep/1 "
        "Lima/PROPN/pobj/6//GPE",
        1,
        ("meeting", "meeting.confer_with_party"),
    ),
    # "Ramos discussed tariffs with Quispe during a call on Monday." -> the call is the event
    (
        "Ramos/PROPN/nsubj/1 discussed:discuss/VERB/ROOT/1/VBD tariffs:tariff/NOUN/dobj/1/NNS "
        "with/ADP/prep/1 Quispe/PROPN/pobj/3 during/ADP/prep/1 a/DET/det/7 call/NOUN/pobj/5 "
        "on/ADP/prep/1 Monday/PROPN/pobj/8//DATE",
        1,
        None,
    ),
    # "Ramos has discussed the issue with Quispe." -> a topic reported, no time or place
    (
        "Ramos/PROPN/nsubj/2 has:have/AUX/aux/2/VBZ discussed:discuss/VERB/ROOT/2/VBN "
        "the/DET/det/4 issue/NOUN/dobj/2 with/ADP/prep/2 Quispe/PROPN/pobj/5",
        2,
        None,
    ),
    # "Ramos discussed tariffs with reporters on Monday." -> reporters are no party
    (
        "Ramos/PROPN/nsubj/1 discussed:discuss/VERB/ROOT/1/VBD tariffs:tariff/NOUN/dobj/1/NNS "
        "with/ADP/prep/1 reporters:reporter/NOUN/pobj/3/NNS on/ADP/prep/1 "
        "Monday/PROPN/pobj/5//DATE",
        1,
        None,
    ),
    # "Ramos held a video conference with Quispe on Monday."
    (
        "Ramos/PROPN/nsubj/1 held:hold/VERB/ROOT/1/VBD a/DET/det/4 video/NOUN/compound/4 "
        "conference/NOUN/dobj/1 with/ADP/prep/4 Quispe/PROPN/pobj/5 on/ADP/prep/1 "
        "Monday/PROPN/pobj/7//DATE",
        4,
        ("call", "call.remote_conference"),
    ),
    # "Ramos held a news conference on Monday." -> no call; since round 17 a public event of
    # its holder (rule other.press_conference_held)
    (
        "Ramos/PROPN/nsubj/1 held:hold/VERB/ROOT/1/VBD a/DET/det/4 news/NOUN/compound/4 "
        "conference/NOUN/dobj/1 on/ADP/prep/1 Monday/PROPN/pobj/5//DATE",
        4,
        ("other", "other.press_conference_held"),
    ),
    # "Ortiz and Vial spoke on Monday."
    (
        "Ortiz/PROPN/nsubj/3 and/CCONJ/cc/0 Vial/PROPN/conj/0 spoke:speak/VERB/ROOT/3/VBD "
        "on/ADP/prep/3 Monday/PROPN/pobj/4//DATE",
        3,
        ("call", "call.speak_together"),
    ),
    # "Ortiz and Vial spoke earlier." -> no day of its own: at an occasion told elsewhere
    (
        "Ortiz/PROPN/nsubj/3 and/CCONJ/cc/0 Vial/PROPN/conj/0 spoke:speak/VERB/ROOT/3/VBD "
        "earlier/ADV/advmod/3",
        3,
        None,
    ),
    # "Ortiz spoke on Monday." -> a speech, not a call
    (
        "Ortiz/PROPN/nsubj/1 spoke:speak/VERB/ROOT/1/VBD on/ADP/prep/1 Monday/PROPN/pobj/2//DATE",
        1,
        None,
    ),
    # "Ortiz and Vial spoke at the summit in Lima." -> together in one place: no call
    (
        "Ortiz/PROPN/nsubj/3 and/CCONJ/cc/0 Vial/PROPN/conj/0 spoke:speak/VERB/ROOT/3/VBD "
        "at/ADP/prep/3 the/DET/det/6 summit/NOUN/pobj/4 in/ADP/prep/6 Lima/PROPN/pobj/7//GPE",
        3,
        None,
    ),
    # "Both sides are still talking." -> talks going on, not a call
    (
        "Both/DET/det/1 sides:side/NOUN/nsubj/4/NNS are:be/AUX/aux/4/VBP still/ADV/advmod/4 "
        "talking:talk/VERB/ROOT/4/VBG",
        4,
        None,
    ),
    # "Ortiz hosted a Kenyan delegation on Monday."
    (
        "Ortiz/PROPN/nsubj/1 hosted:host/VERB/ROOT/1/VBD a/DET/det/4 Kenyan/ADJ/amod/4 "
        "delegation/NOUN/dobj/1 on/ADP/prep/1 Monday/PROPN/pobj/5//DATE",
        1,
        ("meeting", "meeting.host_person"),
    ),
    # "Ortiz hosted a dinner on Monday." -> hosting a thing is no meeting by the verb
    (
        "Ortiz/PROPN/nsubj/1 hosted:host/VERB/ROOT/1/VBD a/DET/det/3 dinner/NOUN/dobj/1 "
        "on/ADP/prep/1 Monday/PROPN/pobj/4//DATE",
        1,
        None,
    ),
]


@pytest.mark.parametrize(("spec", "at", "expected"), CONTACTS)
def test_contact_with_a_party_names_an_encounter(
    spec: str, at: int, expected: tuple[str, str] | None
) -> None:
    found = trigger_of(build(spec)[at], _person)
    assert (None if found is None else (found.kind, found.rule)) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Chilean negotiators held a second round of talks with Peruvian officials on Tuesday.",
            [("talks", "2025-07-15", "happened", ["CHL", "PER"])],
        ),
        (
            "The third round of talks between Chile and Peru is scheduled for August 4 in Lima.",
            [("talks", "2025-08-04", "planned", ["CHL", "PER"])],
        ),
        (
            "Chile and Peru have been negotiating a tariff deal since May. The two sides held "
            "a video conference on Monday, the Chilean trade ministry said.",
            [("call", "2025-07-14", "happened", ["CHL", "PER"])],
        ),
        (
            "Chilean Trade Minister Rosa Vidal received a phone call from Peruvian President "
            "Ana Ortiz on Monday.",
            [("call", "2025-07-14", "happened", ["Ana Ortiz", "Rosa Vidal"])],
        ),
        (
            "Chilean Senator Rosa Vidal travelled to Lima on Monday for meetings with senior "
            "Peruvian officials.",
            [("visit", "2025-07-14", "happened", ["Rosa Vidal"])],
        ),
    ],
)
def test_contact_events_in_context(
    nlp: Language, body: str, expected: list[tuple[str, str | None, str, list[str]]]
) -> None:
    assert events_read(nlp, body) == expected
