"""Who takes part in an event: helpers of :mod:`tariffscope.news.events`.

People are found through the story's mention chains (:mod:`tariffscope.news.mention_chains`),
the same resolver the quotation speakers use: a name or role phrase, a pronoun or possessive
("he", "their meeting"), "his counterpart", "the two leaders". :func:`participants_of` (a pure
function over the story's frozen :class:`~tariffscope.news._event_story.EventStory`) reads the
subject, partners in "with"/"between" phrases, a person object ("met Bessent"), the agent
("announced by Trump"), a possessor ("Trump's talks"), "I"/"we" in a quotation (the speaker),
"the country's minister" (the country the sentence is about), and governments as country codes.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from tariffscope.news._event_story import EventStory
from tariffscope.news._event_words import ACL_EVENT_VERBS, COLLECTIVE, GROUPS
from tariffscope.news._measure_parts import place_spans
from tariffscope.news._syntax import governing_verb, subject_of
from tariffscope.news.event_context import topic_country
from tariffscope.news.event_triggers import with_objects
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.mention_chains import MentionChains

__all__ = [
    "add_participant",
    "election_country",
    "imposer_in_sentence",
    "is_person",
    "participants_of",
]


def participants_of(
    doc: Doc,
    token: Token,
    kind: str,
    index: MentionChains,
    lex: Lexicon,
    story: EventStory,
) -> tuple[list[int], list[str]]:
    """The people (indices of ``doc._.tariffscope_persons``) and the countries taking part
    in the event of ``token``."""
    heads: list[Token] = []
    if token.pos_ == "ADJ" and token.dep_ == "acomp":  # "X is due in Y": the copula's
        subject = subject_of(token.head)
        heads += [] if subject is None else [subject]
    elif kind == "visit" and token.lemma_.lower() in lex.words("event_envoy_send_verbs"):
        # "Lima has sent X to Quito": the one sent travels, not the sender; a delegation
        # sent is the sender's ("Lima will send a delegation to Quito")
        sent = [o for o in token.children if o.dep_ in {"dobj", "obj"}]
        heads += sent
        sender = subject_of(token)
        delegations = lex.words("event_delegation_nouns")
        if sender is not None and any(o.lemma_.lower() in delegations for o in sent):
            heads.append(sender)
    elif token.pos_ in {"VERB", "AUX"}:
        subject = subject_of(token)
        reported = _reported_government(token, lex) if kind == "announcement" else None
        if reported is not None:
            return _acting_government(doc, reported, subject, token, index, lex, story)
        if subject is not None:
            heads.append(subject)
        if not any(c.dep_ == "nsubj" for c in token.children):  # not "spoke by phone"
            heads += [g for c in token.children if c.dep_ == "agent" for g in c.children]
        if kind in {"meeting", "call"}:
            # a government's unnamed side is the other side of a government's (a named
            # person meeting officials in a place is that person's visit)
            # (a host stays home: "hosted a Kenyan delegation" meets that side)
            sides = (
                subject is None
                or not is_person(subject, index)
                or token.lemma_.lower() in lex.words("event_host_verbs")
            )
            heads += [
                o
                for o in token.children
                if o.dep_ not in {"nsubj", "nsubjpass", "prep", "agent"}
                and (is_person(o, index) or (sides and _government_side(o, lex)))
            ]
        heads += with_objects(token)
        if kind == "call":  # "spoke to Lee": the one spoken to
            heads += [
                o
                for o in with_objects(token, lex.words("event_callee_preps"))
                if is_person(o, index)
            ]
        for obj in (o for o in token.children if o.dep_ in {"dobj", "obj"}):
            heads += with_objects(obj)
            # "held a fifth round of talks with X": the partner of the round's talks
            heads += [w for g in with_objects(obj, frozenset({"of"})) for w in with_objects(g)]
    else:
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        # a public event's proper name ("the International Franchise Expo") names the event,
        # not an owner of it
        named_event = kind == "other" and token.pos_ == "PROPN"
        owners = [
            c
            for c in token.children
            if c.dep_ == "poss" or (c.dep_ == "compound" and c.pos_ == "PROPN" and not named_event)
        ]
        if kind in {"announcement", "other"}:
            # "an announcement by President X": the maker of an act, as its owner is
            owners += with_objects(token, lex.words("event_maker_preps"))
            if token.lemma_.lower() in lex.words("event_letter_nouns"):
                owners += _letter_senders(token, lex)
            governor = token.head
            if token.dep_ in {"dobj", "obj"} and any(c.dep_ == "nsubj" for c in governor.children):
                # "follows an announcement this week by X": an active verb has no agent,
                # so a "by" phrase the parse hangs on it is its object's maker
                owners += [
                    g
                    for c in governor.children
                    if c.dep_ == "agent"
                    or (c.dep_ == "prep" and c.lower_ in lex.words("event_maker_preps"))
                    for g in c.children
                    if g.dep_ == "pobj"
                ]
        heads += owners + with_objects(token) + _agenda_owners(first, lex)
        if kind == "call":  # "a phone call to President X": the one called
            heads += [
                o
                for o in with_objects(token, lex.words("event_callee_preps"))
                if is_person(o, index)
            ]
        acl = next(
            (
                c
                for c in token.children
                if c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in ACL_EVENT_VERBS
            ),
            None,
        )
        if acl is not None:  # "the deal signed by X", "the deal to be signed between X and Y"
            heads += [g for c in acl.children if c.dep_ == "agent" for g in c.children]
            heads += with_objects(acl)
        verb: Token | None = first.head if first.dep_ in {"dobj", "obj", "pobj"} else None
        if verb is not None and (verb.pos_ not in {"VERB", "AUX"} or verb.dep_ == "prep"):
            verb = governing_verb(verb.head if verb.dep_ == "prep" else verb)
        # a place before an encounter noun ("a White House meeting") is its setting, not
        # a side ("the US announcement" is the US's act)
        setting = kind in {"meeting", "talks"}
        named_owners = [o for o in owners if not (setting and _place_word(o, lex))]
        if verb is not None and first.dep_ not in {"nsubj", "nsubjpass"} and not named_owners:
            subject = subject_of(verb)
            if (
                subject is not None
                and subject.pos_ == "NOUN"
                and verb.dep_ == "acl"
                and (not is_person(subject, index))
            ):
                upper = governing_verb(subject)  # "kept the dialogue going via calls"
                subject = subject_of(upper) if upper is not None else subject
            if subject is not None and subject.i not in {t.i for t in token.subtree}:
                heads.append(subject)
            heads += with_objects(verb)
            if kind in {"meeting", "call"}:
                # "the minister told Chilean officials in a meeting": a government's side
                # told by a speaker who is no named person holds the meeting with it
                sides = subject is None or not is_person(subject, index)
                heads += [
                    o
                    for o in verb.children
                    if o.dep_ in {"dobj", "obj"}
                    and o.i != first.i
                    and (
                        is_person(o, index)
                        or (sides and first.dep_ == "pobj" and _government_side(o, lex))
                    )
                ]
                heads += _recipients(verb, first, index, is_person)
                if first.dep_ == "pobj" and first.head.lower_ in lex.words("event_setting_preps"):
                    heads += _clause_parties(verb, index, is_person)
    people: list[int] = []
    countries: list[str] = []
    for head in heads:
        members = [head, *[c for c in head.subtree if c.dep_ == "conj"]]
        for member in members:
            add_participant(doc, member, token, index, lex, people, countries, story)
    return people, countries


def add_participant(
    doc: Doc,
    member: Token,
    trigger: Token,
    index: MentionChains,
    lex: Lexicon,
    people: list[int],
    countries: list[str],
    story: EventStory,
) -> None:
    """Add the person or the countries ``member`` names to ``people`` and ``countries``."""
    left = member.left_edge.idx if member.dep_ != "conj" else member.idx
    right = member.idx + len(member.text)
    person = None
    for extra in (c for c in member.children if c.dep_ == "appos" and c.i > member.i):
        person = index.person(extra.left_edge.idx, extra.idx + len(extra.text))
        if person is not None:
            break
    if person is None:
        person = _phrase_person(member, left, right, index)
    if person is None and member.lemma_.lower() in COLLECTIVE:
        # "his government reached a deal after a call with X": a body owned by a person
        # is that person's side (unlike "his counterpart", another side)
        owner = index.mention_at(left, right)
        person = owner.persons[0] if owner is not None and owner.persons else None
    if person is not None and member.lemma_.lower() in COLLECTIVE:
        country = index.country_of(person)
        if country is not None and country not in countries:
            countries.append(country)
        return
    for extra in (c for c in member.children if c.dep_ in {"appos", "compound"} and c.i > member.i):
        if person is None:
            person = index.person(extra.left_edge.idx, extra.idx + len(extra.text))
    lower = member.lower_
    if person is None and lower in lex.words("person_speaker_pronouns"):
        speaker = next((n for s, e, n in story.speakers if s <= member.idx < e), None)
        if speaker is not None:
            person = index.person_named(speaker)
    if person is None:
        person = _office_holder(member, index, lex)
    if person is not None:
        if person not in people:
            people.append(person)
        return
    pair = index.persons_at(left, right)  # "their meeting", "the two leaders"
    if len(pair) >= 2 and member.lemma_.lower() not in COLLECTIVE:
        sides = [index.country_of(p) for p in pair]
        if (
            member.lemma_.lower() in lex.words("event_government_groups")
            and None not in sides
            and len(set(sides)) == len(sides)
        ):
            # "the two sides agreed": the governments of the two people just named
            countries.extend(c for c in sides if c is not None and c not in countries)
            return
        people.extend(p for p in pair if p not in people)
        return
    parties = _party_countries(member, lex)  # "officials from X and Y", "ministers of X"
    if parties:
        countries.extend(c for c in parties if c not in countries)
        return
    groups = GROUPS | lex.words("person_pair_nouns")  # "the presidents' call"
    if lower in groups and _nationals(member, lex):
        # "European leaders will travel to Beijing": a people's own nationality, not
        # the last two people named, says whose side they are (read below)
        pass
    elif (group := _group_antecedent(member, lex)) is not None and not is_person(group, index):
        # "The Thai delegation includes ... They were to depart": the body just named
        add_participant(doc, group, trigger, index, lex, people, countries, story)
        return
    elif (lower in groups and member.pos_ in {"NOUN", "NUM", "PRON", "DET"}) or lower in {
        "they",
        "them",
    }:
        before = index.before(member.idx, 2)
        for p in reversed(before):
            if p not in people:
                people.append(p)
        if before:
            return
        national = _party_countries(member, lex) or any(
            kind == "demonym" for _, kind, _, _ in place_spans(list(member.subtree), lex)
        )
        if not national:  # (else no one named before: "Kenyan negotiators" are Kenya's)
            if member.lemma_.lower() in lex.words("event_government_groups"):
                # "the two sides held a virtual meeting": the story's two countries
                countries.extend(c for c in story.pair[:2] if c not in countries)
            return
    # a conjunct's own phrase ("X and the United States"), not the coordination's
    tokens = [t for t in member.subtree if t.i <= member.i]
    topic = topic_country(member, lex)  # "the country's trade minister will visit"
    if topic is not None:
        if topic not in countries:
            countries.append(topic)
        return
    kinds = {"country", "capital", "institution"}
    if member.lemma_.lower() in _group_nouns(lex):
        kinds.add("demonym")  # "a Vietnamese delegation", "Chinese negotiators"
    doc = member.doc
    first = True
    for iso, kind, start, _ in place_spans(tokens, lex):
        if kind not in kinds or iso in countries:
            continue
        # one country per side; conjoined names are sides each ("Chilean and Peruvian
        # officials", "U.S. and Chinese negotiators")
        if first or any(doc[i].dep_ == "conj" for i in range(start, member.i)):
            countries.append(iso)
            first = False


def _reported_government(token: Token, lex: Lexicon) -> Token | None:
    """The government a speaker reports acting on a measure ("the spokesman said *the bloc*
    will suspend its countermeasures", "she said *Canada* would raise duties"): the subject
    of a measure act the report verb governs, when it is a definite body or a country, not
    the speaker's own "I"/"he". The government announces; the speaker only relays it ("say",
    "tell"; one who "announced" or "threatened" that the US would act makes the act)."""
    if token.lemma_.lower() not in lex.words("event_relay_verbs"):
        return None
    bodies = lex.words("event_actor_nouns")
    definite = lex.words("event_definite_dets")
    for comp in token.children:
        if comp.dep_ not in {"ccomp", "xcomp"} or comp.lemma_.lower() not in lex.words(
            "event_measure_acts"
        ):
            continue
        actor = next((c for c in comp.children if c.dep_ == "nsubj"), None)
        if actor is None:
            continue
        body = actor.lemma_.lower() in bodies and any(
            c.dep_ == "det" and c.lower_ in definite for c in actor.children
        )
        if body or any(
            kind in {"country", "capital", "institution"}
            for _, kind, _, _ in place_spans(list(actor.subtree), lex)
        ):
            return actor
    return None


def _acting_government(
    doc: Doc,
    actor: Token,
    speaker: Token | None,
    trigger: Token,
    index: MentionChains,
    lex: Lexicon,
    story: EventStory,
) -> tuple[list[int], list[str]]:
    """The participants of a reported act: those ``actor`` names ("Canada", "the
    president"), else the country of the ``speaker`` for a body left unnamed ("the bloc",
    "the government" of an EU spokesman is the EU), else the speaker."""
    people: list[int] = []
    countries: list[str] = []
    add_participant(doc, actor, trigger, index, lex, people, countries, story)
    if people or countries or speaker is None:
        return people, countries
    add_participant(doc, speaker, trigger, index, lex, people, countries, story)
    homes = [index.country_of(p) for p in people]
    if people and None not in homes:
        return [], list(dict.fromkeys(c for c in homes if c is not None))
    return people, countries


def _office_holder(member: Token, index: MentionChains, lex: Lexicon) -> int | None:
    """The one person of the story holding the office a country's role phrase names
    ("Canada's trade minister", "the Chilean foreign minister" left unnamed there): of that
    country, with a role holding the phrase's words and ending in its noun. An office holder
    is a person; GUIDELINES keep country codes for delegations."""
    if member.tag_ != "NN" or member.lemma_.lower() not in lex.words("event_actor_nouns"):
        return None
    if any(
        c.dep_ == "det" and c.lower_ not in lex.words("event_definite_dets")
        for c in member.children
    ):
        return None  # "a U.S. official": one of many
    own = list(member.subtree)
    if member.dep_ == "conj":  # "Canada's trade minister and chief negotiator": the shared owner
        own += [t for c in member.head.children if c.dep_ == "poss" for t in c.subtree]
    spans = place_spans(own, lex)
    homes = {iso for iso, kind, _, _ in spans if kind in {"country", "demonym"}}
    if len(homes) != 1:
        return None
    placed = {i for _, _, start, end in spans for i in range(start, end)}
    words = [
        t.lower_
        for t in member.subtree
        if t.i <= member.i
        and t.i not in placed
        and t.dep_ in {"compound", "amod"}
        and t.head.i == member.i
    ]
    holders = [
        k
        for k, p in enumerate(index.people)
        if p.country in homes
        and (role := (p.role or "").lower().split())
        and role[-1] == member.lower_
        and all(w in role for w in words)
    ]
    return holders[0] if len(holders) == 1 else None


def is_person(token: Token, index: MentionChains) -> bool:
    """``token`` (or its apposition or compound) names a person of the mention chains."""
    for t in [token, *[c for c in token.children if c.dep_ in {"appos", "compound"}]]:
        if index.persons_at(t.left_edge.idx, t.idx + len(t.text)):  # or "the two leaders"
            return True
    return False


def imposer_in_sentence(token: Token, measures: list[dict[str, Any]]) -> str | None:
    """The imposer of the first measure told in ``token``'s sentence, or None."""
    sent = token.sent
    for m in measures:
        if sent.start_char <= m["start"] < sent.end_char:
            return str(m["imposer"])
    return None


