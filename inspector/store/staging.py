"""Staging an incoming bundle in temporary tables, and checking it there in SQL.

An import first copies every bundle row into `temp.bundle_<table>` (same
columns, no types, no constraints), which lives in SQLite's temporary store,
never in the database file. Types, NOT NULL, every column's domain
(`store.domains`: enums, dates, clock values, lengths …), duplicate ids and
foreign keys are then checked set-wise in SQL, which is what lets a
province's half million rows be validated in seconds, and the merge reads
its plan from the same tables.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector.store.db import temp_transaction
from inspector.store.domains import domains, shown
from inspector.store.schema import ADDED_COLUMNS, SYNCED_TABLES

_ALLOWED = {"TEXT": ("text",), "INTEGER": ("integer",), "REAL": ("real", "integer")}


class StagingError(ValueError):
    """A staged row that breaks the schema; the message names the table file and line."""


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    not_null: bool
    default: Any = None  # the value a line made before the column existed takes
    added: bool = False  # added by a later migration: a line may lack it (ADDED_COLUMNS)


@dataclass(frozen=True)
class TableShape:
    table: str
    columns: tuple[Column, ...]
    foreign_keys: tuple[tuple[str, str], ...]  # (column, parent table)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    @property
    def added(self) -> dict[str, Any]:
        """The columns a line may lack, with the value it then takes."""
        return {c.name: c.default for c in self.columns if c.added}

    @property
    def data_names(self) -> tuple[str, ...]:
        """Columns compared to tell a real edit from a sync-only difference."""
        return tuple(c for c in self.names if c not in ("id", "updated_at", "base_version"))


def shapes(db: Database) -> dict[str, TableShape]:
    """Each synced table's columns and foreign keys, read from the schema itself."""
    result = {}
    for table in SYNCED_TABLES:
        cols = []
        added = ADDED_COLUMNS.get(table, ())
        for _cid, name, ctype, notnull, dflt, pk in db.execute(
            f"PRAGMA main.table_info([{table}])"
        ).fetchall():
            # The default is an SQL literal of our own schema: SQLite reads it.
            default = None if dflt is None else db.execute(f"SELECT {dflt}").fetchone()[0]
            cols.append(
                Column(name, (ctype or "").upper(), bool(notnull or pk), default, name in added)
            )
        fks = tuple(
            (row[3], row[2])
            for row in db.execute(f"PRAGMA main.foreign_key_list([{table}])").fetchall()
        )
        result[table] = TableShape(table, tuple(cols), fks)
    return result


def stage_name(table: str) -> str:
    return f"bundle_{table}"


def create(db: Database, shapes_: dict[str, TableShape]) -> None:
    """Empty staging tables for every synced table (dropping any left from before)."""
    drop(db)
    for shape in shapes_.values():
        cols = ", ".join(f"[{c}]" for c in shape.names)
        db.execute(
            f"CREATE TEMP TABLE [{stage_name(shape.table)}] ({cols}, "
            "_kind TEXT, _conflict INTEGER NOT NULL DEFAULT 0)"
        )


def drop(db: Database) -> None:
    for table in SYNCED_TABLES:
        db.execute(f"DROP TABLE IF EXISTS temp.[{stage_name(table)}]")


def insert(
    db: Database, shape: TableShape, rows: Sequence[tuple[Any, ...]], first_line: int, file: str
) -> None:
    """Stage a batch of rows (tuples in `shape.names` order), naming the first bad line."""
    sql = (
        f"INSERT INTO temp.[{stage_name(shape.table)}] ({', '.join(shape.names)}) "
        f"VALUES ({', '.join('?' * len(shape.names))})"
    )
    try:
        with temp_transaction(db):  # temp tables only: no lock on the database
            db.conn.executemany(sql, rows)
    except (sqlite3.Error, OverflowError, TypeError, ValueError):
        for offset, row in enumerate(rows):
            try:
                with temp_transaction(db):
                    db.conn.execute(sql, row)
            except (sqlite3.Error, OverflowError, TypeError, ValueError):
                raise StagingError(
                    f"{file} line {first_line + offset}: {_bad_value(shape, row)}"
                ) from None
        raise


def index(db: Database, shape: TableShape, file: str) -> None:
    """Index the staged ids once all are loaded (faster than row by row); a repeated id is refused."""
    stage = stage_name(shape.table)
    try:
        db.execute(f"CREATE UNIQUE INDEX temp.[{stage}_id] ON [{stage}](id)")
    except sqlite3.IntegrityError:
        dup = db.execute(
            f"SELECT id, MAX(rowid) FROM temp.[{stage}] GROUP BY id HAVING COUNT(*) > 1 LIMIT 1"
        ).fetchone()
        raise StagingError(f"{file} line {dup[1]}: id {dup[0]!r} appears twice") from None


