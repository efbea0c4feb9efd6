"""The reader's rule files and weights saved with the pipeline (``nlp.to_disk``) and read back
from the saved folder, never from the package (:mod:`tariffscope.news.rulebook`). The
sentences were written for these tests."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import tomllib
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from tariffscope.errors import DataFileError
from tariffscope.news import pipeline
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text, read_article
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.person_rules import person_rules
from tariffscope.news.rulebook import FILES, MANIFEST, VERSION, RuleBook, shipped_rulebook

DEV_STORIES = (
    "02-eu-china-ev-minimum-price-talks-restart-sabc.txt",
    "05-india-uk-fta-signed-chequers-loveworlduk.txt",
    "09-brazil-returns-trump-50pct-tariff-letter-intercity.txt",
)
# written for the rule deadline.reprieve_moved: a reprieve moved to a date
REPRIEVE = "The pause on duties for Peruvian grapes will be extended to November 14."


def _blank_actors() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("tariffscope_actors")
    return nlp


def _without(text: str, rule_id: str) -> str:
    """``person_rules.json`` without the rule ``rule_id``."""
    data = json.loads(text)
    data["rules"] = [r for r in data["rules"] if r["id"] != rule_id]
    return json.dumps(data)


@pytest.fixture(scope="module")
def saved(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("saved") / "pipe"
    nlp.to_disk(folder)
    return folder


def test_every_component_saves_every_rule_file_and_the_manifest(saved: Path) -> None:
    for name in pipeline.COMPONENTS:
        manifest = json.loads((saved / name / MANIFEST).read_text("utf-8"))
        assert manifest == {"version": VERSION, "files": list(FILES)}
        for file in FILES:
            assert (saved / name / file).read_text("utf-8") == shipped_rulebook().text(file)


@pytest.mark.slow
def test_a_saved_pipeline_reads_the_dev_stories_as_the_shipped_one(
    nlp: Language, saved: Path, shared: Path
) -> None:
    loaded = spacy.load(saved)
    assert loaded.pipe_names == nlp.pipe_names
    for story in DEV_STORIES:
        article = read_article(shared / "articles" / "dev" / story)
        assert extract(article, loaded).to_json() == extract(article, nlp).to_json()


@pytest.mark.slow
def test_a_deadline_rule_removed_from_the_saved_folder_is_gone(
    nlp: Language, saved: Path, tmp_path: Path
) -> None:
    article = article_from_text(f"published: 2025-06-20\n\nTrade news\n\n{REPRIEVE}\n")
    assert [d.date for d in extract(article, nlp).deadlines] == [dt.date(2025, 11, 14)]
    edited = tmp_path / "edited"
    shutil.copytree(saved, edited)
    rules = edited / "tariffscope_events" / "deadline_rules.toml"
    kept = [
        line
        for line in rules.read_text("utf-8").split("[[deadline]]")
        if "deadline.reprieve_moved" not in line
    ]
    rules.write_text("[[deadline]]".join(kept), encoding="utf-8")
    assert "deadline.reprieve_moved" not in str(tomllib.loads(rules.read_text("utf-8")))
    assert not extract(article, spacy.load(edited)).deadlines
    assert [d.date for d in extract(article, nlp).deadlines] == [dt.date(2025, 11, 14)]


def test_a_person_rule_removed_from_the_saved_folder_is_gone(tmp_path: Path) -> None:
    # written for chain.pronoun_female: a female pronoun refers back to a person
    sentence = "She told Lima the quota stays."
    nlp = _blank_actors()
    before = person_rules(nlp.get_pipe("tariffscope_actors").lexicon).hits(nlp(sentence))
    assert before["chain"][0].rule == "chain.pronoun_female"
    nlp.to_disk(tmp_path / "pipe")
    path = tmp_path / "pipe" / "tariffscope_actors" / "person_rules.json"
    path.write_text(_without(path.read_text("utf-8"), "chain.pronoun_female"), encoding="utf-8")
    loaded = spacy.load(tmp_path / "pipe")
    after = person_rules(loaded.get_pipe("tariffscope_actors").lexicon).hits(loaded(sentence))
    assert 0 not in after["chain"]
    assert person_rules(default_lexicon()).hits(nlp(sentence))["chain"][0].rule == (
        "chain.pronoun_female"
    )


def test_the_rule_book_survives_to_bytes(tmp_path: Path) -> None:
    nlp = _blank_actors()
    component = nlp.get_pipe("tariffscope_actors")
    text = _without(shipped_rulebook().text("person_rules.json"), "chain.pronoun_male")
    component.lexicon = component.lexicon.with_rules(
        component.lexicon.rules.replaced("person_rules.json", text)
    )
    copy = _blank_actors().get_pipe("tariffscope_actors")
    copy.from_bytes(component.to_bytes())
    assert copy.lexicon.rules == component.lexicon.rules
    assert "chain.pronoun_male" not in person_rules(copy.lexicon).by_id
    assert copy.lexicon.place_code("Peruvian") == "PER"


def test_a_folder_of_another_version_is_refused(tmp_path: Path) -> None:
    nlp = _blank_actors()
    nlp.to_disk(tmp_path / "pipe")
    manifest = tmp_path / "pipe" / "tariffscope_actors" / MANIFEST
    manifest.write_text(json.dumps({"version": VERSION + 1, "files": list(FILES)}), "utf-8")
    with pytest.raises(DataFileError, match=f"format version {VERSION + 1}"):
        spacy.load(tmp_path / "pipe")
    manifest.unlink()
    with pytest.raises(DataFileError, match=r"no rules\.json"):
        spacy.load(tmp_path / "pipe")


def test_bytes_of_another_version_are_refused() -> None:
    data = {"version": VERSION + 1, "files": dict(shipped_rulebook().texts)}
    with pytest.raises(DataFileError, match="format version"):
        RuleBook.from_dict(data)


def test_a_chooser_takes_the_weights_of_its_rule_book(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    component = nlp.add_pipe("tariffscope_actor_filter")
    weights = json.loads(shipped_rulebook().text("actor_filter_model.json"))
    weights["threshold"] = 0.123
    nlp.to_disk(tmp_path / "pipe")
    (tmp_path / "pipe" / "tariffscope_actor_filter" / "actor_filter_model.json").write_text(
        json.dumps(weights), "utf-8"
    )
    loaded = spacy.load(tmp_path / "pipe").get_pipe("tariffscope_actor_filter")
    assert loaded.actor_filter.model is not None
    assert loaded.actor_filter.model.threshold == 0.123
    assert component.actor_filter.model.threshold != 0.123
