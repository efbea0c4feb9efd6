"""When, where and how an event happens: pure functions of the trigger and the lexicon, for
:mod:`tariffscope.news.events`.

:func:`event_date` dates the trigger by the temporal layer
(:func:`tariffscope.news.temporal.attach`: its own phrase, its governing clause, the sentence's
one unclaimed date; never a deadline, an effective date, or the day a plan was reported; the
first day of a short span, "in India from Dec. 9-11"; each added day, "calls on July 26 and
28", dates one more event; talks are dated by their round told in the same clause, "have been
in negotiations ..., with the latest round held on June 18": :func:`rounds_of`);
:func:`event_place` reads the place in an "in/at" phrase, the destination of a trip, the place
a "where" clause hangs on; :func:`event_status` the status (cancelled, planned, happened);
:func:`event_count` counts ("twice", "seven times").
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from spacy.tokens import Doc, Span, Token

from tariffscope.news._doc_memo import doc_memo
from tariffscope.news._event_kind import trip_delegation
from tariffscope.news._event_record import EventRecord
from tariffscope.news._event_words import COUNT_WORDS, NUMBERS
from tariffscope.news._syntax import direction, governing_verb, has_negation
from tariffscope.news.dates import TENSE_SLACK_DAYS
from tariffscope.news.event_context import ongoing
from tariffscope.news.event_triggers import rules_for, trigger_of
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.temporal import TimeRecord, anchors_of, attach, time_index

__all__ = [
    "added_places",
    "after_publication",
    "completes",
    "dated_ahead",
    "event_count",
    "event_date",
    "event_place",
    "event_status",
    "place_name",
    "planned_year",
    "rounds_of",
    "told_ahead",
]


def _sentence_triggers(sent: Span, lex: Lexicon) -> tuple[int, ...]:
    """The tokens of ``sent`` that name an event by the trigger rules alone (no person test),
    found once per sentence: every trigger of the sentence asks when its neighbours happen."""
    rules = rules_for(lex)
    return doc_memo(
        sent.doc,
        f"event_triggers:{sent.start}",
        lambda: tuple(t.i for t in sent if trigger_of(t, lambda _t: False, rules) is not None),
        lex,
        rules,
    )


def event_date(doc: Doc, token: Token, lex: Lexicon) -> dict[str, Any] | None:
    """The event's date by the temporal layer's one mechanism
    (:func:`tariffscope.news.temporal.attach`): every event trigger of the sentence claims
    the dates of its own phrase, the others take one from a governing clause or the
    sentence."""
    sent = token.sent
    index = time_index(doc, lex)
    if not index.within(sent.start_char, sent.end_char):
        return None
    triggers = {
        i: anchors_of(t, lex) + rounds_of(t, anchors_of(t, lex), lex) + setting_host(t, lex)
        for i in sorted({token.i, *_sentence_triggers(sent, lex)})
        for t in (doc[i],)
    }
    tense = {i: _tense(doc[i], lex) for i in triggers}
    found = attach(doc, index, sent, triggers, "event", lex, tense)
    hit = found.get(token.i)
    if hit is None:
        return None
    out = hit.record.as_dict()
    if tense.get(token.i, 0) > 0:  # "will meet X on March 19" in a July story: next March
        ahead = planned_year(hit.record, index.anchor)
        out["date"] = out["date"] if ahead is None else ahead.isoformat()
    later = [r for r in index.records if r.start >= hit.record.end]
    also = []
    for record in later:  # "calls on July 26 and 28": one more event on each added day
        if record.modifier != "also":
            break
        also.append(record.as_dict())
    out["also"] = also
    return out


def _relative_antecedent(verb: Token) -> list[Token]:
    """The noun a relative pronoun object of ``verb`` stands for: "the summit in Seoul, which
    the president will attend" -> summit (its "in" phrase is where the verb's act is)."""
    if not any(o.dep_ in {"dobj", "obj"} and o.tag_ in {"WDT", "WP"} for o in verb.children):
        return []
    clause = next((a for a in [verb, *verb.ancestors] if a.dep_ == "relcl"), None)
    return [] if clause is None else [clause.head]


