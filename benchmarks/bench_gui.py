"""GUI figures on a province database: start-up, recording a verdict, peak memory.

    inspector --db /tmp/prov.db demo --townships 1400 --campaigns 8
    python benchmarks/bench_gui.py /tmp/prov.db [--runs 5] [--keys-only] [--profile FILE]

Start-up is measured from just before the process is spawned to the first
paint of the main window, against a bare PySide6 QMainWindow measured the
same way in the same run (goal: at most 2x). Inspector is started as the
`inspector --db FILE` command starts it (the command line's parser first).
Both run on Qt's offscreen platform with a 1366x768 screen, unless
QT_QPA_PLATFORM names another (xcb under Xvfb, as a desktop). Both are watched the same
way: the first main window shown gets an event filter, and its first paint
event is the figure. The window fills itself after that first paint, so a
second figure, Inspector only, runs to the first paint after the window
says it is filled (`MainWindow.loaded`): the tree showing the current
campaign's townships. Recording a verdict is a key
press on the checklist through to the answer written, the score cache
refreshed and every view showing it, painted (the checklist's header, the
tree's township row, the page); whatever a change leaves pending (a
debounced refresh) is run at once and counted, as are full reloads of the tree
(goal: median <= 5 ms, max <= 20 ms, no full reload). Typing a note is
measured the same way. The presses are made once the worker has finished
the start-up work (the day's backup copy, the rankings) and the window has
had 300 ms to settle, on a 1366x768 screen; twenty presses made before that,
while the worker is still busy, are reported apart. Peak memory is the
app's maximum resident size with the province open and a checklist shown
(goal: under 300 MB). Each measurement runs in its own process.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

PROBE = r"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
t0 = float(sys.argv[1])
app = QApplication(sys.argv[:1])

class Paints(QObject):
    # Prints the seconds to the main window's first paint and, for a window with
    # a `loaded` signal, to its first paint after it has filled itself. Until the
    # window says it is filled only the window itself is watched (its own paint
    # event comes first in a paint): an application-wide filter hands every
    # object and event to Python, which slows the start-up of a window of many
    # widgets far more than that of a bare one. Once it is filled, any of its
    # widgets painting again counts, so the filter goes application-wide.

    def __init__(self):
        super().__init__()
        self.window = None
        self.figures = []
        self.filled = False

    def watch(self, window):
        if self.window is None:
            self.window = window
            window.installEventFilter(self)

    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint or not obj.isWidgetType() \
                or obj.window() is not self.window:
            return False
        if not self.figures:
            self.figures.append(time.time() - t0)
            if not hasattr(obj, "loaded"):
                self.report()
            elif obj.is_loaded:
                self.on_loaded()
            else:
                obj.loaded.connect(self.on_loaded)
        elif self.filled:
            self.figures.append(time.time() - t0)
            self.report()
        return False

    def on_loaded(self):
        self.filled = True
        app.installEventFilter(self)

    def report(self):
        print(" ".join(f"{f:.4f}" for f in self.figures), flush=True)
        os._exit(0)

probe = Paints()
_show = QMainWindow.show

def show(window):
    probe.watch(window)  # the first main window shown, bare or Inspector's
    _show(window)

QMainWindow.show = show
"""

BARE = (
    PROBE
    + r"""
w = QMainWindow()
w.setWindowTitle("bare")
w.resize(1440, 900)
w.show()
app.exec()
"""
)

APP = (
    PROBE
    + r"""
from inspector.cli import main  # the `inspector` command, as a user (or the build) starts it
main(args=["--db", sys.argv[2]], prog_name="inspector")
"""
)

