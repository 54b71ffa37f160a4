"""This installation's identity: its device id, and the machine it was last used on.

Every stamp ends with the device id, and the merge takes one device's
versions for one linear history. A database file copied to a second laptop
keeps the id, so the two laptops' edits would overwrite each other with no
conflict recorded. A fingerprint of the machine and the database's place on
it (hostname, system, machine id when readable, the resolved folder and
file name; never the file's contents or inode) is kept beside the id: when
it no longer matches, the database was copied or moved, or the laptop was
renamed, and the user decides which (`new_identity` or `confirm_same`).
"""

from __future__ import annotations

import hashlib
import os
import platform
import secrets
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from inspector.messages import Message
from inspector.store import settings
from inspector.store.db import database_file

FINGERPRINT = "device_fingerprint"
PREVIOUS_IDS = "previous_device_ids"
# The clock's value when this file was first found on another machine or folder: the
# versions under the old id stamped after it were made here, on the copy.
COPY_SEEN_AFTER = "copy_seen_after"
_MACHINE_ID_FILES = ("/etc/machine-id", "/var/lib/dbus/machine-id")

SAME, RECORDED, CHANGED, IN_MEMORY = "same", "recorded", "changed", "in memory"


def machine_id() -> str:
    """The operating system's id of this machine, or "" where none can be read."""
    for name in _MACHINE_ID_FILES:
        try:
            return Path(name).read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            continue
    if sys.platform == "win32":
        try:
            import winreg

            with winreg.OpenKey(
                winreg.HKEY_LOCAL_MACHINE, r"SOFTWARE\Microsoft\Cryptography"
            ) as key:
                return str(winreg.QueryValueEx(key, "MachineGuid")[0])
        except OSError:
            return ""
    return ""


def fingerprint(db_file: str) -> str:
    """A hash of this machine and of where the database lives on it.

    Only the folder is resolved (the file itself is named, never opened or
    stat'ed outside SQLite: closing a descriptor of the live file would drop
    SQLite's locks).
    """
    path = Path(db_file)
    place = os.path.join(os.path.realpath(path.parent), path.name)
    parts = (platform.node(), platform.system(), machine_id(), place)
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class Identity:
    device_id: str
    device_name: str
    fingerprint: str  # SAME, RECORDED (first time), CHANGED, or IN_MEMORY
    previous_ids: tuple[str, ...] = ()


def identity(db: Database, *, record: bool = True) -> Identity:
    """The device id and name, and whether this is still the machine they were made on.

    With `record`, a database that has no fingerprint yet (new, or made
    before fingerprints were kept) records this machine's, once.
    """
    device, name = settings.device_id(db), settings.device_name(db)
    previous = tuple(settings.get(db, PREVIOUS_IDS) or ())
    path = database_file(db)
    if not path:
        return Identity(device, name, IN_MEMORY, previous)
    here = fingerprint(path)
    stored = settings.get(db, FINGERPRINT)
    if stored == here:
        state = SAME
    elif stored:
        state = CHANGED
        if record and settings.get(db, COPY_SEEN_AFTER) is None:
            from inspector.store.clock import last_value

            with db.atomic():
                settings.put(db, COPY_SEEN_AFTER, last_value(db) or "")
    else:
        state = RECORDED
        if record:
            with db.atomic():
                settings.put(db, FINGERPRINT, here)
    return Identity(device, name, state, previous)


def copy_warning(db: Database, *, record: bool = True) -> Message | None:
    """What to tell the user when the database was copied or moved (None if it was not)."""
    found = identity(db, record=record)
    if found.fingerprint != CHANGED:
        return None
    return Message(
        "this database was last used on another computer or in another folder (device "
        "{name}, id {device}): if it is a copy, give it its own identity with 'inspector "
        "device new' before editing; if it is the same laptop, renamed or moved, confirm "
        "with 'inspector device same'",
        name=found.device_name,
        device=found.device_id,
    )


def confirm_same(db: Database) -> None:
    """The user says this is the same laptop (renamed, or the file moved): trust it again."""
    path = database_file(db)
    if path:
        with db.atomic():
            settings.put(db, FINGERPRINT, fingerprint(path))
            db.execute("DELETE FROM settings WHERE key = ?", [COPY_SEEN_AFTER])


