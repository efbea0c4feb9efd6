"""The brief as one self-contained HTML file (charts rendered by an inlined Vega bundle)."""

from __future__ import annotations

import logging
from pathlib import Path

import jinja2
import vl_convert

from tariffscope.config import user_dir
from tariffscope.domain.countries import country_name
from tariffscope.report.brief import Brief
from tariffscope.report.charts import brief_charts
from tariffscope.report.compare import difference_reasons
from tariffscope.report.deal_space import section_lines, section_rows
from tariffscope.report.figures import (
    comparison_note,
    diversion_against,
    headline_sections,
    money,
    scenario_diversion,
    scenario_sectors,
)
from tariffscope.report.ge_figures import comparison_table, economy_tables
from tariffscope.report.numbers import partner_name
from tariffscope.report.sentences import outcome_sentences
from tariffscope.strict_json import to_json

__all__ = ["render_html", "vega_bundle", "write_pngs"]

logger = logging.getLogger(__name__)
_TEMPLATES = Path(__file__).resolve().parent / "templates"


def vega_bundle() -> str:
    """The Vega, Vega-Lite and Vega-Embed JavaScript, bundled by vl-convert (cached on disk).

    Bundling takes seconds, so the bundle is kept in the user cache under vl-convert's version.
    """
    version = getattr(vl_convert, "__version__", "unknown")
    cache = user_dir() / "cache" / f"vega-bundle-{version}.js"
    try:
        return cache.read_text(encoding="utf-8")
    except OSError:
        pass
    bundle: str = vl_convert.javascript_bundle()  # type: ignore[call-arg]  # the stub omits the default
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(bundle, encoding="utf-8")
    except OSError as error:
        logger.info("vega bundle not cached: %s", error)
    return bundle


def _script_json(data: object) -> str:
    """JSON safe inside a <script> element (no closing tags, no line separators)."""
    text = to_json(data)
    return text.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _money_table(frame: object) -> tuple[list[str], list[list[str]]]:
    columns = [str(c) for c in frame.columns]  # type: ignore[attr-defined]
    rows = [[str(sector), *(money(v) for v in row)] for sector, row in frame.iterrows()]  # type: ignore[attr-defined]
    return columns, rows


def _sector_tables(brief: Brief) -> list[tuple[str, tuple[list[str], list[list[str]]]]]:
    partner = partner_name(brief.partner)
    tables = [
        (
            f"Change in US imports from {partner} by sector, against the reference law",
            _money_table(scenario_sectors(brief, top=10)),
        )
    ]
    diverted = scenario_diversion(brief, top=10)
    if not diverted.empty:
        tables.append(
            (
                f"Trade diverted to other suppliers, against {diversion_against(brief)}",
                _money_table(diverted),
            )
        )
    return tables


def render_html(brief: Brief, texts: tuple[str, ...] = ()) -> str:
    """The HTML brief. Article text and every extracted string are HTML-escaped."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    charts = brief_charts(brief) if brief.scenarios else {}
    us, partner = brief.pair
    priced = bool(brief.scenarios)
    has_economy = brief.economy is not None and not brief.economy.empty
    sentences = outcome_sentences(brief) if priced else {}
    return environment.get_template("brief.html.j2").render(
        brief=brief,
        pair_label=f"{country_name(us)} - {country_name(partner)}",
        deadline=brief.next_deadline,
        days=brief.days_to_deadline,
        sentences=[(s.spec.label, sentences.get(s.spec.key, "")) for s in brief.scenarios],
        headline_sections=headline_sections(brief) if priced else [],
        comparison_note=comparison_note(brief) if priced else "",
        sector_tables=_sector_tables(brief) if priced else [],
        charts=charts,
        specs_json=_script_json(charts),
        vega_bundle=vega_bundle().replace("</script", "<\\/script"),
        economy_tables=economy_tables(brief),
        comparison=comparison_table(brief) if priced and has_economy else None,
        reasons=difference_reasons(brief) if priced and has_economy else [],
        warnings=[str(w) for w in getattr(brief, "warnings", ())],
        deal_lines=section_lines(brief.deal_space),
        deal_rows=section_rows(brief.deal_space),
        deal_columns=[
            *(name for name, _ in brief.deal_space.levers),
            *(f"{m} US$ bn" for m in brief.deal_space.pair or ()),
        ],
        texts=texts,
    )


def write_pngs(brief: Brief, directory: Path) -> list[Path]:
    """Each chart as a PNG (vl-convert), for documents that cannot run JavaScript."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, spec in brief_charts(brief).items():
        path = directory / f"brief-{name}.png"
        path.write_bytes(vl_convert.vegalite_to_png(spec, scale=2))
        written.append(path)
    return written
