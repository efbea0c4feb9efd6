"""The ``tariffscope_measures`` component: tariff measures with rates, countries, goods, status.

For every percent rate that belongs to a tariff word (:func:`anchor_noun`: a tariff, duty,
levy or rate within five dependency arcs) and is not a share ("25% of the profits"), a total
("bringing the total to 50%"), a range or percentage points, the component reads:

- the *from-rate*: the partner of a from/to pair (:func:`tariffscope.news.rates.pair_rates`),
  or an earlier rate in the subject of a change verb ("the current 39% tariff could drop to
  15%");
- *goods and target*: the object of "on/against/for" next to the rate or its tariff noun
  ("on Japanese auto imports", "on India", "on several European countries, including
  Denmark, the UK, and France"), else the goods words before the tariff noun ("canola seed
  duties", "Japanese car tariffs"); general goods give "all goods";
- the *imposer*: a country or capital before the tariff noun ("US tariffs", "Washington's
  25% tariffs"), the agent ("imposed by the U.S. government"), the subject of the verb
  ("China has set", "Canada will allow", a person's country for "Trump has slapped"), or the
  importer of "exports to the US"; the subject of "pay" or "face" is the target instead;
- the *effective date*: by the temporal layer (:func:`tariffscope.news.temporal.attach`), a
  day-precise date the rate runs from ("from", "starting", "effective", "as of") or the day of
  a verb of imposition or effect, in the rate's own phrase, its governing clause or, when it
  is the only one, its sentence (not the day of a report or of a deal, and none for a rate
  collected "currently"); "The move, to take effect Aug. 27" in a following sentence, or
  "The new levy will take effect on August 27" (a tariff named without a rate), dates the
  article's lead measure;
- the *status* from the sentence's grammar (see :func:`measure_status`), and a later "that is
  the rate they settled on" (:mod:`tariffscope.news.measure_context`);
- whether it is an *earlier stage* of a measure ("initially hit with", "up from the original
  10%": :func:`tariffscope.news.measure_context.earlier_stage`), which the merge records as
  the later measure's from-rate.

A rate whose own clause says who receives it ("while goods from Y will face 10%") is read from
that clause when the tariff noun nearest it belongs to another clause
(:func:`tariffscope.news._measure_parts.receiving_clause`); a percent measuring a predicate
("talks are 80% complete") is no rate. The rates of a gapped list of goods ("A (35%), B
(12%)") are each on their own goods (:mod:`tariffscope.news._measure_goods_list`).

The goods, the imposer and the measures named without a rate are read by pure functions of
:mod:`tariffscope.news._measure_goods` (with goods named by anaphora, "the model", from
:mod:`tariffscope.news._anaphora`), :mod:`tariffscope.news._measure_imposer` and
:mod:`tariffscope.news._measure_rateless`; their word lists are in
:mod:`tariffscope.news._measure_words`.

Missing countries come from the article: a measure without a target takes the targets of the
measure before it in the paragraph, else its sentence's, else the story's main partner (none
in a story about several partners alike: :mod:`tariffscope.news._measure_target`); a missing
imposer is the United States when the article is about the United States and the target is
another country, else the other most-named country. Mentions of one
measure are merged (:mod:`tariffscope.news.measure_merge`): a threat that a deal replaces
becomes that deal's from-rate, a deal's rate that a later change starts from is kept as that
change's from-rate, unspecified goods merge into the named ones, and history of a removed
rate is recorded by the removal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, partial
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tariffscope.news._component import LexiconComponent
from tariffscope.news._measure_direction import (
    LEAD_PARAGRAPHS,
    Direction,
    retaliation_marked,
    tariff_nouns,
)
from tariffscope.news._measure_goods import rate_goods
from tariffscope.news._measure_goods_list import spread_goods_list
from tariffscope.news._measure_imposer import rate_imposer
from tariffscope.news._measure_pairing import Pairing, pair_rates_with_places
from tariffscope.news._measure_parts import (
    anchor_noun,
    country_of_phrase,
    freed_share,
    goods_of,
    multiplied_from,
    rate_verb,
    receiving_clause,
    transshipped,
    tree_distance,
)
from tariffscope.news._measure_rateless import rateless_measures
from tariffscope.news._measure_reading import MeasureRecord, RateReading, RateScope
from tariffscope.news._measure_status_chooser import StatusChooser
from tariffscope.news._measure_status_model import StatusSite, clause_verb, status_features
from tariffscope.news._measure_target import (
    TargetChooser,
    counted_reference,
    frame_receivers,
    generic_cap,
    narrowed_by_deal,
    nearest_place,
    sentence_places,
    sentence_world_marked,
    world_marked,
)
from tariffscope.news._measure_target_model import (
    DeferredCandidates,
    RateCandidates,
    RateSite,
    StoryPlaces,
    candidates,
    story_places,
)
from tariffscope.news._measure_words import EFFECT_WORDS, EFFECTIVE_PREPS
from tariffscope.news._measure_worth import bound_marker
from tariffscope.news._persons import (
    article_country_counts,
    dateline_ranges,
    layout,
    related_headlines,
)
from tariffscope.news._syntax import doc_text, governing_verb, subject_of
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.measure_context import (
    confirm_deals,
    confirm_pauses,
    earlier_stage,
    is_history,
)
from tariffscope.news.measure_status import StatusWords, read_clues, settle_by_time, status_rule
from tariffscope.news.quote_marks import find_quote_spans
from tariffscope.news.rates import RateMention, find_rates, pair_rates
from tariffscope.news.temporal import anchors_of, attach, time_index

__all__ = ["MeasureComponent", "make_measure_component"]


def _published(doc: Doc) -> dt.date | None:
    value = (doc._.tariffscope_meta or {}).get("published")
    return dt.date.fromisoformat(value) if value else None


def _measure_anchors(span: Span, noun: Token, lex: Lexicon) -> tuple[Token, ...]:
    """A rate's anchors for dating: its words, its noun, the verb the noun is an argument of."""
    out = {span.root.i: span.root}
    for token in anchors_of(noun, lex):
        out.setdefault(token.i, token)
    return tuple(out.values())


