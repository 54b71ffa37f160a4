"""When a piece of evidence was taken: the photo's EXIF DateTimeOriginal, else the file's time.

A photo carries the moment its camera took it (EXIF DateTimeOriginal, local
time without a zone, as the camera's clock said); a scan or a photo that
lost its EXIF on the way has only the file's modification time, which for a
file copied straight off a phone or scanner is still close. Both are outside
input: an EXIF date of "0000:00:00 00:00:00", a 30th of February, a year
1970 from a camera whose clock was never set, or bytes Pillow cannot read
give no time from EXIF (the file's time is used), never an error. The
result is what the synced `attachments.taken_at` column holds: local time
to the second, `YYYY-MM-DDTHH:MM:SS`, between the years the Timestamp
domain allows.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings

from inspector.store.domains import Timestamp

_EXIF_IFD = 0x8769
_DATE_TIME_ORIGINAL = 0x9003
_DATE_TIME = 0x0132  # when the file was last written by the camera or an editor
_EXIF_DATE = re.compile(r"\s*([0-9]{4}):([0-9]{2}):([0-9]{2})[ T]([0-9]{2}):([0-9]{2}):([0-9]{2})")
_DOMAIN = Timestamp()


def exif_time(data: bytes) -> str | None:
    """The EXIF DateTimeOriginal (or, lacking it, DateTime) of an image, if sensible."""
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a bomb warning: only the header is read here
            with Image.open(io.BytesIO(data)) as image:
                exif = image.getexif()
                found = [exif.get_ifd(_EXIF_IFD).get(_DATE_TIME_ORIGINAL), exif.get(_DATE_TIME)]
    except Exception:  # any unreadable image simply has no EXIF time
        return None
    for value in found:
        parsed = parse_exif_time(value)
        if parsed is not None:
            return parsed
    return None


def parse_exif_time(value: object) -> str | None:
    """'2017:09:12 10:30:00' as '2017-09-12T10:30:00'; None for anything not a real time."""
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    if not isinstance(value, str):
        return None
    match = _EXIF_DATE.match(value.strip("\x00"))
    if match is None:
        return None
    try:
        year, month, day, hour, minute, second = (int(part) for part in match.groups())
        moment = dt.datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    text = moment.isoformat(timespec="seconds")
    return text if _DOMAIN.accepts(text) else None


def file_time(mtime: float | None) -> str | None:
    """A file's modification time as local time, if it is a time the column can hold."""
    if mtime is None:
        return None
    try:
        text = dt.datetime.fromtimestamp(mtime).isoformat(timespec="seconds")
    except (OverflowError, OSError, ValueError):
        return None
    return text if _DOMAIN.accepts(text) else None


def taken_at(data: bytes, mtime: float | None = None) -> str | None:
    """The EXIF time of `data` if it has a sensible one, else the file's time `mtime`."""
    return exif_time(data) or file_time(mtime)
