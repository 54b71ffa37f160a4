"""The townships' self-assessments (自评): stored beside the inspectors' answers, never in them.

One `self_answers` row per campaign, township and item (a deterministic id,
`core.ids.self_answer_id`), so the same sheet imported on two laptops merges
into one row. Saving a township's sheet writes every item of it in one
transaction: a blank cell clears what an earlier sheet said. The inspectors'
score never reads this table; the comparison scores it the same way beside
it (`core.self_assessment.compare`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from inspector.core.ids import self_answer_id
from inspector.core.scoring import Answer, Verdict
from inspector.core.self_assessment import Comparison, SelfAnswer, compare
from inspector.messages import Message, MessageError
from inspector.store.catalog import form_for_campaign
from inspector.store.inspections import answers_of, find_inspection
from inspector.store.rows import Rows


class SelfAssessmentError(MessageError, ValueError):
    """A sheet that cannot be saved (its campaign, township or form is not this database's)."""


@dataclass(frozen=True)
class TownshipSheet:
    """One township's filled sheet, every cell already checked."""

    source: str  # the file it came from, for messages
    campaign_id: str
    township_id: str
    form_sha256: str
    answers: tuple[SelfAnswer, ...]


def of_township(db: Database, campaign_id: str, township_id: str) -> dict[str, dict[str, Any]]:
    """The township's live self answers in a campaign, by item id."""
    return {
        r["item_id"]: r
        for r in db.query(
            "SELECT * FROM self_answers WHERE campaign_id = ? AND township_id = ? AND deleted = 0",
            [campaign_id, township_id],
        )
    }


def as_answers(rows: dict[str, dict[str, Any]]) -> dict[str, Answer]:
    """Rows as scoring reads answers."""
    return {
        item: Answer(Verdict(r["verdict"]) if r["verdict"] else None, r["number"])
        for item, r in rows.items()
    }


def townships_assessed(db: Database, campaign_id: str) -> list[str]:
    """The townships that returned a sheet with at least one answer, in a stable order."""
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT township_id FROM self_answers WHERE campaign_id = ? AND deleted = 0 "
            "AND (verdict IS NOT NULL OR number IS NOT NULL) ORDER BY township_id",
            [campaign_id],
        ).fetchall()
    ]


def comparison(db: Database, campaign_id: str, township_id: str) -> Comparison | None:
    """The township's self-assessment beside the inspectors' answers; None without one."""
    own = of_township(db, campaign_id, township_id)
    if not any(r["verdict"] or r["number"] is not None for r in own.values()):
        return None
    form = form_for_campaign(db, campaign_id)
    inspection = find_inspection(db, campaign_id, township_id)
    theirs = answers_of(db, inspection["id"]) if inspection else {}
    return compare(form, as_answers(own), theirs)


def check_sheet(db: Database, sheet: TownshipSheet) -> None:
    """The sheet's campaign and township are held here and its form is the campaign's."""
    campaign = db.execute(
        "SELECT c.name, f.sha256 FROM campaigns c JOIN forms f ON f.id = c.form_id "
        "WHERE c.id = ? AND c.deleted = 0",
        [sheet.campaign_id],
    ).fetchone()
    if campaign is None:
        raise SelfAssessmentError(
            Message(
                "{file}: the sheet is for a campaign this database does not hold", file=sheet.source
            )
        )
    if campaign[1] != sheet.form_sha256:
        raise SelfAssessmentError(
            Message(
                "{file}: the sheet was made from another form than campaign {campaign} uses",
                file=sheet.source,
                campaign=campaign[0],
            )
        )
    township = db.execute(
        "SELECT 1 FROM townships WHERE id = ? AND deleted = 0", [sheet.township_id]
    ).fetchone()
    if township is None:
        raise SelfAssessmentError(
            Message(
                "{file}: the sheet is for a township this database does not hold",
                file=sheet.source,
            )
        )


