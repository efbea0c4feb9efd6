"""Scoring extractions against gold annotations (the rules at the end of GUIDELINES.md).

Records of one kind are paired one-to-one between gold and prediction (an optimal assignment
over the compatible pairs), then counted over the whole set (micro average):
precision = matched / predicted, recall = matched / gold, F1 their harmonic mean. Attributes
are compared on the matched pairs only and reported as accuracy.

=========  =========================================================  =======================
records    matched when                                               accuracy on pairs
=========  =========================================================  =======================
quotes     the words overlap: shared words / words of the longer      speaker, via
           text >= 0.5
measures   same target, same to-rate (within 0.05), same effective    status (and, for
           date (both null counts as same) and compatible products    information, imposer
                                                                      and from-rate)
events     same kind, same date (or both null) and participants       status
           overlapping by at least half of the smaller list
actors     same name                                                  role, country
deadlines  same date                                                  -
article    -                                                          published date
=========  =========================================================  =======================

Each predicted event (and measure, when its record names the rule that found it) counts as a
true positive of its rule when it is matched and as a false positive when it is not
(:class:`RuleScore`, ``tariffscope eval extract --by-rule``); records without a rule id count
under ``"-"``.

Texts and names are compared case-folded, without diacritics, with straight apostrophes and
single spaces. Products are compared with
:func:`tariffscope.news.products.products_compatible`: both across-the-board, both an
unspecified part of the goods, or sharing a product word after synonyms.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
from scipy.optimize import linear_sum_assignment

from tariffscope.domain.news import Event, Extraction, MeasureMention
from tariffscope.news.lexicon import fold
from tariffscope.news.products import products_compatible

__all__ = [
    "EVENT_CRITERIA",
    "MEASURE_CRITERIA",
    "ArticleScore",
    "AttributeScore",
    "EvalReport",
    "FieldScore",
    "RuleScore",
    "match_events",
    "match_pairs",
    "products_compatible",
    "quote_overlap",
    "same_name",
    "score_article",
    "score_corpus",
]

T = TypeVar("T")
U = TypeVar("U")
FIELDS: tuple[str, ...] = ("quotes", "measures", "events", "actors", "deadlines")
QUOTE_OVERLAP = 0.5
PARTICIPANT_OVERLAP = 0.5
RATE_TOLERANCE = 0.05

_WORD = re.compile(r"\w+")


def _norm(text: str | None) -> str:
    return " ".join(fold(text or "").replace("–", "-").replace("—", "-").split())


def same_name(a: str | None, b: str | None) -> bool:
    """Two names (or two nulls) are the same after folding case, accents and spaces."""
    if a is None or b is None:
        return a is None and b is None
    return _norm(a).strip(" .,'\"") == _norm(b).strip(" .,'\"")


def quote_overlap(a: str, b: str) -> float:
    """Shared words (with multiplicity) over the words of the longer text."""
    wa, wb = Counter(_WORD.findall(_norm(a))), Counter(_WORD.findall(_norm(b)))
    longest = max(sum(wa.values()), sum(wb.values()))
    return 0.0 if longest == 0 else sum((wa & wb).values()) / longest


@dataclass(frozen=True, slots=True)
class FieldScore:
    """Counts and micro scores of one kind of record."""

    name: str
    gold: int
    predicted: int
    matched: int

    @property
    def precision(self) -> float:
        """matched / predicted (1.0 when nothing was predicted and nothing was due)."""
        return self.matched / self.predicted if self.predicted else float(self.gold == 0)

    @property
    def recall(self) -> float:
        """matched / gold (1.0 when the gold has none)."""
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)


@dataclass(frozen=True, slots=True)
class AttributeScore:
    """Accuracy of one attribute on matched pairs."""

    name: str
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        """correct / total (NaN when there are no pairs)."""
        return self.correct / self.total if self.total else float("nan")


@dataclass(frozen=True, slots=True)
class RuleScore:
    """Predictions of one rule for one kind of record: matched (true) and unmatched (false)."""

    field: str
    rule: str
    true_positives: int
    false_positives: int

    @property
    def predicted(self) -> int:
        """All predictions of the rule."""
        return self.true_positives + self.false_positives

    @property
    def precision(self) -> float:
        """true / predicted (NaN when the rule predicted nothing)."""
        return self.true_positives / self.predicted if self.predicted else float("nan")


@dataclass(frozen=True, slots=True)
class ArticleScore:
    """Field counts and attribute counts of one article."""

    name: str
    fields: tuple[FieldScore, ...]
    attributes: tuple[AttributeScore, ...]
    rules: tuple[RuleScore, ...] = ()


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Scores over a set of articles."""

    fields: tuple[FieldScore, ...]
    attributes: tuple[AttributeScore, ...]
    articles: tuple[ArticleScore, ...]
    rules: tuple[RuleScore, ...] = ()

    def field(self, name: str) -> FieldScore:
        """The score of one kind of record."""
        return next(f for f in self.fields if f.name == name)

    def attribute(self, name: str) -> AttributeScore:
        """The score of one attribute ("quotes.speaker", "measures.status", ...)."""
        return next(a for a in self.attributes if a.name == name)

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""

        def field_dict(f: FieldScore) -> dict[str, Any]:
            return {
                "gold": f.gold,
                "predicted": f.predicted,
                "matched": f.matched,
                "precision": f.precision,
                "recall": f.recall,
                "f1": f.f1,
            }

        return {
            "fields": {f.name: field_dict(f) for f in self.fields},
            "attributes": {
                a.name: {
                    "correct": a.correct,
                    "total": a.total,
                    "accuracy": None if not a.total else a.accuracy,
                }
                for a in self.attributes
            },
            "articles": {s.name: {f.name: field_dict(f) for f in s.fields} for s in self.articles},
            "rules": [
                {
                    "records": r.field,
                    "rule": r.rule,
                    "true_positives": r.true_positives,
                    "false_positives": r.false_positives,
                    "precision": None if not r.predicted else r.precision,
                }
                for r in self.rules
            ],
        }


