"""Count the events the reader nearly got: a gold event left unmatched while a prediction, also
left unmatched, agrees on all but one of kind, date and participants.

    PYTHONPATH=src python tools/event_near_misses.py GOLD_DIR ARTICLES_DIR [--show]

Counts only by default (safe on a split one may not read). `--show` also prints, per near miss,
the gold and predicted date texts and kinds, for reading the development and training stories.

Classes:
- date: same kind and participants, another date; split by gold dated/undated and predicted
  dated/undated, and for two dates by the sign of predicted minus gold in days.
- kind: same date and participants, another kind; counted as gold kind -> predicted kind.
- participants: same kind and date, no overlap of participants; counted by kind.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from tariffscope.domain.news import Event, Extraction
from tariffscope.news import scoring
from tariffscope.news.api import extract_many
from tariffscope.news.ingest import read_article
from tariffscope.news.pipeline import load_pipeline
from tariffscope.tracker._law_dating import catalog_law


def _unmatched(gold: Sequence[Event], pred: Sequence[Event]) -> tuple[list[Event], list[Event]]:
    pairs = scoring.match_events(gold, pred)
    got_gold = {id(g) for g, _ in pairs}
    got_pred = {id(p) for _, p in pairs}
    return [g for g in gold if id(g) not in got_gold], [p for p in pred if id(p) not in got_pred]


def _date_class(gold: Event, pred: Event) -> str:
    if gold.date and pred.date:
        days = (pred.date - gold.date).days
        return f"date: both dated, pred {'later' if days > 0 else 'earlier'}"

    def dated(e: Event) -> str:
        return "dated" if e.date else "undated"

    return f"date: gold {dated(gold)}, pred {dated(pred)}"


def near_misses(gold: Sequence[Event], pred: Sequence[Event]) -> Iterator[tuple[str, Event, Event]]:
    """(class, gold event, predicted event) for each unmatched gold event with a near miss; a
    prediction serves one gold event at most, date misses taken first, then kind, then
    participants."""
    missed, spare = _unmatched(gold, pred)
    overlap = scoring._participants_overlap
    used: set[int] = set()
    for same, label in (
        (lambda g, p: g.kind == p.kind and g.date != p.date, "date"),
        (lambda g, p: g.date == p.date and g.kind != p.kind, "kind"),
        (lambda g, p: g.date == p.date and g.kind == p.kind, "participants"),
    ):
        for g in missed:
            if id(g) in used:
                continue
            for p in spare:
                if id(p) in used or not same(g, p):
                    continue
                if overlap(g.participants, p.participants) is (label == "participants"):
                    continue
                used.update((id(g), id(p)))
                cls = {
                    "date": _date_class(g, p),
                    "kind": f"kind: gold {g.kind} -> pred {p.kind}",
                    "participants": f"participants: {g.kind}",
                }[label]
                yield cls, g, p
                break


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("articles", type=Path)
    parser.add_argument("--show", action="store_true", help="print each near miss (train/dev only)")
    args = parser.parse_args()
    stems = sorted(p.stem for p in args.gold.glob("*.json"))
    golds = [Extraction.from_dict(json.loads((args.gold / f"{s}.json").read_text())) for s in stems]
    preds = extract_many(
        [read_article(str(args.articles / f"{s}.txt")) for s in stems],
        load_pipeline(),
        law=catalog_law,
    )
    counts: Counter[str] = Counter()
    for stem, g, p in zip(stems, golds, list(preds), strict=True):
        counts["gold events"] += len(g.events)
        counts["predicted events"] += len(p.events)
        counts["matched"] += len(scoring.match_events(g.events, p.events))
        for cls, ge, pe in near_misses(g.events, p.events):
            counts[cls] += 1
            if args.show:
                print(f"{stem[:40]:40s} {cls}")
                for tag, e in (("gold", ge), ("pred", pe)):
                    print(f"    {tag} {e.kind} {e.date} {e.date_text!r} {e.status}", end=" ")
                    print(list(e.participants), f"rule={e.rule}" if tag == "pred" else "")
    for key in sorted(counts):
        print(f"{counts[key]:4d}  {key}")


if __name__ == "__main__":
    main()