class MeasureComponent(LexiconComponent):
    """Find tariff measures (writes ``doc._.tariffscope_measures``)."""

    _status_words: tuple[Lexicon, StatusWords] | None = None

    def __init__(
        self,
        nlp: Language,
        name: str,
        lexicon: Lexicon | None = None,
        target_chooser: str = "story",
        target_weights: str = "",
        status_chooser: str = "rules",
        status_weights: str = "",
    ) -> None:
        self._settings = (target_chooser, target_weights, status_chooser, status_weights)
        super().__init__(nlp, name, lexicon)

    def loaded(self) -> None:
        """The choosers with the weights of this component's rule book (unless a weights
        file is configured)."""
        target, target_weights, status, status_weights = self._settings
        book = self.lexicon.rules
        self.target_chooser = TargetChooser.configured(target, target_weights, book=book)
        self.status_chooser = StatusChooser.configured(status, status_weights, book=book)

    def status_words(self) -> StatusWords:
        """The status rules' word sets of this component's lexicon (read once per lexicon)."""
        cached = self._status_words
        if cached is None or cached[0] is not self.lexicon:
            cached = self._status_words = (self.lexicon, StatusWords.from_lexicon(self.lexicon))
        return cached[1]

    def annotate(self, doc: Doc) -> None:
        """Read every tariff rate of the article into merged measure records."""
        lex = self.lexicon
        words = self.status_words()
        anchor = _published(doc)
        persons = doc._.tariffscope_persons or []
        dates = doc._.tariffscope_dates or []
        skip = layout(doc)[0]
        text = doc_text(doc)
        other_stories = related_headlines(text)  # an outlet's list of its other headlines
        rates = [r for r in find_rates(text) if not any(s <= r.start < e for s, e in other_stories)]
        bounds = [(s.start_char, s.end_char) for s in doc.sents]
        pair_rates(text, rates, bounds)
        mentions = sorted(
            (m["start"], m["end"], m["person"]) for m in doc._.tariffscope_mentions or []
        )
        listed = _comparison_lists(doc, rates, lex)
        # a dateline ("BRASILIA (dpa-AFX) -") says where the reporter is, not whose goods
        places_skip = [*skip, *dateline_ranges(doc_text(doc))]
        learned_target = self.target_chooser.learned
        # the story's places are read once, and only if a rate's candidates are asked for
        story = cache(lambda: story_places(doc, lex, places_skip))
        rate_starts = _rate_starts(doc, rates) if learned_target else {}
        status_context = (
            _StatusContext(
                anchor,
                tuple((d["start"], d["date"]) for d in dates),
                tuple((q.start, q.end) for q in find_quote_spans(text)),
            )
            if self.status_chooser.learned
            else None
        )
        scope = RateScope(
            doc, tuple(rates), tuple(persons), tuple(mentions), tuple(dates), anchor, lex, words
        )
        raw: list[MeasureRecord] = []
        # the records with an owner, by the tokens a coordinated rate hangs on
        coordinated: dict[int, MeasureRecord] = {}
        for k, rate in enumerate(rates):
            if rate.role != "to":
                continue
            span = doc.char_span(rate.start, rate.end, alignment_mode="expand")
            if span is None:
                continue
            rule, goods_head = "extract.rate_tariff_noun", None
            noun: Token | None
            freed = freed_share(span, lex)
            if freed is not None:  # "eliminate tariffs on 99% of US goods": zero on them
                rule, (noun, goods_head) = "extract.share_of_goods_freed", freed
                rate = RateMention(rate.start, rate.end, 0.0)
            elif self._not_a_tariff(doc, span, lex):
                continue
            else:
                noun = anchor_noun(span, lex)
                if noun is not None and _statistic(noun, lex):
                    continue
                receiver = None if noun is None else receiving_clause(span, noun, lex)
                if receiver is not None:  # "while goods from Y will face 10%"
                    noun, rule = receiver, "extract.rate_of_receiving_clause"
                    goods_head = subject_of(receiver, limit=1)
                if noun is None:  # "cars will be taxed at 15%": the verb names the tariff
                    noun = rate_verb(span, lex)
                    rule = "extract.rate_of_taxing_verb"
                    goods_head = None if noun is None else subject_of(noun, limit=1)
                if noun is None and rate.start in listed and _tariff_passage(span, lex):
                    # "countries hit include: Algeria (30%); Lesotho (50%)": a rate that a
                    # comparison list pairs with a country, in a passage about tariffs
                    noun, rule = span.root, "extract.rate_list_member"
            if noun is None:
                continue
            reading = self._read(scope, span, noun, rate, k)
            if goods_head is not None:
                # the goods of a freed share ("99% of US products": the partner's tariff on US
                # goods) or of a taxing verb's subject ("cars from Korea will be taxed at")
                goods = goods_of(goods_head, lex)
                if goods.targets:
                    own = tuple(c for c in goods.targets if c != reading.imposer)
                    reading = replace(reading, targets=own)
                reading = replace(reading, products=goods.products)
            # "tariffs of up to 50%": a bound, a measure only where its pair has no
            # rate of its own (measure_merge step 11; the worth table)
            record = reading.as_record(
                rule, bound=rate.partner is None and bound_marker(span, lex) is not None
            )
            record = replace(record, added=_added(span, noun, lex))
            if status_context is not None:
                site = status_context.site(span, noun, record)
                features = status_features(site, reading.status_clues, lex)
                record = replace(record, status_features=features)
            # before the learned chooser reads the rate's site
            record = narrowed_by_deal(record, reading.unsourced)
            if rate.start in listed:
                record = _pair_target(record, listed[rate.start])
            record = _coordinated(record, span, coordinated)
            if record.targets:
                coordinated.update(dict.fromkeys((span.root.i, span.root.head.i), record))
            if learned_target:
                target_site = _site(span, noun, record, rate_starts)
                deferred = DeferredCandidates(partial(_candidates, target_site, story, lex))
                record = replace(record, target_candidates=deferred)
            raw.append(record)
            if reading.rest:  # "on Autos, Lumber, Pharma, and all other TARIFFS"
                raw.append(replace(record, products="all goods", rule="extract.rate_rest_of_list"))
        raw = spread_goods_list(doc, raw, [(r.start, r.end) for r in rates], lex)
        raw = _before_the_change(raw, rates)
        raw += rateless_measures(doc, raw, persons, mentions, lex)
        raw.sort(key=lambda r: r.start)
        raw = confirm_deals(doc, raw, lex)
        raw = confirm_pauses(doc, raw, lex)
        raw = self._cross_sentence_dates(doc, raw, dates, anchor)
        raw = _definite_dates(raw)
        counts = article_country_counts(doc, persons, places_skip, lex)
        pair = list(counts)
        about_us = "USA" in pair[:2] or any(
            p.get("actor") and p.get("country") == "USA" for p in persons
        )
        paragraphs = _paragraph_offsets(text)
        # only the paragraphs of rates with no imposer of their own, and the lead, are read
        needy = {r.paragraph for r in raw if r.imposer is None}
        above = dict(zip(paragraphs[1:], paragraphs, strict=False))
        wanted = needy | {above.get(p, p) for p in needy} | set(paragraphs[:LEAD_PARAGRAPHS])
        directions = (
            self._directions(doc, text, raw, persons, mentions, lex, wanted, about_us)
            if needy
            else ()
        )
        records = self.status_chooser.apply(raw) if self.status_chooser.learned else raw
        measures = self._finish(records, counts, anchor, about_us, directions, paragraphs)
        # a merged mention may carry another's date
        doc._.tariffscope_measures = settle_by_time(measures, anchor, lex)

    # -- one rate -----------------------------------------------------------------------------
    def _not_a_tariff(self, doc: Doc, span: Span, lex: Lexicon) -> bool:
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ == "of" and span.text.lower() != "free":
            return True  # "25% of the profits" (but "free of tariffs" is a rate)
        if (
            _amount_of_change(span, lex)
            or _degree_of_predicate(span, lex)
            or _changed_by(span, lex)
        ):
            return True
        # "an additional 25% tariff, bringing the total to 50%": the measure is the addition
        window = doc[max(span.sent.start, span.start - 8) : span.start]
        return any(t.lower_ in lex.words("measure_total_words") for t in window)

    def _read(
        self, scope: RateScope, span: Span, noun: Token, rate: RateMention, k: int
    ) -> RateReading:
        """The first step: the ``k``-th rate of the story (``rate``, at ``span``, of the
        tariff noun ``noun``) as its sentence tells it."""
        doc, rates, persons, lex = scope.doc, scope.rates, scope.persons, scope.lex
        mentions, dates, anchor = scope.mentions, scope.dates, scope.anchor
        from_rate = rates[rate.partner].value if rate.partner is not None else None
        from_rule = None if from_rate is None else rates[k].rule
        if from_rate is None:
            from_rate = self._implicit_from(doc, span, rates, k)
            from_rule = None if from_rate is None else "from.change_argument"
        if from_rate is None:
            from_rate = multiplied_from(span, rate.value, lex)
            from_rule = None if from_rate is None else "from.multiplier"
        goods, extra_imposer = rate_goods(doc, span, noun, lex)
        if transshipped(span, noun, lex):
            goods = replace(goods, products="transshipped goods")
        imposer, subject_targets = rate_imposer(doc, span, noun, persons, mentions, lex)
        imposer = imposer or extra_imposer
        targets = list(goods.targets) or subject_targets or frame_receivers(noun, lex)
        if imposer in targets and len(targets) > 1:
            targets.remove(imposer)
        current = any(
            c.lower_ in {"currently", "current", "existing"}
            for c in [*span.root.children, *noun.children]
        )
        # "tariffs on cars, currently 27.5%, will be cut to 15% retroactive to August 1": the
        # date belongs to the cut, not to the rate collected now
        effective = None if current else self._effective(doc, span, noun, rates)
        pending_date = self._pending_date(doc, span, noun, dates)
        pending = effective is not None or pending_date is not None
        clues = read_clues(
            span,
            noun,
            from_rate,
            rate.value,
            effective,
            anchor,
            scope.words,
            pending=pending,
            dates=dates,
            # "starting next year": the date's own words tell it ahead
            pending_ahead=pending_date is not None
            and pending_date["text"].split()[0].lower() in lex.words("time_ahead_words"),
        )
        status_spec = status_rule(clues, lex)
        head = span.root.head
        rise = head.lower_ == "to" and head.head.lemma_.lower() in lex.words("measure_rise_verbs")
        cut = head.lower_ == "to" and head.head.lemma_.lower() in lex.words("measure_cut_verbs")
        # "universal 50 percent tariffs", "a 10% global tariff", and "the 10% global tariff
        # regime" (the tariff noun compounds a noun the world word modifies): on every origin
        described = [noun, *([noun.head] if noun.dep_ == "compound" else [])]
        universal = world_marked(described, lex, span.root)
        if (
            universal
            and targets
            and not _own_prep_places(span, noun, lex)
            and world_marked(described, lex, span.root, origins=True)
        ):
            # "hits Britain with the new 15% global levy": a global measure, on every origin
            # and so on the country it hits; only its own "on/for X" phrase narrows it to one
            # ("the global rate for X"); a marker of every good ("a blanket 46% tariff") does
            # not widen a named country's rate
            targets = ["WLD", *targets]
        return RateReading(
            rise=rise and from_rate is None,
            cut=cut and from_rate is None,
            imposer=imposer,
            targets=tuple(targets),
            world=goods.world or (universal and not targets),
            unsourced=goods.unsourced and not universal,
            products=goods.products,
            rest=goods.rest,
            places=tuple(sentence_places(span, noun, lex)),
            nearest_place=nearest_place(span, noun, lex),
            sentence_world=sentence_world_marked(span, lex),
            counted=counted_reference(span, lex),
            capped=generic_cap(span, noun, lex),
            from_rate=from_rate,
            to_rate=rate.value,
            effective_date=effective,
            status=status_spec.status,
            status_rule=status_spec.id,
            status_clues=clues,
            from_rule=from_rule,
            history=is_history(span, noun, lex),
            earlier=earlier_stage(span, noun, lex),
            retaliation=retaliation_marked(noun, lex),
            start=span.start_char,
            headline=self._in_headline(doc, span),
            end=span.end_char,
            sent=span.sent.start_char,
            paragraph=doc_text(doc).rfind("\n", 0, span.start_char),
            noun_start=noun.idx,
            definite=any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in noun.children),
        )

    def _implicit_from(
        self, doc: Doc, span: Span, rates: Sequence[RateMention], k: int
    ) -> float | None:
        """'the current 39% tariff could drop to 15%': the rate in the subject of the change."""
        head = span.root.head
        if head.lower_ != "to" or k == 0:
            return None
        verb = head.head
        if verb.lemma_.lower() not in self.lexicon.words("measure_cut_verbs") | {
            "rise",
            "increase",
            "jump",
            "climb",
            "raise",
        }:
            return None
        # the subject ("the current 39% tariff could drop to 15%") or the object ("lower its
        # 34% tariff to 10%") of the change verb
        arguments = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
        previous = rates[k - 1]
        for subject in arguments:
            left, right = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
            if left <= previous.start < right and previous.role == "to":
                previous.role = "from"
                return previous.value
        return None

    def _effective(
        self, doc: Doc, span: Span, noun: Token, rates: Sequence[RateMention]
    ) -> str | None:
        """The day the rate takes effect, by the temporal layer's one mechanism
        (:func:`tariffscope.news.temporal.attach`): every rate of the sentence claims the
        dates of its own phrase and the verb it is an argument of."""
        lex = self.lexicon
        sent = span.sent
        index = time_index(doc, lex)
        if not index.within(sent.start_char, sent.end_char):
            return None
        triggers: dict[int, tuple[Token, ...]] = {}
        for rate in rates:
            if rate.role != "to" or not (sent.start_char <= rate.start < sent.end_char):
                continue
            other = doc.char_span(rate.start, rate.end, alignment_mode="expand")
            head = None if other is None else anchor_noun(other, lex)
            if other is not None and head is not None:
                triggers[other.start_char] = _measure_anchors(other, head, lex)
        triggers[span.start_char] = _measure_anchors(span, noun, lex)
        hit = attach(doc, index, sent, triggers, "effective", lex).get(span.start_char)
        return None if hit is None else hit.record.iso

    def _in_headline(self, doc: Doc, span: Span) -> bool:
        """A rate in a title-case line (headline or bullet), whose grammar is terse."""
        return any(s <= span.start_char < e for s, e in layout(doc)[1])

    def _pending_date(
        self, doc: Doc, span: Span, noun: Token, dates: Sequence[dict[str, Any]]
    ) -> dict[str, Any] | None:
        """A date ahead of the measure ("effective from February 1"), even when unresolved."""
        sent = span.sent
        for d in dates:
            if not (sent.start_char <= d["start"] < sent.end_char):
                continue
            if d.get("preposition") not in {
                "from",
                "starting",
                "beginning",
                "effective",
                "effective from",
                "as of",
            }:
                continue
            if d["date"] is not None and d["precision"] != "day":
                continue
            date_span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            if (
                date_span is not None
                and min(
                    tree_distance(date_span.root, span.root), tree_distance(date_span.root, noun)
                )
                <= 6
            ):
                return d
        return None

    # -- the article ----------------------------------------------------------------------------
    def _cross_sentence_dates(
        self,
        doc: Doc,
        raw: list[MeasureRecord],
        dates: list[dict[str, Any]],
        anchor: dt.date | None,
    ) -> list[MeasureRecord]:
        """'The move, to take effect Aug. 27, ...' or 'The new measure is retroactive to
        November 13': a sentence without a measure of its own, or a clause about a tariff
        named without a rate ("The new levy will take effect on August 27"), dates the
        article's lead measure (or, when that has a date, the measure just before). The
        records with these dates."""
        if not raw:
            return raw
        with_measures = {r.sent for r in raw}
        fronted_preps = self.lexicon.words("measure_fronted_start_preps")
        for sent in doc.sents:
            own = sent.start_char in with_measures
            lower = sent.text.lower()
            found = None
            for d in dates:
                if not (sent.start_char <= d["start"] < sent.end_char) or d["precision"] != "day":
                    continue
                before = lower[: d["start"] - sent.start_char].rstrip()
                if d["date"] and before in fronted_preps:
                    # "As of January 1, 2026, these duties will increase. The tariff on X will
                    # increase from 25 to 30 percent": a start date put before its sentence
                    # holds for the changes told after it in the paragraph
                    raw = self._date_fronted(doc, raw, sent, d["date"], own)
                    break
                if before.endswith((" on", " from", " as of")):  # "will take effect on August 27"
                    before = before.rsplit(" ", 2 if before.endswith(" as of") else 1)[0]
                if own and not self._rateless_subject(doc, d):
                    continue  # a sentence with its own measures dates them
                if d["date"] and (
                    before.endswith(EFFECT_WORDS) or self._rateless_imposed(doc, d, own)
                ):
                    found = d["date"]
                    break
            if found is None:
                continue
            earlier = [k for k, r in enumerate(raw) if r.start < sent.start_char]
            imposer = None
            if earlier:
                k = earlier[0] if raw[earlier[0]].effective_date is None else earlier[-1]
                imposer = raw[k].imposer
                if raw[k].effective_date is None:
                    later = anchor is None or dt.date.fromisoformat(found) > anchor
                    threatened = later and raw[k].status == "in_force"
                    raw = _updated(raw, k, _dated(raw[k], found, threatened=threatened))
            if not own:
                raw = self._date_announced_details(doc, raw, sent, found, imposer)
        return raw

    @classmethod
    def _date_fronted(
        cls, doc: Doc, raw: list[MeasureRecord], sent: Span, found: str, own: bool
    ) -> list[MeasureRecord]:
        """'Effective October 14, imports of lumber will be subject to a 10% tariff. Imports of
        cabinets will face a 25% tariff.': a sentence opened by its start date ("Effective
        DATE,", "As of DATE,", "Starting DATE,") dates the rates still to come later in its
        paragraph that have no date of their own and the same imposer as its own rates; one
        without a rate of its own ("As of January 1, these duties will increase.") dates them
        in the next paragraph detail too, as a takes-effect sentence does."""
        mine = [r for r in raw if sent.start_char <= r.start < sent.end_char]
        imposers = {r.imposer for r in mine} - {None}
        if own and len(imposers) > 1:
            return raw
        imposer = next(iter(imposers), None)
        return cls._date_announced_details(doc, raw, sent, found, imposer, next_paragraph=not own)

    @staticmethod
    def _date_announced_details(
        doc: Doc,
        raw: list[MeasureRecord],
        sent: Span,
        found: str,
        imposer: str | None,
        *,
        next_paragraph: bool = True,
    ) -> list[MeasureRecord]:
        """'China announced it will impose tariffs of up to 15% ... The tariffs are due to take
        effect from March 10. ... Imports of chicken will face an extra 15% tariff': the date a
        sentence without a rate gives the announced tariffs also holds for the announced rates
        the rest of its paragraph and the next paragraph detail (rates still to come, without
        a date of their own, not laid by another imposer)."""
        text = doc_text(doc)
        own = text.rfind("\n", 0, sent.start_char)
        end = text.find("\n", sent.start_char + len(sent.text.rstrip()))
        following = {own}
        if end != -1 and next_paragraph:
            while end + 1 < len(text) and text[end + 1] == "\n":
                end += 1
            following.add(end)
        return [
            replace(record, effective_date=found)
            if (
                record.start >= sent.end_char
                and record.paragraph in following
                and record.effective_date is None
                and record.status == "threatened"
                and (imposer is None or record.imposer in {None, imposer})
            )
            else record
            for record in raw
        ]

    def _rateless_imposed(self, doc: Doc, date: dict[str, Any], own: bool) -> bool:
        """'The additional tariffs would be imposed from April 10': in a sentence without a
        rate, a tariff named without a rate that a verb of imposing lays from a day takes
        effect that day."""
        if own or date.get("preposition") not in EFFECTIVE_PREPS - {"by", "on"}:
            return False
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        verb = None if span is None else governing_verb(span.root)
        return (
            verb is not None
            and verb.lemma_.lower() in self.lexicon.words("measure_status_imposing")
            and self._rateless_subject(doc, date)
        )

    def _rateless_subject(self, doc: Doc, date: dict[str, Any]) -> bool:
        """'The new levy will take effect on August 27, while a 25% tariff ... comes into force
        on Thursday': the date's clause is about a tariff named without a rate (an earlier
        measure), although the sentence has a measure of its own."""
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        verb = None if span is None else governing_verb(span.root)
        subject = None if verb is None else subject_of(verb, limit=1)
        return (
            subject is not None
            and subject.lower_
            in self.lexicon.words("measure_tariff_words") | {"move", "measure", "measures", "order"}
            and not any(t.like_num or t.lower_ in {"%", "percent"} for t in subject.subtree)
        )

    def _directions(
        self,
        doc: Doc,
        text: str,
        raw: list[MeasureRecord],
        persons: list[dict[str, Any]],
        mentions: list[tuple[int, int, int]],
        lex: Lexicon,
        wanted: set[int],
        about_us: bool,
    ) -> tuple[Direction, ...]:
        """The tariff clauses of the ``wanted`` paragraphs with the imposer and targets their
        syntax names (:mod:`tariffscope.news._measure_direction`); a rate's tariff noun was
        read with its rate, before any record was completed from the story."""
        out = [
            Direction(r.start, r.paragraph, r.imposer, r.targets)
            for r in raw
            if r.paragraph in wanted
        ]
        read = {r.noun_start for r in raw}
        for noun in tariff_nouns(doc, lex):
            paragraph = text.rfind("\n", 0, noun.idx)
            if paragraph not in wanted or noun.idx in read:
                continue
            span = doc[noun.i : noun.i + 1]
            goods, extra_imposer = rate_goods(doc, span, noun, lex)
            imposer, subject_targets = rate_imposer(doc, span, noun, persons, mentions, lex)
            imposer = imposer or extra_imposer
            targets = [c for c in goods.targets or subject_targets if c != imposer]
            if not targets and about_us and imposer not in {None, "USA"}:
                # "China hit back with retaliatory tariffs": an answer to the US measure
                targets = ["USA"] if retaliation_marked(noun, lex) else []
            out.append(Direction(noun.idx, paragraph, imposer, tuple(targets)))
        return tuple(out)

    def _finish(
        self,
        raw: Sequence[MeasureRecord],
        counts: dict[str, int],
        anchor: dt.date | None,
        about_us: bool,
        directions: tuple[Direction, ...] = (),
        paragraphs: tuple[int, ...] = (),
    ) -> list[dict[str, Any]]:
        from tariffscope.news.measure_merge import merge_measures

        return merge_measures(
            raw,
            list(counts),
            anchor,
            about_us=about_us,
            lex=self.lexicon,
            counts=counts,
            directions=directions,
            paragraphs=paragraphs,
            choose_targets=self.target_chooser.choose if self.target_chooser.learned else None,
        )


