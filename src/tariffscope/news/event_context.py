"""Event rules that place an event in the story's time: background and relative days.

Helpers of :mod:`tariffscope.news.events` (pure functions on the parsed ``Doc``):

- :func:`is_background`: an event the story mentions only as history is not recorded (the
  GUIDELINES ask for what happened or is planned in the negotiation, each event with a date or
  a place):

  - dated only by a past year ("after losing *the 2022 election*", "Ottawa imposed tariffs
    *last year*", "two years ago");
  - told as an earlier stage with a sequence adverb and no date ("Trump *previously*
    threatened", "*initially* imposed");
  - an announcement without a date or a place in a temporal clause that dates something else
    from far off or tells how something began ("The deal comes three months *after* Trump
    imposed a 39% tariff", "a dispute that began *when* the last government levied tariffs",
    "*since* Washington imposed"); a plain "after" keeps it ("The second visit came after
    Trump published the letter");
  - in a story with a publication date (where a day or month told would be resolved), an
    announcement or agreement told in the simple past in the sentence's main clause whose
    words give it no day, month or place ("The US imposed a 17% tariff on X", "This week, Y
    imposed universal tariffs", "The UK also secured a deal"): an act retold, not an act at
    a date (round 18).

- :func:`clause_dates`: "The new levy will take effect on August 27, *21 days after* the
  order was signed": the signing is 21 days before the date of the clause it modifies.
- :func:`topic_country`: "*the country's* trade minister will visit the United States" in a
  sentence whose subject is "South Korea's presidential office": the country is the one the
  sentence is about, named in its main subject.
- :func:`ongoing`: a present progressive with no time of its own ("where he is attending a
  summit") tells what is going on now, not a plan ("is meeting Xi on Thursday").
- :func:`visit_for_talks`: a trip "for the sixth round of talks" or "for negotiations" is
  the talks (with the host country as the other side).
- :func:`day_offsets`: "a call *on the eve of* the US announcement" (the announcement is the
  day after the call), "*the day after* the meeting", "*the day before* the vote": pairs of
  trigger tokens with the number of days from the first event to the second, so that a date
  known for one of them dates the other.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from spacy.tokens import Doc, Token

from tariffscope.news._event_kind import told_as_round
from tariffscope.news._event_record import EventRecord
from tariffscope.news._measure_parts import place_spans
from tariffscope.news._syntax import governing_verb, subject_of
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.temporal import TimeIndex, TimeRecord, attachment_point, time_index

__all__ = [
    "clause_dates",
    "date_by_offsets",
    "day_offsets",
    "is_background",
    "ongoing",
    "report_day_dates",
    "same_occasion_dates",
    "topic_country",
    "trip_of_purpose",
    "visit_for_talks",
]

#: Acts a story retells as what stands ("The US imposed a 17% tariff", "The two sides
#: reached a deal"): with no day, month or place in a dated story, no event (round 18).
_RETOLD_ACTS = frozenset({"announcement", "agreement"})

_PAST_YEAR_TEXT = re.compile(r"\b(?:last|past|previous)\s+year\b|\byears?\s+ago\b", re.I)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _verb_of(token: Token) -> Token | None:
    return token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)


def _year_tokens(token: Token, lex: Lexicon) -> list[int]:
    """Years attached to the trigger: "the 2022 election", "imposed ... in 2019"."""
    years = [int(c.text) for c in token.children if _YEAR.match(c.text)]
    verb = _verb_of(token)
    preps = lex.words("event_context_year_prepositions")
    for owner in [token] + ([verb] if verb is not None and verb.i != token.i else []):
        for prep in owner.children:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                years += [int(g.text) for g in prep.children if _YEAR.match(g.text)]
    return years


def _retold_in_main_clause(token: Token) -> bool:
    """The trigger is a verb in the simple past heading the sentence's main clause (or joined
    to it by "and"): "The US imposed a 17% tariff on X", "In August, Y slapped an extra
    duty": with no day, month or place of its own (the caller's test), the measure is retold
    as what stands, not told as an act at a date. The present perfect ("has imposed"),
    clauses of time and relative clauses are left to the other rules."""
    if token.pos_ not in {"VERB", "AUX"} or token.tag_ != "VBD":
        return False
    return token.dep_ == "ROOT" or (token.dep_ == "conj" and token.head.dep_ == "ROOT")


def _years_ago(token: Token, lex: Lexicon) -> bool:
    """The trigger or its verb has its own "N years ago" ("signed a pact 40 years ago")."""
    verb = _verb_of(token)
    units = lex.words("event_context_history_units")
    for owner in [token] + ([verb] if verb is not None and verb.i != token.i else []):
        for ago in (c for c in owner.children if c.lower_ == "ago"):
            if any(c.lemma_.lower() in units for c in ago.children if c.dep_ == "npadvmod"):
                return True
    return False


def is_background(
    token: Token,
    kind: str,
    date_text: str | None,
    dated: bool,
    place: str | None,
    year_now: int | None,
    lex: Lexicon,
    story_dated: bool = False,
) -> bool:
    """True when the event the trigger names is history the article only mentions.

    ``dated`` tells whether the event has a calendar date (day or month); ``year_now`` is the
    publication year (or the latest year of a full date in an undated text), if known;
    ``story_dated``: the story has a publication date, so a day or month its words told would
    have been resolved.
    """
    own_past = [y for y in _year_tokens(token, lex) if year_now is not None and y < year_now]
    if own_past and not (date_text and any(str(y) in date_text for y in own_past)):
        # "said on Monday that the two signed a pact in 1996": the day is the report's, the
        # event's own year says it is history
        return True
    if _years_ago(token, lex):
        return True  # "signed a pact 40 years ago and ... on April 7": its own time is history
    if dated:
        return False
    if date_text and _PAST_YEAR_TEXT.search(date_text):
        return True
    if kind in _RETOLD_ACTS and story_dated and not place and _retold_in_main_clause(token):
        return True
    if date_text or place:
        return False
    verb = _verb_of(token)
    if verb is None:
        return False
    sequence = lex.words("event_context_sequence_adverbs")
    if any(c.dep_ == "advmod" and c.lower_ in sequence for c in verb.children):
        return True
    if kind != "announcement" or verb.dep_ != "advcl":
        return False
    marks = {c.lower_ for c in verb.children if c.dep_ in {"mark", "advmod"}} & lex.words(
        "event_context_temporal_marks"
    )
    if not marks:
        return False
    head = verb.head
    if "since" in marks or head.lemma_.lower() in lex.words("event_context_origin_verbs"):
        return True  # "a dispute that began when the last government levied tariffs"
    return any(  # "comes more than three months after Trump imposed"
        c.dep_ == "npadvmod" and c.lemma_.lower() in lex.words("event_context_long_units")
        for c in [*head.children, *verb.children]
    )


_EVE = {"eve": 1}
_DAY_WORDS = {"after": -1, "before": 1}
#: "hours after X met Y", "minutes before the deal was signed": the same day as the clause's head
_SAME_DAY_UNITS = frozenset({"hour", "hours", "minute", "minutes"})


def day_offsets(doc: Doc) -> list[tuple[int, int, int]]:
    """``(first token, second token, days from the first event to the second)`` for every
    "EVENT on the eve of EVENT", "EVENT the day after EVENT" and "EVENT the day before EVENT";
    "EVENT (just) hours after EVENT" is the same day (0).

    The first token is the head the phrase attaches to (a trigger noun or verb); the second is
    the object of "of" / "after" / "before". Whether both are events is for the caller.
    """
    out: list[tuple[int, int, int]] = []
    for token in doc:
        lower = token.lower_
        clause = token.head
        if (
            lower in _SAME_DAY_UNITS
            and token.dep_ == "npadvmod"
            and clause.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ in _DAY_WORDS for c in clause.children)
        ):  # "The pact comes just hours after Carney met Xi": the pact, the verb, the meeting
            verb = clause.head
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            out += [(owner.i, clause.i, 0) for owner in (verb, *subjects)]
        elif lower == "eve":
            of = [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
            objects = [g for p in of for g in p.children if g.dep_ == "pobj"]
            owner = token.head.head if token.head.dep_ == "prep" else token.head
            if objects:
                out.append((owner.i, objects[0].i, _EVE["eve"]))
        elif lower == "day" and any(c.lower_ == "the" for c in token.children):
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in _DAY_WORDS:
                    objects = [g for g in prep.children if g.dep_ == "pobj"]
                    if objects:
                        owner = token.head
                        out.append((owner.i, objects[0].i, _DAY_WORDS[prep.lower_]))
    return out


#: The kinds a definite noun names when it stands for an event told before ("*The pact* comes
#: hours after ..."), by the lexicon's word sets of each kind.
_KIND_NOUNS = {
    "agreement": ("event_agreement_nouns",),
    "meeting": ("event_meeting_nouns",),
    "call": ("event_call_nouns",),
    "visit": ("event_visit_nouns",),
    "talks": ("event_talks_nouns",),
    "announcement": ("event_announcement_nouns",),
    "election": ("event_election_nouns", "event_vote_nouns"),
}


def _told_before(
    events: Sequence[EventRecord], token: Token | None, lex: Lexicon | None
) -> int | None:
    """The event a definite noun that is no event's trigger stands for ("*The pact* comes
    just hours after ..."): the last event of the noun's kind told before it."""
    if token is None or lex is None or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children):
        return None
    lemma = token.lemma_.lower()
    kinds = {k for k, sets in _KIND_NOUNS.items() if any(lemma in lex.words(w) for w in sets)}
    before = [n for n, e in enumerate(events) if e.kind in kinds and e.start < token.idx]
    return before[-1] if before else None