def event_place(doc: Doc, token: Token, lex: Lexicon) -> str | None:
    """Where the event is: an "in/at" phrase of the trigger or its verb, a trip's
    destination, the place a "where" clause hangs on, the occasion a relative clause attends
    ("the summit in X, which Y will attend"), else the place of the clause it is the setting
    of."""
    owners = [token]
    if token.pos_ != "VERB":
        verb = governing_verb(token)
        if verb is not None:
            owners.append(verb)
    else:
        owners += [
            o
            for o in token.children
            if o.dep_ in {"dobj", "obj", "advmod", "npadvmod"} and o.pos_ in {"PROPN", "NOUN"}
        ]
        owners += _round_talks(owners[1:], lex)  # "concluded the third round of talks in X"
        owners += _relative_antecedent(token)  # "the summit in X, which Y will attend"
    preps = {"in", "at"}
    trips = lex.words("event_travel_verbs") | lex.words("event_visit_nouns")
    if token.lemma_.lower() in trips | lex.words("event_envoy_send_verbs"):
        preps |= {"for", "to"}  # the trip's destination; one word list with the trigger rule
    if token.lemma_.lower() in lex.words("event_lead_verbs") and trip_delegation(token, lex):
        preps |= lex.words("event_destination_preps")
    if token.lower_ in lex.words("event_visited_forms"):
        preps |= lex.words("event_destination_preps")  # "has been to Washington"
    occasion = lex.words("event_occasion_nouns")
    for owner in owners:
        for prep in (c for c in owner.children if c.dep_ == "prep"):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                if prep.lower_ not in preps and obj.lower_ not in occasion:
                    continue  # "on the sidelines of a summit in Lima": the summit's city
                place = place_name(obj, lex)
                if place:
                    return place
    for antecedent in _relative_antecedent(token) if token.pos_ == "VERB" else []:
        place = place_name(antecedent, lex)  # "the summit in Seoul, which X will attend"
        if place:  # (the parse hangs the clause on the city)
            return place
    if "for" in preps:  # "has left for the U.S. to hold talks": the parse's for-to clause
        for subject in _for_clause_subjects(token):
            place = place_name(subject, lex)
            if place:
                return place
    if token.lemma_.lower() == "visit":
        for obj in (o for o in token.children if o.dep_ in {"dobj", "obj"}):
            place = place_name(obj, lex)
            if place:
                return place
    where = next((c for c in token.children if c.lower_ == "where"), None)
    if where is not None and where.i > 0:  # "in Kuala Lumpur where he is attending"
        named = place_name(doc[where.i - 1], lex)
        if named:
            return named
    host = setting_host(token, lex)  # "travelled to Lima, where she met X": Lima
    return event_place(doc, host[0], lex) if host else None


def added_places(event: EventRecord, token: Token, lex: Lexicon) -> list[str]:
    """The places joined to an encounter's place ("previous talks in Geneva and London",
    "met twice in Quito and Lima"): one encounter in each, as a call on two days is two."""
    place = event.place
    if event.kind not in {"talks", "meeting", "visit"} or not place:
        return []
    words = place.split()
    named = next(
        (
            t
            for t in token.sent
            if t.pos_ == "PROPN" and t.text == words[-1] and place_name(t, lex) == place
        ),
        None,
    )
    if named is None:
        return []
    joined = [c for c in named.subtree if c.dep_ == "conj" and c.i != named.i]
    names = (place_name(c, lex) for c in joined)
    return list(dict.fromkeys(n for n in names if n and n != place))


