"""Mentions that name no event although a trigger rule matched: a possibility or a wish with
no day ("could strike a deal", "hopes to reach an agreement"), an announcement that names no
concrete act (no measure, order, letter, deal or number below the verb; when dated, nor a
noun for what is announced: "announced on Monday that it was studying ..."), and an
undated measure verb that only describes a measure or acts on none (its measure word only in
its subject or a clause below it) or whose subject is a thing, not an actor; a deal or an
announcement the text denies ("did not sign", "has yet to strike a deal"); an event noun
named only as what something requires ("a congressional vote is required to extend them").

An event needs a date or a place (GUIDELINES.md: "each with a date or a place or both"):
a plan with neither ("will seek negotiations", "expects to seal a deal") names none, and
neither does an undated, placeless act told as the background of the sentence's news, in a
clause or phrase of time, cause or concession ("when Trump announced his tariffs", "since
imposing tariffs", "despite the announcement of ..."). An occasion the news follows ("after a
call with", "following talks") is no background: it is the event before the news.

A meeting or call told as ahead by its own noun between two named people ("ahead of a meeting
with X", "an upcoming meeting with X") is an event with neither: the plan and both sides are
in its words.

A conditional ("if they reach a deal") or a request is left out before this, by the events
component; a possibility with a day ("could meet as early as Friday") stays a planned event.
"""

from __future__ import annotations

from spacy.tokens import Token

from tariffscope.news._event_when import told_ahead
from tariffscope.news._syntax import governing_verb, has_negation
from tariffscope.news.event_triggers import Trigger
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.temporal import time_index

__all__ = ["not_an_event", "unanchored"]

_BARE_ANNOUNCEMENT = "announcement.announce_verb"
_MEASURE_ACT = "announcement.measure_verb"
#: Dependents of a verb whose words are not what it acts on: its subject, the clauses it
#: reports or that say when or why, and clauses on its nouns.
_NOT_ACTED_ON = frozenset({"nsubj", "ccomp", "advcl", "relcl", "acl", "conj", "parataxis"})


def _possible_or_wished(trig: Trigger, lex: Lexicon) -> bool:
    token = trig.token
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    if verb is None:
        return False
    modals = lex.words("event_possibility_modals")
    if any(c.dep_ == "aux" and c.lower_ in modals for c in verb.children):
        return True
    wishes = lex.words("event_wish_verbs")
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in wishes:
        return True
    # "is hopeful of reaching a deal", "keen to sign it": the act completes an adjective of hope
    owner = verb.head.head if verb.dep_ == "pcomp" else verb.head
    return (
        verb.dep_ in {"xcomp", "pcomp"}
        and owner.pos_ == "ADJ"
        and owner.lemma_.lower() in lex.words("event_wish_adjectives")
    )


