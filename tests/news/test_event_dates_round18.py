"""Round 18, event dates told beyond the trigger, each on sentences written for the class (the
full pipeline, a story published on Wednesday 2025-07-16):

- a date in a clause that tells something of a noun that is no trigger ("X, *who took* office
  in March, signed ...", "the accord crowned a truce *that ended* clashes in March") is that
  noun's time, not the day of an event of the sentence (phrase and sentence tiers of
  :func:`tariffscope.news.temporal.attach`);
- an event whose doers are told at another event ("signed by X and Y *attending* a forum on
  Monday") takes that event's date (:func:`tariffscope.news.event_context.same_occasion_dates`);
- a definite noun of an event kind that names no event of its own ("*The accord* comes just
  hours after X met Y") stands for the last event of its kind told before it, so that the
  other event is dated from it (:func:`tariffscope.news.event_context.date_by_offsets`);
- an event told as the setting of a report ("*Following* talks with X, Y told reporters",
  "Y said ... *as* she visits Z") is on the report's day: the day on the verb of saying, else
  on a verb of the same named subject in the sentence before or after
  (:func:`tariffscope.news.event_context.report_day_dates`); an event in what is reported
  ("Y told reporters she had met X") is not; the speaker must take part in it;
- a deal or an announcement told with no time at all joins its mention dated to a month only
  ("announced a deal late last month" / "agreed on the new deal just over a week ago":
  :func:`tariffscope.news._event_merge.same_event`).
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from tests.news.test_event_round12 import events_read


def _dates(nlp: Language, body: str, kind: str) -> list[str | None]:
    return [e[1] for e in events_read(nlp, body) if e[0] == kind]


@pytest.mark.slow
@pytest.mark.parametrize(
    "body",
    [
        "In Lima, Chilean President Rosa Vidal, who took office in March, signed a customs "
        "accord with Peru.",
        "Chile and Peru signed a customs accord in Lima that settles a dispute which began in "
        "March.",
    ],
)
def test_a_date_told_of_a_noun_in_its_own_clause_dates_no_event(nlp: Language, body: str) -> None:
    # The place keeps the signing an event: a simple-past act with neither day nor place in a
    # dated story is a retold one (round 18, announcements and agreements).
    assert _dates(nlp, body, "agreement") == [None]


@pytest.mark.slow
def test_a_date_in_a_clause_on_the_event_noun_still_dates_it(nlp: Language) -> None:
    body = "Chile and Peru signed a customs accord reached on Monday in Lima."
    assert _dates(nlp, body, "agreement") == ["2025-07-14"]


@pytest.mark.slow
def test_an_act_signed_by_people_attending_an_occasion_is_on_its_day(nlp: Language) -> None:
    body = (
        "Signed by Chilean President Rosa Vidal and Peruvian President Ana Ortiz attending a "
        "forum in Lima on Monday, the accord crowned a truce that ended border clashes in March."
    )
    assert _dates(nlp, body, "agreement") == ["2025-07-14"]


@pytest.mark.slow
def test_a_definite_event_noun_with_no_event_of_its_own_stands_for_the_last_one(
    nlp: Language,
) -> None:
    body = (
        "Peru and Chile have reached a deal on copper duties, Chilean President Rosa Vidal "
        "said on Monday. The accord comes just hours after Vidal met Peruvian President Ana "
        "Ortiz in Lima."
    )
    assert _dates(nlp, body, "meeting") == ["2025-07-14"]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("body", "kind"),
    [
        # the day told before, on a verb of the same named subject
        (
            "Chilean trade minister Rosa Vidal on Monday urged Peru to cut duties on copper. "
            "Following talks with Peruvian trade minister Ana Ortiz in Lima, Vidal told "
            "reporters they also discussed wine.",
            "meeting",
        ),
        # the day told after, on the report itself
        (
            "Chilean trade minister Rosa Vidal said she is not focused on retaliation as she "
            'visits Lima. "We have weeks to work," Vidal told reporters on Monday.',
            "visit",
        ),
    ],
)
def test_an_event_told_as_the_setting_of_a_report_is_on_the_report_day(
    nlp: Language, body: str, kind: str
) -> None:
    assert _dates(nlp, body, kind) == ["2025-07-14"]


@pytest.mark.slow
def test_an_event_told_in_what_is_reported_keeps_no_report_day(nlp: Language) -> None:
    body = (
        "Chilean trade minister Rosa Vidal on Monday urged Peru to cut duties on copper. "
        "Vidal told reporters she had met Peruvian trade minister Ana Ortiz in Lima."
    )
    assert _dates(nlp, body, "meeting") == [None]


@pytest.mark.slow
def test_the_setting_of_a_report_is_its_speakers_own_event(nlp: Language) -> None:
    body = (
        "Chilean President Rosa Vidal on Monday warned Peru against new duties on copper. As "
        "Peruvian lawmakers voted on the tariff bill, Vidal told reporters that copper prices "
        "would rise."
    )
    assert "2025-07-14" not in _dates(nlp, body, "election")


@pytest.mark.slow
def test_an_act_told_with_no_time_joins_its_mention_dated_to_a_month(nlp: Language) -> None:
    body = (
        "Chile and Peru announced a copper accord late last month. Under the accord, Peru will "
        "cut duties on wine. Chilean President Rosa Vidal and Peruvian President Ana Ortiz "
        "agreed on the new accord just over a week ago."
    )
    assert _dates(nlp, body, "agreement") == ["2025-06-01"]


def test_a_month_and_no_time_at_all_are_one_act_but_a_vague_time_is_not() -> None:
    from tariffscope.news._event_merge import _month_and_undated
    from tariffscope.news._event_record import EventRecord

    month = EventRecord("agreement", ("CHL",), date="2025-06-01", date_precision="month")
    bare = EventRecord("agreement", ("CHL",))
    vague = EventRecord("agreement", ("CHL",), date_text="this week")
    assert _month_and_undated(month, bare)
    assert not _month_and_undated(month, vague)
    assert not _month_and_undated(bare, month)
