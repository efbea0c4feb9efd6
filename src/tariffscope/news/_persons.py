"""Finding people in a parsed article: names, titles and roles, and credit lines to skip.

A role is read from the words next to a name, the way a reader does:

- before it: ``[country or owner] [modifiers] ROLE-HEAD NAME`` ("US Treasury Secretary Scott
  Bessent", "Japan's chief negotiator Ryosei Akazawa", "Ontario Premier Doug Ford");
- before it with a comma: ``ROLE-PHRASE, NAME`` ("The President of Mexico, Claudia Sheinbaum");
- after it: ``NAME, ROLE-PHRASE,`` or ``NAME, who is (also) the ROLE-PHRASE``.

The country comes from a leading country, demonym or capital (stripped from the role), a
possessive owner ("The U.S. Embassy's"), an ``of COUNTRY`` tail, or a region or institution
kept inside the role ("Ontario Premier", "European Commission President").

Which words continue a title, open, run on and close an apposition, and where a role read
leftwards starts are named one-word rules of ``news/data/person_rules.json`` (``role_rules``,
:mod:`tariffscope.news._role_rules`); the guards that look at a word's neighbours are here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from tariffscope.news._doc_memo import doc_memo
from tariffscope.news._role_rules import Guards, role_rules
from tariffscope.news._syntax import doc_text, is_caption_line, is_headline_line, line_spans
from tariffscope.news.lexicon import Lexicon, PlaceMatch, norm_token, place_word

__all__ = [
    "RoleInfo",
    "article_countries",
    "article_country_counts",
    "boilerplate_ranges",
    "dateline_ranges",
    "ends_name",
    "is_role_word",
    "layout",
    "left_role",
    "name_tokens_after",
    "parse_role",
    "related_headlines",
    "right_role",
]

_CREDIT = re.compile(
    r"\((?:[^()\n]{0,40}\b(?:reporting|writing|editing|edited|additional reporting)\b[^()\n]*)\)"
    r"|\((?:[^()\n]{1,60}/[^()\n]{1,40})\)",
    re.I,
)
#: A picture credit inside a caption line ("Agency / Jane Roe Credit: Some Media").
_PHOTO_CREDIT = re.compile(r"(?:[\w ]{1,30} / )?[A-Z][\w .'-]{0,40}\bCredit:[^\n]*")
#: A picture credit closing a caption line ("... meets the press. Photo: Jane Roe/Agency").
_PHOTO_TAG = re.compile(r"\b(?:Photo|Photograph|Picture|Image)s?:[ \t]+[A-Z][^\n]{0,60}$", re.M)
_BYLINE = re.compile(r"^\s*(?:By|Written by|Reporting by|Photo:)\s+[A-Z]", re.M)


@dataclass(frozen=True, slots=True)
class RoleInfo:
    """What the words around a name say: the office, the country, whether it is a past one."""

    role: str | None
    country: str | None
    former: bool = False
    #: a possessive owner that is not a place ("Prabowo's spokesperson"): a person whose
    #: country the holder shares, or an organisation kept in the role by the caller
    owner: str | None = None


def boilerplate_ranges(doc: Doc, title: str | None) -> list[tuple[int, int]]:
    """Character ranges that are credits, bylines, captions of agencies or datelines.

    These are: "(Reporting by ...; editing by ...)", "(Name/Getty Images)", "Photo: Name/Agency"
    closing a line, lines that start "By ...", photo captions (lines that end with the picture
    agency), and short lines (at most eight words) with no verb, such as "Jude Russo" or "Kyle
    Duggan, The Canadian Press"; and an outlet's list of its other stories
    (:func:`related_headlines`).
    """
    text = doc_text(doc)
    ranges = [(m.start(), m.end()) for m in _CREDIT.finditer(text)]
    if "Credit:" in text:  # the pattern tries every position of the text: only where it can hit
        ranges += [(m.start(), m.end()) for m in _PHOTO_CREDIT.finditer(text)]
    ranges += [(m.start(), m.end()) for m in _PHOTO_TAG.finditer(text)]
    for start, end in line_spans(text):
        line = text[start:end]
        words = line.split()
        if (_BYLINE.match(line) and len(words) <= 12) or is_caption_line(line):
            ranges.append((start, end))
            continue
        if len(words) > 8:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        if not any(t.pos_ in {"VERB", "AUX"} for t in span):
            ranges.append((start, end))
    return ranges + related_headlines(text)


#: A dateline opening a paragraph: a place in capitals, optionally a date and an agency,
#: then a dash ("WASHINGTON -", "BRASILIA (dpa-AFX) -", "TOKYO, July 18 (Reuters) -").
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'’ -]{2,30}[A-Z.](?:,[^\n()—–-]{1,30})?(?:[ \t]*\([^()\n]{1,30}\))?"
    r"[ \t]*(?:-{1,2}|—|–)[ \t]",
    re.M,
)


def dateline_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of the datelines that open paragraphs (the place where the story was
    filed, not a party of it)."""
    return [(m.start(), m.end()) for m in _DATELINE.finditer(text)]