def date_by_offsets(
    events: Sequence[EventRecord],
    offsets: list[tuple[int, int, int]],
    doc: Doc | None = None,
    lex: Lexicon | None = None,
) -> list[EventRecord]:
    """The events dated from another one a known number of days away (see
    :func:`day_offsets`); with ``doc`` and ``lex``, a definite noun of an event kind that is
    no event's trigger ("*The pact* comes just hours after Vidal met Ortiz") stands for the
    last event of its kind told before it.

    ``events`` carry the token indices of their triggers (``tokens``); only a day-precise
    date is carried over, and only to an event without a date.
    """
    out = list(events)

    def owner(index: int) -> int | None:
        own = next((n for n, e in enumerate(out) if index in e.tokens), None)
        if own is None and doc is not None:
            return _told_before(out, doc[index], lex)
        return own

    for first, second, days in offsets:
        a, b = owner(first), owner(second)
        if a is None or b is None or a == b:
            continue
        for known, unknown, shift in ((out[a], b, days), (out[b], a, -days)):
            if known.date and known.date_precision == "day" and not out[unknown].date:
                day = dt.date.fromisoformat(known.date) + dt.timedelta(days=shift)
                out[unknown] = replace(out[unknown], date=day.isoformat(), date_precision="day")
                break
    return out


