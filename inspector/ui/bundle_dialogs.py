"""File → Export bundle / Import bundle / Conflicts, and the status bar's sync line.

The window calls these functions; each long step runs in the worker with a
progress dialog and Cancel (`run_job`), on its own database connection. An
import is shown before it is applied: the bundle is validated and planned
in the worker (a dry run), the user sees per table what would be new,
updated, unchanged or in conflict, and only Apply writes anything.

A passphrase (for a device the bundle is not sealed to) is typed into a
password field, twice on export, and only passed to the job: it is never
stored, put in a setting, or written to the log.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlite_utils import Database

from inspector.progress import Progress
from inspector.store.session import Session
from inspector.sync.envelope import NotRecipient, WrongPassphrase
from inspector.sync.export import ExportSummary
from inspector.sync.export import export_bundle as write_bundle
from inspector.sync.format import SUFFIX
from inspector.sync.importer import ImportSummary, last_export, last_import
from inspector.sync.importer import import_bundle as read_bundle
from inspector.sync.verify import FirstHeadquarters
from inspector.ui.changes import session_of
from inspector.ui.conflicts_dialog import ConflictsDialog, table_label
from inspector.ui.errors import show_error
from inspector.ui.messages import translate_message
from inspector.ui.worker import Job, run_job

__all__ = [
    "ConflictsDialog",
    "ExportPassphraseDialog",
    "ImportPreviewDialog",
    "export_bundle",
    "import_bundle",
    "last_sync_status",
]

CONFLICT = QColor("#ffd6cc")
_running: set[Job] = set()  # jobs started from a callback, kept alive until done


def _keep(job: Job) -> Job:
    _running.add(job)
    job.signals.done.connect(lambda: _running.discard(job))
    return job


def _filter() -> str:
    return QCoreApplication.translate("Bundles", "Inspector bundles (*{0});;All files (*)").format(
        SUFFIX
    )


# -- jobs (run in the worker, each on a session of its own) ----------------------------
def _export_job(
    progress: Progress,
    db_path: str,
    out: str,
    campaign_id: str | None,
    since_last: bool = False,
    passphrase: str | None = None,
) -> ExportSummary:
    with Session.open(db_path) as session:
        return write_bundle(
            session.db, out, campaign_id, progress, since_last=since_last, passphrase=passphrase
        )


def _import_job(
    progress: Progress,
    db_path: str,
    bundle: str,
    dry_run: bool,
    trust: str | None = None,
    passphrase: str | None = None,
) -> ImportSummary:
    with Session.open(db_path) as session:
        return read_bundle(
            session.db,
            bundle,
            dry_run=dry_run,
            progress=progress,
            trust=trust,
            passphrase=passphrase,
        )


def _inform(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    """A message that does not block the caller (the window stays responsive)."""
    box = QMessageBox(
        QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName("bundle_summary")
    box.open()
    return box


# -- export ----------------------------------------------------------------------------
class ExportPassphraseDialog(QDialog):
    """Who else may open the bundle: optionally anyone given a passphrase, typed twice."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export bundle"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The bundle is sealed to headquarters and the enrolled laptops "
                "of its campaigns. A device that is not among them (a laptop "
                "not enrolled yet) can open it only with a passphrase."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.use = QCheckBox(self.tr("Also encrypt to a passphrase"), self)
        layout.addWidget(self.use)
        form = QFormLayout()
        self.first = QLineEdit(self)
        self.second = QLineEdit(self)
        for field in (self.first, self.second):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setEnabled(False)
            field.textChanged.connect(self._check)
        form.addRow(self.tr("Passphrase"), self.first)
        form.addRow(self.tr("Again"), self.second)
        layout.addLayout(form)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.use.toggled.connect(self._toggled)
        self._check()

    def _toggled(self, on: bool) -> None:
        for field in (self.first, self.second):
            field.setEnabled(on)
            if not on:
                field.clear()
        if on:
            self.first.setFocus()
        self._check()

    def _check(self) -> None:
        """OK only without a passphrase, or with the same one twice."""
        text = ""
        ok = True
        if self.use.isChecked():
            if not self.first.text():
                ok = False
            elif self.first.text() != self.second.text():
                ok = False
                if self.second.text():
                    text = self.tr("The two passphrases differ.")
            else:
                text = self.tr(
                    "Not stored anywhere: tell it to the person who imports the "
                    "bundle, by phone or in person, not with the bundle."
                )
        self.note.setText(text)
        self.ok_button.setEnabled(ok)

    def passphrase(self) -> str | None:
        return self.first.text() if self.use.isChecked() and self.first.text() else None


