"""The temporal layer: a story's time expressions, typed once, and one way to attach them.

The ``tariffscope_dates`` component finds and resolves every time expression of a story once
(:mod:`tariffscope.news.dates`) and gives each a **role**, the part it plays in its clause:

=========  ===============================================================================
role       written as
=========  ===============================================================================
on         the day of something: "on Friday", "in June", "Friday", "last month"
by         "by August 1", "by the end of the month"
from       "from", "starting", "beginning", "effective (from)", "as of"
until      "until", "till", "through", the second date of a range ("from July 9 to Aug. 1")
since      "since"
before     "before"
after      "after"
deadline   a deadline's date, found by the named patterns of ``data/time_patterns.json``
           ("an Aug. 1 deadline", "the deadline of ...", "the deadline expires on ...") or a
           deadline noun right after the date (:mod:`tariffscope.news.time_rules`)
dateline   the date of a dateline ("JAKARTA, July 16 -"): when the story was filed, the
           date of nothing in its sentence
=========  ===============================================================================

:func:`time_index` reads them into a frozen :class:`TimeIndex` of :class:`TimeRecord`.

:func:`attach` is the one mechanism events, measures (effective dates) and deadlines use to
give a trigger its date, in three tiers:

1. **phrase**: a date whose phrase hangs, through no other trigger, on the trigger itself or on
   one of its anchors (the verb it is an argument of: "held *talks* on Friday"; a relative
   clause: "the 25% *tariff* Trump has threatened to impose starting August 1");
2. **clause**: a date that modifies a verb governing the trigger's clause, with no other trigger
   in between ("Ishiba *said on Friday* following their *meeting* in Tokyo"), nor a noun whose
   topic the trigger is ("explained on Friday the reasons *behind* his *calls*"), nor, for an
   event, a relative clause ("X, who *held talks* with Y, *said on Friday*": told of X, at
   its own time);
3. **sentence**: the one date of the sentence no trigger claimed, if there is exactly one (not
   for a trigger that is a noun's topic).

An event's date at the phrase or sentence tier is never one in a clause that tells where a
period starts or ends ("met for the first time *since taking* power in October", "a deal
*before* the pause *expires* on July 9"): it is that clause's time, not the event's day.

Compatibility: an event takes only a day of something (role ``on``), and at the clause and
sentence tiers only a date on the side of the publication its tense points to; an effective
date is day-precise (or a month still ahead, "in September", "from October", dated by its
first day as GUIDELINES dates a month-only event) and runs from something (``from``), or ends
a delay of the rate's start (:func:`delays_start`: "postponed the 25% tariffs until June 3",
at the phrase and clause tiers only), or is the day of a verb that tells a
change taking effect (:func:`takes_effect`: "rise to 25% on", "go into effect on", "kick in
on") or follows a word of effect ("retroactive to"); the day a condition on such a verb runs
out is its day too ("unless a deal is reached by June 1, tariffs will rise to 25%"), and so is
the day a tariff or its change is set "for" (a deadline as well: "the 30% rate scheduled for
August 1"). A trigger in an infinitive ("agreed to impose a tariff") takes no date of the
clause or sentence tier but a stated start ("decided to impose a 25% tariff, effective March
4"): the governing verb's day is not its own. Any other deadline
or an end date is neither an event's day nor an effective date. A date on a verb of saying
("media reported on Monday") dates, at the clause and sentence tiers, only an event told as
past: otherwise it is the day of the report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

from tariffscope.news._syntax import doc_text, governing_verb
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.time_rules import Role, reporting_verb, role_of

__all__ = [
    "ARGUMENT_DEPS",
    "Attachment",
    "Purpose",
    "Role",
    "TimeIndex",
    "TimeRecord",
    "attach",
    "delays_start",
    "takes_effect",
    "time_index",
]

Purpose = Literal["event", "effective"]
Tier = Literal["phrase", "clause", "sentence"]

#: Steps from a date's attachment point up to the trigger within which it is the trigger's own.
PHRASE_STEPS = 3


@dataclass(frozen=True, slots=True)
class TimeRecord:
    """One time expression of a story, resolved, with the role it plays.

    ``root`` is the token index of the expression's syntactic head (-1 when the expression does
    not align with tokens); ``first``/``last`` bound its tokens. ``inferred``: the year is not
    written but taken from the day the story's clues give (a story without a publication date).
    """

    start: int
    end: int
    text: str
    kind: str
    date: dt.date | None
    precision: str | None
    role: Role
    direction: int
    preposition: str | None
    modifier: str | None
    root: int = -1
    first: int = -1
    last: int = -1
    inferred: bool = False

    @property
    def iso(self) -> str | None:
        """The resolved date as ISO text, or None."""
        return None if self.date is None else self.date.isoformat()

    def as_dict(self) -> dict[str, Any]:
        """The ``{date, precision, text}`` shape of the event and measure records."""
        return {"date": self.iso, "precision": self.precision, "text": self.text}


@dataclass(frozen=True, slots=True)
class TimeIndex:
    """Every time expression of one story, in text order, with the publication date
    (``anchor``) and the day the story is read as of (``reference``: the publication date, else
    the day its date clues give; the one story reference every reader dates by)."""

    anchor: dt.date | None
    records: tuple[TimeRecord, ...]
    reference: dt.date | None = None

    def within(self, start: int, end: int) -> tuple[TimeRecord, ...]:
        """The records that start in ``[start, end)`` (a sentence's characters)."""
        return tuple(r for r in self.records if start <= r.start < end)


@dataclass(frozen=True, slots=True)
class Attachment:
    """A date given to a trigger, and the tier that gave it."""

    record: TimeRecord
    tier: Tier


# -- the index ------------------------------------------------------------------------------------
def time_index(doc: Doc, lex: Lexicon) -> TimeIndex:
    """The story's time records, read from ``doc._.tariffscope_dates``."""
    meta = doc._.tariffscope_meta or {}
    published = meta.get("published")
    records = []
    for item in doc._.tariffscope_dates or ():
        span = doc.char_span(item["start"], item["end"], alignment_mode="expand")
        role = item.get("role") or role_of(item.get("preposition"), lex)
        records.append(
            TimeRecord(
                item["start"],
                item["end"],
                item["text"],
                item["kind"],
                None if item["date"] is None else dt.date.fromisoformat(item["date"]),
                item["precision"],
                role,
                int(item.get("direction", 0)),
                item.get("preposition"),
                item.get("modifier"),
                -1 if span is None else span.root.i,
                -1 if span is None else span.start,
                -1 if span is None else span.end - 1,
                bool(item.get("inferred", False)),
            )
        )
    anchor = dt.date.fromisoformat(published) if published else None
    told = doc._.tariffscope_reference
    reference = anchor or (dt.date.fromisoformat(told) if told else None)
    return TimeIndex(anchor, tuple(records), reference)


# -- attachment -----------------------------------------------------------------------------------
def _inside(token: Token, record: TimeRecord) -> bool:
    return record.first <= token.i <= record.last


def attachment_point(doc: Doc, record: TimeRecord, lex: Lexicon) -> Token | None:
    """The word a date expression modifies: a verb of saying right before it
    (:func:`reporting_verb`), else the head of its preposition ("met *on* Friday": "met"), of a
    date word used as a preposition ("*starting* August 1"), or its own head."""
    if record.root < 0:
        return None
    said = reporting_verb(doc, record.first, lex)
    if said is not None:
        return said
    token = doc[record.root]
    ahead = lex.words("time_from_prepositions") | lex.words("time_until_prepositions")
    for _ in range(4):
        head = token.head
        if head.i == token.i:
            return None
        if _inside(head, record) or head.pos_ == "ADP" or head.lower_ in ahead:
            token = head
            continue
        return head
    return token.head


#: Dependency labels of a verb's arguments: a trigger noun in one shares the verb's dates.
ARGUMENT_DEPS = frozenset({"dobj", "obj", "nsubj", "nsubjpass", "attr", "oprd", "dative"})


def anchors_of(token: Token, lex: Lexicon) -> tuple[Token, ...]:
    """The trigger and the verb it belongs to: the verb it is an argument of ("held *talks*",
    "the *meeting* took place"), or the verb whose phrase of place or purpose holds it ("head
    to the polls in an *election* on Sunday", "arrive on Monday for *talks*"). A noun after a
    preposition of sequence ("*after* a meeting", "ahead of *talks*") is only itself: its time
    is another, and so is the subject of a verb of sequence with an object ("the *call*
    followed a meeting the previous day"): the verb's time is the object's."""
    head = token.head
    while head.i != token.i and token.dep_ == "conj" and head.dep_ == "conj":
        head = head.head  # "a call and a *meeting*": the first conjunct's verb
    noun = head if token.dep_ == "conj" and head.pos_ in {"NOUN", "PROPN"} else token
    verb = noun.head
    if noun.dep_ == "pobj" and verb.pos_ == "ADP":
        link = verb
        if link.lower_ in {"of", "to"} and link.head.pos_ in {"ADV", "ADJ"}:
            link = link.head  # "ahead of", "prior to"
        if link.lower_ in lex.words("time_sequence_prepositions"):
            return (token,)
        verb = verb.head
        if link.dep_ == "prep" and verb.pos_ in {"VERB", "AUX"} and verb.i != token.i:
            return (token, verb)
        return (token,)
    if noun.dep_ in ARGUMENT_DEPS and verb.pos_ in {"VERB", "AUX"} and verb.i != token.i:
        if (
            noun.dep_ in {"nsubj", "nsubjpass"}
            and verb.lemma_.lower() in lex.words("time_sequence_verbs")
            and any(c.dep_ in {"dobj", "obj"} for c in verb.children)
        ):
            return (token,)  # "the call followed a meeting the previous day": the meeting's day
        return (token, verb)
    return (token,)


def _compatible(
    doc: Doc,
    record: TimeRecord,
    point: Token | None,
    purpose: Purpose,
    lex: Lexicon,
    anchor: dt.date | None = None,
) -> bool:
    if purpose == "event":  # the day of something, or the first day of a short span
        return record.role == "on" or (record.role == "from" and record.modifier == "range")
    if record.date is None or record.precision not in {"day", "month"}:
        return False
    if record.precision == "month" and (
        record.role not in {"on", "from"} or anchor is None or record.date <= anchor
    ):
        # a month still ahead, "in August" or "from March", is a start the text gives (its
        # first day, as GUIDELINES dates a month-only event); a month gone by is no day the
        # rate took effect, and "by March" is a limit within the month, not its first day
        return False
    if _delay_end(record, point, lex):
        return True  # "postponed the 25% tariffs until June 3": the day they are due again
    if record.role == "deadline":  # only a scheduled change's day is also its effective day
        return point is not None and _schedules_change(point, lex)
    if record.role == "from":
        return True
    before = doc_text(doc)[max(0, record.start - 16) : record.start].lower()
    if any(word in before for word in lex.words("time_effect_words")):
        return True  # "take effect on", "retroactive to"
    verb = None if point is None else governing_verb(point)
    if record.role == "by" and verb is not None and _condition(verb, lex):
        # "if no deal is reached by June 1, tariffs will rise to 25%": the day the condition
        # runs out is the day the change it governs takes effect
        return takes_effect(verb.head, lex)
    return record.role in {"on", "by"} and takes_effect(verb, lex)


def delays_start(point: Token | None, lex: Lexicon) -> bool:
    """The date ends a delay of a rate's start, so it is the day the rate is then due to take
    effect: it hangs on a verb that puts off a start (words ``time_start_delay_verbs``:
    "*postponed* the 25% tariffs until June 3", "agreed to *pause* tariffs until March 4") or
    one that moves a reprieve, a deadline or a start further (``time_start_shift_verbs`` with
    an object in ``time_reprieve_nouns``, ``time_deadline_nouns`` or
    ``time_delayed_start_nouns``: "*extended* the imposition of the duties until August 1").
    A date on the clause that tells what such a noun is for counts as the noun's ("extended
    the *deadline* for X to face 50% tariffs until July 9")."""
    verb = None if point is None else governing_verb(point)
    if verb is None:
        return False
    if _puts_off(verb, lex):
        return True
    if verb.dep_ not in {"acl", "advcl", "relcl"}:
        return False
    head = verb.head  # "the deadline for X to face ...": the clause of the deadline
    if head.pos_ in {"VERB", "AUX"}:  # parsed on the verb: only an infinitive of purpose
        return _infinitive(verb) and _moves(head, lex)
    above = governing_verb(head)
    return head.lemma_.lower() in _moved_nouns(lex) and above is not None and _puts_off(above, lex)


def _moved_nouns(lex: Lexicon) -> frozenset[str]:
    """Nouns of a reprieve, a deadline or a start, which a verb can move further."""
    return frozenset(
        lex.words("time_reprieve_nouns")
        | lex.words("time_deadline_nouns")
        | lex.words("time_delayed_start_nouns")
    )


def _moves(verb: Token, lex: Lexicon) -> bool:
    """ "*extended* the deadline", "*pushed* the start": a verb of ``time_start_shift_verbs``
    whose object is a noun of :func:`_moved_nouns`."""
    moved = _moved_nouns(lex)
    return verb.lemma_.lower() in lex.words("time_start_shift_verbs") and any(
        c.dep_ in {"dobj", "obj", "nsubjpass"} and c.lemma_.lower() in moved for c in verb.children
    )


def _puts_off(verb: Token, lex: Lexicon) -> bool:
    """A verb that puts off a start ("postpone", "pause") or moves one further."""
    return verb.lemma_.lower() in lex.words("time_start_delay_verbs") or _moves(verb, lex)


def _delay_end(record: TimeRecord, point: Token | None, lex: Lexicon) -> bool:
    """The date ends a delay of a start (:func:`delays_start`): "until June 3" on
    "postponed"."""
    return record.role in {"until", "deadline"} and delays_start(point, lex)


def _stated_start(record: TimeRecord, point: Token | None, lex: Lexicon) -> bool:
    """A start the text states for a rate: "effective March 4", "starting August 1", or the
    end of a delay of its start ("agreed to pause tariffs until March 4")."""
    return record.role == "from" or _delay_end(record, point, lex)


def _condition(verb: Token, lex: Lexicon) -> bool:
    """The verb heads a condition on the clause it hangs on ("*if* no deal is reached",
    "*unless* Kenya reaches a deal"; words ``time_condition_marks``)."""
    return verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in lex.words("time_condition_marks") for c in verb.children
    )


