"""Time the trends on a province database.

Make one first:  inspector --db /tmp/prov.db demo --townships 1400 --campaigns 40
Then:            python benchmarks/bench_trends.py /tmp/prov.db

Measures, with the GUI offscreen:
- one township's trend in the app (goal: 100 ms): the township page's trend
  widget reading and drawing it, with the campaigns' rankings remembered by
  the session (as after the first township), for 20 townships; then the
  same after an answer changed (that campaign ranked again from the kept entries);
- the first township after opening: the worker reading every campaign's
  ranking (off the GUI thread), and the GUI thread's part after it;
- the trend report of the whole province (goal: 5 s), and of one county.
Nothing is written to the database given: the answer is changed on a copy.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _ms(seconds: float) -> str:
    return f"{1000 * seconds:.0f} ms"


def main(path: str) -> None:
    from PySide6.QtWidgets import QApplication

    from inspector.core.ids import InspectionId
    from inspector.reports.registry import Request, build
    from inspector.store.backups import copy_file
    from inspector.store.session import Session
    from inspector.store.trends import all_standings
    from inspector.ui.fonts import install_app_font
    from inspector.ui.township_trend import TownshipTrendWidget

    app = QApplication.instance() or QApplication([])
    install_app_font(app)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "trends.db"
        copy_file(path, copy)
        session = Session.open(copy)
        db = session.db
        campaigns = db.execute("SELECT COUNT(*) FROM campaigns WHERE deleted = 0").fetchone()[0]
        towns = [r[0] for r in db.execute("SELECT id FROM townships WHERE deleted = 0")]
        print(f"{path}: {campaigns} campaigns, {len(towns)} townships")

        start = time.perf_counter()
        found = all_standings(db)  # what the worker does, on its own connection
        worker = time.perf_counter() - start
        widget = TownshipTrendWidget()
        widget.resize(1000, 260)
        widget.show()
        token = session.trends.token()
        start = time.perf_counter()
        session.trends.seed(found, token)
        widget.show_township(session, towns[0])
        widget.grab()
        first_gui = time.perf_counter() - start
        print(
            f"first township: worker reads every ranking {_ms(worker)}, then GUI {_ms(first_gui)}"
        )

        rng = random.Random(7)
        times = []
        for tid in rng.sample(towns, 20):
            start = time.perf_counter()
            widget.show_township(session, tid)
            widget.grab()  # painted
            times.append(time.perf_counter() - start)
        print(
            f"one township's trend in the app, rankings remembered (goal 100 ms): "
            f"median {_ms(statistics.median(times))}, max {_ms(max(times))} over 20"
        )

        tid = towns[1]
        insp = db.execute(
            "SELECT i.id FROM inspections i JOIN campaigns c ON c.id = i.campaign_id "
            "WHERE i.township_id = ? ORDER BY c.year DESC, c.starts_on DESC LIMIT 1",
            [tid],
        ).fetchone()[0]
        item = db.execute(
            "SELECT item_id FROM answers WHERE inspection_id = ? AND verdict IS NOT NULL LIMIT 1",
            [insp],
        ).fetchone()[0]
        session.inspections.set_finished(InspectionId(insp), False)
        session.answers.set(InspectionId(insp), item, verdict="fail")
        start = time.perf_counter()
        widget.show_township(session, tid)
        widget.grab()
        print(
            f"the same after an answer changed (its campaign re-ranked from kept entries): {_ms(time.perf_counter() - start)}"
        )

        today = dt.date(2026, 12, 1)
        start = time.perf_counter()
        built = build(session.rows, "trend", Request(today=today))
        whole = time.perf_counter() - start
        print(f"trend report of the whole (goal 5 s): {whole:.2f} s, {len(built.data) // 1024} KiB")
        fresh = Session.open(copy)  # nothing remembered: what `inspector report trend` does
        start = time.perf_counter()
        build(fresh.rows, "trend", Request(today=today))
        print(f"  the same from a fresh connection: {time.perf_counter() - start:.2f} s")
        county = db.execute("SELECT id FROM counties LIMIT 1").fetchone()[0]
        start = time.perf_counter()
        build(fresh.rows, "trend", Request(today=today, county_id=county))
        print(f"trend report of one county: {time.perf_counter() - start:.2f} s")
        start = time.perf_counter()
        build(fresh.rows, "trend", Request(today=today, township_id=towns[2]))
        print(f"trend report of one township: {time.perf_counter() - start:.2f} s")
        fresh.close()
        session.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "p40.db")
