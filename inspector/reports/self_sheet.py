"""The self-assessment sheet (自评表): one XLSX workbook per township, made and read back.

Made from the campaign's frozen form: one row per item (id, section, text,
guidance, points, kind), an answer column with a drop-down of the four
verdicts (or a whole-number rule for a count), and a note column. Only those
two columns are unlocked; the sheet is protected (no password: it guards
against slips, not against intent), and a very hidden sheet carries the
campaign id, the township id and the form's sha256, so a sheet of another
campaign, township or form is refused on import.

Reading treats the file as hostile: its size, the number and expanded size of
its zip members and the number of rows are bounded before and while openpyxl
reads it (read-only mode, formulas not evaluated and refused as answers).
Every cell is checked and every bad cell named as "sheet X, row N, column
C: ..."; any error means nothing is imported.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlite_utils import Database

from inspector.core.form_model import Form, Item
from inspector.core.self_assessment import (
    VERDICT_LABELS,
    CellError,
    SelfAnswer,
    answer_text,
    parse_note,
    parse_value,
)
from inspector.messages import Message, MessageError
from inspector.reports.cells import mark_text
from inspector.reports.xlsx import CREATOR, fixed_zip_times
from inspector.store.catalog import find_campaign, form_for_campaign
from inspector.store.self_answers import (
    TownshipSheet,
    of_township,
    sheet_campaign,
    sheet_targets,
    township_held,
)

SHEET = "自评表"
META_SHEET = "inspector"
FORMAT = "inspector-self-assessment"
FORMAT_VERSION = 1
HEADER_ROW = 3
HEADERS = ("条目编号", "督查内容", "督查要求", "督查方式", "分值", "类型", "自评结论", "说明")
WIDTHS = (10, 16, 44, 36, 7, 8, 14, 36)
ANSWER_COL, NOTE_COL = 7, 8
KIND_LABELS = {"verdict": "判定", "number": "计数", "text": "文字"}

# Bounds on a file from outside: a form holds tens of items, never thousands.
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_EXPANDED_BYTES = 40 * 1024 * 1024
MAX_MEMBERS = 200
MAX_RATIO = 200  # expanded ÷ compressed of a member: past this it is a zip bomb
SPARE_ROWS = 200  # rows read past the last item before the sheet is refused as too long

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


class SheetError(MessageError, ValueError):
    """One or more files refused; every message names file, sheet, row and column."""


# -- making ----------------------------------------------------------------------------
def sheet_bytes(
    campaign: dict[str, Any],
    township: dict[str, Any],
    form: Form,
    day: dt.date,
    answers: dict[str, dict[str, Any]] | None = None,
) -> bytes:
    """One township's workbook (pre-filled with what it answered before, if anything)."""
    answers = answers or {}
    wb = Workbook()
    stamp = dt.datetime(day.year, day.month, day.day)
    wb.properties.creator = wb.properties.lastModifiedBy = CREATOR
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.title = f"{campaign['name']} 自评表 — {township['name']}"
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
    mark_text(ws.cell(1, 1, f"{campaign['name']}　{township['name']}自评表"))
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = (
        "请在“自评结论”列选择 符合／基本符合／不符合／不适用（计数条目填写整数），"
        "在“说明”列简述依据。其他列及隐藏信息请勿修改。"
    )
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADERS))
    ws.row_dimensions[2].height = 32
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="E8E8E8")
    for col, (header, width) in enumerate(zip(HEADERS, WIDTHS, strict=True), 1):
        cell = ws.cell(HEADER_ROW, col, header)
        cell.font, cell.fill, cell.border = bold, fill, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    verdicts = DataValidation(
        type="list",
        formula1='"' + ",".join(VERDICT_LABELS.values()) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="自评结论",
        error="请选择 符合、基本符合、不符合 或 不适用",
    )
    counts = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2="1000000000",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="自评结论",
        error="请填写 0 或正整数",
    )
    ws.add_data_validation(verdicts)
    ws.add_data_validation(counts)
    sections = {s.id: s.title for s in form.sections}
    for row, item in enumerate(form.items, HEADER_ROW + 1):
        before = answers.get(item.id) or {}
        values: list[Any] = [
            item.id,
            sections[item.section_id],
            item.text,
            item.guidance,
            item.points if item.scored else None,
            KIND_LABELS[item.kind] + (f"（{_rule(item)}）" if item.kind == "number" else ""),
            answer_text(item, before.get("verdict"), None) if item.kind == "verdict" else None,
            before.get("note") or None,
        ]
        if item.kind == "number" and before.get("number") is not None:
            values[ANSWER_COL - 1] = int(before["number"])
        for col, value in enumerate(values, 1):
            cell = mark_text(ws.cell(row, col, value))
            cell.border = _BORDER
            cell.alignment = Alignment(wrap_text=col in (2, 3, 4, NOTE_COL), vertical="top")
            editable = col == NOTE_COL or (col == ANSWER_COL and item.kind != "text")
            cell.protection = Protection(locked=not editable)
            if editable:
                cell.fill = PatternFill("solid", fgColor="FFF9E0")
        ref = f"{get_column_letter(ANSWER_COL)}{row}"
        if item.kind == "verdict":
            verdicts.add(ref)
        elif item.kind == "number":
            counts.add(ref)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # widths may change; content may not
    ws.protection.formatRows = False
    meta = wb.create_sheet(META_SHEET)
    for key, value in (
        ("format", FORMAT),
        ("format_version", FORMAT_VERSION),
        ("campaign_id", campaign["id"]),
        ("township_id", township["id"]),
        ("form_sha256", form.sha256),
        ("form", f"{form.id} {form.version}"),
        ("township", township["name"]),
    ):
        meta.append([key, value])
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    buffer = io.BytesIO()
    wb.save(buffer)
    return fixed_zip_times(buffer.getvalue(), day)


