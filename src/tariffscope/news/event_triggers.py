"""Event triggers: which words name a meeting, call, visit, talks, agreement, announcement,
election or other public event, by named rules kept as data.

The rules are spaCy ``DependencyMatcher`` patterns in ``news/data/event_rules.json``, each
with an id, the kind of event it names, a priority and a one-line reason. The pattern's node
``trigger`` is the word that names the event; values ``"@name"`` stand for the word set
``name`` of the lexicon (:meth:`~tariffscope.news.lexicon.Lexicon.words`). A rule may also
``require`` or be stopped by (``unless``) guards: named predicates over the trigger for what a
pattern cannot say (nothing below it names a measure, an object is a person). For each word the
rule of highest priority whose pattern matches and whose guards hold decides; a rule of kind
null says the word names no event ("agreed that ...", "a call for ...").

The patterns are matched by a small evaluator of the ``DependencyMatcher`` format (relations
``>`` and ``<``, the attributes the rules use), indexed by the trigger word: spaCy's matcher
runs every pattern's set tests over every token and cost more than the rest of the events
component; a test checks that both find the same matches.

:func:`find_triggers` applies the rules to a document; :func:`trigger_of` asks about one word.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from tariffscope.errors import DataFileError
from tariffscope.news._event_kind import delegation_negotiates, told_as_round
from tariffscope.news._measure_parts import place_spans
from tariffscope.news._syntax import direction, governing_verb, subject_of
from tariffscope.news.lexicon import Lexicon, default_lexicon, expand_words, per_lexicon
from tariffscope.news.rulebook import shipped_rulebook

__all__ = [
    "GUARDS",
    "EventRule",
    "EventRules",
    "RuleContext",
    "Trigger",
    "compile_rules",
    "default_rules",
    "expanded_pattern",
    "find_triggers",
    "load_rules",
    "rules_for",
    "trigger_of",
    "with_objects",
]

_RULES_FILE = "event_rules.json"


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word that names an event, with the kind it names and the id of the rule that said so."""

    token: Token
    kind: str
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class EventRule:
    """One named trigger rule (a record of ``event_rules.json``)."""

    id: str
    kind: str | None
    priority: int
    reason: str
    pattern: tuple[Mapping[str, Any], ...]
    require: tuple[str, ...] = ()
    unless: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RuleContext:
    """What guards may ask besides the parse: the words of the lexicon, who is a person."""

    lexicon: Lexicon
    person: Callable[[Token], bool]

    def words(self, name: str) -> frozenset[str]:
        """The lexicon's word set ``name``."""
        return self.lexicon.words(name)


# -- guards -------------------------------------------------------------------------------------


def _objects(token: Token, ctx: RuleContext) -> list[Token]:
    deps = ctx.words("event_object_deps")
    return [c for c in token.children if c.dep_ in deps]


def with_objects(token: Token, preps: frozenset[str] | None = None) -> list[Token]:
    """The objects of the token's "with" and "between" phrases (partners)."""
    preps = preps if preps is not None else default_lexicon().words("event_partner_preps")
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _object_is_person(token: Token, ctx: RuleContext) -> bool:
    return any(ctx.person(o) for o in _objects(token, ctx))


def _has_clausal_complement(token: Token, ctx: RuleContext) -> bool:
    deps = ctx.words("event_clausal_deps")
    return any(c.dep_ in deps for c in token.children)


def _has_predicate_complement(token: Token, ctx: RuleContext) -> bool:
    """'called him a friend', 'called it unfair': the verb names, it does not phone (a
    purpose after the object, "called Lee to congratulate him", is still a call)."""
    deps = ctx.words("event_predicate_deps")
    return any(c.dep_ in deps for c in token.children)


def _partner_is_person(token: Token, ctx: RuleContext) -> bool:
    """A named person in a "to"/"with" phrase of the verb ("spoke to Lee", "talked with Lee")."""
    preps = ctx.words("event_partner_preps") | ctx.words("event_callee_preps")
    return any(ctx.person(o) for o in with_objects(token, preps))


def _partner_is_party(token: Token, ctx: RuleContext) -> bool:
    """The object of a "with"/"between" phrase of the verb (or of its object) is a party
    (:func:`_is_party`: "with his Chilean counterpart", "with officials from Peru")."""
    preps = ctx.words("event_partner_preps")
    objects = [c for c in token.children if c.dep_ in {"dobj", "obj"}]
    partners = with_objects(token, preps) + [p for o in objects for p in with_objects(o, preps)]
    # "discussed tariffs with X": the phrase may hang on the object
    return any(_is_party(p, ctx) for p in partners)


def _object_is_party(token: Token, ctx: RuleContext) -> bool:
    """The verb's object is a party: a named person or a government's side ("hosted a
    Kenyan delegation", "received Peruvian officials")."""
    return any(_is_party(o, ctx) for o in _objects(token, ctx))


def _is_party(phrase: Token, ctx: RuleContext) -> bool:
    """A named person, a country, or a government's unnamed side (a body or envoy noun with
    its country: "his Chilean counterpart", "officials from Peru"), alone or conjoined."""
    sides = (
        ctx.words("event_delegation_nouns")
        | ctx.words("event_actor_nouns")
        | ctx.words("person_counterpart_nouns")
        | ctx.words("event_delegate_nouns")
    )
    for member in [phrase, *(c for c in phrase.subtree if c.dep_ == "conj")]:
        if ctx.person(member):
            return True
        spans = place_spans(list(member.subtree), ctx.lexicon)
        if any(kind == "country" for _, kind, _, _ in spans) and member.pos_ == "PROPN":
            return True  # "with Peru", "with the United States"
        if member.lemma_.lower() in sides and any(
            kind in {"country", "demonym", "institution"} for _, kind, _, _ in spans
        ):
            return True
    return False


