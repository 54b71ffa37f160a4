"""The bundle format (contract, docs/design-notes.md "Bundle format 2"): names, manifest, limits.

A bundle is a ZIP whose `content.age` (`sync.envelope`) decrypts to the
inner bundle described here: a ZIP holding `manifest.json`,
`tables/<table>.jsonl`, `attachments/<sha256>`, `roster.json`,
`statements/<id>.bin` and `signature.json`. Everything here is about recognising a well-formed
bundle before a single row is read: a hostile or damaged file is refused by
name, with nothing written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from inspector.messages import Message
from inspector.store.domains import MAX_ATTACHMENT_BYTES
from inspector.store.schema import SYNCED_TABLES
from inspector.sync.errors import BundleError

FORMAT = "inspector-bundle"
FORMAT_VERSION = 2
SUFFIX = ".inspbundle"
MANIFEST = "manifest.json"
ROSTER = "roster.json"
SIGNATURE = "signature.json"
MAX_ROSTER_BYTES = 16 * 1024 * 1024
MAX_SIGNATURE_BYTES = 64 * 1024

# The limits of a bundle, one definition for both sides: the exporter refuses
# to write what the importer would refuse (`inspector.sync.export`), and the
# reader refuses what exceeds them (`inspector.sync.reader`). Both read them
# from this module at call time, so a test can lower one for both sides.
#
# There is no compression-ratio rule. Honest repetitive text (a note pasted
# many times) deflates well over 200:1, and a bomb is already bounded: no
# member may declare more than its kind's limit, the declared sizes together
# no more than MAX_TOTAL_BYTES, and every member is read in chunks that stop
# at its declared size.
MAX_MANIFEST_BYTES = 64 * 1024 * 1024
MAX_TABLE_BYTES = 1024 * 1024 * 1024
# A FAT32 USB stick holds no file of 4 GiB or more; attachments are stored
# uncompressed, so the bundle file is about as large as its inflated members.
MAX_TOTAL_BYTES = 4 * 1024 * 1024 * 1024 - 1
MAX_LINE_BYTES = 16 * 1024 * 1024  # one row as JSON, without its newline
MAX_MEMBERS = 500_000  # files in the ZIP: manifest, tables and attachments
ATTACHMENT_LIMIT = MAX_ATTACHMENT_BYTES

SHA256 = re.compile(r"[0-9a-f]{64}")
_TABLE_MEMBER = re.compile(r"tables/([a-z_]+)\.jsonl")
_ATTACHMENT_MEMBER = re.compile(r"attachments/([0-9a-f]{64})")
_STATEMENT_MEMBER = re.compile(
    r"statements/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
    r"[0-9a-f]{12})\.bin"
)


def table_member(table: str) -> str:
    return f"tables/{table}.jsonl"


def attachment_member(sha256: str) -> str:
    return f"attachments/{sha256}"


def unsafe_name(name: str) -> str | None:
    """Why a member name could climb out of a folder, or None if it cannot."""
    if not name:
        return "an empty name"
    if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
        return "an absolute path"
    if "\\" in name:
        return "a backslash"
    if any(part in ("..", ".") for part in name.split("/")):
        return "a '..' or '.' path segment"
    if "\x00" in name or any(ord(c) < 32 for c in name):
        return "a control character"
    return None


def statement_member(statement_id: str) -> str:
    return f"statements/{statement_id}.bin"


def member_kind(name: str) -> tuple[str, str] | None:
    """('manifest' | 'roster' | 'signature', ''), ('table', name), ('attachment', sha256)
    or ('statement', id); None if unexpected."""
    if name == MANIFEST:
        return ("manifest", "")
    if name == ROSTER:
        return ("roster", "")
    if name == SIGNATURE:
        return ("signature", "")
    m = _STATEMENT_MEMBER.fullmatch(name)
    if m:
        return ("statement", m.group(1))
    m = _TABLE_MEMBER.fullmatch(name)
    if m and m.group(1) in SYNCED_TABLES:
        return ("table", m.group(1))
    m = _ATTACHMENT_MEMBER.fullmatch(name)
    if m:
        return ("attachment", m.group(1))
    return None


@dataclass(frozen=True)
class TableEntry:
    table: str
    file: str
    rows: int
    sha256: str


@dataclass(frozen=True)
class AttachmentEntry:
    sha256: str
    size: int


@dataclass(frozen=True)
class StatementEntry:
    """A per-author signature; `file` None for the sender's own (its list is its lines)."""

    id: str
    author: str
    signature: str
    versions: int
    file: str | None


