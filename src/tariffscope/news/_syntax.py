"""Grammar helpers shared by the components: governing verbs, tense and modality, spans.

Tense and modality follow the dependency parse: a token's *governing verb* is the first verb
or auxiliary on its path to the root. Its *direction* is -1 for the past ("met", "has
met", "had imposed"), +1 for what lies ahead ("will attend", "is set to jump", "could
complicate", "plans to meet", "is meeting ... on Friday") and 0 otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc, Span, Token

__all__ = [
    "FUTURE_AUX",
    "FUTURE_FRAMES",
    "MODAL_AUX",
    "caption_spans",
    "char_to_token",
    "direction",
    "doc_text",
    "governing_verb",
    "has_negation",
    "is_caption_line",
    "is_headline_line",
    "line_spans",
    "reduced_relative",
    "sentence_of",
    "subject_of",
    "subtree_lemmas",
    "timetable_infinitive",
]

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})
MODAL_AUX = frozenset({"would", "could", "might", "may", "can", "should", "must"})
FUTURE_FRAMES = frozenset(
    {
        "set",
        "expect",
        "schedule",
        "due",
        "plan",
        "aim",
        "intend",
        "prepare",
        "go",
        "hope",
        "want",
        "seek",
        "poise",
        "slate",
        "likely",
        "unlikely",
        "try",
    }
)
_PAST_TAGS = frozenset({"VBD"})


_TEXT_KEY = "tariffscope_text"


def doc_text(doc: Doc) -> str:
    """The document's text, joined once: spaCy's ``doc.text`` joins every token anew on each
    read, which made the rules that look at a few characters around a match cost a whole
    document each time."""
    if not len(doc):
        return doc.text
    text = doc.user_data.get(_TEXT_KEY)
    if not isinstance(text, str) or len(text) != doc[-1].idx + len(doc[-1].text_with_ws):
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def char_to_token(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering characters ``[start, end)`` (expanded to whole tokens)."""
    return doc.char_span(start, end, alignment_mode="expand")


def governing_verb(token: Token, limit: int = 12) -> Token | None:
    """The first verb or auxiliary on the way from ``token`` to the root (itself included)."""
    current = token
    for _ in range(limit):
        if current.pos_ in {"VERB", "AUX"}:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _aux_lemmas(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in {"aux", "auxpass"}]


def _is_finite(verb: Token) -> bool:
    if verb.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
        return True
    return any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP", "MD"}
        for c in verb.children
    )


def direction(verb: Token | None) -> int:
    """-1 past, +1 ahead (future, modal, plans), 0 present or unknown.

    Looks at the verb's auxiliaries and tag; a non-finite verb ("meeting" in "after meeting
    Bessent", "jump" in "are set to jump") takes the direction of the verb that governs it,
    and frames such as "is set to", "expects to", "plans to" look ahead.
    """
    current = verb
    for _ in range(5):
        if current is None:
            return 0
        auxes = _aux_lemmas(current)
        if any(a in FUTURE_AUX for a in auxes) or current.lower_ in FUTURE_AUX:
            return 1
        if any(a in MODAL_AUX for a in auxes) or (current.tag_ == "MD"):
            return 1
        if current.lemma_ in FUTURE_FRAMES and any(c.dep_ == "xcomp" for c in current.children):
            return 1
        if current.tag_ == "VBG" and any(a in {"is", "are", "'s", "'re", "am"} for a in auxes):
            return 1
        if (
            current.tag_ == "VBN"
            and current.lemma_ in FUTURE_FRAMES
            and any(a in {"is", "are", "'s", "'re"} for a in auxes)
        ):
            return 1  # "a meeting is planned for Friday", "talks are scheduled for Monday"
        if current.tag_ == "VBD" or any(
            a in {"had", "has", "have", "did", "was", "were"} for a in auxes
        ):
            return -1
        if _is_finite(current) or current.head.i == current.i:
            return 1 if _present_of_future(current) else 0
        if current.dep_ == "xcomp" and current.head.lemma_ in FUTURE_FRAMES:
            return 1  # "is due to hold": the frame is an adjective, no verb to climb to
        if timetable_infinitive(current):
            return 1  # "is to visit", "were to depart on Monday": a timetable, in any tense
        current = governing_verb(current.head)
    return 0


