"""Setting up a campaign in the app: its team and members and the townships it covers,
written when OK is clicked, and the tree showing only the townships covered."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from inspector.store.catalog import find_campaign
from inspector.ui.campaign_dialog import CampaignDialog
from tests.ui.test_main_window import window  # noqa: F401  (the fixture)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _tick(dialog, *names: str) -> None:
    for row in range(dialog.townships.count()):
        entry = dialog.townships.item(row)
        if entry.text().split()[-1] in names:
            entry.setCheckState(Qt.CheckState.Checked)


def _ok(dialog, qtbot) -> None:
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_a_new_campaign_with_its_team_and_townships(window, sample_db, qtbot, monkeypatch):
    dialog = CampaignDialog(window.session, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Q4 review")
    dialog.team.setText("第二督导组")
    dialog.members.setPlainText("张明\n李红")
    assert not dialog.townships.isEnabled()  # every township, until that is unticked
    qtbot.mouseClick(dialog.all_townships, Qt.MouseButton.LeftButton)
    assert dialog.townships.isEnabled()
    _tick(dialog, "白泉镇", "岱西镇")
    _ok(dialog, qtbot)
    row = find_campaign(sample_db, "Q4 review")
    assert (row["team"], row["members"]) == ("第二督导组", "张明\n李红")
    names = {
        sample_db.execute("SELECT name FROM townships WHERE id = ?", [t]).fetchone()[0]
        for t in json.loads(row["townships"])
    }
    assert names == {"白泉镇", "岱西镇"}
    window._load_campaigns(row["id"])
    assert window.tree.model.township_count() == 2


def test_no_township_ticked_is_refused_and_nothing_written(window, sample_db, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: said.append(a[2]))
    dialog = CampaignDialog(window.session, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.name, "Empty")
    qtbot.mouseClick(dialog.all_townships, Qt.MouseButton.LeftButton)
    _ok(dialog, qtbot)
    assert said and "Tick the townships" in said[0]
    assert (
        sample_db.execute("SELECT COUNT(*) FROM campaigns WHERE name = 'Empty'").fetchone()[0] == 0
    )


def test_the_set_up_of_the_current_campaign_is_edited(window, sample_db, sample_campaign, qtbot):
    dialog = CampaignDialog(window.session, window, find_campaign(sample_db, sample_campaign["id"]))
    qtbot.addWidget(dialog)
    assert not dialog.name.isEnabled() and dialog.all_townships.isChecked()
    dialog.team.setText("市委第一督导组")
    qtbot.mouseClick(dialog.all_townships, Qt.MouseButton.LeftButton)
    _tick(dialog, "盐仓街道")
    _ok(dialog, qtbot)
    row = find_campaign(sample_db, sample_campaign["id"])
    assert row["team"] == "市委第一督导组" and len(json.loads(row["townships"])) == 1
    assert window.tree.model.township_count() == 1  # the change reached the tree
    again = CampaignDialog(window.session, window, row)
    qtbot.addWidget(again)
    assert not again.all_townships.isChecked() and again.ticked_townships() == json.loads(
        row["townships"]
    )
