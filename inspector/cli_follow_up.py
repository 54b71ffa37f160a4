"""`inspector problems extend | verdict | work-list`: deadline extensions (延期) and
follow-up rounds (回头看) from the command line; `campaign create --follow-up-of` makes
the round (inspector.cli)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import click

from inspector.terminal import safe

if TYPE_CHECKING:  # cli imports this module; importing cli back at run time would loop
    from inspector.cli import AppContext

DATE = click.DateTime(["%Y-%m-%d"])


def _day(value: Any) -> dt.date | None:
    return value.date() if value else None


@click.group()
def problems() -> None:
    """The problem list (问题清单)."""


@problems.command("extend")
@click.option("--problem", "problem_id", required=True, help="Problem id.")
@click.option("--to", "new_deadline", required=True, type=DATE, help="The new deadline.")
@click.option("--reason", required=True, help="Why the deadline is extended.")
@click.option("--approved-by", "approved_by", required=True, help="Who approved the extension.")
@click.option("--date", "on_date", type=DATE, help="Day of the extension (default: today).")
@click.pass_obj
def problems_extend(
    app: AppContext, problem_id: str, new_deadline: Any, reason: str, approved_by: str, on_date: Any
) -> None:
    """Extend a problem's deadline (延期); the original and every extension stay on record."""
    from inspector.core.ids import ProblemId

    problem = (
        app.writing()
        .follow_ups.extend(
            ProblemId(problem_id), new_deadline.date(), reason, approved_by, today=_day(on_date)
        )
        .value
    )
    count = len(app.session.follow_ups.extensions(ProblemId(problem_id)))
    click.echo(safe(f"{problem_id}: deadline {problem['deadline']} (extension {count})"))


@problems.command("verdict")
@click.option("--campaign", "campaign_ref", required=True, help="The follow-up round, id or name.")
@click.option("--problem", "problem_id", required=True, help="Problem id.")
@click.option(
    "--verdict",
    required=True,
    type=click.Choice(["verified", "partly", "rejected"]),
    help="verified (整改到位), partly (部分整改) or rejected (未整改, back to rectifying).",
)
@click.option("--reason", default="", help="Required unless verified.")
@click.option("--close", is_flag=True, help="Close (销号) a verified problem (headquarters).")
@click.option(
    "--photo",
    "photos",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Evidence photo (repeatable).",
)
@click.option("--date", "on_date", type=DATE, help="Day of the check (default: today).")
@click.pass_obj
def problems_verdict(
    app: AppContext,
    campaign_ref: str,
    problem_id: str,
    verdict: str,
    reason: str,
    close: bool,
    photos: tuple[str, ...],
    on_date: Any,
) -> None:
    """Record a follow-up round's verdict on a problem of its work list."""
    from inspector.core.ids import CampaignId, ProblemId

    session = app.writing()
    campaign = CampaignId(session.catalog.find_campaign(campaign_ref)["id"])
    with session.atomic():
        problem = session.follow_ups.verdict(
            campaign, ProblemId(problem_id), verdict, reason, close=close, today=_day(on_date)
        ).value
        if photos:
            session.attachments.add_files("problems", problem_id, list(photos))
    click.echo(safe(f"{problem_id}: {verdict}, now {problem['status']}"))


@problems.command("work-list")
@click.option("--campaign", "campaign_ref", required=True, help="The follow-up round, id or name.")
@click.option("--township", "township_ref", help="One township (name, code or id).")
@click.pass_obj
def problems_work_list(app: AppContext, campaign_ref: str, township_ref: str | None) -> None:
    """A follow-up round's work list: township, problem id, status, light, verdict, text."""
    from inspector.core.ids import CampaignId, TownshipId

    session = app.session
    campaign = CampaignId(session.catalog.find_campaign(campaign_ref)["id"])
    township = (
        TownshipId(session.catalog.find_township(township_ref)["id"]) if township_ref else None
    )
    for p in session.follow_ups.work_list(campaign, township):
        click.echo(
            "\t".join(
                safe(v)
                for v in (
                    p["township"],
                    p["id"],
                    p["status"],
                    p["light"] or "",
                    p["verdict"] or "",
                    p["text"],
                )
            )
        )
