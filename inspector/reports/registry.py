"""Every printed paper by kind: what it needs, its formats, its title and file name, and
how it is made. The command line (`inspector report …`) and the report viewer in the
app both build through `build`, so a paper saved from the app is the file the
command writes, and a new kind is added once.
"""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from inspector.messages import Message
from inspector.progress import NO_PROGRESS, Progress
from inspector.store.rows import Rows


@dataclass(frozen=True)
class Request:
    """What a paper is made for. Ids, not names: the caller has resolved them."""

    today: dt.date
    campaign_id: str | None = None
    township_id: str | None = None
    notice_id: str | None = None  # a notice already issued: its archived bytes
    county_id: str | None = None  # the ledger of one county
    deadline: str | None = None  # report-back date of new notices
    number: int | None = None  # the 通报's number in its year
    reply_days: int = 7  # 督办单: days to report back
    interview_on: dt.date | None = None  # 约谈通知: the day and the place
    place: str = ""


@dataclass(frozen=True)
class Built:
    data: bytes
    title: str  # the viewer's window title
    filename: str  # the name Save As proposes, with the format's extension
    note: str  # what was made, as the command line reports it after the file name
    notice_id: str | None = None  # the notice issued or reprinted


@dataclass(frozen=True)
class Kind:
    name: str
    label: str  # the paper's Chinese name
    formats: tuple[str, ...]  # the first is the one shown on screen
    needs_township: bool = False
    optional_township: bool = False  # 督办单 and 约谈通知: one township or all of them
    issues: bool = False  # numbers and archives notices: the viewer refreshes the lists


class ReportRequestError(ValueError):
    """A paper asked for without what it needs (a campaign, a township)."""


def _need(value: str | None, what: str) -> str:
    if not value:
        raise ReportRequestError(f"this report needs {what}")
    return value


def _star(rows: Rows, r: Request, fmt: str, progress: Progress) -> Built:
    from inspector.reports.star import star_docx, star_report_pdf
    from inspector.store.report_data import township_row

    cid, tid = _need(r.campaign_id, "a campaign"), _need(r.township_id, "a township")
    township = township_row(rows.db, tid)["name"]
    data = (
        star_docx(rows.db, cid, tid, r.today)
        if fmt == "docx"
        else star_report_pdf(rows.db, cid, tid, r.today, progress)
    )
    return Built(
        data,
        f"督查情况反馈表 {township}",
        f"督查情况反馈表-{township}.{fmt}",
        f"督查情况反馈表 {township}",
    )


def _notice(rows: Rows, r: Request, fmt: str, progress: Progress) -> Built:
    from inspector.reports.issue import notice_bytes, notice_filename, notice_for_township
    from inspector.store.report_data import township_row

    db = rows.db
    if r.notice_id:
        notice = db.table("notices").get(r.notice_id)
        pdf, note = notice_bytes(db, notice, progress), f"notice {notice['doc_number']}"
    else:
        outcome = notice_for_township(
            rows,
            _need(r.campaign_id, "a campaign"),
            _need(r.township_id, "a township"),
            issued_on=r.today,
            deadline=r.deadline,
            progress=progress,
        )
        notice, pdf = outcome.notice, outcome.pdf
        problems = len(json.loads(notice["problem_ids"]))
        if outcome.issued:
            note = (
                f"issued {notice['doc_number']} to {notice['addressee']} ({problems} "
                f"problems, report back by {notice['deadline']}); PDF archived"
            )
        else:
            note = (
                f"no new problems; reprinted {notice['doc_number']} issued "
                f"{notice['issued_on']} ({problems} problems)"
            )
    if fmt == "docx" and notice.get("voided_on"):
        from inspector.reports.issue import ReportError

        raise ReportError(
            Message(
                "notice {number} is voided: it is printed as a PDF marked 已作废, "
                "never as a Word file to sign",
                number=notice["doc_number"],
            )
        )
    if fmt == "docx":
        from inspector.reports.notice import notice_docx

        pdf = notice_docx(db, notice["id"])
    name = notice_filename(notice, township_row(db, notice["township_id"])["name"])
    return Built(
        pdf, f"整改通知书 {notice['doc_number']}", f"{Path(name).stem}.{fmt}", note, notice["id"]
    )