def trip_of_purpose(token: Token, lex: Lexicon) -> Token | None:
    """The trip an event is the purpose of ("will head for Washington on Sunday *for talks
    with X*", "a visit to Rome for a meeting with Y"): the travel verb or visit noun the
    event's "for" phrase hangs on, or None. The trip's day is its departure or arrival, not
    the day of what is done there."""
    if token.dep_ != "pobj" or token.head.lower_ != "for":
        return None
    trip = token.head.head
    travel = lex.words("event_travel_verbs") | lex.words("event_visit_nouns")
    return trip if trip.lemma_.lower() in travel else None


def same_occasion_dates(events: Sequence[EventRecord], doc: Doc) -> list[EventRecord]:
    """The events, where one told in a participle clause of another event's verb takes
    that event's date when it has none ("will meet X on Thursday, *beginning* talks between
    ...": the talks begin at the meeting), and one whose doers are told at another event
    takes its date ("signed by leaders *attending* the summit on Sunday",
    :func:`_doers_occasion`). A clause with a mark of its own ("before beginning", "while
    holding") tells another time and is left alone.

    ``events`` carry the token indices of their triggers (``tokens``)."""
    out = list(events)
    owner = {i: n for n, e in enumerate(out) for i in e.tokens}
    for n, event in enumerate(out):
        if event.date or event.date_text:
            continue
        for index in event.tokens:
            token = doc[index]
            head = next((owner[i] for i in _doers_occasion(token) if i in owner), None)
            if head is None and _bare_participle(token):
                head = owner.get(token.head.i)
            if head is not None and head != n and out[head].date:
                when = out[head]
                out[n] = replace(
                    event,
                    date=when.date,
                    date_precision=when.date_precision,
                    date_text=when.date_text,
                )
                break
    return out


