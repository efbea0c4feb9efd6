"""Parse the rate text of the HTS "General" (column 1, MFN) column into structured duties.

The General column of USITC's HTS states a duty in words and symbols. About 790 distinct texts
occur in the 2025 Basic Edition; they fall into five kinds:

``free``
    ``Free`` (also ``Free, under bond, ...`` in chapter 98).
``ad_valorem``
    A percentage of the customs value: ``6.5%``; ``6.5% on the entire set`` (the set is the
    article, so this is the whole value).
``specific``
    An amount of money per unit of quantity: ``1¢/kg``, ``0.9¢ each``, ``89.6¢/1000``,
    ``$1.13/m3``, ``3.7¢/kg on drained weight``, ``1.7¢/kg on lead content``.
``compound``
    Specific and ad valorem terms added: ``$1.104/kg + 14.9%``, ``36¢ each + 5.6% + 2¢/jewel``,
    ``40¢ each + 6% on the case + 5.3% on the battery``.
``other``
    Texts that do not state a duty on the value or quantity of the article itself: a duty that
    refers to another provision (``The duty provided in the applicable subheading + 25%``,
    ``The rate applicable to each garment in the ensemble ...``), a duty on a component's value
    only (``2.5% on the value of the lead content``, ``3.9% on the movement and case + 5.3% on
    the battery``), or a duty on another base (``3 percent of the fair retail value``).

The duty of a line is

.. math::

    d = \\sum_k r_k \\, V_k + \\sum_j s_j \\, q_j

where :math:`r_k` are ad valorem rates applied to values :math:`V_k` (the article's customs
value, or a component's) and :math:`s_j` are specific amounts in dollars per unit :math:`q_j`.
When every :math:`V_k` is the article's value :math:`V` and every :math:`q_j` is the same unit
:math:`q`, the ad valorem equivalent is :math:`d / V = \\sum_k r_k + \\sum_j s_j / (V/q)`,
with :math:`V/q` the unit value.

References
----------
U.S. International Trade Commission, *Harmonized Tariff Schedule of the United States (2025)
Basic Edition*, General Notes 3 (rates of duty).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Literal, get_args

from tariffscope.errors import MalformedInputError

__all__ = ["AdValoremPart", "MfnRate", "RateKind", "SpecificDuty", "parse_rate"]

RateKind = Literal["free", "ad_valorem", "specific", "compound", "other"]
RATE_KINDS: tuple[RateKind, ...] = get_args(RateKind)

#: Bases of an ad valorem term that mean the whole article's value.
_WHOLE_VALUE_BASES = frozenset({"", "the entire set"})


@dataclass(frozen=True)
class SpecificDuty:
    """A specific duty term: ``amount_usd`` dollars per ``unit``.

    ``unit`` is normalized (``kg``, ``liter``, ``each``, ``doz``, ``1000``, ``m3``, ``pr``,
    ``pf.liter``, ``clean kg``, ``kg drained weight``, ``kg lead content`` ...): the basis of
    the duty ("on drained weight") is appended to the unit because it changes what is counted.
    """

    amount_usd: float
    unit: str


@dataclass(frozen=True)
class AdValoremPart:
    """An ad valorem term: ``rate`` (a fraction) of the value named by ``basis``.

    ``basis`` is ``""`` for the customs value of the whole article, otherwise the text of the
    valued part as published without its leading "on" (``the case``, ``the battery``,
    ``the value of the lead content``, ``the fair retail value``).
    """

    rate: float
    basis: str = ""

    @property
    def is_whole_value(self) -> bool:
        """True when the term applies to the whole article's value."""
        return self.basis in _WHOLE_VALUE_BASES


