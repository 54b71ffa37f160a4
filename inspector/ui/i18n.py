"""Which language the app speaks, and loading its translations.

Source strings are English; `inspector/resources/translations/inspector_zh_CN.qm`
holds the Chinese. The `language` setting is "zh_CN", "en", or "" to follow
the system locale (a Chinese locale gets Chinese, everything else English).
Qt's own `qtbase_zh_CN.qm` is loaded too so standard buttons (OK, Cancel,
Yes) match.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from inspector.paths import resources_dir

LANGUAGES = ("zh_CN", "en")
_installed: list[QTranslator] = []


def translations_dir() -> Path:
    return resources_dir() / "translations"


def resolve_language(setting: str | None, system: QLocale | None = None) -> str:
    """The language to use: the setting if it names one we have, else the system's."""
    if setting in LANGUAGES:
        return setting
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def apply_language(language: str) -> bool:
    """Install the translators for `language` (removing any earlier ones).

    Returns False when the Chinese file is missing, so the caller can warn;
    the app then speaks English rather than failing to start.
    """
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication first")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if language != "zh_CN":
        return True
    ours = QTranslator(app)
    if not ours.load(str(translations_dir() / "inspector_zh_CN.qm")):
        return False
    # Qt's own strings (file dialog, standard buttons): the PySide6 wheels carry no
    # Chinese qtbase catalogue, so a copy (Qt's translations, GPL-3 with the Qt
    # exception, see qtbase_zh_CN.COPYRIGHT) ships beside ours as a fallback.
    qt_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for folder in (qt_dir, translations_dir()):
        theirs = QTranslator(app)
        if theirs.load(str(folder / "qtbase_zh_CN.qm")):
            app.installTranslator(theirs)
            _installed.append(theirs)
            break
    app.installTranslator(ours)
    _installed.append(ours)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return True
