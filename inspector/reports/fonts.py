"""Which TrueType fonts the reports embed, chosen once per process.

Official documents are set in 仿宋 (body), 小标宋 or 宋体 (titles) and 黑体
(headings). Those fonts are not free, so they are used when the system has
them (Windows ships simfang/simsun/simkai/simhei) and the bundled WenQuanYi
Micro Hei stands in otherwise. reportlab's built-in CID fonts are never used:
they are not embedded, and poppler and QtPdf show them as boxes or blanks.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector.paths import font_path

# Characters every report prints; a candidate font lacking any of them is skipped.
REQUIRED_CHARS = "督查通知书★☆〔〕—：（），。、0123456789ABCabc"

# File names (lower case) per role, best first; the bundled font ends every list.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "fangsong": ("fzfsk.ttf", "fangsong_gb2312.ttf", "simfang.ttf", "fangsong.ttf",
                 "simkai.ttf", "kaiti.ttf", "ukai.ttc", "uming.ttc"),
    "title": ("fzxbsk.ttf", "fzxbsjw.ttf", "simsun.ttc", "simsun.ttf", "songti.ttc",
              "uming.ttc"),
    "song": ("simsun.ttc", "simsun.ttf", "uming.ttc"),
    "hei": ("simhei.ttf", "fzhtk.ttf"),
}


@dataclass(frozen=True)
class FontSet:
    """reportlab font names registered for each role."""

    fangsong: str
    title: str
    song: str
    hei: str
    bundled: str


def font_dirs() -> list[Path]:
    """The usual font folders of Windows, Linux and macOS."""
    home = Path.home()
    dirs: list[Path] = []
    if sys.platform.startswith("win"):
        windir = os.environ.get("WINDIR", r"C:\Windows")
        dirs.append(Path(windir) / "Fonts")
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    elif sys.platform == "darwin":
        dirs += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    else:
        dirs += [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
                 home / ".local/share/fonts", home / ".fonts"]
    return [d for d in dirs if d.is_dir()]


@lru_cache(maxsize=1)
def system_font_files() -> dict[str, Path]:
    """Lower-case file name → path of every TrueType font in the font folders."""
    found: dict[str, Path] = {}
    for folder in font_dirs():
        try:
            for path in folder.rglob("*"):
                if path.suffix.lower() in (".ttf", ".ttc"):
                    found.setdefault(path.name.lower(), path)
        except OSError:
            continue
    return found


def _register(name: str, path: Path) -> bool:
    """Register a TrueType font; False if it cannot be embedded or lacks our characters."""
    if name in pdfmetrics.getRegisteredFontNames():
        return True
    try:
        font = TTFont(name, str(path), subfontIndex=0)
    except Exception:  # a CFF-flavoured or damaged file: reportlab refuses it
        return False
    cmap = font.face.charToGlyph
    if any(ord(ch) not in cmap for ch in REQUIRED_CHARS):
        return False
    pdfmetrics.registerFont(font)
    return True


@lru_cache(maxsize=2)
def report_fonts(use_system: bool | None = None) -> FontSet:
    """Register and return the fonts; `use_system=False` uses only the bundled font.

    The environment variable INSPECTOR_REPORT_FONTS=bundled does the same, for
    laptops that must print byte-identical documents whatever fonts they have.
    """
    if use_system is None:
        use_system = os.environ.get("INSPECTOR_REPORT_FONTS", "").lower() != "bundled"
    bundled = "InspectorWQY"
    if not _register(bundled, font_path()):
        raise RuntimeError(f"the bundled font {font_path()} cannot be used")
    chosen: dict[str, str] = {}
    files = system_font_files() if use_system else {}
    for role, names in CANDIDATES.items():
        chosen[role] = bundled
        for filename in names:
            path = files.get(filename)
            if path is not None and _register(f"Inspector-{path.stem}", path):
                chosen[role] = f"Inspector-{path.stem}"
                break
    return FontSet(bundled=bundled, **chosen)


@lru_cache(maxsize=64)
def glyph_bounds(font_name: str, ch: str) -> tuple[float, float, float, float]:
    """The glyph's ink box (xMin, yMin, xMax, yMax) in 1/1000 em, read from its glyf entry.

    The page number's 一字线 is placed by its stroke, not by the font's line box,
    so it lands 7 mm under the text block whatever font draws it.
    """
    face = pdfmetrics.getFont(font_name).face
    gid = face.charToGlyph.get(ord(ch))
    if gid is None or face.glyphPos[gid] == face.glyphPos[gid + 1]:
        return (0.0, 0.0, 0.0, 0.0)
    face.seek_table("glyf", face.glyphPos[gid])
    face.skip(2)  # number of contours
    box = [face.read_short() for _ in range(4)]
    scale = 1000 / face.unitsPerEm
    return (box[0] * scale, box[1] * scale, box[2] * scale, box[3] * scale)
