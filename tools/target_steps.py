"""Where the learned measure target helps: the rules' and the model's choices per step.

Runs the reader once on every story of the given folders (see ``tools/_gold_stories.py``),
then, for every rate, records the step of the target order that gave the rules' targets
(``MeasureRecord.target_step``, :mod:`tariffscope.news.measure_merge`), the rules' targets, the
model's choice, the model's margin (its top candidate's probability over the next one's) and
the gold targets of the story's measures at the same rate. The model of a story is fitted
without it: K-fold by story over the folders, or on all the folders for ``--holdout`` ones.

Prints, per step, how often the rules and the model are right (a chosen target set within
the gold ones), wrong (a target no gold measure at that rate has) or silent (no target: right
when no gold measure has the rate), and the measures F1 (the project scorer) of the folders
and holdouts under the rules, the fallback and the "story" chooser for a range of margins.
``--counts-only`` prints no story names (for a transfer half whose sentences stay unread).

Never pass the frozen test split.

    PYTHONPATH=src python tools/target_steps.py /tmp/train_A /work/shared/articles/dev \\
        --folds 5 --holdout /tmp/train_B
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import _cv
from _gold_stories import RATE_TOLERANCE, Story, field_summary, read_stories, score
from train_measure_target import L2, THRESHOLD, train

from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news._measure_target import TargetChooser
from tariffscope.news._measure_target_model import TargetModel, finish, resolved

DROP = frozenset({"rules_direct", "rules_final"})
MARGINS = tuple(round(0.05 * k, 2) for k in range(19))


def _verdict(chosen: Sequence[str], gold: set[str]) -> str:
    if not chosen:
        return "silent_right" if not gold else "silent_missed"
    return "right" if set(chosen) <= gold else "wrong"


def rate_rows(story: Story, model: TargetModel) -> list[dict[str, Any]]:
    """One row per rate: the rules' step and targets, the model's choice and margin, gold."""
    rows: list[dict[str, Any]] = []
    learned = TargetChooser("model", model)

    def look(record: MeasureRecord) -> None:
        found = resolved(record.target_candidates)
        if not found:
            return
        full = finish(found, record.imposer, record.targets)
        chosen = learned.choose(record) or []
        gold = {
            g.target
            for g in story.gold.measures
            if abs(g.to_rate_pct - record.to_rate) <= RATE_TOLERANCE
        }
        rows.append(
            {
                "step": record.target_step,
                "rules": _verdict(record.targets, gold),
                "model": _verdict(chosen, gold),
                "margin": model.margin(full, record.imposer),
                "changed": set(chosen) != set(record.targets),
            }
        )

    story.merge(look)
    return rows


def step_table(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Per step: rates, the rules' and the model's verdicts."""
    table: dict[str, dict[str, Any]] = defaultdict(
        lambda: {"rates": 0, "rules": Counter(), "model": Counter()}
    )
    for row in rows:
        cell = table[str(row["step"])]
        cell["rates"] += 1
        cell["rules"][row["rules"]] += 1
        cell["model"][row["model"]] += 1
    return {
        k: {**v, "rules": dict(v["rules"]), "model": dict(v["model"])} for k, v in table.items()
    }


def f1_table(
    stories: Sequence[Story], models: dict[str, TargetModel], margins: Sequence[float]
) -> dict[str, Any]:
    """Measures precision/recall/F1 under the rules, the fallback and the story chooser."""

    def summary(make: Any) -> dict[str, Any]:
        triples = [(s.name, s.gold, s.predicted(make(models[s.name]))) for s in stories]
        return field_summary(score(triples))

    out = {
        "rules": summary(lambda m: None),
        "fallback": summary(lambda m: TargetChooser("fallback", m)),
    }
    for margin in margins:
        out[f"story@{margin}"] = summary(lambda m, g=margin: TargetChooser("story", m, margin=g))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = _cv.parser(__doc__, default_folds=5, out=False)
    ap.add_argument("--kind", default="ranking")
    ap.add_argument("--counts-only", action="store_true", help="no per-rate margins")
    args = ap.parse_args(argv)
    stories = read_stories(args.folders, limit=args.stories)
    models, _ = _cv.held_out_models(
        stories, args.folds, lambda fitted_on: train(fitted_on, L2, DROP, THRESHOLD, args.kind)
    )
    rows = [row for s in stories for row in rate_rows(s, models[s.name])]
    result: dict[str, Any] = {
        "stories": len(stories),
        "cv": {"steps": step_table(rows), "f1": f1_table(stories, models, MARGINS)},
    }
    if not args.counts_only:
        result["margins_changed"] = _margins(rows)
    if args.holdout:
        model = train(stories, L2, DROP, THRESHOLD, args.kind)
        held = read_stories(args.holdout, limit=args.stories)
        held_models = {s.name: model for s in held}
        held_rows = [row for s in held for row in rate_rows(s, model)]
        result["holdout"] = {
            "stories": len(held),
            "steps": step_table(held_rows),
            "f1": f1_table(held, held_models, MARGINS),
        }
    print(json.dumps(result, indent=1, sort_keys=True))
    return 0


def _margins(rows: Sequence[dict[str, Any]]) -> dict[str, list[tuple[float, str, str]]]:
    """Per story step, the margins of the rates where the model changes the rules' choice,
    with both verdicts (what a margin fitted on these rows would keep)."""
    out: dict[str, list[tuple[float, str, str]]] = defaultdict(list)
    for row in rows:
        if row["changed"]:
            out[str(row["step"])].append((round(row["margin"], 3), row["rules"], row["model"]))
    return {k: sorted(v) for k, v in out.items()}


if __name__ == "__main__":
    sys.exit(main())
