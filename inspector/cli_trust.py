"""`inspector hq …` and `inspector device …`: keys, enrolment and the roster (issue 9)."""

from __future__ import annotations

import click

from inspector.cli import AppContext
from inspector.terminal import safe


@click.group()
def hq() -> None:
    """Headquarters: the authority that enrols devices and signs the roster."""


@hq.command("init")
@click.pass_obj
def hq_init(app: AppContext) -> None:
    """Make this installation headquarters (its key signs the roster)."""
    from inspector.sync.keys import device_keys
    from inspector.sync.roster import init_hq

    roster = init_hq(app.allow_create().db)
    keys = device_keys(app.db)
    click.echo(
        f"headquarters: {keys.device_id}, fingerprint {keys.fingerprint}; roster "
        f"serial {roster.serial}, {len(roster.devices)} device(s)"
    )


@click.group()
def device() -> None:
    """Enrolment (its commands join `inspector device` of cli_device)."""


@device.command("request")
@click.option(
    "--out",
    required=True,
    type=click.Path(dir_okay=False),
    help="The enrolment request file to write (take it to headquarters).",
)
@click.pass_obj
def device_request(app: AppContext, out: str) -> None:
    """Write this device's enrolment request (public keys only) for headquarters."""
    from inspector.sync.keys import device_keys
    from inspector.sync.roster import write_request

    db = app.allow_create().db
    path = write_request(db, out)
    click.echo(
        f"{path}: enrolment request for {device_keys(db).device_id}, fingerprint "
        f"{device_keys(db).fingerprint}; headquarters compares it before enrolling"
    )


@device.command("enrol")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--role", type=click.Choice(["inspector", "hq"]), default="inspector", show_default=True
)
@click.option(
    "--fingerprint",
    "expected",
    help="The fingerprint the laptop shows ('inspector device show'); asked for if not given.",
)
@click.option(
    "--campaign",
    "campaign_refs",
    multiple=True,
    help="A campaign whose bundles the laptop reads (repeat for several; default: "
    "every campaign, see 'device assign').",
)
@click.pass_obj
def device_enrol(
    app: AppContext, file: str, role: str, expected: str | None, campaign_refs: tuple[str, ...]
) -> None:
    """Enrol a device from its request file, after comparing its fingerprint (headquarters)."""
    from inspector.messages import Message
    from inspector.sync.errors import TrustError
    from inspector.sync.keys import fingerprint
    from inspector.sync.roster import assign, enrol, read_request

    req = read_request(file)
    fp = fingerprint(req["signing_key"])
    if expected is None:
        click.echo(safe(f"{req['name']} ({req['device_id']}): fingerprint {fp}"))
        expected = click.prompt("type the fingerprint the laptop shows")
    if expected.strip().upper() != fp:
        raise TrustError(
            Message(
                "fingerprint {given} does not match the request's {fingerprint}; "
                "the file may not come from that laptop — nothing enrolled",
                given=expected.strip(),
                fingerprint=fp,
            )
        )
    entry = enrol(app.db, req, role)
    if campaign_refs:
        entry = assign(app.db, entry.device_id, list(campaign_refs))
    reads = "" if entry.role == "hq" else f", reading {_campaign_names(app, entry.campaigns)}"
    click.echo(
        safe(
            f"enrolled {entry.name} ({entry.device_id}) as {entry.role}{reads}; "
            "export a campaign kit to give it the roster"
        )
    )


@device.command("revoke")
@click.argument("device_id")
@click.pass_obj
def device_revoke(app: AppContext, device_id: str) -> None:
    """Revoke a lost device: only what headquarters had accepted from it stands (headquarters)."""
    from inspector.sync.roster import revoke

    entry = revoke(app.db, device_id)
    click.echo(
        safe(
            f"revoked {entry.name} ({entry.device_id}) at {entry.revoked_at}; the "
            f"{len(entry.accepted or ())} bundle(s) of it headquarters had accepted "
            "stand, any other version of it is refused whatever its date"
        )
    )


@device.command("list")
@click.pass_obj
def device_list(app: AppContext) -> None:
    """The roster this installation holds: id, name, role, fingerprint, state."""
    from inspector.sync.roster import current

    roster = current(app.db)
    if roster is None:
        click.echo("no roster: this installation is not headquarters and has imported no kit")
        return
    click.echo(safe(f"roster serial {roster.serial}, signed by {roster.authority['name']}"))
    for e in roster.devices.values():
        state = f"revoked {e.revoked_at}" if e.revoked_at else "active"
        reads = "every campaign" if e.role == "hq" else _campaign_names(app, e.campaigns)
        click.echo(
            "\t".join(safe(v) for v in (e.device_id, e.name, e.role, e.fingerprint, state, reads))
        )


@hq.command("rotate")
@click.pass_obj
def hq_rotate(app: AppContext) -> None:
    """Give headquarters a new key: the old one signs the succession, then is deleted."""
    from inspector.sync.keys import fingerprint
    from inspector.sync.roster import authority, rotate

    held = authority(app.db)
    old = fingerprint(held["signing_key"]) if held else "none"
    new = rotate(app.db)
    click.echo(
        f"new headquarters key {new.fingerprint} (succeeds {old}); old private key "
        "deleted; laptops follow with the next kit or bundle from headquarters"
    )


@device.command("assign")
@click.argument("device_id")
@click.option(
    "--campaign",
    "campaign_refs",
    multiple=True,
    help="A campaign (id, id prefix or name) whose bundles the laptop reads; repeat "
    "for several. Replaces the laptop's earlier assignment.",
)
@click.option("--all", "every", is_flag=True, help="The laptop reads every campaign's bundles.")
@click.pass_obj
def device_assign(
    app: AppContext, device_id: str, campaign_refs: tuple[str, ...], every: bool
) -> None:
    """Assign an enrolled laptop to campaigns: bundles are sealed to their laptops (headquarters)."""
    from inspector.messages import Message
    from inspector.sync.errors import TrustError
    from inspector.sync.roster import assign

    if every == bool(campaign_refs):
        raise TrustError(Message("give --campaign (once or more) or --all"))
    entry = assign(app.db, device_id, None if every else list(campaign_refs))
    click.echo(
        safe(
            f"{entry.name} ({entry.device_id}) reads the bundles of "
            f"{_campaign_names(app, entry.campaigns)}; the next kit tells the laptops"
        )
    )


def _campaign_names(app: AppContext, ids: frozenset[str] | None) -> str:
    if ids is None:
        return "every campaign"
    names = {c["id"]: c["name"] for c in _campaigns(app)}
    return ", ".join(sorted(names.get(i, i) for i in ids)) or "no campaign"


def _campaigns(app: AppContext) -> list[dict]:
    from inspector.store.catalog import campaigns

    return campaigns(app.db)
