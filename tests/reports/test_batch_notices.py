"""Batch issue: one notice per township with pending problems, numbered in filing order."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from inspector.cli import main
from inspector.reports import batch
from inspector.reports.batch import issue_batch, pending_townships
from inspector.reports.issue import ReportError
from inspector.reports.notice import notice_pdf
from inspector.store.attachments import read_bytes
from inspector.store.db import open_db
from inspector.store.report_data import unnoticed_open_problems, unnoticed_problems_by_township
from inspector.store.rows import Rows
from tests.reports.conftest import fonts_of, page_count, pdftotext

ISSUED = dt.date(2026, 11, 27)


def test_every_pending_township_gets_one_notice_in_order(sample_db, sample_campaign, tmp_path):
    cid = sample_campaign["id"]
    towns = pending_townships(sample_db, cid)
    assert len(towns) > 5
    before = sample_db["notices"].count
    outcome = issue_batch(Rows(sample_db, who="测试员"), cid, issued_on=ISSUED)
    assert [n["township_id"] for n in outcome.notices] == towns
    assert sample_db["notices"].count == before + len(towns)
    seqs = [n["seq"] for n in outcome.notices]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))  # no gaps in the run
    order = [
        r[0]
        for r in sample_db.execute(
            "SELECT t.id FROM townships t JOIN counties c ON c.id = t.county_id "
            "ORDER BY c.code, t.code"
        ).fetchall()
    ]
    assert towns == sorted(towns, key=order.index)
    for n in outcome.notices:
        assert unnoticed_open_problems(sample_db, cid, n["township_id"]) == []
        assert json.loads(n["problem_ids"])
    # The joined file is every archived notice, page for page, each from a front side
    # (duplex): a notice with an odd page count is followed by a blank page.
    archived = [
        read_bytes(sample_db, sample_db["attachments"].get(n["attachment_id"])["sha256"])
        for n in outcome.notices
    ]
    counts = [page_count(a, tmp_path) for a in archived]
    padded = sum(c + c % 2 for c in counts[:-1]) + counts[-1]
    assert page_count(outcome.pdf, tmp_path) == padded
    text = pdftotext(outcome.pdf, tmp_path)
    assert all(n["doc_number"] in text for n in outcome.notices)
    assert pending_townships(sample_db, cid) == []
    with pytest.raises(ReportError, match="no township"):
        issue_batch(Rows(sample_db, who="测试员"), cid, issued_on=ISSUED)


@pytest.mark.parametrize("fail_at", ["render", "archive"])
def test_a_failure_part_way_issues_nothing(sample_db, sample_campaign, monkeypatch, fail_at):
    cid = sample_campaign["id"]
    before = sample_db["notices"].count
    attachments = sample_db["attachments"].count
    counters = list(sample_db.execute("SELECT * FROM notice_counters").fetchall())
    calls = []
    target = {
        "render": "inspector.reports.batch.render_notice",
        "archive": "inspector.reports.batch.archive_notice",
    }[fail_at]
    real = {"render": batch.render_notice, "archive": batch.archive_notice}[fail_at]

    def failing(*args):
        calls.append(args)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(*args)

    monkeypatch.setattr(target, failing)
    with pytest.raises(OSError):
        issue_batch(Rows(sample_db, who="测试员"), cid, issued_on=ISSUED, workers=0)
    assert sample_db["notices"].count == before
    assert sample_db["attachments"].count == attachments
    assert list(sample_db.execute("SELECT * FROM notice_counters").fetchall()) == counters
    assert len(pending_townships(sample_db, cid)) > 5


def test_the_joined_file_is_each_notice_as_printed_alone(sample_db, sample_campaign, tmp_path):
    """One document, each notice from a new page with its own "— 1 —", word for word its
    archived PDF, and each font embedded once rather than once per notice."""
    outcome = issue_batch(
        Rows(sample_db, who="测试员"), sample_campaign["id"], issued_on=ISSUED, workers=0
    )
    archived = [
        read_bytes(sample_db, sample_db["attachments"].get(n["attachment_id"])["sha256"])
        for n in outcome.notices
    ]
    pages = pdftotext(outcome.pdf, tmp_path, "-layout").split("\f")[:-1]
    alone = [p for pdf in archived for p in pdftotext(pdf, tmp_path, "-layout").split("\f")[:-1]]
    assert [p for p in pages if p.strip()] == alone
    assert sum("—1—" in p for p in pages) == len(outcome.notices)
    # duplex: every notice starts on an odd (front) page, the blank backs carry no number
    firsts = [n for n, p in enumerate(pages, 1) if "—1—" in p.replace(" ", "")]
    assert firsts and all(n % 2 == 1 for n in firsts)
    joined_fonts, one_fonts = fonts_of(outcome.pdf, tmp_path), fonts_of(archived[0], tmp_path)
    assert len(joined_fonts) < len(outcome.notices) * len(one_fonts)
    assert len(outcome.pdf) < sum(len(a) for a in archived) / 2


def test_worker_processes_archive_the_same_bytes(sample_db, sample_campaign):
    """Rendered in spawned processes, each archived PDF is the notice as one issue makes it."""
    outcome = issue_batch(
        Rows(sample_db, who="测试员"), sample_campaign["id"], issued_on=ISSUED, workers=2
    )
    for n in outcome.notices:
        archive = sample_db["attachments"].get(n["attachment_id"])
        assert read_bytes(sample_db, archive["sha256"]) == notice_pdf(sample_db, n["id"])
    seqs = [n["seq"] for n in outcome.notices]
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))


def test_one_read_gives_each_townships_pending_problems(sample_db, sample_campaign):
    cid = sample_campaign["id"]
    groups = unnoticed_problems_by_township(sample_db, cid)
    assert [t for t, _ids in groups] == pending_townships(sample_db, cid)
    for township, ids in groups:
        assert ids == unnoticed_open_problems(sample_db, cid, township)


def test_cli_issues_the_batch_and_writes_one_file(sample_db_path, tmp_path):
    out = tmp_path / "通知书.pdf"
    db = open_db(sample_db_path)
    cid = db.execute("SELECT id FROM campaigns ORDER BY starts_on DESC").fetchone()[0]
    expected = len(pending_townships(db, cid))
    db.close()
    result = CliRunner().invoke(
        main,
        [
            "--db",
            str(sample_db_path),
            "report",
            "notices",
            "--campaign",
            cid,
            "--out",
            str(out),
            "--date",
            "2026-11-27",
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"issued {expected} notices" in result.output and out.read_bytes()[:5] == b"%PDF-"
    again = CliRunner().invoke(
        main,
        [
            "--db",
            str(sample_db_path),
            "report",
            "notices",
            "--campaign",
            cid,
            "--out",
            str(tmp_path / "b.pdf"),
        ],
    )
    assert again.exit_code == 1 and "no township" in again.output
