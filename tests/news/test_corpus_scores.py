"""The reader on the corpus of real stories (tests/news/corpus), split by a rule fixed before
the first story arrived (tests/news/corpus_split.py).

The floors guard against regressions; they sit a little under the scores recorded in
docs/extraction.md at the end of the latest round (the test split's are its honest scores: no
rule was written from its sentences). The corpus grew from 64 to 142 stories in its second
round, so the floors are those of the larger splits. The annotations are checked against
the extraction schema and the split's size against the issue's minimum.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from spacy.language import Language
from tests.news.corpus_split import CORPUS_DIR, Split, split_of_url, stories, story_url

from tariffscope.domain.news import Extraction
from tariffscope.news.api import extract_many
from tariffscope.news.ingest import read_article
from tariffscope.news.scoring import EvalReport, score_corpus

# (field or attribute, floor) per split
FLOORS: dict[Split, dict[str, float]] = {
    "train": {
        "quotes": 0.95,
        "measures": 0.59,
        "events": 0.46,
        "actors": 0.89,
        "deadlines": 0.62,
        "quotes.speaker": 0.82,
        "measures.status": 0.73,
        "actors.role": 0.87,
        "actors.country": 0.93,
    },
    "test": {
        "quotes": 0.96,
        "measures": 0.47,
        "events": 0.35,
        "actors": 0.79,
        # 13 gold deadlines: one match moves F1 by ~0.07; round 5 (yearless dates of undated
        # stories take a year from the catalog horizon) lost one and added two (0.60 -> 0.45),
        # kept on train/dev evidence (docs/extraction.md, "Fourth round: time")
        "deadlines": 0.44,
        "quotes.speaker": 0.80,
        # round 17 added 23 unseen stories whose status scores 0.36 (4/11) on first run and
        # at the end: the 134 score 0.58 (53/91), recorded in docs/extraction.md
        "measures.status": 0.55,
        "actors.role": 0.82,
        "actors.country": 0.92,
    },
}


def _report(nlp: Language, split: Split) -> EvalReport:
    paths = stories(split)
    gold = [
        Extraction.from_dict(json.loads((CORPUS_DIR / "gold" / f"{p.stem}.json").read_text()))
        for p in paths
    ]
    predicted = extract_many([read_article(p) for p in paths], nlp)
    return score_corpus(
        (p.stem, g, pred) for p, g, pred in zip(paths, gold, predicted, strict=True)
    )


def test_every_story_has_a_url_a_gold_file_and_a_split() -> None:
    paths = sorted(CORPUS_DIR.glob("*.txt"))
    assert len(paths) >= 60
    for path in paths:
        assert (CORPUS_DIR / "gold" / f"{path.stem}.json").is_file(), path.name
        assert story_url(path).startswith("http"), path.name
    assert len(stories("test")) >= 20
    assert len(stories("test")) + len(stories("train")) == len(paths)


def test_split_rule_is_the_hash_of_the_url() -> None:
    assert split_of_url("https://example.org/a") == split_of_url(" https://example.org/a ")
    assert {split_of_url(f"https://example.org/{i}") for i in range(40)} == {"train", "test"}


@pytest.mark.shared
def test_gold_files_follow_the_extraction_schema(schema: dict[str, object]) -> None:
    for path in sorted((CORPUS_DIR / "gold").glob("*.json")):
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


@pytest.mark.slow
@pytest.mark.parametrize("split", ["train", "test"])
def test_scores_stay_above_their_floors(nlp: Language, split: Split) -> None:
    report = _report(nlp, split)
    for name, floor in FLOORS[split].items():
        value = report.field(name).f1 if "." not in name else report.attribute(name).accuracy
        assert value >= floor, (split, name, value)
