"""Issuing a rectification notice: number it, render it, archive the exact bytes.

All in one transaction, so a notice never exists without its archived PDF
and the printed paper, the archive and the synced record are the same bytes.
The command line and the notice list in the app both issue through here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector.messages import Message, MessageError
from inspector.progress import NO_PROGRESS, Progress
from inspector.reports.notice import notice_pdf
from inspector.store import report_data, settings
from inspector.store.attachments import add_attachment, has_blob, read_bytes
from inspector.store.notices import issue_notice
from inspector.store.problems import latest_problem_deadline
from inspector.store.rows import Rows


class ReportError(MessageError, ValueError):
    """A report that cannot be made from the data (nothing to print); the user is told why."""


@dataclass(frozen=True)
class NoticeOutcome:
    notice: dict[str, Any]
    pdf: bytes
    issued: bool  # a new notice was issued just now (else an earlier one was reprinted)


def notice_filename(notice: dict[str, Any], township: str) -> str:
    return f"整改通知书-{township}-{notice['year']}-{notice['seq']}.pdf"


def issue_notice_pdf(
    rows: Rows,
    township_id: str,
    problem_ids: list[str],
    *,
    campaign_id: str | None = None,
    deadline: str | None = None,
    addressee: str | None = None,
    issued_on: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
) -> tuple[dict[str, Any], bytes]:
    """Issue a notice for these problems and archive its PDF; returns (notice row, PDF bytes)."""
    db = rows.db
    day = issued_on or dt.date.today()
    with db.atomic():
        notice = number_notice(
            rows,
            township_id,
            problem_ids,
            campaign_id=campaign_id,
            deadline=deadline,
            addressee=addressee,
            issued_on=day,
        )
        pdf = notice_pdf(db, notice["id"], progress)
        notice = archive_notice(rows, notice, pdf)
    return notice, pdf


def reissue_notice_pdf(
    rows: Rows,
    notice_id: str,
    *,
    reason: str | None = None,
    issued_on: dt.date | None = None,
    progress: Progress = NO_PROGRESS,
) -> tuple[dict[str, Any], dict[str, Any], bytes]:
    """Re-issue a notice under a new number (`store.notice_void.reissue_notice`) and archive
    the new one's PDF, in one transaction; returns (the voided notice, the new one, its PDF)."""
    from inspector.store.notice_void import reissue_notice

    with rows.db.atomic():
        old, new = reissue_notice(rows, notice_id, reason=reason, on=issued_on)
        pdf = notice_pdf(rows.db, new["id"], progress)
        new = archive_notice(rows, new, pdf)
    return old, new, pdf


def number_notice(
    rows: Rows,
    township_id: str,
    problem_ids: list[str],
    *,
    campaign_id: str | None,
    deadline: str | None,
    issued_on: dt.date,
    addressee: str | None = None,
) -> dict[str, Any]:
    """The notice row with its 文号 and report-back date, before its PDF is made."""
    if deadline:
        check_report_deadline(rows.db, problem_ids, deadline, issued_on)
    with rows.db.atomic():
        deadline = deadline or report_deadline(rows.db, problem_ids, issued_on)
        return issue_notice(
            rows,
            township_id,
            problem_ids,
            campaign_id=campaign_id,
            deadline=deadline,
            addressee=addressee,
            issued_on=issued_on,
        )


def archive_notice(rows: Rows, notice: dict[str, Any], pdf: bytes) -> dict[str, Any]:
    """Keep the issued PDF as the notice's attachment; returns the notice row pointing at it."""
    township = report_data.township_row(rows.db, notice["township_id"])
    with rows.db.atomic():
        attachment = add_attachment(
            rows,
            "notices",
            notice["id"],
            pdf,
            filename=notice_filename(notice, township["name"]),
            mime="application/pdf",
            caption=f"整改通知书 {notice['doc_number']}",
            keep_original=True,
        )  # the paper's bytes, never an image
        return rows.update("notices", notice["id"], {"attachment_id": attachment["id"]})


def check_report_deadline(
    db: Database, problem_ids: list[str], deadline: str, issued_on: dt.date
) -> None:
    """Refuse a report-back date before the issue date or before a problem's own deadline."""
    day = deadline[:10]
    if day < issued_on.isoformat():
        raise ReportError(
            Message(
                "report-back deadline {deadline} is before the issue date {issued}",
                deadline=day,
                issued=issued_on.isoformat(),
            )
        )
    latest = latest_problem_deadline(db, problem_ids)
    if latest and day < latest:
        raise ReportError(
            Message(
                "report-back deadline {deadline} is before the latest "
                "rectification deadline of the notice's problems ({latest}); "
                "choose {latest} or later",
                deadline=day,
                latest=latest,
            )
        )


def report_deadline(db: Database, problem_ids: list[str], issued_on: dt.date) -> str:
    """When the township reports back: the last problem deadline, but never in the past.

    A notice issued for problems already overdue gets the default period
    (settings `default_deadline_days`) from its issue date.
    """
    latest = latest_problem_deadline(db, problem_ids)
    days = int(settings.get(db, "default_deadline_days") or 30)
    floor = (issued_on + dt.timedelta(days=days)).isoformat()
    if not latest or latest <= issued_on.isoformat():
        return floor
    return latest


def notice_bytes(db: Database, notice: dict[str, Any], progress: Progress = NO_PROGRESS) -> bytes:
    """The archived PDF of a notice; rendered afresh only when no archive is at hand.

    A voided notice (作废) comes out marked as such on every page (`void_mark`)."""
    archive = report_data.archived_pdf(db, notice)
    if archive is not None and has_blob(db, archive["sha256"]):
        pdf = read_bytes(db, archive["sha256"])
    else:
        pdf = notice_pdf(db, notice["id"], progress)
    if notice.get("voided_on"):
        from inspector.reports.void_mark import mark_voided
        from inspector.store.notice_void import replaced_by

        successor = replaced_by(db, notice["id"])
        pdf = mark_voided(pdf, notice, successor["doc_number"] if successor else None)
    return pdf


def notice_for_township(
    rows: Rows,
    campaign_id: str,
    township_id: str,
    *,
    issued_on: dt.date | None = None,
    deadline: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> NoticeOutcome:
    """Issue a notice for the township's problems not yet on one, else reprint the latest."""
    db = rows.db
    pending = report_data.unnoticed_open_problems(db, campaign_id, township_id)
    if pending:
        notice, pdf = issue_notice_pdf(
            rows,
            township_id,
            pending,
            campaign_id=campaign_id,
            deadline=deadline,
            issued_on=issued_on,
            progress=progress,
        )
        return NoticeOutcome(notice, pdf, issued=True)
    latest = report_data.latest_notice(db, campaign_id, township_id)
    if latest is not None:
        return NoticeOutcome(latest, notice_bytes(db, latest, progress), issued=False)
    township = report_data.township_row(db, township_id)
    if report_data.problem_count(db, campaign_id, township_id):
        raise ReportError(
            Message(
                "{township} has no open problems left to put on a notice", township=township["name"]
            )
        )
    raise ReportError(
        Message(
            "{township} has no problems in this campaign: no rectification notice is needed",
            township=township["name"],
        )
    )
