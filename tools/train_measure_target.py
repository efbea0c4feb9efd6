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

import argparse
import copy
import dataclasses
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import tariffscope.news.measure_merge as measure_merge
from tariffscope.domain.news import Extraction, MeasureMention
from tariffscope.news._measure_target import TargetChooser
from tariffscope.news._measure_target_model import (
    FEATURE_NAMES,
    MODEL_KINDS,
    Candidate,
    TargetModel,
    finish,
    fit,
)
from tariffscope.news.api import extract
from tariffscope.news.ingest import read_article
from tariffscope.news.pipeline import load_pipeline
from tariffscope.news.scoring import score_corpus

RATE_TOLERANCE = 0.05
MODES = ("rules", "model", "fallback")
L2 = 1.0
THRESHOLD = 0.5


@dataclasses.dataclass
class Story:
    """One read story: its gold, the reader's extraction and the merge step's inputs."""

    name: str
    gold: Extraction
    pred: Extraction
    merge_args: tuple[Any, ...]
    merge_kwargs: dict[str, Any]

    def rate_groups(self) -> list[tuple[float, tuple[Candidate, ...], list[str]]]:
        """Every rate's rate, full candidates and the rules' targets, after the story steps."""
        seen: list[tuple[float, tuple[Candidate, ...], list[str]]] = []

        def record_choice(record: dict[str, Any]) -> None:
            found = record.get("target_candidates")
            if found:
                full = finish(found, record["imposer"], record["targets"])
                seen.append((record["to_rate"], full, list(record["targets"])))

        raw = copy.deepcopy(self.merge_args[0])
        _ORIGINAL_MERGE(
            raw, *self.merge_args[1:], **self.merge_kwargs, choose_targets=record_choice
        )
        return seen

    def examples(self) -> tuple[list[tuple[Candidate, ...]], list[set[str]]]:
        """Candidate groups and gold targets of the rates a gold measure has."""
        groups, labels = [], []
        for rate, found, _ in self.rate_groups():
            gold = {
                g.target for g in self.gold.measures if abs(g.to_rate_pct - rate) <= RATE_TOLERANCE
            }
            if gold & {c.code for c in found}:
                groups.append(found)
                labels.append(gold)
        return groups, labels

    def predicted(self, chooser: TargetChooser | None) -> Extraction:
        """The story's extraction with its measures merged again under ``chooser``."""
        raw = copy.deepcopy(self.merge_args[0])
        kwargs = {
            **self.merge_kwargs,
            "choose_targets": None if chooser is None else chooser.choose,
        }
        measures = _ORIGINAL_MERGE(raw, *self.merge_args[1:], **kwargs)
        mentions = tuple(MeasureMention.from_dict(m) for m in measures)
        return dataclasses.replace(self.pred, measures=mentions)


_ORIGINAL_MERGE = measure_merge.merge_measures
_CAPTURED: list[tuple[tuple[Any, ...], dict[str, Any]]] = []


def _capturing_merge(*args: Any, **kwargs: Any) -> list[dict[str, Any]]:
    _CAPTURED.append((copy.deepcopy(args), {k: v for k, v in kwargs.items()}))
    return _ORIGINAL_MERGE(*args, **{**kwargs, "choose_targets": None})


def read_stories(folders: Sequence[Path]) -> list[Story]:
    """Run the reader (rules choosing targets, candidates recorded) on every gold story."""
    nlp = load_pipeline()
    component = nlp.get_pipe("tariffscope_measures")
    component.target_chooser = TargetChooser("fallback")  # the candidates are computed
    measure_merge.merge_measures = _capturing_merge
    stories = []
    try:
        for folder in folders:
            for gold_file in sorted((folder / "gold").glob("*.json")):
                text = next(
                    (
                        folder / f"{gold_file.stem}{s}"
                        for s in (".txt", ".html")
                        if (folder / f"{gold_file.stem}{s}").exists()
                    ),
                    None,
                )
                if text is None:
                    print(f"{gold_file.stem}: no article, skipped", file=sys.stderr)
                    continue
                gold = Extraction.from_dict(json.loads(gold_file.read_text(encoding="utf-8")))
                _CAPTURED.clear()
                pred = extract(read_article(text), nlp)
                if len(_CAPTURED) != 1:
                    print(f"{gold_file.stem}: measures not read, skipped", file=sys.stderr)
                    continue
                args, kwargs = _CAPTURED[0]
                kwargs.pop("choose_targets", None)
                stories.append(Story(f"{folder.name}/{gold_file.stem}", gold, pred, args, kwargs))
    finally:
        measure_merge.merge_measures = _ORIGINAL_MERGE
    return stories


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
        g, y = story.examples()
        groups += [_without(found, drop) for found in g]
        labels += y
    return fit(groups, labels, l2=l2, threshold=threshold, kind=kind)


