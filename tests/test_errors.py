"""The one classification of errors the CLI and the GUI share, with real SQLite errors."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from inspector import logfile
from inspector.errors import explain, is_user_error, sqlite_code, user_messages
from inspector.store.db import StoreError, open_db


def _raised(fn) -> BaseException:
    try:
        fn()
    except BaseException as exc:  # the error under test
        return exc
    raise AssertionError("no error")


def _line(exc: BaseException) -> str:
    found = user_messages(exc)
    assert found is not None, f"{exc!r} should be the user's situation"
    return "\n".join(str(m) for m in found)


@pytest.fixture
def db_file(tmp_path) -> Path:
    path = tmp_path / "a.db"
    db = open_db(path)
    with db.atomic():
        for i in range(400):
            db.execute("INSERT INTO settings(key, value) VALUES (?, ?)", [f"k{i}", "x" * 300])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture(autouse=True)
def _log_beside(tmp_path):
    logfile.use_folder_of(tmp_path / "a.db")
    yield
    logfile.use_folder_of(None)


def test_a_read_only_database_says_so(db_file):
    with closing(sqlite3.connect(f"{db_file.as_uri()}?mode=ro", uri=True)) as ro:
        exc = _raised(lambda: ro.execute("INSERT INTO settings(key) VALUES ('x')"))
    assert sqlite_code(exc) == 8
    assert "read-only" in _line(exc)


def test_a_database_locked_by_another_connection_is_busy(db_file):
    with (
        closing(sqlite3.connect(db_file, isolation_level=None)) as holder,
        closing(sqlite3.connect(db_file, timeout=0)) as other,
    ):
        holder.execute("BEGIN EXCLUSIVE")
        exc = _raised(lambda: other.execute("INSERT INTO settings(key) VALUES ('x')"))
        holder.execute("ROLLBACK")
    assert sqlite_code(exc) == 5
    assert _line(exc).startswith("the database is busy")


def test_a_file_of_garbage_is_not_a_database(tmp_path):
    path = tmp_path / "garbage.db"
    path.write_bytes(b"\x89PNG not a database at all" * 200)
    with closing(sqlite3.connect(path)) as conn:
        exc = _raised(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    assert sqlite_code(exc) == 26
    assert _line(exc) == "the file is not an Inspector database"
    refused = _raised(lambda: open_db(path))
    assert isinstance(refused, StoreError) and "not an Inspector database" in _line(refused)


def test_a_zero_length_file_is_refused_and_left_empty(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    refused = _raised(lambda: open_db(path, create=False))
    assert isinstance(refused, StoreError)
    assert _line(refused) == f"{path} is not an Inspector database"
    assert path.stat().st_size == 0


def _corrupt_copy(src: Path, dest: Path) -> Path:
    """Overwrite every page but the first of a CLOSED copy of the database (the live
    file is never opened outside SQLite)."""
    data = bytearray(src.read_bytes())
    for page in range(4096, len(data), 4096):
        data[page : page + 4096] = b"\xff\x00\x13\x37" * 1024
    dest.write_bytes(bytes(data))
    return dest


def test_a_damaged_page_tells_the_user_to_restore_a_backup(db_file, tmp_path):
    broken = _corrupt_copy(db_file, tmp_path / "broken.db")
    with closing(sqlite3.connect(broken)) as conn:
        exc = _raised(lambda: conn.execute("SELECT MAX(value) FROM settings").fetchall())
    assert sqlite_code(exc) == 11
    assert _line(exc) == (
        "the database is damaged; restore a backup with 'inspector backup restore'"
    )


def test_a_full_disk_says_so(db_file):
    with closing(sqlite3.connect(db_file)) as conn:
        count = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {count}")
        exc = _raised(
            lambda: conn.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?)",
                [(f"more{i}", "y" * 3000) for i in range(50)],
            )
        )
    assert sqlite_code(exc) == 13
    assert _line(exc).startswith("the disk is full")


def test_a_missing_folder_cannot_be_opened(tmp_path):
    exc = _raised(lambda: sqlite3.connect(tmp_path / "nowhere" / "x.db").execute("SELECT 1"))
    assert sqlite_code(exc) == 14
    assert _line(exc).startswith("the database file cannot be opened")


@pytest.mark.parametrize(
    ("code", "start"),
    [
        (10, "the disk could not be read or written"),  # SQLITE_IOERR (extended codes too)
        (10 | (4 << 8), "the disk could not be read or written"),
        (3, "the operating system refused access"),  # SQLITE_PERM
        (6, "the database is busy"),  # SQLITE_LOCKED
    ],
)
def test_codes_that_are_hard_to_provoke_are_the_users_situation_too(code, start):
    exc = sqlite3.OperationalError("from the disk")
    exc.sqlite_errorcode = code
    assert _line(exc).startswith(start)


def test_our_bugs_are_not_the_users_fault(db_file):
    db = open_db(db_file)
    integrity = _raised(
        lambda: db.execute(
            "INSERT INTO townships(id, county_id, name, updated_at) VALUES ('t', 'nope', 'x', '0')"
        )
    )
    no_table = _raised(lambda: db.execute("SELECT * FROM no_such_table"))
    db.close()
    closed = _raised(lambda: db.execute("SELECT 1"))
    interface = _raised(lambda: sqlite3.connect(":memory:").execute("SELECT ?", [object()]))
    for exc in (integrity, no_table, closed, interface, KeyError("x"), ZeroDivisionError()):
        assert not is_user_error(exc), exc
    assert isinstance(integrity, sqlite3.IntegrityError)
    assert isinstance(closed, sqlite3.ProgrammingError)
    assert isinstance(interface, sqlite3.InterfaceError | sqlite3.ProgrammingError)


def test_a_bug_is_logged_with_its_traceback_once(tmp_path):
    def broken_code():
        return {}["missing"]

    exc = _raised(broken_code)
    first = explain(exc, context="test")
    second = explain(exc, context="test")
    log = tmp_path / "logs" / "inspector.log"
    assert first.bug and str(first) == f"internal error, details written to {log}"
    assert str(second) == str(first)
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "broken_code" in text and "KeyError: 'missing'" in text
    assert text.count("Traceback") == 1


def test_the_cli_prints_one_line_for_a_bug_and_logs_the_traceback(tmp_path):
    path = tmp_path / "bug.db"
    run = [sys.executable, "-m", "inspector", "--db", str(path)]
    assert subprocess.run([*run, "demo"], capture_output=True).returncode == 0
    with closing(sqlite3.connect(path)) as conn:  # a bug of ours: a table the code relies on
        conn.execute("DROP TABLE scores")
    campaign = subprocess.run(
        [*run, "campaign", "list"], capture_output=True, text=True
    ).stdout.split("\t")[0]
    result = subprocess.run(
        [*run, "ranking", "--campaign", campaign], capture_output=True, text=True
    )
    log = tmp_path / "logs" / "inspector.log"
    assert result.returncode == 1
    assert result.stderr == f"inspector: internal error, details written to {log}\n"
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "no such table: scores" in text and "ranking" in text


def test_the_cli_says_a_damaged_database_is_damaged_in_one_line(db_file, tmp_path):
    broken = _corrupt_copy(db_file, tmp_path / "broken.db")
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "--db", str(broken), "dump"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr
    assert "Traceback" not in result.stderr


def test_check_refuses_a_zero_length_file_and_writes_nothing(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "--db", str(path), "check"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr == f"inspector: {path} is not an Inspector database\n"
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]