ENTRY = r"""
import json, resource, statistics, sys, time
from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from inspector.app import _application
from inspector.store.db import open_db
from inspector.store.inspections import set_status, find_inspection
from inspector.store.rows import Rows
from inspector.ui.fonts import install_app_font
from inspector.ui.main_window import MainWindow
from inspector.ui.township_tree import TownshipTreeModel

app = _application()
install_app_font(app)
questions = []
EARLY_PRESSES = 20


def keep(*args, **kwargs):  # "withdraw the problem?" after a 不符合 turns 符合: keep it, count it
    questions.append(args[1] if len(args) > 1 else "")
    return QMessageBox.StandardButton.No


QMessageBox.question = keep
path = sys.argv[1]
db = open_db(path, autocheckpoint=False)  # as the app opens it: the worker checkpoints
window = MainWindow(db, path)
window.startup_checks = False  # a copied file's warning box would take the key presses
filled = QEventLoop()
window.loaded.connect(filled.quit)
window.show()
filled.exec()
app.processEvents()
model = window.tree.model
county = model.index(0, 0)
township = model.township_row(model.index(0, 0, county))["township_id"]
inspection = find_inspection(db, window.campaign_id, township)
if inspection and inspection["status"] == "finished":
    set_status(Rows(db), inspection["id"], False)
window.tree.select_township(township)
window.open_checklist()
app.processEvents()
checklist = window.checklist
from inspector.ui.worker import pool

# Presses while the start-up work still runs in the worker (the day's backup of the
# whole file, the rankings): measured apart, then the worker is let finish and the
# checklist settle, as an inspector reads the list before the first key.
early, early_busy = [], 0
for card in [c for c in checklist.cards.values() if c.verdicts][:EARLY_PRESSES]:
    checklist.focus_item(card.item.id)
    app.processEvents()
    early_busy += pool().activeThreadCount() > 0
    start = time.perf_counter()
    QTest.keyClick(card, Qt.Key.Key_2)  # 基本符合: round 1's 符合 then writes again
    app.processEvents()
    early.append((time.perf_counter() - start) * 1000)
pool().waitForDone(600_000)
QTest.qWait(300)

reloads = {"tree": 0}
_load = TownshipTreeModel.set_rows


def counting_set_rows(self, rows):  # a full reload of the tree: every township re-read
    reloads["tree"] += 1
    return _load(self, rows)


TownshipTreeModel.set_rows = counting_set_rows


def settle():
    # Whatever the change left pending (a debounced refresh) runs now and is counted,
    # then the paint of every widget it changed: the figure is the key press through
    # every view showing the new answer on screen.
    timer = getattr(window, "_refresh_timer", None)
    if timer is not None and timer.isActive():
        timer.stop()
        window.refresh()
    app.processEvents()


profile = None
if len(sys.argv) > 2:  # --profile: cProfile around the key presses and their paint
    import cProfile
    profile = cProfile.Profile()
times, written, cpu, presses = [], [], [], []
bar = checklist.scroll_area.verticalScrollBar()
for round_ in range(3):
    checklist.focus_item(next(i for i, c in checklist.cards.items() if c.verdicts))
    app.processEvents()  # the round's jump back to the top is painted before the first press
    for _ in range(len(checklist.cards)):
        card = checklist._current
        if card is None:
            break
        focus = card.focusProxy() or card
        if card.verdicts is None:
            checklist._on_move(card, 1)  # a count or a note: step over it
            if card is checklist._current:
                break
            continue
        key = (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_4)[round_]
        if profile is not None:
            profile.enable()
        scrolled_from = bar.value()
        start, start_cpu = time.perf_counter(), time.process_time()
        QTest.keyClick(focus, key)
        written.append((time.perf_counter() - start) * 1000)
        settle()
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        presses.append({  # what the press did, to tell which kind is the slowest
            "ms": round(times[-1], 1), "press": len(times), "round": round_ + 1,
            "scrolled": bar.value() != scrolled_from,
        })
        if profile is not None:
            profile.disable()
if profile is not None:
    profile.dump_stats(sys.argv[2])
verdict_reloads = reloads["tree"]
notes = []
card = next(c for c in checklist.cards.values() if c.verdicts)
card.note.setFocus()
app.processEvents()
for ch in "abcdefghijklmnopqrst":
    start = time.perf_counter()
    QTest.keyClick(card.note, ch)
    settle()
    notes.append((time.perf_counter() - start) * 1000)
note_reloads = reloads["tree"] - verdict_reloads
refresh = []
for _ in range(5):
    start = time.perf_counter()
    window.refresh()
    app.processEvents()
    refresh.append((time.perf_counter() - start) * 1000)
timer = getattr(window, "_refresh_timer", None)
if timer is not None:
    timer.stop()
print(json.dumps({
    "verdicts": len(times), "verdict_median_ms": statistics.median(times),
    "verdict_p95_ms": sorted(times)[int(len(times) * 0.95) - 1], "verdict_max_ms": max(times),
    "cpu_median_ms": statistics.median(cpu), "cpu_p95_ms": sorted(cpu)[int(len(cpu) * 0.95) - 1],
    "cpu_max_ms": max(cpu),
    "written_median_ms": statistics.median(written), "written_max_ms": max(written),
    "verdict_tree_reloads": verdict_reloads,
    "notes": len(notes), "note_median_ms": statistics.median(notes),
    "note_max_ms": max(notes), "note_tree_reloads": note_reloads,
    "worst": sorted(presses, key=lambda p: -p["ms"])[:5],
    "refresh_median_ms": statistics.median(refresh), "questions": len(questions),
    "early": len(early), "early_busy": early_busy,
    "early_median_ms": statistics.median(early) if early else 0,
    "early_max_ms": max(early, default=0),
    "townships": model.township_count(),
    "maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
}))
window.close()
sys.stdout.flush()
import os
os._exit(0)  # skip interpreter teardown: figures are printed, nothing left to save
"""


_PYCACHE = tempfile.mkdtemp(prefix="bench-gui-pycache-")


LAPTOP = {"width": 1366, "height": 768}  # the smallest laptop screen in the field


def laptop_platform(folder: str) -> str:
    """Qt's offscreen platform on a laptop-sized screen.

    Its own screen is 800x600: the tree and the section list then leave the
    checklist 144 px, every card is wrapped to a column of single words, and a
    key press lays out and paints what no laptop shows.
    """
    path = os.path.join(folder, "laptop-screen.json")
    screen = {"name": "laptop", "x": 0, "y": 0, "logicalDpi": 96, "dpr": 1, **LAPTOP}
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"screens": [screen]}, f)
    return f"offscreen:configfile={path}"


