"""Conflicts a merge kept: listing them, and resolving one by picking a version.

A conflict is a row edited on two devices at once. The merge already made
the newer edit current and kept the other version whole here. Resolving
writes the version the user picks as a new edit (a newer `updated_at`,
`base_version` the current one), so it supersedes both on every laptop it
travels to, and marks the conflict resolved.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector.messages import Message
from inspector.store import settings
from inspector.store.db import StoreError
from inspector.store.inspections import refresh_scores
from inspector.store.rows import Rows, audit
from inspector.store.schema import SYNC_COLUMNS

WINNER = "winner"
CLOSED = "closed"
LOSER = "loser"
# The column that names a row for a person, per table.
_LABEL_COLUMNS = ("doc_number", "text", "name", "item_id", "filename", "title", "id")


class ConflictError(StoreError):
    """A conflict that does not exist or was already resolved."""


@dataclass(frozen=True)
class Conflict:
    id: int
    table_name: str
    row_id: str
    winner_version: str
    loser_version: str
    winner: dict[str, Any]
    loser: dict[str, Any]
    detected_at: str
    bundle_id: str | None
    resolved_at: str | None
    resolution: str | None

    @property
    def fields(self) -> list[str]:
        """Every column of the row, data first, the sync columns last."""
        names = sorted(set(self.winner) | set(self.loser))
        return [n for n in names if n not in SYNC_COLUMNS] + [n for n in SYNC_COLUMNS if n in names]

    @property
    def differences(self) -> list[str]:
        """Columns whose values differ, apart from the clock columns."""
        return [
            n
            for n in self.fields
            if n not in ("updated_at", "base_version") and self.winner.get(n) != self.loser.get(n)
        ]


def _conflict(row: dict[str, Any]) -> Conflict:
    return Conflict(
        id=row["id"],
        table_name=row["table_name"],
        row_id=row["row_id"],
        winner_version=row["winner_version"],
        loser_version=row["loser_version"],
        winner=json.loads(row["winner"]),
        loser=json.loads(row["loser"]),
        detected_at=row["detected_at"],
        bundle_id=row["bundle_id"],
        resolved_at=row["resolved_at"],
        resolution=row["resolution"],
    )


def list_conflicts(db: Database, unresolved_only: bool = True) -> list[Conflict]:
    where = "WHERE resolved_at IS NULL" if unresolved_only else ""
    return [_conflict(r) for r in db.query(f"SELECT * FROM conflicts {where} ORDER BY id")]


def count_unresolved(db: Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM conflicts WHERE resolved_at IS NULL").fetchone()[0])


def get_conflict(db: Database, conflict_id: int) -> Conflict:
    found = list(db.query("SELECT * FROM conflicts WHERE id = ?", [conflict_id]))
    if not found:
        raise ConflictError(f"no conflict {conflict_id}")
    return _conflict(found[0])


def resolve(rows: Rows, conflict_id: int, keep: str) -> dict[str, Any]:
    """Make the `keep` version (winner or loser) current as a new edit; mark the conflict resolved."""
    if keep not in (WINNER, LOSER):
        raise ValueError(f"keep must be {WINNER!r} or {LOSER!r}")
    db = rows.db
    with db.atomic():
        conflict = get_conflict(db, conflict_id)
        if conflict.resolved_at:
            raise ConflictError(
                f"conflict {conflict_id} was already resolved ({conflict.resolution})"
            )
        chosen = conflict.winner if keep == WINNER else conflict.loser
        current = rows.get(conflict.table_name, conflict.row_id)
        if conflict.table_name == "problems" and current["status"] == CLOSED:
            # A closed version beats every other one on every device (store.merge): a new
            # edit could not reopen it anywhere else, and keeping it needs no new edit.
            if chosen.get("status") != CLOSED:
                raise ConflictError(
                    Message(
                        "problem {id} is closed (销号); the version that "
                        "is not closed cannot be kept",
                        id=conflict.row_id,
                    )
                )
            _mark_resolved(db, conflict_id, f"kept the closed version {current['updated_at']}")
            return current
        if conflict.table_name == "notices" and current.get("voided_on"):
            # Voiding is final the same way (store.merge).
            if not chosen.get("voided_on"):
                raise ConflictError(
                    Message(
                        "notice {id} is voided (作废); the version that is not voided "
                        "cannot be kept",
                        id=conflict.row_id,
                    )
                )
            _mark_resolved(db, conflict_id, f"kept the voided version {current['updated_at']}")
            return current
        stamp = rows.clock.tick()
        changes = {k: chosen[k] for k in current if k in chosen and k not in SYNC_COLUMNS[:3]}
        changes.update(updated_at=stamp, base_version=current["updated_at"])
        db.table(conflict.table_name).update(conflict.row_id, changes)
        audit(
            db,
            stamp,
            rows.who,
            conflict.table_name,
            conflict.row_id,
            "resolve",
            {k: current.get(k) for k in changes},
            changes,
        )
        _mark_resolved(db, conflict_id, f"kept {keep} as {stamp}")
        inspection = (
            conflict.row_id
            if conflict.table_name == "inspections"
            else chosen.get("inspection_id")
            if conflict.table_name == "answers"
            else None
        )
        if inspection:
            refresh_scores(db, [inspection])
    return rows.get(conflict.table_name, conflict.row_id)


def _mark_resolved(db: Database, conflict_id: int, resolution: str) -> None:
    db.execute(
        "UPDATE conflicts SET resolved_at = ?, resolution = ? WHERE id = ?",
        [dt.datetime.now().isoformat(timespec="seconds"), resolution, conflict_id],
    )


def describe_row(table: str, row: dict[str, Any]) -> str:
    """A short name for a row in a list: a notice's number, a problem's text, a name."""
    for column in _LABEL_COLUMNS:
        value = row.get(column)
        if value:
            text = str(value).replace("\n", " ")
            return text if len(text) <= 40 else text[:39] + "…"
    return table


def version_time(version: str) -> str:
    """The local time an HLC version was made, to the minute."""
    ms = int(version.split("-", 1)[0])
    return dt.datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d %H:%M")


def device_label(db: Database, device: str) -> str:
    """This laptop's name, or the name another device gave in the bundles it sent."""
    if device == settings.device_id(db):
        return settings.device_name(db)
    row = db.execute(
        "SELECT device_name FROM import_log WHERE device_id = ? ORDER BY id DESC LIMIT 1", [device]
    ).fetchone()
    return row[0] if row and row[0] else device


