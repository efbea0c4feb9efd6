"""Completing and merging the measure mentions of one article: the completion (steps 1 to 3)
on the rate record dicts, from the expansion per target on (step 4) frozen
:class:`MergedMeasure` records that each step returns anew.

1. A mention without a target takes the targets of the mention before it in the same
   paragraph ("a 25% tariff on fentanyl, 25% on automobiles") unless its own sentence names
   a country of its own or its own imposer is among them (the other side's concession
   before it: "X will abolish its tax on U.S. goods; the United States is to eliminate its
   tariffs on natural resources"), else the sentence's and then
   the story's (:func:`_story_target`, the last steps of the order in
   :mod:`tariffscope.news._measure_target`): none in a story about several partners alike;
   "all countries" gives ``WLD``, and so does a mention in an article that names no country
   but the imposer ("a 25% tariff on heavy trucks" in a story about US tariffs alone: the
   duty is on the trucks of every origin).
2. A mention without an imposer gets the United States when the article is about the United
   States (``about_us``: one of its two most-named countries, or a US person acts in it) and
   the target is another country, else the other most-named country: a story about India and
   the EU that names the US tariff in passing does not make the US the imposer of India's
   wine duties.
3. A rise without a from-rate ("tariffs could increase to 25%") starts from the rate of the
   mention before it on the same target; a cut without one ("products where the levy can be
   reduced to zero") from the higher rate of the mention before it on the same target in the
   same paragraph.
4. One record per target.
5. Mentions of one measure (same target and rate, compatible goods, no conflicting dates;
   not a rate and an addition to it told in one sentence, "a 25% tariff and an additional
   25% penalty") merge: the first mention stays, empty fields are filled from the others,
   and the status of a mention with a from-rate or a date wins over one without.
6. A rate told as an earlier stage of the story ("initially imposed", "later added") whose
   removal the article reports (the same imposer and rate, suspended on that target or, for
   a rate on all countries, on any) is recorded once, by the removal.
7. A mention of unspecified goods ("certain South Korean goods") merges into a mention of
   named goods with the same countries and rates, which says what the goods are.
8. A threat that a deal replaces (a threatened rate above an agreed one on the same goods,
   not starting from it) becomes the agreed measure's from-rate; a threatened or suspended
   rate equal to a deal's stated from-rate is kept only as that from-rate.
9. A deal's rate that a later change starts from ("would impose 15%", then "raise ... from
   15% to 25%") is kept only as that change's from-rate.
10. A rate told as an earlier stage of a measure ("was initially hit with 32%", "up from the
   original 10%": :func:`tariffscope.news.measure_context.earlier_stage`) is kept only as the
   from-rate of the later measure on the same pair (of its sentence if there is one, else the
   nearest; of the same imposer when its own clause named no target): the guidelines record a
   stated earlier rate as the from-rate, not as a measure.
11. A rate stated only as a bound ("tariffs of up to 50%", ``worth.bound_marker``) stands
   for a measure only where the story gives its pair no rate of its own ("Peru approved
   tariffs of up to 40% on Chinese steel"): beside a stated rate on the same imposer and
   target it is no measure (an earlier step may have made it that rate's from-rate: a threat
   "as high as 25%" that a deal at 15% replaces).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from tariffscope.news._measure_direction import Direction, StoryDirections, lends_imposer
from tariffscope.news._measure_reading import MeasureRecord
from tariffscope.news._measure_target import main_partner, main_partners
from tariffscope.news.lexicon import Lexicon, default_lexicon
from tariffscope.news.products import product_class, products_compatible

__all__ = ["STORY_STEPS", "MergedMeasure", "merge_measures"]

USA = "USA"

#: The steps of the target order that read a rate's target from its sentence or its story
#: (``MeasureRecord.target_step``; ``"direct"``: the rate's phrase or frame, ``"world_phrase"``: a
#: global marker on it, ``"paragraph"``: the rate before it in the paragraph, ``"changed_rate"``:
#: the earlier rate whose goods and rate a change names as its from-rate; ``"retaliation"``
#: and ``"direction"``: :mod:`tariffscope.news._measure_direction`).
STORY_STEPS = (
    "retaliation",
    "direction",
    "lone_story",
    "counted",
    "sentence_country",
    "sentence_nearest",
    "sentence_world",
    "sector_goods",
    "main_partner",
    "no_partner",
)


def _retaliation(
    record: MeasureRecord, about_us: bool, pair: Sequence[str], counts: Any
) -> MeasureRecord:
    """A retaliatory rate with no imposer of its own in a story about US tariffs is the
    partner's, on US goods (the side that was hit answers)."""
    if not (record.retaliation and about_us and record.imposer is None):
        return record
    if record.targets not in ((), (USA,)):
        return record
    partner = main_partner(counts, USA) if counts is not None else None
    others = [c for c in pair if c != USA]
    partner = partner or (others[0] if others else None)
    if partner is None:
        return record
    return replace(record, imposer=partner, targets=(USA,), target_step="retaliation")


