"""A campaign's set-up: the townships it covers and its team (督导组), name and members.

Headquarters sets these before handing out the kit; they are columns of the campaign
row (m005_campaign_setup), so they travel in every bundle that carries the campaign.
A campaign with no list of townships covers them all. The list limits the tree, the
ranking and the summary to the townships covered; the team's name is each new
inspection's `team` and the 督导组 of the 督查情况反馈表.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from inspector.messages import Message
from inspector.store.catalog import CatalogError, find_campaign
from inspector.store.rows import Rows


def covers_sql(campaign_townships: str, township: str) -> str:
    """An SQL condition: the township (a column) is among those the campaign covers (the
    campaigns.townships column or parameter); every township when the list is empty."""
    return (
        f"(COALESCE({campaign_townships}, '[]') = '[]' OR {township} IN "
        f"(SELECT value FROM json_each({campaign_townships})))"
    )


def covered(campaign: dict[str, Any]) -> list[str] | None:
    """The ids of the townships the campaign covers; None when it covers every one."""
    ids = json.loads(campaign.get("townships") or "[]")
    return [str(i) for i in ids] or None


def set_up(
    rows: Rows,
    campaign_id: str,
    *,
    team: str | None = None,
    members: str | None = None,
    townships: Iterable[str] | None = None,
    every_township: bool = False,
) -> dict[str, Any]:
    """Change the campaign's team, members or townships covered (`every_township` clears
    the list). Townships are checked to exist; the order is the townships' own."""
    campaign = find_campaign(rows.db, campaign_id)
    values: dict[str, Any] = {}
    if team is not None:
        values["team"] = " ".join(team.split())
    if members is not None:
        values["members"] = "\n".join(m.strip() for m in members.splitlines() if m.strip())
    if every_township:
        values["townships"] = "[]"
    elif townships is not None:
        values["townships"] = json.dumps(_known_townships(rows.db, townships))
    if not values:
        return campaign
    with rows.db.atomic():
        row = rows.update("campaigns", campaign["id"], values)
        if "team" in values:
            _follow_team(rows, campaign["id"], campaign.get("team") or "", values["team"])
    return row


def _follow_team(rows: Rows, campaign_id: str, old: str, new: str) -> None:
    """Inspections still carrying the campaign's old team (or none) take the new one,
    each through the stamped write so the change travels; a team set for one inspection
    by hand is the inspectors' word and stays."""
    if old == new:
        return
    for (iid,) in rows.db.execute(
        "SELECT id FROM inspections WHERE campaign_id = ? AND deleted = 0 "
        "AND COALESCE(team, '') IN ('', ?)",
        [campaign_id, old],
    ).fetchall():
        rows.update("inspections", iid, {"team": new})


def _known_townships(db: Database, townships: Iterable[str]) -> list[str]:
    wanted = set(townships)
    if not wanted:
        raise CatalogError(Message("a campaign covers at least one township"))
    found = [
        r[0]
        for r in db.execute(
            "SELECT t.id FROM townships t JOIN counties c ON c.id = t.county_id "
            "WHERE t.deleted = 0 AND t.id IN (SELECT value FROM json_each(?)) "
            "ORDER BY c.code, c.name, t.code, t.name",
            [json.dumps(sorted(wanted))],
        ).fetchall()
    ]
    unknown = wanted - set(found)
    if unknown:
        raise CatalogError(Message("no township with id {id}", id=", ".join(sorted(unknown)[:3])))
    return found


def township_ids_by_code(db: Database, codes: Iterable[str]) -> list[str]:
    """The ids of the townships with these codes (an id is taken too). Every code is
    checked first and all unknown ones are named, so a typo writes nothing."""
    wanted = [c.strip() for c in codes if c.strip()]
    found: dict[str, str] = {}
    for code in wanted:
        hit = db.execute(
            "SELECT id FROM townships WHERE deleted = 0 AND (code = ? OR id = ?)", [code, code]
        ).fetchone()
        if hit:
            found[code] = hit[0]
    unknown = [c for c in wanted if c not in found]
    if unknown:
        raise CatalogError(Message("no township with code {codes}", codes=", ".join(unknown)))
    return [found[c] for c in wanted]
