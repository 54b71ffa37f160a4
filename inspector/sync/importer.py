"""Importing a bundle: validate everything, plan, back up, merge in one transaction.

The order is the safety argument. Nothing touches the database file until
the whole bundle has been decrypted, read and checked (structure, manifest,
signatures, authors, roles, revocations, hashes, row counts, types, column
domains, references, rules across rows, attachment bytes) and the plan is
known, and a quick integrity check has found the database sound. Then a
backup copy is taken, attachment bytes are stored (content-addressed), and
every row change, the conflicts, the audit rows, the recomputed scores, the
clock, the roster and statements received, and the import log are written
in one transaction that takes the write lock first (so it waits for another
writer): an error or a Cancel leaves the database as it was, and removes the
backup and the attachment files the import stored that no row needs.
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
from inspector.store import (
    backups,
    devices,
    integrity,
    merge,
    settings,
    snapshot,
    staging,
    versions,
)
from inspector.store.attachments import has_blob, remove_unreferenced, store_bytes
from inspector.store.clock import Clock
from inspector.store.db import require_sound_for_import, temp_transaction, write_transaction
from inspector.store.frozen import changed_forms
from inspector.store.inspections import refresh_scores
from inspector.store.merge import TablePlan
from inspector.store.schema import SYNCED_TABLES
from inspector.sync import roster as rosters
from inspector.sync.errors import BundleError
from inspector.sync.keys import device_keys, retired_identities
from inspector.sync.reader import Bundle
from inspector.sync.signing import Statement, statement_digest
from inspector.sync.stage import stage_bundle
from inspector.sync.stamp_checks import check_stamps
from inspector.sync.verify import Verifier


@dataclass(frozen=True)
class Author:
    """A device whose versions a bundle carries, as the roster names it."""

    device_id: str
    name: str
    role: str
    fingerprint: str
    versions: int


# An import changing fewer rows is covered by a copy already taken today.
SMALL_IMPORT_ROWS = 2000


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
    sender: Author | None = None
    authors: list[Author] = field(default_factory=list)
    roster_serial: int | None = None
    roster_updated: bool = False
    backup_taken: bool = False  # False: an earlier copy of today covers this import

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
            "tables": {
                p.table: {
                    "new": p.new,
                    "updated": p.updated,
                    "unchanged": p.unchanged,
                    "conflicts": p.conflicts,
                }
                for p in self.tables
            },
            "attachments_new": self.attachments_new,
            "duplicate_numbers": [d["doc_number"] for d in self.duplicates],
            "created_at": self.created_at,
            "campaign_id": self.campaign_id,
            "authors": {
                a.device_id: {"name": a.name, "role": a.role, "versions": a.versions}
                for a in self.authors
            },
            "roster_serial": self.roster_serial,
        }


def import_bundle(
    db: Database,
    path: str | Path,
    *,
    dry_run: bool = False,
    progress: Progress = NO_PROGRESS,
    keep_backups: int = backups.KEEP,
    trust: str | None = None,
    passphrase: str | None = None,
    backup_threshold: int = SMALL_IMPORT_ROWS,
) -> ImportSummary:
    """Validate `path`, merge it (unless `dry_run`), and say what changed.

    `trust` is the headquarters fingerprint a person confirmed, needed for
    the first bundle a laptop takes; `passphrase` opens a bundle sealed with
    one. Raises BundleError, with nothing written, for any damaged, forged
    or hostile bundle; Cancelled from `progress` rolls everything back.
    """
    identities = [device_keys(db).identity, *retired_identities(db)]
    with Bundle(path, identities, passphrase) as bundle:
        verifier = Verifier(db, bundle, trust)
        shapes = staging.shapes(db)
        staging.create(db, shapes)
        try:
            stage_bundle(db, bundle, shapes, verifier, progress)
            _check_forms(db, bundle)
            _check_attachment_rows(db, bundle)
            bundle.check_attachments(progress)
            check_stamps(db, bundle.name, bundle.manifest, shapes)
            for table in SYNCED_TABLES:
                progress.check()
                with temp_transaction(db):  # temp tables only
                    merge.classify(db, shapes[table])
                    merge.forget_seen(db, table, verifier.seen.get(table, []))
            _check_across_rows(db, bundle)
            summary = _summary(db, bundle, verifier, dry_run)
            if not dry_run:
                totals = summary.totals
                require_sound_for_import(
                    db, small=totals.new + totals.updated + totals.conflicts < backup_threshold
                )
            if dry_run or not summary.changed:
                if not dry_run:
                    with write_transaction(db):
                        restamped = [p.table for p in summary.tables if p.restamped]
                        for table in restamped:
                            merge.take_stamps(db, table)
                        newest = staging.max_updated_at(db) if restamped else None
                        if newest:
                            Clock(db).observe(newest)
                        _keep_trust(db, verifier)
                        _log(db, bundle, summary)
                        _acknowledge(db, bundle)
                return summary
            _apply(db, bundle, verifier, shapes, summary, progress, keep_backups, backup_threshold)
            return summary
        finally:
            staging.drop(db)
            devices.drop_trusted(db)


def _author(roster: rosters.Roster, device: str, versions: int) -> Author:
    e = roster.devices[device]
    return Author(device, e.name, e.role, e.fingerprint, versions)


def _summary(db: Database, bundle: Bundle, verifier: Verifier, dry_run: bool) -> ImportSummary:
    m = bundle.manifest
    missing = [sha for sha in m.attachments if not has_blob(db, sha)]
    roster = verifier.roster
    return ImportSummary(
        file=bundle.name,
        bundle_id=m.bundle_id,
        device_id=m.device_id,
        device_name=roster.devices[m.device_id].name,
        created_at=m.created_at,
        campaign_id=m.campaign_id,
        tables=[merge.plan(db, t) for t in SYNCED_TABLES],
        attachments_new=len(missing),
        attachments_present=len(m.attachments) - len(missing),
        duplicates=merge.duplicate_numbers(db),
        dry_run=dry_run,
        sender=_author(roster, m.device_id, verifier.authors.get(m.device_id, 0)),
        authors=[_author(roster, d, n) for d, n in sorted(verifier.authors.items())],
        roster_serial=roster.serial,
        roster_updated=verifier.new_roster is not None,
    )


def _keep_trust(db: Database, verifier: Verifier) -> None:
    """Adopt a newer roster, and keep the statements that cover versions not yet held."""
    if verifier.new_roster is not None:
        rosters.adopt(db, verifier.new_roster)
    now = dt.datetime.now().isoformat(timespec="seconds")
    for st in verifier.statements:
        if st.versions and _adds(st, verifier.known):
            devices.save_statement(db, st.id, st.author, st.signature, st.hashes, now)
    if rosters.is_hq(db):  # what a revocation will list as accepted
        digests: dict[str, set[str]] = {}
        for st in verifier.statements:
            if st.versions:
                digests.setdefault(st.author, set()).add(statement_digest(st))
        devices.note_accepted(db, digests)


def _adds(st: Statement, known: set[bytes]) -> bool:
    return any(h not in known for h in st.hash_list())


def _apply(
    db: Database,
    bundle: Bundle,
    verifier: Verifier,
    shapes: dict[str, staging.TableShape],
    summary: ImportSummary,
    progress: Progress,
    keep_backups: int,
    backup_threshold: int,
) -> None:
    progress(0, 1, "backup")
    fresh = _back_up_first(db, summary, backup_threshold)
    missing = [sha for sha in bundle.manifest.attachments if not has_blob(db, sha)]
    try:
        for i, sha in enumerate(missing):
            progress(i, len(missing), "attachments")
            store_bytes(db, bundle.attachment_bytes(sha))
        _merge(db, bundle, verifier, shapes, summary, progress)
    except BaseException:  # refused, failed or cancelled: leave no new files behind
        backups.discard(fresh)
        summary.backup, summary.backup_taken = None, False
        remove_unreferenced(db, missing)
        raise
    source = backups.database_file(db)
    if fresh is not None and source is not None:
        backups.rotate(
            source,
            "import" if summary.backup_taken else "daily",
            keep_backups if summary.backup_taken else None,
        )


def _back_up_first(db: Database, summary: ImportSummary, threshold: int) -> Path | None:
    """The copy an import is made after; returns it if this import made it.

    A copy of the whole file costs seconds on a province and grows with the
    history, not with the bundle. A small import (fewer than `threshold` rows
    new, updated or in conflict: a delta after a day's work) is covered by a
    copy already taken today instead, taking the day's copy first if there is
    none; every version it replaces is in the audit log (and a losing side in
    the conflicts), so nothing it changes is lost either way.
    """
    totals = summary.totals
    if totals.new + totals.updated + totals.conflicts >= threshold:
        summary.backup, summary.backup_taken = backups.take(db, "import"), True
        return summary.backup
    earlier = backups.todays_copy(db)
    if earlier is not None:
        summary.backup = earlier
        return None
    summary.backup = backups.take(db, "daily")
    return summary.backup


def _merge(
    db: Database,
    bundle: Bundle,
    verifier: Verifier,
    shapes: dict[str, staging.TableShape],
    summary: ImportSummary,
    progress: Progress,
) -> None:
    now = dt.datetime.now().isoformat(timespec="seconds")
    devices.stage_trusted(db, verifier.names())
    steps = len(SYNCED_TABLES) + 1
    with write_transaction(db):  # waits for another writer (busy_timeout) instead of failing
        done = 0

        def step(table: str) -> None:
            nonlocal done
            progress(done, steps, table)
            done += 1

        merge.merge_all(db, shapes, bundle.manifest.bundle_id, now, step)
        progress(steps - 1, steps, "scores")
        refresh_scores(db, merge.touched_inspections(db))
        newest = staging.max_updated_at(db)
        if newest:
            Clock(db).observe(newest)
        _keep_trust(db, verifier)
        _log(db, bundle, summary)
        _acknowledge(db, bundle)
        progress.check()  # a Cancel pressed during the last step still rolls back
    summary.applied = True


def _log(db: Database, bundle: Bundle, summary: ImportSummary) -> None:
    m = bundle.manifest
    db.table("import_log").insert(
        {
            "bundle_id": m.bundle_id,
            "file": bundle.name,
            "device_id": m.device_id,
            "device_name": summary.device_name,
            "imported_at": dt.datetime.now().isoformat(timespec="seconds"),
            "summary": json.dumps(summary.to_json(), ensure_ascii=False, sort_keys=True),
        }
    )


def _acknowledge(db: Database, bundle: Bundle) -> None:
    """Record what the sender holds, and raise what this database holds by what arrived.

    The sender's vector is its acknowledgement whatever the bundle carried.
    This database's own vector rises only when the bundle held complete
    per-author prefixes: a full export, or a delta whose base this database
    still covers (not after a restore from an older backup). A campaign kit
    is partial and raises nothing.
    """
    m = bundle.manifest
    if m.device_id == settings.device_id(db):
        return
    if m.complete or (m.since is not None and versions.covers(versions.have_vector(db), m.since)):
        versions.raise_have(db, m.have)
    versions.record_ack(db, m.device_id, m.device_name, m.have)


def _check_forms(db: Database, bundle: Bundle) -> None:
    """A stored form must parse, or every score of its campaigns would fail later; and a
    form version already held may not change (it is frozen)."""
    for row in staging.rows_of(
        db, "forms", ("form_id", "version", "source", "sha256"), "deleted = 0"
    ):
        try:
            form = parse_form(row["source"], f"form {row['form_id']}")
        except FormError as exc:
            raise BundleError(
                Message(
                    "{file}: form {form} {version} does not parse: {issue}",
                    file=bundle.name,
                    form=row["form_id"],
                    version=row["version"],
                    issue=exc.issues[0].as_message(),
                )
            ) from None
        if form.sha256 != row["sha256"]:
            raise BundleError(
                Message(
                    "{file}: form {form} {version} does not match its sha256",
                    file=bundle.name,
                    form=row["form_id"],
                    version=row["version"],
                )
            )

    swapped = changed_forms(db)
    if swapped is not None:
        raise BundleError(
            Message(
                "{file}: tables/forms.jsonl line {line}: form {form} {version} "
                "is frozen here; a bundle may not change its text",
                file=bundle.name,
                line=swapped["line"],
                form=swapped["form_id"],
                version=swapped["version"],
            )
        )


def _check_across_rows(db: Database, bundle: Bundle) -> None:
    try:
        integrity.check(db)
    except staging.StagingError as exc:
        raise BundleError(
            Message("{file}: {detail}", file=bundle.name, detail=plain(str(exc)))
        ) from None


def _check_attachment_rows(db: Database, bundle: Bundle) -> None:
    try:
        needed = staging.attachment_hashes(db)
    except staging.StagingError as exc:
        raise BundleError(
            Message("{file}: {detail}", file=bundle.name, detail=plain(str(exc)))
        ) from None
    for sha in needed:
        if sha not in bundle.manifest.attachments and not has_blob(db, sha):
            raise BundleError(
                Message(
                    "{file}: an attachment row needs file {sha}, which is "
                    "neither in the bundle nor on this laptop",
                    file=bundle.name,
                    sha=sha,
                )
            )


def last_import(db: Database) -> dict[str, Any] | None:
    entry = snapshot.last_import(db)
    if entry is None:
        return None
    return {**entry, "summary": json.loads(entry["summary"])}


def last_export(db: Database) -> dict[str, Any] | None:
    from inspector.sync.export import LAST_EXPORT

    return settings.get(db, LAST_EXPORT) or None
