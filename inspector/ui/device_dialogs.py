"""Start-up warnings about the clock and the device identity, and File → New device identity.

Both warnings are non-blocking message boxes (the window stays usable, and
tests find them by object name): a clock far behind the last change
recorded, and a database that was last used on another computer or in
another folder. The second offers the two answers the user can give: it is
a copy (a new device identity, so its edits stop overwriting the
original's without a conflict), or it is the same laptop, renamed or moved
(the fingerprint is updated).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlite_utils import Database

from inspector.store import identity
from inspector.ui.changes import session_of
from inspector.ui.messages import translate_message


def _box(parent: QWidget, icon: QMessageBox.Icon, name: str, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setObjectName(name)
    return box


def startup_warnings(
    parent: QWidget, db: Database, on_new_identity: Callable[[], None] | None = None
) -> list[QMessageBox]:
    """Open (without blocking) a box for each warning the database gives at start-up."""
    boxes = []
    clock = session_of(db).settings.clock_behind()
    if clock is not None:
        advice = QCoreApplication.translate(
            "DeviceIdentity",
            "Changes made now are stamped after the last one anyway. If the date here is "
            "right, the database holds changes stamped in the future, which other laptops "
            "refuse: run 'inspector check --restamp-future'.",
        )
        box = _box(
            parent,
            QMessageBox.Icon.Warning,
            "clock_warning",
            QCoreApplication.translate("DeviceIdentity", "Check the clock"),
            translate_message(clock) + "\n\n" + advice,
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        box.open()
        boxes.append(box)
    found = session_of(db).identity.of()
    if found.fingerprint == identity.CHANGED:
        boxes.append(_copy_question(parent, db, found, on_new_identity))
    return boxes


def _copy_question(
    parent: QWidget,
    db: Database,
    found: identity.Identity,
    on_new_identity: Callable[[], None] | None,
) -> QMessageBox:
    text = QCoreApplication.translate(
        "DeviceIdentity",
        "This database was last used on another computer or in another folder (device {0}, "
        "id {1}).\n\nIf it is a copy of another laptop's database, give it a new device "
        "identity before editing: two laptops with one identity overwrite each other's edits "
        "without a conflict being recorded.\n\nIf it is the same laptop, renamed or moved, "
        "say so.",
    ).format(found.device_name, found.device_id)
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        "copy_warning",
        QCoreApplication.translate("DeviceIdentity", "A copied database?"),
        text,
    )
    new = box.addButton(
        QCoreApplication.translate("DeviceIdentity", "New device identity"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    same = box.addButton(
        QCoreApplication.translate("DeviceIdentity", "Same laptop"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(
        QCoreApplication.translate("DeviceIdentity", "Ask again later"),
        QMessageBox.ButtonRole.RejectRole,
    )
    box.setDefaultButton(new)

    def answered(button: object) -> None:
        if button is new:
            give_new_identity(parent, db)
            if on_new_identity is not None:
                on_new_identity()
        elif button is same:
            session_of(db).identity.confirm_same()

    box.buttonClicked.connect(answered)
    box.open()
    return box


def give_new_identity(parent: QWidget, db: Database) -> QMessageBox:
    """Make the new identity and say what it means (the old rows, the notice numbers)."""
    made = session_of(db).identity.new().value
    start, end = made.notice_block
    no_limit = QCoreApplication.translate("DeviceIdentity", "no limit")
    text = QCoreApplication.translate(
        "DeviceIdentity",
        "This laptop now has the device id {0} (it was {1}). Rows already stamped with the old "
        "id stay as they are; new edits carry the new id.\n\nNotice numbers: this laptop "
        "still numbers from {2} to {3}, like the database it was copied from. Give it a block "
        "of its own in Settings (Number block).",
    ).format(made.new_id, made.old_id, start, end if end else no_limit)
    if made.restamped:
        text += "\n\n" + QCoreApplication.translate(
            "DeviceIdentity",
            "%n edit(s) made on this copy before it had its own id now carry the new id.",
            "",
            made.restamped,
        )
    box = _box(
        parent,
        QMessageBox.Icon.Information,
        "new_identity",
        QCoreApplication.translate("DeviceIdentity", "New device identity"),
        text,
    )
    box.addButton(QMessageBox.StandardButton.Ok)
    box.open()
    return box


def ask_new_identity(
    parent: QWidget, db: Database, on_new_identity: Callable[[], None] | None = None
) -> QMessageBox:
    """File → New device identity…: confirm first (it cannot be undone)."""
    text = QCoreApplication.translate(
        "DeviceIdentity",
        "Give this laptop a new device identity?\n\nDo this on a laptop whose database was "
        "copied from another one. Nothing is lost: rows already stamped stay as they are, and "
        "new edits carry the new id.",
    )
    box = _box(
        parent,
        QMessageBox.Icon.Question,
        "ask_new_identity",
        QCoreApplication.translate("DeviceIdentity", "New device identity"),
        text,
    )
    yes = box.addButton(
        QCoreApplication.translate("DeviceIdentity", "New device identity"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    box.addButton(QMessageBox.StandardButton.Cancel)

    def answered(button: object) -> None:
        if button is yes:
            give_new_identity(parent, db)
            if on_new_identity is not None:
                on_new_identity()

    box.buttonClicked.connect(answered)
    box.open()
    return box
