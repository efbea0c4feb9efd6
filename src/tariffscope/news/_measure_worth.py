"""Which rates of a story are measures worth coding (the ``worth`` table of
``news/data/measure_rules.toml``).

A rate the text states only as a bound ("tariffs of *up to* 50%", "rates *as high as* 41%",
"*no more than* 20%") says how far tariffs go: the annotated stories code it where it is the
only rate given for its pair ("Peru approved tariffs of up to 40% on Chinese steel"), and
leave it out beside a rate stated for the same pair ("slammed with tariffs of up to 50%" in a
story coding the 40% on that pair; a threat "as high as 25%" is the from-rate of the 15% deal
that replaced it). :mod:`tariffscope.news.measure_merge` (step 11) decides; this module tells
the bound by the words right before the number (word set ``measure_bound_markers``). A marker whose
first word can be a verb particle (``measure_bound_particle_markers``: "up to") is a bound
only when no verb of change governs the rate: "raised tariffs up to 145%" is the rise itself.
"""

from __future__ import annotations

from spacy.tokens import Span

from tariffscope.news._syntax import governing_verb
from tariffscope.news.lexicon import Lexicon

__all__ = ["BOUND_RULE", "bound_marker"]

#: The rule of :func:`bound_marker` in ``news/data/measure_rules.toml`` (table ``worth``).
BOUND_RULE = "worth.bound_marker"

#: The most words of a bound marker ("a maximum of").
_MARKER_WORDS = 3


def bound_marker(span: Span, lex: Lexicon) -> str | None:
    """The bound marker right before the rate ("up to", "as high as"), or None when the rate
    is stated as a rate (or is the end of a change: "raised tariffs up to 145%")."""
    doc = span.doc
    start = max(span.sent.start, span.start - _MARKER_WORDS)
    before = [t.lower_ for t in doc[start : span.start]]
    markers = lex.words("measure_bound_markers")
    found = next(
        (" ".join(before[k:]) for k in range(len(before)) if " ".join(before[k:]) in markers),
        None,
    )
    if found is None:
        return None
    if found in lex.words("measure_bound_particle_markers"):
        verb = governing_verb(span.root)
        changes = lex.words("measure_rise_verbs") | lex.words("measure_cut_verbs")
        if verb is not None and verb.lemma_.lower() in changes:
            return None
    return found
