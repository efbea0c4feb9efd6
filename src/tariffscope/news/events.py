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

The participants, the date, place and status, and the merging are pure functions of
:mod:`tariffscope.news._event_people`, :mod:`tariffscope.news._event_when` and
:mod:`tariffscope.news._event_merge` over the story's frozen
:class:`~tariffscope.news._event_story.EventStory` and the lexicon; their word lists are in
:mod:`tariffscope.news._event_words`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from tariffscope.news._component import LexiconComponent
from tariffscope.news._event_company import delegation_members, event_leaders, purpose_partners
from tariffscope.news._event_filter import EventFilter
from tariffscope.news._event_filter_model import date_variants, event_features, story_events
from tariffscope.news._event_kind import (
    EventShape,
    delegation_led,
    delegation_negotiates,
    kind_by_structure,
    remote_mode,
    told_as_round,
)
from tariffscope.news._event_merge import (
    borrow_participants,
    merge_mentions,
    share_occasions,
    with_counterparts,
)
from tariffscope.news._event_people import (
    add_participant,
    election_country,
    imposer_in_sentence,
    participants_of,
)
from tariffscope.news._event_plan import (
    frame_subject,
    plan_frame,
    plan_overtaken,
    timetable_copula,
)
from tariffscope.news._event_proposer import (
    EventProposer,
    covered_kinds,
    sentence_context,
    sentence_features,
)
from tariffscope.news._event_record import EventRecord, OtherDay
from tariffscope.news._event_story import EventStory
from tariffscope.news._event_trigger_model import (
    EventTriggerSetting,
    SentenceFacts,
    is_candidate,
    token_features,
)
from tariffscope.news._event_when import (
    added_places,
    after_publication,
    event_count,
    event_date,
    event_place,
    event_status,
)
from tariffscope.news._measure_parts import place_spans, tree_distance
from tariffscope.news._persons import article_countries, layout
from tariffscope.news._syntax import direction, governing_verb
from tariffscope.news.deadlines import find_deadlines
from tariffscope.news.event_context import (
    clause_dates,
    date_by_offsets,
    day_offsets,
    is_background,
    report_day_dates,
    same_occasion_dates,
    trip_of_purpose,
    visit_for_talks,
)
from tariffscope.news.event_mood import not_an_event, unanchored
from tariffscope.news.event_triggers import (
    EventRules,
    Trigger,
    find_triggers,
    rules_for,
)
from tariffscope.news.lexicon import Lexicon, default_lexicon
from tariffscope.news.mention_chains import MentionChains, chains_of
from tariffscope.news.temporal import time_index

__all__ = ["EventComponent", "make_event_component"]


