"""The queries behind the printed reports: one read per report, shaped for layout.

Reports read here and nowhere else, so the PDF and spreadsheet code stays
free of SQL and a report shows exactly what the rest of the app shows (the
score cache, the problem statuses, the notice numbers).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from inspector.core.forms import Form, Item
from inspector.core.ranking import Entry, Ranked
from inspector.core.scoring import ScoreResult, score_inspection
from inspector.messages import Message
from inspector.store import problem_rules as rules
from inspector.store import self_answers, settings
from inspector.store.campaign_setup import covers_sql
from inspector.store.catalog import CatalogError, find_campaign, form_for_campaign
from inspector.store.follow_up_sql import extension_count_sql, extension_text_sql
from inspector.store.inspections import answer_rows, compute_score, find_inspection
from inspector.store.notices import notice_problems
from inspector.store.problem_queries import townships_with_noticeable
from inspector.store.problems import ProblemFilter, list_problems
from inspector.store.ranking import campaign_ranking, campaign_standing


@dataclass
class InspectionReport:
    """Everything the 督查情况反馈表 of one township prints."""

    campaign: dict[str, Any]
    township: dict[str, Any]
    inspection: dict[str, Any]
    form: Form
    score: ScoreResult
    veto_items: list[Item]
    problems: list[dict[str, Any]]
    issuing_body: str
    today: dt.date
    # The township's self-assessment (自评), scored as the inspectors' answers are,
    # and its answer rows by item; None / empty when it returned no sheet.
    self_score: ScoreResult | None = None
    self_rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    answer_rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The photos and scans attached to the items, in the form's order (`evidence_of`).
    evidence: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class NoticeContext:
    """A notice and what its text is made from."""

    notice: dict[str, Any]
    township: dict[str, Any]
    campaign: dict[str, Any] | None
    inspected_on: str | None
    problems: list[dict[str, Any]]
    item_texts: dict[str, str]
    issuing_body: str
    contact: str
    copy_to: str = ""  # 版记's 抄送: settings `notice_copy_to`, else the county's 组织部
    printer: str = ""  # 版记's 印发机关: settings `printing_office`, else the issuing body


@dataclass
class SummaryData:
    campaign: dict[str, Any]
    form: Form
    ranking: list[Ranked]
    not_inspected: int
    overdue: list[dict[str, Any]]
    today: dt.date
    issuing_body: str
    county_order: list[str] = field(default_factory=list)
    incomplete: list[Entry] = field(default_factory=list)  # begun, not ranked (see ranking)
    # Where the townships' self-assessments differ most from the inspectors (自评差距).
    self_townships: list[self_answers.TownshipGap] = field(default_factory=list)
    self_items: list[self_answers.ItemGap] = field(default_factory=list)


def township_row(db: Database, township_id: str) -> dict[str, Any]:
    found = list(
        db.query(
            "SELECT t.*, c.name AS county FROM townships t JOIN counties c ON c.id = t.county_id "
            "WHERE t.id = ?",
            [township_id],
        )
    )
    if not found:
        raise CatalogError(Message("no township {township}", township=township_id))
    return found[0]


def inspection_report(
    db: Database, campaign_id: str, township_id: str, today: dt.date
) -> InspectionReport:
    campaign = find_campaign(db, campaign_id)
    township = township_row(db, township_id)
    inspection = find_inspection(db, campaign["id"], township_id)
    if inspection is None:
        raise CatalogError(
            Message(
                "{township} has not been inspected in {campaign}",
                township=township["name"],
                campaign=campaign["name"],
            )
        )
    form = form_for_campaign(db, campaign["id"])
    score = compute_score(db, inspection["id"], form)
    problems = list_problems(
        db,
        ProblemFilter(campaign_id=campaign["id"], township_id=township_id, today=today),
        order_by="item_id",
        limit=100_000,
    )
    own = self_answers.of_township(db, campaign["id"], township_id)
    assessed = any(r["verdict"] or r["number"] is not None for r in own.values())
    if not inspection["team"]:  # begun before the campaign named its 督导组
        inspection = {**inspection, "team": campaign.get("team") or ""}
    return InspectionReport(
        campaign=campaign,
        township=township,
        inspection=inspection,
        form=form,
        score=score,
        veto_items=[form.item(i) for i in score.veto_failed],
        problems=problems,
        issuing_body=settings.get(db, "issuing_body") or "",
        today=today,
        self_score=score_inspection(form, self_answers.as_answers(own)) if assessed else None,
        self_rows=own if assessed else {},
        answer_rows=answer_rows(db, inspection["id"]) if assessed else {},
        evidence=evidence_of(db, inspection["id"], form),
    )


def evidence_of(db: Database, inspection_id: str, form: Form) -> list[dict[str, Any]]:
    """Each item's live attachments (item_id, filename, mime, caption, taken_at), the items
    in the form's order and each item's files in the order they were attached."""
    from inspector.store.entry import photos_by_item

    order = {item.id: n for n, item in enumerate(form.items)}
    by_item = photos_by_item(db, inspection_id)
    return [
        {**att, "item_id": item_id}
        for item_id in sorted(by_item, key=lambda i: (order.get(i, len(order)), i))
        for att in by_item[item_id]
    ]


def item_texts(db: Database, campaign_ids: set[str | None]) -> dict[tuple[str, str], str]:
    """(campaign id, item id) → the item's text in that campaign's frozen form."""
    texts: dict[tuple[str, str], str] = {}
    for cid in campaign_ids:
        if not cid:
            continue
        try:
            form = form_for_campaign(db, cid)
        except CatalogError:
            continue
        for item in form.items:
            texts[(cid, item.id)] = item.text
    return texts


def notice_context(db: Database, notice_id: str) -> NoticeContext:
    found = list(db.query("SELECT * FROM notices WHERE id = ?", [notice_id]))
    if not found:
        raise CatalogError(Message("no notice {notice}", notice=notice_id))
    notice = found[0]
    township = township_row(db, notice["township_id"])
    campaign = None
    inspected_on = None
    if notice["campaign_id"]:
        campaign = find_campaign(db, notice["campaign_id"])
        inspection = find_inspection(db, campaign["id"], township["id"])
        inspected_on = inspection["inspected_on"] if inspection else None
    problems = notice_problems(db, notice)
    texts = item_texts(db, {p["campaign_id"] for p in problems})
    return NoticeContext(
        notice=notice,
        township=township,
        campaign=campaign,
        inspected_on=inspected_on,
        problems=problems,
        item_texts={
            p["id"]: texts.get((p["campaign_id"], p["item_id"] or ""), "") for p in problems
        },
        issuing_body=settings.get(db, "issuing_body") or "",
        contact=(settings.get(db, "contact") or "").strip(),
        copy_to=copy_to_for(db, township),
        printer=(settings.get(db, "printing_office") or "").strip(),
    )


def copy_to_for(db: Database, township: dict[str, Any]) -> str:
    """Who a township's paper is copied to: the setting, else its county's 组织部."""
    chosen = settings.get(db, "notice_copy_to")
    if chosen is not None:
        return str(chosen).strip()
    county = township.get("county") or ""
    if county.endswith(("区", "县", "市")):
        return f"中共{county}委组织部"
    return ""


def unnoticed_open_problems(db: Database, campaign_id: str, township_id: str) -> list[str]:
    """Problems still to rectify that no notice has carried yet, in item order."""
    return [
        r[0]
        for r in db.execute(
            "SELECT p.id FROM problems p WHERE p.deleted = 0 AND p.campaign_id = ? "
            f"AND p.township_id = ? AND {rules.noticeable('p')} "
            "ORDER BY p.item_id, p.found_on, p.id",
            [campaign_id, township_id],
        ).fetchall()
    ]


def problem_count(db: Database, campaign_id: str, township_id: str) -> int:
    return int(
        db.execute(
            "SELECT COUNT(*) FROM problems WHERE deleted = 0 AND campaign_id = ? "
            "AND township_id = ?",
            [campaign_id, township_id],
        ).fetchone()[0]
    )


def latest_notice(db: Database, campaign_id: str, township_id: str) -> dict[str, Any] | None:
    found = list(
        db.query(
            "SELECT * FROM notices WHERE deleted = 0 AND campaign_id = ? AND township_id = ? "
            "ORDER BY issued_on DESC, year DESC, seq DESC LIMIT 1",
            [campaign_id, township_id],
        )
    )
    return found[0] if found else None


def archived_pdf(db: Database, notice: dict[str, Any]) -> dict[str, Any] | None:
    """The attachment row holding a notice's archived PDF, if any."""
    if not notice.get("attachment_id"):
        return None
    found = list(
        db.query(
            "SELECT * FROM attachments WHERE id = ? AND deleted = 0", [notice["attachment_id"]]
        )
    )
    return found[0] if found else None


