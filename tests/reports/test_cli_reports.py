"""The report commands as a user types them (contract: DESIGN.md)."""

from __future__ import annotations

from click.testing import CliRunner

from inspector.cli import main
from inspector.store.db import open_db


def _run(db_path, *args):
    return CliRunner().invoke(main, ["--db", str(db_path), *args], catch_exceptions=False)


def test_report_commands_write_pdfs(sample_db_path, tmp_path):
    db = open_db(sample_db_path)
    # the sample campaign: the newest (the sample also holds an earlier round, followed up)
    cid = db.execute("SELECT id FROM campaigns ORDER BY starts_on DESC LIMIT 1").fetchone()[0]
    town = db.execute(
        "SELECT t.name FROM problems p JOIN townships t ON t.id = p.township_id "
        "WHERE p.notice_id IS NULL AND p.status = 'open' AND p.campaign_id = ? LIMIT 1",
        [cid],
    ).fetchone()[0]
    db.close()
    for args in (
        ["report", "star", "--township", town],
        ["report", "summary"],
        ["report", "problems"],
        ["report", "notice", "--township", town],
    ):
        out = tmp_path / f"{args[1]}.pdf"
        result = _run(
            sample_db_path, *args, "--campaign", cid, "--out", str(out), "--date", "2026-11-20"
        )
        assert result.exit_code == 0, result.output
        assert out.read_bytes().startswith(b"%PDF")
    assert "issued 舟组督〔2026〕" in result.output
    again = _run(
        sample_db_path,
        "report",
        "notice",
        "--campaign",
        cid,
        "--township",
        town,
        "--out",
        str(tmp_path / "again.pdf"),
    )
    assert "reprinted" in again.output
    assert (tmp_path / "again.pdf").read_bytes() == (tmp_path / "notice.pdf").read_bytes()


def test_unknown_township_is_one_line_with_suggestions(sample_db_path, tmp_path):
    db = open_db(sample_db_path)
    cid = db.execute("SELECT id FROM campaigns ORDER BY starts_on DESC").fetchone()[0]
    db.close()
    result = CliRunner().invoke(
        main,
        [
            "--db",
            str(sample_db_path),
            "report",
            "star",
            "--campaign",
            cid,
            "--township",
            "朱家间街道",
            "--out",
            str(tmp_path / "x.pdf"),
        ],
    )
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "did you mean" in lines[0] and "朱家尖街道" in lines[0]
    assert not (tmp_path / "x.pdf").exists()


def test_problems_export_counts_what_it_wrote(sample_db_path, tmp_path):
    out = tmp_path / "p.xlsx"
    result = _run(sample_db_path, "problems", "export", "--format", "xlsx", "--out", str(out))
    assert result.exit_code == 0
    db = open_db(sample_db_path)
    assert f"{db['problems'].count} problems" in result.output
