"""`inspector report …` and `inspector problems export` (contract: see DESIGN.md)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from inspector.terminal import safe

if TYPE_CHECKING:  # cli imports this module; importing cli back at run time would loop
    from inspector.cli import AppContext

DATE = click.DateTime(["%Y-%m-%d"])


def _day(value: Any) -> dt.date:
    return value.date() if value else dt.date.today()


def _write(out: str, data: bytes) -> None:
    Path(out).write_bytes(data)


def _format_of(out: str, fmt: str | None, choices: tuple[str, ...]) -> str:
    """--format if given, else the output file's extension (PDF when it names none)."""
    if fmt:
        return fmt
    ext = Path(out).suffix.lower().lstrip(".")
    return ext if ext in choices else "pdf"


@click.group()
def report() -> None:
    """Printed reports (PDF, A4, fonts embedded)."""


date_option = click.option("--date", "on_date", type=DATE,
                           help="Date the report is made on (default: today); the same data "
                                "and date give the same bytes.")


@report.command("star")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option("--township", "township_ref", required=True, help="Township name, code or id.")
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="File to write (.pdf or .docx).")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx"]),
              help="pdf, or docx to edit in Word before 签发 (default: from the file's "
                   "extension).")
@date_option
@click.pass_obj
def report_star(app: AppContext, campaign_ref: str, township_ref: str, out: str,
                fmt: str | None, on_date: Any) -> None:
    """督查情况反馈表: one township's scores, stars and problems."""
    from inspector.reports.star import star_docx, star_report_pdf
    from inspector.store.catalog import find_campaign, find_township

    campaign = find_campaign(app.db, campaign_ref)
    township = find_township(app.db, township_ref)
    make = star_docx if _format_of(out, fmt, ("pdf", "docx")) == "docx" else star_report_pdf
    _write(out, make(app.db, campaign["id"], township["id"], _day(on_date)))
    click.echo(safe(f"{out}: 督查情况反馈表 {township['name']}"))


@report.command("notice")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option("--township", "township_ref", required=True, help="Township name, code or id.")
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="File to write (.pdf, or .docx: the archive keeps the PDF).")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx"]),
              help="pdf, or docx to edit in Word before 签发 (default: from the file's "
                   "extension).")
@click.option("--deadline", type=DATE,
              help="Report-back deadline of a new notice (default: the last problem deadline, "
                   "at least the default period from today).")
@date_option
@click.pass_obj
def report_notice(app: AppContext, campaign_ref: str, township_ref: str, out: str,
                  fmt: str | None, deadline: Any, on_date: Any) -> None:
    """整改通知书: issue one for problems not yet on a notice, else reprint the latest."""
    from inspector.reports.issue import notice_for_township
    from inspector.store.catalog import find_campaign, find_township

    campaign = find_campaign(app.db, campaign_ref)
    township = find_township(app.db, township_ref)
    outcome = notice_for_township(
        app.rows(), campaign["id"], township["id"], issued_on=_day(on_date),
        deadline=deadline.date().isoformat() if deadline else None)
    n = outcome.notice
    if _format_of(out, fmt, ("pdf", "docx")) == "docx":
        from inspector.reports.notice import notice_docx

        _write(out, notice_docx(app.db, n["id"]))
    else:
        _write(out, outcome.pdf)
    problems = len(json.loads(n["problem_ids"]))
    if outcome.issued:
        click.echo(safe(f"{out}: issued {n['doc_number']} to {n['addressee']} "
                        f"({problems} problems, report back by {n['deadline']}); PDF archived"))
    else:
        click.echo(safe(f"{out}: no new problems; reprinted {n['doc_number']} issued "
                        f"{n['issued_on']} ({problems} problems)"))


@report.command("notices")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="PDF file to write: every notice issued, in number order.")
@click.option("--deadline", type=DATE,
              help="Report-back deadline of every notice (default: per township, the last "
                   "problem deadline, at least the default period from the date).")
