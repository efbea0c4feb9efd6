"""A learned measure status: a multinomial logistic model over the features of a rate's clause.

Each rate is described by the features of :data:`FEATURES`: the status clues the rules read
(:class:`tariffscope.news.measure_status.StatusClues`, reused, not recomputed), the tense,
aspect and modality of the verb that governs the rate, negation, a condition or a threat
noun in the sentence, a deal word nearby, whether the rate stands in a quotation, where its
dates fall against the story's date, and whether it is reported as a change from another
rate. :class:`StatusModel` turns them into a probability per status of
:data:`tariffscope.domain.news.MEASURE_STATUSES` (a softmax of one linear score per status),
fitted by :func:`fit` (L2-penalised, L-BFGS from zero: deterministic) on the annotated
stories by ``tools/train_measure_status.py``.

Pure functions over tokens and a frozen :class:`StatusSite`; the words (auxiliaries,
conditions, threats, deals) are the lexicon's ``measure_status_*`` entries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.tokens import Span, Token

from tariffscope.domain.news import MEASURE_STATUSES
from tariffscope.news._learned_setting import book_weights
from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.measure_status import StatusClues

__all__ = [
    "CLUE_FIELDS",
    "FEATURES",
    "FEATURE_NAMES",
    "STATUSES",
    "StatusModel",
    "StatusSite",
    "clause_verb",
    "complete",
    "fit",
    "shipped_model",
    "status_features",
    "with_rules",
]

STATUSES: tuple[str, ...] = MEASURE_STATUSES

_CLUE_FEATURES: tuple[tuple[str, str], ...] = (
    ("clue_zero", "the rate is zero (a removal's new rate)"),
    ("clue_removal", "a removal, pause or exemption word governs the rate"),
    ("clue_removal_asked", "... but the removal is only asked for"),
    ("clue_cut", "the rate is a cut from a higher one"),
    ("clue_past_verb", "the verb acting on the measure is a past tense or participle"),
    ("clue_verb_imposes", "the verb acting on the measure imposes (set, impose, slap)"),
    ("clue_has_verb", "a verb that acts on a measure governs the rate"),
    ("clue_continuing", "continuity: 'currently', 'remains', 'in place'"),
    ("clue_took_effect", "an effect verb in the past ('took effect', 'kicked in')"),
    ("clue_proposed", "an offer or demand word on the rate's path"),
    ("clue_threat", "a threat word, a condition or 'ahead of' frames the rate"),
    ("clue_deal_verb", "a settled deal verb governs the rate"),
    ("clue_deal_near", "a deal word in the sentence or the one before, not negated"),
    ("clue_deal_in_sentence", "a deal word anywhere in the sentence"),
    ("clue_effective_later", "the effective date is after publication"),
    ("clue_pending", "a date ahead is attached to the rate, unresolved"),
    ("clue_enacted", "the rate is set in a clause of a legal act"),
)

#: The features of one rate, in the order of each status's weight vector, each with why it
#: may tell one status from another (the model's data; the weights are fitted).
FEATURES: tuple[tuple[str, str], ...] = (
    ("bias", "the prior of each status"),
    *_CLUE_FEATURES,
    ("way_past", "the measure verb (or its governor) points to the past"),
    ("way_ahead", "the measure verb looks ahead (future, modal, plan)"),
    ("verb_present", "the governing verb is a finite present tense"),
    ("verb_perfect", "a perfect auxiliary (has/have/had) on the governing verb"),
    ("verb_passive", "a passive auxiliary on the governing verb"),
    ("verb_infinitive", "the governing verb is an infinitive ('to impose')"),
    ("verb_gerund", "the governing verb is a gerund or present participle"),
    ("aux_future", "a future auxiliary (will, shall) on the governing verb"),
    ("aux_modal", "a hypothetical modal (would, could, may) on the governing verb"),
    ("negated", "a negation on the rate's path to its clause head"),
    ("condition_in_sentence", "a condition word in the sentence (if, unless)"),
    ("threat_in_sentence", "a threat word anywhere in the sentence"),
    ("threat_in_previous", "a threat word in the sentence before"),
    ("deal_in_previous", "a deal word in the sentence before"),
    ("in_quote", "the rate stands in a quotation (a speaker's words, not narration)"),
    ("effective_none", "the rate has no effective date"),
    ("effective_before", "the effective date is on or before publication"),
    ("date_later_in_sentence", "a resolved date of the sentence is after publication"),
    ("date_earlier_in_sentence", "a resolved date of the sentence is before publication"),
    ("change_from_rate", "the rate is reported as a change from another rate"),
    ("change_rise", "the change is a rise"),
    ("headline", "the rate stands in a headline or bullet (terse grammar)"),
    ("lead_sentence", "the rate stands in the story's first sentence"),
    ("announced", "the verb over the rate reports an announcement or a statement"),
    ("story_same_rate_later", "another mention of the rate in the story takes effect later"),
    *(
        (f"story_same_rate_{status}", f"the rules read another mention of the rate as {status}")
        for status in STATUSES
    ),
    *(
        (f"rules_{status}", f"the rules' status, after their story steps, is {status}")
        for status in STATUSES
    ),
)
FEATURE_NAMES: tuple[str, ...] = tuple(name for name, _ in FEATURES)


@dataclass(frozen=True, slots=True)
class StatusSite:
    """What the status model reads of one rate besides its clues."""

    span: Span
    noun: Token
    verb: Token | None  # the verb the rate's clause hangs on (None: a verbless line)
    from_rate: float | None
    to_rate: float
    effective: str | None
    anchor: dt.date | None
    dates: tuple[tuple[int, str | None], ...]  # (start character, ISO date) of the story
    quotes: tuple[tuple[int, int], ...]  # character ranges of the story's quotations
    headline: bool


def clause_verb(span: Span, noun: Token) -> Token | None:
    """The first verb above the rate or its tariff noun: the verb whose tense tells when."""
    for token in [*span.root.ancestors, *noun.ancestors]:
        if token.pos_ in {"VERB", "AUX"}:
            return token
    return None


def _auxes(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}}


def _has_word(tokens: Span | None, words: frozenset[str]) -> bool:
    return tokens is not None and any(
        t.lemma_.lower() in words or t.lower_ in words for t in tokens
    )


def status_features(site: StatusSite, clues: StatusClues, lex: Lexicon) -> tuple[float, ...]:
    """The feature vector of one rate (in :data:`FEATURE_NAMES` order)."""
    f: dict[str, float] = {"bias": 1.0}
    for (name, _), field in zip(_CLUE_FEATURES, CLUE_FIELDS, strict=True):
        f[name] = float(getattr(clues, field))
    f["way_past"] = float(clues.way < 0)
    f["way_ahead"] = float(clues.way > 0)
    verb = site.verb
    if verb is not None:
        auxes = _auxes(verb)
        f["verb_present"] = float(verb.tag_ in {"VBZ", "VBP"} and not auxes)
        f["verb_perfect"] = float(bool(auxes & lex.words("measure_status_perfect_aux")))
        f["verb_passive"] = float(any(c.dep_ == "auxpass" for c in verb.children))
        f["verb_infinitive"] = float(verb.tag_ == "VB" and "to" in auxes)
        f["verb_gerund"] = float(verb.tag_ == "VBG")
        f["aux_future"] = float(bool(auxes & lex.words("measure_status_future_aux")))
        f["aux_modal"] = float(bool(auxes & lex.words("measure_status_modal_aux")))
    path = [site.span.root, *list(site.span.root.ancestors)[:4]]
    f["negated"] = float(any(c.dep_ == "neg" for t in path for c in t.children))
    sent = site.span.sent
    doc = sent.doc
    previous = doc[sent.start - 1].sent if sent.start > 0 else None
    threat = lex.words("measure_status_threat") - lex.words("measure_status_conditions")
    f["condition_in_sentence"] = float(_has_word(sent, lex.words("measure_status_conditions")))
    f["threat_in_sentence"] = float(_has_word(sent, threat))
    f["threat_in_previous"] = float(_has_word(previous, threat))
    f["deal_in_previous"] = float(_has_word(previous, lex.words("measure_status_deal")))
    start = site.span.start_char
    f["in_quote"] = float(any(a <= start < b for a, b in site.quotes))
    anchor = site.anchor
    f["effective_none"] = float(site.effective is None)
    if site.effective is not None and anchor is not None:
        f["effective_before"] = float(dt.date.fromisoformat(site.effective) <= anchor)
    if anchor is not None:
        resolved = [
            dt.date.fromisoformat(iso[:10])
            for at, iso in site.dates
            if iso and sent.start_char <= at < sent.end_char
        ]
        f["date_later_in_sentence"] = float(any(d > anchor for d in resolved))
        f["date_earlier_in_sentence"] = float(any(d < anchor for d in resolved))
    f["change_from_rate"] = float(site.from_rate is not None)
    f["change_rise"] = float(site.from_rate is not None and site.from_rate < site.to_rate)
    f["headline"] = float(site.headline)
    f["lead_sentence"] = float(sent.start == 0)
    f["announced"] = float(
        verb is not None and verb.lemma_.lower() in lex.words("measure_status_past_report")
    )
    return tuple(float(f.get(name, 0.0)) for name in FEATURE_NAMES)


def with_rules(features: Sequence[float], status: str) -> tuple[float, ...]:
    """A rate's features with the rules' final status filled in (read after the story steps
    of :mod:`tariffscope.news.measures`, when the model is applied)."""
    out = list(features)
    out[FEATURE_NAMES.index(f"rules_{status}")] = 1.0
    return tuple(out)


_LATER = FEATURE_NAMES.index("clue_effective_later")
_SAME_RATE = 0.05  # points: two mentions of one rate (the scorer's tolerance)


def complete(records: Sequence[MeasureRecord]) -> list[tuple[float, ...] | None]:
    """The full features of each rate record of one story (None: a record without features):
    its own, the rules' final status, and what the story's other mentions of the same rate
    say (an effective date ahead, the rules' status of each)."""
    read = [r for r in records if r.status_features is not None]
    out: list[tuple[float, ...] | None] = []
    for record in records:
        features = record.status_features
        if features is None:
            out.append(None)
            continue
        row = list(with_rules(features, record.status))
        for other in read:
            if other is record or abs(other.to_rate - record.to_rate) > _SAME_RATE:
                continue
            row[FEATURE_NAMES.index(f"story_same_rate_{other.status}")] = 1.0
            if other.status_features is not None and other.status_features[_LATER]:
                row[FEATURE_NAMES.index("story_same_rate_later")] = 1.0
        out.append(tuple(row))
    return out


#: The :class:`StatusClues` field of each ``clue_*`` feature.
CLUE_FIELDS: tuple[str, ...] = tuple(name.removeprefix("clue_") for name, _ in _CLUE_FEATURES)


@dataclass(frozen=True)
class StatusModel:
    """One weight vector over :data:`FEATURE_NAMES` per status of :attr:`statuses`."""

    statuses: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]
    features: tuple[str, ...] = FEATURE_NAMES

    def probabilities(self, features: Sequence[float]) -> dict[str, float]:
        """The probability of each status for one rate's features."""
        z = np.array(self.weights) @ np.array(features, dtype=float)
        e = np.exp(z - z.max())
        p = e / e.sum()
        return {s: float(v) for s, v in zip(self.statuses, p, strict=True)}

    def choose(self, features: Sequence[float]) -> str:
        """The most likely status (ties: the earlier in :attr:`statuses`)."""
        p = self.probabilities(features)
        return max(self.statuses, key=lambda s: p[s])

    def to_dict(self) -> dict[str, Any]:
        """JSON form: for each status, its weight per feature name."""
        return {
            "statuses": list(self.statuses),
            "weights": {
                s: {n: w for n, w in zip(self.features, row, strict=True)}
                for s, row in zip(self.statuses, self.weights, strict=True)
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> StatusModel:
        """Inverse of :meth:`to_dict` (a feature without a weight weighs 0)."""
        statuses = tuple(str(s) for s in data["statuses"])
        unknown = set(statuses) - set(STATUSES)
        if unknown or not statuses:
            raise ValueError(f"measure status model: unknown statuses {sorted(unknown)}")
        weights = data["weights"]
        if not isinstance(weights, Mapping):
            raise ValueError("measure status model: 'weights' is not an object")
        rows = []
        for s in statuses:
            row = weights[s]
            if not isinstance(row, Mapping):
                raise ValueError(f"measure status model: weights of {s!r} are not an object")
            rows.append(tuple(float(row.get(n, 0.0)) for n in FEATURE_NAMES))
        return cls(statuses, tuple(rows))


def shipped_model() -> StatusModel:
    """The weights shipped in ``news/data/measure_status_model.json``."""
    return book_weights(None, "measure_status_model.json", StatusModel.from_dict)


def fit(
    rows: Sequence[Sequence[float]],
    labels: Sequence[str],
    *,
    l2: float = 1.0,
    rules_prior: float = 0.0,
    statuses: tuple[str, ...] = STATUSES,
) -> StatusModel:
    """Fit one weight vector per status: multinomial log-loss plus an L2 penalty (the bias
    too) on the distance from a prior that repeats the rules (weight ``rules_prior`` of each
    ``rules_<status>`` feature on its own status; 0: a penalty toward zero), minimised by
    L-BFGS from the prior (deterministic). A strong penalty keeps the rules' choice; a weak
    one lets the data overrule it."""
    from scipy.optimize import minimize

    width = len(FEATURE_NAMES)
    prior = np.zeros((len(statuses), width))
    for k, status in enumerate(statuses):
        prior[k, FEATURE_NAMES.index(f"rules_{status}")] = rules_prior
    if not rows:
        return _model(statuses, prior)
    x = np.array(rows, dtype=float)
    index = {s: k for k, s in enumerate(statuses)}
    y = np.zeros((len(labels), len(statuses)))
    for row, label in enumerate(labels):
        y[row, index[label]] = 1.0

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        w = flat.reshape(len(statuses), width)
        z = x @ w.T
        z = z - z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        gap = w - prior
        value = float(-(y * log_p).sum() + 0.5 * l2 * (gap * gap).sum())
        grad = (np.exp(log_p) - y).T @ x + l2 * gap
        return value, grad.ravel()

    result = minimize(loss, prior.ravel(), jac=True, method="L-BFGS-B")
    return _model(statuses, result.x.reshape(len(statuses), width))


def _model(statuses: tuple[str, ...], w: np.ndarray) -> StatusModel:
    return StatusModel(statuses, tuple(tuple(round(float(v), 6) for v in row) for row in w))
