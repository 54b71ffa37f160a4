from __future__ import annotations

from inspector.store.clock import Clock, format_hlc, parse_hlc


class FakeTime:
    def __init__(self, ms):
        self.ms = ms

    def __call__(self):
        return self.ms


def test_values_sort_as_time_and_stay_monotonic_when_the_wall_clock_goes_back(fresh_db):
    now = FakeTime(1_700_000_000_000)
    clock = Clock(fresh_db, "dev1", now)
    a = clock.tick()
    b = clock.tick()
    now.ms -= 3_600_000  # the laptop's clock jumps back an hour
    c = clock.tick()
    now.ms += 10_000_000
    d = clock.tick()
    assert a < b < c < d
    assert parse_hlc(c)[0] == parse_hlc(a)[0] and parse_hlc(c)[1] == 2
    assert a == "1700000000000-0000-dev1"


def test_observe_moves_past_values_from_other_devices(fresh_db):
    clock = Clock(fresh_db, "dev1", FakeTime(1000))
    remote = format_hlc(5000, 7, "dev2")
    clock.observe(remote)
    assert clock.tick() > remote


def test_the_clock_survives_reopening(tmp_path):
    from inspector.store.db import open_db

    db = open_db(tmp_path / "c.db")
    first = Clock(db, "d", FakeTime(9000)).tick()
    db.close()
    db = open_db(tmp_path / "c.db")
    assert Clock(db, "d", FakeTime(10)).tick() > first


def test_tick_many_is_increasing(fresh_db):
    clock = Clock(fresh_db, "d", FakeTime(5))
    values = clock.tick_many(70_000)
    assert values == sorted(values) and len(set(values)) == 70_000
    assert clock.tick() > values[-1]
