"""Writing a bundle: every synced row (tombstones too), the attachment bytes, signed, sealed.

The inner bundle (format 2) is written to a temporary file, signed (this
device's statement over its own versions, the statements of the authors
whose versions it relays, the manifest), then encrypted to the roster's
devices into a temporary file beside the target, which is renamed into
place at the end: a crash or a Cancel never leaves half a bundle under the
name the user chose. All tables are read in one read transaction: a
consistent snapshot even while the window keeps writing. Versions no
receiver would accept are left out and counted: this device's own versions
outside its role, and others' versions without a statement of their author.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
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
from inspector.store import settings, snapshot
from inspector.store.attachments import blob_path, has_blob
from inspector.store.catalog import find_campaign
from inspector.store.schema import SYNCED_TABLES
from inspector.sync import roster as rosters
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
    statement_member,
    table_member,
)
from inspector.sync.keys import DeviceKeys, device_keys
from inspector.sync.roles import refusal
from inspector.sync.signing import RelayIndex, sign_manifest, sign_statement

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
    left_out: dict[str, int] = field(default_factory=dict)
    relayed_statements: int = 0
    readers: int = 0

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


class _Signer:
    """Decides, line by line, what goes in and who vouches for it."""

    def __init__(self, db: Database, keys: DeviceKeys, summary: ExportSummary):
        self.me = keys.device_id
        self.role = rosters.role_of(db)
        self.relay = RelayIndex.load(db)
        self.own: list[bytes] = []
        self.relayed: set[str] = set()
        self.summary = summary

    def admit(self, table: str, row: dict[str, Any], line: bytes) -> bool:
        h = line_hash(line)
        author = row["updated_at"][19:]  # stored stamps passed the clock domain already
        if author == self.me:
            if self.role is not None and refusal(self.role, table, row):
                return self._leave_out(table)
            self.own.append(h)
            return True
        sid = self.relay.covering(h, author)
        if sid is None:
            return self._leave_out(table)
        self.relayed.add(sid)
        return True

    def _leave_out(self, table: str) -> bool:
        self.summary.left_out[table] = self.summary.left_out.get(table, 0) + 1
        return False


def export_bundle(db: Database, out: str | Path, campaign_ref: str | None = None,
                  progress: Progress = NO_PROGRESS, passphrase: str | None = None
                  ) -> ExportSummary:
    """Write a bundle to `out` (everything, or the kit of one campaign) and remember it.

    Readable by the roster's devices, and by anyone given `passphrase`.
    """
    out = Path(out)
    if out.suffix != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    campaign = find_campaign(db, campaign_ref) if campaign_ref else None
    summary = ExportSummary(out, str(uuid.uuid4()), campaign["id"] if campaign else None,
                            campaign["name"] if campaign else None)
    manifest = Manifest(
        bundle_id=summary.bundle_id, device_id=settings.device_id(db),
        device_name=settings.device_name(db),
        created_at=dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        app_version=__version__, tables={}, attachments={}, campaign_id=summary.campaign_id)
    out.parent.mkdir(parents=True, exist_ok=True)
    keys = device_keys(db)
    roster = rosters.current(db)
    recipients = roster.recipients() if roster else []
    summary.readers = len(recipients)
    signer = _Signer(db, keys, summary)
    fd, tmp_name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".partial")
    os.close(fd)
    tmp = Path(tmp_name)
    inner = tempfile.TemporaryFile()  # noqa: SIM115 - closed below; never a named plain file
    try:
        with zipfile.ZipFile(inner, "w", compression=zipfile.ZIP_DEFLATED,
                             compresslevel=5) as zf:
            _write_snapshot(db, zf, manifest, summary, snapshot.selection(campaign), progress,
                            signer.admit)
            _write_signatures(zf, manifest, keys, signer, roster)
        inner.seek(0)
        progress(0, 1, "encrypting")
        seal(inner, tmp, keys.device_id, recipients, passphrase)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        inner.close()
    summary.size = out.stat().st_size
    with db.atomic():
        settings.put(db, LAST_EXPORT, {
            "at": dt.datetime.now().isoformat(timespec="seconds"), "file": out.name,
            "bundle_id": summary.bundle_id, "campaign_id": summary.campaign_id,
            "rows": summary.rows})
    return summary


def _write_signatures(zf: zipfile.ZipFile, manifest: Manifest, keys: DeviceKeys,
                      signer: _Signer, roster: rosters.Roster | None) -> None:
    """The roster, the statements, the manifest, and the sender's signature over it."""
    own = sign_statement(keys, b"".join(signer.own))
    manifest.statements.append(StatementEntry(own.id, own.author, own.signature, own.versions,
                                              None))
    for sid in sorted(signer.relayed):
        st = signer.relay.statements[sid]
        zf.writestr(statement_member(sid), st.hashes, compress_type=zipfile.ZIP_STORED)
        manifest.statements.append(StatementEntry(sid, st.author, st.signature, st.versions,
                                                  statement_member(sid)))
    signer.summary.relayed_statements = len(signer.relayed)
    if roster is not None:
        zf.writestr(ROSTER, json.dumps(roster.document, ensure_ascii=False, indent=1))
        manifest.roster_serial = roster.serial
    text = json.dumps(manifest.to_json(), ensure_ascii=False, indent=1).encode("utf-8")
    zf.writestr(MANIFEST, text)
    zf.writestr(SIGNATURE, json.dumps({"device_id": keys.device_id,
                                       "signature": sign_manifest(keys, text)}))


