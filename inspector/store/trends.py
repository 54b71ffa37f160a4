"""Trends across campaigns, read from the ranking, the score cache and the problems.

Nothing here is stored: a trend is the campaigns' rankings (`store.ranking`,
with its rule that incomplete inspections are not ranked) put side by side
in `core.trends.campaign_order`. Only the rankings may be remembered, in
memory, per campaign (`Standings`, which the session keeps and forgets
as writes come): a township page then reads forty campaigns' rankings
once, and the next township costs a few queries.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from statistics import mean
from typing import Any

from sqlite_utils import Database

from inspector.core.forms import Form, Item
from inspector.core.ranking import Entry, Ranked
from inspector.core.scoring import Answer, Verdict
from inspector.core.trends import (
    AreaRound,
    AreaTrend,
    Round,
    TownshipTrend,
    average_changes,
    campaign_order,
    item_failed,
    rank_changes,
    repeated_failures,
    star_counts,
)
from inspector.store import problem_rules as rules
from inspector.store.catalog import find_township, form_by_row
from inspector.store.projects import PROJECT_TARGET, campaign_target
from inspector.store.ranking import (
    campaign_standing,
    every_campaigns_entries,
    inspection_entries,
    standing_of,
)

# More inspections changed at once than this: forget the rankings rather than patch them.
UPDATE_AT_MOST = 200
# Fewer campaigns missing than this are read one by one; more, all in one query.
READ_ONE_BY_ONE = 3


def ordered_campaigns(db: Database) -> list[dict[str, Any]]:
    """Every live campaign, oldest first (`campaign_order`)."""
    rows = list(db.query("SELECT * FROM campaigns WHERE deleted = 0"))
    return sorted(rows, key=campaign_order)


def data_version(db: Database) -> int:
    """Moves whenever another connection (the worker, an import) commits to the file."""
    return int(db.execute("PRAGMA data_version").fetchone()[0])


@dataclass(frozen=True)
class CampaignIndex:
    """One campaign's standing looked up by township (a trend asks for one of 1,400)."""

    standing: tuple[list[Ranked], list[Entry]]
    ranked: dict[str, Ranked]
    unfinished: dict[str, Entry]
    per_county: Counter[str]