def election_country(token: Token, persons: list[dict[str, Any]], lex: Lexicon) -> list[str]:
    """The country that votes: the legislature the vote belongs to ("the vote in the
    European Parliament", "Congress voted": its bloc or country), else a place in the
    sentence, else the country of the first actor of the article (the story's
    protagonist)."""
    own = [*token.subtree]
    if token.pos_ in {"VERB", "AUX"}:
        own = [*own, *(t for c in token.children if c.dep_ == "nsubj" for t in c.subtree)]
    for iso, kind, _, _ in place_spans(own, lex):
        if kind == "institution":
            return [iso]
    for iso, kind, _, _ in place_spans(token.sent, lex):
        if kind in {"country", "demonym"}:
            return [iso]
    for person in persons:
        if person.get("actor") and person.get("country"):
            return [str(person["country"])]
    return []


def _agenda_owners(event: Token, lex: Lexicon) -> list[Token]:
    """The owner of a noun the event is "for" ("his agenda for talks with Greer", "her plans
    for the visit"): the one whose agenda or plan it is takes part in the event."""
    prep = event.head
    if event.dep_ != "pobj" or prep.lower_ not in lex.words("event_agenda_preps"):
        return []
    holder = prep.head
    if holder.pos_ != "NOUN":
        return []
    return [c for c in holder.children if c.dep_ == "poss"]