def timed(script: str, *args: str) -> list[float]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", laptop_platform(_PYCACHE))
    # Started as installed (PyInstaller ships compiled modules): with
    # PYTHONDONTWRITEBYTECODE set, every run compiled Inspector's modules from
    # source, some 100 ms the bare window never pays. The warm-up run compiles.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = _PYCACHE
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", script, f"{start:.6f}", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    if out.returncode != 0 or not out.stdout.strip():
        raise SystemExit(f"probe failed:\n{out.stderr}")
    return [float(f) for f in out.stdout.strip().splitlines()[-1].split()]


def start_up(db: str, runs: int) -> None:
    timed(BARE)
    timed(APP, db)  # warm the file cache for both
    # In pairs, one after the other: this machine's speed drifts by a fifth within
    # seconds, and a block of bare runs then a block of Inspector's compared the drift.
    bare, app = [], []
    for _ in range(runs):
        bare.append(timed(BARE)[0])
        app.append(timed(APP, db))
    b = statistics.median(bare)
    a = statistics.median(run[0] for run in app)
    filled = statistics.median(run[-1] for run in app)
    pairs = sorted(run[0] / base for run, base in zip(app, bare, strict=True))
    print(
        f"start-up to first paint: bare QMainWindow {b * 1000:.0f} ms, "
        f"Inspector on the province {a * 1000:.0f} ms, ratio {a / b:.2f}x (goal <= 2x); "
        f"pair by pair: median {statistics.median(pairs):.2f}x, "
        f"from {pairs[0]:.2f}x to {pairs[-1]:.2f}x"
    )
    print(
        f"start-up to the main window filled (tree showing the campaign's townships): "
        f"Inspector {filled * 1000:.0f} ms, ratio {filled / b:.2f}x the bare first paint"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("db", help="a province database (inspector demo --townships 1400)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--keys-only",
        action="store_true",
        help="measure the key presses and typing only, not the start-up",
    )
    parser.add_argument(
        "--profile",
        metavar="FILE",
        help="write cProfile statistics of the verdict key presses to FILE",
    )
    args = parser.parse_args()
    from inspector.store.backups import copy_file

    work = tempfile.mkdtemp(prefix="bench-gui-")
    db = os.path.join(work, "prov.db")
    copy_file(args.db, db)  # the checklist writes answers: never touch the original
    screen = "{width}x{height}".format(**LAPTOP)
    print(
        f"platform: {os.environ.get('QT_QPA_PLATFORM', 'offscreen on a ' + screen + ' screen')}"
        f" (key presses: offscreen, {screen}), runs: {args.runs}"
    )
    if not args.keys_only:
        start_up(db, args.runs)
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = laptop_platform(work)  # key presses need no window manager focus
    extra = [os.path.abspath(args.profile)] if args.profile else []
    out = subprocess.run(
        [sys.executable, "-c", ENTRY, db, *extra],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    if out.returncode != 0:
        raise SystemExit(out.stderr)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    print(
        f"recording a verdict ({figures['verdicts']} key presses), key press through "
        f"every view showing it: median {figures['verdict_median_ms']:.1f} ms, p95 "
        f"{figures['verdict_p95_ms']:.1f} ms, max {figures['verdict_max_ms']:.1f} ms "
        f"(goal: median <= 5 ms, max <= 20 ms); full tree reloads: "
        f"{figures['verdict_tree_reloads']} (goal 0); withdraw questions answered No: "
        f"{figures['questions']}"
    )
    print(
        f"  the same presses in CPU time of the app's process (what a busy machine does not "
        f"inflate): median {figures['cpu_median_ms']:.1f} ms, p95 {figures['cpu_p95_ms']:.1f} "
        f"ms, max {figures['cpu_max_ms']:.1f} ms"
    )
    print(
        f"  of which the key press itself (the write, the score, the views' data): median "
        f"{figures['written_median_ms']:.1f} ms, max {figures['written_max_ms']:.1f} ms"
    )
    worst = ", ".join(
        f"{p['ms']:.1f} ms (press {p['press']}, round {p['round']}"
        f"{', scrolled' if p['scrolled'] else ''})"
        for p in figures["worst"]
    )
    print(f"  the slowest presses: {worst}")
    print(
        f"  before those, {figures['early']} presses while the start-up work ran in the "
        f"worker ({figures['early_busy']} with it busy: the day's backup, the rankings): "
        f"median {figures['early_median_ms']:.1f} ms, max {figures['early_max_ms']:.1f} ms"
    )
    print(
        f"typing a note ({figures['notes']} key presses) through every view: median "
        f"{figures['note_median_ms']:.1f} ms, max {figures['note_max_ms']:.1f} ms; full "
        f"tree reloads: {figures['note_tree_reloads']}"
    )
    print(
        f"a full refresh (F5): tree, page and lists ({figures['townships']} townships): "
        f"median {figures['refresh_median_ms']:.0f} ms"
    )
    print(
        f"peak memory with the province open and a checklist shown: "
        f"{figures['maxrss_mb']:.0f} MB (goal < 300 MB)"
    )
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
