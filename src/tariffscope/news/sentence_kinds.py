"""A sentence classifier of event kinds, trained on the gold annotations (issue 10, item 6).

Gold events carry no character span, only ``date_text``, participants and place. So the
sentence that reports a gold event is found by :func:`locate_event` (the sentence holding
most of those cues), and :func:`sentence_labels` turns a story's gold events into one set
of kinds per sentence. :func:`train_sentence_kinds` fits a spaCy ``textcat_multilabel`` on
those sentences; :func:`kind_probabilities` reads it back.

The module depends on spaCy and the standard library only, so ``tools/train_sentence_kinds.py``
can rebuild the model without the reader. Whether the reader uses the model is decided by
``tariffscope.news.sentence_veto`` (off by default: cross-validation showed no gain, see
docs/extraction.md).
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch  # type: ignore[attr-defined]

__all__ = [
    "EVENT_KINDS",
    "GoldEventCues",
    "SentenceLabels",
    "kind_probabilities",
    "load_sentence_kinds",
    "locate_event",
    "sentence_labels",
    "train_sentence_kinds",
]

# The event kinds of GUIDELINES.md (the ``EventKind`` literal of tariffscope.domain.news).
EVENT_KINDS: tuple[str, ...] = (
    "agreement",
    "announcement",
    "call",
    "election",
    "meeting",
    "other",
    "talks",
    "visit",
)
# A participant name word shorter than this ("Xi" aside, see _name_words) is too ambiguous.
_MIN_NAME_WORD = 3


@dataclass(frozen=True)
class GoldEventCues:
    """What a gold event says that can be found in its story's text."""

    kind: str
    date_text: str | None
    participants: tuple[str, ...]
    place: str | None

    @classmethod
    def from_gold(cls, event: Mapping[str, object]) -> GoldEventCues:
        """From one event of a gold JSON file."""
        people = event.get("participants") or ()
        assert isinstance(people, Sequence)
        date_text, place = event.get("date_text"), event.get("place")
        return cls(
            kind=str(event["kind"]),
            date_text=str(date_text) if date_text else None,
            participants=tuple(str(p) for p in people),
            place=str(place) if place else None,
        )


@dataclass(frozen=True)
class SentenceLabels:
    """Kinds per sentence of one story, and how many gold events were located."""

    kinds: tuple[frozenset[str], ...]
    located: int
    total: int


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _contains(haystack: str, needle: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", haystack) is not None


def _name_words(participant: str) -> list[str]:
    """Words that name a participant in running text: a person's surname (the last word)
    and a country code's letters; 'the two' style mentions are not recoverable here."""
    words = [w for w in re.split(r"[\s.]+", participant.strip()) if w]
    if not words:
        return []
    if len(words) == 1 and words[0].isupper():  # ISO code ("USA", "EU"): as written
        return [words[0].lower()]
    last = words[-1].lower()
    return [last] if len(last) >= _MIN_NAME_WORD or len(words) > 1 else []


def _cue_score(sentence: str, event: GoldEventCues) -> tuple[int, int, int]:
    """(date found, participants found, place found) in one squashed sentence."""
    date = 0
    if event.date_text:
        date_text = _squash(event.date_text)
        bare = re.sub(r"^(on|in|at|by|from|since|this|last|next)\s+", "", date_text)
        date = int(_contains(sentence, date_text) or (len(bare) > 2 and _contains(sentence, bare)))
    people = sum(
        1 for p in event.participants if any(_contains(sentence, w) for w in _name_words(p))
    )
    place = int(bool(event.place) and _contains(sentence, _squash(event.place or "")))
    return date, people, place


def locate_event(
    text: str, sentences: Sequence[tuple[int, int]], event: GoldEventCues
) -> int | None:
    """The index of the sentence that reports ``event``, or None when the cues are too weak.

    A sentence qualifies when it holds the event's date text, or two of its participants,
    or its place and one participant; among those the one with most cues wins, the earliest
    on a tie (news states an event first, then refers back to it).
    """
    best: tuple[int, int] | None = None
    for i, (start, end) in enumerate(sentences):
        date, people, place = _cue_score(_squash(text[start:end]), event)
        if not (date or people >= 2 or (place and people)):
            continue
        score = 3 * date + people + place
        if best is None or score > best[0]:
            best = (score, i)
    return None if best is None else best[1]


def sentence_labels(
    text: str, sentences: Sequence[tuple[int, int]], events: Iterable[GoldEventCues]
) -> SentenceLabels:
    """The set of event kinds each sentence reports, from a story's gold events."""
    kinds: list[set[str]] = [set() for _ in sentences]
    located = total = 0
    for event in events:
        total += 1
        at = locate_event(text, sentences, event)
        if at is not None:
            kinds[at].add(event.kind)
            located += 1
    return SentenceLabels(tuple(frozenset(k) for k in kinds), located, total)


def train_sentence_kinds(
    examples: Sequence[tuple[str, frozenset[str]]], *, epochs: int = 12, seed: int = 0
) -> Language:
    """A blank English pipeline with a bag-of-words ``textcat_multilabel`` over EVENT_KINDS.

    Bag of words (uni- and bigrams) rather than the model's tok2vec: a few thousand sentences
    do not train a CNN well, and the classifier then costs almost nothing at run time.
    """
    if not examples:
        raise ValueError("no training sentences")
    random.seed(seed)
    fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe(
        "textcat_multilabel",
        config={
            "model": {
                "@architectures": "spacy.TextCatBOW.v3",
                "exclusive_classes": False,
                "ngram_size": 2,
                "no_output_layer": False,
                "length": 2**14,
            }
        },
    )
    for kind in EVENT_KINDS:
        textcat.add_label(kind)  # type: ignore[attr-defined]
    data = [
        Example.from_dict(nlp.make_doc(text), {"cats": {k: float(k in kinds) for k in EVENT_KINDS}})
        for text, kinds in examples
    ]
    optimizer = nlp.initialize(lambda: data)
    for _ in range(epochs):
        random.shuffle(data)
        for batch in minibatch(data, size=16):  # type: ignore[no-untyped-call]
            nlp.update(batch, sgd=optimizer, drop=0.1)
    return nlp


def kind_probabilities(nlp: Language, sentences: Sequence[str]) -> list[dict[str, float]]:
    """Per sentence, the probability that it reports an event of each kind."""
    return [dict(doc.cats) for doc in nlp.pipe(sentences)]


def load_sentence_kinds(path: str | Path) -> Language:
    """The classifier saved by ``nlp.to_disk`` (checks it knows every event kind)."""
    nlp = spacy.load(path)
    labels = set(nlp.get_pipe("textcat_multilabel").labels)  # type: ignore[attr-defined]
    missing = set(EVENT_KINDS) - labels
    if missing:
        raise ValueError(f"{path}: sentence-kind model lacks labels {sorted(missing)}")
    return nlp
