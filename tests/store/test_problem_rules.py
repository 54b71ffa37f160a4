"""The problem rules are written once: the SQL fragments agree with core's rule, and no
query spells them out again (the problem list, the tree and the reports count alike)."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.core.problems import UNRECTIFIED, Status, is_overdue, light
from inspector.store import problem_rules

TODAY = dt.date(2026, 11, 20)
PACKAGE = Path(__file__).resolve().parents[2] / "inspector"


@pytest.mark.parametrize("status", list(Status))
@pytest.mark.parametrize("deadline", ["2026-11-19", "2026-11-20", "2026-12-01", None])
def test_the_sql_overdue_rule_is_cores(status, deadline):
    conn = sqlite3.connect(":memory:")
    sql = (
        f"SELECT {problem_rules.overdue('p')}, {problem_rules.unrectified('p')} "
        "FROM (SELECT :status AS status, :deadline AS deadline) p"
    )
    overdue, unrectified = conn.execute(
        sql, {"status": status.value, "deadline": deadline, "today": TODAY.isoformat()}
    ).fetchone()
    assert bool(overdue) is is_overdue(deadline, status, TODAY)
    assert bool(unrectified) is (status in UNRECTIFIED)


def test_a_problem_is_noticeable_until_a_live_notice_carries_it():
    conn = sqlite3.connect(":memory:")
    conn.executescript("""
        CREATE TABLE notices (id TEXT PRIMARY KEY, deleted INTEGER NOT NULL);
        CREATE TABLE problems (id TEXT PRIMARY KEY, status TEXT, notice_id TEXT);
        INSERT INTO notices VALUES ('live', 0), ('gone', 1);
        INSERT INTO problems VALUES ('free', 'open', NULL), ('fixing', 'rectifying', NULL),
            ('carried', 'open', 'live'), ('orphaned', 'open', 'gone'),
            ('done', 'rectified', NULL), ('closed', 'closed', NULL);
    """)
    found = {
        r[0]
        for r in conn.execute(f"SELECT p.id FROM problems p WHERE {problem_rules.noticeable('p')}")
    }
    assert found == {"free", "fixing", "orphaned"}
    with pytest.raises(ValueError):
        problem_rules.noticeable("")


def test_no_query_spells_the_rules_out_again():
    spelled = re.compile(
        r"""IN \(\s*['"](open|rectifying|rectified|closed)['"]\s*,"""
        r"""|deadline\s*<\s*[:?]"""
    )
    again = [
        f"{path.relative_to(PACKAGE.parent)}:{n}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "problem_rules.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if spelled.search(line)
    ]
    assert not again, f"use inspector.store.problem_rules: {again}"


@settings(max_examples=300, deadline=None)
@given(
    status=st.sampled_from(list(Status)),
    deadline=st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31))),
    today=st.dates(dt.date(2000, 1, 1), dt.date(2100, 12, 31)),
    days=st.integers(0, 365),
)
def test_the_sql_light_is_cores(status, deadline, today, days):
    conn = sqlite3.connect(":memory:")
    sql = (
        f"SELECT {problem_rules.light('p', days=':days')} "
        "FROM (SELECT :status AS status, :deadline AS deadline) p"
    )
    found = conn.execute(
        sql,
        {
            "status": status.value,
            "deadline": deadline.isoformat() if deadline else None,
            "today": today.isoformat(),
            "days": days,
        },
    ).fetchone()[0]
    expected = light(deadline, status, today, days)
    assert found == (expected.value if expected else None)


def test_the_light_takes_the_campaigns_warning_days():
    conn = sqlite3.connect(":memory:")
    conn.executescript("""
        CREATE TABLE campaigns (id TEXT PRIMARY KEY, due_soon_days INTEGER);
        CREATE TABLE problems (id TEXT, status TEXT, deadline TEXT, campaign_id TEXT);
        INSERT INTO campaigns VALUES ('long', 30);
        INSERT INTO problems VALUES ('a', 'open', '2026-12-10', 'long'),
            ('b', 'open', '2026-12-10', NULL), ('c', 'open', '2026-11-25', NULL);
    """)
    found = dict(
        conn.execute(
            f"SELECT id, {problem_rules.light('p')} FROM problems p", {"today": TODAY.isoformat()}
        ).fetchall()
    )
    assert found == {"a": "yellow", "b": "green", "c": "yellow"}
