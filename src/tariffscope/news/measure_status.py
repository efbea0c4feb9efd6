"""The status of a tariff measure from the grammar of its sentence, by named rules.

The grammar of the rate's sentence is read once into :class:`StatusClues` (which removal,
continuity, offer, threat or deal words lie on the path from the rate up to the head of its
clause; the tense of the verb that acts on the measure; a cut; a date ahead). The rules of the
``status`` table of ``news/data/measure_rules.toml`` then run by priority and the first that
applies decides, unless a known effective date contradicts it (the ``status_time`` table,
:data:`TIME_TESTS`: a date after publication overrides an in-force frame, one before it a
threat frame); each is a predicate over the clues, bound here by its id:

- a zero rate given by a removal verb ("will eliminate tariffs on most US goods") is the new
  rate, agreed when it lies ahead or sits in a deal, else in force;
- a removal, pause, delay or exemption on the path suspends the rate, unless it is only asked
  for ("asked Washington to lift the tariff") or negated or refused ("declined to remove the
  tariff": then it is no removal); so does a removal below the rate's verb that
  names the rate back ("announced a 49% tariff, before pausing it");
- a change only offered ("offered to cut tariffs to 10%") is left to the proposal rule;
- a cut is agreed when it lies ahead, sits in a deal, has no finite present verb or is told
  by a verb of cutting itself ("has lowered the tariff from 36% to 19%") without a word of
  collection, else in force ("now face 20%, down from 46%");
- continuity ("currently", "remains", "in place") or an effect verb in the past ("took
  effect") means in force;
- a rate set in a participle or relative clause of a legal act ("an order setting tariffs
  at 15%") that does not lie ahead is in force;
- a rate that modifies a tariff noun with its own past participle of imposing ("seeks to
  reduce the 30% tariff imposed by X") is in force, whatever the main verb seeks or offers;
- a rate a participle of sameness equates with one set before ("will face 10%, matching the
  rate set last year") is in force;
- an offer or a demand ("offered", "seeks", "proposal") means proposed, unless what is
  proposed is to impose ("has proposed imposing a 32% tariff": the imposer's own tariff,
  announced as coming, looks ahead);
- a threat or averting word ("averts a 30% tariff"), a condition ("if", "unless"), a
  letter, "a looming rate", a rate that "looms" or that the story looks ahead to ("ahead of
  a 30% tariff"), or such a frame on the act whose "of" phrase holds the tariff ("before the
  planned entry into force of 25% tariffs") means threatened;
- a recent announcement outside a deal ("has announced a 40% tariff", "announced on Friday
  ..., imposing 40% levies") means threatened: announced, not yet collected;
- a deal verb governing the rate ("agreed to a 15% tariff") means agreed, and so does a deal
  word in the sentence (or the one before) with a verb that is not past (not a negated one,
  "no agreement has been signed", nor an agreement to keep talking, "agreed to explore"); a
  rate without a measure verb needs the deal in its own sentence; a deal word of the rate's
  own sentence counts only when tied to the rate's clause (in it, holding it, or framing it:
  "under the deal"), not when told in another clause ("the pact is a relief for Zambia, which
  faces a 15% tariff");
- a verb that looks ahead ("will impose", "is set to", "would face"), an effective date
  after publication, a date ahead attached to the measure, or a day or month after
  publication near the rate in its sentence whatever its preposition ("starts in July",
  "extended the deadline to face 40% tariffs until July 9") means threatened; a day that ends
  what the clause tells ("faces 10% until July 9", "a period which expires on July 9") does
  not;
- else the rate is in force.

A tariff noun whose own clause looks ahead ("a 30% tariff set to take effect on Friday",
"duties to be imposed") is still to come; a rate in a participle after "after" or "since"
("after facing a 50% tariff"), or below such a preposition without a verb ("the second visit
after the imposition of a 25% tariff"), is what came before.
The infinitive of a promise or decision ("vowed to impose", "decided to lower") looks
ahead like a future. Only verbs that act on a measure (impose, raise, cut, take effect, ...)
give it a tense, unless the goods will not be subject to the tariff ("will not be subject
to the 25% tariff": the exemption lies ahead, the tariff stands); a tariff that is merely
talked about ("look at the 10% levies") is taken as in force. "would" in a report of a past
announcement without a pending date ("announced in July that it would place a 20% tariff")
counts as done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span, Token

from tariffscope.news._measure_parts import tree_distance
from tariffscope.news._measure_rules import RuleSpec, rule_specs
from tariffscope.news._measure_status_frames import (
    agreed_to_talk,
    ahead_of,
    announced_recently,
    described_ahead,
    removed_later,
    same_as_set_before,
)
from tariffscope.news._syntax import direction
from tariffscope.news.lexicon import Lexicon

__all__ = [
    "STATUS_TESTS",
    "TIME_TESTS",
    "StatusClues",
    "StatusWords",
    "TimeFacts",
    "deal_words",
    "looks_ahead",
    "measure_status",
    "read_clues",
    "settle_by_time",
    "status_rule",
]


@dataclass(frozen=True, slots=True)
class StatusWords:
    """The word sets the status rules read (``measure_status_*`` in the lexicon)."""

    suspend: frozenset[str]
    request: frozenset[str]
    continuing: frozenset[str]
    propose: frozenset[str]
    threat: frozenset[str]
    threat_modifier: frozenset[str]
    conditions: frozenset[str]
    deal: frozenset[str]
    deal_verbs: frozenset[str]
    measure_verbs: frozenset[str]
    imposing: frozenset[str]
    answered: frozenset[str]
    past_report: frozenset[str]
    aspire: frozenset[str]
    deal_absent: frozenset[str]
    deal_frames: frozenset[str]
    effect_verbs: frozenset[str]
    effect_objects: frozenset[str]
    cut_verbs: frozenset[str]
    intent: frozenset[str]
    suspend_passive: frozenset[str]
    instruments: frozenset[str]
    ahead: frozenset[str] = frozenset()
    back_pronouns: frozenset[str] = frozenset()
    negators: frozenset[str] = frozenset()
    announce: frozenset[str] = frozenset()
    same: frozenset[str] = frozenset()
    schedule: frozenset[str] = frozenset()
    pairing_marks: frozenset[str] = frozenset()
    prior: frozenset[str] = frozenset()
    refuse: frozenset[str] = frozenset()
    possible: frozenset[str] = frozenset()
    execute: frozenset[str] = frozenset()
    hope: frozenset[str] = frozenset()
    until: frozenset[str] = frozenset()
    deadline: frozenset[str] = frozenset()
    liable: frozenset[str] = frozenset()

    @classmethod
    def from_lexicon(cls, lex: Lexicon) -> StatusWords:
        """Read the ``measure_status_*`` word sets (and ``measure_cut_verbs``)."""
        return cls(
            suspend=lex.words("measure_status_suspend"),
            request=lex.words("measure_status_request"),
            continuing=lex.words("measure_status_continue"),
            propose=lex.words("measure_status_propose"),
            threat=lex.words("measure_status_threat"),
            threat_modifier=lex.words("measure_status_threat_modifier"),
            conditions=lex.words("measure_status_conditions"),
            deal=lex.words("measure_status_deal"),
            deal_verbs=lex.words("measure_status_deal_verbs"),
            measure_verbs=lex.words("measure_status_verbs"),
            imposing=lex.words("measure_status_imposing"),
            answered=lex.words("measure_status_answer_nouns"),
            past_report=lex.words("measure_status_past_report"),
            aspire=lex.words("measure_status_aspire"),
            deal_absent=lex.words("measure_status_deal_absent"),
            deal_frames=lex.words("measure_status_deal_frames"),
            effect_verbs=lex.words("measure_status_effect_verbs"),
            effect_objects=lex.words("measure_status_effect_objects"),
            cut_verbs=lex.words("measure_cut_verbs"),
            intent=lex.words("measure_status_intent"),
            suspend_passive=lex.words("measure_status_suspend_passive"),
            instruments=lex.words("measure_status_instruments"),
            ahead=lex.words("measure_status_ahead"),
            back_pronouns=lex.words("measure_status_back_pronouns"),
            negators=lex.words("measure_status_negators"),
            announce=lex.words("measure_status_announce"),
            same=lex.words("measure_status_same"),
            schedule=lex.words("measure_status_schedule"),
            pairing_marks=lex.words("measure_status_pairing_marks"),
            prior=lex.words("measure_status_prior"),
            refuse=lex.words("measure_status_refuse"),
            possible=lex.words("measure_status_possible"),
            execute=lex.words("measure_status_execute"),
            hope=lex.words("measure_status_hope"),
            until=lex.words("measure_status_until"),
            deadline=lex.words("measure_status_deadline"),
            liable=lex.words("measure_status_liable"),
        )


@dataclass(frozen=True, slots=True)
class TimeFacts:
    """What a known effective date says against the publication date (both known)."""

    after: bool  # the effective date is after publication
    before: bool  # the effective date is before publication
    suspended: bool  # the rate is paused or lifted

    @classmethod
    def of(cls, effective: str | None, anchor: dt.date | None, suspended: bool) -> TimeFacts:
        if effective is None or anchor is None:
            return cls(False, False, suspended)
        day = dt.date.fromisoformat(effective)
        return cls(day > anchor, day < anchor, suspended)


@dataclass(frozen=True, slots=True)
class StatusClues:
    """What the grammar of one rate's sentence says about its status."""

    zero: bool  # the rate is zero
    removal: bool  # a removal word governs the rate
    removal_asked: bool  # ... but the removal is only asked for
    cut: bool  # the rate is lower than its from-rate, or a cut verb leads "to" it
    way: int  # the measure verb's direction: -1 past, +1 ahead, 0 present or unknown
    past_verb: bool  # the measure verb is a past tense or participle
    verb_imposes: bool  # the measure verb imposes ("set", "impose", "slap")
    has_verb: bool  # a verb that acts on a measure governs the rate
    continuing: bool
    took_effect: bool
    proposed: bool
    threat: bool
    deal_verb: bool  # a deal verb, not negated nor only sought, governs the rate
    deal_near: bool  # a deal word in the sentence (or the one before)
    deal_in_sentence: bool
    effective_later: bool
    pending: bool
    enacted: bool = False  # the rate is set in a clause of a legal act ("an order setting")
    announced: bool = False  # a recent announcement gives the rate ("has announced 40%")
    same_as_before: bool = False  # "will face 10%, matching the rate set last year"
    deal_here: bool = False  # a deal word, settled, in the rate's own sentence
    time: TimeFacts = field(default_factory=lambda: TimeFacts(False, False, False))
    present_verb: bool = False  # the measure verb is a finite present ("face", "is")
    cut_verb: bool = False  # the measure verb is itself a verb of cutting ("has lowered")
    imposed_before: bool = False  # the rate's own noun: "the 30% tariff imposed by X"
    deal_before: bool = False  # a settled deal word in one of the DEAL_BACK sentences before
    # the pending date's own words tell it ahead ("starting next year"): a law passed to start
    # later, whatever the past verb that imposes it ("has approved imposing tariffs")
    pending_ahead: bool = False
    date_ahead: bool = False  # a day after publication near the rate in its sentence


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
        if _coordinated_verb(token):
            break
    return out


