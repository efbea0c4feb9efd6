"""Reading the parts of a tariff measure around a rate: tariff noun, goods, countries, status.

Helpers of :mod:`tariffscope.news.measures`; each takes the parsed ``Doc`` and token indices.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from tariffscope.news._anaphora import antecedent_goods_noun
from tariffscope.news._syntax import doc_text, pruned_subtree
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.products import is_person_name, names_goods

__all__ = [
    "Goods",
    "anchor_noun",
    "country_of_phrase",
    "goods_of",
    "place_spans",
    "tree_distance",
    "unnamed",
]


def tree_distance(a: Token, b: Token) -> int:
    """Number of dependency arcs between two tokens of one sentence (large when unrelated)."""
    if a.sent.start != b.sent.start:
        return 99
    up_a = [a, *a.ancestors]
    depth_a = {t.i: k for k, t in enumerate(up_a)}
    for k, t in enumerate([b, *b.ancestors]):
        if t.i in depth_a:
            return k + depth_a[t.i]
    return 99


def _of_quota(token: Token, lex: Lexicon) -> bool:
    """'100% tariff-rate quotas': the word modifies (as a compound, through other compounds) a
    quota noun; a tariff word there names a quota, a rate there is the quota's share."""
    head = token
    while head.dep_ in {"compound", "nmod", "nummod"} and head.head.i != head.i:
        head = head.head
    return head.i != token.i and head.lemma_.lower() in lex.words("measure_quota_nouns")


def _is_anchor(token: Token, lex: Lexicon) -> bool:
    if token.lower_ in lex.words("measure_tariff_words"):
        return not _of_quota(token, lex)
    return (
        token.lower_ in lex.words("measure_anchor_nouns")
        and token.pos_ == "NOUN"
        and any(c.lower_ in lex.words("measure_tariff_words") for c in token.children)
    )


def _across_conjunction(rate: Token, noun: Token) -> bool:
    """Whether a coordinating conjunction lies between the rate and a tariff noun after it:
    "brings US tariffs on Chinese goods down to 30%, and Chinese tariffs on US goods to 10%"
    (both nouns equally near the 30% in the tree: the one of the next conjunct is not its)."""
    if noun.i < rate.i:
        return False
    return any(t.dep_ == "cc" for t in rate.doc[rate.i + 1 : noun.i])


def anchor_noun(rate: Span, lex: Lexicon, limit: int = 5, window: int = 18) -> Token | None:
    """The tariff noun a rate belongs to.

    The nearest tariff word ("tariff", "duty", "levy", "rate", or "cuts" of "tariff cuts")
    within ``limit`` dependency arcs; else, for lists the parser leaves flat ("a 25% tariff
    on fentanyl, 25% on automobiles, and 50% on steel"), the nearest tariff word before the
    rate in the same sentence within ``window`` tokens with no verb between them other than a
    change verb ("tariffs ... reduced from 15% to 3%").
    """
    root = rate.root
    if _of_quota(root, lex):
        return None
    best: tuple[int, bool, int, Token] | None = None
    for token in rate.sent:
        if not _is_anchor(token, lex) or rate.start <= token.i < rate.end:
            continue
        distance = tree_distance(root, token)
        key = (distance, _across_conjunction(root, token), abs(token.i - root.i))
        if distance <= limit and (best is None or key < best[:3]):
            best = (*key, token)
    if best is not None:
        return best[3]
    doc = rate.doc
    for i in range(rate.start - 1, max(rate.sent.start, rate.start - window) - 1, -1):
        token = doc[i]
        if _is_anchor(token, lex):
            return token
        if token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() not in lex.words(
            "measure_cut_verbs"
        ) | {
            "raise",
            "increase",
            "rise",
            "set",
            "be",
        }:
            return None
        if token.text in {";", ":"}:
            return None
    return None


def country_of_phrase(tokens: Iterable[Token], lex: Lexicon) -> list[tuple[str, str, int]]:
    """``(iso3, kind, token index)`` of every place in a token sequence."""
    return [(iso, kind, start) for iso, kind, start, _ in place_spans(tokens, lex)]


