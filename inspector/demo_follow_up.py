"""Sample follow-up rounds (回头看) and extensions (延期) for `inspector demo`.

The sample gets an earlier round of its own (the previous quarter, some of the
townships) and a follow-up of it that verified and closed some problems, sent
some back with a reason and extended some deadlines, so the lights, the work
list and the histories have something to show; the sample campaign itself is
left as it was (the newest round, the one the window opens on). The province
gets one follow-up round of its last but one campaign. Each draws from a
generator of its own, so the data made before it is the same with or without
it.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from typing import Any

from inspector.core.forms import Form
from inspector.core.problems import Action, Status
from inspector.core.scoring import Verdict
from inspector.store.follow_up import create_follow_up, extend_deadline, record_verdict, work_list
from inspector.store.inspections import FINISHED, set_answer, start_inspection
from inspector.store.problems import add_problem, apply_action
from inspector.store.rows import Rows

REASONS_PARTLY = ("会议记录仍不完整，需补齐近三个月台账", "整改方案已制定，村级落实不到位")
REASONS_REJECTED = ("未见整改佐证材料，问题依然存在", "整改报告与现场情况不符")
REASONS_EXTENSION = (
    "涉及村级组织换届，需延后完成",
    "活动场所改造工程尚在施工",
    "需县级部门审批，经督导组同意延期",
)
APPROVERS = ("市委组织部组织一处", "督导组组长", "县委组织部")


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def add_sample_follow_up(
    rows: Rows,
    form: Form,
    form_row: str,
    towns: list[dict[str, Any]],
    plan_answers: Any,
    problem_text: Any,
    seed: int,
    today: dt.date,
) -> dict[str, int]:
    """An earlier round on a ninth of the townships, and its follow-up round."""
    rng = random.Random(seed * 7919 + 1)
    start = today - dt.timedelta(days=130)
    quarter = (start.month - 1) // 3 + 1
    earlier = rows.insert(
        "campaigns",
        {
            "id": _uuid(rng),
            "name": f"{start.year}年第{'一二三四'[quarter - 1]}季度基层党建专项督查（示例·上轮）",
            "form_id": form_row,
            "year": start.year,
            "starts_on": start.isoformat(),
            "ends_on": (start + dt.timedelta(days=30)).isoformat(),
            "interview_bottom": 3,
            "note": "示例数据：回头看所检查的上一轮督查。",
        },
    )
    chosen = rng.sample(towns, max(1, len(towns) // 9))
    for n, town in enumerate(chosen):
        day = start + dt.timedelta(days=2 + n)
        insp = start_inspection(rows, earlier["id"], town["id"], day.isoformat())
        answers = plan_answers(form, rng, rng.choice((2, 3, 3, 4)))
        for item_id, answer in answers.items():
            set_answer(rows, insp["id"], item_id, verdict=answer.verdict, number=answer.number)
        failed = [
            item
            for item in form.items
            if item.id in answers
            and (
                answers[item.id].verdict == Verdict.FAIL
                or (item.kind == "number" and (answers[item.id].number or 0) > (item.target or 0))
            )
        ]
        for item in failed[:5]:
            p = add_problem(
                rows,
                town["id"],
                problem_text(item),
                (day + dt.timedelta(days=30)).isoformat(),
                campaign_id=earlier["id"],
                inspection_id=insp["id"],
                item_id=item.id,
                responsible_unit=town["name"] + ("党工委" if town["kind"] == "街道" else "党委"),
                measure="制定整改方案，明确责任人和时限，整改后书面报告并附佐证材料",
                found_on=day.isoformat(),
                problem_id=_uuid(rng),
            )
            fixed = day + dt.timedelta(days=rng.randint(10, 28))
            target = rng.choices(list(Status), weights=(3, 3, 4, 1))[0]
            if target != Status.OPEN:
                apply_action(rows, p["id"], Action.START, today=fixed)
            if target in (Status.RECTIFIED, Status.CLOSED):
                apply_action(rows, p["id"], Action.RECTIFY, note="已整改，报送佐证", today=fixed)
            if target == Status.CLOSED:
                apply_action(rows, p["id"], Action.CLOSE, today=fixed)
        rows.update(
            "inspections", insp["id"], {"status": FINISHED, "finished_at": f"{day}T17:00:00"}
        )
    follow = create_follow_up(
        rows,
        earlier["id"],
        f"{start.year}年第{'一二三四'[quarter - 1]}季度督查问题回头看（示例）",
        form_row,
        starts_on=(today - dt.timedelta(days=75)).isoformat(),
        note="示例数据：对上一轮未销号问题逐项回头看。",
        campaign_id=_uuid(rng),
    )
    return check_work_list(rows, follow["id"], rng, today - dt.timedelta(days=70), today, 0.8)


def check_work_list(
    rows: Rows,
    campaign_id: str,
    rng: random.Random,
    first_day: dt.date,
    today: dt.date,
    share: float,
    limit: int | None = None,
) -> dict[str, int]:
    """Go through a follow-up round's work list as a team would: verify (and close)
    rectified problems, send the others back with a reason or extend their deadline,
    leaving some unchecked; returns what was done, by kind."""
    done = {"verified": 0, "partly": 0, "rejected": 0, "extended": 0}
    listed = work_list(rows.db, campaign_id, None, today)
    if limit is not None:
        listed = rng.sample(listed, min(limit, len(listed)))
    for n, p in enumerate(listed):
        if rng.random() > share:
            continue
        day = min(today, first_day + dt.timedelta(days=n % 20))
        if p["status"] == Status.RECTIFIED:
            close = rng.random() < 0.7
            record_verdict(
                rows, campaign_id, p["id"], "verified", close=close, today=day, row_id=_uuid(rng)
            )
            done["verified"] += 1
        elif rng.random() < 0.5:
            verdict = rng.choice(("partly", "rejected"))
            reasons = REASONS_PARTLY if verdict == "partly" else REASONS_REJECTED
            reason = rng.choice(reasons)
            record_verdict(
                rows, campaign_id, p["id"], verdict, reason, today=day, row_id=_uuid(rng)
            )
            done[verdict] += 1
        if p["status"] != Status.RECTIFIED and rng.random() < 0.6:
            times = 2 if rng.random() < 0.25 else 1
            due = max(today, dt.date.fromisoformat(p["deadline"] or today.isoformat()))
            for k in range(times):
                due += dt.timedelta(days=rng.choice((3, 5, 12, 20, 30)) + 10 * k)
                extend_deadline(
                    rows,
                    p["id"],
                    due.isoformat(),
                    rng.choice(REASONS_EXTENSION),
                    rng.choice(APPROVERS),
                    today=day,
                    row_id=_uuid(rng),
                )
                done["extended"] += 1
    return done


def add_province_follow_up(
    rows: Rows, earlier: dict[str, Any], seed: int, today: dt.date
) -> dict[str, int]:
    """One follow-up round of `earlier`, started as it ended, with a few hundred checks."""
    rng = random.Random(seed * 7919 + 2)
    start = dt.date.fromisoformat(earlier["ends_on"])
    follow = create_follow_up(
        rows,
        earlier["id"],
        f"{earlier['name']}问题回头看",
        earlier["form_id"],
        starts_on=start.isoformat(),
        note="模拟数据（性能测试）",
        campaign_id=_uuid(rng),
    )
    return check_work_list(rows, follow["id"], rng, start, today, 1.0, limit=600)
