"""Rectification notices (整改通知书): numbering and issuing.

Each laptop numbers from its own block or prefix (settings), and a number is
never given twice: the per-year counter lives in a local table and every
number already in the database is avoided too.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlite_utils import Database

from inspector.core.numbering import format_doc_number, next_seq
from inspector.core.problems import Status
from inspector.store import settings
from inspector.store.rows import Rows


def addressee_for(township_name: str, kind: str) -> str:
    """街道 answer to a 党工委, 镇 and 乡 to a 党委, a project site to its 党组织 (a
    临时党委, 党总支 or 联合党支部, as the project's size and members made it)."""
    from inspector.store.domains import PROJECT_KIND

    if kind == PROJECT_KIND:
        return f"{township_name}党组织"
    return f"{township_name}{'党工委' if kind == '街道' else '党委'}"


def next_number(db: Database, year: int) -> tuple[str, int]:
    prefix = settings.get(db, "notice_prefix") or "舟组督"
    start = int(settings.get(db, "notice_block_start") or 1)
    end = settings.get(db, "notice_block_end")
    used = [
        r[0]
        for r in db.execute(
            "SELECT seq FROM notices WHERE prefix = ? AND year = ?", [prefix, year]
        ).fetchall()
    ]
    counter = db.execute(
        "SELECT last FROM notice_counters WHERE prefix = ? AND year = ?", [prefix, year]
    ).fetchone()
    seq = next_seq(used, start, int(end) if end else None, counter[0] if counter else 0)
    return prefix, seq


def issue_notice(
    rows: Rows,
    township_id: str,
    problem_ids: list[str],
    *,
    campaign_id: str | None = None,
    deadline: str | None = None,
    addressee: str | None = None,
    issued_on: dt.date | None = None,
    notice_id: str | None = None,
) -> dict[str, Any]:
    """Number the notice, link its problems, all in one transaction.

    `notice_id` only for reproducible sample data; otherwise random.
    """
    if not problem_ids:
        raise ValueError("a notice needs at least one problem")
    day = issued_on or dt.date.today()
    db = rows.db
    with db.atomic():
        township = rows.get("townships", township_id)
        for pid in problem_ids:
            p = rows.get("problems", pid)
            if p["township_id"] != township_id:
                raise ValueError("every problem of a notice must belong to its township")
            if p["status"] == Status.CLOSED:
                raise ValueError("a closed problem cannot go on a notice")
        prefix, seq = next_number(db, day.year)
        deadline = (
            deadline
            or max((rows.get("problems", p)["deadline"] or "") for p in problem_ids)
            or None
        )
        notice = rows.insert(
            "notices",
            {
                **({"id": notice_id} if notice_id else {}),
                "campaign_id": campaign_id,
                "township_id": township_id,
                "doc_number": format_doc_number(prefix, day.year, seq),
                "prefix": prefix,
                "year": day.year,
                "seq": seq,
                "addressee": addressee or addressee_for(township["name"], township["kind"]),
                "deadline": deadline,
                "issued_on": day.isoformat(),
                "issued_by": rows.who,
                "problem_ids": json.dumps(problem_ids),
                "attachment_id": None,
            },
        )
        db.execute(
            "INSERT INTO notice_counters(prefix, year, last) VALUES (?, ?, ?) "
            "ON CONFLICT(prefix, year) DO UPDATE SET last = MAX(last, excluded.last)",
            [prefix, day.year, seq],
        )
        for pid in problem_ids:
            rows.update("problems", pid, {"notice_id": notice["id"]})
    return notice


def notices(
    db: Database, campaign_id: str | None = None, township_id: str | None = None
) -> list[dict[str, Any]]:
    return list(
        db.query(
            "SELECT n.*, t.name AS township, c.name AS county FROM notices n "
            "JOIN townships t ON t.id = n.township_id JOIN counties c ON c.id = t.county_id "
            "WHERE n.deleted = 0 AND (:campaign IS NULL OR n.campaign_id = :campaign) "
            "AND (:township IS NULL OR n.township_id = :township) "
            "ORDER BY n.year DESC, n.seq DESC",
            {"campaign": campaign_id, "township": township_id},
        )
    )


def duplicate_numbers(db: Database) -> list[dict[str, Any]]:
    """Numbers held by more than one live notice: laptops whose blocks overlapped (a voided
    notice keeps its number in the register but no longer holds it)."""
    return list(
        db.query(
            "SELECT doc_number, COUNT(*) AS n, GROUP_CONCAT(id) AS ids FROM notices "
            "WHERE deleted = 0 AND voided_on IS NULL GROUP BY doc_number HAVING n > 1 "
            "ORDER BY doc_number"
        )
    )


def notice_problems(db: Database, notice: dict[str, Any]) -> list[dict[str, Any]]:
    ids = json.loads(notice["problem_ids"] or "[]")
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    found = {r["id"]: r for r in db.query(f"SELECT * FROM problems WHERE id IN ({marks})", ids)}
    return [found[i] for i in ids if i in found]