def takes_effect(verb: Token | None, lex: Lexicon) -> bool:
    """The verb tells a change taking effect, so a date on it is the day it does: a verb of
    imposition or effect ("rise to 25% on", "impose ... on"), a verb with a noun of effect
    ("take effect", "go into effect", "come into force"), or a verb with a particle of effect
    ("kick in", "snap back", "go ahead", words ``time_effect_phrasals``). A verb of schedule
    passes the test to the verb it sets ("set to take effect", "scheduled to snap back") or
    qualifies ("will take effect as scheduled on March 12")."""
    effect = lex.words("time_effect_words")
    current = verb
    for _ in range(3):
        if current is None:
            return False
        lemma = current.lemma_.lower()
        if lemma in lex.words("time_effect_verbs"):
            return True
        for child in current.children:
            if child.dep_ in {"dobj", "obj"} and child.lemma_.lower() in effect:
                return True
            if child.dep_ == "prep" and any(
                g.dep_ == "pobj" and g.lemma_.lower() in effect for g in child.children
            ):
                return True
            if child.dep_ in {"prt", "advmod"} and f"{lemma} {child.lower_}" in lex.words(
                "time_effect_phrasals"
            ):
                return True
        if lemma not in lex.words("time_schedule_verbs"):
            return False
        sets = next((c for c in current.children if c.dep_ == "xcomp"), None)
        if sets is None and current.dep_ == "advcl":
            sets = current.head  # "would take effect as scheduled on March 12"
        current = sets
    return False


