"""Backup copies of the database, taken before an import writes anything.

SQLite's online backup API copies a consistent snapshot even while another
connection (the open window) reads or writes. Copies go to `backups/` beside
the database; only the newest few are kept so a USB-stick routine does not
fill the disk.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from sqlite_utils import Database

KEEP = 5
PREFIX = "inspector-"


def database_file(db: Database) -> Path | None:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None


def backups_dir(db: Database) -> Path | None:
    path = database_file(db)
    return None if path is None else path.parent / "backups"


def backup(db: Database, keep: int = KEEP, reason: str = "import") -> Path | None:
    """Copy the database to backups/ and drop all but the newest `keep`; None if in memory."""
    folder = backups_dir(db)
    if folder is None:
        return None
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{PREFIX}{stamp}-{reason}.db"
    partial = target.with_suffix(".partial")
    dest = sqlite3.connect(partial)
    try:
        db.conn.backup(dest)
    finally:
        dest.close()
    partial.replace(target)
    rotate(folder, keep)
    return target


def list_backups(folder: Path) -> list[Path]:
    """Oldest first: the names carry a sortable timestamp."""
    return sorted(folder.glob(f"{PREFIX}*.db"))


def rotate(folder: Path, keep: int = KEEP) -> None:
    for old in list_backups(folder)[:-keep] if keep > 0 else list_backups(folder):
        old.unlink(missing_ok=True)
