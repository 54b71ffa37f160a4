"""A paper made away from the window: on its own connection, for a worker thread.

The report viewer runs this in a worker so that a province's summary does not
freeze the window; it opens the database itself because a SQLite connection
belongs to the thread that uses it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Any

from inspector.progress import Progress
from inspector.reports.registry import KINDS, ReportRequestError, Request, build
from inspector.store.db import open_db
from inspector.store.rows import Rows

__all__ = ["BuiltReport", "build_report"]


@dataclass(frozen=True)
class BuiltReport:
    """The PDF on screen and, for the papers that have them, the same paper in its other
    formats (Word, Excel) as the command line writes them: format → (bytes, file name)."""

    pdf: bytes
    title: str
    filename: str
    others: dict[str, tuple[bytes, str]] = field(default_factory=dict)


def build_report(
    progress: Progress,
    db_path: str,
    kind: str,
    campaign_id: str | None,
    township_id: str | None = None,
    notice_id: str | None = None,
    today: dt.date | None = None,
    options: dict[str, Any] | None = None,
) -> BuiltReport:
    """Make the paper in a worker thread, on a connection of its own, through the same
    registry as `inspector report`: the PDF to show and its other formats to save.
    `options` are the registry request's other fields (the 约谈 day and place, a county)."""
    if kind not in KINDS:
        raise ReportRequestError(f"unknown report {kind!r}")
    request = Request(
        today=today or dt.date.today(),
        campaign_id=campaign_id,
        township_id=township_id,
        notice_id=notice_id,
        **(options or {}),
    )
    db = open_db(db_path)
    try:
        progress(0, 0, "")
        rows = Rows(db)
        shown = build(rows, kind, request, "pdf", progress)
        if shown.notice_id:  # the other formats are of the notice just issued or reprinted
            request = replace(request, notice_id=shown.notice_id)
        others: dict[str, tuple[bytes, str]] = {}
        for fmt in KINDS[kind].formats[1:]:
            other = build(rows, kind, request, fmt)
            others[fmt] = (other.data, other.filename)
        return BuiltReport(shown.data, shown.title, shown.filename, others)
    finally:
        db.close()
