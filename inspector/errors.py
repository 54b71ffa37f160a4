"""Which errors are the user's situation (one clear line) and which are our bugs.

One classification for the command line and the GUI alike (`explain`):
- errors built from Messages (MessageError and the other user errors) say
  what to do;
- SQLite errors are sorted by their result code: a busy, read-only, full,
  unopenable, damaged or unreadable database is the user's situation and gets
  one line saying so; anything else SQLite raises (a constraint, a misused
  API, SQL that does not parse) is a bug in Inspector;
- operating-system errors (a missing file, a full disk, no permission) are
  the user's;
- everything else is our bug: its traceback goes to the log file
  (`inspector.logfile`) and the user reads where it went.
"""

from __future__ import annotations

import contextlib
import errno
import sqlite3
from dataclasses import dataclass

from inspector.messages import Message, messages_of

BUSY, LOCKED, READONLY, FULL, CANTOPEN, NOTADB, CORRUPT, IOERR, PERM = (
    5,
    6,
    8,
    13,
    14,
    26,
    11,
    10,
    3,
)

SQLITE_MESSAGES: dict[int, Message] = {
    BUSY: Message(
        "the database is busy (another Inspector window or command is writing); "
        "try again in a moment"
    ),
    READONLY: Message(
        "the database is read-only, so nothing can be saved (check the file's "
        "permissions, or copy it off a read-only disk or share)"
    ),
    FULL: Message("the disk is full, so nothing could be saved; free some space and try again"),
    CANTOPEN: Message(
        "the database file cannot be opened (its folder is missing, or not readable and writable)"
    ),
    NOTADB: Message("the file is not an Inspector database"),
    CORRUPT: Message("the database is damaged; restore a backup with 'inspector backup restore'"),
    IOERR: Message(
        "the disk could not be read or written (I/O error); check the disk or USB "
        "stick, and if it goes on, restore a backup with 'inspector backup restore'"
    ),
    PERM: Message("the operating system refused access to the database file (permission denied)"),
}
SQLITE_MESSAGES[LOCKED] = SQLITE_MESSAGES[BUSY]


def user_error_types() -> tuple[type[BaseException], ...]:
    """Exceptions whose own text is the message for the user."""
    from inspector.core.forms import FormError
    from inspector.core.numbering import NumberingError
    from inspector.core.problems import IllegalTransition
    from inspector.messages import MessageError
    from inspector.store.catalog import CatalogError
    from inspector.store.db import StoreError
    from inspector.store.inspections import InspectionLocked
    from inspector.store.rows import RowNotFound
    from inspector.sync.errors import BundleError

    return (
        MessageError,
        FormError,
        NumberingError,
        IllegalTransition,
        CatalogError,
        StoreError,
        InspectionLocked,
        RowNotFound,
        BundleError,
    )


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code of an sqlite3 error (None for anything else)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(exc, sqlite3.Error) and isinstance(code, int) else None


def is_interrupted(exc: BaseException) -> bool:
    """True for the error of a statement abandoned through `Session.interrupt` on purpose."""
    return sqlite_code(exc) == sqlite3.SQLITE_INTERRUPT


def user_messages(exc: BaseException) -> list[Message] | None:
    """The lines to show when `exc` is the user's situation; None when it is our bug."""
    if isinstance(exc, user_error_types()):
        return messages_of(exc) or [
            Message("{text}", text=str(exc).strip() or exc.__class__.__name__)
        ]
    if isinstance(exc, sqlite3.Error):
        code = sqlite_code(exc)
        if (
            isinstance(exc, sqlite3.DatabaseError | sqlite3.OperationalError)
            and not isinstance(
                exc, sqlite3.IntegrityError | sqlite3.ProgrammingError | sqlite3.InterfaceError
            )
            and code in SQLITE_MESSAGES
        ):
            return [SQLITE_MESSAGES[code]]
        return None
    if isinstance(exc, OSError):
        if exc.errno == errno.ENOSPC:
            return [SQLITE_MESSAGES[FULL]]
        detail = exc.strerror or str(exc)
        if exc.filename:
            return [Message("{file}: {error}", file=str(exc.filename), error=detail)]
        return [Message("{text}", text=detail)]
    return None


def is_user_error(exc: BaseException) -> bool:
    return user_messages(exc) is not None


@dataclass(frozen=True)
class Explanation:
    """What to tell the user about an exception, and whether it was our bug (logged)."""

    messages: list[Message]
    bug: bool

    def __str__(self) -> str:
        return "\n".join(str(m) for m in self.messages)


def explain(exc: BaseException, context: str = "") -> Explanation:
    """Classify `exc`; a bug's traceback is appended to the log file first."""
    found = user_messages(exc)
    if found is not None:
        return Explanation(found, bug=False)
    from inspector import logfile

    log = getattr(exc, "_inspector_log", None)  # shown twice, logged once
    try:
        if log is None:
            log = str(logfile.record(exc, context))
            with contextlib.suppress(AttributeError):
                exc._inspector_log = log  # type: ignore[attr-defined]
    except OSError:  # nowhere to write: still one line, saying so
        return Explanation(
            [
                Message(
                    "internal error ({error}); the log could not be written",
                    error=f"{type(exc).__name__}: {exc}"[:200],
                )
            ],
            bug=True,
        )
    return Explanation([Message("internal error, details written to {log}", log=log)], bug=True)