def _coordinated_verb(token: Token) -> bool:
    """A verb coordinated with another heads its own clause, which shares only the subject:
    "will avoid the threatened 32% tariffs and instead face a 19% rate"."""
    return token.pos_ == "VERB" and token.dep_ == "conj" and token.head.pos_ in {"VERB", "AUX"}


def _in_place(path: list[Token]) -> bool:
    """'a 10% baseline tariff in place', 'the duties remain in place'."""
    return any(
        c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "place" for g in c.children)
        for t in path
        for c in t.children
    )


def _measure_verb(span: Span, noun: Token, words: StatusWords) -> Token | None:
    """The first verb above the rate (or its tariff noun) that acts on a measure."""
    for token in [*_path(span), noun, *noun.ancestors]:
        if token.pos_ in {"VERB", "AUX"}:
            return token if token.lemma_.lower() in words.measure_verbs else None
    return None


def _lemmas(tokens: list[Token]) -> set[str]:
    out = set()
    for token in tokens:
        out.add(token.lemma_.lower())
        out.update(
            c.lower_ for c in token.children if c.dep_ in {"advmod", "amod", "neg", "mark", "prt"}
        )
    return out


def _removal(span: Span, noun: Token, words: StatusWords) -> tuple[bool, bool]:
    """(a removal word governs the rate, the removal is only asked for)."""
    path = _before_prior(_path(span), words)  # "postponed a vote following the 15% duty"
    for k, token in enumerate(path):
        if token.i in range(span.start, span.end):
            continue
        lemma = token.lemma_.lower()
        if _verb_names(token) & words.suspend or (
            lemma == "require" and any(c.dep_ == "neg" for c in token.children)
        ):
            upper = path[k + 1 :]
            if path[-1].dep_ in {"ccomp", "xcomp"}:
                upper.append(path[-1].head)  # "hopes a deal will spare it from the tariff"
            above = {t.lemma_.lower() for t in upper if t.pos_ == "VERB"}
            if _refused(token, upper, above, words):
                return False, False  # "declined to commit to removing the 17% tariffs"
            return True, bool(above & (words.request | words.aspire))
    if any(c.lemma_.lower() in words.suspend for c in noun.children if c.dep_ == "amod"):
        return True, False
    if _removal_complement(path, words):
        return True, False
    if _removal_to_come(noun, words):
        return True, False
    if removed_later(path, words):
        return True, False
    # terse lines the parser misreads: a headline verb right before the rate
    doc = span.doc
    window = doc[max(span.sent.start, span.start - 3) : span.start]
    found = any(
        t.lemma_.lower() in words.suspend or t.lower_.rstrip("s") in words.suspend for t in window
    )
    return found, False


