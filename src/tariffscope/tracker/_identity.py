"""Who is who across stories: person names, country codes among participants.

Stories name one person in several ways ("Donald Trump", "Trump", "President Trump"). Two
names are taken to be the same person when the words of one are a subset of the words of the
other (accents, case and leading titles ignored). Across stories a short name joins the one
longer name it fits; when it fits several ("Lee" with "Lee Jae Myung" and "Lee Hsien Loong")
it stays apart.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache

from tariffscope.domain.blocs import bloc
from tariffscope.domain.countries import EU_MEMBERS, EUN, WLD, is_country
from tariffscope.domain.news import Extraction

__all__ = [
    "PersonIndex",
    "is_party_code",
    "name_tokens",
    "of_pair",
    "party_of",
    "same_person",
]

_TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "dr",
        "sir",
        "dame",
        "lord",
        "president",
        "premier",
        "chancellor",
        "minister",
        "secretary",
        "prime",
        "vice",
        "ambassador",
        "commissioner",
        "governor",
        "king",
        "queen",
        "sheikh",
        "general",
    }
)
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")


def is_party_code(value: str) -> bool:
    """True for an ISO3 country code or EUN (how participants name governments)."""
    return len(value) == 3 and value.isupper() and (value == EUN or is_country(value))


def party_of(country: str, parties: Iterable[str]) -> str | None:
    """The party a country belongs to: itself, EUN for an EU member when EUN is a party, a
    bloc for its member when the bloc is a party (domain/blocs.py), or WLD (all partners) for
    any other country when WLD is a party."""
    wanted = set(parties)
    if country in wanted:
        return country
    if country in EU_MEMBERS and EUN in wanted:
        return EUN
    for code in wanted:
        found = bloc(code)
        if found is not None and country in found.members:
            return code
    if WLD in wanted and (country == EUN or is_country(country)):
        return WLD
    return None


def of_pair(imposer: str | None, target: str | None, parties: Iterable[str]) -> bool:
    """Whether a measure belongs to the negotiation of ``parties``: one party's on the other,
    or one party's on every country (target WLD). In a negotiation with all partners (WLD a
    party) only the other party's measures on every country do: its measures on one country
    belong to that country's negotiation."""
    wanted = tuple(parties)
    by = party_of(imposer, wanted) if imposer else None
    if by is None or by == WLD:
        return False
    if target == WLD:
        return True
    on = party_of(target, wanted) if target else None
    return WLD not in wanted and on is not None and on != by


@cache
def name_tokens(name: str) -> tuple[str, ...]:
    """Lower-case words of a name without accents and leading titles."""
    plain = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()
    words = [w.replace("’", "'") for w in _WORD.findall(plain)]
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    return tuple(words)


def same_person(a: str, b: str) -> bool:
    """True when one name's words are all in the other's ("Trump" and "Donald Trump")."""
    ta, tb = set(name_tokens(a)), set(name_tokens(b))
    if not ta or not tb:
        return False
    return ta <= tb or tb <= ta


class PersonIndex:
    """Canonical names and countries of the people named in a set of stories.

    Parameters
    ----------
    extractions
        The stories' records; actor names, event participants and quote speakers are read.
    """

    def __init__(self, extractions: Iterable[Extraction]) -> None:
        names: Counter[str] = Counter()
        countries: dict[str, Counter[str]] = {}
        roles: dict[str, Counter[str]] = {}
        for extraction in extractions:
            for actor in extraction.actors:
                names[actor.name] += 1
                if actor.country and actor.country != WLD:
                    countries.setdefault(actor.name, Counter())[actor.country] += 1
                if actor.role:
                    roles.setdefault(actor.name, Counter())[actor.role] += 1
            for event in extraction.events:
                for name in event.participants:
                    if not is_party_code(name):
                        names[name] += 0
            for quote in extraction.quotes:
                for said in (quote.speaker, quote.via):
                    if said:
                        names[said] += 0
        self._canonical = self._group(names)
        self._countries: dict[str, Counter[str]] = {}
        self._roles: dict[str, Counter[str]] = {}
        for name, counter in countries.items():
            self._countries.setdefault(self.canonical(name), Counter()).update(counter)
        for name, counter in roles.items():
            self._roles.setdefault(self.canonical(name), Counter()).update(counter)

    @staticmethod
    def _group(names: Counter[str]) -> dict[str, str]:
        # longest names first: each name joins the single longer group that contains it
        ordered = sorted(names, key=lambda n: (-len(name_tokens(n)), -names[n], n))
        canonical: dict[str, str] = {}
        heads: list[str] = []
        for name in ordered:
            tokens = set(name_tokens(name))
            if not tokens:
                canonical[name] = name
                continue
            fits = [h for h in heads if tokens <= set(name_tokens(h))]
            if len(fits) == 1:
                canonical[name] = fits[0]
            else:
                canonical[name] = name
                heads.append(name)
        return canonical

    def canonical(self, name: str) -> str:
        """The canonical (fullest) form of a person's name."""
        found = self._canonical.get(name)
        if found is not None:
            return found
        tokens = set(name_tokens(name))
        fits = {c for n, c in self._canonical.items() if tokens and tokens <= set(name_tokens(n))}
        return fits.pop() if len(fits) == 1 else name

    def country(self, name: str) -> str | None:
        """The country a person acts for, by majority over the stories (None if unknown)."""
        counter = self._countries.get(self.canonical(name))
        return counter.most_common(1)[0][0] if counter else None

    def role(self, name: str) -> str | None:
        """The most frequent role given to a person, or None."""
        counter = self._roles.get(self.canonical(name))
        return counter.most_common(1)[0][0] if counter else None

    def roles(self, name: str) -> tuple[str, ...]:
        """Every role given to a person, most frequent first."""
        counter = self._roles.get(self.canonical(name))
        return tuple(r for r, _ in counter.most_common()) if counter else ()

    def split(
        self, participants: Iterable[str], local: Mapping[str, str | None] | None = None
    ) -> tuple[frozenset[str], frozenset[str]]:
        """``(persons, countries)`` of a participant list: canonical names, and the country
        codes named directly or through a person (``local`` maps names to countries as the
        story gives them; the index's majority fills the rest)."""
        persons: set[str] = set()
        countries: set[str] = set()
        for item in participants:
            if is_party_code(item):
                countries.add(item)
                continue
            person = self.canonical(item)
            persons.add(person)
            country = (local or {}).get(item) or self.country(person)
            if country and country != WLD:
                countries.add(country)
        return frozenset(persons), frozenset(countries)
