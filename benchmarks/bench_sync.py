"""Bundle export and import on a province-sized database.

    python benchmarks/bench_sync.py [--db PROVINCE.db] [--workdir DIR]

Without --db a province (1,400 townships, 8 campaigns) is generated first.
Measures: export; import into an empty database; the same rows inserted by
plain `sqlite3.executemany` into an empty schema (the floor an import is
compared with; goal: import at most 3x); re-importing the same bundle into
the merged database (goal: at most half the first import).
"""

from __future__ import annotations

import argparse
import sqlite3
import tempfile
import time
from pathlib import Path

from inspector.demo import make_province
from inspector.store.db import open_db
from inspector.store.dump import dump_json
from inspector.store.schema import SYNCED_TABLES
from inspector.sync import roster
from inspector.sync.export import export_bundle
from inspector.sync.importer import import_bundle
from inspector.sync.keys import device_keys


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", type=Path, help="an existing province database")
    parser.add_argument("--workdir", type=Path, help="where to write (default: a temp folder)")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-sync-"))
    work.mkdir(parents=True, exist_ok=True)
    source = args.db
    if source is None:
        source = work / "province.db"
        db = open_db(source)
        timed("generate province (1400 townships, 8 campaigns)",
              lambda: make_province(db, 1400, 8, 1))
        db.close()
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

    result, t_import = timed("import into an empty database",
                             lambda: import_bundle(fresh, bundle, trust=trust))
    print(f"  {result.totals.new:,} new rows")
    rows, t_plain = timed("plain executemany of the same rows",
                          lambda: plain_executemany(source, work / "plain.db"))
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


if __name__ == "__main__":
    main()
