"""The Typer application, its global options and the error boundary every command uses."""

from __future__ import annotations

import errno
import functools
import importlib
import logging
import math
import sys
from collections.abc import Callable, Mapping, Sequence
from enum import StrEnum
from typing import Annotated, Any, ClassVar, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.progress import Progress, ProgressColumn, TextColumn
from typer.core import TyperGroup

from tariffscope import __version__
from tariffscope.errors import (
    EXIT_BAD_INPUT,
    EXIT_FAILURE,
    MalformedInputError,
    TariffscopeError,
)

__all__ = [
    "Format",
    "TabularFormat",
    "app",
    "err_console",
    "guarded",
    "out_console",
    "plain_console",
    "plain_text_column",
    "progress_bar",
    "register_lazily",
]

# the click that typer runs on: the click package, or (typer >= 0.2x) typer's own copy of it,
# whose exceptions and context stack are not the click package's
_CLICK_PACKAGE = typer.BadParameter.__module__.rsplit(".", 1)[0]
_ClickException: Any = next(
    kind for kind in typer.BadParameter.__mro__ if kind.__name__ == "ClickException"
)
_click_globals: Any = importlib.import_module(f"{_CLICK_PACKAGE}.globals")

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


def progress_bar(*columns: ProgressColumn) -> Progress:
    """A transient progress bar on stderr, shown only on a terminal (elsewhere it would leave
    an empty line, and a one-line error would become two)."""
    return Progress(
        *columns, console=err_console, transient=True, disable=not err_console.is_terminal
    )


def plain_text_column(template: str, **options: Any) -> TextColumn:
    """A progress column whose text (a file name, say) is never read as markup."""
    return TextColumn(template, markup=False, **options)


out_console = plain_console(soft_wrap=True)
err_console = plain_console(stderr=True, soft_wrap=True)


class _OneLineUsageErrors(TyperGroup):
    """The command group, with usage mistakes (a missing option, a value out of range) reported
    like every other bad input: one line on stderr, exit 2, instead of a boxed panel.

    Its commands are built when first looked up (:class:`tariffscope.cli._lazy.LazyCommands`,
    from the modules :func:`register_lazily` names).
    """

    lazy_modules: ClassVar[dict[str, str]] = {}

    def __init__(self, *, commands: Any = None, **options: Any) -> None:
        from tariffscope.cli._lazy import LazyCommands

        lazy: Any = LazyCommands(dict(commands or {}), self.lazy_modules, app)
        super().__init__(commands=lazy, **options)  # kept as given: any mutable mapping

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except _ClickException as error:
            # typer has printed the help already when no arguments were given
            if type(error).__name__ != "NoArgsIsHelpError":
                err_console.print(f"error: {_usage_line(error)}", markup=False, highlight=False)
            sys.exit(error.exit_code)
        except typer.Abort:
            err_console.print("aborted", markup=False)
            sys.exit(EXIT_FAILURE)
        sys.exit(code if isinstance(code, int) else 0)


def _usage_line(error: Any) -> str:
    context = getattr(error, "ctx", None)
    message = " ".join(error.format_message().split())
    if context is None:
        return message
    return f"{context.command_path}: {message} (see {context.command_path} --help)"


app = typer.Typer(
    name="tariffscope",
    cls=_OneLineUsageErrors,
    help="Follow and price trade negotiations: what happened, what the law is, what it costs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

_state = {"debug": False}


def register_lazily(modules: Mapping[str, str]) -> None:
    """Add commands to :data:`app` by name -> module (whose ``register(app)`` adds them); a
    module is imported when one of its commands is first looked up."""
    _OneLineUsageErrors.lazy_modules.update(modules)


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
    debug: Annotated[
        bool,
        typer.Option("--debug", help="Show tracebacks of errors and the libraries' log lines."),
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log progress to stderr.")
    ] = False,
) -> None:
    """Follow and price trade negotiations."""
    _state["debug"] = debug
    _configure_logging(verbose=verbose, debug=debug)


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Log lines to the current ``sys.stderr`` (tests swap it), tariffscope's own only unless
    ``--debug``: libraries log what they discard ("discarding data: None") as warnings that
    mean nothing to a user of the command."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)
        self.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr  # not setStream: it flushes the old one, which may be closed
        super().emit(record)

    def filter(self, record: logging.LogRecord) -> bool:
        own = record.name == "tariffscope" or record.name.startswith("tariffscope.")
        return (own or bool(_state["debug"])) and bool(super().filter(record))


_HANDLER = _StderrHandler()


def _configure_logging(*, verbose: bool, debug: bool) -> None:
    root = logging.getLogger()
    if _HANDLER not in root.handlers:
        root.addHandler(_HANDLER)
    level = logging.DEBUG if debug else logging.INFO if verbose else logging.WARNING
    _HANDLER.setLevel(level)
    # lowered for --verbose/--debug only; otherwise inherited (as the root's WARNING), so a
    # library caller's own logging set-up is left alone
    own = logging.DEBUG if debug else logging.INFO if verbose else logging.NOTSET
    logging.getLogger("tariffscope").setLevel(own)


def guarded(func: Callable[P, R]) -> Callable[P, R]:
    """Run a command so that errors end it with one line on stderr and the right exit code.

    A :class:`TariffscopeError` exits with its own code (2 for bad input), and so does a path the
    user named that cannot be used (a folder that cannot be written, a file where a folder is
    needed: exit 2); anything else is a bug and exits 1 with a pointer to ``--debug``.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            _refuse_non_finite(kwargs)
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
        except UnicodeDecodeError as error:
            if _state["debug"]:
                raise
            # a file given where text was expected (binary, another encoding); readers that
            # know the file name say so themselves
            err_console.print(
                f"error: an input is not UTF-8 text ({error.reason} at byte {error.start})",
                markup=False,
                highlight=False,
            )
            raise typer.Exit(EXIT_BAD_INPUT) from None
        except KeyboardInterrupt:
            err_console.print("interrupted", markup=False)
            raise typer.Exit(130) from None
        except Exception as error:
            if _state["debug"]:
                raise
            _internal_error(error)

    return wrapper


def _refuse_non_finite(options: dict[str, Any]) -> None:
    """Refuse NaN or infinity in a number option (Click's ranges let NaN through)."""
    for name, value in options.items():
        values = value if isinstance(value, list | tuple) else (value,)
        if any(isinstance(v, float) and not math.isfinite(v) for v in values):
            raise MalformedInputError(
                f"{_option_name(name)} {value!r} is not a finite number",
                hint="give a number such as 0.5 or 25",
            )


def _option_name(name: str) -> str:
    context = _click_globals.get_current_context(silent=True)
    if context is not None:
        for param in context.command.params:
            if param.name == name and param.opts:
                return str(max(param.opts, key=len))
    return "--" + name.replace("_", "-")


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
