from __future__ import annotations

import json

from inspector.store.attachments import add_attachment, attachments_of, blob_path, read_bytes
from inspector.store.dump import check, dump_json
from inspector.store.rows import Rows


def test_attachments_are_stored_once_by_content(init_db):
    rows = Rows(init_db)
    town = init_db.execute("SELECT id FROM townships LIMIT 1").fetchone()[0]
    a = add_attachment(rows, "townships", town, b"\x89PNG photo", filename="现场.png")
    b = add_attachment(rows, "townships", town, b"\x89PNG photo", filename="again.png")
    assert a["sha256"] == b["sha256"] and a["mime"] == "image/png"
    path = blob_path(init_db, a["sha256"])
    assert path.parent.name == a["sha256"][:2] and path.parent.parent.name == "attachments"
    assert read_bytes(init_db, a["sha256"]) == b"\x89PNG photo"
    assert len(attachments_of(init_db, "townships", town)) == 2
    assert check(init_db) == []
    path.unlink()
    assert any("missing" in issue for issue in check(init_db))


def test_dump_is_canonical_and_holds_every_synced_table(sample_db):
    text = dump_json(sample_db)
    data = json.loads(text)
    assert list(data) == sorted(data)
    # 36 townships and 4 sample project sites; the sample campaign inspected the 36
    newest = max(data["campaigns"], key=lambda c: c["starts_on"])["id"]  # the sample campaign
    sample = [i for i in data["inspections"] if i["campaign_id"] == newest]
    assert len(data["townships"]) == 40 and len(sample) == 36
    ids = [r["id"] for r in data["answers"]]
    assert ids == sorted(ids)
    assert "scores" not in data and "audit_log" not in data
    assert dump_json(sample_db) == text


def test_check_finds_a_stale_score(sample_db):
    assert check(sample_db) == []
    sample_db.execute(
        "UPDATE scores SET score = score + 1 WHERE inspection_id = "
        "(SELECT MIN(inspection_id) FROM scores)"
    )
    assert any("out of step" in i for i in check(sample_db))
