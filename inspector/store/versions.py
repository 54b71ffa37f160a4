"""Version vectors: what this database holds of each author, and what each peer acknowledged.

A vector maps an author device id to an `updated_at` stamp of that author.
`have[X] = v` promises: every version X ever wrote with a stamp up to `v` is
here, or a newer version of the same row is. A delta bundle for a peer then
needs only the rows whose current version is newer than the peer's vector
for its author (`snapshot.delta_selection`). The promise is kept by raising
`have` only from bundles that carry complete per-author prefixes (see
docs/design-notes.md, "Delta bundles"), and this device's own entry is its
clock, which stamps every row it writes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from sqlite_utils import Database

from inspector.store import settings
from inspector.store.clock import format_hlc, last_stamp, parse_hlc

Vector = dict[str, str]


def have_vector(db: Database) -> Vector:
    """What this database holds, per author: the stored entries and this device's clock."""
    have = dict(db.execute("SELECT author, version FROM have_vector").fetchall())
    last = last_stamp(db)
    if last:
        # Re-stamped with this device's id: a database file copied from another
        # device carries that device's clock value, not a stamp of its own.
        ms, counter, _ = parse_hlc(last)
        device = settings.device_id(db)
        have[device] = format_hlc(ms, counter, device)
    return have


def covers(have: Mapping[str, str], base: Mapping[str, str]) -> bool:
    """Whether `have` holds at least everything `base` promises (every author, no less)."""
    return all(author in have and have[author] >= version for author, version in base.items())


def raise_have(db: Database, vector: Mapping[str, str]) -> None:
    """Raise the stored entries to `vector` where it is higher (never this device's own)."""
    own = settings.device_id(db)
    db.conn.executemany(
        "INSERT INTO have_vector(author, version) VALUES (?, ?) ON CONFLICT(author) DO "
        "UPDATE SET version = excluded.version WHERE excluded.version > have_vector.version",
        [(a, v) for a, v in vector.items() if a != own],
    )


def record_ack(db: Database, peer: str, name: str, vector: Mapping[str, str]) -> None:
    """Remember `vector` as what `peer` holds, replacing what it said before.

    Replaced, not raised: a peer restored from a backup holds less than it
    once said, and the next delta for it must carry what it lost.
    """
    db.execute("DELETE FROM peer_acks WHERE peer = ?", [peer])
    db.conn.executemany(
        "INSERT INTO peer_acks(peer, author, version) VALUES (?, ?, ?)",
        [(peer, a, v) for a, v in vector.items()],
    )
    db.execute(
        "INSERT INTO peers(peer, name, acked_at) VALUES (?, ?, ?) ON CONFLICT(peer) "
        "DO UPDATE SET name = excluded.name, acked_at = excluded.acked_at",
        [peer, name, dt.datetime.now().isoformat(timespec="seconds")],
    )


def peer_ack(db: Database, peer: str) -> Vector | None:
    """What `peer` acknowledged, or None if no bundle of it was ever imported here."""
    if db.execute("SELECT 1 FROM peers WHERE peer = ?", [peer]).fetchone() is None:
        return None
    return dict(
        db.execute("SELECT author, version FROM peer_acks WHERE peer = ?", [peer]).fetchall()
    )


def known_peers(db: Database) -> list[dict[str, str]]:
    """Every peer whose bundle was imported here: id, name and when, newest first."""
    return [
        {"peer": r[0], "name": r[1], "acked_at": r[2]}
        for r in db.execute(
            "SELECT peer, name, acked_at FROM peers ORDER BY acked_at DESC, peer"
        ).fetchall()
    ]


def common_ack(vectors: Iterable[Mapping[str, str]]) -> Vector:
    """The per-author minimum: what every one of these peers holds (an author one lacks is out)."""
    result: Vector | None = None
    for vector in vectors:
        if result is None:
            result = dict(vector)
            continue
        result = {a: min(v, vector[a]) for a, v in result.items() if a in vector}
    return result or {}


def all_peers_ack(db: Database) -> Vector:
    """What every known peer holds: the default base of a delta when no peer is named."""
    return common_ack(peer_ack(db, p["peer"]) or {} for p in known_peers(db))
