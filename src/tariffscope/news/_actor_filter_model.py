"""The learned actor filter's features: one table of named features per candidate actor.

A candidate is a person the actor rules keep (``"actor": true`` in
``doc._.tariffscope_persons``); the filter (:mod:`tariffscope.news.actor_filter`) may drop it.
Every feature is a function of the candidate and a frozen per-document
:class:`ActorContext` (the quotes' spans and speakers, the events' participants, the
lexicon), built once per document after the quotes and events components ran. The features
describe how the story uses the person, not who the person is: how often and where they are
named, whether they speak or take part in an event, whether any mention is a clause's
subject or all are inside a prepositional or possessive phrase, the shape of the name, and
whether a commentator's or reporter's word stands next to it (lexicon
``person_commentator_words`` and ``person_media_nouns``), whether the person is only spoken
to (lexicon ``person_address_verbs``).

The weights are fitted by ``tools/train_actor_filter.py`` with the shared binary model
(:mod:`tariffscope.news._binary_logistic`) and shipped as ``data/actor_filter_model.json``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from tariffscope.news._binary_logistic import BinaryModel
from tariffscope.news._learned_setting import book_weights
from tariffscope.news._persons import layout
from tariffscope.news._syntax import doc_text
from tariffscope.news.lexicon import Lexicon, fold
from tariffscope.news.quote_marks import find_quote_spans

__all__ = [
    "FEATURES",
    "ActorContext",
    "actor_context",
    "candidate_features",
    "shipped_model",
]

_WEIGHTS_FILE = "actor_filter_model.json"
#: Dependencies of a name's head that make the person a clause's subject.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent"})
#: Dependencies of a name's head inside a prepositional, possessive or modifying phrase
#: ("a letter from X", "X's administration", "the X administration").
_OBLIQUE_DEPS = frozenset({"pobj", "poss", "compound", "amod", "nmod"})
#: How many tokens on each side of a mention a commentator's or outlet's word is looked for.
_WINDOW = 4


@dataclass(frozen=True)
class ActorContext:
    """What the features read of one document, computed once."""

    doc: Doc
    lexicon: Lexicon
    quote_spans: tuple[tuple[int, int], ...]
    speakers: frozenset[str]
    participants: frozenset[str]
    headlines: tuple[tuple[int, int], ...]


def actor_context(doc: Doc, lexicon: Lexicon) -> ActorContext:
    """The context of a document the quotes and events components annotated."""
    quotes = doc._.tariffscope_quotes or []
    events = doc._.tariffscope_events or []
    speakers = {fold(q[k]) for q in quotes for k in ("speaker", "via") if q.get(k)}
    participants = {fold(p) for e in events for p in e.get("participants") or ()}
    return ActorContext(
        doc=doc,
        lexicon=lexicon,
        quote_spans=tuple((s.start, s.end) for s in find_quote_spans(doc_text(doc))),
        speakers=frozenset(speakers),
        participants=frozenset(participants),
        headlines=tuple(layout(doc)[1]),
    )


def _spans(person: Mapping[str, Any], ctx: ActorContext) -> list[tuple[int, int]]:
    """The candidate's mentions as token spans, outside headlines."""
    out = []
    for start, end in person["mentions"]:
        if any(s <= start < e for s, e in ctx.headlines):
            continue
        span = ctx.doc.char_span(int(start), int(end), alignment_mode="expand")
        if span is not None and len(span):
            out.append((span.start, span.end))
    return out


def _head(ctx: ActorContext, start: int, end: int) -> Token:
    """The token of the mention whose head lies outside it (the name's syntactic head)."""
    tokens = ctx.doc[start:end]
    return next((t for t in tokens if not start <= t.head.i < end), tokens[-1])


def _inside_quote(ctx: ActorContext, start: int, end: int) -> bool:
    char = ctx.doc[start].idx
    return any(s <= char < e for s, e in ctx.quote_spans)


def _near(ctx: ActorContext, start: int, end: int, words: frozenset[str]) -> bool:
    """A word of ``words`` within :data:`_WINDOW` tokens of the mention, same sentence."""
    doc = ctx.doc
    sent = doc[start].sent
    lo, hi = max(sent.start, start - _WINDOW), min(sent.end, end + _WINDOW)
    return any(t.lemma_.lower() in words or t.lower_ in words for t in doc[lo:hi])


def _speech_subject(ctx: ActorContext, head: Token) -> bool:
    verbs = ctx.lexicon.words("person_speech_verbs")
    return head.dep_ in _SUBJECT_DEPS and head.head.lemma_.lower() in verbs


def _subject(ctx: ActorContext, head: Token) -> bool:
    return head.dep_ in _SUBJECT_DEPS or (head.dep_ == "appos" and head.head.dep_ in _SUBJECT_DEPS)


def _main_subject(ctx: ActorContext, head: Token) -> bool:
    """The subject of a main clause (or of a clause reported by one), not of a relative or
    adverbial clause ("since X returned", "the rate X set")."""
    if not _subject(ctx, head):
        return False
    verb = head.head if head.dep_ != "appos" else head.head.head
    return verb.dep_ in {"ROOT", "conj", "ccomp"}


