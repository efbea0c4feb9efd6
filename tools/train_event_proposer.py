"""Train the learned event proposer (tariffscope.news._event_proposer).

Runs the reader once on every story of the given folders (tools/_gold_stories.py: each holds
<stem>.txt and gold/<stem>.json, GUIDELINES.md annotations) and keeps, per sentence the events
component reads, the proposer's features, the kinds the rules' events cover and the event the
proposer would add for every other kind. Labels: each gold event is placed in the sentence
holding its cues (tariffscope.news.sentence_kinds.locate_event: its date text, two
participants, or its place and one participant); a sentence is positive for the kinds of the
gold events placed in it, and planned when one of them is. Each kind's model is fitted on the
sentences where the rules cover that kind not (where it would decide); lemma features seen in
fewer than ``--min-stories`` training stories are left out. Then:

- ``--folds K``: K-fold cross-validation by story for every L2 of ``--l2`` and threshold of
  ``--thresholds`` (one threshold for every kind): events F1 pooled over the held-out
  stories with the proposer's events added to the rules' events, against the rules alone;
  the best pair by F1 is reported (the rules alone if nothing beats them);
- ``--holdout DIR`` (repeatable): fit on the folders (the chosen L2 and threshold), score the
  holdout folders' aggregate with and without the proposer;
- ``--out PATH``: fit on all the folders and write the weights (JSON) with their provenance.

Never pass the frozen test split.

    PYTHONPATH=src python tools/train_event_proposer.py /tmp/train_A ../shared/articles/dev \\
        --folds 5 --out src/tariffscope/news/data/event_proposer_model.json
"""

from __future__ import annotations

import dataclasses
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import _cv
from _gold_stories import Story, field_summary, read_stories, score

from tariffscope.domain.news import Event, Extraction
from tariffscope.news._binary_logistic import fit
from tariffscope.news._event_proposer import PROPOSED_KINDS, ProposerModel
from tariffscope.news.scoring import match_events
from tariffscope.news.sentence_kinds import GoldEventCues, locate_event
from tariffscope.tracker._law_dating import catalog_law

L2S = (1.0, 3.0, 10.0)
THRESHOLDS = (0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5)
MIN_STORIES = 3


@dataclasses.dataclass(frozen=True)
class Labels:
    """Per sentence of a story, the kinds of the gold events placed in it and whether one
    of them is planned; and how many gold events were placed."""

    kinds: tuple[frozenset[str], ...]
    planned: tuple[bool, ...]
    located: int
    total: int


def labels(story: Story) -> Labels:
    """The story's sentence labels from its gold events."""
    spans = [(s.start, s.end) for s in story.sentences]
    kinds: list[set[str]] = [set() for _ in spans]
    planned = [False] * len(spans)
    located = 0
    for event in story.gold.events:
        at = locate_event(story.text, spans, GoldEventCues.from_gold(event.to_dict()))
        if at is None:
            continue
        located += 1
        kinds[at].add(event.kind)
        planned[at] = planned[at] or event.status == "planned"
    return Labels(
        tuple(frozenset(k) for k in kinds), tuple(planned), located, len(story.gold.events)
    )


def _frequent(stories: Sequence[Story], min_stories: int) -> set[str]:
    """The lemma features seen in at least ``min_stories`` of the stories."""
    seen: Counter[str] = Counter()
    for s in stories:
        seen.update({n for row in s.sentences for n in row.features if n.startswith("lemma=")})
    return {n for n, c in seen.items() if c >= min_stories}


def _row(features: Mapping[str, float], frequent: set[str]) -> dict[str, float]:
    return {n: v for n, v in features.items() if not n.startswith("lemma=") or n in frequent}


