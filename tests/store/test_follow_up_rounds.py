"""Follow-up rounds (回头看): the work list, verdicts moving the life cycle, extensions."""

from __future__ import annotations

import datetime as dt

import pytest

from inspector.core.follow_up import FollowUpRefused
from inspector.core.problems import Action, DeadlineBeforeFound
from inspector.store.catalog import create_campaign, find_township
from inspector.store.devices import RoleError
from inspector.store.follow_up import (
    create_follow_up,
    extend_deadline,
    extensions_of,
    record_verdict,
    work_list,
    work_list_summary,
)
from inspector.store.problems import (
    DeadlineNotEdited,
    ProblemFilter,
    add_problem,
    apply_action,
    count_problems,
    edit_problem,
    get_problem,
    list_problems,
    problem_history,
)
from inspector.store.rows import Rows
from inspector.store.session import Session

TODAY = dt.date(2026, 11, 20)
FOUND = "2026-09-15"


@pytest.fixture
def round_one(init_db):
    """A first round with four problems in 六横镇 and one in 沈家门街道, in every state."""
    rows = Rows(init_db, who="李晓燕")
    first = create_campaign(rows, "2026年第三季度督查", "township-party-building")
    town = find_township(init_db, "六横镇")["id"]
    other = find_township(init_db, "沈家门街道")["id"]

    def problem(text, township=town):
        return add_problem(
            rows, township, text, "2026-10-31", campaign_id=first["id"], found_on=FOUND
        )["id"]

    still_open = problem("支委会未按月召开")
    rectifying = problem("主题党日无主题")
    apply_action(rows, rectifying, Action.START, today=TODAY)
    rectified = problem("党建指导员未落实")
    apply_action(rows, rectified, Action.RECTIFY, note="已选派", today=TODAY)
    closed = problem("活动场所不达标")
    apply_action(rows, closed, Action.RECTIFY, today=TODAY)
    apply_action(rows, closed, Action.CLOSE, today=TODAY)
    elsewhere = problem("党费未列入预算", other)
    ids = {
        "open": still_open,
        "rectifying": rectifying,
        "rectified": rectified,
        "closed": closed,
        "elsewhere": elsewhere,
    }
    return rows, first, town, ids


def _follow_up(rows, first, **kw):
    return create_follow_up(
        rows, first["id"], "2026年第四季度回头看", "township-party-building", **kw
    )


def test_the_work_list_is_the_earlier_rounds_problems_not_yet_closed(round_one):
    rows, first, town, ids = round_one
    follow = _follow_up(rows, first)
    assert follow["follow_up_of"] == first["id"] and follow["checklist"] == 0
    listed = {p["id"] for p in work_list(rows.db, follow["id"], town, TODAY)}
    assert listed == {ids["open"], ids["rectifying"], ids["rectified"]}
    assert work_list_summary(rows.db, follow["id"]) == {town: (3, 0), first_town(rows, ids): (1, 0)}
    again = create_follow_up(
        rows, follow["id"], "2027年回头看", "township-party-building", reinspect=True
    )
    assert again["checklist"] == 1
    # a follow-up of a follow-up still checks the first round's unclosed problems
    assert len(work_list(rows.db, again["id"], None, TODAY)) == 4


def first_town(rows, ids):
    return rows.get("problems", ids["elsewhere"])["township_id"]


def test_verdicts_move_the_life_cycle_and_stay_on_the_list(round_one):
    rows, first, town, ids = round_one
    follow = _follow_up(rows, first)
    _, p = record_verdict(rows, follow["id"], ids["rectified"], "verified", close=True, today=TODAY)
    assert p["status"] == "closed" and p["closed_on"] == TODAY.isoformat()
    _, p = record_verdict(rows, follow["id"], ids["open"], "verified", "", today=TODAY)
    assert p["status"] == "rectified" and "回头看" in p["rectify_note"]
    _, p = record_verdict(rows, follow["id"], ids["rectifying"], "partly", "记录不全", today=TODAY)
    assert p["status"] == "rectifying"
    listed = {p["id"]: p for p in work_list(rows.db, follow["id"], town, TODAY)}
    assert set(listed) == {ids["open"], ids["rectifying"], ids["rectified"]}  # closed here: kept
    assert listed[ids["rectified"]]["verdict"] == "verified"
    assert listed[ids["rectifying"]]["verdict_reason"] == "记录不全"
    assert work_list_summary(rows.db, follow["id"])[town] == (3, 3)
    # rejected: a rectified problem goes back to rectifying with the reason
    _, p = record_verdict(rows, follow["id"], ids["open"], "rejected", "台账缺失", today=TODAY)
    assert p["status"] == "rectifying" and p["rectify_note"].endswith("台账缺失")
    steps = problem_history(rows.db, ids["open"])
    kinds = [(s.kind, s.status) for s in steps]
    assert ("verdict", "verified") in kinds and ("verdict", "rejected") in kinds
    assert ("rejected", "rectifying") in kinds
    [rejected] = [s for s in steps if s.kind == "verdict" and s.status == "rejected"]
    assert rejected.note == "台账缺失" and rejected.who == "李晓燕"
    assert rejected.detail == ("2026年第四季度回头看",)


