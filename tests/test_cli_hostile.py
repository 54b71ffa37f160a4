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
    sample_db.execute("UPDATE townships SET name = ? WHERE id = (SELECT township_id FROM "
                      "inspections LIMIT 1)", ['=HYPERLINK("http://x","click")'])
    sample_db.conn.commit()
    return sample_db_path


def test_ranking_csv_writes_a_formula_like_township_as_text(hostile_db, sample_campaign):
    result = invoke("ranking", "--campaign", sample_campaign["id"], "--format", "csv",
                    db=hostile_db)
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    towns = [r[2] for r in rows[1:]]
    assert "'=HYPERLINK(\"http://x\",\"click\")" in towns
    assert not any(t.startswith("=") for t in towns)
    assert all(float(r[3]) >= 0 for r in rows[1:])  # scores stay numbers
