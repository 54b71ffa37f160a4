"""The GUI's one "changed" signal: every write's `Changes`, for each view to act on.

The session (`inspector.store.session`) tells its subscribers what each
write changed; here that becomes a Qt signal, so a view connects once and
re-reads only what concerns it: an answer refreshes its checklist row, its
township's line in the tree and the page; an import or a resolved conflict
(`Changes.everything`) refreshes every view, so none shows the database as
it was before.

A widget may be handed the window's session or, in tests and from older
callers, its bare connection: `session_of` gives the one session of that
connection either way, so every widget on it hears the same signal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector.store.session import Changes, Session

_SIGNALS = "_inspector_qt_signals"
_SESSION = "_inspector_session"


class SessionSignals(QObject):
    """`changed(Changes)` after every write through the session (queued for none: the
    writes and the views are on the GUI thread)."""

    changed = Signal(object)


def session_of(source: Session | Database) -> Session:
    """The session of a connection (made once), or the session itself."""
    from inspector.store.session import Session  # imported after the first paint

    if isinstance(source, Session):
        return source
    found = getattr(source, _SESSION, None)
    if found is None:
        found = Session(source)
        setattr(source, _SESSION, found)
    return found


def signals_of(session: Session) -> SessionSignals:
    """The session's Qt signal, subscribed to it on first use."""
    found = getattr(session, _SIGNALS, None)
    if found is None:
        found = SessionSignals()
        session.subscribe(found.changed.emit)
        setattr(session, _SIGNALS, found)
    return found


def announce(session: Session, changes: Changes, source: object | None = None) -> None:
    """Tell every view about changes made elsewhere: the worker's session, an import."""
    session.announce(changes, source)
