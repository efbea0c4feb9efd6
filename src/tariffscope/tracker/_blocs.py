"""Blocs a story negotiates with as one party (Mercosur, the GCC, ...): the brief's pair.

The news reader's records name countries (ISO3 codes, EUN for the EU); a bloc without a code
(``data/embedded/blocs.yaml``) reaches them only as its members, so an EFTA-Mercosur story
reads as Brazil-Uruguay and a China-ASEAN one as China-Malaysia. A bloc is a party of a story
when its headline names it, or its text names it at least :data:`MIN_BLOC_NAMINGS` times. A
member of such a bloc counts for the bloc (as an EU member counts for the EU) when the story
speaks of the bloc more than of the member: the headline names the bloc and not the member,
or the text names the bloc more often than the member and the headline does not name the
member. So "Malaysia and the US sign a deal at
the ASEAN summit" stays a US-Malaysia story, and "China-ASEAN FTA 3.0 upgrade" with Malaysia's
prime minister at the signing is China-ASEAN.

A pair whose two parties are members of the same bloc becomes that bloc and the story's other
bloc party, if it names one (Mercosur and EFTA), else stays as it is. In a pair with the
United States a member whose own measures with the US the stories report stays itself,
whatever the headline and the body say of its bloc: US law treats each member as its own
customs territory, so a story about one Gulf state's rate whose body speaks of the GCC stays
that state's (the Gulf states' reciprocal rates differ), and "SA's future with AGOA uncertain
after Trump imposed tariffs" is South Africa's 30%; not when the stories list the rates of
other members of the bloc too ("from 50 percent for Lesotho to 30 percent and above for South
Africa, Madagascar and Botswana" in the African Union's statement). A member the stories
give no US measure counts for its bloc as in any pair (round 15: "the African Union says it
will present a united proposal", with a summit in Angola, is US-African Union; "US renews
AGOA" is the programme's beneficiaries'). A bloc the text names beside half its members or
more ("the Mercosur bloc of Argentina, Brazil, Paraguay and Uruguay") is a party however
rarely it is named, and its members count for it. A US-bloc pair is priced as the members'
trade summed (round 14). A story that names no negotiation but one party and a bloc it is not
a member of is that party and the bloc (priced when the party is the United States). The
brief says so in a warning; the bloc's identifier is the brief's (never in ``extract``
output).

A headline that names a bloc and one other party, not a member and not the United States,
states a negotiation between them; a US pair the body's records give that party (the EU-US
deal an EU-Mercosur story recalls, misread as an event of theirs) gives way to it
(:func:`headline_bloc_pair`). A member the headline names beside its bloc is where it happens
("EU, Mercosur sign trade agreement in Paraguay"). A headline that names a bloc and one other
party, neither the United States, is the main pair whatever the body's records give (an
EFTA-Mercosur analysis that recalls EFTA's agreement with India: :func:`headline_blocs_pair`);
a story without a title is headed by its first line.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from functools import cache

from tariffscope.domain.blocs import Bloc, bloc, blocs
from tariffscope.domain.countries import WLD, country_name
from tariffscope.tracker._pairs import LAW_COUNTRY, _headline_words, named_parties

__all__ = [
    "MIN_BLOC_NAMINGS",
    "bloc_namings",
    "bloc_pair",
    "headline_bloc_pair",
    "headline_blocs_pair",
    "lone_bloc_pair",
    "story_blocs",
]

#: How often a story's text must name a bloc for the bloc to be a party without its headline.
MIN_BLOC_NAMINGS = 3


@cache
def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # not a currency ("AU$1.75 million" is no African Union)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?![\w$])", re.IGNORECASE)


def bloc_namings(text: str) -> Counter[str]:
    """How often ``text`` names each bloc (whole words, first letter capitalised: "Asean",
    "ASEAN", "Gulf Cooperation Council"; not "gcc")."""
    counts: Counter[str] = Counter()
    for b in blocs():
        hits = [m for m in _pattern(b.names).finditer(text) if m[0][:1].isupper()]
        if hits:
            counts[b.id] = len(hits)
    return counts


def _first_naming(text: str, code: str) -> int:
    b = bloc(code)
    found = _pattern(b.names).search(text) if b is not None else None
    return found.start() if found is not None else 1 << 30


def _enumerated(code: str, text: str) -> bool:
    """Whether ``text`` names the bloc and at least half its members (two at least): "the
    Mercosur bloc of Argentina, Brazil, Paraguay and Uruguay"."""
    found = bloc(code)
    if found is None or not bloc_namings(text)[code]:
        return False
    named = sum(1 for c in _country_namings(text) if c in found.members)
    return named >= max(2, -(-len(found.members) // 2))


def story_blocs(titles: Sequence[str], texts: Sequence[str]) -> list[str]:
    """The blocs the stories name as a party (headline, :data:`MIN_BLOC_NAMINGS` namings in
    the text, or the bloc named with half its members), the first named first."""
    in_titles = bloc_namings(" \n".join(titles))
    body = " \n".join(texts)
    in_texts = bloc_namings(body)
    found = [
        c
        for c in in_titles | in_texts
        if c in in_titles or in_texts[c] >= MIN_BLOC_NAMINGS or _enumerated(c, body)
    ]
    whole = " \n".join([*titles, *texts])
    return sorted(found, key=lambda c: _first_naming(whole, c))


def _country_namings(text: str) -> Counter[str]:
    return named_parties(text, lambda code: code)


def _fold(
    code: str,
    parties: Sequence[Bloc],
    titles: Sequence[str],
    texts: Sequence[str],
) -> str:
    """The bloc ``code`` counts for in these stories, or ``code`` itself."""
    title = " \n".join(titles)
    body = " \n".join(texts)
    in_title_blocs, in_body_blocs = bloc_namings(title), bloc_namings(body)
    in_title, in_body = _country_namings(title), _country_namings(body)
    for b in parties:
        if code not in b.members:
            continue
        if in_title[code]:  # the headline names the member: it stays itself
            return code
        if in_title_blocs[b.id]:
            return b.id
        if in_body_blocs[b.id] > in_body[code] or _enumerated(b.id, body):
            return b.id
    return code


def _bloc_over_outsider(
    code: str, parties: Sequence[Bloc], titles: Sequence[str], texts: Sequence[str]
) -> str | None:
    """The bloc a US pair's party gives way to when it is no member of any bloc the stories
    negotiate with and the stories centre on the bloc: the headline names the bloc before the
    party, and the text names the bloc :data:`MIN_BLOC_NAMINGS` times or more and more often
    than the party ("Trump Imposes 10% US Tariffs on GCC; Syria, Iraq Hit Hard", where the
    bloc's rate was read onto the next country named); else None."""
    if any(code in b.members for b in parties):
        return None
    body = " \n".join(texts)
    in_body_blocs, in_body = bloc_namings(body), _country_namings(body)
    for title in titles:
        words = " ".join(_headline_words(title))
        for b in parties:
            if (
                bloc_namings(words)[b.id]
                and _naming_at(words, b.id) < _naming_at(words, code)
                and in_body_blocs[b.id] >= MIN_BLOC_NAMINGS
                and in_body_blocs[b.id] > in_body[code]
            ):
                return b.id
    return None


def _note(before: tuple[str, str], after: tuple[str, str]) -> str:
    described = [
        f"{b.name} ({b.id}: {', '.join(sorted(b.members))}; members from {b.source})"
        for code in dict.fromkeys(after)
        if (b := bloc(code)) is not None
    ]
    return (
        f"the stories negotiate with {' and '.join(described)} as one party: what they "
        f"report of {before[0]}-{before[1]} is briefed as {after[0]}-{after[1]} "
        "(a bloc has no party code in the extraction, whose records name its members)"
    )


def _own_rate(code: str, parties: Sequence[Bloc], rated: Collection[str]) -> bool:
    """Whether ``code`` has a US rate of its own in the stories and no other member of a bloc
    they negotiate with has one."""
    return code in rated and not any(
        code in b.members and len(b.members & set(rated)) > 1 for b in parties
    )


def bloc_pair(
    pair: tuple[str, str],
    titles: Sequence[str],
    texts: Sequence[str],
    rated: Collection[str] = (),
) -> tuple[tuple[str, str], str] | None:
    """The pair with its members folded into the blocs the stories negotiate with, and the
    warning that says so; None when no bloc changes it (see the module docstring).

    ``rated``: the parties whose measures with the United States the stories report; in a US
    pair a member among them stays itself (its own US rate is what the stories price), unless
    the stories report the rates of other members of its bloc too (a list of the members'
    rates speaks of the bloc)."""
    if WLD in pair:
        return None
    codes = story_blocs(titles, texts)
    parties = [found for c in codes if (found := bloc(c)) is not None]
    if not parties:
        return None
    # US law is each member's own (a customs territory of the catalog): in a US pair a member
    # whose own measures the stories report stays itself
    us = LAW_COUNTRY in pair
    a, b = (
        code
        if code == LAW_COUNTRY
        else (us and _bloc_over_outsider(code, parties, titles, texts))
        or (code if us and _own_rate(code, parties, rated) else None)
        or _fold(code, parties, titles, texts)
        for code in pair
    )
    if a == b:  # two members of one bloc: the bloc and the other bloc the stories name
        others = [c for c in codes if c != a]
        if not others:
            return None
        after = (a, others[0])
    elif (a, b) != pair:
        after = (a, b)
    else:
        return None
    return after, _note(pair, after)


def headline_blocs_pair(
    pair: tuple[str, str], titles: Sequence[str], texts: Sequence[str]
) -> tuple[tuple[str, str], str] | None:
    """The two parties a headline names when one is a bloc and neither is the United States,
    in place of a pair of other parties the body's records give (the EFTA-India agreement an
    EFTA-Mercosur analysis recalls), with the warning that says so; else None. A story
    without a title is headed by its first line."""
    heads = [t for t in titles if t.strip()] or [_first_line(t) for t in texts]
    for head in heads:
        words = " ".join(_headline_words(head))
        named = [code for code in bloc_namings(words) if bloc(code) is not None]
        members = {m for code in named if (b := bloc(code)) is not None for m in b.members}
        parties = sorted(
            {*named, *(c for c in _country_namings(words) if c not in members)},
            key=lambda code: _naming_at(words, code),
        )
        if not named or len(parties) != 2 or LAW_COUNTRY in parties:
            continue
        after = (parties[0], parties[1])
        if set(after) == set(pair):
            return None
        return after, _note(pair, after).replace(
            "as one party:", "as one party, as the headline says:"
        )
    return None


def _first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


def _naming_at(words: str, code: str) -> int:
    """Where ``words`` first names the bloc or party ``code``."""
    if bloc(code) is not None:
        return _first_naming(words, code)
    found = [m.start() for m in re.finditer(re.escape(country_name(code)), words)]
    return min(found, default=1 << 29)


def lone_bloc_pair(
    party: str, titles: Sequence[str], texts: Sequence[str]
) -> tuple[tuple[str, str], str] | None:
    """For stories that name no negotiation but ``party``: the party and the first bloc they
    negotiate with that it is not a member of, with the warning that says so; else None."""
    for code in story_blocs(titles, texts):
        found = bloc(code)
        if found is not None and party not in found.members:
            after = (party, code)
            return after, _note((party, WLD), after).replace(
                f"what they report of {party}-{WLD}",
                f"what they report of {country_name(party)} and all partners",
            )
    return None


def headline_bloc_pair(
    pair: tuple[str, str], titles: Sequence[str]
) -> tuple[tuple[str, str], str] | None:
    """The party and the bloc a headline names, in place of a US pair the headline does not
    name (see the module docstring), with the warning that says so; else None."""
    if LAW_COUNTRY not in pair:
        return None
    for title in titles:
        words = " ".join(_headline_words(title))
        in_title = [code for code in bloc_namings(words) if bloc(code) is not None]
        if len(in_title) != 1:
            continue
        found = bloc(in_title[0])
        assert found is not None
        others = [c for c in _country_namings(words) if c not in found.members]
        if len(others) != 1 or LAW_COUNTRY in others or others[0] not in pair:
            continue
        after = (others[0], found.id)
        return after, _note(pair, after).replace(
            "as one party:", "as one party, as the headline says:"
        )
    return None
