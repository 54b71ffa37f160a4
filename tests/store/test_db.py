"""Opening databases: pragmas, migrations, and refusing what we cannot safely open."""

from __future__ import annotations

import sqlite3

import pytest

from inspector.store.db import StoreError, open_db
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
        fresh_db.execute("INSERT INTO townships(id, county_id, name, updated_at) "
                         "VALUES ('t', 'missing', 'x', '0')")


def test_database_from_a_newer_version_is_refused(tmp_path):
    path = tmp_path / "new.db"
    db = open_db(path)
    db["_sqlite_migrations"].insert({"migration_set": "inspector", "name": "m999_future",
                                     "applied_at": "2030"})
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


@pytest.mark.parametrize("key", ["device_name", "inspector_name", "notice_prefix",
                                 "issuing_body", "contact"])
def test_settings_refuse_names_with_control_characters(fresh_db, key):
    from inspector.store import settings

    with pytest.raises(settings.SettingError) as caught:
        settings.put(fresh_db, key, "第二组\x1b[2J\u202e")
    assert key in str(caught.value) and "\\x1b" in str(caught.value)
    assert settings.get(fresh_db, key) == settings.DEFAULTS[key]
    settings.put(fresh_db, key, "第二督导组 笔记本-2")
    assert settings.get(fresh_db, key) == "第二督导组 笔记本-2"
