"""Batch issue: a notice for every township of a campaign with problems not yet on one.

Townships are taken in the catalogue's order (county code, township code), so
the 文号 run in the order the notices are filed. All notices are issued in one
transaction: a failure part-way (a full disk, a number block used up) leaves
no notice issued rather than a numbered run with a hole the office cannot
explain. Each notice's PDF is archived as a single issue archives it (the
same bytes); the file to print or save is one document holding every notice,
each numbered from its own first page, with each font embedded once.

A province issues some 1,400 notices at once. What that cost was the number
of documents, not their text: a query per township, a font subset per notice
in the joined file, and pypdf copying every page. Now the problems are read
in one query, the joined file is laid out in one go, and the archived PDFs
(one font subset each, which cannot be shared) are rendered in worker
processes while this one lays out the joined file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector.messages import Message
from inspector.progress import NO_PROGRESS, Progress
from inspector.reports.issue import ReportError, archive_notice, number_notice
from inspector.reports.notice import render_notice, render_notices
from inspector.store import report_data
from inspector.store.attachments import blob_path
from inspector.store.catalog import find_campaign
from inspector.store.files import write_atomically
from inspector.store.report_data import NoticeContext, notice_context
from inspector.store.rows import Rows

log = logging.getLogger(__name__)

# Fewer notices than this are rendered here: starting worker processes takes about a second.
PARALLEL_FROM = 48
MAX_WORKERS = 4


@dataclass(frozen=True)
class BatchOutcome:
    notices: list[dict[str, Any]]
    pdf: bytes  # every notice, one after another


def pending_townships(db: Database, campaign_id: str) -> list[str]:
    """Townships with open problems of the campaign on no notice yet, in filing order."""
    return report_data.townships_with_unnoticed_problems(db, campaign_id)


def default_workers() -> int:
    """Worker processes for the archived PDFs: one per core (up to 4), none on one core."""
    cores = os.cpu_count() or 1
    return min(cores, MAX_WORKERS) if cores > 1 else 0


def issue_batch(
    rows: Rows,
    campaign_id: str,
    *,
    issued_on: dt.date | None = None,
    deadline: str | None = None,
    progress: Progress = NO_PROGRESS,
    workers: int | None = None,
) -> BatchOutcome:
    """Issue the notices and return them with the file holding them all.

    `workers`: processes rendering the archived PDFs (None: `default_workers()` once
    there are PARALLEL_FROM notices or more; 0: all in this process).
    """
    db = rows.db
    campaign = find_campaign(db, campaign_id)
    day = issued_on or dt.date.today()
    groups = report_data.unnoticed_problems_by_township(db, campaign["id"])
    if not groups:
        raise ReportError(
            Message(
                "no township of {campaign} has open problems not yet on a notice",
                campaign=campaign["name"],
            )
        )
    count = len(groups)
    if workers is None:
        workers = default_workers() if count >= PARALLEL_FROM else 0
    steps = 3 * count  # numbering, laying out, archiving
    with db.atomic():
        notices: list[dict[str, Any]] = []
        for n, (township_id, problem_ids) in enumerate(groups):
            progress(n, steps, "")
            notices.append(
                number_notice(
                    rows,
                    township_id,
                    problem_ids,
                    campaign_id=campaign["id"],
                    deadline=deadline,
                    issued_on=day,
                )
            )
        contexts = [notice_context(db, n["id"]) for n in notices]
        with _rendering_each(contexts, workers) as archived:
            joined = render_notices(
                contexts, f"整改通知书 {campaign['name']}", day, _scaled(progress, count, steps)
            )
            pdfs = archived()
        _store_all(db, pdfs)
        issued = []
        for n, (notice, pdf) in enumerate(zip(notices, pdfs, strict=True)):
            progress(2 * count + n, steps, "")
            issued.append(archive_notice(rows, notice, pdf))
    progress(steps, steps, "")
    return BatchOutcome(issued, joined)


def _store_all(db: Database, pdfs: list[bytes]) -> None:
    """Write the PDFs' files before their rows, several at a time: each file is synced
    to disk before it counts as written, and one after another those waits added
    some 10 s to a province's batch. The rows then find their bytes stored."""
    paths = [blob_path(db, hashlib.sha256(pdf).hexdigest()) for pdf in pdfs]
    with ThreadPoolExecutor(8) as pool:
        for done in pool.map(write_atomically, paths, pdfs):
            del done


def _scaled(progress: Progress, start: int, steps: int) -> Progress:
    """The layout's own progress (flowables done of all) as `start` steps after `start`,
    passed on only when the step changes: the layout reports every flowable, some
    40,000 for a province, and each report crosses to the GUI thread."""
    last = [-1]

    def report(done: int, total: int, text: str) -> None:
        step = start + start * done // total if total else start
        if step != last[0]:
            last[0] = step
            progress(step, steps, text)
        else:
            progress.check()

    return Progress(report, None)


@contextmanager
def _rendering_each(
    contexts: list[NoticeContext], workers: int
) -> Iterator[Callable[[], list[bytes]]]:
    """Start rendering each notice's own PDF; the call given waits for them, in order.
    Leaving the block stops the workers, whether or not their PDFs were collected.

    Processes are spawned, not forked: the app calls this from a worker thread of a
    Qt application, which a fork would copy mid-flight. Workers that cannot start
    (a program that cannot be started again as a worker) leave the work to this
    process rather than fail the batch.
    """

    def here() -> list[bytes]:
        return [render_notice(ctx) for ctx in contexts]

    if workers <= 0 or len(contexts) < 2:
        yield here
        return
    pool = ProcessPoolExecutor(
        min(workers, len(contexts)), mp_context=multiprocessing.get_context("spawn")
    )
    try:
        chunk = max(1, min(32, len(contexts) // (4 * workers)))
        futures = [
            pool.submit(_render_chunk, contexts[at : at + chunk])
            for at in range(0, len(contexts), chunk)
        ]

        def collect() -> list[bytes]:
            try:
                return [pdf for future in futures for pdf in future.result()]
            except BrokenProcessPool:
                log.warning("worker processes could not render the notices; rendering here")
                return here()

        yield collect
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _render_chunk(contexts: list[NoticeContext]) -> list[bytes]:
    return [render_notice(ctx) for ctx in contexts]


def join_pdfs(pdfs: list[bytes], title: str, day: dt.date) -> bytes:
    """One PDF holding the given ones in order, reproducible for the same inputs."""
    from pypdf import PdfWriter

    writer = PdfWriter()
    for data in pdfs:
        writer.append(io.BytesIO(data))
    stamp = f"D:{day.strftime('%Y%m%d')}000000+00'00'"
    writer.add_metadata(
        {
            "/Title": title,
            "/Creator": "督查通 Inspector",
            "/Producer": "督查通 Inspector",
            "/CreationDate": stamp,
            "/ModDate": stamp,
        }
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
