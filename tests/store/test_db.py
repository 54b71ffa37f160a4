"""Opening databases: pragmas, migrations, and refusing what we cannot safely open."""

from __future__ import annotations

import sqlite3

import pytest

from inspector.store.db import InspectorDatabase, StoreError, open_db, temp_transaction
from inspector.store.schema import SYNC_COLUMNS, SYNCED_TABLES


def test_new_database_has_every_synced_table_with_sync_columns(tmp_path):
    db = open_db(tmp_path / "a.db")
    for table in SYNCED_TABLES:
        columns = db[table].columns_dict
        for column in SYNC_COLUMNS:
            assert column in columns, (table, column)
    notnull = {c.name: c.notnull for c in db["problems"].columns}
    assert notnull["updated_at"] and notnull["deleted"] and not notnull["base_version"]
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reopening_applies_nothing_twice(tmp_path):
    open_db(tmp_path / "a.db").close()
    db = open_db(tmp_path / "a.db")
    names = [r["name"] for r in db.query("SELECT name FROM _sqlite_migrations")]
    assert names == sorted(set(names))


def test_foreign_keys_are_enforced(fresh_db):
    with pytest.raises(sqlite3.IntegrityError):
        fresh_db.execute(
            "INSERT INTO townships(id, county_id, name, updated_at) "
            "VALUES ('t', 'missing', 'x', '0')"
        )


def test_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    db = open_db(path)
    db["_sqlite_migrations"].insert(
        {"migration_set": "inspector", "name": "m999_future", "applied_at": "2030"}
    )
    db.close()
    with pytest.raises(StoreError, match="newer version of Inspector"):
        open_db(path)


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"just some text, not sqlite" * 10)
    before = path.read_bytes()
    with pytest.raises(StoreError, match="not an Inspector database"):
        open_db(path)
    assert path.read_bytes() == before


def test_checkpoint_from_another_connection_folds_the_wal(tmp_path):
    from inspector.store.db import checkpoint_file

    path = tmp_path / "w.db"
    db = open_db(path, autocheckpoint=False)
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    before = path.stat().st_size
    with db.atomic():
        for i in range(3000):
            db.execute("INSERT INTO settings(key, value) VALUES (?, ?)", [f"k{i}", "x" * 500])
    assert path.stat().st_size == before  # everything still waits in the WAL
    checkpoint_file(path)
    assert path.stat().st_size > before + 1_000_000


def test_opening_a_second_connection_keeps_the_first_ones_commits_visible(tmp_path):
    """A second open_db (a dialog, the worker) must not drop the first connection's file
    locks: otherwise the next process to close the database deletes the WAL the first
    connection still writes to, and its later commits are invisible to everyone else."""
    import subprocess
    import sys

    path = tmp_path / "locks.db"
    main = open_db(path)
    main["settings"].insert({"key": "before", "value": '"1"'})
    open_db(path).close()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]);"
            " c.execute('SELECT COUNT(*) FROM settings').fetchone(); c.close()",
            str(path),
        ],
        check=True,
    )
    main["settings"].insert({"key": "after", "value": '"2"'})
    seen = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect("
            "sys.argv[1]); print(sorted(r[0] for r in c.execute("
            "'SELECT key FROM settings')))",
            str(path),
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    main.close()
    assert "'after'" in seen and "'before'" in seen


def test_an_empty_file_is_refused_when_not_creating_and_left_empty(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(StoreError, match="not an Inspector database"):
        open_db(path, create=False)
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_another_programs_sqlite_database_is_refused_unchanged(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts(name TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not an Inspector database"):
        open_db(path)
    conn = sqlite3.connect(path)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["contacts"]
    conn.close()


def test_a_missing_folder_is_made_only_when_asked(tmp_path):
    with pytest.raises(StoreError, match="no folder"):
        open_db(tmp_path / "typo" / "x.db", folders=False)
    assert not (tmp_path / "typo").exists()
    open_db(tmp_path / "new" / "x.db").close()
    assert (tmp_path / "new" / "x.db").is_file()


def test_an_edit_that_reads_first_waits_for_another_writer(init_db, tmp_path):
    """Every multi-step write takes the write lock first: an edit made while another
    connection (an import in the worker, a command) writes waits for it to finish
    instead of failing at once with 'database is locked' once the other commits."""
    import threading
    import time

    from inspector.store.catalog import create_campaign
    from inspector.store.rows import Rows

    holder = sqlite3.connect(tmp_path / "init.db", isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO settings(key, value) VALUES ('held', '1')")

    def release_later():
        time.sleep(1.0)
        holder.execute("COMMIT")

    thread = threading.Thread(target=release_later)
    thread.start()
    try:
        made = create_campaign(Rows(init_db), "等待写锁", "township-party-building")
    finally:
        thread.join()
        holder.close()
    assert init_db["campaigns"].get(made["id"])["name"] == "等待写锁"


def test_a_read_only_database_still_takes_a_dry_run(tmp_path):
    """Work that writes only temporary tables (staging a bundle) takes no write lock."""
    path = tmp_path / "ro.db"
    open_db(path).close()
    db = InspectorDatabase(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True))
    try:
        with temp_transaction(db):
            db.execute("CREATE TEMP TABLE scratch(x)")
            db.execute("INSERT INTO temp.scratch VALUES (1)")
        with pytest.raises(sqlite3.OperationalError), db.atomic():
            db.execute("INSERT INTO settings(key, value) VALUES ('x', '1')")
    finally:
        db.close()


@pytest.mark.parametrize(
    "key", ["device_name", "inspector_name", "notice_prefix", "issuing_body", "contact"]
)
def test_settings_refuse_names_with_control_characters(fresh_db, key):
    from inspector.store import settings

    with pytest.raises(settings.SettingError) as caught:
        settings.put(fresh_db, key, "第二组\x1b[2J\u202e")
    assert key in str(caught.value) and "\\x1b" in str(caught.value)
    assert settings.get(fresh_db, key) == settings.DEFAULTS[key]
    settings.put(fresh_db, key, "第二督导组 笔记本-2")
    assert settings.get(fresh_db, key) == "第二督导组 笔记本-2"
