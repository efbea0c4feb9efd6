"""Whose goods a rate is on: the steps of the target order after the rate's own phrase.

:func:`tariffscope.news._measure_parts.goods_of` reads the goods' owner in the rate's own
phrase ("on Canadian goods", "on imports from X", "on all countries", "on the rest of the
world"). When that phrase names no owner, the target is read, in this order, from

1. the rate's verb frame: the receiver of a verb of laying ("charge X a 19% tariff", "hand X
   a levy": the dative), next to the subject of "pay"/"face" and the passive receiver that
   :mod:`tariffscope.news._measure_imposer` reads;
2. a global marker on the tariff noun ("a global/universal/baseline/across-the-board tariff"):
   every origin, unless the rate's own phrase names a country;
3. the rate's sentence: a reference to countries by count ("both countries", "all three
   countries": the story's main partners), else the one country it names by name besides the
   imposer, or, naming several, the one nearest the rate in the parse (:func:`nearest_place`,
   when strictly nearest), leaving out a country whose relative clause holds a rate of its
   own ("behind only Singapore, which enjoys a 10% rate"), or, naming none, a global marker
   on any tariff word of the sentence, or a limit stated for tariffs in general ("tariffs
   cannot exceed 15%": every origin);
4. the story's main partner (:func:`main_partner`), and only when the story has one: a rate
   whose owner is named nowhere near it, in a story about several partners, gets no target
   (no measure rather than a wrong one).

Imports named from nowhere ("tariffs on imported cars", "copper imports") read as every
origin at step 2 of the phrase, except for a rate a deal sets
(:func:`narrowed_by_deal`, rule ``target.deal_narrows_unsourced_imports``): a deal's tariff
cut is on its partner's goods, so such a rate goes on to steps 3 and 4.

Pure functions over tokens and counts; the word lists are the lexicon's ``measure_*`` entries.

:class:`TargetChooser` (the component's ``target_chooser`` setting) can hand the choice to
the learned model of :mod:`tariffscope.news._measure_target_model` instead: ``"rules"`` (the
order above), ``"model"`` (the model picks among the story's countries and ``WLD`` for every
rate), ``"fallback"`` (the model picks only where the rate's phrase and frame name no owner:
steps 3 and 4) or ``"story"`` (the component's default: the model picks only where the
rules' answer comes from the story, step 4, and only when its most likely candidate leads
the next by :data:`STORY_MARGIN`; otherwise the rules' answer stands, "none" included). The
merge labels each rate with the step that answered (``record["target_step"]``,
:data:`tariffscope.news.measure_merge.STORY_STEPS`); ``tools/target_steps.py`` counts the
rules' and the model's choices per step, which is why "story" hands over step 4 alone
(docs/extraction.md, round 10).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import ClassVar

from spacy.tokens import Span, Token

from tariffscope.errors import InputError
from tariffscope.news._learned_setting import LearnedSetting, Setting
from tariffscope.news._measure_parts import (
    country_of_phrase,
    place_spans,
    tree_distance,
    whole_of_nations,
)
from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news._measure_target_model import (
    FEATURE_NAMES,
    TargetModel,
    finish,
    resolved,
    shipped_model,
)
from tariffscope.news.lexicon import Lexicon

__all__ = [
    "DEAL_RULE",
    "DEAL_STATUSES",
    "MODEL_STEPS",
    "STORY_MARGIN",
    "TARGET_CHOOSERS",
    "TargetChooser",
    "counted_reference",
    "frame_receivers",
    "generic_cap",
    "laying_source",
    "main_partner",
    "main_partners",
    "narrowed_by_deal",
    "nearest_place",
    "sentence_places",
    "sentence_world_marked",
    "world_marked",
]

#: Dependency labels of a modifier that can carry a global marker ("global", "across-the-board").
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "advmod"})


def _phrase_text(token: Token) -> str:
    """A modifier's words joined without spaces ("across-the-board")."""
    return "".join(t.text for t in token.subtree).lower()