def _directed_imposer(
    record: MeasureRecord,
    found: Direction | None,
    *,
    counts: Mapping[str, int] | None,
    home: str | None,
) -> MeasureRecord:
    """A rate with targets but no imposer of its own takes the imposer of the story's clause
    before it on the same pair (:func:`tariffscope.news._measure_direction.lends_imposer`)."""
    if record.imposer is not None or found is None or not record.targets:
        return record
    listed = str(record.rule or "").startswith("pair.")
    if lends_imposer(found, record.targets, counts=counts, home=home, listed=listed):
        return replace(record, imposer=found.imposer)
    return record


def _takes_direction(record: MeasureRecord, found: Direction | None) -> bool:
    """A rate whose sentence names no country takes the targets of the story's clause before
    it (:func:`tariffscope.news._measure_direction.direction_for`) over the story's main
    partner (a count, farther from the rate than that clause), and, where no partner stands
    out (a story of partners alike, ``no_partner``, or a US rate on named goods in one,
    ``sector_goods``), when that clause names both sides (who lays the tariff and on whose
    goods): a clause that names only an origin is one mention among partners named alike."""
    if found is None or not found.targets or record.places:
        return False
    step = record.target_step
    return step == "main_partner" or (
        step in {"no_partner", "sector_goods"} and found.imposer is not None
    )


def _filled(
    record: MeasureRecord,
    before: Sequence[MeasureRecord],
    pair: Sequence[str],
    about_us: bool,
    counts: Mapping[str, int] | None,
    story: StoryDirections,
) -> MeasureRecord:
    """One rate record with its targets, imposer and ``target_step`` (steps 1 and 2 of the
    module), after the records ``before`` it (completed)."""
    home = USA if about_us else None
    previous = before[-1] if before else None
    record = replace(record, target_step="direct" if record.targets else None)
    if record.world and not record.targets:
        record = replace(record, targets=("WLD",), target_step="world_phrase")
    if (
        not record.targets
        and previous is not None
        and previous.paragraph == record.paragraph
        and not _own_sentence_country(record, previous, about_us)
        # "X will abolish its tax on U.S. goods. The United States is to eliminate its
        # tariffs on natural resources": goods of the record's own imposer are not its targets
        and (record.imposer is None or record.imposer not in previous.targets)
    ):
        record = replace(
            record,
            targets=previous.targets,
            imposer=record.imposer or previous.imposer,
            target_step="paragraph",
        )
    if not record.targets:
        record = _targets_of_changed_rate(record, before)
    record = _retaliation(record, about_us, pair, counts)
    found = story.direction_for(record.start, record.paragraph) if record.imposer is None else None
    record = _directed_imposer(record, found, counts=counts, home=home)
    imposer = record.imposer
    if not record.targets and imposer is None and pair:
        imposer = USA if about_us else pair[0]
        record = replace(record, imposer=imposer)
    if not record.targets:
        step, targets = _story_target(record, pair, imposer, counts)
        record = replace(record, target_step=step, targets=tuple(targets))
        if found is not None and _takes_direction(record, found):
            imposer = found.imposer
            record = replace(
                record, target_step="direction", targets=tuple(found.targets), imposer=imposer
            )
    if imposer is None:
        if about_us and USA not in record.targets:
            return replace(record, imposer=USA)
        # never one of the targets: "goods from Japan and South Korea"
        others = [c for c in pair if c not in record.targets]
        return replace(record, imposer=others[0] if others else None)
    return record


def _fill_countries(
    raw: Sequence[MeasureRecord],
    pair: Sequence[str],
    about_us: bool,
    counts: Mapping[str, int] | None = None,
    story: StoryDirections | None = None,
) -> list[MeasureRecord]:
    story = story if story is not None else StoryDirections({}, None)
    out: list[MeasureRecord] = []
    for record in raw:
        out.append(_filled(record, out, pair, about_us, counts, story))
    return out


