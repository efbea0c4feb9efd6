"""The features of a candidate event, for the learned event filter.

A candidate is one merged event of the events component (every mention of it merged), before
the rules' last keep/drop step (an unanchored event is a candidate too, with the rules'
verdict as a feature). :func:`event_features` describes it by the features of
:data:`FEATURES`, general properties that carry over from one story to another: the kind and
the rule that found it, its date against the publication date, its status, the mood of the
trigger's clause, where it stands in the story, its participants, and how many other
candidates share its kind, its date or its sentence. The model over them is the shared
:class:`~tariffscope.news._binary_logistic.BinaryModel` (fitted by
``tools/train_event_filter.py``; the weights ship as ``data/event_filter_model.json``).

Pure functions over the event records and a frozen per-document :class:`StoryEvents`; no
words of any one story: the trigger's word classes are the lexicon's ``event_*`` sets named
in :data:`TRIGGER_CLASSES`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Token

from tariffscope.news._binary_logistic import BinaryModel
from tariffscope.news._event_record import EventRecord
from tariffscope.news._learned_setting import book_weights
from tariffscope.news._syntax import direction, doc_text, governing_verb, has_negation
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.temporal import TimeIndex

__all__ = [
    "FEATURES",
    "TRIGGER_CLASSES",
    "StoryEvents",
    "date_variants",
    "event_features",
    "shipped_model",
    "story_events",
]

#: The features of one candidate event, each with why it may tell a right event from a
#: wrong one (the model's data; the weights are fitted). A name ending in ``=`` is a family
#: of indicators, one per value (``kind=meeting``).
FEATURES: tuple[tuple[str, str], ...] = (
    ("kind=", "the event's kind: some kinds are found more reliably than others"),
    ("rule=", "the trigger rule of the event's first mention: rules differ in precision"),
    ("trigger_class=", "the lexicon word class of the trigger's lemma (not the lemma itself)"),
    ("trigger_verb", "the trigger is a verb (an act told) rather than a noun (a thing named)"),
    ("mentions", "log of the number of mentions merged into the event"),
    ("rules_keep", "the rules keep it (an unanchored plan or background event they drop)"),
    ("veto=", "the guard that vetoed every mention of it (hypothetical, not an event, background)"),
    ("dated", "the event has a resolved date"),
    ("date_text_only", "a time expression was attached but did not resolve to a date"),
    ("precision=", "the date's precision (day, month, year)"),
    ("before_publication", "the date is before the publication day"),
    ("on_publication", "the date is the publication day"),
    ("after_publication", "the date is after the publication day"),
    ("years_away", "whole years between the date and the publication (capped at 3)"),
    ("placed", "the event has a place"),
    ("status=", "planned, happened or cancelled"),
    ("clause_ahead", "the trigger's clause looks ahead (future, modal, plan frame)"),
    ("clause_past", "the trigger's clause is in the past"),
    ("negated", "the trigger's verb is negated"),
    ("possibility_modal", "a modal of possibility on the trigger's verb (could, may, might)"),
    ("in_quote", "the trigger stands inside a direct quotation"),
    ("lead", "the trigger is in the story's first two sentences"),
    ("position", "the trigger's place in the story (0 first word, 1 last)"),
    ("participants", "log of one plus the number of participants"),
    ("persons", "the share of participants that are named people"),
    ("no_participants", "the event has no participant"),
    ("story_pair", "a participant is, or is a person of, one of the story's two main countries"),
    ("same_kind_others", "log of one plus the other candidates of the same kind"),
    ("same_date_others", "log of one plus the other candidates with the same date"),
    ("same_sentence_others", "log of one plus the other candidates of the trigger's sentence"),
    ("same_sentence_kept", "another candidate of the trigger's sentence is kept by the rules"),
    ("variant=", "a variant of a candidate with another date: undated, or a date of its sentence"),
    ("variant_distance", "log of the words between the trigger and the variant's time expression"),
    ("variant_before", "the variant's time expression stands before the trigger"),
    ("variant_role=", "the role the temporal layer gave the variant's time expression"),
)

#: The lexicon's word sets of event triggers: a trigger's lemma in one of them gives the
#: ``trigger_class=`` feature of that set.
TRIGGER_CLASSES: tuple[str, ...] = (
    "event_agree_verbs",
    "event_agreement_nouns",
    "event_announce_bare_verbs",
    "event_announce_verbs",
    "event_announcement_nouns",
    "event_call_nouns",
    "event_call_verbs",
    "event_conversation_nouns",
    "event_court_nouns",
    "event_deal_verbs",
    "event_election_nouns",
    "event_measure_acts",
    "event_meet_verbs",
    "event_meeting_nouns",
    "event_negotiate_verbs",
    "event_order_nouns",
    "event_order_verbs",
    "event_other_nouns",
    "event_ruling_nouns",
    "event_ruling_verbs",
    "event_speak_verbs",
    "event_statement_nouns",
    "event_summit_nouns",
    "event_talks_nouns",
    "event_talks_verbs",
    "event_travel_verbs",
    "event_visit_nouns",
    "event_visit_verbs",
    "event_vote_nouns",
    "event_vote_verbs",
)

_LEAD_SENTENCES = 2
_MAX_YEARS = 3
#: The sentence's time expressions offered to an undated candidate, nearest first.
_SENTENCE_DATES = 2


@dataclass(frozen=True)
class StoryEvents:
    """What the features of one story's candidates share (one per document)."""

    reference: date | None
    pair: tuple[str, ...]
    country_of_name: Mapping[str, str | None]
    quote_spans: tuple[tuple[int, int], ...]
    lead_end: int
    length: int
    kinds: Mapping[str, int]
    dates: Mapping[str, int]
    sentences: Mapping[int, int]
    kept_sentences: Mapping[int, int]


