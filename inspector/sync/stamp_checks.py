"""Refusing bundles whose clock values would harm every laptop they reach.

Run after staging and before anything is written (the staging tables hold
the bundle; the database is untouched). Two kinds of harm:

- A laptop whose clock is wrong by years stamps its edits in the future:
  they would win every later concurrent edit, and `Clock.observe` would drag
  this laptop's clock (and, through it, every other one's) to that year. A
  stamp more than a day ahead of this computer's clock is refused, naming
  the device and its apparent clock.
- A database copied to another laptop keeps its device id: the two then
  make different versions under one id, which the merge takes for one
  device's linear history (no conflict recorded, an edit silently lost) or,
  at the same stamp, for the same version (dumps that never converge). A
  bundle made under this laptop's own id, or holding a version stamped with
  it that this laptop never made, or two contents under one stamp, is
  refused with the way out: a new device identity on the copy.
"""

from __future__ import annotations

from sqlite_utils import Database

from inspector.messages import Message
from inspector.store import settings, stamps
from inspector.store.clock import ahead_limit, day, hlc_device, last_value, parse_hlc, wall_ms, when
from inspector.store.staging import TableShape
from inspector.sync.errors import BundleError
from inspector.sync.format import Manifest, table_member

LAST_EXPORT = "last_export"  # the setting `inspector.sync.export` keeps


def check_stamps(
    db: Database,
    file: str,
    manifest: Manifest,
    shapes: dict[str, TableShape],
    now_ms: int | None = None,
) -> None:
    """Raise BundleError if the staged bundle's clock values must not be merged here."""
    now = wall_ms() if now_ms is None else now_ms
    refuse_own_device(db, file, manifest)
    refuse_ahead(db, file, manifest, now)
    refuse_copied_versions(db, file, shapes)


def _device_label(db: Database, manifest: Manifest, device: str) -> str:
    """`name (id)` when the name is known (from this manifest or an earlier import)."""
    name = (
        manifest.device_name
        if device == manifest.device_id
        else stamps.device_name_seen(db, device)
    )
    return f"{name} ({device})" if name else device


def refuse_ahead(db: Database, file: str, manifest: Manifest, now_ms: int) -> None:
    hit = stamps.staged_ahead(db, ahead_limit(now_ms))
    if hit is None:
        return
    raise BundleError(
        Message(
            "{file}: device {device}'s clock appears to be at {when}, more than a day ahead of "
            "this computer's ({today}); correct that laptop's clock, then export again "
            "({member} line {line}, column {column})",
            file=file,
            device=_device_label(db, manifest, hlc_device(hit.value)),
            when=when(parse_hlc(hit.value)[0]),
            today=day(now_ms),
            member=table_member(hit.table),
            line=hit.line,
            column=hit.column,
        )
    )


def refuse_own_device(db: Database, file: str, manifest: Manifest) -> None:
    """A bundle made under this laptop's device id, other than its own last export."""
    mine = settings.device_id(db)
    if manifest.device_id != mine:
        return
    last = settings.get(db, LAST_EXPORT) or {}
    if last.get("bundle_id") == manifest.bundle_id:
        return  # this laptop's own last bundle, read back: harmless, it changes nothing
    raise BundleError(
        Message(
            "{file} was made under this laptop's own device id {device} (by {name}): one of the "
            "two databases is a copy of the other; on the copy, run 'inspector device new' "
            "(File → New device identity…), then export again",
            file=file,
            device=mine,
            name=manifest.device_name,
        )
    )


def refuse_copied_versions(db: Database, file: str, shapes: dict[str, TableShape]) -> None:
    mine = settings.device_id(db)
    hit = stamps.staged_own_unmade(db, mine, last_value(db))
    if hit is not None:
        raise BundleError(
            Message(
                "{file}: {member} line {line}, column {column}: version {value} carries this "
                "laptop's device id but was never made here: another laptop uses a copy of this "
                "database; on the copy, run 'inspector device new' (File → New device "
                "identity…), then export again; if the copy already has its own id, run it here, "
                "then import again",
                file=file,
                member=table_member(hit.table),
                line=hit.line,
                column=hit.column,
                value=hit.value,
            )
        )
    hit = stamps.staged_collision(db, shapes)
    if hit is not None:
        raise BundleError(
            Message(
                "{file}: {member} line {line}: version {value} differs from the version with the "
                "same stamp here: two databases use the device id {device} (one is a copy of the "
                "other); on the copy, run 'inspector device new' (File → New device identity…), "
                "then export again",
                file=file,
                member=table_member(hit.table),
                line=hit.line,
                value=hit.value,
                device=hlc_device(hit.value),
            )
        )
