"""The ``tariffscope_measures`` component: tariff measures with rates, countries, goods, status.

For every percent rate that belongs to a tariff word (:func:`anchor_noun`: a tariff, duty,
levy or rate within five dependency arcs) and is not a share ("25% of the profits"), a total
("bringing the total to 50%"), a range or percentage points, the component reads:

- the *from-rate*: the partner of a from/to pair (:func:`tariffscope.news.rates.pair_rates`),
  or an earlier rate in the subject of a change verb ("the current 39% tariff could drop to
  15%");
- *goods and target*: the object of "on/against/for" next to the rate or its tariff noun
  ("on Japanese auto imports", "on India", "on several European countries, including
  Denmark, the UK, and France"), else the goods words before the tariff noun ("canola seed
  duties", "Japanese car tariffs"); general goods give "all goods";
- the *imposer*: a country or capital before the tariff noun ("US tariffs", "Washington's
  25% tariffs"), the agent ("imposed by the U.S. government"), the subject of the verb
  ("China has set", "Canada will allow", a person's country for "Trump has slapped"), or the
  importer of "exports to the US"; the subject of "pay" or "face" is the target instead;
- the *effective date*: a day-precise date in the same clause after "on", "from",
  "starting", "effective", "as of", "by"; "The move, to take effect Aug. 27" in a following
  sentence dates the article's lead measure;
- the *status* from the sentence's grammar (see :func:`measure_status`).

Missing countries come from the article: a measure without a target takes the targets of the
measure before it in the paragraph, else the article's most-named country other than the
imposer; a missing imposer is the United States when the article is about the United States
and the target is another country, else the other most-named country. Mentions of one
measure are merged, and a threat that a deal replaces becomes that deal's from-rate.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from tariffscope.news._anaphora import antecedent_tariff_object
from tariffscope.news._component import LexiconComponent
from tariffscope.news._measure_parts import (
    CUT_VERBS,
    NARROWING,
    TARIFF_WORDS,
    Goods,
    anchor_noun,
    country_of_phrase,
    doc_text,
    goods_of,
    place_spans,
    tree_distance,
)
from tariffscope.news._persons import article_countries, layout
from tariffscope.news._syntax import direction, governing_verb, subject_of
from tariffscope.news.lexicon import Lexicon
from tariffscope.news.measure_context import confirm_deals, is_history
from tariffscope.news.measure_status import deal_words, measure_status
from tariffscope.news.products import product_class
from tariffscope.news.rates import RateMention, find_rates, pair_rates

__all__ = ["MeasureComponent", "make_measure_component"]

_EFFECTIVE_PREPS = frozenset(
    {"on", "from", "starting", "beginning", "effective", "effective from", "as of", "by"}
)
_ANNOUNCE = frozenset(
    {
        "say",
        "announce",
        "tell",
        "warn",
        "write",
        "post",
        "threaten",
        "sign",
        "unveil",
        "reveal",
        "report",
        "add",
        "note",
        "state",
    }
)
_TARGET_SUBJECT_VERBS = frozenset({"pay", "face", "receive", "get", "see"})
_IMPOSE_VERBS = frozenset(
    [
        "impose",
        "set",
        "levy",
        "slap",
        "place",
        "put",
        "apply",
        "raise",
        "hike",
        "increase",
        "cut",
        "reduce",
        "lower",
        "remove",
        "lift",
        "rescind",
        "scrap",
        "suspend",
        "maintain",
        "keep",
        "allow",
        "announce",
        "add",
        "charge",
        "collect",
        "introduce",
        "exempt",
        "waive",
        "grant",
        "halve",
        "slash",
        "extend",
        "threaten",
        "hit",
        "give",
        "offer",
        "drop",
        "eliminate",
        "double",
        "triple",
        "adopt",
        "enact",
        "sign",
        "order",
    ]
)
_NOT_GOODS = frozenset(
    [
        "import",
        "export",
        "trade",
        "retaliatory",
        "reciprocal",
        "punitive",
        "countervailing",
        "anti-dumping",
        "antidumping",
        "dumping",
        "new",
        "extra",
        "additional",
        "higher",
        "high",
        "steep",
        "broad",
        "broader",
        "general",
        "current",
        "fresh",
        "provisional",
        "preliminary",
        "blanket",
        "secondary",
        "baseline",
        "flat",
        "total",
        "combined",
        "overall",
        "across",
        "board",
        "across-the-board",
        "minimum",
        "maximum",
        "fentanyl",
        "retaliation",
        "reciprocity",
        "tit",
        "tat",
    ]
)
_ELIMINATE = frozenset(["eliminate", "abolish", "scrap", "remove", "drop"])
_DEAL_NOUNS = frozenset(["deal", "agreement", "pact", "framework", "accord", "treaty", "truce"])
_DEAL_VERBS = frozenset(["reach", "strike", "seal", "agree", "conclude", "finalize", "finalise"])
_DATE_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "today",
        "tomorrow",
        "yesterday",
    ]
)
_HIT_VERBS = frozenset({"hit", "target", "slap", "punish", "sanction"})
_RISE_VERBS = frozenset({"rise", "increase", "raise", "jump", "climb", "go", "hike"})
_TOTAL_WORDS = frozenset({"total", "combined", "cumulative", "overall"})
_SHARE_NEXT = frozenset({"of"})
_EFFECT_WORDS = (
    "take effect",
    "takes effect",
    "took effect",
    "taking effect",
    "retroactive to",
    "effective",
    "effective from",
    "come into force",
    "comes into force",
    "kick in",
    "kicks in",
    "go into effect",
    "goes into effect",
    "went into effect",
    "starting",
    "from",
)


def _published(doc: Doc) -> dt.date | None:
    value = (doc._.tariffscope_meta or {}).get("published")
    return dt.date.fromisoformat(value) if value else None


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


class MeasureComponent(LexiconComponent):
    """Find tariff measures (writes ``doc._.tariffscope_measures``)."""

    def annotate(self, doc: Doc) -> None:
        """Read every tariff rate of the article into merged measure records."""
        lex = self.lexicon
        anchor = _published(doc)
        persons = doc._.tariffscope_persons or []
        dates = doc._.tariffscope_dates or []
        skip, self._headlines = layout(doc)
        self._text = text = doc.text
        rates = find_rates(text)
        bounds = [(s.start_char, s.end_char) for s in doc.sents]
        pair_rates(text, rates, bounds)
        mentions = sorted(
            (m["start"], m["end"], m["person"]) for m in doc._.tariffscope_mentions or []
        )
        raw: list[dict[str, Any]] = []
        for k, rate in enumerate(rates):
            if rate.role != "to":
                continue
            span = doc.char_span(rate.start, rate.end, alignment_mode="expand")
            if span is None or self._not_a_tariff(doc, span):
                continue
            noun = anchor_noun(span)
            if noun is None:
                continue
            record = self._read(
                doc, span, noun, rate, rates, k, persons, mentions, dates, anchor, lex
            )
            if record is not None:
                raw.append(record)
                if record.pop("rest"):  # "on Autos, Lumber, Pharma, and all other TARIFFS"
                    raw.append({**record, "products": "all goods"})
        raw += self._rateless(doc, raw, persons, mentions, lex)
        raw.sort(key=lambda r: r["start"])
        confirm_deals(doc, raw)
        self._cross_sentence_dates(doc, raw, dates, anchor)
        pair = article_countries(doc, persons, skip, lex)
        measures = self._finish(raw, pair, anchor)
        doc._.tariffscope_measures = measures

    # -- one rate -----------------------------------------------------------------------------
    def _not_a_tariff(self, doc: Doc, span: Span) -> bool:
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in _SHARE_NEXT and span.text.lower() != "free":
            return True  # "25% of the profits" (but "free of tariffs" is a rate)
        window = doc[max(span.sent.start, span.start - 8) : span.start]
        return any(t.lower_ in _TOTAL_WORDS for t in window)

    def _read(
        self,
        doc: Doc,
        span: Span,
        noun: Token,
        rate: RateMention,
        rates: list[RateMention],
        k: int,
        persons: list[dict[str, Any]],
        mentions: list[tuple[int, int, int]],
        dates: list[dict[str, Any]],
        anchor: dt.date | None,
        lex: Lexicon,
    ) -> dict[str, Any] | None:
        from_rate = rates[rate.partner].value if rate.partner is not None else None
        if from_rate is None:
            from_rate = self._implicit_from(doc, span, rates, k)
        goods, extra_imposer = self._goods(doc, span, noun, lex)
        imposer, subject_target = self._imposer(doc, span, noun, persons, mentions, lex)
        imposer = imposer or extra_imposer
        targets = list(goods.targets) or ([subject_target] if subject_target else [])
        if imposer in targets and len(targets) > 1:
            targets.remove(imposer)
        current = any(
            c.lower_ in {"currently", "current", "existing"}
            for c in [*span.root.children, *noun.children]
        )
        # "tariffs on cars, currently 27.5%, will be cut to 15% retroactive to August 1": the
        # date belongs to the cut, not to the rate collected now
        effective = None if current else self._effective(doc, span, noun, dates)
        pending = effective is not None or self._pending_date(doc, span, noun, dates)
        status = measure_status(
            span, noun, from_rate, rate.value, effective, anchor, pending=pending, dates=dates
        )
        head = span.root.head
        rise = head.lower_ == "to" and head.head.lemma_.lower() in _RISE_VERBS
        cut = head.lower_ == "to" and head.head.lemma_.lower() in CUT_VERBS
        return {
            "rise": rise and from_rate is None,
            "cut": cut and from_rate is None,
            "imposer": imposer,
            "targets": targets,
            "world": goods.world,
            "products": goods.products,
            "rest": goods.rest,
            "from_rate": from_rate,
            "to_rate": rate.value,
            "effective_date": effective,
            "status": status,
            "history": is_history(span, noun),
            "start": span.start_char,
            "headline": self._in_headline(doc, span),
            "end": span.end_char,
            "sent": span.sent.start_char,
            "paragraph": self._text.rfind("\n", 0, span.start_char),
        }

    def _implicit_from(
        self, doc: Doc, span: Span, rates: list[RateMention], k: int
    ) -> float | None:
        """'the current 39% tariff could drop to 15%': the rate in the subject of the change."""
        head = span.root.head
        if head.lower_ != "to" or k == 0:
            return None
        verb = head.head
        if verb.lemma_.lower() not in CUT_VERBS | {"rise", "increase", "jump", "climb", "raise"}:
            return None
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        previous = rates[k - 1]
        for subject in subjects:
            left, right = subject.left_edge.idx, subject.right_edge.idx + len(subject.right_edge)
            if left <= previous.start < right and previous.role == "to":
                previous.role = "from"
                return previous.value
        return None

    def _goods(self, doc: Doc, span: Span, noun: Token, lex: Lexicon) -> tuple[Goods, str | None]:
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
                    if c.dep_ == "prep" and c.lower_ in {"on", "against", "for"}
                ),
                key=lambda c: abs(c.i - span.root.i),
            )
            for prep in preps:
                objects = [g for g in prep.children if g.dep_ == "pobj"]
                if not objects:
                    continue
                obj = objects[0]
                if (
                    obj.i in in_rate
                    or obj.lower_ in TARIFF_WORDS
                    or obj.lemma_.lower() in {"top", "day", "year", "month", "week", "now"}
                    or obj.lower_ in _DATE_WORDS
                    or obj.ent_type_ in {"DATE", "TIME"}
                ):
                    continue  # "comes into force on Thursday": a date, not goods
                return goods_of(obj, lex), self._importer(obj, lex)
        # "allow 49,000 vehicles into the market at a 6.1% tariff rate"
        if noun.head.lower_ == "at" and noun.head.head.pos_ == "VERB":
            verb_at = noun.head.head
            objects = [c for c in verb_at.children if c.dep_ in {"dative", "iobj"}]
            objects += [c for c in verb_at.children if c.dep_ in {"dobj", "obj"}]
            if objects and objects[0].lemma_.lower() in {"access", "entry"}:
                # "give U.S. products access to its market at zero tariffs": the products
                owners = [c for c in objects[0].children if c.dep_ in {"compound", "nmod"}]
                objects = owners or objects
            if objects and objects[0].lower_ not in TARIFF_WORDS:
                return goods_of(objects[0], lex), None
        faced = self._goods_that_face(noun, lex)
        if faced is not None:
            return faced, None
        rate_verb = governing_verb(span.root)
        if rate_verb is not None and rate_verb.lemma_.lower() in {"remain", "be", "stay", "stand"}:
            subject = next((c for c in rate_verb.children if c.dep_ == "nsubj"), None)
            if subject is None:
                subject = _noun_run_before(rate_verb)  # "..., and Canadian steel and aluminum
                # are subject to 50% duties" parsed without a subject
            if subject is not None and subject.lower_ in {"which", "that", "who"}:
                # the antecedent of "which" is the noun right before it
                before = doc[subject.i - 1] if subject.i > 0 else None
                subject = (
                    before if before is not None and before.pos_ in {"NOUN", "PROPN"} else None
                )
                while subject is not None and subject.dep_ == "conj":
                    subject = subject.head
            if (
                subject is not None
                and subject.lower_ not in TARIFF_WORDS
                and (subject.pos_ in {"NOUN", "PROPN"})
                and not lex.place_code(subject.text)
            ):
                return goods_of(subject, lex), None
        if verb is not None and verb.lemma_.lower() in _HIT_VERBS:
            objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
            if objects:
                return goods_of(objects[0], lex), None
        restricted = self._restricted_goods(noun, lex)
        if restricted is not None:
            return restricted, None
        fallback = self._goods_before_noun(span, noun, lex)
        if fallback.products == "all goods" and not fallback.targets:
            # "the 10% import levies" after "a review of tariffs on whisky": the same goods
            earlier = antecedent_tariff_object(noun, TARIFF_WORDS)
            if earlier is not None:
                found = goods_of(earlier, lex)
                if product_class(found.products)[0] == "specific":
                    return found, None
        return fallback, None

    def _goods_that_face(self, noun: Token, lex: Lexicon) -> Goods | None:
        """'Canadian goods that do not qualify under the USMCA already face a 35% tariff': the
        subject of "face" / "pay" is the goods, unless it is a place or a person."""
        verb = governing_verb(noun)
        if verb is None or verb.lemma_.lower() not in _TARGET_SUBJECT_VERBS:
            return None
        subject = subject_of(verb)
        if (
            subject is None
            or subject.pos_ not in {"NOUN", "PROPN"}
            or subject.lower_ in TARIFF_WORDS
            or subject.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
            or lex.place_code(subject.text)
        ):
            return None
        head = subject.head
        if (
            subject.dep_ == "nsubj"
            and head.i != verb.i
            and head.pos_ == "VERB"
            and head.lemma_.lower() in NARROWING
        ):
            # the parser made "Goods shipped through Vietnam ... will face" a clause: the goods
            # are the words before the verb that faces the tariff
            first = min([verb.i, *(c.i for c in verb.children if c.dep_ == "aux")])
            tokens = [t for t in head.doc[subject.left_edge.i : first] if not t.is_punct]
            if tokens:
                goods = goods_of(subject, lex)
                text = doc_text(head.doc, tokens[0].idx, tokens[-1].idx + len(tokens[-1]))
                targets = [
                    iso for iso, kind, _ in country_of_phrase(tokens, lex) if kind != "region"
                ]
                return Goods(text, tuple(dict.fromkeys(targets)) or goods.targets, goods.world)
        return goods_of(subject, lex)

    def _restricted_goods(self, noun: Token, lex: Lexicon) -> Goods | None:
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
            or head.lower_ in TARIFF_WORDS
            or head.lemma_.lower() in {"country", "nation", "partner", "economy", "time", "day"}
        ):
            return None
        if head.i + 1 < len(head.doc) and head.doc[head.i + 1].text == ",":
            return None  # "imports, which face a 25% duty": not restrictive
        goods = goods_of(head, lex)
        if product_class(goods.products)[0] == "all":
            return Goods("some goods", goods.targets, goods.world)
        return goods

    def _goods_before_noun(self, span: Span, noun: Token, lex: Lexicon) -> Goods:
        """ "canola seed duties", "Japanese car tariffs": goods words before the tariff noun."""
        tokens: list[Token] = []
        for child in noun.children:
            if child.dep_ in {"compound", "amod", "nmod"} and child.i < noun.i:
                tokens += [t for t in child.subtree if t.i not in range(span.start, span.end)]
        tokens = [
            t
            for t in tokens
            if not t.like_num
            and t.lower_ not in {"%", "percent", "per", "cent"}
            and t.lower_ not in TARIFF_WORDS
        ]
        places = place_spans(tokens, lex)
        place_ids = {k for _, _, a, b in places for k in range(a, b)}
        targets = [
            iso for iso, kind, a, _ in places if kind == "demonym" and self._modifies_goods(noun, a)
        ]
        words = [
            t
            for t in tokens
            if t.i not in place_ids
            and t.pos_ in {"NOUN", "PROPN", "ADJ"}
            and t.lower_ not in _NOT_GOODS
        ]
        if not words:
            return Goods("all goods", tuple(targets))
        text = " ".join(t.text for t in sorted(words, key=lambda t: t.i)).lower()
        return Goods(text, tuple(targets))

    def _modifies_goods(self, noun: Token, index: int) -> bool:
        """A demonym that describes the goods ("Japanese car tariffs"), not the tariff
        ("Chinese tariffs"): a goods word follows it before the tariff noun."""
        doc = noun.doc
        for token in doc[index + 1 : noun.i]:
            if (
                token.pos_ == "NOUN"
                and token.lower_ not in _NOT_GOODS
                and (token.lower_ not in TARIFF_WORDS)
            ):
                return True
        return False

    def _importer(self, head: Token, lex: Lexicon) -> str | None:
        """'exports to the US': the importing country imposes."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in {"to", "into"}:
                places = country_of_phrase(prep.subtree, lex)
                if places:
                    return places[0][0]
        return None

    def _imposer(
        self,
        doc: Doc,
        span: Span,
        noun: Token,
        persons: list[dict[str, Any]],
        mentions: list[tuple[int, int, int]],
        lex: Lexicon,
    ) -> tuple[str | None, str | None]:
        # a country or a person before the tariff noun: "US tariffs", "Trump's tariffs"
        demonym: str | None = None
        for child in noun.children:
            if child.i > noun.i or child.dep_ not in {"poss", "compound", "amod", "nmod"}:
                continue
            if child.i in range(span.start, span.end):
                continue
            for iso, kind, index in country_of_phrase(child.subtree, lex):
                if kind in {"country", "capital", "institution"}:
                    return iso, None
                if kind == "demonym" and not self._modifies_goods(noun, index):
                    demonym = demonym or iso
            person = self._person_country(child, persons, mentions)
            if person:
                return person, None
        # "the 40% tariff imposed by the U.S. government", "tariffs announced by Trump"
        for verb in [c for c in noun.children if c.dep_ == "acl"] + [governing_verb(noun)]:
            if verb is None:
                continue
            for agent in (c for c in verb.children if c.dep_ == "agent"):
                for obj in (g for g in agent.children if g.dep_ == "pobj"):
                    code = self._code_of(obj, persons, mentions, lex)
                    if code is not None:
                        return code, None
        # the subject of an imposing verb ("China has set", "I am hereby increasing" in a
        # quotation: the speaker), before a demonym ("South Korean TARIFFS on Autos")
        verb = governing_verb(noun)
        if verb is not None:
            lemma = verb.lemma_.lower()
            if lemma in _IMPOSE_VERBS | _TARGET_SUBJECT_VERBS:
                subject = subject_of(verb, passive=False)
                if subject is not None and verb.dep_ == "acl" and subject.i == verb.head.i:
                    # "the letter sent by Trump announcing 50% tariffs": the letter's sender;
                    # "Trump signed an order imposing a 25% tariff": the order's signer
                    own = self._owner_code(subject, verb, persons, mentions, lex)
                    if own is not None:
                        return own, None
                    upper = governing_verb(subject.head) if subject.head.i != subject.i else None
                    subject = None if upper is None else subject_of(upper, passive=False)
                if subject is not None and subject.lemma_.lower() in _DEAL_NOUNS:
                    subject = None  # "an agreement with Vietnam that will set a 20% tariff"
                if subject is not None and subject.lower_ in {"he", "she"}:
                    subject = self._reporter(verb) or subject
                code = None
                if subject is not None and subject.lower_ in {"i", "we"}:
                    code = self._speaker_country(subject, persons)
                elif (
                    subject is not None
                    and subject.i not in range(span.start, span.end)
                    and (subject.i != noun.i)
                ):
                    code = self._code_of(subject, persons, mentions, lex)
                if code is not None:
                    if lemma in _TARGET_SUBJECT_VERBS:
                        return None, code
                    return code, None
        return demonym, None

    def _owner_code(
        self,
        noun: Token,
        verb: Token,
        persons: list[dict[str, Any]],
        mentions: list[tuple[int, int, int]],
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

    def _speaker_country(self, token: Token, persons: list[dict[str, Any]]) -> str | None:
        """'I' or 'we' inside a quotation: the country of the person quoted."""
        for quote in token.doc._.tariffscope_quotes or []:
            if quote["start"] <= token.idx < quote["end"] and quote.get("speaker"):
                for person in persons:
                    if person["name"] == quote["speaker"] and person.get("country"):
                        return str(person["country"])
        return None

    def _reporter(self, verb: Token) -> Token | None:
        """'Trump said he would impose': the subject of the reporting verb."""
        head = verb.head
        for _ in range(2):
            if head.lemma_.lower() in _ANNOUNCE or head.lemma_.lower() in {"warn", "threaten"}:
                return subject_of(head)
            head = head.head
        return None

    def _code_of(
        self,
        token: Token,
        persons: list[dict[str, Any]],
        mentions: list[tuple[int, int, int]],
        lex: Lexicon,
    ) -> str | None:
        places = country_of_phrase(token.subtree, lex)
        if places and places[0][1] != "region":
            return places[0][0]
        return self._person_country(token, persons, mentions)

    def _person_country(
        self, token: Token, persons: list[dict[str, Any]], mentions: list[tuple[int, int, int]]
    ) -> str | None:
        left = token.left_edge.idx
        right = token.right_edge.idx + len(token.right_edge.text)
        for start, end, person in mentions:
            if start < right and left < end:
                country = persons[person].get("country")
                return str(country) if country else None
        return None

    def _effective(
        self, doc: Doc, span: Span, noun: Token, dates: list[dict[str, Any]]
    ) -> str | None:
        sent = span.sent
        best: tuple[int, str] | None = None
        for d in dates:
            if d["precision"] != "day" or d["date"] is None:
                continue
            if not (sent.start_char <= d["start"] < sent.end_char):
                continue
            date_span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            if date_span is None:
                continue
            prep = d.get("preposition")
            before = self._text[max(sent.start_char, d["start"] - 16) : d["start"]].lower()
            effect = "effect" in before or "retroactive" in before
            if prep not in _EFFECTIVE_PREPS and not effect:
                continue
            verb = governing_verb(date_span.root.head)
            if verb is not None and verb.lemma_.lower() in _ANNOUNCE | _DEAL_VERBS:
                continue  # the day of the report or of the deal, not of the effect
            distance = min(
                tree_distance(date_span.root, span.root), tree_distance(date_span.root, noun)
            )
            if distance > 6:
                continue
            if best is None or distance < best[0]:
                best = (distance, str(d["date"]))
        return None if best is None else best[1]

    def _in_headline(self, doc: Doc, span: Span) -> bool:
        """A rate in a title-case line (headline or bullet), whose grammar is terse."""
        return any(s <= span.start_char < e for s, e in self._headlines)

    def _rateless(
        self,
        doc: Doc,
        raw: list[dict[str, Any]],
        persons: list[dict[str, Any]],
        mentions: list[tuple[int, int, int]],
        lex: Lexicon,
    ) -> list[dict[str, Any]]:
        """Measures that name no rate of their own.

        - "X will no longer be subject to Chinese tariffs": the rate drops to 0 (agreed when it
          lies ahead, else in force);
        - "Mexico won't be required to pay tariffs on goods ...", "exempts X from the tariffs":
          the rate of the latest measure on that country is suspended;
        - "The EU will eliminate its tariffs on U.S. industrial goods": 0%, agreed in a story
          about a deal (a deal word in the sentence, the one before or the lead), else
          proposed.
        """
        out: list[dict[str, Any]] = []
        taken = {r["sent"] for r in raw}
        for sent in doc.sents:
            if sent.start_char in taken:
                continue
            for noun in sent:
                if noun.lower_ not in TARIFF_WORDS or noun.pos_ != "NOUN":
                    continue
                record = self._rateless_one(doc, noun, raw, persons, mentions, lex)
                if record is not None:
                    out.append(record)
                    break
        return out

    def _rateless_one(
        self,
        doc: Doc,
        noun: Token,
        raw: list[dict[str, Any]],
        persons: list[dict[str, Any]],
        mentions: list[tuple[int, int, int]],
        lex: Lexicon,
    ) -> dict[str, Any] | None:
        chain = [noun, *list(noun.ancestors)[:4]]
        lemmas = {t.lemma_.lower() for t in chain}
        clause = [t for t in chain if t.pos_ in {"VERB", "AUX", "ADJ"}]
        negated = any(
            c.dep_ == "neg" or c.lower_ in {"not", "n't", "n’t", "never"}
            for t in clause
            for c in t.children
        )
        no_longer = any(
            c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
            for t in clause
            for c in t.children
        )
        verb = governing_verb(noun)
        subject = None if verb is None else subject_of(verb)
        goods, _ = self._goods(doc, noun.doc[noun.i : noun.i + 1], noun, lex)
        if "subject" in lemmas and no_longer:
            if subject is None:
                return None
            goods = goods_of(subject, lex)
            rate, status = 0.0, "agreed" if direction(verb) > 0 else "in_force"
        elif ("pay" in lemmas and negated) or lemmas & {"exempt", "exemption", "spare"}:
            target = goods.targets[0] if goods.targets else None
            if target is None and subject is not None:
                target = self._code_of(subject, persons, mentions, lex)
            previous = [r for r in raw if target in r["targets"] and r["start"] < noun.idx]
            if target is None or not previous:
                return None
            goods = Goods(goods.products, (target,), goods.world)
            rate, status = previous[-1]["to_rate"], "suspended"
        elif (
            verb is not None
            and verb.lemma_.lower() in _ELIMINATE
            and direction(verb) > 0
            and (goods.targets or goods.products != "all goods")
        ):
            # "The EU will eliminate its tariffs on all U.S. industrial goods": to zero, the
            # deal's term in a story about a deal, else only offered
            sent = noun.sent
            sent_before = doc[sent.start - 1].sent if sent.start > 0 else None
            lead = next(iter(doc.sents))
            in_deal = deal_words(sent, sent_before) or deal_words(lead, None)
            rate, status = 0.0, "agreed" if in_deal else "proposed"
        else:
            return None
        imposer, _ = self._imposer(doc, noun.doc[noun.i : noun.i + 1], noun, persons, mentions, lex)
        return {
            "rise": False,
            "cut": False,
            "imposer": imposer,
            "targets": list(goods.targets),
            "world": goods.world,
            "products": goods.products,
            "from_rate": None,
            "to_rate": rate,
            "effective_date": None,
            "status": status,
            "start": noun.idx,
            "end": noun.idx + len(noun.text),
            "sent": noun.sent.start_char,
            "paragraph": self._text.rfind("\n", 0, noun.idx),
            "headline": False,
        }

    def _pending_date(self, doc: Doc, span: Span, noun: Token, dates: list[dict[str, Any]]) -> bool:
        """A date ahead of the measure ("effective from February 1"), even when unresolved."""
        sent = span.sent
        for d in dates:
            if not (sent.start_char <= d["start"] < sent.end_char):
                continue
            if d.get("preposition") not in {
                "from",
                "starting",
                "beginning",
                "effective",
                "effective from",
                "as of",
            }:
                continue
            if d["date"] is not None and d["precision"] != "day":
                continue
            date_span = doc.char_span(d["start"], d["end"], alignment_mode="expand")
            if (
                date_span is not None
                and min(
                    tree_distance(date_span.root, span.root), tree_distance(date_span.root, noun)
                )
                <= 6
            ):
                return True
        return False

    # -- the article ----------------------------------------------------------------------------
    def _cross_sentence_dates(
        self,
        doc: Doc,
        raw: list[dict[str, Any]],
        dates: list[dict[str, Any]],
        anchor: dt.date | None,
    ) -> None:
        """'The move, to take effect Aug. 27, ...' or 'The new measure is retroactive to
        November 13': a sentence without a measure of its own, or a clause about a tariff
        named without a rate ("The new levy will take effect on August 27"), dates the
        article's lead measure (or, when that has a date, the measure just before)."""
        if not raw:
            return
        with_measures = {r["sent"] for r in raw}
        for sent in doc.sents:
            own = sent.start_char in with_measures
            lower = sent.text.lower()
            found = None
            for d in dates:
                if not (sent.start_char <= d["start"] < sent.end_char) or d["precision"] != "day":
                    continue
                before = lower[: d["start"] - sent.start_char].rstrip()
                if before.endswith((" on", " as of")):  # "will take effect on August 27"
                    before = before.rsplit(" ", 2 if before.endswith(" as of") else 1)[0]
                if own and not self._rateless_subject(doc, d):
                    continue  # a sentence with its own measures dates them
                if d["date"] and before.endswith(_EFFECT_WORDS):
                    found = d["date"]
                    break
            if found is None:
                continue
            earlier = [r for r in raw if r["start"] < sent.start_char]
            if not earlier:
                continue
            target = earlier[0] if earlier[0]["effective_date"] is None else earlier[-1]
            if target["effective_date"] is None:
                target["effective_date"] = found
                later = anchor is None or dt.date.fromisoformat(found) > anchor
                if target["status"] == "in_force" and later:
                    target["status"] = "threatened"

    def _rateless_subject(self, doc: Doc, date: dict[str, Any]) -> bool:
        """'The new levy will take effect on August 27, while a 25% tariff ... comes into force
        on Thursday': the date's clause is about a tariff named without a rate (an earlier
        measure), although the sentence has a measure of its own."""
        span = doc.char_span(date["start"], date["end"], alignment_mode="expand")
        verb = None if span is None else governing_verb(span.root)
        subject = None if verb is None else subject_of(verb, limit=1)
        return (
            subject is not None
            and subject.lower_ in TARIFF_WORDS | {"move", "measure", "measures", "order"}
            and not any(t.like_num or t.lower_ in {"%", "percent"} for t in subject.subtree)
        )

    def _finish(
        self, raw: list[dict[str, Any]], pair: list[str], anchor: dt.date | None
    ) -> list[dict[str, Any]]:
        from tariffscope.news.measure_merge import merge_measures

        return merge_measures(raw, pair, anchor)


@Language.factory(
    "tariffscope_measures",
    assigns=["doc._.tariffscope_measures"],
    requires=["doc._.tariffscope_dates", "doc._.tariffscope_persons", "token.dep"],
    default_config={"lexicon": {"@misc": "tariffscope.lexicon.v1"}},
)
def make_measure_component(nlp: Language, name: str, lexicon: Lexicon) -> MeasureComponent:
    """Factory of ``tariffscope_measures`` (see :class:`MeasureComponent`)."""
    return MeasureComponent(nlp, name, lexicon)