def test_a_verdict_is_refused_off_the_list_without_reason_or_beyond_the_role(round_one):
    rows, first, _town, ids = round_one
    follow = _follow_up(rows, first)
    with pytest.raises(FollowUpRefused, match="work list"):
        record_verdict(rows, follow["id"], ids["closed"], "verified", today=TODAY)
    with pytest.raises(FollowUpRefused, match="needs a reason"):
        record_verdict(rows, follow["id"], ids["open"], "rejected", "  ", today=TODAY)
    with pytest.raises(FollowUpRefused, match="work list"):  # the first round is no follow-up
        record_verdict(rows, first["id"], ids["open"], "verified", today=TODAY)
    device = rows.db.execute(
        "SELECT json_extract(value, '$') FROM settings WHERE key = 'device_id'"
    ).fetchone()[0]
    rows.db.execute(  # this laptop enrolled as an inspector: it may not close (销号)
        "INSERT INTO roster_devices VALUES (?, '笔记本', 'inspector', 'k', 'k', '2026-01-01', NULL)",
        [device],
    )
    with pytest.raises(RoleError):
        record_verdict(rows, follow["id"], ids["rectified"], "verified", close=True)
    assert rows.get("problems", ids["rectified"])["status"] == "rectified"
    _, p = record_verdict(rows, follow["id"], ids["rectified"], "verified", today=TODAY)
    assert p["status"] == "rectified"  # verified, left for headquarters to close
    assert rows.db.execute("SELECT COUNT(*) FROM follow_ups").fetchone()[0] == 1


def test_an_extension_moves_the_deadline_and_keeps_the_original(round_one):
    rows, _first, _town, ids = round_one
    pid = ids["open"]
    assert get_problem(rows.db, pid, TODAY)["overdue"] == 1
    ext, p = extend_deadline(rows, pid, "2026-11-25", "汛期", "王部长", today=TODAY)
    assert p["deadline"] == "2026-11-25" and ext["previous_deadline"] == "2026-10-31"
    shown = get_problem(rows.db, pid, TODAY)
    assert shown["overdue"] == 0 and shown["light"] == "yellow" and shown["extensions"] == 1
    extend_deadline(rows, pid, "2027-01-31", "需上级审批", "张书记", today=TODAY)
    shown = get_problem(rows.db, pid, TODAY)
    assert shown["light"] == "green" and shown["extensions"] == 2
    assert [(e["previous_deadline"], e["new_deadline"]) for e in extensions_of(rows.db, pid)] == [
        ("2026-10-31", "2026-11-25"),
        ("2026-11-25", "2027-01-31"),
    ]
    steps = [s for s in problem_history(rows.db, pid) if s.kind in ("extended", "edited")]
    assert [s.kind for s in steps] == ["extended", "extended"]
    assert steps[0].detail == ("2026-10-31", "2026-11-25", "王部长") and steps[0].note == "汛期"


def test_an_extension_needs_a_later_date_a_reason_and_an_approver(round_one):
    rows, _first, _town, ids = round_one
    pid = ids["open"]
    with pytest.raises(FollowUpRefused, match="later"):
        extend_deadline(rows, pid, "2026-10-30", "x", "王部长")
    with pytest.raises(FollowUpRefused, match="reason"):
        extend_deadline(rows, pid, "2026-12-30", " ", "王部长")
    with pytest.raises(FollowUpRefused, match="approved"):
        extend_deadline(rows, pid, "2026-12-30", "汛期", "")
    with pytest.raises(FollowUpRefused, match="still to rectify"):
        extend_deadline(rows, ids["rectified"], "2026-12-30", "汛期", "王部长")
    with pytest.raises(FollowUpRefused, match="not a date"):
        extend_deadline(rows, pid, "2026-13-01", "汛期", "王部长")
    assert extensions_of(rows.db, pid) == []


def test_the_deadline_is_not_edited_directly(round_one):
    rows, _first, town, ids = round_one
    with pytest.raises(DeadlineNotEdited):
        edit_problem(rows, ids["open"], {"deadline": "2026-12-31"})
    assert rows.get("problems", ids["open"])["deadline"] == "2026-10-31"
    # a problem recorded without one gets its first deadline in the panel
    p = add_problem(rows, town, "无时限问题", None, found_on=FOUND)
    assert edit_problem(rows, p["id"], {"deadline": "2026-12-01"})["deadline"] == "2026-12-01"
    with pytest.raises(DeadlineBeforeFound):
        edit_problem(
            rows,
            add_problem(rows, town, "又一个", None, found_on=FOUND)["id"],
            {"deadline": "2026-01-01"},
        )