class Standings:
    """Campaign rankings (`campaign_standing`) remembered for one connection.

    A commit by another connection forgets them all (`data_version`); this
    connection's own writes are not seen that way, so its owner (the session)
    tells which campaigns they touched (`forget`) or which inspections (`update`:
    those campaigns are ranked again from the kept entries, reading only the
    changed ones). Without an owner that does,
    use a fresh one per read: `township_trend` and `area_trend` do when given none.
    """

    def __init__(self) -> None:
        self.version: int | None = None
        self.generation = 0  # counts this connection's writes (`forget`, `update`)
        # per campaign, the generation of the last write that touched its ranking; and
        # that of the last `forget` of them all: a ranking read elsewhere before either
        # is stale, the others' rankings read with it are not
        self._touched: dict[str, int] = {}
        self._forgot_all = 0
        self.by_campaign: dict[str, tuple[list[Ranked], list[Entry]]] = {}
        self._index: dict[str, CampaignIndex] = {}
        # rankings set aside by `update`, with the inspections changed since they were read
        self._stale: dict[str, tuple[tuple[list[Ranked], list[Entry]], set[str]]] = {}

    def index(self, db: Database, campaign_id: str) -> CampaignIndex:
        """The campaign's ranking by township, and how many each county has ranked."""
        standing = self.get(db, campaign_id)
        found = self._index.get(campaign_id)
        if found is None or found.standing is not standing:
            ranked, unfinished = standing
            found = self._index[campaign_id] = CampaignIndex(
                standing,
                {r.entry.township_id: r for r in ranked},
                {e.township_id: e for e in unfinished},
                Counter(r.entry.county for r in ranked),
            )
        return found

    def get(self, db: Database, campaign_id: str) -> tuple[list[Ranked], list[Entry]]:
        self._check(db)
        found = self.by_campaign.get(campaign_id)
        if found is None:
            found = self._patched(db, campaign_id) or campaign_standing(db, campaign_id)
            self.by_campaign[campaign_id] = found
        return found

    def fill(self, db: Database, campaigns: list[dict[str, Any]]) -> None:
        """Read at once the rankings of these campaigns (rows) that are neither kept nor
        set aside, when there are more than a few (`READ_ONE_BY_ONE`): one query for
        every campaign instead of one per campaign."""
        self._check(db)
        missing = [
            c for c in campaigns if c["id"] not in self.by_campaign and c["id"] not in self._stale
        ]
        if len(missing) <= READ_ONE_BY_ONE:
            return
        entries = every_campaigns_entries(db)
        for c in missing:
            self.by_campaign[c["id"]] = standing_of(db, c, entries.get(c["id"], []))

    def _check(self, db: Database) -> None:
        version = data_version(db)
        if version != self.version:
            self.version, self.by_campaign, self._index, self._stale = version, {}, {}, {}
            self._touched = {}

    def forget(self, campaign_ids: Iterable[str] | None = None) -> None:
        """Forget the given campaigns' rankings (None: all of them)."""
        self.generation += 1
        if campaign_ids is None:
            self.by_campaign, self._stale, self._touched = {}, {}, {}
            self._forgot_all = self.generation
        else:
            for cid in campaign_ids:
                self.by_campaign.pop(cid, None)
                self._stale.pop(cid, None)
                self._touched[cid] = self.generation

    def update(self, db: Database, inspection_ids: Iterable[str]) -> None:
        """This connection changed these inspections: their campaigns' kept rankings are
        set aside, to be ranked again from the kept entries with only the changed ones
        read (`_patched`) when next asked for. One township's score moves one entry; a
        re-read would fetch the campaign's 1,400 rows."""
        self._check(db)
        ids = list(dict.fromkeys(inspection_ids))
        if len(ids) > UPDATE_AT_MOST:
            self.forget()
            return
        self.generation += 1  # a worker's rankings of these campaigns read before are stale
        marks = ",".join("?" * len(ids))
        for iid, campaign_id in db.execute(
            f"SELECT id, campaign_id FROM inspections WHERE id IN ({marks})", ids
        ).fetchall():
            self._touched[campaign_id] = self.generation
            kept = self.by_campaign.pop(campaign_id, None)
            if kept is not None:
                self._stale[campaign_id] = (kept, {iid})
            elif campaign_id in self._stale:
                self._stale[campaign_id][1].add(iid)

    def _patched(self, db: Database, campaign_id: str) -> tuple[list[Ranked], list[Entry]] | None:
        """The set-aside ranking with its changed inspections read again and ranked anew;
        None when it cannot be patched (a township with two entries): read it in full."""
        found = self._stale.pop(campaign_id, None)
        if found is None:
            return None
        (ranked, unfinished), inspection_ids = found
        by_township: dict[str, Entry | None] = {}
        for cid, township_id, entry in inspection_entries(db, inspection_ids):
            if cid == campaign_id:
                by_township[township_id] = entry
        entries = [r.entry for r in ranked] + list(unfinished)
        townships = Counter(e.township_id for e in entries)
        if any(townships[t] > 1 for t in by_township):
            return None
        campaign = db.execute(
            "SELECT id, interview_bottom FROM campaigns WHERE id = ? AND deleted = 0",
            [campaign_id],
        ).fetchone()
        if campaign is None:
            return None
        entries = [e for e in entries if e.township_id not in by_township]
        entries += [e for e in by_township.values() if e is not None]
        return standing_of(db, {"id": campaign[0], "interview_bottom": campaign[1]}, entries)

    def token(self, db: Database) -> tuple[int, int]:
        """The state to hand back to `seed` with rankings read elsewhere from now on."""
        self._check(db)
        assert self.version is not None
        return self.version, self.generation

    def missing(self, db: Database) -> int:
        """How many live campaigns have no ranking remembered."""
        self._check(db)
        return sum(
            1
            for c in ordered_campaigns(db)
            if c["id"] not in self.by_campaign and c["id"] not in self._stale
        )

    def seed(
        self,
        db: Database,
        found: dict[str, tuple[list[Ranked], list[Entry]]],
        token: tuple[int, int],
    ) -> bool:
        """Take rankings another connection read (a worker warming the cache), but none
        if another connection has committed or every ranking was forgotten since `token`
        was taken, and not those of the campaigns this connection has written to since:
        an answer changed while a worker read forty campaigns leaves thirty-nine good."""
        self._check(db)
        version, generation = token
        if version != self.version or generation < self._forgot_all:
            return False
        for cid, standing in found.items():
            if self._touched.get(cid, 0) > generation:
                continue
            self.by_campaign.setdefault(cid, standing)
            self._stale.pop(cid, None)
        return True


def all_standings(db: Database) -> dict[str, tuple[list[Ranked], list[Entry]]]:
    """Every campaign's ranking (for a worker to hand to `Standings.seed`)."""
    entries = every_campaigns_entries(db)
    return {c["id"]: standing_of(db, c, entries.get(c["id"], [])) for c in ordered_campaigns(db)}


def standings_of_file(path: str) -> dict[str, Any]:
    """`all_standings` on a connection of its own, for a worker thread (a connection
    belongs to the thread that opened it)."""
    from inspector.store.db import open_db

    db = open_db(path, create=False)
    try:
        return all_standings(db)
    finally:
        db.close()