def story_events(
    doc: Doc,
    events: Sequence[EventRecord],
    rules_keep: Sequence[bool],
    reference: date | None,
    pair: Sequence[str],
    country_of_name: Mapping[str, str | None],
    quote_spans: Sequence[tuple[int, int]],
) -> StoryEvents:
    """The story's context of its candidate ``events`` (``rules_keep``: the rules' verdicts)."""
    sentences = list(doc.sents)
    lead = sentences[min(_LEAD_SENTENCES, len(sentences)) - 1].end_char if sentences else 0
    return StoryEvents(
        reference=reference,
        pair=tuple(pair[:2]),
        country_of_name=dict(country_of_name),
        quote_spans=tuple(quote_spans),
        lead_end=lead,
        length=max(len(doc_text(doc)), 1),
        kinds=Counter(e.kind for e in events if not e.variant),
        dates=Counter(e.date for e in events if e.date and not e.variant),
        sentences=Counter(e.start for e in events if not e.variant),
        kept_sentences=Counter(e.start for e, k in zip(events, rules_keep, strict=True) if k),
    )


def date_variants(event: EventRecord, doc: Doc, index: TimeIndex) -> list[EventRecord]:
    """Other readings of one candidate's date, for the model to choose among: a date known
    only to the month or year dropped (the story may tell no day of the event), or, for an
    undated candidate, each of the nearest resolved time expressions of its trigger's
    sentence (a date standing outside the trigger's own phrase)."""
    if event.date and event.date_precision in {"month", "year"}:
        return [replace(event, date=None, date_precision=None, date_text=None, variant="undated")]
    token = _trigger(doc, event)
    if event.date or event.date_text or token is None:
        return []
    sent = token.sent
    records = [r for r in index.within(sent.start_char, sent.end_char) if r.date is not None]
    records.sort(key=lambda r: abs(r.start - token.idx))
    out = []
    for record in records[:_SENTENCE_DATES]:
        first = record.first if record.first >= 0 else _token_at(doc, record.start)
        words = abs(first - token.i)
        out.append(
            replace(
                event,
                date=record.iso,
                date_precision=record.precision,
                date_text=record.text,
                variant="sentence_date",
                variant_distance=math.log1p(words),
                variant_before=record.start < token.idx,
                variant_role=str(record.role),
            )
        )
    return out


def _token_at(doc: Doc, char: int) -> int:
    """The index of the first token at or after character ``char``."""
    return next((t.i for t in doc if t.idx >= char), len(doc))


def _trigger(doc: Doc, event: EventRecord) -> Token | None:
    return doc[event.tokens[0]] if event.tokens else None


