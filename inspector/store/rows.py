"""Writing synced rows: stamping the sync columns and auditing every change.

Every edit of a synced table goes through `Rows`, so the clock, the
`base_version` rule, the audit log and the column domains (`store.domains`,
the same an imported bundle is held to) cannot be forgotten by a caller.
Callers wrap multi-step work in `db.atomic()`, or in `Rows.atomic()`, which
also reads who writes and the device id once; each method is atomic too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any
from weakref import WeakKeyDictionary

from sqlite_utils import Database
from sqlite_utils.db import jsonify_if_needed, quote_identifier

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


class _Unread:
    """`upsert` given no row: it reads the row itself."""


_UNREAD = _Unread()


class Rows:
    """The write path for synced tables on one connection.

    One edit is a handful of statements on a key press, so the path reads
    through the plain connection (no sqlite-utils savepoint around each
    SELECT, no schema lookups per UPDATE), reads each row once per operation
    and reads who writes and the device id once per transaction (`atomic`).
    """

    def __init__(self, db: Database, who: str | None = None):
        self.db = db
        self.clock = Clock(db)
        self.device = self.clock.device
        self._who = who
        self._depth = 0  # how deep inside `atomic` this writer is
        self._identity: tuple[str, str] | None = None  # (who, device) read in this transaction

    @contextmanager
    def atomic(self) -> Iterator[Rows]:
        """`db.atomic()`, in which who writes and the device id are read at most once.

        Settings cannot change under an open write transaction except by this
        connection, so the names read at its start hold until it ends; they are
        forgotten then, so a rename or `device new` shows in the next edit.
        """
        with self.db.atomic():
            self._depth += 1
            try:
                yield self
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._identity = None

    def _names(self) -> tuple[str, str]:
        """(who, device id): one settings read, kept for the rest of the transaction."""
        found = self._identity
        if found is None:
            if self._who:
                found = (self._who, settings.device_id(self.db))
            else:
                found = settings.identity(self.db)
            if self._depth:
                self._identity = found
        return found

    @property
    def who(self) -> str:
        return self._who or self._names()[0]

    def _tick(self) -> str:
        return self.clock.tick(device=self._names()[1])

    def get(self, table: str, row_id: str) -> dict[str, Any]:
        found = self.find(table, row_id)
        if found is None:
            raise RowNotFound(table, row_id)
        return found

    def find(self, table: str, row_id: str) -> dict[str, Any] | None:
        _check_table(table)
        cursor = self.db.execute(f"SELECT * FROM [{table}] WHERE id = ?", [row_id])
        found = cursor.fetchone()
        if found is None:
            return None
        return dict(zip([d[0] for d in cursor.description], found, strict=True))

    def insert(self, table: str, values: dict[str, Any]) -> dict[str, Any]:
        """A new row; its id is random unless the caller gives a natural-key id."""
        row = _new_row(table, values)
        with self.atomic():
            self._insert(table, row)
        return self.get(table, row["id"])

    def _insert(self, table: str, row: dict[str, Any]) -> None:
        """Stamp, write and audit a checked new row (inside `atomic`)."""
        row.update(updated_at=self._tick(), base_version=None, deleted=0)
        columns = list(row)
        _check_columns(self.db, table, columns)
        self.db.execute(
            f"INSERT INTO {quote_identifier(table)} ({', '.join(quote_identifier(c) for c in columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})",
            [jsonify_if_needed(row[c]) for c in columns],
        )
        audit(self.db, row["updated_at"], self.who, table, row["id"], "insert", None, row)

    def update(self, table: str, row_id: str, changes: dict[str, Any]) -> dict[str, Any]:
        """Change some columns; a change that changes nothing writes nothing."""
        _check_table(table)
        with self.atomic():
            old = self.get(table, row_id)
            changed = _changed(table, old, changes)
            if not changed:
                return old
            self._write(table, old, changed, "update")
        return self.get(table, row_id)

    def upsert(
        self,
        table: str,
        values: dict[str, Any],
        *,
        existing: dict[str, Any] | _Unread | None = _UNREAD,
    ) -> dict[str, Any]:
        """Insert a natural-key row, or update it (reviving a tombstone) if it exists.

        `existing` is the row as the caller read it in this same transaction
        (None: there is none), so it is not read again.
        """
        _check_table(table)
        with self.atomic():
            old = self.find(table, values["id"]) if isinstance(existing, _Unread) else existing
            if old is None:
                self._insert(table, _new_row(table, values))
            elif old["deleted"]:
                self._write_with_deleted(table, old, {**values, "deleted": 0})
            else:
                changed = _changed(table, old, values)
                if not changed:
                    return old
                self._write(table, old, changed, "update")
            return self.get(table, values["id"])

    def delete(self, table: str, row_id: str) -> dict[str, Any]:
        """A tombstone: the row stays, marked deleted, so the deletion travels."""
        with self.atomic():
            old = self.get(table, row_id)
            if old["deleted"]:
                return old
            self._write_with_deleted(table, old, {"deleted": 1})
            return self.get(table, row_id)

    def _write_with_deleted(self, table: str, old: dict[str, Any], changes: dict[str, Any]) -> None:
        """Write `changes` whole, changed or not, with the deleted flag (inside `atomic`)."""
        changed = {k: v for k, v in changes.items() if k not in SYNC_COLUMNS[:3]}
        check_values(table, changed)
        self._write(table, old, changed, "delete" if changed.get("deleted") else "update")

    def _write(self, table: str, old: dict[str, Any], changed: dict[str, Any], action: str) -> None:
        """Stamp `changed` (checked, not empty), write it over `old` and audit it (inside
        `atomic`): one parameterised UPDATE, the names checked against the table's columns."""
        stamp = self._tick()
        changed.update(updated_at=stamp, base_version=next_base_version(old, self.device))
        _check_columns(self.db, table, changed)
        sets = ", ".join(f"{quote_identifier(c)} = ?" for c in changed)
        cursor = self.db.execute(
            f"UPDATE {quote_identifier(table)} SET {sets} WHERE id = ?",
            [*(jsonify_if_needed(v) for v in changed.values()), old["id"]],
        )
        if cursor.rowcount != 1:
            raise RowNotFound(table, old["id"])
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


def _new_row(table: str, values: dict[str, Any]) -> dict[str, Any]:
    """A row to insert, its id made if not given, refused if outside its domains."""
    _check_table(table)
    row = {k: v for k, v in values.items() if k not in SYNC_COLUMNS[1:]}
    row.setdefault("id", random_id())
    check_values(table, row)
    return row


def _changed(table: str, old: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """The columns of `changes` whose value differs from `old`, checked (sync columns dropped)."""
    changed = {k: v for k, v in changes.items() if k not in SYNC_COLUMNS and old.get(k) != v}
    if changed:
        check_values(table, changed)
    return changed


# The columns of each synced table, by connection: read once, read again when a
# name is not among them (a migration run since added it). A column dropped since
# is refused by SQLite itself, naming it.
_COLUMNS: WeakKeyDictionary[Database, dict[str, frozenset[str]]] = WeakKeyDictionary()


def _check_columns(db: Database, table: str, names: Iterable[str]) -> None:
    """Refuse a column name the table does not have before it is put into SQL."""
    known = _COLUMNS.setdefault(db, {})
    wanted = set(names)
    columns = known.get(table)
    if columns is None or not wanted <= columns:
        columns = known[table] = frozenset(
            r[1] for r in db.execute(f"PRAGMA table_info({quote_identifier(table)})").fetchall()
        )
        unknown = sorted(wanted - columns)
        if unknown:
            raise ValueError(f"{table} has no column {', '.join(unknown)}")