@dataclass
class Manifest:
    bundle_id: str
    device_id: str
    device_name: str
    created_at: str
    app_version: str
    tables: dict[str, TableEntry]
    attachments: dict[str, AttachmentEntry]
    campaign_id: str | None = None
    statements: list[StatementEntry] = field(default_factory=list)
    roster_serial: int | None = None
    have: dict[str, str] = field(default_factory=dict)
    since: dict[str, str] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_delta(self) -> bool:
        return self.since is not None

    @property
    def complete(self) -> bool:
        """Whether the bundle holds every row its sender has (a full export, not a kit)."""
        return self.campaign_id is None and self.since is None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "bundle_id": self.bundle_id,
            "device_id": self.device_id,
            "device_name": self.device_name,
            "created_at": self.created_at,
            "app_version": self.app_version,
            "campaign_id": self.campaign_id,
            "tables": {
                t.table: {"file": t.file, "rows": t.rows, "sha256": t.sha256}
                for t in self.tables.values()
            },
            "attachments": [
                {"sha256": a.sha256, "size": a.size} for a in self.attachments.values()
            ],
            "statements": [
                {
                    "id": st.id,
                    "author": st.author,
                    "signature": st.signature,
                    "versions": st.versions,
                    "file": st.file,
                }
                for st in self.statements
            ],
            "roster_serial": self.roster_serial,
            "have": dict(sorted(self.have.items())),
            "delta_since": None if self.since is None else dict(sorted(self.since.items())),
        }


