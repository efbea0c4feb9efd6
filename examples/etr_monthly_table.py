"""The monthly table of docs/etr.md: our effective rates of 2025 beside the realized rate.

For every month: the mean over its days of the effective rate of all partners at applied rates
(claim shares) before and after substitution (``tariffscope etr``), the statutory rate (no
preference claimed), the applied rate with Section 232 derivative duties charged on no metal
content (a bound that shows how much the unknown metal share weighs), and the realized rate
(DataWeb calculated duties / customs value of the goods entered that month, ../shared). Run:
``python examples/etr_monthly_table.py [--to YYYY-MM]`` (a few minutes for the year).
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import date, timedelta
from functools import partial

import pandas as pd

from tariffscope.config import shared_file
from tariffscope.data.loaders import REALIZED_FILE, load_realized_rates
from tariffscope.impact.applied import applied_line_rates, forget_answers
from tariffscope.impact.etr import ALL, APPLIED, STATUTORY, LineRates, effective_rates
from tariffscope.impact.etr.rates import usmca_share_breaks


def _variants() -> dict[str, LineRates]:
    no_metal = LineRates(
        "applied, no metal",
        partial(applied_line_rates, metal_share=0.0),
        uses_claims=True,
        breaks=usmca_share_breaks,
        release=forget_answers,
        specific_as_ave=True,
    )
    return {"applied": APPLIED, "statutory": STATUTORY, "applied, no metal": no_metal}


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
        if name == "applied":
            columns["applied after substitution"] = means["etr_after_substitution_pct"]
    order = ["applied", "applied after substitution", "statutory", "applied, no metal"]
    table = pd.DataFrame(columns)[order]
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
