"""A conflict on an answer, as the user reads it, and its resolution travelling between
two laptops without coming back."""

from __future__ import annotations

import re

from inspector.store.conflicts import list_conflicts
from inspector.store.inspections import set_answer, set_status
from inspector.ui import i18n
from inspector.ui.conflicts_dialog import ConflictsDialog
from tests.ui.test_bundle_dialogs import devices  # noqa: F401  (the fixture)

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
STAMP = re.compile(r"\d{13}-[0-9a-f]{4}-")


def _answer_conflict(devices, sample_db_path):
    hq = devices("总部", sample_db_path)
    field = devices("笔记本1")
    insp = hq.db.execute(
        "SELECT i.id, t.name AS township, c.name AS campaign FROM inspections i "
        "JOIN townships t ON t.id = i.township_id JOIN campaigns c ON c.id = i.campaign_id "
        "ORDER BY t.name LIMIT 1"
    ).fetchone()
    set_status(hq.rows, insp[0], False)
    field.take(hq.export())
    set_answer(hq.rows, insp[0], "P05", verdict="partial")
    set_answer(field.rows, insp[0], "P05", verdict="full")  # the sample has 不符合
    field.take(hq.export())
    return hq, field, insp


def test_an_answer_conflict_names_township_campaign_item_and_values_in_words(
    qtbot,
    devices,
    sample_db_path,
):
    i18n.apply_language("en")
    _hq, field, (_iid, township, campaign) = _answer_conflict(devices, sample_db_path)
    assert len(list_conflicts(field.db)) == 1
    dialog = ConflictsDialog(field.db)
    qtbot.addWidget(dialog)
    entry = dialog.list.item(0).text()
    assert township in entry and campaign in entry and "P05 " in entry
    assert township in dialog.hint.text()
    assert dialog.keep_winner.text() != dialog.keep_loser.text()
    table = dialog.table
    rows = {
        table.item(r, 0).toolTip(): (table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    }
    from inspector.core.scoring import Verdict
    from inspector.ui.verdict_buttons import verdict_label

    assert set(rows["verdict"]) == {verdict_label(Verdict.PARTIAL), verdict_label(Verdict.FULL)}
    assert any("总部" in v for v in rows["updated_at"])
    assert any("笔记本1" in v for v in rows["updated_at"])
    for current, other in rows.values():
        for cell in (current, other):
            assert not UUID.search(cell), cell
            assert not STAMP.search(cell), cell
    headers = [table.horizontalHeaderItem(c).text() for c in (1, 2)]
    assert any("总部" in h for h in headers) and any("笔记本1" in h for h in headers)


def test_a_resolve_travels_and_does_not_recreate_the_conflict(
    qtbot,
    devices,
    sample_db_path,
):
    hq, field, (iid, _t, _c) = _answer_conflict(devices, sample_db_path)
    [conflict] = list_conflicts(field.db)
    dialog = ConflictsDialog(field.db)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.resolved):
        dialog.keep_loser.click()
    kept = conflict.loser["verdict"]
    hq.take(field.export())
    assert list_conflicts(hq.db) == []
    verdict = "SELECT verdict FROM answers WHERE inspection_id = ? AND item_id = 'P05'"
    assert hq.db.execute(verdict, [iid]).fetchone()[0] == kept
    field.take(hq.export())
    assert list_conflicts(field.db) == []
    assert field.db.execute(verdict, [iid]).fetchone()[0] == kept