def _township_campaigns(db: Database, township_id: str) -> set[str]:
    """Campaigns with a begun inspection of the township (what the ranking reads)."""
    return {
        r[0]
        for r in db.execute(
            "SELECT i.campaign_id FROM inspections i JOIN scores s ON s.inspection_id = i.id "
            "WHERE i.township_id = ? AND i.deleted = 0 AND s.answered > 0",
            [township_id],
        )
    }


def _failed_items(db: Database, township_id: str, forms: dict[str, Form]) -> dict[str, set[str]]:
    """Per campaign, the ids of the items the township's inspection failed."""
    failed: dict[str, set[str]] = defaultdict(set)
    items: dict[int, dict[str, Item]] = {}  # per form: its items by id
    for version in forms.values():
        items.setdefault(id(version), {i.id: i for i in version.items})
    for campaign_id, item_id, verdict, number in db.execute(
        "SELECT i.campaign_id, a.item_id, a.verdict, a.number FROM inspections i "
        "JOIN answers a ON a.inspection_id = i.id AND a.deleted = 0 "
        "WHERE i.township_id = ? AND i.deleted = 0 "
        "AND (a.verdict = ? OR a.number IS NOT NULL)",
        [township_id, Verdict.FAIL.value],
    ):
        form = forms.get(campaign_id)
        if form is None:
            continue
        item = items[id(form)].get(item_id)
        if item is None:  # an answer to an item no longer on the form
            continue
        answer = Answer(Verdict(verdict) if verdict else None, number)
        if item_failed(item, answer):
            failed[campaign_id].add(item_id)
    return failed


def _problem_counts(db: Database, township_id: str) -> dict[str, int]:
    return {
        r[0]: r[1]
        for r in db.execute(
            "SELECT campaign_id, COUNT(*) FROM problems WHERE township_id = ? AND deleted = 0 "
            "AND campaign_id IS NOT NULL GROUP BY campaign_id",
            [township_id],
        )
    }


def township_trend(
    db: Database, township_ref: str, standings: Standings | None = None
) -> TownshipTrend:
    """One township in every campaign that inspected it: score, stars, rank and its
    change, problems, and the items failed in consecutive rounds (屡查屡犯)."""
    standings = standings or Standings()
    town = find_township(db, township_ref)
    tid = town["id"]
    inspected = _township_campaigns(db, tid)
    campaigns = [c for c in ordered_campaigns(db) if c["id"] in inspected]
    by_row: dict[str, Form] = {}  # campaigns share form versions
    for c in campaigns:
        if c["form_id"] not in by_row:
            by_row[c["form_id"]] = form_by_row(db, c["form_id"])
    forms = {c["id"]: by_row[c["form_id"]] for c in campaigns}
    problems = _problem_counts(db, tid)
    standings.fill(db, campaigns)
    found: list[Round] = []
    for c in campaigns:
        index = standings.index(db, c["id"])
        ranked = index.standing[0]
        mine = index.ranked.get(tid)
        form = forms[c["id"]]
        if mine is not None:
            e = mine.entry
            county_ranked = index.per_county[e.county]
            found.append(
                Round(
                    c["id"],
                    c["name"],
                    c["year"],
                    e.score,
                    e.stars,
                    form.rating.max_stars,
                    True,
                    mine.rank,
                    mine.county_rank,
                    len(ranked),
                    county_ranked,
                    mine.interview,
                    mine.interview_reason,
                    problems.get(c["id"], 0),
                )
            )
            continue
        entry = index.unfinished.get(tid)
        if entry is None:  # begun since the rankings were read: shown next time
            continue
        found.append(
            Round(
                c["id"],
                c["name"],
                c["year"],
                entry.score,
                entry.stars,
                form.rating.max_stars,
                False,
                None,
                None,
                len(ranked),
                0,
                False,
                "",
                problems.get(c["id"], 0),
            )
        )
    changes = rank_changes([r.rank for r in found])
    rounds = tuple(replace(r, change=c) for r, c in zip(found, changes, strict=True))
    failed = _failed_items(db, tid, forms)
    texts: dict[str, str] = {}
    for c in campaigns:  # the newest form's wording of each item
        for item in forms[c["id"]].items:
            texts[item.id] = item.text
    repeated = repeated_failures(
        [(r.campaign, failed.get(r.campaign_id, ())) for r in rounds], texts
    )
    thresholds = forms[campaigns[-1]["id"]].rating.thresholds if campaigns else ()
    return TownshipTrend(
        tid, town["name"], town["county"], rounds, tuple(repeated), tuple(thresholds)
    )


def counties(db: Database) -> list[tuple[str, str]]:
    """(id, name) of every live county, by code then name."""
    return [
        (r[0], r[1])
        for r in db.execute("SELECT id, name FROM counties WHERE deleted = 0 ORDER BY code, name")
    ]


