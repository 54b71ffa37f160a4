"""The problem rules of `inspector.core.problems` as SQL, written once for every query.

Which problems are still to rectify, which are overdue and which a new
notice gathers are decided here and nowhere else in SQL: the problem list,
the township tree, the reports and the notices all put these fragments in
their WHERE clauses and SELECT lists, so the counts they show agree. The
fragments hold only the enum's own values, never user input.
"""

from __future__ import annotations

from inspector.core.problems import DEFAULT_DUE_SOON_DAYS, UNRECTIFIED, Light

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


def soon_days(alias: str = "p") -> str:
    """The warning days of the problem's campaign (`campaigns.due_soon_days`), or the
    default for a problem of no campaign. `alias` names the problems table."""
    return (
        f"coalesce((SELECT c_.due_soon_days FROM campaigns c_ "
        f"WHERE c_.id = {_column(alias, 'campaign_id')}), {DEFAULT_DUE_SOON_DAYS})"
    )


def light(alias: str = "p", today: str = ":today", days: str | None = None) -> str:
    """The deadline light (core.problems.light): 'red' when overdue, 'yellow' when due
    within `days` (by default the campaign's, `soon_days`), 'green' otherwise, NULL for a
    problem no longer to rectify. A NULL deadline compares as unknown: green."""
    days = days or soon_days(alias)
    deadline = _column(alias, "deadline")
    return (
        f"(CASE WHEN NOT {unrectified(alias)} THEN NULL "
        f"WHEN {overdue(alias, today)} THEN '{Light.RED.value}' "
        f"WHEN {deadline} <= date({today}, '+' || ({days}) || ' days') "
        f"THEN '{Light.YELLOW.value}' ELSE '{Light.GREEN.value}' END)"
    )


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
