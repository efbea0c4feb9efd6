"""The status of a tariff measure from the grammar of its sentence.

The rules run in order; the first that applies decides:

1. **suspended**: a removal word governs the rate ("removed a 40% tariff", "rescinding a 25%
   duty", "exempts ... from paying the 20.7% duty", "won't be required to pay"), unless the
   removal is only asked for ("asked Trump to lift the 40% tariff");
2. **agreed**: a cut (the from-rate is higher, or "drop/cut/reduce ... to") that lies ahead
   or sits in a sentence about a deal; a past cut is **in force**;
3. **in force**: words of continuity ("continue to pay", "remains", "maintain", "current",
   "already", "still", "in place");
4. **proposed**: "proposed", "offered", "demanded" on the rate or its verb;
5. **threatened**: threat words ("threaten", "warn", "if", "unless", "avoid", "ward off",
   "letter");
6. **agreed**: a deal word in the sentence or the one before ("deal", "agreement",
   "framework", "in return", "in exchange"; for a rise from a stated rate, in the sentence
   itself) and a verb that is not past;
7. **threatened**: the measure's verb looks ahead ("will impose", "is set to jump", "could
   increase") or its effective date is after publication; "would" in a report of a past
   announcement without a pending date ("announced in July that it would place a 20%
   tariff") counts as done;
8. **in force** otherwise ("has slapped a 10% tariff", "Trump's 35% tariffs").

Only verbs that act on a measure (impose, raise, cut, take effect, ...) give it a tense; a
tariff that is merely talked about ("look at the 10% levies") is taken as in force.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.tokens import Span, Token

from tariffscope.news._measure_parts import CUT_VERBS
from tariffscope.news._syntax import direction

__all__ = ["MEASURE_VERBS", "deal_words", "measure_status"]

_SUSPEND = frozenset(
    [
        "remove",
        "lift",
        "rescind",
        "suspend",
        "pause",
        "waive",
        "exempt",
        "scrap",
        "eliminate",
        "withdraw",
        "revoke",
        "repeal",
        "spare",
        "exemption",
        "removal",
        "suspension",
        "rescission",
        "waiver",
        "lifting",
    ]
)
_REQUEST = frozenset(
    ["ask", "urge", "press", "call", "seek", "want", "push", "demand", "request", "lobby", "plead"]
)
_CONTINUE = frozenset(
    [
        "continue",
        "remain",
        "maintain",
        "keep",
        "current",
        "currently",
        "already",
        "existing",
        "still",
        "stay",
    ]
)
_PROPOSE = frozenset(
    ["propose", "proposed", "proposal", "offer", "offered", "suggest", "demand", "float"]
)
_THREAT = frozenset(
    [
        "threaten",
        "threat",
        "threatened",
        "warn",
        "warning",
        "avoid",
        "ward",
        "letter",
        "if",
        "unless",
        "retaliation",
        "prospect",
    ]
)
#: Words before a tariff noun that make the rate a threat ("a looming 30% tariff").
_THREAT_MODIFIERS = frozenset({"looming", "potential", "possible", "planned", "threatened"})
_DEAL = frozenset(
    [
        "deal",
        "agreement",
        "agree",
        "framework",
        "pact",
        "accord",
        "settle",
        "finalize",
        "finalise",
        "treaty",
        "truce",
        "undertaking",
        "return",
        "exchange",
    ]
)
MEASURE_VERBS = frozenset(
    [
        "impose",
        "levy",
        "set",
        "place",
        "apply",
        "slap",
        "put",
        "raise",
        "increase",
        "hike",
        "cut",
        "reduce",
        "lower",
        "drop",
        "jump",
        "rise",
        "climb",
        "go",
        "take",
        "come",
        "kick",
        "start",
        "begin",
        "be",
        "become",
        "hit",
        "add",
        "announce",
        "charge",
        "collect",
        "introduce",
        "double",
        "triple",
        "halve",
        "slash",
        "extend",
        "face",
        "pay",
        "see",
        "remain",
        "keep",
        "maintain",
        "stay",
        "continue",
        "threaten",
        "plan",
        "warn",
        "propose",
        "offer",
        "agree",
        "exempt",
        "remove",
        "rescind",
        "suspend",
        "scrap",
        "waive",
        "eliminate",
        "allow",
        "fall",
        "decrease",
        "trim",
        "ease",
        "implement",
        "enforce",
        "expand",
        "adjust",
    ]
)
_IMPOSING = frozenset(["set", "impose", "levy", "slap", "place", "apply", "put", "charge"])
_PAST_REPORT = frozenset(["announce", "say", "tell", "write", "post", "state", "declare"])


def _path(span: Span) -> list[Token]:
    """The rate and its heads up to the head of its clause (a verb with a subject)."""
    out = [span.root]
    for token in span.root.ancestors:
        out.append(token)
        if token.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children
        ):
            break
        if token.pos_ == "VERB" and token.tag_ == "VBG" and token.dep_ == "advcl":
            break  # "..., leaving a 10% tariff in place": the participle's own clause
    return out


def _in_place(path: list[Token]) -> bool:
    """'a 10% baseline tariff in place', 'the duties remain in place'."""
    return any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "place" for g in c.children)
        for t in path
        for c in t.children
    )


def _measure_verb(span: Span, noun: Token) -> Token | None:
    """The first verb above the rate (or its tariff noun) that acts on a measure."""
    for token in [*_path(span), noun, *noun.ancestors]:
        if token.pos_ in {"VERB", "AUX"}:
            return token if token.lemma_.lower() in MEASURE_VERBS else None
    return None


def _lemmas(tokens: list[Token]) -> set[str]:
    out = set()
    for token in tokens:
        out.add(token.lemma_.lower())
        out.update(
            c.lower_ for c in token.children if c.dep_ in {"advmod", "amod", "neg", "mark", "prt"}
        )
    return out


def _is_suspended(span: Span, noun: Token) -> bool:
    path = _path(span)
    for k, token in enumerate(path):
        if token.i in range(span.start, span.end):
            continue
        lemma = token.lemma_.lower()
        if lemma in _SUSPEND or (
            lemma == "require" and any(c.dep_ == "neg" for c in token.children)
        ):
            above = {t.lemma_.lower() for t in path[k + 1 :] if t.pos_ == "VERB"}
            return not (above & _REQUEST)
    if any(c.lemma_.lower() in _SUSPEND for c in noun.children if c.dep_ == "amod"):
        return True
    # terse lines the parser misreads: "Trump scraps 25% duty on Indian imports"
    doc = span.doc
    window = doc[max(span.sent.start, span.start - 3) : span.start]
    return any(t.lemma_.lower() in _SUSPEND or t.lower_.rstrip("s") in _SUSPEND for t in window)


def _is_cut(span: Span, from_rate: float | None, to_rate: float) -> bool:
    if from_rate is not None:
        return from_rate > to_rate
    head = span.root.head
    return head.lower_ == "to" and head.head.lemma_.lower() in CUT_VERBS


def _reported_would(verb: Token, dates: list[dict[str, Any]], anchor: dt.date | None) -> bool:
    """'would' in the complement of an announcement dated in the past ("in July announced
    that it would place a 20% tariff"): a report of what was decided then."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if "would" not in auxes:
        return False
    head = verb.head
    if not (
        verb.dep_ in {"ccomp", "xcomp"}
        and head.lemma_.lower() in _PAST_REPORT
        and head.tag_ in {"VBD", "VBN"}
    ):
        return False
    clause = [t for t in head.subtree if not (verb.left_edge.i <= t.i <= verb.right_edge.i)]
    left, right = clause[0].idx, clause[-1].idx + len(clause[-1])
    for d in dates:
        if not (left <= d["start"] < right):
            continue
        if d["precision"] == "month" and (
            anchor is None or d["date"] is None or d["date"][:7] != anchor.isoformat()[:7]
        ):
            return True
        if d["date"] and anchor and dt.date.fromisoformat(d["date"]) < anchor - dt.timedelta(7):
            return True
        if d["kind"] == "month" and d["date"] is None:
            return True
    return False


_ASPIRE = frozenset(
    ["seek", "want", "hope", "aim", "try", "pursue", "push", "achieve", "avoid", "need"]
)


def _aspirational(token: Token) -> bool:
    """A deal only sought: "from achieving a deal", "to reach a deal", "seeks a deal"."""
    for t in [token, *list(token.ancestors)[:3]]:
        if t.pos_ not in {"VERB", "AUX"}:
            continue
        if t.lemma_.lower() in _ASPIRE:
            return True
        if t.tag_ == "VBG" and t.dep_ in {"pcomp", "advcl", "xcomp", "acl"}:
            return True
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return True
        break
    return False


def deal_words(sent: Span, previous: Span | None) -> bool:
    """A deal word in the sentence or the one before, neither negated ("of not having enacted
    the agreement") nor only sought ("remain some ways from achieving a deal")."""
    for span in (sent, previous):
        if span is None:
            continue
        for token in span:
            if token.lemma_.lower() not in _DEAL:
                continue
            negated = any(
                c.dep_ == "neg" for t in [token, *token.ancestors][:3] for c in t.children
            )
            if not negated and not _aspirational(token):
                return True
    return False


def measure_status(
    span: Span,
    noun: Token,
    from_rate: float | None,
    to_rate: float,
    effective: str | None,
    anchor: dt.date | None,
    *,
    pending: bool = False,
    dates: list[dict[str, Any]] | None = None,
) -> str:
    """``threatened``, ``in_force``, ``agreed``, ``suspended`` or ``proposed`` (see module)."""
    sent = span.sent
    noun_path = [noun]
    for token in noun.ancestors:
        noun_path.append(token)
        if token.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children
        ):
            break
    path = _path(span) + noun_path
    path_lemmas = _lemmas(path)
    sent_lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    previous = span.doc[sent.start - 1].sent if sent.start > 0 else None
    verb = _measure_verb(span, noun)
    way = direction(verb) if verb is not None else 0
    if (
        verb is not None
        and way > 0
        and not pending
        and not (sent_lemmas & {"if", "unless"})
        and (_reported_would(verb, dates or [], anchor))
    ):
        way = -1
    if _is_suspended(span, noun):
        return "suspended"
    if _is_cut(span, from_rate, to_rate):
        return "agreed" if way >= 0 or sent_lemmas & _DEAL else "in_force"
    if path_lemmas & _CONTINUE or _in_place(path):
        return "in_force"
    if path_lemmas & _PROPOSE:
        return "proposed"
    if path_lemmas & _THREAT or sent_lemmas & {"if", "unless", "letter"}:
        return "threatened"
    if any(c.dep_ == "amod" and c.lower_ in _THREAT_MODIFIERS for c in noun.children):
        return "threatened"  # "a looming 30% tariff", "a potential 25% levy"
    rise = from_rate is not None and from_rate < to_rate
    if (
        deal_words(sent, None if rise else previous)  # a rise is a deal's only in its sentence
        and way >= 0
        and (verb is None or way > 0 or verb.tag_ not in {"VBD", "VBN"})
    ):
        return "agreed"
    if way > 0:
        return "threatened"
    if effective is not None and (anchor is None or dt.date.fromisoformat(effective) > anchor):
        return "threatened"
    if (
        pending
        and effective is None
        and not (verb is not None and way < 0 and verb.lemma_.lower() in _IMPOSING)
    ):
        return "threatened"
    return "in_force"