@dataclass(frozen=True, slots=True)
class _StatusContext:
    """What the learned status reads of the story once: its date, dates and quotations."""

    anchor: dt.date | None
    dates: tuple[tuple[int, str | None], ...]
    quotes: tuple[tuple[int, int], ...]

    def site(self, span: Span, noun: Token, record: MeasureRecord) -> StatusSite:
        """The status model's view of one rate the rules have read."""
        return StatusSite(
            span,
            noun,
            clause_verb(span, noun),
            record.from_rate,
            record.to_rate,
            record.effective_date,
            self.anchor,
            self.dates,
            self.quotes,
            bool(record.headline),
        )


def _candidates(site: RateSite, story: Callable[[], StoryPlaces], lex: Lexicon) -> RateCandidates:
    return candidates(site, story(), lex)


def _rate_starts(doc: Doc, rates: list[RateMention]) -> dict[int, tuple[int, ...]]:
    """The first tokens of the rates of each sentence, by the sentence's first token."""
    out: dict[int, list[int]] = {}
    for rate in rates:
        span = doc.char_span(rate.start, rate.end, alignment_mode="expand")
        if span is not None and rate.role == "to":
            out.setdefault(span.sent.start, []).append(span.start)
    return {k: tuple(v) for k, v in out.items()}


