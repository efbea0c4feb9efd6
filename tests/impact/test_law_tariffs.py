"""From HTS8 line duties to model-sector tariffs: the concordance and the trade weighting.

Needs only the embedded tables (schedule, catalog, 2024 US imports by GTAP sector).
"""

from __future__ import annotations

import numpy as np
import pytest

from tariffscope.errors import InputError
from tariffscope.impact.law_tariffs import WEIGHT_PARTNERS, model_tariffs, weight_partner
from tariffscope.impact.multisector.concordance import cp_concordance, cp_concordance_rules
from tariffscope.impact.multisector.data import CP_SECTORS, N_TRADABLE
from tariffscope.impact.multisector.law_link import CP_EXPORTERS, cp_us_tariffs
from tariffscope.impact.pe.baseline import load_sector_baseline, sector_hs6_map
from tariffscope.regime.scenario import scenario_from_mapping

pytestmark = pytest.mark.issue(6)

THREAT = scenario_from_mapping({"name": "threat-25", "enact": ["THREAT-JPN-25"]})


def test_every_goods_subheading_has_one_tradable_sector() -> None:
    table = cp_concordance().table
    hs6 = sector_hs6_map()
    goods = hs6[hs6["gtap_code"] != "ely"]
    assert sorted(table["hs6"]) == sorted(goods["hs6"])  # electricity (ely) maps nowhere
    assert not table["hs6"].duplicated().any()
    assert set(table["sector"]) == set(CP_SECTORS[:N_TRADABLE])  # no sector left empty


@pytest.mark.parametrize(
    ("hs6", "sector"),
    [
        ("870323", "auto"),  # passenger cars
        ("870899", "auto"),  # vehicle parts
        ("847130", "office"),  # laptops (GTAP ele)
        ("847050", "office"),  # cash registers
        ("851713", "communication"),  # smartphones
        ("854231", "communication"),  # processors
        ("901819", "medical"),  # electro-diagnostic apparatus (GTAP ele)
        ("901890", "medical"),  # medical instruments (GTAP omf)
        ("910211", "medical"),  # wrist-watches
        ("841810", "machinery_nec"),  # household fridges (GTAP eeq, ISIC Rev.3 2930)
        ("850450", "electrical"),  # inductors
        ("930200", "machinery_nec"),  # revolvers (ISIC Rev.3 2927)
        ("940360", "other"),  # furniture
        ("300490", "chemicals"),  # medicaments
        ("271019", "petroleum"),
        ("100199", "agriculture"),
    ],
)
def test_concordance_places_key_products(hs6: str, sector: str) -> None:
    table = cp_concordance().table.set_index("hs6")["sector"]
    assert table[hs6] == sector


def test_rules_name_only_model_sectors() -> None:
    rules = cp_concordance_rules()
    named = set(rules["cp_sector"]) - {""}
    assert named <= set(CP_SECTORS[:N_TRADABLE])
    assert (rules["hs_prefix"] == "").sum() == rules["gtap_code"].nunique()  # one default each


def test_weight_partner_groups() -> None:
    assert weight_partner("JPN") == "JPN"
    assert weight_partner("FRA") == "EUN"
    assert weight_partner("KOR") == "ROW"
    assert weight_partner("ROW") == "ROW"


@pytest.fixture(scope="module")
def july() -> object:
    return cp_us_tariffs("2025-07-18")


def test_weights_are_2024_imports(july: object) -> None:
    from tariffscope.impact.law_tariffs import ModelTariffs

    assert isinstance(july, ModelTariffs)
    base = load_sector_baseline()
    auto = july.sectors.index("auto")
    mvh = base.sectors.index("mvh")
    jpn, fra = july.exporters.index("JPN"), july.exporters.index("FRA")
    # motor vehicles and parts fall whole into "auto": its weight is the 2024 import value
    assert july.weights[auto, jpn] == pytest.approx(base.imports[mvh, base.partners.index("JPN")])
    assert july.weights[auto, fra] == pytest.approx(base.imports[mvh, base.partners.index("EUN")])
    # all goods but electricity: the weights add up to (almost) all US imports from Japan
    total = base.imports[:, base.partners.index("JPN")].sum()
    assert july.weights[:, jpn].sum() == pytest.approx(total, rel=0.01)
    assert set(WEIGHT_PARTNERS) == set(base.partners)


def test_tariffs_on_japan_in_july_2025(july: object) -> None:
    from tariffscope.impact.law_tariffs import ModelTariffs

    assert isinstance(july, ModelTariffs)
    jpn = july.exporters.index("JPN")
    rates = dict(zip(july.sectors, july.rates[:, jpn], strict=True))
    # cars 25% + 2.5% MFN (81% of the weight by Japan's own mix), parts 25% + MFN
    assert 0.24 < rates["auto"] < 0.29
    # steel and aluminum at 50% weigh on basic metals; other goods 10% + MFN
    assert rates["basic_metals"] > 0.3
    assert 0.10 < rates["machinery_nec"] < 0.16
    assert np.all(july.coverage > 0.9)
    aggregate = july.aggregate()[jpn]
    assert 0.15 < aggregate < 0.20
    assert july.aggregate(mfn=True)[jpn] < 0.03  # the MFN part alone: a few percent


def test_threat_raises_only_japan() -> None:
    ref = cp_us_tariffs("2025-08-01")
    threat = cp_us_tariffs("2025-08-01", scenario=THREAT)
    jpn = ref.exporters.index("JPN")
    rise = threat.aggregate() - ref.aggregate()
    assert 0.05 < rise[jpn] < 0.12  # 15 points on the ~60% of goods outside Section 232
    others = np.delete(rise, jpn)
    assert np.abs(others).max() < 1e-12


def test_china_pays_section_301_in_communication() -> None:
    early = cp_us_tariffs("2025-01-01")
    com = early.sectors.index("communication")
    assert early.rates[com, early.exporters.index("CHN")] > (
        early.rates[com, early.exporters.index("JPN")] + 0.05
    )


def test_region_is_mean_of_its_representatives() -> None:
    concordance = cp_concordance()
    alone = model_tariffs(concordance, ("KOR", "VNM"), "2025-08-08")
    region = model_tariffs(
        concordance, ("ROW",), "2025-08-08", representatives={"ROW": ("KOR", "VNM")}
    )
    # KOR and VNM share the rest-of-world weights, so the region's cell rates are the mean
    assert region.rates[:, 0] == pytest.approx(alone.rates.mean(axis=1), abs=1e-12)
    assert len(CP_EXPORTERS) == 30


def test_bad_inputs() -> None:
    with pytest.raises(InputError, match="US imports only"):
        model_tariffs(cp_concordance(), ("JPN",), "2025-07-18", importer="JPN")
    with pytest.raises(InputError, match="Scenario"):
        model_tariffs(cp_concordance(), ("JPN",), "2025-07-18", scenario="25%")