def _encounter_in_clause(token: Token, ctx: RuleContext) -> bool:
    """A phrase of the verb names the encounter itself ("discussed tariffs with X during a
    call", "at a meeting", "in talks on Monday"): that noun is the event, the verb what was
    said in it."""
    nouns = (
        ctx.words("event_meeting_nouns")
        | ctx.words("event_call_nouns")
        | ctx.words("event_talks_nouns")
        | ctx.words("event_visit_nouns")
    )
    return any(
        g.lemma_.lower() in nouns or g.lower_ in nouns
        for c in token.children
        if c.dep_ == "prep"
        for g in c.children
        if g.dep_ == "pobj"
    )


def _told_when_or_where(token: Token, ctx: RuleContext) -> bool:
    """The verb's own phrases give it a time ("on Tuesday", "last week") or a place ("in
    Geneva", "at the White House"): an encounter narrated as an act, not a topic reported
    ("has discussed the issue with X")."""
    for child in token.children:
        if child.dep_ not in {"prep", "npadvmod", "tmod"}:
            continue
        words = list(child.subtree)
        if any(t.ent_type_ in _TIME_ENTITIES for t in words):
            return True
        placed = child.dep_ == "prep" and child.lower_ in ctx.words("event_place_preps")
        if placed and any(
            t.ent_type_ in _PLACE_ENTITIES or ctx.lexicon.place_code(t.text) for t in words
        ):
            return True
    return False


def _speakers_are_two(token: Token, ctx: RuleContext) -> bool:
    """The verb's subject is two people: a named person with a named conjunct ("A and B
    spoke") or a noun of a pair of people ("the two leaders spoke"; "both sides are still
    talking" tells talks going on, not a call)."""
    subject = subject_of(token)
    if subject is None or subject.dep_ != "nsubj":
        return False
    people = ctx.words("person_pair_nouns") - ctx.words("event_government_groups")
    if subject.lower_ in people and any(
        c.lower_ in ctx.words("person_pair_numbers") for c in subject.children
    ):
        return True
    conjuncts = [c for c in subject.subtree if c.dep_ == "conj"]
    return ctx.person(subject) and any(ctx.person(c) for c in conjuncts)


def _at_a_place(token: Token, ctx: RuleContext) -> bool:
    """An "in"/"at" phrase of the verb names a place ("spoke with Lee at the White House"):
    the two were together."""
    return any(
        t.ent_type_ in {"GPE", "LOC", "FAC"} or ctx.lexicon.place_code(t.text)
        for g in with_objects(token, ctx.words("event_place_preps"))
        for t in g.subtree  # "at the Bangladeshi embassy in Washington"
    )


def _courtly(token: Token, ctx: RuleContext) -> bool:
    """The word or a modifier or owner of it names a court ("the Supreme Court", "a US
    court", "the court's")."""
    courts = ctx.words("event_court_nouns")
    words = [token, *(c for c in token.children if c.dep_ in {"compound", "poss", "nmod"})]
    return any(w.lemma_.lower() in courts for w in words)


def _court_body(phrase: Token, ctx: RuleContext) -> bool:
    """A court, or a bench of one: a court word on the phrase or in its "on"/"of" phrase
    ("a three-judge panel on the Court of International Trade", "judges of the court")."""
    if _courtly(phrase, ctx):
        return True
    return any(_courtly(g, ctx) for g in with_objects(phrase, ctx.words("event_bench_preps")))


def _subject_is_court(token: Token, ctx: RuleContext) -> bool:
    """'the Supreme Court struck down the tariffs', 'a court decision, which voided ...'."""
    subject = subject_of(token)
    if subject is None:
        return False
    if subject.lower_ in ctx.words("event_relative_pronouns") and token.dep_ == "relcl":
        subject = token.head
    return _court_body(subject, ctx)


def _court_in_phrase(token: Token, ctx: RuleContext) -> bool:
    """A decision of a court: a court word on the noun ("the Supreme Court's ruling", "a
    court decision"), in its "by"/"of" phrase ("the decision by the highest court"), or a
    court the subject of the verb whose object the decision is ("the appeals court issued
    an order", "a panel on the court handed down its ruling")."""
    if _courtly(token, ctx):
        return True
    preps = ctx.words("event_ruling_preps")
    if any(_courtly(g, ctx) for g in with_objects(token, preps)):
        return True
    if token.dep_ not in {"dobj", "obj"} or token.head.pos_ != "VERB":
        return False
    subject = subject_of(token.head, passive=False)
    return subject is not None and _court_body(subject, ctx)


def _phone_in_subtree(token: Token, ctx: RuleContext) -> bool:
    phone = ctx.words("event_phone_words")
    return any(t.lower_ in phone for t in token.subtree)


def _xcomp_names_no_deal(token: Token, ctx: RuleContext) -> bool:
    """'agreed to hold regular communication': the act agreed on names no deal or measure."""
    nouns = ctx.words("event_agreement_nouns") | ctx.words("event_measure_nouns")
    return not any(
        t.lemma_.lower() in nouns for x in token.children if x.dep_ == "xcomp" for t in x.subtree
    )


def _agrees_alone(token: Token, ctx: RuleContext) -> bool:
    """'Trump agreed to suspend the tariff': one party, with no partner named ("with X") and
    not several ("the two sides", "X and Y", "they"), agrees to a measure act of its own (a
    reprieve, an imposition): a unilateral act, not a deal between two."""
    if with_objects(token, ctx.words("event_partner_preps")):
        return False
    subject = subject_of(token)
    if subject is None:
        return False
    several = (
        subject.tag_ in {"NNS", "NNPS"}
        or subject.lower_ in ctx.words("event_plural_subjects")
        or any(c.dep_ == "conj" for c in subject.children)
    )
    return not several