def world_marked(
    nouns: Iterable[Token], lex: Lexicon, rate: Token | None = None, *, origins: bool = False
) -> bool:
    """A modifier of one of ``nouns`` is a global marker ("a 10% global tariff", "a universal
    levy"); a hyphenated marker is read whole, also where the parser hangs it on the ``rate``
    as a preposition ("a 12 per cent across-the-board tariff"). With ``origins``, only a
    marker of every origin counts: "blanket" and "across-the-board" say every good of whoever
    pays ("X's imports were subject to a 46% blanket tariff"), not every country."""
    markers = lex.words("measure_world_words")
    if origins:
        markers = markers - lex.words("measure_world_words_goods_only")
    if any(
        child.dep_ in _MODIFIER_DEPS and (child.lower_ in markers or _phrase_text(child) in markers)
        for noun in nouns
        for child in noun.children
        if child.i < noun.i
    ):
        return True
    return rate is not None and any(
        len(list(child.subtree)) > 1 and _phrase_text(child) in markers for child in rate.children
    )


def frame_receivers(noun: Token, lex: Lexicon) -> list[str]:
    """The countries that receive a rate laid by a verb whose object is the tariff noun ("the
    US will charge Malaysia and Laos a 19% tariff": the first of the two objects names them),
    or told of a verb whose subject is the tariff noun, in a list after a preposition of
    receiving (``measure_target_subject_preps``), on the verb or on the date it starts ("10%
    tariffs would come into effect on February 1 on Chile, Peru and Ecuador": each of them)."""
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        return _subject_receivers(noun.head, lex)
    if noun.dep_ != "dobj":
        return []
    verb = noun.head
    if verb.lemma_.lower() not in lex.words("measure_target_dative_verbs"):
        return []
    codes = [
        iso
        for child in verb.children
        # the parser labels the first of two objects a dative or a second object
        if child.dep_ == "dative" or (child.dep_ == "dobj" and child.i < noun.i)
        for iso, kind, _ in country_of_phrase(child.subtree, lex)
        if kind != "region"
    ]
    return list(dict.fromkeys(codes))


def _subject_receivers(verb: Token, lex: Lexicon) -> list[str]:
    """The places a preposition of receiving on ``verb`` (or on a date it governs) names as
    its object: the object itself a place, with the places joined to it."""
    preps = lex.words("measure_target_subject_preps")
    codes: list[str] = []
    heads = [verb]
    for head in heads:
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                found = place_spans(obj.subtree, lex)
                if any(start <= obj.i < end for _, _, start, end in found):
                    codes += [iso for iso, kind, _, _ in found if kind != "region"]
                elif obj.ent_type_ in {"DATE", "TIME"} and head.i == verb.i:
                    heads.append(obj)  # "on February 1 on Chile, Peru ...": the date's own
    return list(dict.fromkeys(codes))


def sentence_places(span: Span, noun: Token, lex: Lexicon) -> list[str]:
    """The countries the rate's sentence names outside the rate's own phrase, in order ("Swiss
    watchmakers said the 39% rate would hurt": CHE). The phrase was read first; a country it
    holds but did not take as the owner stays out ("a tariff linked to Russian oil")."""
    own = {t.i for t in noun.subtree} | set(range(span.start, span.end))
    own |= _owners_of_other_rates(span, lex)
    own |= _examples_of_wholes(span.sent, lex)[1]
    outside = [t for t in span.sent if t.i not in own]
    codes = [iso for iso, kind, _ in country_of_phrase(outside, lex) if kind != "region"]
    return list(dict.fromkeys(codes))


def _examples_of_wholes(sent: Span, lex: Lexicon) -> tuple[bool, set[int]]:
    """Whether the sentence names a whole of nations ("all countries", "nearly every trading
    partner": :func:`whole_of_nations`), and the words of the examples it lists ("all
    countries, including Canada, were hit with 25% tariffs"): those name no target of their
    own, the whole is every origin."""
    examples = lex.words("measure_example_preps")
    wholes = [t for t in sent if whole_of_nations(t, lex)]
    words = {
        k.i
        for whole in wholes
        for prep in whole.children
        if prep.dep_ == "prep" and prep.lower_ in examples
        for k in prep.subtree
    }
    return bool(wholes), words


def _owners_of_other_rates(span: Span, lex: Lexicon) -> set[int]:
    """The words of a name whose relative clause holds another rate ("behind only Singapore,
    which enjoys a 10% rate"): that country owns its rate and is no candidate for this one."""
    rate_words = lex.words("person_anaphora_rate_words")
    out: set[int] = set()
    for token in span.sent:
        for clause in (c for c in token.children if c.dep_ == "relcl"):
            inside = {t.i for t in clause.subtree}
            if span.root.i in inside:
                continue
            if any(span.doc[k].lower_ in rate_words for k in inside):
                out |= {t.i for t in token.subtree if t.i not in inside}
    return out


