"""Self-assessments travel like answers: an inspector laptop that collected a township's
sheet hands it to headquarters, the same sheet imported on two laptops is one row each,
and a bundle of the previous version (no self_answers table) still imports."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from inspector.reports.self_sheet import ANSWER_COL, HEADER_ROW, SHEET, export_sheets, read_sheets
from inspector.store.catalog import campaigns, find_township
from inspector.store.self_answers import save_sheets
from tests.sync.helpers import read_bundle, write_bundle
from tests.sync.test_bundle_hostile import refused

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


@pytest.mark.parametrize(
    "change, words",
    [
        ({"item_id": "P02"}, ("item P02", "takes a number", "verdict")),
        ({"verdict": None, "number": 3}, ("item P01", "takes a verdict", "number")),
        ({"item_id": "Z99"}, ("item Z99", "not in its campaign's form")),
    ],
)
def test_a_self_answer_that_does_not_fit_its_item_is_refused(hq, laptops, tmp_path, change, words):
    """A hostile or buggy bundle: the comparison would score nonsense, so the form decides,
    as it does for the inspectors' answers, naming the line, the row, the item and the column."""
    target = laptops("新笔记本")
    path, _township = _filled(hq, tmp_path, "符合")
    save_sheets(hq.rows, read_sheets(hq.db, [path]))
    manifest, tables, blobs = read_bundle(hq.export())
    rows = tables["self_answers"]
    i = next(n for n, r in enumerate(rows) if r["item_id"] == "P01")
    rows[i].update(change)
    bad = write_bundle(tmp_path / "misfit.inspbundle", manifest, tables, blobs)
    refused(target, bad, f"tables/self_answers.jsonl line {i + 1}", rows[i]["id"], *words)


def test_a_self_answer_of_basically_met_on_a_veto_item_still_travels(hq, laptops, tmp_path):
    """The sheet takes 基本符合 on any verdict item; a veto item's rule is the inspectors'."""
    target = laptops("新笔记本")
    path, township = _filled(hq, tmp_path, "基本符合")
    save_sheets(hq.rows, read_sheets(hq.db, [path]))
    manifest, tables, blobs = read_bundle(hq.export())
    rows = tables["self_answers"]
    i = next(n for n, r in enumerate(rows) if r["item_id"] == "P01")
    rows[i].update(item_id="V01")
    assert target.take(write_bundle(tmp_path / "veto.inspbundle", manifest, tables, blobs)).applied
    got = target.db.execute(
        "SELECT verdict FROM self_answers WHERE township_id = ? AND item_id = 'V01'",
        [township["id"]],
    ).fetchone()
    assert got == ("partial",)