def _notices(rows: Rows, r: Request, fmt: str, progress: Progress) -> Built:
    from inspector.reports.batch import issue_batch

    batch = issue_batch(
        rows,
        _need(r.campaign_id, "a campaign"),
        issued_on=r.today,
        deadline=r.deadline,
        progress=progress,
    )
    first, last = batch.notices[0]["doc_number"], batch.notices[-1]["doc_number"]
    problems = sum(len(json.loads(n["problem_ids"])) for n in batch.notices)
    return Built(
        batch.pdf,
        f"整改通知书 {first}—{last}",
        f"整改通知书-{r.today.isoformat()}-{len(batch.notices)}份.pdf",
        f"issued {len(batch.notices)} notices, {first} to {last} ({problems} "
        "problems); each PDF archived",
    )


def _summary(rows: Rows, r: Request, fmt: str, progress: Progress) -> Built:
    from inspector.reports.summary import summary_docx, summary_pdf
    from inspector.store.catalog import find_campaign

    cid = _need(r.campaign_id, "a campaign")
    data = (
        summary_docx(rows.db, cid, r.today)
        if fmt == "docx"
        else summary_pdf(rows.db, cid, r.today, progress)
    )
    name = find_campaign(rows.db, cid)["name"]
    return Built(
        data, "星级评定汇总", f"星级评定汇总-{r.today.isoformat()}.{fmt}", f"星级评定汇总 {name}"
    )


def _bulletin(rows: Rows, r: Request, fmt: str, progress: Progress) -> Built:
    from inspector.reports import bulletin
    from inspector.store.catalog import find_campaign

    cid = _need(r.campaign_id, "a campaign")
    if fmt == "docx":  # the Word version of the 通报 last numbered, unless a number is given
        seq = r.number or bulletin.last_bulletin_number(rows.db, r.today.year)
        number, data = bulletin.bulletin_docx(rows.db, cid, r.today, seq)
    else:
        number, data = bulletin.bulletin_pdf(rows.db, cid, r.today, r.number, progress)
    name = find_campaign(rows.db, cid)["name"]
    return Built(
        data,
        f"督查情况通报 {number}",
        f"督查情况通报-{number}.{fmt}",
        f"督查情况通报 {number} {name}",
    )


def _supervise(rows: Rows, r: Request, fmt: str, progress: Progress) -> Built:
    from inspector.reports.letters import supervise_pdf

    numbers, pdf = supervise_pdf(
        rows.db,
        _need(r.campaign_id, "a campaign"),
        r.today,
        township_id=r.township_id,
        reply_days=r.reply_days,
        progress=progress,
    )
    return Built(
        pdf,
        f"督办单 {numbers[0]}—{numbers[-1]}",
        f"督办单-{r.today.isoformat()}-{len(numbers)}份.pdf",
        f"{len(numbers)} 督办单, {numbers[0]} to {numbers[-1]}",
    )


def _interview(rows: Rows, r: Request, fmt: str, progress: Progress) -> Built:
    from inspector.reports.letters import interview_pdf

    if r.interview_on is None or not r.place.strip():
        raise ReportRequestError("an interview notice needs the day and the place")
    numbers, pdf = interview_pdf(
        rows.db,
        _need(r.campaign_id, "a campaign"),
        r.today,
        on=r.interview_on,
        place=r.place.strip(),
        township_id=r.township_id,
        progress=progress,
    )
    return Built(
        pdf,
        f"约谈通知 {numbers[0]}—{numbers[-1]}",
        f"约谈通知-{r.today.isoformat()}-{len(numbers)}份.pdf",
        f"{len(numbers)} 约谈通知, {numbers[0]} to {numbers[-1]}",
    )