_HYPHENS = frozenset({"-", "‑"})


def _is_run_token(token: Token, lex: Lexicon) -> bool:
    """A word that continues a title (the ``title_run`` rules)."""
    return role_rules(lex).holds("title_run", token, {"role_word": lambda t: is_role_word(t, lex)})


def is_role_word(token: Token, lex: Lexicon) -> bool:
    """True for a word that can be part of a title ("trade", "chief", "Minister")."""
    lower = norm_token(token.lower_)
    if lower in lex.role_words or lower in lex.former_words:
        return True
    return any(lower == head[-1] for head in lex.role_heads)


def _ends_office(tokens: Iterable[Token], lex: Lexicon) -> bool:
    """The words end in a role head ("... Prime Minister")."""
    lower = [t.lower_ for t in tokens]
    return bool(lex.role_head_len(lower, len(lower)))


def _joined(tokens: Sequence[Token]) -> str:
    """The words of a run with the article's own spacing ("Vice-Premier", "trade envoy")."""
    if not tokens:
        return ""
    parts = [norm_token(t.text) + t.whitespace_ for t in tokens[:-1]]
    return ("".join(parts) + norm_token(tokens[-1].text)).strip().lstrip("-–— ")


def _place_inside(words: list[str], lex: Lexicon) -> str | None:
    """A country or demonym anywhere in a role phrase ("president of the British Chambers of
    Commerce", "head of the Copper Corporation of Chile"), up to a "to" that names the host."""
    i = 0
    while i < len(words):
        if words[i].lower() == "to":
            return None
        hit = lex.place_at(words, i)
        if hit is not None and hit.kind in {"country", "demonym"}:
            return hit.iso3
        i = i + 1 if hit is None else hit.end
    return None


def _tail_owner(toks: list[Token], lex: Lexicon) -> tuple[str, str | None]:
    """The role text and the country owning its tail: "president of Brazil's Senate" reads
    "president of the Senate" for Brazil (roles are written without their country)."""
    marks = lex.words("person_possessive_marks")
    words = [norm_token(t.text) for t in toks]
    for k in range(1, len(toks) - 1):
        if toks[k - 1].lower_ not in {"of", "for"}:
            continue
        hit = lex.place_at(words, k)
        if (
            hit is None
            or hit.kind != "country"
            or hit.end >= len(toks)
            or words[hit.end] not in marks
        ):
            continue
        return f"{_joined(toks[:k])} the {_joined(toks[hit.end + 1 :])}", hit.iso3
    return _joined(toks), None


def _expand(role: str, lex: Lexicon) -> str:
    """Abbreviated offices written out ("PM" -> "Prime Minister")."""
    for entry in lex.words("person_role_abbreviations"):
        short, _, full = entry.partition("=")
        if role == short:
            return full
        if role.endswith(" " + short):
            return role[: -len(short)] + full
    return role


