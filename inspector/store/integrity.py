"""Rules across rows, checked on what the database would hold after an import.

Column domains (`store.domains`) judge one value; these judge the merged
result of the database and a staged bundle: a deleted township whose
inspections, problems or notices are still live, a deleted county with live
townships, two live townships (or counties) with one division code. Only a
breach the bundle takes part in is refused, so a database that already holds
one does not block every later import. Each rule is a couple of set-wise
queries over the staging tables (`store.staging`), run after `merge.classify`.
"""

from __future__ import annotations

from typing import Any

from sqlite_utils import Database

from inspector.core.forms import Form, FormError
from inspector.store.catalog import stored_form
from inspector.store.db import temp_transaction
from inspector.store.domains import shown
from inspector.store.staging import StagingError, stage_name

# (parent table, child table, the child's column naming the parent)
LIVE_CHILDREN = (
    ("counties", "townships", "county_id"),
    ("townships", "inspections", "township_id"),
    ("townships", "problems", "township_id"),
    ("townships", "notices", "township_id"),
)
UNIQUE_CODES = ("counties", "townships")


def check(db: Database) -> None:
    """Raise StagingError naming file, line, row and column for the first breach found."""
    for parent, child, column in LIVE_CHILDREN:
        _deleted_parent(db, parent, child, column)
    for table in UNIQUE_CODES:
        _unique_code(db, table)
    _answers_fit_items(db)


def written(table: str, columns: str) -> str:
    """The staged rows of `table` the import writes (new, or newer than the database's).

    The bundle's half of `merged_where`: its size is the bundle's, whatever the history.
    """
    stage = stage_name(table)
    return f"""(SELECT {columns}, deleted, rowid AS line FROM temp.[{stage}] s
                WHERE _kind IN ('new', 'win') OR (_kind IS NULL AND NOT EXISTS
                    (SELECT 1 FROM main.[{table}] m WHERE m.id = s.id)))"""


def merged_where(table: str, columns: str, where: str) -> str:
    """The rows `table` will hold once the staged rows are merged, those for which `where` holds.

    `line` is the bundle row's line (its staging rowid), NULL for a row the database keeps.

    `where` goes into both halves (before the UNION ALL, not around it), so that a
    condition on an indexed column is a SEARCH of the database's table rather than a
    SCAN of everything it holds: an import's checks follow what the bundle touches.
    """
    stage = stage_name(table)
    return f"""(SELECT {columns}, deleted, NULL AS line FROM main.[{table}]
                WHERE ({where}) AND id NOT IN (SELECT id FROM temp.[{stage}] WHERE _kind = 'win')
                UNION ALL
                SELECT * FROM {written(table, columns)} WHERE ({where}))"""


def _deleted_parent(db: Database, parent: str, child: str, column: str) -> None:
    # A tombstone from the bundle while some child, anywhere, is live (the children
    # of each such parent looked up through the child table's index on `column`) ...
    live_child = merged_where(child, f"id, [{column}]", f"[{column}] = p.id")
    row = db.execute(
        f"""SELECT p.line, p.id, (SELECT c.id FROM {live_child} c WHERE c.deleted = 0 LIMIT 1)
            AS child FROM {written(parent, "id")} p WHERE p.deleted = 1
            AND child IS NOT NULL ORDER BY p.line LIMIT 1"""
    ).fetchone()
    if row is not None:
        raise StagingError(
            f"tables/{parent}.jsonl line {row[0]}: {parent} row {shown(row[1])} is deleted "
            f"but {child} row {shown(row[2])} is live and refers to it ({column})"
        )
    # ... or a live child from the bundle whose parent ends deleted (by primary key).
    its_parent = merged_where(parent, "id", f"id = c.[{column}]")
    row = db.execute(
        f"""SELECT c.line, c.id, c.[{column}] FROM {written(child, f"id, [{column}]")} c
            WHERE c.deleted = 0 AND EXISTS (SELECT 1 FROM {its_parent} p WHERE p.deleted = 1)
            ORDER BY c.line LIMIT 1"""
    ).fetchone()
    if row is not None:
        raise StagingError(
            f"tables/{child}.jsonl line {row[0]}: {child} row {shown(row[1])} is live but "
            f"column {column} refers to {parent} row {shown(row[2])}, which is deleted"
        )


def _unique_code(db: Database, table: str) -> None:
    # Driven from the bundle's live rows: each one's code looked up among the rest.
    other = merged_where(table, "id, code", "code = b.code AND id != b.id")
    row = db.execute(
        f"""SELECT b.line, b.id, b.code,
                (SELECT o.id FROM {other} o WHERE o.deleted = 0 LIMIT 1) AS other
            FROM {written(table, "id, code")} b
            WHERE b.deleted = 0 AND b.code IS NOT NULL AND other IS NOT NULL
            ORDER BY b.line LIMIT 1"""
    ).fetchone()
    if row is not None:
        raise StagingError(
            f"tables/{table}.jsonl line {row[0]}: {table} row {shown(row[1])}: column code "
            f"{shown(row[2])} is also the code of {table} row {shown(row[3])}; "
            f"two live {table} cannot share a division code"
        )


def _written(table: str) -> str:
    """Staged rows of `table` the import will write: new, or newer than the database's."""
    return (
        "a.deleted = 0 AND (a._kind IN ('new', 'win') OR (a._kind IS NULL AND NOT EXISTS "
        f"(SELECT 1 FROM main.[{table}] m WHERE m.id = a.id)))"
    )


