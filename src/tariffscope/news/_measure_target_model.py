"""A learned chooser of a measure's target: a logistic model over candidate countries.

Every country or bloc the story names (the lexicon's places, without regions), ``WLD`` and
the imposer the rules read are the candidates of one rate. Each candidate is described by
the features of :data:`FEATURES` (the relation between the rate and the candidate's nearest
mention, the candidate's place in the story, global markers for ``WLD``, and what the rules
chose), and scored by a logistic model (:class:`TargetModel`) fitted on the annotated
stories by ``tools/train_measure_target.py``. The chooser keeps the most likely candidate and
every other one at least as likely as :attr:`TargetModel.threshold` ("tariffs on Mexico and
Canada").

Pure functions over tokens and a frozen per-document :class:`StoryPlaces`; no words of any
one story: prepositions and markers come from the lexicon's ``measure_*`` entries.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
from spacy.tokens import Doc, Span, Token

from tariffscope.news._learned_setting import book_weights
from tariffscope.news._measure_parts import place_spans
from tariffscope.news._syntax import doc_text
from tariffscope.news.lexicon import Lexicon

__all__ = [
    "FEATURES",
    "MODEL_KINDS",
    "WORLD",
    "Candidate",
    "DeferredCandidates",
    "RateCandidates",
    "RateSite",
    "StoryPlaces",
    "TargetModel",
    "candidates",
    "finish",
    "fit",
    "resolved",
    "shipped_model",
    "story_places",
]

WORLD = "WLD"

#: The features of one candidate, in the order of the weight vector, each with why it may
#: tell the target from the other candidates (the model's data; the weights are fitted).
FEATURES: tuple[tuple[str, str], ...] = (
    ("bias_country", "a named country rather than every origin"),
    ("in_rate_phrase", "a mention inside the rate's or the tariff noun's own phrase"),
    ("via_pair_prep", "the mention is under an on/for/against phrase of the rate's words"),
    ("via_from", "the mention is under a 'from' phrase (imports from X)"),
    ("via_importer_prep", "the mention is under a 'to'/'into' phrase (exports to X: importer)"),
    ("possessive", "the mention is a possessor in the rate's phrase (X's tariffs: imposer)"),
    ("demonym_in_phrase", "a demonym in the rate's phrase (Canadian goods: the owner)"),
    ("subject_of_verb", "the mention is in the subject of the verb the tariff noun depends on"),
    ("object_of_verb", "the mention is an object of that verb other than the tariff noun"),
    ("same_clause", "the mention is inside that verb's clause"),
    ("same_sentence", "the mention is in the rate's sentence"),
    ("tree_distance", "dependency arcs to the nearest mention in the sentence (scaled)"),
    ("token_distance", "log tokens to the nearest mention in the sentence (scaled)"),
    ("previous_sentence", "a mention in the sentence before, none in the rate's own"),
    ("same_paragraph", "a mention in the rate's paragraph"),
    ("coordinated", "the mention is coordinated with another place (X and Y)"),
    ("coordinated_in_phrase", "a coordinated mention inside the rate's phrase (on X and Y)"),
    ("closest_rate", "of the sentence's rates, this one is the nearest to the mention (lists)"),
    ("adjacent_rate", "the mention is within three words of the rate and nearest to it"),
    ("farther_rate", "another rate of the sentence is nearer to every mention (lists)"),
    (
        "outside_world_marker",
        "a global marker on the rate's phrase (none in it) or sentence (none in it)",
    ),
    ("crowded_sentence", "a mention in a sentence naming three or more countries"),
    ("is_imposer", "the candidate is the imposer the rules read"),
    ("story_share", "the candidate's mentions over the story's most named country's"),
    (
        "story_top",
        "the candidate is named more often than any other country besides the imposer",
    ),
    ("in_lead", "the candidate is named in the story's first sentence (headline or lead)"),
    ("rules_direct", "the rules read the candidate in the rate's phrase or frame"),
    ("rules_final", "the rules' final choice (after the paragraph and story steps)"),
    ("world_bias", "every origin (WLD)"),
    ("world_marked", "WLD: a global marker or 'all countries' on the rate's phrase"),
    ("world_sentence", "WLD: a global marker on a tariff word of the sentence, or a cap"),
    ("world_unnamed", "WLD: the rate's sentence names no country besides the imposer"),
    ("world_lone_story", "WLD: the story names no country besides the imposer"),
)
FEATURE_NAMES: tuple[str, ...] = tuple(name for name, _ in FEATURES)
_INDEX = {name: k for k, name in enumerate(FEATURE_NAMES)}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """One place the story names: ``iso3`` at tokens ``[start, end)``; ``sent`` is the first
    token of its sentence, ``paragraph`` the character of the newline before it."""

    iso3: str
    kind: str
    start: int
    end: int
    sent: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class StoryPlaces:
    """The places of one story, read once: mentions, counts and the lead's countries, with
    the mentions indexed by sentence and each country's sentences and paragraphs (so that a
    rate's candidates cost as much in a long story as in a short one)."""

    mentions: tuple[PlaceMention, ...]
    counts: Mapping[str, int]
    lead: frozenset[str]
    by_sentence: Mapping[int, tuple[PlaceMention, ...]] = field(default_factory=dict)
    sentences_of: Mapping[str, frozenset[int]] = field(default_factory=dict)
    paragraphs_of: Mapping[str, frozenset[int]] = field(default_factory=dict)
    newlines: tuple[int, ...] = ()

    def paragraph_at(self, char: int) -> int:
        """The character of the newline before ``char`` (-1: none), as ``str.rfind`` gives it."""
        k = bisect_left(self.newlines, char)
        return self.newlines[k - 1] if k else -1

    @classmethod
    def of(cls, mentions: Sequence[PlaceMention], newlines: Sequence[int] = ()) -> StoryPlaces:
        """The places of these mentions, counted and indexed; ``newlines``: the characters
        of the story's line breaks, in order."""
        by_sentence: dict[int, list[PlaceMention]] = {}
        sentences: dict[str, set[int]] = {}
        paragraphs: dict[str, set[int]] = {}
        for m in mentions:
            by_sentence.setdefault(m.sent, []).append(m)
            sentences.setdefault(m.iso3, set()).add(m.sent)
            paragraphs.setdefault(m.iso3, set()).add(m.paragraph)
        return cls(
            tuple(mentions),
            dict(Counter(m.iso3 for m in mentions)),
            frozenset(m.iso3 for m in mentions if m.sent == 0),
            {k: tuple(v) for k, v in by_sentence.items()},
            {k: frozenset(v) for k, v in sentences.items()},
            {k: frozenset(v) for k, v in paragraphs.items()},
            tuple(newlines),
        )


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible target of one rate and its feature vector (in :data:`FEATURE_NAMES` order)."""

    code: str
    features: tuple[float, ...]


def story_places(doc: Doc, lex: Lexicon, skip: Sequence[tuple[int, int]] = ()) -> StoryPlaces:
    """Every country, bloc or capital the story names (regions left out), with counts.

    ``skip``: character ranges that name no party (datelines, photo captions, credit lines),
    left out as the rules' story counts leave them out."""
    sent_of: dict[int, int] = {}
    for sent in doc.sents:
        for i in range(sent.start, sent.end):
            sent_of[i] = sent.start
    # Doc.text is rebuilt from the tokens at each call: read it once
    text = doc_text(doc)
    breaks = StoryPlaces(mentions=(), counts={}, lead=frozenset(), newlines=_newlines(text))
    mentions = [
        PlaceMention(
            iso, kind, start, end, sent_of.get(start, 0), breaks.paragraph_at(doc[start].idx)
        )
        for iso, kind, start, end in place_spans(doc, lex)
        if kind != "region" and not any(a <= doc[start].idx < b for a, b in skip)
    ]
    return StoryPlaces.of(mentions, breaks.newlines)


