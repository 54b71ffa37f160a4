"""The 整改通知书 measured against GB/T 9704-2012 from the PDF itself.

Word boxes come from poppler (`pdftotext -bbox`), ink from a 300 dpi render
(`pdftoppm`), rules from the page's drawing operators (pypdf): none of it
from the layout constants the notice is built with.
"""

from __future__ import annotations

import io
import itertools
import math
import re
import subprocess

import pytest

from inspector.reports.issue import notice_for_township
from inspector.store import settings
from inspector.store.rows import Rows
from tests.reports.conftest import _need
from tests.reports.test_notice import ISSUED, _pending_township, _words

MM = 72 / 25.4
LEFT, TOP, BLOCK_W, BLOCK_H = 28 * MM, 37 * MM, 156 * MM, 225 * MM
PAGE_H = 297 * MM
RIGHT, BOTTOM = LEFT + BLOCK_W, TOP + BLOCK_H  # from the page's top-left, as poppler gives
LINE = BLOCK_H / 22


@pytest.fixture
def notice(sample_db, sample_campaign):
    settings.put(sample_db, "contact", "组织一处 王建国，电话 0580-2280000")
    tid = _pending_township(sample_db, sample_campaign["id"])
    return notice_for_township(
        Rows(sample_db, who="测试员"), sample_campaign["id"], tid, issued_on=ISSUED
    )


def _render(pdf: bytes, tmp_path, page: int, dpi: int = 300):
    from PIL import Image

    src = tmp_path / "render.pdf"
    src.write_bytes(pdf)
    out = subprocess.run(
        [_need("pdftoppm"), "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", str(src)],
        capture_output=True,
        check=True,
    ).stdout
    return Image.open(io.BytesIO(out)).convert("RGB")


def _rows_where(image, test, x0_mm: float, x1_mm: float, dpi: int = 300) -> list[float]:
    """Rows (in mm from the page top) holding a pixel that passes `test` between x0 and x1."""
    px = dpi / 25.4
    width, height = image.size
    data = image.load()
    found = []
    for y in range(height):
        if any(test(data[x, y]) for x in range(int(x0_mm * px), min(width, int(x1_mm * px)))):
            found.append(y / px)
    return found


def _full_width(text: str) -> bool:
    return all(ord(ch) > 0x2E7F for ch in text)


def test_a_full_line_holds_28_characters_and_fills_the_block(notice, tmp_path):
    lines = [
        w
        for _w, _h, words in _words(notice.pdf, tmp_path)
        for w in words
        if w[0] > LEFT - 1 and w[1] < BOTTOM
    ]
    full = 0
    for (x0, _y0, x1, _y1, text), after in itertools.pairwise(lines):
        if abs(x1 - RIGHT) > 1 or not _full_width(text):
            continue
        indent = round((x0 - LEFT) / (BLOCK_W / 28))
        assert indent in (0, 2), (text, x0)
        if len(text) + indent == 28:
            full += 1
            continue
        # One short only where 禁则 pushed a character down: "，" may not open the next
        # line, nor "（" end this one.
        nxt = after[4]
        assert len(text) + indent == 27, text
        assert nxt[:1] in "（《“‘〔【" or nxt[1:2] in "，。、；：！？）》”’", (text, nxt)
    assert full >= 10


def test_the_issuing_mark_starts_35_mm_under_the_block_and_the_red_rule_is_156_mm(notice, tmp_path):
    image = _render(notice.pdf, tmp_path, 1)
    red = _rows_where(image, lambda p: p[0] > 150 and p[1] < 90 and p[2] < 90, 28, 184)
    assert red, "no red on the first page"
    assert abs(red[0] - (37 + 35)) < 0.4  # the mark's ink starts 35 mm into the text block
    rules = [r for r in _strokes(notice.pdf, 0) if r["colour"][0] > 0.8 and r["colour"][1] < 0.2]
    assert len(rules) == 1
    rule = rules[0]
    assert abs(rule["x0"] - LEFT) < 0.5 and abs(rule["x1"] - RIGHT) < 0.5
    number = next(w for w in _words(notice.pdf, tmp_path)[0][2] if "〔" in w[4])
    ink = _rows_where(image, lambda p: sum(p) < 300, number[0] / MM, number[2] / MM)
    ink = [y for y in ink if number[1] / MM - 1 < y < (PAGE_H - rule["y"]) / MM - 0.5]
    assert abs((PAGE_H - rule["y"]) / MM - max(ink) - 4) < 0.4  # 4 mm under the 文号


def test_page_numbers_dash_is_7_mm_under_the_block(notice, tmp_path):
    for page in (1, 2):
        image = _render(notice.pdf, tmp_path, page)
        dark = _rows_where(image, lambda p: sum(p) < 200, 28, 184)
        under = [y for y in dark if y > 37 + 225 + 1]
        digits = [w for w in _words(notice.pdf, tmp_path)[page - 1][2] if w[4] == str(page)]
        assert digits
        # The dash's stroke: the dark rows under the block that are not the digit's height.
        dash = _rows_where(image, lambda p: sum(p) < 200, *_dash_span(digits[0], page))
        dash = [y for y in dash if y in under]
        assert dash
        assert abs((min(dash) + max(dash)) / 2 - (37 + 225 + 7)) < 0.4, (min(dash), max(dash))


def _dash_span(digit, page: int) -> tuple[float, float]:
    """Where the dash left of the number lies, in mm: 4号 is 14 pt, one dash wide."""
    x0 = digit[0] / MM
    return x0 - 4.5, x0 - 1.5


