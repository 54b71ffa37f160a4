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
CHANGED_AT_MOST = 56
NO_OP_AT_MOST = 21
NOTE_AT_MOST = 56


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
