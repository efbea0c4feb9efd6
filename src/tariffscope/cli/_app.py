"""The Typer application, its global options and the error boundary every command uses."""

from __future__ import annotations

import errno
import functools
import logging
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.progress import TextColumn

from tariffscope import __version__
from tariffscope.errors import EXIT_BAD_INPUT, EXIT_FAILURE, TariffscopeError

__all__ = [
    "Format",
    "TabularFormat",
    "app",
    "err_console",
    "guarded",
    "out_console",
    "plain_console",
    "plain_text_column",
]

P = ParamSpec("P")
R = TypeVar("R")


class Format(StrEnum):
    """How to print results."""

    table = "table"
    json = "json"


class TabularFormat(StrEnum):
    """How to print tabular results."""

    table = "table"
    json = "json"
    csv = "csv"


def plain_console(**options: Any) -> Console:
    """A console that prints every string as it is: never Rich markup, never emoji codes.

    Story text, titles, file names and quotes come from outside; read as markup, ``[/]`` in a
    story crashes a command, ``[link=URL]`` becomes a terminal hyperlink and ``[from URL slug]``
    vanishes. Styling is done with :class:`rich.text.Text` instead.
    """
    return Console(markup=False, emoji=False, **options)


def plain_text_column(template: str, **options: Any) -> TextColumn:
    """A progress column whose text (a file name, say) is never read as markup."""
    return TextColumn(template, markup=False, **options)


out_console = plain_console(soft_wrap=True)
err_console = plain_console(stderr=True, soft_wrap=True)

app = typer.Typer(
    name="tariffscope",
    help="Follow and price trade negotiations: what happened, what the law is, what it costs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state = {"debug": False}


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"tariffscope {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Show the version."
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log progress to stderr.")
    ] = False,
) -> None:
    """Follow and price trade negotiations."""
    _state["debug"] = debug
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Run a command so that errors end it with one line on stderr and the right exit code.

    A :class:`TariffscopeError` exits with its own code (2 for bad input), and so does a path the
    user named that cannot be used (a folder that cannot be written, a file where a folder is
    needed: exit 2); anything else is a bug and exits 1 with a pointer to ``--debug``.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort):
            raise
        except TariffscopeError as error:
            if _state["debug"]:
                raise
            err_console.print(f"error: {error.one_line()}", markup=False, highlight=False)
            raise typer.Exit(error.exit_code) from None
        except OSError as error:
            if _state["debug"]:
                raise
            if not _is_path_mistake(error):
                _internal_error(error)
            err_console.print(f"error: {_path_message(error)}", markup=False, highlight=False)
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except KeyboardInterrupt:
            err_console.print("interrupted", markup=False)
            raise typer.Exit(130) from None
        except Exception as error:
            if _state["debug"]:
                raise
            _internal_error(error)

    return wrapper


def _internal_error(error: Exception) -> NoReturn:
    err_console.print(
        f"internal error: {type(error).__name__}: {' '.join(str(error).split())} "
        "(rerun with --debug for the traceback)",
        markup=False,
        highlight=False,
    )
    raise typer.Exit(EXIT_FAILURE) from None


# errno values that mean "this path cannot be used as given": the user's mistake, not a bug
_PATH_MISTAKES = frozenset(
    {
        errno.EACCES,
        errno.EPERM,
        errno.EISDIR,
        errno.ENOTDIR,
        errno.EEXIST,
        errno.ENOENT,
        errno.EROFS,
        errno.ENAMETOOLONG,
        errno.ELOOP,
    }
)


def _is_path_mistake(error: OSError) -> bool:
    return error.filename is not None and error.errno in _PATH_MISTAKES


def _path_message(error: OSError) -> str:
    reason = error.strerror or type(error).__name__
    return " ".join(f"cannot use {error.filename}: {reason}".split())