def _area_problems(db: Database, county_id: str | None) -> dict[str, tuple[int, int]]:
    """Per campaign: (all problems, rectified or closed) of the area's townships."""
    done = f"SUM(NOT {rules.unrectified('p')})"
    if county_id is None:
        return _all_problems(db, done)
    query = (
        f"SELECT p.campaign_id, COUNT(*), {done} FROM problems p "
        "JOIN townships t ON t.id = p.township_id "
        "WHERE p.deleted = 0 AND p.campaign_id IS NOT NULL AND t.county_id = ? "
        "GROUP BY p.campaign_id"
    )
    return {r[0]: (int(r[1]), int(r[2] or 0)) for r in db.execute(query, [county_id])}


def _all_problems(db: Database, done: str) -> dict[str, tuple[int, int]]:
    """`_area_problems` of the whole: every problem counted on the (campaign_id, status)
    index alone, less the deleted ones. Testing `deleted` row by row meant looking up
    each of a province's 500,000 problems in the table (three times slower); the
    deleted are found by one plain scan, and are few."""
    counts: dict[str, tuple[int, int]] = {}
    for campaign_id, total, rectified in db.execute(
        f"SELECT p.campaign_id, COUNT(*), {done} FROM problems p INDEXED BY "
        "idx_problems_campaign WHERE p.campaign_id IS NOT NULL GROUP BY p.campaign_id"
    ):
        counts[campaign_id] = (int(total), int(rectified or 0))
    for campaign_id, total, rectified in db.execute(
        f"SELECT p.campaign_id, COUNT(*), {done} FROM problems p NOT INDEXED "
        "WHERE p.deleted <> 0 AND p.campaign_id IS NOT NULL GROUP BY p.campaign_id"
    ):
        all_, done_ = counts[campaign_id]
        counts[campaign_id] = (all_ - int(total), done_ - int(rectified or 0))
    return {cid: n for cid, n in counts.items() if n[0]}


def area_trend(
    db: Database, county_id: str | None = None, standings: Standings | None = None
) -> AreaTrend:
    """A county (by id), or the whole database when None, in every campaign that
    inspected some township of it: townships ranked, average score, star
    distribution, 约谈 count and rectification rate.

    The 约谈 flags are the campaign's own (the whole ranking's), so a county's
    count is how many of its townships the campaign sent to 约谈.
    """
    standings = standings or Standings()
    name = ""
    members: set[str] | None = None
    if county_id is not None:
        county = db.execute(
            "SELECT name FROM counties WHERE id = ? AND deleted = 0", [county_id]
        ).fetchone()
        if county is None:
            raise KeyError(county_id)
        name = county[0]
        members = {
            r[0]
            for r in db.execute(
                "SELECT id FROM townships WHERE county_id = ? AND deleted = 0", [county_id]
            )
        }
    problems = _area_problems(db, county_id)
    # townships' campaigns only: project sites are ranked apart (`store.projects`), and a
    # project campaign's average beside a township one's would read as a rise or a fall
    campaigns = [c for c in ordered_campaigns(db) if campaign_target(db, c["id"]) != PROJECT_TARGET]
    standings.fill(db, campaigns)
    found: list[AreaRound] = []
    for c in campaigns:
        ranked, unfinished = standings.get(db, c["id"])
        if members is not None:
            ranked = [r for r in ranked if r.entry.township_id in members]
            unfinished = [e for e in unfinished if e.township_id in members]
        if not ranked and not unfinished:
            continue  # the campaign did not inspect the area
        max_stars = form_by_row(db, c["form_id"]).rating.max_stars
        total, rectified = problems.get(c["id"], (0, 0))
        found.append(
            AreaRound(
                c["id"],
                c["name"],
                c["year"],
                len(ranked),
                len(unfinished),
                mean(r.entry.score for r in ranked) if ranked else None,
                star_counts((r.entry.stars for r in ranked), max_stars),
                sum(1 for r in ranked if r.interview),
                total,
                rectified,
            )
        )
    changes = average_changes([r.average for r in found])
    rounds = tuple(replace(r, change=c) for r, c in zip(found, changes, strict=True))
    return AreaTrend(name, county_id, rounds)


def trend_json(trend: TownshipTrend | AreaTrend) -> str:
    """The trend as JSON (the command line's --format json)."""
    data = asdict(trend)
    if isinstance(trend, TownshipTrend):
        for r, d in zip(trend.rounds, data["rounds"], strict=True):
            d["change_text"] = r.change_text
        for f, d in zip(trend.repeated, data["repeated"], strict=True):
            d["rounds"] = f.rounds
    else:
        for area_round, d in zip(trend.rounds, data["rounds"], strict=True):
            d["rate"] = area_round.rate
            top = area_round.max_stars
            d["stars"] = {str(top - i): n for i, n in enumerate(area_round.stars)}
    return json.dumps(data, ensure_ascii=False, indent=1)
