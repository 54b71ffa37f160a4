"""The trend on the township page and the trends window, driven as a user does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from inspector.store.session import Session
from tests.trend_data import build_trend_db


@pytest.fixture
def trend_session(tmp_path):
    session = Session.open(tmp_path / "trend.db")
    ids = build_trend_db(session.db)
    yield session, ids
    session.close()


def _page(session, ids, qtbot):
    from inspector.ui.township_page import TownshipPage

    page = TownshipPage(session)
    qtbot.addWidget(page)
    page.resize(1200, 900)
    page.show()
    qtbot.waitExposed(page)
    page.show_township(ids["campaigns"]["C3"], ids["townships"]["一镇"])
    # the first township's trend reads every campaign's ranking in the worker
    qtbot.waitUntil(lambda: page.trend_box.trend is not None, timeout=10_000)
    return page


def test_the_township_page_draws_its_scores_and_repeated_failures(trend_session, qtbot):
    session, ids = trend_session
    page = _page(session, ids, qtbot)
    box = page.trend_box
    assert box.chart.values == [100.0, 66.7, None, 50.0]
    assert box.chart.hollow == [None, None, 0.0, None]  # the unfinished 复查, off the line
    assert box.repeated_table.rowCount() == 1
    assert box.repeated_table.item(0, 0).text() == "A1"
    assert box.repeated_table.item(0, 1).text() == "三会一课按期召开"
    assert box.repeated_table.item(0, 2).text().startswith("3")
    assert "rank 4 of 4" in box.detail.text() and "退位1" in box.detail.text()


def test_clicking_a_point_shows_that_campaign(trend_session, qtbot):
    session, ids = trend_session
    page = _page(session, ids, qtbot)
    box = page.trend_box
    point = box.chart.point(1)
    QTest.mouseClick(
        box.chart, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point.toPoint()
    )
    assert box.chart.current == 1
    assert "2024年第二季度督查" in box.detail.text()
    assert "66.7" in box.detail.text() and "退位2" in box.detail.text()


def test_an_answer_on_the_page_redraws_the_trend(trend_session, qtbot):
    from inspector.core.ids import InspectionId
    from inspector.store.inspections import find_inspection

    session, ids = trend_session
    page = _page(session, ids, qtbot)
    insp = find_inspection(session.db, ids["campaigns"]["C3"], ids["townships"]["一镇"])
    session.inspections.set_finished(InspectionId(insp["id"]), False)
    session.answers.set(InspectionId(insp["id"]), "A1", verdict="full")
    # one campaign to read again: on the spot, not in the worker
    assert page.trend_box.chart.values[-1] == 83.3
    assert "rank 2 of 4" in page.trend_box.detail.text()


def test_the_trends_window_shows_a_county_chosen_in_its_list(trend_session, qtbot):
    from inspector.ui.trends_view import TrendsView

    session, _ids = trend_session
    view = TrendsView(session)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.trend is not None, timeout=10_000)  # read in the worker
    assert view.table.rowCount() == 4 and view.trend.name == ""
    view.county_combo.setCurrentIndex(view.county_combo.findText("乙县"))
    assert view.trend.name == "乙县"
    averages = [view.table.item(r, 3).text() for r in range(view.table.rowCount())]
    assert averages == ["66.7", "58.3", "66.7", "75.0"]
    rates = [view.table.item(r, view.table.columnCount() - 1).text() for r in range(4)]
    assert rates == ["—", "100.0%", "—", "0.0%"]
    assert view.average_chart.values == pytest.approx([66.7, 58.3, 66.7, 75.0])
    assert view.star_chart.stacks[1] == (0, 1, 0, 0, 1)  # 三镇 83.3 and 四镇 33.3


def test_the_main_windows_menu_opens_the_trends_window(trend_session, qtbot):
    from inspector.ui import i18n
    from inspector.ui.main_window import MainWindow

    session, _ids = trend_session
    i18n.apply_language("en")
    win = MainWindow(session, session.path)
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.loaded):
        win.show()
    assert win.trends_action in win.inspection_menu.actions()
    win.trends_action.trigger()
    qtbot.waitUntil(lambda: win.trends_view.trend is not None, timeout=10_000)
    assert win.trends_view.isVisible()
    assert [r.ranked for r in win.trends_view.trend.rounds] == [3, 4, 2, 4]
    win.trends_view.close()


def test_rankings_read_after_the_database_closed_are_dropped(tmp_path, qtbot):
    """A window closed while the worker reads every campaign's ranking: its result
    arrives on a closed connection and must go nowhere, not raise in the event loop."""
    from inspector.ui.township_trend import TownshipTrendWidget
    from inspector.ui.worker import pool

    session = Session.open(tmp_path / "closing.db")
    ids = build_trend_db(session.db)
    box = TownshipTrendWidget()
    qtbot.addWidget(box)
    box.show_township(session, ids["townships"]["一镇"])
    assert box.job is not None  # four campaigns missing: read in the worker
    session.close()  # before the worker's result is delivered (by the event loop)
    assert pool().waitForDone(10_000)
    qtbot.wait(200)  # the result delivered: an exception here fails the test
    assert box.trend is None


def test_rankings_read_after_the_page_was_deleted_are_dropped(trend_session, qtbot):
    """The page closed (its window, or a test's widget) while the worker reads: the result
    is not drawn into the deleted chart."""
    import shiboken6

    from inspector.ui.township_page import TownshipPage
    from inspector.ui.worker import pool

    session, ids = trend_session
    page = TownshipPage(session)
    page.show_township(ids["campaigns"]["C3"], ids["townships"]["一镇"])
    job = page.trend_box.job
    assert job is not None  # the rankings are read in the worker
    box = page.trend_box
    shiboken6.delete(page)
    pool().waitForDone(10_000)
    qtbot.wait(50)  # deliver the worker's signals on the GUI thread
    assert not shiboken6.isValid(box)


@pytest.fixture
def ends_at_once(monkeypatch):
    """The worker's job has ended (here: failed) before `start_job` returns, as a job on a
    small or unreadable database may; `fail[0] = False` lets the next one read."""
    from inspector.messages import Message, MessageError
    from inspector.ui import township_trend, worker

    fail = [True]
    warm = township_trend._warm

    def failing_warm(progress, path):
        if fail[0]:
            raise MessageError(Message("the database could not be read"))
        return warm(progress, path)

    def start_and_wait(job):
        worker.pool().start(job)
        assert worker.pool().waitForDone(10_000)  # its signals are emitted by now
        return job

    monkeypatch.setattr(township_trend, "_warm", failing_warm)
    monkeypatch.setattr(worker, "start_job", start_and_wait)
    return fail


def test_a_reading_that_ends_at_once_does_not_block_the_next(trend_session, qtbot, ends_at_once):
    """The job's end is listened for before it starts: one that failed before anyone
    listened would leave the page waiting for it, never reading the trend again."""
    from inspector.ui.township_trend import TownshipTrendWidget

    session, ids = trend_session
    box = TownshipTrendWidget()
    qtbot.addWidget(box)
    box.show_township(session, ids["townships"]["一镇"])
    assert box.job is not None
    qtbot.waitUntil(lambda: box.job is None, timeout=5_000)
    assert box.trend is None
    ends_at_once[0] = False
    box.show_township(session, ids["townships"]["一镇"])
    qtbot.waitUntil(lambda: box.trend is not None, timeout=10_000)
    assert box.chart.values == [100.0, 66.7, None, 50.0] and box.job is None


def test_the_trends_window_reads_again_after_a_reading_that_ended_at_once(
    trend_session, qtbot, ends_at_once
):
    from inspector.ui.trends_view import TrendsView

    session, _ids = trend_session
    view = TrendsView(session)
    qtbot.addWidget(view)
    assert view.job is not None
    qtbot.waitUntil(lambda: view.job is None, timeout=5_000)
    ends_at_once[0] = False
    view.refresh()
    qtbot.waitUntil(lambda: view.trend is not None, timeout=10_000)
    assert [r.ranked for r in view.trend.rounds] == [3, 4, 2, 4]