def _problems(rows: Rows, r: Request, fmt: str, progress: Progress) -> Built:
    from inspector.reports.problem_list import problems_pdf

    return Built(
        problems_pdf(rows.db, r.campaign_id, r.today, progress),
        "问题清单",
        f"问题清单-{r.today.isoformat()}.pdf",
        "问题清单",
    )


def _ledger(rows: Rows, r: Request, fmt: str, progress: Progress) -> Built:
    from inspector.reports.ledger import ledger_pdf, ledger_xlsx, scope
    from inspector.store.report_data import ledger_rows

    where = scope(rows.db, r.campaign_id, r.county_id)
    if fmt == "xlsx":
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "ledger.xlsx"
            count = ledger_xlsx(rows.db, path, where, r.today)
            data = path.read_bytes()
    else:
        count = len(ledger_rows(rows.db, where.campaign_id, where.county_id, r.today))
        data = ledger_pdf(rows.db, where, r.today, progress)
    return Built(
        data,
        f"整改台账 {where.name}",
        f"整改台账-{where.name}.{fmt}",
        f"整改台账 {where.name} ({count} problems)",
    )


def _trend(rows: Rows, r: Request, fmt: str, progress: Progress) -> Built:
    from inspector.reports.trend import trend_pdf

    name, pdf = trend_pdf(rows.db, r.today, r.township_id, r.county_id, progress)
    return Built(
        pdf, f"督查情况趋势分析 {name}", f"督查情况趋势分析-{name}.pdf", f"督查情况趋势分析 {name}"
    )


def _ranking(rows: Rows, r: Request, fmt: str, progress: Progress) -> Built:
    from inspector.reports.ranking_sheet import ranking_pdf, ranking_xlsx

    cid = _need(r.campaign_id, "a campaign")
    if fmt == "xlsx":
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "ranking.xlsx"
            count = ranking_xlsx(rows.db, cid, path, r.today, r.county_id)
            data = path.read_bytes()
    else:
        data = ranking_pdf(rows.db, cid, r.today, r.county_id, progress)
        count = None
    return Built(
        data,
        "排名表",
        f"排名表-{r.today.isoformat()}.{fmt}",
        "排名表" if count is None else f"排名表 ({count} townships)",
    )


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("star", "督查情况反馈表", ("pdf", "docx"), needs_township=True),
        Kind("notice", "整改通知书", ("pdf", "docx"), needs_township=True, issues=True),
        Kind("notices", "整改通知书（批量）", ("pdf",), issues=True),
        Kind("summary", "星级评定汇总", ("pdf", "docx")),
        Kind("bulletin", "督查情况通报", ("pdf", "docx")),
        Kind("supervise", "督办单", ("pdf",), optional_township=True),
        Kind("interview", "约谈通知", ("pdf",), optional_township=True),
        Kind("problems", "问题清单", ("pdf",)),
        Kind("ledger", "整改台账", ("pdf", "xlsx")),
        Kind("trend", "督查情况趋势分析", ("pdf",), optional_township=True),
        Kind("ranking", "排名表", ("pdf", "xlsx")),
    )
}

_BUILDERS: dict[str, Callable[[Rows, Request, str, Progress], Built]] = {
    "star": _star,
    "notice": _notice,
    "notices": _notices,
    "summary": _summary,
    "bulletin": _bulletin,
    "supervise": _supervise,
    "interview": _interview,
    "problems": _problems,
    "ledger": _ledger,
    "trend": _trend,
    "ranking": _ranking,
}


def build(
    rows: Rows,
    kind: str,
    request: Request,
    fmt: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> Built:
    """Make the paper in the format asked (default: the kind's first, PDF)."""
    spec = KINDS.get(kind)
    if spec is None:
        raise ReportRequestError(f"unknown report {kind!r}")
    fmt = fmt or spec.formats[0]
    if fmt not in spec.formats:
        from inspector.reports.issue import ReportError

        raise ReportError(
            Message(
                "{report} is made as {formats}, not {format}",
                report=spec.label,
                formats="/".join(spec.formats),
                format=fmt,
            )
        )
    return _BUILDERS[kind](rows, request, fmt, progress)
