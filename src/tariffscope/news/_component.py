"""Base class of the tariffscope pipeline components: lexicon handling and serialization.

Each component reads the gazetteers of a :class:`~tariffscope.news.lexicon.Lexicon`, which
comes in through the factory config (registered function ``tariffscope.lexicon.v1``) or
through ``initialize(lexicon_path=...)``, and is saved with ``to_disk``/``to_bytes`` so a
saved pipeline carries its own data (the pattern of spaCy's ``span_ruler``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import registry

from tariffscope.news import extensions as _extensions  # noqa: F401  (registers attributes)
from tariffscope.news.lexicon import Lexicon, default_lexicon

__all__ = ["LexiconComponent", "create_lexicon"]

_LEXICON_NAME = "lexicon.json"


def create_lexicon() -> Lexicon:
    """The lexicon shipped with tariffscope (``{"@misc": "tariffscope.lexicon.v1"}``)."""
    return default_lexicon()


registry.misc.register("tariffscope.lexicon.v1", func=create_lexicon)


class LexiconComponent(Pipe):
    """A rule-based component that needs the gazetteers; subclasses implement ``annotate``."""

    def __init__(self, nlp: Language, name: str, lexicon: Lexicon | None = None) -> None:
        self.name = name
        self.vocab = nlp.vocab
        self.lexicon = lexicon if lexicon is not None else default_lexicon()

    def annotate(self, doc: Doc) -> None:  # pragma: no cover - abstract
        """Write this component's extension attribute on ``doc``."""
        raise NotImplementedError

    def __call__(self, doc: Doc) -> Doc:
        """Annotate one document; errors go to the pipeline's error handler."""
        try:
            self.annotate(doc)
        except Exception as error:
            self.get_error_handler()(self.name, self, [doc], error)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """Annotate a stream of documents."""
        for doc in stream:
            yield self(doc)

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon_path: str | None = None,
    ) -> None:
        """Load the gazetteers from ``lexicon_path`` (a lexicon JSON file) when given."""
        if lexicon_path:
            self.lexicon = Lexicon.from_json(Path(lexicon_path).read_text(encoding="utf-8"))

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The lexicon as UTF-8 JSON."""
        return self.lexicon.to_json().encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> LexiconComponent:
        """Inverse of :meth:`to_bytes`."""
        self.lexicon = Lexicon.from_json(data.decode("utf-8"))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicon as ``<path>/lexicon.json``."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / _LEXICON_NAME).write_text(self.lexicon.to_json(), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LexiconComponent:
        """Load the lexicon saved by :meth:`to_disk`."""
        text = (Path(path) / _LEXICON_NAME).read_text(encoding="utf-8")
        self.lexicon = Lexicon.from_json(text)
        return self
