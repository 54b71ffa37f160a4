"""A campaign's ranking as the app's table shows it: every begun inspection, ranked or not,
with its change in rank since the campaign before it.

The ranking itself is `store.ranking` (complete inspections only, 约谈 marked); this adds
the unfinished ones (shown, never ranked) and the rank each township held in the
previous campaign of the same form, so the view, its spreadsheet and its printout read
one list. "Previous" is defined in docs/design-notes.md ("The ranking in the app"):
the latest campaign of the same form id (any version) that starts before this one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector.core.ranking import Entry, Ranked
from inspector.store.campaign_setup import covers_sql
from inspector.store.catalog import find_campaign, form_for_campaign
from inspector.store.ranking import campaign_standing

UNRANKED = "未完成，不排名"


@dataclass(frozen=True)
class RankingRow:
    """One township of the table; `rank` is None for an inspection not yet complete."""

    township_id: str
    township: str
    county: str
    score: float
    stars: int
    answered: int
    items: int
    rank: int | None = None
    county_rank: int | None = None
    interview: bool = False
    interview_reason: str = ""
    previous_rank: int | None = None  # its overall rank in the previous campaign

    @property
    def change(self) -> int | None:
        """Places gained since the previous campaign (negative: lost); None when either
        campaign did not rank it."""
        if self.rank is None or self.previous_rank is None:
            return None
        return self.previous_rank - self.rank


@dataclass(frozen=True)
class RankingTable:
    campaign: dict[str, Any]
    previous: dict[str, Any] | None  # the campaign the changes are counted from
    max_stars: int
    rows: list[RankingRow]  # ranked first, best first, then the unfinished by county
    counties: list[tuple[str, str]]  # (id, name) of every county of the rows, in code order

    def of_county(self, county: str | None) -> list[RankingRow]:
        """The rows of one county (all of them for None)."""
        if not county:
            return list(self.rows)
        return [r for r in self.rows if r.county == county]


def previous_same_form(db: Database, campaign: dict[str, Any]) -> dict[str, Any] | None:
    """The latest campaign of the same form id (any version) starting before `campaign`
    (start date, else 1 January of its year; the name breaks a tie) that fills in the
    checklist: a follow-up round that only checks problems (回头看) ranks nobody."""
    found = list(
        db.query(
            """SELECT c.* FROM campaigns c
               JOIN forms f ON f.id = c.form_id
               WHERE c.deleted = 0 AND c.id != :id AND c.checklist = 1
                 AND f.form_id = (SELECT form_id FROM forms WHERE id = :form)
                 AND (COALESCE(c.starts_on, c.year || '-01-01'), c.name)
                     < (COALESCE(:starts, :year || '-01-01'), :name)
               ORDER BY COALESCE(c.starts_on, c.year || '-01-01') DESC, c.name DESC
               LIMIT 1""",
            {
                "id": campaign["id"],
                "form": campaign["form_id"],
                "starts": campaign["starts_on"],
                "year": campaign["year"],
                "name": campaign["name"],
            },
        )
    )
    return found[0] if found else None


def overall_ranks(db: Database, campaign_id: str) -> dict[str, int]:
    """township id → overall rank in the campaign, as `campaign_ranking` ranks (complete
    inspections only, equal scores sharing a rank), counted in SQL: the previous
    campaign's ranks are all the table needs of it."""
    return dict(
        db.execute(
            f"""SELECT i.township_id, RANK() OVER (ORDER BY s.score DESC)
               FROM inspections i JOIN scores s ON s.inspection_id = i.id
               JOIN campaigns k ON k.id = i.campaign_id
               WHERE i.campaign_id = ? AND i.deleted = 0 AND s.answered > 0
                 AND s.answered >= s.items AND {covers_sql("k.townships", "i.township_id")}""",
            [campaign_id],
        ).fetchall()
    )


def _ranked_row(r: Ranked, before: dict[str, int]) -> RankingRow:
    e = r.entry
    return RankingRow(
        e.township_id,
        e.township,
        e.county,
        e.score,
        e.stars,
        e.answered,
        e.items,
        r.rank,
        r.county_rank,
        r.interview,
        r.interview_reason,
        before.get(e.township_id),
    )


def _unranked_row(e: Entry) -> RankingRow:
    return RankingRow(e.township_id, e.township, e.county, e.score, e.stars, e.answered, e.items)


def ranking_table(db: Database, campaign_id: str) -> RankingTable:
    """The campaign's table: two reads of the score cache (this campaign and the previous)."""
    campaign = find_campaign(db, campaign_id)
    form = form_for_campaign(db, campaign["id"])
    ranked, unfinished = campaign_standing(db, campaign["id"])
    previous = previous_same_form(db, campaign)
    before = overall_ranks(db, previous["id"]) if previous is not None else {}
    rows = [_ranked_row(r, before) for r in ranked] + [_unranked_row(e) for e in unfinished]
    present = {r.county for r in rows}
    order = [
        (cid, name)
        for cid, name in db.execute(
            "SELECT id, name FROM counties WHERE deleted = 0 ORDER BY code, name"
        ).fetchall()
        if name in present
    ]
    return RankingTable(campaign, previous, form.rating.max_stars, rows, order)


__all__ = [
    "UNRANKED",
    "RankingRow",
    "RankingTable",
    "overall_ranks",
    "previous_same_form",
    "ranking_table",
]
