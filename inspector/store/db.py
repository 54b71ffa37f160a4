"""Opening the database: pragmas on every connection, migrations, version guard."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

from sqlite_utils import Database

from inspector.messages import Message, MessageError
from inspector.paths import default_db_path
from inspector.store.schema import known_migrations, migrations


class StoreError(MessageError):
    """A problem with the database the user can act on (wrong file, newer version, locked)."""


class InspectorDatabase(Database):
    """sqlite-utils' Database whose transactions take the write lock when they begin.

    A deferred transaction that reads before it writes (nearly every edit:
    read the row, then change it) cannot wait for another writer in WAL mode:
    once another connection has committed since its read began, its upgrade
    to a writer fails at once with SQLITE_BUSY, busy_timeout or not. So
    `atomic()` starts with BEGIN IMMEDIATE and the busy timeout applies.
    `temp_transaction` is for work that writes only temporary tables (staging
    a bundle, a dry run): it takes no lock on the database and works on a
    read-only file.
    """

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        if self.conn.in_transaction:
            with super().atomic():  # a savepoint
                yield self
            return
        with write_transaction(self):
            yield self


def temp_transaction(db: Database) -> AbstractContextManager[Database]:
    """A deferred transaction (savepoint when nested) for writes to temporary tables only."""
    return Database.atomic(db)


def connect(path: str | Path, *, autocheckpoint: bool = True, create: bool = True) -> Database:
    """A connection with the pragmas every connection needs, without migrating.

    `autocheckpoint=False` leaves folding the WAL into the file to
    `checkpoint_file` on another thread: the GUI's connection, where a
    checkpoint of a large database would stall a key press.

    The file is vetted through SQLite itself before any pragma can write to
    it (`journal_mode = WAL` turns an empty file into a database): reading
    its header with an ordinary open/close would drop every POSIX lock this
    process holds on it, and the next process to close the database would
    then delete the WAL under the open window.
    """
    path = str(path)
    db = (
        InspectorDatabase(memory=True, execute_plugins=False)
        if path == ":memory:"
        else InspectorDatabase(path, execute_plugins=False)
    )
    if path != ":memory:":
        try:
            _vet(db, path, create)
        except BaseException:
            db.close()
            raise
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 5000")
    if path != ":memory:":
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        if not autocheckpoint:
            db.execute("PRAGMA wal_autocheckpoint = 0")
    return db


NOTADB = 26
CORRUPT = 11


def _vet(db: Database, path: str, create: bool) -> None:
    """Refuse a file that is not ours: garbage, an empty file (unless creating), another
    program's SQLite database. The first query is where SQLite reads the header."""
    not_ours = StoreError(Message("{path} is not an Inspector database", path=path))
    try:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master").fetchall()}
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        if code is not None and code & 0xFF == NOTADB:
            raise not_ours from None
        if code is not None and code & 0xFF == CORRUPT:
            raise StoreError(
                Message(
                    "{path} is damaged; restore a backup with 'inspector backup restore'", path=path
                )
            ) from None
        raise
    if names and "_sqlite_migrations" not in names:
        raise not_ours
    if not names and not create:
        raise not_ours


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


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """Like `db.atomic()`, but taking the write lock at the start (BEGIN IMMEDIATE).

    A deferred transaction that reads first and writes later cannot wait for
    another writer: in WAL mode its upgrade to a writer fails at once with
    SQLITE_BUSY, busy_timeout or not, once another connection has committed
    since its read began. Taking the lock first makes busy_timeout apply.
    Inside a transaction already, it is a savepoint like `atomic`.
    """
    if db.conn.in_transaction:
        with Database.atomic(db):  # a savepoint inside the open transaction
            yield db
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    try:
        db.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise


SOUND_ON = "quick_check_passed_on"  # local setting: the day the last check passed


def require_sound_for_import(db: Database, *, small: bool = False) -> None:
    """Refuse to import into a damaged database (PRAGMA quick_check), saying what to do.

    Writing into a file with a damaged page can spread the damage, and a
    backup taken of it now would replace the good ones in the rotation.
    The check reads the whole file (3.5 s after five years of a province),
    so a `small` import (a day's delta) relies on a check passed earlier the
    same day; a large one is always checked.
    """
    if small:
        check_sound_today(db, _import_refusal)
    else:
        _check_and_record(db, _import_refusal)


def _import_refusal(path: str) -> Message:
    return Message(
        "{path} is damaged, so nothing was imported; restore a backup with "
        "'inspector backup restore'",
        path=path,
    )


def _copy_refusal(path: str) -> Message:
    return Message(
        "{path} is damaged, so today's backup copy was not taken (it would "
        "replace a good one); restore a backup with 'inspector backup restore'",
        path=path,
    )