def _bad_value(shape: TableShape, row: tuple[Any, ...]) -> str:
    for col, value in zip(shape.columns, row, strict=True):
        if isinstance(value, dict | list):
            kind = "object" if isinstance(value, dict) else "array"
            return f"column {col.name} holds a JSON {kind}, expected {col.type}"
        if isinstance(value, int) and not -(2**63) <= value < 2**63:
            return f"column {col.name} holds a number too large for the database"
    return "a value the database cannot hold"


def check(db: Database, shape: TableShape, file: str, checked: tuple[str, ...] = ()) -> None:
    """Types, NOT NULL, and every column's domain (`store.domains`), in one query per table.

    Each domain's condition implies the column's type and NULL rule, so the query
    holds one condition per column; the explanation then looks at types first.
    `checked` names columns already judged by the same domain as each line was
    read (a bundle's `updated_at`, which names the author the signatures are
    checked against): the query leaves them out.
    """
    declared = domains(shape.table)
    outside = {c: declared[c].sql_bad(c) for c in shape.names if c not in checked}
    stage = stage_name(shape.table)
    bad = db.execute(
        f"SELECT rowid, * FROM temp.[{stage}] WHERE {' OR '.join(outside.values())} LIMIT 1"
    ).fetchone()
    if bad is None:
        return
    line, values = bad[0], dict(zip(shape.names, bad[1:], strict=False))
    wrong_type = _wrong_type(shape, values)
    if wrong_type:
        raise StagingError(f"{file} line {line}: {wrong_type}")
    flags = db.execute(
        f"SELECT {', '.join(outside.values())} FROM temp.[{stage}] WHERE rowid = ?", [line]
    ).fetchone()
    column = next(c for c, flag in zip(outside, flags, strict=True) if flag)
    raise StagingError(
        f"{file} line {line}: {shape.table} row {shown(values['id'])}: "
        f"column {column} {shown(values[column])} is not "
        f"{declared[column].describe()}"
    )


def _wrong_type(shape: TableShape, values: dict[str, Any]) -> str | None:
    kinds = {type(None): "null", str: "text", int: "integer", float: "real", bytes: "blob"}
    for col in shape.columns:
        value = values[col.name]
        kind = kinds.get(type(value), "?")
        nullable = not col.not_null and col.name not in ("id", "updated_at", "deleted")
        if value is None and not nullable:
            return f"column {col.name} is null but must have a value"
        if value is not None and col.type in _ALLOWED and kind not in _ALLOWED[col.type]:
            return f"column {col.name} holds {kind} {str(value)[:40]!r}, expected {col.type}"
    return None


def dangling_reference(db: Database, shape: TableShape) -> str | None:
    """The first reference to a row that is neither in the bundle nor in the database."""
    stage = stage_name(shape.table)
    for column, parent in shape.foreign_keys:
        row = db.execute(
            f"SELECT rowid, [{column}] FROM temp.[{stage}] s WHERE s.[{column}] IS NOT NULL "
            f"AND NOT EXISTS (SELECT 1 FROM main.[{parent}] p WHERE p.id = s.[{column}]) "
            f"AND NOT EXISTS (SELECT 1 FROM temp.[{stage_name(parent)}] b "
            f"WHERE b.id = s.[{column}]) LIMIT 1"
        ).fetchone()
        if row is not None:
            return (
                f"line {row[0]}: {column} {row[1]!r} refers to a {parent} row that is "
                "neither in the bundle nor in this database"
            )
    return None


def attachment_hashes(db: Database) -> list[str]:
    """Distinct sha256 of the live attachment rows staged, and rejects malformed ones."""
    bad = db.execute(
        f"SELECT rowid, sha256 FROM temp.[{stage_name('attachments')}] "
        "WHERE length(sha256) != 64 OR sha256 GLOB '*[^0-9a-f]*' LIMIT 1"
    ).fetchone()
    if bad is not None:
        raise StagingError(
            f"tables/attachments.jsonl line {bad[0]}: sha256 {bad[1]!r} is not a sha256"
        )
    return [
        r[0]
        for r in db.execute(
            f"SELECT DISTINCT sha256 FROM temp.[{stage_name('attachments')}] WHERE deleted = 0"
        )
    ]


def rows_of(
    db: Database, table: str, columns: Iterable[str], where: str = "1"
) -> list[dict[str, Any]]:
    cols = ", ".join(f"[{c}]" for c in columns)
    return [
        dict(r) for r in db.query(f"SELECT {cols} FROM temp.[{stage_name(table)}] WHERE {where}")
    ]


def max_updated_at(db: Database) -> str | None:
    values = [
        db.execute(f"SELECT max(updated_at) FROM temp.[{stage_name(t)}]").fetchone()[0]
        for t in SYNCED_TABLES
    ]
    present = [v for v in values if v]
    return max(present) if present else None
