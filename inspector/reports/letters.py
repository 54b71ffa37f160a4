"""督办单 for red-light problems and 约谈通知 for the townships on the 约谈 list.

Both on the notice's GB/T 9704 page, each with its own 文号 series (settings
`supervise_prefix`, default 舟组督办; `interview_prefix`, default 舟组谈) numbered
from a local counter per year. One document per township; several are
joined into one file with each keeping its own page numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table
from sqlite_utils import Database

from inspector.core.numbering import format_doc_number
from inspector.messages import Message
from inspector.progress import NO_PROGRESS, Progress
from inspector.reports.batch import join_pdfs
from inspector.reports.fonts import FontSet, report_fonts
from inspector.reports.gridtext import GridParagraph, break_lines
from inspector.reports.issue import ReportError
from inspector.reports.notice import (
    BLOCK_W,
    BODY_SIZE,
    LINE,
    NOTICE_LAYOUT,
    PITCH,
    TITLE_SIZE,
    TRACKING,
    Colophon,
    DocNumberRule,
    IssuingMark,
    SignatureBlock,
    _html,
    _p,
    _your_committee,
    body_paragraph,
    heading_paragraph,
)
from inspector.reports.pdfdoc import DocMeta, build_pdf, chinese_date, wrap_text
from inspector.store import settings
from inspector.store.catalog import find_campaign
from inspector.store.domains import PROJECT_KIND
from inspector.store.notices import addressee_for
from inspector.store.ranking import campaign_ranking
from inspector.store.report_data import (
    copy_to_for,
    next_paper_number,
    overdue_by_township,
    take_paper_number,
    township_row,
)

PREFIXES = {"supervise": "舟组督办", "interview": "舟组谈"}


class Paper:
    """The shared frame: mark, 文号 over the red rule, title, addressee, body, signature,
    附注 and 版记 — the notice's geometry for every letter."""

    def __init__(self, fonts: FontSet, issuing: str, number: str):
        self.fonts, self.issuing, self.number = fonts, issuing, number
        mark_size = min(34.0, BLOCK_W / (len(issuing) * 1.08))
        self.story: list[Flowable] = [
            IssuingMark(issuing, fonts.title, mark_size),
            Spacer(1, 1.5 * LINE),
            DocNumberRule(number, fonts.fangsong),
            Spacer(1, 1.8 * LINE),
        ]

    def title(self, text: str) -> None:
        lines = break_lines(text, self.fonts.title, TITLE_SIZE, BLOCK_W - 2 * PITCH)
        self.story += [
            Paragraph(
                "<br/>".join(_html(x) for x in lines),
                _p("title", self.fonts.title, TITLE_SIZE, TITLE_SIZE * 1.5, TA_CENTER),
            ),
            Spacer(1, 0.6 * LINE),
        ]

    def line(self, text: str) -> GridParagraph:
        return GridParagraph(
            text, self.fonts.fangsong, BODY_SIZE, LINE, justify=False, tracking=TRACKING
        )

    def body(self, text: str) -> GridParagraph:
        return body_paragraph(text, self.fonts)

    def head(self, text: str) -> list[Flowable]:
        return heading_paragraph(text, self.fonts)

    def close(
        self, last: list[Flowable], day: dt.date, contact: str, copy_to: str, printer: str
    ) -> list[Flowable]:
        ending = [
            *last,
            SignatureBlock(self.issuing, chinese_date(day), self.fonts.fangsong, tracking=TRACKING),
        ]
        if contact:
            ending.append(self.body(f"（联系人：{contact}）"))
        self.story.append(KeepTogether(ending))
        self.story.append(
            Colophon(copy_to, printer or self.issuing, chinese_date(day), self.fonts.fangsong)
        )
        return self.story


def _number(db: Database, kind: str, year: int, seq: int) -> str:
    prefix = settings.get(db, f"{kind}_prefix") or PREFIXES[kind]
    return format_doc_number(prefix, year, seq)


def _you(kind: str) -> str:
    return f"你{kind}" if kind in ("街道", "镇", "乡", PROJECT_KIND) else "你单位"


