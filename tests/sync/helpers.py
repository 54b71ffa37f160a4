"""Laptops in a test: a database file per device, enrolled by one headquarters, bundles as files.

Every test's devices belong to a `Federation`: a headquarters installation
of its own that enrols each device (as `hq` unless told otherwise, so the
merge tests test merging, not roles) and hands every member the newest
roster, as a campaign kit would. The bundle helpers open a bundle with
the headquarters key and re-sign what they rewrite as an enrolled device
(the sender, unless a test forges as another), so the hostile-bundle tests
keep testing what they test.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector.store import settings, versions
from inspector.store.clock import format_hlc, last_stamp, parse_hlc
from inspector.store.db import open_db
from inspector.store.rows import Rows
from inspector.sync import roster
from inspector.sync.canonical import canonical, line_hash
from inspector.sync.envelope import CONTENT, open_content, seal
from inspector.sync.export import export_bundle
from inspector.sync.importer import ImportSummary, import_bundle
from inspector.sync.keys import device_keys
from inspector.sync.signing import author_of, sign_manifest, sign_statement

_PRIVATE = "_members"  # read_bundle keeps the roster and relayed statements here


class Federation:
    """One headquarters (its own database) and the devices it enrolled."""

    current: Federation | None = None

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.db_path = folder / "authority.db"
        self.db = open_db(self.db_path)
        settings.put(self.db, "device_name", "市委组织部")
        roster.init_hq(self.db)
        self.keys = device_keys(self.db)
        self.members: dict[str, Device] = {}
        Federation.current = self

    def enrol(self, device: Device, role: str = "hq") -> None:
        roster.enrol(self.db, roster.request(device.db), role)
        self.members[device.device_id] = device
        self.hand_out()

    def export(self) -> Path:
        """A full bundle from the authority (headquarters' own installation)."""
        self._n = getattr(self, "_n", 0) + 1
        out = self.folder / f"总部授权-{self._n}.inspbundle"
        export_bundle(self.db, out)
        return out

    def rotate(self) -> None:
        roster.rotate(self.db)
        self.keys = device_keys(self.db)
        self.hand_out()

    def take(self, bundle: Path) -> ImportSummary:
        """The authority imports a bundle, as headquarters' own installation does."""
        return import_bundle(self.db, bundle)

    def revoke(self, device: Device) -> None:
        roster.revoke(self.db, device.device_id)
        self.hand_out()

    def hand_out(self) -> None:
        doc = roster.current(self.db).document
        for member in self.members.values():
            roster.accept(member.db, doc, trust=self.keys.fingerprint)

    def recipients(self) -> list[str]:
        return roster.current(self.db).recipients()

    def close(self) -> None:
        self.db.close()
        if Federation.current is self:
            Federation.current = None


class Device:
    """One laptop: its database file, its name, and a Rows writer.

    A copy of another database gets an identity of its own (new device id,
    new keys, no roster) unless `keep_identity`: then it is the device that
    wrote the copied rows, with fresh key files.
    """

    def __init__(
        self,
        folder: Path,
        name: str,
        copy_of: Path | None = None,
        federation: Federation | None = None,
        role: str = "hq",
        keep_identity: bool = False,
    ):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{name}.db"
        if copy_of is not None:
            shutil.copy(copy_of, self.path)
        self.db = open_db(self.path)
        if copy_of is not None and not keep_identity:  # a copy would share the identity
            original, clock = settings.device_id(self.db), last_stamp(self.db)
            settings.put(self.db, "device_id", hashlib.sha256(name.encode()).hexdigest()[:16])
            if clock:  # the copy holds everything the original had written
                ms, counter, _ = parse_hlc(clock)
                with self.db.atomic():
                    versions.raise_have(self.db, {original: format_hlc(ms, counter, original)})
        if copy_of is not None:
            with self.db.atomic():
                self.db.execute("DELETE FROM settings WHERE key IN ('roster', 'authority')")
                self.db.execute("DELETE FROM roster_devices")
                self.db.execute("DELETE FROM statements")
        settings.put(self.db, "device_name", name)
        settings.put(self.db, "inspector_name", name)
        self.name = name
        self.rows = Rows(self.db)
        self.folder = folder
        self._n = 0
        self.device_id = settings.device_id(self.db)
        self.keys = device_keys(self.db)
        if federation is not None:
            federation.enrol(self, role)

    def export(self, **kwargs: Any) -> Path:
        self._n += 1
        out = self.folder / f"{self.name}-{self._n}.inspbundle"
        export_bundle(self.db, out, **kwargs)
        return out

    def take(self, bundle: Path, **kwargs: Any) -> ImportSummary:
        return import_bundle(self.db, bundle, **kwargs)

    def close(self) -> None:
        self.db.close()


def exchange(src: Device, dst: Device) -> ImportSummary:
    return dst.take(src.export())


def file_digest(db_path: Path, db) -> str:
    """The sha256 of the database's bytes as SQLite holds them (file and WAL together).

    Read through SQLite (`serialize`), never from the file: reading the live file
    with open()/close() would drop this process's locks on it.
    """
    assert Path(db.execute("PRAGMA database_list").fetchone()[2]) == db_path.resolve()
    return hashlib.sha256(db.conn.serialize()).hexdigest()


def inner_bytes(path: Path, federation: Federation | None = None) -> bytes:
    """The decrypted inner bundle (opened with headquarters' key)."""
    fed = federation or Federation.current
    assert fed is not None
    with zipfile.ZipFile(path) as outer:
        content = open_content(path.name, outer, [fed.keys.identity], None, 2**31)
    with content:
        return content.read()


def seal_bytes(inner: bytes, out: Path, sender: str, federation: Federation | None = None) -> Path:
    """An inner bundle sealed as a device would (to every member of the federation)."""
    fed = federation or Federation.current
    assert fed is not None
    seal(io.BytesIO(inner), out, sender, fed.recipients())
    return out


def read_bundle(path: Path) -> tuple[dict[str, Any], dict[str, list[dict]], dict[str, bytes]]:
    """manifest, rows per table, attachment bytes (roster and statements kept aside)."""
    with zipfile.ZipFile(io.BytesIO(inner_bytes(path))) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        tables = {
            t: [json.loads(line) for line in zf.read(e["file"]).decode().splitlines()]
            for t, e in manifest["tables"].items()
        }
        blobs = {
            a["sha256"]: zf.read(f"attachments/{a['sha256']}") for a in manifest["attachments"]
        }
        members = {
            n: zf.read(n)
            for n in zf.namelist()
            if n == "roster.json" or n.startswith("statements/")
        }
    manifest[_PRIVATE] = {n: v.decode("latin-1") for n, v in members.items()}
    return manifest, tables, blobs


def write_bundle(
    path: Path,
    manifest: dict[str, Any],
    tables: dict[str, list[dict]],
    blobs: dict[str, bytes] | None = None,
    *,
    fix_hashes: bool = True,
    extra: Callable[[zipfile.ZipFile], None] | None = None,
    signer: Device | None = None,
    resign: bool = True,
    raw: dict[str, bytes] | None = None,
    authors: tuple[Any, ...] = (),
) -> Path:
    """A bundle from parts, with consistent hashes and counts unless told otherwise.

    Signed as `signer` (default: the device that sent it): its statement
    covers the lines it authored, the other authors' statements are carried
    as they came. `resign=False` keeps the original signatures (a forger
    without the key). `raw` gives a table's bytes as they are. `authors`
    (devices) sign, as the authors they are, statements over the lines they
    wrote, which the bundle relays.
    """
    manifest = json.loads(json.dumps(manifest))
    members = {n: v.encode("latin-1") for n, v in manifest.pop(_PRIVATE, {}).items()}
    fed = Federation.current
    assert fed is not None
    signer = signer or fed.members[manifest["device_id"]]
    manifest["device_id"] = signer.device_id
    own: list[bytes] = []
    relayed: dict[str, list[bytes]] = {a.device_id: [] for a in authors}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for table, rows in tables.items():
            lines = [canonical(r) for r in rows]
            data = raw[table] if raw and table in raw else b"".join(ln + b"\n" for ln in lines)
            for r, ln in zip(rows, lines, strict=True):
                author = author_of(r.get("updated_at"), signer.device_id)
                if author == signer.device_id:
                    own.append(line_hash(ln))
                elif author in relayed:
                    relayed[author].append(line_hash(ln))
            zf.writestr(f"tables/{table}.jsonl", data)
            if fix_hashes:
                manifest["tables"][table] = {
                    "file": f"tables/{table}.jsonl",
                    "rows": len(rows),
                    "sha256": hashlib.sha256(data).hexdigest(),
                }
        for sha, data in (blobs or {}).items():
            zf.writestr(f"attachments/{sha}", data)
        for name, data in members.items():
            zf.writestr(name, data)
        if extra is not None:
            extra(zf)
        if resign:
            st = sign_statement(signer.keys, b"".join(own))
            others = [s for s in manifest.get("statements", []) if s.get("file")]
            for device in authors:
                theirs = sign_statement(device.keys, b"".join(relayed[device.device_id]))
                zf.writestr(f"statements/{theirs.id}.bin", theirs.hashes)
                others.append(
                    {
                        "id": theirs.id,
                        "author": theirs.author,
                        "signature": theirs.signature,
                        "versions": theirs.versions,
                        "file": f"statements/{theirs.id}.bin",
                    }
                )
            manifest["statements"] = [
                {
                    "id": st.id,
                    "author": st.author,
                    "signature": st.signature,
                    "versions": st.versions,
                    "file": None,
                },
                *others,
            ]
        text = json.dumps(manifest, ensure_ascii=False).encode()
        zf.writestr("manifest.json", text)
        zf.writestr(
            "signature.json",
            json.dumps(
                {"device_id": signer.device_id, "signature": sign_manifest(signer.keys, text)}
            ),
        )
    return seal_bytes(buf.getvalue(), path, signer.device_id)


def patch_central_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrite the uncompressed size a ZIP's central directory declares for one member."""
    buf = bytearray(data)
    name = member.encode()
    pos = 0
    while True:
        pos = buf.find(b"PK\x01\x02", pos)
        if pos < 0:
            raise ValueError(f"{member} not in the central directory")
        name_len = int.from_bytes(buf[pos + 28 : pos + 30], "little")
        if bytes(buf[pos + 46 : pos + 46 + name_len]) == name:
            buf[pos + 24 : pos + 28] = size.to_bytes(4, "little")
            return bytes(buf)
        pos += 4


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


__all__ = [
    "CONTENT",
    "Device",
    "Federation",
    "exchange",
    "file_digest",
    "inner_bytes",
    "patch_central_size",
    "read_bundle",
    "seal_bytes",
    "write_bundle",
    "zip_bytes",
]
