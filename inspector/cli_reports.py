"""`inspector report …` and `inspector problems export` (contract: see DESIGN.md)."""

from __future__ import annotations

import datetime as dt
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


def _request(on_date: Any, **fields: Any) -> Any:
    from inspector.reports.registry import Request

    return Request(today=_day(on_date), **fields)


def _make(app: AppContext, kind: str, request: Any, out: str, fmt: str) -> None:
    """Build the paper as the report viewer does, write it, say what was made."""
    from inspector.reports.registry import build

    built = build(app.rows(), kind, request, fmt)  # a refusal: the group's one-line message
    _write(out, built.data)
    click.echo(safe(f"{out}: {built.note}"))


@click.group()
def report() -> None:
    """Printed reports (PDF, A4, fonts embedded)."""


date_option = click.option(
    "--date",
    "on_date",
    type=DATE,
    help="Date the report is made on (default: today); the same data and date give the same bytes.",
)


def pdf_or_xlsx_out(command: Any) -> Any:
    """`--out FILE.pdf|FILE.xlsx` and `--format`, for the papers kept as either."""
    command = click.option(
        "--format",
        "fmt",
        type=click.Choice(["pdf", "xlsx"]),
        help="pdf or xlsx (default: from the file's extension).",
    )(command)
    return click.option(
        "--out",
        required=True,
        type=click.Path(dir_okay=False),
        help="File to write (.pdf or .xlsx).",
    )(command)


@report.command("star")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option("--township", "township_ref", required=True, help="Township name, code or id.")
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False), help="File to write (.pdf or .docx)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["pdf", "docx"]),
    help="pdf, or docx to edit in Word before 签发 (default: from the file's extension).",
)
@date_option
@click.pass_obj
def report_star(
    app: AppContext, campaign_ref: str, township_ref: str, out: str, fmt: str | None, on_date: Any
) -> None:
    """督查情况反馈表: one township's scores, stars and problems."""
    from inspector.store.catalog import find_campaign, find_township

    request = _request(
        on_date,
        campaign_id=find_campaign(app.db, campaign_ref)["id"],
        township_id=find_township(app.db, township_ref)["id"],
    )
    _make(app, "star", request, out, _format_of(out, fmt, ("pdf", "docx")))


@report.command("notice")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option("--township", "township_ref", required=True, help="Township name, code or id.")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False),
    help="File to write (.pdf, or .docx: the archive keeps the PDF).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["pdf", "docx"]),
    help="pdf, or docx to edit in Word before 签发 (default: from the file's extension).",
)
@click.option(
    "--deadline",
    type=DATE,
    help="Report-back deadline of a new notice (default: the last problem deadline, "
    "at least the default period from today).",
)
@date_option
@click.pass_obj
def report_notice(
    app: AppContext,
    campaign_ref: str,
    township_ref: str,
    out: str,
    fmt: str | None,
    deadline: Any,
    on_date: Any,
) -> None:
    """整改通知书: issue one for problems not yet on a notice, else reprint the latest."""
    from inspector.store.catalog import find_campaign, find_township

    request = _request(
        on_date,
        campaign_id=find_campaign(app.db, campaign_ref)["id"],
        township_id=find_township(app.db, township_ref)["id"],
        deadline=deadline.date().isoformat() if deadline else None,
    )
    _make(app, "notice", request, out, _format_of(out, fmt, ("pdf", "docx")))


@report.command("notices")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False),
    help="PDF file to write: every notice issued, in number order.",
)
@click.option(
    "--deadline",
    type=DATE,
    help="Report-back deadline of every notice (default: per township, the last "
    "problem deadline, at least the default period from the date).",
)
@date_option
@click.pass_obj
def report_notices(
    app: AppContext, campaign_ref: str, out: str, deadline: Any, on_date: Any
) -> None:
    """整改通知书 for every township with open problems not yet on a notice, in one step."""
    from inspector.store.catalog import find_campaign

    request = _request(
        on_date,
        campaign_id=find_campaign(app.db, campaign_ref)["id"],
        deadline=deadline.date().isoformat() if deadline else None,
    )
    _make(app, "notices", request, out, "pdf")


@report.command("summary")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False), help="File to write (.pdf or .docx)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["pdf", "docx"]),
    help="pdf, or docx to edit in Word before 签发 (default: from the file's extension).",
)
@date_option
@click.pass_obj
def report_summary(
    app: AppContext, campaign_ref: str, out: str, fmt: str | None, on_date: Any
) -> None:
    """星级评定汇总: ranking, star distribution, 约谈 list, overdue problems."""
    from inspector.store.catalog import find_campaign

    request = _request(on_date, campaign_id=find_campaign(app.db, campaign_ref)["id"])
    _make(app, "summary", request, out, _format_of(out, fmt, ("pdf", "docx")))


@report.command("bulletin")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False), help="File to write (.pdf or .docx)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["pdf", "docx"]),
    help="pdf, or docx to edit in Word before 签发 (default: from the file's extension).",
)
@click.option(
    "--number",
    type=click.IntRange(min=1),
    help="The 通报's number in its year (default: the next on this laptop; a .docx "
    "takes the last one made unless given).",
)
@date_option
@click.pass_obj
def report_bulletin(
    app: AppContext, campaign_ref: str, out: str, fmt: str | None, number: int | None, on_date: Any
) -> None:
    """督查情况通报: counties compared (average, stars, rank and its change, 约谈,
    rectification rate) in a numbered document, townships in an annex."""
    from inspector.store.catalog import find_campaign

    request = _request(
        on_date, campaign_id=find_campaign(app.db, campaign_ref)["id"], number=number
    )
    _make(app, "bulletin", request, out, _format_of(out, fmt, ("pdf", "docx")))


