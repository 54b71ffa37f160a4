"""Two laptops that each ran init hold the same counties, townships and form with
different stamps: an import counts them unchanged, writes no audit row for them, and the
laptops still end with the same versions (updated_at included)."""

from __future__ import annotations

from inspector.demo import ensure_initialised
from inspector.store.dump import dump_json
from tests.sync.helpers import exchange

CATALOG = ("counties", "townships", "forms")


def _audited_updates(db) -> int:
    return db.execute(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'update' AND table_name "
        "IN ('counties', 'townships', 'forms')"
    ).fetchone()[0]


def test_identical_content_with_other_stamps_counts_unchanged_and_converges(laptops):
    a, b = laptops("一组"), laptops("二组")
    ensure_initialised(a.rows)
    ensure_initialised(b.rows)  # later: B's stamps are larger
    first = exchange(b, a)  # A meets B's newer stamps on the same content
    plans = {p.table: p for p in first.tables}
    assert [plans[t].updated for t in CATALOG] == [0, 0, 0]
    assert [plans[t].conflicts for t in CATALOG] == [0, 0, 0]
    assert plans["townships"].unchanged == 40 and plans["counties"].unchanged == 4
    assert _audited_updates(a.db) == 0
    back = exchange(a, b)  # B meets A's older stamps: unchanged as before
    assert sum(p.updated for p in back.tables if p.table in CATALOG) == 0
    assert dump_json(a.db) == dump_json(b.db)  # the same updated_at on both laptops
    again = exchange(b, a)
    assert again.totals.updated == 0 and again.totals.new == 0


def test_a_real_edit_after_identical_content_still_counts_as_updated(laptops):
    a, b = laptops("一组"), laptops("二组")
    ensure_initialised(a.rows)
    ensure_initialised(b.rows)
    exchange(b, a)
    town = a.db.execute("SELECT id FROM townships ORDER BY id LIMIT 1").fetchone()[0]
    a.rows.update("townships", town, {"name": "改名镇"})
    plans = {p.table: p for p in exchange(a, b).tables}
    assert plans["townships"].updated == 1
    assert b.db.execute("SELECT name FROM townships WHERE id = ?", [town]).fetchone()[0] == "改名镇"
    assert dump_json(a.db) == dump_json(b.db)