def place_spans(tokens: Iterable[Token], lex: Lexicon) -> list[tuple[str, str, int, int]]:
    """``(iso3, kind, first token index, last token index + 1)`` of every place."""
    toks = sorted(tokens, key=lambda t: t.i)
    words = [t.text for t in toks]
    out: list[tuple[str, str, int, int]] = []
    i = 0
    while i < len(toks):
        hit = lex.place_at(words, i)
        if hit is None:
            i += 1
            continue
        out.append((hit.iso3, hit.kind, toks[i].i, toks[hit.end - 1].i + 1))
        i = hit.end
    return out


@dataclass(frozen=True, slots=True)
class Goods:
    """What a tariff applies to: product words ("all goods" when general) and target places."""

    products: str
    targets: tuple[str, ...]
    world: bool = False
    rest: bool = False  # the list ends in "and all other ...": the remaining goods too
    # every origin only because the goods are imports named from nowhere ("imported cars",
    # "copper imports"): the origins of whatever the measure is for, which a deal narrows
    unsourced: bool = False


def _phrase_tokens(head: Token, others: frozenset[str] = frozenset()) -> list[Token]:
    """A noun phrase's modifiers before its head, with coordinated heads and theirs; a
    coordinated head in ``others`` (another measure: "all goods and curbs on rare earths") and
    what hangs on it are left out."""
    keep: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        if token.dep_ == "conj" and token.lemma_.lower() in others:
            continue
        keep.append(token)
        for child in token.children:
            if child.i < token.i and child.dep_ not in {
                "punct",
                "prep",
                "relcl",
                "acl",
                "appos",
                "advmod",
            }:
                stack.extend(child.subtree)
            elif child.dep_ in {"conj", "cc"} or (
                child.dep_ == "punct"
                and child.text == ","
                and any(c.dep_ == "conj" for c in token.children)
            ):
                stack.append(child)
    return sorted({t.i: t for t in keep}.values(), key=lambda t: t.i)


#: Nouns of a flow of goods whose "of" object names the goods ("imports of branded
#: pharmaceutical products"); the flow's own "from" phrase still names the origin.


def _hyphenated(tokens: list[Token]) -> list[Token]:
    """Add the parts of hyphenated words ("trans-shipments") that the parser split off."""
    ids = {t.i: t for t in tokens}
    doc = tokens[0].doc if tokens else None
    for token in list(tokens):
        j = token.i
        while (
            doc is not None
            and j + 2 < len(doc)
            and doc[j + 1].text == "-"
            and not (doc[j].whitespace_ or doc[j + 1].whitespace_)
        ):
            ids[j + 1], ids[j + 2] = doc[j + 1], doc[j + 2]
            j += 2
        j = token.i
        while (
            doc is not None
            and j - 2 >= 0
            and doc[j - 1].text == "-"
            and not (doc[j - 2].whitespace_ or doc[j - 1].whitespace_)
        ):
            ids[j - 1], ids[j - 2] = doc[j - 1], doc[j - 2]
            j -= 2
    return sorted(ids.values(), key=lambda t: t.i)


def _join(tokens: list[Token]) -> str:
    parts = []
    for k, t in enumerate(tokens):
        gap = k + 1 < len(tokens) and tokens[k + 1].i == t.i + 1
        parts.append(t.text_with_ws if gap else t.text + " ")
    text = "".join(parts).strip().lower().replace(" - ", "-")
    text = " ".join(text.split()).replace(" ,", ",")
    while text.endswith((",", " and", " or", ", and")):
        if text.endswith(","):  # "cars and car parts," before an apposition
            text = text[:-1].rstrip()
            continue
        text = text.rsplit(" ", 1)[0].rstrip(",") if " " in text else ""
    # "either Chilean or Peruvian copper": the conjunction of the places left out leads
    while text.startswith(("and ", "or ", "nor ")):
        text = text.split(" ", 1)[1].lstrip(" ,")
    return text.strip(" ,")