def match_pairs(
    gold: Sequence[T],
    pred: Sequence[U],
    compatible: Callable[[T, U], bool],
    score: Callable[[T, U], float],
) -> list[tuple[T, U]]:
    """The one-to-one pairing of gold to predicted records among the ``compatible`` pairs
    that pairs the most records, ties broken by the largest total ``score``."""
    if not gold or not pred:
        return []
    weight = np.zeros((len(gold), len(pred)))
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if compatible(g, p):
                weight[i, j] = 1000.0 + score(g, p)
    rows, cols = linear_sum_assignment(weight, maximize=True)
    return [(gold[i], pred[j]) for i, j in zip(rows, cols, strict=True) if weight[i, j] > 0]


def match_events(gold: Sequence[Event], pred: Sequence[Event]) -> list[tuple[Event, Event]]:
    """The one-to-one matching of predicted to gold events: same kind, same date (or both
    none) and overlapping participants, the same status and place preferred."""
    return match_pairs(
        gold,
        pred,
        lambda g, p: all(same(g, p) for same in EVENT_CRITERIA.values()),
        lambda g, p: float(g.status == p.status) + 0.1 * float(same_name(g.place, p.place)),
    )


def _participants_overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    sa, sb = {_norm(x) for x in a}, {_norm(x) for x in b}
    if not sa or not sb:
        return not sa and not sb
    return len(sa & sb) / min(len(sa), len(sb)) >= PARTICIPANT_OVERLAP


# The match criteria of events and measures, by name: a pair matches when every one holds
# (tariffscope.news.score_breakdown drops them one at a time to show which loses matches).
EVENT_CRITERIA: dict[str, Callable[[Event, Event], bool]] = {
    "kind": lambda g, p: g.kind == p.kind,
    "date": lambda g, p: g.date == p.date,
    "participants": lambda g, p: _participants_overlap(g.participants, p.participants),
}
MEASURE_CRITERIA: dict[str, Callable[[MeasureMention, MeasureMention], bool]] = {
    "target": lambda g, p: g.target == p.target,
    "to_rate": lambda g, p: abs(g.to_rate_pct - p.to_rate_pct) <= RATE_TOLERANCE,
    "effective_date": lambda g, p: g.effective_date == p.effective_date,
    "products": lambda g, p: products_compatible(g.products, p.products),
}


def _by_rule(
    field: str, predicted: Sequence[Any], matched: Sequence[tuple[Any, Any]]
) -> list[RuleScore]:
    hit = {id(p) for _, p in matched}
    counts: dict[str, list[int]] = {}
    for p in predicted:
        tally = counts.setdefault(getattr(p, "rule", None) or "-", [0, 0])
        tally[0 if id(p) in hit else 1] += 1
    return [RuleScore(field, rule, tp, fp) for rule, (tp, fp) in sorted(counts.items())]


