"""A form version is immutable once stored: a staged version that changes its text is refused.

Scores are a function of the frozen form and the answers; a swapped form
would re-rate every township of its campaigns at the next `check --repair`,
whoever signed it. A new form is a new version, with a new id.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from inspector.store.staging import stage_name


def changed_forms(db: Database) -> dict[str, Any] | None:
    """The first staged form whose text differs from the stored version of the same id."""
    row = db.execute(
        f"SELECT s.rowid, s.form_id, s.version FROM temp.[{stage_name('forms')}] s "
        "JOIN main.forms m ON m.id = s.id WHERE s.sha256 IS NOT m.sha256 "
        "OR s.source IS NOT m.source ORDER BY s.rowid LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return {"line": row[0], "form_id": row[1], "version": row[2]}
