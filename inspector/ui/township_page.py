"""One township in a campaign at a glance: status, score by section, problems, notices.

A follow-up round that only verifies the earlier round's problems has no
checklist: its page shows the township's work list (the problems to verify and
this round's verdict on each) where the sections would be, and its checklist
button is disabled, saying why.

The section table is the team-split view: it reads the merged answers (this
laptop's and those imported from the others), so a team sees which sections
are done, partly done or still empty before it leaves the township.

The page follows the session's changes to its township: an answer re-reads
the status and score, a problem the problem table, a notice the notices;
an import re-reads it all.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.core.problems import Light, Status

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector.store.session import Changes, Session
    from inspector.ui.township_trend import TownshipTrendWidget

_GREEN, _AMBER, _GREY, _RED = (QColor(c) for c in ("#1e8449", "#b9770e", "#7f8c8d", "#c0392b"))


def _table(parent: QWidget, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().setVisible(False)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _cell(text: Any, colour: QColor | None = None, right: bool = False) -> QTableWidgetItem:
    cell = QTableWidgetItem("" if text is None else str(text))
    if colour is not None:
        cell.setForeground(QBrush(colour))
    if right:
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return cell


class TownshipPage(QWidget):
    """The page; the store is imported on first use, so the empty page costs nothing."""

    open_checklist = Signal()
    finish_requested = Signal(bool)  # True: finish, False: reopen
    show_problems = Signal()

    def __init__(self, session: Session | Database | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session: Session | None = None
        self.db: Database | None = None
        if session is not None:
            self.set_database(session)
        self.campaign_id: str | None = None
        self.township_id: str | None = None
        self.inspection: dict[str, Any] | None = None
        self.checklist = True  # False: a follow-up round with only a work list
        self._stale = False
        self._build()
        self._connect_signals()
        self.show_township(None, None)

    def _build(self) -> None:
        self.title_label = QLabel(self)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title_label.setFont(font)
        self.status_label = QLabel(self)
        self.score_label = QLabel(self)
        self.score_label.setTextFormat(Qt.TextFormat.RichText)
        score_font = self.score_label.font()
        score_font.setPointSizeF(score_font.pointSizeF() * 1.2)
        self.score_label.setFont(score_font)
        self.checklist_button = QPushButton(self)
        self.finish_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.checklist_button)
        buttons.addWidget(self.finish_button)
        buttons.addStretch(1)

        self.sections_box = QGroupBox(self.tr("Sections (filled by all laptops)"), self)
        self.sections_table = _table(
            self.sections_box,
            [self.tr("Section"), self.tr("Answered"), self.tr("Score"), self.tr("Filled")],
        )
        self.sections_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        QVBoxLayout(self.sections_box).addWidget(self.sections_table)

        self.problems_box = QGroupBox(self)
        self.problems_table = _table(
            self.problems_box,
            [self.tr("Item"), self.tr("Problem"), self.tr("Deadline"), self.tr("Status")],
        )
        self.problems_table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Stretch
        )
        self.problems_button = QPushButton(self.tr("Open in the problem list"), self.problems_box)
        problems_layout = QVBoxLayout(self.problems_box)
        problems_layout.addWidget(self.problems_table)
        problems_layout.addWidget(self.problems_button, 0, Qt.AlignmentFlag.AlignRight)

        self.notices_box = QGroupBox(self)
        self.notices_table = _table(
            self.notices_box,
            [self.tr("Number"), self.tr("Issued"), self.tr("Deadline"), self.tr("Problems")],
        )
        self.notices_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        QVBoxLayout(self.notices_box).addWidget(self.notices_table)

        self.work_box = QGroupBox(self.tr("Problems to verify in this follow-up round"), self)
        self.work_table = _table(
            self.work_box,
            [
                self.tr("Item"),
                self.tr("Problem"),
                self.tr("Deadline"),
                self.tr("Status"),
                self.tr("Verdict"),
            ],
        )
        self.work_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        QVBoxLayout(self.work_box).addWidget(self.work_table)

        self.empty_label = QLabel(self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #7f8c8d;")
        self.empty_label.setWordWrap(True)

        # Made when a township is first shown (`_show_trend`): the trend's chart and
        # table are not needed for the window's first paint, which shows "Loading…".
        self.trend_box: TownshipTrendWidget | None = None
        lower = QHBoxLayout()
        lower.addWidget(self.problems_box, 3)
        lower.addWidget(self.notices_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.score_label)
        layout.addLayout(buttons)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.sections_box, 2)
        layout.addWidget(self.work_box, 2)
        self._layout, self._trend_slot = layout, layout.count()
        layout.addLayout(lower, 3)

    def _connect_signals(self) -> None:
        self.checklist_button.clicked.connect(self.open_checklist)
        self.finish_button.clicked.connect(self._on_finish_clicked)
        self.problems_button.clicked.connect(self.show_problems)

    def _on_finish_clicked(self) -> None:
        from inspector.store.inspections import FINISHED

        if self.inspection:
            self.finish_requested.emit(self.inspection["status"] != FINISHED)

    def set_database(self, session: Session | Database) -> None:
        """The session, for a page made before it was open (see `show_loading`)."""
        from inspector.ui.changes import session_of, signals_of

        if self.session is not None:
            signals_of(self.session).changed.disconnect(self._on_changed)
        self.session = session_of(session)
        self.db = self.session.db
        signals_of(self.session).changed.connect(self._on_changed)

    def _on_changed(self, changes: Changes) -> None:
        """Re-read the parts of the page a write to its township touched."""
        from inspector.store.session import ANSWERS, INSPECTIONS, NOTICES, PROBLEMS, SCORES

        if (
            not self.campaign_id
            or not self.township_id
            or not changes.concerns_township(self.township_id)
        ):
            return
        if changes.everything or not self.isVisible():
            self._stale = True  # a hidden page (the checklist's tab is shown) re-reads when shown
            if self.isVisible():
                self.refresh()
            return
        assert self.session is not None
        if self.checklist and changes.touches(ANSWERS, SCORES, INSPECTIONS):
            from inspector.core.ids import CampaignId, TownshipId

            self.inspection = self.session.inspections.find(
                CampaignId(self.campaign_id), TownshipId(self.township_id)
            )
            self._show_inspection()
        if changes.touches(PROBLEMS):
            self._show_problems()
            if not self.checklist:
                self._show_work_list()
        if changes.touches(ANSWERS, SCORES, INSPECTIONS, PROBLEMS):
            self._show_trend()
        if changes.touches(NOTICES):
            self._show_notices()

    # -- showing -------------------------------------------------------------------------
    def show_loading(self) -> None:
        """An empty page saying the window is still being filled."""
        self.campaign_id = self.township_id = None
        self.inspection = None
        self._show_empty(self.tr("Loading…"))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def show_township(self, campaign_id: str | None, township_id: str | None) -> None:
        self.campaign_id, self.township_id = campaign_id, township_id
        self.refresh()

    def refresh(self) -> None:
        self._stale = False
        if not self.campaign_id or not self.township_id:
            self._show_empty(
                self.tr("Choose a township on the left.")
                if self.campaign_id
                else self.tr(
                    "There is no campaign yet: create one (Inspection → New campaign…) "
                    "or import a bundle from headquarters (File → Import bundle…)."
                )
            )
            return
        from inspector.core.ids import CampaignId, TownshipId

        assert self.session is not None, "a township is shown only once the database is open"
        self.empty_label.setVisible(False)
        for widget in self._content():
            widget.setVisible(True)
        town = self.session.catalog.find_township(self.township_id)
        self.title_label.setText(f"{town['name']}  ·  {town['county']}")
        assert self.session is not None
        self.checklist = self.session.follow_ups.has_checklist(CampaignId(self.campaign_id))
        self.sections_box.setVisible(self.checklist)
        self.work_box.setVisible(not self.checklist)
        self.inspection = self.session.inspections.find(
            CampaignId(self.campaign_id), TownshipId(self.township_id)
        )
        if self.checklist:
            self.checklist_button.setEnabled(True)
            self.checklist_button.setToolTip("")
            self._show_inspection()
        else:
            self._show_work_list()
        self._show_problems()
        self._show_notices()
        self._show_trend()

    def _show_trend(self) -> None:
        assert self.session is not None, "a township is shown only once the database is open"
        if self.trend_box is None:
            from inspector.ui.township_trend import TownshipTrendWidget

            self.trend_box = TownshipTrendWidget(self)
            self._layout.insertWidget(self._trend_slot, self.trend_box, 2)
        self.trend_box.show_township(self.session, self.township_id)

    def _content(self) -> tuple[QWidget, ...]:
        shown = (
            self.sections_box,
            self.work_box,
            self.problems_box,
            self.notices_box,
            self.trend_box,
            self.status_label,
            self.score_label,
            self.checklist_button,
            self.finish_button,
        )
        return tuple(widget for widget in shown if widget is not None)

    def _show_empty(self, message: str) -> None:
        for widget in self._content():
            widget.setVisible(False)
        self.title_label.setText("")
        self.empty_label.setVisible(True)
        self.empty_label.setText(message)

    def _show_work_list(self) -> None:
        """The round's problems of this township to verify, with this round's verdicts."""
        from inspector.core.ids import CampaignId, TownshipId

        assert self.session is not None and self.campaign_id and self.township_id
        rows = self.session.follow_ups.work_list(
            CampaignId(self.campaign_id), TownshipId(self.township_id)
        )
        checked = sum(p["verdict"] is not None for p in rows)
        self.status_label.setText(
            self.tr("Follow-up round: {0} of {1} checked").format(checked, len(rows))
        )
        self.score_label.setText("")
        self.checklist_button.setText(self.tr("Open checklist"))
        self.checklist_button.setEnabled(False)
        self.checklist_button.setToolTip(no_checklist_tip())
        self.finish_button.setVisible(False)
        table = self.work_table
        table.setRowCount(len(rows))
        labels = _status_labels()
        verdicts = {
            "verified": self.tr("verified"),
            "partly": self.tr("partly rectified"),
            "rejected": self.tr("not rectified"),
        }
        for row, p in enumerate(rows):
            colour = _RED if p["overdue"] else (_GREY if p["status"] == Status.CLOSED else None)
            table.setItem(row, 0, _cell(p["item_id"] or ""))
            text = _cell(p["text"], colour)
            text.setToolTip(p["text"])
            table.setItem(row, 1, text)
            table.setItem(row, 2, _cell(p["deadline"] or "", colour))
            table.setItem(row, 3, _cell(labels.get(p["status"], p["status"]), colour))
            verdict = p["verdict"]
            table.setItem(row, 4, _cell(verdicts.get(verdict, verdict) if verdict else "—"))

    def _show_inspection(self) -> None:
        from inspector.core.ids import InspectionId
        from inspector.core.scoring import star_text
        from inspector.store.inspections import FINISHED

        insp = self.inspection
        if insp is None:
            self.status_label.setText(self.tr("Not inspected yet in this campaign."))
            self.score_label.setText("")
            self.checklist_button.setText(self.tr("Start inspection"))
            self.finish_button.setVisible(False)
            self.sections_table.setRowCount(0)
            return
        finished = insp["status"] == FINISHED
        state = self.tr("Finished") if finished else self.tr("In progress")
        details = [self.tr("Status: {0}").format(state)]
        if insp["inspected_on"]:
            details.append(self.tr("inspected on {0}").format(insp["inspected_on"]))
        if insp["team"]:
            details.append(insp["team"])
        if finished and insp["finished_at"]:
            details.append(self.tr("finished {0}").format(insp["finished_at"].replace("T", " ")))
        self.status_label.setText("  ·  ".join(details))
        self.checklist_button.setText(self.tr("Open checklist"))
        self.finish_button.setText(self.tr("Reopen") if finished else self.tr("Finish inspection"))
        self.finish_button.setVisible(True)
        assert self.session is not None, "a township is shown only once the database is open"
        cache = self.session.inspections.score(InspectionId(insp["id"]))
        if cache is None:
            self.score_label.setText("")
            self.sections_table.setRowCount(0)
            return
        veto = ""
        if cache["veto_failed"]:
            veto = "  <span style='color:#c0392b'>{}</span>".format(
                self.tr("veto failed: {0}").format(", ".join(cache["veto_failed"]))
            )
        self.score_label.setText(
            self.tr(
                "Total <b>{0:.1f}</b>  <span style='color:#d4ac0d'>{1}</span>  "
                "({2}/{3} items answered)"
            ).format(cache["score"], star_text(cache["stars"]), cache["answered"], cache["items"])
            + veto
            + (
                ""
                if cache["answered"] >= cache["items"]
                else "<br/><span style='color:#7f8c8d'>{}</span>".format(
                    self.tr("Provisional: not ranked until every item is answered.")
                )
            )
        )
        self._fill_sections(cache["sections"])

    def _fill_sections(self, sections: list[dict[str, Any]]) -> None:
        table = self.sections_table
        table.setRowCount(len(sections))
        for row, sec in enumerate(sections):
            if not sec["items"]:
                filled, colour = "—", _GREY
            elif sec["answered"] >= sec["items"]:
                filled, colour = self.tr("Complete"), _GREEN
            elif sec["answered"]:
                filled, colour = self.tr("Partly"), _AMBER
            else:
                filled, colour = self.tr("Not yet"), _GREY
            score = "—" if sec["score"] is None else f"{sec['score']:.1f}"
            table.setItem(row, 0, _cell(sec["title"]))
            table.setItem(row, 1, _cell(f"{sec['answered']}/{sec['items']}", right=True))
            table.setItem(row, 2, _cell(score, right=True))
            table.setItem(row, 3, _cell(filled, colour))

    def _show_problems(self) -> None:
        from inspector.core.ids import CampaignId, TownshipId

        assert self.session is not None, "a township is shown only once the database is open"
        rows = self.session.problems.for_township(
            TownshipId(self.township_id or ""),
            CampaignId(self.campaign_id) if self.campaign_id is not None else None,
        )
        open_count = sum(r["status"] != Status.CLOSED for r in rows)
        overdue = sum(bool(r["overdue"]) for r in rows)
        due_soon = sum(r["light"] == Light.YELLOW for r in rows)
        self.problems_box.setTitle(
            self.tr("Problems: {0} open, {1} overdue, {2} in all").format(
                open_count, overdue, len(rows)
            )
            + (self.tr(", {0} due soon").format(due_soon) if due_soon else "")
        )
        table = self.problems_table
        table.setRowCount(len(rows))
        labels = _status_labels()
        for row, p in enumerate(rows):
            colour = _RED if p["overdue"] else (_GREY if p["status"] == Status.CLOSED else None)
            if p["light"] == Light.YELLOW:
                colour = _AMBER  # due within the campaign's warning days
            table.setItem(row, 0, _cell(p["item_id"] or ""))
            text = _cell(p["text"], colour)
            text.setToolTip(p["text"])
            table.setItem(row, 1, text)
            table.setItem(row, 2, _cell(p["deadline"] or "", colour))
            table.setItem(row, 3, _cell(labels.get(p["status"], p["status"]), colour))

    def _show_notices(self) -> None:
        from inspector.core.ids import CampaignId, TownshipId

        assert self.session is not None, "a township is shown only once the database is open"
        rows = self.session.notices.of(
            CampaignId(self.campaign_id) if self.campaign_id is not None else None,
            TownshipId(self.township_id) if self.township_id is not None else None,
        )
        self.notices_box.setTitle(self.tr("Rectification notices: {0}").format(len(rows)))
        table = self.notices_table
        table.setRowCount(len(rows))
        for row, n in enumerate(rows):
            count = len(json.loads(n["problem_ids"] or "[]"))
            number = n["doc_number"]
            if n.get("voided_on"):
                number = self.tr("{0} (voided)").format(number)
            table.setItem(row, 0, _cell(number))
            table.setItem(row, 1, _cell(n["issued_on"]))
            table.setItem(row, 2, _cell(n["deadline"] or ""))
            table.setItem(row, 3, _cell(count, right=True))


def no_checklist_tip() -> str:
    """Why a follow-up round's checklist cannot be opened (the page's button, the window's
    action and tab)."""
    return QCoreApplication.translate(
        "TownshipPage",
        "This follow-up round only verifies the earlier round's problems: it has no "
        "checklist. Give each problem its verdict in the problem list.",
    )


def _status_labels() -> dict[str, str]:
    translate = QCoreApplication.translate
    return {
        Status.OPEN: translate("ProblemStatus", "Open"),
        Status.RECTIFYING: translate("ProblemStatus", "Rectifying"),
        Status.RECTIFIED: translate("ProblemStatus", "Rectified"),
        Status.CLOSED: translate("ProblemStatus", "Closed"),
    }
