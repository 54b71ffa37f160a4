"""A notice's later life: voided (作废) and re-issued under a new number, and the township's
report-back (整改报告) recorded against it.

A voided notice is kept, with when, who and why: its number stays in the
register (never given again) and the notice stays in every list, marked.
Its problems are freed, so a new notice can carry them; a re-issue is that
new notice, numbered from this laptop's block, recording the notice it
replaces. Voiding is final: the merge ranks a voided version above any
version that is not (`store.merge`), as it does a closed problem, so a
notice voided on one laptop is voided everywhere, whatever a later edit
elsewhere said (that edit is kept as a conflict). Both roles may void: the
laptop that issued a number twice is the one in the township that must put
it right (docs/design-notes.md, "Voiding, number blocks, report-back").
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector.core.problems import Status
from inspector.messages import Message, MessageError
from inspector.store.attachments import add_file
from inspector.store.notices import issue_notice
from inspector.store.rows import Rows

REPORT_CAPTION = "整改报告"


class NoticeError(MessageError, ValueError):
    """A notice that cannot be found, voided, re-issued or reported back on as asked."""


def find_notice(db: Database, ref: str) -> dict[str, Any]:
    """A live notice by id, unique id prefix, or document number (the live one holding it)."""
    ref = ref.strip()
    found = list(db.query("SELECT * FROM notices WHERE id = ? AND deleted = 0", [ref]))
    if not found:
        found = list(
            db.query(
                "SELECT * FROM notices WHERE deleted = 0 "
                "AND (doc_number = ? OR substr(id, 1, length(?)) = ?) "
                "ORDER BY voided_on IS NOT NULL, updated_at",
                [ref, ref, ref],
            )
        )
        live = [n for n in found if n["voided_on"] is None]
        if len(found) > 1 and len(live) == 1:
            found = live
    if not found:
        raise NoticeError(Message("no notice {notice}", notice=ref))
    if len(found) > 1:
        raise NoticeError(
            Message(
                "{notice} names {count} notices; give the notice's id instead",
                notice=ref,
                count=len(found),
            )
        )
    return found[0]


def void_notice(
    rows: Rows, notice_id: str, reason: str, *, on: dt.date | None = None
) -> dict[str, Any]:
    """Mark the notice voided (kept, final) and free its problems for a new notice."""
    reason = reason.strip()
    if not reason:
        raise NoticeError(Message("say why the notice is voided (a reason is required)"))
    db = rows.db
    with db.atomic():
        notice = rows.get("notices", notice_id)
        if notice["deleted"]:
            raise NoticeError(Message("no notice {notice}", notice=notice_id))
        if notice["voided_on"] is not None:
            raise NoticeError(
                Message(
                    "notice {number} was already voided on {day}",
                    number=notice["doc_number"],
                    day=notice["voided_on"],
                )
            )
        voided = rows.update(
            "notices",
            notice_id,
            {
                "voided_on": (on or dt.date.today()).isoformat(),
                "voided_by": rows.who,
                "void_reason": reason,
            },
        )
        for (pid,) in db.execute(
            "SELECT id FROM problems WHERE notice_id = ? AND deleted = 0", [notice_id]
        ).fetchall():
            rows.update("problems", pid, {"notice_id": None})
    return voided


def reissue_problems(db: Database, notice: dict[str, Any]) -> list[str]:
    """The voided notice's problems a new notice may carry: live, not closed, on no other
    live notice; in the old notice's order."""
    ids = json.loads(notice["problem_ids"] or "[]")
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    free = {
        r[0]
        for r in db.execute(
            f"SELECT p.id FROM problems p WHERE p.id IN ({marks}) AND p.deleted = 0 "
            "AND p.status != ? AND (p.notice_id IS NULL OR p.notice_id = ? OR NOT EXISTS "
            "(SELECT 1 FROM notices n WHERE n.id = p.notice_id AND n.deleted = 0 "
            "AND n.voided_on IS NULL))",
            [*ids, Status.CLOSED, notice["id"]],
        ).fetchall()
    }
    return [i for i in ids if i in free]


