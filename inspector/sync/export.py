"""Writing a bundle: every synced row (tombstones too) and the attachment bytes, or a delta;
signed and sealed.

The inner bundle (format 2) is signed (this device's statement over its own
versions, the statements of the authors whose versions it relays, the
manifest) and encrypted to the roster's devices (`sync.envelope`). Versions
no receiver would accept are left out and counted: this device's own
versions outside its role, and others' versions without their author's
statement.

A delta (`since_last`) carries only the rows a peer has not acknowledged
(`snapshot.delta_selection` of the peer's vector, `store.versions`); every
bundle's manifest carries the sender's own vector, read in the same snapshot
as the rows, so that what it promises is exactly what was read.

The bundle is written to a temporary file beside the target and renamed
into place at the end, so a crash or a Cancel never leaves half a bundle
under the name the user chose. All tables are read in one read transaction:
a consistent snapshot even while the window keeps writing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
import tempfile
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector import __version__
from inspector.messages import Message
from inspector.progress import NO_PROGRESS, Progress
from inspector.store import devices, settings, snapshot, versions
from inspector.store.attachments import blob_path, has_blob
from inspector.store.catalog import find_campaign
from inspector.store.schema import ADDED_COLUMNS, SYNCED_TABLES
from inspector.sync import roster as rosters
from inspector.sync.budget import Budget, check_line, check_table
from inspector.sync.canonical import canonical, line_hash
from inspector.sync.envelope import seal
from inspector.sync.errors import BundleError
from inspector.sync.format import (
    MANIFEST,
    ROSTER,
    SIGNATURE,
    SUFFIX,
    AttachmentEntry,
    Manifest,
    StatementEntry,
    TableEntry,
    attachment_member,
    parse_manifest,
    statement_member,
    table_member,
)
from inspector.sync.keys import DeviceKeys, device_keys
from inspector.sync.roles import refusal
from inspector.sync.signing import (
    RelayIndex,
    Statement,
    sign_manifest,
    sign_statement,
    statement_digest,
)

LAST_EXPORT = "last_export"
_BATCH = 5000


@dataclass
class ExportSummary:
    path: Path
    bundle_id: str
    campaign_id: str | None
    campaign_name: str | None
    tables: dict[str, int] = field(default_factory=dict)
    attachments: int = 0
    attachment_bytes: int = 0
    size: int = 0
    delta_since: dict[str, str] | None = None
    to: str | None = None
    warnings: list[Message] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)
    relayed_statements: int = 0
    readers: int = 0
    blocks_assigned: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


class _Signer:
    """Decides, line by line, what goes in and who vouches for it."""

    def __init__(
        self, db: Database, keys: DeviceKeys, summary: ExportSummary, roster: rosters.Roster | None
    ):
        self.me = keys.device_id
        self.role = rosters.role_of(db)
        held = [Statement(*row) for row in devices.statements(db)]
        self.relay = RelayIndex(held)
        # A revoked author's versions travel only under a statement the revocation spares.
        revoked = {
            d: e
            for d, e in (roster.devices.items() if roster else ())
            if e.revoked_at is not None and e.accepted is not None
        }
        self.revoked = frozenset(revoked)
        self.spared = RelayIndex(
            st
            for st in held
            if st.author in revoked and revoked[st.author].stands(statement_digest(st))
        )
        self.own: list[bytes] = []
        self.relayed: set[str] = set()
        self.chosen: dict[str, Statement] = {}
        self.campaigns: set[str] = set()
        self.inspections: set[str] = set()  # of answers: their campaign is the inspection's
        self.owners: set[tuple[str, str]] = set()  # of attachments
        self.summary = summary

    def admit(self, table: str, row: dict[str, Any], line: bytes) -> bool:
        if self._admit(table, row, line):
            self._note_campaign(table, row)
            return True
        return False

    def _note_campaign(self, table: str, row: dict[str, Any]) -> None:
        """The campaigns the bundle carries, which decide who may read it."""
        if table == "campaigns":
            self.campaigns.add(row["id"])
        elif table in ("inspections", "self_answers", "problems", "notices"):
            if row.get("campaign_id"):
                self.campaigns.add(row["campaign_id"])
        elif table == "answers":
            self.inspections.add(row["inspection_id"])
        elif table == "attachments" and row.get("owner_table") in (
            "inspections",
            "problems",
            "notices",
        ):
            self.owners.add((row["owner_table"], row["owner_id"]))

    def _admit(self, table: str, row: dict[str, Any], line: bytes) -> bool:
        h = line_hash(line)
        author = row["updated_at"][19:]  # stored stamps passed the clock domain already
        if author == self.me:
            if self.role is not None and refusal(self.role, table, row):
                return self._leave_out(table)
            self.own.append(h)
            return True
        index = self.spared if author in self.revoked else self.relay
        sid = index.covering(h, author)
        if sid is None:
            return self._leave_out(table)
        self.relayed.add(sid)
        self.chosen[sid] = index.statements[sid]
        return True

    def _leave_out(self, table: str) -> bool:
        self.summary.left_out[table] = self.summary.left_out.get(table, 0) + 1
        return False


def export_bundle(
    db: Database,
    out: str | Path,
    campaign_ref: str | None = None,
    progress: Progress = NO_PROGRESS,
    *,
    since_last: bool = False,
    to: str | None = None,
    passphrase: str | None = None,
) -> ExportSummary:
    """Write a bundle to `out` (everything, a campaign kit, or a delta) and remember it.

    `since_last` writes only what the peer `to` (by default: every peer
    whose bundle was imported here) has not acknowledged. Remembering the
    export is bookkeeping: if the database cannot take that write (busy,
    read-only), the complete bundle stands and the summary carries a warning.
    Readable by the roster's devices, and by anyone given `passphrase`.
    """
    out = Path(out)
    if out.suffix != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    if since_last and campaign_ref:
        raise BundleError(
            Message("a campaign kit is always complete: use --campaign or --since-last, not both")
        )
    if to is not None and not since_last:
        raise BundleError(Message("--to chooses the peer of a delta: add --since-last"))
    campaign = find_campaign(db, campaign_ref) if campaign_ref else None
    summary = ExportSummary(
        out,
        str(uuid.uuid4()),
        campaign["id"] if campaign else None,
        campaign["name"] if campaign else None,
        to=to,
    )
    if campaign is not None and rosters.is_hq(db):
        # The kit hands each laptop its own notice numbers (the roster carries them).
        summary.blocks_assigned = rosters.assign_blocks(db)
    manifest = Manifest(
        bundle_id=summary.bundle_id,
        device_id=settings.device_id(db),
        device_name=settings.device_name(db),
        created_at=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        app_version=__version__,
        tables={},
        attachments={},
        campaign_id=summary.campaign_id,
    )
    keys = device_keys(db)
    roster = rosters.current(db)
    recipients = roster.recipients() if roster else []
    summary.readers = len(recipients)
    signer = _Signer(db, keys, summary, roster)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".partial")
    os.close(fd)
    tmp = Path(tmp_name)
    inner = tempfile.TemporaryFile()  # noqa: SIM115 - closed below; never a named plain file
    try:
        with zipfile.ZipFile(inner, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=5) as zf:
            with snapshot.read_snapshot(db):  # rows, vector and acks from one state
                if since_last:
                    summary.delta_since = manifest.since = _ack_of(db, to)
                    chosen = snapshot.delta_selection(db, manifest.since)
                else:
                    chosen = snapshot.selection(campaign)
                manifest.have = versions.have_vector(db)
                budget = Budget(len(chosen), fixed=1 + (roster is not None))
                blobs = _attachment_sizes(db, chosen, budget)
                _write_snapshot(db, zf, manifest, summary, chosen, budget, progress, signer.admit)
            _write_attachments(db, zf, manifest, summary, blobs, progress)
            _write_signatures(zf, manifest, keys, signer, roster, budget)
        inner.seek(0)
        progress(0, 1, "encrypting")
        if roster is not None:
            recipients = roster.recipients(
                signer.campaigns | devices.campaigns_of(db, signer.inspections, signer.owners)
            )
            summary.readers = len(recipients)
        seal(inner, tmp, keys.device_id, recipients, passphrase)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        inner.close()
    summary.size = out.stat().st_size
    _remember(db, summary)
    return summary


def _ack_of(db: Database, peer: str | None) -> dict[str, str]:
    """The vector a delta starts from: the named peer's, or what every known peer holds."""
    if peer is None:
        return versions.all_peers_ack(db)
    ack = versions.peer_ack(db, peer)
    if ack is None:
        known = ", ".join(f"{p['peer']} ({p['name']})" for p in versions.known_peers(db))
        raise BundleError(
            Message(
                "no bundle from device {device} was ever imported here, so "
                "nothing says what it holds; known devices: {known}. Export "
                "a full bundle for it",
                device=peer,
                known=known or "none",
            )
        )
    return ack