def place_name(obj: Token, lex: Lexicon) -> str | None:
    """The place ``obj`` names (a venue's city, "the city of X", a country's capital), or
    None."""
    doc = obj.doc
    # "at the World Expo in Osaka": the city of the venue
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "in"):
        for inner in (g for g in prep.children if g.dep_ == "pobj"):
            name = place_name(inner, lex)
            if name:
                return name
    # "the city of Busan": the name after "of"
    for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
        for inner in (g for g in prep.children if g.dep_ == "pobj"):
            name = place_name(inner, lex)
            if name:
                return name
    if obj.lemma_.lower() in lex.words("event_capital_nouns"):
        # "the US capital", "the Swiss capital": the country's seat, named by the country
        for owner in (c for c in obj.children if c.dep_ in {"compound", "amod", "nmod"}):
            if lex.place_code(owner.text):
                return owner.text
    ent = next((e for e in doc.ents if e.start <= obj.i < e.end), None)
    if ent is not None and ent.label_ in {"GPE", "LOC", "FAC", "ORG", "EVENT"}:
        text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
        if (
            ent.label_ in {"GPE", "LOC", "FAC"}
            or lex.place_code(text)
            or ("assembly" in text.lower() or "summit" in text.lower())
        ):
            return text
    if obj.pos_ == "PROPN" and lex.place_code(obj.text):
        return obj.text
    return None


