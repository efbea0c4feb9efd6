"""Builder of the embedded HTS schedule table from USITC's HTS 2025 Basic Edition CSV."""

from __future__ import annotations

from collections.abc import Mapping

from tariffscope.data.builders import BuildContext, Builder
from tariffscope.data.tables import write_table
from tariffscope.regime.schedule import EMBEDDED_EDITION, EMBEDDED_TABLE, parse_basic_edition

__all__ = ["BUILDER", "build_hts_schedule"]


def build_hts_schedule(context: BuildContext) -> Mapping[str, object]:
    """Write ``hts_2025_schedule.csv.gz``: the schedule reshaped for fast offline loading.

    From the official CSV it keeps, per row, the code as digits, the level (number of
    digits), the indent, a pointer to the enclosing row, the description with whitespace
    collapsed and the units of quantity, the Column 2 rate and the Special column (the
    preferential rates by programme code); it drops the quota and additional-duty columns; it
    adds the HTS8 lines that the official file prints only as
    their single 10-digit line, and gives every HTS8/HTS10 line the General rate text that
    applies to it (own or inherited) and the line that text was read from; a line's Special
    text is the one printed beside that General rate.
    """
    schedule = parse_basic_edition(
        context.source("hts_2025_basic_edition"), edition=EMBEDDED_EDITION
    )
    table = schedule.to_table()
    write_table(table, context.output(EMBEDDED_TABLE))
    return {
        "edition": schedule.edition,
        "rows": len(table),
        "hts8_lines": len(schedule.hts8),
        "hts10_lines": len(schedule.hts10),
        "lines_with_chapters_98_99": len(schedule),
        "hts8_lines_with_special_rates": int((schedule.special_text_hts8 != "").sum()),
    }


BUILDER = Builder(
    name="hts_schedule",
    description=(
        "HTS 2025 schedule: HTS8/HTS10 lines, descriptions, units, General, Special and"
        " Column 2 rates"
    ),
    sources=("hts_2025_basic_edition",),
    outputs=(EMBEDDED_TABLE,),
    function=build_hts_schedule,
)
