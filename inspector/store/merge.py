"""Merging staged bundle rows into the database, set-wise (DESIGN.md merge rules, contract).

For each staged row against the local row of the same id:
- no local row: new, inserted (`_kind` 'new', marked only when applying);
- the same `updated_at`: unchanged, nothing to do (`_kind` stays NULL);
- a larger incoming `updated_at`: 'win', the local row takes the incoming version;
  'stamp' when its data equal the local row's: only `updated_at` and
  `base_version` are taken (no audit row, no score to recompute), and it counts
  as unchanged -- two laptops that each ran `init` hold the same townships with
  different stamps, and every import reported them all "updated";
- a smaller one: 'lose', the local row stays.
Only the rows that differ are marked while planning, so re-importing a
bundle already merged writes nothing, not even to the staging tables.
Either way the larger `updated_at` ends in the database, so the result does
not depend on the order bundles are imported in. When the two versions were
edited concurrently (neither is the other's `base_version`, and they come
from different devices, whose own versions are linear) and their data
differ, the losing version is kept whole in `conflicts`, once.

One rule comes before the clock: a closed problem (销号) stays closed. A
version of a problem with status `closed` (only headquarters may write one,
`sync.roles`) beats any version that is not closed, whatever their stamps;
between two closed or two open versions the larger `updated_at` wins as
usual. The order is still total (closed first, then the stamp), so every
device ends with the same version. A newer version that loses to a closed
one is always kept in `conflicts` when its data differ, even if it was made
from the closed version: it is never lost silently. A voided notice (作废)
is final the same way: a voided version beats one that is not.

Everything runs as a handful of statements per table over the staging
tables (see `staging`), never one query per row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector.store.devices import TRUSTED
from inspector.store.schema import SYNCED_TABLES
from inspector.store.staging import TableShape, stage_name

DEVICE = "substr({}, 20)"  # the device id after `{ms:013d}-{counter:04x}-`
# The audit log names the version's authoring device as the roster knows it, never a name
# the bundle chose: 'import:<roster name> (<device id>)'.
WHO = (
    f"'import:' || COALESCE((SELECT t.name FROM temp.[{TRUSTED}] t "
    "WHERE t.device_id = substr(s.updated_at, 20)) || ' (' || substr(s.updated_at, 20) || ')', "
    "'device ' || substr(s.updated_at, 20))"
)


@dataclass
class TablePlan:
    table: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    restamped: int = 0  # counted unchanged too: the same content under a larger stamp

    @property
    def changed(self) -> bool:
        return bool(self.new or self.updated or self.conflicts)


def _json_object(alias: str, shape: TableShape) -> str:
    return "json_object(" + ", ".join(f"'{c}', {alias}.[{c}]" for c in sorted(shape.names)) + ")"


def _rank(table: str, alias: str) -> str:
    """What beats the clock: 1 for a closed problem or a voided notice, else 0 (see the
    module's docstring)."""
    if table == "problems":
        return f"({alias}.status = 'closed')"
    if table == "notices":
        return f"({alias}.voided_on IS NOT NULL)"
    return "0"


def classify(db: Database, shape: TableShape) -> None:
    """Mark the staged rows that win or lose against a local row, and flag new conflicts."""
    stage = stage_name(shape.table)
    differ = " OR ".join(f"s.[{c}] IS NOT m.[{c}]" for c in shape.data_names)
    s_rank, m_rank = _rank(shape.table, "s"), _rank(shape.table, "m")
    wins = f"({s_rank} > {m_rank} OR ({s_rank} = {m_rank} AND s.updated_at > m.updated_at))"
    overruled = f"({s_rank} != {m_rank} AND ({s_rank} > {m_rank}) != (s.updated_at > m.updated_at))"
    db.execute(
        f"""UPDATE temp.[{stage}] AS s SET
            _kind = CASE WHEN NOT {wins} THEN 'lose' WHEN {differ} THEN 'win'
                         ELSE 'stamp' END,
            _conflict = ((NOT (s.base_version IS m.updated_at OR m.base_version IS s.updated_at
                         OR {DEVICE.format("s.updated_at")} = {DEVICE.format("m.updated_at")})
                          OR {overruled})
                AND ({differ})
                AND NOT EXISTS (SELECT 1 FROM main.conflicts c
                    WHERE c.table_name = ? AND c.row_id = s.id
                      AND c.winner_version = CASE WHEN {wins} THEN s.updated_at
                                                  ELSE m.updated_at END
                      AND c.loser_version = CASE WHEN {wins} THEN m.updated_at
                                                 ELSE s.updated_at END))
            FROM main.[{shape.table}] AS m
            WHERE m.id = s.id AND m.updated_at != s.updated_at""",
        [shape.table],
    )


_IS_NEW = "NOT EXISTS (SELECT 1 FROM main.[{table}] m WHERE m.id = s.id)"


def plan(db: Database, table: str) -> TablePlan:
    stage = stage_name(table)
    counts = dict(
        db.execute(f"SELECT _kind, COUNT(*) FROM temp.[{stage}] GROUP BY _kind").fetchall()
    )
    new = db.execute(
        f"SELECT COUNT(*) FROM temp.[{stage}] s WHERE _kind IS NULL AND "
        + _IS_NEW.format(table=table)
    ).fetchone()[0]
    conflicts = db.execute(f"SELECT COUNT(*) FROM temp.[{stage}] WHERE _conflict").fetchone()[0]
    return TablePlan(
        table,
        new=new + counts.get("new", 0),
        updated=counts.get("win", 0),
        unchanged=counts.get(None, 0) - new + counts.get("lose", 0) + counts.get("stamp", 0),
        conflicts=conflicts,
        restamped=counts.get("stamp", 0),
    )


def mark_new(db: Database, table: str) -> None:
    """Mark the rows the database does not have yet (only when about to apply)."""
    db.execute(
        f"UPDATE temp.[{stage_name(table)}] AS s SET _kind = 'new' "
        "WHERE _kind IS NULL AND " + _IS_NEW.format(table=table)
    )


def forget_seen(db: Database, table: str, lines: list[int]) -> None:
    """Staged versions this device accepted before that lose now: a replay, not a conflict.

    (`lines` are staging rowids, the lines of the bundle's table file.)
    """
    stage = stage_name(table)
    for start in range(0, len(lines), 500):
        part = lines[start : start + 500]
        db.execute(
            f"UPDATE temp.[{stage}] SET _conflict = 0 WHERE _kind = 'lose' AND rowid IN "
            f"({', '.join('?' * len(part))})",
            part,
        )


def apply(db: Database, shape: TableShape, bundle_id: str, detected_at: str) -> None:
    """Write one table's plan: conflicts kept, audit rows, inserts, winning updates.

    Call inside the import's transaction, parents before children, with the
    roster staged (`devices.stage_trusted`) for the audit names.
    """
    table, stage = shape.table, stage_name(shape.table)
    s_json, m_json = _json_object("s", shape), _json_object("m", shape)
    cols = ", ".join(f"[{c}]" for c in shape.names)
    db.execute(
        f"""INSERT INTO main.conflicts(table_name, row_id, winner_version, loser_version,
                                       winner, loser, detected_at, bundle_id)
            SELECT ?, s.id,
                   CASE WHEN s._kind = 'win' THEN s.updated_at ELSE m.updated_at END,
                   CASE WHEN s._kind = 'win' THEN m.updated_at ELSE s.updated_at END,
                   CASE WHEN s._kind = 'win' THEN {s_json} ELSE {m_json} END,
                   CASE WHEN s._kind = 'win' THEN {m_json} ELSE {s_json} END,
                   ?, ?
            FROM temp.[{stage}] s JOIN main.[{table}] m ON m.id = s.id
            WHERE s._conflict ORDER BY s.rowid""",
        [table, detected_at, bundle_id],
    )
    db.execute(
        f"""INSERT INTO main.audit_log(at, who, table_name, row_id, action, old, new)
            SELECT s.updated_at, {WHO}, ?, s.id,
                   CASE WHEN s.deleted AND NOT m.deleted THEN 'delete' ELSE 'update' END,
                   {m_json}, {s_json}
            FROM temp.[{stage}] s JOIN main.[{table}] m ON m.id = s.id
            WHERE s._kind = 'win' ORDER BY s.rowid""",
        [table],
    )
    # A row new here is audited by who brought it and when, without a copy of its content:
    # that is the row itself, and becomes the `old` of the audit row of its first change
    # (half a million copies made a province's first import a third slower).
    db.execute(
        f"""INSERT INTO main.audit_log(at, who, table_name, row_id, action, old, new)
            SELECT s.updated_at, {WHO}, ?, s.id, 'insert', NULL, NULL
            FROM temp.[{stage}] s WHERE s._kind = 'new' ORDER BY s.rowid""",
        [table],
    )
    db.execute(
        f"INSERT INTO main.[{table}] ({cols}) SELECT {cols} FROM temp.[{stage}] "
        "WHERE _kind = 'new' ORDER BY rowid"
    )
    sets = ", ".join(f"[{c}] = s.[{c}]" for c in shape.names if c != "id")
    db.execute(
        f"UPDATE main.[{table}] AS m SET {sets} FROM temp.[{stage}] AS s "
        "WHERE s.id = m.id AND s._kind = 'win'"
    )
    take_stamps(db, table)


def take_stamps(db: Database, table: str) -> None:
    """The same content under a larger stamp: the stamp is taken all the same, so that every
    device ends with the same `updated_at` whatever the order of its imports. (Also run by
    an import that changes nothing else, inside its write transaction.)"""
    db.execute(
        f"UPDATE main.[{table}] AS m SET updated_at = s.updated_at, "
        f"base_version = s.base_version FROM temp.[{stage_name(table)}] AS s "
        "WHERE s.id = m.id AND s._kind = 'stamp'"
    )


def touched_inspections(db: Database) -> list[str]:
    """Inspections whose row or answers the import changed: their scores need recomputing."""
    return [
        r[0]
        for r in db.execute(
            f"SELECT id FROM temp.[{stage_name('inspections')}] WHERE _kind IN ('new', 'win') "
            f"UNION SELECT inspection_id FROM temp.[{stage_name('answers')}] "
            "WHERE _kind IN ('new', 'win')"
        ).fetchall()
    ]


def duplicate_numbers(db: Database) -> list[dict[str, Any]]:
    """Notice numbers held by more than one live notice once the staged rows are merged."""
    stage = stage_name("notices")
    return [
        dict(r)
        for r in db.query(
            f"""WITH merged AS (
                SELECT id, doc_number, deleted, voided_on FROM main.notices
                WHERE id NOT IN (SELECT id FROM temp.[{stage}] WHERE _kind = 'win')
                UNION ALL
                SELECT id, doc_number, deleted, voided_on FROM temp.[{stage}] s
                WHERE _kind IN ('new', 'win') OR (_kind IS NULL AND
                    NOT EXISTS (SELECT 1 FROM main.notices m WHERE m.id = s.id)))
            SELECT doc_number, COUNT(*) AS n, GROUP_CONCAT(id) AS ids FROM merged
            WHERE deleted = 0 AND voided_on IS NULL GROUP BY doc_number HAVING n > 1
            ORDER BY doc_number"""
        )
    ]


def merge_all(
    db: Database,
    shapes: dict[str, TableShape],
    bundle_id: str,
    detected_at: str,
    step: Callable[[str], None] | None = None,
) -> None:
    """Apply every table's plan, parents first (call inside one transaction)."""
    for table in SYNCED_TABLES:
        mark_new(db, table)
    for table in SYNCED_TABLES:
        if step is not None:
            step(table)
        apply(db, shapes[table], bundle_id, detected_at)
