"""Which TrueType fonts the reports embed, chosen once per process.

Official documents are set in 仿宋 (body), 小标宋 or 宋体 (titles) and 黑体
(headings). Those fonts are not free, so they are used when the system has
them (Windows ships simfang/simsun/simkai/simhei) and the bundled WenQuanYi
Micro Hei stands in otherwise. reportlab's built-in CID fonts are never used:
they are not embedded, and poppler and QtPdf show them as boxes or blanks.
"""

from __future__ import annotations

import os
import re
import struct
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from inspector.paths import font_path

# Characters every report prints; a candidate font lacking any of them is skipped.
REQUIRED_CHARS = "督查通知书★☆〔〕—：（），。、0123456789ABCabc"

# Per role, best first: family names as Windows lists them (Chinese and English) and
# file names (lower case); the bundled font ends every list.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "fangsong": (
        "仿宋_GB2312",
        "FangSong_GB2312",
        "方正仿宋_GBK",
        "方正仿宋简体",
        "仿宋",
        "FangSong",
        "fs_gb2312.ttf",
        "fangsong_gb2312.ttf",
        "fzfsk.ttf",
        "simfang.ttf",
        "fangsong.ttf",
        "ukai.ttc",
        "uming.ttc",
    ),
    "title": (
        "方正小标宋简体",
        "方正小标宋_GBK",
        "FZXiaoBiaoSong-B05S",
        "小标宋",
        "fzxbsjw.ttf",
        "fzxbsk.ttf",
        "宋体",
        "SimSun",
        "simsun.ttc",
        "simsun.ttf",
        "songti.ttc",
        "uming.ttc",
    ),
    "song": ("宋体", "SimSun", "simsun.ttc", "simsun.ttf", "uming.ttc"),
    "hei": ("黑体", "SimHei", "方正黑体_GBK", "simhei.ttf", "fzhtk.ttf"),
    "kai": (
        "楷体_GB2312",
        "KaiTi_GB2312",
        "楷体",
        "KaiTi",
        "kt_gb2312.ttf",
        "simkai.ttf",
        "kaiti.ttf",
        "ukai.ttc",
    ),
}
ROLE_NAMES = {
    "fangsong": "正文（仿宋）",
    "title": "标题（小标宋）",
    "song": "页码（宋体）",
    "hei": "小标题（黑体）",
    "kai": "楷体",
}


@dataclass(frozen=True)
class FontSet:
    """reportlab font names registered for each role."""

    fangsong: str
    title: str
    song: str
    hei: str
    bundled: str
    kai: str = ""
    files: tuple[tuple[str, str], ...] = ()  # (role, font file or "bundled") as chosen

    def describe(self) -> str:
        """Which font each role uses, for the report viewer and `report fonts`."""
        return "；".join(
            f"{ROLE_NAMES.get(role, role)} {family_name(name)}"
            for role, name in (
                ("title", self.title),
                ("fangsong", self.fangsong),
                ("hei", self.hei),
                ("kai", self.kai or self.bundled),
                ("song", self.song),
            )
        )


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
        dirs += [
            Path("/usr/share/fonts"),
            Path("/usr/local/share/fonts"),
            home / ".local/share/fonts",
            home / ".fonts",
        ]
    return [d for d in dirs if d.is_dir()]


@lru_cache(maxsize=1)
def system_font_files() -> dict[str, Path]:
    """Lower-case file name → path of every TrueType font in the font folders, and each
    font's family names (仿宋_GB2312, FangSong_GB2312 …) → its path as well."""
    found: dict[str, Path] = {}
    for folder in font_dirs():
        try:
            for path in folder.rglob("*"):
                if path.suffix.lower() in (".ttf", ".ttc"):
                    found.setdefault(path.name.lower(), path)
                    for family in family_names(path):
                        found.setdefault(family, path)
        except OSError:
            continue
    return found


