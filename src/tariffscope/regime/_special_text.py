"""Parse the "Special" rate column of the HTS into programme code -> preferential rate.

The Special subcolumn of column 1 lists the rates of the special tariff treatment programmes
of general note 3(c)(i), each rate followed by the programme codes it applies to in
parentheses (HTSUS general note 3(a)(iii)):

``Free (A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)``
    one rate for many programmes;
``Free (A,AU,...,SG) 3.2% (JP)``
    several rates, each with its codes;
``Free (BH,CL,JO,KR,OM,SG) See 9822.05.20 (P+) ... See 9823.10.01-9823.10.45 (S+)``
    a reference: the preferential rate is in a chapter 98/99 provision (mostly quota
    provisions of the agreement's agricultural tariff-rate quotas);
``$1.035/kg + 13.6% (S+)``, ``6.9¢/kg + 0.9% (CO)``
    specific and compound rates, read with the General-rate parser
    (:func:`tariffscope.regime._rate_text.parse_rate`);
``No change (A)``
    the General rate (chapter 99 only).

The 2025 Basic Edition prints some typos the parser tolerates: codes separated by spaces
("E IL"), a stray period (".OM"), a doubled opening parenthesis ("(PA (PA)"), a missing space
between groups ("...SG)25% (KR)"). Parenthesised text that is not a list of known programme
codes ("U.S. note 3(e)") is part of the rate text, not a code group.

Where a product qualifies under several programmes, the lowest rate applies (general note
3(a)(iii)); :meth:`SpecialRates.best` implements that choice.

References
----------
U.S. International Trade Commission, *Harmonized Tariff Schedule of the United States (2025)
Basic Edition*, General Note 3(a)(iii) and 3(c)(i).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tariffscope.errors import MalformedInputError
from tariffscope.regime._rate_text import MfnRate, parse_rate

__all__ = ["PROGRAMME_CODES", "SpecialRates", "SpecialTerm", "parse_special"]

#: The programme codes printed in the Special column of the 2025 schedule (general note
#: 3(c)(i)), with the asterisk and plus variants that restrict a line to some countries.
PROGRAMME_CODES: frozenset[str] = frozenset(
    {
        "A", "A*", "A+", "AU", "B", "BH", "C", "CA", "CL", "CO", "D", "E", "E*", "IL",
        "J", "J*", "J+", "JO", "JP", "K", "KR", "L", "MA", "MX", "NP", "OM", "P", "P+",
        "PA", "PE", "R", "S", "S+", "SG",
    }
)  # fmt: skip

_GROUP_RE = re.compile(r"\(([^()]*)\)")
_DOUBLED_RE = re.compile(r"\(\s*([A-Z]{1,2}[+*]?)\s*\(\s*\1\s*\)")  # "(PA (PA)" -> "(PA)"
_TOKEN_SPLIT_RE = re.compile(r"[\s,]+")
_REFERENCE_RE = re.compile(r"^see\s+(?P<ref>\d{4}\.\d{2}[\d.,\s\-]*)$", re.IGNORECASE)


@dataclass(frozen=True)
class SpecialTerm:
    """One rate of the Special column with the programme codes it applies to.

    Attributes
    ----------
    codes
        Programme codes as printed (``"A+"``, ``"KR"``), normalized.
    text
        The rate text before the codes (``"Free"``, ``"3.2%"``, ``"See 9822.05.20"``).
    rate
        The rate, read like a General rate; None for a reference, for "No change" and for
        text that cannot be read.
    reference
        The chapter 98/99 provisions named by a "See ..." term (``"9822.05.20"``), else "".
    no_change
        True for "No change": the General rate applies.
    """

    codes: tuple[str, ...]
    text: str
    rate: MfnRate | None = None
    reference: str = ""
    no_change: bool = False

    @property
    def readable(self) -> bool:
        """True when the term states a rate (not a reference, "No change" or unreadable)."""
        return self.rate is not None


@dataclass(frozen=True)
class SpecialRates:
    """The parsed Special column of one line.

    Attributes
    ----------
    text
        The text as published (whitespace collapsed).
    terms
        One term per rate, in the order printed.
    note
        Text no programme code follows (e.g. "Free, under the terms of U.S. note 1(b)"),
        or a code printed twice; empty when every word belongs to a term.
    """

    text: str
    terms: tuple[SpecialTerm, ...]
    note: str = ""

    @property
    def codes(self) -> frozenset[str]:
        """Every programme code the line lists."""
        return frozenset(code for term in self.terms for code in term.codes)

    def term(self, code: str) -> SpecialTerm | None:
        """The term listing ``code``, or None."""
        for term in self.terms:
            if code in term.codes:
                return term
        return None

    def best(self, codes: frozenset[str] | set[str]) -> SpecialTerm | None:
        """Of the readable terms listing any of ``codes``, the one with the lowest ad valorem
        part (general note 3(a)(iii): the lowest rate of the programmes that apply)."""
        found = [t for t in self.terms if t.readable and not codes.isdisjoint(t.codes)]
        if not found:
            return None
        return min(found, key=lambda t: (t.rate.ad_valorem if t.rate else 0.0, t.rate is None))


def _codes(inner: str) -> tuple[str, ...] | None:
    """The programme codes of a parenthesised group, or None when it is not a code list."""
    tokens = [t.strip().lstrip(".") for t in _TOKEN_SPLIT_RE.split(inner) if t.strip(" .")]
    if not tokens or any(token not in PROGRAMME_CODES for token in tokens):
        return None
    return tuple(dict.fromkeys(tokens))


def _term(codes: tuple[str, ...], text: str) -> SpecialTerm:
    text = text.strip(" ,;")
    if text.lower() == "no change":
        return SpecialTerm(codes, text, no_change=True)
    if match := _REFERENCE_RE.match(text):
        return SpecialTerm(codes, text, reference=match.group("ref").strip(" ,"))
    try:
        return SpecialTerm(codes, text, rate=parse_rate(text))
    except MalformedInputError:
        return SpecialTerm(codes, text)


@lru_cache(maxsize=4096)
def parse_special(text: str) -> SpecialRates:
    """Read the Special column text of one line.

    Parameters
    ----------
    text
        As published, e.g. ``"Free (A,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG) 3.2% (JP)"``.

    Returns
    -------
    SpecialRates
        One term per rate; an empty text gives no terms.

    Examples
    --------
    >>> rates = parse_special("Free (A,AU,KR) 2.5% (JP)")
    >>> rates.term("JP").rate.ad_valorem, sorted(rates.codes)
    (0.025, ['A', 'AU', 'JP', 'KR'])
    """
    body = _DOUBLED_RE.sub(r"(\1)", " ".join(text.split()))
    terms: list[SpecialTerm] = []
    notes: list[str] = []
    seen: set[str] = set()
    start = 0
    for match in _GROUP_RE.finditer(body):
        codes = _codes(match.group(1))
        if codes is None:
            continue  # part of the rate text ("U.S. note 3(e)")
        rate_text = body[start : match.start()]
        start = match.end()
        repeated = [code for code in codes if code in seen]
        if repeated:
            notes.append(f"code {', '.join(repeated)} printed twice")
            codes = tuple(code for code in codes if code not in seen)
        seen.update(codes)
        if codes:
            terms.append(_term(codes, rate_text))
    rest = body[start:].strip(" ,;")
    if rest:
        notes.append(rest)
    return SpecialRates(body, tuple(terms), "; ".join(notes))