def parse_role(tokens: Sequence[Token], lex: Lexicon) -> RoleInfo | None:
    """Read ``[owner] [country] [modifiers] ROLE-HEAD [of/for/to TAIL]`` from a run of tokens.

    Returns None when the run holds neither a role nor a country.
    """
    toks = list(tokens)
    determiners = lex.words("person_role_determiners")
    while toks and (toks[0].lower_ in determiners or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].text in lex.honorifics:  # "for Prime Minister Sir Keir ..."
        toks = toks[:-1]
    if not toks:
        return None
    # a dash glued to the first word ("-European Union ...") after a dateline
    words = [norm_token(t.text).lstrip("-–—") or t.text for t in toks]
    lower = [w.lower() for w in words]
    country: str | None = None
    owner: str | None = None
    former = False
    # an owner ending in a possessive: "Japan's", "The U.S. Embassy's"; a possessive inside an
    # "of" tail belongs to the tail ("chair of the Parliament's trade committee")
    marks = lex.words("person_possessive_marks")
    tails = lex.words("person_role_tail_words")
    tail_at = next((i for i, w in enumerate(lower) if w in tails), len(lower))
    owner_end = max((i for i, w in enumerate(words[:tail_at]) if w in marks), default=-1)
    if owner_end >= 0:
        for i in range(owner_end):
            hit = lex.place_at(words, i)
            if hit is not None:
                country = hit.iso3
                break
        if country is None and owner_end > 0:
            owner = _joined(toks[:owner_end])
        toks, words, lower = toks[owner_end + 1 :], words[owner_end + 1 :], lower[owner_end + 1 :]
    former = any(w in lex.former_words for w in lower)
    while toks and (lower[0] in lex.former_words or (former and toks[0].text in _HYPHENS)):
        toks, words, lower = toks[1:], words[1:], lower[1:]
    if not toks:
        return RoleInfo(None, country, former, owner) if country or former else None
    drop = lex.words("person_role_dropped_modifiers")
    while len(toks) > 1 and toks[0].is_lower and lower[0] in drop:
        toks, words, lower = toks[1:], words[1:], lower[1:]  # "new US Secretary of State"
    hit = lex.place_at(words, 0)
    if hit is not None and owner is None:
        country = country or hit.iso3
        compound = (  # "Canada-U.S. Trade Minister": the pair names the office
            hit.end < len(toks) and toks[hit.end].text == "-" and not toks[hit.end - 1].whitespace_
        )
        if hit.kind in {"country", "demonym", "capital"} and not compound:
            toks, words, lower = toks[hit.end :], words[hit.end :], lower[hit.end :]
    while toks and (lower[0] in lex.former_words or (former and toks[0].text in _HYPHENS)):
        former = True
        toks, words, lower = toks[1:], words[1:], lower[1:]
    # the role head: at the end, or before an "of/for/to ..." tail
    head_end = len(words) if lex.role_head_len(lower, len(words)) else 0
    tail: list[str] = []
    if not head_end:
        for k in range(len(words) - 1, 0, -1):
            if lower[k] in tails and lex.role_head_len(lower, k):
                head_end, tail = k, words[k:]
                break
    if not head_end:
        return RoleInfo(None, country, former, owner) if country or former or owner else None
    role_toks = toks[:head_end]
    if tail and tail[0].lower() == "to":  # "ambassador to Canada": the host stays in the role
        role_toks = toks
    elif tail:
        rest = [w for w in tail[1:] if w.lower() != "the"]
        if len(rest) > 3 and rest[-3] == "(" and rest[-1] == ")":
            rest = rest[:-3]  # "of the United Kingdom (UK)": the country's acronym
        place = lex.place_code(" ".join(rest))
        kind = lex.places.get(tuple(map(place_word, rest)), ("", "country"))[1]
        if place is not None and kind != "institution":
            country = country or place
        if place is None or kind in {"institution", "region"}:
            # "Premier of Ontario", "governor of Sao Paulo": a state or province is the office's
            # own (a country's is its holder's state: "President of Brazil" reads "President")
            role_toks = toks
    if country is None and owner is None:
        country = _place_inside(words, lex)
    while role_toks and role_toks[0].is_lower and role_toks[0].lower_ in drop:
        role_toks = role_toks[1:]  # "new chief negotiator": the office is "chief negotiator"
    bloc = _bloc_of(lower[head_end - 1], lex)
    if bloc is not None:
        # "the Belgian MEP for the Greens", "EPP MEP X": a member of a bloc's parliament acts
        # for the bloc whatever their nationality; their party is no part of the office
        return RoleInfo(words[head_end - 1], bloc, former, None)
    text, tail_country = _tail_owner(role_toks, lex)
    country = country or tail_country
    role = _expand(text, lex)
    return RoleInfo(role or None, country, former, owner)


