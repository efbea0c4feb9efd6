"""Builder of ``us_sector_tariffs.csv.gz``: US tariffs by GTAP sector and partner at key dates.

Each snapshot is computed by the tariff-law engine from every HTS8 line
(:func:`tariffscope.impact.pe.law.sector_tariffs_at`: the built-in measure catalog and HTS
2025 schedule, HS6-equal line weights, Japan's vehicle mix from its own statistics). The
table is a record of what the engine gives for the US-Japan outcomes; ``simulate`` recomputes
tariffs from the law at run time, and ``tests/impact/pe/test_sector_baseline.py`` fails when
the catalog changes and this table is stale (rebuild with ``tariffscope data build
sector_tariffs``).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from tariffscope.data.builders import BuildContext, Builder
from tariffscope.data.tables import write_table

__all__ = ["BUILDER", "SECTOR_TARIFFS_TABLE", "SNAPSHOTS", "build_sector_tariffs", "snapshot_frame"]

SECTOR_TARIFFS_TABLE = "us_sector_tariffs.csv.gz"

#: name -> (entry date, law as known on, catalog measures enacted as a scenario)
SNAPSHOTS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "reference_2025_01_01": ("2025-01-01", None, ()),
    "law_2025_07_18": ("2025-07-18", None, ()),
    "law_2025_08_01_as_known_2025_07_18": ("2025-08-01", "2025-07-18", ()),
    "threat_jpn_25_2025_08_01": ("2025-08-01", "2025-07-18", ("THREAT-JPN-25",)),
    "deal_2025_09_16": ("2025-09-16", None, ()),
}


def snapshot_frame(name: str) -> pd.DataFrame:
    """The sector x partner tariffs of one snapshot, computed now from the tariff law."""
    from tariffscope.impact.pe.baseline import load_sector_baseline
    from tariffscope.impact.pe.law import sector_tariffs_at
    from tariffscope.regime.scenario import scenario_from_mapping

    entry, as_known, enact = SNAPSHOTS[name]
    scenario = scenario_from_mapping({"name": name, "enact": list(enact)}) if enact else None
    tariffs = sector_tariffs_at(
        load_sector_baseline(), entry, scenario=scenario, as_known=as_known
    ).to_frame()
    tariffs.insert(0, "snapshot", name)
    tariffs.insert(1, "entry_date", entry)
    tariffs.insert(2, "as_known", as_known or "")
    tariffs.insert(3, "enacted", " ".join(enact))
    tariffs["tariff_pct"] = tariffs["tariff_pct"].round(6)
    tariffs["coverage"] = tariffs["coverage"].round(6)
    return tariffs


def build_sector_tariffs(context: BuildContext) -> Mapping[str, object]:
    """Write ``us_sector_tariffs.csv.gz`` (one row per snapshot x sector x partner)."""
    frame = pd.concat([snapshot_frame(name) for name in SNAPSHOTS], ignore_index=True)
    write_table(frame, context.output(SECTOR_TARIFFS_TABLE))
    japan = frame[(frame["partner"] == "JPN") & (frame["gtap_code"] == "mvh")]
    return {
        "snapshots": list(SNAPSHOTS),
        "rows": len(frame),
        "japan_mvh_tariff_pct": dict(
            zip(japan["snapshot"], japan["tariff_pct"].round(3).astype(float), strict=True)
        ),
    }


BUILDER = Builder(
    name="sector_tariffs",
    description="US tariffs by GTAP sector x partner at the US-Japan dates, from the tariff law",
    sources=(),
    outputs=(SECTOR_TARIFFS_TABLE,),
    function=build_sector_tariffs,
)