def _participle_clause(token: Token, ctx: RuleContext) -> bool:
    """'the letter ..., announcing the new tariffs': the act is the letter's."""
    return token.tag_ == "VBG" and token.dep_ in {"acl", "advcl"}


def _act_in_ing_form(token: Token, ctx: RuleContext) -> bool:
    """The measure verb is told in the -ing form under another word: a gerund ("has proposed
    *imposing* tariffs", "after months of *threatening* tariffs") or a progressive in a clause
    below another verb ("an approach that would say we are *imposing* tariffs"): a proposal,
    a habit or a hypothesis, not a government's act at a date (GUIDELINES: an announcement
    announces or imposes a measure). A progressive heading its sentence ("X is imposing
    tariffs") is left to the other rules."""
    return token.tag_ == "VBG" and token.dep_ != "ROOT"


def _announces_a_deal(token: Token, ctx: RuleContext) -> bool:
    """'a trade deal announced by the president': the agreement itself, not an announcement."""
    deals = ctx.words("event_agreement_nouns")
    return (token.dep_ == "acl" and token.head.lemma_.lower() in deals) or any(
        o.lemma_.lower() in deals for o in _objects(token, ctx)
    )


def _announces_an_intention(token: Token, ctx: RuleContext) -> bool:
    """'X has announced that he intends to impose new tariffs': what is announced is a plan
    (its verb a plan frame: intend, plan, prepare), and neither the announcing nor the plan
    is told with a time or place of its own: an intention, not an act."""
    frames = ctx.words("event_plan_frames")
    plans = [
        c for c in token.children if c.dep_ in {"ccomp", "xcomp"} and c.lemma_.lower() in frames
    ]
    return bool(plans) and not any(_told_when_or_where(v, ctx) for v in [token, *plans])


def _mentions_measure(token: Token, ctx: RuleContext) -> bool:
    """A measure word or a percentage below the verb (or before it, for a relative clause)."""
    nouns = ctx.words("event_measure_nouns")
    percent = ctx.words("event_percent_words")
    scope = list(token.subtree)
    if token.dep_ == "relcl" or (
        token.dep_ == "acl" and any(c.dep_ == "agent" for c in token.children)
    ):  # "the rate he had threatened", "the tariffs imposed by X": the noun comes first
        scope += [t for t in token.head.subtree if t.i < token.i]
    return any(
        t.lower_ in nouns
        or (t.like_num and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in percent)
        for t in scope
    )


def _tariffs_took_effect(token: Token, ctx: RuleContext) -> bool:
    """'tariffs that went into effect': an imposition that happened."""
    effect = ctx.words("event_effect_nouns")
    if not any(
        (c.dep_ in {"dobj", "obj"} and c.lower_ in effect)
        or (
            c.dep_ == "prep"
            and c.lower_ in ctx.words("event_into_preps")
            and any(g.lower_ in effect for g in c.children)
        )
        for c in token.children
    ):
        return False
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if (
        subject is not None
        and subject.lower_ in ctx.words("event_relative_pronouns")
        and token.dep_ == "relcl"
    ):
        subject = token.head
    return subject is not None and subject.lemma_.lower() in ctx.words("event_tariff_lemmas")


def _has_partner(token: Token, ctx: RuleContext) -> bool:
    preps = ctx.words("event_partner_preps")
    return bool(with_objects(token, preps) or with_objects(token.head, preps))


def _deal_context(token: Token, ctx: RuleContext) -> bool:
    """A deal noun names an event as the object of a deal verb or act ("the signing of a
    deal"), or with a deal verb of its own, reduced or relative ("the agreement finalized by
    ...", "the agreement to be signed next week"), or planned for it ("the pact is set to be
    signed on Friday")."""
    verbs = ctx.words("event_deal_verbs")
    head = token.head
    if head.dep_ == "prep" and head.head.lemma_.lower() in ctx.words("event_nominal_acts"):
        return True
    if head.pos_ == "VERB" and head.lemma_.lower() in verbs:
        return True
    if (
        token.dep_ == "nsubjpass"
        and head.lemma_.lower() in ctx.words("event_plan_frames")
        and any(c.dep_ == "xcomp" and c.lemma_.lower() in verbs for c in head.children)
    ):
        return True  # "the pact is set to be signed on Friday": the plan's passive deal verb
    return any(c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in verbs for c in token.children)


def _trip_negotiates(token: Token, ctx: RuleContext) -> bool:
    """The trip is a delegation's told as negotiating ("led a delegation to X for talks")."""
    return delegation_negotiates(token, ctx.lexicon)


def _talks_context(token: Token, ctx: RuleContext) -> bool:
    """Talks with a partner, held or resumed, in a place, led by someone ("talks led by
    A and B") or told as a round are a round; "a point of contention in negotiations over
    tariffs" is not."""
    places = ctx.words("event_place_preps")
    leads = ctx.words("event_lead_verbs")
    return told_as_round(token, ctx.lexicon) or bool(
        any(
            c.dep_ == "acl"
            and c.lemma_.lower() in leads
            and any(g.dep_ == "agent" for g in c.children)
            for c in token.children
        )
        or with_objects(token, ctx.words("event_partner_preps"))
        or (
            token.head.pos_ == "VERB"
            and token.head.lemma_.lower() in ctx.words("event_talks_verbs")
        )
        or any(
            c.dep_ == "prep"
            and c.lower_ in places
            and any(g.ent_type_ in {"GPE", "LOC", "FAC"} for g in c.children)
            for c in token.children
        )
    )


def _exhibition_in_sentence(token: Token, ctx: RuleContext) -> bool:
    shows = ctx.words("event_exhibition_nouns")
    return any(t.lemma_.lower() in shows for t in token.sent if t.i != token.i)


def _subject_is_person(token: Token, ctx: RuleContext) -> bool:
    subject = subject_of(token)
    return subject is not None and any(
        ctx.person(t)
        for t in [subject, *[c for c in subject.children if c.dep_ in {"appos", "compound"}]]
    )


