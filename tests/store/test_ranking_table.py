"""The ranking table the app shows: ranked and unfinished townships, and each one's change
in rank since the previous campaign of the same form."""

from __future__ import annotations

from inspector.store.catalog import create_campaign, find_township, form_for_campaign
from inspector.store.inspections import set_answer, start_inspection
from inspector.store.ranking import campaign_ranking
from inspector.store.ranking_table import overall_ranks, previous_same_form, ranking_table
from inspector.store.rows import Rows


def answer_all(rows: Rows, campaign_id: str, township: str, verdict: str, *, skip: int = 0):
    """Every scored item of the township answered `verdict` (numbers at their target),
    except the last `skip` items, which stay open."""
    town = find_township(rows.db, township)
    inspection = start_inspection(rows, campaign_id, town["id"])
    items = [i for i in form_for_campaign(rows.db, campaign_id).items if i.scored]
    for item in items[: len(items) - skip]:
        if item.kind == "verdict":
            chosen = "fail" if item.veto and verdict != "full" else verdict
            set_answer(rows, inspection["id"], item.id, verdict=chosen)
        else:
            set_answer(rows, inspection["id"], item.id, number=item.target)
    return town


def later_campaign(sample_db):
    rows = Rows(sample_db, who="测试员")
    campaign = create_campaign(
        rows, "2026年第四季度复查", "township-party-building", starts_on="2026-12-01"
    )
    return rows, campaign


def test_the_change_is_places_gained_since_the_previous_campaign_of_the_form(
    sample_db, sample_campaign
):
    rows, campaign = later_campaign(sample_db)
    before = {r.entry.township: r.rank for r in campaign_ranking(sample_db, sample_campaign["id"])}
    answer_all(rows, campaign["id"], "白泉镇", "full")
    answer_all(rows, campaign["id"], "盐仓街道", "partial")
    answer_all(rows, campaign["id"], "昌国街道", "full", skip=3)
    table = ranking_table(sample_db, campaign["id"])
    assert table.previous is not None and table.previous["id"] == sample_campaign["id"]
    by_name = {r.township: r for r in table.rows}
    assert by_name["白泉镇"].rank == 1 and by_name["盐仓街道"].rank == 2
    assert by_name["白泉镇"].change == before["白泉镇"] - 1
    assert by_name["盐仓街道"].change == before["盐仓街道"] - 2
    unfinished = by_name["昌国街道"]
    assert unfinished.rank is None and unfinished.change is None
    assert unfinished.answered == unfinished.items - 3
    assert [r.township for r in table.rows] == ["白泉镇", "盐仓街道", "昌国街道"]


def _earlier_round(db) -> dict:
    return next(db.query("SELECT * FROM campaigns WHERE name LIKE '%上轮%'"))


def test_the_first_campaign_of_a_form_has_no_change(sample_db, sample_campaign):
    first = ranking_table(sample_db, _earlier_round(sample_db)["id"])
    assert first.previous is None
    assert all(r.change is None for r in first.rows)
    table = ranking_table(sample_db, sample_campaign["id"])
    # the sample's earlier round of the same form; its follow-up round (回头看) ranks nobody
    assert table.previous["id"] == _earlier_round(sample_db)["id"]
    assert len(table.rows) == 36
    assert all(r.rank is not None for r in table.rows)
    assert [name for _id, name in table.counties] == ["定海区", "普陀区", "岱山县", "嵊泗县"]
    assert {r.county for r in table.of_county("岱山县")} == {"岱山县"}


def test_an_earlier_campaign_created_later_is_still_the_previous_one(sample_db, sample_campaign):
    rows = Rows(sample_db, who="测试员")
    between = create_campaign(  # after the earlier round, before the sample campaign
        rows, "2026年十月督查", "township-party-building", starts_on="2026-10-05"
    )
    assert previous_same_form(sample_db, sample_campaign)["id"] == between["id"]
    assert previous_same_form(sample_db, between)["id"] == _earlier_round(sample_db)["id"]


def test_the_ranks_counted_in_sql_are_the_rankings(sample_db, sample_campaign):
    rows, campaign = later_campaign(sample_db)
    for town, verdict in (("白泉镇", "full"), ("盐仓街道", "partial"), ("岱西镇", "full")):
        answer_all(rows, campaign["id"], town, verdict)
    answer_all(rows, campaign["id"], "昌国街道", "full", skip=1)
    for cid in (sample_campaign["id"], campaign["id"]):
        ranked = {r.entry.township_id: r.rank for r in campaign_ranking(sample_db, cid)}
        assert overall_ranks(sample_db, cid) == ranked
    assert sorted(overall_ranks(sample_db, campaign["id"]).values()) == [1, 1, 3]
