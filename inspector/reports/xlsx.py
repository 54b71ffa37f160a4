"""Spreadsheets an office prints as they are, and that come out the same twice.

Every sheet the app writes: a bold shaded header that repeats on each printed
page, frozen and filtered; long text wrapped; A4 landscape fitted to the
page's width; real dates. openpyxl stamps the workbook and every zip member
with the wall-clock time, so the same data gave different bytes each run:
the document dates are set to the report's date and the archive is written
again with fixed member times.
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

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from inspector.reports.cells import mark_text

CREATOR = "督查通 Inspector"


@dataclass(frozen=True)
class Column:
    header: str
    width: int  # in characters, as Excel counts them
    kind: str = "text"  # "text" (one line), "wrap" (long text), "date", "number", "light"


# A deadline light's word (core.problems.LIGHT_LABELS) and the cell's fill: the colour
# helps on screen, the word survives a black-and-white printer.
LIGHT_FILLS = {"红": "F4B6B6", "黄": "FFE699", "绿": "C6E0B4"}


_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_CENTRE = Alignment(horizontal="center", vertical="top")


def write_sheet(
    path: str | Path,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    day: dt.date,
    *,
    title: str,
    heading: str = "",
) -> int:
    """Write one sheet (a heading line above the header, if given); returns the row count."""
    wb = Workbook(write_only=True)
    stamp = dt.datetime(day.year, day.month, day.day)
    wb.properties.creator = CREATOR
    wb.properties.lastModifiedBy = CREATOR
    wb.properties.created = wb.properties.modified = stamp
    wb.properties.title = heading or title
    ws = wb.create_sheet(title[:31])
    header_row = 2 if heading else 1
    ws.freeze_panes = f"A{header_row + 1}"
    for i, col in enumerate(columns, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as it takes
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    if heading:
        cell = WriteOnlyCell(ws, value=heading)
        cell.font = Font(bold=True, size=14)
        ws.append([cell])
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8E8E8")
    header = []
    for col in columns:
        cell = WriteOnlyCell(ws, value=col.header)
        cell.font, cell.fill, cell.border = bold, fill, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        header.append(cell)
    ws.append(header)
    count = 0
    for r in rows:
        out = []
        for col, value in zip(columns, r, strict=True):
            cell = mark_text(WriteOnlyCell(ws, value=value))  # outside text is never a formula
            cell.border = _BORDER
            if col.kind == "wrap":
                cell.alignment = _WRAP
            elif col.kind == "date":
                cell.number_format = "yyyy-mm-dd"
                cell.alignment = _CENTRE
            elif col.kind == "number":
                cell.alignment = _CENTRE
            elif col.kind == "light":
                cell.alignment = _CENTRE
                if value in LIGHT_FILLS:
                    cell.fill = PatternFill("solid", fgColor=LIGHT_FILLS[value])
            else:
                cell.alignment = _TOP
            out.append(cell)
        ws.append(out)
        count += 1
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A{header_row}:{last}{count + header_row}"
    buffer = io.BytesIO()
    wb.save(buffer)
    Path(path).write_bytes(fixed_zip_times(buffer.getvalue(), day))
    return count


def fixed_zip_times(data: bytes, day: dt.date) -> bytes:
    """The same archive with every member dated `day` (zip stores the local wall clock)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(
                info.filename, date_time=(day.year, day.month, day.day, 0, 0, 0)
            )
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = info.external_attr
            body = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl sets "modified" on save
                body = re.sub(
                    rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                    rb"\g<1>" + f"{day.isoformat()}T00:00:00Z".encode() + rb"\g<2>",
                    body,
                )
            target.writestr(fixed, body)
    return out.getvalue()
