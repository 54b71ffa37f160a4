"""Clock values held in the database and in a staged bundle: the queries that judge them.

A bundle is checked here after staging and before any write: stamps far
ahead of this computer's clock (a laptop with a wrong date), stamps with this
laptop's own device id that it never made, and two different versions with
the same stamp (two databases sharing one device id). The same module finds
rows stamped in the future in the database itself, and gives them fresh
stamps once the clock is right.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from inspector.messages import Message
from inspector.store import backups, settings
from inspector.store.clock import (
    Clock,
    ahead_limit,
    format_hlc,
    hlc_device,
    parse_hlc,
    reset_last,
    wall_ms,
    when,
)
from inspector.store.rows import audit
from inspector.store.schema import SYNCED_TABLES
from inspector.store.staging import TableShape, stage_name

STAMP_COLUMNS = ("updated_at", "base_version")


@dataclass(frozen=True)
class StampHit:
    """One clock value found in a staged table: where it is, for the message."""

    table: str
    line: int
    column: str
    value: str


def _bound(limit_ms: int) -> str:
    """The smallest string a stamp whose milliseconds exceed `limit_ms` can be."""
    return f"{limit_ms + 1:013d}"


def staged_ahead(db: Database, limit_ms: int) -> StampHit | None:
    """The newest staged stamp (updated_at or base_version) beyond `limit_ms`, if any."""
    best: StampHit | None = None
    for table in SYNCED_TABLES:
        for column in STAMP_COLUMNS:
            row = db.execute(
                f"SELECT rowid, [{column}] FROM temp.[{stage_name(table)}] "
                f"WHERE [{column}] >= ? ORDER BY [{column}] DESC LIMIT 1",
                [_bound(limit_ms)],
            ).fetchone()
            if row is not None and (best is None or row[1] > best.value):
                best = StampHit(table, row[0], column, row[1])
    return best


def staged_own_unmade(db: Database, device: str, last: str | None) -> StampHit | None:
    """A staged stamp with `device` later than `last`, this clock's newest value.

    The clock passes every stamp it makes, so such a version was made by
    another database using the same device id: a copy.
    """
    after = last[:18] if last else ""
    for table in SYNCED_TABLES:
        for column in STAMP_COLUMNS:
            row = db.execute(
                f"SELECT rowid, [{column}] FROM temp.[{stage_name(table)}] "
                f"WHERE substr([{column}], 20) = ? AND substr([{column}], 1, 18) > ? "
                "ORDER BY rowid LIMIT 1",
                [device, after],
            ).fetchone()
            if row is not None:
                return StampHit(table, row[0], column, row[1])
    return None


def staged_collision(db: Database, shapes: dict[str, TableShape]) -> StampHit | None:
    """A staged version whose stamp equals the local row's while its content differs.

    One stamp names one version; two contents under it can only come from
    two databases sharing a device id, and the merge would call them equal.
    """
    for table in SYNCED_TABLES:
        shape = shapes[table]
        differ = " OR ".join(
            f"s.[{c}] IS NOT m.[{c}]" for c in shape.names if c not in ("id", "updated_at")
        )
        row = db.execute(
            f"SELECT s.rowid, s.updated_at FROM temp.[{stage_name(table)}] s "
            f"JOIN main.[{table}] m ON m.id = s.id "
            f"WHERE s.updated_at = m.updated_at AND ({differ}) ORDER BY s.rowid LIMIT 1"
        ).fetchone()
        if row is not None:
            return StampHit(table, row[0], "updated_at", row[1])
    return None


def device_name_seen(db: Database, device: str) -> str | None:
    """The name a device's bundles carried when imported here, if any were."""
    row = db.execute(
        "SELECT device_name FROM import_log WHERE device_id = ? ORDER BY id DESC LIMIT 1", [device]
    ).fetchone()
    return row[0] if row and row[0] else None


@dataclass(frozen=True)
class FutureRows:
    table: str
    count: int
    newest: str


