"""`inspector campaign setup`: the GUI's campaign set-up from the command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from inspector.cli import main


def _cli(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args])


def _campaign(tmp_path):
    db = tmp_path / "s.db"
    assert _cli(db, "init").exit_code == 0
    made = _cli(
        db, "campaign", "create", "--name", "2026年复查", "--form", "township-party-building"
    )
    codes = [line.split("\t")[2] for line in _cli(db, "townships", "list").output.splitlines()]
    return db, made.output.strip(), codes


def test_setup_sets_team_members_and_townships_and_list_appends_a_column(tmp_path):
    db, cid, codes = _campaign(tmp_path)
    result = _cli(
        db, "campaign", "setup", "--campaign", cid, "--team", "第二督导组",
        "--members", "张明,李红", "--townships", ",".join(codes[:2]),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    line = next(x for x in _cli(db, "campaign", "list").output.splitlines() if x.startswith(cid))
    columns = line.split("\t")
    assert columns[0] == cid and columns[2] == "2026年复查"
    assert columns[3] == "第二督导组 (2 townships)"
    rows = json.loads(_cli(db, "dump").output)["campaigns"]
    stored = next(r for r in rows if r["id"] == cid)
    assert stored["members"] == "张明\n李红" and len(json.loads(stored["townships"])) == 2
    listed = tmp_path / "codes.txt"
    listed.write_text("\n".join(codes[:3]) + "\n", encoding="utf-8")
    assert (
        _cli(db, "campaign", "setup", "--campaign", cid, "--townships-file", str(listed)).exit_code
        == 0
    )
    assert "(3 townships)" in _cli(db, "campaign", "list").output
    assert _cli(db, "campaign", "setup", "--campaign", cid, "--all-townships").exit_code == 0
    assert "第二督导组 (all townships)" in _cli(db, "campaign", "list").output


def test_unknown_township_codes_are_named_and_nothing_is_written(tmp_path):
    db, cid, codes = _campaign(tmp_path)
    before = _cli(db, "dump").output
    result = _cli(
        db, "campaign", "setup", "--campaign", cid, "--team", "第九组",
        "--townships", f"{codes[0]},999999999,888888888",
    )  # fmt: skip
    assert result.exit_code == 1
    assert "999999999, 888888888" in result.output
    assert _cli(db, "dump").output == before


def test_one_township_option_at_a_time(tmp_path):
    db, cid, codes = _campaign(tmp_path)
    result = _cli(
        db, "campaign", "setup", "--campaign", cid, "--townships", codes[0], "--all-townships"
    )
    assert result.exit_code == 2 and "one of --townships" in result.output
