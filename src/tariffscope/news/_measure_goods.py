"""Where the goods of a tariff rate are named: pure functions for
:mod:`tariffscope.news.measures`.

:func:`rate_goods` looks for the goods in an "on/against/for" phrase next to the rate or its
tariff noun, in "at N% tariff" objects ("allow 49,000 vehicles ... at a 6.1% tariff"; "give U.S.
products access ... at zero tariffs"), in the subject of "face" / "pay" ("Canadian goods that do
not qualify ... face a 35% tariff"), in the subject of "be/remain subject to" (not when the
rate sits in a phrase of time under the verb: "this visit would be the second after the
imposition of a 25% tariff"), in the object of "hit", in a restrictive relative clause
("products where the levy can be reduced to zero"), in an earlier tariff mention a definite
rated noun points back to ("the 10% import levies"), and last in the words before the tariff
noun ("Japanese car tariffs").
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from tariffscope.news._anaphora import antecedent_tariff_object
from tariffscope.news._measure_parts import (
    Goods,
    country_of_phrase,
    goods_of,
    phrase_text,
    place_spans,
)
from tariffscope.news._syntax import governing_verb, subject_of
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.products import (
    is_goods_noun,
    is_person_name,
    names_goods,
    names_no_goods,
    product_class,
)

__all__ = ["AIMING_RULE", "PASSIVE_HIT_RULE", "modifies_goods", "rate_goods"]

#: The rules of this module in ``news/data/measure_rules.toml`` (table ``goods``).
PASSIVE_HIT_RULE = "goods.passive_hit_receiver"
AIMING_RULE = "goods.aiming_adjective_names_none"


def _noun_run_before(verb: Token) -> Token | None:
    """The first noun of the words right before a verb ("Canadian steel and aluminum are"),
    back to a comma or another verb."""
    doc = verb.doc
    i = verb.i - 1
    first: Token | None = None
    while i >= verb.sent.start and doc[i].pos_ in {"NOUN", "PROPN", "ADJ", "CCONJ"}:
        if doc[i].pos_ in {"NOUN", "PROPN"}:
            first = doc[i]
        i -= 1
    return first


def _names_person(token: Token, lex: Lexicon) -> bool:
    """A person's name ("Trump" in "a 25% Trump tariff"): tagged so, or a known surname."""
    return token.ent_type_ == "PERSON" or is_person_name(token.text, lex)


def _gerund_of(word: str, verbs: frozenset[str]) -> bool:
    """'slashing', 'raising', 'cutting', and the present 'scraps', 'raises', 'slashes' (a
    headline verb the parser reads as a noun): a form of one of ``verbs``."""
    if word.endswith("ing"):
        stem = word[:-3]
        return bool({stem, stem + "e", stem[:-1]} & verbs)
    return word.endswith("s") and bool({word[:-1], word[:-2]} & verbs)


def _run_before(noun: Token, modifiers: set[int], lex: Lexicon) -> set[int]:
    """The modifiers of a tariff noun that run up to it without a break: a deal noun or the
    -ing form of a change verb ends the run ("Leaders Seal Pact Raising Steel Tariff": the
    words before 'Raising' are the headline's, not the goods)."""
    doc = noun.doc
    stops = lex.words("measure_deal_nouns")
    verbs = lex.words("measure_cut_verbs") | lex.words("measure_rise_verbs")
    verbs |= lex.words("measure_impose_verbs")
    out: set[int] = set()
    i = noun.i - 1
    while i >= noun.sent.start and i in modifiers:
        word = doc[i].lower_
        if doc[i].lemma_.lower() in stops or word in stops or _gerund_of(word, verbs):
            break
        out.add(i)
        i -= 1
    return out


def _passive_hit_subject(verb: Token, noun: Token) -> Token | None:
    """The receiver of a passive verb of hitting whose agent is the tariff ("X have been hit
    by a 25% tariff"): the goods or the country the tariff falls on; None in the active or
    when the tariff is not the agent."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
    if not any(a.i == noun.i or noun.i in {t.i for t in a.subtree} for a in agents):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _in_time_phrase(token: Token, verb: Token, lex: Lexicon) -> bool:
    """'This visit would be the second after the imposition of a 25% tariff': the rate sits
    in a phrase of time ("after", "since", "amid" ...) under the verb, which places the
    subject in time and says nothing of what the tariff falls on."""
    preps = lex.words("time_sequence_prepositions")
    for ancestor in token.ancestors:
        if ancestor.i == verb.i:
            return False
        if ancestor.dep_ == "prep" and ancestor.lower_ in preps:
            return True
    return False


def _goods_exempted(noun: Token, lex: Lexicon) -> Goods | None:
    """'cocoa and rubber are exempted from the 19% rate', 'excludes refined copper from the
    50% tariff': the goods the exemption names are the ones the rate no longer reaches."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "from":
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in lex.words("measure_exempt_verbs"):
        return None
    deps = {"nsubjpass"} if any(c.dep_ == "auxpass" for c in verb.children) else {"dobj"}
    goods = next((c for c in verb.children if c.dep_ in deps), None)
    if goods is None or goods.lower_ in lex.words("measure_tariff_words") | {"which", "that"}:
        return None
    if country_of_phrase([goods], lex):
        return None  # "exempted Canada from the tariff": a country, not goods
    return goods_of(goods, lex)