def _schedules_change(verb: Token, lex: Lexicon) -> bool:
    """A verb of schedule whose thing set is a tariff or its change: the participle on the
    noun ("the 20% tariff *implementation set* for August 1") or its passive subject ("the
    *hike is scheduled* for March 4"). A date "for" which it is set is a deadline
    (``time_patterns.json`` ``change_scheduled_for``, ``change_set_for``) and the day the
    change takes effect; "set on Monday" is the day it was set (no deadline, no effect)."""
    if verb.lemma_.lower() not in lex.words("time_schedule_verbs"):
        return False
    nouns = lex.words("time_scheduled_change_nouns")
    if verb.dep_ == "acl":
        return verb.head.lemma_.lower() in nouns
    return any(c.dep_ == "nsubjpass" and c.lemma_.lower() in nouns for c in verb.children)


def _infinitive(token: Token) -> bool:
    """A verb in a "to" infinitive ("agreed *to restart* talks"): its time comes after the
    verb it completes, so that verb's date is not its own."""
    return token.pos_ in {"VERB", "AUX"} and any(
        c.dep_ == "aux" and c.tag_ == "TO" for c in token.children
    )


def _topic_of_noun(
    top: Token, between: Sequence[Token], holders: frozenset[str] = frozenset()
) -> bool:
    """The trigger hangs on another noun through a preposition other than "of" ("the
    reasons *behind* his calls", "a report *on* the talks"): it is that noun's topic, and
    the verb's date is the day it was told, not its own ("a round *of* talks" is the event).
    A noun of ``holders`` holds the trigger rather than tells of it ("extended the *pause on*
    the 50% tariffs until November 10": the pause's end is the rate's day)."""
    child = top
    for word in between:
        if (
            child.dep_ == "pobj"
            and word.pos_ == "ADP"
            and word.lower_ != "of"
            and word.head.pos_ in {"NOUN", "PROPN"}
            and word.head in between
            and word.head.lemma_.lower() not in holders
        ):
            return True
        child = word
    return False


