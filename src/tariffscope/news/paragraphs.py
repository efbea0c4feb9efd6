"""The ``tariffscope_paragraphs`` component: a sentence never crosses a line break.

News text from the web puts headlines, captions, credits and paragraphs on separate lines,
often without final punctuation, and the parser then joins a headline to the first sentence
of the body. Placed before the parser, this component marks the first token after a line
break as a sentence start (and the token after it as not one, so the parser does not split
off a one-word sentence); the parser respects preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["mark_paragraphs"]


@Language.component(
    "tariffscope_paragraphs", assigns=["token.is_sent_start"], requires=[], retokenizes=False
)
def mark_paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every line break."""
    for i in range(1, len(doc)):
        previous = doc[i - 1]
        if ("\n" in previous.text or "\n" in previous.whitespace_) and not doc[i].is_space:
            doc[i].is_sent_start = True
            after = i + 1
            if after < len(doc) and not doc[after].is_space and "\n" not in doc[i].whitespace_:
                doc[after].is_sent_start = False
    return doc
