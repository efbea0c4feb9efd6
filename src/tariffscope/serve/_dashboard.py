"""The dashboard: server-rendered pages (Jinja2, autoescaped) over the same functions as the API.

Pages work without JavaScript for reading (the board, a pair, the duty look-up); scripts add
the charts (Vega-Lite, served from the package's installed vl-convert bundle, so no network
is needed), the paste box and the priced outcomes.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import jinja2
import markupsafe
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2.utils import htmlsafe_json_dumps

from tariffscope import __version__
from tariffscope.errors import TariffscopeError
from tariffscope.serve import _backend as backend
from tariffscope.serve._api import board_rows, pair_state
from tariffscope.serve._charts import timeline_chart
from tariffscope.serve._context import Context
from tariffscope.serve._errors import status_of
from tariffscope.strict_json import jsonable, to_json

__all__ = ["install"]

_HERE = Path(__file__).resolve().parent
_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(_HERE / "templates"),
    autoescape=True,  # every template is HTML: story text is escaped wherever it appears
    undefined=jinja2.StrictUndefined,
)


def _script_json(value: Any) -> markupsafe.Markup:
    """Strict JSON safe inside a <script> element (``<``, ``>``, ``&`` and ``'`` escaped)."""
    return markupsafe.Markup(htmlsafe_json_dumps(jsonable(value), dumps=_strict_dumps))


def _strict_dumps(value: Any, **kwargs: Any) -> str:
    return to_json(value)


_ENV.filters["json"] = _script_json
_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'"
)
_IMPORTER = "USA"  # effective rates are of US imports: the importer is no partner line
_bundle_lock = threading.Lock()
_bundle: list[bytes] = []


def _vega_bundle() -> bytes:
    """Vega, Vega-Lite and Vega-Embed from vl-convert (made once, then cached)."""
    with _bundle_lock:
        if not _bundle:
            from tariffscope.report.html import vega_bundle

            _bundle.append(vega_bundle().encode("utf-8"))
        return _bundle[0]


def _page(name: str, status: int = 200, **values: Any) -> HTMLResponse:
    html = _ENV.get_template(name).render(version=__version__, **values)
    response = HTMLResponse(html, status_code=status)
    response.headers["Content-Security-Policy"] = _CSP
    return response


def _error_page(status: int, message: str) -> HTMLResponse:
    return _page("error.html.j2", status=status, title="Error", message=message)


def _context(request: Request) -> Context | HTMLResponse:
    context: Context = request.app.state.context
    try:
        context.guard.read(request)
    except Exception:
        return _page("token.html.j2", status=401, title="Token needed", next=request.url.path)
    return context


def install(app: FastAPI) -> None:
    """Add the dashboard's pages and static files to ``app``."""
    app.mount("/static", StaticFiles(directory=_HERE / "static"), name="static")

    @app.get("/vendor/vega-bundle.js", include_in_schema=False)
    async def vega(request: Request) -> Response:
        context: Context = request.app.state.context
        body = await context.runner(_vega_bundle)
        return Response(
            body,
            media_type="text/javascript",
            headers={"Cache-Control": "public, max-age=86400"},
        )

    @app.get("/", include_in_schema=False)
    async def board(request: Request) -> HTMLResponse:
        context = _context(request)
        if isinstance(context, HTMLResponse):
            return context
        rows = await context.runner(board_rows, context)
        return _page("board.html.j2", title="Negotiations", rows=rows, today=context.today())

    @app.get("/pair/{pair}", include_in_schema=False)
    async def pair(request: Request, pair: str, as_of: str | None = None) -> HTMLResponse:
        context = _context(request)
        if isinstance(context, HTMLResponse):
            return context
        try:
            day = None if not as_of else dt.date.fromisoformat(as_of)
        except ValueError:
            return _error_page(400, f"as_of {str(as_of)[:20]!r} is not a date (write YYYY-MM-DD)")
        try:
            state = await context.runner(pair_state, context, pair[:40], day)
            partner = state["parties"][1]
            law_day = dt.date.fromisoformat(state["as_of"]) if state["as_of"] else None
            catalog = await context.runner(backend.catalog_measures, partner, law_day)
        except TariffscopeError as error:
            return _error_page(status_of(error), error.one_line())
        return _page(
            "pair.html.j2",
            title=f"{state['parties'][0]}-{state['parties'][1]}",
            state=state,
            catalog=catalog,
            chart=timeline_chart(state),
        )

    @app.get("/lookup", include_in_schema=False)
    async def lookup(
        request: Request,
        hts: str = "",
        origin: str = "",
        date: str = "",
    ) -> HTMLResponse:
        context = _context(request)
        if isinstance(context, HTMLResponse):
            return context
        result = None
        message = None
        status = 200
        if hts or origin or date:
            try:
                day = dt.date.fromisoformat(date)
            except ValueError:
                message, status = f"date {date[:20]!r} is not a date (write YYYY-MM-DD)", 400
            else:
                try:
                    result = await context.runner(
                        backend.rate, hts[:20], origin[:12], day, None, (), ()
                    )
                except TariffscopeError as error:
                    message, status = error.one_line(), status_of(error)
        return _page(
            "lookup.html.j2",
            status=status,
            title="Duty look-up",
            hts=hts[:20],
            origin=origin[:12],
            date=date[:10] or context.today().isoformat(),
            result=result,
            message=message,
        )

    @app.get("/etr", include_in_schema=False)
    async def etr(request: Request) -> HTMLResponse:
        context = _context(request)
        if isinstance(context, HTMLResponse):
            return context
        rows = await context.runner(board_rows, context)
        partners = ["ALL"]
        for row in rows:
            for party in row["pair"]:
                if party not in partners and party != _IMPORTER and len(partners) < 6:
                    partners.append(party)
        return _page("etr.html.j2", title="Effective tariff rates", partners=partners)
