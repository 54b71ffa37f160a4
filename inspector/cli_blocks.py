"""`inspector device block …`: the notice number blocks headquarters hands out (its command
joins `inspector device`)."""

from __future__ import annotations

import click

from inspector.cli import AppContext
from inspector.terminal import safe


@click.group()
def device() -> None:
    """Notice number blocks (joins `inspector device`)."""


@device.command("block")
@click.argument("device_id", required=False)
@click.option("--start", type=click.IntRange(1, 999_999), help="First number of the block.")
@click.option("--end", type=click.IntRange(1, 999_999), help="Last number of the block.")
@click.pass_obj
def device_block(
    app: AppContext, device_id: str | None, start: int | None, end: int | None
) -> None:
    """Show every device's notice number block, or give DEVICE_ID the block --start to --end
    (headquarters; the next kit or bundle tells the laptop). A campaign kit gives every
    device without one a block of its own by itself."""
    from inspector.messages import Message
    from inspector.sync.errors import TrustError
    from inspector.sync.roster import current, set_block

    if (start is None) != (end is None) or (start is not None and device_id is None):
        raise TrustError(Message("give DEVICE_ID with both --start and --end, or nothing"))
    if device_id is not None and start is not None and end is not None:
        entry = set_block(app.writing().db, device_id, start, end)
        click.echo(safe(f"{entry.name} ({entry.device_id}) numbers notices {start}-{end}"))
        return
    roster = current(app.db)
    if roster is None:
        click.echo("no roster: this installation is not headquarters and has imported no kit")
        return
    for e in roster.devices.values():
        if device_id is not None and not e.device_id.startswith(device_id):
            continue
        block = f"{e.notice_block[0]}-{e.notice_block[1]}" if e.notice_block else "no block yet"
        click.echo("\t".join(safe(v) for v in (e.device_id, e.name, e.role, block)))
