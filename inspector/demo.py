"""Sample data: a realistic campaign on the Zhoushan townships, and a synthetic province.

Everything is drawn from one seeded generator, ids included, so the same
seed and date give the same content (the sync columns still carry this
device's clock). The province's counties and townships are named 模拟… so
nobody takes them for real places.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database

from inspector.core.forms import Form, Item
from inspector.core.ids import answer_id, county_id, form_row_id, inspection_id, township_id
from inspector.core.problems import Action, Status
from inspector.core.scoring import Answer, Verdict, score_inspection
from inspector.demo_follow_up import add_province_follow_up, add_sample_follow_up
from inspector.paths import default_form_path, project_form_path, sample_townships_csv
from inspector.store import settings
from inspector.store.catalog import (
    TownshipRecord,
    import_townships,
    import_townships_csv,
    install_form,
    townships,
)
from inspector.store.inspections import FINISHED, refresh_scores, set_answer, start_inspection
from inspector.store.notices import issue_notice
from inspector.store.problems import add_problem, apply_action
from inspector.store.rows import Rows

Progress = Callable[[str], None]

TEAMS = ("第一督导组", "第二督导组", "第三督导组", "第四督导组")
INSPECTORS = ("王建国", "李晓燕", "陈志强", "周敏", "吴海波", "郑丽娟", "孙立新", "朱海燕")
# Responsible units, after the township's name; "{body}" is its 党委 or 党工委.
UNITS = ("{body}", "党建办", "组织办", "{body}组织委员", "各村（社区）党组织", "项目党组织")
PERSONS = ("党委书记", "组织委员", "党建办主任", "村党支部书记")
# Stars the sample campaign should show, best first (36 townships): every level present.
STAR_PLAN = [5] * 6 + [4] * 10 + [3] * 10 + [2] * 6 + [1] * 4


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def ensure_initialised(rows: Rows, form_path=None, townships_csv=None) -> Form:
    """The default form and the sample townships, as `inspector init` installs them."""
    from inspector.core.forms import load_form
    from inspector.store.projects import install_sample_projects

    form = load_form(form_path or default_form_path())
    with rows.db.atomic():
        install_form(rows, form)
        install_form(rows, load_form(project_form_path()))
        import_townships_csv(rows, townships_csv or sample_townships_csv())
        install_sample_projects(rows)
    return form


def _answers_for(
    form: Form, rng: random.Random, quality: float, veto_fail: bool
) -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for item in form.items:
        if item.kind == "text":
            continue
        if item.kind == "number":
            if item.veto and not veto_fail:
                answers[item.id] = Answer(number=0)
            elif item.veto:
                answers[item.id] = Answer(number=rng.randint(1, 3))
            else:
                miss = 0 if rng.random() < quality else rng.randint(1, 3)
                answers[item.id] = Answer(
                    number=miss if item.rule != "at_least" else max(0, (item.target or 0) - miss)
                )
            continue
        if item.veto:
            answers[item.id] = Answer(Verdict.FULL)
            continue
        r = rng.random()
        if r < 0.04:
            verdict = Verdict.NA
        elif r < quality:
            verdict = Verdict.FULL
        elif r < quality + (1 - quality) * 0.55:
            verdict = Verdict.PARTIAL
        else:
            verdict = Verdict.FAIL
        answers[item.id] = Answer(verdict)
    return answers


def _plan_answers(form: Form, rng: random.Random, stars: int) -> dict[str, Answer]:
    """Answers whose score lands in the band of the wanted stars (veto for some 1-star ones)."""
    band_quality = {5: 0.96, 4: 0.82, 3: 0.66, 2: 0.5, 1: 0.3}
    veto = stars == 1 and rng.random() < 0.5
    best = None
    for _ in range(400):
        answers = _answers_for(form, rng, band_quality[stars] + rng.uniform(-0.06, 0.06), veto)
        result = score_inspection(form, answers)
        if result.stars == stars:
            return answers
        if best is None or abs(result.stars - stars) < abs(best[1] - stars):
            best = (answers, result.stars)
    assert best is not None
    return best[0]


def _problem_text(item: Item) -> str:
    return item.problem or f"{item.text}（未达到要求）"


def make_sample(
    db: Database, seed: int = 2017, today: dt.date | None = None, progress: Progress | None = None
) -> dict[str, Any]:
    """One campaign on the real townships: all inspected, stars 1-5, problems in every state."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    rows = Rows(db, who="示例数据")
    say = progress or (lambda _m: None)
    with db.atomic():
        form = ensure_initialised(rows)
        campaign_id = _uuid(rng)
        existing = rows.find("campaigns", campaign_id)
        if existing is not None:
            return {
                "campaign": campaign_id,
                "campaign_name": existing["name"],
                "existing": True,
                "townships": 0,
                "problems": 0,
                "notices": 0,
            }
        form_row = form_row_id(form.id, form.version)
        quarter = (today.month - 1) // 3 + 1
        campaign = rows.insert(
            "campaigns",
            {
                "id": campaign_id,
                "name": f"{today.year}年第{'一二三四'[quarter - 1]}季度基层党建专项督查（示例）",
                "form_id": form_row,
                "year": today.year,
                "starts_on": (today - dt.timedelta(days=40)).isoformat(),
                "ends_on": (today - dt.timedelta(days=10)).isoformat(),
                "interview_bottom": 3,
                "note": "示例数据：由 inspector demo 生成，用于熟悉软件。",
            },
        )
        for name in INSPECTORS:
            rows.insert(
                "inspectors", {"id": _uuid(rng), "name": name, "device_id": settings.device_id(db)}
            )
        towns = townships(db)
        plan = list(STAR_PLAN[: len(towns)]) + [3] * max(0, len(towns) - len(STAR_PLAN))
        rng.shuffle(plan)
        statuses = [Status.OPEN, Status.RECTIFYING, Status.RECTIFIED, Status.CLOSED]
        problem_count = 0
        noticed = 0
        for n, (town, stars) in enumerate(zip(towns, plan, strict=True)):
            say(f"{town['county']} {town['name']}")
            inspected = today - dt.timedelta(days=38 - n % 28)
            rows._who = INSPECTORS[n % len(INSPECTORS)]
            insp = start_inspection(
                rows, campaign["id"], town["id"], inspected.isoformat(), team=TEAMS[n % len(TEAMS)]
            )
            answers = _plan_answers(form, rng, stars)
            for item_id, answer in answers.items():
                set_answer(
                    rows,
                    insp["id"],
                    item_id,
                    verdict=answer.verdict,
                    number=answer.number,
                    note="现场抽查台账" if rng.random() < 0.15 else None,
                )
            problems = []
            for item in form.items:
                planned = answers.get(item.id)
                failed = planned is not None and (
                    planned.verdict == Verdict.FAIL
                    or (item.kind == "number" and (planned.number or 0) > (item.target or 0))
                )
                partial = planned is not None and planned.verdict == Verdict.PARTIAL
                if failed or (partial and rng.random() < 0.3):
                    deadline = inspected + dt.timedelta(days=rng.choice((15, 20, 30, 30, 45)))
                    p = add_problem(
                        rows,
                        town["id"],
                        _problem_text(item),
                        deadline.isoformat(),
                        campaign_id=campaign["id"],
                        inspection_id=insp["id"],
                        item_id=item.id,
                        responsible_unit=town["name"]
                        + rng.choice(UNITS).format(
                            body="党工委" if town["kind"] == "街道" else "党委"
                        ),
                        responsible_person=rng.choice(PERSONS),
                        measure="制定整改方案，明确责任人和时限，整改后书面报告并附佐证材料",
                        found_on=inspected.isoformat(),
                        problem_id=_uuid(rng),
                    )
                    problems.append(p)
            problem_count += len(problems)
            for p in problems:
                target = rng.choices(statuses, weights=(4, 3, 2, 2))[0]
                _walk_to(rows, p["id"], target, inspected, rng, today)
            rows.update(
                "inspections",
                insp["id"],
                {"status": FINISHED, "finished_at": f"{inspected}T17:30:00"},
            )
            open_ids = [
                p["id"]
                for p in problems
                if rows.get("problems", p["id"])["status"] != Status.CLOSED
            ]
            if open_ids and n % 6 == 0:
                issue_notice(
                    rows,
                    town["id"],
                    open_ids,
                    campaign_id=campaign["id"],
                    issued_on=inspected + dt.timedelta(days=2),
                    notice_id=_uuid(rng),
                )
                noticed += 1
        rows._who = "示例数据"
        from inspector.demo_projects import make_project_sample

        sites = make_project_sample(rows, seed, today)
        follow_up = add_sample_follow_up(
            rows, form, form_row, towns, _plan_answers, _problem_text, seed, today
        )
    return {
        "campaign": campaign["id"],
        "campaign_name": campaign["name"],
        "townships": len(towns),
        "problems": problem_count,
        "notices": noticed,
        "project_campaign": sites["campaign"],
        "project_campaign_name": sites["campaign_name"],
        "projects": sites["projects"],
        "follow_up": follow_up,
    }