def _subject_travels(token: Token, ctx: RuleContext) -> bool:
    """The subject is a person or a delegation ("a Sri Lankan delegation will be in ...");
    an adjective after a copula has the copula's ("the minister is due in ...")."""
    token = token.head if token.dep_ == "acomp" else token
    subject = subject_of(token)
    return _subject_is_person(token, ctx) or (
        subject is not None and subject.lemma_.lower() in ctx.words("event_delegation_nouns")
    )


def _in_a_known_place(token: Token, ctx: RuleContext) -> bool:
    return _prep_to_known_place(token, ctx.words("event_presence_preps"), ctx)


def _to_a_known_place(token: Token, ctx: RuleContext) -> bool:
    """'has been to Washington': a destination that is a known place."""
    return _prep_to_known_place(token, ctx.words("event_destination_preps"), ctx)


def _to_a_place(token: Token, ctx: RuleContext) -> bool:
    """'sent X to Quito': a destination that is a known place or a place the parse names (a
    person sent to, 'sent a delegation to Lula', is no destination)."""
    return _prep_to_known_place(token, ctx.words("event_destination_preps"), ctx) or any(
        g.ent_type_ in {"GPE", "LOC"}
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in ctx.words("event_destination_preps")
        for g in c.children
        if g.dep_ == "pobj"
    )


def _prep_to_known_place(token: Token, preps: frozenset[str], ctx: RuleContext) -> bool:
    return any(
        ctx.lexicon.place_code(g.text)
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    )


#: Links below a verb whose words tell another clause, not the act's own time or place.
_OTHER_CLAUSES = frozenset({"ccomp", "advcl", "conj", "relcl", "parataxis", "csubj"})
#: Entities that give an act its own time.
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: Entities that give an act a place (in an "in"/"at" phrase) or a size ("deals worth
#: billions").
_PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
_SIZE_ENTITIES = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT"})


def _class_relative(token: Token, ctx: RuleContext) -> bool:
    """The verb tells what a class of parties does, in a relative clause on a bare plural or
    one with a generic determiner ("lower rates for countries that have signed a supply
    agreement", "companies that strike deals", "join the countries that have secured a
    pact"): no one act of named parties, whatever the examples listed after it."""
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ in {"dobj", "obj", "pobj"}:
        token = token.head if token.dep_ != "pobj" else token.head.head  # "signed a deal"
    if token.dep_ != "relcl" or token.head.tag_ != "NNS":
        return False
    pronouns = ctx.words("event_relative_pronouns")
    # the class does it ("countries that sign"), or another does it with the class
    # ("countries with which the United States reaches an agreement")
    relative = [c for c in token.children if c.dep_ == "nsubj"] + [
        g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
    ]
    if not any(c.lower_ in pronouns for c in relative):
        return False
    generic = ctx.words("event_class_determiners")  # "join the countries that have signed"
    return not any(
        (c.dep_ in {"det", "nummod", "poss", "predet"} and c.lower_ not in generic)
        or c.lower_ in ctx.words("event_counted_plural_words")
        for c in token.head.children
    )


def _attributive(token: Token, ctx: RuleContext) -> bool:
    """The verb is a participle that describes a noun ("an agreed upon pharmaceutical
    agreement", "the agreed rate"): a property of the thing, not an act the story reports."""
    return token.dep_ == "amod"


def _generic_plural(token: Token, ctx: RuleContext) -> bool:
    """The event noun is a bare plural ("have secured trade agreements with partners",
    "visits abroad"): no article, number, possessor, counting word or size, and neither it
    nor its verb's own phrases give a time or a place. It names a class of acts, not one
    (GUIDELINES: an event has a date or a place); "signed agreements on Tuesday", "the
    agreements", "two visits", "several deals" and "deals worth billions" are acts. A verb
    trigger is judged by its object ("secured deals")."""
    nouns = [token] if token.pos_ in {"NOUN", "PROPN"} else _objects(token, ctx)
    if not nouns or any(n.tag_ != "NNS" for n in nouns):
        return False
    counting = ctx.words("event_counted_plural_words")
    for noun in nouns:
        if any(
            c.dep_ in {"det", "nummod", "poss", "predet", "quantmod"} or c.lower_ in counting
            for c in noun.children
        ):
            return False
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    scope = [t for n in nouns for t in n.subtree]
    sized = list(scope)  # "worth billions" is often parsed as a phrase of the verb
    if verb is not None:
        phrases = [c for c in verb.children if c.dep_ not in _OTHER_CLAUSES]
        scope += [verb] + [t for c in phrases for t in c.subtree]
        # a number on the subject counts the parties, not the acts ("five nations have
        # finalized trade agreements"): still a class of acts
        sized += [verb] + [t for c in phrases if c.dep_ != "nsubj" for t in c.subtree]
        sized += [t for c in verb.children if c.dep_ == "advcl" for t in c.subtree]
    if any(t.like_num or t.ent_type_ in _SIZE_ENTITIES for t in sized):
        return False
    if any(t.ent_type_ in _TIME_ENTITIES for t in scope):
        return False
    places = ctx.words("event_place_preps")
    return not any(
        t.dep_ == "pobj" and t.head.lower_ in places and t.ent_type_ in _PLACE_ENTITIES
        for t in scope
    )


def _sent_back(token: Token, ctx: RuleContext) -> bool:
    """'sent back the letter': a letter returned, not one sent."""
    back = ctx.words("event_return_particles")
    return any(c.dep_ == "prt" and c.lower_ in back for c in token.children)


def _has_own_date(token: Token, ctx: RuleContext) -> bool:
    """A date modifies or owns the noun itself ("a Feb. 6 proclamation", "the order last
    week", "last month's deal"), not the clause around it."""
    return any(
        c.dep_ in {"compound", "nmod", "amod", "npadvmod", "nummod", "poss"}
        and any(t.ent_type_ == "DATE" for t in c.subtree)
        for c in token.children
    )


def _noun_tells_nothing_new(token: Token, ctx: RuleContext) -> bool:
    """A definite or possessed announcement noun ("the announcement", "Trump's announcement")
    with no time in its phrase, no maker's "by" phrase and no phrase of what it announced
    (event_announced_preps: "the announcement *of* new tariffs"): "Trump's announcement came
    despite ...", "The announcement comes after ...". It points back to the act the story
    tells elsewhere, and is no event of its own (GUIDELINES: an event has a date or a place);
    "the announcement of fresh tariffs", "Thursday's announcement", "the announcement made on
    Tuesday", "the announcement by X" and "an announcement" (a new act) still name one."""
    definite = ctx.words("event_definite_dets")
    if not any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in definite) for c in token.children
    ):
        return False
    if any(t.ent_type_ in _TIME_ENTITIES for t in token.subtree if t.i != token.i):
        return False
    told = ctx.words("event_announced_preps") | ctx.words("event_maker_preps")
    return not any(c.dep_ == "prep" and c.lower_ in told for c in token.children)


