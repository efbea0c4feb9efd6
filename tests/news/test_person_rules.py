"""The people reader's token rules (``news/data/person_rules.json``) on sentences written for
each rule (hand-built parses; none is taken from a story)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.matcher import Matcher
from spacy.tokens import Doc

from tariffscope.errors import DataFileError
from tariffscope.news import mention_chains
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.person_rules import load_person_rules, person_rules

LEX = default_lexicon()
RULES_FILE = Path(mention_chains.__file__).parent / "data" / "person_rules.json"

# (word, pos, dep, head, lemma); head is the index of the head word (itself for ROOT)
Row = tuple[str, str, str, int, str]


def _doc(rows: list[Row], tags: list[str] | None = None) -> Doc:
    return Doc(
        spacy.blank("en").vocab,
        words=[r[0] for r in rows],
        pos=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        heads=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
        tags=tags,
    )


# "Jane Roe said that they would meet her counterpart, according to the two ministers."
SAID: list[Row] = [
    ("Jane", "PROPN", "compound", 1, "Jane"),
    ("Roe", "PROPN", "nsubj", 2, "Roe"),
    ("said", "VERB", "ROOT", 2, "say"),
    ("that", "SCONJ", "mark", 6, "that"),
    ("they", "PRON", "nsubj", 6, "they"),
    ("would", "AUX", "aux", 6, "would"),
    ("meet", "VERB", "ccomp", 2, "meet"),
    ("her", "PRON", "poss", 8, "her"),
    ("counterpart", "NOUN", "dobj", 6, "counterpart"),
    (",", "PUNCT", "punct", 2, ","),
    ("according", "VERB", "prep", 2, "accord"),
    ("to", "ADP", "prep", 10, "to"),
    ("the", "DET", "det", 14, "the"),
    ("two", "NUM", "nummod", 14, "two"),
    ("ministers", "NOUN", "pobj", 11, "minister"),
    (".", "PUNCT", "punct", 2, "."),
]

# "He told reporters both agreed on their terms."
BOTH: list[Row] = [
    ("He", "PRON", "nsubj", 1, "he"),
    ("told", "VERB", "ROOT", 1, "tell"),
    ("reporters", "NOUN", "dobj", 1, "reporter"),
    ("both", "PRON", "nsubj", 4, "both"),
    ("agreed", "VERB", "ccomp", 1, "agree"),
    ("on", "ADP", "prep", 4, "on"),
    ("their", "PRON", "poss", 7, "their"),
    ("terms", "NOUN", "pobj", 5, "term"),
    (".", "PUNCT", "punct", 1, "."),
]


def _rules_at(rows: list[Row], tags: list[str] | None = None) -> dict[str, dict[int, str]]:
    hits = person_rules(LEX).hits(_doc(rows, tags))
    return {family: {i: h.rule for i, h in found.items()} for family, found in hits.items()}


def test_speech_rules_find_verbs_of_saying_and_according_to() -> None:
    speech = _rules_at(SAID)["speech"]
    assert speech == {2: "speech.verb", 10: "speech.according_to"}
    assert person_rules(LEX).hits(_doc(SAID))["speech"][10].end == 12


def test_a_noun_of_saying_is_no_speech_verb() -> None:
    rows: list[Row] = [
        ("The", "DET", "det", 1, "the"),
        ("say", "NOUN", "nsubj", 2, "say"),
        ("matters", "VERB", "ROOT", 2, "matter"),
    ]
    assert _rules_at(rows).get("speech", {}) == {}


def test_chain_rules_find_pronouns_counterparts_and_plurals() -> None:
    chain = _rules_at(SAID)["chain"]
    assert chain == {
        4: "chain.plural_pronoun",
        7: "chain.pronoun_female",
        8: "chain.counterpart",
        14: "chain.pair_noun",  # counted by its "two": the reader's guard
    }
    assert _rules_at(BOTH)["chain"] == {
        0: "chain.pronoun_male",
        3: "chain.pair_number",
        6: "chain.plural_pronoun",
    }


def test_a_number_before_its_noun_is_no_pair_and_a_plural_determiner_no_pronoun() -> None:
    rows: list[Row] = [
        ("two", "NUM", "nummod", 1, "two"),
        ("sides", "NOUN", "nsubj", 3, "side"),
        ("their", "DET", "det", 3, "their"),
        ("met", "VERB", "ROOT", 3, "meet"),
    ]
    assert _rules_at(rows)["chain"] == {1: "chain.pair_noun"}


def test_a_plural_noun_of_an_office_may_name_several_leaders() -> None:
    rows: list[Row] = [
        ("the", "DET", "det", 1, "the"),
        ("leaders", "NOUN", "nsubj", 5, "leader"),
        ("of", "ADP", "prep", 1, "of"),
        ("Canada", "PROPN", "pobj", 2, "Canada"),
        ("and", "CCONJ", "cc", 3, "and"),
        ("met", "VERB", "ROOT", 5, "meet"),
    ]
    tags = ["DT", "NNS", "IN", "NNP", "CC", "VBD"]
    assert _rules_at(rows)["leader"] == {1: "leader.plural_noun"}  # untagged: may be plural
    assert _rules_at(rows, tags)["leader"] == {1: "leader.plural_noun"}
    tags[1] = "NN"
    assert _rules_at(rows, tags)["leader"] == {}  # tagged singular: one person


def test_the_guard_of_a_pair_noun_needs_a_counting_word() -> None:
    words = mention_chains._Words.of(LEX)
    counted, bare = (
        _doc(SAID),
        _doc([("ministers", "NOUN", "nsubj", 1, "minister"), ("met", "VERB", "ROOT", 1, "meet")]),
    )
    assert mention_chains._pair_number_child(counted[14], words)
    assert not mention_chains._pair_number_child(bare[0], words)


def test_rules_match_as_spacy_matcher_does() -> None:
    """The array matcher reads the same subset of the ``Matcher`` syntax the same way."""
    rules = load_person_rules(LEX)
    for rows in (SAID, BOTH):
        doc = _doc(rows)
        matcher = Matcher(doc.vocab)
        for rule in rules:
            matcher.add(rule.id, [[dict(node) for node in p] for p in rule.patterns])
        expected: dict[str, set[int]] = {}
        for match_id, start, _ in matcher(doc, allow_missing=True):
            expected.setdefault(doc.vocab.strings[match_id], set()).add(start)
        found: dict[str, set[int]] = {}
        for hits in person_rules(LEX).hits(doc).values():
            for hit in hits.values():
                found.setdefault(hit.rule, set()).add(hit.start)
        assert found == expected  # no word falls to two rules of one family here


def test_every_rule_is_read_by_the_people_reader() -> None:
    ids = {r.id for r in load_person_rules(LEX)}
    read = (
        set(mention_chains._GENDER_OF)
        | mention_chains._PLURAL_RULES
        | {"chain.counterpart", "speech.verb", "speech.according_to", "leader.plural_noun"}
    )
    assert ids == read
    for rule in load_person_rules(LEX):
        assert rule.reason and rule.family in {"speech", "chain", "leader"}


def test_the_chain_word_sets_are_disjoint() -> None:
    names = [
        "person_pronouns_male",
        "person_pronouns_female",
        "person_pronouns_plural",
        "person_pair_numbers",
        "person_pair_nouns",
        "person_counterpart_nouns",
    ]
    for k, a in enumerate(names):
        for b in names[k + 1 :]:
            assert not LEX.words(a) & LEX.words(b), (a, b)


def test_a_blank_pipeline_finds_only_the_rules_that_test_no_tag() -> None:
    doc = spacy.blank("en")("She said they agreed.")
    hits = person_rules(LEX).hits(doc)
    assert {i: h.rule for i, h in hits["chain"].items()} == {0: "chain.pronoun_female"}
    assert hits["speech"] == {}


def test_an_unsupported_attribute_is_a_data_error() -> None:
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))
    data["rules"][0]["patterns"] = [[{"SHAPE": "Xxxx"}]]
    rules = load_person_rules(LEX, json.dumps(data))
    with pytest.raises(DataFileError, match="SHAPE"):
        type(person_rules(LEX))(rules)
