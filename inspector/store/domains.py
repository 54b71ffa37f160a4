"""The domain of every synced column, declared once and checked in two ways.

A bundle is checked set-wise in SQL while it is staged (`sql_bad`, one
condition per column OR-ed into a single query per table), and a local edit
is checked in Python by `Rows` before it is written (`accepts`). Both come
from the same declaration below, so a value the app writes is a value an
import accepts and the reverse: readers (reports, exports, the ranking, the
GUI) can then rely on a status being a status and a date being a date.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from dataclasses import dataclass
from typing import Any

from inspector.core.follow_up import FollowUpVerdict
from inspector.core.problems import Status
from inspector.core.scoring import Verdict
from inspector.messages import Message, MessageError
from inspector.store.schema import SYNCED_TABLES

MAX_ATTACHMENT_BYTES = 200 * 1024 * 1024
TOWNSHIP_KINDS = ("街道", "镇", "乡")
# A project site (项目党建) is a row of the townships table of this kind (design notes).
PROJECT_KIND = "项目"
COUNTY_KINDS = ("county", "zone")
INSPECTION_STATUSES = ("in_progress", "finished")
# A photo or a file may belong to any synced row (today: answers, problems, notices, townships).
ATTACHMENT_OWNERS = tuple(t for t in SYNCED_TABLES if t != "attachments")

FIRST_DAY, LAST_DAY = "2000-01-01", "2100-12-31"
# Clock values stop before 2100-01-01 00:00 UTC: a later one would hold every row hostage.
CLOCK_CEILING_MS = 4_102_444_800_000
NAME_LENGTH = 200
TEXT_LENGTH = 20_000

_DEVICE_CHARS = "0-9A-Za-z_.:-"
# Printable ASCII but space, double quote and backslash: what a row id may be made of.
_ID_RE = r"[\x21\x23-\x5b\x5d-\x7e]"


def _no_control_sql(c: str, allowed: str) -> str:
    """No control character (NUL included) but the escapes in `allowed` ('\\n', '\\t', '\\r').

    json_quote() escapes exactly the control characters below 0x20 (and the quote and
    the backslash), and does it in C, several times faster than a GLOB character class
    over every character: when it adds only its two quotes the text is clean; otherwise the
    escapes of quote, backslash and the allowed controls are removed and no other
    escape may remain. DEL (0x7f), which JSON leaves alone, is looked for apart; the
    empty text most notes hold is let through first.
    """
    stripped = f"replace(replace(json_quote({c}), '\\\\', ''), '\\\"', '')"
    for escape in allowed:
        stripped = f"replace({stripped}, '\\{escape}', '')"
    return (
        f"({c} = '' OR instr({c}, char(127)) = 0 AND "
        f"(length(json_quote({c})) = length({c}) + 2 OR instr({stripped}, '\\') = 0))"
    )


def _ascii_sql(c: str) -> str:
    """Only ASCII and no NUL: as many bytes as characters counted before any NUL."""
    return f"length(CAST({c} AS BLOB)) = length({c})"


def _free_of_control(value: str, allowed: str) -> bool:
    return not any((ord(ch) < 32 or ord(ch) == 127) and ch not in allowed for ch in value)


class DomainError(MessageError, ValueError):
    """A value a local edit would write outside its column's domain; names table and column."""


@dataclass(frozen=True)
class Domain:
    """What a column may hold; subclasses say it in SQL and in Python."""

    nullable: bool = False

    def ok_sql(self, c: str) -> str:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def ok(self, value: Any) -> bool:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def describe(self) -> Message:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def sql_bad(self, column: str) -> str:
        """An SQL condition true exactly when the column's value is outside the domain."""
        c = f"[{column}]"
        ok = f"coalesce(({self.ok_sql(c)}), 0)"
        return f"NOT ({c} IS NULL OR {ok})" if self.nullable else f"NOT {ok}"

    def accepts(self, value: Any) -> bool:
        if value is None:
            return self.nullable
        try:
            return self.ok(value)
        except (TypeError, ValueError, OverflowError, RecursionError):
            return False


