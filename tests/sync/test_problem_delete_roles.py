"""Deleting a problem by hand agrees with the trust rules every device applies on import:
an inspector laptop deletes its own open mistake, and is refused, with a message and no
write, what headquarters would refuse (someone else's problem, one that moved on)."""

from __future__ import annotations

import pytest

from inspector.store.problems import ProblemNotDeleted, add_problem, delete_problem


@pytest.fixture
def team(hq, laptops):
    one = laptops("一组", role="inspector")
    one.take(hq.export())
    return hq, one


def test_an_inspector_deletes_its_own_open_mistake_and_headquarters_takes_it(team):
    hq, one = team
    town = one.db.execute("SELECT id FROM townships LIMIT 1").fetchone()[0]
    mistake = add_problem(one.rows, town, "录错的问题", "2027-01-31")
    delete_problem(one.rows, mistake["id"])
    summary = hq.take(one.export())
    assert summary.applied and summary.totals.conflicts == 0
    assert hq.rows.get("problems", mistake["id"])["deleted"] == 1


def test_an_inspector_may_not_delete_a_problem_it_did_not_record(team):
    _hq, one = team
    for status in ("open", "rectifying"):
        pid = one.db.execute(
            "SELECT id FROM problems WHERE status = ? AND deleted = 0 "
            "AND notice_id IS NULL LIMIT 1",
            [status],
        ).fetchone()[0]
        with pytest.raises(ProblemNotDeleted, match="ask headquarters"):
            delete_problem(one.rows, pid)
        assert one.rows.get("problems", pid)["deleted"] == 0