def _agrees(record: TimeRecord, tense: int, anchor: dt.date | None) -> bool:
    """A date found outside the trigger's phrase lies on the side of the publication the
    trigger's tense points to (a plan is not dated by the day it was reported)."""
    if record.date is None:  # a weekday of an undated story: its words still place it
        return anchor is None and record.kind == "weekday"
    if anchor is None or tense == 0:
        return True
    if tense < 0:
        return record.date <= anchor
    if record.precision == "month":  # a plan this month
        return (record.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1) > anchor
    return record.date > anchor


def _day_of_saying(point: Token | None, tense: int, lex: Lexicon) -> bool:
    """A date on a verb of saying ("media reported on Monday", "said on Friday") dates the
    report. It dates an event of the reported clause only when that event is told as past
    (GUIDELINES: the tense decides): "said on Friday following their meeting" is the
    meeting's day, "could complicate talks, media reported on Monday" is not the talks'."""
    return (
        point is not None
        and point.pos_ == "VERB"
        and point.lemma_.lower() in lex.words("time_report_verbs")
        and tense >= 0
    )


def _owner(
    point: Token | None,
    claims: Mapping[int, frozenset[int]],
    triggers: Mapping[int, Sequence[Token]],
    record: TimeRecord,
    occasion: frozenset[str] = frozenset(),
) -> tuple[frozenset[int], int] | None:
    """The triggers whose anchor a date reaches first going up from its attachment point,
    and in how many steps. A trigger noun and the trigger verb it is an argument of ("began
    *talks*", "*reached* a deal") share their dates, and so do a trigger noun and the
    ``acl``/``relcl`` clause on it ("a *deal announced* on Tuesday"). The words of an occasion
    (``occasion``: "on the *sidelines of* a summit in June") cost no step: the date of the
    occasion is the date of what happens on its sidelines."""
    current = point
    steps = 0
    while current is not None and steps < 16:
        if not _inside(current, record) and current.i in claims:
            owners = set(claims[current.i])
            if current.dep_ in {"acl", "relcl"} and current.head.i in claims:
                owners |= claims[current.head.i]
            for key in list(owners):
                for token in triggers[key]:
                    owners |= claims.get(token.i, frozenset())
            return frozenset(owners), steps
        if current.head.i == current.i:
            return None
        if not _into_occasion(current.head, occasion):
            steps += 1
        current = current.head
    return None


