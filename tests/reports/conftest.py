"""Helpers for reading our PDFs back the way a user's tools would (poppler)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest


def _need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed; cannot read the PDF back")
    return path


def pdftotext(data: bytes, tmp_path: Path, *args: str) -> str:
    src = tmp_path / "in.pdf"
    src.write_bytes(data)
    out = subprocess.run(
        [_need("pdftotext"), *args, str(src), "-"], capture_output=True, check=True
    )
    return out.stdout.decode("utf-8")


def page_count(data: bytes, tmp_path: Path) -> int:
    src = tmp_path / "count.pdf"
    src.write_bytes(data)
    out = subprocess.run([_need("pdfinfo"), str(src)], capture_output=True, check=True)
    return int(re.search(r"^Pages:\s+(\d+)", out.stdout.decode(), re.M).group(1))


def fonts_of(data: bytes, tmp_path: Path) -> list[dict[str, str]]:
    """pdffonts' table: one dict per font with its name, type and emb/sub/uni flags."""
    src = tmp_path / "fonts.pdf"
    src.write_bytes(data)
    out = subprocess.run([_need("pdffonts"), str(src)], capture_output=True, check=True)
    lines = out.stdout.decode().splitlines()[2:]
    fonts = []
    for line in lines:
        parts = line.split()
        # name type [type2] encoding emb sub uni object ID
        fonts.append(
            {
                "name": parts[0],
                "emb": parts[-5],
                "sub": parts[-4],
                "uni": parts[-3],
                "type": " ".join(parts[1:-6]),
            }
        )
    return fonts


def assert_fonts_embedded(data: bytes, tmp_path: Path) -> None:
    fonts = fonts_of(data, tmp_path)
    assert fonts, "the PDF uses no fonts at all"
    for f in fonts:
        assert f["emb"] == "yes" and f["sub"] == "yes", f
        assert "TrueType" in f["type"], f


def flat(text: str) -> str:
    """Text without whitespace: table cells and wrapped lines read back as one string."""
    return re.sub(r"\s+", "", text)


def text_lines(data: bytes, tmp_path: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Per page, each text line poppler finds as (xMin, yMin, xMax, yMax, text)."""
    html = pdftotext(data, tmp_path, "-bbox-layout")
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", html, re.S):
        lines = []
        for attrs, body in re.findall(r"<line ([^>]*)>(.*?)</line>", page, re.S):
            box = [float(v) for v in re.findall(r'="([\d.]+)"', attrs)]
            words = re.findall(r">([^<]*)</word>", body)
            lines.append((*box[:4], "".join(words)))
        pages.append(lines)
    return pages
