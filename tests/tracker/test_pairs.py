"""Which negotiation stories centre on: the ranking rules on hand-built records.

Each case is a story written for one rule (partners, rates and people chosen to differ from
the development stories): an event between two parties outweighs a tariff reported in force as
background; a new tariff outweighs a meeting with a third country; the pair a story names
first wins a tie; members count for the EU when the EU is a party; the pair's own measures say
who imposes, the party whose measures change something first; the people of two parties make
a pair; the headline names the subject; events
read from one passage or of one occasion count once; a partner's rate in force beside a measure on every country
is background; a headline naming two parties makes their pair, one naming more favours none;
an event of the United States with several partners is a negotiation with each; rates listed
together on one pair are one report.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from _tracker_helpers import event

from tariffscope.domain.news import Actor, ArticleMeta, Extraction, MeasureMention
from tariffscope.store import Store
from tariffscope.tracker import (
    article_pairs,
    lone_party,
    pair_support,
    rank_pairs,
    story_pairs,
)

META = ArticleMeta(title="written for the test", published=dt.date(2025, 9, 1))


def measure(
    imposer: str, target: str, rate: float, status: str = "threatened", start: int = 0
) -> MeasureMention:
    return MeasureMention(imposer, target, "all goods", None, rate, None, status, start, start + 5)  # type: ignore[arg-type]


def person(name: str, country: str | None, start: int = 0) -> Actor:
    return Actor(name, None, country, start, start + 5)


def test_a_meeting_between_two_parties_outweighs_a_tariff_in_force_on_one_of_them() -> None:
    # Australia and Indonesia meet over beef; the US tariff on Indonesia is background
    story = Extraction(
        META,
        actors=(person("Don Farrell", "AUS"), person("Budi Santoso", "IDN", 40)),
        events=(event("meeting", ["Don Farrell", "Budi Santoso"], start=10, end=30),),
        measures=(measure("USA", "IDN", 19.0, "in_force", start=300),),
    )
    assert rank_pairs([story]) == [("AUS", "IDN"), ("USA", "IDN")]


def test_a_new_tariff_outweighs_a_meeting_with_a_third_country() -> None:
    # the US raises the tariff on Brazil; the story also reports a US envoy meeting Argentina
    story = Extraction(
        META,
        actors=(person("Envoy", "USA", 200), person("Minister", "ARG", 220)),
        events=(event("meeting", ["Envoy", "Minister"], start=200, end=240),),
        measures=(measure("USA", "BRA", 40.0, "threatened", start=20),),
    )
    assert rank_pairs([story])[0] == ("USA", "BRA")
    assert [s.basis for s in pair_support(story)] == ["event", "measure"]  # ARG-USA, BRA-USA


def test_equal_weight_the_pair_named_first_wins() -> None:
    story = Extraction(
        META,
        measures=(
            measure("USA", "NOR", 10.0, start=120),
            measure("USA", "FIN", 10.0, start=40),
        ),
    )
    assert rank_pairs([story]) == [("USA", "FIN"), ("USA", "NOR")]


def test_members_count_for_the_eu_when_the_eu_is_a_party() -> None:
    with_eu = Extraction(
        META,
        actors=(person("Maros Sefcovic", "EUN"), person("Friedrich Merz", "DEU")),
        measures=(measure("USA", "EUN", 30.0), measure("USA", "DEU", 25.0, start=50)),
    )
    assert article_pairs(with_eu) == [(("EUN", "USA"), "measure")]
    without_eu = Extraction(META, measures=(measure("USA", "DEU", 25.0),))
    assert article_pairs(without_eu) == [(("DEU", "USA"), "measure")]


def test_the_pair_is_ordered_by_its_own_measures() -> None:
    # Canada imposes twice on China, the US once on Canada: the CAN-CHN pair is Canada first,
    # the CAN-USA pair is the US first (Canada's measures on China say nothing about it)
    story = Extraction(
        META,
        measures=(
            measure("CAN", "CHN", 100.0, "in_force"),
            measure("CAN", "CHN", 25.0, "in_force", start=20),
            measure("USA", "CAN", 35.0, "in_force", start=40),
        ),
    )
    assert rank_pairs([story]) == [("CAN", "CHN"), ("USA", "CAN")]
    # no measure says who imposes: the US first, else alphabetical
    met = Extraction(META, events=(event("meeting", ["MYS", "USA"]),))
    assert rank_pairs([met]) == [("USA", "MYS")]
    talks = Extraction(META, events=(event("talks", ["KEN", "GBR"]),))
    assert rank_pairs([talks]) == [("GBR", "KEN")]


def test_the_party_whose_measures_change_comes_first_over_rates_in_force() -> None:
    # fresh stories, round 11: the Philippines answers New Zealand's duties in force with two
    # new ones; as many measures each way, the new ones are the news and say who imposes
    story = Extraction(
        META,
        measures=(
            measure("PHL", "NZL", 100.0, "threatened"),
            measure("PHL", "NZL", 25.0, "threatened", start=20),
            measure("NZL", "PHL", 100.0, "in_force", start=60),
            measure("NZL", "PHL", 25.0, "in_force", start=80),
        ),
    )
    assert rank_pairs([story]) == [("PHL", "NZL")]
    # the same rates, all in force: the counts tie, and the order is alphabetical as before
    settled = Extraction(
        META,
        measures=tuple(dataclasses.replace(m, status="in_force") for m in story.measures),
    )
    assert rank_pairs([settled]) == [("NZL", "PHL")]


def test_the_rate_the_headline_states_is_the_news_and_says_who_imposes() -> None:
    # fresh stories, round 12: a US duty the body reports as signed (in force) and a duty of
    # the partner's it misreads as threatened; the headline's 14% is the news; written for
    # the test
    measures = (
        measure("USA", "NGA", 14.0, "in_force"),
        measure("NGA", "USA", 27.0, "threatened", start=40),
        measure("USA", "NGA", 35.0, "in_force", start=80),
    )
    titled = ArticleMeta(title="US imposes 14% tariff on Nigerian goods", published=META.published)
    assert rank_pairs([Extraction(titled, measures=measures)]) == [("USA", "NGA")]
    # without the rate in its headline the threat alone changes something, as before
    untitled = ArticleMeta(title="Nigeria weighs US duties", published=META.published)
    assert rank_pairs([Extraction(untitled, measures=measures)]) == [("NGA", "USA")]


def test_a_headline_of_three_parties_is_no_us_list_when_two_of_them_negotiate() -> None:
    # round 11's Semafor story, on main's newer reader: Mexico's new duty on China and a
    # Chinese beef duty in force on the US; the headline names all three
    measures = (
        measure("CHN", "USA", 55.0, "in_force", start=4),
        measure("MEX", "CHN", 35.0, "threatened", start=36),
    )
    news = ArticleMeta(
        title="Mexico imposes tariffs on Chinese imports as it seeks alignment with US",
        published=META.published,
    )
    assert rank_pairs([Extraction(news, measures=measures)])[0] == ("MEX", "CHN")
    # with no record between the partners the headline lists the US's partners, as before
    listed = ArticleMeta(title="Mexico, China seek US deals", published=META.published)
    alone = (measures[0],)
    assert rank_pairs([Extraction(listed, measures=alone)])[:2] == [("CHN", "USA"), ("USA", "MEX")]


def test_the_people_of_two_countries_make_a_pair() -> None:
    story = Extraction(META, actors=(person("Lee", "KOR"), person("Anwar", "MYS")))
    assert article_pairs(story) == [(("KOR", "MYS"), "actors")]
    three = Extraction(META, actors=(*story.actors, person("Lai", "TWN")))
    assert article_pairs(three) == []
    assert rank_pairs([three]) == []
    # beside a measure on one of them, the pair of the people is a pair of the story too
    with_measure = Extraction(META, actors=story.actors, measures=(measure("USA", "KOR", 25.0),))
    assert article_pairs(with_measure) == [(("KOR", "MYS"), "actors"), (("KOR", "USA"), "measure")]


def test_the_pair_the_headline_names_is_the_subject() -> None:
    # Britain and the EU agree on food checks; the reader finds only an older US-UK car rate
    people = (person("Keir Starmer", "GBR", 100), person("Ursula von der Leyen", "EUN", 140))
    body = Extraction(META, actors=people, measures=(measure("USA", "GBR", 10.0, "agreed", 300),))
    assert rank_pairs([body])[0] == ("USA", "GBR")
    titled = Extraction(
        ArticleMeta(title="UK and EU agree to cut checks on food trade"),
        actors=people,
        measures=body.measures,
    )
    assert rank_pairs([titled])[0] == ("EUN", "GBR")
    # a URL slug and a person's name: "Starmer" is the story's Keir Starmer
    slug = Extraction(
        ArticleMeta(title="[from URL slug] starmer-and-eu-agree-food-deal"),
        actors=people,
        measures=body.measures,
    )
    assert rank_pairs([slug])[0] == ("EUN", "GBR")


def test_events_read_from_one_passage_count_once() -> None:
    # "Carney met Li in Beijing, where they agreed ..." is one report, the US threat another
    people = (
        person("Donald Trump", "USA"),
        person("Mark Carney", "CAN"),
        person("Li Qiang", "CHN"),
    )
    story = Extraction(
        META,
        actors=people,
        events=(
            event("meeting", ["Mark Carney", "Li Qiang"], start=160, end=320),
            event("agreement", ["Mark Carney", "Li Qiang"], start=160, end=320),
        ),
        measures=(measure("USA", "CAN", 50.0, "threatened", start=50),),
    )
    assert rank_pairs([story]) == [("USA", "CAN"), ("CAN", "CHN")]


def test_events_of_one_occasion_count_once_wherever_they_are_told() -> None:
    # the deal is told first in the lead ("the deal it signed with B"), the meeting where it
    # was reached later ("A met B in X on D, where they agreed"): one occasion, one report
    day = dt.date(2026, 1, 16)
    people = (person("Ann Alder", "USA"), person("Cal Cole", "CAN"), person("Lu Lin", "CHN"))
    story = Extraction(
        META,
        actors=people,
        events=(
            event("agreement", ["CAN", "CHN"], date=day, place="Beijing", start=0, end=160),
            event("meeting", ["Cal Cole", "Lu Lin"], date=day, place="Beijing", start=160, end=320),
        ),
        measures=(measure("USA", "CAN", 50.0, "threatened", start=50),),
    )
    assert rank_pairs([story]) == [("USA", "CAN"), ("CAN", "CHN")]
    apart = dataclasses.replace(
        story,
        events=(story.events[0], dataclasses.replace(story.events[1], date=dt.date(2026, 1, 20))),
    )
    assert rank_pairs([apart])[0] == ("CAN", "CHN")  # two occasions are two reports


def test_across_stories_the_pair_most_stories_concern_comes_first(store: Store) -> None:
    from _tracker_helpers import add_stories

    heavy = Extraction(
        META,
        measures=tuple(measure("USA", "MEX", 25.0, start=k * 10) for k in range(4)),
    )
    light = Extraction(META, measures=(measure("USA", "CHE", 39.0),))
    also = Extraction(META, measures=(measure("USA", "CHE", 15.0, "agreed"),))
    ids = add_stories(
        store, [("body one " * 5, heavy), ("body two " * 5, light), ("body three " * 5, also)]
    )
    assert story_pairs(store, ids) == [("USA", "CHE"), ("USA", "MEX")]
    assert story_pairs(store, ids[:1]) == [("USA", "MEX")]


def test_rates_in_force_on_one_pair_are_one_state_of_things() -> None:
    # a deal with Peru, beside "neighbours like Chile and Ecuador face 15% and Bolivia 20%"
    # (the reader lists two rates on each neighbour): the background counts once per pair
    story = Extraction(
        META,
        measures=(
            measure("USA", "PER", 30.0, "in_force", start=20),
            measure("USA", "CHL", 15.0, "in_force", start=300),
            measure("USA", "CHL", 20.0, "in_force", start=320),
            measure("USA", "ECU", 15.0, "in_force", start=300),
            measure("USA", "ECU", 20.0, "in_force", start=320),
        ),
    )
    weights = {s.parties: s.weight for s in pair_support(story)}
    assert weights[("CHL", "USA")] == weights[("PER", "USA")]
    assert rank_pairs([story])[0] == ("USA", "PER")  # then named first


def test_a_story_whose_records_name_no_pair_concerns_the_two_parties_it_names_most() -> None:
    # a ban without a rate and one named person: no measure, event or pair of people
    text = (
        "Beijing told Ottawa it would halt imports of Canadian canola. China's decision follows "
        "remarks by Canada's prime minister. Chinese officials said Canada must retract them; "
        "Taiwan was named once."
    )
    story = Extraction(META, actors=(person("Maninder Sidhu", "CAN", 60),))
    assert article_pairs(story) == []
    assert article_pairs(story, text) == [(("CAN", "CHN"), "named")]
    assert rank_pairs([story], texts=[text]) == [("CAN", "CHN")]
    # the most-named party must be named twice, the other once; records that name a pair
    # come first
    assert article_pairs(story, "China halted imports from Canada.") == []
    assert article_pairs(story, "China halted imports. Beijing blamed Canada.") == [
        (("CAN", "CHN"), "named")
    ]
    with_measure = Extraction(META, measures=(measure("USA", "CAN", 15.0),))
    assert article_pairs(with_measure, text) == [(("CAN", "USA"), "measure")]


# -- measures on every country (issue 9): the imposer and all partners -----------------------


def goods(imposer: str, target: str, products: str, rate: float, start: int = 0) -> MeasureMention:
    return MeasureMention(
        imposer, target, products, None, rate, None, "threatened", start, start + 5
    )


def test_a_measure_on_every_country_makes_the_imposer_and_all_partners_a_pair() -> None:
    # a Section 232-style duty announced with no partner named (rates and goods invented)
    story = Extraction(
        META,
        actors=(person("Commerce Secretary", "USA"),),
        measures=(
            goods("USA", "WLD", "heavy trucks", 25.0),
            goods("USA", "WLD", "furniture", 30.0),
        ),
    )
    assert article_pairs(story) == [(("USA", "WLD"), "measure")]
    assert rank_pairs([story]) == [("USA", "WLD")]
    # the EU imposing on every country is the EU's pair with all partners, the EU first
    eu = Extraction(META, measures=(goods("EUN", "WLD", "steel", 25.0),))
    assert rank_pairs([eu]) == [("EUN", "WLD")]
    # a code after WLD in the alphabet is still the imposer, first
    late = Extraction(META, measures=(goods("ZAF", "WLD", "steel", 15.0),))
    assert rank_pairs([late]) == [("ZAF", "WLD")]


def test_a_real_pair_outranks_the_pair_with_all_partners() -> None:
    # the global duties weigh more (two threats against one), yet the story names a negotiation
    story = Extraction(
        META,
        actors=(person("Trade Minister", "NOR", 90),),
        measures=(
            goods("USA", "WLD", "steel", 50.0, start=10),
            goods("USA", "WLD", "copper", 50.0, start=30),
            measure("USA", "NOR", 15.0, "threatened", start=200),
        ),
    )
    weights = {s.parties: s.weight for s in pair_support(story)}
    assert weights[("USA", "WLD")] > weights[("NOR", "USA")]
    assert rank_pairs([story]) == [("USA", "NOR"), ("USA", "WLD")]
    assert ("USA", "WLD") in [p for p, _ in article_pairs(story)]


def test_a_rate_in_force_on_one_partner_does_not_outrank_the_measure_on_every_country() -> None:
    # a story about a global surcharge that mentions, as background, what one partner already
    # pays: that partner's rate in force names no negotiation (rates and partner invented)
    story = Extraction(
        META,
        actors=(person("President", "USA"),),
        measures=(
            goods("USA", "WLD", "all goods", 12.0, start=10),
            measure("USA", "PER", 18.0, "in_force", start=400),
        ),
    )
    support = {s.parties: s for s in pair_support(story)}
    assert support[("PER", "USA")].background and not support[("USA", "WLD")].background
    assert rank_pairs([story]) == [("USA", "WLD"), ("USA", "PER")]
    # a change on that partner is a negotiation again, and comes first
    changed = Extraction(
        META,
        measures=(
            goods("USA", "WLD", "all goods", 12.0, start=10),
            measure("USA", "PER", 25.0, "threatened", start=400),
        ),
    )
    assert rank_pairs([changed]) == [("USA", "PER"), ("USA", "WLD")]


def test_names_in_the_text_make_no_pair_beside_a_measure_on_every_country() -> None:
    # "BRASILIA (dpa-AFX) - ... the United States ...": a dateline or a company's home named
    # beside a duty on every country is no negotiation (the text's names count only for a
    # story whose records name nothing)
    text = "BRASILIA - The United States will tax copper. America needs copper, Brazil said."
    story = Extraction(META, measures=(goods("USA", "WLD", "copper", 50.0),))
    assert rank_pairs([story], texts=[text]) == [("USA", "WLD")]
    assert rank_pairs([Extraction(META)], texts=[text]) == [("USA", "BRA")]


def test_a_headline_naming_two_parties_makes_their_pair_beside_a_global_measure() -> None:
    # "Peru will ask the US to spare its zinc" whose only measure read is a duty on every
    # country's zinc: the headline's pair is the story's negotiation (partner and goods invented)
    records = {"measures": (goods("USA", "WLD", "zinc", 40.0, start=200),)}
    titled = Extraction(ArticleMeta(title="Peru will ask the US to spare its zinc"), **records)  # type: ignore[arg-type]
    assert article_pairs(titled) == [(("PER", "USA"), "headline"), (("USA", "WLD"), "measure")]
    assert rank_pairs([titled]) == [("USA", "PER"), ("USA", "WLD")]
    # a headline naming the US and two partners makes each a pair with the US, in the
    # headline's order; one naming one party names none
    three = Extraction(ArticleMeta(title="Peru, Chile ask the US to spare zinc"), **records)  # type: ignore[arg-type]
    assert rank_pairs([three]) == [("USA", "PER"), ("USA", "CHL"), ("USA", "WLD")]
    one = Extraction(ArticleMeta(title="Peru weighs its answer on zinc"), **records)  # type: ignore[arg-type]
    assert rank_pairs([one]) == [("USA", "WLD")]


def test_a_headline_naming_several_parties_lifts_no_pair_among_the_partners() -> None:
    # "US signs frameworks with Peru, Chile, Uruguay and Paraguay": two rates the reader gives
    # Chile on Uruguay's goods are background in force; the headline names all of them, so it
    # states no one pair and does not lift Chile-Uruguay: the US with each partner comes first,
    # in the headline's order (parties invented)
    records = {
        "measures": (
            measure("USA", "WLD", 0.0, "agreed", start=50),
            measure("CHL", "URY", 6.0, "in_force", start=400),
            measure("CHL", "URY", 4.0, "in_force", start=450),
        )
    }
    title = ArticleMeta(title="US signs frameworks with Peru, Chile, Uruguay and Paraguay")
    listed = Extraction(title, **records)  # type: ignore[arg-type]
    ranked = rank_pairs([listed])
    assert ranked[:4] == [("USA", "PER"), ("USA", "CHL"), ("USA", "URY"), ("USA", "PRY")]
    without_us = ArticleMeta(title="Peru, Chile, Uruguay and Paraguay weigh duties")
    assert rank_pairs([Extraction(without_us, **records)])[0] == ("USA", "WLD")  # type: ignore[arg-type]
    # the same records under a headline naming exactly the two: their pair is the subject
    two = Extraction(ArticleMeta(title="Chile and Uruguay at odds over duties"), **records)  # type: ignore[arg-type]
    assert rank_pairs([two])[0] == ("CHL", "URY")


def test_an_event_of_the_united_states_with_several_partners_is_a_negotiation_with_each() -> None:
    # one agreement announced with three partners at once: each is a pair with the US, the
    # first named first; an event of several partners without the US makes no pair
    story = Extraction(
        META,
        events=(event("agreement", ["USA", "PER", "URY", "PRY"], start=20, end=60),),
        measures=(measure("USA", "WLD", 10.0, "in_force", start=300),),
    )
    ranked = rank_pairs([story])
    assert set(ranked[:3]) == {("USA", "PER"), ("USA", "URY"), ("USA", "PRY")}
    assert ranked[-1] == ("USA", "WLD")
    [support] = [s for s in pair_support(story) if s.parties == ("PER", "USA")]
    assert support.basis == "event" and support.weight < 2.0  # the event's weight is shared
    without_us = Extraction(META, events=(event("meeting", ["PER", "URY", "PRY"]),))
    assert rank_pairs([without_us]) == []


def test_the_lone_party_of_a_story_that_names_no_pair() -> None:
    alone = Extraction(META, actors=(person("Finance Minister", "IDN"),))
    assert lone_party([alone]) == "IDN"
    assert lone_party([alone], ["Jakarta said exports fell. Indonesia will respond."]) == "IDN"
    # named most wins; equal, the first found
    text = "Chile and Peru. Peru again."
    assert lone_party([Extraction(META)], [text]) == "PER"
    assert lone_party([Extraction(META)], ["Chile and Peru."]) == "CHL"
    assert lone_party([Extraction(META)], ["Global shipping slowed."]) is None
    assert lone_party([Extraction(META)]) is None


def test_the_people_of_two_parties_alone_do_not_outrank_a_measure_on_every_country() -> None:
    # a global surcharge threatened, and a partner's minister voicing concern: the surcharge is
    # the news; the minister's pair is one of the story's other pairs (rates and names invented)
    story = Extraction(
        META,
        actors=(person("President", "USA"), person("Sipho Dlamini", "ZAF", 600)),
        measures=(
            goods("USA", "WLD", "all goods", 12.0, start=10),
            goods("USA", "WLD", "all goods", 14.0, start=80),
        ),
    )
    support = {s.parties: s for s in pair_support(story)}
    assert support[("USA", "ZAF")].people_only and not support[("USA", "WLD")].people_only
    assert rank_pairs([story]) == [("USA", "WLD"), ("USA", "ZAF")]
    # a meeting between the two is a negotiation again, and comes first
    met = dataclasses.replace(
        story, events=(event("meeting", ["President", "Sipho Dlamini"], start=600, end=640),)
    )
    assert rank_pairs([met]) == [("USA", "ZAF"), ("USA", "WLD")]
    # so is a headline naming the two
    titled = dataclasses.replace(
        story, article=ArticleMeta(title="South Africa presses US over new surcharge")
    )
    assert rank_pairs([titled])[0] == ("USA", "ZAF")


def test_rates_listed_together_on_one_pair_are_one_report() -> None:
    # "Tonga, Tuvalu and Palau will face 31, 26 and 24 per cent respectively", read onto
    # Tonga alone, does not outweigh the partner the headline and its own rate name (the
    # partners and rates are invented)
    story = Extraction(
        ArticleMeta(title="Samoa hit with 28% US tariff"),
        measures=(
            measure("USA", "WSM", 28.0, start=100),
            measure("USA", "TON", 31.0, "agreed", start=400),
            measure("USA", "TON", 26.0, "agreed", start=407),
            measure("USA", "TON", 24.0, "agreed", start=414),
        ),
    )
    support = {s.parties: s for s in pair_support(story)}
    assert support[("TON", "USA")].weight == 3.0
    assert rank_pairs([story])[0] == ("USA", "WSM")
    # two reports of the pair, far apart in the story, still count twice
    apart = dataclasses.replace(
        story,
        measures=(
            measure("USA", "TON", 31.0, "agreed", 400),
            measure("USA", "TON", 26.0, "agreed", 900),
        ),
    )
    assert {s.parties: s for s in pair_support(apart)}[("TON", "USA")].weight == 6.0
