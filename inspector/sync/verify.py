"""Who wrote what: checking a bundle's roster, signatures, authors, roles and revocations.

Runs while the rows are read, before anything is written. Each version is
accepted only if its author (the device in its `updated_at`) is enrolled,
the author's role may write it (`sync.roles`), and the author's statement
covers exactly this version: the sender's own statement over its lines, or
a statement of the author relayed whole. For a revoked author that
statement must be one headquarters listed at the revocation as accepted
(`roster.Entry.accepted`), whatever the version's stamp says. The roster used is the newer of the one held and the
one the bundle carries (verified against the pinned headquarters key), so an
old bundle cannot bring back a revoked device.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlite_utils import Database

from inspector.messages import Message
from inspector.store import devices
from inspector.store.domains import CLOCK, shown
from inspector.sync import roster as rosters
from inspector.sync.canonical import line_hash
from inspector.sync.errors import BundleError, TrustError
from inspector.sync.format import MAX_SIGNATURE_BYTES, MAX_TABLE_BYTES, ROSTER, SIGNATURE
from inspector.sync.roles import refusal
from inspector.sync.signing import (
    HASH_BYTES,
    Statement,
    statement_digest,
    verify_manifest,
)

if TYPE_CHECKING:
    from inspector.sync.reader import Bundle

MAX_ROSTER = 16 * 1024 * 1024


class FirstHeadquarters(BundleError):
    """The first bundle from headquarters: a person must compare the fingerprint first."""

    def __init__(self, message: Message, name: str, fingerprint: str):
        super().__init__(message)
        self.name = name
        self.fingerprint = fingerprint


class Verifier:
    """The trust checks of one bundle; `row` for each line read, `finish` after the last."""

    def __init__(self, db: Database, bundle: Bundle, trust: str | None = None):
        self.file = bundle.name
        self.sender = bundle.manifest.device_id
        self.roster, self.new_roster = self._roster(db, bundle, trust)
        entry = self.roster.devices.get(self.sender)
        if entry is None:
            raise BundleError(
                Message(
                    "{file}: sent by device {device}, which headquarters has "
                    "not enrolled; it is not imported",
                    file=self.file,
                    device=self.sender,
                )
            )
        self.sender_entry = entry
        self._check_manifest_signature(bundle)
        self.covered: dict[bytes, str] = {}
        self.standing: dict[bytes, bool] = {}  # covered by a statement a revocation spares
        self.statements: list[Statement] = []
        for st_entry in bundle.manifest.statements:
            if st_entry.file is not None:
                self._relayed(
                    bundle,
                    st_entry.id,
                    st_entry.author,
                    st_entry.signature,
                    st_entry.versions,
                    st_entry.file,
                )
        self.known = {
            h
            for _id, _a, _s, hashes in devices.statements(db)
            for h in (hashes[i : i + HASH_BYTES] for i in range(0, len(hashes), HASH_BYTES))
        }
        self.own: list[bytes] = []
        self.seen: dict[str, list[int]] = {}
        self.authors: dict[str, int] = {}

    # --- before the rows ---------------------------------------------------------------

    def _roster(
        self, db: Database, bundle: Bundle, trust: str | None
    ) -> tuple[rosters.Roster, rosters.Roster | None]:
        held = rosters.current(db)
        newer = None
        if ROSTER in bundle.members:
            try:
                doc = json.loads(b"".join(bundle.chunks(ROSTER, MAX_ROSTER)).decode("utf-8"))
                if not isinstance(doc, dict):
                    raise ValueError("not an object")
                newer = rosters.examine(db, doc, trust)
            except rosters.UntrustedAuthority as exc:
                raise FirstHeadquarters(
                    Message("{file}: {detail}", file=self.file, detail=exc.messages[0]),
                    exc.name,
                    exc.fingerprint,
                ) from None
            except TrustError as exc:
                raise BundleError(
                    Message("{file}: roster.json: {detail}", file=self.file, detail=exc.messages[0])
                ) from None
            except (UnicodeDecodeError, ValueError):
                raise BundleError(
                    Message("{file}: roster.json is not valid JSON", file=self.file)
                ) from None
        roster = newer or held
        if roster is None:
            raise BundleError(
                Message(
                    "{file}: this device holds no roster and the bundle "
                    "carries none, so nothing in it can be verified; import "
                    "a campaign kit from headquarters first",
                    file=self.file,
                )
            )
        return roster, newer

    def _check_manifest_signature(self, bundle: Bundle) -> None:
        bad = BundleError(
            Message(
                "{file}: the bundle's signature does not match its sender "
                "{name} ({device}): damaged or altered",
                file=self.file,
                name=self.sender_entry.name,
                device=self.sender,
            )
        )
        if SIGNATURE not in bundle.members:
            raise BundleError(
                Message(
                    "{file}: signature.json is missing: the bundle is not signed", file=self.file
                )
            )
        try:
            sig = json.loads(b"".join(bundle.chunks(SIGNATURE, MAX_SIGNATURE_BYTES)))
        except (UnicodeDecodeError, ValueError):
            raise bad from None
        if (
            not isinstance(sig, dict)
            or sig.get("device_id") != self.sender
            or not isinstance(sig.get("signature"), str)
            or not verify_manifest(
                self.sender_entry.signing_key, sig["signature"], bundle.manifest_bytes
            )
        ):
            raise bad

    def _relayed(
        self, bundle: Bundle, sid: str, author: str, signature: str, versions: int, file: str
    ) -> None:
        entry = self.roster.devices.get(author)
        if entry is None:
            raise BundleError(
                Message(
                    "{file}: relays versions of device {device}, which "
                    "headquarters has not enrolled",
                    file=self.file,
                    device=author,
                )
            )
        hashes = b"".join(bundle.chunks(file, MAX_TABLE_BYTES))
        st = Statement(sid, author, signature, hashes)
        if len(hashes) != versions * HASH_BYTES or not any(
            st.verify(key) for key in entry.signing_keys
        ):
            raise BundleError(
                Message(
                    "{file}: {member}: the statement of {name} ({device}) "
                    "does not match its signature (altered)",
                    file=self.file,
                    member=file,
                    name=entry.name,
                    device=author,
                )
            )
        self.statements.append(st)
        standing = entry.stands(statement_digest(st))
        for h in st.hash_list():
            if self.covered.get(h) != author or standing:
                self.covered[h] = author
                self.standing[h] = standing

    # --- each row ----------------------------------------------------------------------

    def row(self, table: str, row: dict[str, Any], line: bytes, line_no: int, member: str) -> None:
        h = line_hash(line)
        stamp: Any = row.get("updated_at")
        if not CLOCK.accepts(stamp):  # as staging would say it; the stamp names the author
            raise BundleError(
                Message(
                    "{file}: {detail}",
                    file=self.file,
                    detail=(
                        f"{member} line {line_no}: {table} row {shown(row.get('id'))}: column "
                        f"updated_at {shown(stamp)} is not {CLOCK.describe()}"
                    ),
                )
            )
        author: str = stamp[19:]  # accepted above: `{ms:013d}-{counter:04x}-{device}`
        if author == self.sender:
            self.own.append(h)
        elif self.covered.get(h) != author:
            raise BundleError(
                Message(
                    "{file}: {member} line {line}: {table} row {id} says it "
                    "was written by device {device}, but no signature of "
                    "that device covers this version (forged or altered)",
                    file=self.file,
                    member=member,
                    line=line_no,
                    table=table,
                    id=_short(row.get("id")),
                    device=author,
                )
            )
        entry = self.roster.devices.get(author)
        if entry is None:
            raise BundleError(
                Message(
                    "{file}: {member} line {line}: {table} row {id} was "
                    "written by device {device}, which headquarters has not "
                    "enrolled",
                    file=self.file,
                    member=member,
                    line=line_no,
                    table=table,
                    id=_short(row.get("id")),
                    device=author,
                )
            )
        if author != self.sender and not self.standing.get(h, True):
            raise BundleError(
                Message(
                    "{file}: {member} line {line}: {table} row {id} was "
                    "written by {name} ({device}), which headquarters "
                    "revoked, and is not among the versions headquarters had "
                    "accepted from it before",
                    file=self.file,
                    member=member,
                    line=line_no,
                    table=table,
                    id=_short(row.get("id")),
                    name=entry.name,
                    device=author,
                )
            )
        if type(stamp) is str and entry.revoked_for(stamp):
            raise BundleError(
                Message(
                    "{file}: {member} line {line}: {table} row {id} was "
                    "stamped by {name} ({device}) after headquarters revoked "
                    "that device",
                    file=self.file,
                    member=member,
                    line=line_no,
                    table=table,
                    id=_short(row.get("id")),
                    name=entry.name,
                    device=author,
                )
            )
        why = refusal(entry.role, table, row)
        if why:
            raise BundleError(
                Message(
                    "{file}: {member} line {line}: device {name} ({device}), "
                    "role {role}, may not write {table} row {id}: {why}",
                    file=self.file,
                    member=member,
                    line=line_no,
                    name=entry.name,
                    device=author,
                    role=entry.role,
                    table=table,
                    id=_short(row.get("id")),
                    why=why,
                )
            )
        self.authors[author] = self.authors.get(author, 0) + 1
        if h in self.known:
            self.seen.setdefault(table, []).append(line_no)

    def finish(self, bundle: Bundle) -> None:
        """The sender's own statement must cover exactly the sender's lines, in order."""
        entry = next(st for st in bundle.manifest.statements if st.file is None)
        own = Statement(entry.id, self.sender, entry.signature, b"".join(self.own))
        if entry.versions != len(self.own) or not own.verify(self.sender_entry.signing_key):
            raise BundleError(
                Message(
                    "{file}: the rows of {name} ({device}) do not match its "
                    "signature: changed after signing",
                    file=self.file,
                    name=self.sender_entry.name,
                    device=self.sender,
                )
            )
        if own.versions and not self.sender_entry.stands(statement_digest(own)):
            raise BundleError(
                Message(
                    "{file}: sent by {name} ({device}), which headquarters "
                    "revoked; its versions are imported only as headquarters "
                    "had accepted them before the revocation, not in a bundle "
                    "made since or never delivered",
                    file=self.file,
                    name=self.sender_entry.name,
                    device=self.sender,
                )
            )
        self.statements.append(own)

    def names(self) -> list[dict[str, Any]]:
        """The roster's devices for the merge's audit names."""
        return [
            {"device_id": e.device_id, "name": e.name, "role": e.role}
            for e in self.roster.devices.values()
        ]


def _short(value: Any) -> str:
    return str(value)[:60]