def _verb_names(token: Token) -> set[str]:
    """The lemma of a word and, for a phrasal verb, the lemma with its particle ("roll back")."""
    lemma = token.lemma_.lower()
    return {lemma} | {f"{lemma} {c.lower_}" for c in token.children if c.dep_ in {"prt", "advmod"}}


def _removal_as_condition(span: Span, noun: Token, words: StatusWords) -> bool:
    """The rate's tariff is the object of a removal or cut in a clause of condition ("unless
    Washington rolls back its own 50% duties", "unless the US reciprocates by lowering its 50%
    duties", "if the 25% tariff is lifted"): the rate whose removal is asked for stands now.
    The rate must modify the tariff noun ("unless X cuts its tariff to 10%" is the new rate)."""
    if noun.dep_ not in {"dobj", "nsubjpass"}:
        return False
    if not (noun.left_edge.i <= span.start and span.end <= noun.i):
        return False
    removal = False
    for token in noun.ancestors:
        removal = removal or bool(_verb_names(token) & (words.suspend | words.cut_verbs))
        if any(c.dep_ == "mark" and c.lower_ in words.conditions for c in token.children):
            return removal
        if token.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children
        ):
            return False  # the clause head, with no condition
    return False


def _removal_possible(path: list[Token], words: StatusWords) -> bool:
    """The removal on the rate's path is only possible ("expect Peru could be given an
    exemption to the 10% tariff", "the 25% tariff might be lifted"): a modal of possibility
    on the removal or a verb above it in the clause."""
    return any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in words.possible
        for t in path
        if t.pos_ in {"VERB", "AUX"}
        for c in t.children
    )


def _with_report(path: list[Token]) -> list[Token]:
    """The rate's path and, when its clause is the complement of another verb, that verb ("he
    announced he was hiking tariffs by 10%")."""
    top = path[-1]
    return [*path, top.head] if top.dep_ == "ccomp" else path


def _conditioned(span: Span, words: StatusWords) -> bool:
    """A condition word of the sentence ("if", "unless") frames the rate: the clause it opens
    hangs on a clause that holds the rate ("tariffs will rise to 25% if no deal is reached",
    "threatened 50% tariffs if no deal is forthcoming"), not on another clause of the sentence
    ("has hit steel with 50% tariffs and has threatened ... if no deal"); a condition word the
    parser leaves unattached ("letter", an "if" that is no mark) frames the whole sentence."""
    for token in span.sent:
        if token.lemma_.lower() not in words.conditions and token.lower_ not in words.conditions:
            continue
        if token.dep_ != "mark":
            return True
        clause = token.head
        governor = clause.head if clause.dep_ == "advcl" else clause
        if governor.left_edge.i <= span.start and span.end <= governor.right_edge.i + 1:
            return True
    return False


def _told_before(verb: Token, words: StatusWords) -> bool:
    """The measure verb lies in a phrase of what came before, below a verb with its own
    subject ("after facing a 50% tariff", "following Washington's move to slap 35% tariffs",
    "following the decision to impose a 15% duty"): done, whatever its tense or intent."""
    token = verb
    for _ in range(6):
        if token.dep_ == "prep" and token.lower_ in words.prior:
            return True
        if token.head.i == token.i or (
            token.pos_ in {"VERB", "AUX"}
            and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children)
        ):
            return False
        token = token.head
    return False


def _removal_complement(path: list[Token], words: StatusWords) -> bool:
    """A removal participle or adjective that completes a verb of the rate's clause ("the 24%
    rate will remain suspended", "the duties stay paused", "the levy is now waived"): the
    parser makes it the verb's complement, or the verb its auxiliary, off the rate's path."""
    for token in path:
        if token.pos_ not in {"VERB", "AUX"}:
            continue
        done = [c for c in token.children if c.dep_ in {"acomp", "oprd"}]
        if token.dep_ in {"aux", "auxpass"}:
            done.append(token.head)
        for word in done:
            if (word.lemma_.lower() in words.suspend or word.lower_ in words.suspend) and not any(
                c.dep_ == "neg" for t in (word, token) for c in t.children
            ):
                return True
    return False


