"""Outside text made safe to print on a terminal line.

Device names, township names, campaign names and file names arrive in
bundles and CSV files written elsewhere. Printed raw, an ANSI escape
(`\\x1b[2J` clears the screen), a carriage return (overwrites what the line
said), a NUL or a C1 control (`\\x9b` is CSI on some terminals) lets that
text rewrite the user's screen, and a bidi override (U+202E) shows
"gpj.exe" as "exe.jpg". Every CLI line that carries outside text passes
it through `safe`, which escapes controls visibly (`\\x1b`) so the user
still sees that something odd is there, and drops the bidi controls.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = frozenset(chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _code(ch: str) -> str:
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape(found: re.Match[str]) -> str:
    ch = found.group()
    return "" if ch in BIDI_CONTROLS else _code(ch)


def safe(value: object) -> str:
    """One terminal line: controls (tabs and newlines too) escaped, bidi controls removed."""
    return _UNSAFE.sub(_escape, str(value))


def safe_lines(value: object) -> str:
    """Like `safe`, keeping the line breaks of text that is several lines on purpose."""
    return "\n".join(safe(line) for line in str(value).split("\n"))


def control_characters(text: str) -> list[str]:
    """The control, line-separator and bidi characters in `text`, as `\\xNN` (empty if none).

    Names typed into Settings or read from a CSV are refused when this is
    not empty: they would be escaped on every terminal and report anyway.
    """
    return sorted({_code(ch) for ch in _UNSAFE.findall(text)})
