"""Sample data for project sites: a 项目党建 campaign on the sample sites `init` installs.

Its own seeded generator (the township campaign's draws stay what they were),
so the same seed and date give the same content. The sites' names carry the
（示例） mark, the campaign's name too.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from inspector.core.forms import load_form
from inspector.core.ids import form_row_id
from inspector.core.problems import Status
from inspector.core.scoring import Verdict
from inspector.demo import INSPECTORS, PERSONS, TEAMS, _plan_answers, _problem_text, _uuid, _walk_to
from inspector.paths import project_form_path
from inspector.store.inspections import FINISHED, set_answer, start_inspection
from inspector.store.notices import addressee_for, issue_notice
from inspector.store.problems import add_problem
from inspector.store.projects import projects
from inspector.store.rows import Rows

# Stars the sample sites should show, in the order of the list: a spread, one 约谈.
STAR_PLAN = (5, 3, 4, 2)


def make_project_sample(rows: Rows, seed: int, today: dt.date) -> dict[str, Any]:
    """A finished campaign on the project form: every sample site inspected, problems
    from what failed, one notice to a project's party organisation. Call it inside the
    sample's transaction; a second call finds the campaign and adds nothing."""
    rng = random.Random(f"projects-{seed}")
    form = load_form(project_form_path())
    campaign_id = _uuid(rng)
    existing = rows.find("campaigns", campaign_id)
    if existing is not None:
        return {"campaign": campaign_id, "campaign_name": existing["name"], "projects": 0}
    campaign = rows.insert(
        "campaigns",
        {
            "id": campaign_id,
            "name": f"{today.year}年重大项目党建专项督查（示例）",
            "form_id": form_row_id(form.id, form.version),
            "year": today.year,
            "starts_on": (today - dt.timedelta(days=60)).isoformat(),
            "ends_on": (today - dt.timedelta(days=45)).isoformat(),
            "interview_bottom": 1,
            "note": "示例数据：由 inspector demo 生成，项目均为示例，用于熟悉项目党建督查。",
        },
    )
    sites = projects(rows.db)
    statuses = [Status.OPEN, Status.RECTIFYING, Status.RECTIFIED, Status.CLOSED]
    problem_count = notices = 0
    who = rows._who
    for n, site in enumerate(sites):
        stars = STAR_PLAN[n % len(STAR_PLAN)]
        inspected = today - dt.timedelta(days=58 - 3 * n)
        rows._who = INSPECTORS[(n + 3) % len(INSPECTORS)]
        insp = start_inspection(
            rows, campaign_id, site["id"], inspected.isoformat(), team=TEAMS[n % len(TEAMS)]
        )
        answers = _plan_answers(form, rng, stars)
        for item_id, answer in answers.items():
            set_answer(rows, insp["id"], item_id, verdict=answer.verdict, number=answer.number)
        found = []
        for item in form.items:
            planned = answers.get(item.id)
            if planned is None:
                continue
            if planned.verdict == Verdict.FAIL or (
                item.kind == "number" and (planned.number or 0) > (item.target or 0)
            ):
                deadline = inspected + dt.timedelta(days=rng.choice((15, 30, 45)))
                found.append(
                    add_problem(
                        rows,
                        site["id"],
                        _problem_text(item),
                        deadline.isoformat(),
                        campaign_id=campaign_id,
                        inspection_id=insp["id"],
                        item_id=item.id,
                        responsible_unit=addressee_for(site["name"], site["kind"]),
                        responsible_person=rng.choice((*PERSONS[:2], "党建指导员")),
                        measure="制定整改方案，明确责任人和时限，整改后书面报告并附佐证材料",
                        found_on=inspected.isoformat(),
                        problem_id=_uuid(rng),
                    )
                )
        for p in found:
            _walk_to(
                rows, p["id"], rng.choices(statuses, weights=(3, 3, 2, 2))[0], inspected, rng, today
            )
        rows.update(
            "inspections", insp["id"], {"status": FINISHED, "finished_at": f"{inspected}T16:30:00"}
        )
        problem_count += len(found)
        still_open = [
            p["id"] for p in found if rows.get("problems", p["id"])["status"] != Status.CLOSED
        ]
        if still_open and notices == 0:
            issue_notice(
                rows,
                site["id"],
                still_open,
                campaign_id=campaign_id,
                issued_on=inspected + dt.timedelta(days=2),
                notice_id=_uuid(rng),
            )
            notices += 1
    rows._who = who
    return {
        "campaign": campaign_id,
        "campaign_name": campaign["name"],
        "projects": len(sites),
        "problems": problem_count,
        "notices": notices,
    }