def _refused(removal: Token, upper: list[Token], above: set[str], words: StatusWords) -> bool:
    """A removal that is negated or refused ("will not lift the tariff", "declined to commit to
    removing it", "refuses to suspend the duties"): the rate stays as it is."""
    if above & words.refuse:
        return True
    verbs = [removal, *(t for t in upper if t.pos_ in {"VERB", "AUX"})]
    return any(c.dep_ == "neg" for t in verbs for c in t.children)


def _removal_to_come(noun: Token, words: StatusWords) -> bool:
    """A tariff that heads its clause followed by a passive infinitive of removal ("the extra
    duty on steel, to be scrapped next month"), which the parser may hang on a nearer noun."""
    if noun.dep_ not in {"ROOT", "nsubj", "nsubjpass"}:
        return False
    for token in noun.sent[noun.i - noun.sent.start + 1 :]:
        if (
            token.pos_ == "VERB"
            and token.i != noun.head.i
            and any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children)
        ):
            return False  # another clause with its own subject
        if (
            token.tag_ == "VBN"
            and token.lemma_.lower() in words.suspend | words.suspend_passive
            and {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}} >= {"to", "be"}
        ):
            return True
    return False


def _intended(verb: Token, words: StatusWords) -> bool:
    """The measure verb is the infinitive of a promise or decision ("vowed to impose", "has
    decided to lower", "instructed the minister to raise ... and to extend"): still to come."""
    if verb.lemma_.lower() in words.intent:
        return True  # "he plans a new 15% rate": the measure is the plan's object
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ not in {"xcomp", "ccomp", "acl"} or not any(
        c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
    ):
        return False
    # "vowed to impose"; and the infinitive of a noun of decision or plan ("Washington's
    # decision to impose a 25% tariff", "the plan to raise duties to 20%")
    return verb.head.lemma_.lower() in words.intent


def looks_ahead(verb: Token, words: StatusWords) -> bool:
    """The infinitive of a promise, a decision or an agreement ("vowed to impose", "agreed to
    remove"): the act is still to come."""
    if _intended(verb, words):
        return True
    return (
        verb.dep_ in {"xcomp", "ccomp"}
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.lemma_.lower() in words.deal_verbs
    )


def _is_cut(span: Span, from_rate: float | None, to_rate: float, words: StatusWords) -> bool:
    if from_rate is not None:
        return from_rate > to_rate
    head = span.root.head
    verb = head.head
    if verb.lower_ == "down" and verb.head.i != verb.i:
        verb = verb.head  # "cut duties down to 5%", "a reduction of tariffs down to 0%"
    return head.lower_ == "to" and verb.lemma_.lower() in words.cut_verbs


def _took_effect(path: list[Token], words: StatusWords) -> bool:
    """'took effect', 'went into effect', 'kicked in', 'has come into force': done."""
    for token in path:
        if token.pos_ != "VERB" or token.lemma_.lower() not in words.effect_verbs:
            continue
        near = [c for c in token.children] + [g for c in token.children for g in c.children]
        if any(t.lower_ in words.effect_objects for t in near) and direction(token) < 0:
            return True
    return False


