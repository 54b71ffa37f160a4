"""Self-assessments travel like answers: an inspector laptop that collected a township's
sheet hands it to headquarters, the same sheet imported on two laptops is one row each,
and a bundle of the previous version (no self_answers table) still imports."""

from __future__ import annotations

import datetime as dt

import openpyxl

from inspector.reports.self_sheet import ANSWER_COL, HEADER_ROW, SHEET, export_sheets, read_sheets
from inspector.store.catalog import campaigns, find_township
from inspector.store.self_answers import save_sheets
from tests.sync.helpers import read_bundle, write_bundle

DAY = dt.date(2026, 11, 20)


def _filled(device, tmp_path, verdict: str):
    campaign = campaigns(device.db)[0]
    township = find_township(device.db, "昌国街道")
    (path,) = export_sheets(device.db, campaign["id"], tmp_path / device.name, DAY, [township])
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    ws.cell(HEADER_ROW + 1, ANSWER_COL).value = verdict  # P01
    wb.save(path)
    return path, township


def test_an_inspector_laptop_hands_a_collected_sheet_to_headquarters(hq, laptops, tmp_path):
    one = laptops("一组", role="inspector")
    one.take(hq.export())
    path, township = _filled(one, tmp_path, "基本符合")
    save_sheets(one.rows, read_sheets(one.db, [path]))
    summary = hq.take(one.export())
    assert summary.applied
    got = hq.db.execute(
        "SELECT verdict FROM self_answers WHERE township_id = ? AND item_id = 'P01'",
        [township["id"]],
    ).fetchone()
    assert got == ("partial",)


def test_the_same_sheet_on_two_laptops_is_one_row(hq, laptops, tmp_path):
    one = laptops("一组", role="inspector")
    two = laptops("二组", role="inspector")
    one.take(hq.export())
    two.take(hq.export())
    path, township = _filled(one, tmp_path, "符合")
    save_sheets(one.rows, read_sheets(one.db, [path]))
    save_sheets(two.rows, read_sheets(two.db, [path]))
    hq.take(one.export())
    hq.take(two.export())
    count = hq.db.execute(
        "SELECT COUNT(*) FROM self_answers WHERE township_id = ? AND item_id = 'P01'",
        [township["id"]],
    ).fetchone()[0]
    assert count == 1


def test_a_campaign_kit_carries_the_collected_sheets_to_the_teams(hq, laptops, tmp_path):
    path, township = _filled(hq, tmp_path, "不符合")
    save_sheets(hq.rows, read_sheets(hq.db, [path]))
    one = laptops("一组", role="inspector")
    one.take(hq.export(campaign_ref=campaigns(hq.db)[0]["id"]))
    got = one.db.execute(
        "SELECT verdict FROM self_answers WHERE township_id = ? AND item_id = 'P01'",
        [township["id"]],
    ).fetchone()
    assert got == ("fail",)


def test_a_bundle_without_the_table_still_imports(hq, laptops, tmp_path):
    """What the previous version wrote: no self_answers table in the manifest."""
    one = laptops("一组")
    manifest, tables, blobs = read_bundle(hq.export())
    assert "self_answers" in manifest["tables"]  # this version writes it, empty or not
    del manifest["tables"]["self_answers"], tables["self_answers"]
    old = write_bundle(tmp_path / "old.inspbundle", manifest, tables, blobs)
    summary = one.take(old)
    assert summary.applied
    assert one.db.execute("SELECT COUNT(*) FROM inspections").fetchone()[0] > 0
