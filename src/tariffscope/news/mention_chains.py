"""Mention chains: every way a story refers to one of its people, resolved once per document.

The actor component finds the people and the spans that name them (a full name, a surname,
"Mr. Lee", "Carney's", a role phrase such as "the prime minister" or "the U.S. trade chief").
This module adds the mentions that only point back, reading the story in order the way a reader
does, and keeps them all as one chain per person:

- *pronouns* ("he", "her", "his", "himself"): the person who is salient and whose gender agrees.
  A pronoun that is the subject of a speech verb is the last person who spoke; any other is the
  last person named as a subject, then the last person who spoke, then the last person named.
  A person's gender is known from an honorific ("Mr", "Ms") or from a pronoun that had only one
  possible antecedent;
- *counterparts* ("his counterpart", "Carney's counterpart") with no name of their own: the
  latest person of another side, of the same rank (leader or not) where there is one;
- *plurals* ("they", "their", "the two", "both leaders"): the two people of the
  latest sentence that names two people of different sides (the pair of a meeting just told),
  else the two latest people of different sides, within :data:`SENTENCES_BACK` sentences; a
  plural noun ("the two leaders", "the two men") with no pair there takes the latest earlier
  sentence that names both sides (a noun of people, unlike "they", rarely means countries);
  a noun of governments ("the two sides", "both countries") is the negotiation's sides: the
  first sentence of the story that names two people of two known, different sides;

:func:`build_chains` runs once per document (in the actor component, which stores the result
as plain data in ``doc._.tariffscope_chains``); :func:`chains_of` gives the typed, frozen view
that quotes, events and measures query: one resolver for speakers and participants alike.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from spacy.tokens import Doc, Token

from tariffscope.news._speakers import apposed_named, speech_subject
from tariffscope.news._syntax import doc_text, subject_of
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.person_rules import RuleHit, person_rules
from tariffscope.news.quote_marks import find_quote_spans

__all__ = [
    "SENTENCES_BACK",
    "ChainPerson",
    "Mention",
    "MentionChains",
    "build_chains",
    "chains_of",
]

#: How many sentences back a plural or a counterpart looks for its people.
SENTENCES_BACK = 3

MentionKind = Literal["name", "role", "pronoun", "possessive", "counterpart", "plural"]
Gender = Literal["m", "f"]
#: Kinds that name a person outright, preferred over kinds that point back.
_NAMING: frozenset[str] = frozenset({"name", "role"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Dependencies of a pronoun that is an object of its clause's verb (directly or by a
#: preposition): it cannot name the clause's own subject.
_OBJECT_DEPS = frozenset({"dobj", "obj", "dative", "pobj"})
_PRIORITY: Mapping[str, int] = {"name": 0, "role": 0, "counterpart": 1, "plural": 2}
#: The gender each pronoun rule of ``data/person_rules.json`` reads.
_GENDER_OF: Mapping[str, Gender] = {"chain.pronoun_male": "m", "chain.pronoun_female": "f"}
_PLURAL_RULES = frozenset({"chain.plural_pronoun", "chain.pair_number", "chain.pair_noun"})


@dataclass(frozen=True, slots=True)
class Mention:
    """Characters ``[start, end)`` refer to ``persons`` (two for a plural)."""

    start: int
    end: int
    persons: tuple[int, ...]
    kind: MentionKind


@dataclass(frozen=True, slots=True)
class ChainPerson:
    """What a chain knows of a person: name, side, office and grammatical gender."""

    name: str
    country: str | None
    role: str | None
    gender: Gender | None = None


@dataclass(frozen=True)
class MentionChains:
    """All person mentions of one story, sorted by position, queried by character span."""

    people: tuple[ChainPerson, ...]
    mentions: tuple[Mention, ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _by_name: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.mentions, key=lambda m: (m.start, -m.end)))
        object.__setattr__(self, "mentions", ordered)
        object.__setattr__(self, "_starts", tuple(m.start for m in ordered))
        object.__setattr__(self, "_by_name", {p.name: k for k, p in enumerate(self.people)})

    # -- queries ------------------------------------------------------------------------------
    def overlapping(self, start: int, end: int) -> list[Mention]:
        """Mentions that overlap ``[start, end)``, latest first."""
        out = []
        k = bisect.bisect_left(self._starts, end) - 1
        while k >= 0:
            mention = self.mentions[k]
            if mention.end > start:
                out.append(mention)
            elif mention.start < start - 400:
                break
            k -= 1
        return out

    def mention_at(
        self, start: int, end: int, *, plural: bool = False, named_only: bool = False
    ) -> Mention | None:
        """The mention of ``[start, end)``: one inside the span first; then one that names a
        person outright, a counterpart, a plural (only when ``plural``), and the latest pronoun
        (not when ``named_only``)."""
        found = [m for m in self.overlapping(start, end) if plural or m.kind != "plural"]
        if named_only:
            found = [m for m in found if m.kind in _NAMING]
        # a mention inside the span beats one that only overlaps it; then a name beats a
        # counterpart phrase, which beats the pronoun inside it ("his counterpart")
        found.sort(
            key=lambda m: (not (start <= m.start and m.end <= end), _PRIORITY.get(m.kind, 3))
        )
        return found[0] if found else None

    def person(self, start: int, end: int, *, named_only: bool = False) -> int | None:
        """The one person ``[start, end)`` refers to (by name or role only when
        ``named_only``), or None."""
        mention = self.mention_at(start, end, named_only=named_only)
        return mention.persons[0] if mention is not None else None

    def persons_at(self, start: int, end: int) -> tuple[int, ...]:
        """Every person ``[start, end)`` refers to (the pair of "the two leaders")."""
        mention = self.mention_at(start, end, plural=True)
        return mention.persons if mention is not None else ()

    def person_of(self, token: Token) -> int | None:
        """The one person a token is part of a mention of."""
        return self.person(token.idx, token.idx + len(token.text))

    def person_named(self, name: str) -> int | None:
        """The person whose canonical name is ``name``."""
        return self._by_name.get(name)

    def country_of(self, person: int) -> str | None:
        """The side a person acts for."""
        return self.people[person].country

    def before(self, position: int, n: int) -> list[int]:
        """The ``n`` people named (outright) last before ``position``, latest first."""
        out: list[int] = []
        k = bisect.bisect_left(self._starts, position) - 1
        while k >= 0 and len(out) < n:
            mention = self.mentions[k]
            if mention.kind in _NAMING and mention.persons[0] not in out:
                out.append(mention.persons[0])
            k -= 1
        return out

    def chain(self, person: int) -> tuple[Mention, ...]:
        """Every mention of one person, in order."""
        return tuple(m for m in self.mentions if person in m.persons)

    # -- plain data (doc extension) -----------------------------------------------------------
    def to_data(self) -> dict[str, Any]:
        """JSON-ready form (survives ``Doc.to_bytes``)."""
        return {
            "people": [[p.name, p.country, p.role, p.gender] for p in self.people],
            "mentions": [[m.start, m.end, list(m.persons), m.kind] for m in self.mentions],
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> MentionChains:
        """Inverse of :meth:`to_data`."""
        return cls(
            tuple(ChainPerson(n, c, r, g) for n, c, r, g in data.get("people", [])),
            tuple(Mention(int(s), int(e), tuple(p), k) for s, e, p, k in data.get("mentions", [])),
        )


def chains_of(doc: Doc) -> MentionChains:
    """The mention chains of a processed doc (empty before the actor component ran)."""
    data = doc._.tariffscope_chains
    if data is None:
        persons = doc._.tariffscope_persons or []
        people = tuple(ChainPerson(p["name"], p.get("country"), p.get("role")) for p in persons)
        named = tuple(
            Mention(int(m["start"]), int(m["end"]), (int(m["person"]),), m.get("kind", "name"))
            for m in doc._.tariffscope_mentions or []
        )
        return MentionChains(people, named)
    return MentionChains.from_data(data)


# -- building -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Words:
    """The word sets the resolver reads (from the lexicon)."""

    pair_numbers: frozenset[str]
    leader_roles: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    side_nouns: frozenset[str]

    @classmethod
    def of(cls, lex: Lexicon) -> _Words:
        return cls(
            pair_numbers=lex.words("person_pair_numbers"),
            leader_roles=lex.words("person_leader_roles"),
            male_titles=lex.words("person_titles_male"),
            female_titles=lex.words("person_titles_female"),
            side_nouns=lex.words("event_government_groups"),
        )


@dataclass
class _Reading:
    """What a reader remembers while going through the story (local to :func:`build_chains`)."""

    genders: dict[int, Gender]
    last_subject: int | None = None
    last_speaker: int | None = None
    #: (sentence index, person) of every mention so far, in order
    seen: list[tuple[int, int]] = field(default_factory=list)


def _is_subject(token: Token) -> bool:
    if token.dep_ in _SUBJECT_DEPS:
        return True
    if token.dep_ == "appos" and token.head.dep_ in _SUBJECT_DEPS:
        return True
    # "Carney's government said": the owner of the subject speaks through it
    return token.dep_ == "poss" and token.head.dep_ in _SUBJECT_DEPS


def _leader(role: str | None, words: _Words) -> bool:
    role = (role or "").lower()
    return any(role == r or role.endswith(" " + r) for r in words.leader_roles)


def build_chains(
    doc: Doc,
    persons: Sequence[Mapping[str, Any]],
    mentions: Sequence[Mapping[str, Any]],
    lex: Lexicon,
    *,
    text: str | None = None,
    hits: Mapping[str, Mapping[int, RuleHit]] | None = None,
) -> MentionChains:
    """Resolve the pronouns, counterparts and plurals of ``doc`` against its named mentions.

    ``persons`` and ``mentions`` are the actor component's records (``name``/``role``/
    ``country``; ``start``/``end``/``person``/``kind``); ``text`` is ``doc.text`` and ``hits``
    the person rules' hits (:mod:`tariffscope.news.person_rules`) where the caller has them.
    """
    words = _Words.of(lex)
    if hits is None:
        hits = person_rules(lex).hits(doc)
    chain_rule = {i: hit.rule for i, hit in hits.get("chain", {}).items()}
    speech_rule = {i: hit.rule for i, hit in hits.get("speech", {}).items()}
    token_person: dict[int, int] = {}
    # last token of a named mention -> (mention, first token, the people it may name)
    mention_end_token: dict[int, tuple[Mention, int, tuple[int, ...]]] = {}
    genders: dict[int, Gender] = {}
    kept: list[Mention] = []
    for record in mentions:
        m = Mention(
            int(record["start"]),
            int(record["end"]),
            (int(record["person"]),),
            record.get("kind", "name"),
        )
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            kept.append(m)
            continue
        for t in span:
            token_person[t.i] = m.persons[0]
        candidates = tuple(int(k) for k in record.get("candidates", ()))
        mention_end_token[span.end - 1] = (m, span.start, candidates)
        if span.start > 0:
            title = doc[span.start - 1].text
            if title in words.male_titles:
                genders.setdefault(m.persons[0], "m")
            elif title in words.female_titles:
                genders.setdefault(m.persons[0], "f")
    countries = [p.get("country") for p in persons]
    roles = [p.get("role") for p in persons]
    quotes = [(q.start, q.end) for q in find_quote_spans(doc_text(doc) if text is None else text)]
    quote_starts = [s for s, _ in quotes]

    def reported(token: Token) -> bool:
        """The subject of a clause a speech verb reports ("X said that Y ...")."""
        clause = token.head
        return clause.dep_ == "ccomp" and speech_rule.get(clause.head.i) == "speech.verb"

    def in_quote(token: Token) -> bool:
        k = bisect.bisect_right(quote_starts, token.idx) - 1
        return k >= 0 and quotes[k][0] <= token.idx < quotes[k][1]

    sent_starts = [sent.start for sent in doc.sents]
    sentence = 0
    reading = _Reading(genders)
    resolved: dict[int, int] = {}  # token index -> person (pronouns, counterparts)
    out: list[Mention] = kept

    def agrees(person: int, gender: Gender | None) -> bool:
        return gender is None or reading.genders.get(person) in {None, gender}

    def resolve_pronoun(token: Token, gender: Gender | None) -> int | None:
        speaking = token.dep_ in _SUBJECT_DEPS and speech_rule.get(token.head.i) == "speech.verb"
        order = (
            [reading.last_speaker, reading.last_subject]
            if speaking
            else [reading.last_subject, reading.last_speaker]
        )
        order += [p for _, p in reversed(reading.seen)]
        here = {p for s, p in reading.seen if s == sentence}
        if token.dep_ == "poss" and not speaking and len(here) == 1 and not in_quote(token):
            # "a court struck down Trump's tariffs, which began after his announcement": the
            # one person its own sentence named before it, over a subject or speaker of an
            # earlier sentence
            order.insert(0, next(iter(here)))
        own = clause_subject(token)
        chosen = next((p for p in order if p is not None and p != own and agrees(p, gender)), None)
        if chosen is not None and gender is not None and chosen not in reading.genders:
            # the only person it can be (the only one named so far in this sentence, or in
            # this and the last one): the pronoun tells the person's gender
            here = {p for s, p in reading.seen if s == sentence}
            near = {p for s, p in reading.seen if s >= sentence - 1}
            if here == {chosen} or near == {chosen}:
                reading.genders[chosen] = gender
        return chosen

    def clause_subject(token: Token) -> int | None:
        """The person who is the subject of the clause an object pronoun stands in: "he
        urged him", "she told her": a plain object pronoun never names its own subject
        (that would be "himself")."""
        if token.dep_ not in _OBJECT_DEPS:
            return None
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        subject = subject_of(verb, passive=False)
        if subject is None or subject.i == token.i or subject.i > token.i:
            return None
        return person_of_subject(subject)

    def person_of_subject(subject: Token) -> int | None:
        if subject.i in resolved:
            return resolved[subject.i]
        if subject.i in token_person:  # "Vice-Premier He said": a surname, not a pronoun
            return token_person[subject.i]
        if chain_rule.get(subject.i) in _GENDER_OF:
            return pronoun(subject)
        for child in subject.children:
            if child.dep_ == "poss":
                return person_of_subject(child)
        # "The opposition spokesperson, Y, said": the apposed name
        name = apposed_named(subject, lambda t: t.i in token_person)
        return None if name is None else token_person[name.i]

    def pronoun(token: Token) -> int | None:
        if token.i in resolved:
            return resolved[token.i]
        person = resolve_pronoun(token, _GENDER_OF[chain_rule[token.i]])
        if person is not None:
            resolved[token.i] = person
            kind: MentionKind = "possessive" if token.dep_ == "poss" else "pronoun"
            out.append(Mention(token.idx, token.idx + len(token.text), (person,), kind))
        return person

    def pair(
        before_sentence: int, *, far: bool = False, sides: bool = False
    ) -> tuple[int, int] | None:
        if sides:  # "the two sides": the negotiation's sides, the first pair the story told
            first: dict[int, list[int]] = {}
            for s, p in reading.seen:
                first.setdefault(s, []).append(p)
            for s in sorted(first):
                found = _two_sides(list(reversed(first[s])), countries, known=True)
                if found is not None:
                    return found
            return None
        window = [(s, p) for s, p in reading.seen if s >= before_sentence - SENTENCES_BACK]
        by_sentence: dict[int, list[int]] = {}
        for s, p in reading.seen if far else window:
            by_sentence.setdefault(s, []).append(p)
        for s in sorted(by_sentence, reverse=True):  # a sentence that names both sides
            if s < before_sentence - SENTENCES_BACK and _two_sides(
                [p for _, p in reversed(window)], countries
            ):
                break  # the window's two latest people come before an older pair
            found = _two_sides(list(reversed(by_sentence[s])), countries)
            if found is not None:
                return found
        return _two_sides([p for _, p in reversed(window)], countries)

    def counterpart(token: Token) -> int | None:
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is None:
            return None
        mine = person_of_subject(owner)
        if mine is None:
            return None
        side = countries[mine]
        rank = _leader(roles[mine], words)
        window = [p for s, p in reversed(reading.seen) if s >= sentence - SENTENCES_BACK]
        # people named later in the same sentence count too ("his counterpart ... with Lee")
        sent = token.sent
        later = [token_person[i] for i in range(token.i + 1, sent.end) if i in token_person]
        others = [
            p
            for p in [*window, *later]
            if p != mine and (side is None or countries[p] is None or countries[p] != side)
        ]
        same_rank = [p for p in others if _leader(roles[p], words) == rank]
        return next(iter(same_rank or others), None)

    leader_at = hits.get("leader", {})
    # only the words a mention or a rule concerns change what the reader remembers
    for i in sorted({*mention_end_token, *chain_rule, *speech_rule, *leader_at}):
        token = doc[i]
        sentence = max(bisect.bisect_right(sent_starts, i) - 1, 0)
        quoted = in_quote(token)
        if token.i in mention_end_token:
            mention, first, candidates = mention_end_token[token.i]
            person = mention.persons[0]
            if candidates:  # "the prime minister" with two in the story: the salient one
                order = [reading.last_subject, reading.last_speaker]
                order += [p for _, p in reversed(reading.seen)]
                person = next((p for p in order if p in candidates), person)
                for i in range(first, token.i + 1):
                    token_person[i] = person
            out.append(Mention(mention.start, mention.end, (person,), mention.kind))
            reading.seen.append((sentence, person))
            subjects = [doc[i] for i in range(first, token.i + 1) if _is_subject(doc[i])]
            # "X said that Y jeopardized ...": Y is what X reports, X stays the one in view
            if not quoted and subjects and not any(reported(t) for t in subjects):
                reading.last_subject = person
            continue
        if token.i in token_person:
            continue
        rule = chain_rule.get(token.i)
        if rule in _GENDER_OF:
            referent = pronoun(token)
            if referent is not None:
                reading.seen.append((sentence, referent))
                if not quoted and _is_subject(token):
                    reading.last_subject = referent
        elif rule == "chain.counterpart":
            named_child = any(
                c.dep_ in {"appos", "compound"} and c.i in token_person for c in token.children
            )
            if not named_child:
                referent = counterpart(token)
                if referent is not None:
                    resolved[token.i] = referent
                    start = token.left_edge.idx
                    out.append(
                        Mention(start, token.idx + len(token.text), (referent,), "counterpart")
                    )
                    reading.seen.append((sentence, referent))
        elif (
            i in leader_at
            and (leaders := _leaders_of(token, countries, roles, words, lex)) is not None
        ):
            # "the leaders of the United States, Mexico and Canada": each country's leader
            start = token.left_edge.idx
            out.append(Mention(start, token.idx + len(token.text), leaders, "plural"))
            for person in leaders:
                reading.seen.append((sentence, person))
        elif rule in _PLURAL_RULES and (
            rule != "chain.pair_noun" or _pair_number_child(token, words)
        ):
            # "the two leaders" names people: their pair may be told further back than "they"
            found = pair(
                sentence,
                far=token.pos_ == "NOUN",
                sides=token.pos_ == "NOUN" and token.lower_ in words.side_nouns,
            )
            if found is not None:
                start = token.left_edge.idx if token.pos_ != "PRON" else token.idx
                out.append(Mention(start, token.idx + len(token.text), found, "plural"))
        if (
            not quoted
            and speech_rule.get(token.i) == "speech.verb"
            and (
                subject := speech_subject(
                    token,
                    lambda t: t.i in token_person,
                    lambda t: person_of_subject(t) is not None,
                )
            )
            is not None
        ):
            speaker = person_of_subject(subject)
            if speaker is not None:
                reading.last_speaker = speaker
        elif not quoted and speech_rule.get(token.i) == "speech.according_to":
            objects = [t for t in doc[token.i + 1].children if t.dep_ == "pobj"]
            if objects and (speaker := person_of_subject(objects[0])) is not None:
                reading.last_speaker = speaker
    people = tuple(
        ChainPerson(str(p["name"]), countries[k], roles[k], reading.genders.get(k))
        for k, p in enumerate(persons)
    )
    return MentionChains(people, tuple(out))


def _leaders_of(
    token: Token,
    countries: Sequence[str | None],
    roles: Sequence[str | None],
    words: _Words,
    lex: Lexicon,
) -> tuple[int, ...] | None:
    """The people a plural leader noun (rule ``leader.plural_noun``) with its countries names
    ("the leaders of X and Y", "the presidents of X, Y and Z"): the story's leader of each
    country; None unless it names two or more countries and the story has a leader for at
    least two of them (the rule's guard)."""
    named: list[str] = []
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (g for g in prep.children if g.dep_ == "pobj"):
            for member in (obj, *(c for c in obj.subtree if c.dep_ == "conj")):
                words_of = [c.text for c in member.children if c.dep_ == "compound"]
                code = lex.place_code(" ".join([*words_of, member.text]))
                if code is not None and code not in named:
                    named.append(code)
    if len(named) < 2:
        return None
    found = []
    for code in named:
        leader = next(
            (k for k, c in enumerate(countries) if c == code and _leader(roles[k], words)), None
        )
        if leader is not None:
            found.append(leader)
    return tuple(found) if len(found) >= 2 else None


def _pair_number_child(token: Token, words: _Words) -> bool:
    """The guard of rule ``chain.pair_noun``: the noun is counted as two ("the two leaders",
    "both sides"), which a token pattern cannot see."""
    return any(c.lower_ in words.pair_numbers for c in token.children)


def _two_sides(
    latest_first: Sequence[int], countries: Sequence[str | None], *, known: bool = False
) -> tuple[int, int] | None:
    """The latest person and the latest other person of another side (or of an unknown one;
    with ``known``, of another known side)."""
    distinct: list[int] = []
    for p in latest_first:
        if p not in distinct:
            distinct.append(p)
    if len(distinct) < 2:
        return None
    first = distinct[0]
    for other in distinct[1:]:
        if known and (countries[first] is None or countries[other] is None):
            continue
        if (
            countries[first] is None
            or countries[other] is None
            or countries[other] != countries[first]
        ):
            return (other, first)  # in the order the story named them
    return None
