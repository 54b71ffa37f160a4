"""The follow-up rules as SQL fragments (`store.follow_up` explains them), for every query
that lists problems: the problem list, the reports, the work list itself.

They hold only column names and parameter names, never user input.
"""

from __future__ import annotations

from sqlite_utils import Database

from inspector.core.problems import Status


def earlier_rounds_sql(campaign: str = ":campaign") -> str:
    """A sub-query of the ids of the rounds a follow-up round checks: the one it follows
    up, the one that one followed up, and so on (a cycle, which no import can make
    since campaigns are headquarters' alone, would stop at the first repeat)."""
    return f"""WITH RECURSIVE earlier_(id) AS (
            SELECT follow_up_of FROM campaigns WHERE id = {campaign}
                AND follow_up_of IS NOT NULL
            UNION
            SELECT ca.follow_up_of FROM campaigns ca JOIN earlier_ e ON ca.id = e.id
            WHERE ca.follow_up_of IS NOT NULL)
        SELECT id FROM earlier_"""


def work_list_sql(alias: str = "p", campaign: str = ":campaign") -> str:
    """A condition on `problems {alias}`: it is on the follow-up round's work list."""
    return (
        f"({alias}.campaign_id IN ({earlier_rounds_sql(campaign)}) AND {alias}.deleted = 0 "
        f"AND ({alias}.status != '{Status.CLOSED.value}' OR EXISTS (SELECT 1 FROM follow_ups f_ "
        f"WHERE f_.problem_id = {alias}.id AND f_.campaign_id = {campaign} "
        f"AND f_.deleted = 0)))"
    )


def first_deadline_sql(alias: str = "p") -> str:
    """The deadline the problem was recorded with: the one its first extension replaced,
    or (no extension) the current one."""
    return (
        f"coalesce((SELECT x_.previous_deadline FROM extensions x_ WHERE x_.problem_id = "
        f"{alias}.id AND x_.deleted = 0 ORDER BY x_.updated_at LIMIT 1), {alias}.deadline)"
    )


def extension_count_sql(alias: str = "p") -> str:
    return (
        f"(SELECT COUNT(*) FROM extensions x_ WHERE x_.problem_id = {alias}.id AND x_.deleted = 0)"
    )


def extension_text_sql(alias: str = "p") -> str:
    """Every extension of the problem in one line, oldest first: "2026-10-31→2026-12-31
    （reason，approver批准）", joined by "；" (NULL when there is none)."""
    return (
        "(SELECT group_concat(coalesce(x_.previous_deadline, '') || '→' || x_.new_deadline "
        "|| '（' || x_.reason || '，' || x_.approved_by || '批准）', '；') FROM "
        f"(SELECT * FROM extensions WHERE problem_id = {alias}.id AND deleted = 0 "
        "ORDER BY updated_at) x_)"
    )


def is_follow_up(db: Database, campaign_id: str | None) -> bool:
    """Whether the campaign is a follow-up round (its problems are its work list too)."""
    if not campaign_id:
        return False
    found = db.execute(
        "SELECT follow_up_of IS NOT NULL FROM campaigns WHERE id = ?", [campaign_id]
    ).fetchone()
    return bool(found and found[0])