def _newlines(text: str) -> tuple[int, ...]:
    return tuple(m.start() for m in re.finditer("\n", text))


def _arcs_to(token: Token, targets: set[int], limit: int = 12) -> int | None:
    """Arcs from ``token`` up to the first of ``targets`` among its ancestors (None: none)."""
    steps = 0
    while steps <= limit:
        if token.i in targets:
            return steps
        if token.head.i == token.i:
            return None
        token, steps = token.head, steps + 1
    return None


def _path_preps(token: Token, stop: set[int]) -> set[str]:
    """The prepositions between ``token`` and the first of its ancestors in ``stop``."""
    out: set[str] = set()
    while token.i not in stop and token.head.i != token.i:
        if token.dep_ == "prep" or token.dep_ == "agent":
            out.add(token.lower_)
        token = token.head
    return out


def _tree_distance(a: Token, b: Token) -> int:
    up_a = {t.i: k for k, t in enumerate([a, *a.ancestors])}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in up_a:
            return k + up_a[t.i]
    return 99


def _verb_of(noun: Token) -> Token | None:
    token = noun
    for _ in range(4):
        if token.pos_ in {"VERB", "AUX"}:
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


@dataclass(frozen=True, slots=True)
class RateSite:
    """Where one rate stands: its words, its tariff noun and what the rules read for it."""

    span: Span
    noun: Token
    imposer: str | None
    rule_targets: tuple[str, ...]
    world_marked: bool
    world_sentence: bool
    sentence_rates: tuple[int, ...] = ()  # the first tokens of every rate of the sentence


