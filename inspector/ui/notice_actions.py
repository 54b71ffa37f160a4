"""Putting a notice right and recording its answer: void (作废) and re-issue, report-back.

The dialogs only collect what the user decides; the notice list writes through
the session (`session.notices.void / report_back`) or, to re-issue with the
new PDF archived, through the reports package's issuer.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QDir
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from inspector.store.session import NOTICES, PROBLEMS, Changes, Session


class VoidNoticeDialog(QDialog):
    """Why the notice is voided, and whether to re-issue its problems under a new number."""

    def __init__(
        self, notice: dict[str, Any], parent: QWidget | None = None, *, reissue: bool = True
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Void notice {0}").format(notice["doc_number"]))
        self.notice = notice
        explain = QLabel(
            self.tr(
                "The notice is kept and shown as voided (作废); its number is never given "
                "again. Its problems are freed for a new notice. This cannot be undone."
            )
        )
        explain.setWordWrap(True)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. the number was also issued by team 2"))
        self.reissue_check = QCheckBox(self.tr("Re-issue its problems with a new number"))
        self.reissue_check.setChecked(reissue)
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), self.reason_edit)
        form.addRow("", self.reissue_check)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Void"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.reason_edit.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.reason().strip()))

    def reason(self) -> str:
        return self.reason_edit.text()

    def reissue(self) -> bool:
        return self.reissue_check.isChecked()


class ReportBackDialog(QDialog):
    """The township's 整改报告: the day it arrived, who received it, its scan (optional)."""

    def __init__(
        self,
        notice: dict[str, Any],
        who: str,
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report received for {0}").format(notice["doc_number"]))
        day = today or dt.date.today()
        self.date_edit = QDateEdit(QDate(day.year, day.month, day.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        issued = dt.date.fromisoformat(notice["issued_on"][:10])
        self.date_edit.setMinimumDate(QDate(issued.year, issued.month, issued.day))
        self.by_edit = QLineEdit(notice.get("report_received_by") or who)
        self.file_edit = QLineEdit()
        self.file_edit.setPlaceholderText(self.tr("PDF or image of the report (optional)"))
        self.browse_button = QPushButton(self.tr("Choose…"))
        self.browse_button.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        form = QFormLayout()
        form.addRow(self.tr("Received on:"), self.date_edit)
        form.addRow(self.tr("Received by:"), self.by_edit)
        form.addRow(self.tr("Scan:"), row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.file_edit.textChanged.connect(self._update)
        self._update()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Scan of the report"),
            QDir.homePath(),
            self.tr("Scans (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)"),
        )
        if path:
            self.file_edit.setText(path)

    def _update(self) -> None:
        path = self.scan()
        self.ok_button.setEnabled(path is None or path.is_file())

    def received_on(self) -> dt.date:
        d = self.date_edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def received_by(self) -> str:
        return self.by_edit.text()

    def scan(self) -> Path | None:
        text = self.file_edit.text().strip()
        return Path(text) if text else None


def void_or_reissue(
    parent: QWidget | None,
    session: Session,
    notice: dict[str, Any],
    *,
    reason: str = "",
    reissue_default: bool = True,
    make_dialog: Any = None,
) -> dict[str, Any] | None:
    """Ask why (and whether to re-issue), then write; the new notice (or the voided one when
    not re-issued), None if the user cancelled or it failed (the error shown)."""
    from inspector.ui.errors import show_error

    dialog = (make_dialog or VoidNoticeDialog)(notice, parent)
    dialog.reason_edit.setText(reason)
    dialog.reissue_check.setChecked(reissue_default)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    try:
        if dialog.reissue():
            return reissue(session, notice["id"], dialog.reason(), parent)
        return session.notices.void(notice["id"], dialog.reason(), source=parent).value
    except Exception as exc:  # the user's situation or our bug: show_error decides
        show_error(parent, exc, QCoreApplication.translate("VoidNoticeDialog", "Void notice"))
        return None


def reissue(
    session: Session, notice_id: str, reason: str | None, source: object | None = None
) -> dict[str, Any]:
    """Re-issue with the new PDF archived when the reports package is installed; tell the
    views. Returns the new notice."""
    try:
        from inspector.reports.issue import reissue_notice_pdf
    except ImportError:
        return session.notices.reissue(notice_id, reason=reason, source=source).value[1]
    old, new, _pdf = reissue_notice_pdf(session.rows, notice_id, reason=reason)
    session.announce(
        Changes.of(
            NOTICES,
            PROBLEMS,
            tables=("notices", "problems", "attachments"),
            townships=[old["township_id"]],
            ids=[old["id"], new["id"], *_problem_ids(new)],
        ),
        source,
    )
    return new


def _problem_ids(notice: dict[str, Any]) -> list[str]:
    import json

    return list(json.loads(notice["problem_ids"] or "[]"))
