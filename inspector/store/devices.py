"""The roster of enrolled devices and the signed statements kept for relaying (local tables).

The roster's authority is the document headquarters signs (`sync.roster`);
this table is its copy in a form SQL can join, so that an import can name
each version's authoring device in the audit log. Statements are the
per-author signatures over version hashes received in bundles; a device
carries them along when it relays those versions (docs/design-notes.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlite_utils import Database

from inspector.messages import Message, MessageError
from inspector.store import settings
from inspector.store.db import temp_transaction

_COLUMNS = (
    "device_id",
    "name",
    "role",
    "signing_key",
    "encryption_key",
    "enrolled_at",
    "revoked_at",
)
TRUSTED = "trusted_devices"
_ACCEPTED = "accepted_statements:"


class RoleError(MessageError):
    """A change this device's role may not make (headquarters would refuse it)."""


def own_role(db: Database) -> str | None:
    """This device's role in the roster it holds; None if it is not enrolled (or revoked)."""
    row = db.execute(
        "SELECT r.role FROM roster_devices r JOIN settings s "
        "ON s.key = 'device_id' AND json(s.value) = json_quote(r.device_id) "
        "WHERE r.revoked_at IS NULL"
    ).fetchone()
    return row[0] if row else None


def require_hq_for_closed_problems(db: Database) -> None:
    """销号 is headquarters' (docs/design-notes.md, "Roles"): an inspector laptop may not
    close a problem, nor edit one already closed."""
    if own_role(db) == "inspector":
        raise RoleError(
            Message(
                "only headquarters closes a problem (销号) or changes a closed "
                "one; this laptop is enrolled as an inspector"
            )
        )


def replace_roster(db: Database, devices: list[dict[str, Any]]) -> None:
    """The roster table becomes exactly `devices` (call inside the caller's transaction)."""
    db.execute("DELETE FROM roster_devices")
    db.conn.executemany(
        f"INSERT INTO roster_devices ({', '.join(_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(_COLUMNS))})",
        [tuple(d.get(c) for c in _COLUMNS) for d in devices],
    )


def roster(db: Database) -> list[dict[str, Any]]:
    return [
        dict(r)
        for r in db.query("SELECT * FROM roster_devices ORDER BY role, enrolled_at, device_id")
    ]


def save_statement(
    db: Database, statement_id: str, author: str, signature: str, hashes: bytes, received_at: str
) -> None:
    """Keep a statement once (the same statement arriving again changes nothing)."""
    db.execute(
        "INSERT OR IGNORE INTO statements (id, author, signature, hashes, received_at) "
        "VALUES (?, ?, ?, ?, ?)",
        [statement_id, author, signature, hashes, received_at],
    )


def note_accepted(db: Database, digests: dict[str, set[str]]) -> None:
    """Remember, per author, the digests of the statements this installation accepted.

    Kept by headquarters (one 64-character digest a bundle, in the settings)
    for the revocation, which lists them in the roster; a statement is noted
    even when every version it covers was held already, because a laptop
    may relay exactly that statement.
    """
    for author, found in digests.items():
        key = _ACCEPTED + author
        held = set(settings.get(db, key, []))
        if not found <= held:
            settings.put(db, key, sorted(held | found))


def accepted(db: Database, author: str) -> set[str]:
    return set(settings.get(db, _ACCEPTED + author, []))


def statements(db: Database) -> Iterator[tuple[str, str, str, bytes]]:
    """(id, author, signature, hashes) of every statement kept, the newest first.

    Newest first because a relay takes, for each version, the first statement
    that covers it: the newest statement of a full bundle covers every
    version its author had then, so relaying picks it for all of them
    instead of one older statement more for each bundle received.
    """
    for row in db.execute(
        "SELECT id, author, signature, hashes FROM statements ORDER BY rowid DESC"
    ):
        yield row[0], row[1], row[2], bytes(row[3])


def campaigns_of(db: Database, inspections: set[str], owners: set[tuple[str, str]]) -> set[str]:
    """The campaigns of some inspections and of the rows some attachments belong to.

    An export seals a bundle to the laptops of the campaigns it carries; an
    answer or a photo names its campaign only through its inspection or its
    owner row.
    """
    ids: dict[str, set[str]] = {
        "inspections": set(inspections),
        "problems": set(),
        "notices": set(),
    }
    for table, row_id in owners:
        ids[table].add(row_id)
    found: set[str] = set()
    for table, wanted in ids.items():
        listed = sorted(wanted)
        for start in range(0, len(listed), 500):
            part = listed[start : start + 500]
            found.update(
                r[0]
                for r in db.execute(
                    f"SELECT DISTINCT campaign_id FROM [{table}] WHERE campaign_id IS NOT NULL "
                    f"AND id IN ({', '.join('?' * len(part))})",
                    part,
                )
            )
    return found


def stage_trusted(db: Database, devices: list[dict[str, Any]]) -> None:
    """The roster an import verifies with, in a temporary table the merge joins for names."""
    with temp_transaction(db):  # an INSERT outside a transaction opens one nobody commits
        db.execute(f"DROP TABLE IF EXISTS temp.[{TRUSTED}]")
        db.execute(
            f"CREATE TEMP TABLE [{TRUSTED}] (device_id TEXT PRIMARY KEY, name TEXT, role TEXT)"
        )
        db.conn.executemany(
            f"INSERT INTO temp.[{TRUSTED}] VALUES (?, ?, ?)",
            [(d["device_id"], d["name"], d["role"]) for d in devices],
        )


def drop_trusted(db: Database) -> None:
    db.execute(f"DROP TABLE IF EXISTS temp.[{TRUSTED}]")
