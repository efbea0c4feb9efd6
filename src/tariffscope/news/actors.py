"""The ``tariffscope_actors`` component: people, one canonical name each, with role and country.

Names come from the NER's PERSON entities, from capitalised words after a title ("President
Lee", "ministry spokesperson He Yadong") and after an honorific ("Mr Modi", "Sir Keir"), and
from an untagged name of two or three words that is the subject of a speech verb. A name holds
only the name: a leading determiner, demonym or possessive owner and a trailing day or
institution word ("the X Administration") are cut off. Names are grouped into people: a name
whose words are a contiguous part of a longer name ("Bessent" in "Scott Bessent", "Lula" in
"Luiz Inácio Lula da Silva") is the same person, and the longest form is the canonical name.
Every later use of a known name is found in the text even where the NER missed it ("Ishiba"
tagged as an organisation), and so is the first word of a full name used alone ("Prabowo" for
Prabowo Subianto) when no other person shares it and it is not a place, and a word inside a
name of three or more words that no other person's name shares. Definite role phrases ("the
First Minister", "the US President") are linked to the person with that role, or, when no one
has it yet, to the person named just before (not to a person just named as the owner of that
office, "X's spokesperson"); bare ones with a country ("a meeting with EU trade chief last
week") only to the one person of that country with that role.

A minister without a country in a story about the United States and one other country acts
for that country (the US government has secretaries, not ministers).

A person's country, when the role phrase gives none, comes from a person owning the role
("Prabowo's spokesperson"), from a person named in a pair with them ("US Trade Representative X
and Secretary of Agriculture Y"), then, in a story about the United States and one other
country, from the other side (offices the US also has, "secretary", "representative", excepted).
A name with a role apposed to it ("X, trade envoy,") is a person even where the NER missed it.

A person is an *actor* unless introduced as former or late ("former President Ronald
Reagan") and not speaking, named only in credit lines, a single word after "the", a phrase
ending in an agreement or summit word, or a single unrecognised word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token

from tariffscope.news._component import LexiconComponent
from tariffscope.news._persons import (
    _HYPHENS,
    RoleInfo,
    article_countries,
    ends_name,
    is_role_word,
    layout,
    left_role,
    name_tokens_after,
    parse_role,
    right_role,
)
from tariffscope.news._role_mentions import bare_role_mentions
from tariffscope.news._syntax import doc_text
from tariffscope.news.lexicon import Lexicon, fold
from tariffscope.news.mention_chains import build_chains
from tariffscope.news.person_rules import person_rules
from tariffscope.news.quote_marks import find_quote_spans

__all__ = ["ActorComponent", "make_actor_component"]


_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "poss", "pobj", "dobj", "appos"})


@dataclass
class _Person:
    name: str
    words: tuple[str, ...]
    mentions: list[tuple[int, int, int, int]] = field(default_factory=list)
    surfaces: set[str] = field(default_factory=set)
    ner: bool = False
    titled: bool = False
    role: str | None = None
    country: str | None = None
    former: bool = False
    owner: str | None = None

    def contains(self, words: tuple[str, ...]) -> bool:
        n = len(words)
        return any(self.words[i : i + n] == words for i in range(len(self.words) - n + 1))


def _office_of(doc: Doc, i: int, lex: Lexicon, doc_lower: Sequence[str]) -> bool:
    """Token ``i`` ends "ROLE-HEAD of [the] Office" ("Secretary of the Treasury", "Secretary
    of Agriculture") or "ROLE-HEAD for Portfolio" ("Minister for Trade Negotiations",
    "Assistant Secretary for East and Central Asia"), a title that can stand before a name
    (``doc_lower``: the doc's words in lower case). After "of" a country is the office
    holder's state, not an office; after "for" a region is the office's portfolio."""
    window = doc_lower[max(0, i - 12) + 1 : i]
    if "of" not in window and "for" not in window:
        return False  # most words: no "of" or "for" to read a title through
    if doc_lower[i] in lex.words("person_name_particles"):
        return False  # "CEO of De Beers Group": a particle opens the body's name, not ends it
    lower = list(doc_lower[max(0, i - 12) : i + 1])

    def head_before(k: int) -> bool:  # a role head ends at k, or before its "(ACRONYM)"
        if lower[k - 1] == ")" and k >= 4 and lower[k - 3] == "(":
            k -= 3
        return bool(lex.role_head_len(lower, k))

    for k in range(len(lower) - 2, 0, -1):
        if lower[k] in {"of", "for"} and head_before(k):
            office = doc[i - (len(lower) - 1 - k) + 1 : i + 1]
            words = [t for t in office if t.lower_ not in {"the", "and"}]
            if not words or not all(t.is_title or t.is_upper for t in words):
                return False
            if lower[k] == "for":
                # the portfolio's words run on into the name ("for South and Central Asia
                # Brendan Lynch"): the office ends where a name of two words follows
                n = name_tokens_after(doc, i + 1, lex)
                parts = [t for t in doc[i + 1 : i + 1 + n] if t.text not in _HYPHENS]
                glued = sum(1 for t in parts if t.i > 0 and doc[t.i - 1].text in _HYPHENS)
                # "for the International Trade Policy Group (ITPG) X": a body's name, then its
                # acronym; a name ends the title-case run
                after = doc[i + 1 + n] if i + 1 + n < len(doc) else None
                closed = after is None or not (after.text == "(" or after.is_title)
                return len(words) <= 4 and len(parts) - glued == 2 and closed
            words = [t for t in office if t.lower_ != "the"]  # "of Trade and Industry": 3
            if lex.place_at([t.text for t in doc[words[0].i : i + 3]], 0):
                return False  # "President of the United States": a country, not an office
            return len(words) <= 2 and all(t.is_title for t in words)
    return False


def _after_office(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Token ``i`` starts a name apposed after an office ("his Colombian counterpart, Jane
    Roe,"): the words before are ``<office noun> ,``."""
    if i < 2 or doc[i - 1].text != ",":
        return False
    office = doc[i - 2]
    return office.pos_ == "NOUN" and (
        is_role_word(office, lex) or office.lower_ in lex.words("person_counterpart_nouns")
    )


def _royal_style(doc: Doc, i: int, lex: Lexicon) -> bool:
    """Token ``i`` is a royal style that belongs to the name it stands before ("Prince
    Faisal bin Farhan", "Sheikh X"), not the last word of an office ("Crown Prince")."""
    if doc[i].lower_ not in lex.words("person_royal_styles") or not doc[i].is_title:
        return False
    return i == 0 or lex.role_head_len([doc[i - 1].lower_, doc[i].lower_], 2) < 2


def _demonym(word: str, lex: Lexicon) -> bool:
    """A people's adjective ("Japanese"), which qualifies a name and is never part of it."""
    hit = lex.place_at([word], 0)
    return hit is not None and hit.kind == "demonym"


def _holds_any(role: str, offices: frozenset[str]) -> bool:
    """The office ``role`` is one of ``offices`` or ends in one ("Acting Prime Minister")."""
    role = role.lower()
    return any(role == o or role.endswith(" " + o) for o in offices)


def _bracket_len(doc: Doc, i: int, limit: int = 3) -> int:
    """The tokens of a short bracket that opens at ``i`` ("(PT)", "(Republicans)"), else 0."""
    if i >= len(doc) or doc[i].text != "(":
        return 0
    close = next(
        (k for k in range(i + 1, min(len(doc), i + limit + 2)) if doc[k].text == ")"), None
    )
    return 0 if close is None else close - i + 1


def _in_ranges(start: int, end: int, ranges: list[tuple[int, int]]) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


class ActorComponent(LexiconComponent):
    """Find the people of an article (writes ``tariffscope_persons`` and ``_mentions``)."""

    def annotate(self, doc: Doc) -> None:
        """Find people, their mentions, roles and countries."""
        lex = self.lexicon
        skip, headlines = layout(doc)
        text = doc_text(doc)
        hits = person_rules(lex).hits(doc)
        speech_verbs = [i for i, hit in hits["speech"].items() if hit.rule == "speech.verb"]
        persons = self._cluster(doc, self._candidates(doc, headlines, lex, speech_verbs))
        self._scan_aliases(doc, persons, text)
        self._roles(doc, persons, lex, skip + headlines)
        role_mentions = self._role_mentions(doc, persons, lex)
        taken = [(m[0], m[1]) for p in persons for m in p.mentions]
        taken += [(m["start"], m["end"]) for m in role_mentions]
        role_mentions += bare_role_mentions(doc, [(p.role, p.country) for p in persons], taken, lex)
        out: list[dict[str, Any]] = []
        mentions: list[dict[str, Any]] = []
        for index, person in enumerate(persons):
            person.mentions.sort()
            body = [m for m in person.mentions if not _in_ranges(m[0], m[1], skip)]
            speaks = person.former and self._speaks(doc, person, lex)
            actor = bool(body) and (speaks or not person.former) and self._is_actor(doc, person)
            first = (body or person.mentions)[0]
            role = f"former {person.role}" if speaks and person.role else person.role
            out.append(
                {
                    "name": person.name,
                    "role": role,
                    "country": person.country,
                    "former": person.former,
                    "actor": actor,
                    "start": first[0],
                    "end": first[1],
                    "mentions": [[m[0], m[1]] for m in person.mentions],
                }
            )
            mentions.extend(
                {"start": m[0], "end": m[1], "person": index, "kind": "name"}
                for m in person.mentions
            )
        self._minister_countries(doc, out, skip, lex)
        mentions.extend(role_mentions)
        mentions.sort(key=lambda m: (m["start"], -m["end"]))
        doc._.tariffscope_persons = out
        doc._.tariffscope_mentions = mentions
        chains = build_chains(doc, out, mentions, lex, text=text, hits=hits)
        for mention in mentions:  # an ambiguous role phrase: the one the chains chose
            if mention.pop("candidates", None) is not None:
                chosen = chains.person(mention["start"], mention["end"], named_only=True)
                mention["person"] = mention["person"] if chosen is None else chosen
        doc._.tariffscope_chains = chains.to_data()

    @staticmethod
    def _speaks(doc: Doc, person: _Person, lex: Lexicon) -> bool:
        """A former office holder who speaks in the story acts in it ("X, a former minister,
        told ...")."""
        verbs = lex.words("person_speech_verbs")
        for _, _, start, end in person.mentions:
            for token in doc[start:end]:
                head = token.head
                if token.dep_ == "nsubj" and head.lemma_.lower() in verbs:
                    return True
        return False

    def _minister_countries(
        self, doc: Doc, out: list[dict[str, Any]], skip: list[tuple[int, int]], lex: Lexicon
    ) -> None:
        """'Trade Minister Nguyen Hong Dien', 'Presidency spokesperson X' in a story about the
        United States and one other country: US officials are named with their country or
        known, so an office holder without a country is the other side's."""
        us_heads = lex.words("person_us_office_heads")
        other_words = lex.words("person_non_us_office_words")
        not_us_secretary = lex.words("person_non_us_secretary_words")

        def could_be_us(role: str) -> bool:
            # "Commerce Secretary X" may be the US one; "Chief Cabinet Secretary" may not, nor
            # "Trade Secretary" (the US cabinet has no trade or industry secretary)
            words = role.lower().split()
            if words[-1] == "secretary" and not_us_secretary & set(words):
                return False
            return words[-1] in us_heads and not other_words & set(words)

        def open_role(person: dict[str, Any]) -> bool:
            return person["country"] is None and bool(person["role"])

        if not any(open_role(p) for p in out):
            return
        sides = article_countries(doc, out, skip, lex)[:2]
        if "USA" not in sides or len(sides) < 2:
            return
        other = next(c for c in sides if c != "USA")
        for person in out:
            if open_role(person) and not could_be_us(person["role"]):
                person["country"] = other

    # -- candidates ---------------------------------------------------------------------
    def _candidates(
        self,
        doc: Doc,
        headlines: list[tuple[int, int]],
        lex: Lexicon,
        speech_verbs: Sequence[int],
    ) -> list[tuple[int, int, str]]:
        found: dict[tuple[int, int], str] = {}
        in_headline: set[tuple[int, int]] = set()
        lower = [t.lower_ for t in doc]
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            start, end = ent.start, ent.end
            for k in range(start, end):
                if "\n" in doc[k].text or (k < end - 1 and "\n" in doc[k].whitespace_):
                    end = k if "\n" in doc[k].text else k + 1
                    break
            # "Japan's X": the name starts after an owner the NER took into it
            marks = lex.words("person_possessive_marks")
            start = max([start] + [k + 1 for k in range(start, end - 1) if doc[k].text in marks])
            while (
                start < end
                and not _royal_style(doc, start, lex)
                and (
                    doc[start].text in lex.honorifics
                    or lex.role_head_len([doc[start].lower_], 1)
                    or doc[start].lower_ in lex.role_words
                    or doc[start].lower_ in lex.words("person_role_determiners")  # "The X"
                    or _demonym(doc[start].text, lex)  # "Japanese X"
                )
            ):
                start += 1
            # "Ambassador to Vietnam X": the place of an office's "to" or "in" is the office's
            start = self._past_office_place(doc, start, end)
            # a title of several words the NER took into the name ("Crown Prince X")
            lowers = [t.lower_ for t in doc[start : min(end, start + 4)]]
            start += next(
                (n for n in range(len(lowers) - 1, 1, -1) if tuple(lowers[:n]) in lex.role_heads),
                0,
            )
            if start > 0 and _royal_style(doc, start - 1, lex):
                start -= 1  # "Prince" outside the NER's span: the style is the name's
            while (
                start > 0
                and doc[start - 1].pos_ == "PROPN"
                and doc[start - 1].is_title
                and doc[start - 1].ent_type_ == ""
                and "\n" not in doc[start - 1].whitespace_
                and not is_role_word(doc[start - 1], lex)
                and doc[start - 1].text not in lex.honorifics
                and lex.place_at([doc[start - 1].text], 0) is None
                # "The X administration": a sentence's first word the tagger took for a name
                and doc[start - 1].lower_ not in lex.words("person_role_determiners")
                and not ends_name(doc[start - 1], lex)
                # "Minister for Trade Negotiations X": the word ends an office's portfolio
                and not _office_of(doc, start - 1, lex, lower)
            ):
                start -= 1  # "Nikorndej Balankura" tagged from its second word only
            while end > start and (
                doc[end - 1].text in marks
                or not doc[end - 1].is_alpha
                or ends_name(doc[end - 1], lex)  # "X Tuesday said"
            ):
                end -= 1
            end = self._past_particles(doc, start, end)
            if start < end:
                found[(start, end)] = "ner"
                if _in_ranges(ent.start_char, ent.end_char, headlines):
                    in_headline.add((start, end))
        for i, token in enumerate(doc[:-1]):
            trigger = token.text in lex.honorifics or (
                token.is_alpha
                and (lex.role_head_len(lower, i + 1) or _office_of(doc, i, lex, lower))
            )
            if not trigger or _in_ranges(token.idx, token.idx + 1, headlines):
                continue
            # the name follows the title, or an editor's bracket closing it ("[Minister] X")
            at = i + 1 + (doc[i + 1].text == "]" and i + 2 < len(doc))
            n = name_tokens_after(doc, at, lex)
            if not n:
                continue
            if _royal_style(doc, i, lex):
                at, n = i, n + 1  # the style opens the name
            overlapping = [(s, e) for (s, e) in found if s <= at < e or at <= s < at + n]
            if not overlapping:
                found[(at, at + n)] = "title"
                continue
            for s, e in overlapping:
                source = found.pop((s, e))
                if s == at and e < at + n:
                    e = at + n
                found[(s, e)] = source if "title" in source else source + "+title"
        self._apposed_names(doc, found, headlines, lex)
        self._speaking_names(doc, found, headlines, lex, speech_verbs)
        body_words = [
            tuple(fold(doc[s:e].text).split()) for (s, e) in found if (s, e) not in in_headline
        ]
        for key in in_headline & set(found):
            words = tuple(fold(doc[key[0] : key[1]].text).split())
            if not any(words[len(words) - len(b) :] == b for b in body_words if b):
                del found[key]
        out = []
        for (start, end), source in found.items():
            text = " ".join(doc[start:end].text.split())
            if (
                fold(text) in lex.words("person_not_names")
                or text in lex.outlets
                or lex.place_code(text)
                # "Turnberry Agreement", "the ASEAN Summit and Related Summits"
                or fold(text).split()[-1] in lex.words("person_not_name_heads")
                or set(fold(text).split()) & lex.words("person_org_words")
                # "public broadcaster X", "the daily X": an outlet named with its kind
                or (start > 0 and doc[start - 1].lower_ in lex.words("person_media_nouns"))
            ):
                continue
            if not any(t.is_title or t.is_upper for t in doc[start:end]):
                continue
            if end - start > 1 and all(t.is_stop for t in doc[start:end]):
                # "PRESIDENT OF THE UNITED STATES:" in a transcript's capitals: the words
                # after an office are its "of the", not a name
                continue
            out.append((start, end, source))
        return out

    def _past_particles(self, doc: Doc, start: int, end: int) -> int:
        """The end of a name the NER cut after a particle ("Ursula von der" + "Leyen", the last
        word tagged as a place) or before one ("Luiz Moura" + "da Rocha"): the capitalised words
        after it join the name; a particle with none after it is no part of the name."""
        particles = self.lexicon.words("person_name_particles")
        after = end
        while after < len(doc) and doc[after].lower_ in particles and doc[after].whitespace_:
            after += 1
        if after > end and doc[end - 1].whitespace_:
            # "Luiz Moura" + "da Rocha": the NER ended the name before its particle
            n = name_tokens_after(doc, after, self.lexicon, limit=2)
            if n:
                return after + n
        if end - start < 2 or doc[end - 1].lower_ not in particles:
            return end
        n = name_tokens_after(doc, end, self.lexicon, limit=2)
        if n:
            return end + n
        while end > start and doc[end - 1].lower_ in particles:
            end -= 1
        return end

    def _past_office_place(self, doc: Doc, start: int, end: int) -> int:
        """The start of a name the NER began with the place an office serves ("U.S. Ambassador
        to Vietnam Marc Roe", "envoy in Canada Jane Roe"): the place after the office's "to"
        or "in" belongs to the office, the name starts after it."""
        lex = self.lexicon
        if start < 2 or doc[start - 1].lower_ not in lex.words("person_office_place_links"):
            return start
        if not is_role_word(doc[start - 2], lex):
            return start
        place = lex.place_at([t.text for t in doc[start:end]], 0)
        if place is None or place.end >= end - start:
            return start
        return start + place.end

    @staticmethod
    def _apposed_names(
        doc: Doc,
        found: dict[tuple[int, int], str],
        headlines: list[tuple[int, int]],
        lex: Lexicon,
    ) -> None:
        """A capitalised name followed by ", ROLE-PHRASE" or apposed after an office noun is a
        person even where the NER missed it or took it for an organisation ("Jane Roe, trade
        representative, said", "her counterpart, Jane Roe,")."""
        covered = {k for s, e in found for k in range(s, e)}
        i = 0
        while i < len(doc) - 2:
            token = doc[i]
            if (
                i in covered
                or not token.is_title
                or (i > 0 and doc[i - 1].is_title)
                or token.text in lex.honorifics  # "Mr X, who is also ...": the name follows
            ):
                i += 1
                continue
            n = name_tokens_after(doc, i, lex)
            close = i + n + _bracket_len(doc, i + n)  # "X (Republicans),": the party's bracket
            if (
                n < 2
                or close >= len(doc)  # a name that ends the text
                or doc[close].text != ","
                or _in_ranges(token.idx, token.idx + 1, headlines)
            ):
                i += max(n, 1)
                continue
            info = right_role(doc, close, lex)
            own_words = not any(is_role_word(t, lex) for t in doc[i : i + n])
            # "the governor of Sao Paulo, X (Republicans),": an office phrase and a comma before
            before = left_role(doc, i, lex) if doc[i - 1].text == "," else None
            if own_words and (
                info is not None
                or _after_office(doc, i, lex)
                or (before is not None and before.role is not None)
            ):
                found[(i, i + n)] = "title"
            i += n

    @staticmethod
    def _speaking_names(
        doc: Doc,
        found: dict[tuple[int, int], str],
        headlines: list[tuple[int, int]],
        lex: Lexicon,
        speech_verbs: Sequence[int],
    ) -> None:
        """A name of two or three capitalised words the NER left untagged that is the subject
        of a speech verb ("Jane Roe said on Monday ...") is a person: only people (and the
        organisations the NER tags or the lexicon knows) say things. ``speech_verbs``: the
        words of rule ``speech.verb`` (:mod:`tariffscope.news.person_rules`)."""
        covered = {k for s, e in found for k in range(s, e)}
        subjects = sorted(
            (c for v in speech_verbs for c in doc[v].children if c.dep_ == "nsubj"),
            key=lambda t: t.i,
        )
        for token in subjects:
            if token.pos_ != "PROPN" or token.i in covered:
                continue
            start = token.i
            while start > token.i - 2 and start > 0 and doc[start - 1].dep_ == "compound":
                start -= 1
            words = doc[start : token.i + 1]
            if len(words) == 1 and _known_surname_speaking(token, lex):
                found[(token.i, token.i + 1)] = "speech"
                continue
            if (
                len(words) < 2
                or any(t.ent_type_ or t.pos_ != "PROPN" or not t.is_title for t in words)
                or name_tokens_after(doc, start, lex) != len(words)
                or any(is_role_word(t, lex) or t.text in lex.honorifics for t in words)
                or (start > 0 and doc[start - 1].dep_ == "compound")
                or lex.place_code(words.text) is not None
                or _in_ranges(token.idx, token.idx + 1, headlines)
            ):
                continue
            found[(start, token.i + 1)] = "speech"

    def _cluster(self, doc: Doc, candidates: list[tuple[int, int, str]]) -> list[_Person]:
        persons: list[_Person] = []
        for start, end, source in sorted(candidates, key=lambda c: (-(c[1] - c[0]), c[0])):
            surface = " ".join(doc[start:end].text.split())
            words = tuple(fold(surface).split())
            # "Prince Mohammed" is "Crown Prince Mohammed bin Salman" named with his style
            key = words[1:] if len(words) > 1 and _royal_style(doc, start, self.lexicon) else words
            owner = next((p for p in persons if p.contains(key)), None)
            if owner is None:
                owner = _Person(surface, words)
                persons.append(owner)
            owner.surfaces.add(surface)
            owner.ner = owner.ner or "ner" in source
            owner.titled = owner.titled or "title" in source
            span = doc[start:end]
            owner.mentions.append((span.start_char, span.end_char, start, end))
        persons.sort(key=lambda p: min(m[0] for m in p.mentions))
        return persons

    def _scan_aliases(self, doc: Doc, persons: list[_Person], text: str) -> None:
        alias_owner: dict[str, int] = {}
        not_names = self.lexicon.words("person_not_names")
        particles = self.lexicon.words("person_name_particles")
        firsts = [p.name.split()[0] for p in persons if len(p.name.split()) >= 2]
        all_words = [w for p in persons for w in set(p.name.split())]
        for index, person in enumerate(persons):
            original = person.name.split()
            forms = set(person.surfaces)
            n = len(original)
            for i in range(n):
                forms.add(" ".join(original[i:]))
            first = original[0]
            if (
                n >= 2
                and len(first) >= 3
                and first[0].isupper()
                and firsts.count(first) == 1
                and self.lexicon.place_code(first) is None
            ):
                forms.add(first)  # "speaking with Prabowo by phone" for Prabowo Subianto
            for word in original[1:-1]:
                if self._interior_alias(word, all_words):
                    forms.add(word)  # "Amran said" for Nik Amran Nik Yusof
            for form in forms:
                if fold(form) in not_names or fold(form) in particles or len(form) < 2:
                    continue
                alias_owner.setdefault(form, index)
        self._titled_short_names(doc, persons)
        if not alias_owner:
            return
        pattern = re.compile(
            r"(?<![\w-])("
            + "|".join(re.escape(a) for a in sorted(alias_owner, key=len, reverse=True))
            + r")(?![\w-])"
        )
        taken = [(m[0], m[1]) for p in persons for m in p.mentions]
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            person = persons[alias_owner[match[1]]]
            person.mentions.append((start, end, span.start, span.end))
            taken.append((start, end))

    def _interior_alias(self, word: str, all_words: list[str]) -> bool:
        """A word inside a name of three or more words that the story may use alone for the
        person (a given name after a title-like first word, a middle name): capitalised, not
        a place, a title or a particle, and in no other person's name."""
        lex = self.lexicon
        return (
            len(word) >= 3
            and word.isalpha()
            and word[0].isupper()
            and not word.isupper()
            and all_words.count(word) == 1
            and lex.place_code(word) is None
            and word not in lex.honorifics
            and fold(word) not in lex.role_words
            and not lex.role_head_len([word.lower()], 1)
        )

    def _titled_short_names(self, doc: Doc, persons: list[_Person]) -> None:
        """A name word that is also a common word ("He" of He Lifeng) names the person only
        right after a title: "Vice-Premier He said"."""
        lex = self.lexicon
        not_names = lex.words("person_not_names")
        shorts = [
            (person, {w for w in words if fold(w) in not_names and w[:1].isupper()})
            for person in persons
            if len(words := person.name.split()) >= 2
        ]
        shorts = [(person, short) for person, short in shorts if short]
        if not shorts:
            return  # most stories: no such name, no pass over the words
        lower = [t.lower_ for t in doc]
        texts = [t.text for t in doc]
        taken = {k for p in persons for m in p.mentions for k in range(m[2], m[3])}
        for person, short in shorts:
            for k in range(1, len(texts)):
                if texts[k] in short and k not in taken and lex.role_head_len(lower, k):
                    idx = doc[k].idx
                    person.mentions.append((idx, idx + len(texts[k]), k, k + 1))
                    taken.add(k)

    # -- roles and countries ----------------------------------------------------------------
    def _roles(
        self, doc: Doc, persons: list[_Person], lex: Lexicon, lines: list[tuple[int, int]]
    ) -> None:
        """Each person's office and country from the words around their mentions; a
        sentence's office comes before a headline's or a caption's ("Union Minister X (Photo:
        ...)" above "commerce and industry minister X said"), each in the story's order."""
        for person in persons:
            person.mentions.sort()
            first_info: RoleInfo | None = None
            counterpart_at: int | None = None
            ordered = sorted(person.mentions, key=lambda m: (_in_ranges(m[0], m[1], lines), m))
            for _, _, tok_start, tok_end in ordered:
                info = left_role(doc, tok_start, lex) or right_role(doc, tok_end, lex)
                if info is None:
                    continue
                if first_info is None:
                    first_info = info
                if info.role and info.role.lower().endswith("counterpart"):
                    counterpart_at = tok_start if counterpart_at is None else counterpart_at
                elif info.role and person.role is None:
                    person.role = info.role
                    person.country = person.country or info.country
                    person.owner = info.owner
                if info.country and person.country is None:
                    person.country = info.country
            person.former = bool(first_info and first_info.former)
            style = person.words[0] if len(person.words) > 1 else ""
            if person.role is None and style in lex.words("person_sovereign_styles"):
                person.role = style.title()  # "King Charles": his style is his office
            if person.role is None and counterpart_at is not None:
                person.role = self._counterpart_role(doc, counterpart_at, person, persons)
            if person.country is None and person.role:
                person.country = self._institution_country(doc, person, lex)
            if person.country is None:
                person.country = self._known_country(person, lex)
        self._owners(persons)
        self._coordinated(doc, persons)

    def _coordinated(self, doc: Doc, persons: list[_Person]) -> None:
        """An office holder named in a pair with a person of known country shares it ("US
        Trade Representative X and Secretary of Agriculture Y", "X, along with Y"); not with
        a leader, who is named in pairs with the other side's leader or host ("the President
        and Prince X took part")."""
        leaders = self.lexicon.words("person_leader_roles")
        owner_of = {
            k: p
            for p in persons
            if p.country and not _holds_any(p.role or "", leaders)
            for _, _, s, e in p.mentions
            for k in range(s, e)
        }
        for person in persons:
            if person.country is not None or person.role is None:
                continue
            # from the name or from the title before it (the parser may hang the "and" on
            # either: "X's Foreign Secretary A and Commerce Secretary B")
            starts = [doc[e - 1] for _, _, _, e in person.mentions]
            starts += [doc[s - 1] for _, _, s, _ in person.mentions if s > 0]
            for token in starts:
                for _ in range(3):
                    if token.dep_ not in {"conj", "pobj", "prep"} or token.head.i == token.i:
                        break
                    token = token.head
                    other = owner_of.get(token.i)
                    if other is not None and other is not person:
                        person.country = other.country
                        break
                if person.country is not None:
                    break

    def _owners(self, persons: list[_Person]) -> None:
        """A possessive owner of a role: a person of the story lends their country
        ("Prabowo's spokesperson"); any other owner is an organisation named in the office
        ("The Conservative Party's leader" -> "Conservative Party leader")."""
        for person in persons:
            if person.owner is None or person.role is None:
                continue
            words = tuple(fold(person.owner).split())
            owner = next((p for p in persons if p is not person and p.contains(words)), None)
            if owner is not None:
                person.country = person.country or owner.country
            else:
                person.role = f"{person.owner} {person.role}"

    def _counterpart_role(
        self, doc: Doc, tok: int, person: _Person, persons: list[_Person]
    ) -> str | None:
        sent = doc[tok].sent
        for other in persons:
            if other is person or not other.role:
                continue
            for _, _, s, _ in other.mentions:
                if sent.start <= s < sent.end and s < tok:
                    return other.role
        return None

    def _institution_country(self, doc: Doc, person: _Person, lex: Lexicon) -> str | None:
        role_words = set((person.role or "").lower().split())
        keys = role_words & lex.words("person_institution_words")
        if not keys:
            return None
        limit = person.mentions[0][2]
        for token in reversed(doc[:limit]):
            if token.lower_ in keys:
                info = left_role(doc, token.i, lex)
                if info is not None and info.country:
                    return info.country
        return None

    def _known_country(self, person: _Person, lex: Lexicon) -> str | None:
        folded = fold(person.name)
        for name, iso3 in lex.known_people.items():
            key = fold(name)
            if key == folded or (len(person.words) == 1 and key.split()[-1] == folded):
                return iso3
        return None

    def _role_mentions(
        self, doc: Doc, persons: list[_Person], lex: Lexicon
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        taken = [(m[0], m[1]) for p in persons for m in p.mentions]
        quoted = [(q.start, q.end) for q in find_quote_spans(doc_text(doc))]
        recent: list[int] = []  # people named so far, latest first
        events = sorted((m[2], i) for i, p in enumerate(persons) for m in p.mentions)
        pointer = 0
        lower = [t.lower_ for t in doc]

        def opens_head(j: int) -> bool:  # "crown" of "the crown prince": a head's first word
            return any(
                lex.role_head_len(lower, k) == k - j for k in range(j + 2, min(j + 5, len(doc) + 1))
            )

        for i, token in enumerate(doc[:-1]):
            while pointer < len(events) and events[pointer][0] < i:
                person = events[pointer][1]
                recent = [person, *(k for k in recent if k != person)][:3]
                pointer += 1
            if token.lower_ != "the":
                continue
            j = i + 1
            while (
                j < len(doc)
                and j - i <= 6
                and (
                    doc[j].is_title
                    or doc[j].is_upper
                    or is_role_word(doc[j], lex)
                    or opens_head(j)
                    or doc[j].text in lex.words("person_dotted_places")
                )
            ):
                j += 1
            if j == i + 1 or (j < len(doc) and name_tokens_after(doc, j, lex)):
                continue
            run = list(doc[i + 1 : j])
            # "the President of Mexico": the country after "of" belongs to the role
            of_country = None
            if j + 1 < len(doc) and doc[j].lower_ == "of":
                k = j + 1 + (doc[j + 1].lower_ == "the")
                hit = lex.place_at([t.text for t in doc[k : k + 4]], 0)
                if hit is not None and hit.kind in {"country", "capital"}:
                    of_country = hit.iso3
            while run and not lex.role_head_len([t.lower_ for t in run], len(run)):
                run.pop()
            if not run:
                continue
            info = parse_role(run, lex)
            if info is None or info.role is None or info.former:
                continue
            if info.country is None and of_country is not None:
                info = replace(info, country=of_country)
            start, end = run[0].idx, run[-1].idx + len(run[-1].text)
            if any(s < end and start < e for s, e in taken):
                continue
            inside = any(s <= start < e for s, e in quoted)
            index = self._resolve_role(info, persons, recent, doc, i, inside)
            if index is not None:
                mention = {"start": start, "end": end, "person": index, "kind": "role"}
                holders = self._role_holders(info, persons)
                if len(holders) > 1:  # two prime ministers: the mention chains choose
                    mention["candidates"] = holders
                out.append(mention)
        return out

    def _role_holders(self, info: RoleInfo, persons: list[_Person]) -> list[int]:
        role = (info.role or "").lower()
        role = "prime minister" if role == "pm" else role
        return [
            k
            for k, p in enumerate(persons)
            if self._holds(p.role, role)
            and (info.country is None or p.country in {None, info.country})
        ]

    def _holds(self, office: str | None, role: str) -> bool:
        """A person's office answers a role phrase: the same office, or one it ends before
        its portfolio ("the minister": "Trade Minister", "Minister of Economy"); not an office
        whose head is longer than the phrase
        ("the minister" is not the Prime Minister, "the president" not the Vice President:
        the lexicon's role heads of several words)."""
        if not office or not role:
            return False
        held = office.lower().split()
        words = role.split()
        tails = self.lexicon.words("person_role_tail_words")
        if held[-len(words) :] != words and not tails & set(words):
            # the office's head comes before its portfolio ("Minister of Economy", "minister
            # responsible for the trade file")
            held = held[: next((k for k, w in enumerate(held) if k and w in tails), len(held))]
        if held[-len(words) :] != words:
            return False
        return not any(
            tuple(held[-n:]) in self.lexicon.role_heads
            for n in range(len(words) + 1, len(held) + 1)
        )

    def _resolve_role(
        self,
        info: RoleInfo,
        persons: list[_Person],
        recent: list[int],
        doc: Doc,
        at: int,
        quoted: bool = False,
    ) -> int | None:
        """The person a role phrase ("the trade minister") names: a holder of the office, or
        one named before it who takes the office from it. Inside a quotation (``quoted``) the
        speaker talks of others: the phrase names only a holder, it gives no one an office."""
        role = (info.role or "").lower()
        role = "prime minister" if role == "pm" else role
        matches = self._role_holders(info, persons)
        if matches:
            before = [k for k in matches if persons[k].mentions[0][2] < at]
            return (before or matches)[-1] if len(matches) > 1 else matches[0]
        if info.country is not None:
            # "the U.S. trade chief" for the U.S. Trade Representative: one person of that
            # country whose office shares a qualifier with the phrase
            qualifiers = set(role.split()[:-1])
            sharing = [
                k
                for k, p in enumerate(persons)
                if p.role and p.country == info.country and qualifiers & set(p.role.lower().split())
            ]
            if len(sharing) == 1:
                return sharing[0]
            generic = self._generic_holder(role, info.country, persons)
            if generic is not None:
                return generic
            if quoted:
                return None
            same = [
                k
                for k, p in enumerate(persons)
                if p.role is None and p.country == info.country and p.mentions[0][2] < at
            ]
            if len(same) == 1:
                persons[same[0]].role = info.role
                return same[0]
        if quoted:
            return None
        # the person named last, passing over one who cannot hold the office ("Speaking to
        # the Prime Minister, Mr Trump ...": not the US official)
        for last in recent:
            if persons[last].role is not None or self._owns_office(doc, persons[last], at, role):
                return None
            if self._may_hold(persons[last], role):
                break
        else:
            return None
        if info.country in {None, persons[last].country}:
            last_tok = max(m[2] for m in persons[last].mentions if m[2] < at)
            if doc[last_tok].sent.start >= doc[at].sent.start - 60:
                persons[last].role = info.role
                persons[last].country = persons[last].country or info.country
                return last
        return None

    def _owns_office(self, doc: Doc, person: _Person, at: int, role: str) -> bool:
        """The person was last named as the owner of the office ("X's spokesperson said ...
        the spokesperson added"): the phrase is the office holder, not X."""
        ends = [m[3] for m in person.mentions if m[3] <= at]
        if not ends or not role:
            return False
        end = max(ends)
        head = role.split()[-1]
        if end >= len(doc) or doc[end].text not in self.lexicon.words("person_possessive_marks"):
            return False
        return any(t.lower_ == head for t in doc[end + 1 : min(end + 5, at)])

    def _generic_holder(self, role: str, country: str, persons: list[_Person]) -> int | None:
        """ "the Peruvian leader", "the Ghanaian official": a generic office noun with a country
        names the one person of that country who holds an office of that class (a leader
        noun: a leader's office; any other: any office)."""
        head = role.split()[-1] if role else ""
        if head not in self.lexicon.words("person_generic_role_heads"):
            return None
        leaders = self.lexicon.words("person_leader_roles")
        holders = [
            k
            for k, p in enumerate(persons)
            if p.role
            and p.country == country
            and (head not in leaders or _holds_any(p.role, leaders))
        ]
        return holders[0] if len(holders) == 1 else None

    def _may_hold(self, person: _Person, role: str) -> bool:
        """A US official holds no ministry: "the Prime Minister" after "Mr Trump" is someone
        else."""
        ministerial = self.lexicon.words("person_ministerial_words")
        return person.country != "USA" or not ministerial & set(role.split())

    def _is_actor(self, doc: Doc, person: _Person) -> bool:
        if len(person.words) >= 2:
            return True
        if any(m[2] > 0 and doc[m[2] - 1].lower_ == "the" for m in person.mentions):
            return False  # "her event at the Zócalo": a single name after "the" is a place
        known = any(fold(n).split()[-1] == person.words[0] for n in self.lexicon.known_people)
        if person.role and (person.ner or known or len(person.mentions) >= 2):
            return True
        if not person.ner:
            return known
        deps = {doc[m[2]].dep_ for m in person.mentions} | {
            doc[m[3] - 1].dep_ for m in person.mentions
        }
        return len(person.mentions) >= 2 or bool(deps & _SUBJECT_DEPS)


def _known_surname_speaking(token: Token, lex: Lexicon) -> bool:
    """A known leader's surname alone as the subject of a speech verb ("Trump said on
    Monday he would ...") names that person, whatever the NER tagged it (the small model
    takes a lone surname for an organisation); not when what is said has "it" or "we" for
    its subject ("Ford said it would raise prices": a company)."""
    if not token.is_title or lex.place_code(token.text) is not None:
        return False
    surnames = {fold(name).split()[-1] for name in lex.known_people}
    if fold(token.text) not in surnames:
        return False
    said = [c for c in token.head.children if c.dep_ in {"ccomp", "xcomp"}]
    return not any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"it", "we"}
        for clause in said
        for c in clause.children
    )


@Language.factory(
    "tariffscope_actors",
    assigns=["doc._.tariffscope_persons", "doc._.tariffscope_mentions", "doc._.tariffscope_chains"],
    requires=["token.pos", "token.dep", "token.ent_type", "doc.sents"],
    default_config={"lexicon": {"@misc": "tariffscope.lexicon.v1"}},
)
def make_actor_component(nlp: Language, name: str, lexicon: Lexicon) -> ActorComponent:
    """Factory of ``tariffscope_actors`` (see :class:`ActorComponent`)."""
    return ActorComponent(nlp, name, lexicon)