def _addressee(ctx: ActorContext, head: Token) -> bool:
    """The one spoken to: the object of a speech verb, directly or by a preposition
    ("told X", "speaking to X")."""
    verbs = ctx.lexicon.words("person_address_verbs")
    verb = head.head.head if head.dep_ == "pobj" else head.head
    return head.dep_ in {"dobj", "dative", "pobj"} and verb.lemma_.lower() in verbs


def _oblique(ctx: ActorContext, head: Token) -> bool:
    return head.dep_ in _OBLIQUE_DEPS


def _name_words(person: Mapping[str, Any]) -> list[str]:
    return str(person["name"]).split()


def _any(test: Callable[[ActorContext, Token], bool]) -> Callable[..., float]:
    def feature(person: Mapping[str, Any], ctx: ActorContext, spans: Sequence[Any]) -> float:
        return float(any(test(ctx, _head(ctx, s, e)) for s, e in spans))

    return feature


def _every(test: Callable[[ActorContext, Token], bool]) -> Callable[..., float]:
    def feature(person: Mapping[str, Any], ctx: ActorContext, spans: Sequence[Any]) -> float:
        return float(bool(spans) and all(test(ctx, _head(ctx, s, e)) for s, e in spans))

    return feature


def _ner_agreement(person: Mapping[str, Any], ctx: ActorContext, spans: Sequence[Any]) -> float:
    """The share of mentions the NER tagged as a person."""
    if not spans:
        return 0.0
    tagged = sum(any(t.ent_type_ == "PERSON" for t in ctx.doc[s:e]) for s, e in spans)
    return tagged / len(spans)


def _has_place_or_org_word(
    person: Mapping[str, Any], ctx: ActorContext, spans: Sequence[Any]
) -> float:
    lex = ctx.lexicon
    org = lex.words("person_org_words")
    return float(any(lex.place_code(w) or fold(w) in org for w in _name_words(person)))


def _first_position(person: Mapping[str, Any], ctx: ActorContext, spans: Sequence[Any]) -> float:
    """Where the story first names the person, 0 (start) to 1 (end)."""
    if not spans:
        return 1.0
    return float(spans[0][0]) / max(1, len(ctx.doc))


def _commentator(person: Mapping[str, Any], ctx: ActorContext, spans: Sequence[Any]) -> float:
    words = ctx.lexicon.words("person_commentator_words")
    role = set(fold(person.get("role") or "").split())
    return float(bool(role & words) or any(_near(ctx, s, e, words) for s, e in spans))


def _media(person: Mapping[str, Any], ctx: ActorContext, spans: Sequence[Any]) -> float:
    nouns = ctx.lexicon.words("person_media_nouns")
    outlets = ctx.lexicon.outlets
    doc = ctx.doc
    return float(
        any(
            _near(ctx, s, e, nouns)
            or any(
                doc[k].text in outlets
                for k in range(max(0, s - _WINDOW), min(len(doc), e + _WINDOW))
            )
            for s, e in spans
        )
    )


Feature = Callable[[Mapping[str, Any], ActorContext, Sequence[tuple[int, int]]], float]

#: The features, by name (the weights file names them the same way).
FEATURES: Mapping[str, Feature] = {
    "log_mentions": lambda p, c, s: math.log1p(len(s)),
    "one_mention": lambda p, c, s: float(len(s) == 1),
    "speaker": lambda p, c, s: float(fold(p["name"]) in c.speakers),
    "speech_subject": _any(_speech_subject),
    "subject": _any(_subject),
    "main_clause_subject": _any(_main_subject),
    "only_addressee": _every(_addressee),
    "only_oblique": _every(_oblique),
    "only_in_quotes": lambda p, c, s: float(bool(s) and all(_inside_quote(c, a, b) for a, b in s)),
    "participant": lambda p, c, s: float(fold(p["name"]) in c.participants),
    "has_role": lambda p, c, s: float(bool(p.get("role"))),
    "has_country": lambda p, c, s: float(bool(p.get("country"))),
    "ner_agreement": _ner_agreement,
    "one_word_name": lambda p, c, s: float(len(_name_words(p)) == 1),
    "all_caps_name": lambda p, c, s: float(str(p["name"]).replace(" ", "").isupper()),
    "place_or_org_word": _has_place_or_org_word,
    "first_position": _first_position,
    "commentator_word": _commentator,
    "media_word": _media,
    "former": lambda p, c, s: float(bool(p.get("former"))),
    "inert": lambda p, c, s: 0.0,  # set from the acting features (candidate_features)
}


#: Features by which a person acts in the story; a candidate with none of them is *inert*
#: (named, but never speaking, a clause's subject or an event's participant), a conjunction
#: a linear model cannot form from the features alone.
_ACTING = ("speaker", "speech_subject", "subject", "participant")


def candidate_features(person: Mapping[str, Any], ctx: ActorContext) -> dict[str, float]:
    """The feature row of one candidate actor."""
    spans = _spans(person, ctx)
    row = {name: float(feature(person, ctx, spans)) for name, feature in FEATURES.items()}
    row["inert"] = float(not any(row[name] for name in _ACTING))
    return row


def shipped_model() -> BinaryModel:
    """The weights shipped with tariffscope (``data/actor_filter_model.json``)."""
    return book_weights(None, "actor_filter_model.json", BinaryModel.from_dict)