def event_status(token: Token, lex: Lexicon) -> str:
    """Cancelled, planned or happened, by the verb's direction, words of cancelling and
    plans, and a date after publication."""
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    acl = next((c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
    way = direction(verb)
    if way > 0 and ongoing(verb, lex):
        way = 0  # "where he is attending a summit": going on now
    if _reduced_relative(token):
        way = -1  # "the tariffs unveiled by Trump on Wednesday would ...": done before
    if token.pos_ == "NOUN" and acl is not None:
        # "the agreement finalized by Trump and Lee": done, whatever the sentence says next
        way = direction(acl) if any(c.dep_ in {"aux", "auxpass"} for c in acl.children) else -1
    chain = [token, *list(token.ancestors)[:3]]
    cancel_words = lex.words("event_cancel_words")
    for t in chain:
        lemma = t.lemma_.lower()
        off = lemma == "call" and any(c.lower_ == "off" for c in t.children)
        unable = lemma == "able" and has_negation(t.head)
        negated_meet = (
            t.pos_ in {"VERB", "AUX"}
            and (has_negation(t) or _no_longer(t))  # "will no longer send a delegation"
            and lemma in {"meet", "visit", "travel"} | lex.words("event_envoy_send_verbs")
        )
        if completes(token, t, lex):
            continue  # "talks ended in Geneva on Tuesday": the round was held to its end
        if lemma in cancel_words or off or unable or negated_meet:
            return (
                "planned" if way > 0 and lemma in {"cancel", "scrap", "postpone"} else "cancelled"
            )
    if told_ahead(token, lex):
        return "planned"
    if way == 0 and dated_ahead(token, lex):
        return "planned"  # "voters head to the polls on Sunday": a timetable
    return "planned" if way > 0 else "happened"


def after_publication(doc: Doc, date: dict[str, Any] | None) -> bool:
    """The event's resolved date, a day or a month, lies after the story's publication
    day or month: what is told of it cannot have happened yet ("put the bill on the
    agenda for a vote on April 17" in an April 8 story)."""
    published = (doc._.tariffscope_meta or {}).get("published")
    if not published or date is None or date.get("date") is None:
        return False
    day, now = dt.date.fromisoformat(date["date"]), dt.date.fromisoformat(published)
    if date.get("precision") == "month":
        return (day.year, day.month) > (now.year, now.month)
    return date.get("precision") == "day" and day > now


def dated_ahead(token: Token, lex: Lexicon) -> bool:
    """The event's own date (see :func:`event_date`) falls after publication."""
    meta = token.doc._.tariffscope_meta or {}
    published = meta.get("published")
    found = event_date(token.doc, token, lex)
    if not published or found is None or found["date"] is None:
        return False
    day = dt.date.fromisoformat(found["date"])
    return found["precision"] == "day" and day > dt.date.fromisoformat(published)


def event_count(token: Token) -> int | None:
    """How many times the event happened ("twice", "seven times"), or None."""
    scope = [token, *([token.head] if token.pos_ != "VERB" else [])]
    for owner in scope:
        for child in owner.children:
            if child.lower_ in COUNT_WORDS:
                return COUNT_WORDS[child.lower_]
            if child.lower_ in {"times"}:
                for number in child.children:
                    if number.like_num:
                        value = NUMBERS.get(number.lower_)
                        if value is None and number.text.isdigit():
                            value = int(number.text)
                        if value:
                            return value
    return None


def planned_year(record: TimeRecord, anchor: dt.date | None) -> dt.date | None:
    """The day a plan is told for, when its day and month (or month) carry no year and the
    dates layer put them before the publication ("will meet X on March 19" in a story of July,
    "will visit in March"): the same day a year later, since an event told as ahead lies
    ahead. The dates layer keeps the nearest year for every date that looks ahead, as a
    preposition's ahead ("had to cut duties by Sept. 5" in a story of Sept. 20) is often not a
    tense's; an event's own day is its tense's. None when nothing moves (a year written, a day
    within :data:`~tariffscope.news.dates.TENSE_SLACK_DAYS` of the publication, no anchor)."""
    if anchor is None or record.date is None or record.kind not in {"absolute", "month"}:
        return None
    if _YEAR_WRITTEN.search(record.text):
        return None
    if record.precision == "month":
        behind = record.date < anchor.replace(day=1)
    else:
        behind = record.date < anchor - dt.timedelta(days=TENSE_SLACK_DAYS)
    if not behind:
        return None
    try:
        return record.date.replace(year=record.date.year + 1)
    except ValueError:  # February 29
        return None


_YEAR_WRITTEN = re.compile(r"\b(?:19|20)\d\d\b")


def rounds_of(token: Token, anchors: tuple[Token, ...], lex: Lexicon) -> tuple[Token, ...]:
    """The rounds of talks told in the talks' own clause ("have been in negotiations since
    April, with the latest round held on June 18"): anchors of the talks, so that the round's
    day is theirs. A round under a clause with its own subject ("and a second round is due"),
    after a word of sequence ("after a round of ..."), or of something else than talks ("a
    round of tariffs") is not theirs."""
    talks = lex.words("event_talks_nouns")
    if token.lower_ not in talks and token.lemma_.lower() not in lex.words("event_negotiate_verbs"):
        return ()
    verb = next((a for a in reversed(anchors) if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return ()
    sequence = lex.words("time_sequence_prepositions")
    out = []
    for word in verb.subtree:
        if word.i == token.i or word.pos_ != "NOUN":
            continue
        if word.lemma_.lower() not in lex.words("event_round_nouns"):
            continue
        of = [g for c in word.children if c.lower_ == "of" for g in c.children]
        if any(g.lower_ not in talks for g in of):
            continue  # "a round of tariffs"
        between = list(word.ancestors)[: list(word.ancestors).index(verb)]
        if any(
            (a.pos_ in {"VERB", "AUX"} and any(c.dep_ in _SUBJECTS for c in a.children))
            or (a.pos_ == "ADP" and a.lower_ in sequence)
            for a in between
        ):
            continue
        out.append(word)
    return tuple(out)


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl"})


def setting_host(token: Token, lex: Lexicon) -> tuple[Token, ...]:
    """The verb of the main clause a "when" or "where" clause of ``token`` hangs on ("visited
    Lima in May, *when* she also *met* X": "visited"; "arrived on June 4, *where* he met X"):
    the clause happens at its time, so the trigger shares the dates of that verb's phrase."""
    if token.pos_ not in {"VERB", "AUX"} or token.dep_ not in {"advcl", "relcl"}:
        return ()
    relatives = lex.words("time_setting_relatives")
    if not any(c.dep_ == "advmod" and c.lower_ in relatives for c in token.children):
        return ()
    host = token.head if token.head.pos_ in {"VERB", "AUX"} else governing_verb(token.head)
    return () if host is None or host.i == token.i else (host,)


def _tense(token: Token, lex: Lexicon) -> int:
    """The direction an event trigger is told in: ahead when told so whatever its clause
    (:func:`told_ahead`), past for a participle describing a noun ("the tariffs *announced*
    in April are set to expire"), else its governing verb's."""
    if told_ahead(token, lex):
        return 1
    if _reduced_relative(token):
        return -1
    return direction(governing_verb(token))


def _reduced_relative(token: Token) -> bool:
    """A past participle on a noun, with no auxiliary and no frame below it ("the levies
    imposed in March"): it tells what was done to the noun, whatever the main verb's tense."""
    return (
        token.tag_ == "VBN"
        and token.dep_ == "acl"
        and not any(c.dep_ in {"aux", "auxpass", "xcomp"} for c in token.children)
    )


def told_ahead(token: Token, lex: Lexicon) -> bool:
    """An event told as still to come, whatever the tense of its clause: an adjective of
    arrival ("is due in Brussels"), a participle of a trip under way ("is headed to the US"),
    or a noun modified by a word of plan ("planned talks",
    "the upcoming visit") or the object of a phrase of precedence ("ahead of a meeting",
    "prior to the talks", "before the summit"). Its date
    then lies ahead of the story too: "said ... ahead of a meeting on Friday" is next Friday."""
    if token.pos_ == "ADJ":  # "the minister is due in Brussels on Monday": an arrival ahead
        return token.lemma_.lower() in lex.words("event_arrival_adjectives")
    if token.lower_ in lex.words("event_en_route_participles"):
        # "the minister is headed to the US this week": on the way, the visit ahead
        return any(
            c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} for c in token.children
        )
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(
        c.lower_ in lex.words("event_planned_words") for c in token.children if c.dep_ == "amod"
    ):
        return True
    if token.dep_ != "pobj":
        return False
    prep = token.head
    if prep.lower_ in lex.words("event_ahead_preps"):
        return True  # "before the summit"
    return prep.lower_ in lex.words("event_ahead_links") and prep.head.lower_ in lex.words(
        "event_ahead_heads"
    )


def completes(event: Token, verb: Token, lex: Lexicon) -> bool:
    """The event noun is the subject of a verb of ending in the active voice ("the talks ended
    on Tuesday", "negotiations concluded in Geneva"): the event reached its end, so it was held
    and is not cancelled (as "ended the talks" or "talks were suspended" are)."""
    if event.dep_ == "pobj" and event.head.lower_ == "of":
        event = event.head.head  # "a third round of negotiations ended": the round holds them
    return (
        event.dep_ == "nsubj"
        and event.head.i == verb.i
        and verb.lemma_.lower() in lex.words("event_completion_verbs")
    )


def _round_talks(objects: list[Token], lex: Lexicon) -> list[Token]:
    """The talks noun of each round noun among a verb's objects ("concluded the third round of
    negotiations in Lima"): the round's place hangs on its talks, one step further down."""
    rounds = [o for o in objects if o.lemma_.lower() in lex.words("event_round_nouns")]
    return [
        g
        for o in rounds
        for p in o.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj" and g.lower_ in lex.words("event_talks_nouns")
    ]


def _for_clause_subjects(verb: Token) -> list[Token]:
    """The subjects of a "for ... to" clause on a verb of travel ("has left for the U.S. to
    hold talks"): the parse reads the destination as the clause's subject, marked by "for"."""
    return [
        s
        for clause in verb.children
        if clause.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children)
        for s in clause.children
        if s.dep_ in {"nsubj", "nsubjpass"} and s.pos_ == "PROPN"
    ]


def _no_longer(verb: Token) -> bool:
    """The verb is told as given up: "no longer" on it ("will no longer send a team")."""
    return any(
        c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in verb.children
    )
