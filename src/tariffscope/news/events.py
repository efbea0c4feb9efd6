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

Talks between two named people are a meeting; a trip "for the sixth round of talks" is the
talks. Events the story only mentions as history are left out, and days counted from another
event ("on the eve of", "21 days after") date it (:mod:`tariffscope.news.event_context`).
Mentions of one event (same kind, shared participants, no conflicting dates) are merged.

The participants, the date, place and status, and the merging are methods of the mixins in
:mod:`tariffscope.news._event_people`, :mod:`tariffscope.news._event_when` and
:mod:`tariffscope.news._event_merge`; their word lists are in
:mod:`tariffscope.news._event_words`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from tariffscope.news._component import LexiconComponent
from tariffscope.news._event_merge import EventMerger
from tariffscope.news._event_people import MentionIndex, ParticipantReader
from tariffscope.news._event_when import WhenWhereReader
from tariffscope.news._event_words import (
    FUTURE_HEADS,
    MEASURE_ACTS,
    MEASURE_WORDS,
    REPORT_VERBS,
    REQUEST_VERBS,
)
from tariffscope.news._measure_parts import place_spans, tree_distance
from tariffscope.news._persons import article_countries, layout
from tariffscope.news._syntax import direction, governing_verb, subject_of
from tariffscope.news.dates import reference_year
from tariffscope.news.deadlines import find_deadlines
from tariffscope.news.event_context import (
    clause_dates,
    date_by_offsets,
    day_offsets,
    is_background,
    visit_for_talks,
)
from tariffscope.news.event_triggers import (
    Trigger,
    trigger_of,
)
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.temporal import time_index

__all__ = ["EventComponent", "make_event_component"]


class EventComponent(ParticipantReader, WhenWhereReader, EventMerger, LexiconComponent):
    """Find events and deadlines (writes ``tariffscope_events`` and ``_deadlines``)."""

    def annotate(self, doc: Doc) -> None:
        """Find, describe and merge the article's events; then its deadlines."""
        lex = self.lexicon
        meta = doc._.tariffscope_meta or {}
        published = meta.get("published")
        anchor = dt.date.fromisoformat(published) if published else None
        year_now = anchor.year if anchor else reference_year(doc.text, meta.get("url"))
        persons = doc._.tariffscope_persons or []
        index = MentionIndex(doc._.tariffscope_mentions or [])
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
                    lex,
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
        doc._.tariffscope_deadlines = find_deadlines(doc, time_index(doc, lex), measures, lex)

    def _extra_triggers(self, sent: Any, index: MentionIndex, lex: Lexicon) -> list[Trigger]:
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
            if token.pos_ == "VERB" and lemma in REPORT_VERBS:
                for comp in (c for c in token.children if c.dep_ in {"ccomp", "xcomp"}):
                    actor = next((c for c in comp.children if c.dep_ == "nsubj"), None)
                    if (
                        comp.lemma_.lower() in MEASURE_ACTS
                        and direction(comp) > 0
                        and actor is not None  # the speaker's own act or the government's:
                        and (  # "he will raise", "we will extend", "the US will impose"
                            actor.lower_ in {"he", "she", "i", "we"}
                            or any(
                                kind in {"country", "capital"}
                                for _, kind, _, _ in place_spans(actor.subtree, lex)
                            )
                        )
                        and any(t.lower_ in MEASURE_WORDS for t in comp.subtree)
                    ):
                        out.append(Trigger(token, "announcement"))
                        break
        return out

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
            t.lemma_.lower() in REQUEST_VERBS and t.pos_ == "VERB" and t is not verb for t in upper
        ):
            return True
        is_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if is_infinitive:
            head = verb.head
            if head.lemma_.lower() in REQUEST_VERBS:
                return True
            if head.lemma_.lower() not in FUTURE_HEADS:
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
        index: MentionIndex,
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
        if host is not None and visit_for_talks(token, lex):
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
