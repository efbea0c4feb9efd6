"""Round 18 of the measure status (in_force over-used on unseen stories).

- a rate a past announcement gives is announced, not yet collected: told without a day in a
  dated story ("revealed a 30% tariff") or on a day of the week ("On Saturday, he announced
  ..."), which names the story's own week even in an undated story;
- an announcement above a preposition of what came before announces something else ("announced
  that it will seek talks following the imposition of a 30% tariff"): the rate stands;
- a day (or a month) after publication near the rate in its sentence, whatever its preposition,
  means the rate is not collected yet ("starts in July", "is 35% from August", "extended the
  deadline to face 40% tariffs until July 9"); a day that ends what the clause tells ("until
  July 9", "which expires on July 9") leaves the rate collected up to it, and a day of another
  clause of the sentence is not the rate's;
- what frames the act whose "of" phrase holds the tariff frames the tariff ("before the planned
  entry into force of 30% tariffs", "ahead of the imposition of a 30% tariff");
- a tariff goods will not be (or will go without being) subject to stands: the exemption is
  what lies ahead;
- a proposal to impose ("has proposed imposing tariffs of up to 40%", "a proposal to slap a
  40% tariff") announces the imposer's own tariff as coming: threatened, not proposed; an offer
  to cut is still a proposal, and so is a cut "down to" a rate that is only wanted;
- a tariff the story tells "announced by" someone, without a day, is announced, even where a
  response answers it ("countermeasures in response to the 40% increase announced by ...");
  one announced in a month before publication is history;
- a rate under a preposition of what came before ("the second visit after the imposition of a
  30% tariff", "since the imposition of") is history: neither still to come nor a deal's.

Every sentence was written for these tests (none from a development, train, test or fresh
story). They need the trained model and are marked ``slow``.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tariffscope.news.api import extract
from tariffscope.news.ingest import article_from_text


def _statuses(nlp: Language, body: str, published: str | None = "2024-06-04") -> dict[float, str]:
    head = "" if published is None else f"published: {published}\n\n"
    text = f"{head}Chile weighs its answer to Peru\n\n{body}"
    return {m.to_rate_pct: m.status for m in extract(article_from_text(text), nlp).measures}


#: (case id, sentence, rate, status): every case one class of the module's list.
CASES: list[tuple[str, str, float, str]] = [
    # a past announcement is the story's news
    *(
        (
            f"announced without a day: {verb}",
            f"The Peruvian president {verb} a 30% tariff on all copper from Chile.",
            30.0,
            "threatened",
        )
        for verb in ("revealed", "unveiled", "announced")
    ),
    (
        "announced following an imposition: the rate stands",
        "Chile announced that it will seek talks with Peru following the imposition of a 30% "
        "tariff on copper from Chile.",
        30.0,
        "in_force",
    ),
    # a rate told before its day
    (
        "starts in a month ahead",
        "The 25% tariff on Chilean copper starts in July.",
        25.0,
        "threatened",
    ),
    (
        "from a month ahead",
        "Peru's tariff on Chilean copper is 35% from August.",
        35.0,
        "threatened",
    ),
    (
        "a deadline extended until a day ahead",
        "Peru has extended the deadline for Chile to face 40% tariffs until July 9.",
        40.0,
        "threatened",
    ),
    (
        "the imposition extended until a day ahead",
        "Peru has extended the imposition of its new duties on Chilean copper (35%) "
        "until August 1.",
        35.0,
        "threatened",
    ),
    (
        "a rate until a day ahead stands",
        "Chilean copper faces a 10% charge until July 9.",
        10.0,
        "in_force",
    ),
    (
        "a period that expires on a day ahead",
        "Chile pays a 10% charge on its copper during the interim period, which expires on July 9.",
        10.0,
        "in_force",
    ),
    (
        "a day ahead in another clause",
        "Peru's new levy on Chilean wine will take effect on July 27, while a 25% tariff on "
        "Chilean copper announced last month comes into force on Tuesday.",
        25.0,
        "in_force",
    ),
    # the act a tariff is "of"
    (
        "the planned entry into force of a tariff",
        "Chile's trade minister flew to Lima before the planned entry into force of 30% "
        "Peruvian tariffs on Chilean copper.",
        30.0,
        "threatened",
    ),
    (
        "ahead of the imposition of a tariff",
        "Talks resume ahead of the imposition of a 30% Peruvian tariff on Chilean copper.",
        30.0,
        "threatened",
    ),
    (
        "an act of imposing alone is no threat",
        "Chile protested against the imposition of a 30% Peruvian tariff on Chilean copper.",
        30.0,
        "in_force",
    ),
    # spared from a tariff
    (
        "without being subject to a tariff",
        "Chilean wine will be allowed into Peru without being subject to the 30% Peruvian "
        "tariff on wine.",
        30.0,
        "in_force",
    ),
    (
        "will not be subject to a tariff",
        "Chilean wine imported under the quota will not be subject to the 30% Peruvian tariff "
        "on wine.",
        30.0,
        "in_force",
    ),
    (
        "will be subject to a tariff",
        "Chilean wine will be subject to a 30% Peruvian tariff.",
        30.0,
        "threatened",
    ),
    # a proposal to impose; a cut down to a rate
    (
        "proposed imposing",
        "Peru has proposed imposing tariffs of as much as 40% on Chilean copper.",
        40.0,
        "threatened",
    ),
    (
        "a proposal to slap",
        "Peru floated a proposal to slap a 40% tariff on Chilean copper.",
        40.0,
        "threatened",
    ),
    (
        "an offer to cut",
        "Chile offered to cut its tariffs on Peruvian goods to 5%.",
        5.0,
        "proposed",
    ),
    (
        "a cut down to a rate that is wanted",
        "Chile wants Peru to cut its duties on Chilean wine down to 5%.",
        5.0,
        "proposed",
    ),
    # told as announced
    (
        "a response to a tariff announced by someone",
        "Chile's new law lets it adopt countermeasures in response to the 40% tariff increase "
        "announced by the Peruvian president.",
        40.0,
        "threatened",
    ),
    (
        "a tariff announced by someone",
        "Chile is studying the 40% tariff on its copper announced by the Peruvian president.",
        40.0,
        "threatened",
    ),
    (
        "a tariff announced months before",
        "Chile is studying the 40% tariff on its copper announced by the Peruvian president "
        "in March.",
        40.0,
        "in_force",
    ),
    # what came before, without a verb
    (
        "after the imposition, near a deal",
        "The Peruvian minister's trip to Santiago would be the second after the imposition of a "
        "30% tariff on Chilean copper, following a deal on wine last week.",
        30.0,
        "in_force",
    ),
    (
        "since the imposition",
        "The visit would be the second since the imposition of a 30% Peruvian tariff on "
        "Chilean copper.",
        30.0,
        "in_force",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "rate", "status"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_round18_status_classes(nlp: Language, body: str, rate: float, status: str) -> None:
    found = _statuses(nlp, body)
    assert found.get(rate) == status, found


@pytest.mark.slow
def test_a_day_of_the_week_dates_an_announcement_to_the_story_s_week(nlp: Language) -> None:
    body = (
        "On Saturday, the Peruvian president announced he was raising tariffs on copper from "
        "Chile by an additional 20%."
    )
    found = _statuses(nlp, body, published=None)
    assert found.get(20.0) == "threatened", found