def _named_members(head: Token, lex: Lexicon) -> Token:
    """'200 tariff lines, comprising goods such as cocoa and rubber', '20 categories, mainly
    auto parts': tariff lines stand for the goods they are said to cover."""
    if head.lemma_.lower() not in lex.words("measure_line_nouns"):
        return head  # "imports, including steel": examples of a scope that stays
    broad = lex.words("measure_line_nouns") | lex.words("measure_generic_goods") | {"commodity"}
    for _ in range(3):
        if head.lemma_.lower() not in broad:
            return head
        lines = head.lemma_.lower() in lex.words("measure_line_nouns")
        nxt = next((c for c in head.children if c.dep_ == "appos" and lines), None)
        for acl in (c for c in head.children if c.dep_ in {"acl", "relcl"}):
            if acl.lemma_.lower() in {"comprise", "include", "cover"}:
                nxt = next((c for c in acl.children if c.dep_ in {"dobj", "obj"}), nxt)
        for prep in (c for c in head.children if c.dep_ == "prep"):
            if prep.lower_ in {"as", "including", "like"}:
                nxt = next((c for c in prep.children if c.dep_ == "pobj"), nxt)
        if nxt is None:
            return head
        head = nxt
    return head


def unnamed(head: Token, lex: Lexicon) -> bool:
    """A plural nation noun that a negated participle of naming modifies ("countries not
    named in the order", "nations not specifically listed"): the rest of the world. The
    parser may make the participle the clause's subject and the noun its own subject; that
    participle is read the same way."""
    participles = lex.words("measure_world_unnamed_participles")

    def plural_nation(t: Token) -> bool:
        return t.lemma_.lower() in lex.words("measure_world_nouns") and t.tag_ in {"NNS", "NNPS"}

    def negated_naming(t: Token) -> bool:
        return t.lemma_.lower() in participles and any(g.dep_ == "neg" for g in t.children)

    if plural_nation(head):
        return any(c.dep_ in {"acl", "amod", "relcl"} and negated_naming(c) for c in head.children)
    return negated_naming(head) and any(
        c.dep_ == "nsubj" and plural_nation(c) for c in head.children
    )


