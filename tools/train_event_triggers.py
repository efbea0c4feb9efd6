"""Train the learned event trigger model (tariffscope.news._event_trigger_model).

Reads every story that has a trigger file (tariffscope.news.trigger_files; ``--triggers DIR``,
repeatable: a folder holding ``corpus/NAME.json`` for stories of ``--corpus`` and
``dev/NAME.json`` for stories of ``--dev``; a name seen twice is read from the first folder)
once through the reader, with a recording trigger setting: every candidate token's features,
the rules' kept events with their trigger tokens, and the event the rules' own machinery
builds at each candidate token for every kind. Each mention's trigger is mapped to the tokens
of the reader's Doc; a candidate token is labelled with the kind of the gold event whose
trigger covers it (its root token), else none. Then:

- the diagnosis: for each gold event, whether the rules found it (the scorer), else where its
  trigger tokens stand: never proposed by a trigger rule, proposed but dropped, an event of
  another kind there, the right kind there but date or participants wrong; and the rules'
  unmatched events far from every gold trigger, by rule id;
- ``--folds K``: K-fold cross-validation by story of one-vs-rest models per kind (L2 of
  ``--l2``), events F1 pooled over the held-out stories for the rules and each mode
  (filter, propose, both) at each threshold of ``--thresholds``;
- ``--holdout DIR`` (repeatable; stories with gold/, no trigger files): the model fitted on
  every annotated story, events of the holdout in aggregate for the rules and each mode;
- ``--out PATH``: the weights fitted on every annotated story, with their provenance.

Never pass the frozen test split.

    PYTHONPATH=src python tools/train_event_triggers.py --triggers tests/news/triggers \\
        --folds 5 --holdout /tmp/train_B \\
        --out src/tariffscope/news/data/event_trigger_model.json
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import pickle
import sys
from collections import Counter
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import _cv

from tariffscope.domain.news import Event, Extraction
from tariffscope.news._binary_logistic import fit
from tariffscope.news._event_filter_model import TRIGGER_CLASSES
from tariffscope.news._event_record import EventRecord
from tariffscope.news._event_trigger_model import EventTriggerSetting, TriggerModel
from tariffscope.news._persons import layout
from tariffscope.news.event_triggers import find_triggers, rules_for
from tariffscope.news.extraction import doc_to_extraction
from tariffscope.news.ingest import read_article
from tariffscope.news.mention_chains import chains_of
from tariffscope.news.pipeline import load_pipeline, process
from tariffscope.news.scoring import match_events
from tariffscope.news.sentence_kinds import EVENT_KINDS
from tariffscope.news.trigger_files import load_trigger_file, token_spans
from tariffscope.tracker._law_dating import catalog_law

L2S = (1.0, 3.0)
THRESHOLDS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.7)
MIN_STORIES = 2
#: The filter thresholds tried with every propose threshold (mode both).
BOTH_FILTERS = (0.02, 0.05)
NONE = "none"


class _Everything(frozenset[str]):
    """A vocabulary holding every lemma (the recorder's candidates are all content words)."""

    def __contains__(self, item: object) -> bool:
        return True


@dataclasses.dataclass(frozen=True)
class _Recorder(EventTriggerSetting):
    """A trigger setting that records every candidate's features, the rules' kept events and
    the event built at every token of ``build`` lemmas for every kind, and changes nothing."""

    build: frozenset[str] = frozenset()
    rows: dict[int, dict[str, float]] = dataclasses.field(default_factory=dict)
    kept: list[EventRecord] = dataclasses.field(default_factory=list)
    built: dict[tuple[int, str], Event | None] = dataclasses.field(default_factory=dict)

    def clear(self) -> None:
        self.rows.clear()
        self.kept.clear()
        self.built.clear()

    def seen(self, token: int, features: Mapping[str, float]) -> None:
        self.rows[token] = dict(features)

    def filtered(self, kept: list[EventRecord], probabilities: Any) -> list[EventRecord]:
        self.kept.clear()  # a story read again (dated by the law): its last reading
        self.kept.extend(kept)  # frozen records: no copy needed
        return kept

    def proposals(self, kept: Any, probabilities: Any, sentence_of: Any) -> list[tuple[int, str]]:
        return [
            (i, kind)
            for i in sorted(probabilities)
            if _lemma(self.rows[i]) in self.build
            for kind in EVENT_KINDS
        ]

    def added(self, kept: list[EventRecord], built: Any) -> list[EventRecord]:
        self.built.clear()
        for i, kind, event in built:
            self.built[(i, kind)] = None if event is None else _event(event)
        return kept


def _lemma(row: Mapping[str, float]) -> str:
    return next((n[6:] for n in row if n.startswith("lemma=")), "")


def _event(record: EventRecord) -> Event:
    return Event.from_dict(record.as_dict())


def _record(event: Event, tokens: tuple[int, ...] = ()) -> EventRecord:
    """An event read back as the component's record (what the trigger setting takes)."""
    return EventRecord(
        kind=event.kind,
        participants=tuple(event.participants),
        date=None if event.date is None else event.date.isoformat(),
        date_precision=event.date_precision,
        date_text=event.date_text,
        place=event.place,
        status=event.status,
        tokens=tokens,
    )


@dataclasses.dataclass
class TStory:
    """One read story: gold, the rules' events with their tokens, the candidate tokens'
    features and labels, the events buildable at candidate tokens, the rule triggers."""

    name: str
    gold: Extraction
    kept: list[tuple[Event, tuple[int, ...]]]
    rows: dict[int, dict[str, float]]
    sentence_of: dict[int, int]
    built: dict[tuple[int, str], Event | None]
    rule_triggers: dict[int, str]
    #: gold event index -> the tokens of its mentions' triggers in the body (None: no file)
    gold_tokens: dict[int, set[int]] | None
    #: per candidate token, its lemma and its lower-case word (is it in a vocabulary?)
    words: dict[int, tuple[str, str]] = dataclasses.field(default_factory=dict)
    unmapped: int = 0
    in_heads: int = 0

    def candidate(self, i: int, vocabulary: frozenset[str] | set[str]) -> bool:
        """The token is a candidate of a model with ``vocabulary`` (as ``is_candidate``)."""
        lemma, lower = self.words[i]
        return lemma in vocabulary or lower in vocabulary

    def labels(self) -> dict[int, str]:
        """Per candidate token, the gold kind whose trigger it is (else none)."""
        out = {}
        for n, tokens in (self.gold_tokens or {}).items():
            for t in tokens:
                out[t] = self.gold.events[n].kind
        return {i: out.get(i, NONE) for i in self.rows}


def _stories_of(args: argparse.Namespace) -> list[tuple[Path, Path, Path | None]]:
    """(story, gold, trigger file) of every annotated story, then of every holdout story."""
    seen: dict[str, tuple[Path, Path, Path | None]] = {}
    for folder in args.triggers:
        for sub, stories in (("corpus", args.corpus), ("dev", args.dev)):
            for f in sorted((folder / sub).glob("*.json")):
                text = stories / f"{f.stem}.txt"
                if f.stem not in seen and text.exists():
                    seen[f.stem] = (text, stories / "gold" / f"{f.stem}.json", f)
    return list(seen.values())


def read(items: Sequence[tuple[Path, Path, Path | None]], build: frozenset[str]) -> list[TStory]:
    """Read the stories with the recorder in place (the pipeline's setting restored after)."""
    nlp = load_pipeline()
    events = nlp.get_pipe("tariffscope_events")
    saved = events.trigger_model
    model = TriggerModel({}, _Everything(), 0.0, 0.0)
    recorder = _Recorder("both", model, build)
    events.trigger_model = recorder
    out = []
    try:
        for text, gold_file, trig_file in items:
            recorder.clear()
            gold = Extraction.from_dict(json.loads(gold_file.read_text(encoding="utf-8")))
            doc = process(read_article(text), nlp, catalog_law)
            doc_to_extraction(doc)
            boiler, heads = layout(doc)
            skip = boiler + heads
            body = {
                t.i for s in doc.sents if not any(a <= s.start_char < b for a, b in skip) for t in s
            }
            index = chains_of(doc)
            rules = {
                t.token.i: t.kind
                for t in find_triggers(
                    doc,
                    rules_for(events.lexicon),
                    lambda x, index=index: bool(index.persons_at(x.idx, x.idx + len(x.text))),
                )
            }
            story = TStory(
                f"{text.parent.name}/{text.stem}",
                gold,
                [(_event(e), e.tokens) for e in recorder.kept],
                dict(recorder.rows),
                {i: doc[i].sent.start for i in recorder.rows},
                dict(recorder.built),
                rules,
                None,
                {i: (doc[i].lemma_.lower(), doc[i].lower_) for i in recorder.rows},
            )
            if trig_file is not None:
                story.gold_tokens = {n: set() for n in range(len(gold.events))}
                for span in token_spans(doc, load_trigger_file(trig_file)):
                    if span.tokens is None:
                        story.unmapped += 1
                        continue
                    root = doc[span.tokens[0] : span.tokens[1]].root.i
                    if root not in body:
                        story.in_heads += 1
                        continue
                    if 0 <= span.event < len(gold.events):
                        story.gold_tokens[span.event].add(root)
            out.append(story)
            print(f"read {story.name}", file=sys.stderr)
    finally:
        events.trigger_model = saved
    return out


def diagnosis(stories: Sequence[TStory]) -> dict[str, Any]:
    """Where each gold event stands against the rules, and the rules' far spurious events."""
    misses: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    for s in stories:
        preds = [e for e, _ in s.kept]
        pairs = match_events(s.gold.events, preds)
        hit_gold = {id(g) for g, _ in pairs}
        hit_pred = {id(p) for _, p in pairs}
        all_gold_tokens = set().union(*(s.gold_tokens or {}).values())
        for n, g in enumerate(s.gold.events):
            tokens = (s.gold_tokens or {}).get(n, set())
            if id(g) in hit_gold:
                misses["found (scorer match)"] += 1
            elif not tokens:
                misses["no trigger in the body (no mention, header/headline, unmapped)"] += 1
            elif any(set(t) & tokens and e.kind == g.kind for e, t in s.kept):
                misses["right token and kind, date or participants wrong"] += 1
            elif any(set(t) & tokens for e, t in s.kept):
                misses["an event of another kind at the trigger"] += 1
            elif any(s.rule_triggers.get(t) == g.kind for t in tokens):
                misses["proposed by a rule (same kind) but dropped"] += 1
            elif any(t in s.rule_triggers for t in tokens):
                misses["proposed by a rule (other kind) but dropped"] += 1
            else:
                misses["never proposed by a trigger rule"] += 1
        for e, t in s.kept:
            if id(e) not in hit_pred:
                far = not (set(t) & all_gold_tokens)
                spurious[("far: " if far else "at a gold trigger: ") + (e.rule or "-")] += 1
    return {
        "gold": dict(misses.most_common()),
        "unmatched_rule_events": dict(spurious.most_common()),
    }


def train(stories: Sequence[TStory], l2: float, min_stories: int = MIN_STORIES) -> TriggerModel:
    """One-vs-rest models over the candidate tokens of the stories' vocabulary (the lemmas of
    gold triggers and of the lexicon's trigger classes); features seen in fewer than
    ``min_stories`` stories left out."""
    from tariffscope.news.lexicon import default_lexicon

    lex = default_lexicon()
    vocabulary = {w for name in TRIGGER_CLASSES for w in lex.words(name) if " " not in w}
    for s in stories:
        for i, kind in s.labels().items():
            if kind != NONE:
                vocabulary.add(_lemma(s.rows[i]))
    seen: Counter[str] = Counter()
    for s in stories:
        seen.update({n for r in s.rows.values() for n in r})
    rows, ys = [], []
    for s in stories:
        own = {t for _, ts in s.kept for t in ts}
        for i, kind in s.labels().items():
            if i in own or s.candidate(i, vocabulary):
                rows.append({n: v for n, v in s.rows[i].items() if seen[n] >= min_stories})
                ys.append(kind)
    kinds = {k: fit(rows, [y == k for y in ys], l2=l2) for k in EVENT_KINDS}
    return TriggerModel(kinds, frozenset(vocabulary))


def predicted(
    s: TStory, model: TriggerModel | None, mode: str, oracle: bool = False
) -> tuple[list[Event], int]:
    """The story's events under ``mode`` (``rules`` without a model), and how many were added;
    ``oracle``: the labels of the triggers of the gold events the rules missed stand for the
    model's probabilities (what any trigger model can reach)."""
    if model is None or mode == "rules":
        return [e for e, _ in s.kept], 0
    kept = [_record(e, t) for e, t in s.kept]
    event_of = {id(r): e for r, (e, _) in zip(kept, s.kept, strict=True)}
    setting = EventTriggerSetting(mode, model)
    own = {t for k in kept for t in k.tokens}
    probs = {
        i: model.probabilities(r)
        for i, r in s.rows.items()
        if i in own or s.candidate(i, model.vocabulary)
    }
    if oracle:
        found = {id(g) for g, _ in match_events(s.gold.events, [e for e, _ in s.kept])}
        probs = {
            i: {s.gold.events[n].kind: 1.0}
            for n, tokens in (s.gold_tokens or {}).items()
            if id(s.gold.events[n]) not in found
            for i in tokens
            if i in s.rows
        }
    kept = setting.filtered(kept, probs)
    built: list[tuple[int, str, EventRecord | None]] = []
    for i, k in setting.proposals(kept, probs, s.sentence_of):
        event = s.built.get((i, k))
        record = None if event is None else _record(event)
        if event is not None and record is not None:
            event_of[id(record)] = event
        built.append((i, k, record))
    out = setting.added(kept, built)
    return [event_of[id(r)] for r in out], len(out) - len(kept)


def counts(
    stories: Sequence[TStory],
    models: Mapping[str, TriggerModel | None],
    mode: str,
    oracle: bool = False,
) -> dict[str, Any]:
    gold = pred = matched = added = 0
    for s in stories:
        events, n = predicted(s, models.get(s.name), mode, oracle)
        gold += len(s.gold.events)
        pred += len(events)
        matched += len(match_events(s.gold.events, events))
        added += n
    p = matched / pred if pred else 0.0
    r = matched / gold if gold else 0.0
    return {
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "precision": round(p, 3),
        "recall": round(r, 3),
        "matched/predicted/gold": f"{matched}/{pred}/{gold}",
        "added": added,
    }


def grid(
    stories: Sequence[TStory], models: Mapping[str, TriggerModel], thresholds: Sequence[float]
) -> dict[str, Any]:
    """Events counts for the rules and each mode and threshold."""
    out: dict[str, Any] = {"rules": counts(stories, {}, "rules")}
    for t in thresholds:
        f = {n: m.with_thresholds(t, 1.01) for n, m in models.items()}
        p = {n: m.with_thresholds(0.0, t) for n, m in models.items()}
        out[f"filter t={t}"] = counts(stories, f, "filter")
        out[f"propose t={t}"] = counts(stories, p, "propose")
    for low in BOTH_FILTERS:
        for t in thresholds:
            b = {n: m.with_thresholds(low, t) for n, m in models.items()}
            out[f"both filter {low} propose {t}"] = counts(stories, b, "both")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triggers", action="append", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, default=Path("tests/news/corpus"))
    ap.add_argument("--dev", type=Path, default=Path("../shared/articles/dev"))
    ap.add_argument("--folds", type=int, default=0)
    ap.add_argument("--holdout", action="append", type=Path, default=[])
    ap.add_argument("--out", type=Path)
    ap.add_argument("--stories", type=int, help="read only the first N stories: a quick run")
    ap.add_argument("--l2", default=",".join(map(str, L2S)))
    ap.add_argument("--thresholds", default=",".join(map(str, THRESHOLDS)))
    ap.add_argument("--filter-threshold", type=float, default=0.1)
    ap.add_argument("--propose-threshold", type=float, default=1.0)
    ap.add_argument("--fit-l2", type=float, default=3.0)
    ap.add_argument("--cache", type=Path, help="a pickle of the read stories (written once)")
    args = ap.parse_args(argv)
    l2s = [float(v) for v in args.l2.split(",")]
    thresholds = [float(v) for v in args.thresholds.split(",")]
    items = _stories_of(args)[: args.stories]
    if not items:
        print("no trigger files with their stories", file=sys.stderr)
        return 2
    build = _build_words(items)
    if args.cache and args.cache.exists():
        stories, held = pickle.loads(args.cache.read_bytes())
    else:
        stories, held = read(items, build), read(_holdout_items(args), build)
        if args.cache:
            args.cache.write_bytes(pickle.dumps((stories, held)))
    result: dict[str, Any] = {
        "stories": len(stories),
        "mentions_unmapped": sum(s.unmapped for s in stories),
        "mentions_in_headlines": sum(s.in_heads for s in stories),
        "diagnosis": diagnosis(stories),
        "oracle_propose": counts(
            stories,
            {s.name: TriggerModel({}, frozenset(), 0.0, 0.5) for s in stories},
            "propose",
            True,
        ),
    }
    if args.folds:
        result["cv"] = {}
        for l2 in l2s:
            models, _ = _cv.held_out_models(stories, args.folds, lambda on, l2=l2: train(on, l2))
            result["cv"][f"l2={l2}"] = grid(stories, models, thresholds)
    model = train(stories, args.fit_l2).with_thresholds(
        args.filter_threshold, args.propose_threshold
    )
    result["in_sample"] = grid(stories, {s.name: model for s in stories}, thresholds)
    if held:
        result["holdout"] = grid(held, {s.name: model for s in held}, thresholds)
    if args.out:
        facts = {
            "date": date.today().isoformat(),
            "how": (
                "tools/train_event_triggers.py: one-vs-rest L2-penalised binary logistic "
                f"models per kind (news/_binary_logistic.fit, l2={args.fit_l2}) over candidate "
                "tokens (lemmas of gold triggers and of the lexicon's trigger classes, and the "
                "rules' kept triggers), labelled by the trigger files; thresholds "
                f"filter {args.filter_threshold}, propose {args.propose_threshold}"
            ),
            "trigger_files": [str(f) for f in args.triggers],
        }
        _cv.write_weights(args.out, model, args.triggers, len(stories), facts)
    print(json.dumps(result, indent=1))
    return 0


def _holdout_items(args: argparse.Namespace) -> list[tuple[Path, Path, Path | None]]:
    """(story, gold, None) of every story of the holdout folders."""
    return [
        (f, folder / "gold" / f"{f.stem}.json", None)
        for folder in args.holdout
        for f in sorted(folder.glob("*.txt"))
        if (folder / "gold" / f"{f.stem}.json").exists()
    ][: args.stories]


def _build_words(items: Sequence[tuple[Path, Path, Path | None]]) -> frozenset[str]:
    """The lemmas at which the recorder builds events: those of the trigger files' triggers
    (read by the model's own lemmatizer in their contexts) and the lexicon's trigger words."""
    from tariffscope.news.lexicon import default_lexicon

    lex = default_lexicon()
    words = {w for name in TRIGGER_CLASSES for w in lex.words(name) if " " not in w}
    nlp = load_pipeline()
    contexts = []
    for _, _, f in items:
        if f is not None:
            for event in load_trigger_file(f).events:
                contexts += [(m.context, m.trigger) for m in event.mentions]
    tagger = [n for n in nlp.pipe_names if not n.startswith("tariffscope")]
    with nlp.select_pipes(enable=tagger):
        for (context, trigger), doc in zip(contexts, nlp.pipe(c for c, _ in contexts), strict=True):
            at = context.find(trigger)
            span = doc.char_span(at, at + len(trigger), alignment_mode="expand")
            if span is not None and len(span):
                words.add(span.root.lemma_.lower())
    return frozenset(words)


if __name__ == "__main__":
    sys.exit(main())
