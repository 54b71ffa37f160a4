"""`inspector selfassess export|import`: the townships' self-assessment sheets (自评表)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import click

from inspector.terminal import safe

if TYPE_CHECKING:  # cli imports this module; importing cli back at run time would loop
    from inspector.cli import AppContext


@click.group()
def selfassess() -> None:
    """Self-assessment sheets (自评表): one XLSX per township, filled in and imported back."""


@selfassess.command("export")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option(
    "--out",
    "out_dir",
    required=True,
    type=click.Path(file_okay=False),
    help="Folder for the workbooks (made if missing).",
)
@click.option("--township", "township_ref", help="Only this township (name, code or id).")
@click.pass_obj
def selfassess_export(
    app: AppContext, campaign_ref: str, out_dir: str, township_ref: str | None
) -> None:
    """One workbook per township, pre-filled with what it answered before."""
    from inspector.reports.self_sheet import export_sheets

    session = app.session
    townships = [session.catalog.find_township(township_ref)] if township_ref else None
    written = export_sheets(session.db, campaign_ref, out_dir, dt.date.today(), townships)
    for path in written:
        click.echo(safe(str(path)))
    click.echo(f"{len(written)} sheet(s) written")


@selfassess.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.pass_obj
def selfassess_import(app: AppContext, files: tuple[str, ...]) -> None:
    """Read and check every sheet; any bad cell in any file and nothing is imported."""
    from inspector.reports.self_sheet import read_sheets

    session = app.writing()
    sheets = read_sheets(session.db, files)  # a refusal: the group's error path, every line
    changed = session.self_assessment.save(sheets).value
    click.echo(f"{len(sheets)} sheet(s) imported, {changed} answer(s) changed")
