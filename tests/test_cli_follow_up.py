"""`campaign create --follow-up-of`, `problems extend`, `problems verdict`, `problems work-list`."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from inspector.cli import main
from inspector.store.db import open_db


def _run(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args])


def test_a_follow_up_round_from_the_command_line(sample_db_path, tmp_path):
    db = tmp_path / "s.db"
    shutil.copy(sample_db_path, db)
    listed = _run(db, "campaign", "list").output.splitlines()
    first = listed[0].split("\t")[0]
    made = _run(
        db,
        "campaign",
        "create",
        "--name",
        "回头看",
        "--form",
        "township-party-building",
        "--follow-up-of",
        first,
    )
    assert made.exit_code == 0, made.output
    follow = made.output.strip()
    work = _run(db, "problems", "work-list", "--campaign", "回头看")
    assert work.exit_code == 0, work.output
    lines = [line.split("\t") for line in work.output.splitlines()]
    rectified = next(line for line in lines if line[2] == "rectified")
    still_open = next(line for line in lines if line[2] == "open")
    done = _run(
        db,
        "problems",
        "verdict",
        "--campaign",
        follow,
        "--problem",
        rectified[1],
        "--verdict",
        "rejected",
        "--reason",
        "佐证不实",
        "--date",
        "2026-11-25",
    )
    assert done.exit_code == 0, done.output
    assert "now rectifying" in done.output
    extended = _run(
        db,
        "problems",
        "extend",
        "--problem",
        still_open[1],
        "--to",
        "2027-03-31",
        "--reason",
        "换届",
        "--approved-by",
        "王部长",
    )
    assert extended.exit_code == 0 and "2027-03-31 (extension 1)" in extended.output
    refused = _run(
        db,
        "problems",
        "verdict",
        "--campaign",
        follow,
        "--problem",
        still_open[1],
        "--verdict",
        "partly",
    )
    assert refused.exit_code == 1 and "needs a reason" in refused.output
    assert "Traceback" not in refused.output
    conn = open_db(db)
    row = conn.execute("SELECT follow_up_of, checklist FROM campaigns WHERE id = ?", [follow])
    assert row.fetchone() == (first, 0)
    verdicts = conn.execute(
        "SELECT verdict, reason FROM follow_ups WHERE campaign_id = ?", [follow]
    )
    assert verdicts.fetchall() == [("rejected", "佐证不实")]
    conn.close()
    lonely = _run(
        db, "campaign", "create", "--name", "x", "--form", "township-party-building", "--reinspect"
    )
    assert lonely.exit_code != 0 and "--follow-up-of" in lonely.output
