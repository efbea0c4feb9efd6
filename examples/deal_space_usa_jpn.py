"""The founding story's deal space: USA-JPN on 18 July 2025, written to docs/deal_space_usa_jpn.md.

The US threatens 25% on all Japanese goods from 1 August (THREAT-JPN-25 in the catalog, separate
from the 25% Section 232 tariff on cars); the deal struck days later put 15% inclusive of MFN on
Japanese goods and on cars. The grid: the US general rate on Japanese goods (inclusive of MFN;
every goods sector but motor vehicles and the metal sectors under Section 232, which the deal
left in place) x the US rate on motor vehicles (ICIO C29, inclusive of MFN). Every number in the
output file comes from :func:`tariffscope.deals`; nothing is typed by hand. Run:
``python examples/deal_space_usa_jpn.py`` (about a minute).
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

import tariffscope

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "deal_space_usa_jpn.md"
CASE = {
    "pair": "USA-JPN",
    "date": "2025-07-18",
    "grid": "general=0:30:1,autos=0:30:1.25",
    "sector_lever": "autos=C29",
    "keep": "C24A+C24B+C25",  # steel, aluminium and their derivatives: Section 232 stays
    "actual": "general=15,autos=15",
}
SOURCES = ("U4", "CP", "BSY", "LL")  # elasticity sources of the ICIO file compared
PAYOFFS = ["payoff_usd_bn_USA", "payoff_usd_bn_JPN", "payoff_pct_USA", "payoff_pct_JPN"]


def _md(frame: pd.DataFrame, digits: int = 2) -> str:
    out = io.StringIO()
    frame.to_markdown(out, index=False, floatfmt=f".{digits}f")
    return out.getvalue()


def _region(grid: pd.DataFrame) -> str:
    ok = grid[grid["acceptable"]]
    if ok.empty:
        return "no deal on the grid is better than disagreement for both sides"
    by_general = ok.groupby("x_pct")["y_pct"].agg(["min", "max"])
    return (
        f"{len(ok)} of {len(grid)} grid deals ({100 * len(ok) / len(grid):.0f}%); general rate "
        f"{ok['x_pct'].min():.0f}-{ok['x_pct'].max():.0f}%, car rate "
        f"{ok['y_pct'].min():.2f}-{ok['y_pct'].max():.2f}% (at a 15% general rate: cars "
        + (
            f"{by_general.loc[15.0, 'min']:.2f}-{by_general.loc[15.0, 'max']:.2f}%)"
            if 15.0 in by_general.index
            else "none)"
        )
    )


def _ideal(grid: pd.DataFrame, member: str) -> str:
    best = grid.loc[grid[f"payoff_usd_bn_{member}"].idxmax()]
    return (
        f"{member}'s best grid deal: general {best['x_pct']:.0f}%, cars {best['y_pct']:.2f}% "
        f"({member} {best[f'payoff_usd_bn_{member}']:+.2f} bn)"
    )


def _distance(solutions: pd.DataFrame) -> str:
    table = solutions.set_index("solution")
    if "actual deal" not in table.index or "Nash bargaining w=0.5" not in table.index:
        return "no Nash bargaining deal to compare the actual deal with"
    actual, nash = table.loc["actual deal"], table.loc["Nash bargaining w=0.5"]
    gap = actual[["x_pct", "y_pct", *PAYOFFS[:2]]] - nash[["x_pct", "y_pct", *PAYOFFS[:2]]]
    return (
        f"Actual deal minus Nash bargaining at weight 0.5: general {gap['x_pct']:+.1f} points, "
        f"cars {gap['y_pct']:+.1f} points; USA {gap['payoff_usd_bn_USA']:+.2f} bn, JPN "
        f"{gap['payoff_usd_bn_JPN']:+.2f} bn"
    )


def main() -> None:
    lines = [
        "# The founding story's deal space (generated)",
        "",
        "Written by `python examples/deal_space_usa_jpn.py`; do not edit by hand. Reasoning: "
        'docs/models.md, "Deal space". Case: '
        + ", ".join(f"`{k}={v}`" for k, v in CASE.items())
        + ". Rates in percent; payoffs against the disagreement point in US$ bn a year (2022 "
        "dollars) and in % of the model's gross spending (ICIO gross use, so tiny).",
        "",
    ]
    for disagreement in ("threat", "status-quo", "war"):
        result = tariffscope.deals(**CASE, disagreement=disagreement, sensitivity=False)
        table = result.solutions[["solution", "x_pct", "y_pct", *PAYOFFS, "detail"]]
        lines += [
            f"## Disagreement point: {disagreement}",
            "",
            f"- {result.sources[2]}",
            f"- Acceptable region: {_region(result.grid)}",
            f"- {_ideal(result.grid, 'USA')}; {_ideal(result.grid, 'JPN')}",
            f"- {_distance(result.solutions)}",
            *(f"- warning: {w}" for w in result.warnings),
            "",
            _md(table.rename(columns={"x_pct": "general", "y_pct": "cars"}), 3),
            "",
        ]
        if not result.sweep.empty:
            sweep = result.sweep[["weight", "x_pct", "y_pct", "payoff_usd_bn_USA",
                                  "payoff_usd_bn_JPN"]]  # fmt: skip
            lines += [
                "Refined Nash bargaining deal by the US weight:",
                "",
                _md(sweep.rename(columns={"x_pct": "general", "y_pct": "cars"})),
                "",
            ]
    rows = []
    for source in SOURCES:
        result = tariffscope.deals(**CASE, elasticities=source)
        rows.append(result.sensitivity)
    lines += [
        "## Sensitivity to the trade elasticities (disagreement: threat, weight 0.5)",
        "",
        "Each elasticity source of the ICIO file, and sigma - 1 scaled by 0.75 and 1.25.",
        "",
        _md(pd.concat(rows, ignore_index=True)),
        "",
    ]
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
