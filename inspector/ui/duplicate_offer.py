"""After an import met a notice number held twice: offer to void and re-issue this laptop's.

Two laptops that numbered from the same block give the same 文号 to two
notices. Only the laptop that issued one can put it right without asking
anyone: void its own (kept, marked 已作废) and re-issue the same problems
under a new number from its block. The other laptop's notice is left alone.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from inspector.store.session import Session
from inspector.sync.importer import ImportSummary
from inspector.ui import notice_actions


def own_duplicates(session: Session, summary: ImportSummary) -> list[dict[str, Any]]:
    """This laptop's live notices among those holding a duplicated number, one per number."""
    found = []
    for dup in summary.duplicates:
        rows = session.notices.reissuable(str(dup["ids"]).split(","))
        if rows:
            found.append(rows[0])
    return found


def offer_reissue(
    parent: QWidget | None, session: Session, summary: ImportSummary
) -> QMessageBox | None:
    """A box (not blocking) naming the numbers; Yes voids and re-issues each of ours in turn,
    asking for the reason (prefilled) as the notice list does."""
    mine = own_duplicates(session, summary)
    if not mine:
        return None
    translate = QCoreApplication.translate
    text = translate(
        "DuplicateOffer",
        "These notice numbers are now held by two notices, one of them issued on this "
        "laptop: {0}. Void this laptop's (it is kept, marked voided) and re-issue its "
        "problems with a new number?",
    ).format(", ".join(n["doc_number"] for n in mine))
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("DuplicateOffer", "Duplicate notice numbers"),
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("duplicate_offer")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.button(QMessageBox.StandardButton.Yes).setText(
        translate("DuplicateOffer", "Void and re-issue…")
    )
    box.button(QMessageBox.StandardButton.No).setText(translate("DuplicateOffer", "Not now"))

    def clicked(button: Any) -> None:
        if box.standardButton(button) != QMessageBox.StandardButton.Yes:
            return
        for notice in mine:
            reason = translate("DuplicateOffer", "Number {0} was also issued by {1}").format(
                notice["doc_number"], summary.device_name
            )
            notice_actions.void_or_reissue(parent, session, notice, reason=reason)

    box.buttonClicked.connect(clicked)
    box.open()
    return box