def test_the_list_filters_by_light(round_one):
    rows, _first, _town, ids = round_one
    extend_deadline(rows, ids["rectifying"], "2026-11-24", "汛期", "王部长", today=TODAY)
    extend_deadline(rows, ids["elsewhere"], "2027-03-01", "汛期", "王部长", today=TODAY)

    def listed(*lights):
        f = ProblemFilter(lights=lights, today=TODAY)
        return {p["id"] for p in list_problems(rows.db, f)}, count_problems(rows.db, f)

    assert listed("red") == ({ids["open"]}, 1)
    assert listed("yellow") == ({ids["rectifying"]}, 1)
    assert listed("green") == ({ids["elsewhere"]}, 1)
    assert listed("red", "yellow")[1] == 2


def test_a_campaigns_warning_days_make_the_yellow(round_one):
    rows, first, _town, ids = round_one
    extend_deadline(rows, ids["open"], "2026-12-05", "汛期", "王部长", today=TODAY)
    assert get_problem(rows.db, ids["open"], TODAY)["light"] == "green"  # 15 days > 7
    rows.update("campaigns", first["id"], {"due_soon_days": 20})
    assert get_problem(rows.db, ids["open"], TODAY)["light"] == "yellow"


def test_the_session_tells_the_views(round_one):
    rows, first, town, ids = round_one
    session = Session(rows.db, who="李晓燕")
    told = []
    session.subscribe(told.append)
    follow = session.follow_ups.create(first["id"], "回头看", "township-party-building").value
    assert told[-1].touches("campaigns")
    done = session.follow_ups.verdict(follow["id"], ids["open"], "partly", "未完成", today=TODAY)
    assert done.value["status"] == "rectifying"
    assert told[-1].touches("problems") and told[-1].concerns_township(town)
    done = session.follow_ups.extend(ids["open"], dt.date(2027, 1, 5), "汛期", "王部长")
    assert done.value["deadline"] == "2027-01-05" and ids["open"] in told[-1].ids


def test_a_verdict_and_an_extension_name_the_problem_and_the_row_beside_it(round_one):
    """Both name the problem's township, inspection and id, plus the row they recorded."""
    from inspector.store.follow_up import extensions_of, latest_verdicts
    from inspector.store.session import PROBLEMS

    rows, first, town, ids = round_one
    session = Session(rows.db, who="李晓燕")
    follow = session.follow_ups.create(first["id"], "回头看", "township-party-building").value
    problem = ids["open"]
    found = rows.db.execute("SELECT inspection_id FROM problems WHERE id = ?", [problem])
    inspections = {i for (i,) in found if i}  # none when the problem was added by hand
    verdict = session.follow_ups.verdict(follow["id"], problem, "partly", "未完成", today=TODAY)
    row = latest_verdicts(rows.db, follow["id"])[problem]
    assert verdict.changes.kinds == {PROBLEMS}
    assert verdict.changes.tables == {"problems", "follow_ups"}
    assert verdict.changes.townships == {town} and verdict.changes.inspections == inspections
    assert verdict.changes.ids == {problem, row["id"]}
    extended = session.follow_ups.extend(problem, dt.date(2027, 1, 5), "汛期", "王部长")
    extension = extensions_of(rows.db, problem)[-1]
    assert extended.changes.kinds == {PROBLEMS}
    assert extended.changes.tables == {"problems", "extensions"}
    assert extended.changes.townships == {town} and extended.changes.inspections == inspections
    assert extended.changes.ids == {problem, extension["id"]}


def test_a_round_that_only_checks_problems_starts_no_inspection(round_one):
    """Without --reinspect the round has no checklist: nothing to fill in, nothing ranked."""
    from inspector.store.follow_up import has_checklist
    from inspector.store.inspections import NoChecklist, find_inspection, start_inspection

    rows, first, town, _ids = round_one
    follow = _follow_up(rows, first)
    assert not has_checklist(rows.db, follow["id"]) and has_checklist(rows.db, first["id"])
    with pytest.raises(NoChecklist) as refused:
        start_inspection(rows, follow["id"], town)
    assert "2026年第四季度回头看" in str(refused.value) and "checklist" in str(refused.value)
    assert find_inspection(rows.db, follow["id"], town) is None
    with pytest.raises(NoChecklist):
        Session(rows.db).inspections.start(follow["id"], town)
    again = create_follow_up(
        rows, first["id"], "2026年第四季度复查", "township-party-building", reinspect=True
    )
    assert start_inspection(rows, again["id"], town)["campaign_id"] == again["id"]
