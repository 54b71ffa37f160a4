"""The device identity: a copied database is noticed, and a new identity loses nothing."""

from __future__ import annotations

import shutil

import pytest

from inspector.store import settings
from inspector.store.clock import format_hlc, parse_hlc, wall_ms
from inspector.store.db import open_db
from inspector.store.dump import dump_json
from inspector.store.identity import (
    CHANGED,
    IN_MEMORY,
    RECORDED,
    SAME,
    confirm_same,
    copy_warning,
    identity,
    new_identity,
)
from inspector.store.rows import Rows
from inspector.store.stamps import future_issues, future_rows, restamp

YEAR_MS = 365 * 24 * 3600 * 1000


@pytest.fixture
def original(tmp_path):
    db = open_db(tmp_path / "a" / "inspector.db")
    Rows(db, who="甲").insert("counties", {"name": "定海区", "code": "330902"})
    assert identity(db).fingerprint == RECORDED  # the first open records this machine
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    yield db
    db.close()


def copy_of(db, tmp_path, folder="b"):
    """The database file as a user would copy it to another laptop (here: another folder)."""
    from inspector.store.db import database_file

    source = database_file(db)
    target = tmp_path / folder / "inspector.db"
    target.parent.mkdir()
    shutil.copy(source, target)
    return open_db(target)


def test_the_same_database_in_the_same_place_is_the_same_device(original):
    assert identity(original).fingerprint == SAME
    assert copy_warning(original) is None


def test_a_copied_database_is_noticed_and_the_user_is_told_how_to_give_it_a_new_identity(
    original, tmp_path
):
    copy = copy_of(original, tmp_path)
    try:
        found = identity(copy)
        assert found.fingerprint == CHANGED
        assert found.device_id == settings.device_id(original)
        warning = str(copy_warning(copy))
        assert found.device_id in warning and "inspector device new" in warning
        assert "inspector device same" in warning
        confirm_same(copy)  # "it is the same laptop, renamed": trusted from now on
        assert identity(copy).fingerprint == SAME and copy_warning(copy) is None
    finally:
        copy.close()


def test_a_new_identity_keeps_every_row_and_stamps_new_edits_with_the_new_id(original, tmp_path):
    copy = copy_of(original, tmp_path)
    try:
        before = dump_json(copy)
        old = settings.device_id(copy)
        made = new_identity(copy)
        assert made.old_id == old and made.new_id != old
        assert settings.device_id(copy) == made.new_id
        assert identity(copy).fingerprint == SAME and identity(copy).previous_ids == (old,)
        assert dump_json(copy) == before  # nothing restamped, nothing lost
        county = copy.execute("SELECT id, updated_at FROM counties").fetchone()
        edited = Rows(copy).update("counties", county[0], {"name": "定海区（副本）"})
        assert edited["updated_at"].endswith(made.new_id) and edited["updated_at"] > county[1]
        assert edited["base_version"] == county[1]  # the old id's version is another device's
        assert made.notice_block == (1, None)
    finally:
        copy.close()


def test_a_database_in_memory_has_no_place_to_compare(fresh_db):
    assert identity(fresh_db).fingerprint == IN_MEMORY


def test_rows_stamped_in_the_future_are_reported_and_restamped_once_the_clock_is_right(original):
    rows = Rows(original, who="甲")
    county = original.execute("SELECT id FROM counties").fetchone()[0]
    settings.put(original, "hlc_last", format_hlc(wall_ms() + 9 * YEAR_MS, 0, "x"))
    future = rows.update("counties", county, {"name": "定海区（未来）"})["updated_at"]
    issues = [str(m) for m in future_issues(original)]
    assert len(issues) == 1 and issues[0].startswith("counties: 1 row(s) stamped more than a day")
    assert "inspector check --restamp-future" in issues[0]
    done = restamp(original)
    assert done.rows == 1 and done.backup is not None and done.backup.exists()
    assert future_rows(original, wall_ms()) == [] and future_issues(original) == []
    row = original.execute("SELECT name, updated_at FROM counties").fetchone()
    assert row[0] == "定海区（未来）" and row[1] < future  # the edit stays, its stamp is sane
    assert abs(parse_hlc(row[1])[0] - wall_ms()) < 60_000
    assert rows.clock.tick() > row[1]
    audit = original.execute("SELECT new FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0]
    assert row[1] in audit
    assert restamp(original).rows == 0  # nothing left to do, no further backup
