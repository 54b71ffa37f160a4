from __future__ import annotations

from inspector.core.ranking import Entry, competition_ranks, incomplete, rank


def e(name, county, score, veto=False):
    return Entry(name, name, county, score, 3, veto)


def test_ties_share_a_rank():
    assert competition_ranks([95, 90, 90, 80]) == [1, 2, 2, 4]


def test_overall_and_county_ranks():
    ranked = rank(
        [
            e("甲", "定海区", 80),
            e("乙", "普陀区", 95),
            e("丙", "定海区", 90),
            e("丁", "普陀区", 70),
        ],
        bottom_n=0,
    )
    by_name = {r.entry.township: (r.rank, r.county_rank) for r in ranked}
    assert by_name == {"乙": (1, 1), "丙": (2, 1), "甲": (3, 2), "丁": (4, 2)}
    assert not any(r.interview for r in ranked)


def test_interview_list_bottom_n_with_ties_and_low_scores_and_vetoes():
    entries = [e(str(i), "县", s) for i, s in enumerate([99, 95, 90, 85, 70, 70, 65])]
    entries.append(e("veto", "县", 96, veto=True))
    entries.append(e("low", "县", 55))
    ranked = rank(entries, bottom_n=3, lowest_threshold=60)
    listed = {r.entry.township: r.interview_reason for r in ranked if r.interview}
    # ranks: 99 1, 96 2, 95 3, 90 4, 85 5, 70 6, 70 6, 65 8, 55 9: the bottom three
    # places reach rank 6, which both 70s share; the veto township is listed too
    assert set(listed) == {"4", "5", "6", "low", "veto"}
    assert "低于60分" in listed["low"] and "排名后3位" in listed["low"]
    assert "一票否决" in listed["veto"]


def test_interview_bottom_takes_whole_tie_at_the_cut():
    ranked = rank([e("a", "x", 90), e("b", "x", 70), e("c", "x", 70)], bottom_n=1)
    assert {r.entry.township for r in ranked if r.interview} == {"b", "c"}


def test_bottom_n_needs_more_townships_than_n():
    ranked = rank([e("a", "x", 90), e("b", "x", 52)], bottom_n=3, lowest_threshold=60)
    listed = {r.entry.township: r.interview_reason for r in ranked if r.interview}
    assert listed == {"b": "得分52.0分，低于60分"}


def test_incomplete_inspections_are_neither_ranked_nor_sent_to_interview():
    done = [
        Entry(n, n, "县", s, 3, answered=39, items=39)
        for n, s in (("甲", 90), ("乙", 80), ("丙", 70), ("丁", 65))
    ]
    begun = Entry("戊", "戊", "县", 100.0, 5, answered=1, items=39)
    low = Entry("己", "己", "县", 20.0, 1, answered=14, items=39)
    ranked = rank([*done, begun, low], bottom_n=1, lowest_threshold=60)
    assert [(r.entry.township, r.rank) for r in ranked] == [
        ("甲", 1),
        ("乙", 2),
        ("丙", 3),
        ("丁", 4),
    ]
    assert [r.entry.township for r in ranked if r.interview] == ["丁"]
    assert [x.township for x in incomplete([*done, begun, low])] == ["己", "戊"]
