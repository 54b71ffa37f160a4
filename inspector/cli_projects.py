"""`inspector projects …`: the list of project sites (项目党建) a project form inspects."""

from __future__ import annotations

import click

from inspector.cli import AppContext
from inspector.terminal import safe


@click.group()
def projects() -> None:
    """Project sites (项目党建)."""


@projects.command("import")
@click.argument("csv_file", type=click.Path(dir_okay=False))
@click.pass_obj
def projects_import(app: AppContext, csv_file: str) -> None:
    """Import project sites from a CSV (county,name and an optional code); each county
    must already be in the township list."""
    counts = app.writing().projects.import_csv(csv_file).value
    click.echo(
        f"{counts['projects']} project sites added or changed, {counts['unchanged']} unchanged"
    )


@projects.command("list")
@click.pass_obj
def projects_list(app: AppContext) -> None:
    """List the project sites: county, name, code."""
    for p in app.session.projects.list():
        click.echo("\t".join(safe(v) for v in (p["county"], p["name"], p["code"] or "")))