def _bloc_of(head: str, lex: Lexicon) -> str | None:
    """The bloc whose body an office's head names (lexicon ``person_bloc_member_offices``)."""
    for entry in lex.words("person_bloc_member_offices"):
        office, _, bloc = entry.partition("=")
        if head == office:
            return bloc
    return None


def _glued(token: Token) -> bool:
    """Written inside a word, with no space either side ("Vice-Premier", "Director-General")."""
    i = token.i
    return not token.whitespace_ and i > 0 and not token.doc[i - 1].whitespace_


def _person_words(doc: Doc) -> frozenset[str]:
    """The words of the spans the NER tagged as persons in the whole doc."""
    return frozenset(t.text for ent in doc.ents if ent.label_ == "PERSON" for t in ent)


def _left_guards(doc: Doc, end: int, lex: Lexicon) -> Guards:
    """The guards of the title rules read leftwards from a name that begins at ``end``."""

    def right(token: Token) -> Token | None:
        return doc[token.i + 1] if token.i + 1 < end else None

    def lower_role_word_after(token: Token) -> bool:
        after = right(token)
        return after is not None and after.is_lower and is_role_word(after, lex)

    def inside_ministry(token: Token) -> bool:
        after = right(token)
        # "commerce and industry minister X": two portfolios in lower case, neither an office
        lower_pair = (
            after is not None
            and token.i >= 1
            and after.is_lower
            and doc[token.i - 1].is_lower
            and is_role_word(after, lex)
            and not lex.role_head_len([doc[token.i - 1].lower_], 1)
        )
        before = doc[token.i - 1] if token.i >= 1 else None
        # "Tau and International Relations Minister X": the NER's "organisation" opens with a
        # name the story gives a person, so the "and" joins two people, not two portfolios
        org = token.ent_type_ == "ORG" and not (
            before is not None and before.is_title and before.text in _person_words(doc)
        )
        # "for South and Central Asia X": two parts of a region in an office's portfolio
        compass = (
            before is not None
            and after is not None
            and before.is_title
            and after.is_title
            and before.lower_ in lex.words("person_region_compass_words")
        )
        return (
            org
            or compass
            or (
                token.i >= 1
                and after is not None
                and (after.is_title or lower_pair)
                and not lex.role_head_len([after.lower_], 1)
                and is_role_word(doc[token.i - 1], lex)
                and doc[token.i - 1].ent_type_ != "PERSON"
            )
        )

    def glued_past(token: Token) -> bool:
        after = right(token)
        return (
            token.lower_ in lex.former_words
            and after is not None
            and after.text in _HYPHENS
            and _glued(after)
        )

    def joins_offices(token: Token) -> bool:
        # "Deputy Prime Minister and Minister for Trade X": two offices, both held
        after = right(token)
        before = doc[token.i - 1] if token.i >= 1 else None
        return (
            after is not None
            and before is not None
            and after.is_title
            and bool(lex.role_head_len([after.lower_], 1))
            and before.is_title
            and before.ent_type_ != "PERSON"
            and _ends_office(doc[max(0, token.i - 4) : token.i], lex)
        )

    def lists_portfolios(token: Token) -> bool:
        # "Investment, Trade and Industry Minister X": portfolios listed up to an "and"
        after = right(token)
        return (
            token.i >= 1
            and after is not None
            and after.is_title
            and is_role_word(after, lex)
            and doc[token.i - 1].is_title
            and is_role_word(doc[token.i - 1], lex)
            and any(t.lower_ == "and" for t in doc[token.i + 1 : end])
        )

    def after_no_office_word(token: Token) -> bool:
        # "spoke to Trade Minister X", but "Special Assistant to the President X"
        before = doc[token.i - 1] if token.i >= 1 else None
        return before is None or not (before.is_title and is_role_word(before, lex))

    return {
        "role_word": lambda t: is_role_word(t, lex),
        "lower_role_word_after": lower_role_word_after,
        "glued": _glued,
        "inside_ministry": inside_ministry,
        "glued_past": glued_past,
        "after_untitled_word": lambda t: not doc[t.i - 1].is_title,
        "joins_offices": joins_offices,
        "lists_portfolios": lists_portfolios,
        "after_no_office_word": after_no_office_word,
    }


