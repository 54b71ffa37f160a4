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