@dataclass(frozen=True)
class NewIdentity:
    old_id: str
    new_id: str
    notice_block: tuple[int, int | None]
    restamped: int = 0  # edits made on the copy before it got its own id, now under the new


def new_identity(db: Database, name: str | None = None) -> NewIdentity:
    """A fresh device id for this database (a copy), keeping every row as it is.

    Rows stamped with the old id before the copy was noticed stay so: they
    are the original device's versions, and the merge treats them as that
    device's. Versions under the old id stamped after the copy was noticed
    (the user edited before choosing) were made here: left under the old id
    they would merge with the original's own later edits as one history and
    one of the two would vanish without a conflict, so they become versions
    of the new id, keeping their base. New edits carry the new id; the clock
    keeps its last value, so they still sort after everything seen here.
    """
    old = settings.device_id(db)
    new = secrets.token_hex(8)
    with db.atomic():
        previous = list(settings.get(db, PREVIOUS_IDS) or [])
        settings.put(db, PREVIOUS_IDS, [*previous, old])
        settings.put(db, "device_id", new)
        if name:
            settings.put(db, "device_name", name)
        path = database_file(db)
        if path:
            settings.put(db, FINGERPRINT, fingerprint(path))
        seen_after = settings.get(db, COPY_SEEN_AFTER)
        restamped = 0 if seen_after is None else _claim_copy_edits(db, old, seen_after)
        db.execute("DELETE FROM settings WHERE key = ?", [COPY_SEEN_AFTER])
    start = int(settings.get(db, "notice_block_start") or 1)
    end = settings.get(db, "notice_block_end")
    return NewIdentity(old, new, (start, int(end) if end else None), restamped)


def _claim_copy_edits(db: Database, old: str, seen_after: str) -> int:
    """Give the versions `old` made on this copy (stamped after `seen_after`) new-id stamps."""
    from inspector.store.clock import Clock
    from inspector.store.rows import audit
    from inspector.store.schema import SYNCED_TABLES

    clock = Clock(db)
    who = settings.who(db)
    total = 0
    for table in SYNCED_TABLES:
        rows = db.execute(
            f"SELECT id, updated_at FROM [{table}] WHERE updated_at > ? "
            "AND substr(updated_at, 20) = ? ORDER BY updated_at, id",
            [seen_after, old],
        ).fetchall()
        for (row_id, was), stamp in zip(rows, clock.tick_many(len(rows)), strict=True):
            db.execute(f"UPDATE [{table}] SET updated_at = ? WHERE id = ?", [stamp, row_id])
            audit(
                db, stamp, who, table, row_id, "update", {"updated_at": was}, {"updated_at": stamp}
            )
        total += len(rows)
    return total


def clock_before_restore(db: Database) -> str | None:
    """The clock's last value, read before a backup replaces the database's content."""
    from inspector.store.clock import last_value

    try:
        return last_value(db)
    except sqlite3.Error:  # a damaged database being replaced: its clock is lost with it
        return None


def after_restore(db: Database, clock_before: str | None) -> None:
    """A restored backup is a copy of the database's former self: a new id, the clock kept.

    The versions made after the backup live on in bundles already sent; made
    under the same id, the restored database's next edits would merge with
    them as one device's history (an edit lost with no conflict) and could
    even reuse their stamps. So the clock keeps the later of the two last
    values, and the database gets a new device identity.
    """
    from inspector.store.clock import last_value, reset_last

    restored = last_value(db)
    with db.atomic():
        if clock_before and (not restored or clock_before[:18] > restored[:18]):
            reset_last(db, clock_before)
        if settings.get(db, "device_id"):
            new_identity(db)


def startup_warnings(db: Database, *, record: bool = True) -> list[Message]:
    """What to tell the user on opening the database to write: a wrong clock, a copy."""
    from inspector.store.clock import behind_warning

    found = [behind_warning(db), copy_warning(db, record=record)]
    return [m for m in found if m is not None]