def _targets_of_changed_rate(
    record: MeasureRecord, before: Sequence[MeasureRecord]
) -> MeasureRecord:
    """'Imports of upholstered wooden products will be subject to a 25 percent tariff. ... The
    tariff on upholstered wooden products will increase from 25 to 30 percent': a change that
    names no country, whose from-rate and goods are those of an earlier rate (of the records
    ``before`` it), is a change of that rate, and its goods come from the same origins (by
    the same imposer)."""
    if record.from_rate is None or record.products == "all goods":
        return record
    for earlier in before:
        if earlier.start >= record.start:
            break
        if (
            earlier.targets
            and earlier.products == record.products
            and abs(earlier.to_rate - record.from_rate) < 1e-9
            and record.imposer in {None, earlier.imposer}
        ):
            return replace(
                record,
                targets=earlier.targets,
                imposer=earlier.imposer,
                target_step="changed_rate",
            )
    return record


def _own_sentence_country(record: MeasureRecord, previous: MeasureRecord, about_us: bool) -> bool:
    """The record's sentence names one country of its own (not the imposer, not the previous
    mention's; of several, the one nearest the rate) and differs from the previous mention's:
    the sentence step comes first. In the previous mention's own sentence, only a country
    that mention did not see counts."""
    imposer = record.imposer or previous.imposer or (USA if about_us else None)
    named = [c for c in record.places or () if c != imposer]
    own = named[0] if len(named) == 1 else record.nearest_place
    seen = previous.places
    if record.sent == previous.sent and (seen is None or own in seen):
        # the rates of one sentence share their owner, unless this rate's own country is
        # one the earlier rate could not see ("the cut to 19% puts it behind Singapore,
        # which enjoys a 10% rate": Singapore owns the 10%, see sentence_places)
        return False
    return own is not None and own in named and own not in previous.targets


def _story_target(
    record: MeasureRecord,
    pair: Sequence[str],
    imposer: str | None,
    counts: Mapping[str, int] | None,
) -> tuple[str, list[str]]:
    """The target of a rate whose phrase and frame name no owner, with the step that found it
    (one of :data:`STORY_STEPS`): the story's main partners for a sentence that counts them
    ("both countries"), else the one country its sentence names besides the imposer, else
    ``WLD`` for a sentence about a global tariff or a limit stated for tariffs in general,
    or for a US rate on named goods in a story of partners alike (``sector_goods``), else the
    story's main partner; none (no measure) in a story about several partners
    alike. Without ``counts``, the most named other country of ``pair``."""
    others = [c for c in pair if c != imposer]
    if not others:  # no origin named anywhere: the imports of every one
        return "lone_story", (["WLD"] if imposer is not None else [])
    if counts is None:
        return "main_partner", [others[0]]
    partners = main_partners(counts, imposer)
    if record.counted and len(partners) > 1:
        return "counted", partners
    named = [c for c in record.places or () if c != imposer]
    if len(named) == 1:
        return "sentence_country", named
    if len(named) > 1 and record.nearest_place in named:
        return "sentence_nearest", [str(record.nearest_place)]
    if not named and (record.sentence_world or record.capped):
        return "sentence_world", ["WLD"]
    partner = main_partner(counts, imposer)
    if (
        partner is None
        and imposer == USA
        and not named
        and product_class(record.products or "all goods")[0] == "specific"
    ):
        # "a baseline 100% tariff on patented pharmaceuticals" in a story of several partners
        # alike (those spared or capped): a US tariff on a kind of goods, no origin named,
        # is on the goods of every origin (Section 232's way), not on none
        return "sector_goods", ["WLD"]
    return ("main_partner", [partner]) if partner is not None else ("no_partner", [])


def _change_from(raw: Sequence[MeasureRecord]) -> list[MeasureRecord]:
    """Step 3 of the module: the from-rate of a rise or a cut told without one."""
    out = list(raw)
    for k, record in enumerate(raw):
        if record.from_rate is not None:
            continue
        if record.rise:
            for earlier in reversed(out[:k]):
                if set(earlier.targets) & set(record.targets) and (
                    earlier.to_rate < record.to_rate
                ):
                    out[k] = replace(
                        record,
                        from_rate=earlier.to_rate,
                        from_rule="merge.change_from_earlier",
                    )
                    break
        elif record.cut:
            for earlier in reversed(out[:k]):
                if earlier.paragraph != record.paragraph:
                    break
                if set(earlier.targets) & set(record.targets) and (
                    earlier.to_rate > record.to_rate
                ):
                    out[k] = replace(
                        record,
                        from_rate=earlier.to_rate,
                        from_rule="merge.change_from_earlier",
                    )
                    break
    return out


