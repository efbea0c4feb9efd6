"""Optional veto of rule events by the sentence-kind classifier (off by default).

``tariffscope_sentence_veto`` runs after ``tariffscope_events`` and drops an event when the
classifier of :mod:`tariffscope.news.sentence_kinds` gives the event's sentence a probability
below ``threshold`` for the event's kind. :func:`tariffscope.news.pipeline.load_pipeline` adds
it only when ``$TARIFFSCOPE_SENTENCE_KINDS`` names a trained model folder
(``tools/train_sentence_kinds.py`` builds one). Cross-validation by story over the development
set and the train split found no gain (docs/extraction.md, bench/cv_sentence_kinds.py), hence off.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from tariffscope.errors import InputError
from tariffscope.news import extensions as _extensions  # noqa: F401  (registers attributes)
from tariffscope.news._syntax import doc_text
from tariffscope.news.sentence_kinds import kind_probabilities, load_sentence_kinds

__all__ = ["SENTENCE_KINDS_ENV", "SentenceVeto", "sentence_kinds_model", "veto_events"]

SENTENCE_KINDS_ENV = "TARIFFSCOPE_SENTENCE_KINDS"


def sentence_kinds_model() -> Path | None:
    """The classifier folder named by ``$TARIFFSCOPE_SENTENCE_KINDS`` (None: the veto is off).

    Raises
    ------
    InputError
        The variable names something that is not a folder.
    """
    value = os.environ.get(SENTENCE_KINDS_ENV, "").strip()
    if not value:
        return None
    path = Path(value)
    if not path.is_dir():
        raise InputError(f"{SENTENCE_KINDS_ENV}={value}: not a folder of a trained classifier")
    return path


def veto_events(
    events: Sequence[Mapping[str, Any]],
    probabilities: Sequence[Mapping[str, float]],
    threshold: float,
) -> list[Mapping[str, Any]]:
    """The events whose sentence has probability >= ``threshold`` for the event's kind.

    ``probabilities[i]`` belongs to ``events[i]``; a kind the classifier does not know is kept.
    """
    return [
        e
        for e, p in zip(events, probabilities, strict=True)
        if p.get(str(e["kind"]), 1.0) >= threshold
    ]


class SentenceVeto:
    """Drops rule events the sentence classifier finds unlikely (configuration only)."""

    def __init__(self, name: str, model_path: str, threshold: float) -> None:
        self.name = name
        self.threshold = threshold
        self.classifier = load_sentence_kinds(model_path)

    def __call__(self, doc: Doc) -> Doc:
        """Filter ``doc._.tariffscope_events``."""
        events = doc._.tariffscope_events or []
        if not events:
            return doc
        sentences = [doc.char_span(e["start"], e["end"], alignment_mode="expand") for e in events]
        texts = [
            s.sent.text if s is not None else doc_text(doc)[e["start"] : e["end"]]
            for s, e in zip(sentences, events, strict=True)
        ]
        probs = kind_probabilities(self.classifier, texts)
        doc._.tariffscope_events = veto_events(events, probs, self.threshold)
        return doc


@Language.factory(
    "tariffscope_sentence_veto",
    assigns=["doc._.tariffscope_events"],
    requires=["doc._.tariffscope_events"],
    default_config={"threshold": 0.02},
)
def make_sentence_veto(nlp: Language, name: str, model_path: str, threshold: float) -> SentenceVeto:
    """Factory of ``tariffscope_sentence_veto``; ``model_path`` is a folder written by
    ``tools/train_sentence_kinds.py``."""
    return SentenceVeto(name, model_path, threshold)
