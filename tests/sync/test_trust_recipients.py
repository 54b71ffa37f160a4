"""Who can read a bundle (issue 9): headquarters and the laptops of the bundle's campaigns.

Headquarters assigns each enrolled laptop to campaigns (in its signed roster
entry; no assignment: every campaign). A bundle is sealed to headquarters
and the laptops assigned to a campaign it carries; one carrying no campaign
(places, forms) to every enrolled device. Anyone else needs a passphrase.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from inspector.cli import main
from inspector.store.catalog import campaigns, create_campaign
from inspector.sync import roster
from inspector.sync.errors import BundleError, TrustError
from inspector.sync.export import export_bundle


@pytest.fixture
def two_campaigns(hq, laptops, federation):
    """A second campaign at headquarters; laptop one on the first, laptop two on the second."""
    first = campaigns(hq.db)[0]
    form = hq.db.execute("SELECT id FROM forms LIMIT 1").fetchone()[0]
    second = create_campaign(hq.rows, "2027年下半年督查", form)
    federation.take(hq.export())
    one = laptops("一组", role="inspector")
    two = laptops("二组", role="inspector")
    roster.assign(federation.db, one.device_id, [first["id"]])
    roster.assign(federation.db, two.device_id, [second["id"]])
    federation.hand_out()
    roster.accept(hq.db, roster.current(federation.db).document)
    return hq, one, two, first, second


def test_a_kit_is_read_by_its_campaigns_laptops_only(two_campaigns):
    hq, one, two, first, _second = two_campaigns
    kit = hq.export(campaign_ref=first["id"])
    assert one.take(kit).applied
    with pytest.raises(BundleError) as info:
        two.take(kit)
    message = str(info.value)
    assert "not a recipient" in message and "passphrase" in message, message
    assert two.db["campaigns"].count == 0


def test_a_passphrase_opens_it_for_a_laptop_of_another_campaign(two_campaigns):
    hq, _one, two, first, _second = two_campaigns
    kit = hq.export(campaign_ref=first["id"], passphrase="正确的口令 2027")
    with pytest.raises(BundleError, match="wrong passphrase"):
        two.take(kit, passphrase="错误的口令")
    assert two.take(kit, passphrase="正确的口令 2027").applied


def test_a_bundle_of_places_and_forms_is_read_by_every_device(two_campaigns):
    hq, _one, _two, first, _second = two_campaigns
    held = roster.current(hq.db)
    assert set(held.recipients(set())) == set(held.recipients())
    assert len(held.recipients(set())) == 4  # the authority, headquarters, both laptops
    everything = export_bundle(hq.db, hq.folder / "all.inspbundle")
    assert everything.readers == 4  # both campaigns: both laptops
    kit = export_bundle(hq.db, hq.folder / "kit.inspbundle", campaign_ref=first["id"])
    assert kit.readers == 3


def test_the_assignment_is_signed_and_checked(two_campaigns, federation):
    _hq, one, _two, first, _second = two_campaigns
    entry = roster.current(one.db).devices[one.device_id]
    assert entry.campaigns == frozenset({first["id"]})
    with pytest.raises(TrustError, match="no campaign"):
        roster.assign(federation.db, one.device_id, ["不存在的督查"])
    roster.assign(federation.db, one.device_id, None)
    assert roster.current(federation.db).devices[one.device_id].campaigns is None
    with pytest.raises(TrustError, match="only headquarters"):
        roster.assign(one.db, one.device_id, None)


def test_the_cli_assigns(tmp_path):
    hq_db, laptop_db = str(tmp_path / "hq.db"), str(tmp_path / "laptop.db")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(main, list(args))
        assert result.exit_code == 0, result.output
        return result.output

    run("--db", hq_db, "demo", "--townships", "12", "--campaigns", "2")
    run("--db", laptop_db, "device", "request", "--out", str(tmp_path / "req.json"))
    from inspector.store.db import open_db
    from inspector.sync.keys import device_keys

    db = open_db(laptop_db)
    keys = device_keys(db)
    db.close()
    hq = open_db(hq_db)
    camp, other = campaigns(hq)[:2]
    hq.close()
    out = run(
        "--db",
        hq_db,
        "device",
        "enrol",
        str(tmp_path / "req.json"),
        "--fingerprint",
        keys.fingerprint,
        "--campaign",
        other["id"],
    )
    assert f"reading {other['name']}" in out
    out = run("--db", hq_db, "device", "assign", keys.device_id, "--campaign", camp["id"])
    assert camp["name"] in out
    assert camp["name"] in run("--db", hq_db, "device", "list")
    out = run("--db", hq_db, "device", "assign", keys.device_id, "--all")
    assert "every campaign" in out


def test_the_cli_lists_devices_one_tab_separated_line_each(hq, federation):
    result = CliRunner().invoke(main, ["--db", str(federation.db_path), "device", "list"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()[1:]
    assert lines and all(len(line.split("\t")) == 6 for line in lines), result.output