def _reported_would(
    verb: Token, dates: Sequence[dict[str, Any]], anchor: dt.date | None, words: StatusWords
) -> bool:
    """'would' in the complement of an announcement dated in the past ("in July announced
    that it would place a 20% tariff"): a report of what was decided then."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if "would" not in auxes:
        return False
    head = verb.head
    if not (
        verb.dep_ in {"ccomp", "xcomp"}
        and head.lemma_.lower() in words.past_report
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


def _aspirational(token: Token, words: StatusWords) -> bool:
    """A deal only sought: "from achieving a deal", "to reach a deal", "seeks a deal"; a deal
    that frames the clause ("Under the deal, X will avoid ...") is not what the verb seeks, nor
    is a deal a verb carries out ("a proposal to implement the agreement")."""
    if token.dep_ == "pobj" and token.head.lower_ in words.deal_frames:
        return False
    for t in [token, *list(token.ancestors)[:3]]:
        if t.pos_ not in {"VERB", "AUX"}:
            continue
        if t.lemma_.lower() in words.execute:
            return False  # "a proposal to implement the agreement": the deal is made
        if t.lemma_.lower() in words.aspire:
            return True
        if t.tag_ == "VBG" and t.dep_ in {"pcomp", "advcl", "xcomp", "acl"}:
            return True
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return True
        break
    return False


def _negated(token: Token, negators: frozenset[str] = frozenset()) -> bool:
    """A negation on the word or the two words above it, or a negating determiner on the word
    ("no formal agreement has been signed")."""
    if any(c.dep_ == "det" and c.lower_ in negators for c in token.children):
        return True
    return any(c.dep_ == "neg" for t in [token, *token.ancestors][:3] for c in t.children)


def deal_words(
    sent: Span, previous: Span | None, words: StatusWords, clause: list[Token] | None = None
) -> bool:
    """A deal word in the sentence or the one before, neither negated ("of not having enacted
    the agreement") nor only sought ("remain some ways from achieving a deal"); with
    ``clause`` (the heads of the rate's clauses), a deal word of the sentence itself must be
    tied to one of them (:func:`_tied_to`)."""
    for span in (sent, previous):
        if span is None:
            continue
        settled = [t for t in span if _settled_deal(t, words)]
        if clause is not None and span is sent:
            settled = [t for t in settled if _tied_to(t, clause, words)]
        if settled:
            return True
    return False


#: How many sentences before a rate of 0% a deal may be told for the rate to be one of its
#: exemptions ("Under the deal, ... . The broad tariff will be lowered to 15%. Generic drugs
#: will face a 0% tariff."): a story tells a deal's terms over a few sentences.
DEAL_BACK = 3


def deal_told_before(sent: Span, words: StatusWords) -> bool:
    """A settled deal word in one of the :data:`DEAL_BACK` sentences before ``sent``."""
    doc = sent.doc
    start = sent.start
    for _ in range(DEAL_BACK):
        if start == 0:
            return False
        before = doc[start - 1].sent
        if any(_settled_deal(t, words) for t in before):
            return True
        start = before.start
    return False


def _settled_deal(token: Token, words: StatusWords) -> bool:
    if token.lemma_.lower() not in words.deal:
        return False
    if token.pos_ == "VERB" and token.lemma_.lower() not in words.deal_verbs | {"agree"}:
        return False  # a deal noun used as a verb: "returning migrants", "exchanged views"
    return (
        not _negated(token, words.negators)
        and not _aspirational(token, words)
        and not _absent(token, words)
        and not agreed_to_talk(token, words)
    )


def _tied_to(deal: Token, clause: list[Token], words: StatusWords) -> bool:
    """The deal word lies in the rate's clause ("will pay 19% under a deal", "the deal sets
    20%") or the rate's clause lies in the deal word's phrase ("a deal on zero tariffs", "the
    pact, which cuts duties to 5%") or in the clause a deal frames ("Under the deal, X will pay
    19%, except goods that will receive 0%"); a deal told in another clause of the sentence
    ("the agreement will be a relief for Zambia, which faces a 15% tariff") does not set the
    rate."""
    framed = deal.head if deal.dep_ == "pobj" and deal.head.lower_ in words.deal_frames else None
    scope = deal if framed is None else framed.head  # "under the deal" frames its clause
    return any(
        top.left_edge.i <= deal.i <= top.right_edge.i
        or scope.left_edge.i <= top.i <= scope.right_edge.i
        for top in clause
    )


def _clause_heads(path: list[Token], words: StatusWords) -> list[Token]:
    """The head of the rate's clause (a participle under a preposition, "after facing a 50%
    tariff", heads its own), and the clause it pairs with when it is a conjunct or a clause
    of contrast ("X will pay 19% under the deal, while US exports will be free of tariffs"):
    the pair shares the frame of the sentence."""
    top = next((t for t in path if t.tag_ == "VBG" and t.dep_ in {"pcomp", "advcl"}), path[-1])
    heads = [top]
    if top.dep_ == "conj" or (
        top.dep_ == "advcl"
        and any(c.dep_ == "mark" and c.lower_ in words.pairing_marks for c in top.children)
    ):
        heads.append(top.head)
    return heads


def _absent(token: Token, words: StatusWords) -> bool:
    """'Without a deal', 'absent an agreement': the deal is a condition that is not met."""
    return token.dep_ in {"pobj", "dobj"} and token.head.lower_ in words.deal_absent


def _without_deal(sent: Span, words: StatusWords) -> bool:
    """'Without a deal, a 25% tariff will take effect': the rate is the threat."""
    return any(
        (t.lemma_.lower() in words.deal or t.lower_ in words.deal) and _absent(t, words)
        for t in sent
    )


def _deal_verb(path: list[Token], words: StatusWords) -> bool:
    """A deal verb on the rate's path, settled: "agreed to a 15% tariff", "accepted 15%"."""
    for token in path:
        if token.pos_ != "VERB" or token.lemma_.lower() not in words.deal_verbs:
            continue
        return not _negated(token) and not _aspirational(token, words)
    return False


def read_clues(
    span: Span,
    noun: Token,
    from_rate: float | None,
    to_rate: float,
    effective: str | None,
    anchor: dt.date | None,
    words: StatusWords,
    *,
    pending: bool = False,
    dates: Sequence[dict[str, Any]] | None = None,
    pending_ahead: bool = False,
) -> StatusClues:
    """Read the status clues of the rate ``span`` (tariff noun ``noun``)."""
    sent = span.sent
    noun_path = [noun]
    for token in noun.ancestors:
        noun_path.append(token)
        if token.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in token.children
        ):
            break
        if _coordinated_verb(token):
            break
    path = _path(span) + noun_path
    path_lemmas = _lemmas(path)
    sent_lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
    previous = span.doc[sent.start - 1].sent if sent.start > 0 else None
    verb = _measure_verb(span, noun, words)
    way = direction(verb) if verb is not None else 0
    if verb is not None and way <= 0 and _intended(verb, words):
        way = 1
    if verb is not None and _told_before(verb, words):
        way = -1  # "a boost, after facing a 50% tariff": what came before, whatever the tense
    if len(_before_prior(_path(span), words)) < len(_path(span)):
        way = -1  # "would be the second visit after the imposition of a 25% tariff"
    if way > 0 and _spared(path, words):
        way = 0  # "will not be subject to the 25% tariff": the exemption is to come, not the rate
    if way <= 0 and described_ahead(noun, words):
        way = 1  # "imposed a 30% tariff set to take effect on Friday": the tariff is to come
    imposition_proposed = _imposition_proposed(_path(span) + noun_path, words)
    if imposition_proposed:
        way = 1  # "has proposed imposing a 32% tariff": announced as coming, not offered
    conditional = bool(sent_lemmas & (words.conditions - {"letter"}))
    if (
        verb is not None
        and way > 0
        and not pending
        and not conditional
        and _reported_would(verb, dates or [], anchor, words)
    ):
        way = -1
    removal, asked = _removal(span, noun, words)
    if _removal_as_condition(span, noun, words) or (
        removal and to_rate > 0 and _removal_possible(_path(span), words)
    ):
        removal, asked = True, True  # its removal is only a condition or a chance: it stands
    rise = from_rate is not None and from_rate < to_rate
    # "a potential 26% tariff": the rate itself is only a threat, whatever its verb continues
    # ("is currently facing a potential 26% tariff" faces the threat, not the duty); a rate
    # told of the same noun further on ("..., temporarily eased to 10%") is not qualified
    threatened_noun = any(
        c.dep_ == "amod" and c.lower_ in words.threat_modifier for c in noun.children
    )
    chance = threatened_noun and span.root.head == noun
    acts = _acts_of(noun) + _acts_of(span.root)  # "of 30% Peruvian tariffs": "%" the object
    threat = (
        bool(path_lemmas & words.threat)
        or _without_deal(sent, words)
        or _conditioned(span, words)
        or threatened_noun
        or ahead_of(noun, words)
        or any(
            ahead_of(act, words)
            or any(c.dep_ == "amod" and c.lower_ in words.threat_modifier for c in act.children)
            for act in acts
        )
    )
    return StatusClues(
        zero=to_rate == 0,
        removal=removal,
        removal_asked=asked,
        cut=_is_cut(span, from_rate, to_rate, words),
        way=way,
        past_verb=verb is not None and verb.tag_ in {"VBD", "VBN"},
        present_verb=verb is not None and verb.tag_ in {"VBZ", "VBP"},
        cut_verb=verb is not None and verb.lemma_.lower() in words.cut_verbs,
        verb_imposes=verb is not None and verb.lemma_.lower() in words.imposing,
        has_verb=verb is not None,
        continuing=(bool(path_lemmas & words.continuing) or _in_place(path)) and not chance,
        took_effect=_took_effect(path, words),
        # a rate only hoped for is one sought in talks, unless a threat frames it ("hope to
        # avert the 25% tariff")
        proposed=(
            _proposed(_path(span), noun_path, _is_cut(span, from_rate, to_rate, words), words)
            and not imposition_proposed
        )
        or (_hoped(_path(span), noun_path, noun, words) and not threat),
        threat=threat,
        deal_verb=_deal_verb(path, words),
        # a rise is a deal's only in its own sentence
        deal_near=deal_words(
            sent,
            None if rise else previous,
            words,
            [*_clause_heads(_path(span), words), *_clause_heads(noun_path, words)],
        ),
        deal_in_sentence=bool(sent_lemmas & words.deal),
        effective_later=effective is not None
        and (anchor is None or dt.date.fromisoformat(effective) > anchor),
        pending=pending and effective is None,
        pending_ahead=pending_ahead and effective is None,
        enacted=_enacted(path, words),
        imposed_before=_imposed_before(span, noun, words),
        announced=announced_recently(
            _with_report(path) + _announced_participles(noun, words), dates or [], anchor, words
        ),
        same_as_before=same_as_set_before(_path(span), words),
        deal_here=deal_words(sent, None, words),
        deal_before=to_rate == 0 and deal_told_before(sent, words),
        date_ahead=_date_ahead(span, noun, dates or [], anchor, words),
        time=TimeFacts.of(effective, anchor, removal and not asked),
    )


#: How many dependency arcs a day may lie from the rate (or its tariff noun) to be the
#: rate's day: the clause of the rate, not another clause of a long sentence.
DATE_REACH = 6


def _date_ahead(
    span: Span,
    noun: Token,
    dates: Sequence[dict[str, Any]],
    anchor: dt.date | None,
    words: StatusWords,
) -> bool:
    """A day after publication in the rate's clause (the clause of the rate or of its tariff
    noun), at most :data:`DATE_REACH` arcs from the rate or the noun, whatever its preposition
    ("extended the 26% duties until August 1", "the deadline to face 50% tariffs until July
    9"): the rate is told before its day, so it is not collected yet."""
    if anchor is None:
        return False
    sent = span.sent
    for d in dates:
        if not (sent.start_char <= d["start"] < sent.end_char) or not _later(d, anchor):
            continue
        day = span.doc.char_span(d["start"], d["end"], alignment_mode="expand")
        if day is None or _ends_a_period(day.root, words):
            continue
        if _clause_of(day.root) not in {_clause_of(span.root), _clause_of(noun)}:
            continue  # "X will take effect on August 27, while a 25% tariff comes into force"
        if min(tree_distance(day.root, span.root), tree_distance(day.root, noun)) <= DATE_REACH:
            return True
    return False


def _clause_of(token: Token) -> int:
    """The index of the head of the token's clause: the first verb above it with a subject
    (the sentence's root when none has one)."""
    for head in [token, *token.ancestors]:
        if head.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in head.children
        ):
            return head.i
    return token.sent.root.i