def family_names(path: Path) -> list[str]:
    """The family and full names in a font's name table, in every language it gives.

    Only the table directory and the name table are read (a few KiB), so indexing a
    Windows font folder stays quick.
    """
    try:
        with open(path, "rb") as fh:
            head = fh.read(12)
            offset = 0
            if head[:4] == b"ttcf":  # a collection: the first font's directory
                offset = struct.unpack(">I", head[12:16] if len(head) >= 16 else fh.read(4))[0]
                fh.seek(offset)
                head = fh.read(12)
            count = struct.unpack(">H", head[4:6])[0]
            tables = fh.read(16 * count)
            for i in range(count):
                tag, _sum, start, length = struct.unpack(">4sIII", tables[16 * i : 16 * i + 16])
                if tag == b"name":
                    fh.seek(start)
                    return _names(fh.read(min(length, 65536)))
    except (OSError, struct.error):
        return []
    return []


def _names(table: bytes) -> list[str]:
    """Family and full names, the simplified Chinese (zh-CN) ones first, English last."""
    found: list[tuple[int, int, str]] = []
    _fmt, count, strings = struct.unpack(">HHH", table[:6])
    for i in range(count):
        platform, encoding, lang, name_id, length, at = struct.unpack(
            ">HHHHHH", table[6 + 12 * i : 18 + 12 * i]
        )
        if name_id not in (1, 4) or platform != 3 or encoding not in (1, 3):
            continue
        raw = table[strings + at : strings + at + length]
        try:
            name = raw.decode("utf-16-be").strip()
        except UnicodeDecodeError:
            continue
        rank = 0 if lang == 0x0804 else 2 if lang == 0x0409 else 1
        found.append((rank, name_id, name))
    return list(dict.fromkeys(name for _r, _i, name in sorted(found)))


def family_name(font_name: str) -> str:
    """A registered font's family as the user knows it (仿宋_GB2312), or the bundled one's."""
    try:
        face = pdfmetrics.getFont(font_name).face
    except KeyError:
        return font_name
    path = _FILES.get(font_name) or Path(getattr(face, "filename", "") or "")
    families = family_names(path) if path.name else []
    label = families[0] if families else str(getattr(face, "familyName", font_name))
    return f"{label}（{path.name}）" if path.name else label


_FILES: dict[str, Path] = {}  # registered font name → the file it came from


def _register(name: str, path: Path) -> bool:
    """Register a TrueType font; False if it cannot be embedded or lacks our characters."""
    if name in pdfmetrics.getRegisteredFontNames():
        return name in _FILES or name == "InspectorWQY"
    try:
        font = TTFont(name, str(path), subfontIndex=0)
    except Exception:  # a CFF-flavoured or damaged file: reportlab refuses it
        return False
    cmap = font.face.charToGlyph
    if any(ord(ch) not in cmap for ch in REQUIRED_CHARS):
        return False
    pdfmetrics.registerFont(font)
    _FILES[name] = path
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
    used: list[tuple[str, str]] = []
    files = system_font_files() if use_system else {}
    for role, names in CANDIDATES.items():
        chosen[role] = bundled
        for name in names:
            path = files.get(name)
            if path is not None and _register(f"Inspector-{path.stem}", path):
                chosen[role] = f"Inspector-{path.stem}"
                break
        used.append((role, _FILES.get(chosen[role], Path(str(font_path()))).name))
    return FontSet(bundled=bundled, files=tuple(used), **chosen)


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


def fonts_in_pdf(pdf: bytes, pages: int = 20) -> list[str]:
    """The fonts a PDF embeds (its first `pages` pages), named as the user knows them.

    Read from the document itself, so the viewer says what this paper was set in,
    even an archived notice made on another laptop with other fonts.
    """
    import io

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    seen: list[str] = []
    for page in reader.pages[:pages]:
        fonts = (page.get("/Resources") or {}).get("/Font") or {}
        for ref in fonts.values():
            base = str(ref.get_object().get("/BaseFont", "")).lstrip("/")
            base = re.sub(r"-\d+$", "", base.split("+", 1)[-1])  # reportlab's subset number
            if base and base not in seen:
                seen.append(base)
    registered: dict[str, str] = {}
    current = report_fonts()
    ours = [
        current.title,
        current.fangsong,
        current.hei,
        current.kai,
        current.song,
        current.bundled,
    ]
    ours = [n for n in ours if n]
    for name in [*ours, *pdfmetrics.getRegisteredFontNames()]:
        face = getattr(pdfmetrics.getFont(name), "face", None)
        if face is not None:
            ps = face.name.decode() if isinstance(face.name, bytes) else str(face.name)
            registered.setdefault(ps, name)
    return [family_name(registered[b]) if b in registered else b for b in seen]