def save_sheets(rows: Rows, sheets: Iterable[TownshipSheet]) -> list[dict[str, Any]]:
    """Write every sheet's answers in one transaction; returns the rows that changed."""
    changed: list[dict[str, Any]] = []
    with rows.db.atomic():
        for sheet in sheets:
            check_sheet(rows.db, sheet)
            for answer in sheet.answers:
                row_id = self_answer_id(sheet.campaign_id, sheet.township_id, answer.item_id)
                values: dict[str, Any] = {
                    "id": row_id,
                    "campaign_id": sheet.campaign_id,
                    "township_id": sheet.township_id,
                    "item_id": answer.item_id,
                    "verdict": answer.verdict.value if answer.verdict else None,
                    "number": answer.number,
                    "note": answer.note,
                    "form_sha256": sheet.form_sha256,
                }
                before = rows.find("self_answers", row_id)
                if before is None and not answer.answered:
                    continue  # a blank row of a first sheet: nothing to keep
                after = rows.upsert("self_answers", values)
                if before is None or before["updated_at"] != after["updated_at"]:
                    changed.append(after)
    return changed


@dataclass(frozen=True)
class TownshipGap:
    """One township's self-assessed score against the inspectors' (the summary's list)."""

    township: str
    county: str
    self_score: float
    score: float
    items_apart: int  # items both sides count on which they differ

    @property
    def gap(self) -> float:
        return round(self.self_score - self.score, 1)


@dataclass(frozen=True)
class ItemGap:
    """One item across the campaign's townships: how often and how far they differ."""

    item_id: str
    text: str
    compared: int  # townships where both sides count the item
    apart: int  # of those, where the points differ
    total: float  # sum of the signed gaps, in points

    @property
    def mean(self) -> float:
        return round(self.total / self.compared, 2) if self.compared else 0.0


def campaign_gaps(
    db: Database, campaign_id: str, limit: int = 10
) -> tuple[list[TownshipGap], list[ItemGap]]:
    """The townships and the items where the self-assessment differs most from the inspectors.

    Townships by the size of score gap (self − inspectors', either sign), then
    name; items by the sum over townships of the absolute item gaps (points),
    then id. Townships with no inspection answers are not compared.
    """
    form = form_for_campaign(db, campaign_id)
    names = {
        r[0]: (r[1], r[2])
        for r in db.execute(
            "SELECT t.id, t.name, c.name FROM townships t JOIN counties c ON c.id = t.county_id"
        ).fetchall()
    }
    towns: list[TownshipGap] = []
    per_item: dict[str, list[float]] = {}
    compared: dict[str, int] = {}
    for township in townships_assessed(db, campaign_id):
        found = comparison(db, campaign_id, township)
        if found is None or found.gap is None:
            continue
        assert found.self_score is not None and found.score is not None
        name, county = names.get(township, (township, ""))
        towns.append(TownshipGap(name, county, found.self_score, found.score, len(found.gaps)))
        for item_id, g in found.gaps.items():
            per_item.setdefault(item_id, []).append(g)
        for item_id in found.compared:
            compared[item_id] = compared.get(item_id, 0) + 1
    towns.sort(key=lambda t: (-abs(t.gap), t.township))
    items = [
        ItemGap(i, form.item(i).text, compared.get(i, len(g)), len(g), round(sum(g), 2))
        for i, g in per_item.items()
    ]
    items.sort(key=lambda g: (-sum(abs(x) for x in per_item[g.item_id]), g.item_id))
    return towns[:limit], items[:limit]


def sheet_targets(db: Database, campaign_id: str) -> list[dict[str, Any]]:
    """The live townships (or project sites) a campaign's form inspects, in county order:
    the ones a self-assessment sheet is made for."""
    from inspector.store.projects import campaign_target, target_condition

    targets = target_condition(campaign_target(db, campaign_id))
    return list(
        db.query(
            "SELECT t.* FROM townships t JOIN counties c ON c.id = t.county_id "
            f"WHERE t.deleted = 0 AND {targets} ORDER BY c.code, c.name, t.code, t.name"
        )
    )


def sheet_campaign(db: Database, campaign_id: str) -> tuple[str, str] | None:
    """A live campaign's name and its form's sha256 (what a returned sheet must name)."""
    found = db.execute(
        "SELECT c.name, f.sha256 FROM campaigns c JOIN forms f ON f.id = c.form_id "
        "WHERE c.id = ? AND c.deleted = 0",
        [campaign_id],
    ).fetchone()
    return (found[0], found[1]) if found else None


def township_held(db: Database, township_id: str) -> bool:
    return (
        db.execute("SELECT 1 FROM townships WHERE id = ? AND deleted = 0", [township_id]).fetchone()
        is not None
    )
