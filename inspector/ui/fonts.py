"""The bundled CJK font, registered at start-up so Chinese never renders as boxes.

Laptops in the field may have no Chinese font at all (a fresh Linux image, a
stripped Windows). The platform's own Latin font stays first so English text
looks native; the bundled WenQuanYi Micro Hei is the fallback for every
glyph the first font lacks.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from inspector.paths import font_path

_cjk_family: str | None = None


def register_cjk_font() -> str | None:
    """Register the bundled font once; the family name, or None if the file is missing."""
    global _cjk_family
    if _cjk_family is not None:
        return _cjk_family
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    if font_id < 0:
        return None
    families = QFontDatabase.applicationFontFamilies(font_id)
    # The .ttc holds a proportional and a "Mono" face: prefer the proportional one.
    plain = [f for f in families if "mono" not in f.lower()]
    _cjk_family = (plain or families)[0] if families else None
    return _cjk_family


def install_app_font(app: QApplication) -> QFont:
    """Make the application font '<platform Latin font>, <bundled CJK font>'."""
    cjk = register_cjk_font()
    font = app.font()
    if cjk is None:
        return font
    base = QFontInfo(font).family()
    families = [base, cjk] if base and base != cjk else [cjk]
    font.setFamilies(families)
    app.setFont(font)
    return font


def cjk_family() -> str | None:
    return _cjk_family
