"""`inspector notice …`: the notices issued, voiding (作废) and re-issuing one, and the
township's report-back (整改报告) recorded against it."""

from __future__ import annotations

from typing import Any

import click

from inspector.cli import AppContext
from inspector.terminal import safe

DATE = click.DateTime(["%Y-%m-%d"])


@click.group()
def notice() -> None:
    """整改通知书: list them, void and re-issue one, record its report-back."""


def _state(row: dict[str, Any]) -> str:
    if row["voided_on"]:
        return f"voided {row['voided_on']}: {row['void_reason']}"
    if row["report_received_on"]:
        scan = ", scan attached" if row["report_attachment_id"] else ""
        return f"report received {row['report_received_on']} ({row['report_received_by']}{scan})"
    return "awaiting report"


@notice.command("list")
@click.option("--campaign", "campaign_ref", help="Only this campaign's notices (id or name).")
@click.pass_obj
def notice_list(app: AppContext, campaign_ref: str | None) -> None:
    """One line per notice, newest first: id, number, township, issued on, state."""
    from inspector.store.notice_queries import notice_rows

    campaign = app.session.catalog.find_campaign(campaign_ref)["id"] if campaign_ref else None
    for row in notice_rows(app.db, campaign):
        replaces = f" (replaces {row['replaces']})" if row["replaces"] else ""
        click.echo(
            "\t".join(
                safe(v)
                for v in (
                    row["id"],
                    row["doc_number"] + replaces,
                    row["township"],
                    row["issued_on"],
                    _state(row),
                )
            )
        )


@notice.command("void")
@click.option("--notice", "ref", required=True, help="Notice id, id prefix or number (文号).")
@click.option("--reason", required=True, help="Why it is voided (kept with the notice).")
@click.pass_obj
def notice_void(app: AppContext, ref: str, reason: str) -> None:
    """Void a notice (作废): it is kept and marked, and its problems are freed."""
    session = app.writing()
    row = session.notices.void(session.notices.find(ref)["id"], reason).value
    click.echo(
        safe(
            f"voided {row['doc_number']} on {row['voided_on']}; its problems are free for a new notice"
        )
    )


@notice.command("reissue")
@click.option("--notice", "ref", required=True, help="Notice id, id prefix or number (文号).")
@click.option("--reason", help="Why the old one is voided, if it is not yet (default: re-issued).")
@click.pass_obj
def notice_reissue(app: AppContext, ref: str, reason: str | None) -> None:
    """A new number for a notice's problems; the old notice is voided and recorded as replaced."""
    from inspector.reports.issue import reissue_notice_pdf

    session = app.writing()
    old, new, _pdf = reissue_notice_pdf(
        session.rows, session.notices.find(ref)["id"], reason=reason
    )
    click.echo(
        safe(
            f"re-issued {old['doc_number']} as {new['doc_number']} ({new['id']}), its PDF "
            f"archived; {old['doc_number']} voided"
        )
    )


@notice.command("report-back")
@click.option("--notice", "ref", required=True, help="Notice id, id prefix or number (文号).")
@click.option("--on", "on_date", type=DATE, required=True, help="The day the report arrived.")
@click.option("--by", help="Who received it (default: this laptop's inspector).")
@click.option(
    "--file",
    "scan",
    type=click.Path(exists=True, dir_okay=False),
    help="The report's scan (PDF or image), attached to the notice.",
)
@click.pass_obj
def notice_report_back(
    app: AppContext, ref: str, on_date: Any, by: str | None, scan: str | None
) -> None:
    """Record the township's 整改报告 as received against its notice."""
    session = app.writing()
    row = session.notices.report_back(
        session.notices.find(ref)["id"], on_date.date(), by=by, scan=scan
    ).value
    click.echo(
        safe(
            f"{row['doc_number']}: report received {row['report_received_on']} by "
            f"{row['report_received_by']}" + ("; scan attached" if scan else "")
        )
    )