@dataclass(frozen=True)
class MergedMeasure:
    """One measure on one target, from the expansion of the completed rate records (step 4
    of the module) to the merge's output: the steps after the expansion return new records
    (:func:`dataclasses.replace`) instead of changing them. ``superseded``: recorded only as
    another measure's from-rate, or by its removal (steps 6 to 11)."""

    imposer: str
    target: str
    products: str
    from_rate: float | None
    to_rate: float
    effective_date: str | None
    status: str
    status_rule: str | None
    from_rule: str | None
    start: int
    end: int
    sent: int
    rule: str | None
    headline: bool = False
    bound: bool = False
    history: bool = False
    earlier: str | None = None
    target_step: str | None = None
    superseded: bool = False
    added: bool = False

    @classmethod
    def of(cls, record: MeasureRecord, imposer: str, target: str) -> MergedMeasure:
        """The measure of a completed rate record (:func:`_fill_countries`) laid by
        ``imposer`` (the record's) on ``target``."""
        return cls(
            imposer=imposer,
            target=target,
            products=record.products,
            from_rate=record.from_rate,
            to_rate=record.to_rate,
            effective_date=record.effective_date,
            status=record.status,
            status_rule=record.status_rule,
            from_rule=record.from_rule,
            start=record.start,
            end=record.end,
            sent=record.sent,
            rule=record.rule,
            headline=record.headline,
            bound=record.bound,
            history=record.history,
            earlier=record.earlier,
            target_step=record.target_step,
            added=record.added,
        )

    def as_dict(self) -> dict[str, object]:
        """The measure record of the component's output (``doc._.tariffscope_measures``)."""
        return {
            "imposer": self.imposer,
            "target": self.target,
            "products": self.products,
            "from_rate": self.from_rate,
            "to_rate": self.to_rate,
            "effective_date": self.effective_date,
            "status": self.status,
            "start": self.start,
            "end": self.end,
            # internal: the ids of the rules that produced the record, its status and its
            # from-rate (news/data/measure_rules.toml), for scores per rule
            "rule": self.rule,
            "status_rule": self.status_rule,
            "from_rule": self.from_rule,
        }


def _informative(record: MergedMeasure) -> int:
    return int(record.from_rate is not None) + int(record.effective_date is not None)


def _same(a: MergedMeasure, b: MergedMeasure, lex: Lexicon) -> bool:
    if a.target != b.target or abs(a.to_rate - b.to_rate) > 1e-9:
        return False
    if a.effective_date and b.effective_date and a.effective_date != b.effective_date:
        return False
    if a.from_rate is not None and b.from_rate is not None and (a.from_rate != b.from_rate):
        return False
    if a.sent == b.sent and a.added != b.added:
        return False  # "a 25% tariff and an additional 25% penalty": two measures, stacked
    return products_compatible(a.products, b.products, lex)


def _related(a: MergedMeasure, b: MergedMeasure) -> bool:
    """``b`` is another measure (``a is not b``: the lists hold each record once) of ``a``'s
    pair, not superseded."""
    return a is not b and not b.superseded and a.imposer == b.imposer and a.target == b.target


def _superseded(kept: list[MergedMeasure], n: int) -> None:
    """Mark the ``n``-th measure of ``kept`` superseded (a new record in its place)."""
    kept[n] = replace(kept[n], superseded=True)


def _history_of_removed(kept: Sequence[MergedMeasure]) -> list[MergedMeasure]:
    """'Trump initially imposed a 10% tariff on nearly all countries and later added a 40%
    penalty on Brazil' told as history, then 'removed a 40% tariff on ... Brazilian ...
    products': the measure is recorded once, by its removal."""
    out = list(kept)
    for n, measure in enumerate(kept):
        if not measure.history or measure.status != "in_force":
            continue
        if any(
            m is not measure
            and m.status == "suspended"
            and m.imposer == measure.imposer
            and measure.target in {m.target, "WLD"}
            and abs(m.to_rate - measure.to_rate) < 1e-9
            for m in kept
        ):
            _superseded(out, n)
    return out


