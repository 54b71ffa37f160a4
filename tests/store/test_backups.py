"""Backups a user can use: listed, rotated per reason, restored through SQLite."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from inspector.store import backups
from inspector.store.db import StoreError, open_db, open_for_restore


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inspector", "--db", str(db), *args], capture_output=True, text=True
    )


def _keys(db) -> set[str]:
    return {r[0] for r in db.execute("SELECT key FROM settings")}


@pytest.fixture
def laptop(tmp_path):
    db = open_db(tmp_path / "laptop.db")
    db["settings"].insert({"key": "kept", "value": '"1"'})
    yield db
    db.close()


def test_restore_round_trip_through_the_cli_while_another_connection_stays_open(laptop, tmp_path):
    path = tmp_path / "laptop.db"
    taken = backups.backup(laptop, reason="daily")
    laptop["settings"].insert({"key": "after the backup", "value": '"2"'})
    listed = cli(path, "backup", "list")
    assert listed.returncode == 0, listed.stderr
    name, when, reason, size = listed.stdout.strip().split("\t")
    assert name == taken.name and reason == "daily" and size.endswith(" bytes")
    assert dt.datetime.strptime(when, "%Y-%m-%d %H:%M:%S")

    result = cli(path, "backup", "restore", taken.name)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"restored {taken.name}"
    before = lines[1].rsplit(" ", 1)[1]
    assert before.endswith("-before-restore.db")

    # The window's connection, open all along, reads the restored content.
    assert "after the backup" not in _keys(laptop) and "kept" in _keys(laptop)
    laptop["settings"].insert({"key": "written after the restore", "value": '"3"'})
    with closing(sqlite3.connect(path)) as fresh:
        keys = {r[0] for r in fresh.execute("SELECT key FROM settings")}
        assert fresh.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert "written after the restore" in keys and "after the backup" not in keys
    with closing(sqlite3.connect(tmp_path / "backups" / before)) as kept:
        assert "after the backup" in {r[0] for r in kept.execute("SELECT key FROM settings")}


def test_an_unknown_or_damaged_backup_is_refused_and_the_database_untouched(laptop, tmp_path):
    path = tmp_path / "laptop.db"
    taken = backups.backup(laptop)
    assert "no backup named nope" in cli(path, "backup", "restore", "nope").stderr
    data = bytearray(taken.read_bytes())
    data[4096:] = b"\xee" * (len(data) - 4096)
    taken.write_bytes(bytes(data))
    laptop["settings"].insert({"key": "current", "value": '"x"'})
    result = cli(path, "backup", "restore", taken.stem)
    assert result.returncode == 1
    assert result.stderr == f"inspector: backup {taken.name} is damaged; choose another one\n"
    assert "current" in _keys(laptop)
    assert [b.reason for b in backups.backups_of(path)] == ["import"]


def test_a_database_with_a_damaged_page_can_still_be_restored(laptop, tmp_path):
    path = tmp_path / "laptop.db"
    with laptop.atomic():
        for i in range(300):
            laptop["settings"].insert({"key": f"k{i}", "value": '"' + "x" * 200 + '"'})
    taken = backups.backup(laptop)
    root = laptop.execute("SELECT rootpage FROM sqlite_master WHERE name = 'settings'").fetchone()[
        0
    ]
    laptop.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    laptop.close()
    data = bytearray(path.read_bytes())  # the file is closed: damage one page
    data[(root - 1) * 4096 : root * 4096] = b"\x0d\xff" * 2048
    path.write_bytes(bytes(data))
    assert cli(path, "check").returncode == 1
    db = open_for_restore(path)
    try:
        backups.restore(db, taken.name)
    finally:
        db.close()
    db = open_db(path)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert len(_keys(db)) >= 301
    finally:
        db.close()


def test_two_databases_in_one_folder_keep_their_backups_apart(tmp_path):
    one, two = open_db(tmp_path / "one.db"), open_db(tmp_path / "two.db")
    try:
        mine = backups.backup(one)
        backups.backup(two)
        assert [b.path for b in backups.backups_of(tmp_path / "one.db")] == [mine]
        with pytest.raises(StoreError, match="no backup named"):
            backups.restore(one, backups.backups_of(tmp_path / "two.db")[0].name)
    finally:
        one.close()
        two.close()


def test_rotation_keeps_the_newest_of_each_reason(laptop, tmp_path):
    daily = backups.backup(laptop, reason="daily")
    imports = [backups.backup(laptop) for _ in range(backups.KEEP + 3)]
    kept = backups.list_backups(tmp_path / "backups")
    assert kept == [daily, *imports[-backups.KEEP :]]


def test_the_daily_backup_is_taken_once_a_day(laptop, tmp_path):
    first = backups.daily(laptop)
    assert first is not None and first.name.endswith("-daily.db")
    assert backups.daily(laptop) is None
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    assert backups.daily(laptop, today=tomorrow) is not None


def test_listing_and_restoring_leave_no_sqlite_files_beside_the_copies(laptop, tmp_path):
    taken = backups.backup(laptop)
    backups.restore(laptop, taken.name)
    names = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert len(names) == 2 and all(n.endswith(".db") for n in names), names
    with closing(sqlite3.connect(taken)) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
