"""Fonts: official-document fonts found by their Windows family names as well as file names,
and every document says which fonts it was set in."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from inspector.cli import main
from inspector.paths import font_path
from inspector.reports import fonts as fonts_mod
from inspector.reports.summary import summary_pdf
from tests.conftest import SAMPLE_DATE


def test_a_font_is_found_by_its_family_name_whatever_its_file_is_called(tmp_path, monkeypatch):
    folder = tmp_path / "Fonts"
    folder.mkdir()
    shutil.copy(font_path(), folder / "FS_anything.TTC")
    assert "文泉驿微米黑" in fonts_mod.family_names(folder / "FS_anything.TTC")
    monkeypatch.setattr(fonts_mod, "font_dirs", lambda: [folder])
    monkeypatch.setitem(fonts_mod.CANDIDATES, "fangsong", ("仿宋_GB2312", "文泉驿微米黑"))
    fonts_mod.system_font_files.cache_clear()
    fonts_mod.report_fonts.cache_clear()
    try:
        chosen = fonts_mod.report_fonts(use_system=True)
        assert chosen.fangsong == "Inspector-FS_anything"
        assert ("fangsong", "FS_anything.TTC") in chosen.files
        assert "正文（仿宋） 文泉驿微米黑（FS_anything.TTC）" in chosen.describe()
    finally:
        fonts_mod.system_font_files.cache_clear()
        fonts_mod.report_fonts.cache_clear()


def test_a_document_names_the_fonts_it_embeds(sample_db, sample_campaign, tmp_path):
    pdf = summary_pdf(sample_db, sample_campaign["id"], SAMPLE_DATE)
    assert fonts_mod.fonts_in_pdf(pdf) == ["文泉驿微米黑（wqy-microhei.ttc）"]
    out = tmp_path / "s.pdf"
    out.write_bytes(pdf)
    result = CliRunner().invoke(main, ["report", "fonts", str(out)])
    assert result.exit_code == 0 and "文泉驿微米黑" in result.output
    listing = CliRunner().invoke(main, ["report", "fonts"])
    assert "正文（仿宋）" in listing.output and "标题（小标宋）" in listing.output