def _right_guards(doc: Doc, start: int, lex: Lexicon) -> Guards:
    """The guards of the apposition rules read from ``start``, the role's first word."""
    return {
        "role_word": lambda t: is_role_word(t, lex),
        "glued": _glued,
        "not_first": lambda t: t.i > start,
        "title_follows": lambda t: t.i > start and t.i + 1 < len(doc) and doc[t.i + 1].is_title,
    }


def left_role(doc: Doc, start: int, lex: Lexicon, limit: int = 12) -> RoleInfo | None:
    """The role phrase right before a name at token ``start`` (or before ``, NAME``)."""
    end = start
    while end > 0 and doc[end - 1].text in lex.honorifics:  # "..., Sen. Davi Alcolumbre"
        end -= 1
    if end > 0 and doc[end - 1].text == "]":  # an editor's insertion: "[Foreign Minister] X"
        end -= 1
    comma = end > 0 and doc[end - 1].text == ","
    if comma:
        end -= 1
        # "the Head of the Communication Office (PCO), X": the body's acronym is no office word
        acronym = end >= 3 and doc[end - 1].text == ")" and doc[end - 3].text == "("
        if acronym and doc[end - 2].is_upper and doc[end - 2].is_alpha:
            end -= 3
    rules = role_rules(lex)
    guards = _left_guards(doc, end, lex)
    i = end
    while i > 0 and end - i < limit:
        token = doc[i - 1]
        if "\n" in token.text or "\n" in token.whitespace_:
            break
        if not (
            rules.holds("title_run", token, guards) or rules.holds("title_left", token, guards)
        ):
            break
        i -= 1
        if token.is_sent_start:
            break
    if not comma:
        # "prosecution of former President X": the role starts after the last "of"
        cut = max(
            (k for k in range(i + 1, end) if rules.holds("title_of_tail", doc[k], guards)),
            default=None,
        )
        if cut is not None and parse_role(list(doc[cut + 1 : end]), lex) is not None:
            i = cut + 1
        # "spoke to Trade Minister X": a "to" before a name is the verb's, not the role's
        # (the rule's guard keeps an office's own "to": "Special Assistant to the President")
        cut = max(
            (k for k in range(i, end) if rules.holds("title_to_verb", doc[k], guards)),
            default=None,
        )
        if cut is not None:
            i = cut + 1
    while i < end and rules.holds("title_lead", doc[i]):
        i += 1
    if i >= end:
        return None
    info = parse_role(list(doc[i:end]), lex)
    courtesy = lex.words("person_courtesy_titles")
    if info is not None and end - i >= 3 and doc[end - 1].lower_ in courtesy:
        # "Trade Representative Ambassador X": a courtesy title after a full office
        office = parse_role(list(doc[i : end - 1]), lex)
        if office is not None and office.role is not None and len(office.role.split()) >= 2:
            info = office
    if comma and (info is None or (info.role is None and not info.former)):
        return None  # "his predecessor, X" is former though it names no office
    return info


