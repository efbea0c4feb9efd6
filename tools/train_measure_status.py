"""Train the learned measure status (tariffscope.news._measure_status_model).

Runs the reader once on every story of the given folders (tools/_gold_stories.py: each holds
<stem>.txt and gold/<stem>.json, GUIDELINES.md annotations), keeps every rate's status
features, and labels each rate with the status of the story's gold measures at the same rate
(within 0.05 points), narrowed to those whose target the rules read when one is; a rate no
gold measure has, or whose gold measures disagree on the status, is left out of training
(``--kept-only``: only the mention whose status the merged measure keeps is labelled). The
L2 penalty pulls the weights toward a prior that repeats the rules' status (``--prior``; 0:
toward zero, a purely statistical model with ``--drop rules``). Then:

- ``--folds K``: K-fold cross-validation by story (tools/_gold_stories.folds): for each fold,
  fit on the other folds and score the held-out stories with the project scorer (status
  accuracy on matched measures, and measures F1) for the rules, the model and the model as a
  fallback;
- ``--holdout DIR`` (repeatable): fit on the folders, score the holdout folders the same way;
- ``--out PATH``: fit on all the folders and write the weights (JSON) with their provenance.

Never pass the frozen test split.

    PYTHONPATH=src python tools/train_measure_status.py TRAIN_DIR DEV_DIR --folds 5 \\
        --prior 3 --l2 10 --out src/tariffscope/news/data/measure_status_model.json
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

import _cv
from _gold_stories import RATE_TOLERANCE, Story, field_summary, read_stories, score

from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news._measure_status_chooser import STATUS_CHOOSERS, StatusChooser
from tariffscope.news._measure_status_model import FEATURE_NAMES, StatusModel, complete, fit
from tariffscope.news._measure_target import TargetChooser

L2 = 1.0
#: The reader's default target chooser, so that the scores are the CLI's.
_TARGETS = TargetChooser("fallback")


def labelled(
    story: Story, raw: list[MeasureRecord] | None = None, every: bool = False
) -> list[tuple[MeasureRecord, tuple[float, ...], str]]:
    """The raw rate records (the story's, or ``raw``) a gold measure settles, with their full
    features (the rules' statuses) and the gold status: the first mention of each measure the
    reader merges (whose status the measure keeps), or with ``every`` every mention."""
    heads = {m["start"] for m in story.merge()}
    out = []
    records = story.raw() if raw is None else raw
    for record, features in zip(records, complete(story.raw()), strict=True):
        if features is None or not (every or record.start in heads):
            continue
        same_rate = [
            g for g in story.gold.measures if abs(g.to_rate_pct - record.to_rate) <= RATE_TOLERANCE
        ]
        targeted = [g for g in same_rate if g.target in record.targets]
        statuses = {g.status for g in (targeted or same_rate)}
        if len(statuses) == 1:
            out.append((record, features, statuses.pop()))
    return out


def examples(story: Story, every: bool = False) -> tuple[list[tuple[float, ...]], list[str]]:
    """The feature rows and gold statuses of the rates a gold measure settles."""
    found = labelled(story, every=every)
    return [features for _, features, _ in found], [y for _, _, y in found]


def _without(row: tuple[float, ...], drop: frozenset[str]) -> tuple[float, ...]:
    return tuple(0.0 if n in drop else v for n, v in zip(FEATURE_NAMES, row, strict=True))


def train(
    stories: Sequence[Story],
    l2: float = L2,
    drop: frozenset[str] = frozenset(),
    prior: float = 0.0,
    every: bool = False,
) -> StatusModel:
    """Fit on the stories' labelled rates; features in ``drop`` are left out (weight 0)."""
    rows: list[tuple[float, ...]] = []
    labels: list[str] = []
    for story in stories:
        r, y = examples(story, every)
        rows += [_without(row, drop) for row in r]
        labels += y
    return fit(rows, labels, l2=l2, rules_prior=prior)


def scores(stories: Sequence[Story], models: Mapping[str, StatusModel]) -> dict[str, Any]:
    """Status accuracy, measures F1 and labelled-rate accuracy under each setting;
    ``models`` by story name."""
    out: dict[str, Any] = {}
    for mode in STATUS_CHOOSERS:
        triples, right, seen = [], 0, 0
        for story in stories:
            chooser = StatusChooser(mode, models.get(story.name))
            predicted = story.predicted(_TARGETS, status=chooser)
            triples.append((story.name, story.gold, predicted))
            raw = chooser.apply(story.raw())
            for record, _, label in labelled(story, raw):
                seen += 1
                right += record.status == label
        report = score(triples)
        status = report.attribute("measures.status")
        out[mode] = {
            "status_accuracy": round(status.accuracy, 3) if status.total else None,
            "status_matched": status.total,
            "kept_mention_accuracy": round(right / seen, 3) if seen else None,
            "measures": field_summary(report),
        }
    return out


def cross_validate(
    stories: Sequence[Story],
    k: int,
    l2: float = L2,
    drop: frozenset[str] = frozenset(),
    prior: float = 0.0,
    every: bool = False,
) -> dict[str, Any]:
    return _cv.cross_validate(
        stories, k, lambda fitted_on: train(fitted_on, l2, drop, prior, every), scores
    )


def main(argv: Sequence[str] | None = None) -> int:
    ap = _cv.parser(__doc__)
    ap.add_argument(
        "--l2", default=str(L2), help="L2 weight; several (comma-separated) for --folds/--holdout"
    )
    ap.add_argument(
        "--prior",
        type=float,
        default=0.0,
        help="weight of the rules' status in the prior the L2 penalty pulls toward (0: zero)",
    )
    ap.add_argument(
        "--kept-only",
        action="store_true",
        help="label only the mention whose status a measure keeps, not every mention",
    )
    ap.add_argument(
        "--drop",
        default="",
        help="comma-separated features to leave out ('rules': the rules' status features)",
    )
    args = ap.parse_args(argv)
    names = set(filter(None, args.drop.split(",")))
    if "rules" in names:
        names = (names - {"rules"}) | {n for n in FEATURE_NAMES if n.startswith("rules_")}
    drop = frozenset(names)
    l2s = [float(v) for v in args.l2.split(",")]
    unknown = drop - set(FEATURE_NAMES)
    if unknown:
        ap.error(f"unknown features: {sorted(unknown)}")
    stories = read_stories(args.folders, limit=args.stories)
    labels = [y for s in stories for y in examples(s, not args.kept_only)[1]]
    print(f"{len(stories)} stories, {len(labels)} labelled rates", file=sys.stderr)
    result: dict[str, Any] = {
        "stories": len(stories),
        "labelled_rates": len(labels),
        "labels": dict(sorted(Counter(labels).items())),
        "dropped": sorted(drop),
        "rules_prior": args.prior,
        "every_mention": not args.kept_only,
    }
    if args.folds:
        result["cv"] = {
            str(l2): cross_validate(stories, args.folds, l2, drop, args.prior, not args.kept_only)
            for l2 in l2s
        }
    if args.holdout:
        held = read_stories(args.holdout, limit=args.stories)
        result["holdout"] = {}
        for l2 in l2s:
            model = train(stories, l2, drop, args.prior, not args.kept_only)
            result["holdout"][str(l2)] = scores(held, {s.name: model for s in held})
    facts = {
        "labelled_rates": len(labels),
        "labels": result["labels"],
        "how": (
            f"tools/train_measure_status.py: L2-penalised multinomial logistic model "
            f"(l2={l2s[0]}, toward a prior of {args.prior} on the rules' status) over "
            f"every rate's status features, L-BFGS from the prior; "
            f"features left out: {sorted(drop) or 'none'}"
        ),
    }
    fit = partial(train, stories, l2s[0], drop, args.prior, not args.kept_only)
    return _cv.finish(args, len(stories), fit, facts, result)


if __name__ == "__main__":
    sys.exit(main())
