"""The write path of one checklist answer: how many SQL statements it issues, and what it writes.

A verdict key press in the checklist is one `Session.answers.set`. On a province
database every statement it issues costs time on the GUI thread, so the count is
held to a bound here; and cutting statements must not change a byte of what is
written, so a fixed sequence of edits is compared, row for row, with the rows the
write path wrote before it was cut (`write_path_rows.json`).
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from inspector.core.ids import answer_id
from inspector.core.scoring import Verdict
from inspector.store import clock, settings
from inspector.store.inspections import InspectionLocked
from inspector.store.session import Session

GOLDEN = Path(__file__).with_name("write_path_rows.json")

# The bounds: a changed verdict, the same verdict again, a note typed in.
CHANGED_AT_MOST = 18
NO_OP_AT_MOST = 5
NOTE_AT_MOST = 18


def statements(session: Session, action: Callable[[], object]) -> list[str]:
    """Every SQL statement `action` issues on the session's connection."""
    got: list[str] = []
    session.db.conn.set_trace_callback(got.append)
    try:
        action()
    finally:
        session.db.conn.set_trace_callback(None)
    return got


@pytest.fixture
def fixed_clock(monkeypatch) -> Iterator[None]:
    """A wall clock that moves 7 ms per reading, far past the fixture's own stamps."""
    ticks = itertools.count(4_000_000_000_000, 7)
    monkeypatch.setattr(clock, "wall_ms", lambda: next(ticks))
    yield


@pytest.fixture
def gui_session(init_db, fixed_clock) -> Session:
    """A session as the GUI opens one: no name given, so the audit names the device."""
    from inspector.store.catalog import create_campaign

    settings.put(init_db, "device_id", "0123456789abcdef")
    settings.put(init_db, "device_name", "笔记本")
    session = Session(init_db)
    session.campaign = create_campaign(  # type: ignore[attr-defined]
        session.rows, "2026年第一季度", "township-party-building"
    )["id"]
    return session


def _items(session: Session, kind: str) -> list[str]:
    form = session.catalog.form_for_campaign(session.campaign)  # type: ignore[attr-defined]
    return [i.id for i in form.items if i.kind == kind and not i.veto]


def _started(session: Session) -> str:
    from inspector.store.catalog import townships

    township = townships(session.db)[0]["id"]
    return session.inspections.start(session.campaign, township).value["id"]  # type: ignore[attr-defined]


def test_one_changed_verdict_a_no_op_and_a_note_stay_within_their_statements(gui_session):
    insp = _started(gui_session)
    item = _items(gui_session, "verdict")[0]
    gui_session.answers.set(insp, item, verdict=Verdict.FULL)

    changed = statements(
        gui_session, lambda: gui_session.answers.set(insp, item, verdict="partial")
    )
    same = statements(gui_session, lambda: gui_session.answers.set(insp, item, verdict="partial"))
    note = statements(gui_session, lambda: gui_session.answers.set(insp, item, note="门口有牌子"))

    assert len(changed) <= CHANGED_AT_MOST, "\n".join(changed)
    assert len(same) <= NO_OP_AT_MOST, "\n".join(same)
    assert len(note) <= NOTE_AT_MOST, "\n".join(note)
    # and the write happened, in one transaction
    assert gui_session.answers.of(insp)[item]["verdict"] == "partial"
    assert gui_session.answers.of(insp)[item]["note"] == "门口有牌子"
    for issued in (changed, same, note):
        assert sum(s.startswith("BEGIN") for s in issued) == 1
        assert sum(s == "COMMIT" for s in issued) == 1


def _edits(session: Session) -> str:
    """A fixed sequence through every branch of the answer's write path; returns the inspection."""
    insp = _started(session)
    first, second = _items(session, "verdict")[:2]
    count = _items(session, "number")[0]
    session.answers.set(insp, first, verdict=Verdict.FULL)  # a new answer
    session.answers.set(insp, first, verdict=Verdict.PARTIAL)  # changed
    session.answers.set(insp, first, verdict=Verdict.PARTIAL)  # the same again: nothing
    session.answers.set(insp, first, note="门口有牌子")  # a note
    session.answers.set(insp, count, number=3)
    session.answers.set(insp, count, number=5.0)
    session.answers.set(insp, first, verdict=None)  # cleared
    session.inspections.set_finished(insp, True)
    with pytest.raises(InspectionLocked):
        session.answers.set(insp, first, verdict=Verdict.FULL)
    session.inspections.set_finished(insp, False)
    session.rows.delete("answers", answer_id(insp, first))  # a tombstone …
    session.answers.set(insp, first, verdict=Verdict.FULL)  # … revived
    settings.put(session.db, "inspector_name", "张三")  # the audit names the inspector now
    session.answers.set(insp, second, verdict=Verdict.FAIL)
    session.db.execute(  # as if the answer had come from another laptop: it becomes the base
        "UPDATE answers SET updated_at = '3999999999999-0000-fedcba9876543210' WHERE id = ?",
        [answer_id(insp, second)],
    )
    session.answers.set(insp, second, verdict=Verdict.FULL, note="已整改")
    return insp


