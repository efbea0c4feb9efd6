"""The brief takes any story: every development story, every written story and the founding story.

For each story the expected negotiation is written here from the story's text and the topic
column of ../shared/articles/dev/INDEX.md (never from the program's output), with the reason.
A pair is written imposer first where the story's measures say who imposes; where two orders
or several partners fit the story equally, every acceptable pair is listed.

Stories whose page gives no publication date are briefed as of the latest date their text
states (docs/assumptions.md C2); a story with no full date at all is given a day here
(``as_of`` below: the day of the event the story reports, from the public record) so that its
facts are checked against the right law. Without one it is briefed as of a month it names,
else as of the dated law it reports (the catalog), else as of the catalog's horizon, with a
warning and exit 0: :data:`NO_CLUE` briefs the stories that state no date at all so.

The spaCy pipeline loads once per process: the library is called once per story in a
module-scoped fixture (no Monte Carlo, no economy-wide model), the CLI for a few cases.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from tariffscope.cli import app
from tariffscope.config import shared_dir
from tariffscope.errors import TariffscopeError
from tariffscope.regime.resolve import default_catalog
from tariffscope.report.brief import Brief
from tariffscope.report.build import briefs_from_sources
from tariffscope.report.json_out import brief_to_dict
from tariffscope.strict_json import to_json

pytestmark = [pytest.mark.slow, pytest.mark.shared]

ROOT = Path(__file__).resolve().parents[2]
WRITTEN = ROOT / "tests" / "news" / "data"
SEED = ROOT / "examples" / "ishiba-bessent-2025-07-18.txt"
US = "USA"
SCHEMA = json.loads((ROOT / "docs" / "brief.schema.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Expected:
    """The negotiation a story is about: any of ``pairs``; ``also`` the other partners it names."""

    pairs: tuple[tuple[str, str], ...]
    reason: str
    as_of: date | None = None  # the day to brief a story with no full date as of
    also: frozenset[str] = frozenset()


def one(a: str, b: str, reason: str, as_of: date | None = None, also: str = "") -> Expected:
    return Expected(((a, b),), reason, as_of, frozenset(also.split()))


def either(a: str, b: str, reason: str, as_of: date | None = None) -> Expected:
    return Expected(((a, b), (b, a)), reason, as_of)


D = date
STORIES: dict[str, Expected] = {
    "01-mexico": one(US, "MEX", "Trump's 25% on Mexico and the Sheinbaum-Trump call"),
    "02-eu-china": either(
        "EUN", "CHN", "China and the EU restart EV price talks; the US 54% on China is background"
    ),
    "03-eu-vdl": one(
        US,
        "EUN",
        "von der Leyen answers Trump's 30% letter to the EU; Mexico is named in passing",
        also="MEX",
    ),
    "04-japan": one(
        US, "JPN", "Trump announces the 15% deal with Japan (22 July 2025)", D(2025, 7, 23)
    ),
    "05-india-uk": one(
        "IND",
        "GBR",
        "India cuts its tariffs on British goods under the FTA signed at Chequers (24 July 2025)",
        D(2025, 7, 24),
    ),
    "06-eu-us": one(US, "EUN", "the Turnberry framework: US tariffs on EU goods at 15%"),
    "07-uk-trump": one(
        US,
        "GBR",
        "Trump and Starmer at Turnberry on the 10% whisky tariff (28 July 2025)",
        D(2025, 7, 28),
    ),
    "08-mexico": one(
        US, "MEX", "Trump extends Mexico's rates for 90 days after a call with Sheinbaum"
    ),
    "09-brazil": one(
        US, "BRA", "Brazil returns Trump's letter announcing 50% (16 July 2025)", D(2025, 7, 16)
    ),
    "10-india": one(
        US,
        "IND",
        "an extra 25% on India over Russian oil; the Witkoff-Putin meeting is context",
        also="RUS",
    ),
    "11-japan": one(
        US,
        "JPN",
        "Akazawa in Washington presses for the auto-tariff order (7 August 2025)",
        D(2025, 8, 7),
    ),
    "12-china-canada": one("CHN", "CAN", "China's 75.8% anti-dumping duty on Canadian canola"),
    "13-switzerland": one(US, "CHE", "the Keller-Sutter-Trump call on the 39% tariff"),
    "14-japan": one(
        US,
        "JPN",
        "Akazawa flies to Washington to get the order signed (4 September 2025)",
        D(2025, 9, 4),
    ),
    "15-brazil": one(US, "BRA", "Lula asks Trump to lift the 40% in a phone call"),
    "16-china": one(US, "CHN", "Trump threatens an extra 100% on China over rare earths"),
    "17-canada": one(US, "CAN", "Trump ends talks with Canada over the Reagan advertisement"),
    "18-vietnam": one(
        US, "VNM", "the US-Vietnam framework joint statement (26 October 2025)", D(2025, 10, 27)
    ),
    "19-korea": one(
        US,
        "KOR",
        "the $350bn US-Korea deal at Gyeongju; the Japan stop is context",
        D(2025, 10, 30),
        also="JPN",
    ),
    "20-china": one(US, "CHN", "Trump and Xi in Busan cut the tariff on China"),
    "21-switzerland": one(
        US,
        "CHE",
        "Switzerland expects the US tariff cut from 39% to 15% (November 2025)",
        D(2025, 11, 25),
    ),
    "22-brazil": one(US, "BRA", "the US removes the 40% on Brazilian farm goods"),
    "23-uk-us": one(
        US, "GBR", "the US-UK zero-tariff pharmaceuticals deal (1 December 2025)", D(2025, 12, 2)
    ),
    "24-china-canada": either(
        "CHN", "CAN", "Carney's EV-canola deal with China: each cuts a tariff on the other"
    ),
    "25-taiwan": one(US, "TWN", "the US-Taiwan deal at 15%"),
    "26-greenland": Expected(
        ((US, "DNK"), (US, "GBR"), (US, "FRA")),
        "Trump's Greenland tariff names Denmark, the UK and France alike; the others are named too",
        D(2026, 1, 18),
        frozenset({"DNK", "GBR", "FRA"}),
    ),
    "27-canada": one(US, "CAN", "Trump threatens 100% on Canada over its China deal"),
    "28-korea": one(US, "KOR", "Trump raises the tariffs on Korea from 15% to 25%"),
    "29-india": one(
        US, "IND", "the US-India interim framework at 18% (February 2026)", D(2026, 2, 7)
    ),
    "30-eu-china": one(
        "EUN",
        "CHN",
        "the EU waives its countervailing duty on a Chinese-made EV (February 2026)",
        D(2026, 2, 10),
    ),
    "us-canada-ad-extra-10pct": one(
        US, "CAN", "Trump adds 10% on Canada over the Ontario advertisement"
    ),
    "us-eu-joint-statement-cars-15pct": one(US, "EUN", "the US-EU joint statement: cars at 15%"),
    "us-india-russian-oil-50pct": one(US, "IND", "India's tariff rises to 50% over Russian oil"),
    "us-indonesia-deal-19pct": one(US, "IDN", "the US-Indonesia deal at 19%"),
    "us-vietnam-deal-20pct": one(US, "VNM", "the US-Vietnam deal at 20%"),
    "ishiba-bessent-2025-07-18": one(
        US, "JPN", "the founding story: Ishiba meets Bessent before the 25% threat"
    ),
}


def story_path(key: str) -> Path:
    if key == SEED.stem:
        return SEED
    if (WRITTEN / f"{key}.txt").exists():
        return WRITTEN / f"{key}.txt"
    dev = shared_dir(required=True) / "articles" / "dev"
    (found,) = sorted(dev.glob(f"{key}-*.txt"))
    return found


def undated(key: str) -> bool:
    head = story_path(key).read_text(encoding="utf-8").split("\n\n", 1)[0]
    return "published: unknown" in head


@pytest.fixture(scope="module")
def briefs() -> dict[str, Brief | TariffscopeError]:
    out: dict[str, Brief | TariffscopeError] = {}
    for key, expected in STORIES.items():
        try:
            found, _ = briefs_from_sources(
                [str(story_path(key))], draws=0, ge_model=None, as_of=expected.as_of
            )
            out[key] = found[0]
        except TariffscopeError as error:
            out[key] = error
    return out


#: The development stories that state no date at all (no publication date, no day, month or
#: URL date), briefed without --as-of: how each must be dated and the window its day must fall
#: in, from the public record of the event (STORIES' ``as_of``) and the law the story reports.
#: 05 reports no US measure (India's tariffs on British goods): nothing in the US catalog dates
#: it, so it is read as of the catalog's horizon.
NO_CLUE: dict[str, tuple[str, date, date, str]] = {
    "05-india-uk": ("horizon", default_catalog().coverage_end, default_catalog().coverage_end, ""),
    # the 10% on all British goods it says is in force: from 5 April 2025 (RECIP-BASE-10)
    "07-uk-trump": ("catalog", D(2025, 4, 5), D(2025, 12, 31), "RECIP-BASE-10"),
    # the 50% it reports as a threat took effect on 6 August 2025 (BRA-IEEPA-40 + 10%)
    "09-brazil": ("catalog", D(2025, 7, 1), D(2025, 8, 5), "BRA-IEEPA-40"),
    # the 15% it reports as agreed: Japan's 15% announced on 31 July 2025 (RECIP2-JPN)
    "11-japan": ("catalog", D(2025, 7, 31), D(2025, 12, 31), "RECIP2-JPN"),
    # the 15% on autos it reports as agreed: Korea's 15% announced on 31 July 2025 (RECIP2-KOR)
    "19-korea": ("catalog", D(2025, 7, 31), D(2025, 12, 31), "RECIP2-KOR"),
}


@pytest.fixture(scope="module")
def undated_briefs() -> dict[str, Brief | TariffscopeError]:
    out: dict[str, Brief | TariffscopeError] = {}
    for key in NO_CLUE:
        try:
            found, _ = briefs_from_sources([str(story_path(key))], draws=0, ge_model=None)
            out[key] = found[0]
        except TariffscopeError as error:
            out[key] = error
    return out


def brief_of(briefs: dict[str, Brief | TariffscopeError], key: str) -> Brief:
    result = briefs[key]
    if isinstance(result, TariffscopeError):
        pytest.fail(f"{key}: the brief failed: {result.one_line()} (exit {result.exit_code})")
    return result


def test_every_story_of_the_sets_is_in_the_table() -> None:
    dev = shared_dir(required=True) / "articles" / "dev"
    names = [p.name for p in dev.glob("*.txt")] + [p.name for p in WRITTEN.glob("*.txt")]
    for name in names:
        assert any(name.startswith(key) for key in STORIES), name


@pytest.mark.parametrize("key", list(STORIES))
def test_the_brief_is_about_the_story_s_negotiation(
    briefs: dict[str, Brief | TariffscopeError], key: str
) -> None:
    brief = brief_of(briefs, key)
    expected = STORIES[key]
    assert brief.pair in expected.pairs, expected.reason
    named = {party for pair in brief.other_pairs for party in pair} | set(brief.pair)
    assert expected.also <= named, "the other partners are named in the brief"
    if brief.other_pairs:
        assert any("also concern" in w for w in brief.warnings)


@pytest.mark.parametrize("key", [k for k, e in STORIES.items() if US in e.pairs[0]])
def test_priced_wherever_the_us_is_a_party(
    briefs: dict[str, Brief | TariffscopeError], key: str
) -> None:
    # every partner here has 2024 US imports (Census), so every one must be priced
    brief = brief_of(briefs, key)
    assert brief.priced, brief.warnings
    assert brief.scenarios[0].spec.key == "law"
    assert not any("not priced" in w for w in brief.warnings)


@pytest.mark.parametrize("key", [k for k, e in STORIES.items() if US not in e.pairs[0]])
def test_a_pair_without_the_us_is_a_negotiation_with_a_warning(
    briefs: dict[str, Brief | TariffscopeError], key: str
) -> None:
    brief = brief_of(briefs, key)
    assert not brief.priced
    assert any("catalog holds US tariff law" in w for w in brief.warnings)
    assert brief.actors or brief.events or brief.links  # the negotiation itself is briefed


@pytest.mark.parametrize("key", [k for k in STORIES if undated(k)])
def test_an_undated_story_says_how_it_was_dated(
    briefs: dict[str, Brief | TariffscopeError], key: str
) -> None:
    brief = brief_of(briefs, key)
    (said,) = [w for w in brief.warnings if "gives no publication date" in w]
    assert brief.as_of.isoformat() in said
    expected = STORIES[key].as_of
    if expected is not None:
        assert brief.as_of == expected and "--as-of" in said
    else:  # the warning says what dated it
        assert "date its text states" in said or "its URL" in said


@pytest.mark.parametrize("key", list(NO_CLUE))
def test_a_story_that_states_no_date_is_briefed_as_of_the_law_it_reports(
    undated_briefs: dict[str, Brief | TariffscopeError], key: str
) -> None:
    assert undated(key)
    brief = brief_of(undated_briefs, key)
    assert brief.pair in STORIES[key].pairs, STORIES[key].reason
    basis, earliest, latest, measure = NO_CLUE[key]
    (dated,) = brief.dating
    assert dated.basis == basis and dated.day == brief.as_of
    assert earliest <= brief.as_of <= latest
    assert measure in dated.detail
    (said,) = [w for w in brief.warnings if "gives no publication date" in w]
    assert brief.as_of.isoformat() in said and "--as-of" in said
    data = json.loads(to_json(brief_to_dict(brief)))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    assert data["dating"][0]["basis"] == basis


def test_every_story_with_a_date_has_no_dating_row(
    briefs: dict[str, Brief | TariffscopeError],
) -> None:
    for key in STORIES:
        brief = brief_of(briefs, key)
        if not undated(key):
            assert brief.dating == (), key
        else:  # dated by its own clues, or by the day given here
            assert [d.basis for d in brief.dating] != ["horizon"], key


def test_the_dates_stated_in_undated_stories(briefs: dict[str, Brief | TariffscopeError]) -> None:
    # the latest date each text tells as past (photo caption, wire dateline); 03's remarks of
    # "Sunday, July 13th" take their year from the text's "July 9, 2025" (13 July 2025 was a
    # Sunday), a later day than the caption's full date
    assert brief_of(briefs, "03-eu-vdl").as_of == date(2025, 7, 13)
    assert brief_of(briefs, "12-china-canada").as_of == date(2025, 7, 19)
    assert brief_of(briefs, "us-canada-ad-extra-10pct").as_of == date(2025, 10, 23)


# -- stories written for these tests (partners and events unlike the sets above) --------

WRITTEN_HERE: dict[str, tuple[str, tuple[tuple[str, str], ...], str]] = {
    "uk-eu-food-checks": (
        "title: UK and EU agree to cut checks on food trade\npublished: unknown\n\n"
        "Britain and the European Union agreed on Monday to remove most border checks on food "
        "and plant products, Prime Minister Keir Starmer and European Commission President "
        "Ursula von der Leyen said after a summit in London on May 19, 2025.\n\n"
        "The deal follows the US-UK agreement of May 8, 2025, under which Washington cut its "
        "tariff on British cars to 10% within a quota.\n",
        (("EUN", "GBR"), ("GBR", "EUN")),
        "a UK-EU summit; the US-UK car rate is an older deal",
    ),
    "mexico-chinese-cars": (
        "title: Mexico raises tariffs on Chinese cars to 50%\npublished: 2025-09-10\n\n"
        "Mexico will raise tariffs on cars imported from China to 50% from January 1, 2026, "
        "Economy Secretary Marcelo Ebrard said on Wednesday.\n\n"
        "The United States already charges 25% on Mexican goods that do not qualify under "
        "the trade pact.\n",
        (("MEX", "CHN"),),
        "Mexico's tariff on Chinese cars; the US tariff on Mexico is background",
    ),
    "canada-threat-over-china-deal": (
        "title: Trump threatens 50% tariff on Canada after Ottawa signs deal with Beijing\n"
        "published: 2026-01-25\n\n"
        "President Donald Trump said on Sunday he would put a 50% tariff on all Canadian goods "
        "if Canada went ahead with the trade deal it signed with China this month.\n\n"
        "Prime Minister Mark Carney met Chinese Premier Li Qiang in Beijing on January 16, "
        "2026, where the two sides agreed to cut tariffs on canola and electric vehicles.\n",
        ((US, "CAN"),),
        "Trump's threat on Canada; the Canada-China deal is its cause",
    ),
}


@pytest.mark.parametrize("key", list(WRITTEN_HERE))
def test_stories_written_here(tmp_path: Path, key: str) -> None:
    text, pairs, reason = WRITTEN_HERE[key]
    path = tmp_path / f"{key}.txt"
    path.write_text(text, encoding="utf-8")
    (brief,), _ = briefs_from_sources([str(path)], draws=0, ge_model=None)
    assert brief.pair in pairs, reason
    assert brief.other_pairs  # the other party is named


def test_a_reported_total_rate_is_the_law_not_a_new_scenario(tmp_path: Path) -> None:
    # "20% on all Chinese goods from November 10" (story of 4 November 2025) is the 10%
    # reciprocal rate plus the 10% fentanyl duty of the orders of 4 November, not a new 20%
    path = tmp_path / "china-cut.txt"
    path.write_text(
        "title: US to cut tariffs on Chinese goods\npublished: 2025-11-04\n\n"
        "The United States will lower the tariffs on all Chinese goods to 20% from November "
        "10, the White House said on Tuesday, a week after President Donald Trump met Chinese "
        "President Xi Jinping.\n",
        encoding="utf-8",
    )
    (brief,), _ = briefs_from_sources([str(path)], draws=0, ge_model=None)
    (link,) = brief.links
    assert set(link.measure_ids) == {"RECIP-CHN-EXT2", "FENT-CHN-03"} and link.candidate is None
    by_key = {s.spec.key: s for s in brief.scenarios}
    assert set(by_key) == {"law", "law:2025-11-10"}
    assert all(s.spec.scenario is None for s in brief.scenarios)
    before = by_key["law"].outcome.point.headline["etr_focus_after_pct"]
    after = by_key["law:2025-11-10"].outcome.point.headline["etr_focus_after_pct"]
    assert before - after == pytest.approx(10.0, abs=0.5)  # the fentanyl duty: 20% -> 10%


# -- the command line --------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["brief", *args, "--draws", "0", "--ge", "none"])
    return result.exit_code, result.stdout, result.stderr


def test_pair_chooses_the_negotiation(tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    code, _, err = run(str(story_path("02-eu-china")), "--pair", "USA-CHN", "--json", str(out))
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["pair"] == ["USA", "CHN"] and data["priced"] is True
    assert data["other_pairs"] == [["CHN", "EUN"]] or data["other_pairs"] == [["EUN", "CHN"]]


def test_a_pair_the_story_does_not_concern_is_briefed_with_a_warning(tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    code, _, err = run(str(story_path("16-china")), "--pair", "USA-MEX", "--json", str(out))
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["pair"] == ["USA", "MEX"]
    assert any("do not concern USA-MEX" in w for w in data["warnings"])


@pytest.mark.parametrize("bad", ["USA", "USA-XXX", "USA-USA", "USA-KOR-CHN"])
def test_a_malformed_or_unknown_pair_is_refused_in_one_line(bad: str) -> None:
    code, _, err = run(str(SEED), "--pair", bad)
    assert code == 2
    assert err.strip().count("\n") == 0 and "Traceback" not in err


def test_all_pairs_gives_one_brief_per_pair_as_a_json_list(tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    code, stdout, err = run(str(story_path("03-eu-vdl")), "--all-pairs", "--json", str(out))
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, list)
    assert [d["pair"] for d in data] == [["USA", "EUN"], ["USA", "MEX"]]
    assert stdout.count("tariffscope brief") == 2  # the terminal shows them one after the other
    code, _, _ = run(str(SEED), "--all-pairs", "--pair", "USA-JPN")
    assert code == 2


def test_as_of_overrides_the_date(tmp_path: Path) -> None:
    out = tmp_path / "b.json"
    code, _, err = run(str(story_path("03-eu-vdl")), "--as-of", "2025-07-14", "--json", str(out))
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["as_of"] == "2025-07-14"
    assert any("2025-07-14 (--as-of)" in w for w in data["warnings"])
    assert run(str(SEED), "--as-of", "14 July")[0] == 2


def test_a_story_with_no_date_at_all_is_briefed_with_a_warning(tmp_path: Path) -> None:
    # written for the test: no date, no month, no URL, and no US measure the catalog dates
    story = tmp_path / "no-date.txt"
    story.write_text(
        "title: Talks resume\npublished: unknown\n\n"
        "Canadian and US negotiators met again on Tuesday and said the talks would go on "
        "next week.\n",
        encoding="utf-8",
    )
    out = tmp_path / "brief.json"
    code, _, err = run(str(story), "--json", str(out))
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    horizon = default_catalog().coverage_end.isoformat()
    assert data["as_of"] == horizon
    assert data["dating"] == [
        {
            "source": str(story),
            "as_of": horizon,
            "basis": "horizon",
            "detail": data["dating"][0]["detail"],
        }
    ]
    assert any(horizon in w and "--as-of" in w for w in data["warnings"])
    code, _, err = run(str(story), "--as-of", "2025-09-02", "--json", str(out))
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["as_of"] == "2025-09-02" and data["dating"][0]["basis"] == "given"
    assert run(str(tmp_path / "missing.txt"))[0] == 2  # an unreadable file stays bad input


def test_a_story_with_no_date_is_briefed_as_of_the_law_it_reports(tmp_path: Path) -> None:
    # written for the test: the 35% on Canadian goods it says is in force is in the catalog
    # from the day it took effect; the story can be no older
    story = tmp_path / "no-date-law.txt"
    story.write_text(
        "title: Talks resume\npublished: unknown\n\n"
        "Canadian and US negotiators met again on Tuesday. The 35% tariff on all Canadian "
        "goods that is now in force was the main topic, officials said.\n",
        encoding="utf-8",
    )
    out = tmp_path / "brief.json"
    code, _, err = run(str(story), "--json", str(out))
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["pair"] == ["USA", "CAN"]
    (dating,) = data["dating"]
    # the fentanyl duty on Canada raised to 35% took effect on 1 August 2025 (FENT-CAN-35)
    assert dating["basis"] == "catalog" and "FENT-CAN-35" in dating["detail"]
    assert data["as_of"] == dating["as_of"] == "2025-08-01"


def test_a_story_with_months_but_no_day_is_briefed_at_the_end_of_its_latest_month(
    tmp_path: Path,
) -> None:
    story = tmp_path / "months-only.txt"
    story.write_text(
        "title: Talks resume\npublished: unknown\n\n"
        "Canadian and US negotiators met in March 2025 and said the 35% tariff on Canadian "
        "goods would be discussed again in June 2025.\n",
        encoding="utf-8",
    )
    out = tmp_path / "brief.json"
    code, _, err = run(str(story), "--json", str(out))
    assert code == 0, err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["as_of"] == "2025-03-31"
    assert any("latest month it tells as past" in w and "--as-of" in w for w in data["warnings"])


# -- mechanisms the unseen stories showed (mini-stories written for these tests) -----------

MINI: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "ban-without-rate": (
        "title: unknown\npublished: 2025-11-20\n\n"
        "Beijing notified Canberra that it would halt imports of Australian wine, a Chinese "
        "official said. China's decision follows remarks by Australia's prime minister.\n",
        (("CHN", "AUS"), ("AUS", "CHN")),
    ),
    "url-month-only": (
        "url: https://example.org/2025/09/peru-deal-reached\ntitle: Peru and US reach deal\n"
        "published: unknown\n\n"
        "The United States will cut its tariff on Peruvian goods to 10%, officials said on "
        "Tuesday after talks in Lima with US Trade Representative Jamieson Greer.\n",
        (("USA", "PER"),),
    ),
    "threat-below-the-rate-paid": (
        "title: Trump threatens tariff on Norway\npublished: 2026-01-18\n\n"
        "President Donald Trump said on Sunday he would put a 10% tariff on all Norwegian "
        "goods over the Arctic dispute. He warned that tariffs could increase to 25% by June "
        "1.\n",
        (("USA", "NOR"),),
    ),
}


@pytest.mark.parametrize("key", list(MINI))
def test_mini_stories_of_the_unseen_mechanisms(tmp_path: Path, key: str) -> None:
    text, pairs = MINI[key]
    path = tmp_path / f"{key}.txt"
    path.write_text(text, encoding="utf-8")
    (brief,), _ = briefs_from_sources([str(path)], draws=0, ge_model=None)
    assert brief.pair in pairs
    if key == "url-month-only":
        assert brief.as_of == date(2025, 9, 30)
        (said,) = [w for w in brief.warnings if "gives no publication date" in w]
        assert "last day of the month its URL gives (2025-09)" in said
    if key == "threat-below-the-rate-paid":
        # both threats add to what Norway's goods pay: every outcome raises the duty
        law = brief.scenarios[0].outcome.point.headline["etr_focus_after_pct"]
        threats = [s for s in brief.scenarios if s.spec.key.startswith("threat:")]
        assert len(threats) == 2
        for threat in threats:
            assert threat.outcome.point.headline["etr_focus_after_pct"] > law + 5


def test_a_measure_on_every_partner_is_not_called_talks(tmp_path: Path) -> None:
    path = tmp_path / "global-trucks.txt"
    path.write_text(
        "title: Tariff on heavy trucks\npublished: 2025-09-26\n\n"
        "President Donald Trump said on Thursday the United States would impose a 25% tariff "
        "on all imported heavy trucks from every country starting October 1.\n",
        encoding="utf-8",
    )
    (brief,), _ = briefs_from_sources([str(path)], draws=0, ge_model=None)
    assert brief.pair == (US, "WLD")
    assert brief.status == "measures on all partners"