def _mention_features(site: RateSite, m: PlaceMention, lex: Lexicon) -> dict[str, float]:
    doc = site.span.doc
    token = doc[m.start]
    phrase = {t.i for t in site.noun.subtree} | {t.i for t in site.span.root.subtree}
    anchors = {site.noun.i, site.span.root.i, *range(site.span.start, site.span.end)}
    verb = _verb_of(site.noun)
    f: dict[str, float] = {}
    inside = m.start in phrase
    if inside:
        f["in_rate_phrase"] = 1.0
        preps = _path_preps(token, anchors)
        f["via_pair_prep"] = float(bool(preps & lex.words("measure_pair_preps")))
        f["via_from"] = float("from" in preps)
        f["via_importer_prep"] = float(bool(preps & lex.words("measure_importer_preps")))
        f["possessive"] = float(
            any(t.dep_ == "poss" for t in [token, *token.ancestors][:3] if t.i in phrase)
        )
        f["demonym_in_phrase"] = float(m.kind == "demonym" and not preps)
    if verb is not None and m.start not in phrase:
        for child in verb.children:
            if m.start in {t.i for t in child.subtree}:
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    f["subject_of_verb"] = 1.0
                elif child.dep_ in {"dobj", "dative", "iobj"}:
                    f["object_of_verb"] = 1.0
                elif child.dep_ in {"prep", "agent"}:
                    preps = _path_preps(token, {verb.i})
                    if preps & lex.words("measure_pair_preps"):
                        f["via_pair_prep"] = 1.0
                    if "from" in preps or child.dep_ == "agent":
                        f["via_from"] = 1.0
                    if preps & lex.words("measure_importer_preps"):
                        f["via_importer_prep"] = 1.0
        if _arcs_to(token, {verb.i}) is not None:
            f["same_clause"] = 1.0
    f["coordinated"] = float(
        token.dep_ == "conj" or any(c.dep_ == "conj" for c in doc[m.end - 1].children)
    )
    f["coordinated_in_phrase"] = f["coordinated"] if inside else 0.0
    return f


@dataclass(frozen=True, slots=True)
class RateCandidates:
    """The candidates of one rate as its own reading leaves them: the features that do not
    depend on the imposer or on the rules' story steps (see :func:`finish`)."""

    codes: tuple[str, ...]
    features: tuple[tuple[float, ...], ...]
    sentence_codes: frozenset[str]
    counts: tuple[tuple[str, int], ...]


class DeferredCandidates:
    """A rate's candidates computed on first use: the ``story`` chooser consults them only
    where the rules' answer comes from the story's steps, so most rates never pay for them.
    The rate's site is read when the rate is (its imposer and targets as the rules left
    them then); only the features wait."""

    __slots__ = ("_compute", "_value")

    def __init__(self, compute: Callable[[], RateCandidates]) -> None:
        self._compute: Callable[[], RateCandidates] | None = compute
        self._value: RateCandidates | None = None

    def __deepcopy__(self, memo: dict[int, object]) -> DeferredCandidates:
        # shared, not copied: the result is immutable and the site holds spans of its Doc,
        # which cannot be copied apart from it (the training tools copy the rate records)
        return self

    def get(self) -> RateCandidates:
        """The candidates, computed once."""
        if self._value is None:
            assert self._compute is not None
            self._value, self._compute = self._compute(), None
        return self._value


def resolved(found: RateCandidates | DeferredCandidates | None) -> RateCandidates | None:
    """A record's ``target_candidates``, computed if they were deferred."""
    return found.get() if isinstance(found, DeferredCandidates) else found


