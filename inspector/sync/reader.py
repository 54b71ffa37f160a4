"""Reading a bundle defensively: the ZIP, its names, sizes, manifest, hashes and rows.

Nothing in a bundle is trusted. Names are checked before any member is
opened, declared sizes before any byte is inflated, and every member is read
in bounded chunks while its inflated bytes are counted, so neither a ZIP
bomb nor a crafted name can exhaust memory or reach outside the data folder.
Rows go straight into the staging tables (`store.staging`), never into the
database file.
"""

from __future__ import annotations

import hashlib
import json
import operator
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector.progress import NO_PROGRESS, Progress
from inspector.store import staging
from inspector.store.schema import SYNCED_TABLES
from inspector.store.staging import StagingError, TableShape
from inspector.sync.errors import BundleError
from inspector.sync.format import (
    ATTACHMENT_LIMIT,
    MANIFEST,
    MAX_LINE_BYTES,
    MAX_MANIFEST_BYTES,
    MAX_MEMBERS,
    MAX_RATIO,
    MAX_TABLE_BYTES,
    MAX_TOTAL_BYTES,
    RATIO_FLOOR,
    Manifest,
    member_kind,
    parse_manifest,
    unsafe_name,
)

_CHUNK = 1024 * 1024
_BATCH = 5000
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError,
               zipfile.LargeZipFile, RuntimeError, ValueError)


