"""Bare role phrases that name a person: "during a meeting with EU trade chief last week".

Helper of :mod:`tariffscope.news.actors`. News copy often writes a role with its country and no
article, before or after the person is named ("EU trade chief", "Japan's top negotiator",
"Mexico's economy minister"). Such a phrase is a mention of a person only when exactly one
person of the article holds that role for that country; the definite phrases ("the First
Minister") are read by the actor component itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from tariffscope.news._persons import is_role_word, name_tokens_after, parse_role
from tariffscope.news.lexicon import Lexicon

__all__ = ["bare_role_mentions"]

_MAX_RUN = 5


def _same_role(role: str | None, wanted: str) -> bool:
    if not role:
        return False
    role = role.lower()
    return role == wanted or role.endswith(" " + wanted)


def bare_role_mentions(
    doc: Doc,
    people: Sequence[tuple[str | None, str | None]],
    taken: Sequence[tuple[int, int]],
    lex: Lexicon,
) -> list[dict[str, Any]]:
    """Mentions ``{"start", "end", "person", "kind": "role"}`` of bare country-role phrases.

    ``people`` gives ``(role, country)`` per person (by index); ``taken`` lists the character
    spans already known as mentions.
    """
    out: list[dict[str, Any]] = []
    if not any(role and country for role, country in people):
        return out
    words = [t.text for t in doc]
    determiners = lex.words("person_role_determiners")
    marks = lex.words("person_possessive_marks")
    i = 0
    while i < len(doc):
        if not words[i][:1].isupper():  # places are capitalised: skip the lookup
            i += 1
            continue
        hit = lex.place_at(words, i)
        if (
            hit is None
            or hit.kind not in {"country", "institution", "demonym"}
            or (i > 0 and doc[i - 1].lower_ in determiners)
        ):
            i += 1
            continue
        j = hit.end
        if j < len(doc) and doc[j].text in marks:
            j += 1
        start_role = j
        while j < len(doc) and j - start_role < _MAX_RUN and is_role_word(doc[j], lex):
            j += 1
        if j == start_role or name_tokens_after(doc, j, lex):
            i = max(i + 1, hit.end)
            continue
        run = list(doc[i:j])
        while len(run) > hit.end - i and not lex.role_head_len([t.lower_ for t in run], len(run)):
            run.pop()
        info = parse_role(run, lex) if len(run) > hit.end - i else None
        if info is None or info.role is None or info.country is None or info.former:
            i = j
            continue
        wanted = info.role.lower()
        holders = [
            k
            for k, (role, country) in enumerate(people)
            if country == info.country and _same_role(role, wanted)
        ]
        start, end = run[0].idx, run[-1].idx + len(run[-1].text)
        if len(holders) == 1 and not any(s < end and start < e for s, e in taken):
            out.append({"start": start, "end": end, "person": holders[0], "kind": "role"})
        i = j
    return out
