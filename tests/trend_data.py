"""A small database built by hand for the trend tests: four townships, four campaigns.

Form: A1 and A2 (verdicts, 10 points each) and N1 (a count, at most 0, 5
points off per unit, 10 points), so every score is a simple fraction of 30.
Campaigns are created out of order; by year, start date and name they run
C1 (2024-03), C2 (2024-06), C4 复查 and C3 督查 (both 2025-01-10; 复 sorts
before 督). The answers, and the figures they give, are in `PLAN`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlite_utils import Database

FORM = """
[form]
id = "trend-test"
version = "1"
title = "趋势测试表"
target = "township"
language = "zh_CN"

[rating]
thresholds = [90, 80, 70, 60]
veto_cap = 1

[[section]]
id = "s"
title = "测试部分"

[[section.item]]
id = "A1"
kind = "verdict"
text = "三会一课按期召开"
points = 10

[[section.item]]
id = "A2"
kind = "verdict"
text = "主题党日每月开展"
points = 10

[[section.item]]
id = "N1"
kind = "number"
text = "薄弱村数量"
points = 10
rule = "at_most"
target = 0
deduct = 5
unit = "个"
"""

TOWNSHIPS = [("甲县", "一镇"), ("甲县", "二镇"), ("乙县", "三镇"), ("乙县", "四镇")]
CAMPAIGNS = {  # key: (name, year, starts_on); created in this order
    "C3": ("2025年第一季度督查", 2025, "2025-01-10"),
    "C1": ("2024年第一季度督查", 2024, "2024-03-01"),
    "C4": ("2025年第一季度复查", 2025, "2025-01-10"),
    "C2": ("2024年第二季度督查", 2024, "2024-06-01"),
}
ORDER = ["C1", "C2", "C4", "C3"]
FULL = {"A1": "full", "A2": "full", "N1": 0}
# campaign -> township -> answers (missing: not inspected). Scores out of 30 points.
PLAN: dict[str, dict[str, dict[str, Any]]] = {
    "C1": {
        "一镇": FULL,  # 100.0
        "二镇": {**FULL, "A1": "partial"},  # 83.3
        "三镇": {**FULL, "A2": "fail"},  # 66.7
    },
    "C2": {
        "一镇": {**FULL, "A1": "fail"},  # 66.7
        "二镇": FULL,  # 100.0
        "三镇": {**FULL, "N1": 1},  # 83.3
        "四镇": {**FULL, "A1": "fail", "A2": "fail"},  # 33.3
    },
    "C4": {
        "一镇": {"A1": "fail"},  # incomplete (1 of 3 answered): not ranked
        "二镇": FULL,  # 100.0
        "四镇": {**FULL, "A2": "fail"},  # 66.7
    },
    "C3": {
        "一镇": {**FULL, "A1": "fail", "N1": 1},  # 50.0
        "二镇": FULL,  # 100.0
        "三镇": {**FULL, "A2": "fail"},  # 66.7
        "四镇": {**FULL, "A1": "partial"},  # 83.3
    },
}
# campaign -> township -> statuses of its problems
PROBLEMS = {
    "C2": {"一镇": ["closed", "open"], "三镇": ["rectified"]},
    "C4": {"一镇": ["open"]},
    "C3": {"一镇": ["rectified"], "四镇": ["rectifying", "open"]},
}


def build_trend_db(db: Database) -> dict[str, Any]:
    """Fill `db` (migrated, empty); returns the campaign and township ids by key and name."""
    from inspector.core.forms import parse_form
    from inspector.core.problems import Action
    from inspector.store.catalog import (
        TownshipRecord,
        create_campaign,
        import_townships,
        install_form,
    )
    from inspector.store.inspections import set_answer, start_inspection
    from inspector.store.problems import add_problem, apply_action
    from inspector.store.rows import Rows

    rows = Rows(db, who="测试员")
    form = parse_form(FORM, "trend-test.toml")
    install_form(rows, form)
    import_townships(
        rows,
        [
            TownshipRecord(n + 2, county, None, name, None, "镇")
            for n, (county, name) in enumerate(TOWNSHIPS)
        ],
    )
    towns = {t["name"]: t["id"] for t in db.query("SELECT id, name FROM townships")}
    counties = {c["name"]: c["id"] for c in db.query("SELECT id, name FROM counties")}
    campaigns = {}
    for key, (name, year, starts) in CAMPAIGNS.items():
        c = create_campaign(
            rows, name, "trend-test", year=year, interview_bottom=1, starts_on=starts
        )
        campaigns[key] = c["id"]
    walk = {
        "rectifying": [Action.START],
        "rectified": [Action.RECTIFY],
        "closed": [Action.RECTIFY, Action.CLOSE],
        "open": [],
    }
    for key, plan in PLAN.items():
        cid = campaigns[key]
        starts = CAMPAIGNS[key][2]
        for town, answers in plan.items():
            insp = start_inspection(rows, cid, towns[town], inspected_on=starts)
            for item, value in answers.items():
                if item == "N1":
                    set_answer(rows, insp["id"], item, number=value)
                else:
                    set_answer(rows, insp["id"], item, verdict=value)
            for n, status in enumerate(PROBLEMS.get(key, {}).get(town, [])):
                p = add_problem(
                    rows,
                    towns[town],
                    f"{town}问题{n + 1}",
                    None,
                    campaign_id=cid,
                    inspection_id=insp["id"],
                    item_id="A1",
                    found_on=starts,
                )
                for action in walk[status]:
                    apply_action(rows, p["id"], action, today=dt.date(2025, 6, 1))
    return {"campaigns": campaigns, "townships": towns, "counties": counties}
