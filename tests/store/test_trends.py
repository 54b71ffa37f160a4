"""Trends across campaigns on a hand-built database: the numbers a user reads."""

from __future__ import annotations

import pytest

from inspector.store.db import open_db
from inspector.store.trends import area_trend, ordered_campaigns, township_trend
from tests.trend_data import ORDER, build_trend_db


@pytest.fixture
def trend_db(tmp_path):
    db = open_db(tmp_path / "trend.db")
    ids = build_trend_db(db)
    yield db, ids
    db.close()


def test_campaigns_run_by_year_then_start_then_name(trend_db):
    db, ids = trend_db
    assert [c["id"] for c in ordered_campaigns(db)] == [ids["campaigns"][k] for k in ORDER]


def test_a_townships_scores_stars_ranks_and_their_changes(trend_db):
    db, _ids = trend_db
    trend = township_trend(db, "一镇")
    assert (trend.township, trend.county) == ("一镇", "甲县")
    got = [
        (r.campaign, r.score, r.stars, r.complete, r.rank, r.ranked, r.county_rank, r.change_text)
        for r in trend.rounds
    ]
    assert got == [
        ("2024年第一季度督查", 100.0, 5, True, 1, 3, 1, "首次"),
        ("2024年第二季度督查", 66.7, 2, True, 3, 4, 2, "退位2"),
        # the 复查 begun but unfinished: its provisional score, no rank, no change
        ("2025年第一季度复查", 0.0, 1, False, None, 2, None, "—"),
        # compared with the last campaign that ranked it (C2), not the 复查
        ("2025年第一季度督查", 50.0, 1, True, 4, 4, 2, "退位1"),
    ]
    assert [r.problems for r in trend.rounds] == [0, 2, 1, 1]
    assert [r.interview for r in trend.rounds] == [False, False, False, True]
    assert "排名后1位" in trend.rounds[-1].interview_reason


def test_rank_gained_reads_as_jinwei(trend_db):
    db, _ids = trend_db
    four = township_trend(db, "四镇")  # not in C1; C2 rank 4, C4 rank 2, C3 rank 2
    assert [(r.rank, r.change_text) for r in four.rounds] == [
        (4, "首次"),
        (2, "进位2"),
        (2, "持平"),
    ]


def test_items_failed_in_consecutive_rounds(trend_db):
    db, _ids = trend_db
    repeated = township_trend(db, "一镇").repeated
    # A1 failed in C2, the 复查 and C3: one run of three, still going. N1 failed once.
    assert [(f.item_id, f.text, f.rounds, f.ongoing) for f in repeated] == [
        ("A1", "三会一课按期召开", 3, True)
    ]
    assert repeated[0].campaigns == (
        "2024年第二季度督查",
        "2025年第一季度复查",
        "2025年第一季度督查",
    )


def test_a_pass_in_between_breaks_the_run(trend_db):
    db, _ids = trend_db
    # 三镇 failed A2 in C1 and C3, passed it in C2, and was not in the 复查
    assert township_trend(db, "三镇").repeated == ()
    # 四镇 failed A2 in C2 and in the 复查, passed it in C3: a run that ended
    (run,) = township_trend(db, "四镇").repeated
    assert (run.item_id, run.rounds, run.ongoing) == ("A2", 2, False)


def test_the_whole_per_campaign(trend_db):
    db, _ids = trend_db
    trend = area_trend(db)
    got = [
        (r.campaign, r.ranked, r.incomplete, round(r.average, 1), r.stars, r.interviews)
        for r in trend.rounds
    ]
    assert got == [
        ("2024年第一季度督查", 3, 0, 83.3, (1, 1, 0, 1, 0), 1),
        ("2024年第二季度督查", 4, 0, 70.8, (1, 1, 0, 1, 1), 1),
        ("2025年第一季度复查", 2, 1, 83.3, (1, 0, 0, 1, 0), 1),
        ("2025年第一季度督查", 4, 0, 75.0, (1, 1, 0, 1, 1), 1),
    ]
    assert [(r.problems, r.rectified, r.rate) for r in trend.rounds] == [
        (0, 0, None),
        (3, 2, 66.7),
        (1, 0, 0.0),
        (3, 1, 33.3),
    ]
    assert trend.rounds[0].change is None
    assert trend.rounds[1].change == pytest.approx(70.825 - 83.333, abs=0.01)


