"""The ``tariffscope_events`` component: events with participants, date, place and status,
and the article's deadlines.

For each trigger (:mod:`tariffscope.news.event_triggers`) outside headlines and credit lines:

- *participants*: the subject (a pronoun is the last person named as a subject; "the two
  leaders" are the last two people named), partners in "with"/"between" phrases, a person
  object ("met Bessent"), the agent ("announced by Trump"), a possessor ("Trump's talks");
  people by their canonical names, governments as country codes ("the United States and
  Vietnam" -> USA, VNM); an announcement without a named actor goes to the imposer of the
  measure it concerns, an agreement with one side gets the article's other country;
- *date*: the date expression attached nearest to the trigger in the parse, resolved by the
  dates component (weeks and unknown publication dates give none);
- *place*: a city or country in an "in/at" phrase of the trigger ("in Tokyo", "in the city of
  Busan"), the destination of a trip ("departed for Washington"), else none;
- *status*: cancelled ("cancelled", "ended talks", "wasn't able to meet"), planned (the verb
  looks ahead: "will attend", "is set to meet", "could complicate", "upcoming"), else
  happened; *count* from "twice" or "seven times".

Talks between two named people are a meeting. Mentions of one event (same kind, shared
participants, no conflicting dates) are merged.
"""

from __future__ import annotations

import bisect
import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from tariffscope.news._component import LexiconComponent
from tariffscope.news._measure_parts import place_spans, tree_distance
from tariffscope.news._persons import article_countries, layout
from tariffscope.news._syntax import direction, governing_verb, has_negation, subject_of
from tariffscope.news.dates import reference_year
from tariffscope.news.deadlines import find_deadlines
from tariffscope.news.event_context import (
    clause_dates,
    date_by_offsets,
    day_offsets,
    is_background,
    ongoing,
    topic_country,
    visit_for_talks,
)
from tariffscope.news.event_triggers import (
    CANCEL_WORDS,
    Trigger,
    trigger_of,
    with_objects,
)
from tariffscope.news.lexicon import Lexicon

__all__ = ["EventComponent", "make_event_component"]

_COUNT_WORDS = {"twice": 2, "thrice": 3, "once": 1}
_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "several": None,
}
_GROUPS = frozenset(
    {
        "leaders",
        "two",
        "both",
        "sides",
        "countries",
        "nations",
        "governments",
        "delegations",
        "parties",
    }
)
_REPORT_VERBS = frozenset(["say", "tell", "write", "post", "warn", "threaten", "announce", "add"])
_MEASURE_ACTS = frozenset(
    [
        "impose",
        "raise",
        "increase",
        "hike",
        "slap",
        "levy",
        "put",
        "place",
        "extend",
        "suspend",
        "lift",
        "remove",
        "cut",
        "lower",
        "reduce",
        "delay",
        "postpone",
        "pause",
    ]
)
_MEASURE_WORDS = frozenset(
    ["tariff", "tariffs", "duty", "duties", "levy", "levies", "countermeasure", "countermeasures"]
)
_COLLECTIVE = frozenset(
    ["administration", "government", "team", "office", "camp", "cabinet", "ministry"]
)
_REQUEST_VERBS = frozenset(
    ["ask", "urge", "press", "push", "want", "seek", "invite", "call", "pressure", "lobby"]
)
_FUTURE_HEADS = frozenset(
    [
        "set",
        "expect",
        "schedule",
        "plan",
        "go",
        "due",
        "prepare",
        "aim",
        "intend",
        "will",
        "hope",
        "agree",
        "continue",
        "begin",
        "start",
        "able",
    ]
)
_ACL_EVENT_VERBS = frozenset(
    [
        "finalize",
        "finalise",
        "sign",
        "reach",
        "announce",
        "seal",
        "strike",
        "conclude",
        "agree",
        "hold",
        "make",
    ]
)
_NOT_EVENT_DATE_PREPS = frozenset(  # deadlines and effective dates, not the event's day
    [
        "until",
        "till",
        "since",
        "by",
        "from",
        "starting",
        "beginning",
        "effective",
        "effective from",
        "as of",
    ]
)
_PLANNED_WORDS = frozenset(
    {"upcoming", "planned", "proposed", "expected", "next", "future", "scheduled", "possible"}
)


