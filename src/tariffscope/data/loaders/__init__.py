"""Loaders for public trade, tariff-concordance and elasticity formats.

One module per format. Every loader takes a path, checks the file's schema and returns a tidy
:class:`pandas.DataFrame` (snake_case columns, codes as zero-padded strings, money in US
dollars unless the provenance says otherwise) whose ``attrs["provenance"]`` names the file and
its publisher. A malformed or mismatched file raises
:class:`~tariffscope.errors.DataFileError` with a one-line message naming the file, the column
and the line.

==========================  ==============================================================
``load_dataweb``            USITC DataWeb exports (CSV or Excel; wide or long layout)
``load_japan_mof``          Japan MOF trade by area and principal commodity (billion yen)
``load_budgetlab_gtap_imports``  Budget Lab GTAP-sector US imports by partner group
``load_budgetlab_trade_weights``  Budget Lab GTAP baseline/simulated import weights by month
``load_gtap_dictionary``    GTAP commodity codes and descriptions
``load_hs_gtap_crosswalk``  HS6 -> GTAP or HTS10 -> GTAP
``load_hs_revision``        HS revision concordance (newer -> older edition)
``chain_hs_revisions``      link HS6 codes across several editions
``load_census_country_codes``  Census Schedule C codes (names or ISO3)
``load_census_imports``     Census imports for consumption and duties by HS2 or HTS10
``load_realized_rates``     realized tariff rate by month: DataWeb duties / customs value
``load_protee``             CEPII ProTEE HS6 trade elasticities
``load_hauk``               Hauk (2012) US import-demand / substitution elasticities
``load_broda_weinstein``    Broda–Weinstein elasticities of substitution
``load_baci``               CEPII BACI (t, i, j, k, v, q)
``load_comtrade``           UN Comtrade CSV (Comtrade+ or legacy headers)
==========================  ==============================================================
"""

from tariffscope.data.loaders.baci import BACI_COLUMNS, load_baci, load_baci_country_codes
from tariffscope.data.loaders.budgetlab import (
    BUDGETLAB_PARTNERS,
    GTAP_CODES,
    GTAP_GOODS,
    load_budgetlab_gtap_imports,
    load_budgetlab_trade_weights,
    load_gtap_dictionary,
)
from tariffscope.data.loaders.census import CENSUS_EU_CODE, load_census_imports
from tariffscope.data.loaders.comtrade import COMTRADE_COLUMNS, load_comtrade
from tariffscope.data.loaders.concordances import (
    HS_REVISION_YEARS,
    chain_hs_revisions,
    load_census_country_codes,
    load_hs_gtap_crosswalk,
    load_hs_revision,
)
from tariffscope.data.loaders.dataweb import DATAWEB_COLUMNS, dataweb_country_iso3, load_dataweb
from tariffscope.data.loaders.elasticities import load_broda_weinstein, load_hauk, load_protee
from tariffscope.data.loaders.japan_mof import MOF_AREA_ISO3, load_japan_mof
from tariffscope.data.loaders.realized import REALIZED_FILE, load_realized_rates

__all__ = [
    "BACI_COLUMNS",
    "BUDGETLAB_PARTNERS",
    "CENSUS_EU_CODE",
    "COMTRADE_COLUMNS",
    "DATAWEB_COLUMNS",
    "GTAP_CODES",
    "GTAP_GOODS",
    "HS_REVISION_YEARS",
    "MOF_AREA_ISO3",
    "REALIZED_FILE",
    "chain_hs_revisions",
    "dataweb_country_iso3",
    "load_baci",
    "load_baci_country_codes",
    "load_broda_weinstein",
    "load_budgetlab_gtap_imports",
    "load_budgetlab_trade_weights",
    "load_census_country_codes",
    "load_census_imports",
    "load_comtrade",
    "load_dataweb",
    "load_gtap_dictionary",
    "load_hauk",
    "load_hs_gtap_crosswalk",
    "load_hs_revision",
    "load_japan_mof",
    "load_protee",
    "load_realized_rates",
]
