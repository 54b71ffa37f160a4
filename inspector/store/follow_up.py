"""Follow-up rounds (回头看), their verdicts, and deadline extensions (延期), in the store.

A follow-up round is a campaign whose `follow_up_of` names the earlier round.
Its work list is computed, never copied: the problems of the earlier round (and
of the rounds that one followed up, and so on) that are not closed, plus those
this round has already given a verdict, so a problem verified and closed here
stays on the list it was checked from. Creating a round therefore writes one
row, whatever the size of the province.

A verdict is a `follow_ups` row and the life-cycle steps it implies
(`core.follow_up.verdict_steps`), in one transaction; an extension is an
`extensions` row and the problem's new deadline. Both tables are written once
per event, so two laptops' verdicts or extensions of one problem both survive
a merge; the problem's own row carries the result (its status, its current
deadline) as every other edit does.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

from inspector.core.follow_up import (
    FollowUpRefused,
    FollowUpVerdict,
    check_extension,
    check_verdict,
    verdict_steps,
)
from inspector.core.problems import Action, HistoryStep
from inspector.messages import Message
from inspector.store.catalog import create_campaign, find_campaign
from inspector.store.devices import require_hq_for_closed_problems
from inspector.store.follow_up_sql import work_list_sql
from inspector.store.rows import Rows


def create_follow_up(
    rows: Rows,
    earlier_ref: str,
    name: str,
    form_ref: str,
    *,
    reinspect: bool = False,
    year: int | None = None,
    interview_bottom: int = 3,
    due_soon_days: int | None = None,
    starts_on: str | None = None,
    note: str = "",
    campaign_id: str | None = None,
) -> dict[str, Any]:
    """A follow-up round of `earlier_ref`; with `reinspect`, the township fills in the
    checklist (the same or a newer form) as well as going through the work list."""
    earlier = find_campaign(rows.db, earlier_ref)
    days = earlier["due_soon_days"] if due_soon_days is None else due_soon_days
    if days < 0:
        raise FollowUpRefused(Message("the warning days cannot be negative"))
    return create_campaign(
        rows,
        name,
        form_ref,
        year,
        interview_bottom,
        starts_on=starts_on,
        extra={
            **({"id": campaign_id} if campaign_id else {}),
            "note": note,
            "follow_up_of": earlier["id"],
            "checklist": 1 if reinspect else 0,
            "due_soon_days": days,
        },
    )


def has_checklist(db: Database, campaign_id: str) -> bool:
    """Whether the campaign fills in a checklist: every campaign but a follow-up round made
    without `reinspect`, which only verifies the earlier round's problems (an unknown
    campaign: True, and the foreign key names it)."""
    row = db.execute("SELECT checklist FROM campaigns WHERE id = ?", [campaign_id]).fetchone()
    return row is None or bool(row[0])


def work_list(
    db: Database, campaign_id: str, township_id: str | None = None, today: dt.date | None = None
) -> list[dict[str, Any]]:
    """The round's work list (of one township, or all), as `store.problems` lists problems,
    with this round's latest verdict on each (`verdict`, `verdict_reason`)."""
    from inspector.store.problems import ProblemFilter, list_problems

    f = ProblemFilter(
        work_list_of=campaign_id, township_id=township_id, today=today or dt.date.today()
    )
    found = list_problems(db, f, order_by="township", limit=1_000_000)
    verdicts = latest_verdicts(db, campaign_id, [p["id"] for p in found])
    for p in found:
        v = verdicts.get(p["id"])
        p["verdict"] = v["verdict"] if v else None
        p["verdict_reason"] = v["reason"] if v else ""
    return found


def latest_verdicts(
    db: Database, campaign_id: str, problem_ids: list[str] | None = None
) -> dict[str, dict[str, Any]]:
    """This round's last verdict on each problem it checked (the newest stamp wins)."""
    rows = db.query(
        "SELECT * FROM follow_ups WHERE campaign_id = ? AND deleted = 0 ORDER BY updated_at",
        [campaign_id],
    )
    wanted = set(problem_ids) if problem_ids is not None else None
    return {r["problem_id"]: r for r in rows if wanted is None or r["problem_id"] in wanted}


def work_list_summary(db: Database, campaign_id: str) -> dict[str, tuple[int, int]]:
    """Per township: (problems on the work list, of which this round has checked)."""
    return {
        t: (int(total), int(checked))
        for t, total, checked in db.execute(
            f"""SELECT p.township_id, COUNT(*),
                       SUM(EXISTS (SELECT 1 FROM follow_ups f WHERE f.problem_id = p.id
                                   AND f.campaign_id = :campaign AND f.deleted = 0))
                FROM problems p WHERE {work_list_sql("p")} GROUP BY p.township_id""",
            {"campaign": campaign_id},
        ).fetchall()
    }