def _speaker_acts_on_measure(token: Token, ctx: RuleContext) -> bool:
    """'he said he will raise tariffs', 'the US will impose duties, she said', 'he would
    increase the rate to 15%', 'the bloc will suspend its countermeasures': the speaker's own
    act or their government's (a pronoun, a country, or a definite body: "the bloc", "the
    government"), ahead, on a measure (a measure word or a rate)."""
    acts = ctx.words("event_measure_acts")
    measures = ctx.words("event_measure_words")
    pronouns = ctx.words("event_speaker_pronouns")
    bodies = ctx.words("event_actor_nouns")
    definite = ctx.words("event_definite_dets")
    for comp in (c for c in token.children if c.dep_ in {"ccomp", "xcomp"}):
        actor = next((c for c in comp.children if c.dep_ == "nsubj"), None)
        if (
            comp.lemma_.lower() in acts
            and direction(comp) > 0
            and actor is not None
            and (
                actor.lower_ in pronouns
                or (  # "the bloc will suspend ...", "the government would raise ..."
                    actor.lemma_.lower() in bodies
                    and any(c.dep_ == "det" and c.lower_ in definite for c in actor.children)
                )
                or any(
                    kind in {"country", "capital"}
                    for _, kind, _, _ in place_spans(actor.subtree, ctx.lexicon)
                )
            )
            and any(t.lower_ in measures or _a_percentage(t, ctx) for t in comp.subtree)
        ):
            return True
    return False


