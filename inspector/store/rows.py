"""Writing synced rows: stamping the sync columns and auditing every change.

Every edit of a synced table goes through `Rows`, so the clock, the
`base_version` rule, the audit log and the column domains (`store.domains`,
the same an imported bundle is held to) cannot be forgotten by a caller.
Callers wrap multi-step work in `db.atomic()`; each method is atomic too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from inspector.core.ids import random_id
from inspector.store import settings
from inspector.store.clock import Clock, hlc_device
from inspector.store.domains import check_values
from inspector.store.schema import SYNC_COLUMNS, SYNCED_TABLES


class RowNotFound(KeyError):
    def __init__(self, table: str, row_id: str):
        super().__init__(f"no row {row_id} in {table}")
        self.table = table
        self.row_id = row_id

    def __str__(self) -> str:
        return str(self.args[0])


def _json(value: dict[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def audit(
    db: Database,
    at: str,
    who: str,
    table: str,
    row_id: str,
    action: str,
    old: dict[str, Any] | None,
    new: dict[str, Any] | None,
) -> None:
    db.execute(
        "INSERT INTO audit_log(at, who, table_name, row_id, action, old, new) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [at, who, table, row_id, action, _json(old), _json(new)],
    )


class Rows:
    """The write path for synced tables on one connection."""

    def __init__(self, db: Database, who: str | None = None):
        self.db = db
        self.clock = Clock(db)
        self.device = self.clock.device
        self._who = who

    @property
    def who(self) -> str:
        return self._who or settings.who(self.db)

    def get(self, table: str, row_id: str) -> dict[str, Any]:
        _check_table(table)
        rows = list(self.db.query(f"SELECT * FROM [{table}] WHERE id = ?", [row_id]))
        if not rows:
            raise RowNotFound(table, row_id)
        return rows[0]

    def find(self, table: str, row_id: str) -> dict[str, Any] | None:
        try:
            return self.get(table, row_id)
        except RowNotFound:
            return None

    def insert(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        """A new row; its id is random unless the caller gives a natural-key id."""
        _check_table(table)
        row = {k: v for k, v in values.items() if k not in SYNC_COLUMNS[1:]}
        row.setdefault("id", random_id())
        check_values(table, row)
        with self.db.atomic():
            row.update(updated_at=self.clock.tick(), base_version=None, deleted=0)
            self.db.table(table).insert(row)
            audit(self.db, row["updated_at"], self.who, table, row["id"], "insert", None, row)
        return self.get(table, row["id"])

    def update(self, table: str, row_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Change some columns; a change that changes nothing writes nothing."""
        _check_table(table)
        changes = {k: v for k, v in changes.items() if k not in SYNC_COLUMNS}
        with self.db.atomic():
            old = self.get(table, row_id)
            changed = {k: v for k, v in changes.items() if old.get(k) != v}
            if not changed:
                return old
            check_values(table, changed)
            stamp = self.clock.tick()
            changed.update(updated_at=stamp, base_version=next_base_version(old, self.device))
            self.db.table(table).update(row_id, changed)
            audit(
                self.db,
                stamp,
                self.who,
                table,
                row_id,
                "update",
                {k: old.get(k) for k in changed},
                changed,
            )
        return self.get(table, row_id)

    def upsert(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        """Insert a natural-key row, or update it (reviving a tombstone) if it exists."""
        existing = self.find(table, values["id"])
        if existing is None:
            return self.insert(table, values)
        changes = dict(values)
        if existing["deleted"]:
            changes["deleted"] = 0
            return self._write_with_deleted(table, existing, changes)
        return self.update(table, values["id"], changes)

    def delete(self, table: str, row_id: str) -> dict[str, Any]:
        """A tombstone: the row stays, marked deleted, so the deletion travels."""
        with self.db.atomic():
            old = self.get(table, row_id)
            if old["deleted"]:
                return old
            return self._write_with_deleted(table, old, {"deleted": 1})

    def _write_with_deleted(
        self, table: str, old: dict[str, Any], changes: dict[str, Any]
    ) -> dict[str, Any]:
        with self.db.atomic():
            stamp = self.clock.tick()
            changed = {k: v for k, v in changes.items() if k not in SYNC_COLUMNS[:3]}
            check_values(table, changed)
            changed.update(updated_at=stamp, base_version=next_base_version(old, self.device))
            self.db.table(table).update(old["id"], changed)
            action = "delete" if changed.get("deleted") else "update"
            audit(
                self.db,
                stamp,
                self.who,
                table,
                old["id"],
                action,
                {k: old.get(k) for k in changed},
                changed,
            )
        return self.get(table, old["id"])

    def insert_many(
        self, table: str, rows: Iterable[dict[str, Any]], batch_size: int = 2000
    ) -> int:
        """Bulk inserts (sample and benchmark data), stamped and audited like single ones."""
        _check_table(table)
        who = self.who
        count = 0
        with self.db.atomic():
            batch: list[dict[str, Any]] = []
            for values in rows:
                row = dict(values)
                row.setdefault("id", random_id())
                batch.append(row)
                if len(batch) >= batch_size:
                    count += self._flush(table, batch, who)
                    batch = []
            count += self._flush(table, batch, who)
        return count

    def _flush(self, table: str, batch: list[dict[str, Any]], who: str) -> int:
        if not batch:
            return 0
        for row in batch:
            check_values(table, row)
        for row, stamp in zip(batch, self.clock.tick_many(len(batch)), strict=True):
            row.update(updated_at=stamp, base_version=None, deleted=0)
        self.db.table(table).insert_all(batch, batch_size=len(batch))
        self.db.conn.executemany(
            "INSERT INTO audit_log(at, who, table_name, row_id, action, old, new) "
            "VALUES (?, ?, ?, ?, 'insert', NULL, ?)",
            [(r["updated_at"], who, table, r["id"], _json(r)) for r in batch],
        )
        return len(batch)


def next_base_version(old: dict[str, Any], device: str) -> str | None:
    """The version an edit is made from, as last received from another device.

    Editing our own unsynced version again keeps its base, so a row edited
    twice before a sync still fast-forwards on a device that has the base.
    """
    if old.get("updated_at") and hlc_device(old["updated_at"]) == device:
        return old.get("base_version")
    return old.get("updated_at")


def _check_table(table: str) -> None:
    if table not in SYNCED_TABLES:
        raise ValueError(f"{table} is not a synced table")
