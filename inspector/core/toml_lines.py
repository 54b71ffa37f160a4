"""Line numbers of a form's TOML tables and keys, which tomllib does not report.

tomllib gives line numbers for syntax errors only; a form that parses but
holds a wrong key or value must still be told by line (a clerk who mistypes
a key in a 200-line form is told the line, not just the item). This scanner
reads the text line by line, as the form format writes it (one key or table
header per line, multi-line strings skipped), and maps every table and key
to the line it starts on, in the order tomllib builds them. A construct it
does not follow (a dotted or inline-table key) falls back to the line of its
table, then to line 1, never to a wrong message.
"""

from __future__ import annotations

import re
from typing import Any


class LineMap:
    """Line numbers of tables and keys, in the order tomllib builds them."""

    _HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(r"^\s*([A-Za-z0-9_-]+|\"[^\"]*\")\s*=")

    def __init__(self, text: str):
        self.lines: dict[tuple[Any, ...], int] = {}
        ctx: tuple[Any, ...] = ("root",)
        section = -1
        item = -1
        in_multiline: str | None = None
        for lineno, raw in enumerate(text.splitlines(), start=1):
            if in_multiline:
                if raw.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            for quote in ('"""', "'''"):
                if raw.count(quote) % 2 == 1:
                    in_multiline = quote
            header = self._HEADER.match(raw)
            if header:
                name = header.group(2).replace(" ", "")
                if name == "section":
                    section += 1
                    item = -1
                    ctx = ("section", section)
                elif name == "section.item":
                    item += 1
                    ctx = ("item", section, item)
                else:
                    ctx = (name,)
                self.lines.setdefault(ctx, lineno)
                continue
            key = self._KEY.match(raw)
            if key:
                self.lines.setdefault((*ctx, key.group(1).strip('"')), lineno)

    def of(self, *path: Any) -> int:
        """The line of a key, else of its table, else 1."""
        if path in self.lines:
            return self.lines[path]
        if path[:-1] in self.lines:
            return self.lines[path[:-1]]
        return 1