def _rule(item: Item) -> str:
    word = "不少于" if item.rule == "at_least" else "不超过"
    return f"{word}{item.target or 0:g}{item.unit}"


def file_name(campaign: dict[str, Any], township: dict[str, Any]) -> str:
    """A file name any system takes: the township (and its code, names repeat) and 自评表."""
    code = township.get("code") or township["id"][:8]
    name = _UNSAFE.sub("_", f"{township['name']}-{code}-自评表.xlsx")
    del campaign  # one folder per campaign: the caller chooses it
    return name


def export_sheets(
    db: Database,
    campaign_ref: str,
    out_dir: str | Path,
    day: dt.date,
    townships: Sequence[dict[str, Any]] | None = None,
) -> list[Path]:
    """Write one workbook per township (every live one the campaign inspects, or those
    given) into `out_dir`."""
    campaign = find_campaign(db, campaign_ref)
    form = form_for_campaign(db, campaign["id"])
    if townships is None:  # the targets of the campaign's form: townships or project sites
        townships = sheet_targets(db, campaign["id"])
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for township in townships:
        path = folder / file_name(campaign, township)
        previous = of_township(db, campaign["id"], township["id"])
        path.write_bytes(sheet_bytes(campaign, township, form, day, previous))
        written.append(path)
    return written


# -- reading ---------------------------------------------------------------------------
@dataclass
class _Reading:
    file: str
    errors: list[Message]

    def cell(self, row: int, col: int, problem: Message) -> None:
        self.errors.append(
            Message(
                "{file}: sheet {sheet}, row {row}, column {column}: {problem}",
                file=self.file,
                sheet=SHEET,
                row=row,
                column=f"{get_column_letter(col)} ({HEADERS[col - 1]})",
                problem=problem,
            )
        )

    def whole(self, problem: Message) -> None:
        self.errors.append(Message("{file}: {problem}", file=self.file, problem=problem))


def read_sheets(db: Database, paths: Iterable[str | Path]) -> list[TownshipSheet]:
    """Every file read and checked; SheetError lists every problem of every file."""
    errors: list[Message] = []
    sheets: list[TownshipSheet] = []
    seen: dict[tuple[str, str], str] = {}
    for path in paths:
        reading = _Reading(Path(path).name, errors)
        sheet = _read_one(db, Path(path), reading)
        if sheet is None:
            continue
        key = (sheet.campaign_id, sheet.township_id)
        if key in seen:
            reading.whole(
                Message("the same township's sheet as {other}; import one of them", other=seen[key])
            )
            continue
        seen[key] = reading.file
        sheets.append(sheet)
    if errors:
        count = len(errors)
        raise SheetError(
            *errors, Message("{count} problem(s) found; nothing was imported", count=count)
        )
    return sheets


def _read_one(db: Database, path: Path, reading: _Reading) -> TownshipSheet | None:
    problem = _container_problem(path)
    if problem is not None:
        reading.whole(problem)
        return None
    try:
        wb = load_workbook(path, read_only=True, data_only=False, keep_links=False)
    except Exception:  # openpyxl raises many types on a damaged file: all mean "not readable"
        reading.whole(Message("not a readable XLSX workbook"))
        return None
    try:
        meta = _meta(wb, reading)
        if meta is None:
            return None
        form = _form_of(db, meta, reading)
        if form is None:
            return None
        if SHEET not in wb.sheetnames:
            reading.whole(Message("the workbook has no sheet {sheet}", sheet=SHEET))
            return None
        answers = _rows(wb[SHEET], form, reading)
    finally:
        wb.close()
    if answers is None:
        return None
    return TownshipSheet(
        reading.file, meta["campaign_id"], meta["township_id"], meta["form_sha256"], answers
    )


