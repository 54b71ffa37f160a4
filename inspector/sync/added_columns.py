"""Columns added to synced tables after bundles were first made, with the value a bundle
row from an older version takes for each.

A bundle written by the previous version lacks these columns; its rows are read as
if they held the default, as a migration gives the rows already in a database. Any
other missing column still refuses the bundle.
"""

from __future__ import annotations

from typing import Any

ADDED_COLUMNS: dict[str, dict[str, Any]] = {
    # m007_follow_up: follow-up rounds and their deadline lights
    "campaigns": {"follow_up_of": None, "checklist": 1, "due_soon_days": 7},
}


def with_defaults(table: str, row: dict[str, Any], wanted: frozenset[str]) -> dict[str, Any] | None:
    """`row` completed with the defaults of added columns it lacks, or None when it lacks
    another column or holds one the table does not have."""
    added = ADDED_COLUMNS.get(table)
    if not added or not row.keys() <= wanted:
        return None
    missing = wanted - row.keys()
    if not missing <= added.keys():
        return None
    return {**{c: added[c] for c in missing}, **row}
