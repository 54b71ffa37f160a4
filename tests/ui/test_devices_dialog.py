"""Settings → Devices: a laptop writes its request, headquarters enrols it after the fingerprint."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from inspector.store import settings
from inspector.store.db import open_db
from inspector.sync import roster
from inspector.sync.keys import device_keys
from inspector.ui.devices_dialog import DevicesDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def hq_db(tmp_path):
    db = open_db(tmp_path / "hq" / "hq.db")
    settings.put(db, "device_name", "市委组织部")
    roster.init_hq(db)
    yield db
    db.close()


@pytest.fixture
def laptop_db(tmp_path):
    db = open_db(tmp_path / "laptop" / "l.db")
    settings.put(db, "device_name", "一组笔记本")
    yield db
    db.close()


def test_a_laptop_shows_its_fingerprint_and_writes_its_request(
    qtbot, laptop_db, tmp_path, monkeypatch
):
    dialog = DevicesDialog(laptop_db)
    qtbot.addWidget(dialog)
    keys = device_keys(laptop_db)
    assert dialog.fingerprint_label.text() == keys.fingerprint
    assert dialog.role_label.text() == "not enrolled"
    assert not dialog.enrol_button.isVisibleTo(dialog)
    out = tmp_path / "一组.request"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    told = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text, *a: told.append(text))
    )
    dialog.request_button.click()
    assert roster.read_request(out)["device_id"] == keys.device_id
    assert keys.fingerprint in told[0]


def _enrol(qtbot, hq_db, laptop_db, tmp_path, monkeypatch, typed):
    request = roster.write_request(laptop_db, tmp_path / "一组.request")
    dialog = DevicesDialog(hq_db)
    qtbot.addWidget(dialog)
    assert dialog.enrol_button.isVisibleTo(dialog)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(request), ""))
    )
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("inspector", True)))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (typed, True)))
    warnings = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text))
    )
    dialog.enrol_button.click()
    return dialog, warnings


def test_headquarters_enrols_only_after_the_fingerprint_matches(
    qtbot, hq_db, laptop_db, tmp_path, monkeypatch
):
    dialog, warnings = _enrol(qtbot, hq_db, laptop_db, tmp_path, monkeypatch, "0000-1111")
    assert "does not match" in warnings[0]
    assert len(roster.current(hq_db).devices) == 1
    fp = device_keys(laptop_db).fingerprint.lower()
    dialog, warnings = _enrol(qtbot, hq_db, laptop_db, tmp_path, monkeypatch, fp)
    assert warnings == []
    entry = roster.current(hq_db).devices[device_keys(laptop_db).device_id]
    assert entry.role == "inspector"
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert names == ["市委组织部", "一组笔记本"]


def test_headquarters_revokes_the_selected_device(qtbot, hq_db, laptop_db, tmp_path, monkeypatch):
    roster.enrol(hq_db, roster.request(laptop_db), "inspector")
    dialog = DevicesDialog(hq_db)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    dialog.table.selectRow(1)
    dialog.revoke_button.click()
    entry = roster.current(hq_db).devices[device_keys(laptop_db).device_id]
    assert entry.revoked_at is not None
    assert dialog.table.item(1, 4).text().startswith("revoked")


def test_the_dialog_writes_through_the_session_and_its_views_hear_it(
    qtbot, hq_db, laptop_db, monkeypatch
):
    from inspector.store.session import SETTINGS
    from inspector.sync.device_roster import devices_of
    from inspector.ui.changes import session_of

    session = session_of(hq_db)
    roster.enrol(hq_db, roster.request(laptop_db), "inspector")
    dialog = DevicesDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.devices is devices_of(session)
    heard = []
    session.subscribe(heard.append)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    dialog.table.selectRow(1)
    dialog.revoke_button.click()
    assert len(heard) == 1 and heard[0].touches(SETTINGS) and "roster" in heard[0].ids
    assert heard[0].source is dialog


def test_headquarters_gets_a_new_key_from_the_dialog(qtbot, hq_db, monkeypatch):
    dialog = DevicesDialog(hq_db)
    qtbot.addWidget(dialog)
    assert dialog.rotate_button.isVisibleTo(dialog)
    old = device_keys(hq_db).fingerprint
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    told = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda parent, title, text, *a: told.append(text))
    )
    dialog.rotate_button.click()
    new = device_keys(hq_db).fingerprint
    assert new != old and new in told[0]
    assert dialog.fingerprint_label.text() == new
    assert roster.current(hq_db).authority["signing_key"] == device_keys(hq_db).signing_key


def test_a_laptop_has_no_key_to_rotate(qtbot, laptop_db):
    dialog = DevicesDialog(laptop_db)
    qtbot.addWidget(dialog)
    assert not dialog.rotate_button.isVisibleTo(dialog)


def test_headquarters_assigns_a_laptop_to_a_campaign(
    qtbot, hq_db, laptop_db, tmp_path, monkeypatch
):
    from inspector.demo import ensure_initialised
    from inspector.store.catalog import create_campaign
    from inspector.store.rows import Rows

    ensure_initialised(Rows(hq_db))
    form = hq_db.execute("SELECT id FROM forms LIMIT 1").fetchone()[0]
    camp = create_campaign(Rows(hq_db), "2027年督查", form)
    fp = device_keys(laptop_db).fingerprint
    dialog, _warnings = _enrol(qtbot, hq_db, laptop_db, tmp_path, monkeypatch, fp)
    assert dialog.table.item(1, 5).text() == "every campaign"
    dialog.table.selectRow(1)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("2027年督查", True)))
    dialog.assign_button.click()
    entry = roster.current(hq_db).devices[device_keys(laptop_db).device_id]
    assert entry.campaigns == frozenset({camp["id"]})
    assert dialog.table.item(1, 5).text() == "2027年督查"
    monkeypatch.setattr(
        QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Every campaign", True))
    )
    dialog.assign_button.click()
    assert roster.current(hq_db).devices[device_keys(laptop_db).device_id].campaigns is None