def _report_of_setting(token: Token, lex: Lexicon) -> Token | None:
    """The verb of saying an event is the setting of: the event told in a phrase or clause of
    time on a clause of the report ("*Following* talks with X, Y told reporters ...", "Y said
    he is not focused on Z *as* he visits Washington"; words ``event_report_setting_links``),
    not in what is reported ("Y said they met"). The report is told at the event."""
    links = lex.words("event_report_setting_links")
    if token.dep_ in {"pobj", "dobj"} and token.head.lower_ in links:  # "following" as a verb
        clause = token.head.head
    elif token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in links for c in token.children
    ):
        clause = token.head
    else:
        return None
    saying = lex.words("event_report_verbs") | lex.words("time_report_verbs")
    current: Token | None = clause
    for _ in range(6):
        if current is None:
            return None
        if current.pos_ == "VERB" and current.lemma_.lower() in saying:
            return current
        current = governing_verb(current.head) if current.head.i != current.i else None
    return None


def _day_on(verb: Token, index: TimeIndex, lex: Lexicon) -> TimeRecord | None:
    """The day-precise date that hangs on ``verb``, if any."""
    sent = verb.sent
    for record in index.within(sent.start_char, sent.end_char):
        if record.precision == "day" and record.date is not None and record.role == "on":
            point = attachment_point(verb.doc, record, lex)
            if point is not None and point.i == verb.i:
                return record
    return None


def _speaker(verb: Token) -> str | None:
    """The name the verb's subject is told by: the subject's own ("Vidal said") or its
    apposition's ("the minister, Rosa Vidal, said")."""
    subject = subject_of(verb)
    if subject is not None and subject.pos_ != "PROPN":
        subject = next((c for c in subject.children if c.dep_ == "appos"), None)
    return None if subject is None or subject.pos_ != "PROPN" else subject.text


def report_day_dates(events: Sequence[EventRecord], doc: Doc, lex: Lexicon) -> list[EventRecord]:
    """The events, where an undated event that happened, told as the setting of a report
    (:func:`_report_of_setting`) and taken part in by its named speaker ("after the court
    struck down ..., Trump warned on Monday" is not the court's day), takes the report's day:
    the day told on the verb of saying, else the day told in the sentence before or after on a
    verb of the same named subject (the story's time line: "Vidal on Friday urged ... .
    *Following* talks with Ortiz, Vidal told reporters ..."; "Vidal said ... *as* she visits
    Lima. ..., Vidal told reporters on Feb. 12")."""
    index = time_index(doc, lex)
    sents = [s for s in doc.sents if any(t.is_alpha for t in s)]
    where = {s.start: n for n, s in enumerate(sents)}
    out = list(events)
    for n, event in enumerate(out):
        if event.date or event.date_text or event.status != "happened" or not event.tokens:
            continue
        report = _report_of_setting(doc[event.tokens[0]], lex)
        if report is None:
            continue
        speaker = _speaker(report)
        if speaker is None or not any(p.split()[-1] == speaker for p in event.participants):
            continue  # the setting of a report is its speaker's own event
        day = _day_on(report, index, lex)
        at = where[report.sent.start]
        for other in (at - 1, at + 1):
            if day is not None:
                break
            if not 0 <= other < len(sents):
                continue
            verbs = [t for t in sents[other] if t.pos_ == "VERB" and _speaker(t) == speaker]
            day = next((d for v in verbs if (d := _day_on(v, index, lex)) is not None), None)
        if day is not None:
            out[n] = replace(event, date=day.iso, date_precision="day", date_text=day.text)
    return out


def _doers_occasion(token: Token) -> list[int]:
    """The present participles describing the doers of an event's verb ("signed *by* leaders
    *attending* the summit on Sunday", "leaders *visiting* Beijing on Monday agreed"), or
    hanging on the verb itself ("signed by X and Y, *attending* a forum on Monday"): where
    the doers are while they act, the act's occasion."""
    if token.pos_ not in {"VERB", "AUX"}:
        return []
    doers = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    doers += [c for d in doers for c in d.conjuncts]
    out = [p.i for d in doers for p in d.children if p.dep_ == "acl" and p.tag_ == "VBG"]
    return out + [c.i for c in token.children if _bare_participle(c)]


