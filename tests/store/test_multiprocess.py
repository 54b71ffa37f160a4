"""The real things in separate processes: the window writing, commands reading, a crash.

The desktop app (tests/mp_gui_driver.py, offscreen) edits the checklist and
reports each commit; meanwhile command-line processes list, rank, export and
check the same file, and the app is killed with SIGKILL at a random moment.
Every edit the app reported committed must then be in the file, and the file
must pass SQLite's integrity check. This is what a crashed laptop relies on:
no process may make another lose its file locks (closing any descriptor of
the database file drops all of a process's POSIX locks on it, and the next
process to close the database then deletes the WAL the app still writes to).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "tests" / "mp_gui_driver.py"


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen")
    env.pop("INSPECTOR_DB", None)
    return env


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inspector", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=60,
    )


@pytest.fixture
def campaign_db(tmp_path: Path) -> tuple[Path, str]:
    db = tmp_path / "laptop.db"
    assert _cli(db, "init").returncode == 0
    assert _cli(db, "hq", "init").returncode == 0  # so its bundles have someone to read them
    made = _cli(
        db,
        "campaign",
        "create",
        "--name",
        "2026年第一季度专项督查",
        "--form",
        "township-party-building",
    )
    assert made.returncode == 0, made.stderr
    return db, made.stdout.strip()


class Gui:
    """The app in its own process; its stdout read on a thread so it never blocks."""

    def __init__(self, db: Path, seed: int):
        self.proc = subprocess.Popen(
            [sys.executable, str(DRIVER), str(db), str(seed)],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=_env(),
        )
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if line.strip() == "ready":
                self.ready.set()
            self.lines.append(line.rstrip("\n"))
        self.ready.set()

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
        self._reader.join(timeout=30)

    def committed(self) -> dict[str, int]:
        """The newest value (its sequence number) the app reported for each answer."""
        newest: dict[str, int] = {}
        for line in self.lines:
            parts = line.split()
            if len(parts) == 3 and parts[0] == "committed":
                newest[parts[1]] = int(parts[2][1:])
        return newest


def _commands(db: Path, campaign: str, out: Path) -> Iterator[tuple[str, ...]]:
    n = 0
    while True:
        n += 1
        yield ("campaign", "list")
        yield ("ranking", "--campaign", campaign)
        yield ("bundle", "export", "--out", str(out / f"round-{n}.inspbundle"))
        yield ("check",)


def _crash_round(db: Path, campaign: str, out: Path, seed: int) -> None:
    rng = random.Random(seed)
    gui = Gui(db, seed)
    try:
        assert gui.ready.wait(60), "the app did not start"
        assert gui.proc.poll() is None, "the app ended before it was killed"
        kill_at = time.monotonic() + rng.uniform(1.0, 2.5)
        commands = _commands(db, campaign, out)
        while time.monotonic() < kill_at:
            args = next(commands)
            result = _cli(db, *args)
            assert result.returncode == 0, (args, result.stderr)
    finally:
        gui.kill()
    committed = gui.committed()
    assert len(committed) >= 5, "the app made too few edits to test anything"
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = dict(conn.execute("SELECT id, note FROM answers").fetchall())
    lost = {
        aid: seq
        for aid, seq in committed.items()
        if aid not in stored or int((stored[aid] or "v0")[1:]) < seq
    }
    assert not lost, f"{len(lost)} of {len(committed)} committed edits lost after the crash"


def test_committed_edits_survive_a_crash_while_commands_use_the_database(campaign_db, tmp_path):
    db, campaign = campaign_db
    for seed in (1, 2):
        _crash_round(db, campaign, tmp_path, seed)


@pytest.mark.slow
def test_committed_edits_survive_many_crashes(campaign_db, tmp_path):
    db, campaign = campaign_db
    for seed in range(10, 12):
        _crash_round(db, campaign, tmp_path, seed)
