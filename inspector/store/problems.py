"""The 问题清单: recording problems, moving them through their life, and listing them.

Listing is done in SQL, page by page, so a province's 100,000 problems are
never all in memory.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from inspector.core.problems import (
    Action,
    HistoryStep,
    Light,
    Status,
    check_deadline,
    history_steps,
    next_status,
)
from inspector.messages import Message, MessageError
from inspector.store.clock import hlc_device
from inspector.store.devices import own_role, require_hq_for_closed_problems
from inspector.store.follow_up_sql import extension_count_sql, is_follow_up, work_list_sql
from inspector.store.problem_rules import light, overdue
from inspector.store.rows import Rows


def add_problem(
    rows: Rows,
    township_id: str,
    text: str,
    deadline: str | None,
    *,
    campaign_id: str | None = None,
    inspection_id: str | None = None,
    item_id: str | None = None,
    responsible_unit: str = "",
    responsible_person: str = "",
    measure: str = "",
    found_on: str | None = None,
    problem_id: str | None = None,
) -> dict[str, Any]:
    """A new problem, open; `problem_id` only for reproducible sample data."""
    text = text.strip()
    if not text:
        raise ValueError("a problem needs a description")
    if deadline:
        dt.date.fromisoformat(deadline)
    found_on = found_on or dt.date.today().isoformat()
    check_deadline(found_on, deadline)
    values = {"id": problem_id} if problem_id else {}
    return rows.insert(
        "problems",
        {
            **values,
            "township_id": township_id,
            "campaign_id": campaign_id,
            "inspection_id": inspection_id,
            "item_id": item_id,
            "text": text,
            "responsible_unit": responsible_unit,
            "responsible_person": responsible_person,
            "measure": measure,
            "deadline": deadline,
            "status": Status.OPEN.value,
            "found_on": found_on,
        },
    )


def apply_action(
    rows: Rows,
    problem_id: str,
    action: Action | str,
    *,
    note: str = "",
    today: dt.date | None = None,
) -> dict[str, Any]:
    """One life-cycle step; an illegal one raises IllegalTransition naming both states."""
    day = (today or dt.date.today()).isoformat()
    with rows.db.atomic():
        problem = rows.get("problems", problem_id)
        action = Action(action)
        target = next_status(problem["status"], action)
        if target == Status.CLOSED:
            require_hq_for_closed_problems(rows.db)
        changes: dict[str, Any] = {"status": target.value}
        if action == Action.RECTIFY:
            changes.update(rectified_on=day, rectify_note=note or problem["rectify_note"])
        elif action == Action.CLOSE:
            changes.update(closed_on=day, closed_by=rows.who)
        elif action == Action.REJECT:
            changes.update(
                rectified_on=None,
                rectify_note=(problem["rectify_note"] + f"\n[{day} 复查退回] {note}").strip(),
            )
        return rows.update("problems", problem_id, changes)


def apply_action_many(
    rows: Rows,
    problem_ids: list[str],
    action: Action | str,
    *,
    note: str = "",
    today: dt.date | None = None,
) -> list[dict[str, Any]]:
    """The same step on several problems: all of them or, on any illegal one, none."""
    with rows.db.atomic():
        return [apply_action(rows, pid, action, note=note, today=today) for pid in problem_ids]


EDITABLE = ("text", "responsible_unit", "responsible_person", "measure", "deadline")


def edit_problem(rows: Rows, problem_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    bad = set(changes) - set(EDITABLE)
    if bad:
        raise ValueError(f"cannot edit {', '.join(sorted(bad))} directly")
    if changes.get("deadline"):
        dt.date.fromisoformat(changes["deadline"])
    if "text" in changes and not str(changes["text"]).strip():
        raise ValueError("a problem needs a description")
    problem = rows.get("problems", problem_id)
    if changes.get("deadline"):
        # Only a new deadline is checked: an older row that breaks the rule still takes
        # other edits (see docs/design-notes.md, "Problem deadlines").
        check_deadline(problem["found_on"], changes["deadline"])
    if changes.get("deadline", problem["deadline"]) != problem["deadline"] and problem["deadline"]:
        raise DeadlineNotEdited(
            Message(
                "the deadline was set when the problem was recorded; it changes only "
                "through an extension (延期) with a reason and who approved it"
            )
        )
    if problem["status"] == Status.CLOSED.value:
        require_hq_for_closed_problems(rows.db)
    return rows.update("problems", problem_id, changes)


class DeadlineNotEdited(MessageError):
    """A recorded deadline changes only through an extension (`store.follow_up`)."""


class ProblemNotDeleted(MessageError):
    """A problem that may not be deleted, and why."""


def delete_problem(rows: Rows, problem_id: str) -> dict[str, Any]:
    """A problem recorded by mistake becomes a tombstone (audited as "delete").

    A closed problem is final on every device. An inspector laptop deletes only
    what the trust rules let its tombstone stand for (`sync.roles.refusal`): a
    problem still open that it recorded itself, with no other device's version
    under it; anything else would be refused by every other device on import.
    A problem on an issued notice is part of that document and stays.
    """
    with rows.db.atomic():
        problem = rows.get("problems", problem_id)
        if problem["deleted"]:
            return problem
        if problem["status"] == Status.CLOSED.value:
            raise ProblemNotDeleted(
                Message("a closed problem (销号) is final and cannot be deleted")
            )
        if own_role(rows.db) == "inspector" and (
            problem["status"] != Status.OPEN.value
            or problem["base_version"] is not None
            or hlc_device(problem["updated_at"]) != rows.device
        ):
            raise ProblemNotDeleted(
                Message(
                    "this laptop may delete only an open problem it recorded itself that no "
                    "other device has changed; ask headquarters to delete it"
                )
            )
        on_notice = (
            rows.db.execute(
                "SELECT doc_number FROM notices WHERE id = ? AND deleted = 0",
                [problem["notice_id"]],
            ).fetchone()
            if problem["notice_id"]
            else None
        )
        if on_notice:
            raise ProblemNotDeleted(
                Message(
                    "the problem is on the issued notice {number}; it cannot be deleted",
                    number=on_notice[0] or "",
                )
            )
        return rows.delete("problems", problem_id)


def problem_history(db: Database, problem_id: str) -> list[HistoryStep]:
    """Who did what to the problem and when, from the audit log, oldest first."""
    entries = []
    for at, who, action, old, new in db.execute(
        "SELECT at, who, action, old, new FROM audit_log "
        "WHERE table_name = 'problems' AND row_id = ? ORDER BY id",
        [problem_id],
    ):
        entries.append(
            (at, who, action, json.loads(old) if old else None, json.loads(new) if new else None)
        )
    from inspector.store.follow_up import follow_up_steps

    more = follow_up_steps(db, problem_id)
    # An extension moves the deadline in the problem's row too: its own step says so.
    steps = [s for s in history_steps(entries) if not (more and s.fields == ("deadline",))]
    return sorted([*steps, *more], key=lambda s: s.at)


@dataclass
class ProblemFilter:
    campaign_id: str | None = None
    county_id: str | None = None
    township_id: str | None = None
    statuses: tuple[str, ...] = ()
    overdue_only: bool = False
    lights: tuple[str, ...] = ()  # core.problems.Light values; any of them
    work_list_of: str | None = None  # a follow-up round: the problems it checks
    text: str = ""
    today: dt.date = field(default_factory=dt.date.today)


SORTABLE = {
    "deadline": "p.deadline",
    "status": "p.status",
    "township": "t.name",
    "county": "c.name",
    "text": "p.text",
    "found_on": "p.found_on",
    "responsible_unit": "p.responsible_unit",
    "item_id": "p.item_id",
}

_SELECT = f"""
    SELECT p.*, t.name AS township, c.name AS county, c.id AS county_id,
           {overdue("p")} AS overdue,
           {light("p")} AS light,
           {extension_count_sql("p")} AS extensions,
           n.doc_number AS notice_number
    FROM problems p
    JOIN townships t ON t.id = p.township_id
    JOIN counties c ON c.id = t.county_id
    LEFT JOIN notices n ON n.id = p.notice_id