def _problem_table(problems: list[dict[str, Any]], fonts: FontSet, today: dt.date) -> Table:
    size = 12  # 小四: the table inside a 3号 document
    widths = [12 * mm, 70 * mm, 26 * mm, 24 * mm, 24 * mm]
    rows = [["序号", "督办事项", "责任单位", "原定时限", "逾期天数"]]
    for n, p in enumerate(problems, 1):
        days = (today - dt.date.fromisoformat(p["deadline"][:10])).days
        rows.append(
            [
                str(n),
                wrap_text(p["text"], fonts.fangsong, size, widths[1] - 6),
                wrap_text(p["responsible_unit"] or "—", fonts.fangsong, size, widths[2] - 6),
                p["deadline"][:10],
                f"{days}天",
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), fonts.fangsong),
            ("FONTNAME", (0, 0), (-1, 0), fonts.hei),
            ("FONTSIZE", (0, 0), (-1, -1), size),
            ("LEADING", (0, 0), (-1, -1), size * 1.35),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, 0), "CENTER"),
            ("ALIGN", (0, 1), (0, -1), "CENTER"),
            ("ALIGN", (3, 1), (-1, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]
    )
    return table


def supervise_story(
    db: Database,
    campaign: dict[str, Any],
    problems: list[dict[str, Any]],
    number: str,
    today: dt.date,
    reply_by: dt.date,
    fonts: FontSet,
) -> list[Flowable]:
    first = problems[0]
    township = township_row(db, first["township_id"])
    issuing = settings.get(db, "issuing_body") or "中共舟山市委组织部"
    paper = Paper(fonts, issuing, number)
    paper.title(f"关于{first['township']}逾期未整改问题的督办单")
    notices = sorted({p["doc_number"] for p in problems if p["doc_number"]})
    basis = f"{campaign['name']}发现的问题中，{_you(first['kind'])}有{len(problems)}个问题"
    if notices:
        basis += f"（整改通知书{'、'.join(notices)}）"
    basis += f"截至{chinese_date(today)}已超过整改时限仍未完成整改，现予督办。"
    paper.story += [
        paper.line(f"{addressee_for(first['township'], first['kind'])}："),
        paper.body(basis),
        *paper.head("一、督办事项"),
        Spacer(1, 0.2 * LINE),
        _problem_table(problems, fonts, today),
        Spacer(1, 0.4 * LINE),
        *paper.head("二、督办要求"),
        paper.body(
            f"（一）{_your_committee(first['kind'])}要对督办事项逐项分析逾期原因，"
            "明确责任领导和责任人，立即整改。"
        ),
    ]
    last = [
        paper.body(
            f"（二）请于{chinese_date(reply_by)}前将整改情况和佐证材料书面报送"
            f"{issuing}。逾期仍未完成整改的，将予以通报并约谈。"
        )
    ]
    contact = (settings.get(db, "contact") or "").strip()
    return paper.close(
        last,
        today,
        contact,
        copy_to_for(db, township),
        (settings.get(db, "printing_office") or "").strip(),
    )


def interview_story(
    db: Database,
    campaign: dict[str, Any],
    entry: Any,
    number: str,
    today: dt.date,
    on: dt.date,
    place: str,
    fonts: FontSet,
) -> list[Flowable]:
    township = township_row(db, entry.entry.township_id)
    issuing = settings.get(db, "issuing_body") or "中共舟山市委组织部"
    paper = Paper(fonts, issuing, number)
    kind = township["kind"]
    secretary = (
        "党组织书记" if kind == PROJECT_KIND else "党工委书记" if kind == "街道" else "党委书记"
    )
    ranked_among = "项目" if kind == PROJECT_KIND else "乡镇（街道）"
    paper.title(f"关于约谈{township['name']}{secretary}的通知")
    reason = entry.interview_reason.rstrip("。；;，, ")
    paper.story += [
        paper.line(f"{addressee_for(township['name'], kind)}："),
        paper.body(
            f"在{campaign['name']}中，{_you(kind)}得分{entry.entry.score:.1f}分，"
            f"在参加评定的{ranked_among}中排名第{entry.rank}位，{reason}，列入约谈名单。"
        ),
        paper.body(
            f"经研究，定于{chinese_date(on)}在{place}约谈{_you(kind)}{secretary}。"
            "现将有关事项通知如下："
        ),
        paper.body(
            f"（一）请{_you(kind)}{secretary}准时参加，并就督查发现问题的原因、整改措施和"
            "完成时限作出说明。"
        ),
    ]
    last = [paper.body("（二）约谈前请将问题整改情况书面报告送达，并附佐证材料。")]
    contact = (settings.get(db, "contact") or "").strip()
    return paper.close(
        last,
        today,
        contact,
        copy_to_for(db, township),
        (settings.get(db, "printing_office") or "").strip(),
    )


