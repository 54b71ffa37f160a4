"""The self-assessment sheet (自评表): made, filled in by a spreadsheet, imported back.

The filling is done with openpyxl as a township's office would with Excel or
WPS: typing in the answer and note columns of the workbook we made. Every
refusal must name sheet, row and column, and leave the database untouched.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from inspector.core.ids import self_answer_id
from inspector.reports.self_sheet import (
    ANSWER_COL,
    HEADER_ROW,
    META_SHEET,
    NOTE_COL,
    SHEET,
    SheetError,
    export_sheets,
    read_sheets,
)
from inspector.store.catalog import find_township, form_for_campaign
from inspector.store.self_answers import save_sheets

DAY = dt.date(2026, 11, 20)


@pytest.fixture
def sheet(sample_db, sample_campaign, tmp_path) -> Path:
    township = find_township(sample_db, "昌国街道")
    (path,) = export_sheets(sample_db, sample_campaign["id"], tmp_path / "out", DAY, [township])
    return path


def fill(path: Path, answers: dict[str, tuple[object, object]], out: Path | None = None) -> Path:
    """Type answers and notes into the rows of the given items, as a user would."""
    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        item = ws.cell(row, 1).value
        if item in answers:
            answer, note = answers[item]
            ws.cell(row, ANSWER_COL).value = answer
            ws.cell(row, NOTE_COL).value = note
    target = out or path
    wb.save(target)
    return target


def all_full(form) -> dict[str, tuple[object, object]]:
    return {
        i.id: ("符合" if i.kind == "verdict" else 0 if i.kind == "number" else None, "")
        for i in form.items
    }


def count_rows(db) -> int:
    return db.execute("SELECT COUNT(*) FROM self_answers").fetchone()[0]


def test_a_filled_sheet_becomes_one_row_per_answered_item(sample_db, sample_campaign, sheet, rows):
    form = form_for_campaign(sample_db, sample_campaign["id"])
    answers = all_full(form)
    answers["P03"] = ("基本符合", "台账不全")
    answers["F04"] = (2, "两个村未达标")
    fill(sheet, answers)
    parsed = read_sheets(sample_db, [sheet])
    from inspector.store.rows import Rows

    save_sheets(Rows(sample_db, who="测试员"), parsed)
    township = find_township(sample_db, "昌国街道")
    got = {
        r["item_id"]: r
        for r in sample_db.query(
            "SELECT * FROM self_answers WHERE township_id = ?", [township["id"]]
        )
    }
    scored = [i for i in form.items if i.scored]
    assert len(got) == len(scored)
    assert got["P03"]["verdict"] == "partial" and got["P03"]["note"] == "台账不全"
    assert got["F04"]["number"] == 2.0 and got["F04"]["verdict"] is None
    assert got["P01"]["verdict"] == "full"
    assert got["P03"]["id"] == self_answer_id(sample_campaign["id"], township["id"], "P03")
    assert got["P03"]["form_sha256"] == form.sha256
    # the inspectors' answers are untouched: the score is theirs
    assert (
        sample_db.execute(
            "SELECT COUNT(*) FROM answers WHERE verdict = 'partial' AND item_id = 'P03' AND note = '台账不全'"
        ).fetchone()[0]
        == 0
    )


def test_the_sheet_offers_the_four_verdicts_and_locks_what_is_not_an_answer(sheet):
    wb = openpyxl.load_workbook(sheet)
    ws = wb[SHEET]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists and lists[0].formula1 == '"符合,基本符合,不符合,不适用"'
    assert any(dv.type == "whole" for dv in ws.data_validations.dataValidation)
    assert ws.protection.sheet
    row = HEADER_ROW + 1
    assert ws.cell(row, 3).protection.locked and not ws.cell(row, ANSWER_COL).protection.locked
    assert wb[META_SHEET].sheet_state == "veryHidden"


def test_exporting_again_prefills_what_the_township_answered(
    sample_db, sample_campaign, sheet, tmp_path
):
    from inspector.store.rows import Rows

    fill(sheet, {"P01": ("不符合", "未建组织")})
    save_sheets(Rows(sample_db, who="测试员"), read_sheets(sample_db, [sheet]))
    township = find_township(sample_db, "昌国街道")
    (again,) = export_sheets(sample_db, sample_campaign["id"], tmp_path / "again", DAY, [township])
    ws = openpyxl.load_workbook(again)[SHEET]
    assert ws.cell(HEADER_ROW + 1, 1).value == "P01"
    assert ws.cell(HEADER_ROW + 1, ANSWER_COL).value == "不符合"
    assert ws.cell(HEADER_ROW + 1, NOTE_COL).value == "未建组织"


@pytest.mark.parametrize(
    ("item", "answer", "note", "column", "words"),
    [
        ("P01", "很好", "", "G (自评结论)", "not one of 符合"),
        ("P01", '=IF(1,"符合")', "", "G (自评结论)", "a formula"),
        ("P01", True, "", "G (自评结论)", "TRUE/FALSE"),
        ("P01", dt.datetime(2026, 1, 1), "", "G (自评结论)", "date"),
        ("P01", 1, "", "G (自评结论)", "not one of"),
        ("F04", -1, "", "G (自评结论)", "from 0 to"),
        ("F04", 1.5, "", "G (自评结论)", "whole number"),
        ("F04", "三个", "", "G (自评结论)", "not a count"),
        ("F04", "符合", "", "G (自评结论)", "not a count"),
        ("P01", "符合", '=HYPERLINK("http://x")', "H (说明)", "a formula"),
        ("P01", "符合", "a\x7fb", "H (说明)", "control character"),
        ("P01", "符合", "长" * 20_001, "H (说明)", "longer than 20000"),
    ],
)
def test_each_kind_of_bad_cell_is_named_by_sheet_row_and_column(
    sample_db, sheet, item, answer, note, column, words
):
    fill(sheet, {item: (answer, note)})
    before = count_rows(sample_db)
    with pytest.raises(SheetError) as caught:
        read_sheets(sample_db, [sheet])
    text = str(caught.value)
    row = _row_of(sheet, item)
    assert f"{sheet.name}: sheet {SHEET}, row {row}, column {column}: " in text
    assert words in text
    assert "nothing was imported" in text
    assert count_rows(sample_db) == before


def test_every_bad_cell_is_listed_not_only_the_first(sample_db, sheet):
    fill(sheet, {"P01": ("好", "=1"), "P03": ("差", ""), "F04": (-2, "")})
    with pytest.raises(SheetError) as caught:
        read_sheets(sample_db, [sheet])
    lines = str(caught.value).splitlines()
    assert len(lines) == 5  # four cells and the closing line
    assert lines[-1] == "4 problem(s) found; nothing was imported"


def test_a_text_item_takes_no_verdict(sample_db, sample_campaign, sheet):
    form = form_for_campaign(sample_db, sample_campaign["id"])
    text_item = next(i for i in form.items if i.kind == "text")
    fill(sheet, {text_item.id: ("符合", "")})
    with pytest.raises(SheetError, match="takes no verdict"):
        read_sheets(sample_db, [sheet])


def test_an_item_the_form_does_not_have_or_twice(sample_db, sheet):
    wb = openpyxl.load_workbook(sheet)
    ws = wb[SHEET]
    ws.cell(HEADER_ROW + 1, 1).value = "Z99"
    ws.cell(HEADER_ROW + 3, 1).value = ws.cell(HEADER_ROW + 2, 1).value
    wb.save(sheet)
    with pytest.raises(SheetError) as caught:
        read_sheets(sample_db, [sheet])
    text = str(caught.value)
    assert f"row {HEADER_ROW + 1}, column A (条目编号): 'Z99' is not an item of the form" in text
    assert f"row {HEADER_ROW + 3}, column A (条目编号): item" in text and "appears twice" in text


def test_one_bad_file_and_no_file_is_imported(sample_db, sample_campaign, tmp_path):
    townships = [find_township(sample_db, n) for n in ("昌国街道", "环南街道")]
    good, bad = export_sheets(sample_db, sample_campaign["id"], tmp_path / "o", DAY, townships)
    form = form_for_campaign(sample_db, sample_campaign["id"])
    fill(good, all_full(form))
    fill(bad, {"P01": ("差不多", "")})
    with pytest.raises(SheetError) as caught:
        read_sheets(sample_db, [good, bad])
    assert bad.name in str(caught.value) and good.name not in str(caught.value)
    assert count_rows(sample_db) == 0


def test_the_same_township_twice_is_refused(sample_db, sheet, tmp_path):
    copy = tmp_path / "copy.xlsx"
    copy.write_bytes(sheet.read_bytes())
    with pytest.raises(SheetError, match="the same township's sheet as"):
        read_sheets(sample_db, [sheet, copy])


def _meta_set(path: Path, key: str, value: str) -> None:
    wb = openpyxl.load_workbook(path)
    meta = wb[META_SHEET]
    for row in meta.iter_rows():
        if row[0].value == key:
            row[1].value = value
    wb.save(path)


def test_a_sheet_of_another_campaign_or_form_is_refused(sample_db, sheet, tmp_path):
    other = tmp_path / "other.xlsx"
    other.write_bytes(sheet.read_bytes())
    _meta_set(other, "campaign_id", "00000000-0000-4000-8000-000000000000")
    with pytest.raises(SheetError, match="campaign this database does not hold"):
        read_sheets(sample_db, [other])
    _meta_set(sheet, "form_sha256", "0" * 64)
    with pytest.raises(SheetError, match="another form than campaign"):
        read_sheets(sample_db, [sheet])


def test_a_workbook_that_is_not_our_sheet_is_refused(sample_db, tmp_path):
    plain = tmp_path / "plain.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "符合"
    wb.save(plain)
    with pytest.raises(SheetError, match="not a self-assessment sheet made by Inspector"):
        read_sheets(sample_db, [plain])
    text = tmp_path / "text.xlsx"
    text.write_text("not a zip")
    with pytest.raises(SheetError, match="not a zip archive"):
        read_sheets(sample_db, [text])


def test_hostile_workbooks_are_refused_before_they_are_parsed(sample_db, sheet, tmp_path):
    huge = tmp_path / "huge.xlsx"
    with huge.open("wb") as f:
        f.truncate(6 * 1024 * 1024)
    with pytest.raises(SheetError, match="at most 5 MiB"):
        read_sheets(sample_db, [huge])
    bomb = tmp_path / "bomb.xlsx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(sheet) as src, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            out.writestr(info.filename, src.read(info.filename))
        out.writestr("xl/media/padding.bin", b"\0" * (60 * 1024 * 1024))
    bomb.write_bytes(buffer.getvalue())
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(SheetError, match="zip bomb"):
        read_sheets(sample_db, [bomb])


def test_a_sheet_longer_than_the_form_is_refused(sample_db, sheet):
    wb = openpyxl.load_workbook(sheet)
    ws = wb[SHEET]
    for row in range(ws.max_row + 1, ws.max_row + 400):
        ws.cell(row, 8).value = "x"
    wb.save(sheet)
    with pytest.raises(SheetError, match="more rows than the form has items"):
        read_sheets(sample_db, [sheet])


def _row_of(path: Path, item: str) -> int:
    ws = openpyxl.load_workbook(path)[SHEET]
    for row in range(HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row, 1).value == item:
            return row
    raise AssertionError(item)
