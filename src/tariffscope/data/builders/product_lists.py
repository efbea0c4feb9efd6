"""Builder of the measure catalog's product lists (``regime/catalog/products/*.csv``)."""

from __future__ import annotations

from collections.abc import Mapping

from tariffscope.config import embedded_dir
from tariffscope.data.builders import BuildContext, Builder
from tariffscope.regime.product_lists import SOURCE_NAMES, build_product_lists, derive_product_lists

__all__ = ["BUILDER", "build_catalog_product_lists"]


def build_catalog_product_lists(context: BuildContext) -> Mapping[str, object]:
    """Write the product lists the catalog's records name.

    They live beside the catalog (``regime/catalog/products``) because the catalog reads them;
    with ``--out`` they go to ``<out>/catalog-products`` instead, for comparison.
    """
    paths = {name: context.source(name) for name in SOURCE_NAMES}
    default = context.out_dir.resolve() == embedded_dir().resolve()
    written = build_product_lists(paths, None if default else context.out_dir / "catalog-products")
    return {"lists": len(written), "codes": sum(len(i.codes) for i in derive_product_lists(paths))}


BUILDER = Builder(
    name="product_lists",
    description="measure catalog product lists (Annex II, Section 232 scopes, deal lists)",
    sources=SOURCE_NAMES,
    outputs=(),
    function=build_catalog_product_lists,
)
