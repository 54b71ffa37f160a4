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

from sqlite_utils import Database

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


def merged(table: str, columns: str) -> str:
    """The rows `table` will hold once the staged rows are merged, with where they come from.

    `line` is the bundle row's line (its staging rowid), NULL for a row the database keeps.
    """
    stage = stage_name(table)
    return f"""(SELECT {columns}, deleted, NULL AS line FROM main.[{table}]
                WHERE id NOT IN (SELECT id FROM temp.[{stage}] WHERE _kind = 'win')
                UNION ALL
                SELECT {columns}, deleted, rowid AS line FROM temp.[{stage}] s
                WHERE _kind IN ('new', 'win') OR (_kind IS NULL AND NOT EXISTS
                    (SELECT 1 FROM main.[{table}] m WHERE m.id = s.id)))"""


def check(db: Database) -> None:
    """Raise StagingError naming file, line, row and column for the first breach found."""
    for parent, child, column in LIVE_CHILDREN:
        _deleted_parent(db, parent, child, column)
    for table in UNIQUE_CODES:
        _unique_code(db, table)


def _deleted_parent(db: Database, parent: str, child: str, column: str) -> None:
    parents = merged(parent, "id")
    children = merged(child, f"id, [{column}]")
    # A tombstone from the bundle while some child, anywhere, is live ...
    row = db.execute(
        f"""SELECT p.line, p.id, (SELECT c.id FROM {children} c
                                  WHERE c.[{column}] = p.id AND c.deleted = 0 LIMIT 1)
            FROM {parents} p WHERE p.deleted = 1 AND p.line IS NOT NULL
            AND p.id IN (SELECT [{column}] FROM {children} WHERE deleted = 0)
            ORDER BY p.line LIMIT 1""").fetchone()
    if row is not None:
        raise StagingError(
            f"tables/{parent}.jsonl line {row[0]}: {parent} row {shown(row[1])} is deleted "
            f"but {child} row {shown(row[2])} is live and refers to it ({column})")
    # ... or a live child from the bundle whose parent ends deleted.
    row = db.execute(
        f"""SELECT c.line, c.id, c.[{column}] FROM {children} c
            WHERE c.deleted = 0 AND c.line IS NOT NULL
            AND c.[{column}] IN (SELECT id FROM {parents} WHERE deleted = 1)
            ORDER BY c.line LIMIT 1""").fetchone()
    if row is not None:
        raise StagingError(
            f"tables/{child}.jsonl line {row[0]}: {child} row {shown(row[1])} is live but "
            f"column {column} refers to {parent} row {shown(row[2])}, which is deleted")


def _unique_code(db: Database, table: str) -> None:
    row = db.execute(
        f"""WITH live AS (SELECT * FROM {merged(table, "id, code")}
                          WHERE deleted = 0 AND code IS NOT NULL)
            SELECT b.line, b.id, b.code, (SELECT o.id FROM live o
                                          WHERE o.code = b.code AND o.id != b.id LIMIT 1)
            FROM live b WHERE b.line IS NOT NULL
            AND b.code IN (SELECT code FROM live GROUP BY code HAVING COUNT(*) > 1)
            ORDER BY b.line LIMIT 1""").fetchone()
    if row is not None:
        raise StagingError(
            f"tables/{table}.jsonl line {row[0]}: {table} row {shown(row[1])}: column code "
            f"{shown(row[2])} is also the code of {table} row {shown(row[3])}; "
            f"two live {table} cannot share a division code")