def check_sound_today(
    db: Database, refusal: Callable[[str], Message] = _copy_refusal, *, record: bool = True
) -> None:
    """The whole-file check, unless it passed today: the app's start-up job runs it (with
    the day's copy), so the day's imports and copies do not each read the whole file.
    A damaged file raises StoreError with the `refusal` for its path.

    `record=False` leaves the pass unwritten, for the caller to record on another
    connection (`record_sound_today`): the app's worker writes nothing, since a commit
    from it makes the window's connection drop what it keeps of the file."""
    from inspector.store import settings

    if settings.get(db, SOUND_ON) != dt.date.today().isoformat():
        _check_and_record(db, refusal, record=record)


def record_sound_today(db: Database, *, wait: bool = True) -> bool:
    """Record that the whole file was found sound today; False if it was already.

    `wait=False` gives way to another writer instead of waiting the busy timeout
    (False, nothing recorded): the window records the worker's check on the GUI
    thread, and a missed record only means the next check reads the file again."""
    from inspector.store import settings

    today = dt.date.today().isoformat()
    if settings.get(db, SOUND_ON) == today:
        return False
    try:
        with _busy_timeout(db, None if wait else 0), db.atomic():
            settings.put(db, SOUND_ON, today)
    except sqlite3.OperationalError as exc:
        busy = getattr(exc, "sqlite_errorcode", 0) & 0xFF in (
            sqlite3.SQLITE_BUSY,
            sqlite3.SQLITE_LOCKED,
        )
        if wait or not busy:
            raise
        return False
    return True


@contextmanager
def _busy_timeout(db: Database, ms: int | None) -> Iterator[None]:
    """The connection's busy timeout set to `ms` for a while (None: left as it is)."""
    if ms is None:
        yield
        return
    previous = int(db.execute("PRAGMA busy_timeout").fetchone()[0])
    db.execute(f"PRAGMA busy_timeout = {int(ms)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA busy_timeout = {previous}")


def _check_and_record(
    db: Database, refusal: Callable[[str], Message], *, record: bool = True
) -> None:
    if _quick_check(db) != "ok":
        raise StoreError(refusal(str(database_file(db) or ":memory:")))
    if record:
        record_sound_today(db)


def _quick_check(db: Database) -> str:
    """'ok', or what PRAGMA quick_check (or the damage it ran into) says."""
    try:
        return str(db.execute("PRAGMA quick_check").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        code = getattr(exc, "sqlite_errorcode", None)
        if code is None or code & 0xFF not in (CORRUPT, NOTADB):
            raise
        return str(exc)


def open_for_restore(path: str | Path) -> Database:
    """The existing database at `path`, opened to be overwritten by a backup.

    Not vetted and not migrated: a database with damaged pages must still
    take a restore (the backup it is restored from is checked instead).
    """
    path = Path(path)
    if not path.is_file():
        raise StoreError(
            Message("no database at {path}; create one with 'inspector init'", path=str(path))
        )
    db = InspectorDatabase(str(path), execute_plugins=False)
    db.execute("PRAGMA busy_timeout = 5000")
    return db


def unknown_migrations(db: Database) -> list[str]:
    """Migrations recorded in the file that this version does not know: a newer Inspector made it."""
    known = known_migrations()
    return [m.name for m in migrations.applied(db) if m.name not in known]


def open_db(
    path: str | Path | None = None,
    *,
    create: bool = True,
    autocheckpoint: bool = True,
    folders: bool = True,
) -> Database:
    """Open (creating it if `create`) and migrate the database at `path`.

    A database written by a newer Inspector is refused rather than migrated
    or misread; with `create=False` a missing or empty file is an error, so a
    mistyped path is not silently answered from a new empty database. A
    missing folder is made only with `folders` (the user data folder on a
    first start, `init`); a typo in `--db` is not turned into a new folder.
    """
    path = Path(path) if path is not None else default_db_path()
    if str(path) != ":memory:":
        if not create and not path.exists():
            raise StoreError(
                Message("no database at {path}; create one with 'inspector init'", path=str(path))
            )
        if path.exists() and path.is_dir():
            raise StoreError(Message("{path} is a folder, not a database file", path=str(path)))
        if not path.parent.is_dir():
            if not folders:
                raise StoreError(
                    Message(
                        "no folder {folder} for the database {path}",
                        folder=str(path.parent),
                        path=str(path),
                    )
                )
            path.parent.mkdir(parents=True, exist_ok=True)
    db = connect(path, autocheckpoint=autocheckpoint, create=create)
    newer = unknown_migrations(db)
    if newer:
        db.close()
        raise StoreError(
            Message(
                "{path} was written by a newer version of Inspector "
                "(schema step {step}); update Inspector to open it",
                path=str(path),
                step=newer[-1],
            )
        )
    migrations.apply(db)
    return db
