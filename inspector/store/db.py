"""Opening the database: pragmas on every connection, migrations, version guard."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from inspector.messages import Message, MessageError
from inspector.paths import default_db_path
from inspector.store.schema import migrations


class StoreError(MessageError):
    """A problem with the database the user can act on (wrong file, newer version, locked)."""


def connect(path: str | Path, *, autocheckpoint: bool = True) -> Database:
    """A connection with the pragmas every connection needs, without migrating.

    `autocheckpoint=False` leaves folding the WAL into the file to
    `checkpoint_file` on another thread: the GUI's connection, where a
    checkpoint of a large database would stall a key press.
    """
    path = str(path)
    db = (Database(memory=True, execute_plugins=False) if path == ":memory:"
          else Database(path, execute_plugins=False))
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    if path != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        if not autocheckpoint:
            db.execute("PRAGMA wal_autocheckpoint = 0")
    return db


def database_file(db: Database) -> str:
    """The file behind a connection ("" in memory): for jobs that open their own."""
    row = db.execute("PRAGMA database_list").fetchone()
    return row[2] if row else ""


def checkpoint(db: Database) -> None:
    """Fold the WAL into the database file now, without waiting for readers or writers."""
    db.execute("PRAGMA wal_checkpoint(PASSIVE)")


def checkpoint_file(path: str | Path) -> None:
    """`checkpoint` on a connection of its own (for a worker thread)."""
    conn = sqlite3.connect(str(path), timeout=5)
    try:
        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    finally:
        conn.close()


def unknown_migrations(db: Database) -> list[str]:
    """Migrations recorded in the file that this version does not know: a newer Inspector made it."""
    known = {m.name for m in migrations._migrations}
    return [m.name for m in migrations.applied(db) if m.name not in known]


def open_db(path: str | Path | None = None, *, create: bool = True,
            autocheckpoint: bool = True) -> Database:
    """Open (creating it if `create`) and migrate the database at `path`.

    A database written by a newer Inspector is refused rather than migrated
    or misread; with `create=False` a missing file is an error, so a
    mistyped path is not silently answered from a new empty database.
    """
    path = Path(path) if path is not None else default_db_path()
    if str(path) != ":memory:":
        if not create and not path.exists():
            raise StoreError(Message("no database at {path}; create one with 'inspector init'",
                                     path=str(path)))
        if path.exists() and path.is_dir():
            raise StoreError(Message("{path} is a folder, not a database file", path=str(path)))
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size:
            with open(path, "rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    raise StoreError(Message("{path} is not an Inspector database", path=str(path)))
    db = connect(path, autocheckpoint=autocheckpoint)
    newer = unknown_migrations(db)
    if newer:
        db.close()
        raise StoreError(Message(
            "{path} was written by a newer version of Inspector "
            "(schema step {step}); update Inspector to open it", path=str(path), step=newer[-1]))
    migrations.apply(db)
    return db