def _remember(db: Database, summary: ExportSummary) -> None:
    """Note the export for the status line; a database that cannot take it only warns."""
    try:
        with db.atomic():
            settings.put(
                db,
                LAST_EXPORT,
                {
                    "at": dt.datetime.now().isoformat(timespec="seconds"),
                    "file": summary.path.name,
                    "bundle_id": summary.bundle_id,
                    "campaign_id": summary.campaign_id,
                    "rows": summary.rows,
                    "delta": summary.delta_since is not None,
                },
            )
    except sqlite3.OperationalError as exc:
        summary.warnings.append(
            Message(
                "the bundle is complete, but this database could not note the export "
                "({error}); the 'last export' line stays as it was",
                error=str(exc),
            )
        )


def _write_signatures(
    zf: zipfile.ZipFile,
    manifest: Manifest,
    keys: DeviceKeys,
    signer: _Signer,
    roster: rosters.Roster | None,
    budget: Budget,
) -> None:
    """The roster, the statements, the manifest, and the sender's signature over it."""
    own = sign_statement(keys, b"".join(signer.own))
    manifest.statements.append(
        StatementEntry(own.id, own.author, own.signature, own.versions, None)
    )
    for sid in sorted(signer.relayed):
        st = signer.chosen[sid]
        budget.member(len(st.hashes))
        zf.writestr(statement_member(sid), st.hashes, compress_type=zipfile.ZIP_STORED)
        manifest.statements.append(
            StatementEntry(sid, st.author, st.signature, st.versions, statement_member(sid))
        )
    signer.summary.relayed_statements = len(signer.relayed)
    if roster is not None:
        roster_text = json.dumps(roster.document, ensure_ascii=False, indent=1).encode("utf-8")
        budget.add(len(roster_text))  # counted as a file at the start
        zf.writestr(ROSTER, roster_text)
        manifest.roster_serial = roster.serial
    document = manifest.to_json()
    parse_manifest(document)  # the importer's own check: what it refuses is not written
    text = json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
    budget.manifest(text)
    signature = json.dumps(
        {"device_id": keys.device_id, "signature": sign_manifest(keys, text)}
    ).encode("utf-8")
    budget.add(len(signature))  # counted as a file at the start
    zf.writestr(MANIFEST, text)
    zf.writestr(SIGNATURE, signature)


