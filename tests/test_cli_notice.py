"""`inspector notice …` as users run it: list, void, re-issue and record a report-back."""

from __future__ import annotations

from tests.test_cli import run


def _lines(db) -> list[list[str]]:
    return [line.split("\t") for line in run("notice", "list", db=db).stdout.splitlines()]


def test_void_reissue_and_report_back_from_the_command_line(sample_db_path, tmp_path):
    db = sample_db_path
    first = _lines(db)[-1]
    number = first[1]
    out = run("notice", "void", "--notice", number, "--reason", "文号重复", db=db).stdout
    assert f"voided {number}" in out
    again = run("notice", "void", "--notice", first[0], "--reason", "x", db=db, check=False)
    assert again.returncode != 0 and "already voided" in again.stderr
    assert "Traceback" not in again.stderr
    out = run("notice", "reissue", "--notice", first[0], db=db).stdout
    assert f"re-issued {number} as" in out
    listed = {row[0]: row for row in _lines(db)}
    assert listed[first[0]][4].startswith("voided ") and "文号重复" in listed[first[0]][4]
    new = next(row for row in listed.values() if f"(replaces {number})" in row[1])
    scan = tmp_path / "report.png"
    scan.write_bytes(bytes.fromhex("89504e470d0a1a0a") + b"not really an image")
    out = run(
        "notice",
        "report-back",
        "--notice",
        new[0],
        "--on",
        "2026-12-28",
        "--file",
        str(scan),
        db=db,
    ).stdout
    assert "report received 2026-12-28" in out and "scan attached" in out
    row = {r[0]: r for r in _lines(db)}[new[0]]
    assert row[4].startswith("report received 2026-12-28") and "scan attached" in row[4]


def test_an_unknown_notice_is_one_clear_line(sample_db_path):
    result = run(
        "notice", "void", "--notice", "nope", "--reason", "x", db=sample_db_path, check=False
    )
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == ["inspector: no notice nope"]
