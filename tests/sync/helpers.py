"""Laptops in a test: a database file per device, bundles exchanged through files."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector.store import settings
from inspector.store.db import open_db
from inspector.store.rows import Rows
from inspector.sync.export import export_bundle
from inspector.sync.importer import ImportSummary, import_bundle


class Device:
    """One laptop: its database file, its name, and a Rows writer."""

    def __init__(self, folder: Path, name: str, copy_of: Path | None = None):
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / f"{name}.db"
        if copy_of is not None:
            shutil.copy(copy_of, self.path)
        self.db = open_db(self.path)
        if copy_of is not None:  # a copied file would share the original's identity
            settings.put(self.db, "device_id", hashlib.sha256(name.encode()).hexdigest()[:16])
        settings.put(self.db, "device_name", name)
        settings.put(self.db, "inspector_name", name)
        self.name = name
        self.rows = Rows(self.db)
        self.folder = folder
        self._n = 0

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


def read_bundle(path: Path) -> tuple[dict[str, Any], dict[str, list[dict]], dict[str, bytes]]:
    """manifest, rows per table, attachment bytes."""
    with zipfile.ZipFile(path) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        tables = {t: [json.loads(line) for line in zf.read(e["file"]).decode().splitlines()]
                  for t, e in manifest["tables"].items()}
        blobs = {a["sha256"]: zf.read(f"attachments/{a['sha256']}")
                 for a in manifest["attachments"]}
    return manifest, tables, blobs


def write_bundle(path: Path, manifest: dict[str, Any], tables: dict[str, list[dict]],
                 blobs: dict[str, bytes] | None = None, *,
                 fix_hashes: bool = True,
                 extra: Callable[[zipfile.ZipFile], None] | None = None) -> Path:
    """A bundle from parts, with consistent hashes and counts unless told otherwise."""
    manifest = json.loads(json.dumps(manifest))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for table, rows in tables.items():
            data = "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n"
                           for r in rows).encode()
            zf.writestr(f"tables/{table}.jsonl", data)
            if fix_hashes:
                manifest["tables"][table] = {"file": f"tables/{table}.jsonl", "rows": len(rows),
                                             "sha256": hashlib.sha256(data).hexdigest()}
        for sha, data in (blobs or {}).items():
            zf.writestr(f"attachments/{sha}", data)
        if extra is not None:
            extra(zf)
        zf.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
    return path


def patch_central_size(data: bytes, member: str, size: int) -> bytes:
    """Rewrite the uncompressed size a ZIP's central directory declares for one member."""
    buf = bytearray(data)
    name = member.encode()
    pos = 0
    while True:
        pos = buf.find(b"PK\x01\x02", pos)
        if pos < 0:
            raise ValueError(f"{member} not in the central directory")
        name_len = int.from_bytes(buf[pos + 28:pos + 30], "little")
        if bytes(buf[pos + 46:pos + 46 + name_len]) == name:
            buf[pos + 24:pos + 28] = size.to_bytes(4, "little")
            return bytes(buf)
        pos += 4


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(zipfile.ZipInfo(name), data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()
