"""A campaign's ranking, read from the score cache and ranked by the core rules."""

from __future__ import annotations

import json

from sqlite_utils import Database

from inspector.core.ranking import Entry, Ranked, rank
from inspector.store.catalog import find_campaign, form_for_campaign


def campaign_ranking(db: Database, campaign_id: str) -> list[Ranked]:
    """Every inspected township of the campaign, ranked; 约谈 marked with its reason."""
    campaign = find_campaign(db, campaign_id)
    form = form_for_campaign(db, campaign["id"])
    entries = [
        Entry(r["township_id"], r["township"], r["county"], r["score"], r["stars"],
              bool(json.loads(r["veto_failed"] or "[]")))
        for r in db.query(
            """SELECT i.township_id, t.name AS township, c.name AS county,
                      s.score, s.stars, s.veto_failed
               FROM inspections i
               JOIN scores s ON s.inspection_id = i.id
               JOIN townships t ON t.id = i.township_id
               JOIN counties c ON c.id = t.county_id
               WHERE i.campaign_id = ? AND i.deleted = 0 AND s.answered > 0""",
            [campaign["id"]])
    ]
    return rank(entries, campaign["interview_bottom"], form.rating.lowest_threshold)
