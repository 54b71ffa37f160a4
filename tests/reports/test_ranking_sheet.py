"""排名表 on paper and in a spreadsheet: what the ranking tab shows, one county or all."""

from __future__ import annotations

import openpyxl
from click.testing import CliRunner

from inspector.cli import main
from inspector.reports.ranking_sheet import ranking_pdf, ranking_xlsx
from inspector.store.catalog import find_township
from inspector.store.ranking_table import ranking_table
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import flat, pdftotext
from tests.store.test_ranking_table import answer_all, later_campaign


def _county_id(db, name: str) -> str:
    return db.execute("SELECT id FROM counties WHERE name = ?", [name]).fetchone()[0]


def test_the_sheet_holds_one_countys_rows_with_change_and_unranked(
    sample_db, sample_campaign, tmp_path
):
    rows, campaign = later_campaign(sample_db)
    answer_all(rows, campaign["id"], "白泉镇", "full")
    answer_all(rows, campaign["id"], "盐仓街道", "full", skip=2)
    county = find_township(sample_db, "白泉镇")["county_id"]
    table = ranking_table(sample_db, campaign["id"])
    change = next(r.change for r in table.rows if r.township == "白泉镇")
    path = tmp_path / "r.xlsx"
    assert ranking_xlsx(sample_db, campaign["id"], path, SAMPLE_DATE, county) == 2
    sheet = openpyxl.load_workbook(path).active
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=3)]
    by_town = {v[3]: v for v in values}
    assert set(by_town) == {"白泉镇", "盐仓街道"}
    assert by_town["白泉镇"][0] == "1"
    assert by_town["白泉镇"][5] == "★★★★★"
    expected = f"↑{change}" if change > 0 else ("—" if change == 0 else f"↓{-change}")
    assert by_town["白泉镇"][7] == expected
    assert by_town["盐仓街道"][0] == "未完成，不排名"
    assert by_town["盐仓街道"][6] == "37/39"
    assert "上一批次" in sheet["A1"].value


def test_the_printed_ranking_marks_interviews_and_the_previous_campaign(
    sample_db, sample_campaign, tmp_path
):
    text = flat(pdftotext(ranking_pdf(sample_db, sample_campaign["id"], SAMPLE_DATE), tmp_path))
    assert f"{sample_campaign['name']}排名表" in text
    # the sample's earlier round on the same form (the one its follow-up round checks)
    assert "与上一批次“2026年第三季度基层党建专项督查（示例·上轮）”相比" in text
    listed = [r for r in ranking_table(sample_db, sample_campaign["id"]).rows if r.interview]
    assert listed and all(r.township in text for r in listed)
    assert text.count("约谈") >= len(listed) + 1  # the column's header and each mark
    county = _county_id(sample_db, "嵊泗县")
    only = flat(
        pdftotext(ranking_pdf(sample_db, sample_campaign["id"], SAMPLE_DATE, county), tmp_path)
    )
    assert "嵊泗县排名表" in only and "定海区" not in only


def test_the_command_writes_the_county_ranking(sample_db_path, sample_campaign, tmp_path):
    out = tmp_path / "ranking.xlsx"
    result = CliRunner().invoke(
        main,
        [
            "--db",
            str(sample_db_path),
            "report",
            "ranking",
            "--campaign",
            sample_campaign["id"],
            "--county",
            "岱山县",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    sheet = openpyxl.load_workbook(out).active
    assert {row[1].value for row in sheet.iter_rows(min_row=3)} == {"岱山县"}