def _a_percentage(token: Token, ctx: RuleContext) -> bool:
    """A number followed by a percent word ("15%", "25 per cent"): a rate names a measure."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return (
        token.like_num
        and following is not None
        and following.text in ctx.words("event_percent_words")
    )


def _object_names_no_measure(token: Token, ctx: RuleContext) -> bool:
    """The verb's direct object is a noun that names no measure ("raised *issues* with X",
    "set a June 9 *deadline*", "published two legislative *proposals*"): the act is done to
    something else. A measure word on the object or its modifiers ("imposed *tariff-rate*
    quotas"), a word of the list event_measure_objects ("hiked *rates*") or a rate anywhere in
    it ("removed a 25 per cent surcharge") names one; a pronoun object ("lifted *this* to 15
    per cent") is left to the story, and so is the object of a verb aimed at someone
    (event_addressee_verbs: "warned *countries* against ...") or directed to act ("ordered
    *officials* to impose duties")."""
    if token.lemma_.lower() in ctx.words("event_addressee_verbs") or any(
        c.dep_ == "xcomp" for c in token.children
    ):  # "warned countries against ...", "ordered officials to impose duties"
        return False
    named = (
        ctx.words("event_measure_nouns")
        | ctx.words("event_measure_words")
        | ctx.words("event_measure_objects")
    )
    objects = [o for o in token.children if o.dep_ in {"dobj", "obj"} and o.pos_ == "NOUN"]
    if not objects:
        return False
    for obj in objects:
        words = [obj, *(c for c in obj.children if c.i < obj.i)]
        words += [w for c in words[1:] for w in c.subtree]
        if any(w.lower_ in named or w.lemma_.lower() in named for w in words):
            return False
        if any(_a_percentage(t, ctx) for t in obj.subtree):
            return False
    return True


def _legislature_acts(token: Token, ctx: RuleContext) -> bool:
    """The verb's doer is a legislature: its subject ("lawmakers passed", "the lower house of
    Congress approved") or, in the passive, its "by" phrase ("approved by Congress"); and
    what it passes is a bill, a law or a proposal (event_bill_nouns), not a position or a
    report."""
    houses = ctx.words("event_legislature_nouns")
    doers = [c for c in token.children if c.dep_ == "nsubj"]
    doers += [
        g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
    ]
    if not any(
        w.lower_ in houses
        for d in doers
        for w in [d, *(c for c in d.children if c.dep_ in {"compound", "amod"})]
    ):
        return False
    bills = ctx.words("event_bill_nouns")
    passed = [c for c in token.children if c.dep_ in {"dobj", "obj", "nsubjpass"}]
    if token.dep_ == "relcl":  # "the Reciprocity Law, which was approved by Congress"
        passed.append(token.head)
    return any(w.lower_ in bills for p in passed for w in [p, *(c for c in p.subtree if c.i < p.i)])


def _act_is_conditional(token: Token, ctx: RuleContext) -> bool:
    """'she said the country will impose tariffs *if* Washington does': a threat on a
    condition, not a decision."""
    marks = ctx.words("event_condition_marks")
    return any(
        clause.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in marks for m in clause.children)
        for comp in token.children
        if comp.dep_ in {"ccomp", "xcomp"}
        for clause in comp.children
    )


def _reports_an_encounter(token: Token, ctx: RuleContext) -> bool:
    """'Trump announced that he will meet Lee', 'announced he would travel to the US': the
    announcement is the report of a meeting, call, visit or talks, which are the event."""
    verbs = (
        ctx.words("event_meet_verbs")
        | ctx.words("event_travel_verbs")
        | ctx.words("event_visit_verbs")
        | ctx.words("event_call_verbs")
    )
    nouns = (
        ctx.words("event_meeting_nouns")
        | ctx.words("event_talks_nouns")
        | ctx.words("event_visit_nouns")
        | ctx.words("event_call_nouns")
    )
    for comp in (c for c in token.children if c.dep_ in {"ccomp", "xcomp"}):
        if comp.lemma_.lower() in verbs and comp.pos_ in {"VERB", "AUX"}:
            return True
        if any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in nouns for c in comp.children):
            return True
    return False


def _reports_a_deal(token: Token, ctx: RuleContext) -> bool:
    """'Trump announced on Wednesday that the US has reached a deal with X': the announcement
    is the report of the agreement, which is the event (GUIDELINES: announcing a deal is the
    agreement, as "announced a deal" is), dated by the report."""
    deals = ctx.words("event_agreement_nouns")
    objects = ctx.words("event_object_deps")
    return any(
        comp.dep_ == "ccomp"
        and comp.lemma_.lower() in ctx.words("event_deal_verbs")
        and any(c.dep_ in objects and c.lemma_.lower() in deals for c in comp.children)
        for comp in token.children
    )


def _directs_another_act(token: Token, ctx: RuleContext) -> bool:
    """The verb directs someone to do an act that is no measure ("ordered his diplomats to
    return the letter"): the act directed is the news, and it imposes nothing ("ordered
    officials to impose tariffs" is still the measure's announcement)."""
    acts = ctx.words("event_measure_acts") | ctx.words("event_announce_verbs")
    directed = [c for c in token.children if c.dep_ == "xcomp"]
    return (
        bool(directed)
        and any(c.dep_ in ctx.words("event_object_deps") for c in token.children)
        and not any(x.lemma_.lower() in acts for x in directed)
    )


def _measure_is_the_subject(token: Token, ctx: RuleContext) -> bool:
    """'the levies threaten deals with X', 'the duties set back exporters': the measure itself
    is the active verb's subject and its object is no measure: what it does to deals, trade or
    prices, and no party acts (the parties named in the object are what the measure threatens,
    not makers of an announcement); "the tariffs were raised" (passive), "the duties set to take
    effect" (no object: the measure scheduled) and "the proclamation raises duties" (an
    instrument) still announce."""
    measures = ctx.words("event_measure_words")
    objects = ctx.words("event_object_deps")
    return any(c.dep_ == "nsubj" and c.lower_ in measures for c in token.children) and any(
        c.dep_ in objects and c.lower_ not in measures for c in token.children
    )


def _term_of_a_deal(token: Token, ctx: RuleContext) -> bool:
    """The measure act is a term of a deal, not a measure announced: it stands under a deal
    ("under the pact, Seoul will cut its duties"; for verbs joined by "and"/"while", the first
    verb's phrase counts) or completes an agreeing verb ("agreed to remove its tariffs"),
    whose deal is the event."""
    deals = ctx.words("event_agreement_nouns")
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    for verb in {token, first}:
        if any(
            c.dep_ == "prep"
            and c.lower_ in ctx.words("event_term_preps")
            and any(g.dep_ == "pobj" and g.lemma_.lower() in deals for g in c.children)
            for c in verb.children
        ):
            return True
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in ctx.words("event_agree_verbs")


def _clause_names_no_measure(token: Token, ctx: RuleContext) -> bool:
    """'X announced that the country will seek negotiations', 'announced he would gift ...':
    what is announced in the clause names no measure or rate (those named only in a clause or
    phrase that places it in time, "after Washington imposed 15% tariffs", do not count): a
    statement of intent, not a measure announced."""
    clauses = [c for c in token.children if c.dep_ == "ccomp"]
    if not clauses or token.dep_ == "acl":  # "the framework announced": the noun is announced
        return False
    nouns = ctx.words("event_measure_nouns")
    things = nouns | ctx.words("event_agreement_nouns")
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in things for c in token.children):
        return False  # "the framework announced last month signals ...": parsed as a subject
    if any(
        t.lower_ in nouns for o in token.children if o.dep_ in {"dobj", "obj"} for t in o.subtree
    ):
        return False  # "announced measures against X after Y denied ...": its own object
    setting = ctx.words("event_setting_links")

    def core(verb: Token) -> list[Token]:
        out = [verb]
        for child in verb.children:
            marks = {g.lower_ for g in child.children if g.dep_ in {"mark", "advmod"}}
            if child.dep_ == "advcl" and marks & setting:
                continue
            if child.dep_ == "prep" and child.lower_ in setting:
                continue
            out += core(child)
        return out

    return not any(
        t.lower_ in nouns or _a_percentage(t, ctx) for clause in clauses for t in core(clause)
    )


def _letter_is_sent(token: Token, ctx: RuleContext) -> bool:
    """A letter told as sent: from a party ("the July 9 letter from President X"), with a
    date of its own ("the Feb. 6 letter"), or with a participle or relative clause told with
    a time ("the letter received from Washington last week", "a letter X shared on July 7");
    and its sentence names a measure or a rate (a letter of tariffs, GUIDELINES: a measure's
    letter is its announcement)."""
    sent = (
        any(_is_party(o, ctx) for o in with_objects(token, ctx.words("event_letter_sender_preps")))
        or _has_own_date(token, ctx)
        or any(
            c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB" and _told_when_or_where(c, ctx)
            for c in token.children
        )
    )
    measures = ctx.words("event_measure_words")
    return sent and any(t.lower_ in measures or _a_percentage(t, ctx) for t in token.sent)


