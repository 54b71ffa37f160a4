"""Project sites (项目党建): major project sites inspected on a form of `target = "project"`.

A project site is a row of the townships table of kind 项目 (docs/design-notes.md,
"Project sites"): inspections, answers, problems, notices and attachments refer to a
township row, so a project site gets all of them, and their bundle columns, unchanged.
Its id comes from its county and name in a namespace of its own (`core.ids.project_id`).
A campaign inspects the kind its form targets: project sites, or townships.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from inspector.core.ids import project_id
from inspector.messages import Message, MessageError
from inspector.store.catalog import (
    MAX_CSV_BYTES,
    CatalogError,
    _name_problems,
    read_csv_records,
    read_list,
)
from inspector.store.domains import PROJECT_KIND
from inspector.store.rows import Rows

PROJECT_TARGET = "project"
PROJECT_CSV_COLUMNS = ("county", "name", "code")
# Sample sites `init` installs, named so nobody takes them for the real list: the
# users import theirs (`inspector projects import`).
EXAMPLE_MARK = "（示例）"
SAMPLE_PROJECTS = (
    ("岱山县", "鱼山石化项目"),
    ("定海区", "舟山国际粮油产业园项目"),
    ("普陀区", "六横公路大桥项目"),
    ("嵊泗县", "洋山港区配套工程项目"),
)


class TargetMismatch(MessageError, ValueError):
    """A township in a project campaign, or a project site in a township campaign."""


@dataclass(frozen=True)
class ProjectRecord:
    line: int
    county: str
    name: str
    code: str | None
    file: str = "<csv>"


def is_project(kind: str | None) -> bool:
    return kind == PROJECT_KIND


def target_condition(target: str, alias: str = "t") -> str:
    """The SQL condition on a townships row for the rows a form of `target` inspects."""
    op = "=" if target == PROJECT_TARGET else "!="
    return f"{alias}.kind {op} '{PROJECT_KIND}'"


def campaign_target(db: Database, campaign_id: str) -> str:
    """What the campaign's form inspects: "project" or "township" (an unknown campaign:
    "township", the kind every campaign before project sites inspected).

    The tree asks on every answer: the form's hash is read, and its text only the
    first time (reading and hashing the text was 0.3 ms of a 0.8 ms line update)."""
    row = db.execute(
        "SELECT f.sha256 FROM campaigns c JOIN forms f ON f.id = c.form_id WHERE c.id = ?",
        [campaign_id],
    ).fetchone()
    if row is None:
        return "township"
    target = _TARGETS.get(row[0])
    if target is None:
        from inspector.store.catalog import stored_form

        source = db.execute("SELECT source FROM forms WHERE sha256 = ?", [row[0]]).fetchone()[0]
        target = _TARGETS[row[0]] = stored_form(source).target
    return target


_TARGETS: dict[str, str] = {}  # a form's sha256 -> its target: frozen text, frozen target


def check_target(db: Database, campaign_id: str, township_id: str) -> None:
    """Refuse an inspection of a site the campaign's form is not made for."""
    row = db.execute("SELECT name, kind FROM townships WHERE id = ?", [township_id]).fetchone()
    if row is None:
        return  # the foreign key names the missing township
    target = campaign_target(db, campaign_id)
    if is_project(row[1]) and target != PROJECT_TARGET:
        raise TargetMismatch(
            Message(
                "{name} is a project site; this campaign's form inspects townships only",
                name=row[0],
            )
        )
    if not is_project(row[1]) and target == PROJECT_TARGET:
        raise TargetMismatch(
            Message(
                "{name} is a township; this campaign's form inspects project sites only",
                name=row[0],
            )
        )


