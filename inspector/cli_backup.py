"""`inspector backup …`: the copies taken before imports and every day, and restoring one."""

from __future__ import annotations

import click

from inspector.cli import AppContext
from inspector.terminal import safe


@click.group()
def backup() -> None:
    """Backup copies of the database (taken before each import and once a day)."""


@backup.command("list")
@click.pass_obj
def backup_list(app: AppContext) -> None:
    """List the backups, newest first: name, time, reason, size."""
    from inspector.store.backups import backups_of, folder_for
    from inspector.store.db import StoreError

    if not app.path.is_file():
        from inspector.messages import Message

        raise StoreError(
            Message("no database at {path}; create one with 'inspector init'", path=str(app.path))
        )
    found = backups_of(app.path)
    if not found:
        click.echo(safe(f"no backups in {folder_for(app.path.resolve())}"))
        return
    for b in found:
        click.echo(
            "\t".join((safe(b.name), f"{b.taken:%Y-%m-%d %H:%M:%S}", b.reason, f"{b.size:,} bytes"))
        )


@backup.command("restore")
@click.argument("name")
@click.pass_obj
def backup_restore(app: AppContext, name: str) -> None:
    """Put the backup NAME back as the database (the current one is kept as a backup first)."""
    from inspector.store.backups import restore
    from inspector.store.db import open_for_restore

    db = open_for_restore(app.path)
    try:
        done = restore(db, name)
    finally:
        db.close()
    click.echo(safe(f"restored {done.restored.name}"))
    if done.before is not None:
        click.echo(safe(f"the database as it was is kept as backup {done.before.name}"))