@dataclass(frozen=True)
class Id(Domain):
    """A row id (a UUID or a short key), an item id, a device id: printable ASCII, one word.

    Checked with length and json_quote() rather than a character-class GLOB, which
    cost seconds per column on a province's half million answers.
    """

    max_length: int = 100

    def ok_sql(self, c: str) -> str:
        return (
            f"typeof({c}) = 'text' AND length({c}) BETWEEN 1 AND {self.max_length} "
            f"AND {_ascii_sql(c)} AND length(json_quote({c})) = length({c}) + 2 "
            f"AND instr({c}, ' ') = 0 AND instr({c}, char(127)) = 0"
        )

    def ok(self, value: Any) -> bool:
        return isinstance(value, str) and bool(
            re.fullmatch(f"{_ID_RE}{{1,{self.max_length}}}", value)
        )

    def describe(self) -> Message:
        return Message(
            "an id of 1 to {max} ASCII letters, digits or signs (no spaces or quotes)",
            max=self.max_length,
        )


@dataclass(frozen=True)
class Ref(Id):
    """A reference to another row's id: in a bundle it must name a row of the bundle or the
    database (`staging.dangling_reference`), whose id passed `Id`, so the staging query
    checks only its type and length; a local edit is checked in full."""

    def ok_sql(self, c: str) -> str:
        return f"typeof({c}) = 'text' AND length({c}) BETWEEN 1 AND {self.max_length}"


@dataclass(frozen=True)
class Enum(Domain):
    values: tuple[str, ...] = ()

    def ok_sql(self, c: str) -> str:
        listed = ", ".join("'" + v.replace("'", "''") + "'" for v in self.values)
        return f"typeof({c}) = 'text' AND {c} IN ({listed})"

    def ok(self, value: Any) -> bool:
        return isinstance(value, str) and value in self.values

    def describe(self) -> Message:
        return Message("one of {values}", values=", ".join(self.values))


@dataclass(frozen=True)
class Date(Domain):
    """YYYY-MM-DD, a real calendar day between 2000 and 2100 (so text order is date order).

    SQLite's date() echoes 2026-02-30 unchanged; a '+0 days' modifier makes it normalise
    the day, so only a real day survives the round trip.
    """

    def ok_sql(self, c: str) -> str:
        return (
            f"typeof({c}) = 'text' AND length(CAST({c} AS BLOB)) = 10 "
            f"AND {c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' "
            f"AND date({c}, '+0 days') IS {c} AND {c} BETWEEN '{FIRST_DAY}' AND '{LAST_DAY}'"
        )

    def ok(self, value: Any) -> bool:
        return (
            isinstance(value, str)
            and bool(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value))
            and dt.date.fromisoformat(value).isoformat() == value
            and FIRST_DAY <= value <= LAST_DAY
        )

    def describe(self) -> Message:
        return Message(
            "a date YYYY-MM-DD between {first} and {last}", first=FIRST_DAY, last=LAST_DAY
        )


@dataclass(frozen=True)
class Timestamp(Domain):
    """YYYY-MM-DDTHH:MM:SS, local time to the second, as `isoformat(timespec='seconds')`."""

    def ok_sql(self, c: str) -> str:
        return (
            f"typeof({c}) = 'text' AND length(CAST({c} AS BLOB)) = 19 "
            f"AND {c} GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T"
            "[0-9][0-9]:[0-9][0-9]:[0-9][0-9]' "
            f"AND datetime({c}, '+0 days') IS replace({c}, 'T', ' ') "
            f"AND {c} BETWEEN '{FIRST_DAY}' AND '{LAST_DAY}T23:59:59'"
        )

    def ok(self, value: Any) -> bool:
        return (
            isinstance(value, str)
            and bool(re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}", value))
            and dt.datetime.fromisoformat(value).isoformat() == value
            and FIRST_DAY <= value[:10] <= LAST_DAY
        )

    def describe(self) -> Message:
        return Message("a time YYYY-MM-DDTHH:MM:SS")