def parse_projects_csv(text: str, filename: str = "<csv>") -> list[ProjectRecord]:
    """Every row checked before anything is written; errors name the line."""

    def header_problem(header: list[str]) -> Message | None:
        missing = [c for c in ("county", "name") if c not in header]
        unknown = [h for h in header if h not in PROJECT_CSV_COLUMNS]
        if not missing and not unknown:
            return None
        return Message(
            "{file}:1: the columns are {expected} (code optional), not {header}",
            file=filename,
            expected=",".join(PROJECT_CSV_COLUMNS),
            header=",".join(header) or "(none)",
        )

    seen: dict[tuple[str, str], int] = {}

    def check_row(line: int, values: dict[str, str]) -> tuple[ProjectRecord | None, list[Message]]:
        county, name = values.get("county", ""), values.get("name", "")
        code = values.get("code") or None
        problems: list[Message] = []
        if not county:
            problems.append(Message("county is empty"))
        if not name:
            problems.append(Message("name is empty"))
        problems += _name_problems("county", county) + _name_problems("name", name)
        if code and not re.fullmatch(r"\d{9}|\d{12}", code):
            problems.append(Message("code '{code}' is not 9 or 12 digits", code=code))
        if (county, name) in seen:
            problems.append(
                Message(
                    "{county} {name} repeats line {first}",
                    county=county,
                    name=name,
                    first=seen[(county, name)],
                )
            )
        if problems:
            return None, problems
        seen[(county, name)] = line
        return ProjectRecord(line, county, name, code, filename), []

    nothing = Message("{file}: no project sites in the file", file=filename)
    return read_csv_records(text, filename, header_problem, check_row, nothing)


def import_projects(rows: Rows, records: list[ProjectRecord]) -> dict[str, int]:
    """Upsert project sites under their ids, in one transaction; each one's county must
    already be in the database (by name or county code): a project list cannot make a
    county, which would then clash with the township list's."""
    counties: dict[str, str] = {}
    for r in rows.db.query("SELECT id, name, code FROM counties WHERE deleted = 0"):
        counties[r["name"]] = r["id"]
        if r["code"]:
            counties[r["code"]] = r["id"]
    missing = [
        Message(
            "{file}:{line}: no county {county} in the database (import the township list first)",
            file=rec.file,
            line=rec.line,
            county=rec.county,
        )
        for rec in records
        if rec.county not in counties
    ]
    if missing:
        raise CatalogError(*missing[:20])
    counts = {"projects": 0, "unchanged": 0}
    with rows.db.atomic():
        for rec in records:
            cid = counties[rec.county]
            pid = project_id(cid, rec.name)
            row = {
                "id": pid,
                "county_id": cid,
                "code": rec.code,
                "name": rec.name,
                "kind": PROJECT_KIND,
            }
            before = rows.find("townships", pid)
            after = rows.upsert("townships", row)
            counts["projects" if before != after else "unchanged"] += 1
    return counts


def import_projects_csv(rows: Rows, path: str | Path) -> dict[str, int]:
    path = Path(path)
    too_large = Message(
        "{file} is larger than {size} MiB: not a project list",
        file=str(path),
        size=MAX_CSV_BYTES >> 20,
    )
    return import_projects(rows, parse_projects_csv(read_list(path, too_large), str(path)))


def install_sample_projects(rows: Rows) -> int:
    """The sample sites whose county is in the database (a user's own township list may
    hold none of them); their names carry EXAMPLE_MARK. Returns how many were new."""
    known = {r["name"] for r in rows.db.query("SELECT name FROM counties WHERE deleted = 0")}
    records = [
        ProjectRecord(n, county, name + EXAMPLE_MARK, None, "<sample>")
        for n, (county, name) in enumerate(SAMPLE_PROJECTS, 1)
        if county in known
    ]
    return import_projects(rows, records)["projects"] if records else 0


def projects(db: Database) -> list[dict[str, Any]]:
    """The project sites, by county."""
    return list(
        db.query(
            "SELECT t.*, c.name AS county, c.code AS county_code FROM townships t "
            f"JOIN counties c ON c.id = t.county_id WHERE t.deleted = 0 AND t.kind = '{PROJECT_KIND}' "
            "ORDER BY c.code, c.name, t.code, t.name"
        )
    )
