"""`inspector device …`: this installation's identity (show it, give a copy a new one).

`show` prints label/value lines from `identity_lines`, so later facts about
the device (keys, roles) are one more line each.
"""

from __future__ import annotations

import click

from inspector.cli import AppContext
from inspector.terminal import safe

MACHINE_STATE = {
    "same": "same computer and folder as when last used",
    "recorded": "recorded now (first use here)",
    "changed": "CHANGED: copied, moved or renamed — 'inspector device new' if this is a copy, "
    "'inspector device same' if not",
    "in memory": "not applicable (database in memory)",
}


@click.group()
def device() -> None:
    """This laptop's device identity (the id every change is stamped with)."""


def identity_lines(app: AppContext) -> list[tuple[str, str]]:
    """The label and value of each line `device show` prints."""
    from inspector.store.clock import last_value
    from inspector.store.identity import identity

    found = identity(app.db)
    lines = [
        ("device id", found.device_id),
        ("device name", found.device_name),
        ("machine", MACHINE_STATE[found.fingerprint]),
        ("last stamp", last_value(app.db) or "-"),
    ]
    if found.previous_ids:
        lines.append(("previous ids", ", ".join(found.previous_ids)))
    lines.extend(trust_lines(app))
    return lines


def trust_lines(app: AppContext) -> list[tuple[str, str]]:
    """Role, key fingerprint (read out to headquarters) and the headquarters trusted."""
    from inspector.sync.keys import device_keys, fingerprint
    from inspector.sync.roster import authority, is_hq, role_of

    keys = device_keys(app.db)
    role = role_of(app.db) or "not enrolled"
    hq = is_hq(app.db)
    lines = [
        ("role", f"{role} (headquarters: signs the roster)" if hq else role),
        ("fingerprint", keys.fingerprint),
    ]
    auth = authority(app.db)
    if auth and not hq:
        lines.append(
            ("trusts", f"headquarters {auth['name']} ({fingerprint(auth['signing_key'])})")
        )
    return lines


@device.command("show")
@click.pass_obj
def device_show(app: AppContext) -> None:
    """Print the device id, name and whether the database is where it was last used."""
    lines = identity_lines(app)
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        click.echo(safe(f"{label:<{width}}  {value}"))


@device.command("new")
@click.option("--name", help="A new device name too (shown in bundles and the audit log).")
@click.option(
    "--block-start",
    type=click.IntRange(1, 999_999),
    help="First notice number of this laptop's own block.",
)
@click.option(
    "--block-end",
    type=click.IntRange(1, 999_999),
    help="Last notice number of the block (default: no limit).",
)
@click.pass_obj
def device_new(
    app: AppContext, name: str | None, block_start: int | None, block_end: int | None
) -> None:
    """Give this database a new device id: for a copy of another laptop's database."""
    from inspector.store import settings
    from inspector.store.identity import new_identity

    if block_end is not None and (block_start or 1) > block_end:
        raise click.BadParameter("the block ends before it starts", param_hint="--block-end")
    db = app.db
    with db.atomic():
        made = new_identity(db, name)
        if block_start is not None:
            settings.put(db, "notice_block_start", block_start)
            settings.put(db, "notice_block_end", block_end)
    click.echo(
        safe(f"new device id {made.new_id} (was {made.old_id}) for {settings.device_name(db)}")
    )
    click.echo(f"  rows stamped with {made.old_id} stay as they are; new edits carry {made.new_id}")
    if made.restamped:
        click.echo(
            f"  {made.restamped} edit(s) made on this copy before it had its own id "
            f"now carry {made.new_id}"
        )
    if block_start is not None:
        click.echo(f"  notice numbers: from {block_start} to {block_end or 'no limit'}")
    else:
        start, end = made.notice_block
        click.echo(
            f"reminder: this laptop still numbers notices from {start} to "
            f"{end or 'no limit'}, like the database it was copied from; give it a block "
            "of its own (Settings → Number block, or 'inspector device new "
            "--block-start N --block-end M')",
            err=True,
        )


@device.command("same")
@click.pass_obj
def device_same(app: AppContext) -> None:
    """Confirm this is the same laptop (renamed, or the database moved): not a copy."""
    from inspector.store.identity import confirm_same

    confirm_same(app.db)
    click.echo("confirmed: this database keeps its device identity on this computer")