@dataclass(frozen=True)
class MfnRate:
    """A General (MFN) rate of duty: the published text and its structured reading.

    Attributes
    ----------
    text
        The rate text as published.
    kind
        One of ``free``, ``ad_valorem``, ``specific``, ``compound``, ``other``.
    ad_valorem
        The ad valorem part as a fraction (0.025 for 2.5%); 0 for free and specific rates.
        When the ad valorem terms apply to parts of the value (watch cases, batteries), this
        is the rate of the first term, and ``ad_valorem_parts`` has all of them.
    specific
        The specific terms, in the order published.
    ad_valorem_parts
        Every ad valorem term with the value it applies to.
    note
        What the structured form leaves out (a cap, a sliding scale, a reference to another
        provision); empty when the structure says everything the text says.
    """

    text: str
    kind: RateKind
    ad_valorem: float
    specific: tuple[SpecificDuty, ...] = ()
    ad_valorem_parts: tuple[AdValoremPart, ...] = ()
    note: str = ""

    @property
    def is_ad_valorem_only(self) -> bool:
        """True for free and ad valorem rates: the duty is a fraction of the value."""
        return self.kind in ("free", "ad_valorem")

    @property
    def is_specific(self) -> bool:
        """True for specific, compound and other rates (no plain fraction of the value)."""
        return not self.is_ad_valorem_only

    def ad_valorem_equivalent(self, unit_value_usd: float | None = None) -> float | None:
        """The duty as a fraction of the customs value.

        Parameters
        ----------
        unit_value_usd
            Customs value in dollars per unit of the rate's specific terms (per kg for
            ``1¢/kg``). Needed for specific and compound rates; ignored otherwise.

        Returns
        -------
        float or None
            :math:`\\sum_k r_k + \\sum_j s_j / u` for unit value :math:`u`. None when it
            cannot be computed: a specific or compound rate without ``unit_value_usd``, terms
            in different units, ad valorem terms on a part of the value, or an ``other`` rate.

        Raises
        ------
        MalformedInputError
            If ``unit_value_usd`` is not a positive finite number.
        """
        if self.kind == "free":
            return 0.0
        if self.kind == "ad_valorem":
            return self.ad_valorem
        if self.kind == "other":
            return None
        if unit_value_usd is None:
            return None
        if not math.isfinite(unit_value_usd) or unit_value_usd <= 0:
            raise MalformedInputError(
                f"unit value {unit_value_usd!r} for rate {self.text!r} is not a positive number",
                hint="give the customs value in dollars per unit of the specific duty",
            )
        if any(not part.is_whole_value for part in self.ad_valorem_parts):
            return None
        if len({term.unit for term in self.specific}) != 1:
            return None
        specific_usd = sum(term.amount_usd for term in self.specific)
        return self.ad_valorem + specific_usd / unit_value_usd


_NUM = r"\d+(?:\.\d+)?"
_MONEY = rf"(?:\$(?P<dollars>{_NUM})|(?P<cents>{_NUM})\s*¢)"
_PERCENT_RE = re.compile(rf"^(?P<n>{_NUM})\s*%(?:\s*on\s+(?P<basis>.+))?$")
_PLAIN_PERCENT_RE = re.compile(rf"^(?P<n>{_NUM})%$")
_PERCENT_OF_RE = re.compile(rf"^(?P<n>{_NUM})\s+percent\s+of\s+(?P<basis>.+)$")
_MONEY_RE = re.compile(rf"^{_MONEY}\s*(?P<rest>.*)$")
_UNIT_BASIS_RE = re.compile(r"\s+(?:on|of)\s+")
_FOR_EACH_RE = re.compile(r"^for each\s+(?P<unit>.+)$")
_SUGAR_RE = re.compile(
    rf"^(?P<base>{_NUM})¢/kg less (?P<step>{_NUM})¢/kg for each degree under 100 degrees"
    rf" \(and fractions of a degree in proportion\) but not less than (?P<floor>{_NUM})¢/kg$"
)
_PLUS_RE = re.compile(r"\s*\+\s*")
_FREE_RE = re.compile(r"^free\b[\s,]*(?P<rest>.*)$", re.IGNORECASE)
_REFERENCE_OPENINGS = ("the duty", "the rate", "a duty", "see ", "no change")


def _fraction(number: str, scale: int = 100) -> float:
    """``number`` / ``scale`` without binary rounding noise (``"0.9"`` -> 0.009)."""
    return float(Decimal(number) / scale)


def _normalize_unit(raw: str, basis: str = "") -> str:
    unit = raw.strip().rstrip(".").strip()
    unit = re.sub(r"\s*/\s*", "/", unit)  # "line/ gross" -> "line/gross"
    unit = re.sub(r"(\d),(\d{3})", r"\1\2", unit)  # "1,000 pins" -> "1000 pins"
    unit = re.sub(r"\bpf\.\s*liter", "pf.liter", unit)
    unit = re.sub(r"\bthousand\b", "1000", unit)
    unit = {"pr": "pr", "doz": "doz", "liters": "liter"}.get(unit, unit)
    if basis:
        basis = re.sub(r"^the\s+", "", basis.strip())
        unit = f"{unit} {basis}"
    return unit


