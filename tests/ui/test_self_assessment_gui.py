"""Self-assessment from the GUI: sheets exported and imported through the window's actions,
a refused import listing every bad cell (and writing nothing), and each checklist item
showing the township's own verdict beside the inspectors'."""

from __future__ import annotations

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication

from inspector.core.scoring import Verdict
from inspector.core.self_assessment import SelfAnswer
from inspector.reports.self_sheet import ANSWER_COL, HEADER_ROW, NOTE_COL, SHEET
from inspector.store.catalog import find_township, form_for_campaign
from inspector.store.self_answers import TownshipSheet
from inspector.ui import i18n
from inspector.ui.changes import session_of
from inspector.ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(sample_db, sample_db_path, qtbot):
    i18n.apply_language("en")
    win = MainWindow(sample_db, str(sample_db_path))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded):
        win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def _self_rows(db, township_id):
    return {
        r[0]: (r[1], r[2])
        for r in db.execute(
            "SELECT item_id, verdict, note FROM self_answers WHERE township_id = ?", [township_id]
        ).fetchall()
    }


def test_the_checklist_card_shows_the_townships_own_verdict(entry, qtbot):
    db, widget, inspection = entry
    session = session_of(db)
    card = widget.cards["P01"]
    assert not card.self_label.isVisible()
    form = form_for_campaign(db, inspection["campaign_id"])
    sheet = TownshipSheet(
        "x.xlsx",
        inspection["campaign_id"],
        inspection["township_id"],
        form.sha256,
        (SelfAnswer("P01", Verdict.PARTIAL, note="台账在整理"), SelfAnswer("P02", number=3.0)),
    )
    session.self_assessment.save([sheet])  # the changed signal: the open checklist re-reads
    assert card.self_label.isVisible()
    assert card.self_label.text() == "Self-assessment: Partly meets — 台账在整理"
    assert widget.cards["P02"].self_label.text().startswith("Self-assessment: 3")
    assert not widget.cards["P03"].self_label.isVisible()
    # the inspectors' verdict buttons are untouched: the card's answer is theirs
    assert card.verdicts.verdict() is None


def test_sheets_go_out_and_come_back_through_the_window(window, sample_db, qtbot, tmp_path):
    actions = window.self_assessment
    township = find_township(sample_db, "昌国街道")
    assert window.tree.select_township(township["id"])
    actions.export_sheets(folder=str(tmp_path), only_township=True)
    qtbot.waitUntil(lambda: len(list(tmp_path.glob("*.xlsx"))) == 1, timeout=20_000)
    (path,) = tmp_path.glob("*.xlsx")
    qtbot.waitUntil(
        lambda: any(
            w.objectName() == "self_sheets_written" for w in QApplication.topLevelWidgets()
        ),
        timeout=20_000,
    )

    wb = openpyxl.load_workbook(path)
    ws = wb[SHEET]
    ws.cell(HEADER_ROW + 1, ANSWER_COL).value = "好"  # P01: not a verdict
    ws.cell(HEADER_ROW + 2, ANSWER_COL).value = "=1+1"  # P02: a formula
    wb.save(path)
    actions.import_sheets([str(path)])
    qtbot.waitUntil(lambda: actions.errors_dialog is not None, timeout=20_000)
    lines = actions.errors_dialog.messages()
    assert len(lines) == 2
    assert f"sheet 自评表, row {HEADER_ROW + 1}, column G (自评结论)" in lines[0]
    assert "a formula" in lines[1]
    assert "nothing was imported" in actions.errors_dialog.summary.text()
    assert _self_rows(sample_db, township["id"]) == {}
    actions.errors_dialog.close()

    ws.cell(HEADER_ROW + 1, ANSWER_COL).value = "不符合"
    ws.cell(HEADER_ROW + 1, NOTE_COL).value = "项目尚未建立党组织"
    ws.cell(HEADER_ROW + 2, ANSWER_COL).value = 1
    wb.save(path)
    actions.import_sheets([str(path)])
    qtbot.waitUntil(lambda: "P01" in _self_rows(sample_db, township["id"]), timeout=20_000)
    assert _self_rows(sample_db, township["id"])["P01"] == ("fail", "项目尚未建立党组织")
    window.open_checklist()
    checklist = window.checklist
    qtbot.waitUntil(lambda: checklist.cards["P01"].self_label.isVisible(), timeout=20_000)
    assert checklist.cards["P01"].self_label.text() == (
        "Self-assessment: Does not meet — 项目尚未建立党组织"
    )
