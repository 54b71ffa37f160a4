"""The 反馈表, 整改通知书 and 汇总 of a project campaign speak to the project's party
organisation and count project sites, not townships."""

from __future__ import annotations

import pytest

from inspector.reports.issue import notice_for_township
from inspector.reports.star import star_report_pdf
from inspector.reports.summary import summary_pdf
from inspector.store.rows import Rows
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import flat, pdftotext


@pytest.fixture
def project_campaign(sample_db):
    return sample_db.execute(
        "SELECT c.id, c.name FROM campaigns c JOIN forms f ON f.id = c.form_id "
        "WHERE f.form_id = 'project-party-building'"
    ).fetchone()


def _site_with_open_problems(db, campaign_id):
    return db.execute(
        "SELECT t.id, t.name FROM problems p JOIN townships t ON t.id = p.township_id "
        "WHERE p.campaign_id = ? AND p.status != 'closed' GROUP BY t.id "
        "ORDER BY COUNT(*) DESC, t.name LIMIT 1",
        [campaign_id],
    ).fetchone()


def test_the_feedback_form_names_the_project_and_its_party_organisation(
    sample_db, project_campaign, tmp_path
):
    cid, _name = project_campaign
    tid, site = _site_with_open_problems(sample_db, cid)
    text = flat(pdftotext(star_report_pdf(sample_db, cid, tid, SAMPLE_DATE), tmp_path, "-raw"))
    assert "项目名称" in text and flat(site) in text
    assert "项目党组织负责人签字" in text
    assert "乡镇（街道）" not in text
    assert flat(f"{site}党组织") in text  # the responsible unit of its problems


def test_the_notice_is_addressed_to_the_projects_party_organisation(
    sample_db, project_campaign, tmp_path
):
    cid, _name = project_campaign
    tid, site = _site_with_open_problems(sample_db, cid)
    outcome = notice_for_township(Rows(sample_db, who="测试员"), cid, tid, issued_on=SAMPLE_DATE)
    assert outcome.notice["addressee"] == f"{site}党组织"
    text = flat(pdftotext(outcome.pdf, tmp_path, "-raw"))
    assert flat(f"{site}党组织：") in text
    assert "你项目党组织要高度重视" in text
    assert "街道" not in text and "你单位" not in text


def test_the_summary_counts_project_sites(sample_db, project_campaign, tmp_path):
    cid, _name = project_campaign
    text = flat(pdftotext(summary_pdf(sample_db, cid, SAMPLE_DATE), tmp_path, "-raw"))
    assert "本次督查共评定项目4个" in text
    assert "乡镇（街道）" not in text


def test_a_campaign_is_compared_with_the_one_before_of_its_own_kind(sample_db, project_campaign):
    from inspector.store.catalog import create_campaign
    from inspector.store.report_data import previous_campaign

    township = next(
        sample_db.query(
            "SELECT * FROM campaigns WHERE id != ? ORDER BY starts_on DESC", [project_campaign[0]]
        )
    )
    # the project campaign started between the township one and its earlier round: the
    # earlier round (of the same kind) is its predecessor, not the project campaign
    previous = previous_campaign(sample_db, township)
    assert previous is not None and previous["id"] != project_campaign[0]
    assert "上轮" in previous["name"]
    later = create_campaign(
        Rows(sample_db), "2027年项目党建复查", "project-party-building", starts_on="2027-03-01"
    )
    assert previous_campaign(sample_db, later)["id"] == project_campaign[0]


def test_the_interview_notice_summons_the_projects_party_secretary(
    sample_db, project_campaign, tmp_path
):
    import datetime as dt

    from inspector.reports.letters import interview_pdf
    from inspector.store.ranking import campaign_ranking

    cid, _name = project_campaign
    listed = [r for r in campaign_ranking(sample_db, cid) if r.interview]
    assert len(listed) == 1
    _numbers, pdf = interview_pdf(
        sample_db, cid, SAMPLE_DATE, on=dt.date(2026, 12, 3), place="市委组织部三楼会议室"
    )
    text = flat(pdftotext(pdf, tmp_path))
    site = listed[0].entry.township
    assert flat(f"关于约谈{site}党组织书记的通知") in text
    assert flat(f"{site}党组织：") in text
    assert "在参加评定的项目中排名第4位" in text
    assert "你项目党组织书记" in text
    assert "乡镇（街道）" not in text and "党委书记" not in text


def test_the_bulletin_of_a_project_campaign_speaks_of_project_sites(
    sample_db, project_campaign, tmp_path
):
    from inspector.reports.bulletin import bulletin_pdf

    cid, _name = project_campaign
    _number, pdf = bulletin_pdf(sample_db, cid, SAMPLE_DATE)
    text = flat(pdftotext(pdf, tmp_path))
    assert "本次督查共评定项目4个" in text
    assert "约谈其党组织书记" in text and "督促项目党组织逐项抓好问题整改" in text
    assert "各项目督查得分及排名" in text
    assert "乡镇（街道）" not in text and "党（工）委" not in text


def test_a_long_project_name_breaks_the_notice_title_after_the_name(
    sample_db, project_campaign, tmp_path
):
    cid, _name = project_campaign
    site = sample_db.execute(
        "SELECT id FROM townships WHERE name = '洋山港区配套工程项目（示例）'"
    ).fetchone()[0]
    outcome = notice_for_township(Rows(sample_db, who="测试员"), cid, site, issued_on=SAMPLE_DATE)
    lines = [line.strip() for line in pdftotext(outcome.pdf, tmp_path).splitlines()]
    assert "关于洋山港区配套工程项目（示例）" in lines
    assert "基层党建工作督查发现问题整改的通知" in lines
    assert "工作" not in lines  # no word left alone on a line of the title
