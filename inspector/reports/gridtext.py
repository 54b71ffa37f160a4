"""Body text on the official-document grid: full lines exactly the width of the text block.

reportlab lets a comma that cannot start a line hang past the right margin;
GB/T 9704 wants every line inside the 156 mm block. Here a line that would
start with such a mark takes the last character of the line before with it
(推出 rather than 挂), and every full line is justified by spacing its
characters evenly, as Chinese documents are set.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from inspector.reports.pdfdoc import NO_LINE_START, char_width

# Marks that may not end a line: an opening bracket goes down with what follows it.
NO_LINE_END = frozenset("（《〈「『〔【“‘([")


def break_lines(text: str, font: str, size: float, width: float,
                first_indent: float = 0.0) -> list[str]:
    """Lines no wider than `width` (the first `first_indent` narrower), 禁则 applied."""
    lines: list[str] = []
    line: list[str] = []
    used = first_indent
    limit = width
    for ch in text:
        w = char_width(ch, font, size)
        if line and used + w > limit + 0.01:
            carry: list[str] = []
            # Push back: the mark must not open the next line, nor a bracket close this one.
            if ch in NO_LINE_START and len(line) > 1:
                carry.insert(0, line.pop())
            while len(line) > 1 and line[-1] in NO_LINE_END:
                carry.insert(0, line.pop())
            lines.append("".join(line))
            line = carry
            used = sum(char_width(c, font, size) for c in carry)
        line.append(ch)
        used += w
    if line or not lines:
        lines.append("".join(line))
    return lines


class GridParagraph(Flowable):
    """A paragraph of plain text set line by line; splits across pages between lines."""

    def __init__(self, text: str, font: str, size: float, leading: float,
                 first_indent: float = 0.0, justify: bool = True,
                 lines: list[str] | None = None, first_is_start: bool = True):
        super().__init__()
        self.text, self.font, self.size, self.leading = text, font, size, leading
        self.first_indent = first_indent
        self.justify = justify
        self._lines = lines
        self._first_is_start = first_is_start
        self._width = 0.0

    def _layout(self, width: float) -> list[str]:
        if self._lines is None or width != self._width:
            indent = self.first_indent if self._first_is_start else 0.0
            if self._lines is None:
                self._lines = break_lines(self.text, self.font, self.size, width, indent)
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
        head = GridParagraph(self.text, self.font, self.size, self.leading, self.first_indent,
                             self.justify, lines[:fit], self._first_is_start)
        tail = GridParagraph(self.text, self.font, self.size, self.leading, self.first_indent,
                             self.justify, lines[fit:], first_is_start=False)
        head._paragraph_end = False
        return [head, tail]

    def draw(self) -> None:
        lines = self._lines or []
        c = self.canv
        last_is_end = getattr(self, "_paragraph_end", True)
        for n, line in enumerate(lines):
            indent = self.first_indent if n == 0 and self._first_is_start else 0.0
            y = self.height - (n + 1) * self.leading + (self.leading - self.size) / 2 \
                + 0.12 * self.size
            text = c.beginText(indent, y)
            text.setFont(self.font, self.size)
            is_last = n == len(lines) - 1 and last_is_end
            if self.justify and not is_last and len(line) > 1:
                natural = sum(char_width(ch, self.font, self.size) for ch in line)
                text.setCharSpace(max(0.0, (self.width - indent - natural) / len(line)))
            text.textOut(line)
            c.drawText(text)
