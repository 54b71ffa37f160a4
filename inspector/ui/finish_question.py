"""The question before an inspection with unanswered items is finished.

A finished inspection is read-only and, when every scored item is answered,
ranked; finishing one at 14 of 39 items by a slip of the mouse would lock a
provisional score in. So finishing asks, and names the items still open (the
first few, then how many more), with "go back" as the default answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

if TYPE_CHECKING:
    from inspector.core.forms import Form, Item
    from inspector.store.session import Session

SHOWN = 8  # items named in the question; the rest are counted


def unanswered(form: Form, answers: dict[str, dict[str, Any]]) -> list[Item]:
    """The form's scored items without a verdict or a number, in form order."""
    return [
        item
        for section in form.sections
        for item in section.items
        if item.scored
        and not ((row := answers.get(item.id)) and (row["verdict"] or row["number"] is not None))
    ]


def scored_count(form: Form) -> int:
    return sum(item.scored for item in form.items)


def ask_before_finishing(
    parent: QWidget | None, session: Session, inspection: dict[str, Any]
) -> bool:
    """Whether to go on finishing this inspection (asked only when items are unanswered)."""
    from inspector.core.ids import CampaignId, InspectionId

    form = session.catalog.form_for_campaign(CampaignId(inspection["campaign_id"]))
    return confirm_finish(
        parent,
        unanswered(form, session.answers.of(InspectionId(inspection["id"]))),
        scored_count(form),
    )


def question_box(parent: QWidget | None, items: list[Item], total: int) -> QMessageBox:
    names = [f"{item.id} {item.text}" for item in items[:SHOWN]]
    if len(items) > SHOWN:
        names.append(
            QCoreApplication.translate("FinishQuestion", "… and {0} more").format(
                len(items) - SHOWN
            )
        )
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QCoreApplication.translate("FinishQuestion", "Finish inspection"),
        QCoreApplication.translate(
            "FinishQuestion",
            "{0} of {1} items are not answered yet. Finish anyway? The score "
            "stays provisional and the township is not ranked until they are "
            "answered.",
        ).format(len(items), total),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setInformativeText("\n".join(names))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box


def confirm_finish(parent: QWidget | None, items: list[Item], total: int) -> bool:
    """True when nothing is unanswered or the user chose to finish anyway."""
    if not items:
        return True
    return question_box(parent, items, total).exec() == QMessageBox.StandardButton.Yes