def _unspecified_into_named(kept: Sequence[MergedMeasure], lex: Lexicon) -> list[MergedMeasure]:
    """'raise tariffs on certain South Korean goods from 15% to 25%' and 'increasing TARIFFS on
    Autos, Lumber, Pharma ... from 15% to 25%': the named goods say which goods are meant."""
    out = list(kept)
    for n in range(len(out)):
        measure = out[n]
        if product_class(measure.products, lex)[0] != "some":
            continue
        named = next(
            (
                k
                for k, m in enumerate(out)
                if _related(measure, m)
                and product_class(m.products, lex)[0] == "specific"
                and abs(m.to_rate - measure.to_rate) < 1e-9
                and m.from_rate == measure.from_rate
                and not (
                    m.effective_date
                    and measure.effective_date
                    and m.effective_date != measure.effective_date
                )
            ),
            None,
        )
        if named is not None:
            dated = out[named].effective_date or measure.effective_date
            out[named] = replace(out[named], effective_date=dated)
            _superseded(out, n)
    return out


def _deal_replaces_threat(kept: Sequence[MergedMeasure], lex: Lexicon) -> list[MergedMeasure]:
    """A threatened rate above an agreed one on the same goods is what the deal replaced
    (unless the threat starts from the deal's rate: then it came after the deal); a threatened
    or suspended rate that is the deal's stated from-rate ("20%, down from the 46% rate he had
    threatened", "the 46% rate had been suspended") is recorded only as that from-rate."""
    out = list(kept)
    for n in range(len(out)):
        measure = out[n]
        if measure.status != "agreed" or measure.from_rate is not None:
            continue
        threat = next(
            (
                k
                for k, m in enumerate(out)
                if _related(measure, m)
                and m.status == "threatened"
                and m.to_rate > measure.to_rate
                and m.from_rate != measure.to_rate
                and products_compatible(m.products, measure.products, lex)
            ),
            None,
        )
        if threat is not None:
            rate = out[threat].to_rate
            out[n] = replace(measure, from_rate=rate, from_rule="merge.deal_replaces_threat")
            _superseded(out, threat)
    for n in range(len(out)):  # "down from the 46% rate", "the 46% rate had been suspended"
        measure = out[n]
        if measure.status != "agreed" or measure.from_rate is None:
            continue
        for k in range(len(out)):
            m = out[k]
            if (
                _related(measure, m)
                and m.status in {"threatened", "suspended"}
                and m.from_rate is None
                and abs(m.to_rate - measure.from_rate) < 1e-9
                and products_compatible(m.products, measure.products, lex)
            ):
                _superseded(out, k)
    return out


def _deal_then_change(kept: Sequence[MergedMeasure], lex: Lexicon) -> list[MergedMeasure]:
    """A deal's rate that a later change starts from ('the agreement ... would impose 15%',
    then 'raise tariffs ... from 15% to 25%') is recorded as that change's from-rate."""
    out = list(kept)
    for n in range(len(out)):
        measure = out[n]
        if measure.status != "agreed" or measure.superseded:
            continue
        if any(
            _related(measure, m)
            and m.status not in {"agreed", "proposed"}
            and m.from_rate is not None
            and abs(m.from_rate - measure.to_rate) < 1e-9
            and products_compatible(m.products, measure.products, lex)
            for m in out
        ):
            _superseded(out, n)
    return out


#: The statuses of a measure that can follow an earlier stage of it (a proposal or a removal
#: does not replace the rate: a removal is read by :func:`_history_of_removed`).
_LATER_STATUSES = frozenset({"in_force", "threatened", "agreed"})


def _same_imposer(a: MergedMeasure, b: MergedMeasure) -> bool:
    return a is not b and not b.superseded and a.imposer == b.imposer


