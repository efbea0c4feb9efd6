"""Train the learned event filter (tariffscope.news._event_filter_model).

Runs the reader once on every story of the given folders (tools/_gold_stories.py: each holds
<stem>.txt and gold/<stem>.json, GUIDELINES.md annotations), keeps every merged candidate
event with its features and the rules' verdict, and labels a candidate right when the
project scorer matches it to a gold event (tariffscope.news.scoring.match_events: same kind,
same date, overlapping participants; one candidate per gold event) among all the story's
candidates. The model is the shared binary logistic model (news/_binary_logistic.fit). Then:

- ``--folds K``: K-fold cross-validation by story (tools/_gold_stories.folds) for every L2
  of ``--l2`` and threshold of ``--thresholds``: events F1 (precision, recall) pooled over
  the held-out stories, against the rules; the best pair by F1 is reported;
- ``--holdout DIR`` (repeatable): fit on the folders (the L2 and threshold chosen by the CV,
  or the first given), score the holdout folders' aggregate;
- ``--out PATH``: fit on all the folders and write the weights (JSON) with their provenance.

Never pass the frozen test split.

    PYTHONPATH=src python tools/train_event_filter.py /tmp/train_A ../shared/articles/dev \\
        --folds 5 --out src/tariffscope/news/data/event_filter_model.json
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date
from typing import Any

import _cv
from _gold_stories import Story, field_summary, read_stories, score

from tariffscope.news._binary_logistic import BinaryModel, fit
from tariffscope.news._event_filter import choose_in_groups
from tariffscope.news._event_filter_model import FEATURES
from tariffscope.news.scoring import match_events
from tariffscope.tracker._law_dating import catalog_law

L2S = (0.3, 1.0, 3.0, 10.0)
THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)


def labels(story: Story) -> list[bool]:
    """Whether each candidate event of the story is matched to a gold event."""
    events = [c.event for c in story.events]
    hit = {id(p) for _, p in match_events(story.gold.events, events)}
    return [id(e) in hit for e in events]


def without(row: dict[str, float], drop: Sequence[str]) -> dict[str, float]:
    """The features of ``row`` but those named, or of a family named, in ``drop``."""
    return {k: v for k, v in row.items() if not any(k == d or k.startswith(d + "=") for d in drop)}


def train(
    stories: Sequence[Story], l2: float, threshold: float = 0.5, drop: Sequence[str] = ()
) -> BinaryModel:
    """Fit on every candidate event of the stories (features in ``drop`` left out: they
    then weigh nothing)."""
    rows = [without(c.features, drop) for s in stories for c in s.events]
    ys = [y for s in stories for y in labels(s)]
    return fit(rows, ys, l2=l2, threshold=threshold)


def counts(story: Story, kept: Sequence[bool]) -> tuple[int, int, int]:
    """Gold events, kept events and matched events of one story."""
    events = [c.event for c, k in zip(story.events, kept, strict=True) if k]
    return len(story.gold.events), len(events), len(match_events(story.gold.events, events))


def f1_of(total: tuple[int, int, int]) -> dict[str, float]:
    gold, pred, matched = total
    p = matched / pred if pred else 0.0
    r = matched / gold if gold else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
    }


def _add(a: tuple[int, int, int], b: tuple[int, int, int]) -> tuple[int, int, int]:
    return (a[0] + b[0], a[1] + b[1], a[2] + b[2])


def cross_validate(
    stories: Sequence[Story],
    k: int,
    l2s: Sequence[float],
    thresholds: Sequence[float],
    drop: Sequence[str] = (),
) -> dict[str, Any]:
    """Events F1 pooled over the held-out folds, for the rules and every (L2, threshold)."""
    rules = (0, 0, 0)
    for s in stories:
        rules = _add(rules, counts(s, [c.rules_keep for c in s.events]))
    grid: dict[str, Any] = {}
    best: tuple[float, float, float] = (-1.0, 0.0, 0.0)
    for l2 in l2s:
        models, _ = _cv.held_out_models(
            stories, k, lambda fitted_on, l2=l2: train(fitted_on, l2, drop=drop)
        )
        probabilities = {
            s.name: [models[s.name].probability(c.features) for c in s.events] for s in stories
        }
        for threshold in thresholds:
            total = (0, 0, 0)
            for s in stories:
                kept = choose_in_groups(
                    probabilities[s.name], [c.group for c in s.events], threshold
                )
                total = _add(total, counts(s, kept))
            result = f1_of(total)
            grid[f"l2={l2} threshold={threshold}"] = result
            if result["f1"] > best[0]:
                best = (result["f1"], l2, threshold)
    return {
        "rules": f1_of(rules),
        "grid": grid,
        "best": {"f1": best[0], "l2": best[1], "threshold": best[2]},
    }


def holdout_scores(stories: Sequence[Story], model: BinaryModel) -> dict[str, Any]:
    """Events (and the other fields, which the filter must leave) under rules and model."""
    out: dict[str, Any] = {}
    for mode in ("rules", "model"):
        triples = []
        for s in stories:
            kept = [c.rules_keep if mode == "rules" else model.keep(c.features) for c in s.events]
            triples.append((s.name, s.gold, s.with_events(kept)))
        report = score(triples)
        out[mode] = {
            name: field_summary(report, name)
            for name in ("events", "measures", "deadlines", "actors")
        }
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = _cv.parser(__doc__)
    ap.add_argument("--l2", default=",".join(map(str, L2S)), help="L2 weights, comma-separated")
    ap.add_argument(
        "--drop",
        default="",
        help="comma-separated features or families (rule, kind, ...) to leave out",
    )
    ap.add_argument(
        "--thresholds", default=",".join(map(str, THRESHOLDS)), help="thresholds, comma-separated"
    )
    args = ap.parse_args(argv)
    l2s = [float(v) for v in args.l2.split(",")]
    thresholds = [float(v) for v in args.thresholds.split(",")]
    drop = [d.rstrip("=") for d in args.drop.split(",") if d]
    known = {name.rstrip("=") for name, _ in FEATURES}
    if set(drop) - known:
        ap.error(f"unknown features: {sorted(set(drop) - known)}")
    stories = read_stories(args.folders, catalog_law, args.stories)
    ys = [y for s in stories for y in labels(s)]
    print(f"{len(stories)} stories, {len(ys)} candidates, {sum(ys)} right", file=sys.stderr)
    result: dict[str, Any] = {
        "stories": len(stories),
        "candidates": len(ys),
        "right": sum(ys),
        "dropped": drop,
    }
    l2, threshold = l2s[0], thresholds[0] if len(thresholds) == 1 else 0.5
    if args.folds:
        cv = cross_validate(stories, args.folds, l2s, thresholds, drop)
        result["cv"] = cv
        l2, threshold = cv["best"]["l2"], cv["best"]["threshold"]
    result["chosen"] = {"l2": l2, "threshold": threshold}
    model = train(stories, l2, threshold, drop)
    if args.holdout:
        held = read_stories(args.holdout, catalog_law, args.stories)
        result["holdout"] = holdout_scores(held, model)
    facts = {
        "candidates": len(ys),
        "right": sum(ys),
        "date": date.today().isoformat(),
        "how": (
            f"tools/train_event_filter.py --folds {args.folds}: L2-penalised binary "
            f"logistic model (news/_binary_logistic.fit, l2={l2}) over every merged "
            f"candidate event's features, labelled by the scorer's event match; L2 and "
            f"threshold ({threshold}) chosen by {args.folds}-fold CV by story "
            f"maximising events F1; features left out: {drop or 'none'}"
        ),
    }
    return _cv.finish(args, len(stories), lambda: model, facts, result)


if __name__ == "__main__":
    sys.exit(main())
