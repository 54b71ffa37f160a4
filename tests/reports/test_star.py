"""The 督查情况反馈表 holds what the township signs for, in embedded fonts."""

from __future__ import annotations

from inspector.core.scoring import star_text
from inspector.reports.star import star_report_pdf
from inspector.store.inspections import set_answer
from inspector.store.problems import add_problem
from inspector.store.report_data import inspection_report
from inspector.store.rows import Rows
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import assert_fonts_embedded, flat, page_count, pdftotext, text_lines


def _township_with_veto(db, campaign_id):
    return db.execute(
        "SELECT i.township_id FROM inspections i JOIN scores s ON s.inspection_id = i.id "
        "WHERE i.campaign_id = ? AND s.veto_failed != '[]' LIMIT 1",
        [campaign_id],
    ).fetchone()[0]


def test_feedback_form_holds_scores_stars_and_problems(sample_db, sample_campaign, tmp_path):
    cid = sample_campaign["id"]
    tid = _township_with_veto(sample_db, cid)
    data = inspection_report(sample_db, cid, tid, SAMPLE_DATE)
    pdf = star_report_pdf(sample_db, cid, tid, SAMPLE_DATE)
    text = flat(pdftotext(pdf, tmp_path, "-raw"))
    assert "督查情况反馈表" in text
    for needle in (
        data.township["name"],
        data.township["county"],
        sample_campaign["name"],
        data.inspection["team"],
        f"{data.score.score:.1f}分",
        star_text(data.score.stars),
        "督导组成员签字",
        "乡镇（街道）负责人签字",
    ):
        assert flat(needle) in text, needle
    vetoed = {i.section_id for i in data.veto_items}
    for section in data.score.sections:
        if section.items:
            assert flat(section.title) in text
            if section.section_id not in vetoed:
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
        add_problem(
            rows,
            tid,
            f"补充发现的第{n + 1}个问题，台账记录不完整",
            "2026-12-31",
            campaign_id=cid,
            found_on="2026-11-20",
        )
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


def _clean_township(db, campaign_id):
    return db.execute(
        "SELECT i.township_id FROM inspections i WHERE i.campaign_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM problems p WHERE p.township_id = i.township_id AND p.deleted = 0)",
        [campaign_id],
    ).fetchone()[0]


def test_a_township_without_problems_is_not_asked_to_rectify(sample_db, sample_campaign, tmp_path):
    cid = sample_campaign["id"]
    text = flat(
        pdftotext(
            star_report_pdf(sample_db, cid, _clean_township(sample_db, cid), SAMPLE_DATE), tmp_path
        )
    )
    assert "本次督查未发现" in text
    assert "逐项整改" not in text and "书面报告整改情况" not in text


def test_the_subtitle_names_the_forms_edition_not_a_campaign_year(
    sample_db, sample_campaign, tmp_path
):
    cid = sample_campaign["id"]
    text = flat(
        pdftotext(
            star_report_pdf(sample_db, cid, _township_with_veto(sample_db, cid), SAMPLE_DATE),
            tmp_path,
        )
    )
    assert "（2017年）" not in text and "督查表（2017年版）" in text


def test_a_failed_veto_section_says_vetoed_not_a_percentage(sample_db, sample_campaign, tmp_path):
    cid = sample_campaign["id"]
    tid = _township_with_veto(sample_db, cid)
    data = inspection_report(sample_db, cid, tid, SAMPLE_DATE)
    section = next(s for s in data.score.sections if s.section_id == data.veto_items[0].section_id)
    lines = [
        ln
        for page in text_lines(star_report_pdf(sample_db, cid, tid, SAMPLE_DATE), tmp_path)
        for ln in page
    ]
    title = next(ln for ln in lines if ln[4] == flat(section.title))
    row = [ln[4] for ln in lines if abs(ln[1] - title[1]) < 3 and ln is not title]
    assert "否决" in row and "100" not in row, row


def test_the_problem_list_says_as_of_when_and_what_each_item_is(
    sample_db, sample_campaign, tmp_path
):
    cid = sample_campaign["id"]
    tid = _township_with_veto(sample_db, cid)
    data = inspection_report(sample_db, cid, tid, SAMPLE_DATE)
    text = flat(pdftotext(star_report_pdf(sample_db, cid, tid, SAMPLE_DATE), tmp_path))
    assert "整改状态及是否逾期截至2026年11月20日" in text
    p = next(p for p in data.problems if p["item_id"])
    item_text = data.form.item(p["item_id"]).text
    assert flat(p["item_id"] + item_text[:8]) in text