def train(
    stories: Sequence[Story],
    l2: float,
    threshold: float = 0.5,
    min_stories: int = MIN_STORIES,
    every_sentence: bool = False,
) -> ProposerModel:
    """Fit each kind's model and the status model on the stories (each kind's model on the
    sentences where the rules cover it not, or on ``every_sentence``)."""
    frequent = _frequent(stories, min_stories)
    labelled = [(s, labels(s)) for s in stories]
    kinds = {}
    for kind in PROPOSED_KINDS:
        rows, ys = [], []
        for s, lab in labelled:
            for sent, found in zip(s.sentences, lab.kinds, strict=True):
                if every_sentence or kind not in sent.covered:
                    rows.append(_row(sent.features, frequent))
                    ys.append(kind in found)
        kinds[kind] = fit(rows, ys, l2=l2, threshold=threshold)
    rows, ys = [], []
    for s, lab in labelled:
        for sent, found, plan in zip(s.sentences, lab.kinds, lab.planned, strict=True):
            if found:
                rows.append(_row(sent.features, frequent))
                ys.append(plan)
    return ProposerModel(kinds, fit(rows, ys, l2=l2, threshold=0.5))


def proposed(story: Story, model: ProposerModel | None) -> list[Event]:
    """The events the proposer adds to the story (none without a model)."""
    if model is None:
        return []
    out = []
    for sent in story.sentences:
        kinds = model.proposed(sent.features, sent.covered)
        status = model.status(sent.features)
        out += [dataclasses.replace(sent.events[k], status=status) for k in kinds]
    return out


def with_proposals(story: Story, model: ProposerModel | None) -> Extraction:
    """The story's extraction with the proposer's events added."""
    added = tuple(proposed(story, model))
    return dataclasses.replace(story.pred, events=story.pred.events + added)


def counts(story: Story, model: ProposerModel | None) -> tuple[int, int, int, int, int]:
    """Gold, predicted and matched events of the story, and added and matched added."""
    added = proposed(story, model)
    events = [*story.pred.events, *added]
    pairs = match_events(story.gold.events, events)
    ids = {id(e) for e in added}
    hit = sum(1 for _, p in pairs if id(p) in ids)
    return len(story.gold.events), len(events), len(pairs), len(added), hit


def f1_of(total: Sequence[int]) -> dict[str, float]:
    gold, pred, matched = total[:3]
    p = matched / pred if pred else 0.0
    r = matched / gold if gold else 0.0
    out = {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "matched/predicted/gold": f"{matched}/{pred}/{gold}",
    }
    if len(total) > 3:
        out["added (matched)"] = f"{total[3]} ({total[4]})"
    return out


def _sum(rows: Sequence[Sequence[int]]) -> list[int]:
    return [sum(col) for col in zip(*rows, strict=True)] if rows else [0] * 5


def cross_validate(
    stories: Sequence[Story], k: int, l2s: Sequence[float], thresholds: Sequence[float]
) -> dict[str, Any]:
    """Events F1 pooled over the held-out folds: the rules, and every (L2, threshold)."""
    rules = f1_of(_sum([counts(s, None) for s in stories]))
    grid: dict[str, Any] = {}
    best: dict[str, Any] = {"f1": rules["f1"], "l2": None, "threshold": None}
    for l2 in l2s:
        models, _ = _cv.held_out_models(stories, k, lambda on, l2=l2: train(on, l2))
        for t in thresholds:
            total = _sum([counts(s, _with_threshold(models[s.name], t)) for s in stories])
            result = f1_of(total)
            grid[f"l2={l2} threshold={t}"] = result
            if result["f1"] > best["f1"]:
                best = {"f1": result["f1"], "l2": l2, "threshold": t}
    return {"rules": rules, "grid": grid, "best": best}


def _with_threshold(model: ProposerModel, threshold: float) -> ProposerModel:
    kinds = {k: m.with_threshold(threshold) for k, m in model.kinds.items()}
    return ProposerModel(kinds, model.planned)