def _bare_participle(token: Token) -> bool:
    """A present participle clause with no mark or auxiliary of its own ("met X, *beginning*
    talks"; "signed by X *attending* a forum"): the same occasion as the verb it hangs on."""
    return (
        token.tag_ == "VBG"
        and token.dep_ == "advcl"
        and not any(c.dep_ in {"mark", "aux", "auxpass"} for c in token.children)
    )


def topic_country(member: Token, lex: Lexicon) -> str | None:
    """The country "the country's" / "the nation's" stands for: the first country named in the
    subject of the sentence's main verb ("South Korea's presidential office said that ... the
    country's trade minister will visit"), or None."""
    owner = next(
        (
            c
            for c in member.children
            if c.dep_ == "poss"
            and c.lemma_.lower() in lex.words("event_context_country_nouns")
            and any(d.lower_ == "the" for d in c.children)
        ),
        None,
    )
    if owner is None:
        return None
    root = member.sent.root
    subject = subject_of(root) if root.pos_ in {"VERB", "AUX"} else None
    if subject is None or subject.i == member.i:
        return None
    for iso, kind, _, _ in place_spans(subject.subtree, lex):
        if kind in {"country", "demonym", "capital", "institution"}:
            return iso
    return None


_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "a": 1,
}
_UNIT_DAYS = {"day": 1, "week": 7}


def _span_count(unit: Token) -> int | None:
    for child in unit.children:
        if child.dep_ in {"nummod", "det"}:
            if child.text.isdigit():
                return int(child.text)
            if child.lower_ in _NUMBER_WORDS:
                return _NUMBER_WORDS[child.lower_]
    return None


def clause_dates(doc: Doc, dates: list[dict[str, Any]]) -> dict[int, dt.date]:
    """``{verb token index: date}`` for clauses "N days/weeks after|before ..." attached to a
    verb whose own day-precise date the text gives."""
    out: dict[int, dt.date] = {}
    for verb in doc:
        if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ != "advcl":
            continue
        marks = [c.lower_ for c in verb.children if c.dep_ == "mark" and c.lower_ in _DAY_WORDS]
        units = [
            c
            for c in verb.children
            if c.dep_ == "npadvmod" and c.lemma_.lower() in _UNIT_DAYS and _span_count(c)
        ]
        if not marks or not units:
            continue
        count = _span_count(units[0]) or 0
        days = count * _UNIT_DAYS[units[0].lemma_.lower()]
        head = verb.head
        for d in dates:
            if d.get("precision") != "day" or not d.get("date"):
                continue
            span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            owner = None if span is None else governing_verb(span.root.head)
            if owner is None or owner.i != head.i:
                continue
            shift = -days if marks[0] == "after" else days
            out[verb.i] = dt.date.fromisoformat(d["date"]) + dt.timedelta(days=shift)
            break
    return out


def visit_for_talks(token: Token, lex: Lexicon) -> bool:
    """The trip's purpose is a negotiating round: "visit New Delhi for the sixth round of
    talks", "travel to Brussels for two-day talks". Talks in general ("visit Washington for
    tariff negotiations", "head for Washington for talks with X") leave the trip a visit: the
    GUIDELINES' talks are a round, and a trip is a visit unless the text tells that round."""
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    owners = [token] + ([verb] if verb is not None and verb.i != token.i else [])
    nouns, talks = lex.words("event_context_talks_nouns"), lex.words("event_context_talks_words")
    rounds = lex.words("event_round_nouns")
    for owner in owners:
        for prep in owner.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            for obj in prep.children:
                if obj.dep_ != "pobj" or obj.lower_ not in nouns:
                    continue
                if obj.lemma_.lower() in rounds:
                    told = [g for g in obj.subtree if g.lower_ in talks]
                    if told or any(c.dep_ == "amod" for c in obj.children):
                        return True  # "for the sixth round of talks", "for the next round"
                elif obj.lower_ in talks and told_as_round(obj, lex):
                    return True  # "for two-day talks"
    return False


def ongoing(verb: Token | None, lex: Lexicon) -> bool:
    """A present progressive ("is attending") with no time expression in its clause."""
    if verb is None or verb.tag_ != "VBG":
        return False
    be = lex.words("event_context_present_be")
    if not any(c.dep_ == "aux" and c.lower_ in be for c in verb.children):
        return False
    words = lex.words("event_context_time_words")
    return not any(t.lower_ in words or t.ent_type_ in {"DATE", "TIME"} for t in verb.subtree)
