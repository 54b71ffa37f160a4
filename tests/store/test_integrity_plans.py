"""The rules across rows look up what a bundle touches, never the whole history.

A delta of one township's inspection must cost the same on five years of a
province as on one: each query of `store.integrity` is driven from the staged
rows and reaches the database's growing tables (inspections, problems,
notices, answers) by an index. Checked on the query plans, which do not
depend on the machine's load or on how many rows the tables hold.
"""

from __future__ import annotations

import pytest

from inspector.store import integrity, staging
from inspector.store.db import open_db

# Tables whose size grows with every campaign held.
GROWING = ("inspections", "problems", "notices", "answers", "self_answers")


@pytest.fixture
def staged(tmp_path):
    """An empty database (the plans depend on the schema, not on its rows), staged for import."""
    db = open_db(tmp_path / "inspector.db")
    staging.create(db, staging.shapes(db))
    yield db
    staging.drop(db)
    db.close()


def _queries_of_check(db) -> list[str]:
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        integrity.check(db)
    finally:
        db.conn.set_trace_callback(None)
    # The answers' check reads its own temporary tables, gone once it returns.
    return [
        s
        for s in seen
        if s.lstrip().upper().startswith(("SELECT", "WITH")) and "_answer_forms" not in s
    ]


def test_the_checks_search_the_growing_tables_by_an_index(staged) -> None:
    queries = _queries_of_check(staged)
    assert len(queries) >= 2 * len(integrity.LIVE_CHILDREN) + len(integrity.UNIQUE_CODES)
    for sql in queries:
        plan = [row[3] for row in staged.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]
        scans = [step for step in plan if any(step == f"SCAN main.{t}" for t in GROWING)]
        assert not scans, f"{sql}\n{plan}"


def test_a_deleted_townships_live_problems_are_found_through_the_index(staged) -> None:
    queries = [q for q in _queries_of_check(staged) if "main.[problems]" in q]
    plans = [
        " | ".join(row[3] for row in staged.execute("EXPLAIN QUERY PLAN " + q).fetchall())
        for q in queries
    ]
    assert any("SEARCH main.problems USING INDEX idx_problems_township" in p for p in plans), plans