def _government_side(obj: Token, lex: Lexicon) -> bool:
    """An object of "met" that is a government's side left unnamed: a body or envoy noun
    with its country ("met Peruvian officials", "met his Chilean counterpart", "met a
    delegation from Peru"). Met by another government's side, the two hold talks (kind row
    talks.governments_meet)."""
    if obj.dep_ not in {"dobj", "obj"} or obj.lemma_.lower() not in _group_nouns(lex):
        return False
    return any(
        kind in {"country", "demonym", "institution"}
        for _, kind, _, _ in place_spans(list(obj.subtree), lex)
    )


def _nationals(member: Token, lex: Lexicon) -> bool:
    """A plural group noun told by its own nationality, with no article or number pointing
    back to people just named ("European leaders", "Chinese officials"; not "the two
    leaders", "the Chinese leaders")."""
    if member.tag_ not in {"NNS", "NNPS"} or any(
        c.dep_ in {"det", "nummod", "poss"} for c in member.children
    ):
        return False
    own = [c for c in member.children if c.dep_ in {"amod", "compound"} and c.i < member.i]
    return any(
        kind == "demonym" for c in own for _, kind, _, _ in place_spans(list(c.subtree), lex)
    )


def _group_antecedent(member: Token, lex: Lexicon) -> Token | None:
    """The group noun a subject "they" opening its sentence points back to: the subject of
    the sentence before, when that is a body or envoys of a government ("The Thai delegation
    includes ... They were to depart"), not people named."""
    # "The Indian team is led by X. The team has travelled three times": a bare definite
    # delegation noun points back as "they" does
    bare = member.lemma_.lower() in lex.words("event_delegation_nouns") and [
        c.lower_ for c in member.children
    ] == ["the"]
    if not (member.lower_ == "they" or bare) or member.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    sent = member.sent
    if sent.start == 0 or any(t.pos_ in {"PROPN", "NOUN"} for t in sent if t.i < member.i):
        return None
    root = member.doc[sent.start - 1].sent.root
    groups = _group_nouns(lex)
    # the main clause's subject, or the reported clause's ("A Kenyan delegation will be in
    # Lima, the minister said. They will leave ...")
    for clause in [root, *(c for c in root.children if c.dep_ == "ccomp")]:
        # (a passive's own subject: "the team is led by X" is the team's, not X's)
        passive = [  # (a bare "the delegation is led by X" leaves X's people)
            c
            for c in clause.children
            if c.dep_ == "nsubjpass" and [g.lower_ for g in c.children] != ["the"]
        ]
        for subject in [*passive, subject_of(clause)]:
            if subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower() in groups:
                return subject
    return None