def right_role(doc: Doc, end: int, lex: Lexicon, limit: int = 14) -> RoleInfo | None:
    """A role after a name: ``NAME, ROLE-PHRASE,`` or ``NAME, who is (also) the ROLE``."""
    rules = role_rules(lex)
    if end >= len(doc) or not rules.holds("apposition_open", doc[end]):
        return None
    i = end + 1
    if i < len(doc) and rules.holds("apposition_relative", doc[i]):
        i += 1
        fillers = lex.words("person_relative_fillers")
        while i < len(doc) and doc[i].lower_ in fillers:
            i += 1
    while i < len(doc) and doc[i].lower_ in lex.words("person_role_determiners"):
        i += 1  # "X, a former justice minister,"
    guards = _right_guards(doc, i, lex)
    j = i
    while (
        j < len(doc)
        and j - i < limit
        and (
            rules.holds("title_run", doc[j], guards)
            or rules.holds("apposition_run", doc[j], guards)
        )
    ):
        j += 1
        # "president of the Copper Corporation (Codelco)": a short acronym in brackets
        if j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
            j += 3
    if j == i or (j < len(doc) and not rules.holds("apposition_close", doc[j])):
        return None
    info = parse_role(list(doc[i:j]), lex)
    return info if info is not None and info.role is not None else None


def name_tokens_after(doc: Doc, i: int, lex: Lexicon, limit: int = 4) -> int:
    """How many tokens from ``i`` form a capitalised name ("Karin Keller-Sutter", "JD Vance").

    Particles ("von der") count inside a name; a hyphen joins without spaces; a possessive,
    a place name or an uncapitalised word ends it.
    """
    particles = lex.words("person_name_particles")
    n = 0
    j = i
    while j < len(doc) and n < limit:
        token = doc[j]
        if ends_name(token, lex):
            break
        if token.text in _HYPHENS and n and not doc[j - 1].whitespace_:
            # a hyphen joins the next word into the name whatever its case ("Keller-Sutter",
            # "Yeo Han-koo"); a hyphen not glued to a word on both sides ends it
            if token.whitespace_ or j + 1 >= len(doc) or not doc[j + 1].is_alpha:
                break
            j += 2
            continue
        if (
            token.lower_ in particles
            and n
            and j + 1 < len(doc)
            and (doc[j + 1].is_title or doc[j + 1].lower_ in particles)
        ):
            j += 1
            continue
        is_name = token.is_alpha and (token.is_title or (token.is_upper and len(token) <= 3))
        if not is_name or (token.pos_ in {"VERB", "AUX"} and not token.is_title):
            break
        if lex.place_at([t.text for t in doc[j : j + 3]], 0) is not None:
            break
        n += 1
        j += 1
    if n == 0:
        return 0
    return j - i


def ends_name(token: Token, lex: Lexicon) -> bool:
    """A capitalised word that follows a name without being part of it: a day ("Prime
    Minister X Tuesday announced"), a word the NER reads as a date or time, or an institution
    named after the person ("the X Administration")."""
    return (
        token.lower_ in lex.words("person_name_stop_words")
        or token.lower_ in lex.words("person_institution_words")
        or token.ent_type_ in {"DATE", "TIME"}
    )


def _is_sentence_line(line: str) -> bool:
    """A line of several sentences or one long sentence ending in a full stop is body text even
    when most of its words are names and titles ("Trade Minister X met Commerce Secretary Y.")."""
    words = line.split()
    return len(words) >= 8 and line.rstrip("”\"' ").endswith((".", "!", "?"))