def _site(
    span: Span, noun: Token, record: MeasureRecord, rate_starts: dict[int, tuple[int, ...]]
) -> RateSite:
    """What the learned target chooser needs of a rate the rules have read."""
    targets = record.targets
    return RateSite(
        span,
        noun,
        record.imposer,
        targets,
        world_marked=bool(record.world) or "WLD" in targets,
        world_sentence=bool(record.sentence_world or record.capped),
        sentence_rates=rate_starts.get(span.sent.start, ()),
    )


def _own_prep_places(span: Span, noun: Token, lex: Lexicon) -> list[str]:
    """The countries of an on/for/against phrase of the rate or its tariff noun."""
    return [
        iso
        for head in (span.root, noun)
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in lex.words("measure_pair_preps")
        for iso, kind, _ in country_of_phrase(prep.subtree, lex)
        if kind != "region"
    ]


def _comparison_lists(doc: Doc, rates: list[RateMention], lex: Lexicon) -> dict[int, Pairing]:
    """The country each rate of a comparison list is written next to, by the rate's start
    character (:func:`tariffscope.news._measure_pairing.pair_rates_with_places`)."""
    by_sentence: dict[int, list[tuple[int, Span]]] = {}
    for rate in rates:
        if rate.role != "to":
            continue
        span = doc.char_span(rate.start, rate.end, alignment_mode="expand")
        if span is not None:
            by_sentence.setdefault(span.sent.start, []).append((rate.start, span))
    out: dict[int, Pairing] = {}
    for listed in by_sentence.values():
        if len(listed) < 2:
            continue
        sent = listed[0][1].sent
        found = pair_rates_with_places(sent, [(s.start, s.end) for _, s in listed], lex)
        for k, pairing in found.items():
            out[listed[k][0]] = pairing
    return out


