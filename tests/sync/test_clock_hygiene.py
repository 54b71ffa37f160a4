"""Bundles stamped far in the future are refused before any write; the local clock stays put."""

from __future__ import annotations

import pytest

from inspector.store import settings
from inspector.store.clock import AHEAD_LIMIT_MS, format_hlc, parse_hlc, wall_ms
from inspector.sync.errors import BundleError
from tests.sync.helpers import file_digest, read_bundle, write_bundle

YEAR_MS = 365 * 24 * 3600 * 1000


@pytest.fixture
def target(laptops, sample_db_path):
    return laptops("笔记本1", copy_of=sample_db_path)


@pytest.fixture
def fast(laptops, sample_db_path):
    """A laptop whose clock was set eleven years ahead, with one edit made in that future."""
    laptop = laptops("快笔记本", copy_of=sample_db_path)
    settings.put(laptop.db, "hlc_last", format_hlc(wall_ms() + 11 * YEAR_MS, 0, "x"))
    problem = laptop.db.execute("SELECT id FROM problems LIMIT 1").fetchone()[0]
    laptop.rows.update("problems", problem, {"text": "整改台账未建立（未来的编辑）"})
    return laptop


def refused(target, bundle) -> str:
    before = file_digest(target.path, target.db)
    clock_before = settings.get(target.db, "hlc_last")
    logged = target.db.execute("SELECT COUNT(*) FROM import_log").fetchone()[0]
    with pytest.raises(BundleError) as info:
        target.take(bundle)
    assert file_digest(target.path, target.db) == before
    assert settings.get(target.db, "hlc_last") == clock_before
    assert target.db.execute("SELECT COUNT(*) FROM import_log").fetchone()[0] == logged
    assert not (target.path.parent / "backups").exists()
    message = str(info.value)
    assert "\n" not in message
    return message


def test_a_bundle_from_a_laptop_eleven_years_ahead_is_refused_and_nothing_moves(target, fast):
    bundle = fast.export()
    message = refused(target, bundle)
    device = settings.device_id(fast.db)
    assert f"device 快笔记本 ({device})'s clock appears to be at 20" in message
    assert "more than a day ahead of this computer's" in message
    assert "correct that laptop's clock, then export again" in message
    assert "tables/problems.jsonl line" in message and "column updated_at" in message
    # the dry run the GUI shows first refuses the same way
    with pytest.raises(BundleError):
        target.take(bundle, dry_run=True)


def test_a_base_version_from_the_future_is_refused_too(target, hq, tmp_path):
    manifest, tables, blobs = read_bundle(hq.export())
    ahead = format_hlc(wall_ms() + AHEAD_LIMIT_MS + 3_600_000, 0, "time-traveller")
    tables["answers"][5]["base_version"] = ahead
    bundle = write_bundle(tmp_path / "ahead.inspbundle", manifest, tables, blobs)
    message = refused(target, bundle)
    assert "device time-traveller's clock" in message
    assert "tables/answers.jsonl line 6, column base_version" in message


def test_a_relayed_row_names_the_device_that_stamped_it_by_its_known_name(
    target, hq, laptops, sample_db_path, tmp_path
):
    """HQ passes on rows of a fast laptop: the message names that laptop, not HQ."""
    fast = laptops("外勤3号", copy_of=sample_db_path)
    target.take(fast.export())  # the laptop's earlier, sound bundle: its name is known here
    manifest, tables, blobs = read_bundle(hq.export())
    device = settings.device_id(fast.db)
    tables["problems"][0]["updated_at"] = format_hlc(wall_ms() + 2 * YEAR_MS, 0, device)
    bundle = write_bundle(
        tmp_path / "relayed.inspbundle", manifest, tables, blobs, authors=(fast,)
    )  # the fast laptop's own signature, relayed
    message = refused(target, bundle)
    assert f"device 外勤3号 ({device})'s clock" in message


def test_a_stamp_an_hour_ahead_is_accepted_and_the_clock_moves_past_it(target, hq, tmp_path):
    manifest, tables, blobs = read_bundle(hq.export())
    soon = format_hlc(wall_ms() + 3_600_000, 0, settings.device_id(hq.db))
    tables["problems"][0]["updated_at"] = soon
    tables["problems"][0]["text"] = "台账补齐"
    summary = target.take(write_bundle(tmp_path / "soon.inspbundle", manifest, tables, blobs))
    assert summary.applied
    assert parse_hlc(settings.get(target.db, "hlc_last"))[:2] >= parse_hlc(soon)[:2]