def nearest_place(span: Span, noun: Token, lex: Lexicon) -> str | None:
    """Of the several countries the rate's sentence names outside its own phrase, the one
    nearest the rate in the parse, when it is strictly nearer than every other ("officials
    in X hope to match Y, whose levy fell to 15%": Y, the antecedent of the clause the rate
    is in); None for one country or none, or a tie."""
    own = {t.i for t in noun.subtree} | set(range(span.start, span.end))
    outside = [t for t in span.sent if t.i not in own]
    best: dict[str, int] = {}
    for iso, kind, start, end in place_spans(outside, lex):
        if kind == "region":
            continue
        distance = min(tree_distance(span.root, span.doc[k]) for k in range(start, end))
        best[iso] = min(distance, best.get(iso, distance))
    if len(best) < 2:
        return None
    ranked = sorted(best.values())
    if ranked[0] == ranked[1]:
        return None
    return next(iso for iso, d in best.items() if d == ranked[0])


def laying_source(subject: Token, verb: Token, noun: Token, lex: Lexicon) -> str | None:
    """The country that lays a rate its receiver faces or pays: the importer of the
    receiver's exports ("Thai exports to the US face 19%") or the origin of the tariff ("India
    faces a 25% tariff from Washington"); a demonym is an owner, never a source."""
    importing = lex.words("measure_importer_preps")
    holders = [(subject, importing), (verb, {"from"}), (noun, {"from"})]
    for holder, preps in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for iso, kind, _ in country_of_phrase(prep.subtree, lex):
                if kind in {"country", "capital", "institution"}:
                    return iso
    return None


def counted_reference(span: Span, lex: Lexicon) -> bool:
    """The rate's sentence refers to several countries by count ("both countries", "the two
    nations", "imports from all three countries"): the story's main partners."""
    nouns = lex.words("measure_world_nouns") - {"world"}
    counters = lex.words("measure_world_counters")
    return any(
        (child.dep_ == "nummod" and child.like_num) or child.lower_ in counters
        for token in span.sent
        if token.lemma_.lower() in nouns and token.tag_ in {"NNS", "NNPS"}
        for child in token.children
    )


def sentence_world_marked(span: Span, lex: Lexicon) -> bool:
    """A tariff word of the rate's sentence carries a global marker ("after the court struck
    down the global tariffs, a 10% surcharge on all goods"), or the sentence names a whole of
    nations ("all countries, including X, were hit with 25% tariffs")."""
    tariff = lex.words("measure_tariff_words")
    nouns = [t for t in span.sent if t.lower_ in tariff or t.lemma_.lower() in tariff]
    return world_marked(nouns, lex) or _examples_of_wholes(span.sent, lex)[0]


def generic_cap(span: Span, noun: Token, lex: Lexicon) -> bool:
    """A limit stated for tariffs in general ("the law allows tariffs of up to 15%", "tariffs
    cannot exceed 15%"): a bare plural tariff noun (no determiner, no owner) and a rate
    bounded by a cap word or the object of a capping verb. Such a limit binds every origin."""
    if noun.tag_ not in {"NNS", "NNPS"} or any(c.dep_ in {"det", "poss"} for c in noun.children):
        return False
    bounds = lex.words("measure_cap_quantmods")
    root = span.root
    bounded = any(
        c.dep_ in {"quantmod", "advmod"} and c.lower_ in bounds
        for t in span
        for c in (t, *t.children)
    )
    verb = root.head if root.dep_ in {"dobj", "attr"} else None
    return bounded or (verb is not None and verb.lemma_.lower() in lex.words("measure_cap_verbs"))


#: The rule of :func:`narrowed_by_deal` in ``news/data/measure_rules.toml`` (table ``target``).
DEAL_RULE = "target.deal_narrows_unsourced_imports"

#: The statuses of a rate that a deal sets: the rate is on the other party's goods ("Under the
#: deal, X will cut tariffs on imported trucks to 5%"). Not "proposed": the reader gives it to
#: a bill's rates too ("the proposed tariff rates"), which are on every origin.
DEAL_STATUSES = frozenset({"agreed"})


