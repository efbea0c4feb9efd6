"""Who takes part in an event: helpers of :mod:`tariffscope.news.events`.

:class:`MentionIndex` finds people by character position; :class:`ParticipantReader` reads the
subject (a pronoun is the last person named as a subject; "the two leaders" are the last two
people named), partners in "with"/"between" phrases, a person object ("met Bessent"), the agent
("announced by Trump"), a possessor ("Trump's talks"), "I"/"we" in a quotation (the speaker),
"the country's minister" (the country the sentence is about), and governments as country codes.
"""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc, Token

from tariffscope.news._event_words import ACL_EVENT_VERBS, COLLECTIVE, GROUPS
from tariffscope.news._measure_parts import place_spans
from tariffscope.news._syntax import governing_verb, subject_of
from tariffscope.news.event_context import topic_country
from tariffscope.news.event_triggers import with_objects
from tariffscope.news.lexicon import Lexicon

__all__ = ["MentionIndex", "ParticipantReader"]


class MentionIndex:
    """Mentions of people by character position."""

    def __init__(self, mentions: list[dict[str, Any]]) -> None:
        self.items: list[tuple[int, int, int]] = sorted(
            (int(m["start"]), int(m["end"]), int(m["person"])) for m in mentions
        )
        self.starts = [m[0] for m in self.items]
        self.by_name: dict[str, int] = {}
        self.countries: dict[int, str] = {}

    def person(self, start: int, end: int) -> int | None:
        k = bisect.bisect_right(self.starts, end) - 1
        while k >= 0 and self.items[k][1] > start:
            s, e, p = self.items[k]
            if s < end and start < e:
                return p
            k -= 1
        return None

    def country_of(self, person: int) -> str | None:
        """The country of a person (set by the component)."""
        return self.countries.get(person)

    def person_named(self, name: str) -> int | None:
        """The person whose canonical name is ``name`` (set by :meth:`names`)."""
        return self.by_name.get(name)

    def subject_before(self, doc: Doc, position: int) -> int | None:
        """The last person named as a subject before ``position`` (for "he", "she")."""
        k = bisect.bisect_left(self.starts, position) - 1
        fallback = None
        while k >= 0:
            start, end, person = self.items[k]
            span = doc.char_span(start, end, alignment_mode="expand")
            fallback = person if fallback is None else fallback
            if span is not None and any(
                t.dep_ in {"nsubj", "nsubjpass"}
                or (t.dep_ == "appos" and t.head.dep_ in {"nsubj", "nsubjpass"})
                for t in span
            ):
                return person
            k -= 1
        return fallback

    def before(self, position: int, n: int) -> list[int]:
        out: list[int] = []
        k = bisect.bisect_left(self.starts, position) - 1
        while k >= 0 and len(out) < n:
            person = self.items[k][2]
            if person not in out:
                out.append(person)
            k -= 1
        return out


