"""``tariffscope serve``: the JSON API and the dashboard over one store, on uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tariffscope.cli._app import err_console, guarded
from tariffscope.cli.ingest import DbOption
from tariffscope.errors import MalformedInputError
from tariffscope.store import default_db_path

__all__ = ["register"]


def serve_command(
    db: DbOption = None,
    host: Annotated[
        str,
        typer.Option(
            "--host",
            help="Address to listen on. On loopback (the default) reads need no token; "
            "elsewhere every request needs it.",
        ),
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port.")] = 8000,
    time_limit: Annotated[
        float, typer.Option("--time-limit", min=1, max=3600, help="Seconds a request may take.")
    ] = 120.0,
) -> None:
    """Serve the JSON API (/docs, /openapi.json) and the dashboard; writes need the token."""
    import uvicorn

    from tariffscope.serve import ServiceConfig, create_app
    from tariffscope.serve._security import TOKEN_ENV, is_loopback, make_token

    path: Path = db if db is not None else default_db_path()
    if path.is_dir():
        raise MalformedInputError(f"--db {path} is a folder", hint="give a store file")
    token, made = make_token()
    where = f"http://{host if ':' not in host else f'[{host}]'}:{port}"
    err_console.print(f"tariffscope serve: {where}/ (store {path})", markup=False, highlight=False)
    if made:
        err_console.print(
            f"write token (set {TOKEN_ENV} to choose one): {token}", markup=False, highlight=False
        )
    if not is_loopback(host):
        err_console.print(
            "listening beyond loopback: every request needs the token; put a TLS proxy in "
            "front (docs/serve.md)",
            markup=False,
            highlight=False,
        )
    app = create_app(ServiceConfig(db=path, token=token, host=host, time_limit=time_limit))
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=10)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the application."""
    app.command("serve")(guarded(serve_command))
