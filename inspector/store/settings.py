"""Local settings and this device's identity (never synced)."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

from inspector.messages import Message, MessageError
from inspector.terminal import control_characters

if TYPE_CHECKING:  # kept off the start-up path: `peek` runs before sqlite-utils is loaded
    from sqlite_utils import Database

DEFAULTS: dict[str, Any] = {
    "inspector_name": "",
    "device_name": "",
    "notice_prefix": "舟组督",
    "notice_block_start": 1,
    "notice_block_end": None,
    "issuing_body": "中共舟山市委组织部",
    "contact": "",
    "default_deadline_days": 30,
    "language": "",
    "keep_original_photos": False,
}


# Names printed in bundles, reports and on terminals: no control or bidi characters.
NAME_KEYS = ("inspector_name", "device_name", "notice_prefix", "issuing_body", "contact")


class SettingError(MessageError, ValueError):
    """A setting value that would travel in bundles and reports and break them."""


def check(key: str, value: Any) -> None:
    """Refuse a name holding control characters (an escape sequence, a CR, a bidi override)."""
    if key in NAME_KEYS and isinstance(value, str):
        found = control_characters(value)
        if found:
            raise SettingError(
                Message(
                    "the setting {key} holds control characters ({chars}); "
                    "type it again without them",
                    key=key,
                    chars=" ".join(found),
                )
            )


def get(db: Database, key: str, default: Any = None) -> Any:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is None or row[0] is None:
        return DEFAULTS.get(key, default) if default is None else default
    return json.loads(row[0])


def put(db: Database, key: str, value: Any) -> None:
    check(key, value)
    db.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, _encoded(value)],
    )


def put_if_changed(db: Database, key: str, value: Any) -> bool:
    """`put`, unless the value is stored already: then False, and no write lock taken.

    The window remembers the campaign shown each time it fills itself; waiting on
    another program's import for that unchanged write stalled the fill for the busy
    timeout and then failed it. (The clock's own writes always change the value and
    go through `put`.)"""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    if row is not None and row[0] == _encoded(value):
        return False
    put(db, key, value)
    return True


def _encoded(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def all_settings(db: Database) -> dict[str, Any]:
    values = dict(DEFAULTS)
    for key, value in db.execute("SELECT key, value FROM settings").fetchall():
        values[key] = json.loads(value) if value is not None else None
    return values


def device_id(db: Database) -> str:
    """This installation's id, made on first use; the tie-breaker in every clock value."""
    value = get(db, "device_id")
    if not value:
        # Imported here, once per installation: `secrets` loads hashlib and hmac, and
        # this module is read before the window's first paint.
        import platform
        import secrets

        value = secrets.token_hex(8)
        with db.atomic():
            put(db, "device_id", value)
            if not get(db, "device_name"):
                put(db, "device_name", platform.node() or "laptop")
    return str(value)


def device_name(db: Database) -> str:
    device_id(db)
    return get(db, "device_name") or "laptop"


def who(db: Database) -> str:
    """The name written into the audit log: the inspector, else the device."""
    return get(db, "inspector_name") or device_name(db)


def identity(db: Database) -> tuple[str, str]:
    """(`who`, `device_id`) in one read: what every audited edit stamps, on each key press."""
    found = dict(
        db.execute(
            "SELECT key, value FROM settings "
            "WHERE key IN ('inspector_name', 'device_name', 'device_id')"
        ).fetchall()
    )

    def value(key: str) -> Any:
        raw = found.get(key)
        return DEFAULTS.get(key) if raw is None else json.loads(raw)

    device = value("device_id")
    if not device:  # the first edit of a new database: `device_id` makes it
        device = device_id(db)
        return who(db), device
    return value("inspector_name") or value("device_name") or "laptop", str(device)


def peek(path: Path, keys: tuple[str, ...]) -> dict[str, Any]:
    """Settings read before the database is opened, so the window can paint first.

    Read-only and best effort: a missing, new or unreadable file gives what
    could be read (often nothing); opening the database for real reports
    what is wrong with it.
    """
    if not path.is_file():
        return {}
    marks = ", ".join("?" for _ in keys)
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            rows = db.execute(
                f"SELECT key, value FROM settings WHERE key IN ({marks})", keys
            ).fetchall()
        return {key: json.loads(value) for key, value in rows if value is not None}
    except (sqlite3.Error, ValueError):
        return {}