def test_a_county_per_campaign(trend_db):
    db, ids = trend_db
    trend = area_trend(db, ids["counties"]["乙县"])
    assert trend.name == "乙县"
    got = [(r.campaign, r.ranked, round(r.average, 1), r.interviews, r.rate) for r in trend.rounds]
    assert got == [
        ("2024年第一季度督查", 1, 66.7, 1, None),  # 三镇 alone, bottom of C1
        ("2024年第二季度督查", 2, 58.3, 1, 100.0),  # 四镇 bottom and under 60
        ("2025年第一季度复查", 1, 66.7, 1, None),  # 四镇 last of two
        ("2025年第一季度督查", 2, 75.0, 0, 0.0),
    ]


def test_a_campaign_without_the_townships_inspections_is_left_out(trend_db):
    db, _ids = trend_db
    assert [r.campaign for r in township_trend(db, "三镇").rounds] == [
        "2024年第一季度督查",
        "2024年第二季度督查",
        "2025年第一季度督查",
    ]


def test_the_trend_follows_a_changed_answer(trend_db):
    from inspector.store.inspections import find_inspection, set_answer, set_status
    from inspector.store.rows import Rows

    db, ids = trend_db
    assert township_trend(db, "一镇").rounds[-1].rank == 4
    insp = find_inspection(db, ids["campaigns"]["C3"], ids["townships"]["一镇"])
    if insp["status"] == "finished":
        set_status(Rows(db), insp["id"], False)
    set_answer(Rows(db), insp["id"], "A1", verdict="full")
    assert township_trend(db, "一镇").rounds[-1].score == 83.3
    assert township_trend(db, "一镇").rounds[-1].rank == 2


def test_the_sessions_trend_forgets_only_the_campaign_an_answer_changed(tmp_path):
    from inspector.core.ids import InspectionId
    from inspector.store.inspections import find_inspection
    from inspector.store.session import Session

    session = Session.open(tmp_path / "s.db")
    ids = build_trend_db(session.db)
    c3, c1 = ids["campaigns"]["C3"], ids["campaigns"]["C1"]
    one = ids["townships"]["一镇"]
    assert session.trends.township(one).rounds[-1].rank == 4
    kept = session.trends.standings.by_campaign[c1]
    insp = find_inspection(session.db, c3, one)
    session.inspections.set_finished(InspectionId(insp["id"]), False)
    session.answers.set(InspectionId(insp["id"]), "A1", verdict="full")
    assert c3 not in session.trends.standings.by_campaign
    assert session.trends.standings.by_campaign[c1] is kept  # not read again
    assert session.trends.township(one).rounds[-1].rank == 2
    session.close()


def test_another_connections_commit_forgets_every_ranking(tmp_path):
    from inspector.store.inspections import find_inspection, set_answer, set_status
    from inspector.store.rows import Rows
    from inspector.store.session import Session

    session = Session.open(tmp_path / "s.db")
    ids = build_trend_db(session.db)
    one = ids["townships"]["一镇"]
    assert session.trends.township(one).rounds[-1].score == 50.0
    other = open_db(tmp_path / "s.db")  # the worker, an import
    insp = find_inspection(other, ids["campaigns"]["C3"], one)
    if insp["status"] == "finished":
        set_status(Rows(other), insp["id"], False)
    set_answer(Rows(other), insp["id"], "A1", verdict="full")
    other.close()
    assert session.trends.township(one).rounds[-1].score == 83.3
    session.close()


def test_the_area_trend_leaves_out_project_campaigns(sample_db):
    """Project sites are ranked apart: a project campaign's average beside the townships'
    would read as the province rising or falling."""
    from inspector.store.trends import area_trend

    names = [r.campaign for r in area_trend(sample_db).rounds]
    assert names and not any("项目" in n for n in names)
    assert any("第四季度基层党建" in n for n in names)