"""


def _where(f: ProblemFilter) -> tuple[str, dict[str, Any]]:
    """The WHERE clause on `problems p` alone: townships are reached by sub-queries
    (1,400 rows, evaluated once), so counting needs no per-row join."""
    clauses = ["p.deleted = 0"]
    params: dict[str, Any] = {"today": f.today.isoformat()}
    if f.work_list_of and f.work_list_of == f.campaign_id:
        # a follow-up round: its work list, and what it recorded itself (a re-inspection)
        clauses.append(f"(p.campaign_id = :campaign OR {work_list_sql('p', ':campaign')})")
        params["campaign"] = f.campaign_id
    elif f.campaign_id:
        clauses.append("p.campaign_id = :campaign")
        params["campaign"] = f.campaign_id
    if f.county_id:
        clauses.append("p.township_id IN (SELECT id FROM townships WHERE county_id = :county)")
        params["county"] = f.county_id
    if f.township_id:
        clauses.append("p.township_id = :township")
        params["township"] = f.township_id
    if f.statuses:
        names = []
        for i, s in enumerate(f.statuses):
            params[f"s{i}"] = Status(s).value
            names.append(f":s{i}")
        clauses.append(f"p.status IN ({', '.join(names)})")
    if f.overdue_only:
        clauses.append(overdue("p"))
    if f.lights:
        names = []
        for i, value in enumerate(f.lights):
            params[f"l{i}"] = Light(value).value
            names.append(f":l{i}")
        clauses.append(f"{light('p')} IN ({', '.join(names)})")
    if f.work_list_of and f.work_list_of != f.campaign_id:
        clauses.append(work_list_sql("p", ":work_list"))
        params["work_list"] = f.work_list_of
    if f.text.strip():
        clauses.append(
            "(p.text LIKE :q OR p.responsible_unit LIKE :q OR p.item_id LIKE :q "
            "OR p.township_id IN (SELECT id FROM townships WHERE name LIKE :q))"
        )
        params["q"] = f"%{f.text.strip()}%"
    return " AND ".join(clauses), params


def count_problems(db: Database, f: ProblemFilter) -> int:
    where, params = _where(f)
    sql = f"SELECT COUNT(*) FROM problems p WHERE {where}"
    return int(db.execute(sql, params).fetchone()[0])


def list_problems(
    db: Database,
    f: ProblemFilter,
    *,
    order_by: str = "deadline",
    descending: bool = False,
    limit: int = 200,
    offset: int = 0,
    from_end: bool = False,
) -> list[dict[str, Any]]:
    """The problems matching `f` in list order: `column`, then id.

    With `from_end`, `offset` counts the rows after the page rather than
    before it (the page still comes in list order). SQLite skips an OFFSET
    row by row, so the last page of 500,000 problems costs a second from the
    start and nothing from the end; the list reads its second half so.
    """
    where, params = _where(f)
    column = SORTABLE.get(order_by, "p.deadline")
    direction, id_direction = ("DESC" if descending else "ASC"), "ASC"
    if from_end:  # the exact reverse order (SQLite sorts NULL first ascending, last descending)
        direction, id_direction = ("ASC" if descending else "DESC"), "DESC"
    params.update(limit=limit, offset=offset)
    rows = list(
        db.query(
            f"{_SELECT} WHERE {where} ORDER BY {column} {direction}, p.id {id_direction} "
            "LIMIT :limit OFFSET :offset",
            params,
        )
    )
    if from_end:
        rows.reverse()
    return rows


def problem_ids(db: Database, f: ProblemFilter) -> list[str]:
    where, params = _where(f)
    return [
        r[0] for r in db.execute(f"SELECT p.id FROM problems p WHERE {where}", params).fetchall()
    ]


def get_problem(db: Database, problem_id: str, today: dt.date | None = None) -> dict[str, Any]:
    params = {"today": (today or dt.date.today()).isoformat(), "id": problem_id}
    found = list(db.query(f"{_SELECT} WHERE p.id = :id", params))
    if not found:
        raise KeyError(problem_id)
    return found[0]


def problems_for_township(
    db: Database,
    township_id: str,
    campaign_id: str | None = None,
    statuses: tuple[str, ...] = (),
    today: dt.date | None = None,
) -> list[dict[str, Any]]:
    f = ProblemFilter(
        campaign_id=campaign_id,
        work_list_of=campaign_id if is_follow_up(db, campaign_id) else None,
        township_id=township_id,
        statuses=statuses,
        today=today or dt.date.today(),
    )
    return list_problems(db, f, limit=100_000)


def latest_problem_deadline(db: Database, problem_ids: list[str]) -> str | None:
    """The last rectification deadline among these problems (YYYY-MM-DD), if any has one."""
    if not problem_ids:
        return None
    marks = ",".join("?" * len(problem_ids))
    latest = db.execute(
        f"SELECT MAX(deadline) FROM problems WHERE id IN ({marks})", problem_ids
    ).fetchone()[0]
    return str(latest)[:10] if latest else None