def measures_score(stories: Sequence[Story], choosers: dict[str, TargetModel | None]) -> dict:
    """Measures F1 (and counts) of ``stories`` under each mode; ``choosers`` by story name."""
    out = {}
    for mode in MODES:
        triples = []
        for story in stories:
            model = choosers.get(story.name)
            chooser = None if mode == "rules" else TargetChooser(mode, model)
            triples.append((story.name, story.gold, story.predicted(chooser)))
        report = score_corpus(triples)
        field = next(f for f in report.fields if f.name == "measures")
        out[mode] = {
            "gold": field.gold,
            "predicted": field.predicted,
            "matched": field.matched,
            "precision": round(field.precision, 3),
            "recall": round(field.recall, 3),
            "f1": round(field.f1, 3),
        }
    return out


def cross_validate(
    stories: Sequence[Story],
    folds: int,
    l2: float = L2,
    drop: frozenset[str] = frozenset(),
    threshold: float = THRESHOLD,
    kind: str = "logistic",
) -> dict:
    ordered = sorted(stories, key=lambda s: s.name)
    fold_of = {s.name: k % folds for k, s in enumerate(ordered)}
    models = {}
    per_fold = []
    for k in range(folds):
        model = train([s for s in ordered if fold_of[s.name] != k], l2, drop, threshold, kind)
        held = [s for s in ordered if fold_of[s.name] == k]
        for s in held:
            models[s.name] = model
        per_fold.append(measures_score(held, {s.name: model for s in held}))
    return {"pooled": measures_score(ordered, models), "folds": per_fold}


def _commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--holdout", action="append", type=Path, default=[])
    ap.add_argument("--out", type=Path)
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--kind", choices=MODEL_KINDS, default="logistic")
    ap.add_argument(
        "--threshold", type=float, default=THRESHOLD, help="probability that keeps a 2nd target"
    )
    ap.add_argument(
        "--drop", default="", help="comma-separated features to leave out (e.g. the rules')"
    )
    args = ap.parse_args()
    drop = frozenset(filter(None, args.drop.split(",")))
    unknown = drop - set(FEATURE_NAMES)
    if unknown:
        ap.error(f"unknown features: {sorted(unknown)}")
    stories = read_stories(args.folders)
    examples = sum(len(s.examples()[0]) for s in stories)
    print(f"{len(stories)} stories, {examples} labelled rates", file=sys.stderr)
    result: dict[str, Any] = {
        "stories": len(stories),
        "labelled_rates": examples,
        "l2": args.l2,
        "dropped": sorted(drop),
        "threshold": args.threshold,
        "kind": args.kind,
    }
    if args.folds:
        result["cv"] = cross_validate(stories, args.folds, args.l2, drop, args.threshold, args.kind)
    if args.holdout:
        model = train(stories, args.l2, drop, args.threshold, args.kind)
        held = read_stories(args.holdout)
        result["holdout"] = measures_score(held, {s.name: model for s in held})
    if args.out:
        model = train(stories, args.l2, drop, args.threshold, args.kind)
        data = model.to_dict()
        data["provenance"] = {
            "trained_on": [str(f) for f in args.folders],
            "stories": len(stories),
            "labelled_rates": examples,
            "commit": _commit(),
            "how": (
                f"tools/train_measure_target.py: L2-penalised {args.kind} model "
                f"(l2={args.l2}) over every rate's candidate targets, L-BFGS from zero; "
                f"features left out: {sorted(drop) or 'none'}"
            ),
        }
        args.out.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