@dataclass(frozen=True)
class Line(Domain):
    """A name, a unit, a number on a notice: one line, no control character at all."""

    max_length: int = NAME_LENGTH

    def ok_sql(self, c: str) -> str:
        return f"typeof({c}) = 'text' AND length({c}) <= {self.max_length} AND " + _no_control_sql(
            c, ""
        )

    def ok(self, value: Any) -> bool:
        return (
            isinstance(value, str) and len(value) <= self.max_length and _free_of_control(value, "")
        )

    def describe(self) -> Message:
        return Message(
            "one line of at most {max} characters without control characters", max=self.max_length
        )


@dataclass(frozen=True)
class Text(Domain):
    """Free text: line breaks and tabs, no other control character (CR only in form sources)."""

    max_length: int = TEXT_LENGTH
    carriage_return: bool = False

    def ok_sql(self, c: str) -> str:
        return f"typeof({c}) = 'text' AND length({c}) <= {self.max_length} AND " + _no_control_sql(
            c, "ntr" if self.carriage_return else "nt"
        )

    def ok(self, value: Any) -> bool:
        allowed = "\t\n\r" if self.carriage_return else "\t\n"
        return (
            isinstance(value, str)
            and len(value) <= self.max_length
            and _free_of_control(value, allowed)
        )

    def describe(self) -> Message:
        return Message(
            "text of at most {max} characters without control characters", max=self.max_length
        )


@dataclass(frozen=True)
class Integer(Domain):
    low: int = 0
    high: int = 2**62

    def ok_sql(self, c: str) -> str:
        return f"typeof({c}) = 'integer' AND {c} BETWEEN {self.low} AND {self.high}"

    def ok(self, value: Any) -> bool:
        return isinstance(value, int) and self.low <= value <= self.high

    def describe(self) -> Message:
        return Message("a whole number from {low} to {high}", low=self.low, high=self.high)


@dataclass(frozen=True)
class Real(Domain):
    """A finite number within bounds (SQLite keeps infinities; NaN never reaches it)."""

    low: float = 0.0
    high: float = 1e9

    def ok_sql(self, c: str) -> str:
        return f"typeof({c}) IN ('integer', 'real') AND {c} BETWEEN {self.low!r} AND {self.high!r}"

    def ok(self, value: Any) -> bool:
        return (
            isinstance(value, int | float)
            and math.isfinite(value)
            and self.low <= value <= self.high
        )

    def describe(self) -> Message:
        return Message("a number from {low} to {high}", low=f"{self.low:g}", high=f"{self.high:g}")


@dataclass(frozen=True)
class Digits(Domain):
    """An administrative division code: only digits, of one of the given lengths."""

    lengths: tuple[int, ...] = ()

    def ok_sql(self, c: str) -> str:
        return (
            f"typeof({c}) = 'text' AND {_ascii_sql(c)} "
            f"AND length({c}) IN ({', '.join(map(str, self.lengths))}) "
            f"AND {c} NOT GLOB '*[^0-9]*'"
        )

    def ok(self, value: Any) -> bool:
        return (
            isinstance(value, str)
            and len(value) in self.lengths
            and bool(re.fullmatch("[0-9]+", value))
        )

    def describe(self) -> Message:
        return Message("{lengths} digits", lengths=" or ".join(map(str, self.lengths)))


@dataclass(frozen=True)
class Sha256(Domain):
    def ok_sql(self, c: str) -> str:
        return (
            f"typeof({c}) = 'text' AND length(CAST({c} AS BLOB)) = 64 "
            f"AND {c} NOT GLOB '*[^0-9a-f]*'"
        )

    def ok(self, value: Any) -> bool:
        return isinstance(value, str) and bool(re.fullmatch("[0-9a-f]{64}", value))

    def describe(self) -> Message:
        return Message("a sha256 (64 lowercase hex digits)")