def _later(date: dict[str, Any], anchor: dt.date) -> bool:
    """A day after publication, or a month (year) after publication's month (year)."""
    value, precision = date.get("date"), date.get("precision")
    if value is None:
        return False
    size = {"day": 10, "month": 7, "year": 4}.get(str(precision))
    return size is not None and str(value)[:size] > anchor.isoformat()[:size]


def _ends_a_period(day: Token, words: StatusWords) -> bool:
    """The day ends what its clause tells ("a 10% charge during the interim period, which
    expires on July 9", "the 10% rate applies until July 9", "extended the truce until
    August 12"): the rate is collected (or paused) up to it; unless what runs to it is a
    deadline or the imposition itself ("extended the imposition of the 26% duties until
    August 1", "agreed to extend the deadline to face 50% tariffs until July 9"): then the
    rate comes on that day."""
    prep = day.head
    verb = prep.head if prep.dep_ == "prep" else prep
    ends = prep.lower_ in words.until or verb.lemma_.lower() in words.until
    if not ends:
        return False
    above = [verb, *list(verb.ancestors)[:2]]
    return not any(
        t.lemma_.lower() in words.deadline
        or any(c.dep_ == "dobj" and c.lemma_.lower() in words.deadline for c in t.children)
        for t in above
    )


def _imposition_proposed(path: list[Token], words: StatusWords) -> bool:
    """A word of proposing on the rate's path whose complement is a verb of imposing ("has
    proposed imposing tariffs of up to 32%", "a proposal to slap a 25% duty"): the imposer
    announces its own tariff as coming; nothing is offered or demanded in talks."""
    for token in path:
        if token.lemma_.lower() not in words.propose and token.lower_ not in words.propose:
            continue
        return any(
            c.dep_ in {"xcomp", "ccomp", "acl"} and c.lemma_.lower() in words.imposing
            for c in token.children
        )
    return False


def _spared(path: list[Token], words: StatusWords) -> bool:
    """The rate's tariff is what goods are not (or will be without being) liable to ("will not
    be subject to the 25% tariff", "can enter without being subject to the 25% tariff"): what
    lies ahead is the exemption; the tariff it spares the goods from stands."""
    for token in path:
        if token.lower_ not in words.liable or token.dep_ != "acomp":
            continue
        verb = token.head
        if any(c.dep_ == "neg" for c in verb.children):
            return True
        if verb.dep_ == "pcomp" and verb.head.lower_ in words.deal_absent:
            return True
    return False


