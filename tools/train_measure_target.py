"""Train the learned measure-target chooser (tariffscope.news._measure_target_model).

Runs the reader once on every story of the given folders (each holds <stem>.txt and
gold/<stem>.json, GUIDELINES.md annotations), keeps every rate's candidate targets and
features, and labels each rate with the gold targets of the story's measures at the same rate
(within 0.05 points); a rate no gold measure has, or whose gold targets are not among its
candidates, is left out of training. Then:

- ``--folds K``: K-fold cross-validation by story (stories sorted by name, story k in fold
  k mod K): for each fold, fit on the other folds, and score the held-out stories' measures
  with the project scorer for the rules, the model and the model as a fallback;
- ``--holdout DIR`` (repeatable): fit on the folders, score the holdout folders the same way;
- ``--out PATH``: fit on all the folders and write the weights (JSON) with their provenance.

Never pass the frozen test split.

    PYTHONPATH=src python tools/train_measure_target.py TRAIN_DIR DEV_DIR --folds 5 \\
        --out src/tariffscope/news/data/measure_target_model.json
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

import _cv
from _gold_stories import RATE_TOLERANCE, Story, field_summary, read_stories, score

from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news._measure_target import TargetChooser
from tariffscope.news._measure_target_model import (
    FEATURE_NAMES,
    MODEL_KINDS,
    Candidate,
    TargetModel,
    finish,
    fit,
    resolved,
)

MODES = ("rules", "model", "fallback", "story")
L2 = 1.0
THRESHOLD = 0.5


def rate_groups(story: Story) -> list[tuple[float, tuple[Candidate, ...], list[str]]]:
    """Every rate's rate, full candidates and the rules' targets, after the story steps."""
    seen: list[tuple[float, tuple[Candidate, ...], list[str]]] = []

    def record_choice(record: MeasureRecord) -> None:
        found = resolved(record.target_candidates)
        if found:
            full = finish(found, record.imposer, record.targets)
            seen.append((record.to_rate, full, list(record.targets)))

    story.merge(record_choice)
    return seen


def examples(story: Story) -> tuple[list[tuple[Candidate, ...]], list[set[str]]]:
    """Candidate groups and gold targets of the rates a gold measure has."""
    groups, labels = [], []
    for rate, found, _ in rate_groups(story):
        gold = {
            g.target for g in story.gold.measures if abs(g.to_rate_pct - rate) <= RATE_TOLERANCE
        }
        if gold & {c.code for c in found}:
            groups.append(found)
            labels.append(gold)
    return groups, labels


def _without(found: tuple[Candidate, ...], drop: frozenset[str]) -> tuple[Candidate, ...]:
    keep = [name not in drop for name in FEATURE_NAMES]
    return tuple(
        Candidate(c.code, tuple(v if k else 0.0 for v, k in zip(c.features, keep, strict=True)))
        for c in found
    )


def train(
    stories: Sequence[Story],
    l2: float = L2,
    drop: frozenset[str] = frozenset(),
    threshold: float = THRESHOLD,
    kind: str = "logistic",
) -> TargetModel:
    """Fit on the stories' labelled rates; features in ``drop`` are left out (weight 0)."""
    groups: list[tuple[Candidate, ...]] = []
    labels: list[set[str]] = []
    for story in stories:
        g, y = examples(story)
        groups += [_without(found, drop) for found in g]
        labels += y
    return fit(groups, labels, l2=l2, threshold=threshold, kind=kind)


def measures_score(
    stories: Sequence[Story], choosers: Mapping[str, TargetModel | None]
) -> dict[str, Any]:
    """Measures F1 (and counts) of ``stories`` under each mode; ``choosers`` by story name."""
    out = {}
    for mode in MODES:
        triples = []
        for story in stories:
            model = choosers.get(story.name)
            chooser = None if mode == "rules" else TargetChooser(mode, model)
            triples.append((story.name, story.gold, story.predicted(chooser)))
        out[mode] = field_summary(score(triples))
    return out


def cross_validate(
    stories: Sequence[Story],
    k: int,
    l2: float = L2,
    drop: frozenset[str] = frozenset(),
    threshold: float = THRESHOLD,
    kind: str = "logistic",
) -> dict[str, Any]:
    return _cv.cross_validate(
        stories, k, lambda fitted_on: train(fitted_on, l2, drop, threshold, kind), measures_score
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = _cv.parser(__doc__)
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--kind", choices=MODEL_KINDS, default="logistic")
    ap.add_argument(
        "--threshold", type=float, default=THRESHOLD, help="probability that keeps a 2nd target"
    )
    ap.add_argument(
        "--drop", default="", help="comma-separated features to leave out (e.g. the rules')"
    )
    args = ap.parse_args(argv)
    drop = frozenset(filter(None, args.drop.split(",")))
    unknown = drop - set(FEATURE_NAMES)
    if unknown:
        ap.error(f"unknown features: {sorted(unknown)}")
    stories = read_stories(args.folders, limit=args.stories)
    labelled = sum(len(examples(s)[0]) for s in stories)
    print(f"{len(stories)} stories, {labelled} labelled rates", file=sys.stderr)
    result: dict[str, Any] = {
        "stories": len(stories),
        "labelled_rates": labelled,
        "l2": args.l2,
        "dropped": sorted(drop),
        "threshold": args.threshold,
        "kind": args.kind,
    }
    if args.folds:
        result["cv"] = cross_validate(stories, args.folds, args.l2, drop, args.threshold, args.kind)
    if args.holdout:
        model = train(stories, args.l2, drop, args.threshold, args.kind)
        held = read_stories(args.holdout, limit=args.stories)
        result["holdout"] = measures_score(held, {s.name: model for s in held})
    facts = {
        "labelled_rates": labelled,
        "how": (
            f"tools/train_measure_target.py: L2-penalised {args.kind} model "
            f"(l2={args.l2}) over every rate's candidate targets, L-BFGS from zero; "
            f"features left out: {sorted(drop) or 'none'}"
        ),
    }
    fit = partial(train, stories, args.l2, drop, args.threshold, args.kind)
    return _cv.finish(args, len(stories), fit, facts, result)


if __name__ == "__main__":
    sys.exit(main())