def _into_occasion(head: Token, occasion: frozenset[str]) -> bool:
    """``head`` is an occasion noun ("sidelines", "margins") or the "of" that hangs on one."""
    if head.lower_ == "of" and head.head.i != head.i:
        head = head.head
    return head.pos_ == "NOUN" and head.lower_ in occasion


def _told_of_someone(token: Token, lex: Lexicon) -> bool:
    """A relative clause that tells something of its noun ("X, *who held* talks"), not one
    that sets a time or a place ("in January, *when* Trump threatened ...")."""
    return token.dep_ == "relcl" and not any(
        c.lower_ in lex.words("time_setting_relatives") for c in token.children
    )


def _own_clause(
    point: Token | None, steps: int, claims: Mapping[int, frozenset[int]], lex: Lexicon
) -> bool:
    """On the way up from a date to the trigger stands a clause that tells another time than
    the event's, headed by a verb that is no trigger: where a period starts ("met for the
    first time *since taking* power in October") or ends ("hopes to reach a deal *before* a
    pause *expires* on July 9"): the date is that clause's, not the event's day."""
    origins = lex.words("time_other_clause_links")
    current = point
    for _ in range(steps):
        if current is None:
            return False
        if current.i not in claims and current.pos_ in {"VERB", "AUX"}:
            link = (
                current.head.lower_
                if current.dep_ == "pcomp"
                else next((c.lower_ for c in current.children if c.dep_ == "mark"), None)
            )
            if current.dep_ in {"pcomp", "advcl"} and link in origins:
                return True
        current = current.head
    return False