def version_label(db: Database, version: str) -> str:
    return f"{device_label(db, version.split('-', 2)[2])} {version_time(version)}"


# The columns that hold another row's id, and how to name that row.
_REFERENCES = {
    "county_id": "SELECT name FROM counties WHERE id = ?",
    "township_id": "SELECT name FROM townships WHERE id = ?",
    "campaign_id": "SELECT name FROM campaigns WHERE id = ?",
    "inspection_id": (
        "SELECT t.name || ' · ' || c.name FROM inspections i "
        "JOIN townships t ON t.id = i.township_id "
        "JOIN campaigns c ON c.id = i.campaign_id WHERE i.id = ?"
    ),
    "notice_id": "SELECT doc_number FROM notices WHERE id = ?",
}


def referenced_name(db: Database, column: str, value: Any) -> str | None:
    """The name of the row an id column points at (None: not such a column, or not known):
    a conflict shows 东极镇, not a UUID."""
    sql = _REFERENCES.get(column)
    if sql is None or not value:
        return None
    found = db.execute(sql, [value]).fetchone()
    return str(found[0]) if found and found[0] else None


def row_context(db: Database, table: str, row: dict[str, Any]) -> str:
    """Where a conflicting row belongs, in words: township and campaign, and for an answer
    or a problem the item's text, so that "评分记录: P05" names what was answered."""
    parts: list[str] = []
    inspection = (
        row.get("inspection_id")
        if table in ("answers", "problems")
        else row.get("id")
        if table == "inspections"
        else None
    )
    where = referenced_name(db, "inspection_id", inspection) if inspection else None
    if where:
        parts.append(where)
    else:
        for column in ("township_id", "campaign_id"):
            name = referenced_name(db, column, row.get(column))
            if name:
                parts.append(name)
    item = row.get("item_id")
    if item:
        text = _item_text(db, inspection or None, row.get("campaign_id"), str(item))
        parts.append(f"{item} {text}" if text else str(item))
    return " · ".join(parts)


def _item_text(db: Database, inspection: str | None, campaign: str | None, item_id: str) -> str:
    from inspector.store.catalog import form_for_campaign

    if inspection:
        found = db.execute(
            "SELECT campaign_id FROM inspections WHERE id = ?", [inspection]
        ).fetchone()
        campaign = found[0] if found else campaign
    if not campaign:
        return ""
    try:
        return form_for_campaign(db, campaign).item(item_id).text
    except (KeyError, LookupError):
        return ""
