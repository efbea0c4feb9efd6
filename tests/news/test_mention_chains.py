"""Mention chains on sentences written for these tests.

The resolver is tested on hand-built ``Doc`` objects (the parse is given, not predicted), one
class of reference per test; the last tests run the trained model to check that quotation
speakers and event participants go through the same chains.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from tariffscope.domain.news import Extraction
from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text
from tariffscope.news.lexicon import default_lexicon
from tariffscope.news.mention_chains import (
    ChainPerson,
    Mention,
    MentionChains,
    build_chains,
)

_VOCAB = spacy.blank("en").vocab  # lexical attributes (lower case) for hand-built docs
#: one token: (text, head index within its sentence, dep, pos[, lemma])
Tok = tuple[Any, ...]


def _doc(sentences: Sequence[Sequence[Tok]]) -> Doc:
    words, heads, deps, pos, lemmas = [], [], [], [], []
    for sentence in sentences:
        offset = len(words)
        for tok in sentence:
            words.append(tok[0])
            heads.append(offset + tok[1])
            deps.append(tok[2])
            pos.append(tok[3])
            lemmas.append(tok[4] if len(tok) > 4 else tok[0].lower())
    spaces = [
        i + 1 < len(words) and words[i + 1] not in {".", ",", "'s"} for i in range(len(words))
    ]
    return Doc(_VOCAB, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)


def _chains(
    doc: Doc, people: Sequence[tuple[str, str | None, str | None]], named: dict[int, int]
) -> MentionChains:
    """``people``: (name, country, role); ``named``: token index -> person (one-word names)."""
    persons = [{"name": n, "country": c, "role": r} for n, c, r in people]
    mentions = [
        {"start": doc[i].idx, "end": doc[i].idx + len(doc[i]), "person": p, "kind": "name"}
        for i, p in sorted(named.items())
    ]
    return build_chains(doc, persons, mentions, default_lexicon())


def _who(chains: MentionChains, doc: Doc, i: int) -> list[str]:
    token = doc[i]
    found = chains.persons_at(token.idx, token.idx + len(token))
    return [chains.people[p].name for p in found]


# "Lee met Anutin." / "Anutin met Lee."
def _met(a: str, b: str) -> list[Tok]:
    return [(a, 1, "nsubj", "PROPN"), ("met", 1, "ROOT", "VERB", "meet"), (b, 1, "dobj", "PROPN"),
            (".", 1, "punct", "PUNCT")]  # fmt: skip


def test_a_pronoun_is_the_last_person_named_as_a_subject() -> None:
    doc = _doc([_met("Lee", "Anutin"), [("He", 1, "nsubj", "PRON"), ("left", 1, "ROOT", "VERB"),
                                        (".", 1, "punct", "PUNCT")]])  # fmt: skip
    chains = _chains(doc, [("Lee", "KOR", None), ("Anutin", "THA", None)], {0: 0, 2: 1})
    assert _who(chains, doc, 4) == ["Lee"]


def test_an_honorific_gives_the_gender_a_pronoun_must_agree_with() -> None:
    doc = _doc(
        [
            [("Mr", 1, "compound", "PROPN"), ("Park", 2, "nsubj", "PROPN"),
             ("met", 2, "ROOT", "VERB", "meet"), ("Ms", 4, "compound", "PROPN"),
             ("Kim", 2, "dobj", "PROPN"), (".", 2, "punct", "PUNCT")],
            [("She", 1, "nsubj", "PRON"), ("left", 1, "ROOT", "VERB"), (".", 1, "punct", "PUNCT")],
        ]
    )  # fmt: skip
    chains = _chains(doc, [("Park", "KOR", None), ("Kim", "KOR", None)], {1: 0, 4: 1})
    assert _who(chains, doc, 6) == ["Kim"]
    assert [p.gender for p in chains.people] == ["m", "f"]


def test_a_pronoun_with_one_possible_antecedent_tells_that_persons_gender() -> None:
    doc = _doc(
        [
            [("Kim", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "say"),
             ("she", 3, "nsubj", "PRON"), ("agreed", 1, "ccomp", "VERB"), (".", 1, "punct", "PUNCT")],
            [("Kim", 1, "nsubj", "PROPN"), ("thanked", 1, "ROOT", "VERB", "thank"),
             ("Park", 1, "dobj", "PROPN"), (".", 1, "punct", "PUNCT")],
            [("He", 1, "nsubj", "PRON"), ("smiled", 1, "ROOT", "VERB"), (".", 1, "punct", "PUNCT")],
        ]
    )  # fmt: skip
    chains = _chains(doc, [("Kim", "KOR", None), ("Park", "USA", None)], {0: 0, 5: 0, 7: 1})
    assert _who(chains, doc, 2) == ["Kim"]
    assert _who(chains, doc, 9) == ["Park"]  # Kim is the subject, but "she"


def test_the_subject_of_a_speech_verb_is_the_last_person_who_spoke() -> None:
    doc = _doc(
        [
            [("Lee", 1, "nsubj", "PROPN"), ("said", 1, "ROOT", "VERB", "say"),
             ("yes", 1, "dobj", "INTJ"), (".", 1, "punct", "PUNCT")],
            [("Anutin", 1, "nsubj", "PROPN"), ("arrived", 1, "ROOT", "VERB", "arrive"),
             (".", 1, "punct", "PUNCT")],
            [("He", 1, "nsubj", "PRON"), ("added", 1, "ROOT", "VERB", "add"),
             ("more", 1, "dobj", "ADJ"), (".", 1, "punct", "PUNCT")],
        ]
    )  # fmt: skip
    chains = _chains(doc, [("Lee", "KOR", None), ("Anutin", "THA", None)], {0: 0, 4: 1})
    assert _who(chains, doc, 7) == ["Lee"]  # not Anutin, the latest subject


def test_an_object_pronoun_is_not_the_subject_of_its_own_clause() -> None:
    # "Rossi met Okafor. He thanked him." : "him" is Okafor, never the one who thanked
    doc = _doc(
        [
            _met("Rossi", "Okafor"),
            [("He", 1, "nsubj", "PRON"), ("thanked", 1, "ROOT", "VERB", "thank"),
             ("him", 1, "dobj", "PRON"), (".", 1, "punct", "PUNCT")],
        ]
    )  # fmt: skip
    chains = _chains(doc, [("Rossi", "ITA", None), ("Okafor", "NGA", None)], {0: 0, 2: 1})
    assert _who(chains, doc, 4) == ["Rossi"]
    assert _who(chains, doc, 6) == ["Okafor"]


def test_the_leaders_of_named_countries_are_each_countrys_leader() -> None:
    # "Bianchi met Okafor. Rossi left. The leaders of Italy and Nigeria spoke."
    doc = _doc(
        [
            _met("Bianchi", "Okafor"),
            [("Rossi", 1, "nsubj", "PROPN"), ("left", 1, "ROOT", "VERB", "leave"),
             (".", 1, "punct", "PUNCT")],
            [("The", 1, "det", "DET"), ("leaders", 6, "nsubj", "NOUN", "leader"),
             ("of", 1, "prep", "ADP"), ("Italy", 2, "pobj", "PROPN"), ("and", 3, "cc", "CCONJ"),
             ("Nigeria", 3, "conj", "PROPN"), ("spoke", 6, "ROOT", "VERB", "speak"),
             (".", 6, "punct", "PUNCT")],
        ]
    )  # fmt: skip
    people = [
        ("Bianchi", "ITA", "trade minister"),
        ("Okafor", "NGA", "President"),
        ("Rossi", "ITA", "Prime Minister"),
    ]
    chains = _chains(doc, people, {0: 0, 2: 1, 4: 2})
    leaders = doc[8]
    found = chains.persons_at(leaders.left_edge.idx, leaders.idx + len(leaders))
    assert sorted(chains.people[p].name for p in found) == ["Okafor", "Rossi"]


def _praised(pronoun: str) -> list[Tok]:
    return [(pronoun, 3, "nsubj", "PRON"), ("then", 3, "advmod", "ADV"), ("warmly", 3, "advmod", "ADV"),
            ("praised", 3, "ROOT", "VERB", "praise"), ("his", 5, "poss", "PRON"),
            ("counterpart", 3, "dobj", "NOUN"), (".", 3, "punct", "PUNCT")]  # fmt: skip


def test_his_counterpart_is_the_other_sides_person_of_the_same_rank() -> None:
    first = [("Trump", 1, "nsubj", "PROPN"), ("called", 1, "ROOT", "VERB", "call"),
             ("Lee", 1, "dobj", "PROPN"), ("with", 1, "prep", "ADP"), ("Greer", 3, "pobj", "PROPN"),
             (".", 1, "punct", "PUNCT")]  # fmt: skip
    doc = _doc([first, _praised("Lee")])
    people = [("Trump", "USA", "President"), ("Lee", "KOR", "President"),
              ("Greer", "USA", "Trade Representative")]  # fmt: skip
    chains = _chains(doc, people, {0: 0, 2: 1, 4: 2, 6: 1})
    counterpart = doc[11]
    assert chains.person_of(counterpart) == 0  # Trump, a leader like Lee; not Greer
    assert chains.person_of(doc[10]) == 1  # "his" alone is Lee
    kinds = {m.kind for m in chains.chain(0)}
    assert kinds == {"name", "counterpart"}


def test_the_two_leaders_are_the_pair_of_the_meeting_just_told() -> None:
    doc = _doc(
        [
            [("Pichai", 1, "nsubj", "PROPN"), ("spoke", 1, "ROOT", "VERB", "speak"),
             (".", 1, "punct", "PUNCT")],
            _met("Lee", "Anutin"),
            [("The", 2, "det", "DET"), ("two", 2, "nummod", "NUM"), ("leaders", 3, "nsubj", "NOUN", "leader"),
             ("agreed", 3, "ROOT", "VERB", "agree"), (".", 3, "punct", "PUNCT")],
        ]
    )  # fmt: skip
    people = [("Pichai", "THA", None), ("Lee", "KOR", None), ("Anutin", "THA", None)]
    chains = _chains(doc, people, {0: 0, 3: 1, 5: 2})
    assert _who(chains, doc, 9) == ["Lee", "Anutin"]
    assert _who(chains, doc, 7) == ["Lee", "Anutin"]  # the whole phrase, from "The"


def test_the_two_leaders_reach_back_to_the_last_pair_and_they_does_not() -> None:
    spoke = [("Pichai", 1, "nsubj", "PROPN"), ("spoke", 1, "ROOT", "VERB", "speak"),
             (".", 1, "punct", "PUNCT")]  # fmt: skip
    doc = _doc(
        [
            _met("Lee", "Anutin"),
            spoke, spoke, spoke, spoke,
            [("The", 2, "det", "DET"), ("two", 2, "nummod", "NUM"), ("leaders", 3, "nsubj", "NOUN", "leader"),
             ("agreed", 3, "ROOT", "VERB", "agree"), (".", 3, "punct", "PUNCT")],
            [("They", 1, "nsubj", "PRON"), ("left", 1, "ROOT", "VERB", "leave"), (".", 1, "punct", "PUNCT")],
        ]
    )  # fmt: skip
    people = [("Lee", "KOR", None), ("Anutin", "THA", None), ("Pichai", "THA", None)]
    named = {0: 0, 2: 1} | {i: 2 for i in (4, 7, 10, 13)}
    chains = _chains(doc, people, named)
    assert _who(chains, doc, 18) == ["Lee", "Anutin"]  # beyond the window of "they"
    assert _who(chains, doc, 21) == []


def test_they_and_their_are_the_two_latest_people_of_different_sides() -> None:
    doc = _doc(
        [
            [("Lee", 1, "nsubj", "PROPN"), ("spoke", 1, "ROOT", "VERB", "speak"),
             (".", 1, "punct", "PUNCT")],
            [("Anutin", 1, "nsubj", "PROPN"), ("spoke", 1, "ROOT", "VERB", "speak"),
             (".", 1, "punct", "PUNCT")],
            [("Pichai", 1, "nsubj", "PROPN"), ("spoke", 1, "ROOT", "VERB", "speak"),
             (".", 1, "punct", "PUNCT")],
            [("They", 1, "nsubj", "PRON"), ("praised", 1, "ROOT", "VERB", "praise"),
             ("their", 3, "poss", "PRON"), ("meeting", 1, "dobj", "NOUN"), (".", 1, "punct", "PUNCT")],
        ]
    )  # fmt: skip
    people = [("Lee", "KOR", None), ("Anutin", "THA", None), ("Pichai", "THA", None)]
    chains = _chains(doc, people, {0: 0, 3: 1, 6: 2})
    assert _who(chains, doc, 9) == ["Lee", "Pichai"]  # Anutin is on Pichai's side
    assert _who(chains, doc, 11) == ["Lee", "Pichai"]


def test_the_two_alone_and_both_are_the_pair() -> None:
    doc = _doc(
        [
            _met("Lee", "Anutin"),
            [("The", 1, "det", "DET"), ("two", 2, "nsubj", "NUM"), ("agreed", 2, "ROOT", "VERB", "agree"),
             (".", 2, "punct", "PUNCT")],
            [("Both", 1, "nsubj", "PRON"), ("left", 1, "ROOT", "VERB", "leave"), (".", 1, "punct", "PUNCT")],
        ]
    )  # fmt: skip
    chains = _chains(doc, [("Lee", "KOR", None), ("Anutin", "THA", None)], {0: 0, 2: 1})
    assert _who(chains, doc, 5) == ["Lee", "Anutin"]
    assert _who(chains, doc, 8) == ["Lee", "Anutin"]


def test_a_pronoun_before_anyone_is_named_stays_unresolved() -> None:
    doc = _doc([[("He", 1, "nsubj", "PRON"), ("met", 1, "ROOT", "VERB", "meet"),
                 ("Lee", 1, "dobj", "PROPN"), (".", 1, "punct", "PUNCT")]])  # fmt: skip
    chains = _chains(doc, [("Lee", "KOR", None)], {2: 0})
    assert _who(chains, doc, 0) == []


def test_a_number_before_a_noun_that_is_not_people_is_no_plural() -> None:
    doc = _doc(
        [
            _met("Lee", "Anutin"),
            [("The", 2, "det", "DET"), ("two", 2, "nummod", "NUM"), ("tariffs", 3, "nsubj", "NOUN"),
             ("fell", 3, "ROOT", "VERB", "fall"), (".", 3, "punct", "PUNCT")],
        ]
    )  # fmt: skip
    chains = _chains(doc, [("Lee", "KOR", None), ("Anutin", "THA", None)], {0: 0, 2: 1})
    assert _who(chains, doc, 6) == []


def test_an_ambiguous_role_phrase_is_the_salient_holder() -> None:
    doc = _doc(
        [
            _met("Lee", "Anutin"),
            [("The", 2, "det", "DET"), ("president", 2, "compound", "NOUN"), ("spoke", 2, "ROOT", "VERB", "speak"),
             (".", 2, "punct", "PUNCT")],
        ]
    )  # fmt: skip
    lex = default_lexicon()
    persons = [{"name": "Lee", "country": "KOR", "role": "President"},
               {"name": "Anutin", "country": "THA", "role": "President"}]  # fmt: skip
    role = doc[5]
    mentions = [
        {"start": doc[0].idx, "end": doc[0].idx + 3, "person": 0, "kind": "name"},
        {"start": doc[2].idx, "end": doc[2].idx + 6, "person": 1, "kind": "name"},
        {"start": role.idx, "end": role.idx + len(role), "person": 1, "kind": "role",
         "candidates": [0, 1]},
    ]  # fmt: skip
    chains = build_chains(doc, persons, mentions, lex)
    assert chains.person_of(role) == 0  # the subject of the sentence before


def test_a_name_beats_a_counterpart_phrase_which_beats_the_pronoun_inside_it() -> None:
    people = (ChainPerson("A", "USA", None), ChainPerson("B", "THA", None),
              ChainPerson("C", "THA", None))  # fmt: skip
    # "his counterpart" (10-25) holding "his" (10-13); a name (20-24) inside a longer span
    chains = MentionChains(
        people,
        (Mention(10, 13, (0,), "possessive"), Mention(10, 25, (1,), "counterpart"),
         Mention(20, 24, (2,), "name")),
    )  # fmt: skip
    assert chains.person(10, 25) == 2
    assert chains.person(10, 25, named_only=True) == 2
    bare = MentionChains(people, chains.mentions[:2])
    assert bare.person(10, 25) == 1
    assert bare.person(10, 13) == 0  # the pronoun alone
    assert bare.person(10, 25, named_only=True) is None
    assert MentionChains.from_data(chains.to_data()) == chains


# -- through the whole pipeline (the parse is the model's) ----------------------------------------
def _read(nlp: Language, body: str) -> Extraction:
    return extract(article_from_text(f"published: 2025-07-16\n\n{body}\n"), nlp)


@pytest.mark.slow
def test_a_pronoun_speaker_agrees_in_gender(nlp: Language) -> None:
    text = (
        "Canadian Prime Minister Mark Carney spoke with Mexican President Claudia Sheinbaum on "
        "Monday. Carney's office said he raised steel tariffs in the call. \"We will keep working "
        'together on this," she said.'
    )
    quotes = _read(nlp, text).quotes
    assert [q.speaker for q in quotes] == ["Claudia Sheinbaum"]


@pytest.mark.slow
def test_their_meeting_has_both_people_as_participants(nlp: Language) -> None:
    text = (
        "Brazilian President Luiz Inacio Lula da Silva spoke with Chinese President Xi Jinping "
        "by phone on Monday. Lula said their meeting in Beijing on Friday would cover soybeans."
    )
    meetings = [e for e in _read(nlp, text).events if e.kind == "meeting"]
    assert [sorted(e.participants) for e in meetings] == [
        ["Luiz Inacio Lula da Silva", "Xi Jinping"]
    ]


@pytest.mark.slow
def test_his_counterpart_is_a_participant_by_name(nlp: Language) -> None:
    text = (
        "South African President Cyril Ramaphosa and Kenyan President William Ruto spoke on "
        "Tuesday about the new tariffs. Ramaphosa will meet his counterpart in Nairobi on "
        "August 12."
    )
    meetings = [e for e in _read(nlp, text).events if e.kind == "meeting"]
    assert [sorted(e.participants) for e in meetings] == [["Cyril Ramaphosa", "William Ruto"]]


@pytest.mark.slow
def test_a_role_phrase_sharing_a_qualifier_names_the_office_holder(nlp: Language) -> None:
    text = (
        "U.S. Trade Representative Jamieson Greer met India's chief negotiator Piyush Goyal in "
        'Washington on Tuesday. "We made real progress on autos today," the U.S. trade chief '
        "told reporters."
    )
    assert [q.speaker for q in _read(nlp, text).quotes] == ["Jamieson Greer"]