def _write_snapshot(
    db: Database,
    zf: zipfile.ZipFile,
    manifest: Manifest,
    summary: ExportSummary,
    selection: snapshot.Selection,
    budget: Budget,
    progress: Progress,
    admit: Callable[[str, dict[str, Any], bytes], bool],
) -> None:
    """The chosen rows of every table; called inside the export's read snapshot."""
    total = snapshot.count_selected(db, selection)
    done = 0
    progress(0, total, "")
    for table in SYNCED_TABLES:
        if table not in selection:
            continue
        _check_domains(db, table, selection)
        count, sha = _write_table(db, zf, table, selection, budget, progress, done, total, admit)
        done += count
        summary.tables[table] = count
        manifest.tables[table] = TableEntry(table, table_member(table), count, sha)


def _check_domains(db: Database, table: str, selection: snapshot.Selection) -> None:
    """Refuse, before the table is written, a row the importer's value rules would refuse."""
    from inspector.store.domains import domains, shown

    found = snapshot.first_out_of_domain(db, table, selection)
    if found is not None:
        row_id, column, value = found
        raise BundleError(
            Message(
                "{table} row {id}: column {column} holds {value}, which is not {expected}; an "
                "import would refuse it, so correct it and export again",
                table=table,
                id=row_id,
                column=column,
                value=shown(value),
                expected=domains(table)[column].describe(),
            )
        )