def _below(token: Token, head: Token) -> bool:
    """``token`` lies in the subtree of ``head``."""
    return any(t.i == head.i for t in token.ancestors)


def _month_holds_day(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """``a`` is dated to a month and ``b`` to a day of that month."""
    return bool(
        a["date"]
        and b["date"]
        and a.get("date_precision") == "month"
        and b.get("date_precision") == "day"
        and a["date"][:7] == b["date"][:7]
    )


class _Index:
    """Mentions of people by character position."""

    def __init__(self, mentions: list[dict[str, Any]]) -> None:
        self.items: list[tuple[int, int, int]] = sorted(
            (int(m["start"]), int(m["end"]), int(m["person"])) for m in mentions
        )
        self.starts = [m[0] for m in self.items]
        self.by_name: dict[str, int] = {}
        self.countries: dict[int, str] = {}

    def person(self, start: int, end: int) -> int | None:
        k = bisect.bisect_right(self.starts, end) - 1
        while k >= 0 and self.items[k][1] > start:
            s, e, p = self.items[k]
            if s < end and start < e:
                return p
            k -= 1
        return None

    def country_of(self, person: int) -> str | None:
        """The country of a person (set by the component)."""
        return self.countries.get(person)

    def person_named(self, name: str) -> int | None:
        """The person whose canonical name is ``name`` (set by :meth:`names`)."""
        return self.by_name.get(name)

    def subject_before(self, doc: Doc, position: int) -> int | None:
        """The last person named as a subject before ``position`` (for "he", "she")."""
        k = bisect.bisect_left(self.starts, position) - 1
        fallback = None
        while k >= 0:
            start, end, person = self.items[k]
            span = doc.char_span(start, end, alignment_mode="expand")
            fallback = person if fallback is None else fallback
            if span is not None and any(
                t.dep_ in {"nsubj", "nsubjpass"}
                or (t.dep_ == "appos" and t.head.dep_ in {"nsubj", "nsubjpass"})
                for t in span
            ):
                return person
            k -= 1
        return fallback

    def before(self, position: int, n: int) -> list[int]:
        out: list[int] = []
        k = bisect.bisect_left(self.starts, position) - 1
        while k >= 0 and len(out) < n:
            person = self.items[k][2]
            if person not in out:
                out.append(person)
            k -= 1
        return out


class EventComponent(LexiconComponent):
    """Find events and deadlines (writes ``tariffscope_events`` and ``_deadlines``)."""

    def annotate(self, doc: Doc) -> None:
        """Find, describe and merge the article's events; then its deadlines."""
        lex = self.lexicon
        meta = doc._.tariffscope_meta or {}
        published = meta.get("published")
        anchor = dt.date.fromisoformat(published) if published else None
        year_now = anchor.year if anchor else reference_year(doc.text, meta.get("url"))
        persons = doc._.tariffscope_persons or []
        index = _Index(doc._.tariffscope_mentions or [])
        index.by_name = {p["name"]: k for k, p in enumerate(persons)}
        index.countries = {k: p["country"] for k, p in enumerate(persons) if p.get("country")}
        self._country_of_name = {p["name"]: p.get("country") for p in persons}
        dates = doc._.tariffscope_dates or []
        measures = doc._.tariffscope_measures or []
        boiler, heads = layout(doc)
        skip = boiler + heads
        pair = article_countries(doc, persons, skip, lex)
        self._speakers = [
            (q["start"], q["end"], q["speaker"])
            for q in doc._.tariffscope_quotes or []
            if q.get("speaker")
        ]
        self._lead_imposer = str(measures[0]["imposer"]) if measures else None
        raw: list[dict[str, Any]] = []
        relative = clause_dates(doc, dates)
        for sent in doc.sents:
            if any(s <= sent.start_char < e for s, e in skip):
                continue
            found = [
                t
                for t in (
                    trigger_of(tok, lambda x: index.person(x.idx, x.idx + len(x.text)) is not None)
                    for tok in sent
                )
                if t is not None
            ]
            found += self._extra_triggers(sent, index, lex)
            verbs = [t for t in found if t.token.pos_ in {"VERB", "AUX"}]
            described = []
            for trig in found:
                if (
                    trig.kind != "other"
                    and trig.token.pos_ not in {"VERB", "AUX"}
                    and (self._covered(trig, verbs))
                ):
                    continue
                if self._hypothetical(trig.token):
                    continue
                event = self._describe(doc, trig, persons, index, dates, measures, pair, lex)
                if event is not None and not is_background(
                    trig.token,
                    event["kind"],
                    event["date_text"],
                    event["date"] is not None,
                    event["place"],
                    year_now,
                ):
                    described.append(event)
            raw += self._borrow(described)
        for event in raw:  # "21 days after the order was signed": dated from its clause
            fixed = next((relative[t] for t in event["tokens"] if t in relative), None)
            if fixed is not None:
                event["date"], event["date_precision"] = fixed.isoformat(), "day"
                event["date_text"] = None
        merged = self._merge(raw)
        date_by_offsets(merged, day_offsets(doc))
        doc._.tariffscope_events = self._share(merged)
        doc._.tariffscope_deadlines = find_deadlines(doc, dates, measures, anchor)

    def _extra_triggers(self, sent: Any, index: _Index, lex: Lexicon) -> list[Trigger]:
        """'Akazawa is in Washington' (a visit) and 'Trump said Monday he will raise tariffs',
        '"... we will extend the suspension of our countermeasures," she said on Sunday' (an
        announcement by the speaker)."""
        out: list[Trigger] = []
        for token in sent:
            lemma = token.lemma_.lower()
            if lemma == "be" and token.pos_ == "AUX" and token.dep_ == "ROOT":
                subject = subject_of(token)
                places = [
                    g
                    for c in token.children
                    if c.dep_ == "prep" and c.lower_ == "in"
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
                if (
                    subject is not None
                    and places
                    and self._is_person(subject, index)
                    and (any(lex.place_code(p.text) for p in places))
                ):
                    out.append(Trigger(token, "visit"))
            if token.pos_ == "VERB" and lemma in _REPORT_VERBS:
                for comp in (c for c in token.children if c.dep_ in {"ccomp", "xcomp"}):
                    actor = next((c for c in comp.children if c.dep_ == "nsubj"), None)
                    if (
                        comp.lemma_.lower() in _MEASURE_ACTS
                        and direction(comp) > 0
                        and actor is not None  # the speaker's own act or the government's:
                        and (  # "he will raise", "we will extend", "the US will impose"
                            actor.lower_ in {"he", "she", "i", "we"}
                            or any(
                                kind in {"country", "capital"}
                                for _, kind, _, _ in place_spans(actor.subtree, lex)
                            )
                        )
                        and any(t.lower_ in _MEASURE_WORDS for t in comp.subtree)
                    ):
                        out.append(Trigger(token, "announcement"))
                        break
        return out

    def _is_person(self, token: Token, index: _Index) -> bool:
        for t in [token, *[c for c in token.children if c.dep_ in {"appos", "compound"}]]:
            if index.person(t.left_edge.idx, t.idx + len(t.text)) is not None:
                return True
        return False

    def _hypothetical(self, token: Token) -> bool:
        """Conditions, requests and purposes are not events: 'if it concludes a deal',
        'asked Trump to lift', 'seeks a deal to ward off', 'offered to travel'."""
        chain = [token, *list(token.ancestors)[:4]]
        for t in chain:
            if any(
                c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in t.children
            ):
                return True
        verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
        if verb is None:
            return False
        upper = [verb, *list(verb.ancestors)[:4]]
        if any(
            t.lemma_.lower() in _REQUEST_VERBS and t.pos_ == "VERB" and t is not verb for t in upper
        ):
            return True
        is_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if is_infinitive:
            head = verb.head
            if head.lemma_.lower() in _REQUEST_VERBS:
                return True
            if head.lemma_.lower() not in _FUTURE_HEADS:
                return True
        return False

    # -- one trigger ----------------------------------------------------------------------------
    def _covered(self, trig: Trigger, verbs: list[Trigger]) -> bool:
        """A noun trigger inside the clause of a verb trigger names the same event."""
        token = trig.token
        for verb in verbs:
            if token.head.i == verb.token.i or token.i in {c.i for c in verb.token.children}:
                return True
            if verb.kind == trig.kind and tree_distance(token, verb.token) <= 3:
                return True
        return False

    def _describe(
        self,
        doc: Doc,
        trig: Trigger,
        persons: list[dict[str, Any]],
        index: _Index,
        dates: list[dict[str, Any]],
        measures: list[dict[str, Any]],
        pair: list[str],
        lex: Lexicon,
    ) -> dict[str, Any] | None:
        token = trig.token
        kind = trig.kind
        people, countries = self._participants(doc, token, kind, index, lex)
        names = [persons[p]["name"] for p in people]
        sides = len(people) + len(countries)
        if kind == "talks" and len(people) >= 2:
            kind = "meeting"
        place = self._place(doc, token, lex)
        borrow = False
        if kind in {"meeting", "call"} and sides == 0 and token.pos_ == "NOUN":
            borrow = True  # "a phone call on October 6, and a meeting on October 26, the
            # two leaders agreed": takes the participants of the sentence's other events
        elif kind == "meeting" and sides < 2:
            if place is None or not names:
                return None
            kind = "visit"
        elif kind == "talks" and sides == 1:
            # talks have two sides: the article's other country ("ending all negotiations")
            own = {persons[p].get("country") for p in people} | set(countries)
            other = next((c for c in pair if c not in own), None)
            if other is None:
                return None
            countries.append(other)
        elif kind in {"call", "talks"} and sides < 2:
            return None
        status = self._status(token)
        definite = token.pos_ == "NOUN" and any(
            c.lower_ in {"the", "that", "this"} for c in token.children if c.dep_ == "det"
        )
        if definite and not names and not countries:
            borrow = True  # "This announcement comes at a time ...": an earlier event
        if kind == "announcement":
            if status == "planned":
                return None
            status = "happened"
            if not names and not countries and not definite:
                imposer = self._imposer_in_sentence(token, measures) or self._lead_imposer
                if imposer is None:
                    return None
                countries = [imposer]
        if kind == "election" and not names and not countries:
            countries = self._election_country(token, persons, lex)
        if kind == "agreement":
            sided = {persons[p].get("country") for p in people} | set(countries)
            if len(sided - {None}) == 1:
                other = next((c for c in pair if c not in sided), None)
                if other is not None:
                    countries.append(other)
            if not names and not countries:
                countries = pair[:2]
        represented = {persons[p].get("country") for p in people}
        participants = names + [c for c in countries if c not in names and c not in represented]
        if not participants and not borrow:
            return None
        date = self._date(doc, token, dates)
        if kind == "visit" and place is None:
            return None
        host = lex.place_code(place) if kind == "visit" and place else None
        if host is not None and visit_for_talks(token):
            # "a U.S. team is scheduled to visit New Delhi for the sixth round of talks"
            kind = "talks"
            participants += [host] if host not in participants else []
        if (
            kind == "talks"
            and status == "happened"
            and place is None
            and (date is None or date["date"] is None)
        ):
            return None  # background ("as talks with the US continued"), not a round
        if (
            kind == "talks"
            and place is None
            and (date is None or date["date"] is None)
            and any(t.lemma_.lower() == "continue" for t in [token, *list(token.ancestors)[:2]])
        ):
            return None  # "Jakarta would continue negotiating": talks go on, no round named
        return {
            "kind": kind,
            "participants": participants,
            "date": date["date"] if date else None,
            "date_precision": date["precision"] if date and date["date"] else None,
            "date_text": date["text"] if date else None,
            "place": place,
            "status": status,
            "count": self._count(token),
            "start": token.sent.start_char,
            "end": token.sent.end_char,
            "trigger": token.text,
            "tokens": [token.i],
            "borrow": borrow,
            "definite": definite,
        }

    def _election_country(
        self, token: Token, persons: list[dict[str, Any]], lex: Lexicon
    ) -> list[str]:
        """The country that votes: a place in the sentence, else the country of the first
        actor of the article (the story's protagonist)."""
        for iso, kind, _, _ in place_spans(token.sent, lex):
            if kind in {"country", "demonym"}:
                return [iso]
        for person in persons:
            if person.get("actor") and person.get("country"):
                return [str(person["country"])]
        return []

    def _borrow(self, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        donors = [e for e in events if len(e["participants"]) >= 2]
        out = []
        for event in events:
            if event.pop("borrow", False):
                if donors:
                    event["participants"] = list(donors[0]["participants"])
                elif not event["definite"]:
                    continue
            out.append(event)
        return out

    def _participants(
        self, doc: Doc, token: Token, kind: str, index: _Index, lex: Lexicon
    ) -> tuple[list[int], list[str]]:
        heads: list[Token] = []
        if token.pos_ in {"VERB", "AUX"}:
            subject = subject_of(token)
            if subject is not None:
                heads.append(subject)
            heads += [g for c in token.children if c.dep_ == "agent" for g in c.children]
            if kind in {"meeting", "call"}:
                heads += [
                    o
                    for o in token.children
                    if o.dep_ not in {"nsubj", "nsubjpass", "prep", "agent"}
                    and self._is_person(o, index)
                ]
            heads += with_objects(token)
            for obj in (o for o in token.children if o.dep_ in {"dobj", "obj"}):
                heads += with_objects(obj)
        else:
            first = token
            while first.dep_ == "conj" and first.head is not first:
                first = first.head
            owners = [
                c
                for c in token.children
                if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")
            ]
            heads += owners + with_objects(token)
            acl = next(
                (
                    c
                    for c in token.children
                    if c.dep_ == "acl" and c.lemma_.lower() in _ACL_EVENT_VERBS
                ),
                None,
            )
            if acl is not None:
                heads += [g for c in acl.children if c.dep_ == "agent" for g in c.children]
            verb: Token | None = first.head if first.dep_ in {"dobj", "obj", "pobj"} else None
            if verb is not None and (verb.pos_ not in {"VERB", "AUX"} or verb.dep_ == "prep"):
                verb = governing_verb(verb.head if verb.dep_ == "prep" else verb)
            if verb is not None and first.dep_ not in {"nsubj", "nsubjpass"} and not owners:
                subject = subject_of(verb)
                if (
                    subject is not None
                    and subject.pos_ == "NOUN"
                    and verb.dep_ == "acl"
                    and (not self._is_person(subject, index))
                ):
                    upper = governing_verb(subject)  # "kept the dialogue going via calls"
                    subject = subject_of(upper) if upper is not None else subject
                if subject is not None and subject.i not in {t.i for t in token.subtree}:
                    heads.append(subject)
                heads += with_objects(verb)
                if kind in {"meeting", "call"}:
                    heads += [
                        o
                        for o in verb.children
                        if o.dep_ in {"dobj", "obj"}
                        and o.i != first.i
                        and self._is_person(o, index)
                    ]
        people: list[int] = []
        countries: list[str] = []
        for head in heads:
            members = [head, *[c for c in head.subtree if c.dep_ == "conj"]]
            for member in members:
                self._add(doc, member, token, index, lex, people, countries)
        return people, countries

    def _add(
        self,
        doc: Doc,
        member: Token,
        trigger: Token,
        index: _Index,
        lex: Lexicon,
        people: list[int],
        countries: list[str],
    ) -> None:
        left = member.left_edge.idx if member.dep_ != "conj" else member.idx
        right = member.idx + len(member.text)
        person = None
        for extra in (c for c in member.children if c.dep_ == "appos" and c.i > member.i):
            person = index.person(extra.left_edge.idx, extra.idx + len(extra.text))
            if person is not None:
                break
        if person is None:
            person = index.person(left, right)
        if person is not None and member.lemma_.lower() in _COLLECTIVE:
            country = index.country_of(person)
            if country is not None and country not in countries:
                countries.append(country)
            return
        for extra in (
            c for c in member.children if c.dep_ in {"appos", "compound"} and c.i > member.i
        ):
            if person is None:
                person = index.person(extra.left_edge.idx, extra.idx + len(extra.text))
        lower = member.lower_
        if person is None and lower in {"i", "we", "me", "us"}:
            speaker = next((n for s, e, n in self._speakers if s <= member.idx < e), None)
            if speaker is not None:
                found = index.person_named(speaker)
                if found is not None:
                    person = found
        if person is None and lower in {"he", "she", "him", "her"}:
            person = index.subject_before(doc, member.idx)
        if person is not None:
            if person not in people:
                people.append(person)
            return
        if (lower in _GROUPS and member.pos_ in {"NOUN", "NUM", "PRON", "DET"}) or lower in {
            "they",
            "them",
        }:
            for p in reversed(index.before(member.idx, 2)):
                if p not in people:
                    people.append(p)
            return
        tokens = (
            [t for t in member.subtree if t.i <= member.i] if member.dep_ != "conj" else [member]
        )
        topic = topic_country(member, lex)  # "the country's trade minister will visit"
        if topic is not None:
            if topic not in countries:
                countries.append(topic)
            return
        for iso, kind, _, _ in place_spans(tokens, lex):
            if kind in {"country", "capital", "institution"} and iso not in countries:
                countries.append(iso)
                break

    def _imposer_in_sentence(self, token: Token, measures: list[dict[str, Any]]) -> str | None:
        sent = token.sent
        for m in measures:
            if sent.start_char <= m["start"] < sent.end_char:
                return str(m["imposer"])
        return None

    def _date(self, doc: Doc, token: Token, dates: list[dict[str, Any]]) -> dict[str, Any] | None:
        sent = token.sent
        verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
        best: tuple[int, dict[str, Any]] | None = None
        reported: list[dict[str, Any]] = []
        others = 0
        for d in dates:
            if not (sent.start_char <= d["start"] < sent.end_char):
                continue
            span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            if span is None:
                continue
            if d.get("preposition") in _NOT_EVENT_DATE_PREPS:
                continue
            owner = governing_verb(span.root.head if span.root.head is not span.root else span.root)
            if (
                owner is not None
                and verb is not None
                and owner.i != verb.i
                and (owner.lemma_.lower() in _REPORT_VERBS | {"follow", "come"})
                and not (owner.dep_ == "acl" and owner.head.i == token.i)  # "a deal announced
            ):  # by Trump on Tuesday": the trigger's own participle
                if owner.i == verb.head.i:  # the report verb of this trigger
                    reported.append(d)
                continue  # "said on Thursday that they have agreed": the date of the saying
            owners_path = []
            for up in span.root.ancestors:
                if up.i == token.i or (verb is not None and up.i == verb.i):
                    break
                owners_path.append(up)
            if any(
                trigger_of(up, lambda _t: False) is not None
                and up.pos_ == "NOUN"
                and not (verb is not None and up.head.i == verb.i)
                for up in owners_path
            ):
                others += 1
                continue  # "after a meeting in September, ... agreed": the meeting's date
            distance = tree_distance(span.root, token)
            if verb is not None and verb.i != token.i:
                distance = min(distance, tree_distance(span.root, verb) + 1)
            if distance <= 4 and (best is None or distance < best[0]):
                best = (distance, d)
            elif best is not None and distance == best[0] and _below(span.root, verb or token):
                best = (distance, d)  # "reached a deal on July 30 and we reaffirmed ... on
                # October 29": the date under the trigger's own verb
            elif distance > 4:
                others += 1
        if (
            best is None
            and reported
            and not others
            and verb is not None
            and (direction(verb) < 0 and verb.dep_ == "ccomp")
        ):
            return reported[0]  # "said on Thursday he had agreed with Xi": the same day
        return None if best is None else best[1]

    def _place(self, doc: Doc, token: Token, lex: Lexicon) -> str | None:
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
        preps = {"in", "at"}
        if token.lemma_.lower() in {
            "depart",
            "leave",
            "fly",
            "travel",
            "head",
            "arrive",
            "trip",
            "visit",
        }:
            preps |= {"for", "to"}
        for owner in owners:
            for prep in (c for c in owner.children if c.dep_ == "prep" and c.lower_ in preps):
                for obj in (g for g in prep.children if g.dep_ == "pobj"):
                    place = self._place_name(obj, lex)
                    if place:
                        return place
        if token.lemma_.lower() == "visit":
            for obj in (o for o in token.children if o.dep_ in {"dobj", "obj"}):
                place = self._place_name(obj, lex)
                if place:
                    return place
        where = next((c for c in token.children if c.lower_ == "where"), None)
        if where is not None and where.i > 0:  # "in Kuala Lumpur where he is attending"
            return self._place_name(doc[where.i - 1], lex)
        return None

    def _place_name(self, obj: Token, lex: Lexicon) -> str | None:
        doc = obj.doc
        # "at the World Expo in Osaka": the city of the venue
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "in"):
            for inner in (g for g in prep.children if g.dep_ == "pobj"):
                name = self._place_name(inner, lex)
                if name:
                    return name
        # "the city of Busan": the name after "of"
        for prep in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
            for inner in (g for g in prep.children if g.dep_ == "pobj"):
                name = self._place_name(inner, lex)
                if name:
                    return name
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

    def _status(self, token: Token) -> str:
        verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
        acl = next((c for c in token.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
        way = direction(verb)
        if way > 0 and ongoing(verb):
            way = 0  # "where he is attending a summit": going on now
        if token.pos_ == "NOUN" and acl is not None:
            # "the agreement finalized by Trump and Lee": done, whatever the sentence says next
            way = direction(acl) if any(c.dep_ in {"aux", "auxpass"} for c in acl.children) else -1
        chain = [token, *list(token.ancestors)[:3]]
        for t in chain:
            lemma = t.lemma_.lower()
            off = lemma == "call" and any(c.lower_ == "off" for c in t.children)
            unable = lemma == "able" and has_negation(t.head)
            negated_meet = (
                t.pos_ in {"VERB", "AUX"}
                and has_negation(t)
                and lemma in {"meet", "visit", "travel"}
            )
            if lemma in CANCEL_WORDS or off or unable or negated_meet:
                return (
                    "planned"
                    if way > 0 and lemma in {"cancel", "scrap", "postpone"}
                    else "cancelled"
                )
        if any(c.lower_ in _PLANNED_WORDS for c in token.children if c.dep_ == "amod"):
            return "planned"
        if (
            token.dep_ == "pobj"
            and token.head.lower_ in {"of", "before"}
            and (token.head.head.lower_ in {"ahead", "prior"} or token.head.lower_ == "before")
        ):
            return "planned"
        return "planned" if way > 0 else "happened"

    def _count(self, token: Token) -> int | None:
        scope = [token, *([token.head] if token.pos_ != "VERB" else [])]
        for owner in scope:
            for child in owner.children:
                if child.lower_ in _COUNT_WORDS:
                    return _COUNT_WORDS[child.lower_]
                if child.lower_ in {"times"}:
                    for number in child.children:
                        if number.like_num:
                            value = _NUMBERS.get(number.lower_)
                            if value is None and number.text.isdigit():
                                value = int(number.text)
                            if value:
                                return value
        return None

    # -- merging --------------------------------------------------------------------------------
    def _merge(self, raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
        kept: list[dict[str, Any]] = []
        for event in raw:
            twin = next((k for k in kept if self._same(k, event)), None)
            if twin is None and event.get("definite") and not event["participants"]:
                same_kind = [k for k in reversed(kept) if k["kind"] == event["kind"]]
                twin = next(
                    (k for k in same_kind if event["date"] and k["date"] == event["date"]), None
                ) or next(
                    (
                        k
                        for k in same_kind
                        if k["status"] == event["status"] and not (k["date"] and event["date"])
                    ),
                    None,
                )
                if twin is None:
                    continue
            if twin is None and event.get("definite"):
                twin = next(
                    (
                        k
                        for k in reversed(kept)
                        if k["kind"] == event["kind"]
                        and not (k["date"] and event["date"] and k["date"] != event["date"])
                    ),
                    None,
                )
            if twin is None:
                kept.append({**event, "tokens": list(event["tokens"])})
                continue
            twin["tokens"] += event["tokens"]
            if _month_holds_day(twin, event):  # "in October 2025" and "on October 29, 2025"
                for key in ("date", "date_precision", "date_text"):
                    twin[key] = event[key]
            for key in ("date", "date_precision", "date_text", "place", "count"):
                if twin.get(key) is None and event.get(key) is not None:
                    twin[key] = event[key]
            if event["status"] == "cancelled":
                twin["status"] = "cancelled"
            for name in event["participants"]:
                if name not in twin["participants"]:
                    twin["participants"].append(name)
        return kept

    def _share(self, events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """A deal reached at a meeting: the meeting and the agreement between the same people
        share a date and a place when only one of them gives it."""
        for a in events:
            if a["kind"] != "meeting":
                continue
            for b in events:
                if b["kind"] != "agreement":
                    continue
                if not set(a["participants"]) & set(b["participants"]):
                    continue
                if a["status"] != b["status"]:
                    continue
                for key in ("date", "date_precision", "date_text", "place"):
                    if a.get(key) is None and b.get(key) is not None:
                        a[key] = b[key]
                    elif b.get(key) is None and a.get(key) is not None:
                        b[key] = a[key]
        for event in events:
            event.pop("definite", None)
            event.pop("tokens", None)
            names = event["participants"]
            represented = {self._country_of_name.get(n) for n in names}
            event["participants"] = [n for n in names if n not in represented]
        return events

    def _same(self, a: dict[str, Any], b: dict[str, Any]) -> bool:
        if a["kind"] != b["kind"]:
            return False
        within = _month_holds_day(a, b) or _month_holds_day(b, a)
        if a["date"] and b["date"] and a["date"] != b["date"] and not within:
            return False
        texts = [(e.get("date_text") or "").lower() for e in (a, b)]
        if (
            all(texts)
            and texts[0] != texts[1]
            and not (a["date"] and a["date"] == b["date"])
            and not within
        ):
            return False
        vague = [any(w in t for w in ("week", "month", "year")) for t in texts]
        if any(vague) and not all(texts):
            return False
        if a["status"] != b["status"]:
            return False

        def expand(event: dict[str, Any]) -> set[str]:
            names = set(event["participants"])
            if event["kind"] in {"announcement", "agreement", "talks"}:
                names |= {c for n in event["participants"] if (c := self._country_of_name.get(n))}
            return names

        shared = expand(a) & expand(b)
        if a["kind"] in {"meeting", "call"}:
            return len(shared) >= min(2, len(a["participants"]), len(b["participants"]))
        if a["kind"] == "visit" and a["place"] and b["place"] and a["place"] != b["place"]:
            return False
        return bool(shared)


@Language.factory(
    "tariffscope_events",
    assigns=["doc._.tariffscope_events", "doc._.tariffscope_deadlines"],
    requires=[
        "doc._.tariffscope_persons",
        "doc._.tariffscope_dates",
        "doc._.tariffscope_measures",
        "token.dep",
    ],
    default_config={"lexicon": {"@misc": "tariffscope.lexicon.v1"}},
)
def make_event_component(nlp: Language, name: str, lexicon: Lexicon) -> EventComponent:
    """Factory of ``tariffscope_events`` (see :class:`EventComponent`)."""
    return EventComponent(nlp, name, lexicon)