#: Fewest headlines in a row, below the story's body, that make a list of other stories.
RELATED_RUN = 2
#: Fewest words of a headline in such a list (shorter title-case lines are names or credits).
RELATED_WORDS = 4


def related_headlines(text: str) -> list[tuple[int, int]]:
    """Lines of an outlet's list of its other stories ("related", "more news"): a run of
    :data:`RELATED_RUN` or more distinct title-case lines of :data:`RELATED_WORDS` or more words
    that are no sentences, after the body has begun (after a line that is a sentence). Their
    rates, parties and people are other stories'. The headline and crumbs above the body, and
    a subheading alone between paragraphs, are not such a list."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    seen: set[str] = set()
    body = False

    def close() -> None:
        if len(run) >= RELATED_RUN and len(seen) == len(run):
            out.extend(run)
        run.clear()
        seen.clear()

    for start, end in line_spans(text):
        line = " ".join(text[start:end].split())
        words = line.split()
        if is_headline_line(words) and not _is_sentence_line(line) and len(words) >= RELATED_WORDS:
            if body:
                run.append((start, end))
                seen.add(line.lower())
            continue
        close()
        body = body or _is_sentence_line(line)
    close()
    return out


def headline_lines(text: str, title: str | None) -> list[tuple[int, int]]:
    """Lines of a doc's ``text`` that repeat the title or are written in title case
    (headlines, photo captions)."""
    out = []
    norm_title = " ".join((title or "").split()).lower()
    for start, end in line_spans(text):
        line = " ".join(text[start:end].split())
        if (norm_title and line.lower() == norm_title) or (
            is_headline_line(line.split()) and not _is_sentence_line(line)
        ):
            out.append((start, end))
    return out


def doc_places(doc: Doc, lex: Lexicon) -> tuple[PlaceMatch, ...]:
    """The place names of the document's words (:meth:`Lexicon.place_matches`), read once per
    document and lexicon (the event and measure components both count them)."""
    return doc_memo(doc, "places", lambda: tuple(lex.place_matches([t.text for t in doc])), lex)


def layout(doc: Doc) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Credit lines and headline lines of a doc, computed once and kept on the doc."""
    cached = doc._.tariffscope_layout
    if cached is not None:
        return (
            [(int(a), int(b)) for a, b in cached["boilerplate"]],
            [(int(a), int(b)) for a, b in cached["headlines"]],
        )
    title = (doc._.tariffscope_meta or {}).get("title")
    boiler = boilerplate_ranges(doc, title)
    heads = headline_lines(doc_text(doc), title)
    doc._.tariffscope_layout = {
        "boilerplate": [list(r) for r in boiler],
        "headlines": [list(r) for r in heads],
    }
    return boiler, heads


def article_countries(
    doc: Doc, persons: list[dict[str, Any]], skip: list[tuple[int, int]], lex: Lexicon
) -> list[str]:
    """Countries of the article, most named first (places outside credits, and the countries
    of the people who act in it)."""
    return list(article_country_counts(doc, persons, skip, lex))


#: How many capitalised words may stand between a place and the head of the agreement's name
#: it is part of ("Canada-United States Free Trade Agreement": four).
NAME_WORDS = 4


def in_agreement_name(doc: Doc, end: int, lex: Lexicon) -> bool:
    """Whether the place whose tokens end at ``end`` is part of an agreement's proper name:
    capitalised words (or the hyphens joining names) lead from it to a capitalised head of
    the word set ``place_in_name_heads`` ("the U.S.-Mexico-Canada Agreement", "the
    EU-Japan Economic Partnership Agreement"); a lower-case "agreement" is a common noun."""
    heads = lex.words("place_in_name_heads")
    words = 0
    for token in doc[end : end + NAME_WORDS + 3]:
        if token.is_title and token.lower_ in heads:
            return True
        if token.text in _NAME_JOINS:
            continue
        if not token.is_title or words == NAME_WORDS:
            return _named_in_lower_case(doc, end, heads, lex)
        words += 1
    return False


