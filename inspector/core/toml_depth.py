"""How deeply a TOML text nests its arrays and inline tables, found before tomllib parses it.

tomllib parses nested values by recursion: `a = [[[[…]]]]` a few hundred
levels deep exhausts Python's stack (RecursionError) and the user would
see a crash instead of a line number. No form needs more than a couple of
levels, so a text deeper than a small limit is refused up front, at the
line where it goes too deep. Brackets inside strings and comments do not
count; the scan is iterative, so it cannot run out of stack itself.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"[\[\]{}\"'#\n]")
_ENDS = {
    '"""': re.compile(r'(?<!\\)(?:\\\\)*"""'),
    "'''": re.compile(r"'''"),
    '"': re.compile(r'(?<!\\)(?:\\\\)*"|\n'),
    "'": re.compile(r"'|\n"),
}


def too_deep_line(text: str, limit: int) -> int | None:
    """The line where arrays/inline tables first nest deeper than `limit`, else None.

    Malformed strings are left to tomllib to report: an unterminated one
    simply ends the scan.
    """
    depth = 0
    line = 1
    pos = 0
    while True:
        found = _SPECIAL.search(text, pos)
        if found is None:
            return None
        ch = found.group()
        start = found.start()
        if ch == "\n":
            line += 1
            pos = start + 1
        elif ch == "#":
            end = text.find("\n", start)
            if end < 0:
                return None
            pos = end
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, start) else ch
            closing = _ENDS[quote].search(text, start + len(quote))
            if closing is None:
                return None
            line += text.count("\n", start, closing.start())
            pos = closing.end() if closing.group() != "\n" else closing.start()
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return line
            pos = start + 1
        else:
            depth = max(0, depth - 1)
            pos = start + 1
