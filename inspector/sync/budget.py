"""The format's limits, checked while a bundle is written (the exporter's side of them).

The importer refuses a bundle over any limit of `inspector.sync.format`; the
exporter checks the same limits, read from the same module, before or while
writing, so it never leaves a bundle the other side would refuse. Each
refusal says what is too big and by how much, and nothing is left under the
target name (the exporter writes to a temporary file).
"""

from __future__ import annotations

import json
from typing import Any

from inspector.messages import Message
from inspector.sync import format as fmt
from inspector.sync.errors import BundleError

_SMALLER = Message("export a delta (--since-last) to carry only the changes, or a campaign kit")


class Budget:
    """Bytes and files written so far against the bundle's total limits."""

    def __init__(self, tables: int, fixed: int = 0) -> None:
        self.total = 0
        # the manifest, the table files, and the `fixed` files every bundle of this
        # sender carries (its signature, the roster it hands on)
        self.members = 1 + tables + fixed

    def attachments(self, sizes: dict[str, int], rows: dict[str, dict[str, Any]]) -> None:
        """Check the attachments before a byte is written: each file, their count, their sum."""
        for sha, size in sizes.items():
            if size > fmt.ATTACHMENT_LIMIT:
                row = rows[sha]
                raise BundleError(
                    Message(
                        "attachment {id} ({filename}) is {size:,} bytes, {over:,} more than the "
                        "{limit:,} an attachment may have in a bundle",
                        id=row["id"],
                        filename=row["filename"] or sha,
                        size=size,
                        over=size - fmt.ATTACHMENT_LIMIT,
                        limit=fmt.ATTACHMENT_LIMIT,
                    )
                )
        self.members += len(sizes)
        if self.members > fmt.MAX_MEMBERS:
            raise BundleError(
                Message(
                    "{count:,} attachments make more than the {limit:,} files a bundle may hold; "
                    "{advice}",
                    count=len(sizes),
                    limit=fmt.MAX_MEMBERS,
                    advice=_SMALLER,
                )
            )
        self.add(sum(sizes.values()), attachments=True)

    def add(self, size: int, attachments: bool = False) -> None:
        """Count `size` more bytes; over the total limit is refused with the excess."""
        self.total += size
        if self.total > fmt.MAX_TOTAL_BYTES:
            what = (
                Message("its attachments alone come to")
                if attachments
                else Message("with its tables it comes to")
            )
            raise BundleError(
                Message(
                    "this bundle is too big: {what} {size:,} bytes, {over:,} more than the "
                    "{limit:,} a bundle may hold; {advice}",
                    what=what,
                    size=self.total,
                    over=self.total - fmt.MAX_TOTAL_BYTES,
                    limit=fmt.MAX_TOTAL_BYTES,
                    advice=_SMALLER,
                )
            )

    def member(self, size: int) -> None:
        """One more file of `size` bytes beyond those counted at the start (a statement)."""
        self.members += 1
        if self.members > fmt.MAX_MEMBERS:
            raise BundleError(
                Message(
                    "the bundle would hold {count:,} files, more than the {limit:,} a bundle may "
                    "hold; {advice}",
                    count=self.members,
                    limit=fmt.MAX_MEMBERS,
                    advice=_SMALLER,
                )
            )
        self.add(size)

    def manifest(self, data: bytes) -> None:
        if len(data) > fmt.MAX_MANIFEST_BYTES:
            raise BundleError(
                Message(
                    "the bundle's manifest.json would be {size:,} bytes, {over:,} more than the "
                    "{limit:,} allowed; {advice}",
                    size=len(data),
                    over=len(data) - fmt.MAX_MANIFEST_BYTES,
                    limit=fmt.MAX_MANIFEST_BYTES,
                    advice=_SMALLER,
                )
            )
        self.add(len(data))


def check_table(table: str, size: int) -> None:
    if size > fmt.MAX_TABLE_BYTES:
        raise BundleError(
            Message(
                "table {table} comes to {size:,} bytes in the bundle, {over:,} more than the "
                "{limit:,} a table may have; {advice}",
                table=table,
                size=size,
                over=size - fmt.MAX_TABLE_BYTES,
                limit=fmt.MAX_TABLE_BYTES,
                advice=_SMALLER,
            )
        )


def check_line(table: str, row: dict[str, Any], line: str) -> None:
    """A row's JSON line (without its newline) within the line limit, cheaply when clearly so."""
    limit = fmt.MAX_LINE_BYTES
    if len(line) * 4 <= limit:  # UTF-8 takes at most 4 bytes a character
        return
    size = len(line.encode("utf-8"))
    if size <= limit:
        return
    column = max(row, key=lambda c: len(json.dumps(row[c], ensure_ascii=False).encode()))
    raise BundleError(
        Message(
            "{table} row {id}: {size:,} bytes as one line of the bundle, {over:,} more than the "
            "{limit:,} a row may have; its column {column} alone is {column_size:,} bytes. "
            "Shorten it and export again",
            table=table,
            id=row.get("id"),
            size=size,
            over=size - limit,
            limit=limit,
            column=column,
            column_size=len(json.dumps(row[column], ensure_ascii=False).encode()),
        )
    )
