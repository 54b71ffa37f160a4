"""The township's own verdict printed beside the inspectors': the 反馈表 gets a 自评
column and a comparison of the items apart, the summary the largest gaps."""

from __future__ import annotations

from inspector.core.scoring import Verdict
from inspector.core.self_assessment import SelfAnswer
from inspector.reports.star import star_report_pdf
from inspector.reports.summary import summary_pdf
from inspector.store.catalog import form_for_campaign
from inspector.store.inspections import answer_rows, find_inspection
from inspector.store.rows import Rows
from inspector.store.self_answers import TownshipSheet, campaign_gaps, save_sheets
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import flat, pdftotext


def _failed_township(db, campaign_id):
    """A township whose inspectors found a verdict item 不符合."""
    return db.execute(
        "SELECT i.township_id, a.item_id FROM inspections i JOIN answers a "
        "ON a.inspection_id = i.id WHERE i.campaign_id = ? AND a.verdict = 'fail' "
        "AND a.deleted = 0 ORDER BY i.township_id, a.item_id LIMIT 1",
        [campaign_id],
    ).fetchone()


def _all_full(db, campaign_id, township_id):
    """The township says 符合 to every verdict item and counts 0 on every count item."""
    form = form_for_campaign(db, campaign_id)
    answers = tuple(
        SelfAnswer(i.id, verdict=Verdict.FULL)
        if i.kind == "verdict"
        else SelfAnswer(i.id, number=0.0)
        if i.kind == "number"
        else SelfAnswer(i.id)
        for i in form.items
    )
    sheet = TownshipSheet("t.xlsx", campaign_id, township_id, form.sha256, answers)
    save_sheets(Rows(db, who="测试员"), [sheet])
    return form


def test_the_feedback_form_has_a_self_column_and_the_items_apart(
    sample_db, sample_campaign, tmp_path
):
    cid = sample_campaign["id"]
    tid, failed_item = _failed_township(sample_db, cid)
    before = flat(pdftotext(star_report_pdf(sample_db, cid, tid, SAMPLE_DATE), tmp_path, "-raw"))
    assert "自评" not in before  # no sheet returned: the form is as it was
    form = _all_full(sample_db, cid, tid)
    text = flat(pdftotext(star_report_pdf(sample_db, cid, tid, SAMPLE_DATE), tmp_path, "-raw"))
    assert flat("已查/条目自评") in text
    assert flat("三、自评对照（自评得分100.0分）") in text
    item = form.item(failed_item)
    # the failed item's row: inspectors 不符合, township 符合, the whole of its points apart
    assert flat(f"不符合符合+{item.points:g}") in text
    # and the inspectors' score is untouched by the self-assessment
    inspection = find_inspection(sample_db, cid, tid)
    assert answer_rows(sample_db, inspection["id"])[failed_item]["verdict"] == "fail"


def test_the_summary_lists_the_largest_gaps(sample_db, sample_campaign, tmp_path):
    cid = sample_campaign["id"]
    tid, failed_item = _failed_township(sample_db, cid)
    _all_full(sample_db, cid, tid)
    towns, items = campaign_gaps(sample_db, cid)
    assert len(towns) == 1 and towns[0].self_score == 100.0
    assert towns[0].gap == round(100.0 - towns[0].score, 1) and towns[0].gap > 0
    assert failed_item in {i.item_id for i in items}
    text = flat(pdftotext(summary_pdf(sample_db, cid, SAMPLE_DATE), tmp_path, "-raw"))
    assert flat("七、自评与督查差距") in text
    assert flat(f"{towns[0].township}100.0{towns[0].score:.1f}+{towns[0].gap:.1f}") in text


def test_the_word_feedback_form_carries_the_same_comparison(sample_db, sample_campaign):
    import io

    import docx

    from inspector.reports.star import star_docx

    cid = sample_campaign["id"]
    tid, failed_item = _failed_township(sample_db, cid)
    form = _all_full(sample_db, cid, tid)
    document = docx.Document(io.BytesIO(star_docx(sample_db, cid, tid, SAMPLE_DATE)))
    paragraphs = [p.text for p in document.paragraphs]
    assert "三、自评对照（自评得分 100.0 分）" in paragraphs
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert any(row[-1] == "自评" for row in cells)  # the score table's column
    item = form.item(failed_item)
    assert any(
        row[0].startswith(failed_item) and row[1:] == ["不符合", "符合", f"+{item.points:g}"]
        for row in cells
    )


def test_the_word_summary_carries_the_same_gaps(sample_db, sample_campaign):
    """The Word version of the 汇总 lists the same townships and items as the PDF's section."""
    import io

    import docx

    from inspector.reports.summary import summary_docx

    cid = sample_campaign["id"]
    before = docx.Document(io.BytesIO(summary_docx(sample_db, cid, SAMPLE_DATE)))
    assert not any("自评" in p.text for p in before.paragraphs)  # no sheet: no section
    tid, failed_item = _failed_township(sample_db, cid)
    _all_full(sample_db, cid, tid)
    towns, items = campaign_gaps(sample_db, cid)
    document = docx.Document(io.BytesIO(summary_docx(sample_db, cid, SAMPLE_DATE)))
    paragraphs = [p.text for p in document.paragraphs]
    assert "六、自评与督查差距" in paragraphs
    assert paragraphs.index("六、自评与督查差距") > paragraphs.index("五、逾期未整改问题（按县区）")
    assert any(p.startswith("差距为自评减督查") for p in paragraphs)
    cells = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    town = towns[0]
    assert [
        town.county,
        town.township,
        "100.0",
        f"{town.score:.1f}",
        f"+{town.gap:.1f}",
        str(town.items_apart),
    ] in cells
    failed = next(i for i in items if i.item_id == failed_item)
    assert any(
        row[0].startswith(f"{failed_item} ")
        and row[1:] == [str(failed.compared), str(failed.apart), f"{failed.mean:+.2f}"]
        for row in cells
    )


def test_a_project_campaigns_gap_table_names_project_sites(sample_db):
    """The gap table's column is what the campaign inspects: 项目, not 乡镇（街道）."""
    import io

    import docx

    from inspector.reports.summary import summary_docx

    cid = sample_db.execute(
        "SELECT c.id FROM campaigns c JOIN forms f ON f.id = c.form_id "
        "WHERE f.form_id = 'project-party-building'"
    ).fetchone()[0]
    tid, _item = _failed_township(sample_db, cid)
    _all_full(sample_db, cid, tid)
    document = docx.Document(io.BytesIO(summary_docx(sample_db, cid, SAMPLE_DATE)))
    paragraphs = [p.text for p in document.paragraphs]
    assert "（一）自评与督查得分差距最大的项目" in paragraphs
    headers = [[c.text for c in t.rows[0].cells] for t in document.tables]
    assert ["县区", "项目", "自评得分", "督查得分", "差距", "不一致条目数"] in headers
