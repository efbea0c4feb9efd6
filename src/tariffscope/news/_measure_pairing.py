"""Which country each rate of a comparison list is on: helpers of :mod:`tariffscope.news.measures`.

A sentence that lists several countries' rates ("Vietnam's 20%, Indonesia's 19% and the
Philippines' 19%", "20% for X and 19% for Y", "X (20%), Y (19%)", "X at 20% and Y at 19%",
"X got 36% and Y faces 50%") gives each rate the country it is written next to, not the
story's main partner. The configurations are data: the ``pairing`` table of
``news/data/measure_rules.toml`` lists named token sequences (id, priority, reason) over
a small alphabet:

- ``RATE``: the rate being paired (one per sequence);
- ``PLACE``: a country, capital or institution ("the EU"), extended over a coordinated list
  of places ("Japan and South Korea");
- ``DEMONYM``: a demonym ("on Indonesian goods");
- ``@name``: a word of the lexicon's word set ``name`` (its text or its lemma);
- ``?X``: an optional element; ``~N``: up to N words inside one conjunct (letters only, no
  coordinator, no place, no rate);
- anything else: the word itself, lower case.

A sequence without ``RATE`` marks a distributive list ("respectively"): the places and the
rates of the sentence pair in order when there are as many of each.

The pairing applies only to a comparison list: a sentence in which at least two rates are
paired with two different countries. A sentence with one rate keeps the syntactic reading of
:mod:`tariffscope.news._measure_goods` (where "Japan's 15% tariff" may be Japan's own).
Matching is over plain tokens, so it works on a blank pipeline as well as a parsed one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span

from tariffscope.news._measure_parts import place_spans
from tariffscope.news._measure_rules import RuleSpec, rule_specs
from tariffscope.news.lexicon import Lexicon

__all__ = ["Pairing", "pair_rates_with_places"]

_PLACE_KINDS = frozenset({"country", "capital", "institution"})


@dataclass(frozen=True, slots=True)
class Pairing:
    """The countries a rate is written next to, the id of the sequence that paired them, and
    every country the list pairs with a rate (none of which imposes the listed rates)."""

    targets: tuple[str, ...]
    rule: str
    listed: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Item:
    """One unit of a sentence: a rate, a place (several tokens), or a word."""

    kind: str  # "RATE", "PLACE", "DEMONYM" or "WORD"
    text: str  # lower case (a word), or the ISO3 code (a place)
    lemma: str = ""
    rate: int = -1  # the index of the rate (RATE)


def _items(sent: Span, rates: Sequence[tuple[int, int]], lex: Lexicon) -> list[_Item]:
    """The sentence as a sequence of items: each rate and each place collapsed to one."""
    places = {a: (iso, kind, b) for iso, kind, a, b in place_spans(sent, lex)}
    starts = {a: (k, b) for k, (a, b) in enumerate(rates)}
    out: list[_Item] = []
    i = sent.start
    while i < sent.end:
        if i in starts:
            k, end = starts[i]
            out.append(_Item("RATE", "", rate=k))
            i = max(end, i + 1)
            continue
        if i in places:
            iso, kind, end = places[i]
            if kind in _PLACE_KINDS:
                out.append(_Item("PLACE", iso))
                i = end
                continue
            if kind == "demonym":
                out.append(_Item("DEMONYM", iso))
                i = end
                continue
        token = sent.doc[i]
        out.append(_Item("WORD", token.lower_, token.lemma_.lower()))
        i += 1
    return out


def _word_matches(element: str, item: _Item, lex: Lexicon) -> bool:
    if item.kind != "WORD":
        return False
    if element.startswith("@"):
        words = lex.words(element[1:])
        return item.text in words or item.lemma in words
    return item.text == element


def _gap_word(item: _Item, lex: Lexicon) -> bool:
    """A word that may stand inside one conjunct of a list (not a coordinator, not a rate)."""
    return (
        item.kind == "WORD"
        and item.text.isalpha()
        and item.text not in lex.words("measure_pair_breaks")
    )


def _extend_places(items: list[_Item], at: int, lex: Lexicon) -> tuple[list[str], int]:
    """The places of a coordinated list starting at ``items[at]`` ("Japan and South Korea"),
    and the index after it; a list that a rate follows belongs to that rate's conjunct."""
    codes = [items[at].text]
    j = at + 1
    while j < len(items):
        k = j
        while (
            k < len(items)
            and items[k].kind == "WORD"
            and items[k].text in lex.words("measure_pair_list_joiners")
        ):
            k += 1
        if k == j or k >= len(items) or items[k].kind != "PLACE":
            break
        codes.append(items[k].text)
        j = k + 1
    return codes, j