@report.command("supervise")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option(
    "--township",
    "township_ref",
    help="One township (default: every one with problems past their deadline).",
)
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="PDF file to write.")
@click.option(
    "--reply-days",
    type=click.IntRange(min=1),
    default=7,
    show_default=True,
    help="Days the township has to report back.",
)
@date_option
@click.pass_obj
def report_supervise(
    app: AppContext,
    campaign_ref: str,
    township_ref: str | None,
    out: str,
    reply_days: int,
    on_date: Any,
) -> None:
    """督办单: red-light (overdue) problems of each township, numbered, in the official layout."""
    request = _request(
        on_date,
        **_campaign_and_township(app, campaign_ref, township_ref),
        reply_days=reply_days,
    )
    _make(app, "supervise", request, out, "pdf")


def _campaign_and_township(
    app: AppContext, campaign_ref: str, township_ref: str | None
) -> dict[str, str | None]:
    """The ids a letter's request names: the campaign, and one township or all (None)."""
    from inspector.store.catalog import find_campaign, find_township

    return {
        "campaign_id": find_campaign(app.db, campaign_ref)["id"],
        "township_id": find_township(app.db, township_ref)["id"] if township_ref else None,
    }


@report.command("interview")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option("--township", "township_ref", help="One township on the 约谈 list (default: all).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="PDF file to write.")
@click.option("--on", "on_day", type=DATE, required=True, help="Day of the interview.")
@click.option("--place", required=True, help="Where the interview is held.")
@date_option
@click.pass_obj
def report_interview(
    app: AppContext,
    campaign_ref: str,
    township_ref: str | None,
    out: str,
    on_day: Any,
    place: str,
    on_date: Any,
) -> None:
    """约谈通知: one for each township on the campaign's 约谈 list, in the official layout."""
    request = _request(
        on_date,
        **_campaign_and_township(app, campaign_ref, township_ref),
        interview_on=on_day.date(),
        place=place,
    )
    _make(app, "interview", request, out, "pdf")


@report.command("problems")
@click.option("--campaign", "campaign_ref", help="Campaign id or name (default: all).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="PDF file to write.")
@date_option
@click.pass_obj
def report_problems(app: AppContext, campaign_ref: str | None, out: str, on_date: Any) -> None:
    """问题清单 as a landscape PDF."""
    from inspector.store.catalog import find_campaign

    cid = find_campaign(app.db, campaign_ref)["id"] if campaign_ref else None
    _make(app, "problems", _request(on_date, campaign_id=cid), out, "pdf")


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


@report.command("ranking")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option("--county", "county_ref", help="County name, code or id (default: all).")
@pdf_or_xlsx_out
@date_option
@click.pass_obj
def report_ranking(
    app: AppContext,
    campaign_ref: str,
    county_ref: str | None,
    out: str,
    fmt: str | None,
    on_date: Any,
) -> None:
    """排名表: the ranking as the app's ranking tab shows it (unfinished inspections
    unranked, stars, items answered, change since the previous campaign, 约谈)."""
    from inspector.store.catalog import find_campaign
    from inspector.store.report_data import find_county

    county_id = find_county(app.db, county_ref)["id"] if county_ref else None
    request = _request(
        on_date, campaign_id=find_campaign(app.db, campaign_ref)["id"], county_id=county_id
    )
    _make(app, "ranking", request, out, _format_of(out, fmt, ("pdf", "xlsx")))


@report.command("ledger")
@click.option("--campaign", "campaign_ref", help="Campaign id or name (default: all).")
@click.option("--county", "county_ref", help="County name, code or id (default: all).")
@pdf_or_xlsx_out
@date_option
@click.pass_obj
def report_ledger(
    app: AppContext,
    campaign_ref: str | None,
    county_ref: str | None,
    out: str,
    fmt: str | None,
    on_date: Any,
) -> None:
    """整改台账: every problem with its measure, people, deadlines (original and extended),
    progress, 销号 date and evidence."""
    from inspector.reports.ledger import scope

    where = scope(app.db, campaign_ref, county_ref)
    request = _request(on_date, campaign_id=where.campaign_id, county_id=where.county_id)
    _make(app, "ledger", request, out, _format_of(out, fmt, ("pdf", "xlsx")))


@click.group()
def problems() -> None:
    """The problem list (问题清单)."""


@problems.command("export")
@click.option("--format", "fmt", type=click.Choice(["csv", "xlsx"]), required=True)
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="File to write.")
@click.option("--campaign", "campaign_ref", help="Campaign id or name (default: all).")
@date_option
@click.pass_obj
def problems_export(
    app: AppContext, fmt: str, out: str, campaign_ref: str | None, on_date: Any
) -> None:
    """Export the problems: county, township, item, text, unit, person, deadline, status,
    overdue, notice number, found date, after a 序号 and the campaign (CSV in UTF-8 with BOM,
    or XLSX ready to print: A4 landscape, one page wide, the header on every page)."""
    from inspector.reports.problem_list import export_problems
    from inspector.store.catalog import find_campaign

    cid = find_campaign(app.db, campaign_ref)["id"] if campaign_ref else None
    count = export_problems(app.db, fmt, out, cid, _day(on_date))
    click.echo(safe(f"{out}: {count} problems"))
