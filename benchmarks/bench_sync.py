"""Bundle export and import on a province-sized database, full and delta.

    python benchmarks/bench_sync.py [--db PROVINCE.db] [--five-years PROVINCE40.db]
                                    [--workdir DIR]

Without --db a province (1,400 townships, 8 campaigns) is generated first.
Measures: export; import into an empty database; the same rows inserted by
plain `sqlite3.executemany` into an empty schema (the floor an import is
compared with; goal: import at most 3x); re-importing the same bundle into
the merged database (goal: at most half the first import).

Then a delta round: headquarters (the province) and a laptop holding all of
it, each having acknowledged the other; headquarters creates a campaign and
sends it as a delta, the laptop inspects one township (every item answered,
five problems) and sends a delta back. Goals: that delta under 1 MB and its
import under 1 s. Headquarters' app has opened that day first: its start-up
job (the whole-file check and the day's copy, timed apart) is what a day's
imports rely on. With --five-years (a province of 40 campaigns) the same
round is run there too: delta import on five years / on 8 campaigns, goal
at most 1.5x.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from sqlite_utils import Database

from inspector.demo import make_province
from inspector.progress import Progress
from inspector.store import backups, settings, versions
from inspector.store.catalog import create_campaign, form_for_campaign, townships
from inspector.store.clock import format_hlc, parse_hlc
from inspector.store.db import open_db
from inspector.store.dump import dump_json
from inspector.store.inspections import set_answer, start_inspection
from inspector.store.problems import add_problem
from inspector.store.rows import Rows
from inspector.store.schema import SYNCED_TABLES
from inspector.sync import roster
from inspector.sync.export import export_bundle
from inspector.sync.importer import import_bundle
from inspector.sync.keys import KEYS_DIR, device_keys


def timed(label: str, fn):
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    print(f"{label:<44} {seconds:8.2f} s", flush=True)
    return result, seconds


def plain_executemany(source: Path, target: Path) -> tuple[int, float]:
    """Every synced row copied with executemany into a fresh schema; only the inserts timed."""
    src = sqlite3.connect(source)
    data = {t: src.execute(f"SELECT * FROM [{t}]").fetchall() for t in SYNCED_TABLES}
    src.close()
    for old in target.parent.glob(target.name + "*"):
        old.unlink()
    open_db(target).close()
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    start = time.perf_counter()
    with conn:
        for table, rows in data.items():
            if rows:
                marks = ",".join("?" * len(rows[0]))
                conn.executemany(f"INSERT INTO [{table}] VALUES ({marks})", rows)
    seconds = time.perf_counter() - start
    conn.close()
    return sum(len(r) for r in data.values()), seconds


def laptop_of(hq_path: Path, work: Path, name: str) -> Path:
    """A laptop holding everything headquarters has, each side acknowledging the other.

    What a full bundle each way would leave, made with VACUUM INTO and the
    acknowledgements recorded directly, so that the round measured is the
    delta alone.
    """
    path = work / f"{name}.db"
    for old in work.glob(f"{name}.db*"):
        old.unlink()
    hq = open_db(hq_path)
    if roster.authority(hq) is None:  # the province signs as headquarters
        roster.init_hq(hq)
    hq.execute("VACUUM INTO ?", [str(path)])
    laptop = open_db(path)
    hq_device = settings.device_id(hq)
    with laptop.atomic():  # a laptop of its own: its id, its keys, no authority
        laptop.execute("DELETE FROM settings WHERE key IN ('roster', 'authority')")
        laptop.execute("DELETE FROM roster_devices")
        laptop.execute("DELETE FROM statements")
        settings.put(laptop, "device_id", f"{name}-laptop")
        settings.put(laptop, "device_name", name)
        ms, counter, _ = parse_hlc(versions.have_vector(hq)[hq_device])
        versions.raise_have(laptop, {hq_device: format_hlc(ms, counter, hq_device)})
        versions.record_ack(laptop, hq_device, settings.device_name(hq), versions.have_vector(hq))
    with hq.atomic():
        versions.record_ack(hq, f"{name}-laptop", name, versions.have_vector(laptop))
    roster.enrol(hq, roster.request(laptop), "inspector")
    roster.accept(laptop, roster.current(hq).document, trust=device_keys(hq).fingerprint)
    hq.close()
    laptop.close()
    return path


def _phase(phases: list[tuple[str, float]], name: str) -> float:
    """Seconds from the first progress report named `name` to the next report of another."""
    start = next((t for what, t in phases if what == name), None)
    if start is None:
        return 0.0
    return next((t for what, t in phases if t > start and what != name), start) - start


def delta_round(hq_path: Path, work: Path, label: str, rounds: int) -> tuple[float, float]:
    """One inspection round by deltas, `rounds` townships one after another.

    Returns the median seconds headquarters took to import a township's delta, in
    all and without the backup copy taken before writing (which grows with
    the database, not with the delta).
    """
    slug = label.split()[0]  # a device id: letters, digits, _ . : -
    laptop_path = laptop_of(hq_path, work, f"laptop{slug}")
    hq, laptop = open_db(hq_path), open_db(laptop_path)
    camp = create_campaign(Rows(hq, who="总部"), f"基准督查 {label}", "township-party-building")
    kit = work / f"hq-{slug}.inspbundle"
    summary, _ = timed(
        f"[{label}] HQ delta: a new campaign",
        lambda: export_bundle(hq, kit, since_last=True, to=f"laptop{slug}-laptop"),
    )
    print(f"  {summary.rows} rows, {summary.size:,} bytes")
    timed(f"[{label}] laptop imports it", lambda: import_bundle(laptop, kit))
    # Headquarters opens the app that day: its start-up job checks the whole file and
    # takes the day's copy, off the GUI thread, before any import.
    _, startup = timed(
        f"[{label}] HQ app's start-up job (check + day's copy)", lambda: backups.daily(hq)
    )
    with_backup: list[float] = []
    without: list[float] = []
    for n in range(rounds):  # one township after another, each its own delta
        seconds, backup = township_delta(hq, laptop, work, camp["id"], 700 + n, f"{label} #{n + 1}")
        with_backup.append(seconds)
        without.append(seconds - backup)
    print(
        f"[{label}] HQ imports of {rounds} township deltas: median {statistics.median(with_backup):.3f} s, "
        f"without the backup copy {statistics.median(without):.3f} s; the start-up job: {startup:.2f} s"
    )
    hq.close()
    laptop.close()
    return statistics.median(with_backup), statistics.median(without)


def township_delta(
    hq: Database, laptop: Database, work: Path, campaign: str, index: int, label: str
) -> tuple[float, float]:
    """The laptop inspects township `index` (every item, five problems) and sends a
    delta; headquarters imports it. Returns (import seconds, of which the backup copy)."""
    rows = Rows(laptop, who="督查员")
    town = townships(laptop)[index]["id"]
    iid = start_inspection(rows, campaign, town, inspected_on="2027-03-01")["id"]
    for n, item in enumerate(form_for_campaign(laptop, campaign).items):
        if item.kind == "verdict":
            verdicts = ("full", "fail") if item.veto else ("full", "partial", "fail")
            set_answer(rows, iid, item.id, verdict=verdicts[n % len(verdicts)])
        elif item.kind == "number":
            set_answer(rows, iid, item.id, number=n % 4)
    for k in range(5):
        add_problem(
            rows,
            town,
            f"问题{k}：三会一课记录不全，党员活动未按月开展",
            "2027-06-30",
            campaign_id=campaign,
            inspection_id=iid,
        )
    out = work / f"laptop-{label.replace(' ', '_').replace('#', '')}.inspbundle"
    summary, _ = timed(
        f"[{label}] laptop delta: one township", lambda: export_bundle(laptop, out, since_last=True)
    )
    print(
        f"  {summary.rows} rows, {summary.size:,} bytes ({summary.size / 1e6:.3f} MB, goal < 1 MB)"
    )
    phases: list[tuple[str, float]] = []
    watch = Progress(lambda _d, _t, what: phases.append((what, time.perf_counter())))
    result, seconds = timed(
        f"[{label}] HQ imports the township's delta", lambda: import_bundle(hq, out, progress=watch)
    )
    backup = _phase(phases, "backup")
    print(
        f"  {result.totals.new} new, {result.totals.updated} updated (goal < 1 s); "
        f"of it a backup copy before writing: {backup:.2f} s, the rest: {seconds - backup:.2f} s"
    )
    return seconds, backup


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="an existing province database")
    parser.add_argument(
        "--five-years", type=Path, help="a province with 40 campaigns, for the delta import ratio"
    )
    parser.add_argument(
        "--delta-only",
        action="store_true",
        help="skip the full export and import; measure the delta rounds only",
    )
    parser.add_argument(
        "--rounds", type=int, default=5, help="township deltas imported per database (median)"
    )
    parser.add_argument("--workdir", type=Path, help="where to write (default: a temp folder)")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-sync-"))
    work.mkdir(parents=True, exist_ok=True)
    source = args.db
    if source is None:
        source = work / "province.db"
        db = open_db(source)
        timed(
            "generate province (1400 townships, 8 campaigns)", lambda: make_province(db, 1400, 8, 1)
        )
        db.close()
    if not args.delta_only:
        full_round(source, work)
    deltas(source, work, args.five_years, args.rounds)


def full_round(source: Path, work: Path) -> None:
    db = open_db(source)
    if roster.authority(db) is None:  # the province signs as headquarters
        roster.init_hq(db)
    target = work / "imported.db"
    for p in work.glob("imported.db*"):
        p.unlink()
    fresh = open_db(target)
    roster.enrol(db, roster.request(fresh), "hq")  # so the bundle is sealed to it too
    trust = device_keys(db).fingerprint
    bundle = work / "province.inspbundle"
    summary, t_export = timed("export everything", lambda: export_bundle(db, bundle))
    print(f"  {summary.rows:,} rows, bundle {summary.size / 1e6:.1f} MB")
    db.close()

    result, t_import = timed(
        "import into an empty database", lambda: import_bundle(fresh, bundle, trust=trust)
    )
    print(f"  {result.totals.new:,} new rows")
    rows, t_plain = timed(
        "plain executemany of the same rows", lambda: plain_executemany(source, work / "plain.db")
    )
    t_plain = rows[1]
    print(f"  executemany alone: {t_plain:.2f} s for {rows[0]:,} rows")
    again, t_reimport = timed("re-import the same bundle", lambda: import_bundle(fresh, bundle))
    print(f"  {again.totals.unchanged:,} unchanged, changed: {again.changed}")

    check = open_db(source)
    same = dump_json(check) == dump_json(fresh)
    check.close()
    fresh.close()
    print(f"dumps equal after import: {same}")
    print(f"import / executemany: {t_import / t_plain:.2f}x (goal <= 3)")
    print(f"re-import / import:   {t_reimport / t_import:.2f}  (goal <= 0.5)")
    print(f"export: {t_export:.2f} s")


def fresh_copy(source: Path, target: Path) -> Path:
    """A copy of `source` through SQLite (VACUUM INTO), replacing an older one.

    The keys kept beside `source` come along (file names carry the device id, so
    two provinces' keys share one folder): without them the copy is no longer
    headquarters and cannot enrol the laptop.
    """
    for old in target.parent.glob(target.name + "*"):
        old.unlink()
    db = open_db(source)
    db.execute("VACUUM INTO ?", [str(target)])
    db.close()
    keys = source.parent / KEYS_DIR
    if keys.is_dir():
        shutil.copytree(keys, target.parent / KEYS_DIR, dirs_exist_ok=True)
    return target


def deltas(source: Path, work: Path, five_years: Path | None, rounds: int) -> None:
    eight = fresh_copy(source, work / "hq-8.db")
    t_delta8 = delta_round(eight, work, "8 campaigns", rounds)
    if five_years:
        forty = fresh_copy(five_years, work / "hq-40.db")
        t_delta40 = delta_round(forty, work, "40 campaigns", rounds)
        print(
            f"delta import, 40 / 8 campaigns: {t_delta40[0] / t_delta8[0]:.2f}x with the "
            f"backup, {t_delta40[1] / t_delta8[1]:.2f}x without it (goal <= 1.5)"
        )


if __name__ == "__main__":
    main()
