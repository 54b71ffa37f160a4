"""Attachments: bytes stored content-addressed beside the database, rows synced.

`attachments/<sha256[:2]>/<sha256>`: the same photo taken into two
inspections, or arriving in two bundles, is stored once.
"""

from __future__ import annotations

import hashlib
import mimetypes
import tempfile
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector.store import images, settings, taken
from inspector.store.db import database_file
from inspector.store.domains import MAX_ATTACHMENT_BYTES
from inspector.store.files import write_atomically
from inspector.store.rows import RowNotFound, Rows


def attachments_dir(db: Database) -> Path:
    """Beside the database file; a temporary folder for an in-memory database."""
    filename = database_file(db)
    if not filename:
        return Path(tempfile.gettempdir()) / "inspector-memory-attachments"
    return Path(filename).parent / "attachments"


def blob_path(db: Database, sha256: str) -> Path:
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError(f"not a sha256: {sha256!r}")
    return attachments_dir(db) / sha256[:2] / sha256


def store_bytes(db: Database, data: bytes) -> str:
    """Write the bytes once (atomically: temp file then rename); return their sha256."""
    sha = hashlib.sha256(data).hexdigest()
    path = blob_path(db, sha)
    if path.exists() and path.stat().st_size == len(data):
        return sha
    write_atomically(path, data)
    return sha


def read_bytes(db: Database, sha256: str) -> bytes:
    return blob_path(db, sha256).read_bytes()


def has_blob(db: Database, sha256: str) -> bool:
    return blob_path(db, sha256).exists()


def remove_unreferenced(db: Database, shas: list[str]) -> None:
    """Delete the stored files among `shas` that no attachment row needs (an import that
    failed after storing its bytes), and the folders that leaves empty."""
    for sha in shas:
        if db.execute("SELECT 1 FROM attachments WHERE sha256 = ? LIMIT 1", [sha]).fetchone():
            continue
        path = blob_path(db, sha)
        path.unlink(missing_ok=True)
        for folder in (path.parent, path.parent.parent):
            try:
                folder.rmdir()
            except OSError:
                break


KEEP_ORIGINALS = "keep_original_photos"  # the setting: store photos as taken


def add_attachment(
    rows: Rows,
    owner_table: str,
    owner_id: str,
    data: bytes,
    *,
    filename: str = "",
    mime: str | None = None,
    caption: str = "",
    keep_original: bool | None = None,
    mtime: float | None = None,
) -> dict[str, Any]:
    """Store the bytes (a large photo downscaled, see `images`) and their synced row.

    `keep_original` None follows the setting "Keep original photos". The time
    it was taken comes from the original bytes' EXIF, else from `mtime`, the
    file's modification time (`store.taken`).
    """
    when = taken.taken_at(data, mtime)
    if keep_original is None:
        keep_original = bool(settings.get(rows.db, KEEP_ORIGINALS, False))
    if not keep_original:
        stored = images.downscaled(data, filename)
        data, filename, mime = stored.data, stored.filename, stored.mime or mime
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValueError(
            f"{filename or 'the file'} is larger than {MAX_ATTACHMENT_BYTES // (1024 * 1024)} MiB"
        )
    sha = store_bytes(rows.db, data)
    mime = mime or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return rows.insert(
        "attachments",
        {
            "sha256": sha,
            "size": len(data),
            "mime": mime,
            "filename": Path(filename).name,
            "owner_table": owner_table,
            "owner_id": owner_id,
            "caption": caption,
            "taken_at": when,
        },
    )


def add_file(
    rows: Rows,
    owner_table: str,
    owner_id: str,
    path: str | Path,
    caption: str = "",
    keep_original: bool | None = None,
) -> dict[str, Any]:
    path = Path(path)
    data = path.read_bytes()
    return add_attachment(
        rows,
        owner_table,
        owner_id,
        data,
        filename=path.name,
        caption=caption,
        keep_original=keep_original,
        mtime=path.stat().st_mtime,
    )


def set_caption(rows: Rows, attachment_id: str, caption: str) -> dict[str, Any]:
    """A caption typed for a piece of evidence: saved on the synced row (audited)."""
    row = rows.get("attachments", attachment_id)
    if row["deleted"]:
        raise RowNotFound("attachments", attachment_id)
    return rows.update("attachments", attachment_id, {"caption": caption.strip()})


def delete_attachment(rows: Rows, attachment_id: str) -> dict[str, Any]:
    """A piece of evidence taken away: a tombstone on its row, so the deletion travels and
    the audit log keeps who did it. The bytes stay: another row (or a bundle's conflict
    copy) may still need them, and `inspector check` only counts rows."""
    return rows.delete("attachments", attachment_id)


def attachments_of(db: Database, owner_table: str, owner_id: str) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT * FROM attachments WHERE owner_table = ? AND owner_id = ? AND deleted = 0 "
            "ORDER BY rowid",  # as they came: an edited caption moves no photo
            [owner_table, owner_id],
        )
    )