def _earlier_stage_as_from(kept: Sequence[MergedMeasure], lex: Lexicon) -> list[MergedMeasure]:
    """Step 10 of the module: an earlier stage becomes the later measure's from-rate. An
    earlier stage whose target is only the story's main partner (its clause names none) is
    a stage of the later measure of its imposer whatever that measure's target."""
    out = list(kept)
    for n in range(len(out)):
        measure = out[n]
        if not measure.earlier or measure.superseded:
            continue
        guessed = measure.target_step == "main_partner"
        later = [
            k
            for k, m in enumerate(out)
            if (_related(measure, m) or (guessed and _same_imposer(measure, m)))
            and not m.earlier
            and m.status in _LATER_STATUSES
            and abs(m.to_rate - measure.to_rate) > 1e-9
            and products_compatible(m.products, measure.products, lex)
        ]
        if not later:
            continue
        chosen = min(
            later,
            key=lambda k: (out[k].sent != measure.sent, abs(out[k].start - measure.start)),
        )
        if out[chosen].from_rate is None:
            out[chosen] = replace(
                out[chosen], from_rate=measure.to_rate, from_rule="merge.earlier_stage"
            )
        _superseded(out, n)
    return out


def _bounds_beside_rates(kept: Sequence[MergedMeasure]) -> list[MergedMeasure]:
    """Step 11 of the module: a bound on a pair that has a rate of its own is no measure."""
    out = list(kept)
    for n in range(len(out)):
        measure = out[n]
        if not measure.bound or measure.superseded:
            continue
        if any(
            m is not measure
            and not m.bound
            and not m.superseded
            and (m.imposer, m.target) == (measure.imposer, measure.target)
            for m in out
        ):
            _superseded(out, n)
    return out


def _joined(twin: MergedMeasure, record: MergedMeasure) -> MergedMeasure:
    """The measure ``twin`` with another mention of it, ``record``: the status of the more
    informative one (a from-rate, a date; the one outside a headline), no mere bound if it
    is stated as a rate, and the from-rate and date ``twin`` lacks."""
    if _informative(record) > _informative(twin) or (
        twin.headline and not record.headline and _informative(record) == _informative(twin)
    ):
        twin = replace(
            twin, status=record.status, status_rule=record.status_rule, headline=record.headline
        )
    if not record.bound:
        twin = replace(twin, bound=False)  # a rate also stated as a rate is no mere bound
    if twin.from_rate is None and record.from_rate is not None:
        twin = replace(twin, from_rate=record.from_rate, from_rule=record.from_rule)
    if twin.effective_date is None:
        twin = replace(twin, effective_date=record.effective_date)
    return twin


def merge_measures(
    raw: Sequence[MeasureRecord],
    pair: list[str],
    anchor: dt.date | None,
    *,
    about_us: bool | None = None,
    lex: Lexicon | None = None,
    counts: Mapping[str, int] | None = None,
    choose_targets: Callable[[MeasureRecord], Sequence[str] | None] | None = None,
    directions: Sequence[Direction] = (),
    paragraphs: Sequence[int] = (),
) -> list[dict[str, Any]]:
    """Complete, expand and merge raw mentions into measure records (see the module).

    ``pair``: the article's countries, most named first; ``about_us`` (default: the United
    States is one of the first two) whether a mention without an imposer is a US measure;
    ``lex`` the vocabulary that compares goods (default: the shipped lexicon);
    ``choose_targets`` a learned chooser that may replace the targets of step 1 (None: keep);
    ``directions`` the story's tariff clauses and ``paragraphs`` its paragraph offsets in order
    (:mod:`tariffscope.news._measure_direction`: none, the default, reads no direction).
    """
    lex = lex if lex is not None else default_lexicon()
    story = StoryDirections.of(directions, paragraphs)
    filled = _fill_countries(
        raw, pair, USA in pair[:2] if about_us is None else about_us, counts, story
    )
    if choose_targets is not None:
        for n, record in enumerate(filled):
            chosen = choose_targets(record)
            if chosen is not None:
                filled[n] = replace(record, targets=tuple(chosen))
    expanded = [
        MergedMeasure.of(record, record.imposer, target)
        for record in _change_from(filled)
        if record.imposer
        for target in record.targets
        if target != record.imposer
    ]
    kept: list[MergedMeasure] = []
    for measure in expanded:
        twin = next((n for n, m in enumerate(kept) if _same(m, measure, lex)), None)
        if twin is None:
            kept.append(measure)
        else:
            kept[twin] = _joined(kept[twin], measure)
    kept = _history_of_removed(kept)
    kept = _unspecified_into_named(kept, lex)
    kept = _deal_replaces_threat(kept, lex)
    kept = _deal_then_change(kept, lex)
    kept = _earlier_stage_as_from(kept, lex)
    kept = _bounds_beside_rates(kept)
    return [m.as_dict() for m in kept if not m.superseded]