def holdout_scores(stories: Sequence[Story], model: ProposerModel) -> dict[str, Any]:
    """Aggregate fields of the holdout stories without and with the proposer."""
    out: dict[str, Any] = {}
    for name, m in (("rules", None), ("proposer", model)):
        report = score([(s.name, s.gold, with_proposals(s, m)) for s in stories])
        out[name] = {f: field_summary(report, f) for f in ("events", "measures", "deadlines")}
        out[name]["events_counts"] = f1_of(_sum([counts(s, m) for s in stories]))
    return out


def alignment(stories: Sequence[Story]) -> dict[str, Any]:
    """How the labels were found: gold events placed, and placed in a sentence where the
    rules kept an event of the same kind."""
    located = total = covered = 0
    for s in stories:
        lab = labels(s)
        located += lab.located
        total += lab.total
        covered += sum(
            len(found & sent.covered) for sent, found in zip(s.sentences, lab.kinds, strict=True)
        )
    return {"gold_events": total, "placed": located, "placed_where_rules_cover_kind": covered}


def oracle(stories: Sequence[Story]) -> dict[str, float]:
    """Events F1 if the proposer found exactly the labels (every uncovered kind of a placed
    gold event in its sentence): what the events it builds can reach at best."""
    rows = []
    for s in stories:
        lab = labels(s)
        added = [
            sent.events[k]
            for sent, found in zip(s.sentences, lab.kinds, strict=True)
            for k in sorted(found - sent.covered)
            if k in sent.events
        ]
        events = [*s.pred.events, *added]
        pairs = match_events(s.gold.events, events)
        ids = {id(e) for e in added}
        hit = sum(1 for _, p in pairs if id(p) in ids)
        rows.append((len(s.gold.events), len(events), len(pairs), len(added), hit))
    return f1_of(_sum(rows))


def main(argv: Sequence[str] | None = None) -> int:
    ap = _cv.parser(__doc__)
    ap.add_argument("--l2", default=",".join(map(str, L2S)), help="L2 weights, comma-separated")
    ap.add_argument(
        "--thresholds", default=",".join(map(str, THRESHOLDS)), help="thresholds, comma-separated"
    )
    args = ap.parse_args(argv)
    l2s = [float(v) for v in args.l2.split(",")]
    thresholds = [float(v) for v in args.thresholds.split(",")]
    stories = read_stories(args.folders, catalog_law, args.stories)
    result: dict[str, Any] = {
        "stories": len(stories),
        "labels": alignment(stories),
        "oracle": oracle(stories),
    }
    l2, threshold = l2s[0], thresholds[0]
    if args.folds:
        cv = cross_validate(stories, args.folds, l2s, thresholds)
        result["cv"] = cv
        if cv["best"]["l2"] is not None:
            l2, threshold = cv["best"]["l2"], cv["best"]["threshold"]
        else:  # nothing beats the rules: the most cautious model of the grid
            l2, threshold = max(l2s), max(thresholds)
    result["chosen"] = {"l2": l2, "threshold": threshold}
    model = train(stories, l2, threshold)
    if args.holdout:
        held = read_stories(args.holdout, catalog_law, args.stories)
        result["holdout"] = holdout_scores(held, model)
    facts = {
        **result["labels"],
        "date": date.today().isoformat(),
        "how": (
            f"tools/train_event_proposer.py --folds {args.folds}: per kind an "
            f"L2-penalised binary logistic model (news/_binary_logistic.fit, l2={l2}) "
            "over the features of the sentences where the rules keep no event of the "
            "kind, labelled by the gold events placed in them (sentence_kinds."
            f"locate_event); threshold {threshold} for every kind; a status model over "
            "the sentences holding a placed gold event; L2 and threshold chosen by "
            f"{args.folds}-fold CV by story maximising events F1"
            + (
                ""
                if result.get("cv", {}).get("best", {}).get("l2") is not None
                else " (none beat the rules: the largest L2 and threshold of the grid)"
            )
        ),
    }
    return _cv.finish(args, len(stories), lambda: model, facts, result)


if __name__ == "__main__":
    sys.exit(main())
