"""The spaCy components without a trained model: blank pipelines and hand-built Docs."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

import tariffscope.news.pipeline as pipeline
from tariffscope.news._persons import parse_role
from tariffscope.news.extraction import doc_to_extraction
from tariffscope.news.lexicon import Lexicon, default_lexicon, expand_words

ROOT = Path(__file__).resolve().parents[2]
ALL = ("tariffscope_paragraphs", *pipeline.COMPONENTS, "tariffscope_sentence_veto")


def _blank() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("tariffscope_paragraphs", first=True)
    for name in pipeline.COMPONENTS:
        nlp.add_pipe(name)
    return nlp


def test_factories_are_registered_and_exposed_as_entry_points() -> None:
    factories = {n for n in spacy.registry.factories.get_all() if n.startswith("tariffscope_")}
    assert factories == set(ALL)
    # what an install exposes: pyproject's table (the installed metadata may predate a branch)
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    exposed = set(declared["project"]["entry-points"]["spacy_factories"])
    assert exposed == set(ALL)
    installed = {
        e.name for e in entry_points(group="spacy_factories") if e.value.startswith("tariffscope.")
    }
    assert installed <= set(ALL)


def test_paragraph_breaks_start_sentences() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("tariffscope_paragraphs")
    doc = nlp(
        "Brazil Pushes U.S. for Swift Coffee Tariff Cuts\nBrazil's negotiator is in Washington"
    )
    after = next(t for t in doc if t.i > 0 and "\n" in doc[t.i - 1].text + doc[t.i - 1].whitespace_)
    assert after.text == "Brazil" and after.is_sent_start
    assert doc[after.i + 1].is_sent_start is False


def test_blank_pipeline_runs_and_serializes(tmp_path: Path) -> None:
    nlp = _blank()
    doc = nlp.make_doc("President Donald Trump said tariffs on cars will rise to 25% on Aug. 1.")
    doc._.tariffscope_meta = {"published": "2025-06-20", "title": None}
    doc = nlp(doc)
    extraction = doc_to_extraction(doc)
    assert [a.name for a in extraction.actors] == ["Donald Trump"]
    assert extraction.actors[0].role == "President"
    assert [d["date"] for d in doc._.tariffscope_dates] == ["2025-08-01"]
    # annotations are plain data: they survive Doc.to_bytes (used by nlp.pipe workers)
    copy = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert copy._.tariffscope_persons == doc._.tariffscope_persons
    nlp.to_disk(tmp_path / "pipe")
    for name in pipeline.COMPONENTS:
        saved = json.loads((tmp_path / "pipe" / name / "lexicon.json").read_text("utf-8"))
        assert saved["demonyms"]["Vietnamese"] == "VNM"
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == nlp.pipe_names


def test_initialize_loads_another_lexicon(tmp_path: Path) -> None:
    data = json.loads(default_lexicon().to_json())
    data["demonyms"]["Atlantean"] = "ATL"
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    nlp = spacy.blank("en")
    component = nlp.add_pipe("tariffscope_actors")
    component.initialize(lexicon_path=str(path))
    assert component.lexicon.place_code("Atlantean") == "ATL"
    assert default_lexicon().place_code("Atlantean") is None


def test_role_from_title_words() -> None:
    nlp = spacy.blank("en")
    doc = Doc(
        nlp.vocab,
        words=["Thai", "Prime", "Minister", "Anutin", "Charnvirakul"],
        pos=["ADJ", "PROPN", "PROPN", "PROPN", "PROPN"],
    )
    info = parse_role(list(doc[0:3]), default_lexicon())
    assert info is not None and (info.role, info.country) == ("Prime Minister", "THA")
    doc = Doc(
        nlp.vocab,
        words=["India", "’s", "chief", "negotiator"],
        pos=["PROPN", "PART", "ADJ", "NOUN"],
    )
    info = parse_role(list(doc), default_lexicon())
    assert info is not None and (info.role, info.country) == ("chief negotiator", "IND")
    doc = Doc(nlp.vocab, words=["former", "President"], pos=["ADJ", "PROPN"])
    info = parse_role(list(doc), default_lexicon())
    assert info is not None and info.former


def _parsed(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    spaces: list[bool],
    lemmas: list[str] | None = None,
) -> Doc:
    nlp = spacy.blank("en")
    return Doc(
        nlp.vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas or [w.lower() for w in words],
        sent_starts=[1] + [0] * (len(words) - 1),
    )


def test_quote_speaker_from_a_hand_built_parse() -> None:
    words = ["“", "We", "agree", "on", "this", "deal", ",", "”", "Ramaphosa", "said", "."]
    heads = [2, 2, 9, 2, 5, 3, 2, 2, 9, 9, 9]
    deps = [
        "punct",
        "nsubj",
        "ccomp",
        "prep",
        "det",
        "pobj",
        "punct",
        "punct",
        "nsubj",
        "ROOT",
        "punct",
    ]
    pos = [
        "PUNCT",
        "PRON",
        "VERB",
        "ADP",
        "DET",
        "NOUN",
        "PUNCT",
        "PUNCT",
        "PROPN",
        "VERB",
        "PUNCT",
    ]
    spaces = [False, True, True, True, True, False, False, True, True, False, False]
    lemmas = [w.lower() for w in words]
    lemmas[9] = "say"
    doc = _parsed(words, heads, deps, pos, spaces, lemmas)
    start = doc.text.index("Ramaphosa")
    doc._.tariffscope_persons = [
        {
            "name": "Cyril Ramaphosa",
            "role": None,
            "country": "ZAF",
            "actor": True,
            "start": start,
            "end": start + 9,
            "mentions": [[start, start + 9]],
        }
    ]
    doc._.tariffscope_mentions = [{"start": start, "end": start + 9, "person": 0, "kind": "name"}]
    spacy.blank("en").add_pipe("tariffscope_quotes")(doc)
    assert doc._.tariffscope_quotes == [
        {
            "text": "We agree on this deal,",
            "start": 1,
            "end": 23,
            "speaker": "Cyril Ramaphosa",
            "via": None,
        }
    ]


def test_dates_follow_the_tense_in_a_hand_built_parse() -> None:
    words = ["Greer", "will", "attend", "on", "Saturday", "."]
    doc = _parsed(
        words,
        [2, 2, 2, 2, 3, 2],
        ["nsubj", "aux", "ROOT", "prep", "pobj", "punct"],
        ["PROPN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
        [True, True, True, True, False, False],
    )
    doc[1].tag_ = "MD"
    doc[2].tag_ = "VB"
    doc._.tariffscope_meta = {"published": "2025-09-12"}
    spacy.blank("en").add_pipe("tariffscope_dates")(doc)
    (found,) = doc._.tariffscope_dates
    assert found["date"] == (dt.date(2025, 9, 13)).isoformat()
    assert found["direction"] == 1


def test_vocabulary_word_sets_are_named_and_versioned() -> None:
    from tariffscope.errors import DataFileError
    from tariffscope.news.lexicon import Lexicon, default_lexicon

    lexicon = default_lexicon()
    data = json.loads(lexicon.to_json())
    data["words"] = {"sample_verbs": ["meet", "talk"]}
    data["version"] = 99
    reloaded = Lexicon.from_json(json.dumps(data))
    assert reloaded.version == 99
    assert reloaded.words("sample_verbs") == frozenset({"meet", "talk"})
    with pytest.raises(DataFileError, match="no word set 'absent'"):
        reloaded.words("absent")


def test_one_expansion_of_word_sets_for_every_rule_file() -> None:
    data = json.loads(default_lexicon().to_json())
    data["words"]["test_crops"] = ["grape", "copper"]
    lex = Lexicon.from_json(json.dumps(data))
    pattern = [{"LEMMA": {"IN": "@test_crops"}}, {"LOWER": {"NOT_IN": ["tea", "@test_crops"]}}]
    cased = ["COPPER", "Copper", "GRAPE", "Grape", "copper", "grape"]
    assert expand_words(pattern, lex) == [
        {"LEMMA": {"IN": cased}},
        {"LOWER": {"NOT_IN": ["tea", "copper", "grape"]}},
    ]
    assert expand_words(pattern, lex, cased_lemmas=False)[0] == {
        "LEMMA": {"IN": ["copper", "grape"]}
    }
    assert expand_words({"LEMMA": {"NOT_IN": "@test_crops"}}, lex) == {"LEMMA": {"NOT_IN": cased}}