def candidates(site: RateSite, story: StoryPlaces, lex: Lexicon) -> RateCandidates:
    """The candidate targets of one rate with their features of the rate's own reading."""
    doc = site.span.doc
    sent = site.span.sent
    previous = doc[sent.start - 1].sent.start if sent.start > 0 else -1
    rate_i = site.span.root.i
    paragraph = story.paragraph_at(site.span.start_char)
    in_sentence = story.by_sentence.get(sent.start, ())
    crowded = len({m.iso3 for m in in_sentence}) >= 3
    codes = list(dict.fromkeys([*story.counts, *([site.imposer] if site.imposer else [])]))
    rows: list[tuple[float, ...]] = []
    for code in codes:
        f: dict[str, float] = {"bias_country": 1.0}
        here = [m for m in in_sentence if m.iso3 == code]
        if here:
            f["same_sentence"] = 1.0
            f["crowded_sentence"] = float(crowded)
            f["tree_distance"] = min(
                1.0, min(_tree_distance(doc[m.start], doc[rate_i]) for m in here) / 10
            )
            f["token_distance"] = min(1.0, math.log1p(min(abs(m.start - rate_i) for m in here)) / 4)
            for m in here:
                for name, value in _mention_features(site, m, lex).items():
                    f[name] = max(f.get(name, 0.0), value)
            others = [r for r in site.sentence_rates if r != site.span.start]
            if others:
                nearest = [
                    abs(m.start - site.span.start) <= min(abs(m.start - r) for r in others)
                    for m in here
                ]
                f["closest_rate"] = float(any(nearest))
                f["farther_rate"] = float(not any(nearest))
                f["adjacent_rate"] = float(
                    any(
                        n and abs(m.start - site.span.start) <= 3
                        for n, m in zip(nearest, here, strict=True)
                    )
                )
            if site.world_marked and not f.get("in_rate_phrase"):
                f["outside_world_marker"] = 1.0
        else:
            f["tree_distance"] = f["token_distance"] = 1.0
            f["outside_world_marker"] = float(site.world_marked or site.world_sentence)
            f["previous_sentence"] = float(previous in story.sentences_of.get(code, ()))
        f["same_paragraph"] = float(paragraph in story.paragraphs_of.get(code, ()))
        f["in_lead"] = float(code in story.lead)
        f["rules_direct"] = float(code in site.rule_targets)
        rows.append(_vector(f))
    world = {
        "world_bias": 1.0,
        "world_marked": float(site.world_marked),
        "world_sentence": float(site.world_sentence),
        "rules_direct": float(WORLD in site.rule_targets),
    }
    rows.append(_vector(world))
    return RateCandidates(
        (*codes, WORLD),
        tuple(rows),
        frozenset(m.iso3 for m in in_sentence),
        tuple(story.counts.items()),
    )


def _vector(values: Mapping[str, float]) -> tuple[float, ...]:
    return tuple(float(values.get(name, 0.0)) for name in FEATURE_NAMES)


def finish(
    found: RateCandidates, imposer: str | None, chosen: Iterable[str]
) -> tuple[Candidate, ...]:
    """The candidates' full feature vectors once the imposer and the rules' final choice are
    known (after the paragraph and story steps of :mod:`tariffscope.news.measure_merge`)."""
    picked = set(chosen)
    others = {c: n for c, n in found.counts if c != imposer}
    top = max(others.values(), default=0)
    # the most named country only when it stands alone at the top: of partners named alike
    # none is the story's own (the first of them named is no likelier a target than the rest)
    leaders = [c for c, n in others.items() if n == top]
    top_code = leaders[0] if len(leaders) == 1 else None
    out = []
    for code, row in zip(found.codes, found.features, strict=True):
        values = list(row)
        values[_INDEX["rules_final"]] = float(code in picked)
        if code == WORLD:
            values[_INDEX["world_unnamed"]] = float(not (found.sentence_codes - {imposer}))
            values[_INDEX["world_lone_story"]] = float(not others)
        else:
            values[_INDEX["is_imposer"]] = float(code == imposer)
            values[_INDEX["story_share"]] = others.get(code, 0) / top if top else 0.0
            values[_INDEX["story_top"]] = float(code == top_code)
        out.append(Candidate(code, tuple(values)))
    return tuple(out)


#: How the weights turn into probabilities: a logistic score per candidate, or a ranking
#: (conditional logit: a softmax over the rate's candidates).
MODEL_KINDS = ("logistic", "ranking")