def written_rows(session: Session, insp: str, audit_after: int) -> dict[str, Any]:
    """The rows the edits wrote, with the random campaign id and the ids made from it named."""
    db = session.db

    def dicts(sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cursor = db.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]

    found = {
        "answers": dicts("SELECT * FROM answers WHERE inspection_id = ? ORDER BY item_id", [insp]),
        "inspections": dicts("SELECT * FROM inspections WHERE id = ?", [insp]),
        "scores": dicts("SELECT * FROM scores WHERE inspection_id = ?", [insp]),
        "audit_log": dicts(
            "SELECT at, who, table_name, row_id, action, old, new FROM audit_log "
            "WHERE id > ? ORDER BY id",
            [audit_after],
        ),
        "settings": dicts("SELECT key, value FROM settings ORDER BY key", []),
    }
    text = json.dumps(found, ensure_ascii=False, indent=1, sort_keys=True)
    names = {session.campaign: "<campaign>", insp: "<inspection>"}  # type: ignore[attr-defined]
    for row in found["answers"]:
        names[row["id"]] = f"<answer {row['item_id']}>"
    for real, name in names.items():
        text = text.replace(real, name)
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", "<finished at>", text)
    return json.loads(text.replace(dt.date.today().isoformat(), "<today>"))


def test_the_edits_write_exactly_the_rows_they_wrote_before_the_path_was_cut(gui_session):
    audit_after = gui_session.db.execute("SELECT MAX(id) FROM audit_log").fetchone()[0]
    insp = _edits(gui_session)
    got = written_rows(gui_session, insp, audit_after)
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    for table in expected:
        assert got[table] == expected[table], table


def test_an_answer_that_moves_the_inspection_says_so_and_the_next_one_does_not(gui_session):
    from inspector.store import session as S

    insp = _started(gui_session)
    gui_session.db.execute("UPDATE inspections SET status = 'not_started' WHERE id = ?", [insp])
    first, second = _items(gui_session, "verdict")[:2]
    moved = gui_session.answers.set(insp, first, verdict=Verdict.FULL)
    assert moved.changes.touches(S.INSPECTIONS, S.ANSWERS, S.SCORES)
    assert gui_session.db.execute(
        "SELECT status FROM inspections WHERE id = ?", [insp]
    ).fetchone() == ("in_progress",)
    township = gui_session.db.execute(
        "SELECT township_id FROM inspections WHERE id = ?", [insp]
    ).fetchone()[0]
    assert moved.changes.townships == {township} and moved.changes.inspections == {insp}
    after = gui_session.answers.set(insp, second, verdict=Verdict.FULL)
    assert after.changes.touches(S.ANSWERS) and not after.changes.touches(S.INSPECTIONS)


def test_who_and_the_device_are_read_once_per_transaction_and_again_in_the_next(gui_session):
    from inspector.store.rows import Rows

    rows = Rows(gui_session.db)
    insp = _started(gui_session)

    def two_edits() -> None:
        with rows.atomic():
            rows.update("inspections", insp, {"team": "第一组"})
            rows.update("inspections", insp, {"team": "第二组"})

    issued = statements(gui_session, two_edits)
    assert sum("FROM settings WHERE key IN" in s for s in issued) == 1
    assert not any("WHERE key = 'device_id'" in s for s in issued)
    assert not any("WHERE key = 'inspector_name'" in s for s in issued)
    settings.put(gui_session.db, "inspector_name", "李四")
    rows.update("inspections", insp, {"team": "第三组"})
    who = gui_session.db.execute("SELECT who FROM audit_log ORDER BY id DESC LIMIT 3").fetchall()
    assert [w for (w,) in who] == ["李四", "笔记本", "笔记本"]


def test_identity_is_who_and_the_device_id_as_read_one_by_one(fresh_db):
    made = settings.identity(fresh_db)  # a new database: the device id is made here
    assert made == (settings.who(fresh_db), settings.device_id(fresh_db))
    assert made[0] == settings.device_name(fresh_db)
    settings.put(fresh_db, "device_name", "")
    assert settings.identity(fresh_db) == (settings.who(fresh_db), made[1]) == ("laptop", made[1])
    settings.put(fresh_db, "inspector_name", "王五")
    assert settings.identity(fresh_db) == ("王五", made[1])


def test_the_clock_stamps_the_device_it_is_given_unless_made_for_one(fresh_db):
    assert clock.Clock(fresh_db).tick(device="aaaa").endswith("-aaaa")
    assert clock.Clock(fresh_db, "fixed").tick(device="aaaa").endswith("-fixed")
    assert clock.Clock(fresh_db).tick().endswith(settings.device_id(fresh_db))


def test_a_column_name_is_checked_against_the_table_and_read_again_after_a_migration(fresh_db):
    from inspector.store import rows as R

    R._check_columns(fresh_db, "answers", ["verdict", "note"])
    with pytest.raises(ValueError, match='answers has no column x"; DROP'):
        R._check_columns(fresh_db, "answers", ['x"; DROP TABLE answers; --'])
    fresh_db.execute("ALTER TABLE answers ADD COLUMN added_later TEXT")
    R._check_columns(fresh_db, "answers", ["added_later"])  # read again, now known
    assert R.quote_identifier('a"b') == '"a""b"'


def test_a_campaign_without_its_form_is_refused_naming_what_is_missing(init_db):
    from inspector.store.catalog import CatalogError, create_campaign, form_for_campaign
    from inspector.store.rows import Rows

    campaign = create_campaign(
        Rows(init_db, who="测试员"), "2026年第二季度", "township-party-building"
    )
    assert form_for_campaign(init_db, campaign["id"]).items
    with pytest.raises(CatalogError, match="no campaign nowhere"):
        form_for_campaign(init_db, "nowhere")
    init_db.execute("PRAGMA foreign_keys = OFF")  # a damaged file: the form row is gone
    init_db.execute("UPDATE campaigns SET form_id = 'gone' WHERE id = ?", [campaign["id"]])
    with pytest.raises(CatalogError, match="no form gone in the database"):
        form_for_campaign(init_db, campaign["id"])
