"""Uncaught exceptions in the GUI go to the log file and a short message box."""

from __future__ import annotations

import sqlite3
import sys

from PySide6.QtWidgets import QMessageBox

from inspector import logfile
from inspector.ui import crash
from inspector.ui.messages import describe_for_user


def _raise_bug():
    return [][3]


def test_an_uncaught_bug_is_logged_and_shown_in_one_short_box(qapp, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
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
    assert shown == [f"internal error, details written to {log}"]
    text = log.read_text(encoding="utf-8")
    assert "_raise_bug" in text and "IndexError" in text
    assert sys.excepthook is previous


def test_the_gui_shows_the_users_situation_as_itself_without_logging(qapp, tmp_path):
    logfile.use_folder_of(tmp_path / "x.db")
    try:
        busy = sqlite3.OperationalError("database is locked")
        busy.sqlite_errorcode = 5
        assert describe_for_user(busy).startswith("the database is busy")
        assert not (tmp_path / "logs").exists()
    finally:
        logfile.use_folder_of(None)
