"""Starting the desktop app: fonts, language, database, main window.

`inspector` with no sub-command lands here (`run_gui`); so does the
`inspector-gui` script and the laptop build (`main`). `--selftest` opens
the database, shows the main window, lets it paint, and exits 0, with no
dialog that could block it: the check that a build works on a machine.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector import __version__
from inspector.errors import describe, is_user_error

if TYPE_CHECKING:
    from inspector.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Inspector")
    app.setApplicationDisplayName("督查通 Inspector")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("inspector")
    return app


def run_gui(db_path: str | None, selftest: bool = False) -> int:
    """Open the main window on the database; the process exit status."""
    from inspector.paths import default_db_path
    from inspector.store import settings
    from inspector.store.db import open_db
    from inspector.ui import i18n
    from inspector.ui.fonts import install_app_font

    app = _application()
    install_app_font(app)
    path = Path(db_path) if db_path else default_db_path()
    try:
        db = open_db(path)
        language = i18n.resolve_language(settings.get(db, "language"))
    except Exception as exc:
        if not is_user_error(exc):
            raise
        i18n.apply_language(i18n.resolve_language(None))
        message = app.translate("App", "Inspector cannot open the database:\n{0}").format(
            describe(exc))
        print(f"inspector: {describe(exc)}", file=sys.stderr)
        if not selftest:
            QMessageBox.critical(None, app.translate("App", "Inspector"), message)
        return 1
    if not i18n.apply_language(language):
        log.warning("translations for %s are missing; using English", language)

    from inspector.ui.main_window import MainWindow

    window = MainWindow(db, str(path))
    window.show()
    if selftest:
        QTimer.singleShot(0, lambda: _finish_selftest(window))
    status = app.exec()
    db.close()
    return status


def _finish_selftest(window: MainWindow) -> None:
    app = QApplication.instance()
    app.processEvents()
    shown = window.isVisible()
    townships = window.tree.model.township_count()
    print(f"selftest: main window {'shown' if shown else 'NOT shown'}, "
          f"{window.campaign_combo.count()} campaign(s), {townships} township(s), "
          f"database {window.db_path}")
    window.close()
    app.exit(0 if shown else 1)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `inspector-gui` script and the laptop build."""
    parser = argparse.ArgumentParser(prog="inspector-gui", description="督查通 Inspector")
    parser.add_argument("--db", default=os.environ.get("INSPECTOR_DB"),
                        help="database file (default: the user data folder)")
    parser.add_argument("--selftest", action="store_true",
                        help="open the GUI, show the main window, exit 0")
    parser.add_argument("--version", action="version", version=f"inspector {__version__}")
    args, _qt_args = parser.parse_known_args(argv)
    return run_gui(args.db, selftest=args.selftest)


if __name__ == "__main__":
    sys.exit(main())