#: How many nouns of an act (with their prepositions) may stand above a tariff noun's "of"
#: phrase: "the planned entry into force of 25% tariffs" (force, then entry).
ACT_REACH = 2


def _acts_of(noun: Token) -> list[Token]:
    """The nouns of an act whose "of" phrase holds the tariff noun ("ahead of the imposition of
    a 30% duty", "the planned entry into force of 25% tariffs": force, entry): what frames
    the act frames the tariff."""
    out: list[Token] = []
    token = noun
    while len(out) < ACT_REACH and token.dep_ == "pobj" and token.head.dep_ == "prep":
        prep = token.head
        if (not out and prep.lower_ != "of") or prep.head.pos_ != "NOUN":
            break
        token = prep.head
        out.append(token)
    return out


def _before_prior(path: list[Token], words: StatusWords) -> list[Token]:
    """The path up to a preposition of what came before ("following the imposition of a 15%
    tariff", "after the 20% levy"): the verb above it frames another act, not the rate."""
    out: list[Token] = []
    for token in path:
        if token.dep_ == "prep" and token.lower_ in words.prior:
            break
        out.append(token)
    return out


def _proposed(path: list[Token], noun_path: list[Token], cut: bool, words: StatusWords) -> bool:
    """An offer or demand word frames the rate ("offered a 10% rate", "a proposal of 15%"),
    or a cut is only sought ("in hopes of securing a reduction to 18%", "wants the rate cut
    to 10%"); a word above a preposition of what came before does not frame it ("will seek
    talks following the imposition of a 15% tariff")."""
    frame = _before_prior(path, words) + _before_prior(noun_path, words)
    if _lemmas(frame) & words.propose:
        return True
    if not cut:
        return False
    if frame and frame[-1].dep_ in {"ccomp", "xcomp"}:
        frame.append(frame[-1].head)  # "wants Washington to cut the rate to 10%"
    sought = words.request | words.aspire
    return any(
        bool({t.lemma_.lower(), t.lower_, t.lower_.removesuffix("s")} & sought)
        and t.tag_ not in {"VBD", "VBN"}
        for t in frame
    )


def _hoped(path: list[Token], noun_path: list[Token], noun: Token, words: StatusWords) -> bool:
    """The rate is only what someone hopes for, wishes or believes will come ("hopes to secure
    a 15% rate", "believed the tariff would be 10%", "the hoped-for 10% tariff"): a verb of
    hope or belief in the active voice frames the rate's clause (or the clause above it), or
    modifies its tariff noun. A passive ("the duty is believed to be 25%") reports a rate,
    not anyone's hope. A verb of expecting is not one of hope: "Ottawa expects Beijing to drop
    the duty to 15%" tells a deal's term as often as a wish."""

    def hope(t: Token) -> bool:  # the parser's lemma of "hoping" is "hop"
        return bool({t.lemma_.lower(), t.lower_} & words.hope)

    if any(c.dep_ == "amod" and hope(c) for c in noun.children):
        return True
    frame = _before_prior(path, words) + _before_prior(noun_path, words)
    if frame and frame[-1].dep_ in {"ccomp", "xcomp"}:
        frame.append(frame[-1].head)  # "believed that the tariff would be 10%"
    return any(
        t.pos_ in {"VERB", "AUX"}
        and hope(t)
        and not any(c.dep_ in {"auxpass", "nsubjpass"} for c in t.children)
        for t in frame
    )


def _imposed_before(span: Span, noun: Token, words: StatusWords) -> bool:
    """The rate modifies its tariff noun, which carries its own past participle of imposing
    ("the 30% tariff imposed by X", "the 25% levy slapped on Y last year"): that rate is
    collected, whatever the main verb seeks, offers or threatens to do with it (a rate given
    elsewhere, "raise the tariff imposed in May to 50%", is the verb's own). So is the tariff
    a retaliation or response answers ("in retaliation for X's 10% levies")."""
    if any(
        c.dep_ == "relcl" and _told_done(c) and c.lemma_.lower() in words.imposing
        for c in (*span.root.children, *noun.children)
    ) and not described_ahead(noun, words):
        # "on top of the 20% he imposed in March", "the 25% levy X slapped on Y", "the 15%
        # tariff they have imposed"
        return True
    if not (noun.left_edge.i <= span.start and span.end <= noun.i):
        return False
    # "in retaliation for Washington's 10% levies", "in response to the 25% tariffs": what a
    # retaliation answers has been laid
    answered = (
        noun.dep_ == "pobj"
        and noun.head.lower_ in {"for", "to", "against"}
        and noun.head.head.lemma_.lower() in words.answered
        and not _announced_participles(noun, words)  # "in response to the 50% hike announced"
    )
    return (
        answered
        or any(
            c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in words.imposing
            for c in noun.children
        )
    ) and not described_ahead(noun, words)


def _told_done(verb: Token) -> bool:
    """A verb told as done: in the simple past ("imposed") or the present or past perfect
    ("have imposed", "has been imposed"), not under a modal ("will have imposed")."""
    if verb.tag_ == "VBD":
        return True
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    return (
        verb.tag_ == "VBN"
        and any(c.lemma_.lower() == "have" for c in auxes)
        and not any(c.tag_ == "MD" for c in auxes)
    )


def _announced_participles(noun: Token, words: StatusWords) -> list[Token]:
    """Past participles of announcing on the tariff noun ("the 50% tariff increase announced by
    the president"): the tariff is told as announced."""
    return [
        c
        for c in noun.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in words.announce
    ]


def _enacted(path: list[Token], words: StatusWords) -> bool:
    """The rate lies in a participle or relative clause of a legal act ("a proclamation
    raising duties to 30%", "a decree that set a 12% levy"), or the verb on its path is done
    in one ("was slashed to 15% in last week's executive order", "cut to 11% under an
    order"): the act sets it."""
    return any(
        t.dep_ in {"acl", "relcl"} and t.head.lemma_.lower() in words.instruments for t in path
    ) or any(
        g.lemma_.lower() in words.instruments
        for t in path
        if t.pos_ == "VERB"
        for c in t.children
        if c.dep_ == "prep" and c.lower_ in {"in", "under", "by", "through", "via"}
        for g in c.children
        if g.dep_ == "pobj"
    )


