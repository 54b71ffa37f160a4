"""The hybrid logical clock that stamps `updated_at` (contract format).

`{unix_ms:013d}-{counter:04x}-{device_id}`: string order is time order, and
the device id breaks ties. The last value is kept in the database, so the
clock never goes back even if the laptop's wall clock does, and every value
seen in an imported bundle pushes it forward.

Two bounds keep one bad value from breaking sync for everyone. A value more
than `AHEAD_LIMIT_MS` ahead of this computer's wall clock is never adopted
(`observe` refuses it): a laptop whose clock says 2035 would otherwise win
every later concurrent edit and drag every device it syncs with to 2035. And
no stamp ever has more than 13 digits of milliseconds: a 14-digit stamp sorts
as older than every 13-digit one, so `tick` refuses loudly at the end of the
range instead of wrapping or growing.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable

from sqlite_utils import Database

from inspector.messages import Message
from inspector.store import settings
from inspector.store.db import StoreError

_KEY = "hlc_last"
MAX_MS = 10**13 - 1  # 2286-11-20: the last millisecond 13 digits can hold
MAX_COUNTER = 0xFFFF
AHEAD_LIMIT_MS = 24 * 3600 * 1000  # a day: time zones and sloppy clocks, never a wrong year
_HLC = re.compile(r"(\d{13})-([0-9a-f]{4})-(.+)")


class ClockError(StoreError):
    """A clock value this database must not make or adopt; the message says what to fix."""


def format_hlc(ms: int, counter: int, device: str) -> str:
    return f"{ms:013d}-{counter:04x}-{device}"


def parse_hlc(value: str) -> tuple[int, int, str]:
    ms, counter, device = value.split("-", 2)
    return int(ms), int(counter, 16), device


def hlc_device(value: str) -> str:
    return value.split("-", 2)[2]


def is_hlc(value: object) -> bool:
    """A well-formed value: exactly 13 digits of milliseconds, 4 hex digits, a device."""
    return isinstance(value, str) and _HLC.fullmatch(value) is not None


def wall_ms() -> int:
    return int(time.time() * 1000)


def when(ms: int) -> str:
    """A clock value's time as a user reads it: local date, hour and minute."""
    try:
        return dt.datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d %H:%M")
    except (OverflowError, OSError, ValueError):
        return f"{ms} ms"


def day(ms: int) -> str:
    """The local date of a wall-clock time (what 'this computer's clock' shows)."""
    try:
        return dt.datetime.fromtimestamp(ms / 1000).strftime("%Y-%m-%d")
    except (OverflowError, OSError, ValueError):
        return f"{ms} ms"


def ahead_limit(now_ms: int) -> int:
    """The largest millisecond a stamp may carry when the wall clock says `now_ms`."""
    return now_ms + AHEAD_LIMIT_MS


def last_value(db: Database) -> str | None:
    """The last value this database made or saw (None before the first)."""
    return settings.get(db, _KEY) or None


def reset_last(db: Database, value: str) -> None:
    """Move the clock to `value`, even backwards: only for repairing future stamps."""
    settings.put(db, _KEY, value)


def behind_warning(db: Database, now_ms: int | None = None) -> Message | None:
    """A warning when this computer's clock is far behind the last change recorded.

    Stamps keep increasing anyway (the clock never goes back), but a clock
    years behind means the date is wrong here, or that this database holds
    stamps from the future that other laptops will refuse.
    """
    last = last_value(db)
    if not last or not is_hlc(last):
        return None
    now = wall_ms() if now_ms is None else now_ms
    last_ms = parse_hlc(last)[0]
    if last_ms <= ahead_limit(now):
        return None
    return Message(
        "this computer's clock ({now}) is behind the last change recorded "
        "({last}): check the date and time",
        now=day(now),
        last=when(last_ms),
    )


class Clock:
    def __init__(
        self, db: Database, device: str | None = None, now_ms: Callable[[], int] | None = None
    ):
        self.db = db
        self._device = device
        self._now = now_ms or wall_ms

    @property
    def device(self) -> str:
        """The device id stamped now: read each time, so `device new` takes effect at once."""
        return self._device or settings.device_id(self.db)

    def _last(self) -> tuple[int, int]:
        value = settings.get(self.db, _KEY)
        if not value:
            return (0, 0)
        ms, counter, _ = parse_hlc(value)
        return ms, counter

    def tick(self, device: str | None = None) -> str:
        """A new value greater than every value this database has made or seen.

        `device`: the device id as the caller has just read it (a writer reads it
        once per transaction); a clock made for a fixed device keeps its own.
        """
        return self.tick_many(1, device)[0]

    def tick_many(self, n: int, device: str | None = None) -> list[str]:
        """n increasing values with one read and one write: for bulk inserts."""
        if n <= 0:
            return []
        last_ms, last_counter = self._last()
        now = self._now()
        ms, counter = (now, 0) if now > last_ms else (last_ms, last_counter + 1)
        device = self._device or device or self.device
        values = []
        for _ in range(n):
            if counter > MAX_COUNTER:  # 65,536 stamps in one millisecond: borrow the next one
                ms, counter = ms + 1, 0
            if ms > MAX_MS:
                raise ClockError(
                    Message(
                        "the last change recorded in this database is stamped {last}, the end of "
                        "the clock's range: set this computer's date and time right, then run "
                        "'inspector check --restamp-future'",
                        last=when(last_ms),
                    )
                )
            values.append(format_hlc(ms, counter, device))
            counter += 1
        settings.put(self.db, _KEY, values[-1])
        return values

    def observe(self, remote: str) -> None:
        """Move past a value received from another device, unless it is far ahead of now.

        The importer refuses such bundles before writing anything; this is the
        last guard, so the clock cannot be dragged into the future by any path.
        """
        if not is_hlc(remote):
            raise ClockError(Message("{value!r} is not a clock value", value=remote[:90]))
        r_ms, r_counter, r_device = parse_hlc(remote)
        now = self._now()
        if r_ms > ahead_limit(now):
            raise ClockError(
                Message(
                    "device {device}'s clock appears to be at {when}, more than a day ahead of "
                    "this computer's ({today}); correct that laptop's clock, then export again",
                    device=r_device,
                    when=when(r_ms),
                    today=day(now),
                )
            )
        if (r_ms, r_counter) > self._last():
            settings.put(self.db, _KEY, format_hlc(r_ms, r_counter, self.device))


def last_stamp(db: Database) -> str | None:
    """The newest value this database's clock has made or moved past (None before the first)."""
    value = settings.get(db, _KEY)
    return str(value) if value else None
