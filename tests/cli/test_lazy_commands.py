"""The command line builds a command when it is used: running one imports no other's module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import typer.main
from typer.testing import CliRunner

from tariffscope.cli import COMMAND_MODULES, COMMANDS, app


def test_every_command_of_the_table_is_built_by_its_module() -> None:
    group = typer.main.get_command(app)
    assert list(group.commands) == list(COMMANDS)  # --help order
    for name in COMMANDS:
        command = group.commands[name]
        assert command.name == name
        assert command.help, f"{name} has no help"


def test_the_help_lists_every_command() -> None:
    done = CliRunner().invoke(app, ["--help"])
    assert done.exit_code == 0
    for name in COMMANDS:
        assert f" {name} " in done.output, name


def test_a_command_imports_no_other_command_module(repo_root: Path) -> None:
    # the brief's own module and the helpers it imports, not rate, etr, deals, ...
    code = (
        "import sys\n"
        "from tariffscope.cli import main\n"
        "sys.argv = ['tariffscope', 'brief', '--help']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "names = sorted(m for m in sys.modules if m.startswith('tariffscope.cli.'))\n"
        "print('LOADED', *names)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=repo_root, capture_output=True, text=True, check=True
    )
    line = next(s for s in done.stdout.splitlines() if s.startswith("LOADED"))
    loaded = {m.rsplit(".", 1)[1] for m in line.split()[1:]}
    assert "brief" in loaded
    others = set(COMMAND_MODULES) - {"brief"}
    assert not loaded & others, loaded & others


def test_the_brief_modules_import_no_optimizer_and_no_schema_validator(repo_root: Path) -> None:
    # scipy.optimize (0.3-0.5 s) is called only by the trade-war solvers the brief does not run,
    # and jsonschema only when a catalog file is validated (the brief reads the validated
    # catalog from the user cache): importing the brief's modules must not load either
    code = (
        "import sys\n"
        "import tariffscope.api, tariffscope.cli.brief, tariffscope.report.build\n"
        "import tariffscope.report.brief, tariffscope.report.deal_space\n"
        "import tariffscope.report.deal_space_solve, tariffscope.report.economy\n"
        "import tariffscope.report.terminal, tariffscope.report.json_out\n"
        "import tariffscope.impact.tradewar.deal_case, tariffscope.impact.tradewar.cooperative\n"
        "import tariffscope.regime, tariffscope.tracker, tariffscope.news.pipeline\n"
        "print('LOADED', *sorted(m for m in ('scipy.optimize', 'jsonschema') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=repo_root, capture_output=True, text=True, check=True
    )
    line = next(s for s in done.stdout.splitlines() if s.startswith("LOADED"))
    assert line.split()[1:] == []
