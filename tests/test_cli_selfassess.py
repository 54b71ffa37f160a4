"""`inspector selfassess export` and `import`: the round trip a headquarters office runs."""

from __future__ import annotations

import openpyxl
from click.testing import CliRunner

from inspector.cli import main
from inspector.reports.self_sheet import ANSWER_COL, HEADER_ROW, SHEET
from inspector.store.db import open_db


def run(db_path, *args):
    return CliRunner().invoke(main, ["--db", str(db_path), *args])


def _campaign(db_path) -> str:
    db = open_db(db_path)
    try:
        return db.execute("SELECT id FROM campaigns LIMIT 1").fetchone()[0]
    finally:
        db.close()


def _self_rows(db_path) -> list[tuple]:
    db = open_db(db_path)
    try:
        return db.execute(
            "SELECT t.name, s.item_id, s.verdict FROM self_answers s "
            "JOIN townships t ON t.id = s.township_id ORDER BY 1, 2"
        ).fetchall()
    finally:
        db.close()


def _answer(path, verdict):
    wb = openpyxl.load_workbook(path)
    wb[SHEET].cell(HEADER_ROW + 1, ANSWER_COL).value = verdict  # P01
    wb.save(path)


def test_export_writes_one_workbook_per_township(sample_db_path, tmp_path):
    cid = _campaign(sample_db_path)
    result = run(
        sample_db_path, "selfassess", "export", "--campaign", cid, "--out", str(tmp_path / "o")
    )
    assert result.exit_code == 0, result.output
    assert "36 sheet(s) written" in result.output
    assert len(list((tmp_path / "o").glob("*.xlsx"))) == 36


def test_import_writes_the_rows_and_a_bad_file_stops_all(sample_db_path, tmp_path):
    cid = _campaign(sample_db_path)
    out = tmp_path / "o"
    for town in ("昌国街道", "环南街道"):
        result = run(
            sample_db_path,
            "selfassess",
            "export",
            "--campaign",
            cid,
            "--out",
            str(out),
            "--township",
            town,
        )
        assert result.exit_code == 0, result.output
    good, bad = sorted(out.glob("*.xlsx"), key=lambda p: not p.name.startswith("昌国"))
    _answer(good, "符合")
    _answer(bad, "还行")
    result = run(sample_db_path, "selfassess", "import", str(good), str(bad))
    assert result.exit_code == 1
    assert (
        f"{bad.name}: sheet 自评表, row {HEADER_ROW + 1}, column G (自评结论): '还行'"
        in result.output
    )
    assert "nothing was imported" in result.output
    assert "Traceback" not in result.output
    assert _self_rows(sample_db_path) == []
    result = run(sample_db_path, "selfassess", "import", str(good))
    assert result.exit_code == 0, result.output
    assert "1 sheet(s) imported, 1 answer(s) changed" in result.output
    assert _self_rows(sample_db_path) == [("昌国街道", "P01", "full")]
    again = run(sample_db_path, "selfassess", "import", str(good))
    assert "0 answer(s) changed" in again.output