class ParticipantReader:
    """Methods that find an event's participants."""

    _speakers: list[tuple[int, int, str]]

    def _participants(
        self, doc: Doc, token: Token, kind: str, index: MentionIndex, lex: Lexicon
    ) -> tuple[list[int], list[str]]:
        heads: list[Token] = []
        if token.pos_ in {"VERB", "AUX"}:
            subject = subject_of(token)
            if subject is not None:
                heads.append(subject)
            heads += [g for c in token.children if c.dep_ == "agent" for g in c.children]
            if kind in {"meeting", "call"}:
                heads += [
                    o
                    for o in token.children
                    if o.dep_ not in {"nsubj", "nsubjpass", "prep", "agent"}
                    and self._is_person(o, index)
                ]
            heads += with_objects(token)
            for obj in (o for o in token.children if o.dep_ in {"dobj", "obj"}):
                heads += with_objects(obj)
        else:
            first = token
            while first.dep_ == "conj" and first.head is not first:
                first = first.head
            owners = [
                c
                for c in token.children
                if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN")
            ]
            heads += owners + with_objects(token)
            acl = next(
                (
                    c
                    for c in token.children
                    if c.dep_ == "acl" and c.lemma_.lower() in ACL_EVENT_VERBS
                ),
                None,
            )
            if acl is not None:
                heads += [g for c in acl.children if c.dep_ == "agent" for g in c.children]
            verb: Token | None = first.head if first.dep_ in {"dobj", "obj", "pobj"} else None
            if verb is not None and (verb.pos_ not in {"VERB", "AUX"} or verb.dep_ == "prep"):
                verb = governing_verb(verb.head if verb.dep_ == "prep" else verb)
            if verb is not None and first.dep_ not in {"nsubj", "nsubjpass"} and not owners:
                subject = subject_of(verb)
                if (
                    subject is not None
                    and subject.pos_ == "NOUN"
                    and verb.dep_ == "acl"
                    and (not self._is_person(subject, index))
                ):
                    upper = governing_verb(subject)  # "kept the dialogue going via calls"
                    subject = subject_of(upper) if upper is not None else subject
                if subject is not None and subject.i not in {t.i for t in token.subtree}:
                    heads.append(subject)
                heads += with_objects(verb)
                if kind in {"meeting", "call"}:
                    heads += [
                        o
                        for o in verb.children
                        if o.dep_ in {"dobj", "obj"}
                        and o.i != first.i
                        and self._is_person(o, index)
                    ]
        people: list[int] = []
        countries: list[str] = []
        for head in heads:
            members = [head, *[c for c in head.subtree if c.dep_ == "conj"]]
            for member in members:
                self._add(doc, member, token, index, lex, people, countries)
        return people, countries

    def _add(
        self,
        doc: Doc,
        member: Token,
        trigger: Token,
        index: MentionIndex,
        lex: Lexicon,
        people: list[int],
        countries: list[str],
    ) -> None:
        left = member.left_edge.idx if member.dep_ != "conj" else member.idx
        right = member.idx + len(member.text)
        person = None
        for extra in (c for c in member.children if c.dep_ == "appos" and c.i > member.i):
            person = index.person(extra.left_edge.idx, extra.idx + len(extra.text))
            if person is not None:
                break
        if person is None:
            person = index.person(left, right)
        if person is not None and member.lemma_.lower() in COLLECTIVE:
            country = index.country_of(person)
            if country is not None and country not in countries:
                countries.append(country)
            return
        for extra in (
            c for c in member.children if c.dep_ in {"appos", "compound"} and c.i > member.i
        ):
            if person is None:
                person = index.person(extra.left_edge.idx, extra.idx + len(extra.text))
        lower = member.lower_
        if person is None and lower in {"i", "we", "me", "us"}:
            speaker = next((n for s, e, n in self._speakers if s <= member.idx < e), None)
            if speaker is not None:
                found = index.person_named(speaker)
                if found is not None:
                    person = found
        if person is None and lower in {"he", "she", "him", "her"}:
            person = index.subject_before(doc, member.idx)
        if person is not None:
            if person not in people:
                people.append(person)
            return
        if (lower in GROUPS and member.pos_ in {"NOUN", "NUM", "PRON", "DET"}) or lower in {
            "they",
            "them",
        }:
            for p in reversed(index.before(member.idx, 2)):
                if p not in people:
                    people.append(p)
            return
        tokens = (
            [t for t in member.subtree if t.i <= member.i] if member.dep_ != "conj" else [member]
        )
        topic = topic_country(member, lex)  # "the country's trade minister will visit"
        if topic is not None:
            if topic not in countries:
                countries.append(topic)
            return
        for iso, kind, _, _ in place_spans(tokens, lex):
            if kind in {"country", "capital", "institution"} and iso not in countries:
                countries.append(iso)
                break

    def _is_person(self, token: Token, index: MentionIndex) -> bool:
        for t in [token, *[c for c in token.children if c.dep_ in {"appos", "compound"}]]:
            if index.person(t.left_edge.idx, t.idx + len(t.text)) is not None:
                return True
        return False

    def _imposer_in_sentence(self, token: Token, measures: list[dict[str, Any]]) -> str | None:
        sent = token.sent
        for m in measures:
            if sent.start_char <= m["start"] < sent.end_char:
                return str(m["imposer"])
        return None

    def _election_country(
        self, token: Token, persons: list[dict[str, Any]], lex: Lexicon
    ) -> list[str]:
        """The country that votes: a place in the sentence, else the country of the first
        actor of the article (the story's protagonist)."""
        for iso, kind, _, _ in place_spans(token.sent, lex):
            if kind in {"country", "demonym"}:
                return [iso]
        for person in persons:
            if person.get("actor") and person.get("country"):
                return [str(person["country"])]
        return []