def record_verdict(
    rows: Rows,
    campaign_id: str,
    problem_id: str,
    verdict: FollowUpVerdict | str,
    reason: str = "",
    *,
    close: bool = False,
    today: dt.date | None = None,
    row_id: str | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The follow-up's verdict on one problem of its work list, and the steps it implies;
    returns (the verdict row, the problem as it now is); `row_id` only for reproducible
    sample data."""
    from inspector.store.problems import apply_action

    day = today or dt.date.today()
    verdict = check_verdict(verdict, reason)
    reason = reason.strip()
    with rows.db.atomic():
        on_list = rows.db.execute(
            f"SELECT 1 FROM problems p WHERE p.id = :problem AND {work_list_sql('p')}",
            {"problem": problem_id, "campaign": campaign_id},
        ).fetchone()
        if on_list is None:
            raise FollowUpRefused(
                Message(
                    "the problem is not on the work list of this follow-up round "
                    "(a problem of the round it follows up, not yet closed)"
                )
            )
        problem = rows.get("problems", problem_id)
        steps = verdict_steps(problem["status"], verdict, close)
        if Action.CLOSE in steps:
            require_hq_for_closed_problems(rows.db)
        row = rows.insert(
            "follow_ups",
            {
                **({"id": row_id} if row_id else {}),
                "campaign_id": campaign_id,
                "problem_id": problem_id,
                "verdict": verdict.value,
                "reason": reason,
                "checked_on": day.isoformat(),
                "checked_by": rows.who,
            },
        )
        for action in steps:
            note = ""
            if action == Action.RECTIFY:
                note = "回头看：整改到位" + (f"，{reason}" if reason else "")
            elif action == Action.REJECT:
                note = ("部分整改：" if verdict == FollowUpVerdict.PARTLY else "") + reason
            problem = apply_action(rows, problem_id, action, note=note, today=day)
        return row, problem


def extend_deadline(
    rows: Rows,
    problem_id: str,
    new_deadline: str,
    reason: str,
    approved_by: str,
    *,
    today: dt.date | None = None,
    row_id: str | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """An extension (延期): recorded with the deadline it replaces, and the problem's
    deadline moved; returns (the extension row, the problem as it now is)."""
    day = today or dt.date.today()
    with rows.db.atomic():
        problem = rows.get("problems", problem_id)
        check_extension(
            problem["status"],
            problem["found_on"],
            problem["deadline"],
            new_deadline,
            reason,
            approved_by,
        )
        row = rows.insert(
            "extensions",
            {
                **({"id": row_id} if row_id else {}),
                "problem_id": problem_id,
                "previous_deadline": (problem["deadline"] or "")[:10] or None,
                "new_deadline": new_deadline,
                "reason": reason.strip(),
                "approved_by": approved_by.strip(),
                "extended_on": day.isoformat(),
                "recorded_by": rows.who,
            },
        )
        return row, rows.update("problems", problem_id, {"deadline": new_deadline})


def extensions_of(db: Database, problem_id: str) -> list[dict[str, Any]]:
    """The problem's extensions, oldest first."""
    return list(
        db.query(
            "SELECT * FROM extensions WHERE problem_id = ? AND deleted = 0 ORDER BY updated_at",
            [problem_id],
        )
    )


def follow_up_steps(db: Database, problem_id: str) -> list[HistoryStep]:
    """The extensions and follow-up verdicts of a problem as history steps (the synced
    rows themselves, so headquarters sees what a laptop recorded)."""
    steps = [
        HistoryStep(
            e["updated_at"],
            e["recorded_by"],
            "extended",
            note=e["reason"],
            detail=(e["previous_deadline"] or "", e["new_deadline"], e["approved_by"]),
        )
        for e in extensions_of(db, problem_id)
    ]
    for v in db.query(
        "SELECT f.*, c.name AS campaign FROM follow_ups f "
        "LEFT JOIN campaigns c ON c.id = f.campaign_id "
        "WHERE f.problem_id = ? AND f.deleted = 0 ORDER BY f.updated_at",
        [problem_id],
    ):
        steps.append(
            HistoryStep(
                v["updated_at"],
                v["checked_by"],
                "verdict",
                status=v["verdict"],
                note=v["reason"],
                detail=(v["campaign"] or "",),
            )
        )
    return steps
