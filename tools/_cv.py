"""Cross-validation by story, the command line and the weights file the training tools share.

:func:`folds` splits the stories, :func:`held_out_models` fits one model per fold and gives
every story the model fitted without it, and :func:`cross_validate` scores each held-out
fold and the pooled stories with those models. :func:`parser` has the arguments every tool
takes (``--stories N`` reads only the first N stories: a quick run, as in the tools' tests),
and :func:`write_weights` writes a fitted model with its provenance; :func:`finish` is every
tool's tail (the weights to ``--out`` when given, the result as JSON on stdout).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from _gold_stories import Story, commit

M = TypeVar("M")
R = TypeVar("R")


class _Weights(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


def folds(stories: Sequence[Story], k: int) -> list[tuple[list[Story], list[Story]]]:
    """K folds by story (stories sorted by name, story n in fold n mod K): (train, held)."""
    ordered = sorted(stories, key=lambda s: s.name)
    fold_of = {s.name: n % k for n, s in enumerate(ordered)}
    return [
        ([s for s in ordered if fold_of[s.name] != n], [s for s in ordered if fold_of[s.name] == n])
        for n in range(k)
    ]


def held_out_models(
    stories: Sequence[Story], k: int, train: Callable[[list[Story]], M]
) -> tuple[dict[str, M], list[list[Story]]]:
    """Every story's model fitted on the other folds (by story name), and the held folds."""
    models: dict[str, M] = {}
    held_folds = []
    for fitted_on, held in folds(stories, k):
        model = train(fitted_on)
        models.update({s.name: model for s in held})
        held_folds.append(held)
    return models, held_folds


def cross_validate(
    stories: Sequence[Story],
    k: int,
    train: Callable[[list[Story]], M],
    evaluate: Callable[[Sequence[Story], Mapping[str, M]], R],
) -> dict[str, R | list[R]]:
    """``evaluate`` of all the stories pooled and of each held-out fold, every story under
    the model fitted without it."""
    models, held_folds = held_out_models(stories, k, train)
    ordered = sorted(stories, key=lambda s: s.name)
    return {"pooled": evaluate(ordered, models), "folds": [evaluate(h, models) for h in held_folds]}


def parser(doc: str, default_folds: int = 0, out: bool = True) -> argparse.ArgumentParser:
    """The arguments every training tool takes (described by the first line of ``doc``)."""
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--folds", type=int, default=default_folds)
    ap.add_argument("--holdout", action="append", type=Path, default=[])
    if out:
        ap.add_argument("--out", type=Path)
    ap.add_argument(
        "--stories",
        type=int,
        help="read only the first N stories (by folder, then name) of the folders and of the "
        "holdouts: a quick run",
    )
    return ap


def write_weights(
    path: Path,
    model: _Weights,
    folders: Sequence[Path],
    stories: int,
    facts: Mapping[str, Any],
    sort_keys: bool = True,
) -> None:
    """Write ``model``'s weights (JSON) with their provenance: the folders and the number of
    stories it was fitted on, ``facts`` (counts, how it was fitted) and the commit."""
    data = model.to_dict()
    data["provenance"] = {
        "trained_on": [str(f) for f in folders],
        "stories": stories,
        **facts,
        "commit": commit(),
    }
    path.write_text(json.dumps(data, indent=1, sort_keys=sort_keys) + "\n", encoding="utf-8")


def finish(
    args: argparse.Namespace,
    stories: int,
    fit: Callable[[], _Weights],
    facts: Mapping[str, Any],
    result: Mapping[str, Any],
    sort_keys: bool = True,
) -> int:
    """The tail of a training tool: with ``--out``, the model ``fit`` gives written with its
    provenance (:func:`write_weights`; ``stories`` fitted on, ``facts``); then ``result`` as
    JSON on stdout. The exit code (0)."""
    if args.out:
        write_weights(args.out, fit(), args.folders, stories, facts, sort_keys)
    print(json.dumps(result, indent=1))
    return 0