def _group_nouns(lex: Lexicon) -> frozenset[str]:
    """Nouns of a body or an envoy that acts for a government ("a Vietnamese delegation",
    "his Chinese counterpart" left unnamed): its nationality names the government."""
    return (
        lex.words("event_delegation_nouns")
        | lex.words("event_actor_nouns")
        | lex.words("person_counterpart_nouns")
    )


def _party_countries(member: Token, lex: Lexicon) -> list[str]:
    """The governments a group of officials comes from: the countries of a "from"/"of" phrase
    on a common noun ("delegations from X and Y", "trade ministers of X and Y"); not on a
    leader noun, whose holders are named people."""
    if member.pos_ != "NOUN" or member.lemma_.lower() in lex.words("person_leader_roles"):
        return []  # "the leaders of X and Y" are people, resolved as such
    found: list[str] = []
    for prep in (c for c in member.children if c.dep_ == "prep"):
        if prep.lower_ not in lex.words("event_party_preps"):
            continue
        for iso, kind, _, _ in place_spans(list(prep.subtree), lex):
            if kind in {"country", "institution"} and iso not in found:
                found.append(iso)
    return found


def _letter_senders(letter: Token, lex: Lexicon) -> list[Token]:
    """Who sent a letter: its "from" phrase ("the letter from President X"), or the subject
    or "from" phrase of a clause on it ("a letter X shared on July 7", "the letter received
    from Washington")."""
    preps = lex.words("event_letter_sender_preps")
    pronouns = lex.words("event_relative_pronouns")
    out = with_objects(letter, preps)
    for clause in (c for c in letter.children if c.dep_ in {"acl", "relcl"}):
        out += [s for s in clause.children if s.dep_ == "nsubj" and s.lower_ not in pronouns]
        out += with_objects(clause, preps)
    return out


