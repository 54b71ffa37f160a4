"""Document numbers (文号) of rectification notices: `舟组督〔2017〕12号`.

Laptops number offline, so each one numbers from its own block (team 1 from
1, team 2 from 101) or its own prefix; a number once given is never reused.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from inspector.messages import Message, MessageError

_NUMBER_RE = re.compile(r"^(?P<prefix>.+?)〔(?P<year>\d{4})〕(?P<seq>\d+)号$")


@dataclass(frozen=True)
class DocNumber:
    prefix: str
    year: int
    seq: int

    def __str__(self) -> str:
        return format_doc_number(self.prefix, self.year, self.seq)


class NumberingError(MessageError, ValueError):
    """A document number that cannot be given or read."""


def format_doc_number(prefix: str, year: int, seq: int) -> str:
    """Year in 〔〕, no leading zeros, no 第."""
    if seq < 1:
        raise NumberingError(Message("a document number starts at 1"))
    return f"{prefix}〔{year}〕{seq}号"


def parse_doc_number(text: str) -> DocNumber:
    found = _NUMBER_RE.match(text.strip())
    if not found:
        raise NumberingError(
            Message("'{text}' is not a document number like 舟组督〔2017〕12号", text=text)
        )
    return DocNumber(found["prefix"], int(found["year"]), int(found["seq"]))


def next_seq(
    used: Iterable[int], block_start: int = 1, block_end: int | None = None, last_given: int = 0
) -> int:
    """The next free number in this laptop's block.

    Never below the block start, never at or below a number already given by
    this laptop (`last_given`) or already seen in the database (`used`), so a
    deleted notice's number is not handed out again.
    """
    used = set(used)
    in_block = [u for u in used if u >= block_start and (block_end is None or u <= block_end)]
    seq = max([block_start - 1, last_given, *in_block]) + 1
    if block_end is not None and seq > block_end:
        raise NumberingError(
            Message(
                "this laptop's notice numbers {start}-{end} are used up; "
                "set a new block in Settings",
                start=block_start,
                end=block_end,
            )
        )
    return seq
