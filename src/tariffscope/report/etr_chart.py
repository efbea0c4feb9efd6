"""The effective-rate series as a chart: Altair (Vega-Lite), written as PNG or self-contained HTML.

One line per partner (or per sector), the rate before substitution solid and after substitution
dashed, stepping on the days the law changes. The HTML page inlines the same Vega bundle as the
HTML brief (:func:`tariffscope.report.html.vega_bundle`), so it opens without a network.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import altair as alt
import jinja2
import pandas as pd
import vl_convert

from tariffscope.errors import InputError
from tariffscope.report.html import _script_json, vega_bundle

__all__ = ["CHART_SUFFIXES", "MAX_SERIES", "etr_chart", "write_etr_chart", "write_spec"]

#: Output formats of :func:`write_etr_chart`, by file suffix.
CHART_SUFFIXES = (".png", ".html")
#: Lines drawn at most: the largest by 2024 imports (a chart of 200 lines shows nothing).
MAX_SERIES = 8
_TEMPLATES = Path(__file__).resolve().parent / "templates"
_MEASURES = {
    "etr_pct": "before substitution",
    "etr_after_substitution_pct": "after substitution",
}


def _series(frame: pd.DataFrame, key: str) -> list[str]:
    """The values of ``key`` to draw: ALL first, then the largest by imports."""
    sizes = frame.groupby(key, sort=False)["imports_usd"].max().sort_values(ascending=False)
    names = [str(n) for n in sizes.index]
    first = [n for n in names if n == "ALL"]
    return first + [n for n in names if n != "ALL"][: MAX_SERIES - len(first)]


def _steps(long: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Only the days a line changes, and its last day (drawn as steps, the line is the same)."""
    long = long.sort_values([*keys, "date"], kind="stable")
    previous = long.groupby(keys, sort=False)["pct"].shift()
    same = (long["pct"] == previous) | (long["pct"].isna() & previous.isna())
    last = ~long.duplicated(keys, keep="last")
    return long[~same | last].reset_index(drop=True)


def etr_chart(frame: pd.DataFrame, *, title: str | None = None) -> dict[str, Any]:
    """A Vega-Lite specification of an :func:`~tariffscope.impact.etr.effective_rates` frame."""
    key = "sector" if "sector" in frame.columns else "partner"
    shown = _series(frame, key)
    data = frame[frame[key].isin(shown)]
    if key == "sector":
        data = data.assign(sector=data["partner"] + " " + data["sector"])
    long = data.melt(
        id_vars=["date", key], value_vars=list(_MEASURES), var_name="measure", value_name="pct"
    )
    long["measure"] = long["measure"].map(_MEASURES)
    long = _steps(long, [key, "measure"])
    long["date"] = long["date"].map(lambda d: d.isoformat())
    chart = (
        alt.Chart(long)
        .mark_line(interpolate="step-after")
        .encode(
            x=alt.X("date:T", title="entry date"),
            y=alt.Y("pct:Q", title="effective tariff rate, %"),
            color=alt.Color(f"{key}:N", sort=shown if key == "partner" else None, title=key),
            strokeDash=alt.StrokeDash(
                "measure:N",
                title=None,
                scale=alt.Scale(domain=list(_MEASURES.values()), range=[[1, 0], [6, 3]]),
            ),
            tooltip=["date:T", f"{key}:N", "measure:N", alt.Tooltip("pct:Q", format=".2f")],
        )
        .properties(
            width=640,
            height=360,
            title=title or "US effective tariff rate, 2024 imports as weights",
        )
    )
    spec: dict[str, Any] = chart.to_dict()
    return spec


def write_etr_chart(
    frame: pd.DataFrame,
    path: Path,
    *,
    title: str | None = None,
    warnings: list[str] | None = None,
    sources: list[str] | None = None,
) -> Path:
    """Write the chart to ``path``: ``.png`` (vl-convert) or ``.html`` (self-contained)."""
    return write_spec(etr_chart(frame, title=title), path, warnings=warnings, sources=sources)


def write_spec(
    spec: dict[str, Any],
    path: Path,
    *,
    warnings: list[str] | None = None,
    sources: list[str] | None = None,
) -> Path:
    """Write a Vega-Lite ``spec`` to ``path``: ``.png`` (vl-convert) or ``.html``
    (self-contained, with the warnings and sources under the chart)."""
    suffix = path.suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise InputError(
            f"chart file {str(path)!r} has neither of the suffixes {', '.join(CHART_SUFFIXES)}"
        )
    if suffix == ".png":
        path.write_bytes(vl_convert.vegalite_to_png(spec, scale=2))
        return path
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    page = environment.get_template("chart.html.j2").render(
        title=_title_text(spec.get("title", "chart")),
        spec_json=_script_json(spec),
        vega_bundle=vega_bundle().replace("</script", "<\\/script"),
        warnings=warnings or [],
        sources=sources or [],
    )
    path.write_text(page, encoding="utf-8")
    return path


def _title_text(title: Any) -> str:
    """A Vega-Lite title (a string or ``{"text": ...}``) as page text."""
    if isinstance(title, dict):
        text = title.get("text", "chart")
        return " ".join(text) if isinstance(text, list) else str(text)
    return str(title)