@dataclass(frozen=True)
class IdList(Domain):
    """A JSON array of row ids (a notice's problems), as `json.dumps(list_of_ids)` writes it."""

    max_length: int = 200_000

    def ok_sql(self, c: str) -> str:
        element = Id()
        return (
            f"typeof({c}) = 'text' AND length({c}) <= {self.max_length} "
            f"AND instr({c}, char(0)) = 0 AND CASE WHEN json_valid({c}) THEN "
            f"json_type({c}) = 'array' AND NOT EXISTS (SELECT 1 FROM json_each({c}) e "
            f"WHERE NOT coalesce(({element.ok_sql('e.value')}), 0)) ELSE 0 END"
        )

    def ok(self, value: Any) -> bool:
        if not isinstance(value, str) or len(value) > self.max_length:
            return False
        parsed = json.loads(value)
        return isinstance(parsed, list) and all(Id().ok(v) for v in parsed)

    def describe(self) -> Message:
        return Message("a JSON array of ids")


_CLOCK_CEILING_TEXT = f"{CLOCK_CEILING_MS:013d}"
_CLOCK_RE = re.compile(r"[0-9]{13}-[0-9a-f]{4}-[0-9A-Za-z_.:-]{1,64}")


@dataclass(frozen=True)
class Clock(Domain):
    """A clock value: 13 digits of milliseconds (before 2100), 4 hex digits, a device id."""

    def ok_sql(self, c: str) -> str:
        return (
            f"typeof({c}) = 'text' AND length({c}) BETWEEN 20 AND 83 AND {_ascii_sql(c)} "
            f"AND {c} GLOB '{'[0-9]' * 13}-{'[0-9a-f]' * 4}-?*' "
            f"AND substr({c}, 20) NOT GLOB '*[^{_DEVICE_CHARS}]*' "
            f"AND substr({c}, 1, 13) < '{CLOCK_CEILING_MS:013d}'"
        )

    def ok(self, value: Any) -> bool:
        # Compiled once: every row of a bundle passes here to find its author.
        return (
            isinstance(value, str)
            and _CLOCK_RE.fullmatch(value) is not None
            and value[:13] < _CLOCK_CEILING_TEXT  # 13 digits: text order is number order
        )

    def describe(self) -> Message:
        return Message("a clock value (13 digits before 2100, 4 hex digits, a device id)")


ID = Id()
CLOCK = Clock()  # every version's updated_at: the stamp that names its author
REF, OPTIONAL_REF, OPTIONAL_ID = Ref(), Ref(nullable=True), Id(nullable=True)
NAME = Line()
DATE, OPTIONAL_DATE = Date(), Date(nullable=True)
NOTE = Text()

SYNC_DOMAINS: dict[str, Domain] = {
    "id": ID,
    "updated_at": CLOCK,
    "base_version": Clock(nullable=True),
    "deleted": Integer(low=0, high=1),
}

