"""Starting the desktop app: fonts, language, database, main window.

`inspector` with no sub-command lands here (`run_gui`); so does the
`inspector-gui` script and the laptop build (`main`). `--selftest` opens
the database, shows the main window, waits until it has painted and filled
itself (`MainWindow.loaded`), and exits 0, with no dialog that could block
it: the check that a build works on a machine.

The window paints before the database is opened: the two settings it needs
first (language, window geometry) are peeked at read-only, and the window
opens the database, migrating it if needed, just after its first paint.
A database that cannot be opened still ends the app with a message and
exit status 1.

Qt is imported only once `run_gui` has checked that its platform can start
(`inspector.qt_platform`): on X11 without the libraries Qt's xcb plugin needs,
loading Qt would abort the process instead of saying what to install.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from inspector import __version__
from inspector.errors import explain
from inspector.qt_platform import check_xcb
from inspector.store import settings

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from inspector.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SELFTEST_TIMEOUT_MS = 60_000  # a window that has not painted and filled by then fails


def _application() -> QApplication:
    from PySide6.QtWidgets import QApplication

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
    """Open the main window on the database; the process exit status.

    Raises MissingQtLibraries (before loading Qt) when Qt's X11 platform
    would abort for want of system libraries.
    """
    check_xcb(os.environ)
    from inspector import logfile
    from inspector.paths import default_db_path
    from inspector.ui import crash
    from inspector.ui.fonts import install_app_font

    app = _application()
    install_app_font(app)
    path = Path(db_path) if db_path else default_db_path()
    logfile.use_folder_of(path)
    previous_hook = crash.install(show=not selftest)
    try:
        return _run(app, path, selftest)
    finally:
        crash.restore(previous_hook)


def _run(app: QApplication, path: Path, selftest: bool) -> int:
    from inspector.ui import i18n

    saved = settings.peek(path, ("language", "window_geometry"))
    language = i18n.resolve_language(saved.get("language"))
    if not i18n.apply_language(language):
        log.warning("translations for %s are missing; using English", language)

    from inspector.ui.main_window import MainWindow

    window = MainWindow(None, str(path), saved_geometry=saved.get("window_geometry"))
    failures: list[Exception] = []

    def open_failed(exc: Exception) -> None:
        failures.append(exc)
        window.hide()
        app.exit(1)

    def check_language() -> None:
        """The peek can miss (a locked or damaged settings table): trust the open database."""

        assert window.session is not None
        wanted = i18n.resolve_language(window.session.settings.get("language"))
        if wanted != language:
            window.change_language(wanted)

    def first_run() -> None:
        """A new database asks for this laptop's name and notice numbers (ui.first_run)."""
        from inspector.ui.first_run import ask_if_new

        if window.session is not None:
            ask_if_new(window, window.session)

    window.open_failed.connect(open_failed)
    window.loaded.connect(check_language)
    if not selftest:
        window.loaded.connect(first_run)
    if selftest:
        _watch_selftest(window)
    window.show()  # paints the frame at once, then opens the database and fills itself
    status = app.exec()
    from inspector.ui.worker import pool

    pool().waitForDone(60_000)  # a backup or import still running finishes, not cut short
    if failures:
        return _cannot_open(app, failures[0], selftest)
    if window.db is not None:
        window.db.close()
    return status


def _cannot_open(app: QApplication, exc: Exception, selftest: bool) -> int:
    """The database could not be opened: say why (a dialog unless self-testing), status 1.

    A bug is logged by the same classification as the command line's.
    """
    from PySide6.QtWidgets import QMessageBox

    from inspector.ui.messages import describe_for_user

    message = app.translate("App", "Inspector cannot open the database:\n{0}").format(
        describe_for_user(exc)
    )
    print(f"inspector: {explain(exc)}", file=sys.stderr)
    if not selftest:
        QMessageBox.critical(None, app.translate("App", "Inspector"), message)
    return 1


def _watch_selftest(window: MainWindow) -> None:
    """Exit 0 once the window has painted and filled itself; 1 if not within the timeout."""
    from PySide6.QtCore import Qt, QTimer

    window.remember_state = False
    window.startup_checks = False
    timeout = QTimer(window)
    timeout.setSingleShot(True)

    def finish() -> None:
        timeout.stop()
        _finish_selftest(window)

    # Queued: the window finishes its first fill before the check looks at it.
    window.loaded.connect(finish, Qt.ConnectionType.QueuedConnection)
    timeout.timeout.connect(finish)
    timeout.start(SELFTEST_TIMEOUT_MS)


def _finish_selftest(window: MainWindow) -> None:
    app = _application()
    app.processEvents()
    shown = window.isVisible() and window.is_loaded
    townships = window.tree.model.township_count()
    print(
        f"selftest: main window {'shown' if shown else 'NOT shown'}, "
        f"{window.campaign_combo.count()} campaign(s), {townships} township(s), "
        f"database {window.db_path}"
    )
    window.close()
    app.exit(0 if shown else 1)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `inspector-gui` script: the command line itself, so one parser
    (click's) knows `--db`, `--selftest` and `--version` for both scripts."""
    from inspector.cli import main as command_line

    try:
        command_line.main(args=argv, prog_name="inspector-gui")
    except SystemExit as done:
        return done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
