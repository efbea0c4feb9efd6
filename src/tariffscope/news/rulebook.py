"""The reader's rule files and learned weights as one versioned, saveable value.

The rules of the news reader are data (``news/data``): the event trigger rules
(``event_rules.json``), the measure rules (``measure_rules.toml``), the time patterns
(``time_patterns.json``), the deadline rules (``deadline_rules.toml``), the people reader's
rules (``person_rules.json``) and the weights of the learned choosers (``*_model.json``). A
:class:`RuleBook` holds their texts; it travels with the component's
:class:`~tariffscope.news.lexicon.Lexicon` (``lexicon.rules``), so the pure functions that read
a rule read the running component's copy, and a component saves it with ``to_disk`` (each
file under its own name, plus ``rules.json`` naming the format version and the files) and reads
it back with ``from_disk``. A folder saved by another format version is refused with a clear
error instead of being read as if it were this one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from tariffscope.errors import DataFileError

__all__ = ["FILES", "MANIFEST", "VERSION", "RuleBook", "shipped_rulebook"]

#: The format version of a saved rule book (raise it when a file changes its layout).
VERSION = 1
#: The manifest a saved rule book carries.
MANIFEST = "rules.json"
#: The rule files and weights, by the name they have in ``news/data`` and in a saved folder.
FILES: tuple[str, ...] = (
    "event_rules.json",
    "measure_rules.toml",
    "time_patterns.json",
    "deadline_rules.toml",
    "person_rules.json",
    "event_filter_model.json",
    "actor_filter_model.json",
    "measure_status_model.json",
    "measure_target_model.json",
    "event_proposer_model.json",
    "event_trigger_model.json",
)


@dataclass(frozen=True)
class RuleBook:
    """The texts of the rule files (``name -> text``, every name of :data:`FILES`)."""

    texts: Mapping[str, str]

    def text(self, name: str) -> str:
        """The text of the rule file ``name``."""
        try:
            return self.texts[name]
        except KeyError:
            raise DataFileError(f"rule book: no file {name!r}") from None

    def replaced(self, name: str, text: str) -> RuleBook:
        """This book with the file ``name`` replaced by ``text``."""
        if name not in FILES:
            raise DataFileError(f"rule book: unknown file {name!r}")
        return RuleBook({**self.texts, name: text})

    def to_dict(self) -> dict[str, object]:
        """The book as one JSON object ``{"version", "files": {name: text}}`` (``to_bytes``)."""
        return {"version": VERSION, "files": {name: self.texts[name] for name in FILES}}

    @classmethod
    def from_dict(cls, data: Mapping[str, object], where: str = "rule book") -> RuleBook:
        """Inverse of :meth:`to_dict`; another format version or a missing file is an error."""
        _check_version(data.get("version"), where)
        files = data.get("files")
        if not isinstance(files, Mapping):
            raise DataFileError(f"{where}: no 'files' section")
        missing = [name for name in FILES if not isinstance(files.get(name), str)]
        if missing:
            raise DataFileError(f"{where}: missing {', '.join(missing)}")
        return cls({name: str(files[name]) for name in FILES})

    def to_disk(self, folder: Path) -> None:
        """Write each file under its name in ``folder`` and the manifest ``rules.json``."""
        folder.mkdir(parents=True, exist_ok=True)
        for name in FILES:
            (folder / name).write_text(self.texts[name], encoding="utf-8")
        manifest = {"version": VERSION, "files": list(FILES)}
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")

    @classmethod
    def from_disk(cls, folder: Path) -> RuleBook:
        """The book saved in ``folder`` by :meth:`to_disk`."""
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except OSError:
            raise DataFileError(
                f"{folder}: no {MANIFEST} (saved by a tariffscope without saved rules; "
                "save the pipeline again)"
            ) from None
        except ValueError as error:
            raise DataFileError(f"{folder / MANIFEST}: not JSON ({error})") from None
        if not isinstance(manifest, Mapping):
            raise DataFileError(f"{folder / MANIFEST}: not a rule book manifest")
        _check_version(manifest.get("version"), str(folder / MANIFEST))
        try:
            texts = {name: (folder / name).read_text(encoding="utf-8") for name in FILES}
        except OSError as error:
            raise DataFileError(f"{folder}: a saved rule file is missing ({error})") from None
        return cls(texts)


def _check_version(found: object, where: str) -> None:
    if found != VERSION:
        raise DataFileError(
            f"{where}: rules saved in format version {found!r}; "
            f"this tariffscope reads version {VERSION}"
        )


@cache
def shipped_rulebook() -> RuleBook:
    """The rule files shipped in ``news/data`` (read once per process)."""
    data = resources.files("tariffscope.news").joinpath("data")
    try:
        return RuleBook({name: data.joinpath(name).read_text(encoding="utf-8") for name in FILES})
    except OSError as error:
        raise DataFileError(f"news/data: cannot read a rule file ({error})") from None
