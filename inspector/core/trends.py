"""Trends across campaigns: the rules, free of SQL (the store reads, this decides).

A trend puts campaigns in one order (`campaign_order`: year, then start date,
then name), compares a township's rank with the last campaign that ranked
it (`rank_changes`), finds the items it failed in consecutive rounds
(屡查屡犯, `repeated_failures`), and sums an area's figures per campaign
(`AreaRound`). Every figure is derived from the ranking, the score cache and
the problems; nothing here is stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from inspector.core.form_model import Item
from inspector.core.scoring import Answer, Verdict, number_miss


def campaign_order(campaign: Mapping[str, Any]) -> tuple[int, str, str, str]:
    """The order trends list campaigns in: year, then start date (none first), then name.

    The year first: a campaign's year is always set, its start date may be
    missing (an old bundle, a campaign made by hand); the id last only to
    make the order total.
    """
    return (
        int(campaign["year"] or 0),
        campaign.get("starts_on") or "",
        campaign.get("name") or "",
        campaign.get("id") or "",
    )


def rank_changes(ranks: Sequence[int | None]) -> list[int | None]:
    """Places gained since the previous ranked round, for each round (oldest first).

    Positive is 进位 (a better, smaller rank), negative 退位, 0 the same; None
    for a round that is not ranked (incomplete) and for the first ranked one.
    An unranked round in between is skipped: the comparison is with the last
    campaign that ranked the township.
    """
    changes: list[int | None] = []
    before: int | None = None
    for rank in ranks:
        if rank is None:
            changes.append(None)
            continue
        changes.append(None if before is None else before - rank)
        before = rank
    return changes


def change_text(change: int | None, ranked: bool = True) -> str:
    """进位3 / 退位2 / 持平, 首次 for the first ranked round, — for an unranked one."""
    if not ranked:
        return "—"
    if change is None:
        return "首次"
    if change == 0:
        return "持平"
    return f"进位{change}" if change > 0 else f"退位{-change}"


def item_failed(item: Item, answer: Answer) -> bool:
    """不符合, or a count on the wrong side of its target: what 屡查屡犯 counts as failed.

    Unanswered, 不适用 and text items never fail.
    """
    if item.kind == "number":
        return answer.number is not None and number_miss(item, answer.number) > 0
    if item.kind == "verdict":
        return answer.verdict == Verdict.FAIL
    return False


@dataclass(frozen=True)
class RepeatedFailure:
    """An item failed in two or more consecutive rounds of one township (屡查屡犯)."""

    item_id: str
    text: str
    campaigns: tuple[str, ...]  # the run's campaign names, oldest first
    ongoing: bool  # the run reaches the township's latest round

    @property
    def rounds(self) -> int:
        return len(self.campaigns)


def repeated_failures(
    rounds: Sequence[tuple[str, Iterable[str]]], texts: Mapping[str, str]
) -> list[RepeatedFailure]:
    """Every run of two or more consecutive rounds failing the same item id.

    `rounds`: per round of the township, oldest first, its campaign name and the
    ids of the items it failed. Items are compared by id, so a run goes on
    across form versions; a round where the item passed, was not answered or
    is not on the form ends the run. Longest runs first, then by item id.
    """
    found: list[RepeatedFailure] = []
    running: dict[str, list[str]] = {}
    last = len(rounds) - 1
    for n, (campaign, failed) in enumerate(rounds):
        failed_now = set(failed)
        for item_id in list(running):
            if item_id not in failed_now:
                run = running.pop(item_id)
                if len(run) >= 2:
                    found.append(
                        RepeatedFailure(item_id, texts.get(item_id, ""), tuple(run), False)
                    )
        for item_id in failed_now:
            running.setdefault(item_id, []).append(campaign)
        if n == last:
            for item_id, run in running.items():
                if len(run) >= 2:
                    found.append(RepeatedFailure(item_id, texts.get(item_id, ""), tuple(run), True))
    return sorted(found, key=lambda f: (-f.rounds, not f.ongoing, f.item_id, f.campaigns))


def repeated_in_round(failures: Sequence[RepeatedFailure], campaign: str) -> list[str]:
    """The items a round failed again (a run reaching that campaign past its first round)."""
    return sorted({f.item_id for f in failures if campaign in f.campaigns[1:]})


@dataclass(frozen=True)
class Round:
    """One campaign of a township's trend."""

    campaign_id: str
    campaign: str
    year: int
    score: float
    stars: int
    max_stars: int
    complete: bool  # an incomplete inspection shows its provisional score, never a rank
    rank: int | None
    county_rank: int | None
    ranked: int  # townships the campaign ranked
    county_ranked: int  # townships of its county the campaign ranked
    interview: bool
    interview_reason: str
    problems: int
    change: int | None = None  # places gained (rank_changes)

    @property
    def change_text(self) -> str:
        return change_text(self.change, self.rank is not None)


@dataclass(frozen=True)
class TownshipTrend:
    township_id: str
    township: str
    county: str
    rounds: tuple[Round, ...]
    repeated: tuple[RepeatedFailure, ...] = ()
    thresholds: tuple[float, ...] = ()  # the star thresholds of the newest round's form


@dataclass(frozen=True)
class AreaRound:
    """One campaign of a county's or the whole area's trend.

    `ranked` and the averages count complete inspections only, like the ranking;
    `interviews` are the area's townships on the campaign's 约谈 list.
    `rectified` counts problems rectified (awaiting verification) or closed.
    """

    campaign_id: str
    campaign: str
    year: int
    ranked: int
    incomplete: int
    average: float | None
    stars: tuple[int, ...]  # townships with max_stars, max_stars - 1, … 1 star
    interviews: int
    problems: int
    rectified: int
    change: float | None = None  # average minus the previous round's average

    @property
    def max_stars(self) -> int:
        return len(self.stars)

    @property
    def rate(self) -> float | None:
        """Rectification rate in percent (None without problems)."""
        return round(100 * self.rectified / self.problems, 1) if self.problems else None


@dataclass(frozen=True)
class AreaTrend:
    name: str  # the county's name, or "" for the whole
    county_id: str | None
    rounds: tuple[AreaRound, ...] = field(default=())


def star_counts(stars: Iterable[int], max_stars: int) -> tuple[int, ...]:
    """How many townships have each star level, best first."""
    counts = [0] * max_stars
    for s in stars:
        if 1 <= s <= max_stars:
            counts[max_stars - s] += 1
    return tuple(counts)


def average_changes(averages: Sequence[float | None]) -> list[float | None]:
    """Each average minus the last one before it (None first, and where there is none)."""
    changes: list[float | None] = []
    before: float | None = None
    for value in averages:
        if value is None:
            changes.append(None)
            continue
        changes.append(None if before is None else value - before)
        before = value
    return changes
