"""Time the printed reports on a province database.

Make one first:  inspector --db /tmp/prov.db demo --townships 1400 --campaigns 8
Then:            python benchmarks/bench_reports.py /tmp/prov.db

The summary of one 1,400-township campaign is compared, in the same run,
with a plain reportlab LongTable document of the same ranking rows (goal:
at most 1.5x that, and under 5 s); one notice is timed on a copy of the
database (goal: under 0.5 s). Then the papers of issue 13: the summary's and
the 通报's pages and time (goal: under 40 pages, 3 s each), each Word version
(goal: 0.5 s), and a batch issue of a notice for every township with
problems not yet on one (goal: 1,400 notices in 60 s).
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import LongTable, SimpleDocTemplate, TableStyle

from inspector.reports.fonts import report_fonts
from inspector.reports.notice import notice_pdf
from inspector.reports.summary import county_rows, overdue_rows, ranking_rows, render_summary
from inspector.store.backups import copy_file
from inspector.store.catalog import campaigns
from inspector.store.db import open_db
from inspector.store.report_data import summary_data


def plain_longtable(tables: list[list[list[str]]], font: str) -> bytes:
    """One unstyled LongTable per row list, in a default SimpleDocTemplate."""
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4)
    story = []
    for rows in tables:
        table = LongTable(rows, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), font),
                    ("GRID", (0, 0), (-1, -1), 0.5, (0.5, 0.5, 0.5)),
                ]
            )
        )
        story.append(table)
    doc.build(story)
    return out.getvalue()


def best_of(n: int, fn):
    best, result = float("inf"), None
    for _ in range(n):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(path: str) -> None:
    today = dt.date(2026, 11, 20)
    fonts = report_fonts()
    db = open_db(path)
    campaign = campaigns(db)[0]
    query_s, data = best_of(3, lambda: summary_data(db, campaign["id"], today))
    print(
        f"campaign {campaign['name']}: {len(data.ranking)} townships ranked, "
        f"{len(data.overdue)} overdue problems"
    )
    ranking = ranking_rows(data)
    # The same rows the summary lays out: overall ranking, ranking per county, overdue list.
    every = [ranking, county_rows(data)[0], overdue_rows(data, fonts)[0]]
    rank_s, rank_pdf = best_of(3, lambda: plain_longtable([ranking], fonts.song))
    same_s, same_pdf = best_of(3, lambda: plain_longtable(every, fonts.song))
    summary_s, pdf = best_of(3, lambda: render_summary(data))
    total = query_s + summary_s
    cells = sum(len(rows) - 1 for rows in every)
    print(
        f"plain LongTable, the {len(ranking) - 1} ranking rows only: {rank_s:.2f} s, "
        f"{len(rank_pdf) // 1024} KiB"
    )
    print(
        f"plain LongTables, the same {cells} rows as the summary: {same_s:.2f} s, "
        f"{len(same_pdf) // 1024} KiB"
    )
    print(
        f"summary: query {query_s:.2f} s + layout {summary_s:.2f} s = {total:.2f} s, "
        f"{len(pdf) // 1024} KiB"
    )
    print(
        f"ratio summary / plain of the same rows: {total / same_s:.2f}x; "
        f"/ ranking rows only: {total / rank_s:.2f}x (goal <= 1.5x, < 5 s)"
    )
    db.close()

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "prov.db"
        copy_file(path, copy)  # through SQLite: the WAL too, and no lock of the original dropped
        db = open_db(copy)
        from inspector.reports.issue import issue_notice_pdf
        from inspector.store.report_data import unnoticed_open_problems
        from inspector.store.rows import Rows

        town = db.execute(
            "SELECT township_id FROM inspections WHERE campaign_id = ? LIMIT 1", [campaign["id"]]
        ).fetchone()[0]
        ids = unnoticed_open_problems(db, campaign["id"], town)
        start = time.perf_counter()
        notice, pdf = issue_notice_pdf(
            Rows(db), town, ids, campaign_id=campaign["id"], issued_on=today
        )
        issue_s = time.perf_counter() - start
        render_s, _ = best_of(5, lambda: notice_pdf(db, notice["id"]))
        print(
            f"notice of {len(ids)} problems: issue + render + archive {issue_s:.3f} s, "
            f"render alone {render_s:.3f} s (goal < 0.5 s)"
        )
        papers(db, campaign, notice, today)
        db.close()


def pages(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def papers(db, campaign: dict, notice: dict, today: dt.date) -> None:
    """Issue 13's papers on the province copy."""
    from inspector.reports.batch import issue_batch, pending_townships
    from inspector.reports.bulletin import bulletin_docx, render_bulletin
    from inspector.reports.notice import notice_docx
    from inspector.reports.star import star_docx
    from inspector.reports.summary import summary_docx, summary_pdf
    from inspector.store.report_data import bulletin_data
    from inspector.store.rows import Rows

    summary_s, pdf = best_of(3, lambda: summary_pdf(db, campaign["id"], today))
    print(
        f"summary with its query: {summary_s:.2f} s, {pages(pdf)} pages (goal <= 3 s, < 40 pages)"
    )
    bulletin_s, pdf = best_of(
        3, lambda: render_bulletin(bulletin_data(db, campaign["id"], today), "舟组通〔2026〕1号")
    )
    print(f"通报 with its query: {bulletin_s:.2f} s, {pages(pdf)} pages (goal <= 3 s, < 40 pages)")
    town = notice["township_id"]
    for name, make in (
        ("notice", lambda: notice_docx(db, notice["id"])),
        ("反馈表", lambda: star_docx(db, campaign["id"], town, today)),
        ("summary", lambda: summary_docx(db, campaign["id"], today)),
        ("通报", lambda: bulletin_docx(db, campaign["id"], today, 1)),
    ):
        took, _ = best_of(3, make)
        print(f"{name}.docx: {took:.2f} s (goal <= 0.5 s)")
    towns = len(pending_townships(db, campaign["id"]))
    cpu = _cpu()
    start = time.perf_counter()
    batch = issue_batch(Rows(db), campaign["id"], issued_on=today)
    took = time.perf_counter() - start
    cpu = _cpu() - cpu
    print(
        f"batch issue: {len(batch.notices)} notices for {towns} townships in {took:.1f} s "
        f"({1000 * took / max(len(batch.notices), 1):.0f} ms each; CPU {cpu:.1f} s in this "
        f"and the worker processes, load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} cores), joined PDF {pages(batch.pdf)} pages, "
        f"{len(batch.pdf) // 1024} KiB (goal: 1,400 in <= 60 s)"
    )


def _cpu() -> float:
    """User and system time of this process and its finished children."""
    import resource

    own, children = (
        resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/prov.db")
