"""A voided notice travels, stays voided everywhere, and ends the duplicate-number warning;
bundles without the new notice columns (the previous version's) still import."""

from __future__ import annotations

import datetime as dt

import pytest

from inspector.store.conflicts import count_unresolved
from inspector.store.session import Session
from tests.sync.helpers import read_bundle

NEW_COLUMNS = {"voided_on", "voided_by", "void_reason", "replaces_id", "report_received_on"}


@pytest.fixture
def team(hq, laptops):
    one = laptops("一组", role="inspector")
    two = laptops("二组", role="inspector")
    kit = hq.export()
    one.take(kit)
    two.take(kit)
    return hq, one, two


def _a_notice(device) -> dict:
    return next(device.db.query("SELECT * FROM notices WHERE deleted = 0 ORDER BY doc_number"))


def test_a_bundle_leaves_out_new_columns_at_their_default(team):
    hq, one, _ = team
    _manifest, tables, _ = read_bundle(hq.export())
    assert tables["notices"] and all(not NEW_COLUMNS & set(r) for r in tables["notices"])
    notice = _a_notice(one)
    Session(one.db).notices.void(notice["id"], "文号重复")
    _manifest, tables, _ = read_bundle(one.export())
    voided = next(r for r in tables["notices"] if r["id"] == notice["id"])
    assert voided["voided_on"] and voided["void_reason"] == "文号重复"


def test_a_void_travels_through_headquarters_and_beats_a_later_edit(team):
    hq, one, two = team
    notice = _a_notice(one)
    Session(one.db).notices.void(notice["id"], "文号与二组重复")
    # headquarters records the report-back afterwards, not having seen the void
    Session(hq.db).notices.report_back(notice["id"], dt.date.fromisoformat(notice["issued_on"]))
    summary = hq.take(one.export())
    assert summary.totals.conflicts == 1
    two.take(hq.export())
    for device in (hq, two):
        row = device.db.execute(
            "SELECT voided_on, void_reason FROM notices WHERE id = ?", [notice["id"]]
        ).fetchone()
        assert row[0] is not None and row[1] == "文号与二组重复"
    assert count_unresolved(hq.db) == 1  # the report-back is kept, not lost


def test_the_duplicate_number_warning_ends_once_one_of_them_is_voided(team):
    _hq, one, two = team
    township = one.db.execute(
        "SELECT township_id FROM problems WHERE notice_id IS NULL AND status = 'open' "
        "AND deleted = 0 LIMIT 1"
    ).fetchone()[0]
    issued = {}
    for laptop in (one, two):  # both from the default block: the same number
        session = Session(laptop.db)
        pid = session.problems.add(township, "党费收缴不规范", "2026-12-31").value["id"]
        issued[laptop.name] = session.notices.issue(
            township, [pid], issued_on=dt.date(2026, 11, 20)
        ).value
    summary = two.take(one.export())
    assert len(summary.duplicates) == 1
    number = summary.duplicates[0]["doc_number"]
    assert number == issued["二组"]["doc_number"]
    _old, new = Session(two.db).notices.reissue(issued["二组"]["id"]).value
    assert new["doc_number"] != number
    assert one.take(two.export()).duplicates == []
