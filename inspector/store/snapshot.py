"""Reading synced rows out for a bundle: which rows, in one consistent snapshot.

The bundle writer (inspector.sync.export) streams what these give into the
ZIP; the SQL stays here.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlite_utils import Database

from inspector.store.follow_up_sql import earlier_rounds_sql, work_list_sql
from inspector.store.schema import SYNCED_TABLES

Selection = dict[str, tuple[str, list[Any]]]  # table -> (WHERE clause, parameters)


def selection(campaign: dict[str, Any] | None) -> Selection:
    """Everything, or a campaign kit: the campaign, its form, the places and the people,
    and the townships' self-assessments already collected (the teams compare with them)."""
    if campaign is None:
        return {t: ("1", []) for t in SYNCED_TABLES}
    if campaign.get("follow_up_of"):
        return follow_up_kit(campaign["id"])
    return {
        "counties": ("1", []),
        "townships": ("1", []),
        "forms": ("id = ?", [campaign["form_id"]]),
        "campaigns": ("id = ?", [campaign["id"]]),
        "inspectors": ("1", []),
        "self_answers": ("campaign_id = ?", [campaign["id"]]),
    }


def delta_selection(db: Database, ack_vector: Mapping[str, str]) -> Selection:
    """Every row whose current version the holder of `ack_vector` may lack, tombstones too.

    A row's current version is by the device at the end of its `updated_at`;
    it is carried when that author is not in the vector or the stamp is newer
    than the vector's entry for it (same author, so string order is time
    order). Attachment bytes follow the attachment rows chosen.
    """
    del db  # the clause is the same for every table; kept for a caller's symmetry
    author = "substr(updated_at, 20)"
    if not ack_vector:
        clause, params = "1", []
    else:
        cases = " ".join("WHEN ? THEN updated_at > ?" for _ in ack_vector)
        clause = f"(CASE {author} {cases} ELSE 1 END)"
        params = [x for pair in sorted(ack_vector.items()) for x in pair]
    return {t: (clause, list(params)) for t in SYNCED_TABLES}


@contextmanager
def read_snapshot(db: Database) -> Iterator[None]:
    """Every read inside sees the same state, however long writing the bundle takes."""
    db.conn.execute("BEGIN")
    try:
        yield
    finally:
        db.conn.execute("COMMIT")


def count_selected(db: Database, chosen: Selection) -> int:
    return sum(
        db.execute(f"SELECT COUNT(*) FROM [{t}] WHERE {w}", p).fetchone()[0]
        for t, (w, p) in chosen.items()
    )


def selected_rows(
    db: Database, table: str, chosen: Selection, batch: int
) -> tuple[list[str], Iterator[list[tuple[Any, ...]]]]:
    """The column names, sorted, and the table's chosen rows in batches, values in that order."""
    where, params = chosen[table]
    cursor = db.conn.execute(f"SELECT * FROM [{table}] WHERE {where} ORDER BY rowid", params)
    names = [d[0] for d in cursor.description]
    order = sorted(range(len(names)), key=lambda i: names[i])

    def batches() -> Iterator[list[tuple[Any, ...]]]:
        while rows := cursor.fetchmany(batch):
            yield [tuple(row[i] for i in order) for row in rows]

    return [names[i] for i in order], batches()


def attachment_rows(db: Database, chosen: Selection) -> list[dict[str, Any]]:
    """The chosen attachment rows (tombstones too), by content hash."""
    if "attachments" not in chosen:
        return []
    where, params = chosen["attachments"]
    return list(
        db.query(
            f"SELECT sha256, deleted, id, filename FROM attachments "
            f"WHERE {where} ORDER BY sha256, deleted",
            params,
        )
    )


def last_import(db: Database) -> dict[str, Any] | None:
    """The newest entry of the local import log, its summary still JSON text."""
    row = db.execute(
        "SELECT imported_at, device_name, file, summary FROM import_log ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    return {"at": row[0], "device_name": row[1], "file": row[2], "summary": row[3]}


def first_out_of_domain(db: Database, table: str, chosen: Selection) -> tuple[str, str, Any] | None:
    """The first chosen row holding a value outside its column's domain: (id, column, value).

    An importer refuses such a row (`store.domains`); rows written before a
    rule existed can hold one, and an export should say so rather than
    write a bundle nobody can import.
    """
    from inspector.store.domains import domains

    if table not in chosen:
        return None
    where, params = chosen[table]
    declared = domains(table)
    present = {d[1] for d in db.execute(f"PRAGMA main.table_info([{table}])").fetchall()}
    checks = [(c, d.sql_bad(c)) for c, d in declared.items() if c in present]
    if not checks:
        return None
    bad = " OR ".join(f"({sql})" for _, sql in checks)
    row = db.execute(
        f"SELECT * FROM [{table}] WHERE ({where}) AND ({bad}) LIMIT 1", params
    ).fetchone()
    if row is None:
        return None
    names = [d[0] for d in db.execute(f"SELECT * FROM [{table}] LIMIT 0").description]
    values = dict(zip(names, row, strict=True))
    for column, _sql in checks:
        if not declared[column].accepts(values[column]):
            return str(values["id"]), column, values[column]
    return str(values["id"]), checks[0][0], values[checks[0][0]]


def follow_up_kit(campaign_id: str) -> Selection:
    """A follow-up round's kit: what any kit holds, and the work list the team goes
    through, with everything its problems name (the earlier rounds and their forms, the
    inspections and notices that recorded them), their extensions, their photos and the
    verdicts the round has already."""
    c = campaign_id
    listed = f"SELECT p.id FROM problems p WHERE {work_list_sql('p', '?')}"
    rounds = f"id = ? OR id IN ({earlier_rounds_sql('?')})"
    return {
        "counties": ("1", []),
        "townships": ("1", []),
        "forms": (f"id IN (SELECT form_id FROM campaigns WHERE {rounds})", [c, c]),
        "campaigns": (rounds, [c, c]),
        "inspectors": ("1", []),
        "inspections": (
            f"id IN (SELECT inspection_id FROM problems WHERE id IN ({listed}))",
            [c, c],
        ),
        "notices": (f"id IN (SELECT notice_id FROM problems WHERE id IN ({listed}))", [c, c]),
        "problems": (f"id IN ({listed})", [c, c]),
        "extensions": (f"problem_id IN ({listed})", [c, c]),
        "follow_ups": ("campaign_id = ?", [c]),
        "attachments": (f"owner_table = 'problems' AND owner_id IN ({listed})", [c, c]),
    }
