"""Train the learned actor filter (tariffscope.news.actor_filter, features in
tariffscope.news._actor_filter_model).

Runs the reader once on every story of the given folders (tools/_gold_stories.py: each holds
<stem>.txt and gold/<stem>.json, GUIDELINES.md annotations) and keeps the rules' actors with
their features. A candidate is labelled right when a gold actor has the same name by the
scorer's rule (tariffscope.news.scoring.same_name). The weights are fitted with the shared
binary model (tariffscope.news._binary_logistic). Then:

- ``--folds K``: K-fold cross-validation by story (tools/_gold_stories.folds) for each L2 of
  ``--l2``; the held-out probabilities are pooled and the threshold of ``--thresholds`` that
  maximises the pooled actors F1 is chosen (a speaker is always kept, as in the reader); the
  best (L2, threshold) is reported with the scores of the rules and of the model;
- ``--holdout DIR`` (repeatable): fit on the folders with the chosen (or given) L2 and
  threshold, score the holdout folders (aggregate numbers only);
- ``--out PATH``: fit on all the folders and write the weights (JSON) with their provenance.

Never pass the frozen test split.

    PYTHONPATH=src python tools/train_actor_filter.py TRAIN_A DEV --folds 5 \\
        --holdout TRAIN_B --out src/tariffscope/news/data/actor_filter_model.json
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import _cv
from _gold_stories import Story, field_summary, read_stories, score

from tariffscope.news._binary_logistic import BinaryModel, fit
from tariffscope.news.scoring import same_name

L2S = (0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(0.05 * k, 2) for k in range(1, 20))


def labels(story: Story) -> list[bool]:
    """Whether each of the story's rules' actors matches a gold actor by name."""
    return [
        any(same_name(g.name, p["name"]) for g in story.gold.actors) for p, _ in story.actor_rows
    ]


def train(stories: Sequence[Story], l2: float, threshold: float = 0.5) -> BinaryModel:
    rows = [features for s in stories for _, features in s.actor_rows]
    return fit(rows, [y for s in stories for y in labels(s)], l2=l2, threshold=threshold)


def keep(model: BinaryModel | None, features: Mapping[str, float]) -> bool:
    """The reader's decision (tariffscope.news.actor_filter.ActorFilter.keeps)."""
    return model is None or bool(features.get("speaker")) or model.keep(features)


def summary(stories: Sequence[Story], models: Mapping[str, BinaryModel | None]) -> dict[str, Any]:
    """Actors F1 (P/R), role and country accuracy and speaker accuracy with each story's
    model (None: the rules)."""
    triples = [
        (
            s.name,
            s.gold,
            s.with_actors([keep(models.get(s.name), f) for _, f in s.actor_rows]),
        )
        for s in stories
    ]
    report = score(triples)
    out = field_summary(report, "actors")
    for name in ("actors.role", "actors.country", "quotes.speaker"):
        attribute = report.attribute(name)
        out[name] = round(attribute.accuracy, 3) if attribute.total else None
    return out


def cross_validate(
    stories: Sequence[Story], k: int, l2s: Sequence[float], thresholds: Sequence[float]
) -> dict[str, Any]:
    """For each L2 and threshold, the pooled held-out scores; the best by actors F1 (ties:
    the larger L2, then the lower threshold, the simpler model that drops less)."""
    results: dict[str, Any] = {}
    best: tuple[float, float, float] | None = None
    for l2 in l2s:
        fitted, _ = _cv.held_out_models(stories, k, lambda fitted_on, l2=l2: train(fitted_on, l2))
        for threshold in thresholds:
            models = {n: m.with_threshold(threshold) for n, m in fitted.items()}
            result = summary(stories, models)
            results[f"l2={l2} threshold={threshold}"] = result
            key = (result["f1"], l2, -threshold)
            if best is None or key > best:
                best = key
    assert best is not None
    l2, threshold = best[1], -best[2]
    return {
        "rules": summary(stories, {}),
        "best": {"l2": l2, "threshold": threshold, **results[f"l2={l2} threshold={threshold}"]},
        "grid": results,
    }


def main(argv: Sequence[str] | None = None) -> int:
    ap = _cv.parser(__doc__)
    ap.add_argument("--l2", default=",".join(map(str, L2S)), help="comma-separated L2 weights")
    ap.add_argument(
        "--thresholds", default=",".join(map(str, THRESHOLDS)), help="comma-separated thresholds"
    )
    ap.add_argument("--rows", type=Path, help="write the training candidates' rows (JSON lines)")
    ap.add_argument("--grid", action="store_true", help="print every (L2, threshold) of the CV")
    args = ap.parse_args(argv)
    l2s = [float(v) for v in args.l2.split(",")]
    thresholds = [float(v) for v in args.thresholds.split(",")]
    stories = read_stories(args.folders, limit=args.stories)
    ys = [y for s in stories for y in labels(s)]
    print(f"{len(stories)} stories, {len(ys)} candidates, {ys.count(False)} wrong", file=sys.stderr)
    result: dict[str, Any] = {
        "stories": len(stories),
        "candidates": len(ys),
        "wrong_candidates": ys.count(False),
    }
    if args.rows:
        with args.rows.open("w", encoding="utf-8") as handle:
            for s in stories:
                for (p, f), y in zip(s.actor_rows, labels(s), strict=True):
                    row = {"story": s.name, "name": p["name"], "right": y, **f}
                    handle.write(json.dumps(row) + "\n")
    l2, threshold = l2s[0], thresholds[0]
    if args.folds:
        cv = cross_validate(stories, args.folds, l2s, thresholds)
        l2, threshold = cv["best"]["l2"], cv["best"]["threshold"]
        if not args.grid:
            cv.pop("grid")
        result["cv"] = cv
    if args.holdout:
        held = read_stories(args.holdout, limit=args.stories)
        model = train(stories, l2, threshold)
        result["holdout"] = {
            "rules": summary(held, {}),
            "model": summary(held, {s.name: model for s in held}),
        }
    facts = {
        "candidates": len(ys),
        "wrong_candidates": ys.count(False),
        "l2": l2,
        "threshold_by": f"{args.folds}-fold CV by story" if args.folds else "given",
        "tool": "tools/train_actor_filter.py",
    }
    fit = partial(train, stories, l2, threshold)
    return _cv.finish(args, len(stories), fit, facts, result, sort_keys=False)


if __name__ == "__main__":
    raise SystemExit(main())