def test_feedback_form_of_an_unfinished_checklist_says_the_rating_is_provisional(
    sample_db, sample_campaign, tmp_path
):
    from inspector.store.inspections import set_status

    cid = sample_campaign["id"]
    tid = _township_with_veto(sample_db, cid)
    done = flat(pdftotext(star_report_pdf(sample_db, cid, tid, SAMPLE_DATE), tmp_path, "-raw"))
    assert "暂评" not in done
    iid = inspection_report(sample_db, cid, tid, SAMPLE_DATE).inspection["id"]
    set_status(Rows(sample_db), iid, False)
    set_answer(Rows(sample_db), iid, "P01", verdict=None)
    text = flat(pdftotext(star_report_pdf(sample_db, cid, tid, SAMPLE_DATE), tmp_path, "-raw"))
    assert flat("已查 38 项，共 39 项。督查未完成，得分和星级为暂评，不参加排名。") in text


def _two_attachments(db, campaign_id, tmp_path):
    """A scan (captioned) on P01 and a photo on P03 of one inspection, attached P03 first."""
    import os

    from inspector.store.attachments import add_file, set_caption
    from inspector.store.inspections import set_answer as answer

    tid, iid = db.execute(
        "SELECT township_id, id FROM inspections WHERE campaign_id = ? LIMIT 1", [campaign_id]
    ).fetchone()
    db.execute("UPDATE inspections SET status = 'in_progress' WHERE id = ?", [iid])
    rows = Rows(db, who="测试员")
    scan = tmp_path / "党委会议记录.pdf"
    scan.write_bytes(b"%PDF-1.4 not much of a scan")
    os.utime(scan, (1505203200, 1505203200))  # 2017-09-12 local-ish; printed as stored
    photo = tmp_path / "IMG_0042.jpg"
    photo.write_bytes(b"\xff\xd8 damaged")
    os.utime(photo, (1505289600, 1505289600))
    later = answer(rows, iid, "P03")
    first = answer(rows, iid, "P01")
    a = add_file(rows, "answers", later["id"], photo)
    b = add_file(rows, "answers", first["id"], scan)
    set_caption(rows, b["id"], "2017年党委会议记录扫描件")
    return tid, a, b


def test_feedback_form_lists_each_items_evidence_with_caption_and_time(
    sample_db, sample_campaign, tmp_path
):
    cid = sample_campaign["id"]
    tid, a, b = _two_attachments(sample_db, cid, tmp_path)
    data = inspection_report(sample_db, cid, tid, SAMPLE_DATE)
    assert [e["filename"] for e in data.evidence] == ["党委会议记录.pdf", "IMG_0042.jpg"]
    text = flat(pdftotext(star_report_pdf(sample_db, cid, tid, SAMPLE_DATE), tmp_path, "-raw"))
    assert "三、佐证材料（2份）" in text
    assert flat("党委会议记录.pdf 2017年党委会议记录扫描件") in text
    assert flat(f"{b['taken_at'][:10]} {b['taken_at'][11:16]}") in text
    assert "IMG_0042.jpg" in text and a["taken_at"][:10] in text
    assert text.index("党委会议记录.pdf") < text.index("IMG_0042.jpg")  # the form's order


def test_feedback_form_in_word_lists_the_same_evidence(sample_db, sample_campaign, tmp_path):
    import io

    import docx

    from inspector.reports.star import star_docx

    cid = sample_campaign["id"]
    tid, a, b = _two_attachments(sample_db, cid, tmp_path)
    document = docx.Document(io.BytesIO(star_docx(sample_db, cid, tid, SAMPLE_DATE)))
    paragraphs = [p.text for p in document.paragraphs]
    assert "三、佐证材料（2 份）" in paragraphs
    listed = [
        [cell.text for cell in row.cells]
        for table in document.tables
        if table.rows[0].cells[0].text == "序号" and table.rows[0].cells[-1].text == "拍摄时间"
        for row in table.rows[1:]
    ]
    assert [row[2:] for row in listed] == [
        [
            "党委会议记录.pdf",
            "2017年党委会议记录扫描件",
            f"{b['taken_at'][:10]} {b['taken_at'][11:16]}",
        ],
        ["IMG_0042.jpg", "—", f"{a['taken_at'][:10]} {a['taken_at'][11:16]}"],
    ]
    assert listed[0][1].startswith("P01 ") and listed[1][1].startswith("P03 ")
    heads = [p for p in paragraphs if "、" in p[:2]]
    assert heads[-1] == "三、佐证材料（2 份）"  # after the problems, as in the PDF
