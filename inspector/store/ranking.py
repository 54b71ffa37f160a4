"""A campaign's ranking, read from the score cache and ranked by the core rules."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlite_utils import Database

from inspector.core.ranking import Entry, Ranked, incomplete, rank
from inspector.store.campaign_setup import covers_sql
from inspector.store.catalog import find_campaign, form_for_campaign


def campaign_ranking(db: Database, campaign_id: str) -> list[Ranked]:
    """Every township of the campaign whose inspection is complete, ranked; 约谈 marked
    with its reason. The incomplete ones are `campaign_incomplete`'s."""
    campaign = find_campaign(db, campaign_id)
    form = form_for_campaign(db, campaign["id"])
    return rank(
        campaign_entries(db, campaign["id"]),
        campaign["interview_bottom"],
        form.rating.lowest_threshold,
    )


def campaign_standing(db: Database, campaign_id: str) -> tuple[list[Ranked], list[Entry]]:
    """`campaign_ranking` and `campaign_incomplete` from one read of the inspections (a
    report that shows both would otherwise read a province's scores twice)."""
    campaign = find_campaign(db, campaign_id)
    return standing_of(db, campaign, campaign_entries(db, campaign["id"]))


def standing_of(
    db: Database, campaign: dict[str, Any], entries: Sequence[Entry]
) -> tuple[list[Ranked], list[Entry]]:
    """The campaign's (a row) ranking and incomplete inspections from entries already
    read: a kept ranking with one entry changed is ranked again without re-reading the
    other 1,399."""
    form = form_for_campaign(db, campaign["id"])
    ranked = rank(entries, campaign["interview_bottom"], form.rating.lowest_threshold)
    return ranked, incomplete(entries)


def campaign_incomplete(db: Database, campaign_id: str) -> list[Entry]:
    """The campaign's inspections begun but with scored items unanswered (not ranked)."""
    return incomplete(campaign_entries(db, find_campaign(db, campaign_id)["id"]))


def campaign_entries(db: Database, campaign_id: str) -> list[Entry]:
    """Every begun inspection of the campaign (by its id) with its cached score.

    Only the townships the campaign covers (`store.campaign_setup`). Plain tuples and
    the veto test in SQL (the cache writes an empty list as '[]'): a
    province's 1,400 rows are read at every switch of the ranking tab's campaign."""
    return [entry for _, _, entry in _entries(db, "i.campaign_id = ?", [campaign_id])]


def every_campaigns_entries(db: Database) -> dict[str, list[Entry]]:
    """`campaign_entries` of every campaign, by campaign id, in one read: a trend of the
    whole needs forty campaigns' 1,400 rows each, and forty queries joining the names
    row by row cost half as much again. The names come from the catalogue read once
    (deleted townships and counties too, as the join); the rows in each campaign's
    order, as `campaign_entries` reads them (its index: by township id)."""
    names = {
        tid: (township, county)
        for tid, township, county in db.execute(
            "SELECT t.id, t.name, c.name FROM townships t JOIN counties c ON c.id = t.county_id"
        ).fetchall()
    }
    found: dict[str, list[Entry]] = {}
    for cid, tid, score, stars, veto, answered, items in db.execute(
        f"""SELECT i.campaign_id, i.township_id, s.score, s.stars,
                  COALESCE(s.veto_failed, '[]') NOT IN ('[]', ''), s.answered, s.items
           FROM inspections i INDEXED BY idx_inspections_campaign
           JOIN scores s ON s.inspection_id = i.id
           JOIN campaigns k ON k.id = i.campaign_id
           WHERE i.deleted = 0 AND s.answered > 0
             AND {covers_sql("k.townships", "i.township_id")}
           ORDER BY i.campaign_id, i.township_id""",
    ).fetchall():
        name = names.get(tid)
        if name is None:
            continue
        found.setdefault(cid, []).append(
            Entry(tid, name[0], name[1], score, stars, bool(veto), answered, items)
        )
    return found


def inspection_entries(
    db: Database, inspection_ids: Iterable[str]
) -> list[tuple[str, str, Entry | None]]:
    """(campaign id, township id, entry) of each given inspection that exists; the entry
    None when the ranking would not read it (deleted, not begun, a township the campaign
    does not cover). What a ranking kept in memory needs after a few inspections changed."""
    ids = list(dict.fromkeys(inspection_ids))
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    entries = {iid: entry for iid, _, entry in _entries(db, f"i.id IN ({marks})", ids)}
    return [
        (campaign_id, township_id, entries.get(iid))
        for iid, campaign_id, township_id in db.execute(
            f"SELECT id, campaign_id, township_id FROM inspections WHERE id IN ({marks})", ids
        ).fetchall()
    ]


def _entries(db: Database, where: str, params: list[Any]) -> list[tuple[str, str, Entry]]:
    """(inspection id, campaign id, entry) of the begun inspections matching `where`."""
    return [
        (iid, cid, Entry(tid, township, county, score, stars, bool(veto), answered, items))
        for iid, cid, tid, township, county, score, stars, veto, answered, items in db.execute(
            f"""SELECT i.id, i.campaign_id, i.township_id, t.name, c.name, s.score, s.stars,
                      COALESCE(s.veto_failed, '[]') NOT IN ('[]', ''), s.answered, s.items
               FROM inspections i
               JOIN scores s ON s.inspection_id = i.id
               JOIN townships t ON t.id = i.township_id
               JOIN counties c ON c.id = t.county_id
               JOIN campaigns k ON k.id = i.campaign_id
               WHERE {where} AND i.deleted = 0 AND s.answered > 0
                 AND {covers_sql("k.townships", "i.township_id")}""",
            params,
        ).fetchall()
    ]