def _match(
    sequence: Sequence[str], items: list[_Item], start: int, lex: Lexicon
) -> tuple[int, list[str]] | None:
    """Match ``sequence`` at ``items[start]``: the rate index paired and the places, or None."""
    rate = -1
    places: list[str] = []

    def walk(e: int, i: int) -> bool:
        nonlocal rate, places
        if e == len(sequence):
            return True
        element = sequence[e]
        if element.startswith("~"):
            limit = int(element[1:])
            for n in range(limit + 1):
                if n and not (i + n - 1 < len(items) and _gap_word(items[i + n - 1], lex)):
                    break
                if walk(e + 1, i + n):
                    return True
            return False
        if element.startswith("?"):
            return (
                i < len(items) and _word_matches(element[1:], items[i], lex) and walk(e + 1, i + 1)
            ) or walk(e + 1, i)
        if i >= len(items):
            return False
        item = items[i]
        if element == "RATE":
            if item.kind != "RATE":
                return False
            rate = item.rate
            return walk(e + 1, i + 1)
        if element == "PLACE":
            if item.kind != "PLACE":
                return False
            codes, after = _extend_places(items, i, lex)
            # a place list is the last element of a sequence, or stands before the rest
            if e == len(sequence) - 1:
                places = codes
                return True
            places = codes
            return walk(e + 1, after)
        if element == "DEMONYM":
            if item.kind != "DEMONYM":
                return False
            places = [item.text]
            return walk(e + 1, i + 1)
        return _word_matches(element, item, lex) and walk(e + 1, i + 1)

    if walk(0, start) and rate >= 0 and places:
        return rate, places
    return None


def _distribute(
    spec: RuleSpec, items: list[_Item], lex: Lexicon, found: dict[int, Pairing]
) -> None:
    """A distributive list ("20% and 19% respectively on Vietnam and Indonesia"): when a word
    of the sequence marks it and the sentence names as many places as rates, the places and
    the rates pair in order; when it names more (the imposer: "X, Y and Z will face US
    tariffs of 30%, 29% and 22% respectively"), the one coordinated list of as many places
    as rates does."""
    if not any(_match_word(element, item, lex) for element in spec.sequence for item in items):
        return
    places = [item.text for item in items if item.kind == "PLACE"]
    rates = [item.rate for item in items if item.kind == "RATE"]
    if len(places) > len(rates):
        lists = [run for run in _place_lists(items, lex) if len(run) == len(rates)]
        places = lists[0] if len(lists) == 1 else []
    if len(places) != len(rates) or len(set(places)) < 2:
        return
    for k, iso in zip(rates, places, strict=True):
        found.setdefault(k, Pairing((iso,), spec.id))


def _place_lists(items: list[_Item], lex: Lexicon) -> list[list[str]]:
    """The coordinated lists of places of a sentence, in order ("Japan, Laos and Peru"; a
    place alone is a list of one)."""
    out: list[list[str]] = []
    i = 0
    while i < len(items):
        if items[i].kind != "PLACE":
            i += 1
            continue
        codes, i = _extend_places(items, i, lex)
        out.append(codes)
    return out


def _match_word(element: str, item: _Item, lex: Lexicon) -> bool:
    return element not in {"PLACE", "DEMONYM"} and _word_matches(element, item, lex)


def pair_rates_with_places(
    sent: Span, rates: Sequence[tuple[int, int]], lex: Lexicon
) -> dict[int, Pairing]:
    """For a comparison list, the countries of each rate (by index into ``rates``, token
    spans ``(start, end)`` inside ``sent``); empty when the sentence is not one."""
    if len(rates) < 2:
        return {}
    items = _items(sent, rates, lex)
    found: dict[int, Pairing] = {}
    for spec in rule_specs(
        "pairing", lex.rules
    ):  # highest priority first: the first sequence that pairs a rate wins
        if "RATE" not in spec.sequence:
            _distribute(spec, items, lex, found)
            continue
        for start in range(len(items)):
            hit = _match(spec.sequence, items, start, lex)
            if hit is None:
                continue
            k, places = hit
            if k not in found:
                found[k] = Pairing(tuple(dict.fromkeys(places)), spec.id)
    distinct = {p.targets for p in found.values()}
    if len(found) < 2 or len(distinct) < 2:
        return {}
    listed = tuple(dict.fromkeys(c for k in sorted(found) for c in found[k].targets))
    return {k: Pairing(p.targets, p.rule, listed) for k, p in found.items()}
