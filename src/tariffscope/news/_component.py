"""Base class of the tariffscope pipeline components: lexicon handling and serialization.

Each component reads the gazetteers of a :class:`~tariffscope.news.lexicon.Lexicon`, which
comes in through the factory config (registered function ``tariffscope.lexicon.v1``) or
through ``initialize(lexicon_path=...)``, and is saved with ``to_disk``/``to_bytes`` so a
saved pipeline carries its own data (the pattern of spaCy's ``span_ruler``): the vocabulary
(``lexicon.json``) and the rule files and weights the lexicon carries
(:mod:`tariffscope.news.rulebook`, each file under its own name plus ``rules.json``). A loaded
component reads its rules from that copy, never from the package's files.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe
from spacy.tokens import Doc
from spacy.util import registry

from tariffscope.errors import DataFileError
from tariffscope.news import extensions as _extensions  # noqa: F401  (registers attributes)
from tariffscope.news.lexicon import Lexicon, default_lexicon
from tariffscope.news.rulebook import RuleBook

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
        self.loaded()

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
            text = Path(lexicon_path).read_text(encoding="utf-8")
            self.lexicon = Lexicon.from_json(text, self.lexicon.rules)
            self.loaded()

    def loaded(self) -> None:
        """Called when :attr:`lexicon` is set (``__init__``, ``initialize``, ``from_disk``,
        ``from_bytes``): a component that keeps something read from the rule files (a
        chooser's weights) takes it from the new copy."""

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """The lexicon and the rule book as one UTF-8 JSON object."""
        data = {"lexicon": self.lexicon.data, "rules": self.lexicon.rules.to_dict()}
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> LexiconComponent:
        """Inverse of :meth:`to_bytes`."""
        try:
            saved = json.loads(data.decode("utf-8"))
            lexicon, rules = saved["lexicon"], saved["rules"]
        except (ValueError, KeyError, TypeError) as error:
            raise DataFileError(f"{self.name}: not a saved component ({error})") from None
        book = RuleBook.from_dict(rules, f"{self.name} (bytes)")
        self.lexicon = Lexicon.from_json(json.dumps(lexicon), book)
        self.loaded()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save the lexicon as ``<path>/lexicon.json`` and the rule files beside it."""
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / _LEXICON_NAME).write_text(self.lexicon.to_json(), encoding="utf-8")
        self.lexicon.rules.to_disk(folder)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> LexiconComponent:
        """Load the lexicon and the rule files saved by :meth:`to_disk`."""
        folder = Path(path)
        book = RuleBook.from_disk(folder)
        text = (folder / _LEXICON_NAME).read_text(encoding="utf-8")
        self.lexicon = Lexicon.from_json(text, book)
        self.loaded()
        return self