@dataclass(frozen=True)
class TargetModel:
    """Weights over :data:`FEATURE_NAMES`, the kind of model (:data:`MODEL_KINDS`) and the
    threshold that keeps a target besides the most likely one: its probability (logistic)
    or its probability relative to the most likely one's (ranking)."""

    weights: tuple[float, ...]
    threshold: float = 0.5
    kind: str = "logistic"
    features: tuple[str, ...] = FEATURE_NAMES

    def probabilities(self, found: Sequence[Candidate]) -> list[float]:
        """The probability of each candidate being a target (ranking: of being the target)."""
        if not found:
            return []
        x = np.array([c.features for c in found], dtype=float)
        z = x @ np.array(self.weights, dtype=float)
        if self.kind == "ranking":
            e = np.exp(z - z.max())
            return [float(v) for v in e / e.sum()]
        return [float(v) for v in 1.0 / (1.0 + np.exp(-z))]

    def margin(self, found: Sequence[Candidate], imposer: str | None = None) -> float:
        """How far the most likely candidate other than the imposer stands above the next:
        the difference of their probabilities (1.0 for a lone candidate, 0.0 for none)."""
        ranked = sorted(
            (p for p, c in zip(self.probabilities(found), found, strict=True) if c.code != imposer),
            reverse=True,
        )
        if not ranked:
            return 0.0
        return ranked[0] - (ranked[1] if len(ranked) > 1 else 0.0)

    def choose(self, found: Sequence[Candidate], imposer: str | None = None) -> list[str]:
        """The most likely candidate other than the imposer, and every other one named in a
        coordination that passes the threshold."""
        scored = [
            (p, c.code, c.features[_INDEX["coordinated"]] > 0)
            for p, c in zip(self.probabilities(found), found, strict=True)
            if c.code != imposer
        ]
        if not scored:
            return []
        scored.sort(key=lambda item: -item[0])
        best = scored[0][0]
        bar = self.threshold * best if self.kind == "ranking" else self.threshold
        # a second target is one of several places named together ("on X and Y", "X, Y and
        # Z"): a lone mention is a rival of the first, not a partner of it
        return [scored[0][1], *[code for p, code, joined in scored[1:] if joined and p >= bar]]

    def to_dict(self) -> dict[str, object]:
        """JSON form: feature names with their weights, the kind and the threshold."""
        return {
            "kind": self.kind,
            "threshold": self.threshold,
            "weights": {n: w for n, w in zip(self.features, self.weights, strict=True)},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> TargetModel:
        """Inverse of :meth:`to_dict` (a feature without a weight weighs 0)."""
        weights = data["weights"]
        if not isinstance(weights, Mapping):
            raise ValueError("measure target model: 'weights' is not an object")
        kind = str(data.get("kind", "logistic"))
        if kind not in MODEL_KINDS:
            raise ValueError(f"measure target model kind {kind!r}: expected one of {MODEL_KINDS}")
        return cls(
            tuple(float(weights.get(n, 0.0)) for n in FEATURE_NAMES),
            float(data.get("threshold", 0.5)),  # type: ignore[arg-type]
            kind,
        )


def shipped_model() -> TargetModel:
    """The weights shipped in ``news/data/measure_target_model.json``."""
    return book_weights(None, "measure_target_model.json", TargetModel.from_dict)


def fit(
    groups: Sequence[Sequence[Candidate]],
    labels: Sequence[Iterable[str]],
    *,
    l2: float = 1.0,
    threshold: float = 0.5,
    kind: str = "logistic",
) -> TargetModel:
    """Fit the weights on candidate groups and their gold targets: L2-penalised log-loss of
    each candidate (logistic) or of the gold targets' share of each group's softmax
    (ranking), minimised by L-BFGS from zero (deterministic)."""
    from scipy.optimize import minimize

    if kind not in MODEL_KINDS:
        raise ValueError(f"measure target model kind {kind!r}: expected one of {MODEL_KINDS}")
    blocks = [
        (
            np.array([c.features for c in found], dtype=float),
            np.array([float(c.code in set(gold)) for c in found]),
        )
        for found, gold in zip(groups, labels, strict=True)
        if found
    ]
    if not blocks:
        return TargetModel(tuple(0.0 for _ in FEATURE_NAMES), threshold, kind)
    x = np.vstack([b[0] for b in blocks])
    y = np.concatenate([b[1] for b in blocks])

    def logistic(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        value = float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * w @ w)
        p = 1.0 / (1.0 + np.exp(-z))
        return value, x.T @ (p - y) + l2 * w

    def ranking(w: np.ndarray) -> tuple[float, np.ndarray]:
        value, grad = 0.5 * l2 * float(w @ w), l2 * w
        for xb, yb in blocks:
            if not yb.any():
                continue
            z = xb @ w
            z = z - z.max()
            e = np.exp(z)
            every, wanted = e / e.sum(), e * yb / (e * yb).sum()
            value += float(np.log(e.sum()) - np.log((e * yb).sum()))
            grad = grad + xb.T @ (every - wanted)
        return value, grad

    loss = ranking if kind == "ranking" else logistic
    result = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B")
    return TargetModel(tuple(round(float(v), 6) for v in result.x), threshold, kind)
