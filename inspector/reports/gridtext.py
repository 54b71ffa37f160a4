"""Body text on the official-document grid: full lines exactly the width of the text block.

reportlab lets a comma that cannot start a line hang past the right margin;
GB/T 9704 wants every line inside the 156 mm block. Here a line that would
start with such a mark takes the last character of the line before with it
(推出 rather than 挂), and every full line is justified by spacing its
characters evenly, as Chinese documents are set.

A line never breaks inside a number (2026, 0580-2280000, 3.5%), between a
number and the 年/月/日/号 it counts, nor inside a 文号 such as
舟组督〔2026〕12号: such a run goes to the next line whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

# Chinese typesetting (禁则) never starts a line with these: they go up with the line before.
NO_LINE_START = frozenset("，。、；：！？）》」』〕】”’,.;:!?)%")
# Marks that may not end a line: an opening bracket goes down with what follows it.
NO_LINE_END = frozenset("（《〈「『〔【“‘([")


@lru_cache(maxsize=8192)
def char_width(ch: str, font: str, size: float) -> float:
    return float(stringWidth(ch, font, size))


# Runs set whole: a 文号 with up to four characters of its 机关代字 before the 〔, a
# number (with the . - / : inside decimals, phone numbers and times) with its unit
# (2026年, 3星, 12个, 85.5分, 30%), and a Latin word.
_DIGIT = "0-9０-９"
_UNIT = "年月日号星个分项天名条人次页家万元"
_UNBROKEN = re.compile(
    rf"[\u4e00-\u9fff]{{0,4}}〔[{_DIGIT}]{{4}}〕[{_DIGIT}]+号"
    rf"|[{_DIGIT}]+(?:[.．\-—/:：][{_DIGIT}]+)*[%％]?(?: ?[{_UNIT}])?"
    r"|[A-Za-z][A-Za-z'\-]*"
)


def _units(text: str) -> list[str]:
    """The text cut where a line may break: single characters and unbreakable runs."""
    units: list[str] = []
    at = 0
    for m in _UNBROKEN.finditer(text):
        units.extend(text[at : m.start()])
        units.append(m.group())
        at = m.end()
    units.extend(text[at:])
    return units


def grid_tracking(size: float, width: float, chars: int) -> float:
    """The spacing added to each character so `chars` full-width characters fill `width`.

    GB/T 9704 puts 28 characters of 3号 (16 pt) on the 156 mm line, which is
    narrower than 28 × 16 pt: the characters close up by about 0.2 pt each,
    as Word's character grid does.
    """
    return width / chars - size


def break_lines(
    text: str,
    font: str,
    size: float,
    width: float,
    first_indent: float = 0.0,
    tracking: float = 0.0,
) -> list[str]:
    """Lines no wider than `width` (the first `first_indent` narrower), 禁则 applied.

    `tracking` is added to every character's advance (negative on the grid).
    """
    lines: list[str] = []
    line: list[str] = []
    used = first_indent
    for unit in _units(text):
        w = _width(unit, font, size, tracking)
        if len(unit) > 1 and w > width:  # a run wider than a line: break it as characters
            for ch in unit:
                line, used = _place(
                    ch,
                    _width(ch, font, size, tracking),
                    line,
                    used,
                    lines,
                    font,
                    size,
                    width,
                    tracking,
                )
        else:
            line, used = _place(unit, w, line, used, lines, font, size, width, tracking)
    if line or not lines:
        lines.append("".join(line))
    return lines


def _width(unit: str, font: str, size: float, tracking: float = 0.0) -> float:
    return sum(char_width(ch, font, size) + tracking for ch in unit)


def _place(
    unit: str,
    w: float,
    line: list[str],
    used: float,
    lines: list[str],
    font: str,
    size: float,
    width: float,
    tracking: float = 0.0,
) -> tuple[list[str], float]:
    """Add `unit` to the line, first closing the line when it does not fit."""
    if line and used + w > width + 0.01:
        carry: list[str] = []
        # Push back: the mark must not open the next line, nor a bracket close this one.
        # A run of closing marks (”）) goes down together with the character before it.
        if unit in NO_LINE_START:
            while len(line) > 1 and (not carry or carry[0] in NO_LINE_START):
                carry.insert(0, line.pop())
        while len(line) > 1 and line[-1] in NO_LINE_END:
            carry.insert(0, line.pop())
        lines.append("".join(line))
        line = carry
        used = sum(_width(u, font, size, tracking) for u in carry)
    line.append(unit)
    return line, used + w


class GridParagraph(Flowable):
    """A paragraph of plain text set line by line; splits across pages between lines."""

    def __init__(
        self,
        text: str,
        font: str,
        size: float,
        leading: float,
        first_indent: float = 0.0,
        justify: bool = True,
        lines: list[str] | None = None,
        first_is_start: bool = True,
        tracking: float = 0.0,
    ):
        super().__init__()
        self.text, self.font, self.size, self.leading = text, font, size, leading
        self.tracking = tracking
        self.first_indent = first_indent
        self.justify = justify
        self._lines = lines
        self._first_is_start = first_is_start
        self._width = 0.0

    def _layout(self, width: float) -> list[str]:
        if self._lines is None or width != self._width:
            indent = self.first_indent if self._first_is_start else 0.0
            if self._lines is None:
                self._lines = break_lines(
                    self.text, self.font, self.size, width, indent, self.tracking
                )
            self._width = width
        return self._lines

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        lines = self._layout(avail_width)
        self.width = avail_width
        self.height = len(lines) * self.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        lines = self._layout(avail_width)
        fit = int(avail_height // self.leading)
        if fit < 1 or fit >= len(lines):
            return []
        # A paragraph's last line alone at the top of a page: take one more with it.
        if len(lines) - fit == 1 and fit > 1:
            fit -= 1
        head = GridParagraph(
            self.text,
            self.font,
            self.size,
            self.leading,
            self.first_indent,
            self.justify,
            lines[:fit],
            self._first_is_start,
            self.tracking,
        )
        tail = GridParagraph(
            self.text,
            self.font,
            self.size,
            self.leading,
            self.first_indent,
            self.justify,
            lines[fit:],
            first_is_start=False,
            tracking=self.tracking,
        )
        head._paragraph_end = False
        return [head, tail]

    def draw(self) -> None:
        lines = self._lines or []
        c = self.canv
        last_is_end = getattr(self, "_paragraph_end", True)
        for n, line in enumerate(lines):
            indent = self.first_indent if n == 0 and self._first_is_start else 0.0
            y = (
                self.height
                - (n + 1) * self.leading
                + (self.leading - self.size) / 2
                + 0.12 * self.size
            )
            text = c.beginText(indent, y)
            text.setFont(self.font, self.size)
            is_last = n == len(lines) - 1 and last_is_end
            if self.justify and not is_last and len(line) > 1:
                # Spread over the gaps between characters: the last one ends on the margin.
                natural = sum(char_width(ch, self.font, self.size) for ch in line)
                spread = (self.width - indent - natural) / (len(line) - 1)
                text.setCharSpace(max(self.tracking, spread))
            elif self.tracking:
                text.setCharSpace(self.tracking)
            text.textOut(line)
            c.drawText(text)
