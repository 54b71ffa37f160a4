"""The notice's wording: the township's own party body, numbers kept whole on a line,
a report-back date that makes sense, and the closing without a contact person."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from click.testing import CliRunner

from inspector.cli import main
from inspector.reports.fonts import report_fonts
from inspector.reports.gridtext import break_lines
from inspector.reports.issue import ReportError, issue_notice_pdf, notice_for_township
from inspector.reports.notice import BLOCK_W, BODY_SIZE
from inspector.reports.pdfdoc import char_width
from inspector.store import settings
from inspector.store.db import open_db
from inspector.store.report_data import unnoticed_open_problems
from inspector.store.rows import Rows
from tests.reports.conftest import flat, pdftotext
from tests.reports.test_notice import _words

MM = 72 / 25.4
ISSUED = dt.date(2026, 11, 20)
DIGIT = "0123456789０１２３４５６７８９"


def _pending_of_kind(db, campaign_id: str, kind: str) -> str:
    row = db.execute(
        "SELECT p.township_id FROM problems p JOIN townships t ON t.id = p.township_id "
        "WHERE p.campaign_id = ? AND t.kind = ? AND p.notice_id IS NULL "
        "AND p.status IN ('open', 'rectifying') GROUP BY p.township_id "
        "ORDER BY COUNT(*) DESC, t.name LIMIT 1",
        [campaign_id, kind],
    ).fetchone()
    assert row is not None, f"the sample data has no {kind} with open problems"
    return row[0]


def _notice_text(db, campaign_id: str, township_id: str, tmp_path, *args: str) -> str:
    outcome = notice_for_township(
        Rows(db, who="测试员"), campaign_id, township_id, issued_on=ISSUED
    )
    assert outcome.issued
    return pdftotext(outcome.pdf, tmp_path, *args)


@pytest.mark.parametrize(
    ("kind", "body"), [("街道", "你街道党工委"), ("镇", "你镇党委"), ("乡", "你乡党委")]
)
def test_the_notice_names_the_townships_own_party_body(
    sample_db, sample_campaign, tmp_path, kind, body
):
    tid = _pending_of_kind(sample_db, sample_campaign["id"], kind)
    text = flat(_notice_text(sample_db, sample_campaign["id"], tid, tmp_path))
    assert f"（一）{body}要高度重视" in re.sub(r"—\d+—", "", text)
    assert "（工）" not in text and "(工)" not in text
    others = {"你街道党工委", "你镇党委", "你乡党委"} - {body}
    assert not any(o in text for o in others)


def _assert_numbers_whole(lines: list[str]) -> None:
    """No line ends inside a number, nor leaves a number's 年/月/日/号 to the next line."""
    for before, after in itertools.pairwise(lines):
        if before and after and before[-1] in DIGIT:
            assert after[0] not in DIGIT + "年月日号", (before, after)
        assert not before.endswith("〔"), (before, after)
        if before and before[-1] in DIGIT + "〔〕":
            assert not re.match(r"[0-9]*〕|[0-9]+号", after), (before, after)


def _sweep() -> list[str]:
    """Texts that put a date, a phone number and a 文号 at every place of a line."""
    tail = (
        "按舟组督〔2026〕12号文件要求，原定2026年11月20日前完成整改，"
        "联系电话0580-2280000，完成率达到85.5%。"
    )
    return ["党" * k + tail for k in range(30)]


def test_the_line_breaker_never_splits_a_number_or_a_doc_number():
    font = report_fonts().fangsong
    for text in _sweep():
        for indent in (0.0, 2 * BODY_SIZE):
            lines = break_lines(text, font, BODY_SIZE, BLOCK_W, indent)
            assert "".join(lines) == text
            _assert_numbers_whole(lines)
            assert any("舟组督〔2026〕12号" in line for line in lines), lines
            assert any("0580-2280000" in line for line in lines), lines
            for n, line in enumerate(lines):
                width = sum(char_width(ch, font, BODY_SIZE) for ch in line)
                width += indent if n == 0 else 0
                assert width <= BLOCK_W + 0.01, line


def test_a_run_wider_than_a_line_still_breaks():
    font = report_fonts().fangsong
    lines = break_lines("1" * 200, font, BODY_SIZE, BLOCK_W)
    assert len(lines) > 1 and "".join(lines) == "1" * 200


def test_the_printed_notice_keeps_numbers_on_one_line(sample_db, sample_campaign, tmp_path):
    tid = _pending_of_kind(sample_db, sample_campaign["id"], "镇")
    pending = unnoticed_open_problems(sample_db, sample_campaign["id"], tid)
    texts = _sweep()
    for n, pid in enumerate(pending):
        sample_db["problems"].update(pid, {"text": texts[(n * 7) % len(texts)]})
    outcome = notice_for_township(
        Rows(sample_db, who="测试员"), sample_campaign["id"], tid, issued_on=ISSUED
    )
    raw = pdftotext(outcome.pdf, tmp_path)
    lines = [re.sub(r"\s+", "", line) for line in raw.splitlines()]
    lines = [line for line in lines if line and not re.fullmatch(r"—\d+—", line)]
    _assert_numbers_whole(lines)
    assert sum("舟组督〔2026〕12号" in line for line in lines) >= len(pending)
    # Every line still inside the 156 mm text block.
    for _width, _height, words in _words(outcome.pdf, tmp_path):
        body = [w for w in words if not re.fullmatch(r"—|\d+", w[4])]
        assert max(w[2] for w in body) <= (28 + 156) * MM + 0.5