def _forum_is_hosted(token: Token, ctx: RuleContext) -> bool:
    """A hearing, roundtable or appearance of a named body or place: an "at"/"of" phrase
    naming an organisation, a place or an institution ("a hearing of the European
    Parliament", "an appearance at the Lowy Institute") or a participle with its organiser
    ("a roundtable organised by the Chamber"); "an appearance on Fox News" is a broadcast."""
    preps = ctx.words("event_place_preps") | ctx.words("event_party_preps")
    named = {"ORG", "GPE", "LOC", "FAC"}
    if any(
        t.ent_type_ in named or ctx.lexicon.place_code(t.text)
        for g in with_objects(token, preps)
        for t in g.subtree
    ):
        return True
    return any(
        c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children) for c in token.children
    )


def _attests_a_fact(token: Token, ctx: RuleContext) -> bool:
    """'testified to the strength of demand': a "to" phrase naming no body is what is
    attested, not the hearing it was said at ("testified to Congress")."""
    return any(
        g.ent_type_ == "" and g.lemma_.lower() not in ctx.words("event_hearing_bodies")
        for g in with_objects(token, frozenset({"to"}))
    )


Guard = Callable[[Token, RuleContext], bool]
GUARDS: Mapping[str, Guard] = {
    "act_in_ing_form": _act_in_ing_form,
    "act_is_conditional": _act_is_conditional,
    "agrees_alone": _agrees_alone,
    "announces_a_deal": _announces_a_deal,
    "announces_an_intention": _announces_an_intention,
    "at_a_place": _at_a_place,
    "attests_a_fact": _attests_a_fact,
    "attributive": _attributive,
    "class_relative": _class_relative,
    "clause_names_no_measure": _clause_names_no_measure,
    "court_in_phrase": _court_in_phrase,
    "encounter_in_clause": _encounter_in_clause,
    "deal_context": _deal_context,
    "directs_another_act": _directs_another_act,
    "exhibition_in_sentence": _exhibition_in_sentence,
    "forum_is_hosted": _forum_is_hosted,
    "generic_plural": _generic_plural,
    "has_clausal_complement": _has_clausal_complement,
    "has_own_date": _has_own_date,
    "has_predicate_complement": _has_predicate_complement,
    "has_partner": _has_partner,
    "in_a_known_place": _in_a_known_place,
    "measure_is_the_subject": _measure_is_the_subject,
    "legislature_acts": _legislature_acts,
    "letter_is_sent": _letter_is_sent,
    "mentions_measure": _mentions_measure,
    "noun_tells_nothing_new": _noun_tells_nothing_new,
    "object_names_no_measure": _object_names_no_measure,
    "object_is_party": _object_is_party,
    "object_is_person": _object_is_person,
    "participle_clause": _participle_clause,
    "partner_is_party": _partner_is_party,
    "partner_is_person": _partner_is_person,
    "phone_in_subtree": _phone_in_subtree,
    "reports_a_deal": _reports_a_deal,
    "reports_an_encounter": _reports_an_encounter,
    "sent_back": _sent_back,
    "speaker_acts_on_measure": _speaker_acts_on_measure,
    "subject_is_court": _subject_is_court,
    "subject_is_person": _subject_is_person,
    "speakers_are_two": _speakers_are_two,
    "subject_travels": _subject_travels,
    "talks_context": _talks_context,
    "tariffs_took_effect": _tariffs_took_effect,
    "trip_negotiates": _trip_negotiates,
    "term_of_a_deal": _term_of_a_deal,
    "to_a_known_place": _to_a_known_place,
    "to_a_place": _to_a_place,
    "told_when_or_where": _told_when_or_where,
    "xcomp_names_no_deal": _xcomp_names_no_deal,
}


# -- loading and compiling ----------------------------------------------------------------------


def _rule(data: Mapping[str, Any]) -> EventRule:
    rule = EventRule(
        id=str(data["id"]),
        kind=data["kind"],
        priority=int(data["priority"]),
        reason=str(data["reason"]),
        pattern=tuple(data["pattern"]),
        require=tuple(data.get("require", ())),
        unless=tuple(data.get("unless", ())),
    )
    unknown = [g for g in (*rule.require, *rule.unless) if g not in GUARDS]
    if unknown or not rule.pattern or rule.pattern[0].get("RIGHT_ID") != "trigger":
        raise DataFileError(f"event rule {rule.id}: unknown guard or no 'trigger' node first")
    return rule


def load_rules(text: str | None = None) -> tuple[EventRule, ...]:
    """The rules of the JSON ``text`` (default: the shipped ``event_rules.json``), highest
    priority first."""
    try:
        data = json.loads(text if text is not None else shipped_rulebook().text(_RULES_FILE))
        rules = tuple(_rule(r) for r in data["rules"])
    except (OSError, KeyError, TypeError, ValueError) as error:
        raise DataFileError(f"event rules: missing or malformed ({error})") from None
    return tuple(sorted(rules, key=lambda r: -r.priority))


_ATTRS: Mapping[str, Callable[[Token], str]] = {
    "DEP": lambda t: t.dep_,
    "LEMMA": lambda t: t.lemma_,
    "LOWER": lambda t: t.lower_,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
}


@dataclass(frozen=True, slots=True)
class _Node:
    """One node of a compiled pattern: tests on the token and its relation to a bound node."""

    id: str
    left: str | None
    op: str | None
    tests: tuple[tuple[str, frozenset[str]], ...]

    def holds(self, token: Token) -> bool:
        return all(_ATTRS[attr](token) in allowed for attr, allowed in self.tests)


