"""Headquarters' key succession (issue 9): a new authority key that laptops accept only by a
chain of statements the old key signed, and refuse from any other key."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from inspector.cli import main
from inspector.store.rows import Rows
from inspector.sync import roster
from inspector.sync.canonical import signed_bytes
from inspector.sync.errors import BundleError, TrustError
from inspector.sync.keys import device_keys, keys_dir
from tests.sync.helpers import Device


@pytest.fixture
def kit(hq, laptops, federation):
    """The authority holding the data and one version of its own; a laptop holding both."""
    federation.take(hq.export())
    town = federation.db.execute("SELECT id FROM townships ORDER BY id LIMIT 1").fetchone()[0]
    Rows(federation.db).update("townships", town, {"name": "总部改名镇"})
    one = laptops("一组", role="inspector")
    one.take(federation.export())
    return federation, one, town


def test_a_laptop_follows_the_succession_and_old_versions_keep_verifying(kit, laptops, tmp_path):
    federation, one, town = kit
    old = device_keys(federation.db)
    old_pem = (keys_dir(federation.db) / f"{old.device_id}.ed25519").read_bytes()
    new = roster.rotate(federation.db)
    assert new.signing_key != old.signing_key
    assert device_keys(federation.db).signing_key == new.signing_key
    for path in keys_dir(federation.db).iterdir():  # the old private key is gone
        assert old_pem not in path.read_bytes(), path
    assert roster.is_hq(federation.db)
    held = roster.current(federation.db)
    assert held.authority["signing_key"] == new.signing_key
    assert [link["from"] for link in held.document["succession"]] == [old.signing_key]

    # a laptop enrolled afterwards pins the new key
    fresh = Device(tmp_path / "三组", "三组")
    roster.enrol(federation.db, roster.request(fresh.db), "inspector")
    roster.accept(fresh.db, roster.current(federation.db).document, trust=new.fingerprint)

    summary = one.take(federation.export())  # signed by the new key only
    assert summary.roster_updated
    assert roster.authority(one.db)["signing_key"] == new.signing_key
    # and verifies the versions the authority signed under the old key, relayed by the first
    fresh.take(one.export())
    assert fresh.rows.get("townships", town)["name"] == "总部改名镇"
    fresh.close()


def _forged_successor(doc, pinned_signing_key, forger):
    """A roster claiming `forger` succeeded the pinned key, signed by the forger's keys."""
    doc = json.loads(json.dumps(doc))
    me = {
        "device_id": forger.device_id,
        "name": "假总部",
        "signing_key": forger.signing_key,
        "encryption_key": forger.recipient,
    }
    link = {
        "format": "inspector-succession",
        "device_id": forger.device_id,
        "from": pinned_signing_key,
        "to": forger.signing_key,
        "to_encryption": forger.recipient,
        "at": "2027-01-01T00:00:00+08:00",
        "serial": doc["serial"] + 1,
    }
    link["signature"] = forger.sign(signed_bytes("inspector-succession", link))
    doc.update(authority=me, serial=doc["serial"] + 1, succession=[link])
    doc.pop("signature")
    doc["signature"] = forger.sign(signed_bytes("inspector-roster", doc))
    return doc


def test_a_roster_signed_by_a_key_the_old_one_never_named_is_refused(kit, tmp_path):
    federation, one, _town = kit
    pinned = roster.authority(one.db)["signing_key"]
    stranger = Device(tmp_path / "陌生", "陌生电脑")
    doc = _forged_successor(roster.current(federation.db).document, pinned, stranger.keys)
    with pytest.raises(TrustError, match="not by the headquarters this laptop trusts"):
        roster.accept(one.db, doc)
    without = {k: v for k, v in doc.items() if k != "succession"}
    with pytest.raises(TrustError, match="not by the headquarters this laptop trusts"):
        roster.accept(one.db, without)
    assert roster.authority(one.db)["signing_key"] == pinned
    stranger.close()


def test_a_succession_link_altered_after_signing_is_refused(kit):
    federation, one, _town = kit
    roster.rotate(federation.db)
    doc = json.loads(json.dumps(roster.current(federation.db).document))
    doc["succession"][0]["at"] = "2030-01-01T00:00:00+08:00"
    with pytest.raises(TrustError):
        roster.accept(one.db, doc)


def test_two_rotations_chain(kit):
    federation, one, _town = kit
    roster.rotate(federation.db)
    last = roster.rotate(federation.db)
    summary = one.take(federation.export())
    assert summary.roster_updated
    assert roster.authority(one.db)["signing_key"] == last.signing_key


def test_only_headquarters_rotates(kit):
    _federation, one, _town = kit
    with pytest.raises(TrustError, match="only headquarters"):
        roster.rotate(one.db)


def test_the_cli_rotates(tmp_path):
    db = str(tmp_path / "hq.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "hq", "init"]).exit_code == 0
    result = runner.invoke(main, ["--db", db, "hq", "rotate"])
    assert result.exit_code == 0, result.output
    assert "new headquarters key" in result.output and "old private key deleted" in result.output


def test_a_bundle_sealed_to_the_old_key_still_opens(kit, tmp_path):
    """Bundles on their way to headquarters when the key changed are not lost."""
    federation, one, _town = kit
    on_the_way = one.export()
    roster.rotate(federation.db)
    try:
        federation.take(on_the_way)
    except BundleError as exc:  # pragma: no cover - the failure this test is about
        pytest.fail(str(exc))