def _render(
    story: list[Flowable], title: str, subject: str, author: str, day: dt.date, fonts: FontSet
) -> bytes:
    meta = DocMeta(title=title, subject=subject, author=author, created=day)
    return build_pdf(story, meta, NOTICE_LAYOUT, fonts=fonts)


def _series(
    db: Database,
    kind: str,
    day: dt.date,
    groups: list[Any],
    make: Callable[[Any, str], tuple[list[Flowable], str]],
    progress: Progress,
) -> tuple[list[str], bytes]:
    """Number and render one document per group, then take the numbers used."""
    fonts = report_fonts()
    first = next_paper_number(db, kind, day.year)
    author = settings.get(db, "issuing_body") or "中共舟山市委组织部"
    numbers, pdfs = [], []
    for n, group in enumerate(groups):
        progress(n, len(groups), "")
        number = _number(db, kind, day.year, first + n)
        story, title = make(group, number)
        pdfs.append(_render(story, title, number, author, day, fonts))
        numbers.append(number)
    take_paper_number(db, kind, day.year, first + len(groups) - 1)
    pdf = (
        pdfs[0]
        if len(pdfs) == 1
        else join_pdfs(pdfs, "督办单" if kind == "supervise" else "约谈通知", day)
    )
    return numbers, pdf


def supervise_pdf(
    db: Database,
    campaign_ref: str,
    today: dt.date,
    *,
    township_id: str | None = None,
    reply_days: int = 7,
    progress: Progress = NO_PROGRESS,
) -> tuple[list[str], bytes]:
    """督办单 for each township with red-light problems (or one township)."""
    campaign = find_campaign(db, campaign_ref)
    problems = overdue_by_township(db, campaign["id"], today, township_id)
    if not problems:
        raise ReportError(
            Message(
                "no open problems of {campaign} are past their deadline on {date}",
                campaign=campaign["name"],
                date=today.isoformat(),
            )
        )
    groups: dict[str, list[dict[str, Any]]] = {}
    for p in problems:
        groups.setdefault(p["township_id"], []).append(p)
    reply_by = today + dt.timedelta(days=reply_days)

    def make(group: list[dict[str, Any]], number: str) -> tuple[list[Flowable], str]:
        return (
            supervise_story(db, campaign, group, number, today, reply_by, report_fonts()),
            f"关于{group[0]['township']}逾期未整改问题的督办单",
        )

    return _series(db, "supervise", today, list(groups.values()), make, progress)


def interview_pdf(
    db: Database,
    campaign_ref: str,
    today: dt.date,
    *,
    on: dt.date,
    place: str,
    township_id: str | None = None,
    progress: Progress = NO_PROGRESS,
) -> tuple[list[str], bytes]:
    """约谈通知 for each township on the campaign's 约谈 list (or one of them)."""
    campaign = find_campaign(db, campaign_ref)
    listed = [
        r
        for r in campaign_ranking(db, campaign["id"])
        if r.interview and (township_id is None or r.entry.township_id == township_id)
    ]
    if not listed:
        raise ReportError(
            Message("no township of {campaign} is on the interview list", campaign=campaign["name"])
            if township_id is None
            else Message(
                "this township is not on the interview list of {campaign}",
                campaign=campaign["name"],
            )
        )
    if on < today:
        raise ReportError(
            Message(
                "the interview date {on} is before the notice's date {date}",
                on=on.isoformat(),
                date=today.isoformat(),
            )
        )

    def make(entry: Any, number: str) -> tuple[list[Flowable], str]:
        return (
            interview_story(db, campaign, entry, number, today, on, place, report_fonts()),
            f"关于约谈{entry.entry.township}负责人的通知",
        )

    return _series(db, "interview", today, listed, make, progress)