def _money_usd(match: re.Match[str]) -> float:
    dollars = match.group("dollars")
    return _fraction(dollars, 1) if dollars is not None else _fraction(match.group("cents"))


def _parse_term(term: str) -> SpecificDuty | AdValoremPart | None:
    """One ``+``-separated term, or None when it is not a duty term."""
    if match := _PERCENT_RE.match(term):
        return AdValoremPart(_fraction(match.group("n")), (match.group("basis") or "").strip())
    if match := _PERCENT_OF_RE.match(term):
        return AdValoremPart(_fraction(match.group("n")), match.group("basis").strip())
    match = _MONEY_RE.match(term)
    if match is None:
        return None
    amount = _money_usd(match)
    rest = match.group("rest").strip()
    if rest.startswith("/"):
        unit_raw, *basis = _UNIT_BASIS_RE.split(rest[1:], maxsplit=1)
        if not unit_raw.strip():
            return None
        return SpecificDuty(amount, _normalize_unit(unit_raw, basis[0] if basis else ""))
    if rest == "each":
        return SpecificDuty(amount, "each")
    if each := _FOR_EACH_RE.match(rest):
        return SpecificDuty(amount, _normalize_unit(each.group("unit")))
    return None


def _from_terms(text: str, body: str, note: str) -> MfnRate | None:
    terms = [_parse_term(term) for term in _PLUS_RE.split(body)]
    if not terms or any(term is None for term in terms):
        return None
    specific = tuple(term for term in terms if isinstance(term, SpecificDuty))
    parts = tuple(term for term in terms if isinstance(term, AdValoremPart))
    partial = [part for part in parts if not part.is_whole_value]
    ad_valorem = parts[0].rate if partial else sum(part.rate for part in parts)
    if partial:
        bases = "; ".join(part.basis for part in partial)
        note = "; ".join(
            filter(None, [note, f"ad valorem terms apply to parts of the value ({bases})"])
        )
    if specific:
        kind: RateKind = "compound" if parts else "specific"
    else:
        kind = "other" if partial else "ad_valorem"
    return MfnRate(text, kind, float(ad_valorem), specific, parts, note)


@lru_cache(maxsize=4096)
def parse_rate(text: str) -> MfnRate:
    """Read a General (MFN) rate text of the HTS.

    Parameters
    ----------
    text
        The rate text as published, e.g. ``"2.5%"``, ``"Free"``, ``"$1.104/kg + 14.9%"``.

    Returns
    -------
    MfnRate
        The text with its kind, ad valorem fraction and specific terms.

    Raises
    ------
    MalformedInputError
        If the text is empty or is neither a duty the parser can read nor a recognized
        non-numeric form (which would be kind ``other``).

    Examples
    --------
    >>> parse_rate("$1.104/kg + 14.9%").specific
    (SpecificDuty(amount_usd=1.104, unit='kg'),)
    >>> parse_rate("6.5%").ad_valorem
    0.065
    """
    body = " ".join(text.split())
    if not body:
        raise MalformedInputError(
            f"empty rate text {text!r}", hint="a General rate is e.g. 'Free', '2.5%' or '1¢/kg'"
        )
    if match := _PLAIN_PERCENT_RE.match(body):  # the common case, without the term grammar
        rate = _fraction(match.group("n"))
        return MfnRate(text, "ad_valorem", rate, (), (AdValoremPart(rate),))
    if match := _FREE_RE.match(body):
        return MfnRate(text, "free", 0.0, note=match.group("rest"))
    if match := _SUGAR_RE.match(body):
        note = (
            f"sliding scale by polarity: {match.group('base')}¢/kg at 100 degrees, less"
            f" {match.group('step')}¢/kg per degree under 100, at least {match.group('floor')}¢/kg;"
            " the amount is the rate at 100 degrees"
        )
        return MfnRate(
            text, "specific", 0.0, (SpecificDuty(_fraction(match["base"]), "kg"),), (), note
        )
    terms_body, _, proviso = body.partition(", but ")
    note = f"but {proviso}" if proviso else ""
    if (parsed := _from_terms(text, terms_body, note)) is not None:
        return parsed
    lowered = body.lower()
    if lowered.startswith(_REFERENCE_OPENINGS) or not re.search(r"\d", body):
        return MfnRate(text, "other", 0.0, note="the duty is stated by reference, not as a rate")
    raise MalformedInputError(
        f"cannot read the rate text {text!r}",
        hint="expected forms like 'Free', '2.5%', '1¢/kg', '$1.104/kg + 14.9%'",
    )
