"""An import on a real laptop: a damaged database, a busy one, and nothing left behind."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from inspector.store import backups, merge
from inspector.store.db import StoreError, open_db
from inspector.store.dump import dump_json
from inspector.sync.importer import import_bundle


def _files(folder: Path) -> list[str]:
    """Everything under the laptop's folder but SQLite's own -wal/-shm files."""
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if not p.name.endswith(("-wal", "-shm"))
    )


@pytest.fixture
def field(laptops):
    """The laptop that imports (enrolled before the kit is made, so it is sealed to it)."""
    return laptops("笔记本1")


@pytest.fixture
def kit(hq, field):
    """hq's whole data, with two photos of a problem, as one bundle."""
    from inspector.store.attachments import add_attachment

    problem = hq.db.execute("SELECT id FROM problems LIMIT 1").fetchone()[0]
    for n in range(2):
        add_attachment(
            hq.rows, "problems", problem, b"\xff\xd8 photo %d" % n, filename=f"现场{n}.jpg"
        )
    return hq.export()


def test_a_failed_import_leaves_no_backup_and_no_attachment_files(field, kit, monkeypatch):
    before = _files(field.folder)
    state = dump_json(field.db)

    def fail(*args, **kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(merge, "merge_all", fail)
    with pytest.raises(sqlite3.OperationalError):
        field.take(kit)
    assert _files(field.folder) == before
    assert dump_json(field.db) == state


def test_a_backup_that_fails_leaves_no_partial_file(field, kit, monkeypatch):
    before = _files(field.folder)
    real_connect = sqlite3.connect

    def closed_target(path, *args, **kwargs):
        conn = real_connect(path, *args, **kwargs)
        conn.close()  # the copy then fails half-made, as on a full disk
        return conn

    monkeypatch.setattr(backups.sqlite3, "connect", closed_target)
    with pytest.raises(sqlite3.ProgrammingError):
        field.take(kit)
    assert _files(field.folder) == before


def test_a_refused_import_does_not_rotate_away_an_older_backup(field, kit, monkeypatch):
    made = [backups.backup(field.db) for _ in range(backups.KEEP)]
    monkeypatch.setattr(merge, "merge_all", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        field.take(kit)
    assert backups.list_backups(made[0].parent) == made


def test_an_import_waits_for_another_writer_instead_of_giving_up(field, kit):
    holder = sqlite3.connect(field.path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO settings(key, value) VALUES ('other', '1')")
    released = threading.Event()

    def release_later():
        time.sleep(1.5)
        holder.execute("COMMIT")
        released.set()

    thread = threading.Thread(target=release_later)
    thread.start()
    try:
        summary = field.take(kit)
    finally:
        thread.join()
        holder.close()
    assert released.is_set() and summary.applied
    assert field.db["problems"].count > 0


def _damage_a_page(path: Path, table: str) -> None:
    """Overwrite the first page of `table` in the CLOSED database file."""
    with closing(sqlite3.connect(path)) as conn:
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", [table]
        ).fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[(root - 1) * 4096 : root * 4096] = b"\x0d\xff\xff\x00" * 1024
    path.write_bytes(bytes(data))


def test_an_import_into_a_damaged_database_is_refused_before_writing(field, kit):
    field.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    field.close()
    _damage_a_page(field.path, "conflicts")
    db = open_db(field.path)
    try:
        before = _files(field.folder)
        with pytest.raises(StoreError) as refused:
            import_bundle(db, kit)
        assert str(refused.value) == (
            f"{field.path} is damaged, so nothing was imported; restore a backup with "
            "'inspector backup restore'"
        )
        assert _files(field.folder) == before
        assert db["problems"].count == 0
    finally:
        db.close()
        field.db = open_db(":memory:")


def test_import_into_a_mistyped_folder_creates_nothing(tmp_path, kit):
    target = tmp_path / "typo" / "x.db"
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "--db", str(target), "bundle", "import", str(kit)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr == (f"inspector: no folder {target.parent} for the database {target}\n")
    assert not target.parent.exists()


def test_the_whole_file_is_checked_once_a_day_for_small_imports(field, kit, monkeypatch):
    """A day's deltas do not each read the whole database; a large import always does."""
    from inspector.store import db as store_db

    checks: list[str] = []
    real = store_db._quick_check
    monkeypatch.setattr(store_db, "_quick_check", lambda db: checks.append("check") or real(db))
    import_bundle(field.db, kit)  # the day's first: checked
    again = field.db.execute(
        "SELECT value FROM settings WHERE key = ?", [store_db.SOUND_ON]
    ).fetchone()
    assert checks == ["check"] and again is not None
    import_bundle(field.db, kit)  # small, and the file passed today
    assert checks == ["check"]
    import_bundle(field.db, kit, backup_threshold=0)  # a large import is always checked
    assert checks == ["check", "check"]


def test_the_daily_copy_checks_the_file_so_the_day_s_imports_need_not(field, kit, monkeypatch):
    """The app's start-up job reads the whole file once; the day's first delta then doesn't."""
    from inspector.store import backups
    from inspector.store import db as store_db

    checks: list[str] = []
    real = store_db._quick_check
    monkeypatch.setattr(store_db, "_quick_check", lambda db: checks.append("check") or real(db))
    assert backups.daily(field.db) is not None
    assert checks == ["check"]
    # a small import (the sample kit counted as one): today's check and today's copy stand
    import_bundle(field.db, kit, backup_threshold=100_000)
    assert checks == ["check"]
    assert len(backups.list_backups(backups.folder_for(field.path))) == 1


def test_a_damaged_database_is_not_copied_over_the_good_backups(field):
    from inspector.store import backups

    field.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    field.close()
    _damage_a_page(field.path, "conflicts")
    db = open_db(field.path)
    try:
        with pytest.raises(StoreError, match="is damaged"):
            backups.daily(db)
        assert not (field.folder / "backups").exists() or not list(
            (field.folder / "backups").glob("*.db")
        )
    finally:
        db.close()
        field.db = open_db(":memory:")
