"""Benchmark of the news reader: words per second per core, against the bare spaCy model.

Run from the checkout (needs ../shared)::

    python bench/bench_extract.py [--rounds 5] [--jobs 2]

Both pipelines process the same development articles in the same process, alternating, and
the best of ``--rounds`` rounds is kept for each (the least disturbed by other load):

- ``bare``: ``spacy.load(model)``, the model alone;
- ``tariffscope``: the model with the tariffscope components (``load_pipeline``), including
  ``doc_to_extraction``;
- ``tariffscope, N processes``: the batch mode (``nlp.pipe(n_process=N)``), wall clock.

Single-process times are CPU time of this process (``time.process_time``), which other jobs
on a shared machine disturb much less than wall-clock time; the batch mode is wall clock and
only shows a speed-up when the cores are otherwise idle.

The ratio ``tariffscope / bare`` of time per word is the cost of the components (target:
at most 1.30). Results are recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import spacy

from tariffscope.config import shared_dir
from tariffscope.news.extraction import doc_to_extraction
from tariffscope.news.ingest import Article, read_article
from tariffscope.news.pipeline import load_pipeline, make_doc, model_name


def _articles() -> list[Article]:
    base = shared_dir(required=True)
    assert base is not None
    files = sorted((base / "articles" / "dev").glob("*.txt"))
    files.append(base / "seed" / "ishiba-bessent-2025-07-18.txt")
    return [read_article(f) for f in files]


def _bare(nlp: spacy.language.Language, articles: list[Article]) -> float:
    start = time.process_time()
    for _ in nlp.pipe(a.text for a in articles):
        pass
    return time.process_time() - start


def _full(nlp: spacy.language.Language, articles: list[Article], n_process: int = 1) -> float:
    clock = time.process_time if n_process == 1 else time.perf_counter
    start = clock()
    docs = (make_doc(nlp, a) for a in articles)
    for doc in nlp.pipe(docs, n_process=n_process, batch_size=4):
        doc_to_extraction(doc)
    return clock() - start


def _split(nlp: spacy.language.Language, articles: list[Article]) -> tuple[float, float]:
    """CPU time of the model's own components and of the tariffscope ones, on the same docs."""
    ours = [n for n in nlp.pipe_names if n.startswith("tariffscope_")]
    model = [(n, p) for n, p in nlp.pipeline if n not in ours]
    added = [(n, p) for n, p in nlp.pipeline if n in ours and n != "tariffscope_paragraphs"]
    docs = [make_doc(nlp, a) for a in articles]
    start = time.process_time()
    for doc in docs:
        if "tariffscope_paragraphs" in ours:
            nlp.get_pipe("tariffscope_paragraphs")(doc)
        for _, proc in model:
            proc(doc)
    t_model = time.process_time() - start
    start = time.process_time()
    for doc in docs:
        for _, proc in added:
            proc(doc)
        doc_to_extraction(doc)
    return t_model, time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print a small report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3, help="copies of the corpus per round")
    args = parser.parse_args(argv)
    articles = _articles() * args.repeat
    words = sum(len(a.text.split()) for a in articles)
    name = model_name()
    bare = spacy.load(name)
    full = load_pipeline(name)
    _bare(bare, articles[:3])
    _full(full, articles[:3])
    bare_times, full_times, ratios = [], [], []
    for _ in range(args.rounds):
        bare_times.append(_bare(bare, articles))
        full_times.append(_full(full, articles))
        ratios.append(full_times[-1] / bare_times[-1])
    batch = min(_full(full, articles, n_process=args.jobs) for _ in range(max(1, args.rounds // 2)))
    t_bare, t_full = min(bare_times), min(full_times)
    splits = [_split(full, articles) for _ in range(args.rounds)]
    shares = sorted(ours / model for model, ours in splits)
    ratios.sort()
    median = ratios[len(ratios) // 2]
    print(
        f"model {name}; {len(articles)} articles, {words:,} words per round; "
        f"best of {args.rounds} rounds; {os.cpu_count()} cores"
    )
    print(f"bare spaCy            {words / t_bare:9,.0f} words/s per core")
    print(f"tariffscope pipeline  {words / t_full:9,.0f} words/s per core")
    print(
        f"ratio tariffscope/bare (time per word): best/best {t_full / t_bare:.2f}, "
        f"median of per-round ratios {median:.2f} (range {ratios[0]:.2f}-{ratios[-1]:.2f})"
    )
    print(
        f"components alone on the parsed docs: {shares[len(shares) // 2]:.1%} of the model's "
        f"time (median; range {shares[0]:.1%}-{shares[-1]:.1%})"
    )
    print(f"load average over 1 minute: {os.getloadavg()[0]:.1f}")
    print(
        f"batch, {args.jobs} processes: {words / batch:9,.0f} words/s wall clock "
        f"({t_full / batch:.2f}x one process)"
    )
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    raise SystemExit(main())
