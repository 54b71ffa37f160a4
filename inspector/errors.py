"""Which exceptions are the user's to fix (shown as one clear line) and which are our bugs.

The CLI prints the former without a traceback; the GUI shows them in a
message box and logs the latter with their traceback.
"""

from __future__ import annotations

import sqlite3


def user_error_types() -> tuple[type[BaseException], ...]:
    from inspector.core.forms import FormError
    from inspector.core.numbering import NumberingError
    from inspector.core.problems import IllegalTransition
    from inspector.store.catalog import CatalogError
    from inspector.store.db import StoreError
    from inspector.store.devices import RoleError
    from inspector.store.inspections import InspectionLocked
    from inspector.store.rows import RowNotFound
    from inspector.sync.errors import BundleError, TrustError

    return (
        FormError, NumberingError, IllegalTransition, CatalogError, StoreError,
        InspectionLocked, RowNotFound, BundleError, TrustError, RoleError,
        sqlite3.OperationalError,
        sqlite3.DatabaseError, OSError,
    )


def is_user_error(exc: BaseException) -> bool:
    return isinstance(exc, user_error_types())


def describe(exc: BaseException) -> str:
    """One line for the user."""
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror}"
    if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
        return "the database is busy (another Inspector window or command is writing); try again"
    return str(exc).strip() or exc.__class__.__name__