def reissue_notice(
    rows: Rows,
    notice_id: str,
    *,
    reason: str | None = None,
    on: dt.date | None = None,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A new notice, with a new number, for the problems of `notice_id`, recording that it
    replaces it; the old notice is voided first if it was not (with `reason`, by default
    the new number). Returns (the voided notice, the new one), in one transaction."""
    db = rows.db
    day = on or dt.date.today()
    with db.atomic():
        old = rows.get("notices", notice_id)
        if old["deleted"]:
            raise NoticeError(Message("no notice {notice}", notice=notice_id))
        replaced = db.execute(
            "SELECT doc_number FROM notices WHERE replaces_id = ? AND deleted = 0", [notice_id]
        ).fetchone()
        if replaced is not None:
            raise NoticeError(
                Message(
                    "notice {number} was already re-issued as {new}",
                    number=old["doc_number"],
                    new=replaced[0],
                )
            )
        problems = reissue_problems(db, old)
        if not problems:
            raise NoticeError(
                Message(
                    "notice {number} has no problem left to re-issue (closed, or on "
                    "another notice)",
                    number=old["doc_number"],
                )
            )
        new = issue_notice(
            rows,
            old["township_id"],
            problems,
            campaign_id=old["campaign_id"],
            deadline=old["deadline"],
            addressee=old["addressee"],
            issued_on=day,
        )
        new = rows.update("notices", new["id"], {"replaces_id": notice_id})
        if old["voided_on"] is None:
            why = (reason or "").strip() or f"重新编号，以{new['doc_number']}重新印发"
            voided = rows.update(
                "notices",
                notice_id,
                {"voided_on": day.isoformat(), "voided_by": rows.who, "void_reason": why},
            )
        else:
            voided = old
    return voided, new


def record_report_back(
    rows: Rows,
    notice_id: str,
    on: dt.date,
    *,
    by: str | None = None,
    scan: str | Path | None = None,
) -> dict[str, Any]:
    """The township's 整改报告 received on `on`, recorded by `by` (default: who is using
    this laptop), its scan (PDF or image) attached to the notice as taken."""
    db = rows.db
    with db.atomic():
        notice = rows.get("notices", notice_id)
        if notice["deleted"]:
            raise NoticeError(Message("no notice {notice}", notice=notice_id))
        if notice["voided_on"] is not None:
            raise NoticeError(
                Message(
                    "notice {number} is voided; record the report against the notice that "
                    "replaced it",
                    number=notice["doc_number"],
                )
            )
        if on.isoformat() < notice["issued_on"][:10]:
            raise NoticeError(
                Message(
                    "the report cannot arrive ({day}) before the notice was issued ({issued})",
                    day=on.isoformat(),
                    issued=notice["issued_on"][:10],
                )
            )
        changes: dict[str, Any] = {
            "report_received_on": on.isoformat(),
            "report_received_by": (by or "").strip() or rows.who,
        }
        if scan is not None:
            attachment = add_file(
                rows, "notices", notice_id, scan, caption=REPORT_CAPTION, keep_original=True
            )
            changes["report_attachment_id"] = attachment["id"]
        return rows.update("notices", notice_id, changes)


def replaced_by(db: Database, notice_id: str) -> dict[str, Any] | None:
    """The live notice that re-issued this one, if any."""
    found = list(
        db.query(
            "SELECT * FROM notices WHERE replaces_id = ? AND deleted = 0 ORDER BY updated_at",
            [notice_id],
        )
    )
    return found[0] if found else None


def issued_here(db: Database, notice_ids: list[str]) -> list[str]:
    """Those of the notices this database issued itself (their first version was written
    here, not imported), in the order given: the ones a duplicate number lets it re-issue."""
    if not notice_ids:
        return []
    marks = ",".join("?" * len(notice_ids))
    here = {
        r[0]
        for r in db.execute(
            f"SELECT row_id FROM audit_log WHERE table_name = 'notices' AND action = 'insert' "
            f"AND row_id IN ({marks}) AND who NOT LIKE 'import:%'",
            notice_ids,
        ).fetchall()
    }
    return [i for i in notice_ids if i in here]


def reissuable(db: Database, notice_ids: list[str]) -> list[dict[str, Any]]:
    """Of these notices, the live, unvoided ones this database issued itself: those it
    may void and re-issue when an import found their number held twice."""
    ids = issued_here(db, notice_ids)
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    return list(
        db.query(
            f"SELECT * FROM notices WHERE id IN ({marks}) AND voided_on IS NULL AND deleted = 0",
            ids,
        )
    )