def goods_of(head: Token, lex: Lexicon) -> Goods:
    """Goods and target countries of a noun phrase such as "Japanese auto imports",
    "products from the European Union and Mexico", "India", "steel, aluminum, and copper" or
    "several European countries, including Denmark, the UK, and France". A bare definite
    noun ("the model") stands for its fuller earlier mention ("its Cupra Tavascan model").
    """
    # "imports of X from Japan", "a wide range of goods from Brazil": the origin hangs on
    # the flow or quantity noun the goods are "of"
    flows: list[Token] = []
    world_quantifiers = lex.words("measure_world_quantifiers")
    quantified = False  # "most of its trading partners": the quantifier heads the phrase
    while (
        head.lemma_.lower() in lex.words("measure_quantity_nouns")
        or head.lemma_.lower() in lex.words("measure_flow_nouns")
        or head.lower_ in world_quantifiers
    ):
        of = [
            g
            for c in head.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj" and not g.like_num and g.pos_ != "NUM" and g.lower_ != "$"
        ]
        if not of:
            break
        if head.lower_ not in world_quantifiers:
            flows.append(head)
        # "each of the three countries" counts named partners: no quantifier of every origin
        counted = any(c.dep_ == "nummod" for c in of[0].children)
        quantified = quantified or (head.lower_ in world_quantifiers and not counted)
        head = of[0]
    head = _named_members(head, lex)
    earlier = antecedent_goods_noun(head)  # "the model" -> "its Cupra Tavascan model"
    nations = lex.words("measure_world_nouns")
    if earlier is not None and earlier.lemma_.lower() not in nations - {"world"}:
        head = earlier
    tokens = _hyphenated(_phrase_tokens(head, lex.words("measure_other_measure_nouns")))
    spans = place_spans(tokens, lex)
    place_ids = {k for _, _, a, b in spans for k in range(a, b)}
    targets = [iso for iso, kind, _, _ in spans if kind != "region"]
    if head.lemma_.lower() in lex.words("measure_relation_nouns"):
        targets = []  # "U.S. trading partners", "America's allies": whose partners, not whom
    # "products from Mexico", and "goods imported from Japan and South Korea" (a participle)
    holders = [*tokens, *flows, *(c for t in tokens for c in t.children if c.dep_ == "acl")]
    whole_origin = False
    for prep in (c for t in holders for c in t.children if c.dep_ == "prep"):
        objects = [g for g in prep.children if g.dep_ == "pobj"]
        if prep.lower_ in {"from", "through"} and objects:
            # "imports from nearly all countries, including Canada": every origin
            whole_origin = whole_origin or any(whole_of_nations(obj, lex) for obj in objects)
            for obj in objects:
                targets += [
                    iso
                    for iso, kind, _, _ in place_spans(_without_exceptions(obj, lex), lex)
                    if kind != "region"
                ]
        if prep.lower_ in lex.words("measure_example_preps") and not whole_of_nations(head, lex):
            # the places the examples name, not one a clause on an example names ("including
            # cars and chips entering the US": the goods' market)
            clauses = {k.i for e in prep.subtree if e.dep_ in {"acl", "relcl"} for k in e.subtree}
            examples = [e for e in prep.subtree if e.i not in clauses]
            listed = [iso for iso, kind, _, _ in place_spans(examples, lex) if kind != "region"]
            if listed:
                targets = listed
    targets = [] if whole_origin else list(dict.fromkeys(targets))
    lemma = head.lemma_.lower()
    # "all countries", "every trading partner", "most trading partners", and "all imports",
    # "foreign imports": the goods of every origin
    everyone = quantified or any(t.lower_ in world_quantifiers for t in head.subtree)
    # "any country", "a country that buys ...": a generic origin stands for every one
    generic = any(
        c.dep_ == "det" and c.lower_ in lex.words("measure_world_indefinites")
        for c in head.children
    )
    if not targets and (lemma in lex.words("measure_world_rest_nouns") or unnamed(head, lex)):
        # "the rest of the world", "on the rest", "countries not named in the order": the
        # origins a rate was not named for
        return Goods("all goods", (), True)
    named_world = not targets and (
        whole_origin
        or (lemma in nations and (lemma == "world" or everyone or generic))
        or (
            lemma in lex.words("measure_flow_nouns")
            and (
                everyone
                or any(c.lower_ == "foreign" for c in head.children)
                or _bound_for_importer(head, lex)
            )
        )
    )
    world = named_world or (
        not targets and any(c.lower_ == "imported" and c.dep_ == "amod" for c in head.children)
    )
    unsourced = world and not named_world
    if head.i in place_ids or lemma in nations:
        return Goods("all goods", tuple(targets), world, unsourced=unsourced)
    words = [
        t
        for t in tokens
        if t.i not in place_ids
        and t.lower_ not in lex.words("measure_determiners")
        and not t.like_num
        and t.pos_ not in {"DET", "PRON", "PART"}
        and t.dep_ not in {"quantmod", "nummod", "advmod", "npadvmod"}
        and t.lower_ not in {"'s", "’s", "%"}
        and t.lower_ not in lex.words("measure_tariff_words")
    ]
    quantifiers = [t.lower_ for t in tokens if t.lower_ in lex.words("measure_some_goods")]
    content = [
        t
        for t in words
        if t.lower_ not in lex.words("measure_not_products")
        and t.lower_ not in lex.words("measure_some_goods")
    ]
    specific = [
        t
        for t in content
        if t.is_alpha
        and t.lemma_.lower() not in lex.words("measure_generic_goods")
        and t.lower_ not in lex.words("measure_generic_goods")
        and t.lemma_.lower() not in lex.words("measure_reasons")
        and t.lower_ not in {"and", "or"}
    ]
    narrowing = [
        c
        for c in head.children
        if c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in lex.words("measure_narrowing")
    ]
    if narrowing:  # "goods that fall under the USMCA", "goods not covered by the USMCA"
        clause = list(narrowing[0].subtree)
        phrase = phrase_text(head.doc, min(t.idx for t in tokens), clause[-1].idx + len(clause[-1]))
        return Goods(phrase, tuple(targets), world, unsourced=unsourced)
    if not specific:
        products = f"{quantifiers[0]} goods" if quantifiers else "all goods"
        return Goods(products, tuple(targets), world, unsourced=unsourced)
    heads = [head, *head.conjuncts]
    # a word the parser split at its hyphen ("trans-shipments") is headed by its last part
    heads += [t.doc[t.i + 2] for t in heads if t.i + 2 < len(t.doc) and t.doc[t.i + 1].text == "-"]
    named = [
        w
        for t in heads
        if t.ent_type_ != "PERSON" and not is_person_name(t.text, lex)
        for w in (t.lower_, t.lemma_)
    ]
    if not names_goods(named, [t.lower_ for t in specific], lex):
        # "no room for complacency over the 20% tariff": a phrase whose head names no goods
        # is not the rate's goods; the rate is on all of them
        return Goods("all goods", tuple(targets), world, unsourced=unsourced)
    # "a 50% tariff on copper imports", "imports of semifinished copper products": named goods
    # imported from no country named are imported from every one (but "its copper imports",
    # "these imports" are someone's)
    world = world or (not targets and _unsourced_imports([*flows, head], lex))
    unsourced = world and not named_world
    rest = any(
        t.dep_ == "conj"
        and any(c.lower_ == "other" for c in t.children)
        and any(c.lower_ in {"all", "every", "any"} for c in t.children)
        for t in tokens
    )
    return Goods(_join(content) or "all goods", tuple(targets), world, rest, unsourced)