def _node(spec: Mapping[str, Any], rule_id: str) -> _Node:
    tests = []
    for attr, value in spec.get("RIGHT_ATTRS", {}).items():
        set_test = isinstance(value, Mapping)
        allowed = value.get("IN") if set_test else [value]
        if attr not in _ATTRS or not isinstance(allowed, list) or (set_test and len(value) > 1):
            raise DataFileError(f"event rule {rule_id}: unsupported attribute test {attr}")
        tests.append((attr, frozenset(str(v) for v in allowed)))
    op = spec.get("REL_OP")
    if op not in {None, ">", "<"}:
        raise DataFileError(f"event rule {rule_id}: unsupported relation {op}")
    return _Node(str(spec["RIGHT_ID"]), spec.get("LEFT_ID"), op, tuple(tests))


def _bind(nodes: tuple[_Node, ...], k: int, bound: dict[str, Token]) -> bool:
    """Whether nodes ``k:`` can be bound to distinct tokens given the ``bound`` ones."""
    if k == len(nodes):
        return True
    node = nodes[k]
    left = bound[str(node.left)]
    near = list(left.children) if node.op == ">" else [left.head] if left.head.i != left.i else []
    taken = {t.i for t in bound.values()}
    for token in near:
        if token.i not in taken and node.holds(token):
            bound[node.id] = token
            if _bind(nodes, k + 1, bound):
                return True
            del bound[node.id]
    return False


@dataclass(frozen=True)
class EventRules:
    """Rules compiled for a lexicon: their patterns with the word sets filled in, and an index
    from the trigger word's lemma or lower-case form to the rules that may match there.

    The patterns are ``DependencyMatcher`` patterns; this evaluator supports the part the
    rules use (relations ``>`` and ``<``; tests on DEP, LEMMA, LOWER, POS, TAG by value or
    ``IN``) and finds the same matches as spaCy's matcher (a test checks) without scanning
    every token with every pattern.
    """

    rules: tuple[EventRule, ...]
    lexicon: Lexicon
    patterns: tuple[tuple[_Node, ...], ...]
    by_word: Mapping[tuple[str, str], tuple[int, ...]]
    anywhere: tuple[int, ...]

    def matching(self, token: Token) -> list[int]:
        """Indices in :attr:`rules` (highest priority first) whose pattern matches at
        ``token`` as the trigger node."""
        by_lemma = self.by_word.get(("LEMMA", token.lemma_), ())
        by_lower = self.by_word.get(("LOWER", token.lower_), ())
        if not (by_lemma or by_lower or self.anywhere):
            return []  # most words start no pattern: no set to build and sort
        found = {*self.anywhere, *by_lemma, *by_lower}
        return [
            k
            for k in sorted(found)
            if self.patterns[k][0].holds(token) and _bind(self.patterns[k], 1, {"trigger": token})
        ]

    def deciding_rule(self, token: Token, ctx: RuleContext) -> EventRule | None:
        """The rule of highest priority that matches at ``token`` and whose guards hold."""
        for index in self.matching(token):
            rule = self.rules[index]
            if all(GUARDS[g](token, ctx) for g in rule.require) and not any(
                GUARDS[g](token, ctx) for g in rule.unless
            ):
                return rule
        return None

    def decide(self, token: Token, ctx: RuleContext) -> Trigger | None:
        """The trigger the deciding rule makes of ``token`` (None: no event)."""
        rule = self.deciding_rule(token, ctx)
        return None if rule is None or rule.kind is None else Trigger(token, rule.kind, rule.id)


def expanded_pattern(rule: EventRule, lexicon: Lexicon) -> list[dict[str, Any]]:
    """The rule's ``DependencyMatcher`` pattern with the lexicon's word sets filled in."""
    return list(expand_words(list(rule.pattern), lexicon))


def compile_rules(lexicon: Lexicon, rules: tuple[EventRule, ...] | None = None) -> EventRules:
    """Compile ``rules`` (default: those of ``lexicon``'s rule book) with the word sets of
    ``lexicon``."""
    rules = rules if rules is not None else load_rules(lexicon.rules.text(_RULES_FILE))
    patterns = tuple(
        tuple(_node(spec, rule.id) for spec in expanded_pattern(rule, lexicon)) for rule in rules
    )
    by_word: dict[tuple[str, str], list[int]] = {}
    anywhere = []
    for k, nodes in enumerate(patterns):
        keyed = [(attr, words) for attr, words in nodes[0].tests if attr in {"LEMMA", "LOWER"}]
        if not keyed:
            anywhere.append(k)
            continue
        attr, words = keyed[0]
        for word in words:
            by_word.setdefault((attr, word), []).append(k)
    return EventRules(
        rules,
        lexicon,
        patterns,
        {key: tuple(v) for key, v in by_word.items()},
        tuple(anywhere),
    )


def _lexicon_rules(lexicon: Lexicon) -> EventRules:
    """The rules of ``lexicon``'s rule book compiled with its word sets (once per lexicon)."""
    return compile_rules(lexicon)


rules_for = per_lexicon(_lexicon_rules)


def default_rules() -> EventRules:
    """The shipped rules compiled with the default lexicon (once per process)."""
    return rules_for(default_lexicon())


def find_triggers(
    doc: Doc, rules: EventRules, person: Callable[[Token], bool]
) -> Iterator[Trigger]:
    """The event triggers of ``doc`` in text order; ``person(token)`` tells whether a token
    lies in a person mention."""
    ctx = RuleContext(rules.lexicon, person)
    for token in doc:
        trigger = rules.decide(token, ctx)
        if trigger is not None:
            yield trigger


def trigger_of(
    token: Token, person: Callable[[Token], bool], rules: EventRules | None = None
) -> Trigger | None:
    """The event ``token`` names, or None (the shipped rules unless ``rules`` is given)."""
    rules = rules if rules is not None else default_rules()
    return rules.decide(token, RuleContext(rules.lexicon, person))
