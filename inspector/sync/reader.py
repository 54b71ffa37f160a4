"""Reading a bundle defensively: the ZIP, its names, sizes, manifest, hashes and rows.

Nothing in a bundle is trusted. Names are checked before any member is
opened, declared sizes before any byte is inflated, and every member is read
in bounded chunks while its inflated bytes are counted, so neither a ZIP
bomb nor a crafted name can exhaust memory or reach outside the data folder.
The reader touches no database: it yields each table's rows, parsed and
checked against the manifest, to whoever stages them (`sync.stage`, which
hands each line to the trust checks of `sync.verify` and puts the rows in
the staging tables). The file itself is the outer layer of format 2
(`sync.envelope`): its content is decrypted first, then read as above.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
import zlib
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import IO, Any

from pyrage import x25519

from inspector.messages import Joined, Message
from inspector.progress import NO_PROGRESS, Progress
from inspector.sync import format as fmt
from inspector.sync.envelope import open_content, read_outer
from inspector.sync.errors import BundleError
from inspector.sync.format import (
    MANIFEST,
    ROSTER,
    SIGNATURE,
    Manifest,
    member_kind,
    parse_manifest,
    unsafe_name,
)

_CHUNK = 1024 * 1024
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    zipfile.LargeZipFile,
    RuntimeError,
    ValueError,
)


class Bundle:
    """An opened bundle whose structure and manifest are valid; rows not read yet."""

    def __init__(
        self,
        path: str | Path,
        identities: Sequence[x25519.Identity] = (),
        passphrase: str | None = None,
    ):
        self.path = Path(path)
        self.name = self.path.name
        try:
            self.outer = zipfile.ZipFile(self.path)
        except FileNotFoundError:
            raise BundleError(Message("{file}: no such file", file=str(self.path))) from None
        except IsADirectoryError:
            raise BundleError(
                Message("{file} is a folder, not a bundle", file=str(self.path))
            ) from None
        except _ZIP_ERRORS:
            raise BundleError(
                Message(
                    "{file} is not an Inspector bundle (not a ZIP archive, "
                    "or cut short while copying)",
                    file=self.name,
                )
            ) from None
        self._content: IO[bytes] | None = None
        self.zip = self.outer
        try:
            self.sender = read_outer(self.name, self.outer)["sender"]
            self._content = open_content(
                self.name, self.outer, identities, passphrase, fmt.MAX_TOTAL_BYTES
            )
            try:
                self.zip = zipfile.ZipFile(self._content)
            except _ZIP_ERRORS:
                raise BundleError(
                    Message("{file}: the decrypted content is not a bundle", file=self.name)
                ) from None
            self.members = self._check_members()
            self.manifest = self._read_manifest()
            if self.manifest.device_id != self.sender:
                raise BundleError(
                    Message(
                        "{file}: the sender outside ({outer}) is not the sender inside ({inner})",
                        file=self.name,
                        outer=self.sender,
                        inner=self.manifest.device_id,
                    )
                )
            self._check_against_manifest()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.zip is not self.outer:
            self.zip.close()
        self.outer.close()
        if self._content is not None:
            self._content.close()

    def __enter__(self) -> Bundle:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_members(self) -> dict[str, zipfile.ZipInfo]:
        infos = self.zip.infolist()
        if len(infos) > fmt.MAX_MEMBERS:
            raise BundleError(
                Message(
                    "{file} holds {count:,} files, more than a bundle may",
                    file=self.name,
                    count=len(infos),
                )
            )
        members: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            why = unsafe_name(name)
            if why:
                raise BundleError(
                    Message(
                        "{file}: refused, member {member!r} has {why}",
                        file=self.name,
                        member=name[:120],
                        why=why,
                    )
                )
            if name in members:
                raise BundleError(
                    Message("{file}: member {member} appears twice", file=self.name, member=name)
                )
            kind = member_kind(name)
            if kind is None:
                raise BundleError(
                    Message(
                        "{file}: unexpected member {member!r}", file=self.name, member=name[:120]
                    )
                )
            if info.flag_bits & 0x1:
                raise BundleError(
                    Message("{file}: member {member} is encrypted", file=self.name, member=name)
                )
            limit = {
                "manifest": fmt.MAX_MANIFEST_BYTES,
                "table": fmt.MAX_TABLE_BYTES,
                "attachment": fmt.ATTACHMENT_LIMIT,
                "roster": fmt.MAX_ROSTER_BYTES,
                "signature": fmt.MAX_SIGNATURE_BYTES,
                "statement": fmt.MAX_TABLE_BYTES,
            }[kind[0]]
            if info.file_size > limit:
                raise BundleError(
                    Message(
                        "{file}: member {member} declares {size:,} bytes, "
                        "more than the {limit:,} allowed",
                        file=self.name,
                        member=name,
                        size=info.file_size,
                        limit=limit,
                    )
                )
            total += info.file_size
            members[name] = info
        if total > fmt.MAX_TOTAL_BYTES:
            raise BundleError(
                Message(
                    "{file}: {size:,} bytes uncompressed, more than the "
                    "{limit:,} a bundle may hold",
                    file=self.name,
                    size=total,
                    limit=fmt.MAX_TOTAL_BYTES,
                )
            )
        return members

    def _read_manifest(self) -> Manifest:
        if MANIFEST not in self.members:
            raise BundleError(
                Message("{file}: manifest.json is missing; not an Inspector bundle", file=self.name)
            )
        data = b"".join(self.chunks(MANIFEST, fmt.MAX_MANIFEST_BYTES))
        self.manifest_bytes = data
        try:
            parsed = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise BundleError(
                Message(
                    "{file}: manifest.json is not valid JSON ({error})",
                    file=self.name,
                    error=str(exc),
                )
            ) from None
        except RecursionError:
            raise BundleError(
                Message("{file}: manifest.json is nested too deeply", file=self.name)
            ) from None
        try:
            return parse_manifest(parsed)
        except BundleError as exc:
            raise BundleError(
                Message("{file}: {detail}", file=self.name, detail=exc.messages[0])
            ) from None

    def _check_against_manifest(self) -> None:
        expected = {MANIFEST, SIGNATURE}
        if ROSTER in self.members:
            expected.add(ROSTER)
        expected.update(st.file for st in self.manifest.statements if st.file)
        expected.update(t.file for t in self.manifest.tables.values())
        expected.update(f"attachments/{sha}" for sha in self.manifest.attachments)
        for name in expected - set(self.members):
            raise BundleError(
                Message(
                    "{file}: {member} is listed in the manifest but missing",
                    file=self.name,
                    member=name,
                )
            )
        for name in set(self.members) - expected:
            raise BundleError(
                Message(
                    "{file}: {member} is not listed in the manifest", file=self.name, member=name
                )
            )
        for sha, entry in self.manifest.attachments.items():
            if self.members[f"attachments/{sha}"].file_size != entry.size:
                raise BundleError(
                    Message(
                        "{file}: attachment {sha} is not the size the manifest says",
                        file=self.name,
                        sha=sha,
                    )
                )

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
                        raise BundleError(
                            Message(
                                "{file}: member {member} inflates beyond "
                                "its declared size (a ZIP bomb?)",
                                file=self.name,
                                member=name,
                            )
                        )
                    yield chunk
        except _ZIP_ERRORS as exc:
            raise BundleError(
                Message(
                    "{file}: member {member} is damaged ({error})",
                    file=self.name,
                    member=name,
                    error=str(exc),
                )
            ) from None

    def table_rows(
        self, table: str, columns: Sequence[str], added: Mapping[str, Any] | None = None
    ) -> TableRows:
        """A table's rows as they are read; see TableRows."""
        return TableRows(self, table, frozenset(columns), added or {})

    def _line_batches(self, file: str, digest: Any) -> Iterator[tuple[list[bytes], int]]:
        """The complete lines of each chunk read, and the chunk's size."""
        rest = b""
        limit = fmt.MAX_LINE_BYTES
        for chunk in self.chunks(file, fmt.MAX_TABLE_BYTES):
            digest.update(chunk)
            parts = (rest + chunk).split(b"\n")
            rest = parts.pop()
            if len(rest) > limit or (parts and max(map(len, parts)) > limit):
                raise BundleError(
                    Message(
                        "{file}: {member} has a line longer than {limit:,} bytes",
                        file=self.name,
                        member=file,
                        limit=limit,
                    )
                )
            yield parts, len(chunk)
        if rest:
            raise BundleError(
                Message("{file}: {member} ends in the middle of a row", file=self.name, member=file)
            )

    def attachment_bytes(self, sha: str) -> bytes:
        """One attachment's bytes, checked against its name (the sha256) and size."""
        entry = self.manifest.attachments[sha]
        data = b"".join(self.chunks(f"attachments/{sha}", fmt.ATTACHMENT_LIMIT))
        if len(data) != entry.size or hashlib.sha256(data).hexdigest() != sha:
            raise BundleError(
                Message(
                    "{file}: attachment {sha} does not match its sha256 (damaged or altered)",
                    file=self.name,
                    sha=sha,
                )
            )
        return data

    def check_attachments(self, progress: Progress = NO_PROGRESS) -> None:
        shas = list(self.manifest.attachments)
        for i, sha in enumerate(shas):
            progress(i, len(shas), "attachments")
            digest = hashlib.sha256()
            size = 0
            for chunk in self.chunks(f"attachments/{sha}", fmt.ATTACHMENT_LIMIT):
                digest.update(chunk)
                size += len(chunk)
            if size != self.manifest.attachments[sha].size or digest.hexdigest() != sha:
                raise BundleError(
                    Message(
                        "{file}: attachment {sha} does not match its sha256 (damaged or altered)",
                        file=self.name,
                        sha=sha,
                    )
                )


