"""The title, role and apposition rules of the people reader as data (``role_rules`` in
``news/data/person_rules.json``), one test per family on sentences written for it (hand-built
Docs: the words and tags are the point, not the parse). No name or country is a story's."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from tariffscope.errors import DataFileError
from tariffscope.news._persons import left_role, right_role
from tariffscope.news._role_rules import FAMILIES, load_role_rules, role_rules
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.rulebook import shipped_rulebook

LEX = default_lexicon()
RULES = role_rules(LEX)

# (word, pos, lemma); a word glued to the next one is followed by "+"
Row = tuple[str, str, str]


def _doc(rows: list[Row]) -> Doc:
    words = [w.removesuffix("+") if w != "+" else w for w, _, _ in rows]
    spaces = [not w.endswith("+") for w, _, _ in rows]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        pos=[p for _, p, _ in rows],
        lemmas=[lemma for _, _, lemma in rows],
    )


def _decided(family: str, doc: Doc, i: int) -> str | None:
    guards = {
        "role_word": lambda t: True,
        "lower_role_word_after": lambda t: True,
        "glued": lambda t: True,
        "inside_ministry": lambda t: True,
        "glued_past": lambda t: t.lower_ in LEX.former_words,
        "after_untitled_word": lambda t: not doc[t.i - 1].is_title,
        "not_first": lambda t: True,
        "title_follows": lambda t: True,
        "joins_offices": lambda t: True,
        "lists_portfolios": lambda t: True,
        "after_no_office_word": lambda t: not doc[t.i - 1].is_title,
    }
    rule = RULES.decide(family, doc[i], guards)
    return None if rule is None else rule.id


def test_every_rule_has_a_known_family_a_reason_and_a_distinct_id() -> None:
    rules = load_role_rules(LEX)
    assert {r.family for r in rules} == FAMILIES
    assert all(r.reason for r in rules)
    assert len({r.id for r in rules}) == len(rules)


# "Chilean Mining Minister Luis Rojas met with Peru's envoy of 2 nations."
MET: list[Row] = [
    ("met", "VERB", "meet"),
    ("with", "ADP", "with"),
    ("Chilean", "ADJ", "chilean"),
    ("Mining", "PROPN", "Mining"),
    ("Minister", "PROPN", "Minister"),
    ("Luis", "PROPN", "Luis"),
    ("Rojas", "PROPN", "Rojas"),
    ("of", "ADP", "of"),
    ("Peru", "PROPN", "Peru"),
    ("'s", "PART", "'s"),
    ("trade", "NOUN", "trade"),
    ("2", "NUM", "2"),
]


def test_title_run_keeps_capitals_connectors_and_office_words_and_stops_at_a_verb_word() -> None:
    doc = _doc(MET)
    assert _decided("title_run", doc, 4) == "title_run.capitalized"
    assert _decided("title_run", doc, 7) == "title_run.function_connector"
    assert _decided("title_run", doc, 9) == "title_run.possessive"
    assert _decided("title_run", doc, 10) == "title_run.role_word"
    stop = RULES.decide("title_run", doc[1], {"role_word": lambda t: True})
    assert stop is not None and stop.id == "title_run.function_word" and not stop.keep
    assert not RULES.holds("title_run", doc[11], {"role_word": lambda t: True})
    info = left_role(doc, 5, LEX)
    assert info is not None and (info.role, info.country) == ("Mining Minister", "CHL")


def test_title_left_reads_a_loose_noun_a_glued_hyphen_and_a_glued_past_marker() -> None:
    # "textile minister", "Vice-Premier", "then-President"
    doc = _doc(
        [
            ("textile", "NOUN", "textile"),
            ("minister", "NOUN", "minister"),
            ("Vice+", "PROPN", "Vice"),
            ("-+", "PUNCT", "-"),
            ("Premier", "PROPN", "Premier"),
            ("then+", "ADV", "then"),
            ("-+", "PUNCT", "-"),
            ("President", "PROPN", "President"),
        ]
    )
    assert _decided("title_left", doc, 0) == "title_left.loose_noun"
    assert _decided("title_left", doc, 3) == "title_left.inner_hyphen"
    assert _decided("title_left", doc, 5) == "title_left.glued_past"
    assert _decided("title_left", doc, 4) is None
    # read from a name: "then-President Ana Quispe" is a former president
    named = _doc(
        [
            ("then+", "ADV", "then"),
            ("-+", "PUNCT", "-"),
            ("President", "PROPN", "President"),
            ("Ana", "PROPN", "Ana"),
            ("Quispe", "PROPN", "Quispe"),
        ]
    )
    info = left_role(named, 3, LEX)
    assert info is not None and info.former and info.role == "President"


def test_title_lead_of_tail_and_to_verb_cut_what_is_not_the_role() -> None:
    # "he spoke to Trade Minister Ana Quispe"; "the prosecution of former President Ana Quispe"
    spoke = _doc(
        [
            ("spoke", "VERB", "speak"),
            ("to", "ADP", "to"),
            ("Trade", "PROPN", "Trade"),
            ("Minister", "PROPN", "Minister"),
            ("Ana", "PROPN", "Ana"),
            ("Quispe", "PROPN", "Quispe"),
        ]
    )
    assert _decided("title_to_verb", spoke, 1) == "title_to_verb.to"
    info = left_role(spoke, 4, LEX)
    assert info is not None and info.role == "Trade Minister"
    tail = _doc(
        [
            ("prosecution", "NOUN", "prosecution"),
            ("of", "ADP", "of"),
            ("Chamber", "PROPN", "Chamber"),
            ("of", "ADP", "of"),
        ]
    )
    assert _decided("title_of_tail", tail, 1) == "title_of_tail.of_after_lower_word"
    assert _decided("title_of_tail", tail, 3) is None  # "Chamber of ...": the 'of' is the name's
    assert _decided("title_lead", tail, 1) == "title_lead.connector"
    assert _decided("title_lead", tail, 2) is None


def test_an_apposition_opens_with_a_comma_and_closes_with_a_mark_or_a_verb_of_saying() -> None:
    # "Ana Quispe, who is also Peru's trade minister, said"
    doc = _doc(
        [
            ("Ana", "PROPN", "Ana"),
            ("Quispe", "PROPN", "Quispe"),
            (",", "PUNCT", ","),
            ("who", "PRON", "who"),
            ("is", "AUX", "be"),
            ("also", "ADV", "also"),
            ("Peru", "PROPN", "Peru"),
            ("'s", "PART", "'s"),
            ("trade", "NOUN", "trade"),
            ("minister", "NOUN", "minister"),
            (",", "PUNCT", ","),
            ("said", "VERB", "say"),
        ]
    )
    assert _decided("apposition_open", doc, 2) == "apposition_open.comma_or_dash"
    assert _decided("apposition_relative", doc, 3) == "apposition_relative.who"
    assert _decided("apposition_close", doc, 10) == "apposition_close.mark"
    assert _decided("apposition_close", doc, 11) == "apposition_close.speech_verb"
    assert _decided("apposition_close", doc, 8) is None
    info = right_role(doc, 2, LEX)
    assert info is not None and (info.role, info.country) == ("trade minister", "PER")
    assert right_role(doc, 1, LEX) is None  # no comma after "Ana": no apposition


def test_an_apposition_runs_over_lower_nouns_glued_hyphens_and_two_offices() -> None:
    # "Luis Rojas, chair of the senate committee and Ministry Spokesperson, wrote"
    doc = _doc(
        [
            ("Luis", "PROPN", "Luis"),
            ("Rojas", "PROPN", "Rojas"),
            (",", "PUNCT", ","),
            ("chair", "NOUN", "chair"),
            ("of", "ADP", "of"),
            ("the", "DET", "the"),
            ("senate", "NOUN", "senate"),
            ("committee", "NOUN", "committee"),
            ("and", "CCONJ", "and"),
            ("Ministry", "PROPN", "Ministry"),
            ("Spokesperson", "PROPN", "Spokesperson"),
            ("wrote", "VERB", "write"),
        ]
    )
    assert _decided("apposition_run", doc, 6) == "apposition_run.lower_noun"
    assert _decided("apposition_run", doc, 8) == "apposition_run.two_offices"
    info = right_role(doc, 2, LEX)
    assert info is not None and info.role is not None and info.role.startswith("chair of the")


def test_a_role_rule_of_an_unknown_family_is_a_data_error() -> None:
    data = json.loads(shipped_rulebook().text("person_rules.json"))
    data["role_rules"][0]["family"] = "title_guess"
    with pytest.raises(DataFileError, match="title_guess"):
        load_role_rules(LEX, json.dumps(data))


def test_a_guard_the_reader_does_not_make_is_a_data_error() -> None:
    doc = _doc(MET)
    with pytest.raises(DataFileError, match="role_word"):
        RULES.decide("title_run", doc[10], {})


def test_a_repeated_role_rule_id_is_a_data_error() -> None:
    data = json.loads(shipped_rulebook().text("person_rules.json"))
    data["role_rules"][1]["id"] = data["role_rules"][0]["id"]
    with pytest.raises(DataFileError, match="repeated"):
        load_role_rules(LEX, json.dumps(data))