def _origin_on(verb: Token, lex: Lexicon) -> tuple[str, ...]:
    """The countries of a 'from' phrase of the verb ("... goods from the United States")."""
    return tuple(
        iso
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "from"
        for iso, kind, _ in country_of_phrase(prep.subtree, lex)
        if kind in {"country", "capital", "institution"}
    )


def _country_given(noun: Token, lex: Lexicon) -> tuple[str, ...]:
    """The countries a relative clause on the tariff noun gives or lays it on: the object or
    dative of its verb ("the rate he offered Vietnam", "the duty that hit Norway")."""
    out: list[str] = []
    for verb in (c for c in noun.children if c.dep_ in {"relcl", "acl"} and c.pos_ == "VERB"):
        for obj in (c for c in verb.children if c.dep_ in {"dobj", "dative", "iobj", "obj"}):
            if obj.i == noun.i:
                continue
            out += [
                iso
                for iso, kind, _ in country_of_phrase([obj], lex)
                if kind in {"country", "capital"}
            ]
    return tuple(out)


def modifies_goods(noun: Token, index: int, lex: Lexicon) -> bool:
    """A demonym that describes the goods ("Japanese car tariffs"), not the tariff
    ("Chinese tariffs"): a goods word follows it before the tariff noun."""
    doc = noun.doc
    for token in doc[index + 1 : noun.i]:
        if (
            token.pos_ == "NOUN"
            and token.lower_ not in lex.words("measure_not_goods")
            and (token.lower_ not in lex.words("measure_tariff_words"))
        ):
            return True
    return False


def _continues_antecedent(span: Span, noun: Token, earlier: Token, lex: Lexicon) -> bool:
    """Whether a definite rated tariff continues the earlier rateless tariff on ``earlier``'s
    goods. Not when the story stated this rate before those goods ("a new 20% tariff on all
    imports ... tariffs on chips will be set separately ... the 20% tariff is temporary": the
    first measure again; a rate first stated after those goods may be on them), nor when a
    rated tariff stands between them (the nearer rate is the one the sentence goes on about)."""
    rate_words = lex.words("person_anaphora_rate_words")
    doc = span.doc
    # the rate and the rate the tariff noun itself carries ("the 20% tariff is lower than the
    # previously threatened 32%": 20 for both)
    own = [t for left in noun.lefts for t in left.subtree]
    numbers = {t.text for t in [*span, *own] if t.like_num}
    for i in range(earlier.i):
        if doc[i].text in numbers and i + 1 < len(doc) and doc[i + 1].lower_ in rate_words:
            return False
    tariff_words = lex.words("measure_tariff_words")
    return not any(
        t.lower_ in tariff_words
        and t.pos_ == "NOUN"
        and any(c.lower_ in rate_words for c in t.subtree)
        for t in doc[earlier.i + 1 : noun.i]
    )


def rate_goods(doc: Doc, span: Span, noun: Token, lex: Lexicon) -> tuple[Goods, str | None]:
    """The goods and targets of the rate ``span`` of the tariff noun ``noun`` (see the
    module), and an imposer the goods phrase names ("exports to the US": the importer)."""
    goods, importer = _rate_goods(doc, span, noun, lex)
    return _capped_goods(goods, span, noun, lex), importer