def _added(span: Span, noun: Token, lex: Lexicon) -> bool:
    """'a 25% tariff and an additional 25% penalty': the rate is told as an addition to the
    tariff it is coordinated with."""
    words = lex.words("measure_addition_words")
    return noun.dep_ == "conj" and any(
        c.dep_ in {"amod", "advmod"} and c.lower_ in words
        for t in (noun, span.root)
        for c in t.children
    )


def _coordinated(
    record: MeasureRecord, span: Span, earlier: Mapping[int, MeasureRecord]
) -> MeasureRecord:
    """'including a 100% surtax on Chinese-made EVs and 25% on steel and aluminium imports':
    a rate coordinated with an earlier rate or rated noun of its sentence, whose own phrase
    names no owner, is laid by the same imposer on the same partners."""
    root = span.root
    first = earlier.get(root.head.i) if root.dep_ == "conj" and not record.targets else None
    if first is None:
        return record
    return replace(
        record, targets=first.targets, world=False, imposer=first.imposer or record.imposer
    )


def _tariff_passage(span: Span, lex: Lexicon, before: int = 2) -> bool:
    """A tariff word stands in the rate's sentence or in one of the ``before`` sentences
    before it."""
    sent = span.sent
    tariff = lex.words("measure_tariff_words")
    for _ in range(before + 1):
        if any(t.lower_ in tariff or t.lemma_.lower() in tariff for t in sent):
            return True
        if sent.start == 0:
            return False
        sent = sent.doc[sent.start - 1].sent
    return False