def test_the_contact_note_follows_the_date_two_characters_in(notice, tmp_path):
    words = _words(notice.pdf, tmp_path)[-1][2]
    date = next(w for w in words if w[4] == "2026年11月20日")
    note = next(w for w in words if w[4].startswith("（联系人"))
    assert note[1] > date[3]  # under the date
    assert note[1] - date[1] < 1.5 * LINE  # on the next line
    assert abs(note[0] - (LEFT + 2 * BLOCK_W / 28)) < 1  # two characters in
    assert abs(date[2] - (RIGHT - 4 * BLOCK_W / 28)) < 1.5  # the date four characters in


def test_the_signature_leaves_room_for_a_42_mm_seal(notice, tmp_path):
    words = _words(notice.pdf, tmp_path)[-1][2]
    date = next(w for w in words if w[4] == "2026年11月20日")
    body = next(w for w in words if w[4] == "中共舟山市委组织部" and w[1] < date[1])
    above = max(w[3] for w in words if w[3] < body[1])  # the last line of the text
    radius = 21 * MM
    # The seal's top within one line of the text; its centre over the date.
    top = above + 0.5 * LINE
    cx, cy = (date[0] + date[2]) / 2, top + radius
    for w in (body, date):  # the seal presses on both, their middles in its lower half
        mx, my = (w[0] + w[2]) / 2, (w[1] + w[3]) / 2
        assert math.hypot(mx - cx, my - cy) < radius * 0.8, w[4]
        assert my > cy - 0.1 * radius, w[4]
    assert cy + radius < BOTTOM  # inside the text block
    colophon = [r for r in _strokes(notice.pdf, -1) if r["colour"] == (0, 0, 0)]
    assert min(PAGE_H - r["y"] for r in colophon) > cy + radius - 10 * MM


def test_the_colophon_rules_end_on_the_blocks_bottom_edge(notice, tmp_path):
    rules = sorted(_strokes(notice.pdf, -1), key=lambda r: -r["y"])
    black = [r for r in rules if r["colour"] == (0, 0, 0)]
    assert len(black) == 3  # 抄送 between a thick and a thin rule, 印发 above the last
    for r in black:
        assert abs(r["x0"] - LEFT) < 0.5 and abs(r["x1"] - RIGHT) < 0.5
    widths = [round(r["width"] / MM, 2) for r in black]
    assert widths == [0.35, 0.25, 0.35]
    last = black[-1]
    assert abs((PAGE_H - last["y"]) - BOTTOM) < 0.5 * MM
    words = _words(notice.pdf, tmp_path)[-1][2]
    text = "".join(w[4] for w in words)
    assert "抄送：中共定海区委组织部。" in text
    printed = next(w for w in words if w[4].endswith("印发"))
    assert printed[4] == "2026年11月20日印发"
    assert abs(printed[2] - (RIGHT - 14)) < 1  # one character in from the right
    assert PAGE_H - black[1]["y"] < printed[1] and printed[3] < PAGE_H - last["y"]


def _strokes(pdf: bytes, page_index: int) -> list[dict]:
    """Straight stroked lines of a page in page coordinates, with colour and width.

    A small interpreter of the operators reportlab writes (q/Q, cm, RG/G, w,
    m/l/S); the notice draws nothing more elaborate.
    """
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    page = reader.pages[page_index]
    ops = pypdf.generic.ContentStream(page.get_contents(), reader).operations
    state = {"ctm": (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), "colour": (0, 0, 0), "width": 1.0}
    stack: list[dict] = []
    path: list[tuple[float, float]] = []
    found = []

    def apply(x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = state["ctm"]
        return a * x + c * y + e, b * x + d * y + f

    for operands, op in ops:
        op = op.decode() if isinstance(op, bytes) else op
        args = [
            float(v) for v in operands if isinstance(v, int | float) or hasattr(v, "as_numeric")
        ]
        if op == "q":
            stack.append(dict(state))
        elif op == "Q":
            state = stack.pop()
        elif op == "cm":
            a, b, c, d, e, f = args
            A, B, C, D, E, F = state["ctm"]
            state["ctm"] = (
                a * A + b * C,
                a * B + b * D,
                c * A + d * C,
                c * B + d * D,
                e * A + f * C + E,
                e * B + f * D + F,
            )
        elif op == "RG":
            state["colour"] = tuple(round(v, 3) for v in args)
        elif op == "G":
            state["colour"] = (round(args[0], 3),) * 3
        elif op == "w":
            state["width"] = args[0] * abs(state["ctm"][3])
        elif op == "m":
            path = [apply(*args)]
        elif op == "l":
            path.append(apply(*args))
        elif op in ("S", "s") and len(path) == 2:
            (x0, y0), (x1, y1) = path
            if abs(y0 - y1) < 0.01:
                found.append(
                    {
                        "x0": min(x0, x1),
                        "x1": max(x0, x1),
                        "y": y0,
                        "width": state["width"],
                        "colour": state["colour"],
                    }
                )
            path = []
    return found


def test_a_notice_copied_to_nobody_has_only_the_printing_row(sample_db, sample_campaign, tmp_path):
    settings.put(sample_db, "notice_copy_to", "")
    settings.put(sample_db, "printing_office", "中共舟山市委组织部办公室")
    tid = _pending_township(sample_db, sample_campaign["id"])
    outcome = notice_for_township(
        Rows(sample_db, who="测试员"), sample_campaign["id"], tid, issued_on=ISSUED
    )
    black = [r for r in _strokes(outcome.pdf, -1) if r["colour"] == (0, 0, 0)]
    assert [round(r["width"] / MM, 2) for r in black] == [0.35, 0.35]
    text = "".join(w[4] for w in _words(outcome.pdf, tmp_path)[-1][2])
    assert "抄送" not in text
    assert re.search("中共舟山市委组织部办公室2026年11月20日印发", text)
