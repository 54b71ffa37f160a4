"""The write path: sync columns stamped, base_version kept right, every change audited."""

from __future__ import annotations

import json

from inspector.store.clock import format_hlc
from inspector.store.rows import Rows


def county(rows: Rows, cid="c1"):
    return rows.insert("counties", {"id": cid, "code": "330902", "name": "定海区"})


def audit(db, row_id):
    return list(db.query("SELECT * FROM audit_log WHERE row_id = ? ORDER BY id", [row_id]))


def test_insert_stamps_and_audits(rows):
    row = county(rows)
    assert row["deleted"] == 0 and row["base_version"] is None
    assert row["updated_at"].endswith(rows.device)
    [entry] = audit(rows.db, "c1")
    assert entry["action"] == "insert" and entry["who"] == "测试员"
    assert json.loads(entry["new"])["name"] == "定海区"


def test_update_records_old_and_new_and_skips_no_ops(rows):
    first = county(rows)
    same = rows.update("counties", "c1", {"name": "定海区"})
    assert same["updated_at"] == first["updated_at"]
    changed = rows.update("counties", "c1", {"name": "定海"})
    assert changed["updated_at"] > first["updated_at"]
    entries = audit(rows.db, "c1")
    assert [e["action"] for e in entries] == ["insert", "update"]
    assert json.loads(entries[1]["old"]) == {
        "name": "定海区",
        "updated_at": first["updated_at"],
        "base_version": None,
    }
    assert json.loads(entries[1]["new"])["name"] == "定海"


def test_base_version_is_the_last_version_received_from_another_device(rows):
    county(rows)
    # our own unsynced edits keep the base (still None)
    assert rows.update("counties", "c1", {"name": "a"})["base_version"] is None
    # a version that came from another device becomes the base of our next edit
    remote = format_hlc(9_999_999_999_999, 0, "otherdevice")
    rows.db["counties"].update("c1", {"updated_at": remote})
    edited = rows.update("counties", "c1", {"name": "b"})
    assert edited["base_version"] == remote
    again = rows.update("counties", "c1", {"name": "c"})
    assert again["base_version"] == remote


def test_delete_is_a_tombstone_and_upsert_revives(rows):
    county(rows)
    gone = rows.delete("counties", "c1")
    assert gone["deleted"] == 1
    assert rows.db["counties"].count == 1
    back = rows.upsert("counties", {"id": "c1", "code": "330902", "name": "定海区"})
    assert back["deleted"] == 0
    assert [e["action"] for e in audit(rows.db, "c1")] == ["insert", "delete", "update"]


def test_insert_many_stamps_increasing_versions_and_audits_each_row(rows):
    n = rows.insert_many("counties", ({"id": f"c{i}", "name": f"县{i}"} for i in range(5000)))
    assert n == 5000
    stamps = [r[0] for r in rows.db.execute("SELECT updated_at FROM counties ORDER BY rowid")]
    assert stamps == sorted(stamps) and len(set(stamps)) == 5000
    assert rows.db["audit_log"].count == 5000
