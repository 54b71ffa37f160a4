"""The trends window: a county, or the whole, across campaigns.

Average score (a line), star distribution (stacked bars), rectification rate
and 约谈 count per campaign, and the same figures as a table whose row
numbers are the charts' campaign numbers. Its report button prints the
same trend as the 督查情况趋势分析 (`inspector report trend`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from inspector.ui.trend_chart import LineChart, StackedBars

if TYPE_CHECKING:
    from inspector.core.trends import AreaTrend
    from inspector.store.session import Changes, Session


class TrendsView(QWidget):
    """A window of its own; `trend` is the `core.trends.AreaTrend` shown."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtCore import Qt

        self.setWindowFlag(Qt.WindowType.Window)
        self.setWindowTitle(self.tr("Trends across campaigns"))
        self.session = session
        self.trend: AreaTrend | None = None
        self.job: object | None = None
        self._stale = False
        self.county_combo = QComboBox(self)
        self.county_combo.addItem(self.tr("All counties"), None)
        for county_id, name in session.trends.counties():
            self.county_combo.addItem(name, county_id)
        self.report_button = QPushButton(self.tr("Print report (督查情况趋势分析)…"), self)
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.average_chart = LineChart(self)
        self.star_chart = StackedBars(self)
        self.rate_chart = LineChart(self)
        self.interview_chart = LineChart(self)
        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("County:"), self))
        top.addWidget(self.county_combo)
        top.addStretch(1)
        top.addWidget(self.report_button)
        charts = QGridLayout()
        charts.addWidget(self.average_chart, 0, 0)
        charts.addWidget(self.star_chart, 0, 1)
        charts.addWidget(self.rate_chart, 1, 0)
        charts.addWidget(self.interview_chart, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addLayout(charts, 3)
        layout.addWidget(self.table, 2)
        self.county_combo.currentIndexChanged.connect(self.refresh)
        self.report_button.clicked.connect(self._on_report)
        for chart in (self.average_chart, self.rate_chart, self.interview_chart):
            chart.selected.connect(self.table.selectRow)
        from inspector.ui.changes import signals_of

        signals_of(session).changed.connect(self._on_changed)
        self.resize(1100, 760)
        self.refresh()

    def county_id(self) -> str | None:
        value = self.county_combo.currentData()
        return str(value) if value else None

    def _on_changed(self, changes: Changes) -> None:
        from inspector.store.session import CAMPAIGNS, INSPECTIONS, PROBLEMS, SCORES, TREE

        if changes.everything or changes.touches(SCORES, INSPECTIONS, PROBLEMS, CAMPAIGNS, TREE):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        from inspector.ui.township_trend import needs_warming, warm_rankings

        self._stale = False
        if needs_warming(self.session):  # forty rankings: read in the worker first
            if self.job is None:
                self.summary_label.setText(self.tr("Reading the rankings of every campaign…"))
                self.job = warm_rankings(self.session, self._warmed, self._job_done)
            return
        self.trend = self.session.trends.area(self.county_id())
        rounds = self.trend.rounds
        tips = [f"{n}. {r.campaign}" for n, r in enumerate(rounds, 1)]
        self.average_chart.set_series(
            self.tr("Average score"), [r.average for r in rounds], tips=tips
        )
        self.star_chart.set_stacks(self.tr("Star distribution"), [r.stars for r in rounds])
        self.rate_chart.set_series(
            self.tr("Rectification rate (%)"), [r.rate for r in rounds], tips=tips, low=0.0
        )
        most = max((r.interviews for r in rounds), default=0)
        self.interview_chart.set_series(
            self.tr("约谈 per campaign"),
            [float(r.interviews) for r in rounds],
            tips=tips,
            low=0.0,
            high=float(max(5, most + max(1, most // 5))),
        )
        self._fill_table()
        if rounds and rounds[-1].average is not None:
            last = rounds[-1]
            self.summary_label.setText(
                self.tr(
                    "{0} campaigns. Latest, {1}: {2} ranked, average {3:.1f}, {4} 约谈."
                ).format(len(rounds), last.campaign, last.ranked, last.average, last.interviews)
            )
        else:
            self.summary_label.setText(self.tr("No campaign has inspected these townships yet."))

    def _warmed(self) -> None:
        if not isValid(self):  # the window went while the worker read
            return
        self.job = None
        self.refresh()

    def _job_done(self, job: object) -> None:
        """The reading ended, also when it failed: the next refresh may read again."""
        if isValid(self) and self.job is job:
            self.job = None

    def _fill_table(self) -> None:
        assert self.trend is not None
        rounds = self.trend.rounds
        top = max((r.max_stars for r in rounds), default=5)
        headers = [
            self.tr("No."),
            self.tr("Campaign"),
            self.tr("Ranked"),
            self.tr("Average"),
            self.tr("Change"),
            *(self.tr("{0}★").format(n) for n in range(top, 0, -1)),
            self.tr("约谈"),
            self.tr("Problems"),
            self.tr("Rectified"),
        ]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rounds))
        for row, r in enumerate(rounds):
            stars = [*r.stars, *([0] * (top - r.max_stars))][:top]
            cells = [
                str(row + 1),
                r.campaign,
                str(r.ranked) + (f"+{r.incomplete}" if r.incomplete else ""),
                "—" if r.average is None else f"{r.average:.1f}",
                "" if r.change is None else f"{r.change:+.1f}",
                *(str(s) for s in stars),
                str(r.interviews),
                str(r.problems),
                "—" if r.rate is None else f"{r.rate:.1f}%",
            ]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

    def _on_report(self) -> None:
        from inspector.ui.report_view import open_report

        self.report_job = open_report(
            self, self.session.path, "trend", campaign_id=None, county_id=self.county_id()
        )
