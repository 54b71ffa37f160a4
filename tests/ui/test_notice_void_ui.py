"""Voiding and re-issuing a notice, and recording its report-back, from the notices tab;
the offer after an import that met a duplicate number."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from inspector.store.notices import duplicate_numbers
from inspector.store.rows import Rows
from inspector.store.session import Session
from inspector.sync.importer import ImportSummary
from inspector.ui.duplicate_offer import offer_reissue
from inspector.ui.notice_actions import ReportBackDialog, VoidNoticeDialog
from inspector.ui.notices import _COLUMNS, NoticeListWidget
from tests.conftest import SAMPLE_DATE

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def notice_list(qtbot, sample_db, sample_campaign):
    w = NoticeListWidget(Session(sample_db, who="李晓燕"), today=SAMPLE_DATE)
    qtbot.addWidget(w)
    w.set_campaign(sample_campaign["id"])
    w.view.selectRow(0)
    return w


def _cell(widget, notice_id: str, column: str) -> str:
    row = widget.model.row_of(notice_id)
    return widget.model.index(row, _COLUMNS.index(column)).data()


def test_void_and_reissue_from_the_tab(qtbot, notice_list, sample_db, monkeypatch):
    old = notice_list.selected_notice()
    assert notice_list.void_button.isEnabled()

    def drive(dialog: VoidNoticeDialog) -> int:
        assert not dialog.ok_button.isEnabled()  # no reason, no void
        qtbot.keyClicks(dialog.reason_edit, "same number as team 2")
        assert dialog.reissue_check.isChecked()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(VoidNoticeDialog, "exec", drive)
    with qtbot.waitSignal(notice_list.changed):
        qtbot.mouseClick(notice_list.void_button, Qt.MouseButton.LeftButton)

    voided = next(sample_db.query("SELECT * FROM notices WHERE id = ?", [old["id"]]))
    assert voided["void_reason"] == "same number as team 2" and voided["voided_by"] == "李晓燕"
    new = next(sample_db.query("SELECT * FROM notices WHERE replaces_id = ?", [old["id"]]))
    before = next(sample_db.query("SELECT problem_ids FROM notices WHERE id = ?", [old["id"]]))
    assert json.loads(new["problem_ids"]) == json.loads(before["problem_ids"])
    assert new["attachment_id"]  # the re-issued notice's PDF is archived
    assert notice_list.selected_notice()["id"] == new["id"]
    assert _cell(notice_list, old["id"], "state") == "Voided"
    assert _cell(notice_list, new["id"], "state") == f"Replaces {old['doc_number']}"
    notice_list.select_notice(old["id"])
    assert not notice_list.void_button.isEnabled()
    assert not notice_list.report_button.isEnabled()


def test_void_without_reissue_frees_the_problems(qtbot, notice_list, sample_db, monkeypatch):
    old = notice_list.selected_notice()

    def drive(dialog: VoidNoticeDialog) -> int:
        qtbot.keyClicks(dialog.reason_edit, "issued by mistake")
        qtbot.keyClick(dialog.reissue_check, Qt.Key.Key_Space)
        assert not dialog.reissue_check.isChecked()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(VoidNoticeDialog, "exec", drive)
    qtbot.mouseClick(notice_list.void_button, Qt.MouseButton.LeftButton)
    assert sample_db.execute(
        "SELECT COUNT(*) FROM notices WHERE replaces_id = ?", [old["id"]]
    ).fetchone() == (0,)
    assert sample_db.execute(
        "SELECT COUNT(*) FROM problems WHERE notice_id = ?", [old["id"]]
    ).fetchone() == (0,)


def test_report_received_with_its_scan(qtbot, notice_list, sample_db, monkeypatch, tmp_path):
    notice = notice_list.selected_notice()
    assert _cell(notice_list, notice["id"], "report") == "Not yet"
    scan = tmp_path / "report.pdf"
    scan.write_bytes(b"%PDF-1.4\n% scanned\n%%EOF\n")

    def drive(dialog: ReportBackDialog) -> int:
        assert dialog.by_edit.text() == "李晓燕"
        qtbot.keyClicks(dialog.file_edit, str(tmp_path / "missing.pdf"))
        assert not dialog.ok_button.isEnabled()
        dialog.file_edit.clear()
        qtbot.keyClicks(dialog.file_edit, str(scan))
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(ReportBackDialog, "exec", drive)
    qtbot.mouseClick(notice_list.report_button, Qt.MouseButton.LeftButton)
    row = next(sample_db.query("SELECT * FROM notices WHERE id = ?", [notice["id"]]))
    assert row["report_received_on"] == SAMPLE_DATE.isoformat()
    assert row["report_received_by"] == "李晓燕"
    attachment = next(
        sample_db.query("SELECT * FROM attachments WHERE id = ?", [row["report_attachment_id"]])
    )
    assert attachment["filename"] == "report.pdf"
    shown = _cell(notice_list, notice["id"], "report")
    assert shown.startswith(SAMPLE_DATE.isoformat()) and "(scan)" in shown


def test_a_duplicate_number_offers_to_void_and_reissue_this_laptops_notice(
    qtbot, sample_db, monkeypatch
):
    session = Session(sample_db, who="李晓燕")
    mine = next(sample_db.query("SELECT * FROM notices ORDER BY seq LIMIT 1"))
    twin = {
        k: v
        for k, v in mine.items()
        if k not in ("id", "updated_at", "base_version", "attachment_id")
    }
    theirs = Rows(sample_db, who="import:二组 (b2b2b2b2)").insert("notices", twin)
    summary = ImportSummary(
        file="二组.inspbundle",
        bundle_id="b",
        device_id="b2b2b2b2",
        device_name="二组",
        created_at="",
        campaign_id=None,
        tables=[],
        duplicates=duplicate_numbers(sample_db),
    )
    assert [d["doc_number"] for d in summary.duplicates] == [mine["doc_number"]]

    seen = {}

    def drive(dialog: VoidNoticeDialog) -> int:
        seen["notice"] = dialog.notice["id"]
        seen["reason"] = dialog.reason_edit.text()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    monkeypatch.setattr(VoidNoticeDialog, "exec", drive)
    box = offer_reissue(None, session, summary)
    assert box is not None and mine["doc_number"] in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert seen["notice"] == mine["id"] and "二组" in seen["reason"]
    assert next(sample_db.query("SELECT voided_on FROM notices WHERE id = ?", [mine["id"]]))[
        "voided_on"
    ]
    assert (
        next(sample_db.query("SELECT voided_on FROM notices WHERE id = ?", [theirs["id"]]))[
            "voided_on"
        ]
        is None
    )
    assert duplicate_numbers(sample_db) == []


def test_no_offer_when_the_duplicate_is_not_this_laptops(qtbot, sample_db):
    summary = ImportSummary(
        file="x",
        bundle_id="b",
        device_id="d",
        device_name="d",
        created_at="",
        campaign_id=None,
        tables=[],
        duplicates=[{"doc_number": "x", "n": 2, "ids": "a,b"}],
    )
    assert offer_reissue(None, Session(sample_db), summary) is None


def test_the_township_page_marks_a_voided_notice(qtbot, sample_db, sample_campaign):
    from inspector.ui.changes import signals_of
    from inspector.ui.township_page import TownshipPage

    session = Session(sample_db, who="李晓燕")
    signals_of(session)
    notice = next(
        sample_db.query(
            "SELECT * FROM notices WHERE campaign_id = ? ORDER BY seq LIMIT 1",
            [sample_campaign["id"]],
        )
    )
    page = TownshipPage(session)
    qtbot.addWidget(page)
    page.show()
    page.show_township(sample_campaign["id"], notice["township_id"])

    def numbers():
        table = page.notices_table
        return [table.item(r, 0).text() for r in range(table.rowCount())]

    assert notice["doc_number"] in numbers()
    session.notices.void(notice["id"], "duplicate")
    assert f"{notice['doc_number']} (voided)" in numbers()
