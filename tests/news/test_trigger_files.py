"""Trigger files (:mod:`tariffscope.news.trigger_files`): every file in tests/news/triggers
matches its story and gold (one entry per gold event, same kinds, every context once in the
story, every trigger once in its context), and the loader maps mentions to the tokens of the
reader's own Doc. The mini story was written for these tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from tariffscope.news.ingest import article_from_text
from tariffscope.news.trigger_files import (
    TriggerFile,
    load_trigger_file,
    problems,
    token_spans,
)

TRIGGERS = Path(__file__).parent / "triggers"
CORPUS = Path(__file__).parent / "corpus"


def _files() -> list[Path]:
    return sorted(TRIGGERS.glob("corpus/*.json"))


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_a_corpus_trigger_file_matches_its_story_and_gold(path: Path) -> None:
    text = (CORPUS / f"{path.stem}.txt").read_text(encoding="utf-8")
    gold = json.loads((CORPUS / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
    triggers = load_trigger_file(path)
    assert triggers.story == path.stem
    assert problems(triggers, text, [e["kind"] for e in gold["events"]]) == []


@pytest.mark.shared
@pytest.mark.parametrize("name", [p.stem for p in sorted(TRIGGERS.glob("dev/*.json"))])
def test_a_dev_trigger_file_matches_its_story_and_gold(name: str, shared: Path) -> None:
    dev = shared / "articles" / "dev"
    text = (dev / f"{name}.txt").read_text(encoding="utf-8")
    gold = json.loads((dev / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    triggers = load_trigger_file(TRIGGERS / "dev" / f"{name}.json")
    assert problems(triggers, text, [e["kind"] for e in gold["events"]]) == []


_STORY = (
    "title: Ministers meet in Lisbon\n"
    "published: 2025-05-02\n\n"
    "The trade ministers of Chile and Kenya met in Lisbon on Thursday.\r\n"
    "After the meeting, they said a deal was close. The meeting lasted an hour."
)

_TRIGGERS = {
    "story": "mini",
    "annotator": "test",
    "events": [
        {
            "index": 0,
            "kind": "meeting",
            "mentions": [
                {"trigger": "meet", "context": "title: Ministers meet in Lisbon"},
                {"trigger": "met", "context": "Chile and Kenya met in Lisbon"},
                {"trigger": "meeting", "context": "on Thursday.\nAfter the meeting, they"},
            ],
        },
        {"index": 1, "kind": "agreement", "mentions": [], "note": "only hoped for"},
    ],
}


def test_mentions_map_to_the_tokens_of_the_readers_doc() -> None:
    article = article_from_text(_STORY)
    doc = spacy.blank("en").make_doc(article.text)
    spans = token_spans(doc, TriggerFile.from_dict(_TRIGGERS))
    assert [s.trigger for s in spans] == ["meet", "met", "meeting"]
    assert spans[0].tokens is None  # the title is in the header block, not the body
    met, meeting = spans[1].tokens, spans[2].tokens
    assert met is not None and meeting is not None
    assert doc[met[0] : met[1]].text == "met"
    # the context's line break is the file's CRLF in the Doc: still the first "meeting"
    assert doc[meeting[0] : meeting[1]].text == "meeting"
    assert meeting[0] < [t.i for t in doc if t.text == "meeting"][1]
    assert {s.event for s in spans} == {0}


def test_problems_name_counts_kinds_contexts_and_triggers() -> None:
    text = article_from_text(_STORY).text.replace("\r\n", "\n")
    good = TriggerFile.from_dict({**_TRIGGERS, "events": _TRIGGERS["events"][1:]})
    assert problems(good, text, ["agreement"]) == ["[0] index/kind 1/agreement, gold 0/agreement"]
    bad = TriggerFile.from_dict(
        {
            "events": [
                {
                    "index": 0,
                    "kind": "meeting",
                    "mentions": [
                        {"trigger": "meeting", "context": "The meeting"},
                        {"trigger": "met", "context": "Thursday"},
                    ],
                },
                {"index": 1, "kind": "talks", "mentions": []},
            ]
        }
    )
    found = problems(bad, text, ["meeting", "agreement", "visit"])
    assert found == [
        "2 entries, gold has 3 events",
        "[0] trigger 'met' not once in its context",
        "[1] index/kind 1/talks, gold 1/agreement",
        "[1] no mentions and no note",
    ]
    twice = TriggerFile.from_dict(
        {
            "events": [
                {"index": 0, "kind": "meeting", "mentions": [{"trigger": "the", "context": "the"}]}
            ]
        }
    )
    assert problems(twice, text, ["meeting"])[0].startswith("[0] context found 2x")


def test_a_malformed_file_is_refused() -> None:
    with pytest.raises(ValueError, match="no 'events' list"):
        TriggerFile.from_dict({"story": "x"})
    with pytest.raises(ValueError, match="event 0"):
        TriggerFile.from_dict({"events": ["met"]})