def _container_problem(path: Path) -> Message | None:
    """Size and zip bounds, checked before any XML is parsed."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Message("cannot be read ({reason})", reason=exc.strerror or str(exc))
    if size > MAX_FILE_BYTES:
        return Message(
            "the file is {size} MiB; a self-assessment sheet is far smaller (at most {most} MiB)",
            size=round(size / 1024 / 1024, 1),
            most=MAX_FILE_BYTES // 1024 // 1024,
        )
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return Message("not an XLSX workbook (not a zip archive)")
    if len(members) > MAX_MEMBERS:
        return Message("the workbook holds {count} parts; refused", count=len(members))
    expanded = sum(m.file_size for m in members)
    if expanded > MAX_EXPANDED_BYTES or any(
        m.file_size > MAX_RATIO * max(m.compress_size, 1024) for m in members
    ):
        return Message("the workbook expands far beyond its size (a zip bomb?); refused")
    return None


def _meta(wb: Any, reading: _Reading) -> dict[str, str] | None:
    if META_SHEET not in wb.sheetnames:
        reading.whole(
            Message("not a self-assessment sheet made by Inspector (its hidden sheet is missing)")
        )
        return None
    values: dict[str, str] = {}
    for row in wb[META_SHEET].iter_rows(min_row=1, max_row=20, max_col=2, values_only=True):
        if row and isinstance(row[0], str) and len(row) > 1:
            values[row[0]] = row[1] if isinstance(row[1], str) else str(row[1])
    if values.get("format") != FORMAT or values.get("format_version") != str(FORMAT_VERSION):
        reading.whole(Message("not a self-assessment sheet of this version of Inspector"))
        return None
    for key in ("campaign_id", "township_id", "form_sha256"):
        if not re.fullmatch(r"[0-9a-f-]{32,64}", values.get(key, "")):
            reading.whole(Message("its hidden sheet is damaged ({key})", key=key))
            return None
    return values


def _form_of(db: Database, meta: dict[str, str], reading: _Reading) -> Form | None:
    campaign = sheet_campaign(db, meta["campaign_id"])
    if campaign is None:
        reading.whole(Message("the sheet is for a campaign this database does not hold"))
        return None
    if campaign[1] != meta["form_sha256"]:
        reading.whole(
            Message(
                "the sheet was made from another form than campaign {campaign} uses",
                campaign=campaign[0],
            )
        )
        return None
    if not township_held(db, meta["township_id"]):
        reading.whole(Message("the sheet is for a township this database does not hold"))
        return None
    return form_for_campaign(db, meta["campaign_id"])


def _rows(ws: Any, form: Form, reading: _Reading) -> tuple[SelfAnswer, ...] | None:
    before = len(reading.errors)
    header = next(
        ws.iter_rows(
            min_row=HEADER_ROW, max_row=HEADER_ROW, max_col=len(HEADERS), values_only=True
        ),
        (),
    )
    if tuple(header) != HEADERS:
        reading.whole(
            Message(
                "sheet {sheet}, row {row}: the header row was changed", sheet=SHEET, row=HEADER_ROW
            )
        )
        return None
    items = {i.id: i for i in form.items}
    found: dict[str, SelfAnswer] = {}
    last = HEADER_ROW + len(items) + SPARE_ROWS
    for number, cells in enumerate(
        ws.iter_rows(min_row=HEADER_ROW + 1, max_row=last + 1, max_col=len(HEADERS)),
        HEADER_ROW + 1,
    ):
        row = [(c.value, getattr(c, "data_type", None) == "f") for c in cells]
        row += [(None, False)] * (len(HEADERS) - len(row))
        if all(v is None or (isinstance(v, str) and not v.strip()) for v, _f in row):
            continue
        if number > last:
            reading.whole(
                Message("sheet {sheet} holds more rows than the form has items", sheet=SHEET)
            )
            break
        item_id = row[0][0]
        item = items.get(item_id) if isinstance(item_id, str) else None
        if item is None:
            reading.cell(
                number, 1, Message("{value} is not an item of the form", value=repr(item_id)[:40])
            )
            continue
        if item.id in found:
            reading.cell(number, 1, Message("item {item} appears twice", item=item.id))
            continue
        (answer, answer_f), (note, note_f) = row[ANSWER_COL - 1], row[NOTE_COL - 1]
        verdict = count = text = None
        ok = True
        try:
            verdict, count = parse_value(item, answer, answer_f)
        except CellError as exc:
            reading.cell(number, ANSWER_COL, exc.messages[0])
            ok = False
        try:
            text = parse_note(note, note_f)
        except CellError as exc:
            reading.cell(number, NOTE_COL, exc.messages[0])
            ok = False
        if ok:
            found[item.id] = SelfAnswer(item.id, verdict, count, text or "")
        else:
            found[item.id] = SelfAnswer(item.id)  # named already; not "missing" as well
    missing = [i for i in items if i not in found]
    if missing and len(reading.errors) == before:
        reading.whole(
            Message(
                "sheet {sheet}: items missing: {items}", sheet=SHEET, items=", ".join(missing[:10])
            )
        )
    if len(reading.errors) > before:
        return None
    return tuple(found[i] for i in items)
