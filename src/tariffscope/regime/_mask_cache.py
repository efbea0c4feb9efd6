"""The product-scope masks of the built-in catalog's measures on the schedule's HTS8 lines,
kept in the user cache.

Which HTS8 lines a measure covers (wholly, or partly: the answer depends on the statistical
suffix) does not depend on the origin, the date or the claims, only on the measure's product
scope and the schedule. A brief needs the masks of about 70 measures, which cost about 0.1 s to
compute in every new process. They are kept, bit-packed, in
``<user data dir>/cache/masks-<fingerprint>.npz`` for every measure of the catalog; the
fingerprint covers the catalog's files and the package version (the catalog cache's own
fingerprint), the schedule's HTS8 and HTS10 codes and the source of the module that computes
the masks (``scope.py``), so a change to any of them computes them again (about 0.5 s, once).
A cache that cannot be read or written is ignored.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import numpy as np
import numpy.typing as npt

from tariffscope.config import user_dir
from tariffscope.regime import scope as scope_module
from tariffscope.regime.catalog import Catalog
from tariffscope.regime.schedule import Schedule

__all__ = ["stored_masks"]

logger = logging.getLogger(__name__)

BoolArray = npt.NDArray[np.bool_]
_Masks = dict[str, tuple[BoolArray, BoolArray]]


def _fingerprint(catalog_fingerprint: str, schedule: Schedule) -> str:
    digest = hashlib.sha256(catalog_fingerprint.encode())
    digest.update(np.ascontiguousarray(schedule.hts8).tobytes())
    digest.update(np.ascontiguousarray(schedule.hts10).tobytes())
    digest.update(Path(scope_module.__file__).read_bytes())
    return digest.hexdigest()[:24]


def _compute(catalog: Catalog, codes: npt.NDArray[np.str_]) -> _Masks:
    return {m.id: (m.scope.mask(codes), m.scope.partial_mask(codes)) for m in catalog.measures}


def _read(path: Path, n_lines: int) -> _Masks:
    with np.load(path, allow_pickle=False) as stored:
        ids = [str(i) for i in stored["ids"]]
        covered = np.unpackbits(stored["covered"], axis=1, count=n_lines).astype(bool)
        partial = np.unpackbits(stored["partial"], axis=1, count=n_lines).astype(bool)
    if covered.shape != (len(ids), n_lines) or partial.shape != covered.shape:
        raise ValueError("stored masks do not match the schedule")
    for array in (covered, partial):
        array.setflags(write=False)
    return {i: (covered[k], partial[k]) for k, i in enumerate(ids)}


def _write(masks: _Masks, path: Path) -> None:
    ids = list(masks)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".tmp.npz")
    np.savez(
        partial,
        ids=np.array(ids, dtype=str),
        covered=np.packbits(np.stack([masks[i][0] for i in ids]), axis=1),
        partial=np.packbits(np.stack([masks[i][1] for i in ids]), axis=1),
    )
    partial.replace(path)


def stored_masks(catalog: Catalog, schedule: Schedule, catalog_fingerprint: str) -> _Masks:
    """Measure id -> (covered, partly covered) on ``schedule.hts8`` for every measure of
    ``catalog`` (the built-in one, whose files ``catalog_fingerprint`` hashes), from the user
    cache, or computed and stored there."""
    path = user_dir() / "cache" / f"masks-{_fingerprint(catalog_fingerprint, schedule)}.npz"
    n_lines = len(schedule.hts8)
    try:
        masks = _read(path, n_lines)
        if set(masks) == {m.id for m in catalog.measures}:
            return masks
    except (OSError, ValueError, KeyError) as error:
        logger.info("product masks not read from the cache (%s); computing them", error)
    masks = _compute(catalog, schedule.hts8)
    try:
        _write(masks, path)
    except OSError as error:  # a read-only home still works, only slower
        logger.info("product masks not cached: %s", error)
    return masks