def _noun_clause(
    point: Token | None, top: Token | None, claims: Mapping[int, frozenset[int]], lex: Lexicon
) -> bool:
    """The date hangs in a clause that tells something of a noun that is no trigger, headed by
    a verb that is no trigger either ("X, *who took* office in March, signed ..."; "signed on
    Sunday, the deals crowned a truce *that ended* clashes in March"): it tells when that
    noun's story happened, not the day of an event the sentence tells. Going up from the
    date, the search stops at a trigger (``top`` None: the phrase tier's owner) or, for the
    sentence tier, at a clause holding ``top``; a clause that sets a time ("in January,
    *when* ...") is not one."""
    current = point
    while current is not None and current.head.i != current.i and current.i not in claims:
        if (
            current.dep_ in {"relcl", "acl"}
            and current.pos_ in {"VERB", "AUX"}
            and current.head.i not in claims
            and not any(c.lower_ in lex.words("time_setting_relatives") for c in current.children)
        ):
            inside = {t.i for t in current.subtree}
            return (top is None or top.i not in inside) and not inside & set(claims)
        current = current.head
    return False


def attach(
    doc: Doc,
    index: TimeIndex,
    sent: Span,
    triggers: Mapping[int, Sequence[Token]],
    purpose: Purpose,
    lex: Lexicon,
    tense: Mapping[int, int] | None = None,
) -> dict[int, Attachment]:
    """The date of each trigger of one sentence, by the three tiers of the module docstring.

    Parameters
    ----------
    triggers
        ``{trigger id: anchor tokens}``, every trigger of ``purpose`` in the sentence (the
        others claim their own dates); see :func:`anchors_of`.
    tense
        ``{trigger id: -1, 0, +1}``, the direction of each trigger's verb, for the clause and
        sentence tiers (events; measures leave it out).

    Returns
    -------
    dict
        ``{trigger id: Attachment}`` for the triggers that get a date.
    """
    tense = tense or {}
    claims: dict[int, frozenset[int]] = {}
    for key, anchors in triggers.items():
        for token in anchors:
            claims[token.i] = claims.get(token.i, frozenset()) | {key}
    records = index.within(sent.start_char, sent.end_char)
    points = {r.start: attachment_point(doc, r, lex) for r in records}
    found: dict[int, tuple[tuple[int, int, int], Attachment]] = {}
    claimed: set[int] = set()
    for record in records:
        point = points[record.start]
        owned = _owner(point, claims, triggers, record, lex.words("event_occasion_nouns"))
        if owned is None:
            continue
        owners, steps = owned
        claimed.add(record.start)
        if steps > PHRASE_STEPS or not _compatible(doc, record, point, purpose, lex, index.anchor):
            continue
        if purpose == "event" and _own_clause(point, steps + 1, claims, lex):
            continue  # "met ... since taking power in October": the day of "taking"
        if purpose == "event" and _noun_clause(point, None, claims, lex):
            continue  # "X, who took office in March, signed ...": the day of "took"
        weak = int(purpose == "effective" and record.role != "from")
        for key in owners:
            distance = min(abs(record.root - t.i) for t in triggers[key])
            rank = (steps, weak, distance)
            if key not in found or rank < found[key][0]:
                found[key] = (rank, Attachment(record, "phrase"))
    out = {key: value for key, (_, value) in found.items()}
    free = [r for r in records if r.start not in claimed]
    holders = lex.words("time_reprieve_nouns") if purpose == "effective" else frozenset()
    taken: set[int] = set()
    for key, anchors in triggers.items():
        if key in out:
            continue
        top = min(anchors, key=lambda t: sum(1 for _ in t.ancestors))  # the highest
        starts_only = _infinitive(top)  # its own time comes later: only a stated start
        if starts_only and purpose == "event":
            continue
        path = {t.i: n for n, t in enumerate(top.ancestors)}
        best: tuple[int, TimeRecord] | None = None
        for record in free:
            point = points[record.start]
            if point is None or point.i not in path:
                continue
            if starts_only and not _stated_start(record, point, lex):
                continue
            between = list(top.ancestors)[: path[point.i]]
            if any(a.i in claims or _infinitive(a) for a in between):
                continue  # another trigger, or a later time, stands between
            if purpose == "event" and any(_told_of_someone(a, lex) for a in [top, *between]):
                continue  # "X, who held talks with Y, said on Friday": the clause's own time
            if _topic_of_noun(top, between, holders):
                continue  # "explained on Friday the reasons behind his calls": a topic
            if not _compatible(doc, record, point, purpose, lex, index.anchor):
                continue
            if not _agrees(record, tense.get(key, 0), index.anchor):
                continue
            if _day_of_saying(point, tense.get(key, 0), lex):
                continue
            if best is None or path[point.i] < best[0]:
                best = (path[point.i], record)
        if best is not None:
            out[key] = Attachment(best[1], "clause")
            taken.add(best[1].start)
    rest = [r for r in free if r.start not in taken]
    for key, anchors in triggers.items():
        if key in out:
            continue
        clause = governing_verb(min(anchors, key=lambda t: sum(1 for _ in t.ancestors)))
        starts_only = clause is not None and _infinitive(clause)
        if starts_only and purpose == "event":
            continue
        top = min(anchors, key=lambda t: sum(1 for _ in t.ancestors))
        if _topic_of_noun(top, list(top.ancestors), holders):
            continue
        above = {t.i for t in top.ancestors}  # dates there were judged by the clause tier
        options = [
            r
            for r in rest
            if ((point := points[r.start]) is None or point.i not in above)
            and not (starts_only and not _stated_start(r, point, lex))
            and not _delay_end(r, point, lex)  # the delayed rate is the verb's own
            and _compatible(doc, r, point, purpose, lex, index.anchor)
            and _agrees(r, tense.get(key, 0), index.anchor)
            and not _day_of_saying(point, tense.get(key, 0), lex)
            and not (purpose == "event" and _own_clause(point, 1, claims, lex))
            and not (purpose == "event" and _noun_clause(point, top, claims, lex))
        ]
        if len(options) == 1:
            out[key] = Attachment(options[0], "sentence")
    return out
