"""The side panel of the problem list: edit one problem, see its history and evidence.

Every edit is written as the checklist writes its notes: a short pause in
typing (`SAVE_DELAY_MS`), leaving a field, moving to another problem or
clicking a life-cycle step saves what was typed (`save_if_dirty`), so nothing
is lost whatever is clicked next; the Save button only makes it happen now.
Showing the problem again after a save leaves a field alone when it already
holds what is stored, so the cursor stays where the user is typing. The
life-cycle buttons are the list's shared actions, so they are enabled exactly
when the step is legal for the selection.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from inspector.core.follow_up import FollowUpVerdict
from inspector.core.ids import CampaignId, ProblemId
from inspector.core.problems import Action, HistoryStep, Status
from inspector.store.catalog import CatalogError
from inspector.store.clock import parse_hlc, when
from inspector.store.problems import EDITABLE
from inspector.store.session import Session
from inspector.sync.roles import may_close_problems
from inspector.ui.changes import session_of
from inspector.ui.errors import show_error
from inspector.ui.evidence import evidence_pixmap, open_evidence, page_icon, tooltip
from inspector.ui.extend_dialog import ExtendDialog
from inspector.ui.no_wheel import guard_wheels_under
from inspector.ui.photos import show_photo
from inspector.ui.problem_actions import choose_photos
from inspector.ui.problem_model import light_label, overdue_days, status_label

THUMB = 96
SAVE_DELAY_MS = 800
_NO_DATE = QDate(2000, 1, 1)  # the date edit's minimum, shown as "—": no deadline


def _date_text(value: str | None) -> str:
    return value[:10] if value else "—"


class ProblemPanel(QWidget):
    """Shows the problems the list has selected; edits one at a time."""

    saved = Signal(str)  # a problem's id after its fields or photos were written
    deleted = Signal(str)  # a problem's id after it was deleted (a tombstone)

    def __init__(
        self,
        session: Session | Database,
        actions: dict[Action, QAction],
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._session = session_of(session)
        self._db = self._session.db
        self.change_source: object = self  # whose write the session tells the views it was
        self._today = today
        self._ids: list[str] = []
        self._row: dict[str, Any] | None = None
        self._follow_up: str | None = None  # the follow-up round the list shows, if any
        self.run_dialog: Callable[[QDialog], bool] = lambda d: (
            d.exec() == QDialog.DialogCode.Accepted
        )  # a seam: tests answer the extension dialog without a modal loop
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._build(actions)
        self._connect_signals()
        guard_wheels_under(self)
        self.show_problems([])

    # -- layout --------------------------------------------------------------

    def _build(self, actions: dict[Action, QAction]) -> None:
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.item_label = QLabel()
        self.item_label.setWordWrap(True)
        self.item_label.setTextFormat(Qt.TextFormat.PlainText)

        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMaximumHeight(80)
        self.unit_edit = QLineEdit()
        self.person_edit = QLineEdit()
        self.measure_edit = QPlainTextEdit()
        self.measure_edit.setTabChangesFocus(True)
        self.measure_edit.setMaximumHeight(60)
        self.deadline_edit = QDateEdit()
        self.deadline_edit.setCalendarPopup(True)
        self.deadline_edit.setDisplayFormat("yyyy-MM-dd")
        self.deadline_edit.setMinimumDate(_NO_DATE)
        self.deadline_edit.setSpecialValueText("—")
        self.extend_button = QPushButton(self.tr("Extend…"))
        self.extend_button.setToolTip(
            self.tr("Extend the deadline (延期), with a reason and who approved it")
        )
        self.extensions_label = QLabel()
        self.extensions_label.setWordWrap(True)
        self.extensions_label.setTextFormat(Qt.TextFormat.PlainText)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setToolTip(self.tr("Delete a problem recorded by mistake"))
        self.read_only_label = QLabel(self.tr("Closed (销号): the problem is final and read-only."))
        self.read_only_label.setWordWrap(True)
        self.read_only_label.setStyleSheet("color: #707b7c;")
        self.save_button = QPushButton(self.tr("Save"))
        self.revert_button = QPushButton(self.tr("Revert"))
        self.save_button.setDefault(True)

        edit_box = QGroupBox(self.tr("Problem"))
        form = QFormLayout(edit_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Description"), self.text_edit)
        form.addRow(self.tr("Responsible unit"), self.unit_edit)
        form.addRow(self.tr("Responsible person"), self.person_edit)
        form.addRow(self.tr("Rectification measure"), self.measure_edit)
        deadline_row = QHBoxLayout()
        deadline_row.addWidget(self.deadline_edit, 1)
        deadline_row.addWidget(self.extend_button)
        form.addRow(self.tr("Deadline"), deadline_row)
        form.addRow("", self.extensions_label)
        form.addRow(self.read_only_label)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)

        self.status_value = QLabel()
        self.found_value = QLabel()
        self.rectified_value = QLabel()
        self.note_value = QLabel()
        self.note_value.setWordWrap(True)
        self.note_value.setTextFormat(Qt.TextFormat.PlainText)
        self.closed_value = QLabel()
        self.notice_value = QLabel()
        state_box = QGroupBox(self.tr("Rectification"))
        state = QFormLayout(state_box)
        state.addRow(self.tr("Status"), self.status_value)
        state.addRow(self.tr("Found on"), self.found_value)
        state.addRow(self.tr("Rectified on"), self.rectified_value)
        state.addRow(self.tr("Note"), self.note_value)
        state.addRow(self.tr("Closed"), self.closed_value)
        state.addRow(self.tr("Notice"), self.notice_value)

        self.action_buttons: dict[Action, QToolButton] = {}
        grid = QGridLayout()
        for n, action in enumerate((Action.START, Action.RECTIFY, Action.CLOSE, Action.REJECT)):
            button = QToolButton()
            button.setDefaultAction(actions[action])
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.action_buttons[action] = button
            grid.addWidget(button, n // 2, n % 2)
        actions_box = QGroupBox()
        actions_box.setLayout(grid)

        self.verdict_buttons: dict[FollowUpVerdict, QPushButton] = {
            FollowUpVerdict.VERIFIED: QPushButton(self.tr("Verified")),
            FollowUpVerdict.PARTLY: QPushButton(self.tr("Partly rectified")),
            FollowUpVerdict.REJECTED: QPushButton(self.tr("Not rectified")),
        }
        self.verdict_reason = QLineEdit()
        self.verdict_reason.setPlaceholderText(
            self.tr("Reason (required unless verified), told to the township")
        )
        self.verdict_close = QCheckBox(self.tr("Close (销号) when verified"))
        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        follow_box = QGroupBox(self.tr("Follow-up (回头看)"))
        follow_layout = QVBoxLayout(follow_box)
        follow_layout.addWidget(self.verdict_label)
        follow_layout.addWidget(self.verdict_reason)
        verdict_row = QHBoxLayout()
        for verdict_button in self.verdict_buttons.values():
            verdict_row.addWidget(verdict_button)
        follow_layout.addLayout(verdict_row)
        follow_layout.addWidget(self.verdict_close)
        self._follow_box = follow_box

        self.history_list = QListWidget()
        self.history_list.setWordWrap(True)
        self.history_list.setMinimumHeight(90)
        history_box = QGroupBox(self.tr("History"))
        QVBoxLayout(history_box).addWidget(self.history_list)

        self.photos = QListWidget()
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(THUMB, THUMB))
        self.photos.setResizeMode(QListView.ResizeMode.Adjust)
        self.photos.setMovement(QListView.Movement.Static)
        self.photos.setMinimumHeight(THUMB + 36)
        self.add_photos_button = QPushButton(self.tr("Add photos…"))
        photo_box = QGroupBox(self.tr("Evidence photos"))
        photo_layout = QVBoxLayout(photo_box)
        photo_layout.addWidget(self.photos)
        add_row = QHBoxLayout()
        add_row.addStretch()
        add_row.addWidget(self.add_photos_button)
        photo_layout.addLayout(add_row)

        self.placeholder = QLabel()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)

        # Below the table, in columns: the main window's width goes to the table.
        left = QVBoxLayout()
        left.addWidget(follow_box)  # in a follow-up round, the first thing to do
        left.addWidget(actions_box)
        left.addWidget(state_box)
        left.addWidget(history_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(edit_box, 3)
        columns.addWidget(photo_box, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.item_label)
        layout.addWidget(self.placeholder)
        layout.addLayout(columns, 1)
        self._edit_box, self._state_box, self._photo_box = edit_box, state_box, photo_box
        self._history_box = history_box
        self._actions_box = actions_box

    def _connect_signals(self) -> None:
        self.save_button.clicked.connect(self._on_save)
        self.revert_button.clicked.connect(self._on_revert)
        self.delete_button.clicked.connect(self._on_delete)
        self.extend_button.clicked.connect(self._on_extend)
        for verdict, button in self.verdict_buttons.items():
            button.clicked.connect(partial(self._on_verdict, verdict))
        self.add_photos_button.clicked.connect(self._on_add_photos)
        self.photos.itemActivated.connect(self._on_photo_activated)
        self.text_edit.textChanged.connect(self._on_edited)
        self.measure_edit.textChanged.connect(self._on_edited)
        self.unit_edit.textChanged.connect(self._on_edited)
        self.person_edit.textChanged.connect(self._on_edited)
        self.deadline_edit.dateChanged.connect(self._on_edited)
        self._save_timer.timeout.connect(self._on_pause)
        self.unit_edit.editingFinished.connect(self.save_if_dirty)
        self.person_edit.editingFinished.connect(self.save_if_dirty)
        self.deadline_edit.editingFinished.connect(self.save_if_dirty)
        for editor in (self.text_edit, self.measure_edit):
            editor.installEventFilter(self)

    # -- showing -------------------------------------------------------------

    @property
    def problem_ids(self) -> list[str]:
        return list(self._ids)

    def show_problems(self, ids: list[str]) -> None:
        """One problem: its fields; several: how many; none: a hint."""
        self._ids = list(ids)
        self._row = None
        if len(ids) == 1:
            try:
                self._row = self._session.problems.get(ProblemId(ids[0]), self._today())
            except KeyError:
                self._ids = []
            if self._row is not None and self._row["deleted"]:
                self._row, self._ids = None, []
        single = self._row is not None
        self._history_box.setVisible(single)
        self._edit_box.setVisible(single)
        self._photo_box.setVisible(single)
        self._state_box.setVisible(single)
        self._follow_box.setVisible(single and self._follow_up is not None)
        self._actions_box.setVisible(bool(self._ids))
        self.placeholder.setVisible(not single)
        self.item_label.setVisible(single)
        if self._row is not None:
            self._fill(self._row)
        else:
            self.heading.setText(
                self.tr("%n problem(s) selected", "", len(self._ids))
                if self._ids
                else self.tr("Problem")
            )
            self.placeholder.setText(
                self.tr("The buttons below act on all selected problems at once.")
                if self._ids
                else self.tr("Select a problem in the list to see and edit it.")
            )

    def reload(self) -> None:
        """Read the shown problem again (after a life-cycle step or an import)."""
        self.show_problems(self._ids)

    def _fill(self, row: dict[str, Any]) -> None:
        self.heading.setText(f"{row['county']} · {row['township']}")
        self.item_label.setText(self._item_text(row))
        editors = (
            self.text_edit,
            self.measure_edit,
            self.unit_edit,
            self.person_edit,
            self.deadline_edit,
        )
        for editor in editors:
            editor.blockSignals(True)
        # A field that already shows the stored value is left alone (cursor, spaces).
        if self.text_edit.toPlainText().strip() != (row["text"] or "").strip():
            self.text_edit.setPlainText(row["text"])
        if self.measure_edit.toPlainText().strip() != (row["measure"] or "").strip():
            self.measure_edit.setPlainText(row["measure"])
        if self.unit_edit.text().strip() != (row["responsible_unit"] or "").strip():
            self.unit_edit.setText(row["responsible_unit"])
        if self.person_edit.text().strip() != (row["responsible_person"] or "").strip():
            self.person_edit.setText(row["responsible_person"])
        deadline = QDate.fromString((row["deadline"] or "")[:10], "yyyy-MM-dd")
        self.deadline_edit.setDate(deadline if deadline.isValid() else _NO_DATE)
        for editor in editors:
            editor.blockSignals(False)
        self._save_timer.stop()
        self._on_edited()

        status = status_label(row["status"])
        days = overdue_days(row, self._today())
        if days:
            status = self.tr("%1 — overdue by %n day(s)", "", days).replace("%1", status)
        if row.get("light"):
            status = f"{status} · {light_label(row['light'])}"
        self.status_value.setText(status)
        self.status_value.setStyleSheet("color: #b00020; font-weight: bold;" if days else "")
        self.found_value.setText(_date_text(row["found_on"]))
        self.rectified_value.setText(_date_text(row["rectified_on"]))
        self.note_value.setText(row["rectify_note"] or "—")
        closed = _date_text(row["closed_on"])
        if row["closed_on"] and row["closed_by"]:
            closed = f"{closed} ({row['closed_by']})"
        self.closed_value.setText(closed)
        self.notice_value.setText(row["notice_number"] or "—")
        self._set_read_only(row["status"] == Status.CLOSED.value)
        self._fill_extensions(row)
        self._fill_follow_up(row)
        self._load_photos(row["id"])
        self._load_history(row["id"])

    def _set_read_only(self, read_only: bool) -> None:
        """A closed (销号) problem is final: shown, never edited, never deleted."""
        for editor in (self.text_edit, self.measure_edit, self.unit_edit, self.person_edit):
            editor.setReadOnly(read_only)
        # a recorded deadline moves only by an extension (延期): the box sets a first one
        self.deadline_edit.setReadOnly(read_only or bool(self._row and self._row["deadline"]))
        self.extend_button.setEnabled(
            bool(self._row)
            and not read_only
            and self._row is not None
            and self._row["status"] in (Status.OPEN.value, Status.RECTIFYING.value)
        )
        self.read_only_label.setVisible(read_only)
        self.delete_button.setEnabled(not read_only)
        self.add_photos_button.setEnabled(not read_only)

    def _load_history(self, problem_id: str) -> None:
        self.history_list.clear()
        for step in self._session.problems.history(ProblemId(problem_id)):
            self.history_list.addItem(self._history_text(step))

    def _history_text(self, step: HistoryStep) -> str:
        try:
            at = when(parse_hlc(step.at)[0])
        except ValueError:
            at = step.at
        if step.kind == "recorded":
            what = self.tr("recorded")
        elif step.kind == "deleted":
            what = self.tr("deleted")
        elif step.kind == "rejected":
            what = self.tr("follow-up (复查) rejected the rectification: %1").replace(
                "%1", step.note or "—"
            )
        elif step.kind == "extended":
            previous, new, approved = (*step.detail, "", "", "")[:3]
            what = (
                self.tr("deadline extended from %1 to %2 (approved by %3): %4")
                .replace("%1", previous or "—")
                .replace("%2", new)
                .replace("%3", approved)
                .replace("%4", step.note)
            )
        elif step.kind == "verdict":
            what = (
                self.tr("follow-up %1: %2")
                .replace("%1", (step.detail or ("",))[0])
                .replace("%2", self._verdict_text(step.status))
            )
            if step.note:
                what = f"{what}: {step.note}"
        elif step.kind == "edited":
            names = {
                "text": self.tr("Description"),
                "responsible_unit": self.tr("Responsible unit"),
                "responsible_person": self.tr("Responsible person"),
                "measure": self.tr("Rectification measure"),
                "deadline": self.tr("Deadline"),
            }
            what = self.tr("changed %1").replace(
                "%1", "、".join(names.get(f, f) for f in step.fields)
            )
        else:
            what = status_label(step.status)
            if step.note:
                what = f"{what}: {step.note}"
        return f"{at}  {step.who}  {what}"

    def _verdict_text(self, verdict: str) -> str:
        return {
            FollowUpVerdict.VERIFIED.value: self.tr("verified"),
            FollowUpVerdict.PARTLY.value: self.tr("partly rectified"),
            FollowUpVerdict.REJECTED.value: self.tr("not rectified"),
        }.get(verdict, verdict)

    def _fill_extensions(self, row: dict[str, Any]) -> None:
        """The original deadline and how often it was extended, under the deadline box."""
        extensions = self._session.follow_ups.extensions(ProblemId(row["id"]))
        if not extensions:
            self.extensions_label.setText("")
            self.extensions_label.setVisible(False)
            return
        self.extensions_label.setText(
            self.tr("Originally %1; extended %n time(s)", "", len(extensions)).replace(
                "%1", extensions[0]["previous_deadline"] or "—"
            )
        )
        self.extensions_label.setVisible(True)

    def set_follow_up(self, campaign_id: str | None) -> None:
        """The follow-up round (回头看) the list shows: its verdicts are given here."""
        if campaign_id == self._follow_up:
            return
        self._follow_up = campaign_id
        self.reload()

    def _fill_follow_up(self, row: dict[str, Any]) -> None:
        if self._follow_up is None:
            return
        last = self._session.follow_ups.latest_verdicts(
            CampaignId(self._follow_up), [row["id"]]
        ).get(row["id"])
        self.verdict_label.setText(
            self.tr("This round: %1").replace(
                "%1",
                self._verdict_text(last["verdict"])
                + (f": {last['reason']}" if last["reason"] else "")
                if last
                else self.tr("not checked yet"),
            )
        )
        closed = row["status"] == Status.CLOSED.value
        for button in self.verdict_buttons.values():
            button.setEnabled(not closed)
        may_close = may_close_problems(self._session.settings.own_role())
        self.verdict_close.setVisible(may_close)
        self.verdict_close.setEnabled(may_close and not closed)

    def _on_verdict(self, verdict: FollowUpVerdict, _checked: bool = False) -> None:
        if self._row is None or self._follow_up is None or not self.save_if_dirty():
            return
        problem_id = self._row["id"]
        try:
            self._session.follow_ups.verdict(
                CampaignId(self._follow_up),
                ProblemId(problem_id),
                verdict.value,
                self.verdict_reason.text(),
                close=verdict == FollowUpVerdict.VERIFIED and self.verdict_close.isChecked(),
                today=self._today(),
                source=self.change_source,
            )
        except Exception as exc:
            show_error(self, exc, self.tr("Verdict not recorded"))
            return
        self.verdict_reason.clear()
        self.reload()
        self.saved.emit(problem_id)

    def _on_extend(self) -> None:
        if self._row is None or not self.save_if_dirty():
            return
        dialog = ExtendDialog((self._row["deadline"] or "")[:10] or None, self)
        if not self.run_dialog(dialog):
            return
        new, reason, approved = dialog.values()
        problem_id = self._row["id"]
        try:
            self._session.follow_ups.extend(
                ProblemId(problem_id),
                new,
                reason,
                approved,
                today=self._today(),
                source=self.change_source,
            )
        except Exception as exc:
            show_error(self, exc, self.tr("Deadline not extended"))
            return
        self.reload()
        self.saved.emit(problem_id)

    def _item_text(self, row: dict[str, Any]) -> str:
        if not row["item_id"]:
            return ""
        if row["campaign_id"]:
            try:
                form = self._session.catalog.form_for_campaign(CampaignId(row["campaign_id"]))
                item = form.item(row["item_id"])
                return f"{row['item_id']} {item.text}"
            except (CatalogError, KeyError):
                pass
        return row["item_id"]

    def _load_photos(self, problem_id: str) -> None:
        self.photos.clear()
        for att in self._session.attachments.of("problems", problem_id):
            path = str(self._session.attachments.blob_path(att["sha256"]))
            pixmap = evidence_pixmap(path, att, QSize(THUMB, THUMB))
            if pixmap.isNull():
                pixmap = page_icon(self, QSize(32, 32))
            item = QListWidgetItem(att["caption"] or att["filename"])
            item.setToolTip(tooltip(att))
            item.setData(
                Qt.ItemDataRole.UserRole, str(self._session.attachments.blob_path(att["sha256"]))
            )
            item.setData(Qt.ItemDataRole.UserRole + 1, att)
            item.setIcon(QIcon(pixmap))
            self.photos.addItem(item)

    # -- editing -------------------------------------------------------------

    def changes(self) -> dict[str, Any]:
        """The fields the user changed and not yet saved."""
        if self._row is None:
            return {}
        date = self.deadline_edit.date()
        values = {
            "text": self.text_edit.toPlainText().strip(),
            "responsible_unit": self.unit_edit.text().strip(),
            "responsible_person": self.person_edit.text().strip(),
            "measure": self.measure_edit.toPlainText().strip(),
            "deadline": None if date == _NO_DATE else date.toString("yyyy-MM-dd"),
        }
        saved = {k: (self._row[k] or "").strip() for k in values if k != "deadline"}
        saved["deadline"] = (self._row["deadline"] or "")[:10] or None
        return {k: v for k, v in values.items() if k in EDITABLE and v != saved[k]}

    def is_dirty(self) -> bool:
        return bool(self.changes())

    def save_if_dirty(self) -> bool:
        """Write pending edits; True when there were none or they were written."""
        self._save_timer.stop()
        changes = self.changes()
        if not changes or self._row is None or self._row["status"] == Status.CLOSED.value:
            return True
        try:
            self._session.problems.edit(self._row["id"], changes, source=self.change_source)
        except Exception as exc:
            show_error(self, exc, self.tr("Problem not saved"))
            return False
        problem_id = self._row["id"]
        self.reload()
        self.saved.emit(problem_id)
        return True

    def _on_edited(self) -> None:
        dirty = self.is_dirty()
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)
        if dirty:
            self._save_timer.start()
        else:
            self._save_timer.stop()

    def _on_pause(self) -> None:
        """A pause in typing saves, unless the field is half typed: an emptied
        description (being retyped) or a deadline (a date typed digit by digit passes
        through other dates) waits for the user to leave the field."""
        changes = self.changes()
        if changes.get("text") == "" or "deadline" in changes:
            return
        self.save_if_dirty()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The multi-line fields have no editingFinished: leaving one saves it.
        if event.type() == QEvent.Type.FocusOut and watched in (self.text_edit, self.measure_edit):
            self.save_if_dirty()
        return super().eventFilter(watched, event)

    def _on_save(self) -> None:
        self.save_if_dirty()

    def _on_revert(self) -> None:
        if self._row is not None:
            for editor in (self.text_edit, self.measure_edit, self.unit_edit, self.person_edit):
                editor.blockSignals(True)
                editor.clear()  # so that _fill writes the stored text back
                editor.blockSignals(False)
            self._fill(self._row)

    def _on_delete(self) -> None:
        if self._row is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete problem"),
            self.tr(
                "Delete this problem as recorded by mistake? The deletion is kept in "
                "its history and travels with the next bundle."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        problem_id = self._row["id"]
        try:
            self._session.problems.delete(ProblemId(problem_id), source=self.change_source)
        except Exception as exc:
            show_error(self, exc, self.tr("Problem not deleted"))
            return
        self.show_problems([])
        self.deleted.emit(problem_id)

    def _on_photo_activated(self, item: QListWidgetItem) -> None:
        """The evidence dialog (caption, time taken, Delete); the list re-read after it."""
        att = item.data(Qt.ItemDataRole.UserRole + 1)
        if att is None:
            show_photo(self, item.data(Qt.ItemDataRole.UserRole), item.toolTip().split("\n")[0])
            return
        dialog = open_evidence(self._session, att, self)
        dialog.finished.connect(lambda _r, p=att["owner_id"]: self._reload_photos_of(p))

    def _reload_photos_of(self, problem_id: str) -> None:
        if self._row is not None and self._row["id"] == problem_id:
            self._load_photos(problem_id)

    def _on_add_photos(self) -> None:
        if self._row is None:
            return
        paths = choose_photos(self)
        if not paths:
            return
        problem_id = self._row["id"]
        try:
            self._session.attachments.add_files(
                "problems", problem_id, paths, source=self.change_source
            )
        except Exception as exc:
            show_error(self, exc, self.tr("Photos not added"))
            return
        self._load_photos(problem_id)
        self.saved.emit(problem_id)