def _date_features(event: EventRecord, reference: date | None) -> dict[str, float]:
    out: dict[str, float] = {}
    if not event.date:
        if event.date_text:
            out["date_text_only"] = 1.0
        return out
    out["dated"] = 1.0
    out[f"precision={event.date_precision or 'day'}"] = 1.0
    if reference is None:
        return out
    try:
        when = date.fromisoformat(str(event.date)[:10])
    except ValueError:
        return out
    if event.date_precision in {"month", "year"}:
        same = (when.year, when.month) == (reference.year, reference.month)
        if event.date_precision == "year":
            same = when.year == reference.year
        position = 0 if same else (-1 if when < reference else 1)
    else:
        position = (when > reference) - (when < reference)
    name = ("before_publication", "on_publication", "after_publication")[position + 1]
    out[name] = 1.0
    out["years_away"] = min(abs(when.year - reference.year), _MAX_YEARS) / _MAX_YEARS
    return out


def _clause_features(token: Token, lex: Lexicon) -> dict[str, float]:
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    out: dict[str, float] = {}
    if token.pos_ in {"VERB", "AUX"}:
        out["trigger_verb"] = 1.0
    if verb is None:
        return out
    way = direction(verb)
    if way > 0:
        out["clause_ahead"] = 1.0
    elif way < 0:
        out["clause_past"] = 1.0
    if has_negation(verb):
        out["negated"] = 1.0
    modals = lex.words("event_possibility_modals")
    if any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children):
        out["possibility_modal"] = 1.0
    return out


def _participant_features(event: EventRecord, story: StoryEvents) -> dict[str, float]:
    names = list(event.participants)
    if not names:
        return {"no_participants": 1.0}
    persons = [n for n in names if n in story.country_of_name]
    countries = {story.country_of_name.get(n) for n in persons} | {
        n for n in names if n not in story.country_of_name
    }
    out = {
        "participants": math.log1p(len(names)),
        "persons": len(persons) / len(names),
    }
    if countries & set(story.pair):
        out["story_pair"] = 1.0
    return out


def event_features(
    event: EventRecord,
    rules_keep: bool,
    doc: Doc,
    story: StoryEvents,
    lex: Lexicon,
) -> dict[str, float]:
    """The features of one candidate event (a merged record with its ``tokens``)."""
    out: dict[str, float] = {f"kind={event.kind}": 1.0}
    if event.rule:
        out[f"rule={event.rule}"] = 1.0
    out["mentions"] = math.log(max(len(event.tokens), 1))
    if rules_keep:
        out["rules_keep"] = 1.0
    if event.veto:
        out[f"veto={event.veto}"] = 1.0
    out.update(_date_features(event, story.reference))
    if event.place:
        out["placed"] = 1.0
    out[f"status={event.status}"] = 1.0
    out.update(_participant_features(event, story))
    token = _trigger(doc, event)
    if token is not None:
        lemma = token.lemma_.lower()
        for name in TRIGGER_CLASSES:
            if lemma in lex.words(name):
                out[f"trigger_class={name}"] = 1.0
        out.update(_clause_features(token, lex))
        if any(s <= token.idx < e for s, e in story.quote_spans):
            out["in_quote"] = 1.0
        if token.idx < story.lead_end:
            out["lead"] = 1.0
        out["position"] = token.idx / story.length
    out["same_kind_others"] = math.log1p(story.kinds.get(event.kind, 1) - 1)
    if event.date:
        out["same_date_others"] = math.log1p(story.dates.get(event.date, 1) - 1)
    if event.variant:
        out[f"variant={event.variant}"] = 1.0
    if event.variant_distance is not None:
        out["variant_distance"] = float(event.variant_distance)
        out[f"variant_role={event.variant_role}"] = 1.0
        if event.variant_before:
            out["variant_before"] = 1.0
    out["same_sentence_others"] = math.log1p(story.sentences.get(event.start, 1) - 1)
    if story.kept_sentences.get(event.start, 0) - int(rules_keep) > 0:
        out["same_sentence_kept"] = 1.0
    return out


def shipped_model() -> BinaryModel:
    """The weights shipped with tariffscope (``data/event_filter_model.json``)."""
    return book_weights(None, "event_filter_model.json", BinaryModel.from_dict)
