"""Ranking townships within a campaign, and the 约谈 (admonishment) list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """One inspected township's result, as the ranking needs it."""

    township_id: str
    township: str
    county: str
    score: float
    stars: int
    veto_failed: bool = False
    answered: int = 0
    items: int = 0

    @property
    def complete(self) -> bool:
        """Every scored item answered: only then is the score the township's result (one
        answered item out of 39 can score 100.0)."""
        return self.answered >= self.items


@dataclass(frozen=True)
class Ranked:
    entry: Entry
    rank: int  # overall, 1 is best; equal scores share a rank
    county_rank: int
    interview: bool = False
    interview_reason: str = ""


def competition_ranks(scores: Sequence[float]) -> list[int]:
    """Standard competition ranking ("1224") of scores already sorted best first."""
    ranks: list[int] = []
    for i, score in enumerate(scores):
        if i and score == scores[i - 1]:
            ranks.append(ranks[-1])
        else:
            ranks.append(i + 1)
    return ranks


def _order(entries: Sequence[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (-e.score, e.county, e.township))


def incomplete(entries: Sequence[Entry]) -> list[Entry]:
    """The inspections `rank` leaves out (not every scored item answered), by county and
    township: lists show them apart, with how far they got, never with a rank."""
    return sorted((e for e in entries if not e.complete), key=lambda e: (e.county, e.township))


def rank(
    entries: Sequence[Entry], bottom_n: int = 3, lowest_threshold: float = 60.0
) -> list[Ranked]:
    """Rank overall and within each county, and mark the 约谈 list.

    The 约谈 list holds the bottom `bottom_n` ranks of the campaign (ties at
    the cut included, since they share the rank) and every township scoring
    below the lowest star threshold or failing a veto item. "Bottom N" means
    something only when more than N townships are ranked.

    Only complete inspections are ranked (see `incomplete` for the others): a
    provisional score would take a rank, push a finished township into the
    约谈 list, or be sent to 约谈 itself on a half-filled checklist.
    """
    ordered = _order([e for e in entries if e.complete])
    overall = competition_ranks([e.score for e in ordered])
    county_ranks: dict[str, int] = {}
    by_county: dict[str, list[Entry]] = {}
    for e in ordered:
        by_county.setdefault(e.county, []).append(e)
    for county_entries in by_county.values():
        for e, r in zip(
            county_entries, competition_ranks([x.score for x in county_entries]), strict=True
        ):
            county_ranks[e.township_id] = r
    n = len(ordered)
    cut = overall[n - bottom_n] if 0 < bottom_n < n else n + 1
    result = []
    for e, r in zip(ordered, overall, strict=True):
        reasons = []
        if bottom_n > 0 and r >= cut:
            reasons.append(f"排名后{bottom_n}位（第{r}名）")
        if e.score < lowest_threshold:
            reasons.append(f"得分{e.score:.1f}分，低于{lowest_threshold:g}分")
        if e.veto_failed:
            reasons.append("一票否决事项不符合")
        result.append(Ranked(e, r, county_ranks[e.township_id], bool(reasons), "；".join(reasons)))
    return result
