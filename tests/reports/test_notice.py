"""The 整改通知书: GB/T 9704 geometry, the archive of the issued bytes, reproducibility."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from inspector.reports.issue import (
    ReportError,
    issue_notice_pdf,
    notice_bytes,
    notice_for_township,
)
from inspector.reports.notice import notice_pdf
from inspector.store import settings
from inspector.store.attachments import read_bytes
from inspector.store.report_data import unnoticed_open_problems
from inspector.store.rows import Rows
from tests.reports.conftest import assert_fonts_embedded, flat, pdftotext

MM = 72 / 25.4
ISSUED = dt.date(2026, 11, 20)


def _pending_township(db, campaign_id: str) -> str:
    return db.execute(
        "SELECT township_id FROM problems WHERE campaign_id = ? AND notice_id IS NULL "
        "AND status IN ('open', 'rectifying') GROUP BY township_id ORDER BY COUNT(*) DESC "
        "LIMIT 1",
        [campaign_id],
    ).fetchone()[0]


@pytest.fixture
def issued(sample_db, sample_campaign):
    rows = Rows(sample_db, who="测试员")
    settings.put(sample_db, "contact", "组织一处 王建国，电话 0580-2280000")
    tid = _pending_township(sample_db, sample_campaign["id"])
    outcome = notice_for_township(rows, sample_campaign["id"], tid, issued_on=ISSUED)
    return rows, tid, outcome


def _words(data: bytes, tmp_path):
    html = pdftotext(data, tmp_path, "-bbox")
    pages = []
    for page in re.findall(
        r"<page width=\"([\d.]+)\" height=\"([\d.]+)\">(.*?)</page>", html, re.S
    ):
        words = [
            (float(a), float(b), float(c), float(d), w)
            for a, b, c, d, w in re.findall(
                r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page[2]
            )
        ]
        pages.append((float(page[0]), float(page[1]), words))
    return pages


def test_notice_page_geometry_follows_gb_t_9704(issued, tmp_path):
    _rows, _tid, outcome = issued
    pages = _words(outcome.pdf, tmp_path)
    assert len(pages) >= 2  # the sample township's problems fill more than a page
    for n, (width, height, words) in enumerate(pages, 1):
        assert abs(width - 210 * MM) < 1 and abs(height - 297 * MM) < 1  # A4
        body = [w for w in words if not re.fullmatch(r"—|\d+", w[4])]
        assert min(w[0] for w in body) >= 28 * MM - 0.5
        assert max(w[2] for w in body) <= (28 + 156) * MM + 0.5
        assert min(w[1] for w in body) >= 37 * MM - 0.5
        assert max(w[3] for w in body) <= (37 + 225) * MM + 0.5
        number = [w for w in words if w[4] == str(n)]
        assert number and number[0][1] > (37 + 225) * MM  # "— n —" under the text block


def test_notice_reads_like_a_rectification_notice(issued, sample_db, tmp_path):
    _rows, _tid, outcome = issued
    notice = outcome.notice
    text = flat(pdftotext(outcome.pdf, tmp_path))
    assert text.startswith("中共舟山市委组织部" + notice["doc_number"])
    assert f"{notice['addressee']}：" in text
    assert "基层党建工作督查发现问题整改的通知" in text
    assert "书面报告" in text and "佐证材料" in text
    # 署名 and 成文日期, then the 附注 (contact), then the 版记 closing the document.
    assert re.sub(r"—\d+—$", "", text).endswith(
        "中共舟山市委组织部2026年11月20日（联系人：组织一处王建国，电话0580-2280000）"
        "抄送：中共定海区委组织部。中共舟山市委组织部2026年11月20日印发"
    )
    ids = json.loads(notice["problem_ids"])
    problems = [sample_db["problems"].get(i) for i in ids]
    running = re.sub(r"—\d+—", "", text)  # page numbers fall inside a paragraph split
    for n, p in enumerate(problems[:9]):
        assert "（" + "一二三四五六七八九"[n] + "）" + flat(p["text"]).rstrip("。") in running
    assert notice["deadline"] > ISSUED.isoformat()  # report-back date never in the past
    assert_fonts_embedded(outcome.pdf, tmp_path)


def test_issuing_archives_exactly_the_bytes_written(issued, sample_db):
    rows, tid, outcome = issued
    assert outcome.issued
    notice = sample_db["notices"].get(outcome.notice["id"])
    att = sample_db["attachments"].get(notice["attachment_id"])
    assert att["owner_table"] == "notices" and att["owner_id"] == notice["id"]
    assert att["mime"] == "application/pdf"
    assert read_bytes(sample_db, att["sha256"]) == outcome.pdf
    assert unnoticed_open_problems(sample_db, notice["campaign_id"], tid) == []
    again = notice_for_township(rows, notice["campaign_id"], tid, issued_on=ISSUED)
    assert not again.issued and again.notice["id"] == notice["id"]
    assert again.pdf == outcome.pdf


def test_same_data_and_date_give_the_same_bytes(issued, sample_db):
    _rows, _tid, outcome = issued
    assert notice_pdf(sample_db, outcome.notice["id"]) == outcome.pdf
    assert notice_pdf(sample_db, outcome.notice["id"]) == outcome.pdf


def test_a_notice_without_archive_is_rendered_again(issued, sample_db):
    _rows, _tid, outcome = issued
    notice = dict(outcome.notice, attachment_id=None)
    assert notice_bytes(sample_db, notice) == outcome.pdf


def test_a_failed_render_leaves_no_notice(sample_db, sample_campaign, monkeypatch):
    rows = Rows(sample_db, who="测试员")
    tid = _pending_township(sample_db, sample_campaign["id"])
    before = sample_db["notices"].count

    def broken(*_a, **_k):
        raise RuntimeError("disk full")

    monkeypatch.setattr("inspector.reports.issue.notice_pdf", broken)
    with pytest.raises(RuntimeError):
        issue_notice_pdf(
            rows,
            tid,
            unnoticed_open_problems(sample_db, sample_campaign["id"], tid),
            campaign_id=sample_campaign["id"],
            issued_on=ISSUED,
        )
    assert sample_db["notices"].count == before
    assert unnoticed_open_problems(sample_db, sample_campaign["id"], tid)


def test_a_township_without_problems_gets_a_clear_message(sample_db, sample_campaign):
    rows = Rows(sample_db, who="测试员")
    clean = sample_db.execute(
        "SELECT i.township_id FROM inspections i WHERE i.campaign_id = ? AND NOT EXISTS "
        "(SELECT 1 FROM problems p WHERE p.township_id = i.township_id)",
        [sample_campaign["id"]],
    ).fetchone()
    assert clean is not None
    with pytest.raises(ReportError, match="no problems"):
        notice_for_township(rows, sample_campaign["id"], clean[0], issued_on=ISSUED)


def test_the_first_heading_starts_on_page_one_with_text_after_it(issued, tmp_path):
    """A heading moves on only when it and two lines after it do not fit: page 1 is filled,
    not left a paragraph short, and never ends on the heading."""
    _rows, _tid, outcome = issued
    first = pdftotext(outcome.pdf, tmp_path, "-f", "1", "-l", "1").split("\f")[0]
    lines = [line.strip() for line in first.splitlines() if line.strip()]
    assert "一、存在问题及整改要求" in lines
    after = lines[lines.index("一、存在问题及整改要求") + 1 :]
    assert after[0].startswith("（一）") and len([x for x in after if "—" not in x]) >= 2
