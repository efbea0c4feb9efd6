"""Event triggers: which words name a meeting, call, visit, talks, agreement, announcement,
election or other public event, and which words around them give its participants.

A trigger is a verb or a noun (table below). Nouns count when no verb of the same clause has
already triggered an event. Participants are people (by their mention spans) and countries
(ISO codes, for governments and delegations).

============  ====================================================  ===========================
kind          verbs                                                  nouns
============  ====================================================  ===========================
meeting       meet; talk/begin talks/hold talks with a person;       meeting, summit with,
              have dinner with                                       face-to-face, dinner
call          call or phone a person; speak/talk by phone or         call, phone call,
              between two leaders                                    conversation, chat
visit         visit, travel, fly, depart/leave for, arrive in,        visit, trip
              attend, head to
talks         negotiate; hold/resume/end talks between countries     talks, negotiations
agreement     agree; reach/strike/seal/sign/finalize/announce a deal;  deal, agreement, pact,
              reaffirm/confirm a deal or its terms; publish a        framework, accord, truce
              joint statement
announcement  announce, unveil, impose, levy, slap, raise, remove,   announcement
              lift, rescind, suspend, pause, postpone, delay,
              warn of/threaten tariffs, sign an
              order, take executive action, publish a letter;
              tariffs that went into / took effect
election      vote                                                   election, vote
other         -                                                      expo, ceremony, national day
============  ====================================================  ===========================
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

__all__ = [
    "AGREEMENT_NOUNS",
    "CANCEL_WORDS",
    "MEASURE_NOUNS",
    "Trigger",
    "trigger_of",
    "with_objects",
]

AGREEMENT_NOUNS = frozenset(["deal", "agreement", "pact", "framework", "accord", "truce", "treaty"])
MEASURE_NOUNS = frozenset(
    [
        "tariff",
        "tariffs",
        "duty",
        "duties",
        "levy",
        "levies",
        "order",
        "orders",
        "action",
        "letter",
        "proclamation",
        "measure",
        "measures",
        "controls",
        "regime",
        "sanctions",
    ]
)
CANCEL_WORDS = frozenset(
    [
        "cancel",
        "cancellation",
        "scrap",
        "end",
        "terminate",
        "halt",
        "suspend",
        "postpone",
        "abandon",
        "unable",
        "fail",
    ]
)
_DEAL_VERBS = frozenset(
    [
        "reach",
        "strike",
        "seal",
        "sign",
        "finalize",
        "finalise",
        "conclude",
        "clinch",
        "announce",
        "unveil",
        "secure",
        "agree",
        "approve",
        "ink",
    ]
)
_ANNOUNCE_VERBS = frozenset(
    [
        "announce",
        "unveil",
        "declare",
        "impose",
        "levy",
        "slap",
        "raise",
        "hike",
        "remove",
        "lift",
        "rescind",
        "scrap",
        "threaten",
        "warn",
        "publish",
        "issue",
        "set",
        "suspend",
        "pause",
        "postpone",
        "delay",
    ]
)
_TALKS_VERBS = frozenset(
    [
        "hold",
        "begin",
        "start",
        "resume",
        "continue",
        "end",
        "terminate",
        "halt",
        "suspend",
        "break",
        "launch",
        "open",
        "conclude",
        "restart",
    ]
)
_PROCESS_VERBS = frozenset(
    ["work", "negotiate", "seek", "pursue", "aim", "try", "continue", "discuss", "talk", "strive"]
)
_NOMINAL_ACTS = frozenset(["signing", "announcement", "conclusion", "finalization", "ratification"])
_TRAVEL_VERBS = frozenset(["visit", "travel", "fly", "depart", "leave", "arrive", "attend", "head"])
_PHONE = frozenset({"phone", "telephone", "video", "virtual"})
_NOUNS = {
    "meeting": "meeting",
    "summit": "meeting",
    "face-to-face": "meeting",
    "dinner": "meeting",
    "call": "call",
    "conversation": "call",
    "chat": "call",
    "visit": "visit",
    "trip": "visit",
    "talks": "talks",
    "negotiations": "talks",
    "announcement": "announcement",
    "election": "election",
    "expo": "other",
    "ceremony": "other",
}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that names an event, with the kind it names."""

    token: Token
    kind: str


def _has_child(token: Token, lemmas: frozenset[str] | set[str], deps: set[str]) -> bool:
    return any(c.lemma_.lower() in lemmas and c.dep_ in deps for c in token.children)


def _objects(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in {"dobj", "obj", "attr", "nsubjpass"}]


def with_objects(token: Token) -> list[Token]:
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in {"with", "between"}
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _mentions_measure(token: Token) -> bool:
    scope = list(token.subtree)
    if token.dep_ == "relcl":  # "the 46% rate he had threatened in April"
        scope += [t for t in token.head.subtree if t.i < token.i]
    for t in scope:
        if t.lower_ in MEASURE_NOUNS or (
            t.like_num and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in {"%", "percent"}
        ):
            return True
    return False


def _deal_context(token: Token) -> bool:
    """A deal noun names an event only as the object of a deal verb, with a deal verb of its
    own ("the agreement finalized by ...") or with a partner ("a deal with India")."""
    head = token.head
    if head.dep_ == "prep" and head.head.lemma_.lower() in _NOMINAL_ACTS:
        return True  # "the signing of a trade deal", "the announcement of a deal with India"
    if head.pos_ == "VERB" and head.lemma_.lower() in _DEAL_VERBS | {"announce", "reach"}:
        return True
    return any(c.dep_ == "acl" and c.lemma_.lower() in _DEAL_VERBS for c in token.children)