def _without_exceptions(token: Token, lex: Lexicon) -> list[Token]:
    """A phrase without its exceptions ("every country except Canada and Mexico") and without
    the examples of a whole ("nearly all countries, including Canada": :func:`whole_of_nations`)."""
    excepts = lex.words("measure_except_preps")
    examples = lex.words("measure_example_preps") if whole_of_nations(token, lex) else frozenset()
    return pruned_subtree(
        token, lambda c: not (c.dep_ == "prep" and (c.lower_ in excepts or c.lower_ in examples))
    )


def whole_of_nations(head: Token, lex: Lexicon) -> bool:
    """A nation noun quantified as a whole ("all countries", "nearly all trading partners",
    "every nation"): the countries it then lists ("including Canada") are examples of every
    origin, not the rate's target."""
    return head.lemma_.lower() in lex.words("measure_world_nouns") and any(
        c.dep_ in {"det", "amod", "predet", "nummod"}
        and c.lower_ in lex.words("measure_whole_quantifiers")
        for c in head.children
    )


def _bound_for_importer(head: Token, lex: Lexicon) -> bool:
    """'the baseline tariff of 10 per cent on imports to the US': an import noun that names
    the country the goods go into, and no owner, is the imports of every origin."""
    owners = lex.words("measure_owning_determiners")
    if head.lemma_.lower() not in lex.words("measure_world_flow_nouns") or any(
        c.dep_ == "poss" or c.lower_ in owners for c in head.children
    ):
        return False
    return any(
        kind in {"country", "capital", "institution"}
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in lex.words("measure_importer_preps")
        for _, kind, _ in country_of_phrase(prep.subtree, lex)
    )


def _unsourced_imports(heads: list[Token], lex: Lexicon) -> bool:
    """Some head is an import noun that no possessor or demonstrative makes someone's."""
    owners = lex.words("measure_owning_determiners")
    return any(
        head.lemma_.lower() in lex.words("measure_world_flow_nouns")
        and not any(c.dep_ == "poss" or c.lower_ in owners for c in head.children)
        for head in heads
    )


def phrase_text(doc: Doc, start: int, end: int) -> str:
    """Lower-case text of a character range, determiners at the start dropped."""
    text = " ".join(doc_text(doc)[start:end].split()).lower()
    for det in ("any ", "the ", "a ", "an ", "all "):
        if text.startswith(det):
            text = text[len(det) :]
    return text


def _own_subtree(token: Token) -> list[Token]:
    """The token and its dependents, without coordinated phrases ("A and 40% on B")."""
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if c.dep_ not in {"conj", "cc"})
    return out


