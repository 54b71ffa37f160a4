"""The sample campaign a new user opens, and the synthetic province for benchmarks."""

from __future__ import annotations

import datetime as dt

from inspector.demo import make_province, make_sample
from inspector.store.db import open_db
from inspector.store.dump import check, dump_data
from inspector.store.ranking import campaign_ranking
from inspector.store.schema import SYNC_COLUMNS
from tests.conftest import SAMPLE_DATE


def test_sample_campaign_is_realistic(sample_db, sample_campaign):
    ranked = campaign_ranking(sample_db, sample_campaign["id"])
    assert len(ranked) == 36
    assert {r.entry.stars for r in ranked} == {1, 2, 3, 4, 5}
    assert any(r.interview for r in ranked)
    statuses = {r[0] for r in sample_db.execute("SELECT DISTINCT status FROM problems")}
    assert statuses == {"open", "rectifying", "rectified", "closed"}
    overdue = sample_db.execute(
        "SELECT COUNT(*) FROM problems WHERE status IN ('open','rectifying') AND deadline < ?",
        [SAMPLE_DATE.isoformat()],
    ).fetchone()[0]
    not_yet = sample_db.execute(
        "SELECT COUNT(*) FROM problems WHERE status IN ('open','rectifying') AND deadline >= ?",
        [SAMPLE_DATE.isoformat()],
    ).fetchone()[0]
    assert overdue > 0 and not_yet > 0
    assert sample_db["notices"].count >= 3
    assert check(sample_db) == []


def _content(db):
    """Every synced row without the columns that carry this device's clock."""
    return {
        t: [{k: v for k, v in r.items() if k not in SYNC_COLUMNS[1:]} for r in rows]
        for t, rows in dump_data(db).items()
        if t != "inspectors"
    }


def test_same_seed_same_data(tmp_path, sample_db):
    other = open_db(tmp_path / "again.db")
    make_sample(other, seed=2017, today=SAMPLE_DATE)
    a, b = _content(sample_db), _content(other)
    for table in ("answers", "problems", "notices"):
        for row in a[table] + b[table]:
            row.pop("answered_by", None)
            row.pop("issued_by", None)
            row.pop("closed_by", None)
    assert a == b


def test_demo_twice_adds_nothing(sample_db):
    before = sample_db["audit_log"].count
    result = make_sample(sample_db, seed=2017, today=SAMPLE_DATE)
    assert result["existing"] and sample_db["audit_log"].count == before


def test_small_province(tmp_path):
    db = open_db(tmp_path / "p.db")
    stats = make_province(db, townships=40, campaigns=2, today=dt.date(2026, 11, 20))
    assert stats["inspections"] == 80
    assert db["townships"].count == 40
    assert db.execute("SELECT COUNT(*) FROM townships WHERE name LIKE '模拟%'").fetchone()[0] == 40
    assert db["scores"].count == 80
    assert check(db) == []


def _follow_up_content(db):
    verdicts = {r[0] for r in db.execute("SELECT DISTINCT verdict FROM follow_ups")}
    extended = db.execute("SELECT COUNT(DISTINCT problem_id) FROM extensions").fetchone()[0]
    rounds = db.execute("SELECT COUNT(*) FROM campaigns WHERE follow_up_of IS NOT NULL")
    return verdicts, extended, rounds.fetchone()[0]


def test_the_sample_holds_a_follow_up_round_with_verdicts_and_extensions(sample_db):
    verdicts, extended, rounds = _follow_up_content(sample_db)
    assert rounds == 1 and {"verified", "rejected"} <= verdicts and extended > 0
    lights = {
        r[0]
        for r in sample_db.execute(
            "SELECT p.deadline > ? FROM problems p JOIN extensions x ON x.problem_id = p.id "
            "WHERE p.status IN ('open', 'rectifying')",
            [SAMPLE_DATE.isoformat()],
        )
    }
    assert lights == {1}  # an extended deadline lies ahead: the problem is no longer red


def test_the_province_holds_a_follow_up_round(tmp_path):
    db = open_db(tmp_path / "p.db")
    make_province(db, townships=40, campaigns=3, today=dt.date(2026, 11, 20))
    verdicts, extended, rounds = _follow_up_content(db)
    assert rounds == 1 and {"verified", "rejected"} <= verdicts and extended > 0
    assert check(db) == []
