"""The township page's trend: its score over the campaigns, with stars and rank, and
the items it failed in consecutive rounds (屡查屡犯).

Reading a trend needs every campaign's ranking. The session remembers them
(`store.trends.Standings`); when more than a couple are missing (the first
township shown, or after an import) they are read in the worker on its own
connection and handed over, so the page never waits on forty rankings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from inspector.core.ids import TownshipId
from inspector.ui.heap import keep_out_of_collections
from inspector.ui.trend_chart import LineChart

if TYPE_CHECKING:
    from inspector.core.trends import Round, TownshipTrend
    from inspector.store.session import Session

READ_HERE = 2  # missing rankings read on the GUI thread; more go to the worker


def _warm(_progress: Any, path: str) -> dict[str, Any]:
    """Every campaign's ranking, read on the worker's own connection."""
    from inspector.store.trends import standings_of_file

    return standings_of_file(path)


def needs_warming(session: Session) -> bool:
    """Too many rankings are missing to read them on the GUI thread."""
    return bool(session.path) and session.trends.missing() > READ_HERE


def warm_rankings(
    session: Session, on_ready: Callable[[], None], on_done: Callable[[Any], None]
) -> Any:
    """Read every campaign's ranking in the worker, hand them to the session, then call
    `on_ready` (also when the database changed meanwhile: it then reads what it needs;
    not when the connection closed meanwhile). `on_done(job)` follows whatever the end
    (read, failed, dropped).

    Both are connected before the job starts: a job that ends at once (a failure, a
    tiny database) would otherwise emit before anyone listened, and the caller would
    wait for it for ever. The worker's signals reach the GUI thread through its event
    loop, so they arrive after the caller has kept the job returned. `on_done` gets the
    job, so a caller that started another meanwhile forgets only the one that ended.
    """
    from inspector.ui.worker import Job, start_job

    token = session.trends.token()
    job = Job(_warm, session.path)

    def ready(found: dict[str, Any]) -> None:
        if not session.is_open():  # the window went while the worker read
            return
        session.trends.seed(found, token)
        keep_out_of_collections()  # every campaign's ranking, kept: out of full collections
        on_ready()

    job.signals.succeeded.connect(ready)
    job.signals.done.connect(lambda: on_done(job))
    return start_job(job)


class TownshipTrendWidget(QGroupBox):
    """Shows `trend` (a `core.trends.TownshipTrend`) once `show_township` has read it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self_title(), parent)
        self.session: Session | None = None
        self.township_id: str | None = None
        self.trend: TownshipTrend | None = None
        self.job: Any = None
        self.chart = LineChart(self)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        self.repeated_table = QTableWidget(0, 3, self)
        self.repeated_table.setHorizontalHeaderLabels(
            [self.tr("Item"), self.tr("Failed again (屡查屡犯)"), self.tr("Rounds")]
        )
        self.repeated_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.repeated_table.verticalHeader().setVisible(False)
        header = self.repeated_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        left = QVBoxLayout()
        left.addWidget(self.chart, 1)
        left.addWidget(self.detail)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(self.repeated_table, 2)
        self.chart.selected.connect(self._show_round)

    def show_township(self, session: Session, township_id: str | None) -> None:
        """Read and show the township's trend (in the worker first if rankings are missing)."""
        self.session, self.township_id = session, township_id
        if township_id is None:
            self._fill(None)
            return
        if needs_warming(session):
            if self.job is None:
                self.detail.setText(self.tr("Reading the rankings of every campaign…"))
                self.job = warm_rankings(session, lambda: self._warmed(session), self._job_done)
            return
        self._fill(session.trends.township(TownshipId(township_id)))

    def _job_done(self, job: Any) -> None:
        """The job ended: a later one may start (unless one started meanwhile)."""
        if isValid(self) and self.job is job:
            self.job = None

    def _warmed(self, session: Session) -> None:
        """Draw the township shown now (reading on the spot only if a couple are missing;
        if the database changed much meanwhile, warm again)."""
        if not isValid(self):  # the page went while the worker read
            return
        self.job = None
        if self.session is session and self.township_id is not None:
            self.show_township(session, self.township_id)

    def _fill(self, trend: TownshipTrend | None) -> None:
        self.trend = trend
        rounds = trend.rounds if trend else ()
        self.chart.set_series(
            self.tr("Score over the campaigns"),
            [r.score if r.complete else None for r in rounds],
            hollow=[None if r.complete else r.score for r in rounds],
            guides=trend.thresholds if trend else (),
            tips=[self._round_text(n, r) for n, r in enumerate(rounds, 1)],
        )
        if not rounds:
            self.detail.setText(self.tr("No campaign has inspected this township yet."))
        else:
            self._show_round(len(rounds) - 1, select=True)
        repeated = trend.repeated if trend else ()
        self.repeated_table.setRowCount(len(repeated))
        for row, f in enumerate(repeated):
            self.repeated_table.setItem(row, 0, QTableWidgetItem(f.item_id))
            text = QTableWidgetItem(f.text)
            text.setToolTip("、".join(f.campaigns))
            self.repeated_table.setItem(row, 1, text)
            rounds_text = str(f.rounds) + (self.tr(" (still)") if f.ongoing else "")
            self.repeated_table.setItem(row, 2, QTableWidgetItem(rounds_text))

    def _show_round(self, index: int, select: bool = False) -> None:
        if self.trend is None or not 0 <= index < len(self.trend.rounds):
            return
        if select:
            self.chart.current = index
            self.chart.update()
        self.detail.setText(self._round_text(index + 1, self.trend.rounds[index]))

    def _round_text(self, number: int, r: Round) -> str:
        from inspector.core.scoring import star_text

        if r.rank is None:
            rank = self.tr("not finished, not ranked")
        else:
            rank = self.tr("rank {0} of {1}, {2}").format(r.rank, r.ranked, r.change_text)
        text = self.tr("{0}. {1}: {2:.1f} {3}, {4}; {5} problems").format(
            number, r.campaign, r.score, star_text(r.stars, r.max_stars), rank, r.problems
        )
        if r.interview:
            text += self.tr("; 约谈")
        return text


def self_title() -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("TownshipTrendWidget", "Across campaigns")