def _recipients(verb: Token, trigger: Token, index: MentionChains, is_person: Any) -> list[Token]:
    """The person a message goes to in the clause of a call or meeting told as a noun: "he
    conveyed his concern *to the president* during a phone call" (a "to" phrase of the verb
    or of its object)."""
    holders = [verb, *(o for o in verb.children if o.dep_ in {"dobj", "obj"})]
    return [
        g
        for h in holders
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "to" and trigger.i not in {t.i for t in c.subtree}
        for g in c.children
        if g.dep_ == "pobj" and is_person(g, index)
    ]


def _phrase_person(member: Token, left: int, right: int, index: MentionChains) -> int | None:
    """The person a phrase names; not the owner of a possessive inside it: in "his U.S.
    counterpart" left unresolved, "his" is the other side, not the counterpart."""
    mention = index.mention_at(left, right)
    if mention is None:
        return None
    if (
        mention.kind == "possessive"
        and member.pos_ in {"NOUN", "PROPN"}
        and not (mention.start <= member.idx < mention.end)
    ):
        return None
    return mention.persons[0]


def _clause_parties(verb: Token, index: MentionChains, is_person: Any) -> list[Token]:
    """The people of the clauses an encounter is the setting of ("he urged Modi to act
    *during a call*"): the subjects and person objects of the verb and of the verbs it
    completes or is coordinated with (which share its subject: "he conveyed his concern and
    urged him to act during a call"), up to the main clause: what was said or asked passed
    between them."""
    found: list[Token] = []
    current = verb
    for _ in range(3):
        found += [
            c
            for c in current.children
            if c.dep_ in {"nsubj", "dobj", "obj"} and (is_person(c, index) or c.pos_ == "PRON")
        ]
        if current.dep_ not in {"xcomp", "ccomp", "conj"} or current.head.i == current.i:
            break
        current = current.head
    return found


def _place_word(owner: Token, lex: Lexicon) -> bool:
    """A noun's owner word that names a place, not a party ("a White House meeting", "the
    Lima talks"): a place or facility entity, or a country's name."""
    ent = next((e for e in owner.doc.ents if e.start <= owner.i < e.end), None)
    if ent is not None and ent.label_ in {"GPE", "LOC", "FAC"}:
        return True
    text = ent.text if ent is not None else owner.text
    return bool(lex.place_code(text[4:] if text.lower().startswith("the ") else text))