def future_rows(db: Database, now_ms: int) -> list[FutureRows]:
    """Per table, the rows here whose stamps are more than a day ahead of `now_ms`."""
    bound = _bound(ahead_limit(now_ms))
    found = []
    for table in SYNCED_TABLES:
        count, newest = db.execute(
            f"SELECT COUNT(*), max(max(updated_at), coalesce(max(base_version), '')) "
            f"FROM [{table}] WHERE updated_at >= ? OR base_version >= ?",
            [bound, bound],
        ).fetchone()
        if count:
            found.append(FutureRows(table, count, newest))
    return found


def restamp_future(db: Database, now_ms: int, who: str) -> int:
    """Give every row stamped in the future a fresh stamp of this device, now.

    For a laptop whose clock was wrong: once the date is right, its rows
    stamped years ahead would win every merge and be refused by every other
    laptop. Each such row becomes a new version made here, now; a base_version
    in the future (a version no laptop will accept) is dropped, so the next
    merge with a concurrent edit keeps both sides as a conflict rather than
    guess. The clock is moved back to the newest sound stamp. Returns the
    number of rows restamped. Call inside one transaction.
    """
    bound = _bound(ahead_limit(now_ms))
    sound = ""
    for table in SYNCED_TABLES:
        for column in STAMP_COLUMNS:
            value = db.execute(
                f"SELECT max([{column}]) FROM [{table}] WHERE [{column}] < ?", [bound]
            ).fetchone()[0]
            sound = max(sound, value or "")
    clock = Clock(db, now_ms=lambda: now_ms)
    reset_last(db, sound if sound else format_hlc(0, 0, clock.device))
    total = 0
    for table in SYNCED_TABLES:
        rows = db.execute(
            f"SELECT id, updated_at, base_version FROM [{table}] "
            "WHERE updated_at >= ? OR base_version >= ? ORDER BY updated_at, id",
            [bound, bound],
        ).fetchall()
        for (row_id, old, base), stamp in zip(rows, clock.tick_many(len(rows)), strict=True):
            new_base = base if base is not None and base < bound else None
            db.execute(
                f"UPDATE [{table}] SET updated_at = ?, base_version = ? WHERE id = ?",
                [stamp, new_base, row_id],
            )
            audit(
                db,
                stamp,
                who,
                table,
                row_id,
                "update",
                {"updated_at": old, "base_version": base},
                {"updated_at": stamp, "base_version": new_base},
            )
        total += len(rows)
    return total


def future_issues(db: Database, now_ms: int | None = None) -> list[Message]:
    """`inspector check`'s lines for rows stamped more than a day ahead of this clock."""
    now = wall_ms() if now_ms is None else now_ms
    return [
        Message(
            "{table}: {count} row(s) stamped more than a day ahead of this computer's "
            "clock (newest {when}, device {device}); other laptops refuse them: once "
            "the date here is right, run 'inspector check --restamp-future'",
            table=f.table,
            count=f.count,
            when=when(parse_hlc(f.newest)[0]),
            device=hlc_device(f.newest),
        )
        for f in future_rows(db, now)
    ]


@dataclass(frozen=True)
class Restamped:
    rows: int
    backup: Path | None


def restamp(db: Database, now_ms: int | None = None) -> Restamped:
    """`restamp_future` in one transaction, after a backup (nothing to do: no backup)."""
    now = wall_ms() if now_ms is None else now_ms
    if not future_rows(db, now) and not _clock_ahead(db, now):
        return Restamped(0, None)
    copy = backups.backup(db, reason="restamp")
    with db.atomic():
        count = restamp_future(db, now, settings.who(db))
    return Restamped(count, copy)


def _clock_ahead(db: Database, now_ms: int) -> bool:
    from inspector.store.clock import last_value

    last = last_value(db)
    return last is not None and parse_hlc(last)[0] > ahead_limit(now_ms)
