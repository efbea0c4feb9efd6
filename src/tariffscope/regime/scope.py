"""Product scopes: which HTS lines a measure covers.

A scope is a set of HTS prefixes (2 to 10 digits) to include and a set to exclude, or "all
products" minus exclusions. Prefixes come from the record itself or from named product lists
(``catalog/products/<name>.csv``).

Lists written at the 10-digit level (such as Annex II) can cover only part of an 8-digit line.
An 8-digit line counts as covered when every one of its statistical (10-digit) lines is; when
only some are, the line is *partial*: it is treated as not covered and the resolution warns that
the answer depends on the statistical suffix.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

__all__ = ["ProductScope", "normalize_prefix"]

ChildrenOf = Callable[[str], tuple[str, ...]]

# Up to this many codes, masks are computed with set lookups instead of array operations.
_SMALL = 16


def normalize_prefix(text: str) -> str:
    """Digits of an HTS code or prefix ("8703.23.01" -> "87032301")."""
    digits = "".join(ch for ch in str(text) if ch.isdigit())
    if not 2 <= len(digits) <= 10:
        raise ValueError(f"HTS prefix {text!r} must have 2 to 10 digits")
    return digits


def _by_length(prefixes: Iterable[str]) -> dict[int, frozenset[str]]:
    grouped: dict[int, set[str]] = {}
    for prefix in prefixes:
        grouped.setdefault(len(prefix), set()).add(prefix)
    return {length: frozenset(values) for length, values in sorted(grouped.items())}


@dataclass(frozen=True)
class _PrefixSet:
    """Prefixes by length, plus the 8-digit lines that 10-digit prefixes cover fully or partly."""

    by_length: dict[int, frozenset[str]]
    full8: frozenset[str] = frozenset()
    partial8: frozenset[str] = frozenset()

    @classmethod
    def build(cls, prefixes: Iterable[str], children_of: ChildrenOf | None) -> _PrefixSet:
        by_length = _by_length(prefixes)
        long_codes = by_length.get(10, frozenset()) | by_length.get(9, frozenset())
        full8: set[str] = set()
        partial8: set[str] = set()
        if long_codes and children_of is not None:
            short = {length: codes for length, codes in by_length.items() if length <= 8}
            for parent in {code[:8] for code in long_codes}:
                if any(parent[:length] in codes for length, codes in short.items()):
                    continue
                children = children_of(parent)
                hits = sum(1 for child in children if _hit(child, by_length))
                if children and hits == len(children):
                    full8.add(parent)
                elif hits:
                    partial8.add(parent)
        return cls(by_length, frozenset(full8), frozenset(partial8))

    def contains(self, code: str) -> bool:
        return _hit(code, self.by_length) or (len(code) == 8 and code in self.full8)

    def partial(self, code: str) -> bool:
        return len(code) == 8 and code in self.partial8 and not self.contains(code)

    @functools.cached_property
    def _arrays(self) -> dict[int, npt.NDArray[np.str_]]:
        return {length: np.array(sorted(values)) for length, values in self.by_length.items()}

    @functools.cached_property
    def _full8_array(self) -> npt.NDArray[np.str_]:
        return np.array(sorted(self.full8))

    def mask(self, codes: npt.NDArray[np.str_]) -> npt.NDArray[np.bool_]:
        if codes.size <= _SMALL:  # set lookups beat array set operations on a few codes
            return np.array([self.contains(str(code)) for code in codes], dtype=bool)
        lengths = np.char.str_len(codes)
        out = np.zeros(codes.shape, dtype=bool)
        for length, prefixes in self._arrays.items():
            # astype truncates each code to its first ``length`` characters
            out |= np.isin(codes.astype(f"U{length}"), prefixes) & (lengths >= length)
        if self.full8:
            out |= np.isin(codes, self._full8_array) & (lengths == 8)
        return out

    def partial_mask(self, codes: npt.NDArray[np.str_]) -> npt.NDArray[np.bool_]:
        if not self.partial8:
            return np.zeros(codes.shape, dtype=bool)
        if codes.size <= _SMALL:
            return np.array([self.partial(str(code)) for code in codes], dtype=bool)
        eight: npt.NDArray[np.bool_] = np.char.str_len(codes) == 8
        hits: npt.NDArray[np.bool_] = np.isin(codes, list(self.partial8))
        return hits & eight & ~self.mask(codes)

    @property
    def size(self) -> int:
        return sum(len(values) for values in self.by_length.values())


def _hit(code: str, by_length: dict[int, frozenset[str]]) -> bool:
    return any(
        length <= len(code) and code[:length] in values for length, values in by_length.items()
    )


@dataclass(frozen=True)
class ProductScope:
    """The HTS lines a measure covers.

    Parameters
    ----------
    all_products
        True when the measure covers every product except ``exclude``.
    include, exclude
        Prefix sets (built with :meth:`build`).
    description
        Human-readable summary (list names and prefixes) for explanations.
    """

    all_products: bool
    include: _PrefixSet
    exclude: _PrefixSet
    description: str = ""
    list_names: tuple[str, ...] = field(default=())

    @classmethod
    def build(
        cls,
        *,
        all_products: bool,
        include: Iterable[str] = (),
        exclude: Iterable[str] = (),
        children_of: ChildrenOf | None = None,
        description: str = "",
        list_names: tuple[str, ...] = (),
    ) -> ProductScope:
        return cls(
            all_products=all_products,
            include=_PrefixSet.build(include, children_of),
            exclude=_PrefixSet.build(exclude, children_of),
            description=description,
            list_names=list_names,
        )

    @property
    def specificity(self) -> int:
        """0 for all products, 1 for a product list; more specific measures win in a group."""
        return 0 if self.all_products else 1

    def covers(self, code: str) -> bool:
        """Whether the line ``code`` (8 or 10 digits) is in scope."""
        inside = self.all_products or self.include.contains(code)
        return inside and not self.exclude.contains(code)

    def is_partial(self, code: str) -> bool:
        """Whether an 8-digit line is only partly in scope (depends on its statistical suffix)."""
        if self.all_products:
            return self.exclude.partial(code)
        return self.include.partial(code) or (
            self.include.contains(code) and self.exclude.partial(code)
        )

    def mask(self, codes: npt.NDArray[np.str_]) -> npt.NDArray[np.bool_]:
        """Vectorized :meth:`covers` for an array of equal-length codes."""
        inside = np.ones(codes.shape, dtype=bool) if self.all_products else self.include.mask(codes)
        return inside & ~self.exclude.mask(codes)

    def partial_mask(self, codes: npt.NDArray[np.str_]) -> npt.NDArray[np.bool_]:
        """Vectorized :meth:`is_partial`."""
        if self.all_products:
            return self.exclude.partial_mask(codes)
        return self.include.partial_mask(codes) | (
            self.include.mask(codes) & self.exclude.partial_mask(codes)
        )
