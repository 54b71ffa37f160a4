"""The bundle dialogs driven as a user would: file dialogs answered, buttons clicked."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from inspector.store.conflicts import list_conflicts
from inspector.store.db import open_db
from inspector.store.dump import dump_json
from inspector.store.problems import edit_problem
from inspector.ui.bundle_dialogs import (
    ConflictsDialog,
    ImportPreviewDialog,
    export_bundle,
    import_bundle,
    last_sync_status,
)
from inspector.ui.conflicts_dialog import DIFFERENT
from tests.sync.helpers import Device, Federation

# The offscreen platform cannot size native windows: a harmless warning on every dialog.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def devices(tmp_path, sample_db_path):
    """Devices enrolled by one headquarters; 总部 is the device that wrote the sample."""
    fed = Federation(tmp_path / "总部授权")
    made = []

    def make(name, copy_of=None, role="hq"):
        d = Device(tmp_path / name, name, copy_of, fed, role, keep_identity=name == "总部")
        made.append(d)
        return d

    yield make
    for d in made:
        d.close()
    fed.close()


def _summary_box(window) -> QMessageBox | None:
    boxes = [b for b in window.findChildren(QMessageBox) if b.objectName() == "bundle_summary"]
    return boxes[-1] if boxes else None


def _preview(window) -> ImportPreviewDialog | None:
    found = window.findChildren(ImportPreviewDialog)
    return found[-1] if found else None


def test_export_asks_for_a_file_writes_it_and_says_what_was_written(
    qtbot, window, monkeypatch, devices, sample_db_path, tmp_path
):
    hq = devices("总部", sample_db_path)
    out = tmp_path / "给总部"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    ask = export_bundle(window, str(hq.path))
    assert not ask.use.isChecked() and ask.ok_button.isEnabled()
    ask.ok_button.click()
    qtbot.waitUntil(lambda: _summary_box(window) is not None, timeout=20000)
    text = _summary_box(window).text()
    assert "Problems" in text and "给总部.inspbundle" in text
    assert "passphrase" not in text
    assert (tmp_path / "给总部.inspbundle").exists()
    assert "Last export" in last_sync_status(hq.db)


def test_export_of_changes_writes_a_delta_and_says_so(
    qtbot, window, monkeypatch, devices, sample_db_path, tmp_path
):
    hq = devices("总部", sample_db_path)
    laptop = devices("笔记本1", None)
    laptop.take(hq.export())
    hq.take(laptop.export())  # headquarters has heard from the laptop: it holds nothing new
    out = tmp_path / "变化"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    export_bundle(window, str(hq.path), since_last=True).ok_button.click()
    qtbot.waitUntil(lambda: _summary_box(window) is not None, timeout=20000)
    text = _summary_box(window).text()
    assert "Changes the other devices have not acknowledged yet" in text
    assert "0 rows, 0 attachments" in text


def test_cancelling_the_file_dialog_does_nothing(window, monkeypatch, devices, sample_db_path):
    hq = devices("总部", sample_db_path)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    assert export_bundle(window, str(hq.path)) is None
    assert import_bundle(window, str(hq.path)) is None


def test_export_to_a_passphrase_typed_twice(
    qtbot, window, monkeypatch, devices, sample_db_path, tmp_path
):
    from PySide6.QtWidgets import QLineEdit

    from inspector.sync.errors import BundleError
    from inspector.sync.importer import import_bundle as take

    hq = devices("总部", sample_db_path)
    out = tmp_path / "带口令"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    ask = export_bundle(window, str(hq.path))
    ask.use.click()
    assert ask.first.echoMode() == QLineEdit.EchoMode.Password
    assert not ask.ok_button.isEnabled()  # checked, but no passphrase yet
    qtbot.keyClicks(ask.first, "shanhai 2027")
    qtbot.keyClicks(ask.second, "shanhai 2028")
    assert not ask.ok_button.isEnabled() and "differ" in ask.note.text()
    ask.second.clear()
    qtbot.keyClicks(ask.second, "shanhai 2027")
    assert ask.ok_button.isEnabled() and "Not stored" in ask.note.text()
    ask.ok_button.click()
    qtbot.waitUntil(lambda: _summary_box(window) is not None, timeout=20000)
    assert "and with the passphrase" in _summary_box(window).text()
    stranger = Device(tmp_path / "陌生", "未登记的笔记本")
    try:
        bundle = tmp_path / "带口令.inspbundle"
        with pytest.raises(BundleError, match="not a recipient"):
            take(stranger.db, bundle)
        with pytest.raises(BundleError, match="headquarters"):  # opened: now the fingerprint
            take(stranger.db, bundle, passphrase="shanhai 2027")
    finally:
        stranger.close()
    assert "shanhai" not in hq.db.execute("SELECT group_concat(value) FROM settings").fetchone()[0]


def test_import_asks_for_the_passphrase_and_asks_again_when_wrong(
    qtbot, window, monkeypatch, devices, sample_db_path, tmp_path
):
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from inspector.ui import bundle_dialogs

    hq = devices("总部", sample_db_path)
    bundle = hq.folder / "kit.inspbundle"
    from inspector.sync.export import export_bundle as write

    write(hq.db, bundle, passphrase="正确的口令")
    laptop = Device(tmp_path / "新", "新笔记本")  # not enrolled: not a recipient
    answers = iter(["猜一个", "正确的口令"])
    asked = []

    def get_text(parent, title, label, echo, *a, **k):
        asked.append((label, echo))
        return next(answers), True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    monkeypatch.setattr(bundle_dialogs, "ask_to_trust", lambda parent, name, fp: True)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), ""))
    )
    refreshed = []
    try:
        import_bundle(window, str(laptop.path), on_imported=lambda: refreshed.append(True))
        qtbot.waitUntil(lambda: _preview(window) is not None, timeout=30000)
        assert [echo for _label, echo in asked] == [QLineEdit.EchoMode.Password] * 2
        assert "not sealed to this device" in asked[0][0]
        assert "Wrong passphrase" in asked[1][0]
        _preview(window).apply_button.click()
        qtbot.waitUntil(lambda: bool(refreshed), timeout=20000)
        assert laptop.db["problems"].count == hq.db["problems"].count
    finally:
        laptop.close()


def test_import_previews_then_applies_on_request(
    qtbot, window, monkeypatch, devices, sample_db_path, tmp_path
):
    hq = devices("总部", sample_db_path)
    target = devices("笔记本").path  # enrolled before the export: the bundle is sealed to it
    bundle = hq.export()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), ""))
    )
    refreshed = []
    import_bundle(window, str(target), on_imported=lambda: refreshed.append(True))
    qtbot.waitUntil(lambda: _preview(window) is not None, timeout=20000)
    dialog = _preview(window)
    assert "Signed by 总部" in dialog.signers.text()
    assert (
        f"Written by 总部 (headquarters): {hq.db['problems'].count + 1:,}"
        not in dialog.signers.text()
    )
    assert hq.keys.fingerprint not in dialog.signers.text()
    dialog.fingerprints.click()
    assert hq.keys.fingerprint in dialog.signers.text()
    table = dialog.table
    rows = {
        table.item(r, 0).text(): [table.item(r, c).text() for c in range(1, 5)]
        for r in range(table.rowCount())
    }
    assert rows["Townships"] == ["40", "0", "0", "0"]  # 36 townships, 4 sample project sites
    assert rows["Problems"][0] == f"{hq.db['problems'].count:,}"
    db = open_db(target)
    try:
        assert db["problems"].count == 0  # the preview wrote nothing
    finally:
        db.close()
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    qtbot.waitUntil(lambda: bool(refreshed), timeout=20000)
    qtbot.waitUntil(lambda: _summary_box(window) is not None, timeout=5000)
    assert "Imported" in _summary_box(window).text()
    db = open_db(target)
    try:
        assert dump_json(db) == dump_json(hq.db)
        status = last_sync_status(db)
    finally:
        db.close()
    assert "Last import" in status and "总部" in status


def test_cancel_in_the_preview_writes_nothing(
    qtbot, window, monkeypatch, devices, sample_db_path, tmp_path
):
    hq = devices("总部", sample_db_path)
    target = devices("笔记本").path
    bundle = hq.export()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), ""))
    )
    refreshed = []
    import_bundle(window, str(target), on_imported=lambda: refreshed.append(True))
    qtbot.waitUntil(lambda: _preview(window) is not None, timeout=20000)
    _preview(window).reject()
    qtbot.wait(200)
    assert not refreshed
    db = open_db(target)
    try:
        assert db["problems"].count == 0 and db["import_log"].count == 0
        assert last_sync_status(db) == ""
    finally:
        db.close()


def test_a_bad_bundle_is_reported_not_previewed(
    qtbot, window, monkeypatch, devices, sample_db_path, tmp_path
):
    hq = devices("总部", sample_db_path)
    bad = tmp_path / "坏.inspbundle"
    bad.write_text("not a bundle")
    warnings = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: warnings.append(text))
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), ""))
    )
    import_bundle(window, str(hq.path))
    qtbot.waitUntil(lambda: bool(warnings), timeout=20000)
    assert "not a ZIP" in warnings[0]
    assert _preview(window) is None


def _conflicted(devices, sample_db_path):
    hq = devices("总部", sample_db_path)
    field = devices("笔记本1")
    field.take(hq.export())
    pid = hq.db.execute("SELECT id FROM problems ORDER BY id LIMIT 1").fetchone()[0]
    edit_problem(hq.rows, pid, {"text": "总部：支部记录不全"})
    edit_problem(field.rows, pid, {"text": "笔记本：支部记录不全，已立行立改"})
    field.take(hq.export())
    return field, pid


def test_conflicts_dialog_shows_both_versions_and_keeps_the_pick(qtbot, devices, sample_db_path):
    field, pid = _conflicted(devices, sample_db_path)
    [conflict] = list_conflicts(field.db)
    dialog = ConflictsDialog(field.db)  # on the window's session, no connection of its own
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 1
    table = dialog.table
    fields = [table.item(r, 0).toolTip() for r in range(table.rowCount())]  # raw column names
    text_row = fields.index("text")
    assert table.item(text_row, 0).text() == "Problem"  # labelled as the user knows it
    assert table.item(text_row, 1).text() == conflict.winner["text"]
    assert table.item(text_row, 2).text() == conflict.loser["text"]
    assert table.item(text_row, 1).background().color() == DIFFERENT
    same_row = fields.index("township_id")
    assert table.item(same_row, 1).background().color() != DIFFERENT
    with qtbot.waitSignal(dialog.resolved):
        dialog.keep_loser.click()
    assert field.rows.get("problems", pid)["text"] == conflict.loser["text"]
    assert list_conflicts(field.db) == []
    assert dialog.list.count() == 0 and dialog.empty.isVisibleTo(dialog)


def test_status_line_counts_unresolved_conflicts(devices, sample_db_path):
    field, _ = _conflicted(devices, sample_db_path)
    status = last_sync_status(field.db)
    assert "Last import" in status and "1 unresolved conflict" in status


def _untrusting(devices, sample_db_path):
    """A laptop the bundle is sealed to, that has not pinned headquarters yet (a new laptop)."""
    hq = devices("总部", sample_db_path)
    laptop = devices("新笔记本")
    with laptop.db.atomic():
        laptop.db.execute("DELETE FROM settings WHERE key IN ('roster', 'authority')")
        laptop.db.execute("DELETE FROM roster_devices")
    return hq, laptop, hq.export()


def test_a_new_laptop_is_asked_to_trust_headquarters_fingerprint(
    qtbot, window, monkeypatch, devices, sample_db_path
):
    from inspector.sync import roster
    from inspector.ui import bundle_dialogs

    hq, laptop, bundle = _untrusting(devices, sample_db_path)
    asked = []
    monkeypatch.setattr(
        bundle_dialogs, "ask_to_trust", lambda parent, name, fp: asked.append((name, fp)) or True
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), ""))
    )
    refreshed = []
    import_bundle(window, str(laptop.path), on_imported=lambda: refreshed.append(True))
    qtbot.waitUntil(lambda: _preview(window) is not None, timeout=20000)
    authority = roster.current(hq.db).authority
    from inspector.sync.keys import fingerprint

    assert asked == [(authority["name"], fingerprint(authority["signing_key"]))]
    _preview(window).apply_button.click()
    qtbot.waitUntil(lambda: bool(refreshed), timeout=20000)
    db = open_db(laptop.path)
    try:
        assert roster.authority(db)["signing_key"] == authority["signing_key"]
        assert db["problems"].count == hq.db["problems"].count
    finally:
        db.close()


def test_declining_to_trust_headquarters_imports_nothing(
    qtbot, window, monkeypatch, devices, sample_db_path
):
    from inspector.ui import bundle_dialogs

    _hq, laptop, bundle = _untrusting(devices, sample_db_path)
    asked = []
    monkeypatch.setattr(
        bundle_dialogs, "ask_to_trust", lambda parent, name, fp: asked.append(fp) or False
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bundle), ""))
    )
    import_bundle(window, str(laptop.path))
    qtbot.waitUntil(lambda: bool(asked), timeout=20000)
    qtbot.wait(300)
    assert _preview(window) is None
    assert laptop.db["problems"].count == 0


def test_a_refusal_names_the_device_the_row_and_why(
    qtbot, window, monkeypatch, devices, sample_db_path, tmp_path
):
    from inspector.sync.errors import BundleError
    from inspector.sync.importer import import_bundle as take
    from inspector.ui.messages import describe_for_user

    hq = devices("总部", sample_db_path)
    field = devices("笔记本1", role="inspector")
    field.take(hq.export())
    from tests.sync.helpers import read_bundle, write_bundle

    manifest, tables, blobs = read_bundle(field.export())
    row = tables["problems"][0]
    row.update(status="closed", updated_at=field.rows.clock.tick())
    forged = write_bundle(tmp_path / "forged.inspbundle", manifest, tables, blobs)
    with pytest.raises(BundleError) as info:
        take(hq.db, forged)
    text = describe_for_user(info.value)
    assert "笔记本1" in text and field.device_id in text and row["id"] in text