_NAME_JOINS = frozenset({"-", "\u2013"})
#: Fewest names a hyphenated chain joins to name an agreement in lower case ("the
#: US-Mexico-Canada trade agreement"); two ("the US-China trade deal") are the deal's parties.
LOWER_CASE_NAMES = 3


def _named_in_lower_case(doc: Doc, end: int, heads: frozenset[str], lex: Lexicon) -> bool:
    """An agreement named in lower case by a chain of :data:`LOWER_CASE_NAMES` or more names
    joined by hyphens, the place among them, then at most two words of the set
    ``place_in_name_lower_modifiers`` and a head ("the Canada-U.S.-Mexico trade agreement",
    "the US-Mexico-Canada free trade pact"): the chain names an agreement of several, not the
    parties of the story."""

    def name(token: Token) -> bool:
        return token.text[:1].isupper()

    start = end - 1
    while start >= 2 and doc[start - 1].text in _NAME_JOINS and name(doc[start - 2]):
        start -= 2
    stop = end
    while stop + 1 < len(doc) and doc[stop].text in _NAME_JOINS and name(doc[stop + 1]):
        stop += 2
    chain = doc[start:stop].text
    if sum(chain.count(j) for j in _NAME_JOINS) + 1 < LOWER_CASE_NAMES:
        return False
    modifiers = lex.words("place_in_name_lower_modifiers")
    for token in doc[stop : stop + 3]:
        if token.lower_ in heads:
            return True
        if token.lower_ not in modifiers:
            return False
    return False


#: The word sets whose nouns hold talks in a place ("the talks in Sweden", "a meeting in
#: Geneva"): the place is their venue.
VENUE_NOUN_SETS = ("event_talks_nouns", "event_context_talks_nouns", "event_meeting_nouns")


def is_venue(doc: Doc, start: int, end: int, lex: Lexicon) -> bool:
    """Whether the place of tokens ``[start, end)`` is where talks or a meeting are held: the
    object of "in" or "at" that follows one of their nouns ("the two sides agreed ... in the
    talks in Sweden")."""
    nouns = frozenset().union(*(lex.words(name) for name in VENUE_NOUN_SETS))
    preps = lex.words("place_venue_prepositions")
    for token in doc[start:end]:
        prep = token.head
        if token.dep_ == "pobj" and prep.lower_ in preps and prep.i < start:
            return prep.head.lemma_.lower() in nouns or prep.head.lower_ in nouns
    return False


def article_country_counts(
    doc: Doc, persons: list[dict[str, Any]], skip: list[tuple[int, int]], lex: Lexicon
) -> dict[str, int]:
    """How often the article names each country (as :func:`article_countries` counts them),
    most named first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    in_names: Counter[str] = Counter()
    heads = layout(doc)[1]  # a headline's words are all capitalised: no names read there
    for hit in doc_places(doc, lex):
        idx = doc[hit.start].idx
        if hit.kind == "region" or any(s <= idx < e for s, e in skip):
            continue
        if (
            not any(s <= idx < e for s, e in heads) and in_agreement_name(doc, hit.end, lex)
        ) or is_venue(doc, hit.start, hit.end, lex):
            in_names[hit.iso3] += 1
            continue
        counts[hit.iso3] += 1
        first.setdefault(hit.iso3, idx)
    # a country named only inside an agreement's name ("the U.S.-Mexico-Canada Agreement")
    # or as the venue of talks ("in the talks in Sweden") is not a party of the story; one
    # it also names elsewhere keeps those namings
    for code, n in in_names.items():
        if code in counts:
            counts[code] += n
    for person in persons:
        if person.get("actor") and person.get("country"):
            counts[person["country"]] += 1
            first.setdefault(person["country"], person["start"])
    return {c: counts[c] for c in sorted(counts, key=lambda c: (-counts[c], first[c]))}