#: Words that open a clause of time, whose present tense tells the future under a future
#: clause ("will sign it when he visits"); "while" or "as" may contrast a present fact.
_TIME_LINKS = frozenset({"when", "once", "after", "before", "until", "till", "whenever"})


def _present_of_future(verb: Token) -> bool:
    """A present-tense verb of a clause of time whose main clause looks ahead ("will
    advocate free trade when he travels to Paris this week"): English tells the future so."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in {"VBZ", "VBP"}
        and any(c.dep_ in {"mark", "advmod"} and c.lower_ in _TIME_LINKS for c in verb.children)
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
        and verb.head.i != verb.i
        and direction(verb.head) > 0
    )


def timetable_infinitive(verb: Token) -> bool:
    """``verb`` is a "to" infinitive completing the copula "be" ("X is to visit Paris", "they
    were to depart on Monday"): the timetable idiom, which tells a plan."""
    return (
        verb.dep_ == "xcomp"
        and verb.head.i != verb.i
        and verb.head.lemma_ == "be"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def reduced_relative(verb: Token) -> bool:
    """A past participle on a noun with no auxiliary, complement or frame word ("the levies
    imposed in March", "the tariffs unveiled by Trump"): it tells what was done to the noun
    ("talks scheduled for Friday", "tariffs set to rise" look ahead)."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ == "acl"
        and verb.lemma_ not in FUTURE_FRAMES
        and not any(c.dep_ in {"aux", "auxpass", "xcomp"} for c in verb.children)
    )


def subject_of(verb: Token, limit: int = 4, *, passive: bool = True) -> Token | None:
    """The logical subject of a verb, inherited from a governing verb when absent.

    The agent of a passive ("announced by Trump") wins over the passive subject; of two
    subjects the one nearest the verb wins. "Trump wrote, adding that ..." gives "Trump" for
    "adding"; "urged Bessent to continue" gives "Bessent" for "continue" (object control).
    """
    current = verb
    for _ in range(limit):
        active = any(c.dep_ == "nsubj" for c in current.children)
        agents = [  # a passive's: in "X spoke by phone" (active) "by" names no agent
            g
            for c in current.children
            if c.dep_ == "agent" and not active
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if agents:
            return agents[0]
        deps = {"nsubj", "nsubjpass"} if passive else {"nsubj"}
        subjects = [c for c in current.children if c.dep_ in deps]
        if not passive and any(c.dep_ == "nsubjpass" for c in current.children):
            return None
        if subjects:
            subject = min(subjects, key=lambda c: abs(c.i - current.i))
            if subject.lower_ in {"who", "which", "that"} and current.dep_ == "relcl":
                return current.head  # "Akazawa, who has visited Washington"
            return subject
        if current.dep_ == "xcomp":
            # the controller stands between its verb and the infinitive ("urged Bessent to
            # continue"); an object after the verb is a sibling ("include imposing tariffs;
            # a travel ban"), and the subject is inherited instead
            objects = [
                c for c in current.head.children if c.dep_ in {"dobj", "obj"} and c.i < current.i
            ]
            if objects:
                return objects[0]
        if current.dep_ == "relcl":
            return current.head
        if current.dep_ == "pcomp" and current.head.head.i != current.head.i:
            # "told reporters after meeting Bessent": the subject of "told"
            upper = governing_verb(current.head.head)
            if upper is None:
                return None
            current = upper
            continue
        if current.dep_ == "acl" and current.head.pos_ not in {"VERB", "AUX"}:
            return current.head  # "the letter announcing tariffs": the letter
        if current.dep_ in {"conj", "advcl", "xcomp", "acl"} and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def has_negation(verb: Token) -> bool:
    """True when the verb has a negation child ("didn't", "wasn’t", "not", "never")."""
    return any(c.dep_ == "neg" or c.lower_ in {"not", "n't", "n’t", "never"} for c in verb.children)


def pruned_subtree(token: Token, keep: Callable[[Token], bool]) -> list[Token]:
    """``token`` and its descendants, leaving out each child ``keep`` rejects with all below
    it (a phrase without its exceptions, a clause without the clauses hung on it)."""
    out, stack = [], [token]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(c for c in current.children if keep(c))
    return out


def subtree_lemmas(token: Token) -> set[str]:
    """Lower-case lemmas of a token's subtree."""
    return {t.lemma_.lower() for t in token.subtree}


def sentence_of(doc: Doc, token_index: int) -> Span:
    """The sentence holding a token (the whole doc when there are no sentence bounds)."""
    if doc.has_annotation("SENT_START"):
        return doc[token_index].sent
    return doc[:]


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every non-blank line of ``text``."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


_AGENCY = r"(?:AFP|AP|EPA|Reuters|REUTERS|Getty Images|Bloomberg|Xinhua|Anadolu)"
#: A photo caption: a line that ends with its picture agency ("... in April.RAUL BRAVO/AFP/Getty
#: Images", "... (Photo/Reuters)", "... Photo by Jane ROE / AFP"), that a file-photo credit
#: closes ("... on 2 April 2025Reuters file photo", "REUTERS/Jane Roe/File Photo") or that opens
#: with one ("FILE PHOTO: Cocoa pods are seen ...").
_CAPTION = re.compile(
    rf"/\s?{_AGENCY}(?:\s?/\s?Getty Images)?\)?\s*$"
    rf"|(?:{_AGENCY}|[Ff]ile)\s+(?:[Ff]ile\s+)?[Pp]hoto\)?\s*$"
    r"|^\s*(?:FILE PHOTO|[Ff]ile [Pp]hoto)\s*:"
)


def is_caption_line(line: str) -> bool:
    """True for a photo caption line (see ``_CAPTION``): its names and dates are the
    picture's, not the story's."""
    return _CAPTION.search(line) is not None


#: A picture agency's credit alone on its line ("Reuters", "(AFP)", "Photo: EPA", "AFP via
#: Getty Images"): the line above it is the caption it credits.
_CREDIT_LINE = re.compile(
    rf"^\s*\(?(?:(?:[Pp]hoto|[Pp]icture|[Ii]mage)\s*:\s*)?{_AGENCY}"
    rf"(?:\s*(?:/|via)\s*{_AGENCY})?\)?\s*$"
)
#: A caption closes with the day its picture was taken ("... Buenos Aires, Argentina, Oct 10,
#: 2025." / "... in Nairobi on 3 May 2029"), which the credit on the next line confirms.
_ENDS_WITH_DAY = re.compile(
    r"(?:\b[A-Z][a-z]{2,8}\.?\s+\d{1,2},?|\b\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?)\s+20\d\d\.?\s*$"
)


def caption_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every photo caption line of ``text``: a line :func:`is_caption_line`
    takes, and a line closing with a day whose next line is its picture credit alone (the
    credit line too)."""
    lines = list(line_spans(text))
    out: list[tuple[int, int]] = []
    for i, (start, end) in enumerate(lines):
        line = text[start:end]
        credit = i + 1 < len(lines) and _CREDIT_LINE.match(text[slice(*lines[i + 1])]) is not None
        if is_caption_line(line) or (credit and _ENDS_WITH_DAY.search(line) is not None):
            out.append((start, end))
            if credit:
                out.append(lines[i + 1])
    return sorted(set(out))


def is_headline_line(words: Iterable[str]) -> bool:
    """True for a line in title case (most words capitalised), such as a headline."""
    letters = [w for w in words if w[:1].isalpha()]
    if len(letters) < 3:
        return False
    capital = sum(1 for w in letters if w[0].isupper())
    return capital >= 0.75 * len(letters)
