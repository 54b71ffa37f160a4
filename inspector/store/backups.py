"""Backup copies of the database: taken, listed, rotated, restored, all through SQLite.

SQLite's online backup API copies a consistent snapshot even while another
connection (the open window) reads or writes, and restoring writes the copy
back through the live database's own pager, inside its locks: every other
connection, in this process or another, sees the restored content on its
next read. The live file is never copied, hashed or opened any other way
(closing a descriptor of it would drop this process's locks on it).

Copies go to `backups/` beside the database, named
`<database name>-<date>-<time>-<microseconds>-<reason>.db` (two databases
in one folder keep their own copies apart). Reasons: "import"
(before a bundle is merged), "daily" (the first time the app opens on a
day), "before-restore" (the database as it was before a restore).
Rotation keeps the newest few of each reason (KEEP_BY_REASON, 5 unless
said otherwise: 17 copies at most in normal use), so a run of imports
cannot push out the daily copies. Attachments are content-addressed files
beside the database and stay where they are: a restored row finds its
photo, and a photo no row needs any more costs only disk space.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from inspector.messages import Message
from inspector.store.db import StoreError, check_sound_today, open_for_restore
from inspector.store.schema import known_migrations, migrations

KEEP = 5
KEEP_BY_REASON = {"daily": 7}
_NAME = re.compile(r"^(.+)-(\d{8})-(\d{6})-(\d{6})-([a-z][a-z-]*)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    """One backup copy as the user sees it in a list."""

    path: Path
    taken: dt.datetime
    reason: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def database_file(db: Database) -> Path | None:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2]) if row and row[2] else None


def folder_for(db_path: str | Path) -> Path:
    """The backups folder of the database file at `db_path` (it may not exist yet)."""
    return Path(db_path).parent / "backups"


def take(db: Database, reason: str = "import") -> Path | None:
    """Copy the database to backups/ (no rotation); None if in memory.

    The copy is made as `.partial` and renamed when complete; a copy that
    fails half-way is removed, and so is a backups/ folder it made.
    """
    source = database_file(db)
    if source is None:
        return None
    folder = folder_for(source)
    made_folder = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{source.stem}-{stamp}-{reason}.db"
    partial = target.with_suffix(".partial")
    try:
        dest = sqlite3.connect(partial)
        try:
            db.conn.backup(dest)
            _plain(dest)
        finally:
            dest.close()
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        if made_folder:
            _remove_if_empty(folder)
        raise
    return target


def copy_file(source: str | Path, target: str | Path) -> None:
    """A consistent copy of the database at `source` (its WAL included) into a new file,
    through SQLite: for tools that work on a copy, never a plain file copy."""
    with (
        closing(sqlite3.connect(f"{Path(source).resolve().as_uri()}?mode=ro", uri=True)) as src,
        closing(sqlite3.connect(target)) as dest,
    ):
        src.backup(dest)
        _plain(dest)


def _plain(copy: sqlite3.Connection) -> None:
    """A copy keeps the live database's WAL flag; turn it back into one self-contained
    file, which a read-only look at it (listing, restoring) leaves without -wal/-shm."""
    copy.execute("PRAGMA journal_mode = DELETE")


def _unlink(path: Path) -> None:
    """Remove a copy and any -wal/-shm an older copy may have left beside it."""
    for extra in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def backup(db: Database, keep: int | None = None, reason: str = "import") -> Path | None:
    """`take` a copy, then drop all but the newest `keep` of its reason."""
    target = take(db, reason)
    source = database_file(db)
    if target is not None and source is not None:
        rotate(source, reason, keep)
    return target


def discard(path: Path | None) -> None:
    """Remove a copy that is not wanted after all (the import it was for failed)."""
    if path is None:
        return
    _unlink(path)
    _remove_if_empty(path.parent)


def _remove_if_empty(folder: Path) -> None:
    with suppress(OSError):
        folder.rmdir()


def list_backups(
    folder: Path | None, reason: str | None = None, stem: str | None = None
) -> list[Path]:
    """Oldest first (by the timestamp in the name); only `stem`'s copies if given."""
    if folder is None or not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.db"):
        match = _NAME.match(path.name)
        if (
            match
            and (stem is None or match.group(1) == stem)
            and (reason is None or match.group(5) == reason)
        ):
            found.append((match.group(2, 3, 4), path))
    return [path for _, path in sorted(found)]


