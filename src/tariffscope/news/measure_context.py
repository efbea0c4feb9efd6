"""Rules on tariff measures that read beyond the rate's own clause.

Helpers of :mod:`tariffscope.news.measures` (pure functions on the parsed ``Doc`` and the raw
mention dicts):

- :func:`confirm_deals`: a later sentence that names the rate again without a number and says
  it was settled ("It appears that is *the rate they settled on*", "Japan *agreed to that
  rate*") makes the latest measure before it that was only threatened or proposed *agreed*;
- :func:`confirm_pauses`: the sentence right after a rate that tells, without a number, that
  the tariffs were paused ("The US declared a 90-day pause on the tariffs", "Tariffs were
  subsequently suspended for 90 days") suspends the across-the-board rates of that sentence
  that the rules read as collected or threatened;
- :func:`is_history`: a rate in a clause that tells an earlier stage of the story with a
  sequence adverb ("Trump *initially* imposed a 10% tariff ... and *later* added a 40%
  penalty") is history; :mod:`tariffscope.news.measure_merge` drops it when the article
  reports that the same rate was removed, since the record of that measure is its removal;
- :func:`earlier_stage`: a rate told as an earlier stage of a measure, by a sequence adverb
  (:func:`is_history`), an adjective of an earlier stage ("the *original* 10%", "the
  *previous* 17% rate"), a participle or clause on the rate with a sequence adverb ("the
  *previously announced* 30% tariff"), a definite rate the measure replaces or is compared
  with ("at 6.1% *instead of the* current 100%", "15%, *lower than the* 25% proposed") or
  as the start of a change ("25%, *up from* 20%", "*an increase from* the 24%"):
  :mod:`tariffscope.news.measure_merge` records it as the from-rate of the
  later measure on the same pair (the rules' ids are the ``earlier`` table of
  ``news/data/measure_rules.toml``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news._syntax import direction, governing_verb, has_negation
from tariffscope.news.lexicon import Lexicon

__all__ = ["confirm_deals", "confirm_pauses", "earlier_stage", "is_history"]

#: Statuses that a later "the rate they settled on" turns into agreed (statuses, not words).
_OPEN_STATUSES = ("threatened", "proposed")

#: Statuses a pause told in the next sentence turns into suspended, unless a rule of
#: continuity or effect read the rate ("remain in place", "took effect").
_PAUSABLE_STATUSES = ("in_force", "threatened")
_STANDING_RULES = ("status.continuing", "status.took_effect")


def _deal_verb_of(noun: Token, lex: Lexicon) -> Token | None:
    """The deal verb that settles a rate noun: its relative clause ("the rate they settled
    on") or the verb it depends on ("agreed to that rate")."""
    for child in noun.children:
        if child.dep_ == "relcl" and child.lemma_.lower() in lex.words("measure_settle_verbs"):
            return child
    verb = governing_verb(noun)
    if verb is not None and verb.lemma_.lower() in lex.words("measure_settle_verbs"):
        return verb
    return None


def confirm_deals(doc: Doc, raw: list[MeasureRecord], lex: Lexicon) -> list[MeasureRecord]:
    """The records with the measures a later rate-less mention says were settled agreed."""
    if not raw:
        return raw
    for noun in doc:
        if noun.lower_ not in lex.words("measure_tariff_words") or noun.pos_ != "NOUN":
            continue
        if not any(
            c.dep_ == "det" and c.lower_ in lex.words("measure_demonstratives")
            for c in noun.children
        ):
            continue
        if any(
            t.lower_ in lex.words("measure_rate_words") or t.like_num
            for t in noun.subtree
            if t.i < noun.i
        ):
            continue  # "the 15% rate" is a mention of its own
        verb = _deal_verb_of(noun, lex)
        if verb is None or has_negation(verb):
            continue
        if any(
            c.dep_ == "aux" and c.lower_ in {"to", "will", "would", "could", "may", "might"}
            for c in verb.children
        ):
            continue  # only sought or expected, not settled
        previous_start = doc[noun.sent.start - 1].sent.start_char if noun.sent.start else 0
        before = [k for k, r in enumerate(raw) if previous_start <= r.start < noun.idx]
        if before and raw[before[-1]].status in _OPEN_STATUSES:
            raw = _restated(raw, before[-1], "agreed", "context.settled_later")
    return raw


def _restated(
    raw: list[MeasureRecord], k: int, status: str, status_rule: str
) -> list[MeasureRecord]:
    """The records with the ``k``-th given ``status`` by ``status_rule``."""
    return [*raw[:k], replace(raw[k], status=status, status_rule=status_rule), *raw[k + 1 :]]


def _bare_tariffs(noun: Token, lex: Lexicon) -> bool:
    """A tariff noun with no rate in its phrase ("the tariffs", "Tariffs"), or a noun of
    carrying them out ("delayed the implementation")."""
    if noun.pos_ != "NOUN":
        return False
    if noun.lemma_.lower() in lex.words("measure_pause_objects"):
        return True
    if noun.lower_ not in lex.words("measure_tariff_words"):
        return False
    return not any(t.lower_ in lex.words("measure_rate_words") or t.like_num for t in noun.subtree)


def _paused(noun: Token, lex: Lexicon) -> bool:
    """The tariffs are said to have been paused: the object or passive subject of a pause
    verb ("Tariffs were suspended"), or the object of a pause noun ("declared a 90-day pause
    on the tariffs"), told in the past and not negated."""
    pause = lex.words("measure_pause_words")
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in pause:
        word = head.head
    elif noun.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in pause:
        word = head
    else:
        return False
    verb = governing_verb(word)
    return verb is not None and direction(verb) < 0 and not has_negation(verb)


def confirm_pauses(doc: Doc, raw: list[MeasureRecord], lex: Lexicon) -> list[MeasureRecord]:
    """The records with the across-the-board rates of the sentence before a sentence that
    tells, with no number, that the tariffs were paused suspended (see the module)."""
    for noun in doc:
        if not (_bare_tariffs(noun, lex) and _paused(noun, lex)) or noun.sent.start == 0:
            continue
        previous = doc[noun.sent.start - 1].sent
        for k, record in enumerate(raw):
            if not (previous.start_char <= record.start < previous.end_char):
                continue
            if (
                record.status in _PAUSABLE_STATUSES
                and record.status_rule not in _STANDING_RULES
                and record.products == "all goods"
                and record.to_rate > 0
            ):
                raw = _restated(raw, k, "suspended", "context.paused_later")
    return raw


def _sequence_adverb(verb: Token, lex: Lexicon) -> bool:
    return any(
        c.dep_ in {"advmod", "npadvmod"} and c.lower_ in lex.words("measure_sequence_adverbs")
        for c in verb.children
    )


def is_history(span: Span, noun: Token, lex: Lexicon) -> bool:
    """The rate's verb tells an earlier stage: a sequence adverb on a past verb ("initially
    imposed"), or "later" on a past verb coordinated with such a verb ("... and later added")."""
    verb = governing_verb(noun)
    if verb is None or verb.tag_ not in {"VBD", "VBN"}:
        return False
    if _sequence_adverb(verb, lex):
        return True
    later = any(
        c.dep_ == "advmod" and c.lower_ in lex.words("measure_later_adverbs") for c in verb.children
    )
    if later and verb.dep_ == "conj":
        return _sequence_adverb(verb.head, lex)
    return False


def _replaced_standard(span: Span, noun: Token, lex: Lexicon) -> bool:
    """'at a 6.1% tariff instead of the current 100% tariff', '15%, lower than the 25%
    Washington had proposed': a definite rate that the measure replaces or is compared with,
    the rate before it ("than" only after a comparative: "lower than", "higher than")."""
    doc = span.doc
    start = span.root.left_edge.i
    if span.root.head.i == noun.i:
        start = min(start, noun.left_edge.i)
    if doc[start].lower_ != "the":
        return False  # "a rate lower than 10%": a bound, not a known rate
    markers = lex.words("measure_earlier_standard_markers")
    for size in (3, 2, 1):
        if start - size < span.sent.start:
            continue
        words = doc[start - size : start]
        if " ".join(t.lower_ for t in words) not in markers:
            continue
        if words.text.lower() == "than":
            before = doc[start - 2] if start - 2 >= span.sent.start else None
            return before is not None and before.tag_ in {"JJR", "RBR"}
        return True
    return False


def earlier_stage(span: Span, noun: Token, lex: Lexicon) -> str | None:
    """The id of the rule that reads the rate as an earlier stage of a measure (see the
    module), or None."""
    if is_history(span, noun, lex):
        return "earlier.sequence_adverb"
    root = span.root
    described = [root, *([noun] if root.head.i == noun.i else [])]
    adjectives = lex.words("measure_earlier_stage_adjectives")
    if any(
        c.dep_ in {"amod", "advmod"} and c.lower_ in adjectives
        for t in described
        for c in t.children
    ):
        return "earlier.stage_adjective"
    if any(
        c.dep_ in {"amod", "acl", "relcl"}
        and _sequence_adverb(c, lex)
        # a clause after the noun is the rate's only when no other number stands between
        and not any(w.like_num for w in t.doc[t.i + 1 : c.i])
        for t in described
        for c in t.children
    ):
        # "half of the previously announced 30% tariff", "the tariff first proposed": a
        # participle or clause on the rate that tells it with a sequence adverb
        return "earlier.stage_participle"
    if _replaced_standard(span, noun, lex):
        return "earlier.replaced_standard"
    prep = root.head
    if root.dep_ == "pobj" and prep.lower_ == "from" and prep.head.i != noun.i:
        # "25%, up from 20%", "25% - an increase from the 24%": a change appended to a stated
        # rate; the object of a change verb's "from" ("halved from 150% to 75%", "win a
        # reduction from the 30%") is the start of a change still to be stated or made
        change = prep.head
        changes = lex.words("measure_rise_verbs") | lex.words("measure_cut_verbs")
        if change.lower_ in lex.words("measure_change_from_heads") or (
            change.dep_ == "appos" and change.lemma_.lower() in changes
        ):
            return "earlier.change_from"
    return None
