"""Status clues of a rate's wider frame: helpers of :mod:`tariffscope.news.measure_status`.

- a removal verb below the rate's verb whose object names the rate back by a pronoun
  ("announced a 49% tariff, before pausing it") suspends it;
- an agreement only to keep talking ("agreed to explore ...") settles no rate;
- a rate the story looks ahead to ("ahead of a 30% tariff", "before the 25% duty") is a threat;
- a rate a recent announcement gives ("has announced a 40% tariff", "the announcement of a 40%
  tariff", "announced on Monday ..., imposing 40% levies", "revealed a 25% tariff" in a dated
  story that gives no day) is announced, not yet collected;
- a rate the clause equates with one set before ("will face 10%, matching the rate set last
  year") is the rate collected now, whatever the deal of the sentence;
- a tariff noun whose own clause looks ahead ("a 30% tariff set to take effect on Friday",
  "duties due to kick in next week", "levies to be imposed", "a tariff that will apply") is a
  measure still to come, whatever the verb of the sentence does with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from tariffscope.news._syntax import FUTURE_AUX, MODAL_AUX

if TYPE_CHECKING:
    from tariffscope.news.measure_status import StatusWords

__all__ = [
    "agreed_to_talk",
    "ahead_of",
    "announced_recently",
    "described_ahead",
    "removed_later",
    "same_as_set_before",
]


def removed_later(path: list[Token], words: StatusWords) -> bool:
    """A removal verb below the rate's verb whose object names the rate back ("announced a 49%
    tariff, before pausing it for 90 days"; "imposed 20% and then suspended it")."""
    if not path:
        return False
    top = path[-1]
    for token in top.subtree:
        if token.i <= top.i or token.pos_ != "VERB" or token.lemma_.lower() not in words.suspend:
            continue
        if any(c.dep_ == "dobj" and c.lower_ in words.back_pronouns for c in token.children):
            return True
    return False


def agreed_to_talk(token: Token, words: StatusWords) -> bool:
    """'agreed to explore ways', 'agreed to discuss': an agreement to keep talking, no deal."""
    return token.pos_ == "VERB" and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in words.aspire for c in token.children
    )


def ahead_of(noun: Token, words: StatusWords) -> bool:
    """'talks ahead of a 30% tariff', 'before the 25% duty': a rate the story looks ahead to."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return False
    if prep.lower_ in words.ahead:
        return True
    return prep.lower_ == "of" and prep.head.lower_ in words.ahead


#: How long before publication an announcement dated in the story is still news.
_RECENT = dt.timedelta(days=7)


def announced_recently(
    path: list[Token], dates: Sequence[dict[str, Any]], anchor: dt.date | None, words: StatusWords
) -> bool:
    """An announcement on the rate's path that is recent: a perfect ("has announced"), a noun
    in a clause not told in the past ("the announcement of ... has"), or a past dated within a
    week of publication ("announced on Friday"), or on a day of the week even in an undated
    story ("On Saturday, he announced ..."), or a past told without any day in a dated story
    ("revealed a 25% tariff on trucks": the story's news) when no preposition of what came
    before lies between it and the rate ("announced it will seek talks following the
    imposition of a 15% tariff" announces the talks), as is a past participle on the tariff
    noun ("the 50% increase announced by the president") where the sentence gives no day; a
    date of the sentence further back ("announced in April") makes it history."""
    word = next((t for t in path if t.lemma_.lower() in words.announce), None)
    if word is None:
        return False
    sent = word.sent
    own = [
        d
        for d in dates
        if sent.start_char <= d["start"] < sent.end_char and d.get("date") is not None
    ]
    if anchor is not None and any(_before(d, anchor) for d in own):
        return False
    if word.tag_ == "VBN" and word.dep_ == "acl":
        # "the 50% increase announced by the president": news only where the sentence gives
        # no day at all ("a 25% tariff announced last week comes into force on Thursday")
        return anchor is not None and not own and _below_prior(path, word, words)
    if word.pos_ == "NOUN":
        # the noun's clause tells its time: "despite the announcement ..., no deal has been
        # signed" is news; "the talks came a day after the announcement of ..." is history
        verb = next((t for t in word.ancestors if t.pos_ in {"VERB", "AUX"}), None)
        if verb is None or verb.tag_ != "VBD":
            return True
    elif any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in word.children):
        return True
    in_sentence = [d for d in dates if sent.start_char <= d["start"] < sent.end_char]
    if any(d.get("kind") == "weekday" for d in in_sentence):
        return True  # "announced on Saturday": a day of the week names the story's week
    if anchor is not None and not own and word.tag_ == "VBD" and _below_prior(path, word, words):
        return True  # "revealed a 25% tariff on trucks": the story's news, told without a day
    return anchor is not None and any(
        d.get("precision") == "day"
        and anchor - _RECENT <= dt.date.fromisoformat(d["date"]) <= anchor
        for d in own
    )


def _below_prior(path: list[Token], word: Token, words: StatusWords) -> bool:
    """``word`` lies on the rate's path below any preposition of what came before ("announced
    that it will seek talks following the imposition of a 15% tariff" announces the talks)."""
    for token in path:
        if token.i == word.i:
            return True
        if token.dep_ == "prep" and token.lower_ in words.prior:
            return False
    return False


def _before(date: dict[str, Any], anchor: dt.date) -> bool:
    """A date of the sentence more than a week before publication (a month or year other
    than the publication's, for a date known only to the month or year)."""
    precision = date.get("precision")
    if precision in {"month", "year"}:
        size = 7 if precision == "month" else 4
        return str(date["date"])[:size] < anchor.isoformat()[:size]
    return dt.date.fromisoformat(date["date"]) < anchor - _RECENT


def same_as_set_before(path: list[Token], words: StatusWords) -> bool:
    """The rate's clause carries a participle of sameness whose object a past clause sets
    ("will face a 10% duty, matching the rate Trump set last year"): the rate collected now."""
    if not path:
        return False
    for participle in path[-1].children:
        if participle.dep_ not in {"advcl", "acl"} or participle.lemma_.lower() not in words.same:
            continue
        for obj in participle.children:
            if obj.dep_ == "dobj" and any(
                c.dep_ in {"relcl", "acl"} and c.tag_ in {"VBD", "VBN"} for c in obj.children
            ):
                return True
    return False


def _infinitive(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ == "to" for c in token.children
    )


def described_ahead(noun: Token, words: StatusWords) -> bool:
    """The tariff noun's own clause looks ahead: an infinitive on the noun ("levies to be
    imposed"), a frame word of schedule with its infinitive ("set to take effect", "due to kick
    in"; also where the parser takes the frame word for a noun the tariff compounds), or a
    relative clause with a future or modal verb ("a tariff that will apply")."""
    phrase = [noun]
    while phrase[-1].dep_ == "compound" and phrase[-1].head.i != phrase[-1].i:
        phrase.append(phrase[-1].head)
    for token in phrase:
        if (
            token.i != noun.i
            and token.lemma_.lower() in words.schedule
            and any(_infinitive(c) for c in token.children)
        ):
            return True  # "tariff set to take effect" read as the compound "tariff set"
        for c in token.children:
            if c.i < noun.i or c.dep_ not in {"acl", "relcl", "advcl", "amod"}:
                continue
            if _infinitive(c):
                return True
            if c.lemma_.lower() in words.schedule and any(_infinitive(g) for g in c.children):
                return True
            if c.dep_ == "relcl" and any(
                a.dep_ == "aux" and a.lower_ in FUTURE_AUX | MODAL_AUX for a in c.children
            ):
                return True
    return False