def summary_data(db: Database, campaign_id: str, today: dt.date) -> SummaryData:
    campaign = find_campaign(db, campaign_id)
    ranking, unfinished = campaign_standing(db, campaign["id"])
    from inspector.store.projects import campaign_target, target_condition

    total = db.execute(  # the townships (or project sites) the campaign covers
        "SELECT COUNT(*) FROM townships t WHERE t.deleted = 0 AND "
        + target_condition(campaign_target(db, campaign["id"]))
        + " AND "
        + covers_sql("(SELECT townships FROM campaigns WHERE id = :c)", "t.id"),
        {"c": campaign["id"]},
    ).fetchone()[0]
    overdue = list(
        db.query(
            f"""SELECT p.id, p.item_id, p.text, p.responsible_unit, p.deadline, p.status,
                  p.township_id, t.name AS township, c.name AS county, n.doc_number
           FROM problems p
           JOIN townships t ON t.id = p.township_id
           JOIN counties c ON c.id = t.county_id
           LEFT JOIN notices n ON n.id = p.notice_id
           WHERE p.deleted = 0 AND p.campaign_id = ? AND {rules.overdue("p", "?")}
           ORDER BY c.code, c.name, t.code, t.name, p.deadline, p.item_id, p.id""",
            [campaign["id"], today.isoformat()],
        )
    )
    counties = [
        r[0]
        for r in db.execute(
            "SELECT name FROM counties WHERE deleted = 0 ORDER BY code, name"
        ).fetchall()
    ]
    gaps = self_answers.campaign_gaps(db, campaign["id"])
    return SummaryData(
        campaign=campaign,
        form=form_for_campaign(db, campaign["id"]),
        ranking=ranking,
        not_inspected=max(0, total - len(ranking) - len(unfinished)),
        overdue=overdue,
        today=today,
        issuing_body=settings.get(db, "issuing_body") or "",
        county_order=counties,
        incomplete=unfinished,
        self_townships=gaps[0],
        self_items=gaps[1],
    )


