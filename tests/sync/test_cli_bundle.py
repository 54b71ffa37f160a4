"""`inspector bundle …` as a user types it: export, dry run, import, re-import, conflicts."""

from __future__ import annotations

import sqlite3

from click.testing import CliRunner

from inspector.cli import main
from inspector.store.dump import dump_json
from inspector.store.problems import add_problem, edit_problem
from inspector.sync.export import export_bundle

PW = {"INSPECTOR_BUNDLE_PASSPHRASE": "正确的口令 horse"}


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None):
    result = CliRunner().invoke(main, list(args), env=env, input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_export_import_round_trip_on_the_command_line(hq, federation, tmp_path):
    """A laptop not enrolled yet opens a bundle with its passphrase and pins headquarters."""
    hq.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    out = tmp_path / "交换.inspbundle"
    exported = run(
        "--db",
        str(hq.path),
        "bundle",
        "export",
        "--out",
        str(out),
        "--passphrase",
        input="正确的口令 horse\n正确的口令 horse\n",
    )
    assert exported.exit_code == 0, exported.output
    assert "正确的口令" not in exported.output  # typed without echo
    assert "problems" in exported.output and "total" in exported.output
    assert "and the passphrase" in exported.output
    target = str(tmp_path / "laptop.db")
    first = run(
        "--db", target, "bundle", "import", str(out), "--passphrase", input="正确的口令 horse\n"
    )
    assert first.exit_code == 1 and federation.keys.fingerprint in first.stderr
    wrong = run(
        "--db",
        target,
        "bundle",
        "import",
        str(out),
        "--trust-hq",
        federation.keys.fingerprint,
        env={"INSPECTOR_BUNDLE_PASSPHRASE": "guess"},
    )
    assert wrong.exit_code == 1 and "wrong passphrase" in wrong.stderr
    trust = ("--trust-hq", federation.keys.fingerprint)
    dry = run("--db", target, "bundle", "import", str(out), "--dry-run", *trust, env=PW)
    assert dry.exit_code == 0
    assert "dry run: nothing was written" in dry.output
    lines = {
        line.split()[0]: line.split()[1:]
        for line in dry.output.splitlines()[2:]
        if line.strip() and line.split()[0] in ("townships", "total")
    }
    assert lines["townships"][0] == "40"  # new: 36 townships, 4 sample project sites
    assert "signature verified" in dry.output and "written by 总部" in dry.output
    done = run("--db", target, "bundle", "import", str(out), *trust, env=PW)
    assert done.exit_code == 0 and "imported" in done.output
    again = run("--db", target, "bundle", "import", str(out), env=PW)
    assert "nothing to change" in again.output
    dumped = run("--db", target, "dump")
    assert dumped.output == dump_json(hq.db)


def test_a_passphrase_is_never_taken_from_the_command_line(hq, tmp_path):
    """Other users see a process's arguments (ps) and the shell keeps them in its history."""
    out = tmp_path / "x.inspbundle"
    given = run(
        "--db", str(hq.path), "bundle", "export", "--out", str(out), "--passphrase", "秘密口令"
    )
    assert given.exit_code == 2 and not out.exists()  # the value is not an option's argument
    differ = run(
        "--db",
        str(hq.path),
        "bundle",
        "export",
        "--out",
        str(out),
        "--passphrase",
        input="一\n二\n一\n一\n",
    )
    assert differ.exit_code == 0 and "do not match" in differ.output


def test_conflicts_are_called_out_listed_and_resolved(hq, laptops, tmp_path):
    field = laptops("笔记本1")
    field.take(hq.export())
    pid = hq.db.execute("SELECT id FROM problems ORDER BY id LIMIT 1").fetchone()[0]
    edit_problem(hq.rows, pid, {"text": "总部的修改"})
    edit_problem(field.rows, pid, {"text": "笔记本的修改"})
    bundle = hq.export()
    field.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    result = run("--db", str(field.path), "bundle", "import", str(bundle))
    assert "conflicts: 1 row(s) were edited on both sides" in result.output
    listed = run("--db", str(field.path), "bundle", "conflicts")
    assert "problems" in listed.output and "differs in: text" in listed.output
    conflict_id = listed.output.split("\t")[0]
    resolved = run("--db", str(field.path), "bundle", "resolve", conflict_id, "--keep", "loser")
    assert resolved.exit_code == 0
    assert "no unresolved conflicts" in run("--db", str(field.path), "bundle", "conflicts").output
    again = run("--db", str(field.path), "bundle", "resolve", conflict_id, "--keep", "winner")
    assert again.exit_code == 1 and "already resolved" in again.stderr


def test_since_last_on_the_command_line_carries_only_what_hq_lacks(hq, laptops, tmp_path):
    laptop = laptops("笔记本1")
    laptop.take(hq.export())
    hq.take(laptop.export(since_last=True))
    laptop.take(hq.export(since_last=True))
    town = laptop.db.execute("SELECT township_id FROM problems LIMIT 1").fetchone()[0]
    add_problem(laptop.rows, town, "新发现的问题", "2027-01-31")
    laptop.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    out = tmp_path / "增量.inspbundle"
    exported = run(
        "--db",
        str(laptop.path),
        "bundle",
        "export",
        "--out",
        str(out),
        "--since-last",
        "--to",
        hq.rows.device,
    )
    assert exported.exit_code == 0, exported.output
    assert f"delta: what device {hq.rows.device} has not acknowledged" in exported.output
    assert "      1 rows, 0 attachments" in exported.output
    refused = run(
        "--db",
        str(laptop.path),
        "bundle",
        "export",
        "--out",
        str(out),
        "--since-last",
        "--to",
        "feedbeef",
    )
    assert refused.exit_code == 1
    assert "no bundle from device feedbeef was ever imported here" in refused.stderr
    assert "Traceback" not in refused.output + refused.stderr


def test_a_complete_bundle_is_not_reported_as_failed_when_the_database_is_busy(
    hq, laptops, tmp_path
):
    """The export's own note is bookkeeping: a locked database warns, the bundle stands."""
    laptop = laptops("笔记本")  # enrolled before the export, so the bundle is encrypted to it
    hq.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    hq.db.execute("PRAGMA busy_timeout = 0")
    other = sqlite3.connect(hq.path)
    other.execute("BEGIN IMMEDIATE")  # another window is writing
    try:
        out = tmp_path / "总部.inspbundle"
        summary = export_bundle(hq.db, out)
    finally:
        other.rollback()
        other.close()
    assert out.exists() and summary.rows > 0
    assert [w.template for w in summary.warnings] == [
        "the bundle is complete, but this database could not note the export ({error}); "
        "the 'last export' line stays as it was"
    ]
    assert "locked" in str(summary.warnings[0])
    assert laptop.take(out).applied


def test_the_command_line_shows_the_busy_warning_and_succeeds(hq, tmp_path, monkeypatch):
    import inspector.sync.export as export

    put = export.settings.put

    def busy(db, key, value):  # the note of the export is the write that fails
        if key == export.LAST_EXPORT:
            raise sqlite3.OperationalError("attempt to write a readonly database")
        put(db, key, value)

    monkeypatch.setattr(export.settings, "put", busy)
    hq.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    out = tmp_path / "总部.inspbundle"
    result = run("--db", str(hq.path), "bundle", "export", "--out", str(out))
    assert result.exit_code == 0 and out.exists()
    assert "warning: the bundle is complete" in result.stderr
    assert "readonly" in result.stderr
