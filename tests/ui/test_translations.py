"""The Chinese translation is complete, and its .qm is built from the .ts as committed.

A fresh clone's file times mean nothing, so "the .qm is older than the .ts"
is checked by content: the committed .qm must equal a fresh `pyside6-lrelease`
of the committed .ts, byte for byte. And every string the code marks for
translation must be in the .ts (a fresh `pyside6-lupdate` finds none missing).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "inspector" / "resources" / "translations" / "inspector_zh_CN.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return str(found)
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_message_is_translated():
    unfinished = []
    for key, message in messages(TS).items():
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else "missing"
        if kind in ("obsolete", "vanished"):
            continue
        forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
        if kind == "unfinished" or not all(f and f.strip() for f in forms):
            unfinished.append(key)
    assert not unfinished, f"untranslated: {unfinished[:10]}"


def test_the_qm_is_built_from_the_committed_ts(tmp_path):
    fresh = tmp_path / "fresh.qm"
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(fresh)], check=True, capture_output=True
    )
    assert QM.read_bytes() == fresh.read_bytes(), (
        "rebuild the .qm: pyside6-lrelease inspector/resources/translations/inspector_zh_CN.ts"
    )


def test_every_string_in_the_code_is_in_the_ts(tmp_path):
    sources = sorted(str(p) for p in (ROOT / "inspector" / "ui").glob("*.py"))
    sources.append(str(ROOT / "inspector" / "app.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [tool("pyside6-lupdate"), "-no-obsolete", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    missing = set(messages(fresh)) - set(messages(TS))
    assert not missing, f"run pyside6-lupdate and translate: {sorted(missing)[:10]}"


def test_chinese_is_loaded_and_english_is_the_source(qapp):
    from PySide6.QtCore import QCoreApplication

    from inspector.ui import i18n

    try:
        assert i18n.apply_language("zh_CN")
        assert QCoreApplication.translate("Verdict", "Does not meet") == "不符合"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        # Qt's own file dialog speaks Chinese too (the wheels ship no qtbase_zh_CN)
        assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："  # Qt 6.12
        assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"
    finally:
        i18n.apply_language("en")
    assert QCoreApplication.translate("Verdict", "Does not meet") == "Does not meet"


def test_the_system_locale_decides_when_no_language_is_set():
    from PySide6.QtCore import QLocale

    from inspector.ui.i18n import resolve_language

    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert resolve_language("", chinese) == "zh_CN"
    assert resolve_language("", german) == "en"
    assert resolve_language(None, german) == "en"
    assert resolve_language("en", chinese) == "en"
    assert resolve_language("zh_CN", german) == "zh_CN"
