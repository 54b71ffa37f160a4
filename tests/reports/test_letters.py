"""督办单 for red-light problems and 约谈通知 for the 约谈 list, numbered, official layout."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from inspector.cli import main
from inspector.reports.issue import ReportError
from inspector.reports.letters import interview_pdf, supervise_pdf
from inspector.store.ranking import campaign_ranking
from inspector.store.report_data import overdue_by_township
from tests.reports.conftest import assert_fonts_embedded, flat, pdftotext
from tests.reports.test_notice_geometry import _strokes

DAY = dt.date(2026, 11, 27)


def test_one_supervision_order_per_township_with_red_light_problems(
    sample_db, sample_campaign, tmp_path
):
    overdue = overdue_by_township(sample_db, sample_campaign["id"], DAY)
    towns = list(dict.fromkeys(p["township"] for p in overdue))
    numbers, pdf = supervise_pdf(sample_db, sample_campaign["id"], DAY)
    assert numbers == [f"舟组督办〔2026〕{n}号" for n in range(1, len(towns) + 1)]
    text = flat(pdftotext(pdf, tmp_path))
    for town, number in zip(towns, numbers, strict=True):
        assert f"{number}关于{town}逾期未整改问题的督办单" in text
    for p in overdue:
        assert p["deadline"][:10] in text
    assert "请于2026年12月4日前将整改情况和佐证材料书面报送" in text
    assert_fonts_embedded(pdf, tmp_path)
    red = [r for r in _strokes(pdf, 0) if r["colour"][0] > 0.8 and r["colour"][1] < 0.2]
    assert len(red) == 1  # the red rule under the 文号
    again, _ = supervise_pdf(sample_db, sample_campaign["id"], DAY)
    assert again[0] == f"舟组督办〔2026〕{len(towns) + 1}号"


def test_nothing_overdue_is_refused_with_the_date(sample_db, sample_campaign):
    with pytest.raises(ReportError, match="2026-01-01"):
        supervise_pdf(sample_db, sample_campaign["id"], dt.date(2026, 1, 1))


def test_interview_notices_for_the_interview_list(sample_db, sample_campaign, tmp_path):
    listed = [r for r in campaign_ranking(sample_db, sample_campaign["id"]) if r.interview]
    numbers, pdf = interview_pdf(
        sample_db, sample_campaign["id"], DAY, on=dt.date(2026, 12, 3), place="市委组织部三楼会议室"
    )
    assert len(numbers) == len(listed) and numbers[0] == "舟组谈〔2026〕1号"
    text = flat(pdftotext(pdf, tmp_path))
    for r in listed:
        assert f"约谈{r.entry.township}" in text and f"排名第{r.rank}位" in text
    assert "定于2026年12月3日在市委组织部三楼会议室约谈" in text
    with pytest.raises(ReportError, match="before"):
        interview_pdf(sample_db, sample_campaign["id"], DAY, on=dt.date(2026, 11, 1), place="x")


def test_cli_letters(sample_db_path, tmp_path):
    runner = CliRunner()
    base = ["--db", str(sample_db_path), "report"]
    name = "2026年第四季度基层党建专项督查（示例）"
    ok = runner.invoke(
        main,
        [
            *base,
            "supervise",
            "--campaign",
            name,
            "--out",
            str(tmp_path / "s.pdf"),
            "--date",
            "2026-11-27",
        ],
    )
    assert ok.exit_code == 0 and "督办单, 舟组督办〔2026〕1号" in ok.output, ok.output
    bad = runner.invoke(
        main,
        [
            *base,
            "interview",
            "--campaign",
            name,
            "--township",
            "白泉镇",
            "--out",
            str(tmp_path / "i.pdf"),
            "--on",
            "2026-12-03",
            "--place",
            "会议室",
            "--date",
            "2026-11-27",
        ],
    )
    assert bad.exit_code == 1 and "not on the interview list" in bad.output


def _enrol_as(db, role: str) -> None:
    from inspector.store import settings
    from inspector.store.devices import replace_roster

    with db.atomic():
        replace_roster(
            db,
            [
                {
                    "device_id": settings.device_id(db),
                    "name": "本机",
                    "role": role,
                    "signing_key": "k",
                    "encryption_key": "e",
                    "enrolled_at": "2026-01-01T00:00:00Z",
                    "revoked_at": None,
                }
            ],
        )


@pytest.mark.parametrize(
    "args",
    [
        ["bulletin"],
        ["bulletin", "--number", "3"],
        ["bulletin", "--format", "docx"],
        ["supervise"],
        ["interview", "--on", "2026-12-01", "--place", "会议室"],
    ],
)
def test_an_inspector_laptop_numbers_no_bulletin_supervision_or_interview(
    sample_db_path, tmp_path, args
):
    """Their counters do not sync: only headquarters numbers them, so no two computers
    print the same 文号. An inspector laptop is told so and nothing is written."""
    from inspector.store.db import open_db

    db = open_db(sample_db_path)
    _enrol_as(db, "inspector")
    cid = db.execute("SELECT id FROM campaigns ORDER BY starts_on DESC").fetchone()[0]
    before = db.execute("SELECT key, value FROM settings WHERE key LIKE '%_last_%'").fetchall()
    db.close()
    out = tmp_path / "paper.pdf"
    result = CliRunner().invoke(
        main,
        [
            "--db",
            str(sample_db_path),
            "report",
            args[0],
            "--campaign",
            cid,
            "--out",
            str(out),
            "--date",
            "2026-11-20",
            *args[1:],
        ],
    )
    assert result.exit_code == 1, result.output
    assert "only headquarters numbers the" in result.output
    assert "Traceback" not in result.output and not out.exists()
    db = open_db(sample_db_path)
    assert (
        db.execute("SELECT key, value FROM settings WHERE key LIKE '%_last_%'").fetchall() == before
    )
    _enrol_as(db, "hq")
    db.close()
    again = CliRunner().invoke(
        main,
        [
            "--db",
            str(sample_db_path),
            "report",
            args[0],
            "--campaign",
            cid,
            "--out",
            str(out),
            "--date",
            "2026-11-20",
            *args[1:],
        ],
    )
    assert again.exit_code == 0, again.output
