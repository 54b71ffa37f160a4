"""Batch issue: a notice for every township of a campaign with problems not yet on one.

Townships are taken in the catalogue's order (county code, township code), so
the 文号 run in the order the notices are filed. All notices are issued in one
transaction: a failure part-way (a full disk, a number block used up) leaves
no notice issued rather than a numbered run with a hole the office cannot
explain. The PDFs are archived one by one, as a single issue does, and
joined into one file to print or save.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector.messages import Message
from inspector.progress import NO_PROGRESS, Progress
from inspector.reports.issue import ReportError, issue_notice_pdf
from inspector.store import report_data
from inspector.store.catalog import find_campaign
from inspector.store.rows import Rows


@dataclass(frozen=True)
class BatchOutcome:
    notices: list[dict[str, Any]]
    pdf: bytes  # every notice, one after another


def pending_townships(db: Database, campaign_id: str) -> list[str]:
    """Townships with open problems of the campaign on no notice yet, in filing order."""
    return report_data.townships_with_unnoticed_problems(db, campaign_id)


def issue_batch(rows: Rows, campaign_id: str, *, issued_on: dt.date | None = None,
                deadline: str | None = None, progress: Progress = NO_PROGRESS) -> BatchOutcome:
    """Issue the notices and return them with the joined PDF."""
    db = rows.db
    campaign = find_campaign(db, campaign_id)
    day = issued_on or dt.date.today()
    towns = pending_townships(db, campaign["id"])
    if not towns:
        raise ReportError(Message("no township of {campaign} has open problems not yet on a "
                                  "notice", campaign=campaign["name"]))
    issued: list[dict[str, Any]] = []
    pdfs: list[bytes] = []
    with db.atomic():
        for n, township_id in enumerate(towns):
            progress(n, len(towns), "")
            pending = report_data.unnoticed_open_problems(db, campaign["id"], township_id)
            notice, pdf = issue_notice_pdf(rows, township_id, pending,
                                           campaign_id=campaign["id"], deadline=deadline,
                                           issued_on=day)
            issued.append(notice)
            pdfs.append(pdf)
    progress(len(towns), len(towns), "")
    return BatchOutcome(issued, join_pdfs(pdfs, f"整改通知书 {campaign['name']}", day))


def join_pdfs(pdfs: list[bytes], title: str, day: dt.date) -> bytes:
    """One PDF holding the given ones in order, reproducible for the same inputs."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for data in pdfs:
        writer.append(io.BytesIO(data))
    stamp = f"D:{day.strftime('%Y%m%d')}000000+00'00'"
    writer.add_metadata({"/Title": title, "/Creator": "督查通 Inspector",
                         "/Producer": "督查通 Inspector", "/CreationDate": stamp,
                         "/ModDate": stamp})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
