"""Issue 11: a library's log line (trafilatura's "discarding data: None") does not leak to
stderr; ``--debug`` shows it, and tariffscope's own log lines still pass."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tariffscope.cli import app

pytestmark = pytest.mark.issue(11)

runner = CliRunner()
# trafilatura finds no text in a page that is only a script, and logs a warning about it
SCRIPT_ONLY = "<html><body><script>var a = 1;</script></body></html>"


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_text(SCRIPT_ONLY, encoding="utf-8")
    return path


def test_trafilatura_is_quiet_without_debug(page: Path) -> None:
    result = runner.invoke(app, ["extract", str(page)])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {page}: no article text found in the HTML page"
    ]


def test_debug_shows_the_library_lines(page: Path) -> None:
    result = runner.invoke(app, ["--debug", "extract", str(page)])
    assert "WARNING trafilatura.core: discarding data" in result.stderr


def test_own_warnings_pass_and_other_libraries_do_not(monkeypatch: pytest.MonkeyPatch) -> None:
    import tariffscope.cli.rate as rate_cli

    original = rate_cli.resolve

    def noisy(*args: object, **kwargs: object) -> object:
        logging.getLogger("some.library").warning("library chatter")
        logging.getLogger("tariffscope.regime").warning("our own warning")
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(rate_cli, "resolve", noisy)
    result = runner.invoke(app, ["rate", "8703.23.01", "--origin", "GBR", "--date", "2025-08-02"])
    assert result.exit_code == 0, result.output
    assert "library chatter" not in result.stderr
    assert "WARNING tariffscope.regime: our own warning" in result.stderr
