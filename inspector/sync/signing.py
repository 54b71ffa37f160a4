"""Signatures that survive relaying: per-author statements over version hashes.

Every row version in a bundle is covered by a statement of the device that
authored it (the device in its `updated_at`): the author's Ed25519
signature over the sha256 of the list of its version hashes (the sha256
of each canonical bundle line, `sync.canonical`). The exporter's own
statement carries no list: the verifier rebuilds it from the exporter's
lines, in file order, so a bundle of one's own work costs one signature and
no bytes per row. A device that relays another's versions carries that
author's statements whole (`statements/<id>.bin`, 32 bytes a version), as
it received them; it cannot make or change one, so it cannot forge, alter
or re-attribute another device's rows. Why this construction and what it
costs: docs/design-notes.md, "Signatures".
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from inspector.store.domains import Clock
from inspector.sync.canonical import signed_bytes
from inspector.sync.keys import DeviceKeys, verify

STATEMENT = "inspector-statement"
MANIFEST_SIGNATURE = "inspector-bundle-manifest"
HASH_BYTES = 32
_CLOCK = Clock()  # the store's own domain: what it refuses is refused there, by name


@dataclass(frozen=True)
class Statement:
    id: str
    author: str
    signature: str
    hashes: bytes  # the version hashes, HASH_BYTES each, concatenated

    @property
    def versions(self) -> int:
        return len(self.hashes) // HASH_BYTES

    def body(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "author": self.author,
            "versions": self.versions,
            "hashes_sha256": hashlib.sha256(self.hashes).hexdigest(),
        }

    def verify(self, signing_key: str) -> bool:
        return len(self.hashes) % HASH_BYTES == 0 and verify(
            signing_key, self.signature, signed_bytes(STATEMENT, self.body())
        )

    def hash_list(self) -> list[bytes]:
        h = self.hashes
        return [h[i : i + HASH_BYTES] for i in range(0, len(h), HASH_BYTES)]


def statement_digest(st: Statement) -> str:
    """The sha256 of exactly what the author signed: how a roster names a statement."""
    return hashlib.sha256(signed_bytes(STATEMENT, st.body())).hexdigest()


def sign_statement(keys: DeviceKeys, hashes: bytes) -> Statement:
    draft = Statement(str(uuid.uuid4()), keys.device_id, "", hashes)
    return Statement(
        draft.id, draft.author, keys.sign(signed_bytes(STATEMENT, draft.body())), hashes
    )


def sign_manifest(keys: DeviceKeys, manifest: bytes) -> str:
    return keys.sign(MANIFEST_SIGNATURE.encode() + b"\x00" + manifest)


def verify_manifest(signing_key: str, signature: str, manifest: bytes) -> bool:
    return verify(signing_key, signature, MANIFEST_SIGNATURE.encode() + b"\x00" + manifest)


def author_of(updated_at: Any, sender: str) -> str:
    """The device a version names as its author; the sender's for a malformed stamp.

    A row whose stamp is not a clock value is refused by the row checks
    anyway; counting it as the sender's keeps the sender answerable for it.
    """
    if type(updated_at) is str and _CLOCK.ok(updated_at):
        return updated_at[19:]  # after `{ms:013d}-{counter:04x}-`
    return sender


class RelayIndex:
    """The statements this device holds, found by the version hashes they cover."""

    def __init__(self, statements: Iterable[Statement]):
        self.statements: dict[str, Statement] = {}
        self.by_hash: dict[bytes, str] = {}
        for st in statements:
            self.statements[st.id] = st
            for h in st.hash_list():
                self.by_hash.setdefault(h, st.id)

    def covering(self, version_hash: bytes, author: str) -> str | None:
        sid = self.by_hash.get(version_hash)
        if sid is None or self.statements[sid].author != author:
            return None
        return sid