def narrowed_by_deal(record: MeasureRecord, unsourced: bool) -> MeasureRecord:
    """Drop the every-origin reading of a rate whose goods are imports named from nowhere
    (``unsourced``) when a deal sets it (its status by the rules); the sentence and the story
    then name its partner. The record with ``world`` off when it narrowed, else itself."""
    if not (unsourced and record.world and not record.targets):
        return record
    if record.status not in DEAL_STATUSES:
        return record
    return replace(record, world=False)


def main_partners(counts: Mapping[str, int], imposer: str | None) -> list[str]:
    """The story's partners besides the imposer named at least half as often as the most
    named one (the countries "both"/"the three" refer to), most named first."""
    others = [(n, c) for c, n in counts.items() if c != imposer]
    if not others:
        return []
    top = max(n for n, _ in others)
    return [c for n, c in others if 2 * n >= top]


def main_partner(counts: Mapping[str, int], imposer: str | None) -> str | None:
    """The story's main partner besides the imposer: the only other country it names, or the
    most named when it is named at least twice as often as the next; None for a story about
    several partners alike."""
    others = sorted(((n, c) for c, n in counts.items() if c != imposer), key=lambda item: -item[0])
    if not others:
        return None
    if len(others) == 1 or others[0][0] >= 2 * others[1][0]:
        return others[0][1]
    return None


#: The settings of the component's ``target_chooser`` (see the module).
_DIRECT = FEATURE_NAMES.index("rules_direct")
TARGET_CHOOSERS = ("rules", "model", "fallback", "story")

#: The steps of the target order (``record["target_step"]``) whose answer the "story" chooser
#: hands to the model: those that read the story, not the rate's sentence. Per step on train_A
#: and dev (cross-validated), the model beat the rules only where they gave no answer for
#: want of a main partner, tied them at the main partner and lost or tied at every other step.
MODEL_STEPS = frozenset({"main_partner", "no_partner"})

#: The least margin (:meth:`TargetModel.margin`) at which the "story" chooser takes the
#: model's choice over the rules' (including their "none"): below it the model's top
#: candidates are partners alike, and a guess among them is a false measure as often as not
#: (the smallest margin at which the 5-fold CV on train + dev adds no false measure:
#: ``tools/target_steps.py``, docs/extraction.md round 10).
STORY_MARGIN = 0.3


@dataclass(frozen=True)
class TargetChooser(LearnedSetting):
    """Who chooses a rate's targets: the rules, the learned model, the model where the rules
    fall back on the sentence and the story, or the model where the rules' answer comes from
    the story alone and the model is sure of its own (configuration, no per-document state)."""

    SETTING: ClassVar[Setting[TargetModel]] = Setting(
        "TARIFFSCOPE_MEASURE_TARGET",
        "measure target",
        TargetModel.from_dict,
        "measure_target_model.json",
    )

    mode: str = "rules"
    model: TargetModel | None = None
    margin: float = STORY_MARGIN
    steps: frozenset[str] = MODEL_STEPS

    @classmethod
    def named(cls, mode: str, model: TargetModel | None = None) -> TargetChooser:
        """The chooser of a setting; an unknown setting is bad input."""
        if mode not in TARGET_CHOOSERS:
            raise InputError(f"measure target chooser {mode!r}: expected one of {TARGET_CHOOSERS}")
        return cls(mode, model)

    @property
    def learned(self) -> bool:
        """The model takes part (the rates need their candidates)."""
        return self.mode != "rules"

    def choose(self, record: MeasureRecord) -> list[str] | None:
        """The targets of one rate record after the rules' steps, or None to keep the rules'."""
        if not self.learned or not record.target_candidates:
            return None
        if self.mode == "story" and record.target_step not in self.steps:
            return None  # before the candidates: most rates never need them computed
        found = resolved(record.target_candidates)
        if found is None:
            return None
        if self.mode == "fallback" and any(row[_DIRECT] for row in found.features):
            return None
        model = self.model if self.model is not None else shipped_model()
        full = finish(found, record.imposer, record.targets)
        if self.mode == "story" and model.margin(full, record.imposer) < self.margin:
            return None
        return model.choose(full, record.imposer)
