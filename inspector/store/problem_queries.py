"""Queries behind the problem list and the notice dialog.

`first_page` answers "how many, and the first screenful" for one filter.
Without free text the count is cheap and the first page comes straight off
an index. With text (LIKE cannot use an index) the count is a scan of every
problem; the page then comes either from the first few thousand problems in
deadline order, when the text is common enough to fill it there, or, for a
rare text, from the same scan as the count (a window count), so a keystroke
never costs two scans of 100,000 problems.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from inspector.core.problems import Status
from inspector.store.problem_rules import noticeable
from inspector.store.problems import (
    _SELECT,
    SORTABLE,
    ProblemFilter,
    _where,
    count_problems,
    list_problems,
)

PROBE_ROWS = 2000  # problems, in list order, searched first for a common text
SCAN_ROWS = 50_000  # above this many problems a text search of every campaign is a long scan


def first_page(
    db: Database,
    f: ProblemFilter,
    *,
    order_by: str = "deadline",
    descending: bool = False,
    limit: int = 200,
) -> tuple[int, list[dict[str, Any]]]:
    """(number of problems matching `f`, the first `limit` of them in list order).

    The order is exactly `list_problems`' (column, then id), so later pages
    fetched with `list_problems(offset=...)` continue this one.
    """
    if not f.text.strip():
        total = count_problems(db, f)
        page = (
            list_problems(db, f, order_by=order_by, descending=descending, limit=limit)
            if total
            else []
        )
        return total, page
    where, params = _where(f)
    if order_by == "deadline":
        probed = _probe(db, where, params, descending, limit)
        if probed is not None:
            return count_problems(db, f), probed
    column = SORTABLE.get(order_by, "p.deadline")
    joins = (
        ""
        if column.startswith("p.")
        else ("JOIN townships t ON t.id = p.township_id JOIN counties c ON c.id = t.county_id")
    )
    direction = "DESC" if descending else "ASC"
    params["limit"] = limit
    found = db.execute(
        f"SELECT i, total FROM (SELECT {column} AS k, p.id AS i, "
        f"COUNT(*) OVER () AS total FROM problems p {joins} WHERE {where}) "
        f"ORDER BY k {direction}, i LIMIT :limit",
        params,
    ).fetchall()
    if not found:
        return 0, []
    order = {pid: n for n, (pid, _) in enumerate(found)}
    ids = {f"id{n}": pid for pid, n in order.items()}
    marks = ", ".join(f":{name}" for name in ids)
    page = list(db.query(f"{_SELECT} WHERE p.id IN ({marks})", {"today": params["today"], **ids}))
    page.sort(key=lambda r: order[r["id"]])
    return found[0][1], page


def _probe(
    db: Database, where: str, params: dict[str, Any], descending: bool, limit: int
) -> list[dict[str, Any]] | None:
    """The first page found among the first PROBE_ROWS problems in deadline order, or None.

    When `limit` matches lie among them they are the first `limit` overall,
    since every later problem sorts after them.
    """
    rows = _probed(db, where, params, descending, limit)
    return rows if len(rows) == limit else None


def probe_prefix(
    db: Database, f: ProblemFilter, *, descending: bool = False, limit: int = 200
) -> list[dict[str, Any]]:
    """The matches among the first PROBE_ROWS problems in deadline order.

    However few, they are the first rows of the whole answer in deadline order
    (every problem not probed sorts after them), so the list can show them at
    once while the full count of a long scan is still being made.
    """
    where, params = _where(f)
    return _probed(db, where, params, descending, limit)


def is_long_scan(db: Database, f: ProblemFilter) -> bool:
    """True when this filter's text makes SQLite read a large table end to end.

    A campaign or a township narrows the scan to an index range; only a text
    search over every campaign of a big database reads every problem. The
    size is read as the largest rowid, a lookup rather than a count: problems
    are tombstoned, not removed, so it stays close to the table's size.
    """
    if not f.text.strip() or f.campaign_id or f.township_id:
        return False
    biggest = db.execute("SELECT max(rowid) FROM problems").fetchone()[0]
    return (biggest or 0) > SCAN_ROWS


def _probed(
    db: Database, where: str, params: dict[str, Any], descending: bool, limit: int
) -> list[dict[str, Any]]:
    direction = "DESC" if descending else "ASC"
    return list(
        db.query(
            f"{_SELECT} WHERE p.id IN (SELECT id FROM problems ORDER BY deadline {direction}, id "
            f"LIMIT :probe) AND {where} ORDER BY p.deadline {direction}, p.id LIMIT :limit",
            {**params, "probe": PROBE_ROWS, "limit": limit},
        )
    )


def noticeable_problems(
    db: Database, township_id: str, campaign_id: str | None = None
) -> list[dict[str, Any]]:
    """A township's problems that a new notice can gather: open or in rectification,
    and not on a notice yet."""
    return list(
        db.query(
            "SELECT p.* FROM problems p WHERE p.deleted = 0 AND p.township_id = :township "
            f"AND {noticeable('p')} "
            "AND (:campaign IS NULL OR p.campaign_id = :campaign) "
            "ORDER BY p.deadline, p.item_id, p.id",
            {"township": township_id, "campaign": campaign_id},
        )
    )


def townships_with_noticeable(db: Database, campaign_id: str | None = None) -> list[dict[str, Any]]:
    """Townships that have problems for a new notice, with how many, in county order."""
    return list(
        db.query(
            "SELECT t.id, t.name, t.kind, c.name AS county, COUNT(*) AS problems "
            "FROM problems p JOIN townships t ON t.id = p.township_id "
            "JOIN counties c ON c.id = t.county_id "
            f"WHERE p.deleted = 0 AND {noticeable('p')} "
            "AND (:campaign IS NULL OR p.campaign_id = :campaign) "
            "GROUP BY t.id ORDER BY COALESCE(c.code, ''), c.name, COALESCE(t.code, ''), t.name",
            {"campaign": campaign_id},
        )
    )


def open_problems_of_item(db: Database, inspection_id: str, item_id: str) -> list[str]:
    """The ids of the still-open problems one inspection recorded for one item.

    Asked on the key press that turns a 不符合 around, so it reads the
    inspection's problems through its index instead of the township's list.
    """
    return [
        row["id"]
        for row in db.query(
            "SELECT id FROM problems WHERE inspection_id = ? AND item_id = ? "
            "AND status = ? AND deleted = 0 ORDER BY id",
            [inspection_id, item_id, Status.OPEN.value],
        )
    ]
