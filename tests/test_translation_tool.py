"""The message catalogue lupdate reads is generated from the code, and stays current.

A template added to the Qt-free code without running the tool fails here with
the command to run; the tool's own steps (collecting, filling a TSV's
translations in) are checked on small inputs.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location(
    "update_translations", ROOT / "tools" / "update_translations.py"
)
assert spec and spec.loader
tool = importlib.util.module_from_spec(spec)
sys.modules["update_translations"] = tool
spec.loader.exec_module(tool)


def test_the_generated_catalogue_is_current():
    assert tool.catalog_is_current(), (
        "inspector/ui/message_catalog.py is out of date: run python tools/update_translations.py"
    )


def test_the_catalogue_is_what_the_gui_translates():
    from inspector.messages import Joined
    from inspector.ui.messages import TEMPLATES

    templates = tool.collect_templates()
    assert list(TEMPLATES) == templates
    assert len(templates) > 250 and len(set(templates)) == len(templates)
    assert Joined.SEPARATOR in templates
    assert "no database at {path}; create one with 'inspector init'" in templates


def test_a_new_template_is_collected(tmp_path):
    package = tmp_path / "inspector"
    shutil.copytree(ROOT / "inspector" / "core", package / "core")
    (package / "ui").mkdir()
    (package / "ui" / "w.py").write_text('Message("GUI strings are lupdate\'s own")\n')
    (package / "core" / "new.py").write_text(
        "from inspector.messages import Message\n\n"
        'def f(n):\n    return Message("a \\"quoted\\" {n}\\nline", n=n)\n'
    )
    templates = tool.collect_templates(package)
    assert 'a "quoted" {n}\nline' in templates
    assert "GUI strings are lupdate's own" not in templates
    rendered = tool.render_catalog(templates)
    namespace: dict[str, object] = {"QT_TRANSLATE_NOOP": lambda context, text: text}
    exec(
        rendered.split("\n", 8)[-1].replace("from PySide6.QtCore import QT_TRANSLATE_NOOP", ""),
        namespace,
    )
    assert list(namespace["TEMPLATES"]) == templates  # type: ignore[call-overload]


def test_translations_from_a_tsv_are_filled_in(tmp_path, monkeypatch):
    ts = tmp_path / "x.ts"
    ts.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" '
        'language="zh_CN"><context><name>Messages</name>'
        '<message><source>no file {name}</source><translation type="unfinished"/></message>'
        '<message numerus="yes"><source>%n row(s)</source>'
        '<translation type="unfinished"><numerusform></numerusform></translation></message>'
        "</context></TS>\n",
        encoding="utf-8",
    )
    tsv = tmp_path / "new.tsv"
    tsv.write_text(
        "Messages\tno file {name}\t没有文件 {name}\n\nMessages\t%n row(s)\t%n 行\n"
        "Other\tgone\t没了\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(tool, "TS", ts)
    left = tool.fill(tool.read_tsv([tsv]))
    assert left == [("Other", "gone")]
    found = {
        m.findtext("source"): m.find("translation") for m in ET.parse(ts).getroot().iter("message")
    }
    assert found["no file {name}"].text == "没有文件 {name}"
    assert found["no file {name}"].get("type") is None
    assert [f.text for f in found["%n row(s)"].iter("numerusform")] == ["%n 行"]


def test_a_malformed_tsv_line_is_refused_with_its_line(tmp_path):
    tsv = tmp_path / "bad.tsv"
    tsv.write_text("Messages\tonly two fields\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=r"bad.tsv:1: expected context"):
        tool.read_tsv([tsv])
