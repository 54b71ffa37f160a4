"""Compare the Word version of a notice with its PDF, as LibreOffice lays it out.

    python benchmarks/check_docx_layout.py DATABASE.db

Issues a notice on a copy of the database (made by SQLite), writes its PDF
and .docx, converts the .docx with LibreOffice (`soffice --headless
--convert-to pdf`, when installed) and prints, for both, the page count and
where the 文号, the first body line and the date sit on the page, with the
width of a full line in characters. Not a test: LibreOffice is not on every
machine, and it substitutes its own fonts for 仿宋_GB2312.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from inspector.reports.issue import notice_for_township
from inspector.reports.notice import notice_docx
from inspector.store.db import open_db
from inspector.store.rows import Rows

MM = 72 / 25.4


def words(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    html = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, check=True
    ).stdout.decode()
    pages = []
    for page in re.findall(r"<page [^>]*>(.*?)</page>", html, re.S):
        lines = []
        for attrs, body in re.findall(r"<line ([^>]*)>(.*?)</line>", page, re.S):
            box = [float(v) for v in re.findall(r'="([\d.]+)"', attrs)]
            lines.append((*box[:4], "".join(re.findall(r">([^<]*)</word>", body))))
        pages.append(lines)
    return pages


def describe(label: str, pdf: Path, number: str, date: str) -> None:
    pages = words(pdf)
    first = pages[0]
    num = next((ln for ln in first if number in ln[4]), None)
    full = [
        ln
        for p in pages
        for ln in p
        if ln[2] - ln[0] > 150 * MM and all(ord(c) > 0x2E7F for c in ln[4])
    ]
    dated = next((ln for p in pages for ln in p if ln[4] == date), None)
    print(f"{label}: {len(pages)} pages")
    if num:
        print(f"  文号 top {num[1] / MM:.1f} mm, centre {(num[0] + num[2]) / 2 / MM:.1f} mm")
    if full:
        counts = sorted({len(ln[4]) for ln in full})
        print(
            f"  full lines: {len(full)}, characters per line {counts}, left "
            f"{min(ln[0] for ln in full) / MM:.1f} mm, right {max(ln[2] for ln in full) / MM:.1f} mm"
        )
    if dated:
        print(f"  date right edge {dated[2] / MM:.1f} mm (GB/T 9704: 184 - 4 characters)")


def main(path: str) -> None:
    soffice = shutil.which("soffice")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        copy = work / "copy.db"
        db = open_db(path)
        db.execute("VACUUM INTO ?", [str(copy)])
        db.close()
        db = open_db(copy)
        cid, town = db.execute(
            "SELECT campaign_id, township_id FROM problems WHERE notice_id IS NULL AND "
            "status = 'open' GROUP BY campaign_id, township_id ORDER BY COUNT(*) DESC "
            "LIMIT 1"
        ).fetchone()
        outcome = notice_for_township(Rows(db), cid, town, issued_on=dt.date(2026, 11, 20))
        (work / "notice.pdf").write_bytes(outcome.pdf)
        (work / "notice.docx").write_bytes(notice_docx(db, outcome.notice["id"]))
        date = "2026年11月20日"
        describe("PDF (reportlab)", work / "notice.pdf", outcome.notice["doc_number"], date)
        if soffice is None:
            print("LibreOffice (soffice) is not installed: no .docx layout to compare")
            return
        out = work / "libreoffice"
        subprocess.run(
            [
                soffice,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out),
                str(work / "notice.docx"),
            ],
            capture_output=True,
            check=True,
            timeout=180,
        )
        converted = out / "notice.pdf"
        describe("DOCX (LibreOffice)", converted, outcome.notice["doc_number"], date)
        db.close()


if __name__ == "__main__":
    main(sys.argv[1])
