"""Reading a checklist form from TOML: every problem found, each with its file and line.

The format is in `inspector/forms/FORMAT.md`. A form from outside (a file a
clerk wrote, a bundle from another laptop) is checked completely before it
is used: unknown keys, missing or mistyped values, numbers too large for a
score, control characters that would travel to every terminal and report.
All issues are reported at once, in line order (`FormError`), with the line
of the key or table they concern (`inspector.core.toml_lines`).
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeGuard

from inspector.core.form_model import KINDS, RULES, TARGETS, Form, Item, Rating, Section
from inspector.core.toml_depth import too_deep_line
from inspector.core.toml_lines import LineMap
from inspector.messages import Message
from inspector.terminal import control_characters

FORM_KEYS = {"id", "version", "title", "target", "language", "description"}
RATING_KEYS = {"thresholds", "veto_cap"}
SECTION_KEYS = {"id", "title", "item"}
ITEM_KEYS = {
    "id",
    "kind",
    "text",
    "guidance",
    "points",
    "partial",
    "veto",
    "problem",
    "rule",
    "target",
    "deduct",
    "unit",
}
_ID_RE = re.compile(r"^[A-Za-z0-9_-]+$")
# TOML reads nan, inf and integers of any size; a score must stay a finite
# number the database accepts, so every number has a ceiling far above any
# real form (a 100-point checklist, counts of villages or members).
MAX_POINTS = 1000
MAX_TARGET = 1_000_000_000
MAX_NESTING = 32  # arrays / inline tables inside each other; a form uses two at most
MAX_FORM_BYTES = 4 * 1024 * 1024  # the 2017 form is 20 KiB


@dataclass(frozen=True)
class FormIssue:
    file: str
    line: int
    detail: Message  # the message, translatable; `message` is its English text

    @property
    def message(self) -> str:
        return str(self.detail)

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def as_message(self) -> Message:
        return Message(
            "{file}:{line}: {message}", file=self.file, line=self.line, message=self.detail
        )


class FormError(Exception):
    """A form file that cannot be used; holds every issue found, not just the first."""

    def __init__(self, issues: list[FormIssue]):
        self.issues = issues
        self.messages = [i.as_message() for i in issues]
        super().__init__("\n".join(str(i) for i in issues))


_Reporter = Callable[..., None]
# Texts that may span lines (TOML multi-line strings) and be indented; other strings are one line.
_MULTILINE_KEYS = {"description", "text", "guidance", "problem"}


def _controls(key: str, value: Any) -> str:
    """The control characters a form string must not hold, as `\\xNN` ('' if none).

    Ids, versions and titles are printed on terminals, in bundles and in
    reports: an escape sequence or a bidi override there would travel to
    every laptop that installs the form.
    """
    if not isinstance(value, str):
        return ""
    if key in _MULTILINE_KEYS:
        value = value.replace("\n", "").replace("\t", "")
    return " ".join(control_characters(value))


def _is_number(value: Any) -> TypeGuard[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _within(value: int | float, limit: int) -> bool:
    """False for nan, ±inf and numbers beyond ±limit (compared exactly, even huge integers)."""
    return -limit <= value <= limit


def _too_large(iid: str, key: str, value: Any, limit: int) -> Message:
    return Message(
        "item '{item}': {key} must be a finite number no larger than {limit}, not {value}",
        item=iid,
        key=key,
        limit=limit,
        value=value,
    )


def parse_form(text: str, filename: str = "<form>") -> Form:
    """Parse and validate a form; raise FormError listing every problem."""
    deep = too_deep_line(text, MAX_NESTING)
    if deep is not None:
        raise FormError([FormIssue(filename, deep, _TOO_DEEP)])
    try:
        data = tomllib.loads(text)
    except RecursionError:  # the depth scan missed a way to nest: still a refusal, not a crash
        raise FormError([FormIssue(filename, 1, _TOO_DEEP)]) from None
    except tomllib.TOMLDecodeError as exc:
        line = getattr(exc, "lineno", None) or _line_from_message(str(exc))
        msg = getattr(exc, "msg", None) or re.sub(r"\s*\(at line.*\)$", "", str(exc))
        raise FormError(
            [FormIssue(filename, line, Message("TOML syntax error: {error}", error=msg))]
        ) from None
    lines = LineMap(text)
    issues: list[FormIssue] = []

    def err(message: Message, *path: Any) -> None:
        issues.append(FormIssue(filename, lines.of(*path), message))

    for key in data:
        if key not in {"form", "rating", "section"}:
            err(Message("unknown table or key '{key}'", key=key), key)

    head = data.get("form")
    if not isinstance(head, dict):
        err(Message("missing [form] table"), "root")
        head = {}
    for key in head:
        if key not in FORM_KEYS:
            err(Message("unknown key '{key}' in [form]", key=key), "form", key)
    for key in ("id", "version", "title"):
        if not isinstance(head.get(key), str) or not head.get(key, "").strip():
            err(Message("[form] needs a non-empty string '{key}'", key=key), "form", key)
    if isinstance(head.get("id"), str) and head["id"] and not _ID_RE.match(head["id"]):
        err(Message("[form] id may hold only letters, digits, '-' and '_'"), "form", "id")
    for key, value in head.items():
        if _controls(key, value):
            err(
                Message(
                    "[form] '{key}' holds control characters ({chars})",
                    key=key,
                    chars=_controls(key, value),
                ),
                "form",
                key,
            )
    target = head.get("target", "township")
    if target not in TARGETS:
        err(
            Message(
                "[form] target must be one of {targets}, not '{target}'",
                targets=", ".join(TARGETS),
                target=target,
            ),
            "form",
            "target",
        )

    rating = _parse_rating(data.get("rating"), err)
    sections = _parse_sections(data.get("section"), err)

    if issues:
        raise FormError(sorted(issues, key=lambda i: i.line))
    return Form(
        id=head["id"],
        version=str(head["version"]),
        title=head["title"],
        target=target,
        language=str(head.get("language", "zh_CN")),
        description=str(head.get("description", "")),
        rating=rating,
        sections=sections,
        source=text,
    )


_TOO_DEEP = Message(
    "values nested more than {limit} deep (arrays or inline tables)", limit=MAX_NESTING
)


def _line_from_message(message: str) -> int:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else 1


def _parse_rating(raw: Any, err: _Reporter) -> Rating:
    if raw is None:
        return Rating()
    if not isinstance(raw, dict):
        err(Message("[rating] must be a table"), "rating")
        return Rating()
    for key in raw:
        if key not in RATING_KEYS:
            err(Message("unknown key '{key}' in [rating]", key=key), "rating", key)
    thresholds = raw.get("thresholds", [90, 80, 70, 60])
    ok = isinstance(thresholds, list) and thresholds and all(_is_number(t) for t in thresholds)
    if not ok:
        err(
            Message("[rating] thresholds must be a non-empty list of numbers"),
            "rating",
            "thresholds",
        )
        thresholds = [90, 80, 70, 60]
    elif any(not 0 <= t <= 100 for t in thresholds):
        err(Message("[rating] thresholds must lie between 0 and 100"), "rating", "thresholds")
    elif any(a <= b for a, b in itertools.pairwise(thresholds)):
        err(
            Message(
                "[rating] thresholds out of order: they must be strictly descending "
                "(best star level first), got {thresholds}",
                thresholds=thresholds,
            ),
            "rating",
            "thresholds",
        )
    cap = raw.get("veto_cap", 1)
    max_stars = len(thresholds) + 1
    if not isinstance(cap, int) or isinstance(cap, bool) or not 1 <= cap <= max_stars:
        err(
            Message(
                "[rating] veto_cap must be a whole number from 1 to {max_stars}",
                max_stars=max_stars,
            ),
            "rating",
            "veto_cap",
        )
        cap = 1
    return Rating(tuple(float(t) for t in thresholds), cap)


def _parse_sections(raw: Any, err: _Reporter) -> tuple[Section, ...]:
    if not isinstance(raw, list) or not raw:
        err(Message("the form needs at least one [[section]]"), "root")
        return ()
    sections: list[Section] = []
    section_ids: set[str] = set()
    item_ids: dict[str, int] = {}
    for si, sec in enumerate(raw):
        if not isinstance(sec, dict):
            err(Message("[[section]] {number} must be a table", number=si + 1), "section", si)
            continue
        for key in sec:
            if key not in SECTION_KEYS:
                err(Message("unknown key '{key}' in [[section]]", key=key), "section", si, key)
        sid = sec.get("id")
        if not isinstance(sid, str) or not sid:
            err(Message("[[section]] needs a string 'id'"), "section", si, "id")
            sid = f"#{si + 1}"
        elif sid in section_ids:
            err(Message("duplicate section id '{section}'", section=sid), "section", si, "id")
        section_ids.add(sid)
        for key in ("id", "title"):
            if _controls(key, sec.get(key)):
                err(
                    Message(
                        "section '{section}': '{key}' holds control characters ({chars})",
                        section=sid,
                        key=key,
                        chars=_controls(key, sec.get(key)),
                    ),
                    "section",
                    si,
                    key,
                )
        if not isinstance(sec.get("title"), str) or not sec.get("title"):
            err(Message("section '{section}' needs a 'title'", section=sid), "section", si, "title")
        items_raw = sec.get("item", [])
        if not isinstance(items_raw, list) or not items_raw:
            err(Message("section '{section}' has no [[section.item]]", section=sid), "section", si)
            items_raw = []
        items = []
        for ii, raw_item in enumerate(items_raw):
            if not isinstance(raw_item, dict):
                err(
                    Message(
                        "item {number} of section '{section}' must be a table",
                        number=ii + 1,
                        section=sid,
                    ),
                    "item",
                    si,
                    ii,
                )
                continue
            item = _parse_item(raw_item, sid, si, ii, err)
            if item is None:
                continue
            if item.id in item_ids:
                err(Message("duplicate item id '{item}'", item=item.id), "item", si, ii, "id")
            item_ids[item.id] = si
            items.append(item)
        sections.append(Section(sid, str(sec.get("title", "")), tuple(items)))
    return tuple(sections)


def _parse_item(raw: dict[str, Any], sid: str, si: int, ii: int, err: _Reporter) -> Item | None:
    where = ("item", si, ii)
    for key in raw:
        if key not in ITEM_KEYS:
            err(Message("unknown key '{key}' in item", key=key), *where, key)
    iid = raw.get("id")
    if not isinstance(iid, str) or not iid:
        err(
            Message(
                "item {number} of section '{section}' needs a string 'id'",
                number=ii + 1,
                section=sid,
            ),
            *where,
            "id",
        )
        return None
    for key in ("id", "text", "guidance", "problem", "unit"):
        if _controls(key, raw.get(key)):
            err(
                Message(
                    "item '{item}': '{key}' holds control characters ({chars})",
                    item=iid,
                    key=key,
                    chars=_controls(key, raw.get(key)),
                ),
                *where,
                key,
            )
    kind = raw.get("kind")
    if kind is None:
        err(
            Message("item '{item}' needs a 'kind' (use {kinds})", item=iid, kinds=", ".join(KINDS)),
            *where,
            "kind",
        )
        return None
    if kind not in KINDS:
        err(
            Message(
                "item '{item}': unknown kind '{kind}' (use {kinds})",
                item=iid,
                kind=kind,
                kinds=", ".join(KINDS),
            ),
            *where,
            "kind",
        )
        return None
    if not isinstance(raw.get("text"), str) or not raw.get("text", "").strip():
        err(Message("item '{item}' needs a 'text'", item=iid), *where, "text")
    for key in ("guidance", "problem", "unit"):
        if key in raw and not isinstance(raw[key], str):
            err(Message("item '{item}': '{key}' must be a string", item=iid, key=key), *where, key)
    veto = raw.get("veto", False)
    if not isinstance(veto, bool):
        err(Message("item '{item}': veto must be true or false", item=iid), *where, "veto")
        veto = False
    points = raw.get("points")
    if kind == "text":
        if veto:
            err(
                Message("item '{item}': a text item cannot be a veto item", item=iid),
                *where,
                "veto",
            )
        if points not in (None, 0):
            err(Message("item '{item}': a text item carries no points", item=iid), *where, "points")
        points = 0
    elif points is None:
        err(Message("item '{item}': missing 'points'", item=iid), *where)
        points = 0
    elif not _is_number(points) or points <= 0:
        err(
            Message(
                "item '{item}': points must be a positive number, not {points!r}",
                item=iid,
                points=points,
            ),
            *where,
            "points",
        )
        points = 0
    elif not _within(points, MAX_POINTS):
        err(_too_large(iid, "points", points, MAX_POINTS), *where, "points")
        points = 0
    partial = raw.get("partial", 0.5)
    if "partial" in raw and kind != "verdict":
        err(
            Message("item '{item}': 'partial' applies to verdict items only", item=iid),
            *where,
            "partial",
        )
    if "partial" in raw and kind == "verdict" and veto:
        err(
            Message(
                "item '{item}': a veto item is met or not: it has no 'partial' (基本符合)",
                item=iid,
            ),
            *where,
            "partial",
        )
    if not _is_number(partial) or not 0 <= partial <= 1:
        err(Message("item '{item}': partial must be between 0 and 1", item=iid), *where, "partial")
        partial = 0.5
    rule = target = deduct = None
    if kind == "number":
        rule = raw.get("rule")
        if rule not in RULES:
            if rule is None:
                err(
                    Message(
                        'item \'{item}\': number items need rule = "at_most" or "at_least"',
                        item=iid,
                    ),
                    *where,
                    "rule",
                )
            else:
                err(
                    Message(
                        "item '{item}': number items need rule = \"at_most\" or "
                        '"at_least", not {rule!r}',
                        item=iid,
                        rule=rule,
                    ),
                    *where,
                    "rule",
                )
        target = raw.get("target")
        if not _is_number(target) or target < 0:
            err(
                Message("item '{item}': number items need a target of 0 or more", item=iid),
                *where,
                "target",
            )
            target = 0
        elif not _within(target, MAX_TARGET):
            err(_too_large(iid, "target", target, MAX_TARGET), *where, "target")
            target = 0
        deduct = raw.get("deduct")
        if not _is_number(deduct) or deduct <= 0:
            err(
                Message(
                    "item '{item}': number items need deduct > 0 (points off per unit)", item=iid
                ),
                *where,
                "deduct",
            )
            deduct = 1
        elif not _within(deduct, MAX_POINTS):
            err(_too_large(iid, "deduct", deduct, MAX_POINTS), *where, "deduct")
            deduct = 1
    else:
        for key in ("rule", "target", "deduct"):
            if key in raw:
                err(
                    Message(
                        "item '{item}': '{key}' applies to number items only", item=iid, key=key
                    ),
                    *where,
                    key,
                )
    return Item(
        id=iid,
        section_id=sid,
        kind=kind,
        text=str(raw.get("text", "")),
        guidance=str(raw.get("guidance", "")),
        points=float(points),
        partial=float(partial),
        veto=veto,
        problem=str(raw.get("problem", "")),
        rule=rule,
        target=float(target) if target is not None else None,
        deduct=float(deduct) if deduct is not None else None,
        unit=str(raw.get("unit", "")),
    )


def load_form(path: str | Path) -> Form:
    """Read a form file; an unreadable or non-UTF-8 file is a FormError too."""
    path = Path(path)
    try:
        with path.open("rb") as fh:  # a bounded read: `forms check /dev/zero` must end
            data = fh.read(MAX_FORM_BYTES + 1)
        if len(data) > MAX_FORM_BYTES:
            raise FormError(
                [
                    FormIssue(
                        str(path),
                        1,
                        Message(
                            "the file is larger than {size} MiB: not a form",
                            size=MAX_FORM_BYTES >> 20,
                        ),
                    )
                ]
            )
        text = data.decode("utf-8")
    except OSError as exc:
        raise FormError(
            [FormIssue(str(path), 1, Message("cannot read file: {error}", error=exc.strerror))]
        ) from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FormError(
            [FormIssue(str(path), line, Message("the file is not UTF-8 text"))]
        ) from None
    return parse_form(text, str(path))
