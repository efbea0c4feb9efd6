"""Who imposes a tariff: pure functions for :mod:`tariffscope.news.measures`.

:func:`rate_imposer` reads a country or a person before the tariff noun ("US tariffs",
"Trump's tariffs"), the agent ("imposed by the U.S. government"), the sender of a document
("the letter sent by Trump announcing 50% tariffs"), the signer of an order ("Trump signed an
order imposing ..."), the subject of an imposing verb (for "I"/"we" in a quotation, the
speaker's country; for "he"/"she", the reporter), and only then a demonym before the noun; the
subject of "pay"/"face" is the target instead.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span, Token

from tariffscope.news._measure_goods import modifies_goods
from tariffscope.news._measure_parts import country_of_phrase, unnamed, whole_of_nations
from tariffscope.news._measure_target import laying_source
from tariffscope.news._syntax import governing_verb, subject_of
from tariffscope.news.lexicon import Lexicon

__all__ = ["AIMED_RULE", "RELATION_RULE", "aimed_at", "code_of_actor", "rate_imposer"]

#: The rules of this module in ``news/data/measure_rules.toml`` (table ``target``).
AIMED_RULE = "target.aimed_adjective"
RELATION_RULE = "target.relation_possessor"


def aimed_at(noun: Token, lex: Lexicon) -> dict[str, Token]:
    """The countries a modifier of the tariff noun aims it at, each with its modifier: a
    country joined to an adjective of aiming ("a Peru-specific duty", "China-only
    tariffs", "the India-targeted levy"). Such a country receives the tariff; it never
    imposes it (a plain demonym, "South Korean tariffs", stays the imposer's)."""
    aiming = lex.words("measure_aiming_adjectives")
    out: dict[str, Token] = {}
    folded = _folded_dative(noun, lex)
    for child in noun.children:
        if child.i > noun.i or child.dep_ not in {"amod", "compound", "nmod"}:
            continue
        if folded and child.dep_ != "amod" and _after_article(child):
            # "Fiji charges the US 63 percent tariffs": the dative the parser joined to the
            # object ("the US", its own determiner) receives the rate its subject charges
            for iso, kind, _ in country_of_phrase(child.subtree, lex):
                if kind in {"country", "institution"}:
                    out.setdefault(iso, child)
            continue
        if child.lower_ not in aiming and child.lemma_.lower() not in aiming:
            continue
        for iso, kind, _ in country_of_phrase([t for t in child.subtree if t.i != child.i], lex):
            if kind in {"country", "institution"}:
                out.setdefault(iso, child)
    return out


def _folded_dative(noun: Token, lex: Lexicon) -> bool:
    """The tariff noun is the object of a verb of laying with no receiver of its own ("charges
    the US 63 percent tariffs", parsed as one object): the receiver is inside the object."""
    verb = noun.head
    return (
        noun.dep_ == "dobj"
        and verb.lemma_.lower() in lex.words("measure_target_dative_verbs")
        and not any(c.dep_ in {"dative", "iobj"} for c in verb.children)
    )


def _after_article(token: Token) -> bool:
    """A name right after an article ("the US 40 percent tariffs"), whichever noun the parser
    hangs the article on."""
    if any(c.dep_ == "det" for c in token.children):
        return True
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].dep_ == "det"


def _related_by(token: Token, lex: Lexicon) -> bool:
    """A noun that names a relation ("neighbor", "ally") or carries one as its modifier
    ("neighbor Laos"): its possessor says whose relation, not who it is."""
    relations = lex.words("measure_relation_nouns")
    return any(
        t.lemma_.lower() in relations
        for t in (token, *(c for c in token.children if c.dep_ in {"compound", "appos"}))
    )


def _own_words(token: Token, lex: Lexicon) -> list[Token]:
    """A phrase without the clauses that describe it ("Indonesia, a nation that counts the US as
    its biggest market": Indonesia; an apposition's own nouns stay, "two of India's exports"),
    without the possessor of a relation ("X's neighbor Y": Y, not X), and without an
    apposition that names a relation ("Y, a key X partner": whose partner, not who)."""
    relations = lex.words("measure_relation_nouns")
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        related = _related_by(current, lex)
        stack.extend(
            c
            for c in current.children
            if c.dep_ not in {"relcl", "acl"}
            and not (related and c.dep_ == "poss")
            and not (c.dep_ == "appos" and c.lemma_.lower() in relations)
        )
    return sorted(out, key=lambda t: t.i)


def _absolute_with_subject(verb: Token) -> Token | None:
    """The subject of a participle in an absolute "with" phrase ("..., with X and Y facing a
    19% tariff"): the object of the "with" right before the participle, which the parser
    hangs on the main verb, or None. The participle has no subject of its own."""
    if verb.tag_ != "VBG" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return None
    head = verb.head
    before = [c for c in head.children if c.i < verb.i]
    if not before or before[-1].dep_ != "prep" or before[-1].lower_ != "with":
        return None
    return next((g for g in before[-1].children if g.dep_ == "pobj"), None)


def _clausal_subject(verb: Token) -> Token | None:
    """A clause that the parser made the verb's subject ("countries not named ... will face":
    "named" as the subject of "face"), or None."""
    return next((c for c in verb.children if c.dep_ in {"csubj", "csubjpass"}), None)


def _instrument_issuers(verb: Token, lex: Lexicon) -> list[Token]:
    """Who issued the instrument a passive change of a tariff is made in ("X's tariff was cut
    to 15% in last week's executive order by President Y", "... under an order signed by Y",
    "... in Y's proclamation"; words ``measure_status_instruments``): the government acting on
    the tariff when the passive names no agent. The instrument's "by"/"from" phrase, the agent
    of a participle on it ("signed by"), then its possessor, in that order."""
    instruments = lex.words("measure_status_instruments")
    out: list[Token] = []
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for doc in (g for g in prep.children if g.dep_ == "pobj"):
            if doc.lemma_.lower() not in instruments:
                continue
            for c in doc.children:
                if c.dep_ == "prep" and c.lower_ in {"by", "from"}:
                    out += [g for g in c.children if g.dep_ == "pobj"]
                elif c.dep_ == "acl":
                    out += [g for a in c.children if a.dep_ == "agent" for g in a.children]
            out += [c for c in doc.children if c.dep_ == "poss"]
    return out


def rate_imposer(
    doc: Doc,
    span: Span,
    noun: Token,
    persons: Sequence[dict[str, Any]],
    mentions: Sequence[tuple[int, int, int]],
    lex: Lexicon,
) -> tuple[str | None, list[str]]:
    """The imposer of the rate ``span`` of the tariff noun ``noun`` (see the module), and the
    targets the same words name (the subject of "pay"/"face", a country the tariff is aimed
    at)."""
    # "the Peru-specific 25% duty": the country a modifier aims the tariff at receives
    # it; whoever else the phrase or the clause names imposes it
    aimed = aimed_at(noun, lex)
    imposer, targets = _imposer_besides(doc, span, noun, persons, mentions, lex, aimed)
    if not aimed:
        return imposer, targets
    return (None if imposer in aimed else imposer), targets or list(aimed)


def _imposer_besides(
    doc: Doc,
    span: Span,
    noun: Token,
    persons: Sequence[dict[str, Any]],
    mentions: Sequence[tuple[int, int, int]],
    lex: Lexicon,
    aimed: dict[str, Token],
) -> tuple[str | None, list[str]]:
    # a country or a person before the tariff noun: "US tariffs", "Trump's tariffs"
    demonym: str | None = None
    aiming = {t.i for t in aimed.values()}
    for child in noun.children:
        if child.i > noun.i or child.dep_ not in {"poss", "compound", "amod", "nmod"}:
            continue
        if child.i in aiming:
            continue
        if child.i in range(span.start, span.end):
            continue
        goods = lex.words("measure_generic_goods")
        if child.lower_ in goods or child.lemma_.lower() in goods:
            continue  # "grant US goods zero tariffs": the goods' origin, not the imposer
        for iso, kind, index in country_of_phrase(child.subtree, lex):
            if kind in {"country", "capital", "institution"}:
                actor = (
                    _acting_other(noun, iso, persons, mentions, lex)
                    if child.dep_ == "poss"
                    else None
                )
                if actor is not None:  # "Washington lowered Vietnam's tariff to 20%"
                    return actor, [iso]
                return iso, []
            if kind == "demonym" and not modifies_goods(noun, index, lex):
                demonym = demonym or iso
        person = _person_country(child, persons, mentions)
        if person:
            return person, []
    received = _passive_receivers(noun, persons, mentions, lex)
    if received is not None:
        return received
    # "the 40% tariff imposed by the U.S. government", "tariffs announced by Trump"
    for verb in [c for c in noun.children if c.dep_ == "acl"] + [governing_verb(noun)]:
        if verb is None:
            continue
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for obj in (g for g in agent.children if g.dep_ == "pobj"):
                if verb.lemma_.lower() in lex.words("measure_target_subject_verbs"):
                    # "the 15% rates secured by Japan and the EU": the agent of a verb
                    # of receiving gets the rate; whoever lays it is read elsewhere
                    received_by = _codes_of(obj, lex)
                    if received_by:
                        return None, received_by
                    continue
                # the parser may hang the target on the agent ("imposed by the president
                # on Israel"): the agent's own words impose, its "on" phrase is the target
                on = [
                    c
                    for c in obj.children
                    if c.dep_ == "prep" and c.lower_ in lex.words("measure_on_target")
                ]
                targets = [code for prep in on for code in _codes_of(prep, lex)]
                words = [t for t in obj.subtree if not any(t in p.subtree for p in on)]
                code = _code_in(words, persons, mentions, lex)
                if code is not None or targets:
                    return code, targets
    # the subject of an imposing verb ("China has set", "I am hereby increasing" in a
    # quotation: the speaker), before a demonym ("South Korean TARIFFS on Autos")
    verb = governing_verb(noun)
    if (
        verb is not None
        and verb.dep_ == "prep"
        and verb.lower_ in lex.words("measure_example_preps")
    ):
        # "Peru announced countermeasures, including tariffs of 30%": an example of the
        # measures a verb lays is laid by that verb's subject
        verb = governing_verb(verb.head)
    if verb is not None:
        lemma = verb.lemma_.lower()
        if lemma in lex.words("measure_impose_verbs") | lex.words("measure_target_subject_verbs"):
            subject = _credited(verb, lex) or subject_of(verb, passive=False)
            if lemma in lex.words("measure_target_subject_verbs"):
                subject = _absolute_with_subject(verb) or subject
            if subject is not None and verb.dep_ == "acl" and subject.i == verb.head.i:
                # "the letter sent by Trump announcing 50% tariffs": the letter's sender;
                # "Trump signed an order imposing a 25% tariff": the order's signer
                own = _owner_code(subject, verb, persons, mentions, lex)
                if own is not None:
                    return own, []
                upper = governing_verb(subject.head) if subject.head.i != subject.i else None
                subject = None if upper is None else subject_of(upper, passive=False)
            if subject is not None and subject.lemma_.lower() in lex.words("measure_deal_nouns"):
                subject = None  # "an agreement with Vietnam that will set a 20% tariff"
            if subject is not None and subject.lower_ in {"he", "she"}:
                subject = _reporter(verb, lex) or subject
            if subject is not None and verb.dep_ == "relcl" and subject.i == verb.head.i:
                # "tariffs imposed by Trump, which placed a 10% levy on ...": the agent
                # of the antecedent lays the rate of its relative clause
                agent_code = _agent_code(verb.head, persons, mentions, lex)
                if agent_code is not None:
                    return agent_code, []
            code = None
            if subject is not None and subject.lower_ in {"i", "we"}:
                code = _speaker_country(subject, persons)
            elif (
                subject is not None
                and subject.i not in range(span.start, span.end)
                and (subject.i != noun.i)
            ):
                code = code_of_actor(subject, persons, mentions, lex)
            if (
                code is not None
                and subject is not None
                and lemma not in lex.words("measure_target_subject_verbs")
                and len(_parties(subject, persons, mentions, lex)) > 1
            ):
                code = None  # "Trump, Prabowo finish deal slashing tariff": both sides
            rest = subject if subject is not None else _clausal_subject(verb)
            if (
                code is None
                and rest is not None
                and lemma in lex.words("measure_target_subject_verbs")
                and unnamed(rest, lex)
            ):
                # "countries not named in the order will face 10%": every other origin
                return laying_source(rest, verb, noun, lex), ["WLD"]
            if code is not None:
                if lemma in lex.words("measure_target_subject_verbs"):
                    # "Malaysia and Kazakhstan will each face 25%": every country named;
                    # the importer of their exports or the tariff's origin lays it
                    assert subject is not None
                    targets = _codes_of(subject, lex) or [code]
                    source = laying_source(subject, verb, noun, lex)
                    return source, [c for c in targets if c != source]
                return code, []
    return demonym, []


def _credited(verb: Token, lex: Lexicon) -> Token | None:
    """Whom a clause of thanks, praise or blame credits with the verb's act: "thanked Trump
    for lowering the tariff", "expressed gratitude to Trump for lowering the 49% levy",
    "grateful to Washington for cutting" (the one thanked acts, not the one who thanks);
    None when the verb is no gerund of such a clause (``measure_credit_words``)."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.dep_ != "prep" or prep.lower_ != "for":
        return None
    upper = prep.head
    credit = lex.words("measure_credit_words")
    objects = [c for c in upper.children if c.dep_ in {"dobj", "obj"} and c.i < prep.i]
    worded = [o for o in objects if o.lemma_.lower() in credit]
    if upper.lemma_.lower() not in credit and not worded:
        return None
    if objects and not worded:
        return objects[0]  # "thanked Trump for lowering"
    for holder in (*worded, upper):  # "gratitude to Trump", "grateful to Washington"
        for to in (c for c in holder.children if c.dep_ == "prep" and c.lower_ == "to"):
            return next((g for g in to.children if g.dep_ == "pobj"), None)
    return None


def _acting_other(
    noun: Token,
    owner: str,
    persons: Sequence[dict[str, Any]],
    mentions: Sequence[tuple[int, int, int]],
    lex: Lexicon,
) -> str | None:
    """The country that changes or lays a possessed tariff when it is not the possessor:
    "Washington lowered Vietnam's tariff to 20%", "Vietnam's tariff was cut by the US" (the
    possessor pays it); None when the possessor's tariff has its own target ("Canada's
    tariffs on US steel": Canada's) or no other country acts on it."""
    if any(c.dep_ == "prep" and c.lower_ in lex.words("measure_on_target") for c in noun.children):
        return None
    verb = noun.head
    acting = lex.words("measure_impose_verbs") | lex.words("measure_cut_verbs")
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in acting | lex.words("measure_rise_verbs"):
        return None
    if noun.dep_ == "dobj":
        actor = subject_of(verb, passive=False)
    elif noun.dep_ == "nsubjpass":
        actor = next((g for c in verb.children if c.dep_ == "agent" for g in c.children), None)
    else:
        return None
    actors = [actor] if actor is not None else _instrument_issuers(verb, lex)
    for actor in actors:
        code = code_of_actor(actor, persons, mentions, lex)
        if code is not None and code != owner:
            return code
    return None


def _passive_receivers(
    noun: Token,
    persons: Sequence[dict[str, Any]],
    mentions: Sequence[tuple[int, int, int]],
    lex: Lexicon,
) -> tuple[str | None, list[str]] | None:
    """'South Africa was handed a 30% tariff', 'Laos was hit with 40% duties by the US':
    the subject of a passive of laying receives the rate (the targets), the agent lays it;
    None when the tariff noun is not the object of such a verb."""
    verb = governing_verb(noun)
    if verb is None or verb.lower_ not in lex.words("measure_pair_laid_participles"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    subject = subject if subject is not None else _clausal_subject(verb)
    if subject is None:
        return None
    if whole_of_nations(subject, lex):  # "all countries, including Canada, were hit"
        targets = ["WLD"]
    else:
        targets = _codes_of(subject, lex) or (["WLD"] if unnamed(subject, lex) else [])
    if not targets:
        return None
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    imposer = next(
        (
            code
            for g in agents
            if (code := _code_in(list(g.subtree), persons, mentions, lex)) is not None
        ),
        None,
    )
    return imposer, targets


def _parties(
    token: Token,
    persons: Sequence[dict[str, Any]],
    mentions: Sequence[tuple[int, int, int]],
    lex: Lexicon,
) -> set[str]:
    """The countries of a phrase's own places and people (two for a joint subject)."""
    words = _own_words(token, lex)
    codes = {iso for iso, kind, _ in country_of_phrase(words, lex) if kind != "region"}
    for t in words:
        for start, end, person in mentions:
            if start <= t.idx < end and persons[person].get("country"):
                codes.add(str(persons[person]["country"]))
    return codes


def _agent_code(
    noun: Token,
    persons: Sequence[dict[str, Any]],
    mentions: Sequence[tuple[int, int, int]],
    lex: Lexicon,
) -> str | None:
    """The country of the agent of a participle on ``noun`` ("tariffs imposed by X")."""
    for verb in (c for c in noun.children if c.dep_ == "acl"):
        for agent in (c for c in verb.children if c.dep_ == "agent"):
            for obj in (g for g in agent.children if g.dep_ == "pobj"):
                code = _code_in(list(obj.subtree), persons, mentions, lex)
                if code is not None:
                    return code
    return None


def _code_in(
    tokens: list[Token],
    persons: Sequence[dict[str, Any]],
    mentions: Sequence[tuple[int, int, int]],
    lex: Lexicon,
) -> str | None:
    """The country of a phrase's own words (a place, else a person named in them)."""
    places = country_of_phrase(tokens, lex)
    if places and places[0][1] != "region":
        return places[0][0]
    for token in tokens:
        for start, end, person in mentions:
            if start <= token.idx < end and persons[person].get("country"):
                return str(persons[person]["country"])
    return None


def _codes_of(token: Token, lex: Lexicon) -> list[str]:
    """Every country a phrase names, in order ("Malaysia and Kazakhstan"), leaving out the
    countries of its relative clauses ("Indonesia, a nation that counts the US as its
    biggest market,")."""
    codes = [
        iso for iso, kind, _ in country_of_phrase(_own_words(token, lex), lex) if kind != "region"
    ]
    return list(dict.fromkeys(codes))


def _owner_code(
    noun: Token,
    verb: Token,
    persons: Sequence[dict[str, Any]],
    mentions: Sequence[tuple[int, int, int]],
    lex: Lexicon,
) -> str | None:
    """The country of a document noun's own phrase ("the letter sent by Trump"), leaving
    out the clause of the imposing verb."""
    inside = {t.i for t in verb.subtree}
    tokens = [t for t in noun.subtree if t.i not in inside]
    places = [p for p in country_of_phrase(tokens, lex) if p[1] != "region"]
    if places:
        return places[0][0]
    for t in tokens:
        if t.i == noun.i:
            continue
        for start, end, person in mentions:
            if start <= t.idx < end and persons[person].get("country"):
                return str(persons[person]["country"])
    return None


def _speaker_country(token: Token, persons: Sequence[dict[str, Any]]) -> str | None:
    """'I' or 'we' inside a quotation: the country of the person quoted."""
    for quote in token.doc._.tariffscope_quotes or []:
        if quote["start"] <= token.idx < quote["end"] and quote.get("speaker"):
            for person in persons:
                if person["name"] == quote["speaker"] and person.get("country"):
                    return str(person["country"])
    return None


def _reporter(verb: Token, lex: Lexicon) -> Token | None:
    """'Trump said he would impose': the subject of the reporting verb."""
    head = verb.head
    for _ in range(2):
        if head.lemma_.lower() in lex.words("measure_announce_verbs") or head.lemma_.lower() in {
            "warn",
            "threaten",
        }:
            return subject_of(head)
        head = head.head
    return None


def code_of_actor(
    token: Token,
    persons: Sequence[dict[str, Any]],
    mentions: Sequence[tuple[int, int, int]],
    lex: Lexicon,
) -> str | None:
    """The country of an actor's phrase: a place of its own words, else the person it names."""
    places = country_of_phrase(_own_words(token, lex), lex)
    if places and places[0][1] != "region":
        return places[0][0]
    return _person_country(token, persons, mentions)


def _person_country(
    token: Token, persons: Sequence[dict[str, Any]], mentions: Sequence[tuple[int, int, int]]
) -> str | None:
    left = token.left_edge.idx
    right = token.right_edge.idx + len(token.right_edge.text)
    for start, end, person in mentions:
        if start < right and left < end:
            country = persons[person].get("country")
            return str(country) if country else None
    return None
