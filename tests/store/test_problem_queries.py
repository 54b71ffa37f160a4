"""The problem list's count-and-first-page query and the notice dialog's queries."""

from __future__ import annotations

import json

import pytest

from inspector.store import problem_queries
from inspector.store.notice_queries import notice_rows
from inspector.store.problem_queries import (
    first_page,
    noticeable_problems,
    townships_with_noticeable,
)
from inspector.store.problems import SORTABLE, ProblemFilter, count_problems, list_problems
from tests.conftest import SAMPLE_DATE

FILTERS = [
    ProblemFilter(today=SAMPLE_DATE),
    ProblemFilter(text="S0", today=SAMPLE_DATE),
    ProblemFilter(text="街道", today=SAMPLE_DATE),
    ProblemFilter(text="党建办", statuses=("open", "rectifying"), today=SAMPLE_DATE),
    ProblemFilter(text="没有这样的问题", today=SAMPLE_DATE),
    ProblemFilter(overdue_only=True, text="党", today=SAMPLE_DATE),
]


@pytest.mark.parametrize("probe", [10, 2000])  # a text too rare for the probe, or not
@pytest.mark.parametrize("f", FILTERS)
@pytest.mark.parametrize("order_by", sorted(SORTABLE))
def test_first_page_is_count_and_first_rows_of_the_list(sample_db, f, order_by, probe, monkeypatch):
    monkeypatch.setattr(problem_queries, "PROBE_ROWS", probe)
    for descending in (False, True):
        total, page = first_page(sample_db, f, order_by=order_by, descending=descending, limit=25)
        assert total == count_problems(sample_db, f)
        assert page == list_problems(
            sample_db, f, order_by=order_by, descending=descending, limit=25
        )


def test_first_page_continues_into_later_pages(sample_db):
    f = ProblemFilter(text="街道", today=SAMPLE_DATE)
    total, page = first_page(sample_db, f, limit=10)
    rest = list_problems(sample_db, f, limit=1000, offset=10)
    everything = list_problems(sample_db, f, limit=1000)
    assert [r["id"] for r in page + rest] == [r["id"] for r in everything]
    assert total == len(everything) > 10


def test_noticeable_problems_are_open_and_not_on_a_notice(sample_db, sample_campaign):
    towns = townships_with_noticeable(sample_db, sample_campaign["id"])
    assert towns
    on_notice = {
        pid
        for n in sample_db.query("SELECT problem_ids FROM notices")
        for pid in json.loads(n["problem_ids"])
    }
    for town in towns:
        problems = noticeable_problems(sample_db, town["id"], sample_campaign["id"])
        assert len(problems) == town["problems"]
        assert {p["status"] for p in problems} <= {"open", "rectifying"}
        assert not on_notice & {p["id"] for p in problems}
    # a township whose open problems all went on a notice is not offered again
    noticed = next(iter(sample_db.query("SELECT township_id FROM notices LIMIT 1")))
    remaining = noticeable_problems(sample_db, noticed["township_id"], sample_campaign["id"])
    assert all(p["notice_id"] is None for p in remaining)


def test_notice_rows_count_problems_and_see_the_archived_pdf(sample_db, sample_campaign):
    from inspector.store.attachments import add_attachment
    from inspector.store.rows import Rows

    rows = notice_rows(sample_db, sample_campaign["id"])
    assert rows and all(not r["has_pdf"] for r in rows)
    first = rows[0]
    assert first["problem_count"] == len(
        json.loads(
            sample_db.execute(
                "SELECT problem_ids FROM notices WHERE id = ?", [first["id"]]
            ).fetchone()[0]
        )
    )
    add_attachment(
        Rows(sample_db, who="测试员"), "notices", first["id"], b"%PDF-1.4 x", filename="n.pdf"
    )
    again = {r["id"]: r for r in notice_rows(sample_db, township_id=first["township_id"])}
    assert again[first["id"]]["has_pdf"]
    assert all(r["township_id"] == first["township_id"] for r in again.values())


@pytest.mark.parametrize("order_by", sorted(SORTABLE))
@pytest.mark.parametrize("descending", [False, True])
def test_a_page_counted_from_the_end_is_the_same_rows_in_list_order(
    sample_db, order_by, descending
):
    f = ProblemFilter(today=SAMPLE_DATE)
    whole = [
        p["id"]
        for p in list_problems(
            sample_db, f, order_by=order_by, descending=descending, limit=100_000
        )
    ]
    assert len(whole) > 20
    for after in (0, 3, 11, len(whole) - 5):
        page = list_problems(
            sample_db,
            f,
            order_by=order_by,
            descending=descending,
            limit=5,
            offset=after,
            from_end=True,
        )
        assert [p["id"] for p in page] == whole[len(whole) - after - 5 : len(whole) - after]
