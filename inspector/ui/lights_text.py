"""The deadline lights of a township's problems in words, for the tree's tooltip and the
township page (the counts come from `store.inspections.campaign_overview`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication


def lights_tip(row: dict[str, Any]) -> str:
    """ "3 red (overdue), 2 yellow (due soon), 4 green" for one township's line."""
    red = int(row.get("overdue_problems") or 0)
    yellow = int(row.get("due_soon_problems") or 0)
    still = int(row.get("open_problems") or 0)
    return QCoreApplication.translate(
        "Lights", "{0} red (overdue), {1} yellow (due soon) of {2} not closed"
    ).format(red, yellow, still)
