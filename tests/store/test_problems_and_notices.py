"""The problem list's life cycle, its filters, and notice numbering."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from inspector.core.problems import Action, IllegalTransition
from inspector.store import settings
from inspector.store.catalog import find_township
from inspector.store.notices import addressee_for, duplicate_numbers, issue_notice
from inspector.store.problems import (
    ProblemFilter,
    add_problem,
    apply_action,
    apply_action_many,
    count_problems,
    list_problems,
)
from inspector.store.rows import Rows

TODAY = dt.date(2026, 11, 20)
FOUND = "2026-09-15"  # the inspection that found the problems below


@pytest.fixture
def town_rows(init_db):
    rows = Rows(init_db, who="李晓燕")
    return rows, find_township(init_db, "六横镇"), find_township(init_db, "沈家门街道")


def test_life_cycle_dates_and_audit(town_rows):
    rows, town, _ = town_rows
    p = add_problem(rows, town["id"], "支委会未按月召开", "2026-12-01", found_on=FOUND)
    p = apply_action(rows, p["id"], Action.START, today=TODAY)
    p = apply_action(rows, p["id"], Action.RECTIFY, note="已补开并完善记录", today=TODAY)
    assert p["status"] == "rectified" and p["rectified_on"] == "2026-11-20"
    p = apply_action(rows, p["id"], Action.REJECT, note="记录不全", today=TODAY)
    assert p["status"] == "rectifying" and "复查退回" in p["rectify_note"]
    apply_action(rows, p["id"], Action.RECTIFY, today=TODAY)
    p = apply_action(rows, p["id"], Action.CLOSE, today=TODAY)
    assert p["status"] == "closed" and p["closed_by"] == "李晓燕"
    with pytest.raises(IllegalTransition, match=r"'closed'.*'start'"):
        apply_action(rows, p["id"], Action.START)
    actions = rows.db.execute(
        "SELECT COUNT(*) FROM audit_log WHERE row_id = ?", [p["id"]]
    ).fetchone()[0]
    assert actions == 6


def test_many_at_once_is_all_or_nothing(town_rows):
    rows, town, _ = town_rows
    a = add_problem(rows, town["id"], "甲", "2026-12-01", found_on=FOUND)
    b = add_problem(rows, town["id"], "乙", "2026-12-01", found_on=FOUND)
    apply_action(rows, b["id"], Action.START)
    with pytest.raises(IllegalTransition):
        apply_action_many(rows, [a["id"], b["id"]], Action.START)
    assert rows.get("problems", a["id"])["status"] == "open"


def test_filters_and_overdue_in_sql(town_rows):
    rows, lh, sjm = town_rows
    add_problem(rows, lh["id"], "主题党日流于形式", "2026-11-01", found_on=FOUND)
    add_problem(rows, lh["id"], "台账不全", "2026-12-30", found_on=FOUND)
    late = add_problem(rows, sjm["id"], "经费未纳入预算", "2026-10-01", found_on=FOUND)
    apply_action(rows, late["id"], Action.RECTIFY)
    f = ProblemFilter(today=TODAY)
    assert count_problems(rows.db, f) == 3
    assert count_problems(rows.db, ProblemFilter(overdue_only=True, today=TODAY)) == 1
    assert count_problems(rows.db, ProblemFilter(text="主题", today=TODAY)) == 1
    assert count_problems(rows.db, ProblemFilter(text="沈家门", today=TODAY)) == 1
    assert count_problems(rows.db, ProblemFilter(statuses=("rectified",), today=TODAY)) == 1
    # 六横镇 and 沈家门街道 are both in 普陀区
    assert count_problems(rows.db, ProblemFilter(county_id=sjm["county_id"], today=TODAY)) == 3
    dinghai = find_township(rows.db, "昌国街道")["county_id"]
    assert count_problems(rows.db, ProblemFilter(county_id=dinghai, today=TODAY)) == 0
    assert count_problems(rows.db, ProblemFilter(township_id=sjm["id"], today=TODAY)) == 1
    listed = list_problems(rows.db, f, order_by="deadline", descending=True)
    assert [p["deadline"] for p in listed] == ["2026-12-30", "2026-11-01", "2026-10-01"]
    assert [bool(p["overdue"]) for p in listed] == [False, True, False]
    page = list_problems(rows.db, f, limit=2, offset=2)
    assert len(page) == 1


def test_notices_number_from_this_laptops_block_and_never_reuse(town_rows):
    rows, lh, sjm = town_rows
    settings.put(rows.db, "notice_block_start", 101)
    p1 = add_problem(rows, lh["id"], "问题一", "2026-12-01", found_on=FOUND)
    p2 = add_problem(rows, lh["id"], "问题二", "2026-12-15", found_on=FOUND)
    n1 = issue_notice(rows, lh["id"], [p1["id"], p2["id"]], issued_on=TODAY)
    assert n1["doc_number"] == "舟组督〔2026〕101号"
    assert n1["addressee"] == "六横镇党委" and n1["deadline"] == "2026-12-15"
    assert json.loads(n1["problem_ids"]) == [p1["id"], p2["id"]]
    assert rows.get("problems", p1["id"])["notice_id"] == n1["id"]
    p3 = add_problem(rows, sjm["id"], "问题三", "2026-12-01", found_on=FOUND)
    rows.delete("notices", n1["id"])
    n2 = issue_notice(rows, sjm["id"], [p3["id"]], issued_on=TODAY)
    assert n2["doc_number"] == "舟组督〔2026〕102号"
    assert n2["addressee"] == "沈家门街道党工委"
    assert addressee_for("秀山乡", "乡") == "秀山乡党委"
    with pytest.raises(ValueError, match="its township"):
        issue_notice(rows, lh["id"], [p3["id"]])


def test_same_number_from_two_laptops_is_reported(town_rows):
    rows, lh, _ = town_rows
    p = add_problem(rows, lh["id"], "问题", "2026-12-01", found_on=FOUND)
    n = issue_notice(rows, lh["id"], [p["id"]], issued_on=TODAY)
    twin = {k: v for k, v in n.items() if k not in ("updated_at", "base_version", "deleted")}
    twin["id"] = "other-laptop-notice"
    rows.insert("notices", twin)
    [dup] = duplicate_numbers(rows.db)
    assert dup["doc_number"] == n["doc_number"] and dup["n"] == 2


def test_a_deadline_before_the_found_date_is_refused_with_a_message(town_rows):
    from inspector.core.problems import DeadlineBeforeFound
    from inspector.store.problems import edit_problem

    rows, town, _ = town_rows
    with pytest.raises(DeadlineBeforeFound, match=r"2023-12-31 is before .* 2026-11-20"):
        add_problem(rows, town["id"], "台账缺失", "2023-12-31", found_on="2026-11-20")
    assert rows.db.execute("SELECT COUNT(*) FROM problems").fetchone()[0] == 0
    # recorded without a deadline, its first one is set later (then only extended)
    p = add_problem(rows, town["id"], "台账缺失", None, found_on="2026-11-20")
    with pytest.raises(DeadlineBeforeFound):
        edit_problem(rows, p["id"], {"deadline": "2023-12-31"})
    assert (
        rows.db.execute("SELECT deadline FROM problems WHERE id = ?", [p["id"]]).fetchone()[0]
        is None
    )
    # The found day itself is a legal deadline (立行立改, fixed on the spot).
    assert edit_problem(rows, p["id"], {"deadline": "2026-11-20"})["deadline"] == "2026-11-20"


def test_history_names_each_state_and_each_rejection_with_its_reason(town_rows):
    from inspector.store.problems import edit_problem, problem_history

    rows, town, _ = town_rows
    p = add_problem(rows, town["id"], "支委会未按月召开", "2026-12-01", found_on=FOUND)
    edit_problem(rows, p["id"], {"responsible_person": "王书记"})
    apply_action(rows, p["id"], Action.RECTIFY, note="已补开", today=TODAY)
    apply_action(rows, p["id"], Action.REJECT, note="记录不全", today=TODAY)
    apply_action(rows, p["id"], Action.RECTIFY, note="补齐记录", today=TODAY)
    steps = problem_history(rows.db, p["id"])
    assert [(s.kind, s.status) for s in steps] == [
        ("recorded", "open"),
        ("edited", ""),
        ("status", "rectified"),
        ("rejected", "rectifying"),
        ("status", "rectified"),
    ]
    assert steps[1].fields == ("responsible_person",)
    assert steps[3].note == "记录不全"
    assert {s.who for s in steps} == {"李晓燕"}


def test_a_problem_recorded_by_mistake_is_deleted_as_an_audited_tombstone(town_rows):
    from inspector.store.problems import ProblemNotDeleted, delete_problem, problem_history

    rows, town, _ = town_rows
    p = add_problem(rows, town["id"], "录错的问题", "2026-12-01", found_on=FOUND)
    gone = delete_problem(rows, p["id"])
    assert gone["deleted"] == 1
    assert count_problems(rows.db, ProblemFilter(today=TODAY)) == 0
    assert problem_history(rows.db, p["id"])[-1].kind == "deleted"
    closed = add_problem(rows, town["id"], "已销号的问题", "2026-12-01", found_on=FOUND)
    for action in (Action.RECTIFY, Action.CLOSE):
        apply_action(rows, closed["id"], action, note="已整改", today=TODAY)
    with pytest.raises(ProblemNotDeleted, match="final"):
        delete_problem(rows, closed["id"])
    assert (
        rows.db.execute("SELECT deleted FROM problems WHERE id = ?", [closed["id"]]).fetchone()[0]
        == 0
    )
