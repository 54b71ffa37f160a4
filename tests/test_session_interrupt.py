"""A long read is abandoned from another thread when a newer one makes it stale."""

from __future__ import annotations

import threading
import time

import pytest

from inspector.errors import is_interrupted
from inspector.store.session import Session


def test_interrupt_from_another_thread_stops_a_long_statement(tmp_path):
    session = Session.open(tmp_path / "i.db")
    endless = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
    )
    timer = threading.Timer(0.2, session.interrupt)
    timer.start()
    started = time.monotonic()
    with pytest.raises(Exception) as caught:
        session.db.execute(endless).fetchone()
    assert time.monotonic() - started < 10
    assert is_interrupted(caught.value)
    assert not is_interrupted(ValueError("interrupted"))
    assert session.db.execute("SELECT 1").fetchone() == (1,)  # the connection goes on
    session.close()