def test_no_line_of_the_sample_notices_splits_a_number(sample_db, sample_campaign, tmp_path):
    rows = Rows(sample_db, who="测试员")
    towns = [
        r[0]
        for r in sample_db.execute(
            "SELECT DISTINCT township_id FROM problems WHERE campaign_id = ? AND notice_id IS NULL "
            "AND status IN ('open', 'rectifying') ORDER BY township_id LIMIT 8",
            [sample_campaign["id"]],
        )
    ]
    for tid in towns:
        pdf = notice_for_township(rows, sample_campaign["id"], tid, issued_on=ISSUED).pdf
        for args in ((), ("-layout",)):
            lines = [re.sub(r"\s+", "", x) for x in pdftotext(pdf, tmp_path, *args).splitlines()]
            _assert_numbers_whole([x for x in lines if x and not re.fullmatch(r"—\d+—", x)])


def _latest_deadline(db, ids: list[str]) -> str:
    marks = ",".join("?" * len(ids))
    return db.execute(f"SELECT MAX(deadline) FROM problems WHERE id IN ({marks})", ids).fetchone()[
        0
    ][:10]


def test_a_report_back_date_before_the_issue_date_is_refused(sample_db, sample_campaign):
    rows = Rows(sample_db, who="测试员")
    tid = _pending_of_kind(sample_db, sample_campaign["id"], "街道")
    ids = unnoticed_open_problems(sample_db, sample_campaign["id"], tid)
    before = sample_db["notices"].count, sample_db["attachments"].count
    with pytest.raises(ReportError, match="before the issue date 2026-11-20"):
        issue_notice_pdf(
            rows,
            tid,
            ids,
            campaign_id=sample_campaign["id"],
            deadline="2026-11-01",
            issued_on=ISSUED,
        )
    assert (sample_db["notices"].count, sample_db["attachments"].count) == before
    assert unnoticed_open_problems(sample_db, sample_campaign["id"], tid) == ids


def test_a_report_back_date_before_a_problem_deadline_is_refused(sample_db, sample_campaign):
    rows = Rows(sample_db, who="测试员")
    tid = _pending_of_kind(sample_db, sample_campaign["id"], "镇")
    ids = unnoticed_open_problems(sample_db, sample_campaign["id"], tid)
    sample_db["problems"].update(ids[0], {"deadline": "2026-12-20"})
    latest = _latest_deadline(sample_db, ids)
    assert latest == "2026-12-20"
    before = sample_db["notices"].count
    with pytest.raises(ReportError, match=latest) as caught:
        issue_notice_pdf(
            rows,
            tid,
            ids,
            campaign_id=sample_campaign["id"],
            deadline="2026-12-10",
            issued_on=ISSUED,
        )
    assert "\n" not in str(caught.value)
    assert sample_db["notices"].count == before
    notice, _pdf = issue_notice_pdf(
        rows, tid, ids, campaign_id=sample_campaign["id"], deadline=latest, issued_on=ISSUED
    )
    assert notice["deadline"] == latest


def test_the_cli_refuses_a_past_report_back_date(sample_db_path, tmp_path):
    db = open_db(sample_db_path)
    cid = db.execute("SELECT id FROM campaigns ORDER BY starts_on DESC").fetchone()[0]
    tid = _pending_of_kind(db, cid, "街道")
    town = db["townships"].get(tid)["name"]
    before = db["notices"].count
    db.close()
    out = tmp_path / "n.pdf"
    result = CliRunner().invoke(
        main,
        [
            "--db",
            str(sample_db_path),
            "report",
            "notice",
            "--campaign",
            cid,
            "--township",
            town,
            "--out",
            str(out),
            "--deadline",
            "2026-11-01",
            "--date",
            "2026-11-27",
        ],
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "2026-11-01" in lines[0] and "2026-11-27" in lines[0]
    assert not out.exists()
    db = open_db(sample_db_path)
    assert db["notices"].count == before
    db.close()


def test_without_a_contact_the_closing_goes_straight_to_the_signature(
    sample_db, sample_campaign, tmp_path
):
    settings.put(sample_db, "contact", "")
    tid = _pending_of_kind(sample_db, sample_campaign["id"], "镇")
    text = flat(
        re.sub(r"—\s*\d+\s*—", "", _notice_text(sample_db, sample_campaign["id"], tid, tmp_path))
    )
    assert "联系人" not in text and "联系电话" not in text
    assert re.search(
        r"（三）对整改不力、逾期未完成整改的，将视情予以约谈、通报。"
        r"中共舟山市委组织部2026年11月20日抄送：",
        text,
    ), text[-120:]