def problem_list(
    db: Database, campaign_id: str | None, today: dt.date, batch: int = 5000
) -> Iterator[dict[str, Any]]:
    """Every problem (of a campaign, or all), county and township order, read in batches."""
    if campaign_id:
        campaign_id = find_campaign(db, campaign_id)["id"]
    campaigns = {
        r[0]
        for r in db.execute(
            "SELECT DISTINCT campaign_id FROM problems WHERE deleted = 0 "
            "AND (? IS NULL OR campaign_id = ?)",
            [campaign_id, campaign_id],
        ).fetchall()
    }
    texts = item_texts(db, campaigns)
    last: tuple[Any, ...] = ()
    sql = """
        SELECT p.*, t.name AS township, c.name AS county, ca.name AS campaign,
               {overdue} AS overdue, {light} AS light,
               {extension_count} AS extension_count, {extension_text} AS extension_text,
               n.doc_number AS notice_number,
               COALESCE(c.code, '') AS ccode, COALESCE(t.code, '') AS tcode
        FROM problems p
        JOIN townships t ON t.id = p.township_id
        JOIN counties c ON c.id = t.county_id
        LEFT JOIN campaigns ca ON ca.id = p.campaign_id
        LEFT JOIN notices n ON n.id = p.notice_id
        WHERE p.deleted = 0 AND (:campaign IS NULL OR p.campaign_id = :campaign)
          {after}
        ORDER BY ccode, c.name, tcode, t.name, COALESCE(p.item_id, ''),
                 COALESCE(p.found_on, ''), p.id
        LIMIT :batch"""
    while True:
        params: dict[str, Any] = {
            "today": today.isoformat(),
            "campaign": campaign_id,
            "batch": batch,
        }
        after = ""
        if last:
            after = (
                "AND (COALESCE(c.code, ''), c.name, COALESCE(t.code, ''), t.name, "
                "COALESCE(p.item_id, ''), COALESCE(p.found_on, ''), p.id) > "
                "(:k0, :k1, :k2, :k3, :k4, :k5, :k6)"
            )
            params.update({f"k{i}": v for i, v in enumerate(last)})
        rows = list(
            db.query(
                sql.format(
                    overdue=rules.overdue("p"),
                    light=rules.light("p"),
                    extension_count=extension_count_sql("p"),
                    extension_text=extension_text_sql("p"),
                    after=after,
                ),
                params,
            )
        )
        for r in rows:
            r["item_text"] = texts.get((r["campaign_id"], r["item_id"] or ""), "")
            r["overdue"] = bool(r["overdue"])
            yield r
        if len(rows) < batch:
            return
        r = rows[-1]
        last = (
            r["ccode"],
            r["county"],
            r["tcode"],
            r["township"],
            r["item_id"] or "",
            r["found_on"] or "",
            r["id"],
        )


