"""Device keys, headquarters, enrolment and the roster: who may sign, pinned on first use."""

from __future__ import annotations

import json
import stat

import pytest
from click.testing import CliRunner

from inspector.cli import main
from inspector.store import devices, settings
from inspector.store.backups import backup
from inspector.store.db import open_db
from inspector.sync.errors import TrustError
from inspector.sync.keys import device_keys, keys_dir
from inspector.sync.roster import (
    UntrustedAuthority,
    accept,
    current,
    enrol,
    init_hq,
    read_request,
    revoke,
    role_of,
    write_request,
)


@pytest.fixture
def hq_db(tmp_path):
    db = open_db(tmp_path / "hq" / "hq.db")
    settings.put(db, "device_name", "市委组织部")
    init_hq(db)
    yield db
    db.close()


@pytest.fixture
def laptop(tmp_path):
    db = open_db(tmp_path / "laptop" / "l.db")
    settings.put(db, "device_name", "一组笔记本")
    yield db
    db.close()


def _enrolled(hq_db, laptop, tmp_path, role="inspector"):
    req = write_request(laptop, tmp_path / "req.json")
    return enrol(hq_db, read_request(req), role)


def test_private_keys_live_beside_the_database_readable_by_the_user_only(laptop, tmp_path):
    keys = device_keys(laptop)
    folder = keys_dir(laptop)
    assert folder == tmp_path / "laptop" / "keys"
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == [f"{keys.device_id}.age", f"{keys.device_id}.ed25519"]
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert device_keys(laptop).signing_key == keys.signing_key  # made once, then loaded
    secret = (folder / f"{keys.device_id}.age").read_text().strip().encode()
    copy = backup(laptop)
    assert secret not in copy.read_bytes()
    laptop.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert b"PRIVATE KEY" not in (tmp_path / "laptop" / "l.db").read_bytes()


def test_enrolment_puts_the_laptop_in_the_signed_roster_with_its_role(hq_db, laptop, tmp_path):
    entry = _enrolled(hq_db, laptop, tmp_path)
    roster = current(hq_db)
    assert roster.serial == 2
    assert roster.devices[entry.device_id].role == "inspector"
    assert entry.fingerprint == device_keys(laptop).fingerprint
    assert [d["device_id"] for d in devices.roster(hq_db)] == [
        settings.device_id(hq_db),
        entry.device_id,
    ]
    assert role_of(laptop) is None  # not until the roster reaches the laptop
    with pytest.raises(UntrustedAuthority) as info:
        accept(laptop, roster.document)
    assert device_keys(hq_db).fingerprint in str(info.value)
    accept(laptop, roster.document, trust=device_keys(hq_db).fingerprint)
    assert role_of(laptop) == "inspector"


def test_a_laptop_cannot_enrol_or_revoke(laptop, tmp_path):
    req = read_request(write_request(laptop, tmp_path / "req.json"))
    with pytest.raises(TrustError, match="only headquarters"):
        enrol(laptop, req, "inspector")


def test_a_request_altered_on_the_way_is_refused(laptop, tmp_path):
    path = write_request(laptop, tmp_path / "req.json")
    data = json.loads(path.read_text())
    data["name"] = "冒充的总部电脑"
    path.write_text(json.dumps(data, ensure_ascii=False))
    with pytest.raises(TrustError, match="signature does not match"):
        read_request(path)


def test_a_tampered_roster_is_refused_and_an_older_one_ignored(hq_db, laptop, tmp_path):
    entry = _enrolled(hq_db, laptop, tmp_path)
    first = current(hq_db).document
    accept(laptop, first, trust=device_keys(hq_db).fingerprint)
    forged = json.loads(json.dumps(first))
    forged["devices"][1]["role"] = "hq"
    forged["serial"] += 5
    with pytest.raises(TrustError, match="signature does not match"):
        accept(laptop, forged)
    revoke(hq_db, entry.device_id)
    accept(laptop, current(hq_db).document)
    assert role_of(laptop) is None  # revoked
    assert accept(laptop, first).serial == 3  # the replayed older roster changes nothing
    assert role_of(laptop) is None


def test_a_roster_from_another_headquarters_is_refused_once_one_is_pinned(hq_db, laptop, tmp_path):
    accept(laptop, current(hq_db).document, trust=device_keys(hq_db).fingerprint)
    rogue = open_db(tmp_path / "rogue" / "r.db")
    init_hq(rogue)
    with pytest.raises(TrustError, match="not by the headquarters this laptop trusts"):
        accept(laptop, current(rogue).document, trust=device_keys(rogue).fingerprint)
    rogue.close()


def test_the_cli_enrols_after_comparing_fingerprints(tmp_path):
    run = CliRunner().invoke
    hq, lap = str(tmp_path / "hq.db"), str(tmp_path / "l" / "l.db")
    assert run(main, ["--db", hq, "hq", "init"]).exit_code == 0
    req = str(tmp_path / "req.json")
    assert run(main, ["--db", lap, "device", "request", "--out", req]).exit_code == 0
    shown = run(main, ["--db", lap, "device", "show"]).output
    assert "not enrolled" in shown
    fp = next(line.split()[1] for line in shown.splitlines() if line.startswith("fingerprint"))
    wrong = run(main, ["--db", hq, "device", "enrol", req, "--fingerprint", "0000-0000"])
    assert wrong.exit_code == 1 and "does not match" in wrong.output
    ok = run(main, ["--db", hq, "device", "enrol", req, "--fingerprint", fp.lower()])
    assert ok.exit_code == 0, ok.output
    listed = run(main, ["--db", hq, "device", "list"]).output
    assert fp in listed and "inspector" in listed


@pytest.mark.parametrize(
    "field, value",
    [
        ("device_id", "a b"),
        ("device_id", "x" * 65),
        ("name", "一组\n总部"),
        ("name", "\u202e部总"),
        ("name", "长" * 61),
    ],
)
def test_a_request_whose_id_or_name_could_mislead_is_refused(laptop, tmp_path, field, value):
    path = write_request(laptop, tmp_path / "req.json")
    data = json.loads(path.read_text())
    data[field] = value
    path.write_text(json.dumps(data, ensure_ascii=False))
    with pytest.raises(TrustError, match="is not an enrolment request"):
        read_request(path)


def test_headquarters_stays_the_authority_after_its_database_gets_a_new_id(hq_db, laptop, tmp_path):
    """A restored backup or `device new` changes the id; the authority's key files still sign."""
    from inspector.store.identity import new_identity

    _enrolled(hq_db, laptop, tmp_path)
    accept(laptop, current(hq_db).document, trust=device_keys(hq_db).fingerprint)
    old = settings.device_id(hq_db)
    new_identity(hq_db)
    assert roster_is_hq(hq_db)
    held = init_hq(hq_db)  # enrols the new id as hq, signed with the authority's key
    assert held.devices[settings.device_id(hq_db)].role == "hq"
    assert held.devices[old].role == "hq"
    assert accept(laptop, held.document).serial == held.serial  # the laptop takes it
    with pytest.raises(TrustError, match="cannot revoke itself"):
        revoke(hq_db, old)


def roster_is_hq(db) -> bool:
    from inspector.sync.roster import is_hq

    return is_hq(db)