def _suspended(c: StatusClues) -> bool:
    return c.removal and not c.removal_asked


#: The predicate of each status rule id of ``measure_rules.toml``.
STATUS_TESTS: Mapping[str, Callable[[StatusClues], bool]] = {
    # a change only offered or demanded ("offered to cut tariffs to 10%") is a proposal
    "status.zero_by_removal_ahead": lambda c: (
        c.zero and _suspended(c) and not c.proposed and (c.way > 0 or c.deal_near)
    ),
    "status.zero_by_removal_done": lambda c: (
        c.zero and _suspended(c) and not c.proposed and c.way < 0
    ),
    "status.suspended_by_removal": lambda c: _suspended(c) and not (c.zero and c.proposed),
    # the removal of a rate is only sought ("wants an end to the 25% tariffs"): collected now
    "status.removal_sought": lambda c: c.removal and c.removal_asked and not c.zero,
    # a cut a finite measure verb tells in the present outside a deal ("now face 20%, down
    # from 46%") is collected now; an infinitive or a headline without a verb looks ahead
    "status.cut_ahead": lambda c: (
        c.cut
        and not c.proposed
        and (c.way > 0 or c.deal_in_sentence or (c.way == 0 and not c.present_verb))
    ),
    # a verb of cutting reports the change ("has lowered the tariff from 36% to 19%"), which
    # gold reads as the rate a deal sets; only a verb of the rate's state ("now face 20%,
    # down from 46%") or a word of collection tells it is collected
    "status.cut_reported": lambda c: (
        c.cut
        and not c.proposed
        and c.cut_verb
        and not (c.continuing or c.took_effect or (c.enacted and c.way <= 0))
    ),
    "status.cut_done": lambda c: c.cut and not c.proposed,
    "status.continuing": lambda c: c.continuing,
    "status.took_effect": lambda c: c.took_effect,
    "status.enacted": lambda c: c.enacted and c.way <= 0 and not c.effective_later,
    "status.same_as_set_before": lambda c: c.same_as_before,
    "status.imposed_before": lambda c: c.imposed_before and not c.effective_later,
    "status.proposed": lambda c: c.proposed,
    "status.threat_word": lambda c: c.threat,
    "status.announced": lambda c: c.announced and not c.deal_here and not c.deal_verb,
    "status.agreed_by_verb": lambda c: c.deal_verb,
    "status.agreed_in_deal": lambda c: (
        c.deal_near
        and c.way >= 0
        # a rate only talked about ("asked about the 50% tariffs") is a deal's only where
        # its own sentence tells the deal
        and (c.deal_here if not c.has_verb else c.way > 0 or not c.past_verb)
    ),
    # nobody threatens a rate of 0%: one to come, a few sentences after a deal, is its exemption
    "status.zero_in_deal": lambda c: (
        c.zero and c.way > 0 and c.deal_before and not (c.threat or c.removal or c.proposed)
    ),
    "status.ahead": lambda c: c.way > 0,
    "status.effective_later": lambda c: c.effective_later,
    "status.pending": lambda c: (
        c.pending and (c.pending_ahead or not (c.way < 0 and c.verb_imposes))
    ),
    "status.date_ahead": lambda c: c.date_ahead,
    "status.in_force_default": lambda c: True,
}


#: The predicate of each time rule id (``status_time`` in ``measure_rules.toml``).
TIME_TESTS: Mapping[str, Callable[[TimeFacts], bool]] = {
    "status.time_after_publication": lambda t: t.after,
    "status.time_before_publication": lambda t: t.before and not t.suspended,
}


def time_override(status: str, facts: TimeFacts, lex: Lexicon) -> RuleSpec | None:
    """The time rule (of ``lex``'s rule book) that overrides ``status``, if one holds."""
    for time in rule_specs("status_time", lex.rules):
        if status in time.overrides and TIME_TESTS[time.id](facts):
            return time
    return None


def settle_by_time(
    measures: Sequence[dict[str, Any]], anchor: dt.date | None, lex: Lexicon
) -> list[dict[str, Any]]:
    """The time rules once more on a story's merged measures: a mention may take its effective
    date from another mention of the same measure, whose frame did not see the date. New
    records where a time rule changes the status; the measures given are left as they are."""
    return [_settled(record, anchor, lex) for record in measures]


def _settled(record: dict[str, Any], anchor: dt.date | None, lex: Lexicon) -> dict[str, Any]:
    facts = TimeFacts.of(record.get("effective_date"), anchor, record["status"] == "suspended")
    time = time_override(record["status"], facts, lex)
    if time is None:
        return record
    return {**record, "status": time.status, "status_rule": time.id}


def _frame_rule(clues: StatusClues, lex: Lexicon) -> RuleSpec:
    for spec in rule_specs("status", lex.rules):
        if STATUS_TESTS[spec.id](clues):
            return spec
    raise AssertionError("measure_rules.toml: no default status rule")  # pragma: no cover


def status_rule(clues: StatusClues, lex: Lexicon) -> RuleSpec:
    """The first status rule (by priority, of ``lex``'s rule book) whose predicate holds,
    unless a time rule that holds overrides its status (a known effective date decides before
    the frames)."""
    spec = _frame_rule(clues, lex)
    return time_override(spec.status, clues.time, lex) or spec


def measure_status(
    span: Span,
    noun: Token,
    from_rate: float | None,
    to_rate: float,
    effective: str | None,
    anchor: dt.date | None,
    words: StatusWords,
    lex: Lexicon,
    *,
    pending: bool = False,
    dates: list[dict[str, Any]] | None = None,
) -> tuple[str, str]:
    """(status, id of the rule that gave it) of the rate ``span`` (see the module)."""
    clues = read_clues(
        span, noun, from_rate, to_rate, effective, anchor, words, pending=pending, dates=dates
    )
    spec = status_rule(clues, lex)
    return spec.status, spec.id