def county_name(db: Database, county_id: str | None) -> str | None:
    """A county's name by id (None for none, or an id not held)."""
    if not county_id:
        return None
    found = db.execute("SELECT name FROM counties WHERE id = ?", [county_id]).fetchone()
    return found[0] if found else None


def find_county(db: Database, ref: str) -> dict[str, Any]:
    """A county by name, code or id; the error names the counties there are."""
    found = list(
        db.query(
            "SELECT * FROM counties WHERE deleted = 0 AND (id = :r OR code = :r "
            "OR name = :r) ORDER BY code, name",
            {"r": ref.strip()},
        )
    )
    if not found:
        names = [
            r[0]
            for r in db.execute(
                "SELECT name FROM counties WHERE deleted = 0 ORDER BY code, name LIMIT 12"
            )
        ]
        raise CatalogError(
            Message("no county {county}; counties are: {names}", county=ref, names="、".join(names))
        )
    return found[0]


def ledger_rows(
    db: Database, campaign_id: str | None, county_id: str | None, today: dt.date
) -> list[dict[str, Any]]:
    """The 整改台账: every problem with the deadline it was first given, its evidence and
    its progress.

    The first deadline is the one the first extension (延期) replaced; a problem whose
    deadline was changed before extensions were recorded has it from the audit log's
    earliest record of the row: a local insert
    holds the row as made; an imported one holds no copy, so the first change's `old`
    says it, and a row never changed here still has it.
    """
    return list(
        db.query(
            f"""SELECT p.id, p.text, p.measure, p.responsible_unit, p.responsible_person,
                  p.deadline, p.status, p.rectified_on, p.rectify_note, p.closed_on,
                  p.item_id, p.found_on, t.name AS township, c.name AS county,
                  ca.name AS campaign, n.doc_number, n.report_received_on,
                  {rules.overdue("p")} AS overdue, {rules.light("p")} AS light,
                  {extension_count_sql("p")} AS extension_count,
                  {extension_text_sql("p")} AS extension_text,
                  coalesce((SELECT x_.previous_deadline FROM extensions x_
                            WHERE x_.problem_id = p.id AND x_.deleted = 0
                            ORDER BY x_.updated_at LIMIT 1),
                           (SELECT CASE WHEN a.action = 'insert'
                                        THEN json_extract(a.new, '$.deadline')
                                        ELSE json_extract(a.old, '$.deadline') END
                            FROM audit_log a
                            WHERE a.table_name = 'problems' AND a.row_id = p.id
                              AND (a.action != 'insert' OR a.new IS NOT NULL)
                            ORDER BY a.id LIMIT 1), p.deadline) AS first_deadline,
                  (SELECT COUNT(*) FROM attachments f WHERE f.owner_table = 'problems'
                    AND f.owner_id = p.id AND f.deleted = 0) AS evidence
           FROM problems p
           JOIN townships t ON t.id = p.township_id
           JOIN counties c ON c.id = t.county_id
           LEFT JOIN campaigns ca ON ca.id = p.campaign_id
           LEFT JOIN notices n ON n.id = p.notice_id
           WHERE p.deleted = 0 AND (:campaign IS NULL OR p.campaign_id = :campaign)
             AND (:county IS NULL OR t.county_id = :county)
           ORDER BY ca.year, ca.name, COALESCE(c.code, ''), c.name, COALESCE(t.code, ''),
                    t.name, COALESCE(p.item_id, ''), COALESCE(p.found_on, ''), p.id""",
            {"today": today.isoformat(), "campaign": campaign_id, "county": county_id},
        )
    )


