"""Headquarters hands each laptop its own notice number block with the campaign kit."""

from __future__ import annotations

import datetime as dt

import pytest

from inspector.store import settings
from inspector.store.session import Session
from inspector.sync import roster
from inspector.sync.errors import TrustError
from inspector.sync.export import export_bundle


@pytest.fixture
def kit_team(hq, laptops, federation, tmp_path):
    """Headquarters' authority holding the sample campaign, and two inspector laptops."""
    federation.take(hq.export())
    one = laptops("一组", role="inspector")
    two = laptops("二组", role="inspector")
    campaign = next(federation.db.query("SELECT id FROM campaigns"))["id"]
    return federation, one, two, campaign, tmp_path


def _block(device) -> tuple[int, int]:
    return settings.get(device.db, "notice_block_start"), settings.get(
        device.db, "notice_block_end"
    )


def test_laptops_of_one_kit_never_share_a_block(kit_team):
    federation, one, two, campaign, tmp_path = kit_team
    assert _block(one) == _block(two) == (1, None)  # the default both started with
    kit = tmp_path / "kit.inspbundle"
    summary = export_bundle(federation.db, kit, campaign)
    assert one.device_id in summary.blocks_assigned and two.device_id in summary.blocks_assigned
    one.take(kit)
    two.take(kit)
    a, b = _block(one), _block(two)
    assert a != b and (a[1] < b[0] or b[1] < a[0])
    assert a == summary.blocks_assigned[one.device_id]
    numbers = set()
    for laptop in (one, two):
        session = Session(laptop.db)
        township = next(laptop.db.query("SELECT id FROM townships LIMIT 1"))["id"]
        pid = session.problems.add(township, "党费收缴不规范", "2026-12-31").value["id"]
        numbers.add(
            session.notices.issue(township, [pid], issued_on=dt.date(2026, 11, 20)).value[
                "doc_number"
            ]
        )
    assert len(numbers) == 2
    # a second kit gives nobody a new block
    assert (
        export_bundle(federation.db, tmp_path / "kit2.inspbundle", campaign).blocks_assigned == {}
    )


def test_a_block_set_by_hand_stays_until_headquarters_assigns_another(kit_team):
    federation, one, _two, campaign, tmp_path = kit_team
    kit = tmp_path / "kit.inspbundle"
    export_bundle(federation.db, kit, campaign)
    one.take(kit)
    settings.put(one.db, "notice_block_start", 901)
    settings.put(one.db, "notice_block_end", 950)
    one.take(federation.export())
    assert _block(one) == (901, 950)
    roster.set_block(federation.db, one.device_id, 5001, 5100)
    one.take(federation.export())
    assert _block(one) == (5001, 5100)


def test_headquarters_refuses_overlapping_blocks(kit_team):
    federation, one, two, _campaign, _tmp = kit_team
    roster.set_block(federation.db, one.device_id, 201, 300)
    with pytest.raises(TrustError, match="overlap"):
        roster.set_block(federation.db, two.device_id, 250, 260)
    given = roster.assign_blocks(federation.db)
    assert all(not (b[0] <= 300 and b[1] >= 201) for b in given.values())


def test_a_malformed_block_makes_the_roster_malformed():
    doc = {
        "format": roster.ROSTER_FORMAT,
        "serial": 1,
        "authority": {"device_id": "a", "name": "a", "signing_key": "k", "encryption_key": "e"},
        "devices": [
            {
                "device_id": "a",
                "name": "a",
                "role": "hq",
                "signing_key": "k",
                "encryption_key": "e",
                "enrolled_at": "x",
                "revoked_at": None,
                "notice_block": [100, 1],
            }
        ],
    }
    with pytest.raises(TrustError, match="malformed"):
        roster.parse(doc)
    doc["devices"][0]["notice_block"] = [1, 100]
    assert roster.parse(doc).devices["a"].notice_block == (1, 100)


def test_headquarters_sets_and_shows_blocks_on_the_command_line(kit_team):
    from tests.test_cli import run

    federation, one, _two, _campaign, _tmp = kit_team
    db = federation.db_path
    out = run("device", "block", one.device_id, "--start", "401", "--end", "500", db=db).stdout
    assert "numbers notices 401-500" in out
    shown = run("device", "block", db=db).stdout
    assert f"{one.device_id}\t一组\tinspector\t401-500" in shown
    bad = run("device", "block", one.device_id, "--start", "5", db=db, check=False)
    assert bad.returncode != 0 and "both --start and --end" in bad.stderr
