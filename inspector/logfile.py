"""The log of our own bugs: tracebacks the user can send, never shown to them.

It lives in `logs/inspector.log` beside the database, with the attachments
and backups of the same installation, so one folder holds everything a
support request needs and each database (a test's, a second installation's)
keeps its own. Before a database is known, or where its folder cannot be
written, the platform's log folder is used instead
(`platformdirs.user_log_dir("inspector")`). The file rotates at 1 MiB,
keeping three old ones. Only tracebacks go in: no row data, no settings.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import traceback
from pathlib import Path

LOG_NAME = "inspector.log"
MAX_BYTES = 1024 * 1024
BACKUP_COUNT = 3

_lock = threading.Lock()
_folder: Path | None = None
_handlers: dict[Path, logging.Handler] = {}


def use_folder_of(db_path: str | Path | None) -> None:
    """Log beside this database from now on (None or ':memory:': the platform folder)."""
    global _folder
    if db_path is None or str(db_path) == ":memory:":
        _folder = None
    else:
        _folder = Path(db_path).resolve().parent / "logs"


def _fallback() -> Path:
    import platformdirs

    return Path(platformdirs.user_log_dir("inspector", appauthor=False))


def log_file() -> Path:
    """Where the next entry goes: beside the database if that folder can take it.

    The database's own folder must exist already (a mistyped --db leaves no
    folders behind); the platform folder is made as needed.
    """
    if _folder is not None:
        try:
            _folder.mkdir(exist_ok=True)
            return _folder / LOG_NAME
        except OSError:
            pass
    fallback = _fallback()
    try:
        fallback.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OSError("no folder can take the log file") from exc
    return fallback / LOG_NAME


def _handler(path: Path) -> logging.Handler:
    handler = _handlers.get(path)
    if handler is None:
        # Imported with the first entry, not at start-up: `logging.handlers` brings
        # sockets, pickle and queues along, a tenth of the time to the window's first
        # paint, for a file most runs never write.
        import logging.handlers

        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
        )
        handler.setFormatter(logging.Formatter("%(message)s"))
        _handlers[path] = handler
    return handler


def record(exc: BaseException, context: str = "") -> Path:
    """Append the exception's traceback (with the time and `context`); the log's path."""
    from inspector import __version__

    path = log_file()
    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    header = f"--- {stamp} inspector {__version__} {context}".rstrip()
    record = logging.LogRecord(
        "inspector.bugs", logging.ERROR, __file__, 0, f"{header}\n{text.rstrip()}\n", None, None
    )
    with _lock:
        handler = _handler(path)
        handler.handle(record)
        handler.flush()
    return path


def note(text: str, context: str = "") -> Path:
    """Append one message that is not an exception (Qt's own warnings), like `record`."""
    from inspector import __version__

    path = log_file()
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    header = f"--- {stamp} inspector {__version__} {context}".rstrip()
    entry = logging.LogRecord(
        "inspector.qt", logging.WARNING, __file__, 0, f"{header}\n{text.rstrip()}\n", None, None
    )
    with _lock:
        handler = _handler(path)
        handler.handle(entry)
        handler.flush()
    return path
