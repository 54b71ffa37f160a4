"""Spreadsheet cells that hold outside text as text, never as a formula (CSV injection).

Problem texts, unit names and township names come from inspectors and
bundles. A text such as `=HYPERLINK("http://…","click")` written as it is
becomes a live formula when the file is opened in Excel or LibreOffice,
which can leak data or run commands. OWASP's CSV-injection guidance: a
cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
written so the spreadsheet reads it as text. Numbers and dates that are
real numbers and dates are left as they are.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value: Any) -> bool:
    """True for a text a spreadsheet would evaluate (or start to) if typed into a cell."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value: Any) -> Any:
    """A CSV field: formula-like text gets a leading `'`, which Excel shows as text.

    CSV has no cell types, so the quote is the only defence; it changes
    what a script reading the CSV sees, which is why only the texts that
    need it get one (a "-5" in a note becomes "'-5", a 5 stays 5).
    """
    return "'" + value if looks_like_formula(value) else value


def mark_text(cell: Any) -> Any:
    """Make an openpyxl cell holding formula-like text a plain string cell.

    openpyxl turns any value starting with `=` into a formula; the string
    type keeps the exact text, and the quote-prefix style keeps Excel from
    turning it into a formula when the user edits the cell. The text itself
    is not changed.
    """
    if looks_like_formula(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