def freed_share(rate: Span, lex: Lexicon) -> tuple[Token, Token] | None:
    """The tariff noun and the goods of a share of goods whose tariffs a verb removes
    ("eliminate tariffs on 99% of US goods", "remove 95% of its tariff barriers"): the share is
    a zero rate on them. None when the rate is no such share."""
    doc = rate.doc
    if rate.end >= len(doc) or doc[rate.end].lower_ != "of":
        return None
    freeing = lex.words("measure_freeing_verbs")
    tariff: Token | None = None
    for token in rate.root.ancestors:
        if token.pos_ in {"VERB", "AUX"}:
            if token.lemma_.lower() not in freeing:
                return None
            if tariff is None:  # "eliminate tariffs on 99% of ...": the verb's object
                tariff = next(
                    (
                        c
                        for c in token.children
                        if c.dep_ == "dobj" and c.lower_ in lex.words("measure_tariff_words")
                    ),
                    None,
                )
            if tariff is None:  # "remove 95% of tariff barriers": the tariff is in the share
                tariff = next(
                    (
                        t
                        for t in doc[rate.end].subtree
                        if t.lower_ in lex.words("measure_tariff_words")
                    ),
                    None,
                )
            goods = next((c for c in doc[rate.end].children if c.dep_ == "pobj"), None)
            if tariff is None or goods is None:
                return None
            return tariff, goods
        if tariff is None and token.lower_ in lex.words("measure_tariff_words"):
            tariff = token
    return None


def multiplied_from(rate: Span, value: float, lex: Lexicon) -> float | None:
    """'doubled the tariff to 50%' starts from 25%; 'tripled to 30%' from 10%; 'halved to
    10%' from 20%."""
    head = rate.root.head
    if head.lower_ != "to":
        return None
    lemma = head.head.lemma_.lower()
    for name, factor in (
        ("measure_doubling_verbs", 2.0),
        ("measure_tripling_verbs", 3.0),
        ("measure_halving_verbs", 0.5),
    ):
        if lemma in lex.words(name):
            return round(value / factor, 3)
    return None


def transshipped(rate: Span, noun: Token, lex: Lexicon) -> bool:
    """The rate is on goods shipped through a country to hide their origin: a transshipment
    word in the tariff's own phrase ("40% on transshipped goods") or in the subject of the verb
    that lays the rate on it ("goods transshipped through X will face 40%", "any
    transshipment will be hit with a 40% levy")."""
    words = lex.words("measure_transship_words")
    # the parser may make the participle the head ("Products transshipped ... will face"
    # read as "transshipped" governing "face"): the verbs right above count too
    above = [t for t in list(noun.ancestors)[:3] if t.pos_ == "VERB"]
    tokens = _own_subtree(noun) + _own_subtree(rate.root) + above
    verb = next((t for t in noun.ancestors if t.pos_ in {"VERB", "AUX"}), None)
    if verb is not None:
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                tokens += _own_subtree(child)
    return any(t.lower_ in words for t in tokens)


def receiving_clause(rate: Span, noun: Token, lex: Lexicon) -> Token | None:
    """The verb of the rate's own clause when that clause says who receives the rate and the
    tariff noun found for it stands in another clause ("X will lower its duties to 8%, while
    goods from Y will face 10%": the 10% is what Y's goods face, not X's duty): a receiving
    verb ("face", "pay") with a subject of its own, the noun outside the verb's phrase."""
    verb = rate.root.head
    # Token objects are made anew on each access: compare positions, never identity
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        if verb.i == noun.i:
            return None  # the rate's phrase holds the noun: "a 10% tariff"
        verb = verb.head
    if verb.lemma_.lower() not in lex.words("measure_target_subject_verbs"):
        return None
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or noun in subject.subtree or noun in verb.subtree:
        return None
    return verb


def rate_verb(rate: Span, lex: Lexicon) -> Token | None:
    """The verb that lays a rate with no tariff noun: "cars will be taxed at 15%", "duties
    capped at 10%" (the noun then is the verb's subject)."""
    head = rate.root.head
    if head.lower_ != "at" or head.dep_ != "prep":
        return None
    verb = head.head
    if verb.pos_ == "VERB" and verb.lemma_.lower() in lex.words("measure_rate_verbs"):
        return verb
    return None
