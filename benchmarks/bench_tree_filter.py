"""A keystroke in the township tree's filter box, on a province (1,400 townships).

Make one first:  inspector --db /tmp/prov.db demo --townships 1400 --campaigns 40
Then:            python benchmarks/bench_tree_filter.py /tmp/prov.db

A keystroke is timed from the debounced slot (`TownshipTree._on_filter`: the
model rebuilds its counties from its own list, the tree expands what
matches, the figure columns are sized) to the view laid out and painted,
offscreen, in a window of 1280×720. Each text is typed a character at a
time, as the user does, and then cleared: clearing shows all 1,400
townships again, the largest repaint. Goal: every keystroke under 100 ms.
Also timed: the tree's first load of the newest campaign (one query).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from inspector.store.catalog import campaigns
from inspector.store.db import open_db
from inspector.store.session import Session
from inspector.ui.fonts import install_app_font
from inspector.ui.township_tree import TownshipTree

TEXTS = ("模拟县003", "第0123", "街道", "乡", "没有这样的乡镇")


def settle(app: QApplication, tree: TownshipTree) -> None:
    """Let the view lay out and paint what the model now holds."""
    app.processEvents()
    tree.view.viewport().repaint()
    app.processEvents()


CPU: list[float] = []  # the same keystrokes in CPU time (what a busy machine does not inflate)


def keystroke(app: QApplication, tree: TownshipTree, text: str) -> float:
    tree.filter_edit.blockSignals(True)
    tree.filter_edit.setText(text)
    tree.filter_edit.blockSignals(False)
    start, cpu = time.perf_counter(), time.process_time()
    tree._on_filter()  # what the debounce timer calls
    settle(app, tree)
    CPU.append((time.process_time() - cpu) * 1000)
    return (time.perf_counter() - start) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--profile", metavar="FILE", help="cProfile statistics of the keystrokes")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_app_font(app)
    session = Session(open_db(args.db, autocheckpoint=False))
    campaign = campaigns(session.db)[0]  # the newest, as the window opens it
    count = session.db.execute("SELECT COUNT(*) FROM townships WHERE deleted = 0").fetchone()[0]
    print(f"{args.db}: {count:,} townships, {len(campaigns(session.db))} campaigns")
    tree = TownshipTree()
    tree.resize(430, 680)
    tree.show()
    settle(app, tree)
    start = time.perf_counter()
    tree.load(session, campaign["id"])
    settle(app, tree)
    print(f"first load of {campaign['name']}: {(time.perf_counter() - start) * 1000:.1f} ms")

    profile = None
    if args.profile:
        import cProfile

        profile = cProfile.Profile()
        profile.enable()
    times: dict[str, list[float]] = {}
    for _ in range(args.repeat):
        for text in TEXTS:
            for n in range(1, len(text) + 1):
                times.setdefault(text[:n], []).append(keystroke(app, tree, text[:n]))
            times.setdefault("(cleared)", []).append(keystroke(app, tree, ""))
    if profile is not None:
        profile.disable()
        profile.dump_stats(args.profile)
    worst = 0.0
    print(f"keystroke (median / max of {args.repeat} or more):")
    for text, ms in times.items():
        worst = max(worst, max(ms))
        print(f"  {text!r:16} {statistics.median(ms):7.1f} / {max(ms):7.1f} ms")
    every = [t for ms in times.values() for t in ms]
    print(
        f"\nall {len(every)} keystrokes: median {statistics.median(every):.1f} ms, "
        f"worst {worst:.1f} ms (goal: under 100 ms)"
    )
    print(
        f"the same in CPU time: median {statistics.median(CPU):.1f} ms, worst {max(CPU):.1f} ms"
        f" (load average {os.getloadavg()[0]:.1f})"
    )
    return 0 if worst < 100 else 1


if __name__ == "__main__":
    sys.exit(main())
