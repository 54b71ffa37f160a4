"""A township's self-assessment (自评): reading its cells, and comparing it with the inspectors'.

Pure functions. A filled sheet is outside input: every cell is checked here
(`parse_verdict`, `parse_number`, `parse_note`), and a refusal is a Message
naming what the cell should hold, which the sheet reader puts after the
sheet, row and column. The comparison (`item_gap`, `compare`) is what the
reports print: the self-assessment never enters the inspectors' score, it is
scored the same way beside it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from inspector.core.form_model import Form, Item
from inspector.core.scoring import Answer, Verdict, number_miss, score_inspection
from inspector.messages import Message, MessageError

# The words on the sheet, in the order of the drop-down list.
VERDICT_LABELS: dict[Verdict, str] = {
    Verdict.FULL: "符合",
    Verdict.PARTIAL: "基本符合",
    Verdict.FAIL: "不符合",
    Verdict.NA: "不适用",
}
_BY_LABEL = {label: verdict for verdict, label in VERDICT_LABELS.items()}
MAX_COUNT = 1_000_000_000  # the answers' number domain
MAX_NOTE = 20_000  # the note domain (store.domains.TEXT_LENGTH)
_COUNT_RE = re.compile(r"\d{1,10}(?:\.0*)?")


class CellError(MessageError, ValueError):
    """A cell that does not hold what its column takes; the message says what it should."""


@dataclass(frozen=True)
class SelfAnswer:
    """One item's answer as the township gave it."""

    item_id: str
    verdict: Verdict | None = None
    number: float | None = None
    note: str = ""

    @property
    def answered(self) -> bool:
        return self.verdict is not None or self.number is not None or bool(self.note)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and _squeeze(value) == "")


def _squeeze(text: str) -> str:
    """NFKC (full-width digits and spaces become ASCII) and no surrounding white space."""
    return unicodedata.normalize("NFKC", text).strip()


def _refuse_kind(value: Any, formula: bool) -> None:
    if formula:
        raise CellError(Message("a formula; type the value itself"))
    if isinstance(value, bool):
        raise CellError(Message("TRUE/FALSE is not an answer"))
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        raise CellError(Message("a date or time is not an answer"))


def parse_verdict(value: Any, formula: bool = False) -> Verdict | None:
    """符合 / 基本符合 / 不符合 / 不适用, or nothing (not assessed)."""
    _refuse_kind(value, formula)
    if _blank(value):
        return None
    if isinstance(value, str):
        found = _BY_LABEL.get(_squeeze(value).replace(" ", ""))
        if found is not None:
            return found
    raise CellError(
        Message("{value} is not one of 符合, 基本符合, 不符合, 不适用", value=_shown(value))
    )


def parse_number(value: Any, formula: bool = False) -> float | None:
    """A whole count from 0 to 1,000,000,000, or nothing (not counted)."""
    _refuse_kind(value, formula)
    if _blank(value):
        return None
    number: float | None = None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        text = _squeeze(value)
        if _COUNT_RE.fullmatch(text):
            number = float(text)
    if number is None or not math.isfinite(number):
        raise CellError(Message("{value} is not a count (a whole number)", value=_shown(value)))
    if number < 0 or number > MAX_COUNT or not number.is_integer():
        raise CellError(
            Message(
                "{value} is not a count (a whole number from 0 to {most})",
                value=_shown(value),
                most=MAX_COUNT,
            )
        )
    return number


def parse_note(value: Any, formula: bool = False) -> str:
    """Free text (a number typed in a note is kept as its text); line breaks and tabs only."""
    _refuse_kind(value, formula)
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise CellError(Message("{value} is not text", value=_shown(value)))
        return f"{value:g}"
    if not isinstance(value, str):
        raise CellError(Message("{value} is not text", value=_shown(value)))
    text = value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if len(text) > MAX_NOTE:
        raise CellError(Message("a note longer than {most} characters", most=MAX_NOTE))
    if any((ord(ch) < 32 and ch not in "\n\t") or ord(ch) == 127 for ch in text):
        raise CellError(Message("a control character in the note"))
    return text


def parse_value(
    item: Item, value: Any, formula: bool = False
) -> tuple[Verdict | None, float | None]:
    """An answer cell as the item's kind takes it: (verdict, number)."""
    if item.kind == "verdict":
        return parse_verdict(value, formula), None
    if item.kind == "number":
        return None, parse_number(value, formula)
    _refuse_kind(value, formula)
    if not _blank(value):
        raise CellError(Message("this item takes no verdict; write in the note column"))
    return None, None


def parse_answer(
    item: Item, answer: Any, note: Any, formulas: tuple[bool, bool] = (False, False)
) -> SelfAnswer:
    """One sheet row: its answer cell and its note (the first bad cell raises)."""
    verdict, number = parse_value(item, answer, formulas[0])
    return SelfAnswer(item.id, verdict, number, parse_note(note, formulas[1]))


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


# -- comparing with the inspectors ----------------------------------------------------
def share(item: Item, verdict: Verdict | str | None, number: float | None) -> float | None:
    """The part of an item's points an answer earns (0-1); None when it does not count
    (不适用, not answered, a text item)."""
    if not item.scored or item.points <= 0:
        return None
    if item.kind == "number":
        if number is None:
            return None
        return (
            max(0.0, item.points - (item.deduct or 0.0) * number_miss(item, number)) / item.points
        )
    if verdict is None or verdict == Verdict.NA:
        return None
    v = Verdict(verdict)
    return 1.0 if v == Verdict.FULL else item.partial if v == Verdict.PARTIAL else 0.0


def item_gap(item: Item, own: Answer | None, inspectors: Answer | None) -> float | None:
    """Points the township gave itself above (+) or below (−) the inspectors' on one item:
    (own share − inspectors' share) × points; None unless both sides count the item."""
    if own is None or inspectors is None:
        return None
    mine = share(item, own.verdict, own.number)
    theirs = share(item, inspectors.verdict, inspectors.number)
    if mine is None or theirs is None:
        return None
    return round((mine - theirs) * item.points, 4)


@dataclass(frozen=True)
class Comparison:
    """One township: its self-assessed score beside the inspectors', and the items apart."""

    self_score: float | None  # None when it answered no scored item
    score: float | None  # the inspectors' (None: no inspection answers)
    gaps: dict[str, float]  # item id -> item_gap, items both sides count, nonzero only
    compared: frozenset[str] = frozenset()  # the items both sides count

    @property
    def gap(self) -> float | None:
        """Self-assessed score less the inspectors' (score points, 0-100 scale)."""
        if self.self_score is None or self.score is None:
            return None
        return round(self.self_score - self.score, 1)


def compare(form: Form, own: dict[str, Answer], inspectors: dict[str, Answer]) -> Comparison:
    """Score the self-assessment as the inspectors' answers are scored, and the item gaps."""
    own_result = score_inspection(form, own)
    their_result = score_inspection(form, inspectors)
    gaps = {}
    compared = set()
    for item in form.items:
        g = item_gap(item, own.get(item.id), inspectors.get(item.id))
        if g is not None:
            compared.add(item.id)
        if g:
            gaps[item.id] = g
    return Comparison(
        own_result.score if own_result.applicable else None,
        their_result.score if their_result.applicable else None,
        gaps,
        frozenset(compared),
    )


def answer_text(item: Item, verdict: str | None, number: float | None) -> str:
    """The answer as the sheet and the papers write it: 符合, "3个", or "" when none."""
    if item.kind == "number" and number is not None:
        return f"{number:g}{item.unit}"
    if verdict:
        return VERDICT_LABELS[Verdict(verdict)]
    return ""
