"""The setting of a learned chooser of the measure component, with its environment override.

A chooser (the measure target's, the measure status's) is configured by the component's
setting (``rules``/``model``/``fallback``) and an optional weights file; two environment
variables override both so that ``tariffscope eval extract`` can score another setting
without a new pipeline: ``$VARIABLE`` for the setting, ``$VARIABLE_WEIGHTS`` for the file.
Without a weights file the chooser takes the weights of the component's rule book
(:mod:`tariffscope.news.rulebook`), which the component saves with the pipeline.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, Generic, Self, TypeVar

from tariffscope.errors import DataFileError, InputError
from tariffscope.news.rulebook import RuleBook, shipped_rulebook

__all__ = ["LearnedSetting", "Setting", "book_weights", "configured_setting"]

M = TypeVar("M")


def configured_setting(
    mode: str,
    weights: str,
    env: Mapping[str, str] | None,
    variable: str,
    what: str,
    load: Callable[[dict[str, Any]], M],
    book: RuleBook | None = None,
    book_file: str = "",
) -> tuple[str, M | None]:
    """The setting and the model of its weights file, the environment (default
    ``os.environ``) overriding the component's values; without a file, the weights
    ``book_file`` of ``book`` when a book is given (else None: the shipped weights). A weights
    file that does not load is bad input, named with ``what`` ("measure target", ...)."""
    env = os.environ if env is None else env
    mode = env.get(variable) or mode
    weights = env.get(f"{variable}_WEIGHTS") or weights
    if not weights:
        return mode, None if book is None else book_weights(book, book_file, load)
    try:
        model = load(json.loads(Path(weights).read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"{weights}: not a {what} weights file ({error})") from None
    return mode, model


@dataclass(frozen=True)
class Setting(Generic[M]):
    """What configures a learned setting: its environment variable, its name in the message
    of a weights file that does not load, how its weights load and their file in the rule
    book."""

    variable: str
    what: str
    load: Callable[[dict[str, Any]], M]
    book_file: str


class LearnedSetting:
    """The one ``configured`` of the learned settings (the event filter and proposer, the
    actor filter, the measure target and status choosers): frozen dataclasses of a mode and a
    model, whose :attr:`SETTING` says where their configuration comes from and whose
    :meth:`named` checks the mode."""

    SETTING: ClassVar[Setting[Any]]

    @classmethod
    def named(cls, mode: str, model: Any = None) -> Self:
        """The setting of ``mode`` with ``model``; an unknown mode is bad input."""
        raise NotImplementedError

    @classmethod
    def configured(
        cls,
        mode: str,
        weights: str = "",
        env: Mapping[str, str] | None = None,
        book: RuleBook | None = None,
    ) -> Self:
        """The setting of the component's values, ``$VARIABLE`` and ``$VARIABLE_WEIGHTS``
        (:attr:`SETTING`) overriding them when set (:func:`configured_setting`)."""
        spec = cls.SETTING
        mode, model = configured_setting(
            mode, weights, env, spec.variable, spec.what, spec.load, book, spec.book_file
        )
        return cls.named(mode, model)


def book_weights(book: RuleBook | None, name: str, load: Callable[[dict[str, Any]], M]) -> M:
    """The model of the weights file ``name`` of ``book`` (default: the shipped files), read
    once per text."""
    model: M = _weights(name, (book or shipped_rulebook()).text(name), load)
    return model


@cache
def _weights(name: str, text: str, load: Callable[[dict[str, Any]], Any]) -> Any:
    try:
        return load(json.loads(text))
    except (ValueError, KeyError, TypeError) as error:
        raise DataFileError(f"{name}: cannot read the weights ({error})") from None
