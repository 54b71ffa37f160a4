"""The ranking tab on a province: switching campaign and choosing a county.

    inspector --db PROVINCE.db demo --townships 1400 --campaigns 40
    python benchmarks/bench_ranking.py PROVINCE.db [--rounds 3]

The tab is shown (offscreen) on the database; each measurement runs from the call
to the table painted again (`repaint`): a campaign switch is the toolbar's call
(`set_campaign`: two reads of the score cache, the county list, a model reset), with
nothing kept from before (`invalidate` first, as after any change); going back to a
campaign seen since the last change reads nothing and is measured apart. A county is
the county box's index changed (a filter of the campaign's rows and a reset). Every
campaign is switched to `rounds` times, each county chosen `rounds` times.
Goal: <= 100 ms for both (median, 95th percentile and max are printed: on a machine
shared with other work the max catches the odd stall of the whole process).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from inspector.store.session import Session
    from inspector.ui.fonts import install_app_font
    from inspector.ui.ranking_view import RankingView

    app = QApplication(sys.argv[:1])
    install_app_font(app)
    session = Session.open(args.db, create=False, autocheckpoint=False)
    campaigns = [c["id"] for c in session.catalog.campaigns()]
    view = RankingView(session)
    view.resize(1200, 800)
    view.show()
    app.processEvents()

    def timed(action) -> float:
        start = time.perf_counter()
        action()
        view.table_view.viewport().repaint()
        return (time.perf_counter() - start) * 1000

    switches = []  # each campaign read afresh (as after a change: nothing kept)
    for _ in range(args.rounds):
        for cid in campaigns:
            view.invalidate()
            switches.append(timed(lambda c=cid: view.set_campaign(c)))
    back = []  # to and fro between two campaigns seen since the last change
    for _ in range(args.rounds * 10):
        for cid in campaigns[:2]:
            back.append(timed(lambda c=cid: view.set_campaign(c)))
    counties = []
    for _ in range(args.rounds):
        for i in range(view.county_combo.count()):
            counties.append(timed(lambda i=i: view.county_combo.setCurrentIndex(i)))

    def figures_of(times: list[float]) -> dict[str, float]:
        ordered = sorted(times)
        return {
            "median": round(statistics.median(times), 1),
            "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
            "max": round(max(times), 1),
            "n": len(times),
        }

    rows = view.model.rowCount()
    view.county_combo.setCurrentIndex(0)
    figures = {
        "campaigns": len(campaigns),
        "rows_per_campaign": view.model.rowCount(),
        "last_county_rows": rows,
        "switch_ms": figures_of(switches),
        "switch_back_ms": figures_of(back),
        "county_ms": figures_of(counties),
    }
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    session.close()


if __name__ == "__main__":
    main()
