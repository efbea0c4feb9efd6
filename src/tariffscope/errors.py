"""Errors raised by tariffscope.

Every error a user can cause derives from :class:`TariffscopeError`, so a caller can catch one
class for all of them, or a leaf for one case::

    TariffscopeError                 base; ``exit_code`` says how the CLI ends
    ├── InputError                   bad input from the user (exit 2)
    │   ├── UnknownCodeError         an HTS code, country or measure id that does not exist
    │   ├── MalformedInputError      a date, code, file or option that cannot be parsed
    │   ├── DataFileError            a data file with a wrong column, row or value
    │   ├── ScenarioError            a scenario file that cannot be applied
    │   └── ExtractionError          an article that cannot be read (missing, binary, empty,
    │                                not English, a URL that cannot be fetched)
    ├── CatalogError                 the measure catalog is inconsistent (names the record)
    │   └── ScopeConflictError       two measures claim the same slot and neither supersedes
    ├── DataUnavailableError         a needed data file is missing (names how to get it)
    ├── NotCoveredError              the tool lacks data or a model for this input (no trade
    │                                data for a partner, a country outside the GE data): a
    │                                caller finishes what it can and warns; never bad input
    ├── StoreError                   the embedded store cannot be opened or migrated
    │   ├── NotAStoreError           --db names a file that is not a DuckDB store (exit 2)
    │   └── StoreBusyError           another process holds the store past the wait (exit 2)
    └── ModelError                   an economic engine failed
        └── ConvergenceError         a solver stopped without meeting its tolerance

Messages say what failed, for which input, and what to try next. The CLI prints the message
on one line and exits with ``exit_code``; the traceback is shown only with ``--debug``.
"""

from __future__ import annotations

__all__ = [
    "CatalogError",
    "ConvergenceError",
    "DataFileError",
    "DataUnavailableError",
    "ExtractionError",
    "InputError",
    "MalformedInputError",
    "ModelError",
    "NotAStoreError",
    "NotCoveredError",
    "ScenarioError",
    "ScopeConflictError",
    "StoreBusyError",
    "StoreError",
    "TariffscopeError",
    "UnknownCodeError",
]

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_BAD_INPUT = 2


class TariffscopeError(Exception):
    """Base of every error tariffscope raises on purpose."""

    exit_code: int = EXIT_FAILURE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def one_line(self) -> str:
        """The message and hint as one line, for the terminal."""
        text = " ".join(self.message.split())
        if self.hint:
            text = f"{text} ({' '.join(self.hint.split())})"
        return text


class InputError(TariffscopeError):
    """The user gave something tariffscope cannot use."""

    exit_code = EXIT_BAD_INPUT


class UnknownCodeError(InputError):
    """An HTS code, a country code or a measure id that does not exist."""


class MalformedInputError(InputError):
    """A value that cannot be parsed (a date, a code, a file)."""


class DataFileError(InputError):
    """A data file whose shape or values are wrong; the message names file, column and row."""


class ScenarioError(InputError):
    """A scenario file that cannot be read or applied."""


class CatalogError(TariffscopeError):
    """The measure catalog breaks its schema or its own rules; the message names the record."""


class ScopeConflictError(CatalogError):
    """Two measures of one stacking group apply to the same entry and neither supersedes."""


class ExtractionError(InputError):
    """An article could not be read or processed (the input's fault: exit 2)."""


class DataUnavailableError(TariffscopeError):
    """A data file the command needs is not present."""


class NotCoveredError(TariffscopeError):
    """The tool has no data or model for this (valid) input: a capability it lacks.

    Not the user's mistake: commands catch it, finish with what can be done and put the message
    among the result's warnings (exit 0). ``what`` names the uncovered thing (``"IRN"``).
    """

    exit_code = EXIT_OK

    def __init__(self, message: str, *, what: str = "", hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.what = what


class StoreError(TariffscopeError):
    """The embedded store cannot be opened, migrated or written."""


class NotAStoreError(StoreError, InputError):
    """The store path names a file that is not a DuckDB database (checked before DuckDB reads
    it); the user's mistake, so exit 2."""


class StoreBusyError(StoreError, InputError):
    """Another process kept the store locked for longer than the wait; exit 2."""

    def __init__(self, message: str, *, holder: str = "", hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.holder = holder


class ModelError(TariffscopeError):
    """An economic engine could not produce a valid answer."""


class ConvergenceError(ModelError):
    """A solver stopped without reaching its tolerance, or reached an impossible answer."""
