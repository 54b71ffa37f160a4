"""A campaign's set-up: the townships it covers limit the tree, the ranking and the
summary; its team names new inspections and the 反馈表's 督导组."""

from __future__ import annotations

from inspector.core.ids import CampaignId
from inspector.reports.star import star_report_pdf
from inspector.store.catalog import create_campaign, find_campaign, find_township
from inspector.store.inspections import campaign_overview, start_inspection
from inspector.store.ranking import campaign_ranking
from inspector.store.report_data import summary_data
from inspector.store.rows import Rows
from inspector.store.session import Session
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import flat, pdftotext
from tests.store.test_ranking_table import answer_all

TOWNS = ("白泉镇", "盐仓街道", "岱西镇")


def _ids(db, names=TOWNS) -> list[str]:
    return [find_township(db, n)["id"] for n in names]


def test_the_townships_covered_limit_tree_ranking_and_summary(sample_db, sample_campaign):
    session = Session(sample_db)
    done = session.catalog.set_up_campaign(
        CampaignId(sample_campaign["id"]), townships=_ids(sample_db)
    )
    assert done.changes.touches("tree")
    shown = {r["township"] for r in campaign_overview(sample_db, sample_campaign["id"])}
    assert shown == set(TOWNS)
    ranked = {r.entry.township for r in campaign_ranking(sample_db, sample_campaign["id"])}
    assert ranked == set(TOWNS)
    summary = summary_data(sample_db, sample_campaign["id"], SAMPLE_DATE)
    assert len(summary.ranking) == 3 and summary.not_inspected == 0
    session.catalog.set_up_campaign(CampaignId(sample_campaign["id"]), every_township=True)
    assert len(campaign_overview(sample_db, sample_campaign["id"])) == 36


def test_the_team_names_new_inspections_and_the_feedback_form(sample_db, tmp_path):
    rows = Rows(sample_db, who="测试员")
    campaign = create_campaign(rows, "2026年第四季度复查", "township-party-building")
    Session(sample_db).catalog.set_up_campaign(
        CampaignId(campaign["id"]), team="第三督导组", members="张明\n 李红 \n\n王强"
    )
    stored = find_campaign(sample_db, campaign["id"])
    assert (stored["team"], stored["members"]) == ("第三督导组", "张明\n李红\n王强")
    town = answer_all(rows, campaign["id"], "白泉镇", "full")
    assert start_inspection(rows, campaign["id"], town["id"])["team"] == "第三督导组"
    text = flat(
        pdftotext(star_report_pdf(sample_db, campaign["id"], town["id"], SAMPLE_DATE), tmp_path)
    )
    assert "督导组第三督导组" in text or "第三督导组" in text


def test_an_inspection_begun_before_the_team_was_named_prints_the_campaigns(
    sample_db, sample_campaign, tmp_path
):
    town = sample_db.execute(
        "SELECT township_id FROM inspections WHERE campaign_id = ? LIMIT 1",
        [sample_campaign["id"]],
    ).fetchone()[0]
    sample_db.execute("UPDATE inspections SET team = '' WHERE township_id = ?", [town])
    pdf = star_report_pdf(sample_db, sample_campaign["id"], town, SAMPLE_DATE)
    assert "—" in flat(pdftotext(pdf, tmp_path)).split("督导组")[1][:3]
    Session(sample_db).catalog.set_up_campaign(
        CampaignId(sample_campaign["id"]), team="市委第一督导组"
    )
    pdf = star_report_pdf(sample_db, sample_campaign["id"], town, SAMPLE_DATE)
    assert "市委第一督导组" in flat(pdftotext(pdf, tmp_path))


def test_a_team_set_later_reaches_inspections_begun_unless_set_by_hand(sample_db):
    import json

    from inspector.store.dump import dump_json

    rows = Rows(sample_db, who="测试员")
    campaign = create_campaign(rows, "2026年第四季度复查", "township-party-building")
    cid = CampaignId(campaign["id"])
    session = Session(sample_db)
    session.catalog.set_up_campaign(cid, team="第一督导组")
    first = start_inspection(rows, cid, find_township(sample_db, "白泉镇")["id"])
    unnamed = start_inspection(rows, cid, find_township(sample_db, "盐仓街道")["id"])
    rows.update("inspections", unnamed["id"], {"team": ""})
    own = start_inspection(rows, cid, find_township(sample_db, "岱西镇")["id"], team="联合督查组")
    session.catalog.set_up_campaign(cid, team="第二督导组")
    teams = {
        r["id"]: r
        for r in json.loads(dump_json(sample_db))["inspections"]
        if r["campaign_id"] == cid
    }
    assert teams[first["id"]]["team"] == teams[unnamed["id"]]["team"] == "第二督导组"
    assert teams[own["id"]]["team"] == "联合督查组"
    assert teams[first["id"]]["updated_at"] > first["updated_at"]  # stamped, so it syncs
