"""Build the catalog's product lists (``regime/catalog/products/*.csv``) from public sources.

Each list is a derived table: the HTS prefixes a measure's scope names, with a header comment
saying where they come from. :func:`build_product_lists` writes them all; it is the
``product-lists`` builder of ``tariffscope data build``.

Assumption (docs/assumptions.md, A3): HTS 2026 Rev.6 prints Annex II to EO 14257 as amended
(U.S. note 2(v)(iii)(a)), with no date per line. Its lines in HTS chapters 1-24 (food and
agricultural products) are dated to the order of 14 November 2025 that exempted "certain
agricultural products" (effective 13 November 2025); the rest is dated 5 April 2025. The April
electronics exclusion is its own list, from the headings the 11 April 2025 memorandum names.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tariffscope.errors import DataFileError
from tariffscope.regime._s301_partial import (
    LIST3_PARTIAL,
    LIST4A_PARTIAL,
    covered_statistical_lines,
    partial_entries,
)
from tariffscope.regime.catalog import catalog_dir
from tariffscope.regime.schedule import EMBEDDED_EDITION, load_schedule

__all__ = ["ELECTRONICS_PREFIXES", "ProductList", "build_product_lists", "derive_product_lists"]

# Presidential memorandum of 11 April 2025 (Clarification of Exceptions Under EO 14257), as
# listed in the shared catalog row RECIP-ELEC-EXCL.
ELECTRONICS_PREFIXES: tuple[str, ...] = (
    "8471",
    "847330",
    "8486",
    "85171300",
    "85176200",
    "85235100",
    "8524",
    "85285200",
    "85411000",
    "85412100",
    "85412900",
    "85413000",
    "85414910",
    "85414970",
    "85414980",
    "85414995",
    "85415100",
    "85415900",
    "85419000",
    "8542",
)

#: Source files (names of tariffscope.data.sources.SOURCES) the lists are derived from.
SOURCE_NAMES: tuple[str, ...] = (
    "htsus_2026rev6_chapter99_text",
    "budgetlab_s232_derivatives",
    "budgetlab_floor_exempt",
)

ANNEX2_OPENING = "(a) As provided for in heading 9903.01.32"
AUTO_PARTS_OPENING = "(g) Subject to a manufacturer's import adjustment offset amount"
# The derivative aluminum products of heading 9903.85.08, U.S. note 19(k): the only derivative
# list the Rev.6 text prints, some of it at statistical (10-digit) precision.
ALUMINUM_DERIVATIVES_OPENING = "(k) The rates of duty in heading 9903.85.08 apply"
#: Headings of the auto parts list that are not vehicle-specific (assumption A11).
CONDITIONAL_AUTO_PARTS: frozenset[str] = frozenset({"8471"})
PARTICULAR_ARTICLES_OPENING = "(b) As provided in heading 9903.02.78"

# Lists printed in the U.S. notes to subchapter III of HTS chapter 99 (2026 Rev.6): list name,
# the words opening the subdivision that prints it, and what it is.
NOTE_LISTS: tuple[tuple[str, str, str], ...] = (
    (
        "s232_auto_vehicles",
        "(b) The rates of duty set forth in headings 9903.94.01",
        "passenger vehicles and light trucks, U.S. note 33(b) (Proclamation 10908)",
    ),
    (
        "s232_softwood",
        "(b) The rates of duty set forth in heading 9903.76.01",
        "softwood timber and lumber, U.S. note 37(b)",
    ),
    (
        "s232_upholstered_furniture",
        "(d) The rates of duty set forth in headings 9903.76.02",
        "upholstered wooden furniture, U.S. note 37(d)",
    ),
    (
        "s232_kitchen_cabinets",
        "(f) Except for as provided by 9903.76.04, the rates of duty set forth in headings "
        "9903.76.03",
        "kitchen cabinets, vanities and their parts, U.S. note 37(f)",
    ),
    (
        "s232_mhd_vehicles",
        "(b) The rate of duty set forth in heading 9903.74.01",
        "medium- and heavy-duty vehicles, U.S. note 38(b) (Proclamation 10984)",
    ),
    (
        "s232_buses",
        "(c) Heading 9903.74.02 applies to buses",
        "buses, U.S. note 38(c) (Proclamation 10984)",
    ),
    (
        "s232_mhd_parts",
        "(i) The rates of duty set forth in heading 9903.74.08",
        "parts of medium- and heavy-duty vehicles, U.S. note 38(i) (Proclamation 10984)",
    ),
    (
        "russia_35",
        "(b) Heading 9903.90.08 applies to all products of the Russian Federation",
        "products of Russia at 35% in lieu of column 2 (heading 9903.90.08), U.S. note 30(b)",
    ),
    (
        "russia_70",
        "(d) Heading 9903.90.09 applies to all products of the Russian Federation",
        "products of Russia at 70% in lieu of column 2 (heading 9903.90.09), U.S. note 30(d)",
    ),
    *(
        (f"s301_china_{name}", opening, what)
        for name, opening, what in (
            (
                "list1",
                "(b) Heading 9903.88.01 applies to all products of China",
                "Section 301 China list 1 (25%, heading 9903.88.01), U.S. note 20(b)",
            ),
            (
                "list2",
                "(d) Heading 9903.88.02 applies to all products of China",
                "Section 301 China list 2 (25%, heading 9903.88.02), U.S. note 20(d)",
            ),
            (
                "list3",
                "(f) Heading 9903.88.03 applies to all products of China",
                "Section 301 China list 3 (25%, heading 9903.88.03), U.S. note 20(f)",
            ),
            (
                "list4a",
                "(i) all products of China that are classified in the following 8-digit",
                "Section 301 China list 4A (7.5%, heading 9903.88.15), U.S. note 20(s)(i)",
            ),
            (
                "2024_25",
                "(b) Heading 9903.91.01 applies to products of China",
                "four-year review: 25% from 2024-09-27 (heading 9903.91.01), U.S. note 31(b)",
            ),
            (
                "2024_50",
                "(c) Heading 9903.91.02 applies to products of China",
                "four-year review: 50% from 2024-09-27 (heading 9903.91.02), U.S. note 31(c)",
            ),
            (
                "2024_100",
                "(d) Heading 9903.91.03 applies to products of China",
                "four-year review: 100% from 2024-09-27 (heading 9903.91.03), U.S. note 31(d)",
            ),
            (
                "2025_semis",
                "(i) Heading 9903.91.05 applies to products of China",
                "four-year review: semiconductors 50% from 2025-01-01 (9903.91.05), note 31(f)(i)",
            ),
            (
                "2025_25",
                "(j) Heading 9903.91.11 applies to products of China",
                "four-year review: 25% from 2025-01-01 (heading 9903.91.11), U.S. note 31(j)",
            ),
            (
                "2026_25",
                "(g) Heading 9903.91.06 applies to products of China",
                "four-year review: 25% from 2026-01-01 (heading 9903.91.06), U.S. note 31(g)",
            ),
            (
                "2026_masks",
                "(h) Heading 9903.91.07 applies to products of China",
                "four-year review: respirators and masks 50% from 2026-01-01 (9903.91.07), 31(h)",
            ),
            (
                "2026_gloves",
                "(i) Heading 9903.91.08 applies to products of China",
                "four-year review: medical gloves 100% from 2026-01-01 (9903.91.08), note 31(i)",
            ),
        )
    ),
)
# Section 301 entries that cover part of an HTS8 line (tariffscope.regime._s301_partial).
PARTIAL_LISTS: tuple[tuple[str, tuple[str, str, str], str], ...] = (
    (
        "s301_china_list3_partial",
        LIST3_PARTIAL,
        "Section 301 China list 3 entries covering part of an HTS8 line (25%, heading "
        "9903.88.04), U.S. note 20(g): the statistical lines not excepted",
    ),
    (
        "s301_china_list4a_partial",
        LIST4A_PARTIAL,
        "Section 301 China list 4A entries covering part of an HTS8 line (7.5%, heading "
        "9903.88.15), U.S. note 20(s)(ii): the statistical lines not excepted",
    ),
)
# The Section 301 product exclusions of U.S. notes 20(vvv)(i)-(iv) (heading 9903.88.69) and
# 20(www) (heading 9903.88.70): from the first subdivision to the next note.
EXCLUSIONS_OPENING = "(vvv)  (i) The U.S. Trade Representative determined"
EXCLUSIONS_CLOSING = "(21) (a)"
# The expired exclusions the text still prints: the 352 reinstated ones of note 20(ttt)
# (heading 9903.88.67, entries from 12 October 2021 through 14 June 2024) and the COVID ones of
# note 20(uuu) (heading 9903.88.68, entries from 1 June 2023 before 15 June 2024).
REINSTATED_OPENING = "(ttt) (i) The U.S. Trade Representative determined"
COVID_OPENING = "(uuu) (i) The U.S. Trade Representative determined"
_CODE = re.compile(r"(?<![\d.])(\d{4}\.\d{2}(?:\.\d{2,4})?)(?![\d.])")
_CODE_TOKEN = re.compile(r"^\d{4}(?:\.\d{2}(?:\.\d{2,4})?)?$")
# a subdivision "(c) ..." or the first subdivision of the next note "31. (a) ..."
_NEXT_SUBDIVISION = re.compile(r"^\s*(?:\([a-z]{1,2}\) \S|\d+\.\s+\(a\)\s)")


def at_printed_precision(codes: Iterable[str], printed: Iterable[str]) -> tuple[str, ...]:
    """``codes`` with each HTS8 line the note covers only through statistical lines replaced by
    those lines (an HTS8 truncation of "3004.90.9244" would charge every medicament of
    3004.90.92). Codes the note does not print stay as they are.
    """
    printed = set(printed)
    statistical: dict[str, list[str]] = {}
    for code in printed:
        if len(code) == 10:
            statistical.setdefault(code[:8], []).append(code)
    refined: set[str] = set()
    for code in codes:
        children = statistical.get(code) if len(code) == 8 and code not in printed else None
        refined.update(children or (code,))
    return tuple(sorted(refined))


def note_list(text: str, opening: str) -> tuple[str, ...]:
    """HTS codes printed after the subdivision that starts with ``opening``, up to the next one.

    Raises DataFileError when the opening words are not in the text or no code follows them.
    """
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip().startswith(opening)), None)
    if start is None:
        raise DataFileError(f"chapter 99 text: subdivision {opening!r} not found")
    codes: list[str] = []
    for offset, line in enumerate(lines[start:]):
        if offset and _NEXT_SUBDIVISION.match(line):
            break
        if "Harmonized Tariff Schedule" in line or "U.S. Notes" in line:
            continue
        tokens = line.split()
        # a line of codes only may hold bare headings ("8707"); prose needs dotted codes
        found = (
            tokens if tokens and all(_CODE_TOKEN.match(t) for t in tokens) else _CODE.findall(line)
        )
        # chapter 99 headings named in the text are references, not products
        codes.extend(m.replace(".", "") for m in found if not m.startswith("99"))
    if not codes:
        raise DataFileError(f"chapter 99 text: no HTS codes follow {opening!r}")
    return tuple(sorted(set(codes)))


def exclusion_lines(
    text: str, opening: str = EXCLUSIONS_OPENING, closing: str = EXCLUSIONS_CLOSING
) -> tuple[str, ...]:
    """The HTS8 lines whose statistical lines the Section 301 exclusions from ``opening`` to
    ``closing`` name (default notes 20(vvv) and 20(www); every number printed, the earlier
    statistical numbers included: they map to the same or a predecessor line). An exclusion
    covers a product described within the line, not the line: the claim share says how much
    of the line's value it is.

    Raises DataFileError when the notes are not in the text or name no line.
    """
    start = text.find(opening)
    end = text.find(closing, start + 1) if start >= 0 else -1
    if start < 0 or end < 0:
        raise DataFileError(f"chapter 99 text: the exclusions from {opening!r} not found")
    found = _CODE.findall(text[start:end])
    codes = sorted({m.replace(".", "")[:8] for m in found if not m.startswith("99")})
    if not codes:
        raise DataFileError(f"chapter 99 text: no HTS codes in the exclusions from {opening!r}")
    return tuple(c for c in codes if len(c) == 8)


@dataclass(frozen=True)
class ProductList:
    name: str
    codes: tuple[str, ...]
    source: str
    note: str


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _is_agricultural(code: str) -> bool:
    return 1 <= int(code[:2]) <= 24


def _electronic(code: str) -> bool:
    return any(code.startswith(prefix) for prefix in ELECTRONICS_PREFIXES)


def derive_product_lists(paths: Mapping[str, Path]) -> list[ProductList]:
    """All product lists, derived from the source files ``paths`` (keyed by SOURCE_NAMES)."""
    ch99_path = paths["htsus_2026rev6_chapter99_text"]
    with gzip.open(ch99_path, "rt", encoding="utf-8", errors="replace") as handle:
        ch99 = handle.read()
    ch99_origin = (
        f"HTSUS 2026 Rev.6 chapter 99 text ({ch99_path.name}, sha256 {_sha256(ch99_path)[:16]})"
    )
    annex2 = note_list(ch99, ANNEX2_OPENING)
    particular = note_list(ch99, PARTICULAR_ARTICLES_OPENING)
    lists = [
        ProductList(
            "annex2_base",
            tuple(c for c in annex2 if not _electronic(c) and not _is_agricultural(c)),
            ch99_origin,
            "EO 14257 Annex II as amended (U.S. note 2(v)(iii)(a), heading 9903.01.32), less the "
            "electronics exclusion and chapters 1-24 (assumption A3)",
        ),
        ProductList(
            "annex2_agriculture",
            tuple(sorted({c for c in annex2 if _is_agricultural(c)} | set(particular))),
            ch99_origin,
            "Annex II lines of HTS chapters 1-24 and the particular articles of note 2(v)(iii)(b) "
            "(heading 9903.02.78), dated to the agricultural order of 2025-11-14 (assumption A3)",
        ),
        ProductList(
            "annex2_electronics",
            ELECTRONICS_PREFIXES,
            "memorandum of 2025-04-11 (shared catalog row RECIP-ELEC-EXCL)",
            "headings and subheadings excluded from reciprocal duties retroactively to 2025-04-05",
        ),
    ]
    parts = note_list(ch99, AUTO_PARTS_OPENING)
    lists.append(
        ProductList(
            "s232_auto_parts",
            tuple(c for c in parts if c not in CONDITIONAL_AUTO_PARTS),
            ch99_origin,
            "parts of passenger vehicles and light trucks, U.S. note 33(g) (Proclamation 10908; "
            "CBP Automobile Parts HTS List), less the general headings below",
        )
    )
    lists.append(
        ProductList(
            "s232_auto_parts_conditional",
            tuple(c for c in parts if c in CONDITIONAL_AUTO_PARTS),
            ch99_origin,
            "headings of note 33(g) not specific to vehicles (8471 data-processing machines): "
            "auto parts only when for use in a passenger vehicle (assumption A11)",
        )
    )
    derivatives_path = paths["budgetlab_s232_derivatives"]
    with derivatives_path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    # The tracker's file truncates the notice's codes to HTS8. The steel list (heading
    # 9903.81.91) is not printed in the Rev.6 text; the inclusions notices added products to
    # both metals' lists under the same codes, so the steel lines the aluminum note prints at
    # 10 digits take that precision too (assumption stated in the list's header).
    printed = note_list(ch99, ALUMINUM_DERIVATIVES_OPENING)
    for metal in ("steel", "aluminum"):
        for dated, label in (("", "2025_03_12"), ("2025-08-18", "2025_08_18")):
            codes = at_printed_precision(
                (
                    r["hts_prefix"]
                    for r in rows
                    if r["derivative_type"] == metal and (r["effective_date"] or "") == dated
                ),
                printed,
            )
            if codes:
                lists.append(
                    ProductList(
                        f"s232_{metal}_derivatives_{label}",
                        codes,
                        f"{derivatives_path.name} (sha256 {_sha256(derivatives_path)[:16]}), "
                        f"statistical lines as printed in U.S. note 19(k) of {ch99_origin}",
                        f"Section 232 {metal} derivative articles outside the core chapters, "
                        + (
                            "added by the inclusions notice effective 2025-08-18"
                            if dated
                            else "in force from 2025-03-12"
                        ),
                    )
                )
    for name, opening, what in NOTE_LISTS:
        lists.append(ProductList(name, note_list(ch99, opening), ch99_origin, what))
    lists.append(
        ProductList(
            "s301_china_exclusions",
            exclusion_lines(ch99),
            ch99_origin,
            "HTS8 lines of the Section 301 China product exclusions extended by USTR (U.S. notes "
            "20(vvv)(i)-(iv), heading 9903.88.69, and 20(www), heading 9903.88.70): the products "
            "excluded are described within these lines",
        )
    )
    for name, opening, closing, what in (
        (
            "s301_china_exclusions_reinstated",
            REINSTATED_OPENING,
            COVID_OPENING,
            "HTS8 lines of the 352 Section 301 China product exclusions reinstated in 2022 (U.S. "
            "note 20(ttt)(i)-(iv), heading 9903.88.67, entries from 12 October 2021 through 14 "
            "June 2024; expired): the products excluded are described within these lines",
        ),
        (
            "s301_china_exclusions_covid",
            COVID_OPENING,
            EXCLUSIONS_OPENING,
            "HTS8 lines of the Section 301 China COVID-19 product exclusions (U.S. note 20(uuu), "
            "heading 9903.88.68, entries from 1 June 2023 before 15 June 2024; expired): the "
            "products excluded are described within these lines",
        ),
    ):
        lists.append(ProductList(name, exclusion_lines(ch99, opening, closing), ch99_origin, what))
    schedule = load_schedule()
    for name, where, what in PARTIAL_LISTS:
        covered = covered_statistical_lines(partial_entries(ch99, where), schedule.children)
        origin = f"{ch99_origin}; statistical lines of the {EMBEDDED_EDITION}"
        lists.append(ProductList(name, covered, origin, what))
    floor_path = paths["budgetlab_floor_exempt"]
    with floor_path.open(encoding="utf-8") as handle:
        floor_rows = list(csv.DictReader(handle))
    for group, category in sorted({(r["country_group"], r["category"]) for r in floor_rows}):
        floor_codes = sorted(
            {
                r["hts8"]
                for r in floor_rows
                if (r["country_group"], r["category"]) == (group, category)
            }
        )
        heading = sorted(
            {
                r["ch99_code"]
                for r in floor_rows
                if (r["country_group"], r["category"]) == (group, category)
            }
        )
        lists.append(
            ProductList(
                f"deal_{group}_{category}",
                tuple(floor_codes),
                f"{floor_path.name} (sha256 {_sha256(floor_path)[:16]})",
                f"products of the {group} deal relieved under HTS {', '.join(heading)} "
                f"({category})",
            )
        )
    return lists


def write_product_list(item: ProductList, directory: Path) -> Path:
    path = directory / f"{item.name}.csv"
    lines = [
        f"# {item.note}",
        f"# derived from {item.source} by tariffscope.regime.product_lists",
        "hts",
        *item.codes,
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def build_product_lists(paths: Mapping[str, Path], out: Path | None = None) -> list[Path]:
    """Write every product list (default: into the catalog); returns the paths written."""
    directory = out or catalog_dir() / "products"
    directory.mkdir(parents=True, exist_ok=True)
    return [write_product_list(item, directory) for item in derive_product_lists(paths)]


def names(lists: Iterable[ProductList]) -> list[str]:
    return [item.name for item in lists]