def _paragraph_offsets(text: str) -> tuple[int, ...]:
    """The offsets the records give their paragraphs (the line break before each line with
    words, -1 for the first line), in order."""
    out, start = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append(start - 1)
        start += len(line) + 1
    return tuple(out)


def _pair_target(record: MeasureRecord, pairing: Pairing) -> MeasureRecord:
    """A listed rate is on the country it is written next to; no country of the list imposes
    it (the imposer is read again from the article when it was one of them)."""
    imposer = None if record.imposer in pairing.listed else record.imposer
    targets = tuple(pairing.targets)
    return replace(record, imposer=imposer, targets=targets, world=False, rule=pairing.rule)


def _amount_of_change(span: Span, lex: Lexicon) -> bool:
    """The rate measures a change or a share ("a 20% reduction", "a 5% stake"), not a tariff:
    it modifies such a noun, which no tariff word compounds ("a 20% tariff cut" stays)."""
    head = span.root.head
    if head.i in range(span.start, span.end) or head.pos_ != "NOUN":
        return False
    if span.root.dep_ not in {"compound", "amod", "nummod", "nmod"}:
        return False
    if head.lemma_.lower() not in lex.words("measure_change_amount_nouns"):
        return False
    tariff = lex.words("measure_tariff_words")
    return not any(c.lower_ in tariff for c in head.children)