def townships_with_unnoticed_problems(db: Database, campaign_id: str) -> list[str]:
    """Townships with open problems of the campaign that no notice carries yet, in the
    catalogue's order (county code, township code), the order a batch numbers them."""
    return [t["id"] for t in townships_with_noticeable(db, campaign_id)]


def unnoticed_problems_by_township(db: Database, campaign_id: str) -> list[tuple[str, list[str]]]:
    """(township, its problems as `unnoticed_open_problems` orders them) for every township
    with some, in the order a batch numbers them: one read for a whole province, where a
    query per township took seconds."""
    groups: dict[str, list[str]] = {}
    for township, problem in db.execute(
        "SELECT p.township_id, p.id FROM problems p "
        "JOIN townships t ON t.id = p.township_id JOIN counties c ON c.id = t.county_id "
        f"WHERE p.deleted = 0 AND p.campaign_id = ? AND {rules.noticeable('p')} "
        "ORDER BY COALESCE(c.code, ''), c.name, COALESCE(t.code, ''), t.name, t.id, "
        "p.item_id, p.found_on, p.id",
        [campaign_id],
    ).fetchall():
        groups.setdefault(township, []).append(problem)
    return list(groups.items())


@dataclass
class BulletinData:
    """What the 督查情况通报 compares: this campaign's ranking, the one before it, and how
    far each county has rectified its problems."""

    summary: SummaryData
    previous: dict[str, Any] | None
    previous_ranking: list[Ranked]
    rectification: dict[str, tuple[int, int]]  # county → (rectified or closed, all problems)
    addressee: str = "各县（市、区）委组织部"  # settings `bulletin_addressee`
    printer: str = ""  # 版记's 印发机关: settings `printing_office`, else the issuing body


def previous_campaign(db: Database, campaign: dict[str, Any]) -> dict[str, Any] | None:
    """The campaign run before this one (by start date, then year), for the rank changes:
    one that filled in the checklist (a follow-up round that only checks problems ranks
    nobody) and of the same kind (townships or project sites)."""
    found = list(
        db.query(
            "SELECT * FROM campaigns WHERE deleted = 0 AND id != :id AND checklist = 1 AND "
            "(COALESCE(starts_on, year || '-01-01') < COALESCE(:starts, :year || '-01-01')) "
            "ORDER BY COALESCE(starts_on, year || '-01-01') DESC, name DESC",
            {"id": campaign["id"], "starts": campaign["starts_on"], "year": campaign["year"]},
        )
    )
    # of the same kind: a township campaign is not compared with a project campaign
    from inspector.store.projects import campaign_target

    kind = campaign_target(db, campaign["id"])
    return next((c for c in found if campaign_target(db, c["id"]) == kind), None)


