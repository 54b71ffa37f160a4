"""The mark a voided notice (作废) carries when it is printed or exported again.

The archived PDF stays the bytes that were issued; a copy printed after the
notice was voided must not pass for a live one. Every page gets a large red
diagonal 已作废 across the text and, at the foot, when and why it was voided
and the number that replaced it, and a boxed 已作废 at the head, laid over the archived pages (pypdf) so the
document underneath is still the one issued. The mark is real text: copied
or searched, the page says 已作废.
"""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from inspector.reports.fonts import report_fonts

VOID_WORD = "已作废"
RED = colors.Color(0.8, 0.0, 0.0, alpha=0.55)


def void_line(notice: dict[str, Any], replaced_by: str | None) -> str:
    """The foot line: 【已作废】本通知已于2026-11-20作废（原因）。已以…重新印发。"""
    reason = notice.get("void_reason") or ""
    text = f"【{VOID_WORD}】本通知已于{notice['voided_on']}作废"
    if reason:
        text += f"（{reason}）"
    text += "。"
    if replaced_by and replaced_by not in reason:
        text += f"已以{replaced_by}重新印发。"
    return text


def _overlay(width: float, height: float, line: str) -> bytes:
    fonts = report_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), invariant=1)
    canvas.saveState()
    canvas.setFillColor(RED)
    canvas.setFont(fonts.hei, 120)
    canvas.translate(width / 2, height / 2)
    canvas.rotate(35)
    canvas.drawCentredString(0, -40, VOID_WORD)
    canvas.restoreState()
    canvas.setFillColor(colors.Color(0.8, 0.0, 0.0))
    size = 11.0
    while size > 6 and canvas.stringWidth(line, fonts.bundled, size) > width - 30 * mm:
        size -= 0.5
    canvas.setFont(fonts.bundled, size)
    canvas.drawCentredString(width / 2, 12 * mm, line)
    # and a label at the head of the page, where the eye and a text search meet it first
    canvas.setFont(fonts.hei, 16)
    label_w = canvas.stringWidth(VOID_WORD, fonts.hei, 16) + 4 * mm
    x, y = width - 20 * mm - label_w, height - 18 * mm
    canvas.setStrokeColor(colors.Color(0.8, 0.0, 0.0))
    canvas.setLineWidth(1.2)
    canvas.rect(x, y - 2 * mm, label_w, 8 * mm, stroke=1, fill=0)
    canvas.drawString(x + 2 * mm, y, VOID_WORD)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def mark_voided(pdf: bytes, notice: dict[str, Any], replaced_by: str | None = None) -> bytes:
    """`pdf` with the void mark on every page (each page's own size)."""
    from pypdf import PdfReader, PdfWriter

    line = void_line(notice, replaced_by)
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    stamps: dict[tuple[float, float], Any] = {}
    for page in writer.pages:
        size = (float(page.mediabox.width), float(page.mediabox.height))
        if size not in stamps:
            stamps[size] = PdfReader(io.BytesIO(_overlay(*size, line))).pages[0]
        page.merge_page(stamps[size])
    writer.add_metadata({"/Subject": f"{VOID_WORD} {notice['doc_number']}"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
