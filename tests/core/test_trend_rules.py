"""The trend rules: rank changes, 屡查屡犯 runs, star counts."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from inspector.core.form_model import Item
from inspector.core.scoring import Answer, Verdict
from inspector.core.trends import (
    campaign_order,
    change_text,
    item_failed,
    rank_changes,
    repeated_failures,
    star_counts,
)


def test_rank_change_skips_unranked_rounds():
    assert rank_changes([5, None, 2, 2, 7]) == [None, None, 3, 0, -5]
    assert [
        change_text(c, r is not None)
        for c, r in zip(rank_changes([5, None, 2, 7]), [5, None, 2, 7], strict=True)
    ] == [
        "首次",
        "—",
        "进位3",
        "退位5",
    ]


def test_campaigns_without_a_start_date_come_first_in_their_year():
    rows = [
        {"id": "b", "name": "乙", "year": 2024, "starts_on": "2024-01-01"},
        {"id": "a", "name": "甲", "year": 2024, "starts_on": None},
        {"id": "c", "name": "丙", "year": 2023, "starts_on": "2023-12-01"},
    ]
    assert [r["id"] for r in sorted(rows, key=campaign_order)] == ["c", "a", "b"]


def test_a_count_fails_on_the_wrong_side_of_its_target():
    most = Item("N", "s", "number", "x", points=4, rule="at_most", target=0, deduct=1)
    least = Item("L", "s", "number", "x", points=4, rule="at_least", target=3, deduct=1)
    verdict = Item("V", "s", "verdict", "x", points=4)
    assert item_failed(most, Answer(None, 1)) and not item_failed(most, Answer(None, 0))
    assert item_failed(least, Answer(None, 2)) and not item_failed(least, Answer(None, 3))
    assert item_failed(verdict, Answer(Verdict.FAIL))
    assert not item_failed(verdict, Answer(Verdict.PARTIAL))
    assert not item_failed(verdict, Answer(Verdict.NA)) and not item_failed(verdict, Answer())


def test_star_counts_best_first():
    assert star_counts([5, 5, 3, 1], 5) == (2, 0, 1, 0, 1)


@given(st.lists(st.sets(st.sampled_from("ABC")), max_size=12))
def test_every_run_of_two_or_more_is_found_once(failed_by_round):
    rounds = [(f"C{n}", failed) for n, failed in enumerate(failed_by_round)]
    found = repeated_failures(rounds, {})
    expected = set()
    for item in "ABC":
        n = 0
        while n < len(rounds):
            if item in rounds[n][1]:
                start = n
                while n < len(rounds) and item in rounds[n][1]:
                    n += 1
                if n - start >= 2:
                    expected.add((item, tuple(f"C{k}" for k in range(start, n)), n == len(rounds)))
            else:
                n += 1
    assert len(found) == len(expected)
    assert {(f.item_id, f.campaigns, f.ongoing) for f in found} == expected
