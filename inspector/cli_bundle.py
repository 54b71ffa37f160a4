"""`inspector bundle …`: export, import (with --dry-run) and the conflicts a merge kept."""

from __future__ import annotations

import click

from inspector.cli import AppContext
from inspector.terminal import safe

PASSPHRASE_ENV = "INSPECTOR_BUNDLE_PASSPHRASE"


def _passphrase(confirm: bool) -> str:
    """From the environment, or typed without echo; never an argument (`ps` shows those)."""
    import os

    from inspector.messages import Message
    from inspector.sync.errors import BundleError

    value = os.environ.get(PASSPHRASE_ENV) or click.prompt(
        "passphrase",
        hide_input=True,
        confirmation_prompt=confirm,
        err=True,
        default="",
        show_default=False,
    )
    if not value:
        raise BundleError(Message("no passphrase given"))
    return value


@click.group()
def bundle() -> None:
    """Inspection bundles: move data between laptops and headquarters."""


@bundle.command("export")
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False),
    help="The bundle file to write (FILE.inspbundle).",
)
@click.option(
    "--campaign",
    "campaign_ref",
    help="Write only a campaign kit: the campaign, its form, counties, townships.",
)
@click.option(
    "--passphrase",
    "with_passphrase",
    is_flag=True,
    help="Also let a device that is not a recipient open it with a passphrase, "
    "asked for twice (or taken from env INSPECTOR_BUNDLE_PASSPHRASE); never "
    "given on the command line, where other users and the shell history "
    "would see it.",
)
@click.option(
    "--since-last",
    is_flag=True,
    help="Write only what the receiving device has not acknowledged (a delta).",
)
@click.option(
    "--to",
    "to",
    metavar="DEVICE_ID",
    help="The device a delta is for (default: what every known device holds).",
)
@click.pass_obj
def bundle_export(
    app: AppContext,
    out: str,
    campaign_ref: str | None,
    with_passphrase: bool,
    since_last: bool,
    to: str | None,
) -> None:
    """Write every synced row and attachment (or a campaign kit, or a delta) to a signed,
    encrypted bundle."""
    from pathlib import Path

    from inspector.sync.export import export_bundle

    if not Path(out).name:  # '' or '/': a folder, which the writer would fail on obscurely
        click.echo(safe(f"inspector: --out {out!r} needs a file name (FILE.inspbundle)"), err=True)
        raise SystemExit(1)
    passphrase = _passphrase(confirm=True) if with_passphrase else None
    app.warn_before_writing()
    summary = export_bundle(
        app.db, out, campaign_ref, since_last=since_last, to=to, passphrase=passphrase
    )
    if summary.campaign_id:
        what = f"campaign kit for {summary.campaign_name}"
    elif summary.delta_since is not None:
        peer = f"device {summary.to}" if summary.to else "every known device"
        what = (
            f"delta: what {peer} has not acknowledged"
            if summary.delta_since
            else "delta: no acknowledgement known yet, so everything"
        )
    else:
        what = "everything"
    click.echo(safe(f"{summary.path}: {what}, bundle {summary.bundle_id}"))
    readers = f"{summary.readers} device(s)" + (" and the passphrase" if passphrase else "")
    click.echo(f"  signed by this device; encrypted to {readers}")
    for table, count in summary.tables.items():
        click.echo(f"  {safe(table):<12} {count:>9,} rows")
    click.echo(
        f"  {'total':<12} {summary.rows:>9,} rows, {summary.attachments} attachments "
        f"({summary.attachment_bytes:,} bytes); file {summary.size:,} bytes"
    )
    if summary.left_out:
        parts = ", ".join(f"{n:,} {t}" for t, n in summary.left_out.items())
        click.echo(
            f"  left out: {parts} (versions outside this device's role, or relayed "
            "without their author's signature: no receiver would accept them)"
        )
    for device, (first, last) in summary.blocks_assigned.items():
        click.echo(safe(f"  notice numbers {first}-{last} assigned to device {device}"))
    for warning in summary.warnings:
        click.echo(safe(f"warning: {warning}"), err=True)


