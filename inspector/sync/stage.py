"""Staging a bundle's rows: the read rows, trust-checked, into the staging tables.

The reader (`sync.reader`) touches no database and the staging tables
(`store.staging`) know nothing of bundles; this is the loop between them.
Each line goes to the trust checks (`sync.verify`) as it is read, rows are
inserted in batches, and once every table is in, the staging tables are
indexed and checked (types, domains, references). Everything here writes
temp tables only: the database file is not touched before the import has
checked the whole bundle.
"""

from __future__ import annotations

import operator
from typing import Any

from sqlite_utils import Database

from inspector.messages import Message, plain
from inspector.progress import NO_PROGRESS, Progress
from inspector.store import staging
from inspector.store.schema import LATER_COLUMNS, SYNCED_TABLES
from inspector.store.staging import StagingError, TableShape
from inspector.sync.errors import BundleError
from inspector.sync.reader import Bundle
from inspector.sync.verify import Verifier

_BATCH = 5000


def stage_bundle(
    db: Database,
    bundle: Bundle,
    shapes: dict[str, TableShape],
    verifier: Verifier,
    progress: Progress = NO_PROGRESS,
) -> None:
    """Read, hash, count, verify and stage every table; then check rows and references."""
    manifest = bundle.manifest
    total = sum(bundle.members[t.file].file_size for t in manifest.tables.values())
    done = 0
    for table in manifest.tables:
        done += _stage_table(db, bundle, shapes[table], verifier, progress, done, total)
    verifier.finish(bundle)
    progress(total, total, "checking")
    try:
        for table in SYNCED_TABLES:
            file = manifest.tables[table].file if table in manifest.tables else ""
            staging.index(db, shapes[table], file)
        for table in manifest.tables:
            staging.check(
                db, shapes[table], manifest.tables[table].file, checked=("updated_at",)
            )  # by the verifier, line by line
        for table in manifest.tables:
            dangling = staging.dangling_reference(db, shapes[table])
            if dangling and manifest.is_delta:
                raise BundleError(
                    Message(
                        "{file}: {member} {detail}. This is a delta bundle, made for a "
                        "database that holds more than this one: ask {device} to export a "
                        "full bundle",
                        file=bundle.name,
                        member=manifest.tables[table].file,
                        detail=plain(dangling),
                        device=manifest.device_name,
                    )
                )
            if dangling:
                raise BundleError(
                    Message(
                        "{file}: {member} {detail}",
                        file=bundle.name,
                        member=manifest.tables[table].file,
                        detail=plain(dangling),
                    )
                )
    except StagingError as exc:
        raise BundleError(
            Message("{file}: {detail}", file=bundle.name, detail=plain(str(exc)))
        ) from None


def _stage_table(
    db: Database,
    bundle: Bundle,
    shape: TableShape,
    verifier: Verifier,
    progress: Progress,
    done: int,
    total: int,
) -> int:
    """One table into its staging table; returns the member's size (for progress)."""
    rows = bundle.table_rows(shape.table, shape.names, LATER_COLUMNS.get(shape.table))
    file = rows.file
    getter = operator.itemgetter(*shape.names)
    check = verifier.row
    table = shape.table
    batch: list[tuple[Any, ...]] = []
    first = 1
    for line_no, row, line in rows:
        check(table, row, line, line_no, file)
        batch.append(getter(row))
        if len(batch) >= _BATCH:
            _flush(db, bundle, shape, batch, first, file)
            first = line_no + 1
            batch = []
            progress(done + rows.bytes_read, total, table)
    _flush(db, bundle, shape, batch, first, file)
    return bundle.members[file].file_size


def _flush(
    db: Database,
    bundle: Bundle,
    shape: TableShape,
    batch: list[tuple[Any, ...]],
    first: int,
    file: str,
) -> None:
    if not batch:
        return
    try:
        staging.insert(db, shape, batch, first, file)
    except StagingError as exc:
        raise BundleError(
            Message("{file}: {detail}", file=bundle.name, detail=plain(str(exc)))
        ) from None
