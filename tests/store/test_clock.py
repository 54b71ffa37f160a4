from __future__ import annotations

import pytest

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


# -- clock hygiene: the clock never leaves 13 digits and never adopts a remote far ahead --
NOW = 1_796_083_200_000  # 2026-12-01 00:00 UTC
DAY = 86_400_000


def test_observe_refuses_a_value_at_the_end_of_the_clock_and_keeps_its_own(fresh_db):
    from inspector.store.clock import ClockError

    clock = Clock(fresh_db, "dev1", FakeTime(NOW))
    before = clock.tick()
    with pytest.raises(ClockError) as info:
        clock.observe("9999999999999-ffff-x")
    assert "more than a day ahead" in str(info.value) and "x" in str(info.value)
    after = clock.tick()
    assert len(after.split("-")[0]) == 13 and before < after < format_hlc(NOW + 1, 0, "")


def test_observe_refuses_a_laptop_eleven_years_ahead_but_adopts_one_an_hour_ahead(fresh_db):
    from inspector.store.clock import ClockError

    clock = Clock(fresh_db, "hq", FakeTime(NOW))
    in_2037 = format_hlc(NOW + 11 * 365 * DAY, 0, "fast")
    with pytest.raises(ClockError):
        clock.observe(in_2037)
    assert clock.tick() < in_2037  # HQ is not dragged to 2037
    an_hour = format_hlc(NOW + 3_600_000, 3, "slightly-fast")
    clock.observe(an_hour)
    assert clock.tick() > an_hour


def test_tick_refuses_loudly_rather_than_make_a_fourteen_digit_stamp(fresh_db):
    from inspector.store import settings
    from inspector.store.clock import ClockError

    settings.put(fresh_db, "hlc_last", "9999999999999-ffff-dev1")
    clock = Clock(fresh_db, "dev1", FakeTime(NOW))
    with pytest.raises(ClockError) as info:
        clock.tick()
    assert "restamp-future" in str(info.value)
    with pytest.raises(ClockError):
        clock.tick_many(3)
    assert settings.get(fresh_db, "hlc_last") == "9999999999999-ffff-dev1"


def test_tick_many_stops_at_the_last_millisecond_too(fresh_db):
    from inspector.store import settings
    from inspector.store.clock import ClockError

    settings.put(fresh_db, "hlc_last", "9999999999999-fff0-dev1")
    clock = Clock(fresh_db, "dev1", FakeTime(NOW))
    assert len(clock.tick_many(15)) == 15  # up to ffff fits
    with pytest.raises(ClockError):
        clock.tick()


def test_the_clock_follows_a_new_device_id(fresh_db):
    from inspector.store import settings

    clock = Clock(fresh_db, now_ms=FakeTime(NOW))
    old = clock.tick()
    settings.put(fresh_db, "device_id", "fresh-id")
    new = clock.tick()
    assert new.endswith("-fresh-id") and new > old