def _campaign_of_inspection(column: str) -> str:
    """The campaign of the inspection `column` names, staged or held."""
    return f"""(SELECT campaign_id FROM (
        SELECT campaign_id FROM temp.[{stage_name("inspections")}] WHERE id = {column}
        UNION ALL SELECT campaign_id FROM main.inspections WHERE id = {column}) LIMIT 1)"""


# (table, the column that leads to the campaign, how that column gives the campaign,
#  whether a veto item refuses 基本符合). An inspector's answer reaches its campaign
# through its inspection; a township's self answer names its campaign itself. The
# self-assessment sheet takes 基本符合 on any verdict item (a township's own view,
# never scored as a veto), so only the inspectors' answers are held to the veto rule.
_ANSWER_TABLES = (
    ("answers", "inspection_id", _campaign_of_inspection, True),
    ("self_answers", "campaign_id", lambda column: column, False),
)


def _answers_fit_items(db: Database) -> None:
    """Every written answer names an item of its campaign's form and the value that item takes.

    A verdict on a count item (or a count on a verdict item, a partial verdict on
    a veto item, or an item the form does not have) passes every column's domain, but scoring ignores it
    and the checklist shows nonsense. The form decides: each staged answer is
    joined to its campaign's form (staged or held; neither changes once made),
    and to a small table of that form's items. The townships' self answers
    (`self_answers`) are held to the same rule: the comparison with the
    inspectors scores them the same way.
    """
    for table, key, campaign_of, veto_rule in _ANSWER_TABLES:
        with temp_transaction(db):  # temp tables only; ended here, not left open
            row = _first_misfit(db, table, key, campaign_of(f"a.{key}"), veto_rule)
        if row is not None:
            _report_misfit(table, row)


def _first_misfit(
    db: Database, table: str, key: str, campaign: str, veto_rule: bool
) -> tuple[Any, ...] | None:
    stage = stage_name(table)
    written = _written(table)
    db.execute("DROP TABLE IF EXISTS temp._answer_forms")
    db.execute("DROP TABLE IF EXISTS temp._form_items")
    try:
        db.execute(f"""CREATE TEMP TABLE _answer_forms AS
            SELECT i.ref, (SELECT form_id FROM (
                SELECT form_id FROM temp.[{stage_name("campaigns")}] WHERE id = i.campaign_id
                UNION ALL SELECT form_id FROM main.campaigns WHERE id = i.campaign_id) LIMIT 1)
                AS form_row
            FROM (SELECT DISTINCT a.[{key}] AS ref, {campaign} AS campaign_id
                  FROM temp.[{stage}] a WHERE {written}) i""")
        db.execute(
            "CREATE TEMP TABLE _form_items (form_row TEXT, item_id TEXT, kind TEXT, "
            "veto INTEGER, PRIMARY KEY (form_row, item_id)) WITHOUT ROWID"
        )
        for (form_row,) in db.execute(
            "SELECT DISTINCT form_row FROM temp._answer_forms WHERE form_row IS NOT NULL"
        ).fetchall():
            form = _form_of(db, form_row)
            if form is None:
                continue  # a form that does not parse is refused by its own check
            db.conn.executemany(
                "INSERT INTO temp._form_items VALUES (?, ?, ?, ?)",
                [(form_row, item.id, item.kind, int(item.veto)) for item in form.items],
            )
        veto = "OR (a.verdict = 'partial' AND k.veto = 1)" if veto_rule else ""
        found: tuple[Any, ...] | None = db.execute(f"""
            SELECT a.rowid, a.id, a.item_id, a.verdict, a.number, k.kind, k.veto
            FROM temp.[{stage}] a JOIN temp._answer_forms f ON f.ref = a.[{key}]
            LEFT JOIN temp._form_items k ON k.form_row = f.form_row AND k.item_id = a.item_id
            WHERE f.form_row IS NOT NULL AND {written} AND (k.kind IS NULL
                OR (a.verdict IS NOT NULL AND k.kind != 'verdict')
                OR (a.number IS NOT NULL AND k.kind != 'number')
                {veto})
            ORDER BY a.rowid LIMIT 1""").fetchone()
        return found
    finally:
        db.execute("DROP TABLE IF EXISTS temp._answer_forms")
        db.execute("DROP TABLE IF EXISTS temp._form_items")


def _report_misfit(table: str, row: tuple[Any, ...]) -> None:
    line, answer, item, verdict, number, kind, veto = row
    where = f"tables/{table}.jsonl line {line}: {table} row {shown(answer)}"
    if kind is None:
        raise StagingError(f"{where}: item {item} is not in its campaign's form (column item_id)")
    if veto and kind == "verdict" and verdict == "partial":
        raise StagingError(
            f"{where}: item {item} is a veto item, met or not: no 基本符合 "
            f"(column verdict, value {shown(verdict)})"
        )
    column, value = ("verdict", verdict) if verdict is not None else ("number", number)
    raise StagingError(
        f"{where}: item {item} takes a {kind}, not a {column} "
        f"(column {column}, value {shown(value)})"
    )


def _form_of(db: Database, form_row: str) -> Form | None:
    found = db.execute(
        f"SELECT source FROM (SELECT source FROM temp.[{stage_name('forms')}] WHERE id = ? "
        "UNION ALL SELECT source FROM main.forms WHERE id = ?) LIMIT 1",
        [form_row, form_row],
    ).fetchone()
    if found is None:
        return None
    try:
        return stored_form(found[0])
    except FormError:
        return None
