"""The news reader's vocabulary: places, demonyms, institutions, roles, outlets, people, and
the named word sets every rule reads.

The data live in ``news/data/lexicon.json`` (hand-written; documented in docs/extraction.md)
plus the ISO 3166 short names of ``data/embedded/iso3166_countries.csv``. The file
carries a ``version``; a rule reads its words with ``lexicon.words("name")``, never from a
list of its own. A :class:`Lexicon` is immutable; pipeline components load the default one
and save it with their ``to_disk`` so a saved pipeline carries its own vocabulary. It carries
the reader's rule files too (``lexicon.rules``, a :class:`~tariffscope.news.rulebook.RuleBook`),
saved with it, so that a rule is read from the running component's copy.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, Literal, TypeVar

from tariffscope.config import embedded_dir
from tariffscope.errors import DataFileError
from tariffscope.news.rulebook import RuleBook, shipped_rulebook

__all__ = [
    "Lexicon",
    "PlaceKind",
    "PlaceMatch",
    "default_lexicon",
    "expand_words",
    "fold",
    "norm_token",
    "per_lexicon",
]

T = TypeVar("T")

PlaceKind = Literal["country", "demonym", "capital", "region", "institution"]
_LEXICON_FILE = Path(__file__).resolve().parent / "data" / "lexicon.json"
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


def norm_token(text: str) -> str:
    """A token's text with curly apostrophes made straight."""
    return text.translate(_APOSTROPHES)