class TableRows:
    """One table member's rows, each line checked as it is read.

    Iterating yields `(line number, row, line bytes)`: the line as sent is
    what signatures cover, the row what it parses to. Every line must be a
    JSON object with exactly the given columns (the receiving schema's). After
    the last line the member's sha256 and row count are compared with the
    manifest, so whoever reads to the end has read only what the sender
    counted. `bytes_read` follows the member for progress.
    """

    def __init__(
        self, bundle: Bundle, table: str, columns: frozenset[str], added: Mapping[str, Any]
    ):
        self.bundle = bundle
        self.table = table
        self.entry = bundle.manifest.tables[table]
        self.file = self.entry.file
        self.columns = columns
        # Columns added after the table first travelled (`store.schema.ADDED_COLUMNS`, given
        # by the caller): a line may leave them out, as the previous version's bundles and
        # lines at the default do, and then holds their default.
        self.added = {c: d for c, d in added.items() if c in columns}
        self.bytes_read = 0

    def __iter__(self) -> Iterator[tuple[int, dict[str, Any], bytes]]:
        name, file, wanted, added = self.bundle.name, self.file, self.columns, self.added
        digest = hashlib.sha256()
        line_no = 0
        decode = _DECODER.raw_decode
        for lines, chunk_size in self.bundle._line_batches(file, digest):
            for line in lines:
                line_no += 1
                try:
                    text = line.decode("utf-8")
                    row, end = decode(text)
                except (UnicodeDecodeError, RecursionError, ValueError):
                    raise BundleError(
                        Message(
                            "{file}: {member} line {line} is not valid JSON",
                            file=name,
                            member=file,
                            line=line_no,
                        )
                    ) from None
                if end != len(text) and text[end:].strip():
                    raise BundleError(
                        Message(
                            "{file}: {member} line {line} is not valid JSON",
                            file=name,
                            member=file,
                            line=line_no,
                        )
                    )
                if type(row) is not dict:
                    raise BundleError(
                        Message(
                            "{file}: {member} line {line} is not a JSON object",
                            file=name,
                            member=file,
                            line=line_no,
                        )
                    )
                if row.keys() != wanted and not _fill_added(row, wanted, added):
                    raise BundleError(
                        Message(
                            "{file}: {member} line {line}: {problems}",
                            file=name,
                            member=file,
                            line=line_no,
                            problems=_column_difference(set(row) | self.added.keys(), wanted),
                        )
                    )
                yield line_no, row, line
            self.bytes_read += chunk_size
        if digest.hexdigest() != self.entry.sha256:
            raise BundleError(
                Message(
                    "{file}: {member} does not match its sha256 in the "
                    "manifest (damaged or altered)",
                    file=name,
                    member=file,
                )
            )
        if line_no != self.entry.rows:
            raise BundleError(
                Message(
                    "{file}: {member} holds {count} rows, the manifest says {expected}",
                    file=name,
                    member=file,
                    count=line_no,
                    expected=self.entry.rows,
                )
            )


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a value a row may hold")


_DECODER = json.JSONDecoder(parse_constant=_no_constant)


def _fill_added(row: dict[str, Any], wanted: AbstractSet[str], added: Mapping[str, Any]) -> bool:
    """Give a line that leaves out only added columns their defaults; False if it lacks
    another column or holds an unknown one."""
    missing = wanted - row.keys()
    if not missing or not missing <= added.keys() or not row.keys() <= wanted:
        return False
    for column in missing:
        row[column] = added[column]
    return True


def _column_difference(got: AbstractSet[str], want: AbstractSet[str]) -> Joined:
    parts = []
    if got - want:
        parts.append(
            Message("unknown column(s) {columns}", columns=", ".join(sorted(got - want)[:5]))
        )
    if want - got:
        parts.append(
            Message("missing column(s) {columns}", columns=", ".join(sorted(want - got)[:5]))
        )
    return Joined(parts)
