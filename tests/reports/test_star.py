"""The 督查情况反馈表 holds what the township signs for, in embedded fonts."""

from __future__ import annotations

from inspector.core.scoring import star_text
from inspector.reports.star import star_report_pdf
from inspector.store.inspections import set_answer
from inspector.store.problems import add_problem
from inspector.store.report_data import inspection_report
from inspector.store.rows import Rows
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import assert_fonts_embedded, flat, page_count, pdftotext


def _township_with_veto(db, campaign_id):
    return db.execute(
        "SELECT i.township_id FROM inspections i JOIN scores s ON s.inspection_id = i.id "
        "WHERE i.campaign_id = ? AND s.veto_failed != '[]' LIMIT 1", [campaign_id]).fetchone()[0]


def test_feedback_form_holds_scores_stars_and_problems(sample_db, sample_campaign, tmp_path):
    cid = sample_campaign["id"]
    tid = _township_with_veto(sample_db, cid)
    data = inspection_report(sample_db, cid, tid, SAMPLE_DATE)
    pdf = star_report_pdf(sample_db, cid, tid, SAMPLE_DATE)
    text = flat(pdftotext(pdf, tmp_path, "-raw"))
    assert "督查情况反馈表" in text
    for needle in (data.township["name"], data.township["county"], sample_campaign["name"],
                   data.inspection["team"], f"{data.score.score:.1f}分",
                   star_text(data.score.stars), "督导组成员签字", "乡镇（街道）负责人签字"):
        assert flat(needle) in text, needle
    for section in data.score.sections:
        if section.items:
            assert flat(section.title) in text
            assert f"{section.score:g}" in text or f"{section.score:.1f}" in text
    assert "一票否决" in text and "星级封顶1星" in text
    assert data.problems
    for p in data.problems:
        assert flat(p["text"]) in text
        assert p["deadline"] in text
    assert_fonts_embedded(pdf, tmp_path)


def test_more_problems_make_more_pages(sample_db, sample_campaign, tmp_path):
    cid = sample_campaign["id"]
    tid = _township_with_veto(sample_db, cid)
    before = page_count(star_report_pdf(sample_db, cid, tid, SAMPLE_DATE), tmp_path)
    rows = Rows(sample_db, who="测试员")
    for n in range(60):
        add_problem(rows, tid, f"补充发现的第{n + 1}个问题，台账记录不完整", "2026-12-31",
                    campaign_id=cid, found_on="2026-11-20")
    after = page_count(star_report_pdf(sample_db, cid, tid, SAMPLE_DATE), tmp_path)
    assert after > before


def test_a_changed_answer_changes_the_printed_score(sample_db, sample_campaign, tmp_path):
    cid = sample_campaign["id"]
    tid = _township_with_veto(sample_db, cid)
    data = inspection_report(sample_db, cid, tid, SAMPLE_DATE)
    rows = Rows(sample_db, who="测试员")
    sample_db["inspections"].update(data.inspection["id"], {"status": "in_progress"})
    for item in data.veto_items:
        set_answer(rows, data.inspection["id"], item.id, number=0)
    text = flat(pdftotext(star_report_pdf(sample_db, cid, tid, SAMPLE_DATE), tmp_path, "-raw"))
    assert "星级封顶" not in text
    fresh = inspection_report(sample_db, cid, tid, SAMPLE_DATE)
    assert f"{fresh.score.score:.1f}分" in text