@date_option
@click.pass_obj
def report_notices(app: AppContext, campaign_ref: str, out: str, deadline: Any,
                   on_date: Any) -> None:
    """整改通知书 for every township with open problems not yet on a notice, in one step."""
    from inspector.reports.batch import issue_batch
    from inspector.store.catalog import find_campaign

    campaign = find_campaign(app.db, campaign_ref)
    outcome = issue_batch(app.rows(), campaign["id"], issued_on=_day(on_date),
                          deadline=deadline.date().isoformat() if deadline else None)
    _write(out, outcome.pdf)
    first, last = outcome.notices[0], outcome.notices[-1]
    problems = sum(len(json.loads(n["problem_ids"])) for n in outcome.notices)
    click.echo(safe(f"{out}: issued {len(outcome.notices)} notices, {first['doc_number']} to "
               f"{last['doc_number']} ({problems} problems); each PDF archived"))


@report.command("summary")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="File to write (.pdf or .docx).")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx"]),
              help="pdf, or docx to edit in Word before 签发 (default: from the file's "
                   "extension).")
@date_option
@click.pass_obj
def report_summary(app: AppContext, campaign_ref: str, out: str, fmt: str | None,
                   on_date: Any) -> None:
    """星级评定汇总: ranking, star distribution, 约谈 list, overdue problems."""
    from inspector.reports.summary import summary_docx, summary_pdf
    from inspector.store.catalog import find_campaign

    campaign = find_campaign(app.db, campaign_ref)
    make = summary_docx if _format_of(out, fmt, ("pdf", "docx")) == "docx" else summary_pdf
    _write(out, make(app.db, campaign["id"], _day(on_date)))
    click.echo(safe(f"{out}: 星级评定汇总 {campaign['name']}"))


@report.command("bulletin")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="File to write (.pdf or .docx).")
@click.option("--format", "fmt", type=click.Choice(["pdf", "docx"]),
              help="pdf, or docx to edit in Word before 签发 (default: from the file's "
                   "extension).")
@click.option("--number", type=click.IntRange(min=1),
              help="The 通报's number in its year (default: the next on this laptop; a .docx "
                   "takes the last one made unless given).")
@date_option
@click.pass_obj
def report_bulletin(app: AppContext, campaign_ref: str, out: str, fmt: str | None,
                    number: int | None, on_date: Any) -> None:
    """督查情况通报: counties compared (average, stars, rank and its change, 约谈,
    rectification rate) in a numbered document, townships in an annex."""
    from inspector.reports.bulletin import bulletin_pdf
    from inspector.store.catalog import find_campaign

    campaign = find_campaign(app.db, campaign_ref)
    if _format_of(out, fmt, ("pdf", "docx")) == "docx":
        from inspector.reports.bulletin import bulletin_docx
        from inspector.store.report_data import next_paper_number

        day = _day(on_date)
        seq = number or max(1, next_paper_number(app.db, "bulletin", day.year) - 1)
        doc_number, data = bulletin_docx(app.db, campaign["id"], day, seq)
    else:
        doc_number, data = bulletin_pdf(app.db, campaign["id"], _day(on_date), number)
    _write(out, data)
    click.echo(safe(f"{out}: 督查情况通报 {doc_number} {campaign['name']}"))


