"""The roster and this device's keys reached through the session (`sync.device_roster`)."""

from __future__ import annotations

import pytest

from inspector.store import settings
from inspector.store.session import SETTINGS, Session
from inspector.sync import roster
from inspector.sync.device_roster import devices_of
from inspector.sync.errors import TrustError
from inspector.sync.keys import device_keys


@pytest.fixture
def hq(tmp_path):
    with Session.open(tmp_path / "hq" / "hq.db") as session:
        settings.put(session.db, "device_name", "市委组织部")
        yield session


@pytest.fixture
def laptop(tmp_path):
    with Session.open(tmp_path / "laptop" / "l.db") as session:
        settings.put(session.db, "device_name", "一组笔记本")
        yield session


def test_one_namespace_per_session(hq, laptop):
    assert devices_of(hq) is devices_of(hq)
    assert devices_of(hq) is not devices_of(laptop)
    assert devices_of(laptop).own_keys().device_id == device_keys(laptop.db).device_id


def test_each_roster_write_tells_the_subscribers_which_settings_it_wrote(hq, laptop, tmp_path):
    heard = []
    hq.subscribe(heard.append)
    devices = devices_of(hq)
    assert not devices.is_hq() and devices.current() is None
    done = devices.make_hq(source="dialog")
    assert devices.is_hq() and devices.role() == "hq"
    assert done.value.devices == devices.current().devices
    assert done.changes.touches(SETTINGS) and {"roster", "authority"} <= done.changes.ids
    assert "roster_devices" in done.changes.tables
    assert heard == [done.changes] and heard[0].source == "dialog"

    request = devices.read_request(devices_of(laptop).write_request(tmp_path / "l.request"))
    entry = devices.enrol(request, "inspector").value
    assert roster.current(hq.db).devices[entry.device_id].role == "inspector"
    devices.assign(entry.device_id, [])
    devices.revoke(entry.device_id)
    assert roster.current(hq.db).devices[entry.device_id].revoked_at is not None
    new = devices.rotate().value
    assert devices.authority()["signing_key"] == new.signing_key
    assert devices.fingerprint(new.signing_key) == new.fingerprint
    assert len(heard) == 5 and all("roster" in c.ids for c in heard)


def test_a_refused_write_tells_nothing(laptop):
    heard = []
    laptop.subscribe(heard.append)
    with pytest.raises(TrustError):
        devices_of(laptop).rotate()
    assert heard == []
