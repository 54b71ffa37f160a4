"""Importing a bundle: validate everything, plan, back up, merge in one transaction.

The order is the safety argument. Nothing touches the database file until
the whole bundle has been read and checked (structure, manifest, hashes,
row counts, types, column domains, references, rules across rows,
attachment bytes) and the plan is known, and a quick integrity check has
found the database sound. Then a backup copy is
taken, attachment bytes are stored (content-addressed), and every row
change, the conflicts, the audit rows, the recomputed scores, the clock and
the import log are written in one transaction that takes the write lock
first (so it waits for another writer): an error or a Cancel leaves the
database as it was, and removes the backup and the attachment files the
import stored that no row needs.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector.core.forms import FormError, parse_form
from inspector.messages import Message, plain
from inspector.progress import NO_PROGRESS, Progress
from inspector.store import backups, integrity, merge, settings, snapshot, staging
from inspector.store.attachments import has_blob, remove_unreferenced, store_bytes
from inspector.store.clock import Clock
from inspector.store.db import require_sound_for_import, temp_transaction, write_transaction
from inspector.store.inspections import refresh_scores
from inspector.store.merge import TablePlan
from inspector.store.schema import SYNCED_TABLES
from inspector.sync.errors import BundleError
from inspector.sync.reader import Bundle
from inspector.sync.stamp_checks import check_stamps


@dataclass
class ImportSummary:
    file: str
    bundle_id: str
    device_id: str
    device_name: str
    created_at: str
    campaign_id: str | None
    tables: list[TablePlan]
    attachments_new: int = 0
    attachments_present: int = 0
    duplicates: list[dict[str, Any]] = field(default_factory=list)
    dry_run: bool = False
    applied: bool = False
    backup: Path | None = None

    @property
    def totals(self) -> TablePlan:
        total = TablePlan("total")
        for p in self.tables:
            total.new += p.new
            total.updated += p.updated
            total.unchanged += p.unchanged
            total.conflicts += p.conflicts
        return total

    @property
    def changed(self) -> bool:
        return self.totals.changed or self.attachments_new > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "tables": {p.table: {"new": p.new, "updated": p.updated, "unchanged": p.unchanged,
                                 "conflicts": p.conflicts} for p in self.tables},
            "attachments_new": self.attachments_new,
            "duplicate_numbers": [d["doc_number"] for d in self.duplicates],
            "created_at": self.created_at, "campaign_id": self.campaign_id,
        }


def import_bundle(db: Database, path: str | Path, *, dry_run: bool = False,
                  progress: Progress = NO_PROGRESS, keep_backups: int = backups.KEEP
                  ) -> ImportSummary:
    """Validate `path`, merge it (unless `dry_run`), and say what changed.

    Raises BundleError, with nothing written, for any damaged or hostile
    bundle; Cancelled from `progress` rolls everything back.
    """
    with Bundle(path) as bundle:
        shapes = staging.shapes(db)
        staging.create(db, shapes)
        try:
            bundle.stage(db, shapes, progress)
            _check_forms(db, bundle)
            _check_attachment_rows(db, bundle)
            bundle.check_attachments(progress)
            check_stamps(db, bundle.name, bundle.manifest, shapes)
            for table in SYNCED_TABLES:
                progress.check()
                with temp_transaction(db):  # temp tables only
                    merge.classify(db, shapes[table])
            _check_across_rows(db, bundle)
            summary = _summary(db, bundle, dry_run)
            if not dry_run:
                require_sound_for_import(db)
            if dry_run or not summary.changed:
                if not dry_run:
                    with write_transaction(db):
                        _log(db, bundle, summary)
                return summary
            _apply(db, bundle, shapes, summary, progress, keep_backups)
            return summary
        finally:
            staging.drop(db)


def _summary(db: Database, bundle: Bundle, dry_run: bool) -> ImportSummary:
    m = bundle.manifest
    missing = [sha for sha in m.attachments if not has_blob(db, sha)]
    return ImportSummary(
        file=bundle.name, bundle_id=m.bundle_id, device_id=m.device_id,
        device_name=m.device_name, created_at=m.created_at, campaign_id=m.campaign_id,
        tables=[merge.plan(db, t) for t in SYNCED_TABLES],
        attachments_new=len(missing),
        attachments_present=len(m.attachments) - len(missing),
        duplicates=merge.duplicate_numbers(db), dry_run=dry_run)


def _apply(db: Database, bundle: Bundle, shapes: dict[str, staging.TableShape],
           summary: ImportSummary, progress: Progress, keep_backups: int) -> None:
    progress(0, 1, "backup")
    summary.backup = backups.take(db, "import")
    missing = [sha for sha in bundle.manifest.attachments if not has_blob(db, sha)]
    try:
        for i, sha in enumerate(missing):
            progress(i, len(missing), "attachments")
            store_bytes(db, bundle.attachment_bytes(sha))
        _merge(db, bundle, shapes, summary, progress)
    except BaseException:  # refused, failed or cancelled: leave no new files behind
        backups.discard(summary.backup)
        summary.backup = None
        remove_unreferenced(db, missing)
        raise
    source = backups.database_file(db)
    if summary.backup is not None and source is not None:
        backups.rotate(source, "import", keep_backups)


def _merge(db: Database, bundle: Bundle, shapes: dict[str, staging.TableShape],
           summary: ImportSummary, progress: Progress) -> None:
    who = f"import:{bundle.manifest.device_name}"
    now = dt.datetime.now().isoformat(timespec="seconds")
    steps = len(SYNCED_TABLES) + 1
    with write_transaction(db):  # waits for another writer (busy_timeout) instead of failing
        done = 0

        def step(table: str) -> None:
            nonlocal done
            progress(done, steps, table)
            done += 1

        merge.merge_all(db, shapes, who, bundle.manifest.bundle_id, now, step)
        progress(steps - 1, steps, "scores")
        refresh_scores(db, merge.touched_inspections(db))
        newest = staging.max_updated_at(db)
        if newest:
            Clock(db).observe(newest)
        _log(db, bundle, summary)
        progress.check()  # a Cancel pressed during the last step still rolls back
    summary.applied = True


def _log(db: Database, bundle: Bundle, summary: ImportSummary) -> None:
    m = bundle.manifest
    db.table("import_log").insert({
        "bundle_id": m.bundle_id, "file": bundle.name, "device_id": m.device_id,
        "device_name": m.device_name,
        "imported_at": dt.datetime.now().isoformat(timespec="seconds"),
        "summary": json.dumps(summary.to_json(), ensure_ascii=False, sort_keys=True),
    })


def _check_forms(db: Database, bundle: Bundle) -> None:
    """A stored form must parse, or every score of its campaigns would fail later."""
    for row in staging.rows_of(db, "forms", ("form_id", "version", "source", "sha256"),
                               "deleted = 0"):
        try:
            form = parse_form(row["source"], f"form {row['form_id']}")
        except FormError as exc:
            raise BundleError(Message("{file}: form {form} {version} does not parse: {issue}",
                                      file=bundle.name, form=row["form_id"],
                                      version=row["version"],
                                      issue=exc.issues[0].as_message())) from None
        if form.sha256 != row["sha256"]:
            raise BundleError(Message("{file}: form {form} {version} does not match its sha256",
                                      file=bundle.name, form=row["form_id"],
                                      version=row["version"]))


def _check_across_rows(db: Database, bundle: Bundle) -> None:
    try:
        integrity.check(db)
    except staging.StagingError as exc:
        raise BundleError(Message("{file}: {detail}", file=bundle.name,
                                  detail=plain(str(exc)))) from None


def _check_attachment_rows(db: Database, bundle: Bundle) -> None:
    try:
        needed = staging.attachment_hashes(db)
    except staging.StagingError as exc:
        raise BundleError(Message("{file}: {detail}", file=bundle.name,
                                  detail=plain(str(exc)))) from None
    for sha in needed:
        if sha not in bundle.manifest.attachments and not has_blob(db, sha):
            raise BundleError(Message("{file}: an attachment row needs file {sha}, which is "
                                      "neither in the bundle nor on this laptop",
                                      file=bundle.name, sha=sha))


def last_import(db: Database) -> dict[str, Any] | None:
    entry = snapshot.last_import(db)
    if entry is None:
        return None
    return {**entry, "summary": json.loads(entry["summary"])}


def last_export(db: Database) -> dict[str, Any] | None:
    from inspector.sync.export import LAST_EXPORT

    return settings.get(db, LAST_EXPORT) or None