def _sum_rules(parts: Iterable[RuleScore]) -> tuple[RuleScore, ...]:
    totals: dict[tuple[str, str], list[int]] = {}
    for r in parts:
        tally = totals.setdefault((r.field, r.rule), [0, 0])
        tally[0] += r.true_positives
        tally[1] += r.false_positives
    return tuple(RuleScore(f, rule, tp, fp) for (f, rule), (tp, fp) in sorted(totals.items()))


def score_article(name: str, gold: Extraction, pred: Extraction) -> ArticleScore:
    """Score one article's prediction against its gold annotation."""
    fields: list[FieldScore] = []
    attrs: Counter[str] = Counter()
    totals: Counter[str] = Counter()

    def tally(attr: str, ok: bool) -> None:
        totals[attr] += 1
        attrs[attr] += int(ok)

    quotes = match_pairs(
        gold.quotes,
        pred.quotes,
        lambda g, p: quote_overlap(g.text, p.text) >= QUOTE_OVERLAP,
        lambda g, p: quote_overlap(g.text, p.text) + 0.1 * same_name(g.speaker, p.speaker),
    )
    for g, p in quotes:
        tally("quotes.speaker", same_name(g.speaker, p.speaker))
        tally("quotes.via", same_name(g.via, p.via))
    fields.append(FieldScore("quotes", len(gold.quotes), len(pred.quotes), len(quotes)))

    measures = match_pairs(
        gold.measures,
        pred.measures,
        lambda g, p: all(same(g, p) for same in MEASURE_CRITERIA.values()),
        lambda g, p: float(g.status == p.status) + 0.5 * float(g.imposer == p.imposer),
    )
    for gm, pm in measures:
        tally("measures.status", gm.status == pm.status)
        tally("measures.imposer", gm.imposer == pm.imposer)
        tally("measures.from_rate", gm.from_rate_pct == pm.from_rate_pct)
    fields.append(FieldScore("measures", len(gold.measures), len(pred.measures), len(measures)))

    events = match_events(gold.events, pred.events)
    for ge, pe in events:
        tally("events.status", ge.status == pe.status)
    fields.append(FieldScore("events", len(gold.events), len(pred.events), len(events)))

    actors = match_pairs(
        gold.actors,
        pred.actors,
        lambda g, p: same_name(g.name, p.name),
        lambda g, p: float(same_name(g.role, p.role)) + float(g.country == p.country),
    )
    for ga, pa in actors:
        tally("actors.role", same_name(ga.role, pa.role))
        tally("actors.country", ga.country == pa.country)
    fields.append(FieldScore("actors", len(gold.actors), len(pred.actors), len(actors)))

    deadlines = match_pairs(
        gold.deadlines, pred.deadlines, lambda g, p: g.date == p.date, lambda g, p: 0.0
    )
    fields.append(FieldScore("deadlines", len(gold.deadlines), len(pred.deadlines), len(deadlines)))
    tally("article.published", gold.article.published == pred.article.published)
    attributes = tuple(AttributeScore(k, attrs[k], totals[k]) for k in sorted(totals))
    rules = _by_rule("events", pred.events, events) + _by_rule("measures", pred.measures, measures)
    return ArticleScore(name, tuple(fields), attributes, tuple(rules))


def score_corpus(pairs: Iterable[tuple[str, Extraction, Extraction]]) -> EvalReport:
    """Micro-averaged scores over ``(name, gold, prediction)`` triples."""
    articles = [score_article(name, gold, pred) for name, gold, pred in pairs]
    fields = []
    for field in FIELDS:
        parts = [f for a in articles for f in a.fields if f.name == field]
        fields.append(
            FieldScore(
                field,
                sum(f.gold for f in parts),
                sum(f.predicted for f in parts),
                sum(f.matched for f in parts),
            )
        )
    names = sorted({a.name for s in articles for a in s.attributes})
    attributes = tuple(
        AttributeScore(
            n,
            sum(a.correct for s in articles for a in s.attributes if a.name == n),
            sum(a.total for s in articles for a in s.attributes if a.name == n),
        )
        for n in names
    )
    rules = _sum_rules(r for a in articles for r in a.rules)
    return EvalReport(tuple(fields), attributes, tuple(articles), rules)