@report.command("supervise")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option("--township", "township_ref", help="One township (default: every one with "
              "problems past their deadline).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="PDF file to write.")
@click.option("--reply-days", type=click.IntRange(min=1), default=7, show_default=True,
              help="Days the township has to report back.")
@date_option
@click.pass_obj
def report_supervise(app: AppContext, campaign_ref: str, township_ref: str | None, out: str,
                     reply_days: int, on_date: Any) -> None:
    """督办单: red-light (overdue) problems of each township, numbered, in the official layout."""
    from inspector.reports.letters import supervise_pdf
    from inspector.store.catalog import find_township

    tid = find_township(app.db, township_ref)["id"] if township_ref else None
    numbers, pdf = supervise_pdf(app.db, campaign_ref, _day(on_date), township_id=tid,
                                 reply_days=reply_days)
    _write(out, pdf)
    click.echo(safe(f"{out}: {len(numbers)} 督办单, {numbers[0]} to {numbers[-1]}"))


@report.command("interview")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option("--township", "township_ref", help="One township on the 约谈 list (default: all).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="PDF file to write.")
@click.option("--on", "on_day", type=DATE, required=True, help="Day of the interview.")
@click.option("--place", required=True, help="Where the interview is held.")
@date_option
@click.pass_obj
def report_interview(app: AppContext, campaign_ref: str, township_ref: str | None, out: str,
                     on_day: Any, place: str, on_date: Any) -> None:
    """约谈通知: one for each township on the campaign's 约谈 list, in the official layout."""
    from inspector.reports.letters import interview_pdf
    from inspector.store.catalog import find_township

    tid = find_township(app.db, township_ref)["id"] if township_ref else None
    numbers, pdf = interview_pdf(app.db, campaign_ref, _day(on_date), on=on_day.date(),
                                 place=place, township_id=tid)
    _write(out, pdf)
    click.echo(safe(f"{out}: {len(numbers)} 约谈通知, {numbers[0]} to {numbers[-1]}"))


@report.command("problems")
@click.option("--campaign", "campaign_ref", help="Campaign id or name (default: all).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="PDF file to write.")
@date_option
@click.pass_obj
def report_problems(app: AppContext, campaign_ref: str | None, out: str, on_date: Any) -> None:
    """问题清单 as a landscape PDF."""
    from inspector.reports.problem_list import problems_pdf
    from inspector.store.catalog import find_campaign

    cid = find_campaign(app.db, campaign_ref)["id"] if campaign_ref else None
    _write(out, problems_pdf(app.db, cid, _day(on_date)))
    click.echo(safe(f"{out}: 问题清单"))


@report.command("fonts")
@click.argument("pdf", required=False, type=click.Path(exists=True, dir_okay=False))
def report_fonts_command(pdf: str | None) -> None:
    """Which font each role uses on this computer, or which fonts PDF was set in."""
    from inspector.reports.fonts import fonts_in_pdf, report_fonts

    fonts = report_fonts()
    if pdf:
        click.echo(safe(f"{pdf}: {'、'.join(fonts_in_pdf(Path(pdf).read_bytes()))}"))
    else:
        for line in fonts.describe().split("；"):
            click.echo(line)


@report.command("ledger")
@click.option("--campaign", "campaign_ref", help="Campaign id or name (default: all).")
@click.option("--county", "county_ref", help="County name, code or id (default: all).")
@click.option("--out", required=True, type=click.Path(dir_okay=False),
              help="File to write (.pdf or .xlsx).")
@click.option("--format", "fmt", type=click.Choice(["pdf", "xlsx"]),
              help="pdf or xlsx (default: from the file's extension).")
@date_option
@click.pass_obj
def report_ledger(app: AppContext, campaign_ref: str | None, county_ref: str | None, out: str,
                  fmt: str | None, on_date: Any) -> None:
    """整改台账: every problem with its measure, people, deadlines (original and extended),
    progress, 销号 date and evidence."""
    from inspector.reports.ledger import ledger_pdf, ledger_xlsx, scope

    where = scope(app.db, campaign_ref, county_ref)
    day = _day(on_date)
    if _format_of(out, fmt, ("pdf", "xlsx")) == "xlsx":
        count = ledger_xlsx(app.db, out, where, day)
    else:
        from inspector.store.report_data import ledger_rows

        count = len(ledger_rows(app.db, where.campaign_id, where.county_id, day))
        _write(out, ledger_pdf(app.db, where, day))
    click.echo(safe(f"{out}: 整改台账 {where.name} ({count} problems)"))


@click.group()
def problems() -> None:
    """The problem list (问题清单)."""


@problems.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), required=True)
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.option("--campaign", "campaign_ref", help="Campaign id or name (default: all).")
@date_option
@click.pass_obj
def problems_export(app: AppContext, fmt: str, out: str, campaign_ref: str | None,
                    on_date: Any) -> None:
    """Export the problems: county, township, item, text, unit, person, deadline, status,
    overdue, notice number, found date, after a 序号 and the campaign (CSV in UTF-8 with BOM,
    or XLSX ready to print: A4 landscape, one page wide, the header on every page)."""
    from inspector.reports.problem_list import export_problems
    from inspector.store.catalog import find_campaign

    cid = find_campaign(app.db, campaign_ref)["id"] if campaign_ref else None
    count = export_problems(app.db, fmt, out, cid, _day(on_date))
    click.echo(safe(f"{out}: {count} problems"))