def _took_effect(token: Token) -> bool:
    """'Washington's 25% tariffs ... that went into effect earlier this week': tariffs that
    took effect are an imposition that happened (the imposer announces it)."""
    lemma = token.lemma_.lower()
    if lemma not in {"go", "come", "take"} or token.tag_ != "VBD":
        return False
    effect = any(
        (c.dep_ in {"dobj", "obj"} and c.lower_ == "effect")
        or (
            c.dep_ == "prep"
            and c.lower_ == "into"
            and any(g.lower_ in {"effect", "force"} for g in c.children)
        )
        for c in token.children
    )
    if not effect:
        return False
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is not None and subject.lower_ in {"that", "which"} and token.dep_ == "relcl":
        subject = token.head
    return subject is not None and subject.lemma_.lower() in {"tariff", "duty", "levy"}


def trigger_of(token: Token, person: Callable[[Token], bool]) -> Trigger | None:
    """The event a token names, or None.

    ``person(token)`` tells whether a token lies in a person mention.
    """
    lemma = token.lemma_.lower()
    lower = token.lower_
    if token.pos_ == "VERB":
        objects = _objects(token)
        if lemma == "meet":
            return Trigger(token, "meeting")
        if (
            lemma in {"call", "phone", "telephone"}
            and objects
            and any(person(o) for o in objects)
            and not any(c.dep_ in {"oprd", "xcomp", "ccomp"} for c in token.children)
        ):
            return Trigger(token, "call")
        if lemma in {"speak", "talk", "chat"}:
            partners = with_objects(token)
            by_phone = any(t.lower_ in _PHONE for t in token.subtree)
            if by_phone or (partners and any(person(p) for p in partners) and by_phone):
                return Trigger(token, "call")
            return None
        if lemma in _TRAVEL_VERBS:
            if lemma == "visit" and objects and any(person(o) for o in objects):
                return Trigger(token, "meeting")
            return Trigger(token, "visit")
        if lemma == "negotiate":
            return Trigger(token, "talks")
        if lemma in _TALKS_VERBS and any(o.lower_ in {"talks", "negotiations"} for o in objects):
            return Trigger(token, "talks")
        if lemma == "agree":
            if any(c.dep_ == "ccomp" for c in token.children):
                return None  # "we agreed that our work has yielded results": an opinion
            to_do = [c for c in token.children if c.dep_ == "xcomp"]
            if any(x.lemma_.lower() in _PROCESS_VERBS for x in to_do):
                return None  # "agreed to work toward a framework": talks go on, no deal yet
            if to_do and not any(
                t.lemma_.lower() in AGREEMENT_NOUNS | MEASURE_NOUNS
                for x in to_do
                for t in x.subtree
            ):
                return None  # "agreed to negotiate", "agreed to hold regular communication"
            return Trigger(token, "agreement")
        if lemma in _DEAL_VERBS and any(o.lemma_.lower() in AGREEMENT_NOUNS for o in objects):
            return Trigger(token, "agreement")
        if (
            lemma in {"publish", "release", "issue", "sign"}
            and token.tag_ in {"VBD", "VBN"}
            and any(
                o.lemma_.lower() == "statement" and any(c.lower_ == "joint" for c in o.children)
                for o in objects
            )
        ):
            return Trigger(token, "agreement")  # "published a joint statement setting out"
        if lemma in {"reaffirm", "confirm", "reconfirm"} and any(
            o.lemma_.lower() in AGREEMENT_NOUNS | {"term"} for o in objects
        ):
            return Trigger(token, "agreement")  # "we reaffirmed these terms while I was in Korea"
        if lemma in {"sign", "issue"} and any(o.lemma_.lower() == "order" for o in objects):
            return Trigger(token, "announcement")
        if lemma == "take" and any(o.lower_ == "action" for o in objects):
            return Trigger(token, "announcement")
        if lemma in _ANNOUNCE_VERBS and (
            _mentions_measure(token) or lemma in {"announce", "unveil", "declare"}
        ):
            if token.tag_ == "VBG" and token.dep_ in {"acl", "advcl"}:
                return None  # "the letter ..., announcing the new tariffs": the letter's
            if lemma in {"announce", "unveil"} and (
                (token.dep_ == "acl" and token.head.lemma_.lower() in AGREEMENT_NOUNS)
                or any(o.lemma_.lower() in AGREEMENT_NOUNS for o in objects)
            ):
                return None  # "a trade deal announced by Trump": the agreement itself
            return Trigger(token, "announcement")
        if _took_effect(token):
            return Trigger(token, "announcement")
        if lemma == "vote":
            return Trigger(token, "election")
        return None
    if token.pos_ in {"NOUN", "PROPN"}:
        kind = _NOUNS.get(lower) or _NOUNS.get(lemma)
        if lower == "day" and any(c.lower_ == "national" for c in token.children):
            kind = "other"
        if kind is None and lemma in AGREEMENT_NOUNS:
            kind = "agreement"
        if (
            kind == "call"
            and lemma == "conversation"
            and not any(t.lower_ in _PHONE for t in token.subtree)
        ):
            return None
        if kind == "call" and lemma == "call" and _has_child(token, {"for"}, {"prep"}):
            return None
        if (
            kind == "meeting"
            and lemma in {"summit", "dinner"}
            and not (with_objects(token) or with_objects(token.head))
        ):
            return None
        if kind == "agreement" and not _deal_context(token):
            return None
        if kind == "talks" and not (
            with_objects(token)
            or (token.head.pos_ == "VERB" and token.head.lemma_.lower() in _TALKS_VERBS)
            or any(
                c.dep_ == "prep"
                and c.lower_ in {"in", "at"}
                and any(g.ent_type_ in {"GPE", "LOC", "FAC"} for g in c.children)
                for c in token.children
            )
        ):
            return None  # "a point of contention in negotiations over tariffs"
        if kind is not None:
            return Trigger(token, kind)
    return None
