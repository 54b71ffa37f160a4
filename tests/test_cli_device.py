"""`inspector device …` and the start-up warnings, as users run them: real processes, real files."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time

from tests.test_cli import run

YEAR_MS = 365 * 24 * 3600 * 1000


def _device_id(db) -> str:
    out = run("device", "show", db=db).stdout
    return next(line.split()[-1] for line in out.splitlines() if line.startswith("device id"))


def test_a_copied_database_warns_until_it_gets_its_own_identity(tmp_path):
    original = tmp_path / "laptop1" / "inspector.db"
    run("init", db=original)
    shown = run("device", "show", db=original).stdout
    assert "same computer and folder" in shown
    copy = tmp_path / "laptop2" / "inspector.db"
    copy.parent.mkdir()
    shutil.copy(original, copy)  # the way teams set up laptops: one file copied around

    assert "CHANGED: copied, moved or renamed" in run("device", "show", db=copy).stdout
    made = run(
        "campaign",
        "create",
        "--name",
        "2017年第三季度基层党建专项督查",
        "--form",
        "township-party-building",
        db=copy,
    )
    assert made.stderr.startswith(
        "inspector: warning: this database was last used on another computer or in another folder"
    )
    assert "'inspector device new'" in made.stderr

    old = _device_id(copy)
    assert old == _device_id(original)
    fresh = run("device", "new", "--block-start", "101", "--block-end", "200", db=copy)
    new = _device_id(copy)
    assert new != old and f"new device id {new} (was {old})" in fresh.stdout
    assert "notice numbers: from 101 to 200" in fresh.stdout
    # the campaign made on the copy after the warning was made here: it moves to the new id
    assert f"1 edit(s) made on this copy before it had its own id now carry {new}" in fresh.stdout
    listed = run("campaign", "list", db=copy)
    assert listed.stderr == ""
    again = run(
        "campaign", "create", "--name", "第四季度", "--form", "township-party-building", db=copy
    )
    assert again.stderr == ""  # no warning any more: the copy is a device of its own
    dump = json.loads(run("dump", db=copy).stdout)
    stamps = sorted(c["updated_at"] for c in dump["campaigns"])
    assert stamps[0].endswith(new) and stamps[1].endswith(new)
    assert _device_id(original) == old


def test_device_new_without_a_block_reminds_of_the_notice_numbers(tmp_path):
    db = tmp_path / "x.db"
    run("init", db=db)
    result = run("device", "new", "--name", "笔记本2", db=db)
    assert "for 笔记本2" in result.stdout
    assert "reminder: this laptop still numbers notices from 1 to no limit" in result.stderr


def test_device_same_confirms_a_renamed_or_moved_laptop(tmp_path):
    db = tmp_path / "old" / "x.db"
    run("init", db=db)
    moved = tmp_path / "new" / "x.db"
    moved.parent.mkdir()
    shutil.move(db, moved)
    run("device", "same", db=moved)
    assert "same computer and folder" in run("device", "show", db=moved).stdout
    assert (
        run(
            "campaign", "create", "--name", "x", "--form", "township-party-building", db=moved
        ).stderr
        == ""
    )


def _set_clock_ahead(db, years: int) -> None:
    """As if the laptop's date had been years ahead when the last change was made."""
    ahead = int(time.time() * 1000) + years * YEAR_MS
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "UPDATE settings SET value = ? WHERE key = 'hlc_last'",
            [json.dumps(f"{ahead:013d}-0000-x")],
        )
    conn.close()


def test_a_clock_far_behind_the_last_change_is_warned_about_and_check_repairs_the_rows(tmp_path):
    db = tmp_path / "x.db"
    run("init", db=db)
    _set_clock_ahead(db, 9)  # then the date was set right again
    made = run(
        "campaign", "create", "--name", "未来的督查", "--form", "township-party-building", db=db
    )
    assert made.stderr.startswith("inspector: warning: this computer's clock (")
    assert "is behind the last change recorded (20" in made.stderr
    assert "check the date and time" in made.stderr
    assert run("campaign", "list", db=db).stderr == ""  # reading commands stay quiet

    checked = run("check", db=db, check=False)
    assert checked.returncode == 1
    assert (
        "campaigns: 1 row(s) stamped more than a day ahead of this computer's clock"
        in checked.stderr
    )
    fixed = run("check", "--restamp-future", db=db)
    assert "1 row(s) stamped in the future got a fresh stamp; backup" in fixed.stdout
    assert run("check", db=db).stdout.endswith(": ok\n")
    assert (
        run("campaign", "create", "--name", "x", "--form", "township-party-building", db=db).stderr
        == ""
    )
