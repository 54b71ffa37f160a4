"""Issuing a rectification notice from the notices tab, and the notice list."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re

import pytest
from PySide6.QtCore import Qt

from inspector.store.attachments import read_bytes
from inspector.store.problem_queries import noticeable_problems
from inspector.ui import notices as notices_ui
from inspector.ui.issue_notice_dialog import (
    IssueNoticeDialog,
    NoticeProblemModel,
    default_deadline,
)
from inspector.ui.notices import NoticeListWidget, NoticeTableModel
from tests.conftest import SAMPLE_DATE

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def notice_list(qtbot, sample_db, sample_campaign):
    w = NoticeListWidget(sample_db, today=SAMPLE_DATE)
    qtbot.addWidget(w)
    w.set_campaign(sample_campaign["id"])
    return w


def test_issue_a_notice_from_the_tab(qtbot, notice_list, sample_db, sample_campaign, monkeypatch):
    before = notice_list.model.rowCount()
    seen: dict = {}

    def drive(dialog: IssueNoticeDialog) -> int:
        dialog.township_combo.setCurrentIndex(1)
        seen["township"] = dialog.township_id()
        seen["number"] = dialog.number_label.text()
        seen["addressee"] = dialog.addressee_edit.text()
        model = dialog.model
        seen["all"] = [r["id"] for r in model.checked_rows()]
        assert len(seen["all"]) == model.rowCount() >= 2  # all checked at first
        model.setData(
            model.index(model.rowCount() - 1, 0),
            Qt.CheckState.Unchecked.value,
            Qt.ItemDataRole.CheckStateRole,
        )
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        return dialog.result()

    told = []
    monkeypatch.setattr(IssueNoticeDialog, "exec", drive)
    monkeypatch.setattr(notices_ui.QMessageBox, "information", lambda *args: told.append(args[2]))
    with qtbot.waitSignal(notice_list.changed):
        qtbot.mouseClick(notice_list.issue_button, Qt.MouseButton.LeftButton)

    assert notice_list.model.rowCount() == before + 1
    notice = notice_list.selected_notice()
    assert notice is not None
    assert notice["doc_number"] == seen["number"]
    found = re.fullmatch(r"舟组督〔(\d{4})〕(\d+)号", notice["doc_number"])
    assert found and int(found[1]) == SAMPLE_DATE.year
    assert (
        int(found[2])
        == 1
        + sample_db.execute(
            "SELECT MAX(seq) FROM notices WHERE id != ?", [notice["id"]]
        ).fetchone()[0]
    )
    assert told and notice["doc_number"] in told[0]

    row = next(iter(sample_db.query("SELECT * FROM notices WHERE id = ?", [notice["id"]])))
    assert row["township_id"] == seen["township"]
    assert row["campaign_id"] == sample_campaign["id"]
    assert row["addressee"] == seen["addressee"]
    assert row["issued_on"] == SAMPLE_DATE.isoformat()
    on_notice = json.loads(row["problem_ids"])
    assert on_notice == seen["all"][:-1]
    linked = {
        r[0]: r[1]
        for r in sample_db.execute(
            "SELECT id, notice_id FROM problems WHERE township_id = ?", [seen["township"]]
        )
    }
    assert all(linked[p] == notice["id"] for p in on_notice)
    assert linked[seen["all"][-1]] is None  # the unchecked one stays off the notice
    assert notice["problem_count"] == len(on_notice)
    has_reports = importlib.util.find_spec("inspector.reports.issue") is not None
    assert bool(notice["has_pdf"]) == has_reports
    if notice["has_pdf"]:  # the reports package archived the printed bytes
        att = next(
            iter(sample_db.query("SELECT * FROM attachments WHERE id = ?", [row["attachment_id"]]))
        )
        assert read_bytes(sample_db, att["sha256"]).startswith(b"%PDF")


def test_dialog_for_one_township(qtbot, sample_db, sample_campaign):
    town = next(
        iter(
            sample_db.query(
                "SELECT p.township_id AS id, t.name, t.kind FROM problems p "
                "JOIN townships t ON t.id = p.township_id WHERE p.status = 'open' "
                "AND p.notice_id IS NULL AND t.kind = '镇' LIMIT 1"
            )
        )
    )
    dialog = IssueNoticeDialog(sample_db, sample_campaign["id"], town["id"], today=SAMPLE_DATE)
    qtbot.addWidget(dialog)
    assert not dialog.township_combo.isVisibleTo(dialog)
    assert town["name"] in dialog.township_label.text()
    assert dialog.addressee_edit.text() == f"{town['name']}党委"
    expected = noticeable_problems(sample_db, town["id"], sample_campaign["id"])
    assert dialog.model.rowCount() == len(expected)
    deadlines = [p["deadline"] for p in expected]
    want = default_deadline(deadlines, SAMPLE_DATE, 30)
    assert dialog.deadline_edit.date().toString("yyyy-MM-dd") == want.isoformat()

    qtbot.mouseClick(dialog.none_button, Qt.MouseButton.LeftButton)
    assert not dialog.ok_button.isEnabled()  # a notice needs at least one problem
    qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
    assert dialog.ok_button.isEnabled()


def test_default_deadline_is_the_last_problem_deadline_but_never_past():
    today = dt.date(2026, 11, 20)
    assert default_deadline(["2026-12-01", "2026-12-20", None], today, 30) == dt.date(2026, 12, 20)
    assert default_deadline(["2026-10-01"], today, 30) == dt.date(2026, 12, 20)
    assert default_deadline([], today, 15) == dt.date(2026, 12, 5)


def test_list_follows_township_and_campaign(notice_list, sample_db, sample_campaign):
    total = notice_list.model.rowCount()
    assert (
        total
        == sample_db.execute(
            "SELECT COUNT(*) FROM notices WHERE campaign_id = ?", [sample_campaign["id"]]
        ).fetchone()[0]
    )
    one = notice_list.model.notice(0)
    notice_list.set_township(one["township_id"])
    assert {
        notice_list.model.notice(r)["township_id"] for r in range(notice_list.model.rowCount())
    } == {one["township_id"]}
    notice_list.set_township(None)
    assert notice_list.model.rowCount() == total
    assert notice_list.count_label.text().startswith(str(total))


def test_view_button_only_with_the_report_viewer(notice_list):
    assert notice_list.view_button.isVisibleTo(notice_list) == notices_ui.has_report_view()
    assert not notice_list.view_button.isEnabled()  # nothing selected yet
    notice_list.select_notice(notice_list.model.notice(0)["id"])
    assert notice_list.view_button.isEnabled()


def test_notice_models_pass_qt_model_tester(qtmodeltester, notice_list, sample_db, sample_campaign):
    qtmodeltester.check(notice_list.model)
    empty = NoticeTableModel()
    qtmodeltester.check(empty)
    problems = NoticeProblemModel()
    town = notice_list.model.notice(0)["township_id"]
    problems.set_rows(
        noticeable_problems(sample_db, town)
        or list(sample_db.query("SELECT * FROM problems LIMIT 5"))
    )
    qtmodeltester.check(problems)


@pytest.mark.skipif(not notices_ui.has_report_view(), reason="no report viewer installed")
def test_view_shows_the_selected_notice(qtbot, notice_list):
    notice = notice_list.model.notice(0)
    notice_list.select_notice(notice["id"])
    qtbot.mouseClick(notice_list.view_button, Qt.MouseButton.LeftButton)
    job = notice_list.report_job
    qtbot.waitUntil(lambda: getattr(job, "view", None) is not None, timeout=20_000)
    assert job.view.page_count() >= 1
    job.view.close()


def test_issue_for_every_township_from_the_tab(
    qtbot, notice_list, sample_db, sample_campaign, monkeypatch
):
    from inspector.store.report_data import townships_with_unnoticed_problems
    from inspector.ui import report_view

    pending = townships_with_unnoticed_problems(sample_db, sample_campaign["id"])
    assert len(pending) > 5 and notice_list.batch_button.isEnabled()
    asked = []

    def yes(*args):
        asked.append(args[2])
        return notices_ui.QMessageBox.StandardButton.Yes

    monkeypatch.setattr(notices_ui.QMessageBox, "question", yes)
    monkeypatch.setattr(report_view.ReportView, "show", lambda self: None)
    before = notice_list.model.rowCount()
    with qtbot.waitSignal(notice_list.changed, timeout=120_000):
        qtbot.mouseClick(notice_list.batch_button, Qt.MouseButton.LeftButton)
    assert str(len(pending)) in asked[0]
    assert notice_list.model.rowCount() == before + len(pending)
    view = notice_list.report_job.view
    assert view.pdf_bytes.startswith(b"%PDF") and view.page_count() >= len(pending)
    assert townships_with_unnoticed_problems(sample_db, sample_campaign["id"]) == []
    told = []
    monkeypatch.setattr(notices_ui.QMessageBox, "information", lambda *a: told.append(a[2]))
    qtbot.mouseClick(notice_list.batch_button, Qt.MouseButton.LeftButton)
    assert told and "No township" in told[0]