@bundle.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Validate and show what would change; write nothing.")
@click.option(
    "--trust-hq",
    "trust",
    metavar="FINGERPRINT",
    help="For a laptop's first kit: the headquarters fingerprint you compared.",
)
@click.option(
    "--passphrase",
    "with_passphrase",
    is_flag=True,
    help="The bundle was sealed with a passphrase: ask for it (or take it from env "
    "INSPECTOR_BUNDLE_PASSPHRASE, which is used even without this option).",
)
@click.pass_obj
def bundle_import(
    app: AppContext, file: str, dry_run: bool, trust: str | None, with_passphrase: bool
) -> None:
    """Validate a bundle, then merge it into the database (one transaction, after a backup)."""
    import os

    from inspector.sync.importer import import_bundle

    passphrase = (
        _passphrase(confirm=False) if with_passphrase else os.environ.get(PASSPHRASE_ENV) or None
    )

    if not dry_run:
        # headquarters may start from a bundle; a refused one must leave the file as it was
        app.allow_create(folders=False).warn_before_writing(record=False)
        db = app.db
    elif app.path.exists():
        db = app.db
    else:  # a dry run into a database not made yet plans against an empty one, creating nothing
        from inspector.store.session import Session

        db = Session.open(":memory:").db
    s = import_bundle(db, file, dry_run=dry_run, trust=trust, passphrase=passphrase)
    role = s.sender.role if s.sender else "?"
    click.echo(
        safe(
            f"{s.file}: from {s.device_name} ({s.device_id}, {role}), made "
            f"{s.created_at}; signature verified"
        )
    )
    for a in s.authors:
        click.echo(
            safe(
                f"  written by {a.name} ({a.device_id}, {a.role}, {a.fingerprint}): "
                f"{a.versions:,} versions"
            )
        )
    if s.roster_updated:
        click.echo(
            f"  roster: serial {s.roster_serial} from headquarters"
            + (" (kept)" if not dry_run else "")
        )
    click.echo(f"  {'table':<12} {'new':>9} {'updated':>9} {'unchanged':>9} {'conflicts':>9}")
    for p in [*s.tables, s.totals]:
        if p.table == "total":
            click.echo("  " + "-" * 52)
        click.echo(
            f"  {safe(p.table):<12} {p.new:>9,} {p.updated:>9,} {p.unchanged:>9,} {p.conflicts:>9,}"
        )
    click.echo(f"  attachments: {s.attachments_new} new, {s.attachments_present} already here")
    total = s.totals
    if total.conflicts:
        click.echo(
            f"conflicts: {total.conflicts} row(s) were edited on both sides; the newer "
            "edit wins and the other version is kept — see 'inspector bundle conflicts'"
        )
    for dup in s.duplicates:
        click.echo(
            safe(
                f"duplicate notice number: {dup['doc_number']} is held by {dup['n']} "
                "notices; renumber one of them"
            )
        )
    if dry_run:
        click.echo("dry run: nothing was written")
    elif not s.changed:
        click.echo("nothing to change: everything in this bundle is already here")
    else:
        if s.backup and s.backup_taken:
            click.echo(safe(f"imported; backup {s.backup}"))
        elif s.backup:
            click.echo(
                safe(
                    f"imported; covered by today's backup {s.backup} (every version it "
                    "replaced is kept in the audit log)"
                )
            )
        else:
            click.echo("imported")


@bundle.command("conflicts")
@click.option("--all", "show_all", is_flag=True, help="Include resolved conflicts.")
@click.pass_obj
def bundle_conflicts(app: AppContext, show_all: bool) -> None:
    """List conflicts: rows edited on two laptops at once, with both versions kept."""
    from inspector.store.conflicts import describe_row, version_label

    found = app.session.conflicts.list(unresolved_only=not show_all)
    if not found:
        click.echo("no unresolved conflicts" if not show_all else "no conflicts")
        return
    for c in found:
        fields = ", ".join(c.differences) or "-"
        state = f"resolved ({c.resolution})" if c.resolved_at else "unresolved"
        kept = (
            f"kept {version_label(app.db, c.winner_version)} over "
            f"{version_label(app.db, c.loser_version)}"
        )
        click.echo(
            "\t".join(
                safe(v)
                for v in (
                    c.id,
                    c.table_name,
                    describe_row(c.table_name, c.winner),
                    kept,
                    f"differs in: {fields}",
                    state,
                )
            )
        )


@bundle.command("resolve")
@click.argument("conflict_id", type=click.IntRange(1, 2**63 - 1))
@click.option(
    "--keep",
    type=click.Choice(["winner", "loser"]),
    required=True,
    help="Which version becomes the current one (a new edit that supersedes both).",
)
@click.pass_obj
def bundle_resolve(app: AppContext, conflict_id: int, keep: str) -> None:
    """Resolve a conflict by keeping one of its two versions."""
    row = app.writing().conflicts.resolve(conflict_id, keep).value
    click.echo(safe(f"conflict {conflict_id} resolved: {keep} kept as version {row['updated_at']}"))