# Every synced column but the sync columns, which every table shares (SYNC_DOMAINS).
COLUMNS: dict[str, dict[str, Domain]] = {
    "counties": {
        "code": Digits(nullable=True, lengths=(6,)),
        "name": NAME,
        "kind": Enum(values=COUNTY_KINDS),
    },
    "townships": {
        "county_id": REF,
        "code": Digits(nullable=True, lengths=(9, 12)),
        "name": NAME,
        "kind": Enum(values=(*TOWNSHIP_KINDS, PROJECT_KIND)),
    },
    "forms": {
        "form_id": ID,
        "version": Line(max_length=50),
        "title": NAME,
        "source": Text(max_length=2 * 1024 * 1024, carriage_return=True),
        "sha256": Sha256(),
    },
    "campaigns": {
        "name": NAME,
        "form_id": REF,
        "year": Integer(low=2000, high=2100),
        "starts_on": OPTIONAL_DATE,
        "ends_on": OPTIONAL_DATE,
        "interview_bottom": Integer(low=0, high=10_000),
        "note": NOTE,
        "follow_up_of": OPTIONAL_REF,
        "checklist": Integer(low=0, high=1),
        "due_soon_days": Integer(low=0, high=365),
        "team": NAME,
        "members": NOTE,
        "townships": IdList(),
    },
    "inspectors": {"name": NAME, "device_id": Id(max_length=64)},
    "inspections": {
        "campaign_id": REF,
        "township_id": REF,
        "status": Enum(values=INSPECTION_STATUSES),
        "inspected_on": OPTIONAL_DATE,
        "team": NAME,
        "finished_at": Timestamp(nullable=True),
    },
    "answers": {
        "inspection_id": REF,
        "item_id": ID,
        "verdict": Enum(nullable=True, values=tuple(v.value for v in Verdict)),
        "number": Real(nullable=True, low=0.0, high=1e9),
        "note": NOTE,
        "answered_by": NAME,
    },
    "self_answers": {
        "campaign_id": REF,
        "township_id": REF,
        "item_id": ID,
        "verdict": Enum(nullable=True, values=tuple(v.value for v in Verdict)),
        "number": Real(nullable=True, low=0.0, high=1e9),
        "note": NOTE,
        "form_sha256": Sha256(),
    },
    "notices": {
        "campaign_id": OPTIONAL_REF,
        "township_id": REF,
        "doc_number": NAME,
        "prefix": Line(max_length=100),
        "year": Integer(low=2000, high=2100),
        "seq": Integer(low=1, high=999_999),
        "addressee": NAME,
        "deadline": OPTIONAL_DATE,
        "issued_on": DATE,
        "issued_by": NAME,
        "problem_ids": IdList(),
        "attachment_id": OPTIONAL_ID,
        "voided_on": OPTIONAL_DATE,
        "voided_by": NAME,
        "void_reason": NOTE,
        "replaces_id": OPTIONAL_ID,
        "report_received_on": OPTIONAL_DATE,
        "report_received_by": NAME,
        "report_attachment_id": OPTIONAL_ID,
    },
    "problems": {
        "township_id": REF,
        "campaign_id": OPTIONAL_REF,
        "inspection_id": OPTIONAL_REF,
        "item_id": OPTIONAL_ID,
        "text": NOTE,
        "responsible_unit": Line(max_length=500),
        "responsible_person": NAME,
        "measure": NOTE,
        "deadline": OPTIONAL_DATE,
        "status": Enum(values=tuple(s.value for s in Status)),
        "found_on": OPTIONAL_DATE,
        "rectified_on": OPTIONAL_DATE,
        "rectify_note": Text(max_length=100_000),
        "closed_on": OPTIONAL_DATE,
        "closed_by": NAME,
        "notice_id": OPTIONAL_REF,
    },
    "extensions": {
        "problem_id": REF,
        "previous_deadline": OPTIONAL_DATE,
        "new_deadline": DATE,
        "reason": NOTE,
        "approved_by": NAME,
        "extended_on": DATE,
        "recorded_by": NAME,
    },
    "follow_ups": {
        "campaign_id": REF,
        "problem_id": REF,
        "verdict": Enum(values=tuple(v.value for v in FollowUpVerdict)),
        "reason": NOTE,
        "checked_on": DATE,
        "checked_by": NAME,
    },
    "attachments": {
        "sha256": Sha256(),
        "size": Integer(low=0, high=MAX_ATTACHMENT_BYTES),
        "mime": NAME,
        "filename": Line(max_length=255),
        "owner_table": Enum(values=ATTACHMENT_OWNERS),
        "owner_id": ID,
        "caption": NOTE,
        "taken_at": Timestamp(nullable=True),
    },
}


def domains(table: str) -> dict[str, Domain]:
    """Every column of a synced table with its domain, the sync columns first."""
    return {**SYNC_DOMAINS, **COLUMNS[table]}


def shown(value: Any, limit: int = 60) -> str:
    """A value as a refusal quotes it: repr, cut short, so a huge or hostile value stays one line."""
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def check_values(table: str, values: dict[str, Any]) -> None:
    """Refuse, naming table, column and value, anything outside its column's domain."""
    declared = domains(table)
    for column, value in values.items():
        domain = declared.get(column)
        if domain is None:
            raise DomainError(Message("{table} has no column {column}", table=table, column=column))
        if not domain.accepts(value):
            raise DomainError(
                Message(
                    "{table}.{column}: {value} is not {expected}",
                    table=table,
                    column=column,
                    value=shown(value),
                    expected=domain.describe(),
                )
            )