class EventComponent(LexiconComponent):
    """Find events and deadlines (writes ``tariffscope_events`` and ``_deadlines``)."""

    def __init__(
        self,
        nlp: Language,
        name: str,
        lexicon: Lexicon | None = None,
        event_filter: str = "rules",
        event_filter_weights: str = "",
        event_proposer: str = "off",
        event_proposer_weights: str = "",
        event_trigger_model: str = "off",
        event_trigger_model_weights: str = "",
    ) -> None:
        self._settings = (event_filter, event_filter_weights)
        self._proposer_settings = (event_proposer, event_proposer_weights)
        self._trigger_settings = (event_trigger_model, event_trigger_model_weights)
        super().__init__(nlp, name, lexicon)

    def loaded(self) -> None:
        """The event filter with the weights of this component's rule book (unless a weights
        file is configured)."""
        mode, weights = self._settings
        self.event_filter = EventFilter.configured(mode, weights, book=self.lexicon.rules)
        mode, weights = self._proposer_settings
        self.event_proposer = EventProposer.configured(mode, weights, book=self.lexicon.rules)
        mode, weights = self._trigger_settings
        self.trigger_model = EventTriggerSetting.configured(mode, weights, book=self.lexicon.rules)

    def annotate(self, doc: Doc) -> None:
        """Find, describe and merge the article's events; then its deadlines."""
        lex = self.lexicon
        times = time_index(doc, lex)
        reference, anchor = times.reference, times.anchor
        year_now = None if reference is None else reference.year
        persons = doc._.tariffscope_persons or []
        index = chains_of(doc)
        dates = doc._.tariffscope_dates or []
        measures = doc._.tariffscope_measures or []
        boiler, heads = layout(doc)
        skip = boiler + heads
        pair = article_countries(doc, persons, skip, lex)
        context = EventStory.of(persons, doc._.tariffscope_quotes or [], measures, pair)
        raw: list[EventRecord] = []
        relative = clause_dates(doc, dates)
        by_sentence: dict[int, list[Trigger]] = {}
        wide = self.event_filter.learned  # the guards' vetoed mentions are candidates too
        for trig in find_triggers(
            doc,
            self._rules(),
            lambda x: bool(index.persons_at(x.idx, x.idx + len(x.text))),
        ):
            by_sentence.setdefault(trig.token.sent.start, []).append(trig)
        for sent in doc.sents:
            if any(s <= sent.start_char < e for s, e in skip):
                continue
            found = by_sentence.get(sent.start, [])
            verbs = [t for t in found if t.token.pos_ in {"VERB", "AUX"}]
            described: list[EventRecord] = []
            for trig in found:
                if (
                    trig.kind != "other"
                    and trig.token.pos_ not in {"VERB", "AUX"}
                    and (self._covered(trig, verbs))
                ):
                    continue
                vetoes = ["hypothetical"] if self._hypothetical(trig.token, lex) else []
                if vetoes and not wide:
                    continue
                event = self._describe(doc, trig, persons, index, measures, pair, lex, context)
                if event is None:
                    continue
                if event.place is None and _during_trip(trig.token, lex):
                    # "During his visit, he is expected to meet X": where the trip told went
                    event = replace(event, place=_trip_place(raw, event))
                trip = _trip_just_told(raw, event, trig.token, reference)
                if trip is not None:  # "X travels to Lima on Monday. X is due to meet Y."
                    event = replace(
                        event,
                        place=trip.place,
                        date=trip.date,
                        date_precision=trip.date_precision,
                        date_text=trip.date_text,
                    )
                dated = bool(event.date or event.date_text)
                if not_an_event(trig, dated, lex):
                    vetoes.append("not_an_event")
                # kept only if another mention anchors it
                named = sum(p in context.country_of_name for p in event.participants)
                weak = unanchored(trig, event.status, dated, bool(event.place), lex, named)
                weak = weak or _occasion_untold(
                    trig, event.kind, dated, bool(event.place), lex, story_dated=anchor is not None
                )
                if not vetoes and is_background(
                    trig.token,
                    event.kind,
                    event.date_text,
                    event.date is not None,
                    event.place,
                    year_now,
                    lex,
                    story_dated=anchor is not None,
                ):
                    vetoes.append("background")
                if vetoes and not wide:
                    continue
                # a vetoed mention is a candidate of the learned filter only
                event = replace(event, weak=weak, veto=vetoes[0] if vetoes else None)
                calls = _one_call_each(event, trig.token)
                described += calls
                for call in calls:
                    described += _on_added_days(call)
                    described += [
                        replace(call, place=place) for place in added_places(call, trig.token, lex)
                    ]
            raw += borrow_participants(described, raw)
        raw = [_clause_dated(e, relative) for e in with_counterparts(raw)]
        merged = merge_mentions(raw, context, lex)
        merged = date_by_offsets(merged, day_offsets(doc), doc, lex)
        merged = same_occasion_dates(merged, doc)
        merged = report_day_dates(merged, doc, lex)
        candidates = share_occasions(merged, context, lex)
        rules_keep = [_anchored_one(e) for e in candidates]
        groups = list(range(len(candidates)))
        features = None
        if self.event_filter.learned:  # the model chooses among readings of each date too
            index_of_times = time_index(doc, lex)
            for n, event in enumerate(list(candidates)):
                variants = date_variants(event, doc, index_of_times)
                candidates += variants
                rules_keep += [False] * len(variants)
                groups += [n] * len(variants)
            quoted = [(q["start"], q["end"]) for q in doc._.tariffscope_quotes or []]
            story = story_events(
                doc, candidates, rules_keep, reference, pair, context.country_of_name, quoted
            )
            features = [
                event_features(e, k, doc, story, lex)
                for e, k in zip(candidates, rules_keep, strict=True)
            ]
        keep = self.event_filter.decide(candidates, rules_keep, features, groups)
        kept = [e for e, k in zip(candidates, keep, strict=True) if k]
        if self.trigger_model.active:  # the learned trigger model filters and proposes
            scope = (doc, index, pair, context)
            kept = self._by_trigger_model(scope, kept, by_sentence, skip)
        if self.event_proposer.active:  # events of kinds the rules missed in a sentence
            scope = (doc, index, pair, context)
            kept += self._proposed(scope, kept, skip, reference)
        doc._.tariffscope_events = [e.as_dict() for e in kept]
        doc._.tariffscope_deadlines = find_deadlines(doc, time_index(doc, lex), measures, lex)

    def _by_trigger_model(
        self,
        scope: tuple[Doc, MentionChains, list[str], EventStory],
        kept: list[EventRecord],
        by_sentence: dict[int, list[Trigger]],
        skip: list[tuple[int, int]],
    ) -> list[EventRecord]:
        """The kept events filtered and completed by the learned trigger model
        (:mod:`tariffscope.news._event_trigger_model`): each candidate token scored, the rule
        events whose triggers score low dropped, events added at confident tokens the rules
        did not cover, each described at its token by the rules' own machinery."""
        doc, index, pair, context = scope
        lex = self.lexicon
        setting = self.trigger_model
        model = setting.weights
        rule_kind = {t.token.i: t.kind for found in by_sentence.values() for t in found}
        own = {t for e in kept for t in e.tokens}
        sents = [s for s in doc.sents if not any(a <= s.start_char < b for a, b in skip)]
        starts = [s.start for s in doc.sents][:3]
        lead_end = starts[2] if len(starts) > 2 else len(doc)
        facts = SentenceFacts()
        probabilities: dict[int, dict[str, float]] = {}
        sentence_of: dict[int, int] = {}
        for sent in sents:
            for token in sent:
                if token.i not in own and not is_candidate(token, model.vocabulary):
                    continue
                row = token_features(token, rule_kind.get(token.i), facts, lead_end, lex)
                probabilities[token.i] = model.probabilities(row)
                sentence_of[token.i] = sent.start
                setting.seen(token.i, row)
        kept = setting.filtered(kept, probabilities)
        persons = doc._.tariffscope_persons or []
        measures = doc._.tariffscope_measures or []
        built = []
        for i, kind in setting.proposals(kept, probabilities, sentence_of):
            trig = Trigger(doc[i], kind, f"model.{kind}")
            event = self._describe(doc, trig, persons, index, measures, pair, lex, context)
            built.append((i, kind, event))
        return setting.added(kept, built)

    def _proposed(
        self,
        scope: tuple[Doc, MentionChains, list[str], EventStory],
        kept: list[EventRecord],
        skip: list[tuple[int, int]],
        reference: Any,
    ) -> list[EventRecord]:
        """The learned proposer's events (:mod:`tariffscope.news._event_proposer`): per
        sentence, the kinds its models find and the rules kept no event of, each read at
        the sentence's root by the rules' mechanisms (date, place, participants)."""
        doc, index, pair, context = scope
        lex = self.lexicon
        times = time_index(doc, lex)
        story = sentence_context(doc, reference, doc._.tariffscope_quotes or [])
        sents = [s for s in doc.sents if not any(a <= s.start_char < b for a, b in skip)]
        whens = [event_date(doc, s.root, lex) for s in sents]
        covered = [covered_kinds(s, kept) for s in sents]
        rows = []
        for sent, when in zip(sents, whens, strict=True):
            people = {
                p for m in index.overlapping(sent.start_char, sent.end_char) for p in m.persons
            }
            rule_kinds = [e.kind for e in kept if any(sent.start <= t < sent.end for t in e.tokens)]
            rows.append(sentence_features(sent, when, times, len(people), rule_kinds, story, lex))
        out = []
        choices = self.event_proposer.choose(rows, covered)
        for sent, when, chosen in zip(sents, whens, choices, strict=True):
            for kind, status in chosen:
                out.append(self._proposal(doc, sent.root, kind, status, when, index, pair, context))
        return self.event_proposer.keep(out)

    def _proposal(
        self,
        doc: Doc,
        root: Token,
        kind: str,
        status: str,
        when: dict[str, Any] | None,
        index: MentionChains,
        pair: list[str],
        story: EventStory,
    ) -> EventRecord:
        """One proposed event of ``kind`` at a sentence's ``root``: its participants by the
        participant reader (a two-sided kind with one side gets the story's other country, no
        side at all the story's two), the date the temporal layer gives the root."""
        lex = self.lexicon
        persons = doc._.tariffscope_persons or []
        people, countries = participants_of(doc, root, kind, index, lex, story)
        names = [persons[p]["name"] for p in people]
        represented = {persons[p].get("country") for p in people}
        own = represented | set(countries)
        participants = names + [c for c in countries if c not in names and c not in represented]
        if not participants:
            participants = list(pair[:2])
        elif kind in _TWO_SIDED and len(own - {None}) == 1:
            participants += [c for c in pair if c not in own][:1]
        return EventRecord(
            kind=kind,
            participants=tuple(participants),
            date=when["date"] if when else None,
            date_precision=when["precision"] if when and when["date"] else None,
            date_text=when["text"] if when else None,
            place=event_place(doc, root, lex),
            status=status,
            count=None,
            start=root.sent.start_char,
            end=root.sent.end_char,
            trigger=root.text,
            rule=f"proposer.{kind}",
            tokens=(root.i,),
        )

    def _rules(self) -> EventRules:
        """The trigger rules of this component's rule book compiled with its lexicon (once
        per lexicon)."""
        return rules_for(self.lexicon)

    def _hypothetical(self, token: Token, lex: Lexicon) -> bool:
        """Conditions, requests and purposes are not events: 'if it concludes a deal',
        'asked Trump to lift', 'seeks a deal to ward off', 'offered to travel'."""
        if _setting_of_clause(token, lex):
            return False  # "urged him to act during a call": the call is when, not what
        if _done_by_own_clause(token):
            return False  # "to follow the deal it reached in July": the deal was reached
        chain = [token, *list(token.ancestors)[:4]]
        for t in chain:
            if any(
                c.dep_ == "mark" and c.lower_ in lex.words("event_condition_marks")
                for c in t.children
            ):
                return True
        verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
        if verb is None:
            return False
        if verb.dep_ in {"csubj", "csubjpass"}:
            return True  # "concluding a deal is essential": an act judged, not one done
        if _conditional_consequence(verb, lex):
            return True  # "talks would resume if tariffs were lifted"
        if _unrealized_gerund(verb, lex):
            return True  # "talks aimed at finalizing a deal", "hopes of clinching a deal"
        upper = [verb, *list(verb.ancestors)[:4]]
        requests = lex.words("event_request_verbs")
        if any(t.lemma_.lower() in requests and t.pos_ == "VERB" and t.i != verb.i for t in upper):
            return True
        is_infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        if is_infinitive:
            head = verb.head
            if _encounter_of_trip(verb, head, lex):
                # "is set to travel to X to meet Y": the encounter a trip is for is as real as
                # the trip ("offered to travel to X to meet Y" stays an offer)
                return self._hypothetical(head, lex)
            if head.lemma_.lower() in requests:
                return True
            if head.lemma_.lower() not in lex.words("event_future_heads"):
                return not timetable_copula(verb, lex)  # "X is to visit": a timetable
        return False

    # -- one trigger ----------------------------------------------------------------------------
    def _covered(self, trig: Trigger, verbs: list[Trigger]) -> bool:
        """A noun trigger inside the clause of a verb trigger names the same event, and the
        occasion on whose sidelines a verb's encounter happens ("met X on the fringes of a
        ministers' *meeting*") is its setting, not another event."""
        token = trig.token
        setting = _occasion_host(token, self.lexicon)
        means = _means_of(token, self.lexicon)
        for verb in verbs:
            if token.head.i == verb.token.i or token.i in {c.i for c in verb.token.children}:
                return True
            if means is not None and means.i == verb.token.i:
                return True
            if setting is not None and setting.i == verb.token.i:
                return True
            if verb.kind == trig.kind and tree_distance(token, verb.token) <= 3:
                return True
        return False

    def _describe(
        self,
        doc: Doc,
        trig: Trigger,
        persons: list[dict[str, Any]],
        index: MentionChains,
        measures: list[dict[str, Any]],
        pair: list[str],
        lex: Lexicon,
        story: EventStory,
    ) -> EventRecord | None:
        token = trig.token
        kind = trig.kind
        people, countries = participants_of(doc, token, kind, index, lex, story)
        company = delegation_members(token, lex)
        company += purpose_partners(token, lex) if kind == "visit" else []
        for member in (index.person(t.idx, t.idx + len(t.text)) for t in company):
            if member is not None and member not in people:
                people.append(member)
        # "the fourth round of talks ... is scheduled for March 10 in Lima": the round noun
        # stands in the clause for its talks (its plan, date and place)
        stand = token.head.head if told_as_round(token, lex) and token.dep_ == "pobj" else token
        frame = plan_frame(token, lex) or (plan_frame(stand, lex) if stand is not token else None)
        unsaid = token.pos_ == "VERB" and not any(  # "X is due to meet Y": X meets too
            c.dep_ in {"nsubj", "nsubjpass"} for c in token.children
        )
        if frame is not None and ((not people and not countries) or unsaid):
            subject = frame_subject(frame)  # "X is due to travel": the subject of the plan
            members = [] if subject is None else [subject, *_conjuncts(subject)]
            for word in members:
                add_participant(doc, word, token, index, lex, people, countries, story)
        leaders = [
            p
            for p in (index.person(t.idx, t.idx + len(t.text)) for t in event_leaders(token, lex))
            if p is not None
        ]
        people += [p for p in leaders if p not in people]  # talks led by their heads stay talks
        names = [persons[p]["name"] for p in people]
        sides = len(people) + len(countries)
        place = event_place(doc, token, lex) or (
            event_place(doc, stand, lex) if stand is not token else None
        )
        borrow = False
        one_sided = False
        counterpart = None
        if kind in {"meeting", "call"} and sides == 0 and token.pos_ == "NOUN":
            borrow = True  # "a phone call on October 6, and a meeting on October 26, the
            # two leaders agreed": takes the participants of the sentence's other events
        elif kind == "meeting" and len(people) == 1 and trip_of_purpose(stand, lex) is not None:
            # "travelled to X for meetings with (its) officials": one named side meeting
            # unnamed hosts is the traveller's visit, which the trip's own word names
            return None
        else:
            shape = EventShape(
                trigger_kind=kind,
                people=len(people),
                countries=len(countries),
                remote=remote_mode(token, lex),
                led=bool(leaders) or (kind == "visit" and delegation_led(token, lex)),
                place=place,
                round=told_as_round(token, lex),
                negotiating=kind == "visit" and delegation_negotiates(token, lex),
            )
            settled = kind_by_structure(shape)
            one_sided = (  # its counterpart may stand in another mention of it
                len(people) == 1 and not countries and settled in {None, "call"}
            ) and kind in {"meeting", "call"}
            if settled is None and not one_sided:
                return None
            if one_sided:
                counterpart = _clause_counterpart(doc, token, people, index, lex, story)
            kind = settled or kind
        if not borrow and kind == "talks" and sides == 0 and len(pair) >= 2 and place:
            # "the upcoming talks in Washington": a round in a named place, between the
            # article's two countries, as a deal with no side named is theirs
            countries += _venue_last(pair, place, lex)[:2]
            sides = 2
        if not borrow and kind == "talks" and sides == 1:
            # talks have two sides: the article's other country ("ending all negotiations")
            own = {persons[p].get("country") for p in people} | set(countries)
            # a delegation's trip for talks: the host country is the other side
            host = lex.place_code(place) if trig.kind == "visit" and place else None
            venue = lex.place_code(place) if place else None
            if own.isdisjoint(pair[:2]) and venue in pair[:2]:
                # "Vietnamese officials are in the United States for a round of talks" in a
                # story of another pair: that pair does not tell this round's other side; the
                # country of its venue does
                host = venue
            # one of the story's pair talks with the other, wherever the round is held ("talks
            # in Washington with the Swiss minister" in a story that names the EU too)
            partner = [c for c in pair[:2] if c not in own] if own & set(pair[:2]) else []
            others = [host, *partner, *_venue_last(pair, place, lex)]
            other = next((c for c in others if c is not None and c not in own), None)
            if other is None:
                return None
            countries.append(other)
        elif not borrow and not one_sided and kind in {"call", "talks"} and sides < 2:
            return None
        status = event_status(token, lex)
        if (
            frame is not None
            and status == "happened"
            and (frame.dep_ == "acl" or direction(governing_verb(frame)) >= 0)
        ):
            status = "planned"  # "is due to travel", "are scheduled to meet", "talks set for"
        if frame is not None and status != "cancelled" and plan_overtaken(frame):
            status = "cancelled"  # "had been scheduled to vote Tuesday": the plan overtaken
        definite = token.pos_ == "NOUN" and any(
            c.lower_ in lex.words("event_definite_dets") for c in token.children if c.dep_ == "det"
        )
        if definite and not names and not countries and kind != "election":
            # "This announcement comes at a time ...": an earlier event; an election is its
            # country's, never another event's people
            borrow = True
        # an announcement ahead is an event when it names its day ("will unveil tariffs on
        # Thursday"); a measure imposed ahead is the measure's effective date, not an event
        announced_ahead = (
            kind == "announcement" and status == "planned" and trig.rule not in _MEASURE_RULES
        )
        if kind == "announcement":
            if status == "planned" and not announced_ahead:
                return None
            status = "planned" if announced_ahead else "happened"
            if not names and not countries and not definite:
                imposer = (
                    _acting_country(token, lex)
                    or imposer_in_sentence(token, measures)
                    or story.lead_imposer
                )
                if imposer is None:
                    return None
                countries = [imposer]
        if trig.rule in _INSTITUTION_RULES and not names and not countries:
            # a court's ruling with no country named: the court of the story's imposer, or
            # of the story's first country when it reports no measure
            acting = (
                imposer_in_sentence(token, measures)
                or story.lead_imposer
                or (pair[0] if pair else None)
            )
            countries = [acting] if acting else []
        if kind == "election":  # the country votes; named candidates take part
            # people named near the vote but not standing in it ("the first meeting between
            # X and Y, with the elections scheduled for May 31") are not its participants
            people = _candidates(token, index, lex)
            names = [persons[p]["name"] for p in people]
            countries += [c for c in election_country(token, persons, lex) if c not in countries]
            if trig.rule in _LEGISLATURE_RULES:  # "approved by Congress": whose Congress
                where = lex.place_code(place) if place else None
                countries = _house_country(token, where, persons, lex) or countries
        if kind == "agreement":
            sided = {persons[p].get("country") for p in people} | set(countries)
            if len(sided - {None}) == 1:
                other = next((c for c in _venue_last(pair, place, lex) if c not in sided), None)
                if other is not None:
                    countries.append(other)
            if not names and not countries:
                countries = pair[:2]
        represented = {persons[p].get("country") for p in people} if kind != "election" else set()
        participants = names + [c for c in countries if c not in names and c not in represented]
        if not participants and not borrow:
            return None
        date = event_date(doc, token, lex)
        if (date is None or date["date"] is None) and stand is not token:
            date = event_date(doc, stand, lex) or date
        if status == "happened" and after_publication(doc, date):
            status = "planned"  # "put the bill on the agenda for a vote on April 17"
        trip = trip_of_purpose(stand, lex) if token.pos_ == "NOUN" else None
        if trip is not None:  # talks a trip is for: the trip's destination, not its day
            date = None
            place = place or event_place(doc, trip, lex)
        if announced_ahead and (date is None or date["date"] is None):
            return None  # a threat or intention with no day is no planned act
        if kind == "visit" and place is None:
            return None
        host = lex.place_code(place) if kind == "visit" and place else None
        homes = {persons[p].get("country") for p in people} | set(countries)
        if host is not None and homes == {host}:
            return None  # travel home or within one's own country is no visit abroad
        if host is not None and visit_for_talks(token, lex):
            # "a U.S. team is scheduled to visit New Delhi for the sixth round of talks"
            kind = "talks"
            participants += [host] if host not in participants else []
        if (
            kind == "talks"
            and status == "happened"
            and not leaders  # a round led by named people is one round
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
        return EventRecord(
            also=tuple(OtherDay.of(d) for d in date.get("also", ())) if date else (),
            kind=kind,
            participants=tuple(participants),
            date=date["date"] if date else None,
            date_precision=date["precision"] if date and date["date"] else None,
            date_text=date["text"] if date else None,
            place=place,
            status=status,
            count=event_count(token),
            start=token.sent.start_char,
            end=token.sent.end_char,
            trigger=token.text,
            rule=trig.rule,
            tokens=(token.i,),
            borrow=borrow,
            sequel=borrow and _sequel_of_told(token, lex),
            one_sided=one_sided,
            counterpart=None if counterpart is None else persons[counterpart]["name"],
            definite=definite,
        )


#: Kinds of events between two sides (the proposer completes a side from the story's pair).
_TWO_SIDED = frozenset({"agreement", "call", "meeting", "talks"})


#: Rules whose announcements are impositions of a measure: ahead, they are its effective date.
_MEASURE_RULES = frozenset(
    {"announcement.measure_verb", "announcement.took_effect", "announcement.speaker_act"}
)


#: Rules whose election is a legislature passing or approving something.
_LEGISLATURE_RULES = frozenset({"election.legislature_passes"})


#: Rules whose event is an institution's act (a court's ruling): with no country named, the
#: country of the measures it rules on.
_INSTITUTION_RULES = frozenset(
    {"other.court_ruling", "other.court_hearing", "other.court_decision", "other.court_order"}
)


def _clause_counterpart(
    doc: Doc,
    token: Token,
    side: list[int],
    index: MentionChains,
    lex: Lexicon,
    story: EventStory,
) -> int | None:
    """The other side of a meeting or call told with one named side: the person subject of
    the nearest clause above it that names another person, of another country ("X said the
    deal lowers tariffs, following a phone call with Y"; "X said she told Y in a call last
    week")."""
    homes = {index.country_of(p) for p in side}
    for verb in token.ancestors:
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            people: list[int] = []
            add_participant(doc, subject, token, index, lex, people, [], story)
            other = [p for p in people if p not in side]
            if other:
                home = index.country_of(other[0])
                return (
                    other[0]
                    if home is not None and None not in homes and home not in homes
                    else None
                )
    return None


def _setting_of_clause(token: Token, lex: Lexicon) -> bool:
    """The event noun is the time or occasion of its clause: the object of a word of setting
    ("during a call", "following talks"), or of a measure of it ("following two days of
    talks")."""
    links = lex.words("event_setting_preps") | lex.words("event_setting_links")
    word = token
    while word.dep_ == "pobj":
        link = word.head
        if link.lower_ in links:
            return True
        if link.lower_ != "of" or link.head.pos_ != "NOUN":
            return False
        word = link.head
    return False


def _done_by_own_clause(token: Token) -> bool:
    """An event noun whose own relative clause tells it done, in the past tense with no
    auxiliary ("the agreement it reached with the US last year")."""
    return token.pos_ == "NOUN" and any(
        c.dep_ == "relcl"
        and c.tag_ == "VBD"
        and not any(a.dep_ in {"aux", "auxpass", "neg"} for a in c.children)
        for c in token.children
    )


def _unrealized_gerund(verb: Token, lex: Lexicon) -> bool:
    """A gerund after a preposition on a word of aim or prospect ("aimed at resolving
    differences and finalizing a deal"), after a preposition of direction ("work toward
    reaching a deal"), or weighed by a verb of weighing, as its complement ("opposes
    scrapping tariffs", "is considering raising duties") or after its preposition ("looking
    into imposing duties"): what is aimed at, hoped for or weighed has not happened."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    weighing = lex.words("event_weighing_verbs")
    if first.dep_ == "pcomp":
        prep = first.head
        return (
            prep.lower_ in lex.words("event_unrealized_preps")
            or prep.head.lemma_.lower() in lex.words("event_unrealized_heads")
            or (
                prep.lower_ in lex.words("event_weighing_preps")
                and prep.head.lemma_.lower() in weighing
            )
        )
    return first.dep_ == "xcomp" and first.tag_ == "VBG" and first.head.lemma_.lower() in weighing


def _encounter_of_trip(verb: Token, head: Token, lex: Lexicon) -> bool:
    """``verb`` is the purpose of a trip ahead: a verb of meeting in the infinitive clause of
    a verb of travel in its base form ('will travel to Washington to meet the president')."""
    encounter = lex.words("event_meet_verbs")
    return (
        verb.dep_ in {"advcl", "xcomp"}
        and verb.lemma_.lower() in encounter
        and head.pos_ == "VERB"
        and head.tag_ == "VB"  # a trip ahead ("will travel", "set to travel")
        and head.lemma_.lower() in lex.words("event_travel_verbs")
    )


def _conditional_consequence(verb: Token, lex: Lexicon) -> bool:
    """The verb is the consequence of a condition: a conditional modal on it and a clause of
    condition below it."""
    marks = lex.words("event_condition_marks")
    modals = lex.words("event_conditional_modals")
    if not any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children):
        return False
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        for c in verb.children
    )


def _during_trip(token: Token, lex: Lexicon) -> bool:
    """The encounter is told as happening during a trip ("*During his visit*, he is expected
    to meet X"): a setting phrase on the trigger or its verb whose noun is a trip noun."""
    owners = [token] if token.pos_ in {"VERB", "AUX"} else [token, governing_verb(token)]
    if token.dep_ == "xcomp":
        owners.append(token.head)  # "during her visit, she is expected to meet X"
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in lex.words("event_setting_preps")
        and any(
            g.dep_ == "pobj" and g.lemma_.lower() in lex.words("event_visit_nouns")
            for g in prep.children
        )
        for owner in owners
        if owner is not None
        for prep in owner.children
    )


def _venue_last(pair: list[str], place: str | None, lex: Lexicon) -> list[str]:
    """The story's countries with the event's own place last: talks "in Switzerland" are
    held there, so the side they lack is another country the story names, the place only
    when it names none ("talks in Washington" of a Japanese team)."""
    venue = lex.place_code(place) if place else None
    return [c for c in pair if c != venue] + [c for c in pair if c == venue]


def _trip_place(earlier: Sequence[EventRecord], event: EventRecord) -> str | None:
    """The destination of the last trip told before, of one of the event's participants; an
    event that is over (happened or cancelled) was not held on a trip still ahead ("he could
    not meet X during his last visit in June" is not where his trip next week goes)."""
    over = event.status in {"happened", "cancelled"}
    for trip in reversed(earlier):
        if (
            trip.kind == "visit"
            and trip.place
            and set(trip.participants) & set(event.participants)
            and not (over and trip.status == "planned")
        ):
            return str(trip.place)
    return None


def _trip_just_told(
    earlier: Sequence[EventRecord], event: EventRecord, token: Token, today: Any
) -> EventRecord | None:
    """The trip a planned encounter with neither time nor place is held on: a trip ahead (or
    under way on the day of publication, ``today``) of one of its people, told in the sentence
    just before ("X travels to Lima on Monday. X is due to meet Y and Z"), which gives it its
    place and day; None otherwise (a trip told as past is not where a plan is held)."""
    if (
        event.kind not in {"meeting", "talks"}
        or event.status != "planned"
        or event.place
        or event.date
        or event.date_text
        or token.pos_ != "VERB"  # "his meeting with X will help": a noun's mood is the clause's
        or token.sent.start == 0
    ):
        return None
    before = token.doc[token.sent.start - 1].sent.start_char
    return next(
        (
            e
            for e in reversed(earlier)
            if e.kind == "visit"
            and e.place
            and e.start == before
            and (e.status == "planned" or (today is not None and e.date == today.isoformat()))
            and set(e.participants) & set(event.participants)
        ),
        None,
    )


def _sequel_of_told(token: Token, lex: Lexicon) -> bool:
    """The noun is what followed the event just told: the agent of a passive verb of sequence
    whose subject points back ("*That* was followed by a video *call*")."""
    link = token.head
    if token.dep_ != "pobj" or link.lower_ != "by" or link.dep_ != "agent":
        return False
    verb = link.head
    if verb.lemma_.lower() not in lex.words("time_sequence_verbs"):
        return False
    return any(c.dep_ == "nsubjpass" and c.pos_ in {"PRON", "DET"} for c in verb.children)


def _occasion_host(token: Token, lex: Lexicon) -> Token | None:
    """The word whose phrase "on the sidelines of ``token``" hangs on ("met ... on the
    margins of a *summit*": "met"), or None."""
    link = token.head
    if token.dep_ != "pobj" or link.lower_ != "of":
        return None
    noun = link.head
    if noun.lower_ not in lex.words("event_occasion_nouns") or noun.dep_ != "pobj":
        return None
    return noun.head.head if noun.head.dep_ == "prep" else None


def _means_of(token: Token, lex: Lexicon) -> Token | None:
    """The verb whose "by" phrase ``token`` is, the means or tally of that verb's act ("*by*
    a 6-3 vote, the court ruled", "imposed by executive order"): the act told is the verb's,
    not another event; or None."""
    link = token.head
    if token.dep_ != "pobj" or link.lower_ not in lex.words("event_means_preps"):
        return None
    return link.head if link.dep_ == "prep" and link.head.pos_ in {"VERB", "AUX"} else None


def _house_country(
    token: Token, where: str | None, persons: list[dict[str, Any]], lex: Lexicon
) -> list[str]:
    """The country of a legislature that passes or approves something: a country named on its
    phrase ("South Korean lawmakers", "the lower house of Mexico's Congress"), else the
    country of the place it sits in (``where``, or a capital in its phrase: "at the National
    Assembly in Seoul"), else the country of the story's first actor, since a bare
    "Congress" or "the lower house" is the story's own (not the United States' by the name
    alone)."""
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [g for c in token.children if c.dep_ == "agent" for g in c.children]
    for doer in doers:
        for iso, kind, _, _ in place_spans(list(doer.subtree), lex):
            if kind in {"country", "demonym"}:
                return [iso]
    if where is not None:
        return [where]
    capitals = [
        iso for iso, kind, _, _ in place_spans(list(token.subtree), lex) if kind == "capital"
    ]
    if capitals:  # "passes a law ... at the National Assembly in Seoul"
        return capitals[:1]
    for person in persons:
        if person.get("actor") and person.get("country"):
            return [str(person["country"])]
    return []


def _conjuncts(head: Token) -> list[Token]:
    return [c for c in head.subtree if c.dep_ == "conj"]


def _acting_country(token: Token, lex: Lexicon) -> str | None:
    """The country that acts in what a speaker reports ("the European Union will suspend its
    countermeasures, a spokesperson said"): the announcement is that country's."""
    for comp in (c for c in token.children if c.dep_ in {"ccomp", "xcomp"}):
        for subject in (c for c in comp.children if c.dep_ in {"nsubj", "nsubjpass"}):
            for iso, kind, _, _ in place_spans(subject.subtree, lex):
                if kind in {"country", "capital", "institution"}:
                    return iso
    return None


def _candidates(token: Token, index: MentionChains, lex: Lexicon) -> list[int]:
    """The candidate who won or lost an election: the person, or the person whose party, is
    the subject of "win"/"lose" with the election as object ("Carney's Liberal Party won the
    election")."""
    verb = token.head
    if token.dep_ not in {"dobj", "obj"} or verb.lemma_.lower() not in lex.words(
        "event_election_result_verbs"
    ):
        return []
    out = []
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        for word in (subject, *(c for c in subject.children if c.dep_ == "poss")):
            found = index.person(word.idx, word.idx + len(word.text))
            if found is not None and found not in out:
                out.append(found)
    return out


def _anchored_one(event: EventRecord) -> bool:
    """The rules keep the event unless its every mention was unanchored (a plan with no
    date or place, or undated background: :func:`~tariffscope.news.event_mood.unanchored`)
    and no other mention gave it a date or a place."""
    if event.veto:
        return False  # every mention of it was vetoed by a guard (learned filter only)
    return not (event.weak and not (event.date or event.date_text or event.place))


def _clause_dated(event: EventRecord, relative: Mapping[int, dt.date]) -> EventRecord:
    """The event dated from its clause ("21 days after the order was signed"), when a
    mention's trigger has such a date (:func:`~tariffscope.news.event_context.clause_dates`)."""
    fixed = next((relative[t] for t in event.tokens if t in relative), None)
    if fixed is None:
        return event
    return replace(event, date=fixed.isoformat(), date_precision="day", date_text=None)


def _occasion_untold(
    trig: Trigger,
    kind: str,
    dated: bool,
    placed: bool,
    lex: Lexicon | None = None,
    story_dated: bool = False,
) -> bool:
    """An event told with neither a time nor a place, where the words name no occasion of
    their own: a public event of no other kind ("other": "after the court struck down the
    tariffs"), or a measure's imposition told as a state rather than an act
    (:func:`_told_as_state`: "the US has imposed tariffs on steel", "X imposes a 27% tariff
    on Y", "after threatening tariffs"). GUIDELINES give every event a date or a place, so it
    stands only if another mention of it gives one; a narrated act ("Trump raised tariffs on
    copper") stands as it is. An election named by its noun alone, not held, won, lost or
    called in the sentence ("a shadow over the federal election", "going through an
    election"), is the setting of the news, not a vote told. In a story with a publication
    date (``story_dated``: a day it told would be resolved), any announcement told as a
    state ("X has announced new tariffs on Y", no time, no place) is one too (round 18)."""
    if dated or placed:
        return False
    if kind == "other":
        return True
    if kind == "election" and trig.rule == "election.noun":
        verb = governing_verb(trig.token)
        acts = (lex or default_lexicon()).words("event_election_act_verbs")
        return verb is None or verb.lemma_.lower() not in acts
    if kind == "announcement" and (story_dated or trig.rule == "announcement.measure_verb"):
        return _told_as_state(trig.token)
    return False


def _told_as_state(verb: Token) -> bool:
    """The verb tells where things stand, not an act at a time: the simple present ("X
    imposes a 27% tariff on Y"), the present perfect ("has imposed tariffs since ..."), or a
    gerund after a preposition ("after threatening steep tariffs")."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if verb.tag_ in {"VBZ", "VBP"} and not auxes:
        return True
    if verb.tag_ == "VBN" and any(
        a.lemma_.lower() == "have" and a.tag_ in {"VBZ", "VBP"} for a in auxes
    ):
        return True
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp"


def _one_call_each(event: EventRecord, token: Token) -> list[EventRecord]:
    """A call told by a verb with one caller and several people called ("spoke with A and
    B", "called A and B"): a call is between two, so one call with each; any other event
    as it is."""
    people = event.participants
    if event.kind != "call" or token.pos_ not in {"VERB", "AUX"} or len(people) <= 2:
        return [event]
    caller, *called = people
    return [replace(event, participants=(caller, other)) for other in called]


def _on_added_days(event: EventRecord) -> list[EventRecord]:
    """One more event for each day added to the event's date ("calls on July 26 and 28")."""
    return [
        replace(event, also=(), date=day.date, date_precision=day.precision, date_text=day.text)
        for day in event.also
        if day.date is not None
    ]


@Language.factory(
    "tariffscope_events",
    assigns=["doc._.tariffscope_events", "doc._.tariffscope_deadlines"],
    requires=[
        "doc._.tariffscope_persons",
        "doc._.tariffscope_dates",
        "doc._.tariffscope_measures",
        "token.dep",
    ],
    default_config={
        "lexicon": {"@misc": "tariffscope.lexicon.v1"},
        "event_filter": "rules",
        "event_filter_weights": "",
        "event_proposer": "off",
        "event_proposer_weights": "",
        "event_trigger_model": "off",
        "event_trigger_model_weights": "",
    },
)
def make_event_component(
    nlp: Language,
    name: str,
    lexicon: Lexicon,
    event_filter: str,
    event_filter_weights: str,
    event_proposer: str,
    event_proposer_weights: str,
    event_trigger_model: str,
    event_trigger_model_weights: str,
) -> EventComponent:
    """Factory of ``tariffscope_events`` (see :class:`EventComponent`).

    ``event_filter``: who decides which candidate events stand, ``"rules"`` or ``"model"``
    (:mod:`tariffscope.news._event_filter`); ``event_filter_weights``: a weights file of the
    model (empty: the shipped one). ``TARIFFSCOPE_EVENT_FILTER`` and
    ``TARIFFSCOPE_EVENT_FILTER_WEIGHTS`` override both (for ``tariffscope eval extract``).
    ``event_proposer``: ``"off"`` or ``"model"``, the learned proposer of events the rules
    miss (:mod:`tariffscope.news._event_proposer`), ``event_proposer_weights`` its weights
    file; ``TARIFFSCOPE_EVENT_PROPOSER`` and ``..._WEIGHTS`` override them.
    ``event_trigger_model``: ``"off"``, ``"filter"``, ``"propose"`` or ``"both"``, the learned
    trigger model (:mod:`tariffscope.news._event_trigger_model`), ``event_trigger_model_weights``
    its weights file; ``TARIFFSCOPE_EVENT_TRIGGER_MODEL`` and ``..._WEIGHTS`` override them."""
    return EventComponent(
        nlp,
        name,
        lexicon,
        event_filter,
        event_filter_weights,
        event_proposer,
        event_proposer_weights,
        event_trigger_model,
        event_trigger_model_weights,
    )
