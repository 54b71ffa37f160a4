"""The question before an export: what the bundle should carry.

A laptop sends headquarters its changes since the last exchange (a delta),
or everything it holds; headquarters sends a team a campaign kit (the
form and the townships). The answer picks the export; Cancel picks none.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

# The strings keep the main window's context, where they were written first: their
# translations stay valid (lupdate reads the literal context).


class ExportKind(Enum):
    CHANGES = "changes"
    EVERYTHING = "everything"
    KIT = "kit"


def ask_export_kind(parent: QWidget | None, kit_possible: bool) -> ExportKind | None:
    """Ask what to export; None when cancelled. The kit needs a campaign chosen."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("MainWindow", "Export bundle"),
        QCoreApplication.translate("MainWindow", "What should the bundle carry?"),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    changes = box.addButton(
        QCoreApplication.translate(
            "MainWindow", "Changes since the last exchange (results for headquarters)"
        ),
        QMessageBox.ButtonRole.AcceptRole,
    )
    everything = box.addButton(
        QCoreApplication.translate("MainWindow", "Everything on this laptop (a full bundle)"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    kit = box.addButton(
        QCoreApplication.translate("MainWindow", "Campaign kit: form and townships for a team"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    kit.setEnabled(kit_possible)
    box.setDefaultButton(changes)
    box.exec()
    clicked = box.clickedButton()
    if clicked is changes:
        return ExportKind.CHANGES
    if clicked is everything:
        return ExportKind.EVERYTHING
    if clicked is kit:
        return ExportKind.KIT
    return None
