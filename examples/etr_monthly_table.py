"""The monthly table of docs/etr.md: our effective rates of 2025 beside the realized rate.

For every month: the mean over its days of the statutory effective rate of all partners before
and after substitution (``tariffscope etr``), two bounds that show where the gap to what was
collected comes from (every preference programme claimed by every eligible good; the same with
Section 232 derivative duties charged on no metal content), and the realized rate (DataWeb
calculated duties / customs value of the goods entered that month, ../shared). Run:
``python examples/etr_monthly_table.py [--to YYYY-MM]`` (about a minute for the year).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date, timedelta
from functools import partial

import pandas as pd

from tariffscope.config import shared_file
from tariffscope.data.loaders import REALIZED_FILE, load_realized_rates
from tariffscope.impact.etr import ALL, STATUTORY, LineRates, effective_rates
from tariffscope.impact.pe.law import forget_answers, law_on_lines
from tariffscope.regime.resolve import default_catalog


def _variants() -> dict[str, LineRates]:
    claims = tuple(default_catalog().programmes)
    claimed = partial(law_on_lines, claims=claims)
    no_metal = partial(law_on_lines, claims=claims, metal_share=0.0)
    return {
        "statutory": STATUTORY,
        "all claimed": LineRates("all claimed", claimed, uses_claims=True, release=forget_answers),
        "all claimed, no metal": LineRates(
            "all claimed, no metal", no_metal, uses_claims=True, release=forget_answers
        ),
    }


def monthly_table(last_month: str = "2025-12") -> pd.DataFrame:
    """One row per month of 2025 up to ``last_month`` (``YYYY-MM``), rates in percent."""
    year, month = (int(part) for part in last_month.split("-"))
    end = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
    columns: dict[str, pd.Series] = {}
    for name, rates in _variants().items():
        frame = effective_rates(date(2025, 1, 1), end, partners=[ALL], line_rates=rates)
        frame["month"] = frame["date"].map(lambda d: f"{d.year}-{d.month:02d}")
        means = frame.groupby("month")[["etr_pct", "etr_after_substitution_pct"]].mean()
        columns[name] = means["etr_pct"]
        if name == "statutory":
            columns["statutory after substitution"] = means["etr_after_substitution_pct"]
    table = pd.DataFrame(columns)
    realized = load_realized_rates(shared_file(REALIZED_FILE))
    realized["month"] = [
        f"{y}-{m:02d}" for y, m in zip(realized["year"], realized["month"], strict=True)
    ]
    table["realized"] = realized.set_index("month")["realized_pct"].reindex(table.index)
    return table


def main(argv: Sequence[str] | None = None) -> pd.DataFrame:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--to", default="2025-12", help="last month (YYYY-MM)")
    args = parser.parse_args(argv)
    table = monthly_table(args.to)
    print(table.round(1).to_string())
    return table


if __name__ == "__main__":
    main()