def _write_attachments(
    db: Database,
    zf: zipfile.ZipFile,
    manifest: Manifest,
    summary: ExportSummary,
    blobs: dict[str, int],
    progress: Progress,
) -> None:
    for i, (sha, size) in enumerate(blobs.items()):
        progress(i, len(blobs), "attachments")
        path = blob_path(db, sha)
        if path.stat().st_size != size:
            raise BundleError(
                Message(
                    "attachment file {sha} changed size while the bundle was written; export again",
                    sha=sha,
                )
            )
        zf.write(path, attachment_member(sha), compress_type=zipfile.ZIP_STORED)
        manifest.attachments[sha] = AttachmentEntry(sha, size)
        summary.attachments += 1
        summary.attachment_bytes += size


def _write_table(
    db: Database,
    zf: zipfile.ZipFile,
    table: str,
    selection: snapshot.Selection,
    budget: Budget,
    progress: Progress,
    done: int,
    total: int,
    admit: Callable[[str, dict[str, Any], bytes], bool],
) -> tuple[int, str]:
    """Canonical lines (`sync.canonical`): the bytes hashed are the bytes written."""
    keys, batches = snapshot.selected_rows(db, table, selection, _BATCH)
    added = ADDED_COLUMNS.get(table, {})
    digest = hashlib.sha256()
    count = seen = 0
    size = 0
    with zf.open(table_member(table), "w", force_zip64=True) as fh:
        for batch in batches:
            lines = []
            for values in batch:
                row = dict(zip(keys, values, strict=True))
                line = canonical(
                    {k: v for k, v in row.items() if k not in added or v != added[k]}
                    if added
                    else row
                )
                check_line(table, row, line.decode("utf-8"))
                if admit(table, row, line):
                    lines.append(line)
            text = b"\n".join(lines) + b"\n" if lines else b""
            size += len(text)
            check_table(table, size)
            budget.add(len(text))
            digest.update(text)
            fh.write(text)
            count += len(lines)
            seen += len(batch)
            progress(done + seen, total, table)
    return count, digest.hexdigest()


def _attachment_sizes(
    db: Database, selection: snapshot.Selection, budget: Budget
) -> dict[str, int]:
    """Files to carry and their sizes: every chosen attachment row's file, checked first.

    A live row whose file is missing stops the export; the limits of
    attachments are checked before a byte of the bundle is written.
    """
    sizes: dict[str, int] = {}
    rows: dict[str, dict[str, Any]] = {}
    for row in snapshot.attachment_rows(db, selection):
        sha = row["sha256"]
        if sha in sizes:
            continue
        if has_blob(db, sha):
            sizes[sha] = blob_path(db, sha).stat().st_size
            rows[sha] = row
        elif not row["deleted"]:
            raise BundleError(
                Message(
                    "attachment {id}: its file {sha} is missing from the "
                    "attachments folder; run 'inspector check'",
                    id=row["id"],
                    sha=sha,
                )
            )
    budget.attachments(sizes, rows)
    return sizes
