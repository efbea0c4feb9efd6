"""The HTS Special column: parsing its texts, and the embedded table against USITC's file.

Texts and counts come from USITC's HTS 2025 Basic Edition (column "Special Rate of Duty" of
``../shared/data/b_tariff_schedule/hts_2025_basic_edition.csv``).
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from tariffscope.regime._special_text import PROGRAMME_CODES, parse_special
from tariffscope.regime.schedule import load_schedule


def test_one_rate_for_many_programmes() -> None:
    # 0101.30.00.00 and 1795 other lines of the 2025 edition print exactly this text
    rates = parse_special("Free (A,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)")
    assert len(rates.terms) == 1 and rates.note == ""
    assert rates.codes == frozenset(
        [
            "A",
            "AU",
            "BH",
            "CL",
            "CO",
            "D",
            "E",
            "IL",
            "JO",
            "KR",
            "MA",
            "OM",
            "P",
            "PA",
            "PE",
            "S",
            "SG",
        ]
    )
    assert rates.term("KR") is not None and rates.term("KR").rate.kind == "free"  # type: ignore[union-attr]
    assert rates.term("JP") is None


def test_several_rates_references_and_compound_rates() -> None:
    # 0406.90.94 (cheese) in the 2025 edition, with its "(PA (PA)" typo
    text = (
        "Free (BH,CL,JO,MA,OM,P,PE,SG) 7.5¢/kg (KR) See 9823.04.01-9823.04.54 (S+) "
        "See 9908.04.05 (IL) See 9918.04.50, 9918.04.58 (CO) See 9919.04.50, 9919.04.57, "
        "9919.04.67 (PA (PA)"
    )
    rates = parse_special(text)
    korea = rates.term("KR")
    assert korea is not None and korea.rate is not None
    assert korea.rate.kind == "specific" and korea.rate.specific[0].amount_usd == 0.075
    usmca = rates.term("S+")
    assert usmca is not None and usmca.reference == "9823.04.01-9823.04.54" and not usmca.readable
    panama = rates.term("PA")
    assert panama is not None and panama.reference == "9919.04.50, 9919.04.57, 9919.04.67"
    assert rates.term("P") is not None and rates.term("P").rate.kind == "free"  # type: ignore[union-attr]
    compound = parse_special("$1.035/kg + 13.6% (S+)").term("S+")
    assert compound is not None and compound.rate is not None
    assert compound.rate.kind == "compound" and compound.rate.ad_valorem == pytest.approx(0.136)


def test_typos_of_the_2025_edition_are_read() -> None:
    # 4011.90.20: "E IL" without a comma; 6204.63.11: ".OM"; missing spaces before a rate
    assert {"E", "IL"} <= parse_special("Free (A*,AU,BH,CL,CO,D,E IL,JO,KR)").codes
    assert "OM" in parse_special("Free (AU,BH,CL,CO,IL,JO,KR,MA,.OM,P,PA,PE,S,SG)").codes
    joined = parse_special("Free (A+,AU,B,BH,CL,CO,D,E,IL,JO,MA,OM,P,PA,PE,S,SG)25% (KR)")
    assert joined.term("KR").rate.ad_valorem == 0.25  # type: ignore[union-attr]
    # parentheses that are not codes belong to the rate text
    note = parse_special("No change (A,E) Free (CA,IL, MX) See U.S. note 3(e) (CO,PE)")
    assert note.term("A").no_change and note.term("CO").text == "See U.S. note 3(e)"  # type: ignore[union-attr]


def test_lowest_rate_of_several_programmes_is_chosen() -> None:
    rates = parse_special("Free (A,AU,KR) 3.2% (JP)")
    best = rates.best(frozenset({"JP", "KR"}))
    assert best is not None and best.codes[0] == "A" and best.rate.ad_valorem == 0.0  # type: ignore[union-attr]
    assert rates.best(frozenset({"JP"})).rate.ad_valorem == pytest.approx(0.032)  # type: ignore[union-attr]


def test_embedded_lines_carry_their_special_text() -> None:
    schedule = load_schedule()
    car = schedule.line("8703.23.01")  # General 2.5%
    assert car.mfn.text == "2.5%"
    assert car.special.term("KR") is not None and car.special.term("KR").rate.ad_valorem == 0  # type: ignore[union-attr]
    # a statistical line takes the Special text of the line its General rate comes from
    child = schedule.line(schedule.children("8703.23.01")[0])
    assert child.special_text == car.special_text
    # a line whose General rate is Free prints no Special rate
    assert schedule.line("0101.21.00").special_text == ""


def test_special_rate_arrays_match_single_lines() -> None:
    schedule = load_schedule()
    korea = schedule.special_rates("KR")
    rng = np.random.default_rng(7)
    for row in rng.choice(len(schedule.hts8), size=300, replace=False).tolist():
        term = schedule.line(str(schedule.hts8[row])).special.best(frozenset({"KR"}))
        assert bool(korea.listed[row]) == (term is not None)
        if term is not None and term.rate is not None:
            assert korea.ad_valorem[row] == term.rate.ad_valorem
            assert korea.specific[row] == term.rate.is_specific
    assert schedule.special_rates(("S", "S+")) is schedule.special_rates(frozenset({"S+", "S"}))


def _official_rows(shared: Path) -> list[dict[str, str]]:
    path = shared / "data/b_tariff_schedule/hts_2025_basic_edition.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.shared
def test_every_special_text_of_chapters_1_to_97_reads_without_leftovers(shared: Path) -> None:
    """Every code printed in chapters 1-97 is a known programme code with a readable rate or a
    reference; no text is left unattributed."""
    texts = {
        row["Special Rate of Duty"]
        for row in _official_rows(shared)
        if row["Special Rate of Duty"].strip() and row["HTS Number"][:2] not in ("98", "99")
    }
    assert len(texts) > 400
    for text in texts:
        rates = parse_special(text)
        assert rates.note == "", text
        assert rates.terms, text
        for term in rates.terms:
            assert set(term.codes) <= PROGRAMME_CODES
            assert term.readable or term.reference, (text, term)


@pytest.mark.shared
def test_lines_per_code_match_the_official_file(shared: Path) -> None:
    """Per programme code, the HTS8 lines listing it in the embedded arrays equal the tariff lines
    of the official file whose Special text lists it (counted independently with a regex)."""
    import re

    code_re = re.compile(r"\(([^()]*)\)")
    rows = _official_rows(shared)
    schedule = load_schedule()
    own: dict[str, str] = {}
    for row in rows:
        code = row["HTS Number"].replace(".", "")
        if row["General Rate of Duty"].strip():
            own[code] = " ".join(row["Special Rate of Duty"].split())
    counts: Counter[str] = Counter()
    for hts8 in schedule.hts8.tolist():
        source = schedule.line(hts8).rate_source
        text = own.get(source, "")
        for group in code_re.findall(text):
            tokens = {t.strip(" .") for t in re.split(r"[,\s]+", group) if t.strip(" .")}
            if tokens <= PROGRAMME_CODES:
                counts.update(tokens)
    for code in ("KR", "AU", "P", "S", "JP", "C", "K", "A+"):
        column = schedule.special_rates(code)
        assert int((column.listed | column.reference).sum()) == counts[code], code
    # spot checks against the printed text: 8703.23.01 (cars) and 6109.10.00 (cotton T-shirts)
    assert own["87032301"].startswith("Free (A+,AU,B,BH,CL,CO,D,E,IL,JO,KR")
    assert "P" in parse_special(own["61091000"]).codes
    assert counts["KR"] > 7000 and counts["JP"] > 200