def bulletin_data(db: Database, campaign_id: str, today: dt.date) -> BulletinData:
    summary = summary_data(db, campaign_id, today)
    previous = previous_campaign(db, summary.campaign)
    rect = {
        r[0]: (r[1], r[2])
        for r in db.execute(
            f"SELECT c.name, SUM(NOT {rules.unrectified('p')}), COUNT(*) FROM problems p "
            "JOIN townships t ON t.id = p.township_id JOIN counties c ON c.id = t.county_id "
            "WHERE p.deleted = 0 AND p.campaign_id = ? GROUP BY c.name",
            [summary.campaign["id"]],
        )
    }
    return BulletinData(
        summary=summary,
        previous=previous,
        previous_ranking=campaign_ranking(db, previous["id"]) if previous else [],
        rectification=rect,
        addressee=(settings.get(db, "bulletin_addressee") or "各县（市、区）委组织部").strip(),
        printer=(settings.get(db, "printing_office") or "").strip(),
    )


PAPER_NAMES = {"bulletin": "督查情况通报", "supervise": "督办单", "interview": "约谈通知"}


def require_numbering_device(db: Database, kind: str) -> None:
    """The 通报, 督办单 and 约谈通知 are numbered by headquarters alone.

    Headquarters publishes them (the 通报 compares the counties, 督办 and 约谈 are
    the department's own measures), and their counters are local settings that no
    bundle carries: two laptops numbering them would print the same 文号 with
    nothing to tell them apart. A notice is different: it is numbered from each
    laptop's own block and its rows travel, so a clash is found on import.
    """
    from inspector.store.devices import RoleError, own_role

    if own_role(db) == "inspector":
        raise RoleError(
            Message(
                "only headquarters numbers the {paper}: this laptop is enrolled as an inspector, "
                "and the counters of its numbers do not sync, so another computer could print "
                "the same number",
                paper=PAPER_NAMES.get(kind, kind),
            )
        )


def next_paper_number(db: Database, kind: str, year: int) -> int:
    """The next number of the year for a kind of paper (bulletin, supervise, interview):
    a counter of headquarters' database (`require_numbering_device`)."""
    require_numbering_device(db, kind)
    return int(settings.get(db, f"{kind}_last_{year}") or 0) + 1


def take_paper_number(db: Database, kind: str, year: int, seq: int) -> None:
    require_numbering_device(db, kind)
    with db.atomic():
        last = int(settings.get(db, f"{kind}_last_{year}") or 0)
        settings.put(db, f"{kind}_last_{year}", max(last, seq))


def overdue_by_township(
    db: Database, campaign_id: str, today: dt.date, township_id: str | None = None
) -> list[dict[str, Any]]:
    """Red-light problems (open, past their deadline) of a campaign, township by township
    in catalogue order, with the notice that carried them."""
    return list(
        db.query(
            f"""SELECT p.id, p.item_id, p.text, p.responsible_unit, p.responsible_person,
                  p.deadline, p.status, p.measure, p.township_id, t.name AS township,
                  t.kind AS kind, c.name AS county, n.doc_number, n.issued_on
           FROM problems p
           JOIN townships t ON t.id = p.township_id
           JOIN counties c ON c.id = t.county_id
           LEFT JOIN notices n ON n.id = p.notice_id
           WHERE p.deleted = 0 AND p.campaign_id = :campaign
             AND {rules.overdue("p")}
             AND (:township IS NULL OR p.township_id = :township)
           ORDER BY COALESCE(c.code, ''), c.name, COALESCE(t.code, ''), t.name, p.deadline,
                    p.item_id, p.id""",
            {"campaign": campaign_id, "today": today.isoformat(), "township": township_id},
        )
    )