def _write_snapshot(db: Database, zf: zipfile.ZipFile, manifest: Manifest,
                    summary: ExportSummary, selection: snapshot.Selection,
                    progress: Progress, admit: Callable[[str, dict[str, Any], bytes], bool]
                    ) -> None:
    with snapshot.read_snapshot(db):  # one read snapshot for every table
        total = snapshot.count_selected(db, selection)
        done = 0
        progress(0, total, "")
        for table in SYNCED_TABLES:
            if table not in selection:
                continue
            count, sha = _write_table(db, zf, table, selection, progress, done, total, admit)
            done += count
            summary.tables[table] = count
            manifest.tables[table] = TableEntry(table, table_member(table), count, sha)
        blobs = _attachment_hashes(db, selection)
    for i, sha in enumerate(blobs):
        progress(i, len(blobs), "attachments")
        path = blob_path(db, sha)
        size = path.stat().st_size
        zf.write(path, attachment_member(sha), compress_type=zipfile.ZIP_STORED)
        manifest.attachments[sha] = AttachmentEntry(sha, size)
        summary.attachments += 1
        summary.attachment_bytes += size


def _write_table(db: Database, zf: zipfile.ZipFile, table: str, selection: snapshot.Selection,
                 progress: Progress, done: int, total: int,
                 admit: Callable[[str, dict[str, Any], bytes], bool]) -> tuple[int, str]:
    """Canonical lines (`sync.canonical`): the bytes hashed are the bytes written."""
    keys, batches = snapshot.selected_rows(db, table, selection, _BATCH)
    digest = hashlib.sha256()
    count = seen = 0
    with zf.open(table_member(table), "w", force_zip64=True) as fh:
        for batch in batches:
            lines = []
            for row in batch:
                record = dict(zip(keys, row, strict=True))
                line = canonical(record)
                if admit(table, record, line):
                    lines.append(line)
            text = b"\n".join(lines) + b"\n" if lines else b""
            digest.update(text)
            fh.write(text)
            count += len(lines)
            seen += len(batch)
            progress(done + seen, total, table)
    return count, digest.hexdigest()


def _attachment_hashes(db: Database, selection: snapshot.Selection) -> list[str]:
    """Bytes to carry: every live attachment row's file (a missing one stops the export)."""
    hashes: list[str] = []
    for row in snapshot.attachment_rows(db, selection):
        if row["sha256"] in hashes[-1:]:
            continue
        if has_blob(db, row["sha256"]):
            hashes.append(row["sha256"])
        elif not row["deleted"]:
            raise BundleError(Message("attachment {id}: its file {sha} is missing from the "
                                      "attachments folder; run 'inspector check'",
                                      id=row["id"], sha=row["sha256"]))
    return hashes