class Bundle:
    """An opened bundle whose structure and manifest are valid; rows not read yet."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.name = self.path.name
        try:
            self.zip = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise BundleError(f"{self.path}: no such file") from None
        except IsADirectoryError:
            raise BundleError(f"{self.path} is a folder, not a bundle") from None
        except _ZIP_ERRORS:
            raise BundleError(f"{self.name} is not an Inspector bundle (not a ZIP archive, "
                              "or cut short while copying)") from None
        try:
            self.members = self._check_members()
            self.manifest = self._read_manifest()
            self._check_against_manifest()
        except BaseException:
            self.zip.close()
            raise

    def close(self) -> None:
        self.zip.close()

    def __enter__(self) -> Bundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_members(self) -> dict[str, zipfile.ZipInfo]:
        infos = self.zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise BundleError(f"{self.name} holds {len(infos):,} files, more than a bundle may")
        members: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            why = unsafe_name(name)
            if why:
                raise BundleError(f"{self.name}: refused, member {name[:120]!r} has {why}")
            if name in members:
                raise BundleError(f"{self.name}: member {name} appears twice")
            kind = member_kind(name)
            if kind is None:
                raise BundleError(f"{self.name}: unexpected member {name[:120]!r}")
            if info.flag_bits & 0x1:
                raise BundleError(f"{self.name}: member {name} is encrypted")
            limit = {"manifest": MAX_MANIFEST_BYTES, "table": MAX_TABLE_BYTES,
                     "attachment": ATTACHMENT_LIMIT}[kind[0]]
            if info.file_size > limit:
                raise BundleError(f"{self.name}: member {name} declares {info.file_size:,} "
                                  f"bytes, more than the {limit:,} allowed")
            if (info.file_size > RATIO_FLOOR
                    and info.file_size > MAX_RATIO * max(info.compress_size, 1)):
                raise BundleError(f"{self.name}: member {name} inflates more than "
                                  f"{MAX_RATIO}:1 (a ZIP bomb?)")
            total += info.file_size
            members[name] = info
        if total > MAX_TOTAL_BYTES:
            raise BundleError(f"{self.name}: {total:,} bytes uncompressed, more than the "
                              f"{MAX_TOTAL_BYTES:,} a bundle may hold")
        return members

    def _read_manifest(self) -> Manifest:
        if MANIFEST not in self.members:
            raise BundleError(f"{self.name}: manifest.json is missing; not an Inspector bundle")
        data = b"".join(self.chunks(MANIFEST, MAX_MANIFEST_BYTES))
        try:
            parsed = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BundleError(f"{self.name}: manifest.json is not valid JSON ({exc})") from None
        try:
            return parse_manifest(parsed)
        except BundleError as exc:
            raise BundleError(f"{self.name}: {exc}") from None

    def _check_against_manifest(self) -> None:
        expected = {MANIFEST}
        expected.update(t.file for t in self.manifest.tables.values())
        expected.update(f"attachments/{sha}" for sha in self.manifest.attachments)
        for name in expected - set(self.members):
            raise BundleError(f"{self.name}: {name} is listed in the manifest but missing")
        for name in set(self.members) - expected:
            raise BundleError(f"{self.name}: {name} is not listed in the manifest")
        for sha, entry in self.manifest.attachments.items():
            if self.members[f"attachments/{sha}"].file_size != entry.size:
                raise BundleError(f"{self.name}: attachment {sha} is not the size the "
                                  "manifest says")

    def chunks(self, name: str, limit: int) -> Iterator[bytes]:
        """A member's bytes in bounded chunks; more than declared or allowed is refused."""
        info = self.members[name]
        seen = 0
        try:
            with self.zip.open(info) as fh:
                while True:
                    chunk = fh.read(_CHUNK)
                    if not chunk:
                        break
                    seen += len(chunk)
                    if seen > limit or seen > info.file_size:
                        raise BundleError(f"{self.name}: member {name} inflates beyond its "
                                          "declared size (a ZIP bomb?)")
                    yield chunk
        except _ZIP_ERRORS as exc:
            raise BundleError(f"{self.name}: member {name} is damaged ({exc})") from None

    def stage(self, db: Database, shapes: dict[str, TableShape],
              progress: Progress = NO_PROGRESS) -> None:
        """Read, hash, count and stage every table; then check rows and references in SQL."""
        total = sum(self.members[t.file].file_size for t in self.manifest.tables.values())
        done = 0
        for table, entry in self.manifest.tables.items():
            read = self._stage_table(db, shapes[table], entry.file, entry.rows, entry.sha256,
                                     progress, done, total)
            done += read
        progress(total, total, "checking")
        try:
            for table in SYNCED_TABLES:
                file = self.manifest.tables[table].file if table in self.manifest.tables else ""
                staging.index(db, shapes[table], file)
            for table in self.manifest.tables:
                staging.check(db, shapes[table], self.manifest.tables[table].file)
            for table in self.manifest.tables:
                dangling = staging.dangling_reference(db, shapes[table])
                if dangling:
                    raise BundleError(f"{self.name}: {self.manifest.tables[table].file} "
                                      f"{dangling}")
        except StagingError as exc:
            raise BundleError(f"{self.name}: {exc}") from None

    def _stage_table(self, db: Database, shape: TableShape, file: str, rows: int, sha: str,
                     progress: Progress, done: int, total: int) -> int:
        digest = hashlib.sha256()
        columns = set(shape.names)
        getter = operator.itemgetter(*shape.names)
        batch: list[tuple[Any, ...]] = []
        line_no = 0
        size = 0
        first = 1
        decode = _DECODER.raw_decode
        for lines, chunk_size in self._line_batches(file, digest):
            for line in lines:
                line_no += 1
                try:
                    text = line.decode("utf-8")
                    row, end = decode(text)
                except (UnicodeDecodeError, RecursionError, ValueError):
                    raise BundleError(f"{self.name}: {file} line {line_no} is not valid "
                                      "JSON") from None
                if end != len(text) and text[end:].strip():
                    raise BundleError(f"{self.name}: {file} line {line_no} is not valid JSON")
                if type(row) is not dict:
                    raise BundleError(f"{self.name}: {file} line {line_no} is not a JSON "
                                      "object")
                if row.keys() != columns:
                    raise BundleError(f"{self.name}: {file} line {line_no}: "
                                      f"{_column_difference(set(row), columns)}")
                batch.append(getter(row))
            size += chunk_size
            if len(batch) >= _BATCH:
                self._flush(db, shape, batch, first, file)
                first = line_no + 1
                batch = []
                progress(done + size, total, shape.table)
        self._flush(db, shape, batch, first, file)
        if digest.hexdigest() != sha:
            raise BundleError(f"{self.name}: {file} does not match its sha256 in the manifest "
                              "(damaged or altered)")
        if line_no != rows:
            raise BundleError(f"{self.name}: {file} holds {line_no} rows, the manifest says "
                              f"{rows}")
        return self.members[file].file_size

    def _flush(self, db: Database, shape: TableShape, batch: list[tuple[Any, ...]],
               first: int, file: str) -> None:
        if not batch:
            return
        try:
            staging.insert(db, shape, batch, first, file)
        except StagingError as exc:
            raise BundleError(f"{self.name}: {exc}") from None

    def _line_batches(self, file: str, digest: Any) -> Iterator[tuple[list[bytes], int]]:
        """The complete lines of each chunk read, and the chunk's size."""
        rest = b""
        for chunk in self.chunks(file, MAX_TABLE_BYTES):
            digest.update(chunk)
            parts = (rest + chunk).split(b"\n")
            rest = parts.pop()
            if len(rest) > MAX_LINE_BYTES:
                raise BundleError(f"{self.name}: {file} has a line longer than "
                                  f"{MAX_LINE_BYTES // (1024 * 1024)} MiB")
            yield parts, len(chunk)
        if rest:
            raise BundleError(f"{self.name}: {file} ends in the middle of a row")

    def attachment_bytes(self, sha: str) -> bytes:
        """One attachment's bytes, checked against its name (the sha256) and size."""
        entry = self.manifest.attachments[sha]
        data = b"".join(self.chunks(f"attachments/{sha}", ATTACHMENT_LIMIT))
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != sha:
            raise BundleError(f"{self.name}: attachment {sha} does not match its sha256 "
                              "(damaged or altered)")
        return data

    def check_attachments(self, progress: Progress = NO_PROGRESS) -> None:
        shas = list(self.manifest.attachments)
        for i, sha in enumerate(shas):
            progress(i, len(shas), "attachments")
            digest = hashlib.sha256()
            size = 0
            for chunk in self.chunks(f"attachments/{sha}", ATTACHMENT_LIMIT):
                digest.update(chunk)
                size += len(chunk)
            if size != self.manifest.attachments[sha].size or digest.hexdigest() != sha:
                raise BundleError(f"{self.name}: attachment {sha} does not match its sha256 "
                                  "(damaged or altered)")


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a value a row may hold")


_DECODER = json.JSONDecoder(parse_constant=_no_constant)


def _column_difference(got: set[str], want: set[str]) -> str:
    parts = []
    if got - want:
        parts.append("unknown column(s) " + ", ".join(sorted(got - want)[:5]))
    if want - got:
        parts.append("missing column(s) " + ", ".join(sorted(want - got)[:5]))
    return "; ".join(parts)


def open_bundle(path: str | Path) -> Bundle:
    return Bundle(path)

