"""整改台账: the columns offices keep, deadlines first set and extended, per campaign/county."""

from __future__ import annotations

import datetime as dt
import json

import openpyxl
from click.testing import CliRunner

from inspector.cli import main
from inspector.reports.ledger import HEADERS, ledger_pdf, ledger_xlsx, scope
from inspector.store.attachments import add_attachment
from inspector.store.follow_up import extend_deadline
from inspector.store.problems import add_problem, apply_action
from inspector.store.rows import Rows
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import assert_fonts_embedded, flat, pdftotext


def test_ledger_columns_and_an_extended_deadline(sample_db, sample_campaign, tmp_path):
    rows = Rows(sample_db, who="测试员")
    town = sample_db.execute(
        "SELECT township_id FROM problems WHERE campaign_id = ? LIMIT 1", [sample_campaign["id"]]
    ).fetchone()[0]
    new = add_problem(
        rows,
        town,
        "党员活动日记录不全",
        "2026-12-15",
        campaign_id=sample_campaign["id"],
        found_on="2026-11-01",
    )
    p = (new["id"], "2026-12-15", new["text"])
    extend_deadline(rows, p[0], "2027-01-31", "需上级审批", "王部长", today=SAMPLE_DATE)
    add_attachment(
        rows, "problems", p[0], b"\xff\xd8photo", filename="整改后.jpg", mime="image/jpeg"
    )
    closed, closed_text = sample_db.execute(
        "SELECT id, text FROM problems WHERE campaign_id = ? AND status = 'rectified' LIMIT 1",
        [sample_campaign["id"]],
    ).fetchone()
    apply_action(rows, closed, "close", today=dt.date(2026, 11, 25))
    out = tmp_path / "台账.xlsx"
    count = ledger_xlsx(sample_db, out, scope(sample_db, sample_campaign["id"], None), SAMPLE_DATE)
    assert (
        count
        == sample_db.execute(
            "SELECT COUNT(*) FROM problems WHERE campaign_id = ? AND deleted = 0",
            [sample_campaign["id"]],
        ).fetchone()[0]
    )
    ws = openpyxl.load_workbook(out).active
    assert "整改台账" in ws["A1"].value and "截至2026年11月20日" in ws["A1"].value
    assert tuple(c.value for c in ws[2]) == HEADERS
    assert HEADERS == (
        "序号",
        "县区",
        "乡镇（街道）",
        "问题",
        "整改措施",
        "责任领导",
        "责任人",
        "整改时限（原定）",
        "整改时限（延期至）",
        "进展",
        "销号日期",
        "佐证",
        "亮灯",
        "延期次数",
        "整改报告",
    )
    body = list(ws.iter_rows(min_row=3, values_only=True))
    assert [r[0] for r in body] == list(range(1, count + 1))
    row = next(r for r in body if r[3] == p[2])
    assert row[7].date().isoformat() == p[1] and row[8].date().isoformat() == "2027-01-31"
    assert row[11].startswith("1 份")
    assert row[12] == "绿" and row[13] == 1  # due 2027-01-31: green on 2026-11-20
    assert "延期1次：2026-12-15→2027-01-31（需上级审批，王部长批准）" in row[9]
    fills = {r[12].value: r[12].fill.fgColor.rgb for r in ws.iter_rows(min_row=3) if r[12].value}
    assert fills["红"].endswith("F4B6B6") and fills["绿"].endswith("C6E0B4")
    done = next(r for r in body if r[3] == closed_text)
    assert done[10].date() == dt.date(2026, 11, 25) and done[9].startswith("已销号")
    assert any("已逾期" in r[9] for r in body)
    assert ws.print_title_rows in ("2:2", "$2:$2")


def test_ledger_pdf_for_one_county(sample_db, sample_campaign, tmp_path):
    where = scope(sample_db, sample_campaign["id"], "岱山县")
    pdf = ledger_pdf(sample_db, where, SAMPLE_DATE)
    text = flat(pdftotext(pdf, tmp_path))
    assert "岱山县整改台账" in text and "定海区" not in text.split("整改台账", 1)[1]
    assert "整改时限（延期至）" in text and "亮灯" in text and "延期次数" in text
    assert_fonts_embedded(pdf, tmp_path)


def test_cli_writes_the_ledger_by_extension(sample_db_path, tmp_path):
    runner = CliRunner()
    out = tmp_path / "all.xlsx"
    result = runner.invoke(
        main,
        [
            "--db",
            str(sample_db_path),
            "report",
            "ledger",
            "--out",
            str(out),
            "--date",
            "2026-11-20",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "整改台账 全部督查批次" in result.output and out.read_bytes()[:2] == b"PK"
    bad = runner.invoke(
        main,
        [
            "--db",
            str(sample_db_path),
            "report",
            "ledger",
            "--county",
            "无此县",
            "--out",
            str(tmp_path / "x.pdf"),
        ],
    )
    assert bad.exit_code == 1 and "no county 无此县" in bad.output
    assert not (tmp_path / "x.pdf").exists()


def test_the_ledger_says_whether_each_notice_was_reported_back(
    sample_db, sample_campaign, tmp_path
):
    from inspector.store.session import Session

    session = Session(sample_db, who="测试员")
    noticed = list(
        sample_db.query(
            "SELECT n.id, n.issued_on, n.problem_ids FROM notices n WHERE n.campaign_id = ? "
            "AND n.deleted = 0 ORDER BY n.seq",
            [sample_campaign["id"]],
        )
    )
    assert len(noticed) >= 2
    received, waiting = noticed[0], noticed[1]
    day = dt.date.fromisoformat(received["issued_on"][:10]) + dt.timedelta(days=20)
    session.notices.report_back(received["id"], day)
    out = tmp_path / "台账.xlsx"
    ledger_xlsx(sample_db, out, scope(sample_db, sample_campaign["id"], None), SAMPLE_DATE)
    ws = openpyxl.load_workbook(out).active
    assert ws[2][-1].value == "整改报告"
    body = list(ws.iter_rows(min_row=3, values_only=True))
    by_text = {(r[2], r[3]): r for r in body}

    def texts(notice):
        ids = json.loads(notice["problem_ids"])
        return [
            tuple(r)
            for r in sample_db.execute(
                "SELECT t.name, p.text FROM problems p JOIN townships t ON t.id = p.township_id "
                f"WHERE p.id IN ({','.join('?' * len(ids))})",
                ids,
            )
        ]

    assert {by_text[t][-1] for t in texts(received)} == {f"已报送（{day.isoformat()}）"}
    assert {by_text[t][-1] for t in texts(waiting)} == {"未报送"}
    loose = sample_db.execute(
        "SELECT t.name, p.text FROM problems p JOIN townships t ON t.id = p.township_id "
        "WHERE p.campaign_id = ? AND p.notice_id IS NULL AND p.deleted = 0 LIMIT 1",
        [sample_campaign["id"]],
    ).fetchone()
    assert loose is not None
    assert by_text[tuple(loose)][-1] in ("", None)
    pdf = ledger_pdf(sample_db, scope(sample_db, sample_campaign["id"], None), SAMPLE_DATE)
    assert f"已报送（{day.isoformat()}）" in flat(pdftotext(pdf, tmp_path))