def _of(db_path: str | Path, reason: str | None = None) -> list[Path]:
    """The copies of the database at `db_path`, oldest first."""
    return list_backups(folder_for(db_path), reason, Path(db_path).stem)


def info(path: Path) -> BackupInfo:
    match = _NAME.match(path.name)
    assert match, path
    taken = dt.datetime.strptime("".join(match.group(2, 3, 4)), "%Y%m%d%H%M%S%f")
    return BackupInfo(path, taken, match.group(5), path.stat().st_size)


def backups_of(db_path: str | Path) -> list[BackupInfo]:
    """The backups of the database at `db_path`, newest first (the order a user picks
    from). Read from the folder alone, so a database too damaged to open still
    shows what it can be restored from."""
    return [info(p) for p in reversed(_of(db_path))]


def rotate(db_path: str | Path, reason: str = "import", keep: int | None = None) -> None:
    """Keep the newest `keep` copies of `reason` (default: its KEEP_BY_REASON)."""
    if keep is None:
        keep = KEEP_BY_REASON.get(reason, KEEP)
    same = _of(db_path, reason)
    for old in same[:-keep] if keep > 0 else same:
        _unlink(old)


def daily(db: Database, today: dt.date | None = None, *, record_check: bool = True) -> Path | None:
    """Take the day's "daily" copy unless one was taken today; its path or None.

    The file is checked first (once a day): a copy of a damaged database would
    push a good one out of the rotation. A damaged one raises StoreError. A copy
    returned means the file was found sound today; with `record_check=False` that
    is left for the caller to record (`db.record_sound_today`), and nothing is
    written here at all.
    """
    source = database_file(db)
    if source is None:
        return None
    if _taken_on(source, today, "daily"):
        return None
    check_sound_today(db, record=record_check)
    return backup(db, reason="daily")


def todays_copy(db: Database, today: dt.date | None = None) -> Path | None:
    """The newest copy of any reason taken today, or None."""
    source = database_file(db)
    return None if source is None else _taken_on(source, today, None)


def _taken_on(source: Path, today: dt.date | None, reason: str | None) -> Path | None:
    day = (today or dt.date.today()).strftime("%Y%m%d")
    same_day = [p for p in _of(source, reason) if p.name.startswith(f"{source.stem}-{day}-")]
    return same_day[-1] if same_day else None


def find(db: Database, name: str) -> Path:
    """The backup called `name` (with or without .db); only names that list_backups shows."""
    wanted = name if name.endswith(".db") else f"{name}.db"
    source = database_file(db)
    for path in _of(source) if source is not None else []:
        if path.name == wanted:
            return path
    raise StoreError(
        Message("no backup named {name}; 'inspector backup list' shows them", name=name)
    )


def _check_usable(path: Path) -> None:
    """A backup must be sound and ours before it replaces the database."""
    damaged = StoreError(Message("backup {name} is damaged; choose another one", name=path.name))
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as conn:
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            steps = (
                {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}
                if "_sqlite_migrations" in tables
                else set()
            )
    except sqlite3.DatabaseError:
        raise damaged from None
    if result != "ok":
        raise damaged
    if "_sqlite_migrations" not in tables:
        raise StoreError(Message("backup {name} is not an Inspector database", name=path.name))
    if steps - known_migrations():
        raise StoreError(
            Message("backup {name} was written by a newer version of Inspector", name=path.name)
        )


@dataclass(frozen=True)
class Restored:
    restored: Path
    before: Path | None


def restore_file(db_path: str | Path, name: str) -> Restored:
    """`restore` on a connection of its own, opened as a restore needs it (a worker
    thread cannot use the window's connection)."""
    db = open_for_restore(db_path)
    try:
        return restore(db, name)
    finally:
        db.close()


def restore(db: Database, name: str) -> Restored:
    """Replace the database's content with the backup `name`, in one step.

    The current content is kept first as a "before-restore" backup. The copy
    is written through SQLite's backup API into the open database (never a
    file copied over the live file), so every other connection — the window,
    another command — sees the restored content on its next read.
    """
    source = find(db, name)
    _check_usable(source)
    before = backup(db, reason="before-restore")
    from inspector.store import identity

    clock = identity.clock_before_restore(db)
    with closing(sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)) as src:
        if db.conn.in_transaction:
            db.conn.commit()
        src.backup(db.conn)
    migrations.apply(db)  # a copy taken before an upgrade is brought up to date
    identity.after_restore(db, clock)
    return Restored(source, before)
