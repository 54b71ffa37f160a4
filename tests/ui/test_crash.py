"""Uncaught exceptions in the GUI go to the log file and a short message box."""

from __future__ import annotations

import sqlite3
import sys

import pytest
from PySide6.QtCore import qWarning
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector import logfile
from inspector.ui import crash
from inspector.ui import errors as errors_ui
from inspector.ui.errors import show_error
from inspector.ui.messages import describe_for_user

pytestmark = pytest.mark.qt_log_ignore("QPainter::begin")


def _raise_bug():
    return [][3]


def _bug_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "bug_report" and w.isVisible()
    ]


def test_an_uncaught_bug_is_logged_and_shown_in_one_short_box_that_opens_the_log(
    qapp, qtbot, tmp_path, monkeypatch
):
    opened = []
    monkeypatch.setattr(errors_ui, "open_file", lambda path: opened.append(path))
    logfile.use_folder_of(tmp_path / "x.db")
    previous = crash.install()
    try:
        try:
            _raise_bug()
        except IndexError as exc:
            sys.excepthook(type(exc), exc, exc.__traceback__)
    finally:
        crash.restore(previous)
        logfile.use_folder_of(None)
    log = tmp_path / "logs" / "inspector.log"
    [box] = _bug_boxes()
    assert box.text() == f"internal error, details written to {log}"
    [open_log] = [b for b in box.buttons() if b.text() == "Open log"]
    open_log.click()
    assert opened == [log]
    box.close()
    text = log.read_text(encoding="utf-8")
    assert "_raise_bug" in text and "IndexError" in text
    assert sys.excepthook is previous


def test_the_users_situation_in_a_slot_is_a_warning_not_a_bug(qapp, tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    logfile.use_folder_of(tmp_path / "x.db")
    try:
        full = sqlite3.OperationalError("database or disk is full")
        full.sqlite_errorcode = 13
        assert show_error(None, full, "Not saved") is None
    finally:
        logfile.use_folder_of(None)
    assert warned == ["the disk is full, so nothing could be saved; free some space and try again"]
    assert not (tmp_path / "logs").exists() and _bug_boxes() == []


def test_a_constraint_failure_is_our_bug_and_is_logged(qapp, tmp_path):
    logfile.use_folder_of(tmp_path / "x.db")
    try:
        bug = sqlite3.IntegrityError("FOREIGN KEY constraint failed")
        bug.sqlite_errorcode = 787
        box = show_error(None, bug, "Not saved")
    finally:
        logfile.use_folder_of(None)
    assert box is not None and box.objectName() == "bug_report"
    assert "FOREIGN KEY" in (tmp_path / "logs" / "inspector.log").read_text(encoding="utf-8")
    box.close()


def test_qt_warnings_go_to_the_same_log(qapp, tmp_path):
    logfile.use_folder_of(tmp_path / "x.db")
    previous = crash.install(show=False)
    try:
        qWarning("QPainter::begin: Paint device returned engine == 0")
    finally:
        crash.restore(previous)
        logfile.use_folder_of(None)
    text = (tmp_path / "logs" / "inspector.log").read_text(encoding="utf-8")
    assert "Qt QtWarningMsg: QPainter::begin: Paint device returned engine == 0" in text


def test_the_gui_shows_the_users_situation_as_itself_without_logging(qapp, tmp_path):
    logfile.use_folder_of(tmp_path / "x.db")
    try:
        busy = sqlite3.OperationalError("database is locked")
        busy.sqlite_errorcode = 5
        assert describe_for_user(busy).startswith("the database is busy")
        assert not (tmp_path / "logs").exists()
    finally:
        logfile.use_folder_of(None)
