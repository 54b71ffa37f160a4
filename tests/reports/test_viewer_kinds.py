"""Every paper from the report viewer: chosen by kind, shown, saved in each of its formats,
read back (pdftotext, python-docx, openpyxl), and the same file `inspector report` writes."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import openpyxl
import pytest
from click.testing import CliRunner
from PySide6.QtWidgets import QFileDialog

from inspector.cli import main
from inspector.progress import NO_PROGRESS
from inspector.reports.registry import KINDS
from inspector.store.backups import copy_file
from inspector.ui.report_view import ReportView, build_report, open_report
from tests.conftest import SAMPLE_DATE
from tests.reports.conftest import flat, pdftotext

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
DAY = SAMPLE_DATE.isoformat()
INTERVIEW = {"interview_on": SAMPLE_DATE, "place": "市委组织部会议室"}
# What each paper says of itself, in every format.
SAYS = {
    "star": "督查情况反馈表",
    "notice": "整改的通知",
    "notices": "整改的通知",
    "summary": "星级评定汇总",
    "bulletin": "情况的通报",
    "supervise": "督办单",
    "interview": "约谈",
    "problems": "问题清单",
    "ledger": "整改台账",
    "trend": "督查情况趋势分析",
    "ranking": "排名表",
}
CAMPAIGNLESS = {"trend"}  # across campaigns: the command takes no --campaign


def _township(db, campaign_id: str) -> str:
    """An inspected township with open problems on no notice yet (star and notice)."""
    return db.execute(
        "SELECT p.township_id FROM problems p JOIN inspections i ON i.township_id = "
        "p.township_id AND i.campaign_id = p.campaign_id WHERE p.campaign_id = ? AND "
        "p.notice_id IS NULL AND p.status = 'open' ORDER BY p.township_id LIMIT 1",
        [campaign_id],
    ).fetchone()[0]


def _text(data: bytes, fmt: str, tmp_path: Path) -> str:
    if fmt == "pdf":
        return flat(pdftotext(data, tmp_path))
    if fmt == "docx":
        document = docx.Document(io.BytesIO(data))
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        return flat("".join([p.text for p in document.paragraphs] + cells))
    book = openpyxl.load_workbook(io.BytesIO(data))
    return flat("".join(str(c.value or "") for row in book.active.iter_rows() for c in row))


def _open(qtbot, db_path, kind: str, campaign_id: str, township_id: str | None):
    """The viewer as `open_report` shows it, the paper built by the function its worker
    runs (one test below goes through the worker itself)."""
    built = build_report(
        NO_PROGRESS,
        str(db_path),
        kind,
        campaign_id,
        township_id if KINDS[kind].needs_township else None,
        None,
        SAMPLE_DATE,
        INTERVIEW if kind == "interview" else None,
    )
    view = ReportView(built.pdf, built.title, built.filename, None, built.others)
    qtbot.addWidget(view)
    return view


def _cli(db_path, kind: str, campaign_id: str, township_id: str | None, out: Path) -> str:
    args = [
        "--db",
        str(db_path),
        "report",
        kind,
        *(() if kind in CAMPAIGNLESS else ("--campaign", campaign_id)),
        "--out",
        str(out),
        "--date",
        DAY,
    ]
    if KINDS[kind].needs_township:
        args += ["--township", township_id]
    if kind == "interview":
        args += ["--on", DAY, "--place", INTERVIEW["place"]]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("kind", list(KINDS))
def test_each_kind_shows_saves_and_is_the_commands_file(
    kind, qtbot, sample_db_path, sample_db, sample_campaign, tmp_path, monkeypatch
):
    cid = sample_campaign["id"]
    town = _township(sample_db, cid)
    twin = tmp_path / "twin.db"  # the same data for the command line
    copy_file(sample_db_path, twin)
    view = _open(qtbot, sample_db_path, kind, cid, town)
    assert view.page_count() >= 1
    offered = set(view.formats().values())
    assert offered == set(KINDS[kind].formats)
    for fmt in KINDS[kind].formats:
        target = tmp_path / f"saved.{fmt}"
        chosen = next(f for f, v in view.formats().items() if v == fmt)
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *a, t=target, c=chosen, **k: (str(t), c)
        )
        view.save_button.click()
        saved = target.read_bytes()
        assert SAYS[kind] in _text(saved, fmt, tmp_path), fmt
        out = tmp_path / f"cli.{fmt}"
        _cli(twin, kind, cid, town, out)
        assert out.read_bytes() == saved, f"{kind} {fmt}: the viewer and the command differ"


def test_a_saved_name_with_another_extension_gets_that_format(
    qtbot, sample_db_path, sample_campaign, tmp_path
):
    view = _open(qtbot, sample_db_path, "summary", sample_campaign["id"], None)
    assert view.saved_bytes(str(tmp_path / "a.docx"))[:2] == b"PK"
    assert view.saved_bytes(str(tmp_path / "a.pdf"))[:5] == b"%PDF-"
    word = next(f for f, v in view.formats().items() if v == "docx")
    assert view.saved_bytes(str(tmp_path / "a"), word)[:2] == b"PK"
    assert re.search(r"\.pdf$", view._filename)


def test_the_worker_builds_the_ledger_with_its_spreadsheet(
    qtbot, sample_db_path, sample_campaign, tmp_path
):
    job = open_report(
        None, str(sample_db_path), "ledger", campaign_id=sample_campaign["id"], today=SAMPLE_DATE
    )
    qtbot.waitUntil(lambda: hasattr(job, "view"), timeout=60_000)
    qtbot.addWidget(job.view)
    assert "整改台账" in _text(job.view.saved_bytes(str(tmp_path / "l.xlsx")), "xlsx", tmp_path)