def _need(
    obj: dict[str, Any],
    key: str,
    kind: type | tuple[type, ...],
    table: str | None = None,
    attachment: bool = False,
) -> Any:
    """obj[key] of the given type; `table` or `attachment` says where, for the message."""
    if key not in obj:
        if table is not None:
            raise BundleError(
                Message("manifest.json: table '{table}': '{key}' is missing", table=table, key=key)
            )
        if attachment:
            raise BundleError(Message("manifest.json: attachment: '{key}' is missing", key=key))
        raise BundleError(Message("manifest.json: '{key}' is missing", key=key))
    value = obj[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        if table is not None:
            raise BundleError(
                Message(
                    "manifest.json: table '{table}': '{key}' has the wrong type",
                    table=table,
                    key=key,
                )
            )
        if attachment:
            raise BundleError(
                Message("manifest.json: attachment: '{key}' has the wrong type", key=key)
            )
        raise BundleError(Message("manifest.json: '{key}' has the wrong type", key=key))
    return value


def parse_manifest(data: Any) -> Manifest:
    """Check the manifest's shape and version; any deviation is a BundleError naming it."""
    if not isinstance(data, dict):
        raise BundleError(Message("manifest.json: not a JSON object"))
    if data.get("format") != FORMAT:
        raise BundleError(
            Message(
                "manifest.json: not an Inspector bundle (format is "
                "{format!r}, expected {expected!r})",
                format=data.get("format"),
                expected=FORMAT,
            )
        )
    version = _need(data, "format_version", int)
    if version > FORMAT_VERSION:
        raise BundleError(
            Message(
                "this bundle was made by a newer Inspector (bundle format "
                "{version}, this version reads {readable}); update "
                "Inspector to import it",
                version=version,
                readable=FORMAT_VERSION,
            )
        )
    if version < FORMAT_VERSION:
        raise BundleError(
            Message("manifest.json: format_version {version} is not valid", version=version)
        )
    texts = {
        k: _need(data, k, str)
        for k in ("bundle_id", "device_id", "device_name", "created_at", "app_version")
    }
    if not texts["bundle_id"] or len(texts["bundle_id"]) > 100:
        raise BundleError(Message("manifest.json: 'bundle_id' is not valid"))
    campaign = data.get("campaign_id")
    if campaign is not None and not isinstance(campaign, str):
        raise BundleError(Message("manifest.json: 'campaign_id' has the wrong type"))
    tables_json = _need(data, "tables", dict)
    tables: dict[str, TableEntry] = {}
    for table, entry in tables_json.items():
        if table not in SYNCED_TABLES:
            raise BundleError(Message("manifest.json: unknown table '{table}'", table=table))
        if not isinstance(entry, dict):
            raise BundleError(
                Message("manifest.json: table '{table}' is not an object", table=table)
            )
        file = _need(entry, "file", str, table)
        if file != table_member(table):
            raise BundleError(
                Message(
                    "manifest.json: table '{table}': file must be {expected}, not {file!r}",
                    table=table,
                    expected=table_member(table),
                    file=file,
                )
            )
        rows = _need(entry, "rows", int, table)
        sha = _need(entry, "sha256", str, table)
        if rows < 0 or not SHA256.fullmatch(sha):
            raise BundleError(
                Message(
                    "manifest.json: table '{table}': row count or sha256 is not valid", table=table
                )
            )
        tables[table] = TableEntry(table, file, rows, sha)
    attachments: dict[str, AttachmentEntry] = {}
    for entry in _need(data, "attachments", list):
        if not isinstance(entry, dict):
            raise BundleError(Message("manifest.json: an attachment entry is not an object"))
        sha = _need(entry, "sha256", str, attachment=True)
        size = _need(entry, "size", int, attachment=True)
        if not SHA256.fullmatch(sha) or size < 0:
            raise BundleError(
                Message("manifest.json: attachment {sha!r} is not valid", sha=sha[:70])
            )
        if size > ATTACHMENT_LIMIT:
            raise BundleError(
                Message(
                    "attachment {sha} declares {size:,} bytes, more than the "
                    "{limit} MiB an attachment may have",
                    sha=sha,
                    size=size,
                    limit=ATTACHMENT_LIMIT // (1024 * 1024),
                )
            )
        if sha in attachments:
            raise BundleError(Message("manifest.json: attachment {sha} is listed twice", sha=sha))
        attachments[sha] = AttachmentEntry(sha, size)
    statements = _statements(data, texts["device_id"])
    serial = data.get("roster_serial")
    if serial is not None and (type(serial) is not int or serial < 1):
        raise BundleError(Message("manifest.json: 'roster_serial' is not valid"))
    have = _vector(data, "have") or {}
    since = _vector(data, "delta_since")
    known = {
        "format",
        "format_version",
        "campaign_id",
        "tables",
        "attachments",
        "statements",
        "roster_serial",
        "have",
        "delta_since",
        *texts,
    }
    return Manifest(
        **texts,
        tables=tables,
        attachments=attachments,
        campaign_id=campaign,
        statements=statements,
        roster_serial=serial,
        have=have,
        since=since,
        extra={k: v for k, v in data.items() if k not in known},
    )


def _statements(data: dict[str, Any], sender: str) -> list[StatementEntry]:
    """The signature list: exactly one of the sender's own, the relayed ones with a file."""
    found: list[StatementEntry] = []
    for entry in _need(data, "statements", list):
        if not isinstance(entry, dict):
            raise BundleError(Message("manifest.json: a statement entry is not an object"))
        texts = [entry.get(k) for k in ("id", "author", "signature")]
        versions, file = entry.get("versions"), entry.get("file")
        if (
            not all(isinstance(t, str) and 0 < len(t) <= 200 for t in texts)
            or type(versions) is not int
            or versions < 0
            or not (
                file is None or (isinstance(file, str) and file == statement_member(str(texts[0])))
            )
        ):
            raise BundleError(
                Message(
                    "manifest.json: statement {id!r} is not valid", id=str(entry.get("id"))[:60]
                )
            )
        st = StatementEntry(str(texts[0]), str(texts[1]), str(texts[2]), versions, file)
        if (st.file is None) != (st.author == sender):
            raise BundleError(
                Message(
                    "manifest.json: statement {id} of {author}: only the "
                    "sender's own statement comes without its list",
                    id=st.id,
                    author=st.author,
                )
            )
        if any(f.id == st.id for f in found):
            raise BundleError(Message("manifest.json: statement {id} is listed twice", id=st.id))
        found.append(st)
    if sum(1 for st in found if st.file is None) != 1:
        raise BundleError(Message("manifest.json: the sender's own statement is missing"))
    return found


_DEVICE = re.compile(r"[0-9A-Za-z_.:-]{1,64}")
_STAMP = re.compile(r"\d{13}-[0-9a-f]{4}-([0-9A-Za-z_.:-]{1,64})")
MAX_VECTOR_AUTHORS = 10_000


def _vector(data: dict[str, Any], key: str) -> dict[str, str] | None:
    """A version vector {author device: its stamp}, or None when absent (older bundles)."""
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, dict) or len(value) > MAX_VECTOR_AUTHORS:
        raise BundleError(Message("manifest.json: '{key}' is not a version vector", key=key))
    for author, stamp in value.items():
        m = _STAMP.fullmatch(stamp) if isinstance(stamp, str) else None
        if not _DEVICE.fullmatch(author) or m is None or m.group(1) != author:
            raise BundleError(
                Message(
                    "manifest.json: '{key}' entry {author!r} is not a device "
                    "and a clock value of it",
                    key=key,
                    author=author[:70],
                )
            )
    return dict(value)