def _changed_by(span: Span, lex: Lexicon) -> bool:
    """The rate is how much something falls ("tariffs will fall by around 10% on average",
    "duties dropped by 5%", "agreed to cut tariffs by 115%", "duties were reduced by 5%"), not
    a rate: the object of "by" on an intransitive verb of decrease, or on a verb of cutting
    in any voice (nobody lays a rate by cutting). Not a rise: "the tariff will be increased by
    10%" is an extra 10% duty (train_A 964's gold)."""
    root = span.root
    link = root.head
    verb = link.head
    if not (
        root.dep_ == "pobj"
        and link.lower_ == "by"
        and link.dep_ == "prep"
        and verb.pos_ in {"VERB", "AUX"}
    ):
        return False
    lemma = verb.lemma_.lower()
    if lemma in lex.words("measure_cut_verbs"):
        return True
    return lemma in lex.words("measure_change_by_verbs") and not any(
        c.dep_ in {"dobj", "obj", "nsubjpass", "auxpass"} for c in verb.children
    )


def _statistic(noun: Token, lex: Lexicon) -> bool:
    """The tariff noun names a statistic of many rates, not a measure: "the effective US
    tariff rate will moderate toward 15%", "the average tariff from Brazil is just 2.7%" (an
    adjective of averaging before the noun, or before the noun it is a compound of; not
    "a 10% tariff ..., effective from February 1", which dates it)."""
    heads = [noun, noun.head] if noun.dep_ == "compound" else [noun]
    words = lex.words("measure_statistic_adjectives")
    return any(
        c.dep_ == "amod" and c.i < h.i and c.lower_ in words for h in heads for c in h.children
    )