def _rate_goods(doc: Doc, span: Span, noun: Token, lex: Lexicon) -> tuple[Goods, str | None]:
    in_rate = range(span.start, span.end)
    heads: list[Token] = [span.root]
    between = []
    for token in span.root.ancestors:
        if token.i == noun.i:
            break
        between.append(token)
    else:
        between = between[:2]
    heads.append(noun)
    heads += between
    heads += [c for c in noun.children if c.dep_ in {"acl", "relcl"}]
    for token in noun.ancestors:
        heads.append(token)
        if token.pos_ in {"VERB", "AUX"}:
            break
    verb = governing_verb(noun)
    if verb is not None:
        heads.append(verb)
    for head in heads:
        preps = sorted(
            (
                c
                for c in head.children
                if c.dep_ == "prep" and c.lower_ in {"on", "against", "for", "to"}
            ),
            key=lambda c: abs(c.i - span.root.i),
        )
        for prep in preps:
            objects = [g for g in prep.children if g.dep_ == "pobj"]
            if not objects:
                continue
            obj = objects[0]
            if prep.lower_ == "to":  # "charged to all trading partners": everyone's goods
                everyone = goods_of(obj, lex)
                if everyone.world:
                    return everyone, None
                if (
                    head.lemma_.lower() in lex.words("measure_apply_verbs")
                    and obj.i not in in_rate
                    and not obj.like_num
                    # "shall not apply to articles in Annex II": goods left out, not the
                    # rate's goods
                    and not any(c.dep_ == "neg" for c in head.children)
                ):
                    return everyone, None  # "the rate applies from May 1 to EU cars"
                continue
            if (
                obj.i in in_rate
                or obj.lower_ in lex.words("measure_tariff_words")
                or obj.lemma_.lower() in {"top", "day", "year", "month", "week", "now"}
                or obj.lower_ in lex.words("measure_date_words")
                or obj.lemma_.lower() in lex.words("measure_not_goods_objects")
                or obj.ent_type_ in {"DATE", "TIME"}
            ):
                continue  # "comes into force on Thursday", "for any reason": not goods
            found = goods_of(obj, lex)
            if not found.targets and not found.world and verb is not None:
                # "eliminate tariffs on farm goods from Peru": the parser may hang the
                # origin on the verb (not when the phrase names every origin: "on
                # imports from nearly all countries, including Canada")
                found = replace(found, targets=_origin_on(verb, lex))
            if found.products == "all goods" and (found.targets or found.world):
                # "a 50% copper tariff on Chile", "on imports from all countries": the
                # phrase names whose goods, the words before the tariff noun name which
                named = _goods_before_noun(span, noun, lex)
                if product_class(named.products, lex)[0] == "specific":
                    found = replace(found, products=named.products)
            return found, _importer(obj, lex)
    # "allow 49,000 vehicles into the market at a 6.1% tariff rate"
    if noun.head.lower_ == "at" and noun.head.head.pos_ == "VERB":
        verb_at = noun.head.head
        objects = [c for c in verb_at.children if c.dep_ in {"dative", "iobj"}]
        objects += [c for c in verb_at.children if c.dep_ in {"dobj", "obj"}]
        # "vehicles will be allowed into the market at a 6.1% tariff": the passive's subject
        objects += [c for c in verb_at.children if c.dep_ == "nsubjpass"]
        if objects and objects[0].lemma_.lower() in {"access", "entry"}:
            # "give U.S. products access to its market at zero tariffs": the products
            owners = [c for c in objects[0].children if c.dep_ in {"compound", "nmod"}]
            objects = owners or objects
        if objects and objects[0].lower_ not in lex.words("measure_tariff_words"):
            return goods_of(objects[0], lex), None
    exempted = _goods_exempted(noun, lex)
    if exempted is not None:
        return exempted, None
    faced = _goods_that_face(noun, lex)
    if faced is not None:
        return faced, None
    rate_verb = governing_verb(span.root)
    if (
        rate_verb is not None
        and rate_verb.lemma_.lower() in {"remain", "be", "stay", "stand"}
        and not _in_time_phrase(span.root, rate_verb, lex)
    ):
        subject = next((c for c in rate_verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            subject = _noun_run_before(rate_verb)  # "..., and Canadian steel and aluminum
            # are subject to 50% duties" parsed without a subject
        relative = subject is not None and subject.lower_ in {"which", "that", "who"}
        if relative and subject is not None:
            # the antecedent of "which" is the noun right before it, or past a comma the
            # noun the clause hangs on ("canola oil, which is subject to a 100% tariff")
            before = doc[subject.i - 1] if subject.i > 0 else None
            if (
                before is not None
                and before.is_punct
                and rate_verb.dep_ == "relcl"
                and rate_verb.head.i < subject.i
            ):
                before = rate_verb.head
            subject = before if before is not None and before.pos_ in {"NOUN", "PROPN"} else None
            while subject is not None and subject.dep_ == "conj":
                subject = subject.head
        if (
            subject is not None
            and subject.lower_ not in lex.words("measure_tariff_words")
            and (subject.pos_ in {"NOUN", "PROPN"})
            and not lex.place_code(subject.text)
            # "the biggest loser from the 15% rate would be the UK": the rate is inside
            # the subject, which is not its goods (an antecedent holds its relative clause)
            and (relative or not subject.left_edge.i <= span.root.i <= subject.right_edge.i)
        ):
            return goods_of(subject, lex), None
    if verb is not None and verb.lemma_.lower() in lex.words("measure_hit_verbs"):
        objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
        if objects:
            return goods_of(objects[0], lex), None
        hit = _passive_hit_subject(verb, noun)
        if hit is not None:  # "copper cathodes were hit by a 50% tariff": the subject
            return goods_of(hit, lex), None
    restricted = _restricted_goods(noun, lex)
    if restricted is not None:
        return restricted, None
    fallback = _goods_before_noun(span, noun, lex)
    given = _country_given(noun, lex)
    if given and not fallback.targets:
        # "the 20% rate it offered Peru", "the tariff that hit Chile": that country's goods
        return Goods(fallback.products, given), None
    if fallback.products == "all goods" and not fallback.targets:
        # "the 10% import levies" after "a review of tariffs on whisky": the same goods
        earlier = antecedent_tariff_object(noun, lex.words("measure_tariff_words"))
        if earlier is not None and _continues_antecedent(span, noun, earlier, lex):
            found = goods_of(earlier, lex)
            if product_class(found.products, lex)[0] == "specific":
                return found, None
    return fallback, None


def _capped_goods(found: Goods, span: Span, noun: Token, lex: Lexicon) -> Goods:
    """The goods of a cap on named partners' duties that names no goods of its own ("the
    duties on Korea and the EU will be capped at 15%, while goods from Britain will be subject
    to a rate that shall not exceed 10%" after "the duty on glazed tiles will rise to 40%"):
    the goods of the earlier tariff of the passage, one on goods from every origin, whose
    terms the cap gives those partners. A cap on every good of a partner with no such duty
    before it keeps all goods ("tariffs on EU goods will be capped at 15%")."""
    if found.products != "all goods" or found.world:
        return found
    # the verb the rate hangs on ("capped at 15%") or a clause on the tariff noun ("a rate
    # that shall not exceed 10%")
    verbs = [governing_verb(span.root), *(c for c in noun.children if c.dep_ in {"relcl", "acl"})]
    caps = lex.words("measure_cap_verbs")
    if not any(v is not None and v.lemma_.lower() in caps for v in verbs):
        return found

    def every_origin(obj: Token) -> bool:
        goods = goods_of(obj, lex)
        specific = product_class(goods.products, lex)[0] == "specific"
        return specific and not goods.targets and not goods.world

    tariffs = lex.words("measure_tariff_words")
    earlier = antecedent_tariff_object(noun, tariffs, lex, definite=False, accept=every_origin)
    return found if earlier is None else replace(found, products=goods_of(earlier, lex).products)


def _goods_in_market(subject: Token | None, lex: Lexicon) -> Token | None:
    """The goods a relative clause on goods in a market is about ("Korean cars in the U.S.
    market, which still face a 25% tariff", "the competitiveness of Korean cars in the U.S.
    market, which ...": the cars, which the market's owner taxes): the noun right before an
    "in" whose object is a market noun, when the subject is that object or carries that "in"."""
    if subject is None:
        return None
    markets = lex.words("measure_market_nouns")
    preps = [c for c in subject.children if c.dep_ == "prep"]
    if subject.dep_ == "pobj":
        preps.append(subject.head)
    for prep in preps:
        if prep.lower_ != "in" or prep.i == 0:
            continue
        if not any(o.dep_ == "pobj" and o.lemma_.lower() in markets for o in prep.children):
            continue
        before = subject.doc[prep.i - 1]
        if before.pos_ == "NOUN" and before.lemma_.lower() not in markets:
            return before
    return subject


def _goods_that_face(noun: Token, lex: Lexicon) -> Goods | None:
    """'Canadian goods that do not qualify under the USMCA already face a 35% tariff': the
    subject of "face" / "pay" is the goods, unless it is a place or a person."""
    verb = governing_verb(noun)
    if verb is None or verb.lemma_.lower() not in lex.words("measure_target_subject_verbs"):
        return None
    subject = _goods_in_market(subject_of(verb), lex)
    if (
        subject is None
        or subject.pos_ not in {"NOUN", "PROPN"}
        or subject.lower_ in lex.words("measure_tariff_words")
        or subject.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
        or lex.place_code(subject.text)
    ):
        return None
    head = subject.head
    if (
        subject.dep_ == "nsubj"
        and head.i != verb.i
        and head.pos_ == "VERB"
        and head.lemma_.lower() in lex.words("measure_narrowing")
    ):
        # the parser made "Goods shipped through Vietnam ... will face" a clause: the goods
        # are the words before the verb that faces the tariff
        first = min([verb.i, *(c.i for c in verb.children if c.dep_ == "aux")])
        tokens = [t for t in head.doc[subject.left_edge.i : first] if not t.is_punct]
        if tokens:
            goods = goods_of(subject, lex)
            text = phrase_text(head.doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
            targets = [iso for iso, kind, _ in country_of_phrase(tokens, lex) if kind != "region"]
            return Goods(text, tuple(dict.fromkeys(targets)) or goods.targets, goods.world)
    return goods_of(subject, lex)


def _restricted_goods(noun: Token, lex: Lexicon) -> Goods | None:
    """'identify products where the levy can be reduced to zero': the rate sits in a
    restrictive relative clause of a goods noun, an unspecified part of those goods."""
    verb = governing_verb(noun)
    if verb is None or verb.dep_ != "relcl":
        return None
    opener = [t for t in verb.subtree if t.i <= verb.i][:2]
    if not any(t.tag_ in {"WDT", "WRB", "WP"} or t.lower_ == "that" for t in opener):
        return None  # "a deal to ward off 30% levies": not a relative clause of goods
    head = verb.head
    if (
        head.pos_ != "NOUN"
        or head.lower_ in lex.words("measure_tariff_words")
        or head.lemma_.lower() in {"country", "nation", "partner", "economy", "time", "day"}
        # "a framework under which the US would tariff most EU goods 15%": a deal, no goods
        or names_no_goods(head.lemma_.lower(), lex)
    ):
        return None
    if head.i + 1 < len(head.doc) and head.doc[head.i + 1].text == ",":
        return None  # "imports, which face a 25% duty": not restrictive
    goods = goods_of(head, lex)
    if product_class(goods.products, lex)[0] == "all":
        return Goods("some goods", goods.targets, goods.world)
    return goods


def _goods_before_noun(span: Span, noun: Token, lex: Lexicon) -> Goods:
    """ "canola seed duties", "Japanese car tariffs": goods words before the tariff noun."""
    tokens: list[Token] = []
    aiming = lex.words("measure_aiming_adjectives")
    for child in noun.children:
        if child.lower_ in aiming:
            continue  # "a Peru-specific duty" names whom it is aimed at, not goods
        if child.dep_ in {"compound", "amod", "nmod"} and child.i < noun.i:
            tokens += [t for t in child.subtree if t.i not in range(span.start, span.end)]
    run = _run_before(noun, {t.i for t in tokens} | set(range(span.start, span.end)), lex)
    tokens = [
        t
        for t in tokens
        if t.i in run
        and not t.like_num
        and t.lower_ not in {"%", "percent", "per", "cent"}
        and t.lower_ not in lex.words("measure_tariff_words")
    ]
    places = place_spans(tokens, lex)
    place_ids = {k for _, _, a, b in places for k in range(a, b)}
    targets = [
        iso for iso, kind, a, _ in places if kind == "demonym" and modifies_goods(noun, a, lex)
    ]
    words = [
        t
        for t in tokens
        if t.i not in place_ids
        and t.pos_ in {"NOUN", "PROPN", "ADJ"}
        and t.lower_ not in lex.words("measure_not_goods")
    ]
    words.sort(key=lambda t: t.i)
    # the last word before the tariff noun heads the goods ("steel and aluminum tariffs");
    # "a 15% Trump trade tariff" names whose tariff, not goods
    last = words[-1] if words and not _names_person(words[-1], lex) else None
    named = [] if last is None else [last.lower_, last.lemma_]
    if last is not None and last.pos_ == "ADJ" and not is_goods_noun(last.lower_, lex):
        named = []  # "a single rate": an adjective names goods only when a goods word
    if not names_goods(named, [t.lower_ for t in words], lex):
        return Goods("all goods", tuple(targets))
    text = " ".join(t.text for t in words).lower()
    return Goods(text, tuple(targets))


def _importer(head: Token, lex: Lexicon) -> str | None:
    """'exports to the US': the importing country imposes."""
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ in {"to", "into"}:
            places = country_of_phrase(prep.subtree, lex)
            if places:
                return places[0][0]
    return None
