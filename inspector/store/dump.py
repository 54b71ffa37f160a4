"""Canonical dump of every synced row, and the database integrity check.

The dump is byte-for-byte comparable between databases: sorted keys, rows
sorted by id, every synced table, nothing local.
"""

from __future__ import annotations

import json
from typing import Any

from sqlite_utils import Database

from inspector.store.attachments import has_blob
from inspector.store.inspections import compute_score
from inspector.store.schema import SYNCED_TABLES


def dump_data(db: Database) -> dict[str, list[dict[str, Any]]]:
    return {t: list(db.query(f"SELECT * FROM [{t}] ORDER BY id")) for t in SYNCED_TABLES}


def dump_json(db: Database) -> str:
    return json.dumps(dump_data(db), ensure_ascii=False, sort_keys=True, indent=1) + "\n"


def check(db: Database) -> list[str]:
    """Problems found, worded for a clerk; an empty list means the database is sound."""
    issues: list[str] = []
    result = db.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        issues.append(f"SQLite integrity check: {result}")
    for table, rowid, parent, _ in db.execute("PRAGMA foreign_key_check").fetchall():
        issues.append(f"{table} row {rowid} points to a missing {parent} row")
    for table in SYNCED_TABLES:
        bad = db.execute(
            f"SELECT COUNT(*) FROM [{table}] WHERE updated_at NOT GLOB "
            "'[0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]-*-*'"
        ).fetchone()[0]
        if bad:
            issues.append(f"{table}: {bad} row(s) with a malformed updated_at")
    for row in db.query("SELECT id, sha256 FROM attachments WHERE deleted = 0"):
        if not has_blob(db, row["sha256"]):
            issues.append(f"attachment {row['id']}: file {row['sha256']} is missing")
    stale = 0
    cached = {r["inspection_id"]: r for r in db.query("SELECT * FROM scores")}
    for row in db.query("SELECT id FROM inspections WHERE deleted = 0"):
        got = cached.get(row["id"])
        want = compute_score(db, row["id"])
        if got is None or abs(got["score"] - want.score) > 1e-9 or got["stars"] != want.stars:
            stale += 1
    if stale:
        issues.append(
            f"{stale} inspection score(s) out of step with their answers "
            "(run 'inspector check --repair')"
        )
    return issues
