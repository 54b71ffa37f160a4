"""An import is all or nothing: errors and Cancel roll back; backups are taken and rotated."""

from __future__ import annotations

import sqlite3

import pytest

from inspector.progress import Cancelled, Progress
from inspector.store import backups
from inspector.store.dump import dump_json
from inspector.store.problems import edit_problem
from inspector.store.schema import SYNCED_TABLES


def _state(device) -> tuple[str, int, int, int]:
    db = device.db
    return (dump_json(db), db["import_log"].count, db["conflicts"].count, db["audit_log"].count)


@pytest.fixture
def pair(hq, laptops):
    """A laptop that shares hq's data, and a bundle from hq with edits and a conflict."""
    field = laptops("笔记本1")
    field.take(hq.export())
    problems = [r[0] for r in hq.db.execute("SELECT id FROM problems ORDER BY id LIMIT 3")]
    edit_problem(field.rows, problems[0], {"text": "现场修改"})
    for pid in problems:
        edit_problem(hq.rows, pid, {"text": "总部修改"})
    return field, hq.export()


def test_an_error_half_way_through_the_merge_rolls_everything_back(pair, monkeypatch):
    field, bundle = pair
    before = _state(field)
    from inspector.store import merge

    real_apply = merge.apply

    def failing_apply(db, shape, *args, **kwargs):
        if shape.table == "problems":  # after the parent tables were written
            raise sqlite3.OperationalError("disk I/O error")
        return real_apply(db, shape, *args, **kwargs)

    monkeypatch.setattr(merge, "apply", failing_apply)
    with pytest.raises(sqlite3.OperationalError):
        field.take(bundle)
    assert _state(field) == before
    monkeypatch.undo()
    summary = field.take(bundle)  # and the same bundle still imports afterwards
    assert summary.applied and summary.totals.conflicts == 1


def test_an_error_while_recomputing_scores_rolls_back(pair, monkeypatch):
    field, bundle = pair
    before = _state(field)

    def broken(*args, **kwargs):
        raise RuntimeError("scoring bug")

    monkeypatch.setattr("inspector.sync.importer.refresh_scores", broken)
    with pytest.raises(RuntimeError):
        field.take(bundle)
    assert _state(field) == before


def test_cancel_during_the_merge_rolls_back(pair):
    field, bundle = pair
    before = _state(field)
    seen: list[str] = []
    cancel = {"now": False}

    def report(done: int, total: int, message: str) -> None:
        seen.append(message)
        # The merge reports one step per table; cancel once the problems are written.
        if total == len(SYNCED_TABLES) + 1 and message == "problems":
            cancel["now"] = True

    with pytest.raises(Cancelled):
        field.take(bundle, progress=Progress(report, lambda: cancel["now"]))
    assert "problems" in seen and cancel["now"]
    assert _state(field) == before


def test_cancel_while_reading_writes_nothing(pair):
    field, bundle = pair
    before = _state(field)
    with pytest.raises(Cancelled):
        field.take(bundle, progress=Progress(None, lambda: True))
    assert _state(field) == before


def test_a_dry_run_writes_nothing(pair):
    field, bundle = pair
    before = _state(field)
    folder = field.path.parent / "backups"
    backups_before = backups.list_backups(folder)
    plan = field.take(bundle, dry_run=True)
    assert plan.dry_run and not plan.applied
    # Two plain updates, and the row edited on both sides: updated only if hq's edit is newer.
    [conflict] = [p for p in plan.tables if p.table == "problems"]
    assert conflict.conflicts == 1 and plan.totals.updated in (2, 3)
    assert _state(field) == before
    assert backups.list_backups(folder) == backups_before


def test_backups_keep_the_newest_five(hq):
    made = [backups.backup(hq.db) for _ in range(7)]
    kept = backups.list_backups(made[0].parent)
    assert kept == made[-5:]
    assert all(p.stat().st_size > 0 for p in kept)


def test_a_large_import_takes_a_copy_of_its_own(pair):
    field, bundle = pair
    before = dump_json(field.db)
    summary = field.take(bundle, backup_threshold=1)
    assert summary.backup_taken and summary.backup.name.endswith("-import.db")
    from inspector.store.db import open_db

    copy = open_db(summary.backup)
    try:
        assert dump_json(copy) == before
    finally:
        copy.close()


def test_a_small_import_is_covered_by_the_copy_already_taken_today(pair):
    field, bundle = pair
    earlier = backups.todays_copy(field.db)  # taken before the laptop's first import
    assert earlier is not None
    folder = earlier.parent
    listed = backups.list_backups(folder)
    audited = field.db.execute("SELECT MAX(id) FROM audit_log").fetchone()[0]
    summary = field.take(bundle)
    assert summary.applied and not summary.backup_taken
    assert summary.backup == earlier
    assert backups.list_backups(folder) == listed  # no second whole-file copy
    # every version the import replaced is in the audit log, its old values whole
    replaced = field.db.execute(
        "SELECT COUNT(*) FROM audit_log WHERE id > ? AND action = 'update' AND old IS NOT NULL",
        [audited],
    ).fetchone()[0]
    assert summary.totals.updated > 0 and replaced == summary.totals.updated


def test_a_small_import_takes_the_days_copy_first_when_there_is_none(pair):
    field, bundle = pair
    before = dump_json(field.db)
    for old in backups.list_backups(field.path.parent / "backups"):
        old.unlink()
    summary = field.take(bundle)
    assert not summary.backup_taken and summary.backup.name.endswith("-daily.db")
    from inspector.store.db import open_db

    copy = open_db(summary.backup)
    try:
        assert dump_json(copy) == before
    finally:
        copy.close()
