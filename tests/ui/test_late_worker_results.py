"""A worker's result that arrives after its window and connection are gone is dropped,
not raised in the event loop (a province's rankings take seconds to read)."""

from __future__ import annotations

from inspector.store.db import open_db
from inspector.store.session import Session


def test_a_closed_session_says_so(tmp_path):
    session = Session(open_db(tmp_path / "x.db"))
    assert session.is_open()
    session.db.close()
    assert not session.is_open()


def test_rankings_read_for_a_window_already_closed_are_dropped(tmp_path, qtbot, monkeypatch):
    from inspector.ui import township_trend

    session = Session(open_db(tmp_path / "x.db"))
    seeded = []
    monkeypatch.setattr(session.trends, "seed", lambda *a: seeded.append(a))
    called = []
    with qtbot.waitSignal(
        township_trend.warm_rankings(
            session, lambda: called.append(1), lambda _job: None
        ).signals.succeeded,
        timeout=10_000,
    ):
        session.db.close()  # the window closes while the worker reads
    qtbot.wait(50)
    assert seeded == [] and called == []


def test_a_trend_widget_deleted_before_its_rankings_arrive_draws_nothing(tmp_path, qtbot):
    from shiboken6 import delete

    from inspector.ui.township_trend import TownshipTrendWidget

    session = Session(open_db(tmp_path / "x.db"))
    widget = TownshipTrendWidget()
    widget.session, widget.township_id = session, "t1"
    delete(widget)  # the page is gone
    widget._warmed(session)  # the worker's result arrives: nothing to draw, no error
