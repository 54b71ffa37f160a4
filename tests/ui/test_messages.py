"""Errors from the Qt-free layers are shown in the app's language; English is the CLI's text."""

from __future__ import annotations

import ast
import string
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from inspector.core.forms import FormError, parse_form
from inspector.store.catalog import CatalogError, import_townships_csv
from inspector.store.rows import Rows
from inspector.sync.errors import BundleError
from inspector.sync.reader import Bundle
from inspector.ui import i18n
from inspector.ui.messages import TEMPLATES, describe_for_user
from inspector.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "inspector" / "resources" / "translations" / "inspector_zh_CN.ts"

BAD_CSV = (
    "county,county_code,township,township_code,kind\n"
    "模拟县,330999,模拟第一镇,330999101,镇\n"
    "模拟县,330999,模拟第二镇,3309O2092,镇\n"
)

BROKEN_FORM = """\
[form]
id = "broken"
version = "1"
title = "有错的检查表"

[[section]]
id = "S1"
title = "第一部分"

[[section.item]]
id = "A01"
kind = "verdikt"
text = "制度健全"
points = 2

[[section.item]]
id = "A02"
kind = "number"
text = "问题数"
points = 3
target = 0
deduct = 1
"""


def templates_in_source() -> set[str]:
    """The first argument of every `Message("...")` in the Qt-free code."""
    found = set()
    for path in (ROOT / "inspector").rglob("*.py"):
        if "ui" in path.relative_to(ROOT / "inspector").parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id == "Message"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                found.add(node.args[0].value)
    return found


def fields(template: str) -> list[tuple[str, str, str | None]]:
    return sorted(
        (name, spec or "", conv)
        for _, name, spec, conv in string.Formatter().parse(template)
        if name is not None
    )


@pytest.fixture
def chinese(qapp):
    assert i18n.apply_language("zh_CN")
    yield
    i18n.apply_language("en")


@pytest.fixture
def english(qapp):
    i18n.apply_language("en")


def test_every_template_is_listed_and_translated():
    used = templates_in_source()
    assert len(used) > 100
    missing = used - set(TEMPLATES)
    assert not missing, f"run python tools/update_translations.py: {sorted(missing)}"
    translations = {}
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") == "Messages":
            for message in context.iter("message"):
                translation = message.find("translation")
                assert translation is not None
                if translation.get("type") is None and translation.text:
                    translations[message.findtext("source")] = translation.text
    for template in TEMPLATES:
        assert template in translations, f"no finished Chinese for {template!r}"
        assert fields(translations[template]) == fields(template), template


def csv_error(init_db, tmp_path) -> CatalogError:
    csv = tmp_path / "bad.csv"
    csv.write_text(BAD_CSV, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        import_townships_csv(Rows(init_db), csv)
    return caught.value


def form_error() -> FormError:
    with pytest.raises(FormError) as caught:
        parse_form(BROKEN_FORM, "broken.toml")
    return caught.value


def bundle_error(tmp_path) -> BundleError:
    cut = tmp_path / "第二组.inspbundle"
    cut.write_bytes(b"PK\x03\x04" + bytes(200))
    with pytest.raises(BundleError) as caught:
        Bundle(cut)
    return caught.value


def test_a_bad_township_line_is_told_in_chinese_with_its_line(chinese, init_db, tmp_path):
    exc = csv_error(init_db, tmp_path)
    text = describe_for_user(exc)
    assert text == f"{tmp_path / 'bad.csv'}:3: 乡镇代码“3309O2092”不是9位或12位数字"


def test_the_settings_dialog_shows_a_bad_township_list_in_chinese(
    chinese, init_db, tmp_path, qtbot, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda _parent, _title, text, *a, **kw: shown.append(text)),
    )
    path = init_db.execute("PRAGMA database_list").fetchone()[2]
    dialog = SettingsDialog(init_db, path)
    qtbot.addWidget(dialog)
    csv = tmp_path / "bad.csv"
    csv.write_text(BAD_CSV, encoding="utf-8")
    dialog.import_townships(str(csv))
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "bad.csv:3: 乡镇代码“3309O2092”不是9位或12位数字" in shown[-1]
    assert "township_code" not in shown[-1]


def test_a_broken_forms_issues_are_told_in_chinese(chinese):
    lines = describe_for_user(form_error()).splitlines()
    assert lines == [
        "broken.toml:12: 检查项“A01”：未知的类型“verdikt”（可用 verdict, number, text）",
        'broken.toml:16: 检查项“A02”：数值类检查项须设置 rule = "at_most" 或 "at_least"',
    ]


def test_a_number_item_without_a_rule_does_not_say_none(english):
    exc = form_error()
    assert str(exc.issues[1]) == (
        'broken.toml:16: item \'A02\': number items need rule = "at_most" or "at_least"'
    )
    bad_rule = BROKEN_FORM.replace("target = 0", 'rule = "most"\ntarget = 0')
    with pytest.raises(FormError) as caught:
        parse_form(bad_rule, "broken.toml")
    assert caught.value.issues[1].message.endswith("""or "at_least", not 'most'""")


def test_a_truncated_bundle_is_told_in_chinese(chinese, tmp_path):
    assert describe_for_user(bundle_error(tmp_path)) == (
        "第二组.inspbundle 不是督查通数据包（不是 ZIP 压缩文件，或复制时未复制完整）"
    )


def test_in_english_the_text_is_the_command_lines(english, init_db, tmp_path):
    for exc in (csv_error(init_db, tmp_path), form_error(), bundle_error(tmp_path)):
        assert describe_for_user(exc) == str(exc)
    assert describe_for_user(bundle_error(tmp_path)) == (
        "第二组.inspbundle is not an Inspector bundle (not a ZIP archive, or cut short while "
        "copying)"
    )


def test_a_system_error_names_its_file_in_the_chinese_layout(chinese, tmp_path):
    exc = FileNotFoundError(2, "No such file or directory", str(tmp_path / "x"))
    assert describe_for_user(exc) == f"{tmp_path / 'x'}：No such file or directory"


def test_toml_syntax_errors_and_problem_states_are_told_in_chinese(chinese, init_db):
    from inspector.core.problems import Action, IllegalTransition, next_status

    with pytest.raises(FormError) as syntax:
        parse_form('[form]\nid = "x"\ntitle = \n', "bad.toml")
    assert describe_for_user(syntax.value) == "bad.toml:3: TOML 语法错误：无效的值"
    with pytest.raises(IllegalTransition) as illegal:
        next_status("closed", Action.START)
    text = describe_for_user(illegal.value)
    assert "已销号" in text and "开始整改" in text and "closed" not in text
