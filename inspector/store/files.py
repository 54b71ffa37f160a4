"""Writing a file beside the database whole or not at all.

Attachments and key files are written to a temporary file in the same folder,
synced, then renamed over the name: a crash or a full disk leaves the old
file or none, never half of one. (Never used for the database itself: only
SQLite writes that.)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, private: bool = False) -> None:
    """`data` as `path`; `private`: the file (and a folder made for it) for the user only."""
    path.parent.mkdir(mode=0o700 if private else 0o777, parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        if private:
            os.chmod(tmp, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
