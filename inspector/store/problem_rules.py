"""The problem rules of `inspector.core.problems` as SQL, written once for every query.

Which problems are still to rectify, which are overdue and which a new
notice gathers are decided here and nowhere else in SQL: the problem list,
the township tree, the reports and the notices all put these fragments in
their WHERE clauses and SELECT lists, so the counts they show agree. The
fragments hold only the enum's own values, never user input.
"""

from __future__ import annotations

from inspector.core.problems import UNRECTIFIED

_UNRECTIFIED = ", ".join(f"'{status.value}'" for status in UNRECTIFIED)


def _column(alias: str, name: str) -> str:
    return f"{alias}.{name}" if alias else name


def unrectified(alias: str = "p") -> str:
    """The problem still awaits rectification (open or in rectification)."""
    return f"{_column(alias, 'status')} IN ({_UNRECTIFIED})"


def overdue(alias: str = "p", today: str = ":today") -> str:
    """Past its deadline and still to rectify (core.problems.is_overdue); `today` is the
    SQL parameter holding the ISO date."""
    return f"({unrectified(alias)} AND {_column(alias, 'deadline')} < {today})"


def noticeable(alias: str = "p") -> str:
    """A new notice may gather it: still to rectify and on no notice yet (a notice that
    was deleted carries nothing). `alias` names the problems table; it is required
    here, as the sub-query reads another table."""
    if not alias:
        raise ValueError("noticeable() needs the problems table's alias")
    return (
        f"({unrectified(alias)} AND NOT EXISTS (SELECT 1 FROM notices n_ "
        f"WHERE n_.id = {alias}.notice_id AND n_.deleted = 0))"
    )
