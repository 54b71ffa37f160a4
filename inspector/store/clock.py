"""The hybrid logical clock that stamps `updated_at` (contract format).

`{unix_ms:013d}-{counter:04x}-{device_id}`: string order is time order, and
the device id breaks ties. The last value is kept in the database, so the
clock never goes back even if the laptop's wall clock does, and every value
seen in an imported bundle pushes it forward.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from sqlite_utils import Database

from inspector.store import settings

_KEY = "hlc_last"


def format_hlc(ms: int, counter: int, device: str) -> str:
    return f"{ms:013d}-{counter:04x}-{device}"


def parse_hlc(value: str) -> tuple[int, int, str]:
    ms, counter, device = value.split("-", 2)
    return int(ms), int(counter, 16), device


def hlc_device(value: str) -> str:
    return value.split("-", 2)[2]


class Clock:
    def __init__(self, db: Database, device: str | None = None,
                 now_ms: Callable[[], int] | None = None):
        self.db = db
        self.device = device or settings.device_id(db)
        self._now = now_ms or (lambda: int(time.time() * 1000))

    def _last(self) -> tuple[int, int]:
        value = settings.get(self.db, _KEY)
        if not value:
            return (0, 0)
        ms, counter, _ = parse_hlc(value)
        return ms, counter

    def tick(self) -> str:
        """A new value greater than every value this database has made or seen."""
        last_ms, last_counter = self._last()
        now = self._now()
        if now > last_ms:
            ms, counter = now, 0
        else:
            ms, counter = last_ms, last_counter + 1
            if counter > 0xFFFF:  # 65,536 stamps in one millisecond: borrow the next one
                ms, counter = ms + 1, 0
        value = format_hlc(ms, counter, self.device)
        settings.put(self.db, _KEY, value)
        return value

    def tick_many(self, n: int) -> list[str]:
        """n increasing values with one read and one write: for bulk inserts."""
        if n <= 0:
            return []
        last_ms, last_counter = self._last()
        now = self._now()
        ms, counter = (now, 0) if now > last_ms else (last_ms, last_counter + 1)
        values = []
        for _ in range(n):
            if counter > 0xFFFF:
                ms, counter = ms + 1, 0
            values.append(format_hlc(ms, counter, self.device))
            counter += 1
        settings.put(self.db, _KEY, values[-1])
        return values

    def observe(self, remote: str) -> None:
        """Move past a value received from another device."""
        r_ms, r_counter, _ = parse_hlc(remote)
        if (r_ms, r_counter) > self._last():
            settings.put(self.db, _KEY, format_hlc(r_ms, r_counter, self.device))


def last_stamp(db: Database) -> str | None:
    """The newest value this database's clock has made or moved past (None before the first)."""
    value = settings.get(db, _KEY)
    return str(value) if value else None
