"""The settings dialog writes the settings table; imports say what the CLI says."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from inspector.store import settings
from inspector.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def messages(monkeypatch):
    """Message boxes recorded instead of shown (they would block the test)."""
    shown: list[tuple[str, str]] = []
    for kind in ("information", "warning"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda _parent, title, text, *a, _k=kind, **kw: shown.append((_k, text))),
        )
    return shown


@pytest.fixture
def dialog(init_db, tmp_path, qtbot):
    path = init_db.execute("PRAGMA database_list").fetchone()[2]
    dlg = SettingsDialog(init_db, path)
    qtbot.addWidget(dlg)
    return dlg


def test_ok_saves_every_field(dialog, init_db):
    dialog.inspector_name.setText("李晓燕")
    dialog.device_name.setText("第二督导组笔记本")
    dialog.notice_prefix.setText("舟组督查")
    dialog.block_start.setValue(101)
    dialog.block_end.setValue(200)
    dialog.deadline_days.setValue(15)
    dialog.issuing_body.setText("中共普陀区委组织部")
    dialog.contact.setText("李晓燕 0580-3012345")
    dialog.language.setCurrentIndex(dialog.language.findData("zh_CN"))
    dialog.accept()
    values = settings.all_settings(init_db)
    assert values["inspector_name"] == "李晓燕"
    assert values["device_name"] == "第二督导组笔记本"
    assert values["notice_prefix"] == "舟组督查"
    assert (values["notice_block_start"], values["notice_block_end"]) == (101, 200)
    assert values["default_deadline_days"] == 15
    assert values["issuing_body"] == "中共普陀区委组织部"
    assert values["contact"] == "李晓燕 0580-3012345"
    assert values["language"] == "zh_CN"
    assert dialog.language_changed
    assert settings.who(init_db) == "李晓燕"


def test_keep_original_photos_is_a_setting_every_attach_follows(dialog, init_db):
    import io

    from PIL import Image

    from inspector.store.attachments import add_attachment, read_bytes
    from inspector.store.rows import Rows

    assert not dialog.keep_originals.isChecked()  # downscaled unless asked
    dialog.keep_originals.setChecked(True)
    dialog.accept()
    assert settings.get(init_db, "keep_original_photos") is True
    out = io.BytesIO()
    Image.new("RGB", (3000, 2000), "white").save(out, "JPEG")
    town = init_db.execute("SELECT id FROM townships LIMIT 1").fetchone()[0]
    row = add_attachment(
        Rows(init_db, who="测试员"), "townships", town, out.getvalue(), filename="现场.jpg"
    )
    assert read_bytes(init_db, row["sha256"]) == out.getvalue()


def test_a_block_that_ends_before_it_starts_is_refused(dialog, init_db, messages):
    dialog.block_start.setValue(100)
    dialog.block_end.setValue(50)
    dialog.accept()
    assert messages and "ends before it starts" in messages[0][1]
    assert settings.get(init_db, "notice_block_start") == 1


def test_a_good_form_is_installed_and_a_bad_one_names_its_lines(
    dialog, init_db, messages, tmp_path
):
    from inspector.paths import default_form_path

    good = (
        default_form_path()
        .read_text(encoding="utf-8")
        .replace('version = "2017.1"', 'version = "2027.1"')
    )
    (tmp_path / "new.toml").write_text(good, encoding="utf-8")
    assert dialog.import_form(str(tmp_path / "new.toml"))
    assert "ok — township-party-building 2027.1" in messages[-1][1]
    assert init_db.execute("SELECT COUNT(*) FROM forms WHERE version = '2027.1'").fetchone()[0]
    bad = good.replace('version = "2027.1"', 'version = "2027.2"').replace(
        'kind = "verdict"', 'kind = "verdikt"', 1
    )
    (tmp_path / "bad.toml").write_text(bad, encoding="utf-8")
    assert not dialog.import_form(str(tmp_path / "bad.toml"))
    kind, text = messages[-1]
    assert kind == "warning" and "bad.toml:" in text and "verdikt" in text
    assert not init_db.execute("SELECT COUNT(*) FROM forms WHERE version = '2027.2'").fetchone()[0]


def test_a_township_list_is_imported_in_the_worker(dialog, init_db, messages, tmp_path, qtbot):
    csv = tmp_path / "towns.csv"
    csv.write_text(
        "county,county_code,township,township_code,kind\n模拟县,330999,模拟第一镇,330999101,镇\n",
        encoding="utf-8",
    )
    before = init_db["townships"].count
    dialog.import_townships(str(csv))
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert messages[-1] == (
        "information",
        "1 counties and 1 townships added or changed, 0 unchanged",
    )
    assert init_db["townships"].count == before + 1


def test_a_bad_township_list_imports_nothing_and_names_the_line(
    dialog, init_db, messages, tmp_path, qtbot
):
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "county,county_code,township,township_code,kind\n"
        "模拟县,330999,模拟第一镇,330999101,镇\n"
        "模拟县,330999,模拟第二镇,12345,镇\n",
        encoding="utf-8",
    )
    before = init_db["townships"].count
    dialog.import_townships(str(csv))
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    kind, text = messages[-1]
    assert kind == "warning" and "bad.csv:3:" in text and "12345" in text
    assert init_db["townships"].count == before


@pytest.mark.parametrize("field", ["inspector_name", "device_name", "issuing_body"])
@pytest.mark.parametrize("bad", ["笔记本\x1b[2J", "a\rb", "x\x00", "photo\u202egpj"])
def test_names_with_control_characters_are_refused(dialog, init_db, messages, field, bad):
    before = settings.all_settings(init_db)
    getattr(dialog, field).setText(bad)
    dialog.accept()
    assert messages and "control characters" in messages[0][1]
    assert settings.all_settings(init_db) == before


def test_tab_walks_the_fields_in_the_order_shown(dialog, qtbot):
    from PySide6.QtCore import Qt

    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.inspector_name.setFocus()
    seen = []
    for _ in range(5):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        seen.append(dialog.focusWidget())
    assert seen == [
        dialog.device_name,
        dialog.language,
        dialog.keep_originals,
        dialog.devices_button,
        dialog.notice_prefix,
    ]