def fold(text: str) -> str:
    """Lower case without diacritics and with straight apostrophes (for comparing names)."""
    decomposed = unicodedata.normalize("NFKD", norm_token(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


@dataclass(frozen=True, slots=True)
class PlaceMatch:
    """A gazetteer hit: tokens ``[start, end)`` name ``iso3`` as a country, demonym, ..."""

    start: int
    end: int
    iso3: str
    kind: PlaceKind


def place_word(text: str) -> str:
    """A word as place names are looked up: straight apostrophes, and diacritics dropped with
    the case kept ("Việt" -> "Viet", "Türkiye" -> "Turkiye"), as gazetteers and local
    spellings write the same name."""
    word = norm_token(text)
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _keys(phrase: str) -> tuple[str, ...]:
    # "U.S." stays one token in spaCy; "South Korean" is two; apostrophes are normalised
    return tuple(place_word(w) for w in norm_token(phrase).split())


@dataclass(frozen=True)
class Lexicon:
    """Gazetteers as lookup tables (build with :meth:`from_data` or :func:`default_lexicon`)."""

    data: Mapping[str, Any]
    places: Mapping[tuple[str, ...], tuple[str, PlaceKind]] = field(repr=False)
    max_place_len: int
    role_heads: frozenset[tuple[str, ...]]
    role_words: frozenset[str]
    former_words: frozenset[str]
    honorifics: frozenset[str]
    outlets: frozenset[str]
    known_people: Mapping[str, str]
    first_words: frozenset[str] = frozenset()
    version: int = 1
    word_sets: Mapping[str, frozenset[str]] = field(default_factory=dict, repr=False)
    #: the last word of every role head ("minister", "secretary")
    role_head_ends: frozenset[str] = field(default=frozenset(), repr=False)
    #: every leading part of a place name (("South",), ("South", "Korea")): where to stop
    place_prefixes: frozenset[tuple[str, ...]] = field(default=frozenset(), repr=False)
    #: the reader's rule files and weights (saved with the lexicon by the components)
    rules: RuleBook = field(default_factory=shipped_rulebook, repr=False, compare=False)

    @classmethod
    def from_data(
        cls,
        data: Mapping[str, Any],
        iso_names: Mapping[str, str],
        rules: RuleBook | None = None,
    ) -> Lexicon:
        """Build the lookups from the JSON object and the ISO3 -> short name table (with
        ``rules``, default the shipped rule files)."""
        places: dict[tuple[str, ...], tuple[str, PlaceKind]] = {}
        for iso3, name in iso_names.items():
            if "," not in name and "(" not in name:
                places[_keys(name)] = (iso3, "country")
        groups: Sequence[tuple[str, PlaceKind]] = (
            ("country_aliases", "country"),
            ("demonyms", "demonym"),
            ("capitals", "capital"),
            ("regions", "region"),
            ("institutions", "institution"),
        )
        try:
            for key, kind in groups:
                for phrase, iso3 in data[key].items():
                    places[_keys(phrase)] = (str(iso3), kind)
            # a body of several countries whose name opens with a place word ("European Free
            # Trade Association") is no place: its longest match names no code
            # a class of countries named by a region's adjective ("the UK and other European
            # countries", "a European nation") is those countries, not the institution the
            # adjective alone names (the EU): no code either
            for listed in ("place_multinational_bodies", "place_region_classes"):
                for phrase in data["words"].get(listed, ()):
                    places[_keys(phrase)] = ("", "region")
            heads = frozenset(tuple(norm_token(h.lower()).split()) for h in data["role_heads"])
            return cls(
                data=data,
                first_words=frozenset(k[0] for k in places),
                place_prefixes=frozenset(k[:n] for k in places for n in range(1, len(k) + 1)),
                places=places,
                max_place_len=max(len(k) for k in places),
                role_heads=heads,
                role_head_ends=frozenset(h[-1] for h in heads if h),
                role_words=frozenset(w.lower() for w in data["role_words"]),
                former_words=frozenset(w.lower() for w in data["former_words"]),
                honorifics=frozenset(data["honorifics"]),
                outlets=frozenset(data["outlets"]),
                known_people=dict(data["known_people"]),
                version=int(data.get("version", 1)),
                word_sets={
                    name: frozenset(str(w) for w in words)
                    for name, words in data.get("words", {}).items()
                },
                rules=rules if rules is not None else shipped_rulebook(),
            )
        except (KeyError, TypeError, AttributeError) as error:
            raise DataFileError(f"lexicon: missing or malformed section ({error})") from None

    def words(self, name: str) -> frozenset[str]:
        """The word set ``name`` of the vocabulary (the ``words`` section of the data).

        Raises
        ------
        DataFileError
            The vocabulary has no word set of that name (a lexicon saved by an older version).
        """
        try:
            return self.word_sets[name]
        except KeyError:
            raise DataFileError(f"lexicon version {self.version}: no word set {name!r}") from None

    def to_json(self) -> str:
        """The JSON text this lexicon was built from (for ``to_disk``)."""
        return json.dumps(self.data, ensure_ascii=False, indent=1)

    @classmethod
    def from_json(cls, text: str, rules: RuleBook | None = None) -> Lexicon:
        """Inverse of :meth:`to_json` (with ``rules``, default the shipped rule files)."""
        return cls.from_data(json.loads(text), _iso_names(), rules)

    def with_rules(self, rules: RuleBook) -> Lexicon:
        """This vocabulary with other rule files."""
        return replace(self, rules=rules)

    def place_at(self, words: Sequence[str], i: int) -> PlaceMatch | None:
        """The longest place name starting at ``words[i]`` (exact case; ALL-CAPS retried)."""
        best: PlaceMatch | None = None
        first = place_word(words[i]) if i < len(words) else ""
        if first not in self.first_words and not (
            first.isupper() and len(first) > 3 and first.title() in self.first_words
        ):
            return None
        capitals = first.isupper() and len(first) > 3  # "JAPAN": retried as "Japan"
        key: tuple[str, ...] = ()
        titled: tuple[str, ...] = ()
        for n in range(1, min(self.max_place_len, len(words) - i) + 1):
            word = first if n == 1 else place_word(words[i + n - 1])
            key = (*key, word)
            titled = (*titled, word.title()) if capitals else key
            if key not in self.place_prefixes and titled not in self.place_prefixes:
                break  # no longer name begins with these words
            hit = self.places.get(key)
            if hit is None and capitals:
                hit = self.places.get(titled)
            if hit is not None:
                best = PlaceMatch(i, i + n, hit[0], hit[1])
        return best if best is None or best.iso3 else None

    def place_matches(self, words: Sequence[str]) -> list[PlaceMatch]:
        """The place names of ``words`` read left to right, the longest at each start, none
        overlapping (what :meth:`place_at` finds stepping past each hit)."""
        firsts = self.first_words
        starts = [
            i
            for i, word in enumerate(map(place_word, words))
            if word in firsts or (word.isupper() and len(word) > 3 and word.title() in firsts)
        ]
        out: list[PlaceMatch] = []
        for i in starts:
            if out and i < out[-1].end:
                continue
            hit = self.place_at(words, i)
            if hit is not None:
                out.append(hit)
        return out

    def place_code(self, phrase: str) -> str | None:
        """ISO3 code of a place, demonym, capital, region or institution named by ``phrase``."""
        words = _keys(phrase)
        if words and words[0].lower() == "the":
            words = words[1:]
        hit = self.places.get(words)
        return hit[0] if hit is not None and hit[0] else None

    def role_head_len(self, lower_words: Sequence[str], end: int) -> int:
        """Length of the longest role head ending just before ``end`` (0 when none)."""
        if end < 1 or lower_words[end - 1] not in self.role_head_ends:
            return 0  # most words end no title: one set look-up instead of four
        for n in (4, 3, 2, 1):
            if end - n >= 0 and tuple(lower_words[end - n : end]) in self.role_heads:
                return n
        return 0


@cache
def _iso_names() -> dict[str, str]:
    import csv

    with (embedded_dir() / "iso3166_countries.csv").open(encoding="utf-8") as handle:
        return {row["iso3"]: row["name"] for row in csv.DictReader(handle)}


@cache
def default_lexicon() -> Lexicon:
    """The lexicon shipped with tariffscope (loaded once per process)."""
    try:
        text = _LEXICON_FILE.read_text(encoding="utf-8")
    except OSError as error:
        raise DataFileError(f"{_LEXICON_FILE}: cannot read the lexicon ({error})") from None
    return Lexicon.from_json(text)


def per_lexicon(build: Callable[[Lexicon], T], kept: int = 8) -> Callable[[Lexicon], T]:
    """``build(lex)`` computed once per lexicon (rules compiled with its words and its rule
    files); the lexicon is kept with the value, so its id is not reused, and a process that
    loads many lexicons keeps the latest ``kept``."""
    built: dict[int, tuple[Lexicon, T]] = {}

    def get(lex: Lexicon) -> T:
        hit = built.get(id(lex))
        if hit is None or hit[0] is not lex:
            if len(built) >= kept:
                del built[next(iter(built))]
            hit = built[id(lex)] = (lex, build(lex))
        return hit[1]

    get.__doc__ = build.__doc__
    return get


def expand_words(value: Any, lex: Lexicon, *, cased_lemmas: bool = True, key: str = "") -> Any:
    """A rule pattern (JSON data) with each ``"@name"`` replaced by the sorted word set
    ``name`` of ``lex``: a value ``"@name"`` becomes the list of its words, an item
    ``"@name"`` of a list is replaced by its words. The words of a ``LEMMA`` test (its ``IN``
    or ``NOT_IN`` list) are listed lower case, capitalized and upper case when
    ``cased_lemmas`` (a proper noun or a headline keeps its capitals). The one expansion of
    the event, person and time rules."""

    def words(name: str) -> list[str]:
        found = lex.words(name)
        if cased_lemmas and key == "LEMMA":
            found = found | {w.capitalize() for w in found} | {w.upper() for w in found}
        return sorted(found)

    if isinstance(value, str) and value.startswith("@"):
        return words(value[1:])
    if isinstance(value, Mapping):
        return {
            k: expand_words(
                v, lex, cased_lemmas=cased_lemmas, key=key if k in {"IN", "NOT_IN"} else k
            )
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        out: list[Any] = []
        for item in value:
            if isinstance(item, str) and item.startswith("@"):
                out.extend(words(item[1:]))
            else:
                out.append(expand_words(item, lex, cased_lemmas=cased_lemmas, key=key))
        return out
    return value
