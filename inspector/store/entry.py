"""Queries behind the checklist and the township page, each one round trip.

The checklist shows 40-odd items with their photos and any problem already
recorded from them; asking per item would be 80 queries per township, so
these fetch everything for one inspection at once.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database


def cached_score(db: Database, inspection_id: str) -> dict[str, Any] | None:
    """The local score cache row, with `sections` and `veto_failed` decoded."""
    row = db.execute(
        "SELECT score, stars, earned, applicable, answered, items, veto_failed, sections "
        "FROM scores WHERE inspection_id = ?",
        [inspection_id],
    ).fetchone()
    if row is None:
        return None
    keys = (
        "score",
        "stars",
        "earned",
        "applicable",
        "answered",
        "items",
        "veto_failed",
        "sections",
    )
    result = dict(zip(keys, row, strict=True))
    result["veto_failed"] = json.loads(result["veto_failed"] or "[]")
    result["sections"] = json.loads(result["sections"] or "[]")
    return result


def photos_by_item(db: Database, inspection_id: str) -> dict[str, list[dict[str, Any]]]:
    """The attachments of each answered item of an inspection, in the order they came to
    this database (an edited caption moves no photo)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for row in db.query(
        "SELECT a.item_id, f.* FROM attachments f JOIN answers a ON a.id = f.owner_id "
        "WHERE f.owner_table = 'answers' AND f.deleted = 0 AND a.inspection_id = ? "
        "ORDER BY f.rowid",
        [inspection_id],
    ):
        found.setdefault(row.pop("item_id"), []).append(row)
    return found


def problems_by_item(db: Database, inspection_id: str) -> dict[str, int]:
    """How many live problems were recorded from each item of an inspection."""
    return {
        item: n
        for item, n in db.execute(
            "SELECT item_id, COUNT(*) FROM problems WHERE inspection_id = ? AND deleted = 0 "
            "AND item_id IS NOT NULL GROUP BY item_id",
            [inspection_id],
        ).fetchall()
    }


def responsible_unit(db: Database, township_id: str) -> str:
    """The township's party committee: 街道 answer to a 党工委, 镇 and 乡 to a 党委."""
    from inspector.store.notices import addressee_for

    row = db.execute("SELECT name, kind FROM townships WHERE id = ?", [township_id]).fetchone()
    return addressee_for(row[0], row[1]) if row else ""