def _walk_to(
    rows: Rows, problem_id: str, target: Status, found: dt.date, rng: random.Random, today: dt.date
) -> None:
    """Take a problem through the legal steps to the wanted status."""
    day = min(today, found + dt.timedelta(days=rng.randint(3, 20)))
    if target == Status.OPEN:
        return
    apply_action(rows, problem_id, Action.START, today=day)
    if target == Status.RECTIFYING:
        return
    apply_action(
        rows,
        problem_id,
        Action.RECTIFY,
        today=day,
        note="已完成整改，补齐会议记录和台账，佐证材料已报送",
    )
    if target == Status.CLOSED:
        apply_action(rows, problem_id, Action.CLOSE, today=min(today, day + dt.timedelta(days=5)))


def make_province(
    db: Database,
    townships: int = 1400,
    campaigns: int = 8,
    seed: int = 1,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """A province of synthetic data for benchmarks, written in bulk."""
    today = today or dt.date.today()
    rng = random.Random(seed)
    rows = Rows(db, who="模拟数据")
    say = progress or (lambda _m: None)
    from inspector.core.forms import load_form

    form = load_form(default_form_path())
    with db.atomic():
        install_form(rows, form)
        form_row = form_row_id(form.id, form.version)
        records = []
        per_county = 16
        for n in range(townships):
            c = n // per_county + 1
            kind = ("街道", "镇", "乡")[n % 3]
            records.append(
                TownshipRecord(
                    n + 2,
                    f"模拟县{c:03d}",
                    f"99{c:04d}",
                    f"模拟第{n + 1:04d}{kind}",
                    f"99{c:04d}{n % per_county + 100 * (n % 3) + 1:03d}",
                    kind,
                )
            )
        say(f"{townships} synthetic townships")
        import_townships(rows, records)
        town_ids = [
            township_id(r.township_code, county_id(r.county_code, r.county), r.township)
            for r in records
        ]
        scored_items = [i for i in form.items if i.kind != "text"]
        stats: dict[str, Any] = {"campaigns": 0, "inspections": 0, "answers": 0, "problems": 0}
        before_last: dict[str, Any] | None = None
        for k in range(campaigns):
            year = today.year - (campaigns - 1 - k) // 4
            quarter = 4 - (campaigns - 1 - k) % 4
            start = dt.date(year, 3 * quarter - 2, 1)
            campaign = rows.insert(
                "campaigns",
                {
                    "id": _uuid(rng),
                    "name": f"{year}年第{'一二三四'[quarter - 1]}季度督查（模拟）",
                    "form_id": form_row,
                    "year": year,
                    "starts_on": start.isoformat(),
                    "ends_on": (start + dt.timedelta(days=60)).isoformat(),
                    "interview_bottom": 10,
                    "note": "模拟数据（性能测试）",
                },
            )
            say(campaign["name"])
            inspections, answers, problems = [], [], []
            for tid in town_ids:
                iid = inspection_id(campaign["id"], tid)
                day = start + dt.timedelta(days=rng.randint(0, 50))
                inspections.append(
                    {
                        "id": iid,
                        "campaign_id": campaign["id"],
                        "township_id": tid,
                        "status": FINISHED,
                        "inspected_on": day.isoformat(),
                        "team": rng.choice(TEAMS),
                        "finished_at": None,
                    }
                )
                quality = rng.uniform(0.35, 0.97)
                for a in _answers_for(form, rng, quality, rng.random() < 0.02).items():
                    item_id, answer = a
                    answers.append(
                        {
                            "id": answer_id(iid, item_id),
                            "inspection_id": iid,
                            "item_id": item_id,
                            "verdict": answer.verdict.value if answer.verdict else None,
                            "number": answer.number,
                            "note": "",
                            "answered_by": "模拟",
                        }
                    )
                for item in rng.sample(scored_items, rng.randint(5, 13)):
                    deadline = day + dt.timedelta(days=30)
                    status = rng.choices(list(Status), weights=(3, 2, 2, 4))[0]
                    problems.append(
                        {
                            "id": _uuid(rng),
                            "township_id": tid,
                            "campaign_id": campaign["id"],
                            "inspection_id": iid,
                            "item_id": item.id,
                            "text": _problem_text(item),
                            "responsible_unit": rng.choice(UNITS).format(body="党委"),
                            "responsible_person": "",
                            "measure": "",
                            "deadline": deadline.isoformat(),
                            "status": status.value,
                            "found_on": day.isoformat(),
                            "rectified_on": deadline.isoformat()
                            if status in (Status.RECTIFIED, Status.CLOSED)
                            else None,
                            "rectify_note": "",
                            "closed_on": deadline.isoformat() if status == Status.CLOSED else None,
                            "closed_by": "",
                            "notice_id": None,
                        }
                    )
            stats["inspections"] += rows.insert_many("inspections", inspections)
            stats["answers"] += rows.insert_many("answers", answers)
            stats["problems"] += rows.insert_many("problems", problems)
            refresh_scores(db, [i["id"] for i in inspections], {campaign["id"]: form})
            stats["campaigns"] += 1
            if k == campaigns - 2:
                before_last = campaign
        if before_last is not None:
            say(f"{before_last['name']}问题回头看")
            stats["follow_up"] = add_province_follow_up(rows, before_last, seed, today)
    return stats
