"""The command line given hostile input: every case a one-line refusal, or output that is safe.

Township names, device names and problem texts come from outside (CSV
files, bundles): what the CLI prints or writes from them must not drive a
terminal or a spreadsheet. Arguments a user mistypes must give one line on
stderr and a non-zero status, never a traceback.
"""

from __future__ import annotations

import csv
import io

import pytest
from click.testing import CliRunner

from inspector.cli import main


def invoke(*args: str, db=None):
    cmd = ["--db", str(db)] if db is not None else []
    return CliRunner().invoke(main, [*cmd, *args], catch_exceptions=True)


@pytest.fixture
def hostile_db(sample_db, sample_db_path):
    """The sample database with a township whose name is a spreadsheet formula."""
    sample_db.execute(
        "UPDATE townships SET name = ? WHERE id = (SELECT township_id FROM inspections LIMIT 1)",
        ['=HYPERLINK("http://x","click")'],
    )
    sample_db.conn.commit()
    return sample_db_path


def test_ranking_csv_writes_a_formula_like_township_as_text(hostile_db, sample_campaign):
    result = invoke(
        "ranking", "--campaign", sample_campaign["id"], "--format", "csv", db=hostile_db
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    towns = [r[2] for r in rows[1:]]
    assert '\'=HYPERLINK("http://x","click")' in towns
    assert not any(t.startswith("=") for t in towns)
    assert all(float(r[3]) >= 0 for r in rows[1:])  # scores stay numbers


ESCAPE = "\x1b[2J\x1b[31m"
HOSTILE = f"{ESCAPE}evil\r\x00\u202egpj.exe\x9b"


def assert_terminal_safe(text: str) -> None:
    # tabs and line breaks are the listing's own; none may come from the data
    assert not any((ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F for c in text)
    assert "\u202e" not in text


def _set_setting(db, key, value):
    import json

    db.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE "
        "SET value = excluded.value",
        [key, json.dumps(value)],
    )
    db.conn.commit()


def test_bundle_import_prints_a_hostile_device_name_escaped(
    sample_db, sample_db_path, tmp_path, monkeypatch
):
    from inspector.store.db import open_db
    from inspector.sync.keys import device_keys

    _set_setting(sample_db, "device_name", HOSTILE)
    assert invoke("hq", "init", db=sample_db_path).exit_code == 0  # signs as headquarters
    out = tmp_path / "evil.inspbundle"
    monkeypatch.setenv("INSPECTOR_BUNDLE_PASSPHRASE", "pw")
    assert (
        invoke("bundle", "export", "--out", str(out), "--passphrase", db=sample_db_path).exit_code
        == 0
    )
    hq = tmp_path / "hq.db"
    result = invoke(
        "bundle", "import", str(out), "--trust-hq", device_keys(sample_db).fingerprint, db=hq
    )
    assert_terminal_safe(result.output)
    if result.exit_code == 0:  # (a reader that refuses such a manifest is safe too)
        assert "\\x1b[2J" in result.output and "evil\\x0d\\x00gpj.exe\\x9b" in result.output
    # the conflicts list names devices too: make one and list it
    hq_db = open_db(hq)
    hq_db.execute("UPDATE townships SET name = ? WHERE rowid = 1", [HOSTILE])
    hq_db.conn.commit()
    hq_db.close()
    listed = invoke("bundle", "conflicts", "--all", db=hq)
    assert_terminal_safe(listed.output)


@pytest.mark.parametrize(
    "args", [["campaign", "list"], ["townships", "list"], ["ranking", "--campaign", "CAMPAIGN"]]
)
def test_listings_print_hostile_names_escaped(sample_db, sample_db_path, sample_campaign, args):
    sample_db.execute("UPDATE campaigns SET name = ?", [HOSTILE + "批次"])
    sample_db.execute(
        "UPDATE townships SET name = ? WHERE id = (SELECT township_id FROM inspections LIMIT 1)",
        [HOSTILE],
    )
    sample_db.execute("UPDATE counties SET name = ? WHERE rowid = 1", [HOSTILE + "区"])
    sample_db.conn.commit()
    args = [sample_campaign["id"] if a == "CAMPAIGN" else a for a in args]
    result = invoke(*args, db=sample_db_path)
    assert result.exit_code == 0, result.output
    assert_terminal_safe(result.output)
    assert "\\x1b[2J" in result.output


def test_reports_print_hostile_names_escaped(sample_db, sample_db_path, sample_campaign, tmp_path):
    sample_db.execute("UPDATE campaigns SET name = ?", [HOSTILE + "批次"])
    town = sample_db.execute("SELECT township_id FROM inspections LIMIT 1").fetchone()[0]
    sample_db.execute("UPDATE townships SET name = ? WHERE id = ?", [HOSTILE, town])
    sample_db.conn.commit()
    for args in (
        ["report", "summary", "--campaign", sample_campaign["id"]],
        ["report", "star", "--campaign", sample_campaign["id"], "--township", town],
    ):
        result = invoke(*args, "--out", str(tmp_path / "r.pdf"), db=sample_db_path)
        assert result.exit_code == 0, result.output
        assert_terminal_safe(result.output)
        assert "\\x1b[2J" in result.output


def test_an_error_naming_outside_text_is_escaped(sample_db_path):
    result = invoke("ranking", "--campaign", HOSTILE, db=sample_db_path)
    assert result.exit_code == 1
    assert_terminal_safe(result.output)
    assert "Traceback" not in result.output and "\\x1b[2J" in result.output


LONG = "长" * 100_000
CAMPAIGN = "CAMPAIGN"  # replaced by the sample campaign's id


def one_line_refusal(result, status: int, needle: str) -> None:
    """Exit status, no traceback, the message: one `inspector:` line, or click's usage error."""
    assert result.exit_code == status, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.output
    assert needle in result.output, result.output
    assert_terminal_safe(result.output)
    if status == 1:
        [line] = result.output.splitlines()
        assert line.startswith("inspector: ") and len(line) < 400


HOSTILE_ARGS = [
    (["ranking", "--campaign", LONG], 1, "at most 200 characters"),
    (["ranking", "--campaign", "%%%%%%"], 1, "no campaign '%%%%%%'"),
    (["ranking", "--campaign", "______"], 1, "no campaign '______'"),
    (["ranking", "--campaign", ""], 1, "no campaign ''"),
    (
        ["report", "star", "--campaign", CAMPAIGN, "--township", LONG, "--out", "OUT"],
        1,
        "at most 200 characters",
    ),
    (
        ["report", "summary", "--campaign", CAMPAIGN, "--out", "OUT", "--date", "9999-99-99"],
        2,
        "Invalid value for '--date'",
    ),
    (
        [
            "report",
            "notice",
            "--campaign",
            CAMPAIGN,
            "--township",
            "白泉镇",
            "--out",
            "OUT",
            "--deadline",
            "not-a-date",
        ],
        2,
        "Invalid value for '--deadline'",
    ),
    (
        ["campaign", "create", "--name", "批次\x1b[2J\r", "--form", "township-party-building"],
        1,
        "control characters",
    ),
    (
        ["campaign", "create", "--name", LONG, "--form", "township-party-building"],
        1,
        "at most 200 characters",
    ),
    (
        [
            "campaign",
            "create",
            "--name",
            "甲",
            "--form",
            "township-party-building",
            "--year",
            "99999999999999999999999",
        ],
        2,
        "Invalid value for '--year'",
    ),
    (
        ["campaign", "create", "--name", "乙", "--form", "township-party-building", "--year", "-1"],
        2,
        "Invalid value for '--year'",
    ),
    (["campaign", "create", "--name", "丙", "--form", LONG], 1, "at most 200 characters"),
    (
        ["bundle", "resolve", "99999999999999999999999", "--keep", "winner"],
        2,
        "Invalid value for 'CONFLICT_ID'",
    ),
    (["bundle", "export", "--out", ""], 1, "needs a file name"),
    (["bundle", "export", "--out", "OUT", "--campaign", LONG], 1, "at most 200 characters"),
    (["demo", "--townships", "0"], 2, "Invalid value for '--townships'"),
    (["demo", "--date", "9999-99-99"], 2, "Invalid value for '--date'"),
    (
        ["problems", "export", "--format", "xlsx", "--out", "OUT", "--date", "2026-02-30"],
        2,
        "Invalid value for '--date'",
    ),
    (["forms", "check", ""], 1, "cannot read file"),
    (["townships", "import", "NOFILE"], 1, "No such file or directory"),
]


@pytest.mark.parametrize(
    ("args", "status", "needle"),
    HOSTILE_ARGS,
    ids=[f"{a[0]}-{a[1]}-{n}" for n, (a, _s, _n) in enumerate(HOSTILE_ARGS)],
)
def test_hostile_arguments_get_a_one_line_refusal(
    sample_db_path, sample_campaign, tmp_path, args, status, needle
):
    swap = {
        CAMPAIGN: sample_campaign["id"],
        "OUT": str(tmp_path / "out.file"),
        "NOFILE": str(tmp_path / "missing.csv"),
    }
    result = invoke(*[swap.get(a, a) for a in args], db=sample_db_path)
    if args[0] == "forms":  # forms check prints file:line: message
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert needle in result.output
        return
    one_line_refusal(result, status, needle)


def test_an_empty_db_path_is_refused_not_taken_for_the_default(tmp_path, monkeypatch):
    """`--db ""` (an unset shell variable) must not write into the user's own database."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    result = CliRunner().invoke(main, ["--db", "", "init"])
    assert result.exit_code == 2 and "Invalid value for '--db'" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "data").exists()