def _degree_of_predicate(span: Span, lex: Lexicon) -> bool:
    """The rate is how far a predicate holds ("talks are 80% complete", "70% ready to sign"),
    not a tariff: it measures an adjective that is the clause's predicate (a prenominal one,
    "a 10% additional tariff", describes the tariff and stays)."""
    root = span.root
    head = root.head
    return (
        root.dep_ == "npadvmod"
        and head.pos_ == "ADJ"
        and head.dep_ in {"acomp", "ROOT", "ccomp", "xcomp", "conj"}
        and head.lemma_.lower() not in lex.words("measure_tariff_words")
    )


#: Status rules that a rate takes from the verb of the change it is the start of.
_CHANGE_STATUS_RULES = frozenset(
    ["status.agreed_in_deal", "status.ahead", "status.cut_ahead", "status.effective_later"]
)


def _before_the_change(raw: list[MeasureRecord], rates: list[RateMention]) -> list[MeasureRecord]:
    """'would lower its 34% tariff to 10%': the 34% is the rate before the change, collected
    now, not a term of the change (a threat or a demand keeps its own status)."""
    starts = {r.start for r in rates if r.role == "from"}
    return [
        replace(record, status="in_force", status_rule="status.before_the_change")
        if record.start in starts and record.status_rule in _CHANGE_STATUS_RULES
        else record
        for record in raw
    ]


@Language.factory(
    "tariffscope_measures",
    assigns=["doc._.tariffscope_measures"],
    requires=["doc._.tariffscope_dates", "doc._.tariffscope_persons", "token.dep"],
    default_config={
        "lexicon": {"@misc": "tariffscope.lexicon.v1"},
        "target_chooser": "story",
        "target_weights": "",
        "status_chooser": "rules",
        "status_weights": "",
    },
)
def make_measure_component(
    nlp: Language,
    name: str,
    lexicon: Lexicon,
    target_chooser: str,
    target_weights: str,
    status_chooser: str,
    status_weights: str,
) -> MeasureComponent:
    """Factory of ``tariffscope_measures`` (see :class:`MeasureComponent`).

    ``target_chooser``: who chooses a rate's targets, one of
    :data:`tariffscope.news._measure_target.TARGET_CHOOSERS` (default ``"story"``: the model
    only where the rules read the target from the story and the model is sure; ``"rules"``,
    ``"model"``, ``"fallback"``: docs/extraction.md, rounds 8 and 10);
    ``target_weights``: a weights file of ``tools/train_measure_target.py`` (default: the
    shipped one). The environment variables ``TARIFFSCOPE_MEASURE_TARGET`` and
    ``TARIFFSCOPE_MEASURE_TARGET_WEIGHTS`` override both (for ``tariffscope eval extract``).
    ``status_chooser`` and ``status_weights``: the same for a rate's status
    (:data:`tariffscope.news._measure_status_chooser.STATUS_CHOOSERS`, default ``"rules"``;
    ``TARIFFSCOPE_MEASURE_STATUS`` and ``TARIFFSCOPE_MEASURE_STATUS_WEIGHTS``)."""
    return MeasureComponent(
        nlp, name, lexicon, target_chooser, target_weights, status_chooser, status_weights
    )


def _definite_dates(raw: list[MeasureRecord]) -> list[MeasureRecord]:
    """'... the 50% tariff that the US will begin imposing on August 1. The 50% tariff will
    affect imports of copper pipes': a rate told again with a definite article and no date of
    its own is the earlier dated mention of the same rate by the same imposer, and takes its
    date (and, when still to come, its status). The records with these dates."""
    for k, record in enumerate(raw):
        if not record.definite or record.effective_date is not None:
            continue
        earlier = next(
            (
                r
                for r in reversed(raw[:k])
                if r.effective_date is not None
                and abs(r.to_rate - record.to_rate) < 1e-9
                and record.imposer in {None, r.imposer}
            ),
            None,
        )
        if earlier is not None and earlier.effective_date is not None:
            threatened = earlier.status == "threatened"
            raw = _updated(raw, k, _dated(record, earlier.effective_date, threatened=threatened))
    return raw


def _dated(record: MeasureRecord, date: str, *, threatened: bool) -> MeasureRecord:
    """The record with the effective ``date`` found for it elsewhere, and threatened when
    the date says so (else its status stays)."""
    return replace(
        record, effective_date=date, status="threatened" if threatened else record.status
    )


def _updated(raw: list[MeasureRecord], k: int, record: MeasureRecord) -> list[MeasureRecord]:
    """The records with the ``k``-th replaced by ``record``."""
    return [*raw[:k], record, *raw[k + 1 :]]