def _aimed_at(trig: Trigger) -> bool:
    """A deal or an announcement told as the aim of an effort, in an infinitive of purpose
    ("Seoul goes all out to strike a deal", "pressed on to conclude an agreement"): the act is
    sought, not done (undated, it names no event)."""
    if trig.kind not in _ACTS:
        return False
    token = trig.token
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    return (
        verb is not None
        and verb.dep_ == "advcl"
        and verb.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _names_no_act(trig: Trigger, lex: Lexicon) -> bool:
    if trig.rule != _BARE_ANNOUNCEMENT:
        return False
    acts = lex.words("event_concrete_act_words")
    token = trig.token
    scope = [*token.subtree, *([token.head] if token.dep_ in {"acl", "relcl"} else [])]
    return not any(t.lower_ in acts or t.like_num for t in scope)


def _names_a_thing(trig: Trigger) -> bool:
    """The announcement has a noun for what is announced ("announced its new regime"), not
    only a clause ("announced that it was studying ...")."""
    return any(c.dep_ in {"dobj", "obj", "nsubjpass"} for c in trig.token.children)


def _measure_only_described(trig: Trigger, lex: Lexicon) -> bool:
    """An undated measure verb that describes a noun ("the duties Trump *imposed*", "the 39%
    tariff *levied* on ...") tells the measure's history; one whose measure word stands only
    in its subject or in a clause below it ("the tariff regime has *raised* concerns",
    "analysts *warn* that ... tariffs") acts on no measure."""
    if trig.rule != _MEASURE_ACT:
        return False
    token = trig.token
    if token.dep_ in {"relcl", "acl"}:
        return True
    nouns = lex.words("event_measure_nouns")
    percent = lex.words("event_percent_words")
    scope = [token]
    for child in token.children:
        if child.dep_ not in _NOT_ACTED_ON:
            scope += list(child.subtree)
    return not any(
        t.lower_ in nouns
        or (t.like_num and t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in percent)
        for t in scope
    )


def _describes_its_noun(trig: Trigger, lex: Lexicon) -> bool:
    """A measure or announcing verb in a past participle on a noun with no time of its own
    ("the 20 per cent tariff, *announced* under the Trump administration, takes effect on 7
    August", "the policy, *set* at 32 percent, will take effect on August 1"): it tells the
    measure's history; the sentence's date is the noun's clause's (its effective date), not
    the act's. "The tariff announced by Trump on Apr 2" has its own (a time record of the
    temporal layer within the participle's phrase)."""
    token = trig.token
    if not (
        trig.rule in {_MEASURE_ACT, _BARE_ANNOUNCEMENT}
        and token.dep_ == "acl"
        and token.tag_ == "VBN"
    ):
        return False
    words = list(token.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return not time_index(token.doc, lex).within(start, end)


def _done_by_no_actor(trig: Trigger, lex: Lexicon) -> bool:
    """A measure verb whose subject is a thing, not a government or a person ("his
    resignation *threatens* the country with deadlock", "the comments *raise* the risk of a
    tariff war"): a figure of speech, not a measure imposed. Actors are named (an entity,
    a proper noun, a pronoun) or an actor noun ("the administration", "the minister")."""
    if trig.rule != _MEASURE_ACT or trig.token.pos_ != "VERB":
        return False
    subject = next((c for c in trig.token.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ != "NOUN" or subject.ent_type_:
        return False
    actors = lex.words("event_actor_nouns") | lex.words("event_collective")
    return subject.lemma_.lower() not in actors


#: Links by which a verb completes the verb above it, directly or through its object
#: ("failed to *sign*", "has not followed X's lead in *imposing*"): a negation there denies
#: the act below.
_COMPLEMENT_LINKS = frozenset({"xcomp", "pcomp", "prep", "pobj", "dobj"})
#: Acts that a negation denies; a negated encounter is a cancelled one (``_status``).
_ACTS = frozenset({"agreement", "announcement"})


def _denied(trig: Trigger, lex: Lexicon) -> bool:
    """A deal or an announcement the text says did not happen: under a negation ("has not
    followed in imposing levies", "did not sign a deal") or not yet done ("has yet to strike a
    deal"), on its verb or the verbs it completes; or whose deal or measure is none ("reached
    no agreement", "no deal was signed", "announced no new duties")."""
    if trig.kind not in _ACTS:
        return False
    token = trig.token
    if _none_of_it(token, lex):
        return True
    current = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    not_yet = lex.words("event_not_yet_adverbs")
    for _ in range(5):
        if current is None:
            return False
        if current.pos_ in {"VERB", "AUX"} and (
            has_negation(current)
            or any(c.dep_ == "advmod" and c.lower_ in not_yet for c in current.children)
        ):
            return True
        if current.dep_ not in _COMPLEMENT_LINKS or current.head.i == current.i:
            return False
        current = current.head
    return False


def _none_of_it(token: Token, lex: Lexicon) -> bool:
    """The trigger noun, or the verb's object, is determined by "no" ("no agreement was
    reached", "reached no deal"): the act is denied by its object."""
    negative = lex.words("event_negative_determiners")
    objects = lex.words("event_object_deps")
    words = (
        [token]
        if token.pos_ in {"NOUN", "PROPN"}
        else [c for c in token.children if c.dep_ in objects]
    )
    return any(c.dep_ == "det" and c.lower_ in negative for w in words for c in w.children)


def _only_required(trig: Trigger, lex: Lexicon) -> bool:
    """An event noun named as what something requires ("a congressional vote is required to
    extend them", "the change would need a new round of talks"): a condition, not an event."""
    token = trig.token
    if token.pos_ not in {"NOUN", "PROPN"}:
        return False
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        token = token.head.head  # "would need a round of talks": the round is needed
    head = token.head
    return (
        token.dep_ in {"nsubjpass", "dobj", "obj"}
        and head.pos_ in {"VERB", "AUX"}
        and head.lemma_.lower() in lex.words("event_necessity_verbs")
    )


def not_an_event(trig: Trigger, dated: bool, lex: Lexicon) -> bool:
    """Whether the mention of ``trig`` names no event (``dated``: the text gives it a time,
    resolved or not)."""
    if _denied(trig, lex) or _only_required(trig, lex):
        return True
    if _names_no_act(trig, lex) and not (dated and _names_a_thing(trig)):
        return True  # announcing on a day only that something goes on is no event either
    if _describes_its_noun(trig, lex):
        return True
    told_by_verb = trig.token.pos_ in {"VERB", "AUX"}
    if told_by_verb and _possible_or_wished(trig, lex):
        return True  # "might visit Washington in September": a possibility, dated or not
    if dated:
        return False  # "an election on Sunday could complicate ...": the clause's modal
    return (
        _possible_or_wished(trig, lex)
        or _aimed_at(trig)
        or _measure_only_described(trig, lex)
        or _done_by_no_actor(trig, lex)
    )


def _told_as_background(trig: Trigger, lex: Lexicon) -> bool:
    """The trigger stands in a clause or phrase that sets the scene for the sentence's news:
    a clause of time, cause or concession ("when X announced", "as China announced"), a
    gerund after such a preposition ("since imposing"), or the object of one ("despite
    the announcement of"); and a deal or an announcement told in the past perfect ("had
    already imposed tariffs"), an act before the story's own past."""
    links = lex.words("event_background_links")
    token = trig.token
    if token.pos_ in {"NOUN", "PROPN"}:
        return token.dep_ == "pobj" and token.head.lower_ in links
    verb = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    if verb is None:
        return False
    if trig.kind in _ACTS and any(
        c.dep_ == "aux" and c.tag_ == "VBD" and c.lemma_ == "have" for c in verb.children
    ):
        return True  # "had already imposed tariffs": an act before the story's past, retold
    if verb.dep_ == "advcl":
        return any(c.dep_ in {"mark", "advmod"} and c.lower_ in links for c in verb.children)
    return verb.dep_ == "pcomp" and verb.head.lower_ in links


#: Kinds of encounter whose plan is told by its own noun with both sides named.
_ENCOUNTERS = frozenset({"meeting", "call"})


def _planned_encounter(trig: Trigger, named: int, lex: Lexicon) -> bool:
    """A meeting or call told as ahead by its own noun ("an upcoming meeting with X", "ahead
    of a meeting with X") between two named people: the words name both sides and the plan,
    an event though its day and place are told elsewhere or not at all."""
    return (
        named >= 2
        and trig.kind in _ENCOUNTERS
        and trig.token.pos_ == "NOUN"
        and told_ahead(trig.token, lex)
    )


def unanchored(
    trig: Trigger, status: str, dated: bool, placed: bool, lex: Lexicon, named: int = 0
) -> bool:
    """Whether an event found at ``trig`` lacks what makes it one: a plan with no date and
    no place, or an undated, placeless act told as background (``dated``: the text gives it
    a time, resolved or not; ``placed``: it has a place; ``named``: how many named people take
    part). A meeting or call its own noun tells as ahead between two named people is one."""
    if dated or placed:
        return False
    if status == "planned" and _planned_encounter(trig, named, lex):
        return False
    return status == "planned" or _told_as_background(trig, lex)
