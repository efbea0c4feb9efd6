"""Cross-validation of the sentence-kind classifier as a filter on the reader's events.

Issue 10, item 6: does a statistical component trained on the annotations beat the rules?
The reader runs once on every story (its events do not depend on the classifier); then, for
each of k folds by story, a classifier is trained on the other stories' gold-derived sentence
labels and applied to the fold's predicted events:

- ``veto``: drop an event whose sentence gets probability < t for the event's kind;
- ``relabel``: change a meeting/call/visit/talks event to the kind of that group the
  classifier prefers, when it is > 0.5 and the event's own kind is < t.

The threshold is chosen per outer fold by inner cross-validation on the training stories only
(nested), so the fold scores are not tuned on the fold. The fixed-threshold grid is printed
too, marked as such (tuned on all folds: optimistic).

Usage (stories: dev + the TRAIN split; never the test split):

    PYTHONPATH=src python bench/cv_sentence_kinds.py /work/shared/articles/dev /tmp/corpus_train_all
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from tariffscope.domain.news import Event, Extraction
from tariffscope.news.extraction import doc_to_extraction
from tariffscope.news.ingest import read_article
from tariffscope.news.pipeline import load_pipeline, process_many
from tariffscope.news.scoring import score_corpus
from tariffscope.news.sentence_kinds import (
    GoldEventCues,
    kind_probabilities,
    sentence_labels,
    train_sentence_kinds,
)

THRESHOLDS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.3)
CONFUSABLE = ("meeting", "call", "visit", "talks")


@dataclasses.dataclass(frozen=True)
class Story:
    name: str
    text: str
    sents: tuple[tuple[int, int], ...]
    gold: Extraction
    gold_cues: tuple[GoldEventCues, ...]
    pred: Extraction


def read_stories(folders: Sequence[Path], cache: Path | None) -> list[Story]:
    if cache is not None and cache.exists():
        rows = json.loads(cache.read_text())
    else:
        items, keys = [], []
        for folder in folders:
            for g in sorted((folder / "gold").glob("*.json")):
                f = folder / f"{g.stem}.txt"
                items.append(read_article(f if f.exists() else folder / f"{g.stem}.html"))
                keys.append((str(folder), g.stem))
        rows = []
        for (folder, stem), doc in zip(keys, process_many(items, load_pipeline()), strict=True):
            rows.append(
                {
                    "folder": folder,
                    "stem": stem,
                    "text": doc.text,
                    "sents": [[s.start_char, s.end_char] for s in doc.sents],
                    "pred": doc_to_extraction(doc).to_dict(),
                }
            )
        if cache is not None:
            cache.write_text(json.dumps(rows))
    stories = []
    for r in rows:
        gold = json.loads((Path(r["folder"]) / "gold" / f"{r['stem']}.json").read_text())
        stories.append(
            Story(
                name=r["stem"],
                text=r["text"],
                sents=tuple((int(a), int(b)) for a, b in r["sents"]),
                gold=Extraction.from_dict(gold),
                gold_cues=tuple(GoldEventCues.from_gold(e) for e in gold["events"]),
                pred=Extraction.from_dict(r["pred"]),
            )
        )
    return stories


def train_on(stories: Sequence[Story]):
    examples = []
    for s in stories:
        labels = sentence_labels(s.text, s.sents, s.gold_cues)
        examples += [(s.text[a:b], k) for (a, b), k in zip(s.sents, labels.kinds, strict=True)]
    return train_sentence_kinds(examples)


def event_probs(nlp, story: Story) -> list[dict[str, float]]:
    """Per predicted event, the classifier's probabilities for its sentence."""
    texts = []
    for e in story.pred.events:
        a, b = next(((a, b) for a, b in story.sents if a <= e.start < b), (e.start, e.end))
        texts.append(story.text[a:b])
    return kind_probabilities(nlp, texts)


def apply(events: Sequence[Event], probs, mode: str, t: float) -> tuple[Event, ...]:
    out = []
    for e, p in zip(events, probs, strict=True):
        if mode == "veto":
            if p[e.kind] >= t:
                out.append(e)
        elif mode == "relabel":
            best = max(CONFUSABLE, key=lambda k: p[k])
            if e.kind in CONFUSABLE and best != e.kind and p[best] > 0.5 and p[e.kind] < t:
                e = dataclasses.replace(e, kind=best)
            out.append(e)
    return tuple(out)


def events_f1(stories: Sequence[Story], probs_by_story, mode: str, t: float) -> tuple:
    triples = []
    for s in stories:
        events = apply(s.pred.events, probs_by_story[s.name], mode, t)
        triples.append((s.name, s.gold, dataclasses.replace(s.pred, events=events)))
    f = score_corpus(triples).field("events")
    return f.f1, f.precision, f.recall, f.predicted, f.matched, f.gold


def folds_of(stories: Sequence[Story], k: int) -> list[list[Story]]:
    return [list(stories[i::k]) for i in range(k)]


def best_threshold(train: Sequence[Story], mode: str, k: int) -> float:
    """Inner CV on the training stories only."""
    inner = folds_of(train, k)
    probs = {}
    for i, fold in enumerate(inner):
        nlp = train_on([s for j, f in enumerate(inner) if j != i for s in f])
        probs.update({s.name: event_probs(nlp, s) for s in fold})
    return max(THRESHOLDS, key=lambda t: (events_f1(train, probs, mode, t)[0], -t))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--no-nested", action="store_true")
    args = ap.parse_args()
    stories = read_stories(args.folders, args.cache)
    located = [sentence_labels(s.text, s.sents, s.gold_cues) for s in stories]
    print(
        f"{len(stories)} stories, gold events located in their sentence: "
        f"{sum(x.located for x in located)}/{sum(x.total for x in located)}"
    )
    folds = folds_of(stories, args.k)
    probs = {}
    rows = []
    for i, fold in enumerate(folds):
        train = [s for j, f in enumerate(folds) if j != i for s in f]
        nlp = train_on(train)
        probs.update({s.name: event_probs(nlp, s) for s in fold})
        fp = {s.name: probs[s.name] for s in fold}
        base = events_f1(fold, fp, "veto", 0.0)
        row = {"fold": i, "stories": len(fold), "rules": base}
        if not args.no_nested:
            for mode in ("veto", "relabel"):
                t = best_threshold(train, mode, args.k - 1)
                row[mode] = (t, events_f1(fold, fp, mode, t))
        rows.append(row)
        print(json.dumps(row), flush=True)
    print("pooled over folds (micro), fixed thresholds (tuned on all folds: optimistic):")
    for mode in ("veto", "relabel"):
        for t in THRESHOLDS:
            f1, p, r, n, m, g = events_f1(stories, probs, mode, t)
            print(
                f"  {mode:8s} t={t:<5} F1 {f1:.3f} P {p:.3f} R {r:.3f} pred {n} match {m} gold {g}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
