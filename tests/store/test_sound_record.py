"""The day's whole-file check, recorded by the window after the worker's copy: a nicety
that must never hold the window while another program writes the database."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time

from inspector.store.db import SOUND_ON
from inspector.store.session import Session


def test_recording_the_check_gives_way_to_another_writer(tmp_path):
    path = tmp_path / "s.db"
    session = Session.open(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # the command line importing, say
        start = time.perf_counter()
        session.backups.found_sound_today()  # neither waits the busy timeout nor raises
        assert time.perf_counter() - start < 1.0
        assert session.settings.get(SOUND_ON) is None  # the next check simply runs again
        other.execute("COMMIT")
        session.backups.found_sound_today()
        assert session.settings.get(SOUND_ON) == dt.date.today().isoformat()
    finally:
        other.close()
        session.close()


def test_a_setting_put_again_unchanged_writes_nothing_and_waits_for_no_one(tmp_path):
    """The window remembers the campaign it shows each time it fills itself: with the
    command line importing, that unchanged write waited the busy timeout and failed."""
    path = tmp_path / "s.db"
    session = Session.open(path)
    session.settings.put("last_campaign", "c1")
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        start = time.perf_counter()
        done = session.settings.put("last_campaign", "c1")
        assert time.perf_counter() - start < 1.0
        assert not done.changes.kinds
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert session.settings.put("last_campaign", "c2").changes.kinds
    assert session.settings.get("last_campaign") == "c2"
    session.close()