def export_bundle(
    parent: QWidget | None,
    db_path: str | Path,
    campaign_id: str | None = None,
    since_last: bool = False,
    session: Session | None = None,
    on_exported: Callable[[ExportSummary], None] | None = None,
) -> ExportPassphraseDialog | None:
    """Ask where to write and whether to add a passphrase, export in the worker, then say
    what was written.

    `since_last` writes a delta: what the devices this laptop has heard from
    have not acknowledged yet.

    Returns the passphrase question, open (None if the user cancelled the file dialog);
    its OK starts the export, and `on_exported` hears of the export once written. The
    device name of the file's suggested name is read on the window's `session` when
    given (no second connection on the GUI thread).
    """
    title = QCoreApplication.translate("Bundles", "Export bundle")
    if session is not None:
        name = session.settings.device_name()
    else:
        with Session.open(db_path, create=False, folders=False) as own:
            name = own.settings.device_name()
    suggested = str(Path(QDir.homePath()) / f"{name}-{dt.date.today():%Y%m%d}{SUFFIX}")
    out, _ = QFileDialog.getSaveFileName(parent, title, suggested, _filter())
    if not out:
        return None
    if not out.endswith(SUFFIX):
        out += SUFFIX

    def done(summary: ExportSummary, with_passphrase: bool) -> None:
        if summary.campaign_id:
            what = QCoreApplication.translate("Bundles", "Campaign kit for {0}").format(
                summary.campaign_name
            )
        elif summary.delta_since is not None:
            what = QCoreApplication.translate(
                "Bundles", "Changes the other devices have not acknowledged yet"
            )
        else:
            what = QCoreApplication.translate("Bundles", "Everything on this laptop")
        lines = [
            what,
            "",
            *(f"{table_label(t)}: {n:,}" for t, n in summary.tables.items()),
            "",
            QCoreApplication.translate("Bundles", "{0:,} rows, {1} attachments, file {2}").format(
                summary.rows, summary.attachments, _size(summary.size)
            ),
            QCoreApplication.translate("Bundles", "Readable by {0} device(s)").format(
                summary.readers
            )
            + (
                QCoreApplication.translate("Bundles", " and with the passphrase")
                if with_passphrase
                else ""
            )
            + ".",
            str(summary.path),
            *(translate_message(w) for w in summary.warnings),
        ]
        _inform(parent, title, "\n".join(lines))
        if on_exported is not None:
            on_exported(summary)

    ask = ExportPassphraseDialog(parent)
    ask.setObjectName("export_passphrase")
    ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def start() -> None:
        passphrase = ask.passphrase()
        job = _keep(
            run_job(
                parent,
                QCoreApplication.translate("Bundles", "Exporting bundle…"),
                _export_job,
                str(db_path),
                out,
                campaign_id,
                since_last,
                passphrase,
                on_success=lambda s: done(s, passphrase is not None),
            )
        )
        started.append(job)

    started: list[Job] = []
    ask.accepted.connect(start)
    ask.open()
    return ask


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(n // 1024, 1)} KB"


# -- import ----------------------------------------------------------------------------
class ImportPreviewDialog(QDialog):
    """What an import would do, per table; nothing is written unless Apply is pressed."""

    def __init__(self, summary: ImportSummary, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = summary
        self.setWindowTitle(self.tr("Import bundle"))
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        source = QLabel(
            self.tr("<b>{0}</b><br>from {1}, made {2}").format(
                summary.file, summary.device_name, _when(summary.created_at)
            ),
            self,
        )
        layout.addWidget(source)
        self.signers = QLabel(self._signers(False), self)
        self.signers.setObjectName("signers")
        self.signers.setWordWrap(True)
        layout.addWidget(self.signers)
        self.fingerprints = QPushButton(self.tr("Show fingerprints"), self)
        self.fingerprints.setCheckable(True)
        self.fingerprints.toggled.connect(lambda on: self.signers.setText(self._signers(on)))
        layout.addWidget(self.fingerprints, 0, Qt.AlignmentFlag.AlignLeft)
        self.table = self._table()
        layout.addWidget(self.table, 1)
        self.notes = QLabel("\n".join(self._notes()), self)
        self.notes.setWordWrap(True)
        layout.addWidget(self.notes)
        self.buttons = QDialogButtonBox(self)
        self.apply_button = self.buttons.addButton(
            self.tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.setEnabled(summary.changed)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _role(self, role: str) -> str:
        return {"hq": self.tr("headquarters"), "inspector": self.tr("inspector")}.get(role, role)

    def _signers(self, with_fingerprints: bool) -> str:
        """Who signed the bundle and who wrote its rows, as the roster names them."""
        s = self.summary
        lines = []
        if s.sender is not None:
            lines.append(
                self.tr("Signed by {0} ({1}); signature verified.").format(
                    s.sender.name, self._role(s.sender.role)
                )
            )
        for a in s.authors:
            line = self.tr("Written by {0} ({1}): {2:,} versions").format(
                a.name, self._role(a.role), a.versions
            )
            if with_fingerprints:
                line += f" · {a.device_id} · {a.fingerprint}"
            lines.append(line)
        if s.roster_updated:
            lines.append(
                self.tr("Brings headquarters' roster of devices, version {0}.").format(
                    s.roster_serial
                )
            )
        return "\n".join(lines)

    def _table(self) -> QTableWidget:
        headers = [
            self.tr("Table"),
            self.tr("New"),
            self.tr("Updated"),
            self.tr("Unchanged"),
            self.tr("Conflicts"),
        ]
        plans = [*self.summary.tables, self.summary.totals]
        table = QTableWidget(len(plans), len(headers), self)
        table.setObjectName("plan_table")
        table.setHorizontalHeaderLabels(headers)
        table.verticalHeader().setVisible(False)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        for r, plan in enumerate(plans):
            label = self.tr("Total") if plan.table == "total" else table_label(plan.table)
            cells = [label, plan.new, plan.updated, plan.unchanged, plan.conflicts]
            for c, value in enumerate(cells):
                item = QTableWidgetItem(str(value) if c == 0 else f"{value:,}")
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if plan.conflicts and c == 4:
                    item.setBackground(QBrush(CONFLICT))
                if plan.table == "total":
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, c, item)
        return table

    def _notes(self) -> list[str]:
        s = self.summary
        notes = []
        if s.attachments_new or s.attachments_present:
            notes.append(
                self.tr("Attachments: {0} new, {1} already here.").format(
                    s.attachments_new, s.attachments_present
                )
            )
        if s.totals.conflicts:
            notes.append(
                self.tr(
                    "{0} row(s) were changed both here and on {1}. The newer change "
                    "wins; the other is kept under File → Conflicts for you to "
                    "decide."
                ).format(s.totals.conflicts, s.device_name)
            )
        for dup in s.duplicates:
            notes.append(
                self.tr(
                    "Notice number {0} would be held by {1} notices: renumber one of them."
                ).format(dup["doc_number"], dup["n"])
            )
        if not s.changed:
            notes.append(self.tr("Everything in this bundle is already here: nothing to import."))
        else:
            notes.append(self.tr("The database is backed up before anything is written."))
        return notes


def import_bundle(
    parent: QWidget | None,
    db_path: str | Path,
    on_imported: Callable[[], None] | None = None,
    on_duplicates: Callable[[ImportSummary], object] | None = None,
) -> Job | None:
    """Choose a bundle, check and preview it in the worker, apply it if the user agrees.

    `on_duplicates` is told of an applied import that left a notice number held twice
    (the window offers to void and re-issue this laptop's notice).

    Returns the checking job (None if the user cancelled the file dialog).
    """
    title = QCoreApplication.translate("Bundles", "Import bundle")
    path, _ = QFileDialog.getOpenFileName(parent, title, QDir.homePath(), _filter())
    if not path:
        return None

    def applied(summary: ImportSummary) -> None:
        if on_imported is not None:
            on_imported()
        total = summary.totals
        text = QCoreApplication.translate(
            "Bundles", "Imported {0} from {1}: {2:,} new, {3:,} updated, {4:,} unchanged."
        ).format(summary.file, summary.device_name, total.new, total.updated, total.unchanged)
        if total.conflicts:
            text += "\n" + QCoreApplication.translate(
                "Bundles", "{0} conflict(s) to review under File → Conflicts."
            ).format(total.conflicts)
        if summary.duplicates:
            text += "\n" + QCoreApplication.translate(
                "Bundles", "Duplicate notice numbers: {0}"
            ).format(", ".join(d["doc_number"] for d in summary.duplicates))
        _inform(parent, title, text)
        if summary.duplicates and on_duplicates is not None:
            on_duplicates(summary)

    trusted: list[str | None] = [None]
    secret: list[str | None] = [None]  # the passphrase typed, only for this import's jobs

    def preview(summary: ImportSummary) -> None:
        dialog = ImportPreviewDialog(summary, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: _keep(
                run_job(
                    parent,
                    QCoreApplication.translate("Bundles", "Importing bundle…"),
                    _import_job,
                    str(db_path),
                    path,
                    False,
                    trusted[0],
                    secret[0],
                    on_success=applied,
                )
            )
        )
        dialog.open()

    def check(trust: str | None) -> Job:
        trusted[0] = trust
        return _keep(
            run_job(
                parent,
                QCoreApplication.translate("Bundles", "Checking bundle…"),
                _import_job,
                str(db_path),
                path,
                True,
                trust,
                secret[0],
                on_success=preview,
                on_failure=failed,
            )
        )

    def failed(exc: BaseException) -> None:
        if isinstance(exc, FirstHeadquarters) and trusted[0] is None:
            if ask_to_trust(parent, exc.name, exc.fingerprint):
                check(exc.fingerprint)
            return
        if (isinstance(exc, NotRecipient) and exc.has_passphrase and secret[0] is None) or (
            isinstance(exc, WrongPassphrase) and secret[0] is not None
        ):
            typed = ask_passphrase(parent, Path(path).name, wrong=secret[0] is not None)
            if typed:
                secret[0] = typed
                check(trusted[0])
            return
        # a refusal says in the user's language which device and why; a bug offers its log
        show_error(parent, exc, title, context="bundle import")

    return check(None)


def ask_passphrase(parent: QWidget | None, file: str, wrong: bool) -> str | None:
    """The passphrase of a bundle this device is not a recipient of (None: Cancel)."""
    label = (
        QCoreApplication.translate("Bundles", "Wrong passphrase. Type the passphrase of {0} again:")
        if wrong
        else QCoreApplication.translate(
            "Bundles",
            "{0} is not sealed to this device. If the sender gave you its passphrase, type it:",
        )
    ).format(file)
    typed, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("Bundles", "Import bundle"),
        label,
        QLineEdit.EchoMode.Password,
    )
    return typed if ok and typed else None


def ask_to_trust(parent: QWidget | None, name: str, fingerprint: str) -> bool:
    """The first-run step on a new laptop: trust headquarters' key after comparing it."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("Bundles", "Trust headquarters?"),
        QCoreApplication.translate(
            "Bundles",
            "This laptop trusts no headquarters yet. The bundle is signed "
            "by headquarters {0} with the fingerprint {1}. Compare it with "
            "headquarters by phone or in person (Settings → Devices there). Trust "
            "this headquarters from now on?",
        ).format(name, fingerprint),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("trust_question")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


# -- status bar ------------------------------------------------------------------------
def _when(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return str(iso)


def last_sync_status(db: Database) -> str:
    """'Last import: … from … · Last export: … · N conflicts', or '' before any exchange."""
    parts = []
    imported = last_import(db)
    if imported:
        parts.append(
            QCoreApplication.translate("Bundles", "Last import: {0} from {1}").format(
                _when(imported["at"]), imported["device_name"]
            )
        )
    exported = last_export(db)
    if exported:
        parts.append(
            QCoreApplication.translate("Bundles", "Last export: {0}").format(_when(exported["at"]))
        )
    conflicts = session_of(db).conflicts.count_unresolved()
    if conflicts:
        parts.append(
            QCoreApplication.translate("Bundles", "{0} unresolved conflict(s)").format(conflicts)
        )
    return " · ".join(parts)
