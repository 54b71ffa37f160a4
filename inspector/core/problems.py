"""The life of a problem on the 问题清单: open → rectifying → rectified → closed (销号)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from inspector.messages import Message, MessageError


class Status(StrEnum):
    OPEN = "open"
    RECTIFYING = "rectifying"
    RECTIFIED = "rectified"
    CLOSED = "closed"


# Still to be rectified: the problems a notice gathers and that can be overdue (a
# rectified one awaits verification, a closed one is done). The store's SQL is
# written from this tuple (`inspector.store.problem_rules`).
UNRECTIFIED: tuple[Status, ...] = (Status.OPEN, Status.RECTIFYING)

STATUS_LABELS = {
    Status.OPEN: "待整改",
    Status.RECTIFYING: "整改中",
    Status.RECTIFIED: "已整改待验收",
    Status.CLOSED: "已销号",
}


class Action(StrEnum):
    START = "start"  # 开始整改
    RECTIFY = "rectify"  # 整改完成, with a note and evidence
    CLOSE = "close"  # 验收销号
    REJECT = "reject"  # 复查未通过, back to rectifying


# (from, action) -> to. 立行立改 (fixed on the spot) is open → rectified.
TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (Status.OPEN, Action.START): Status.RECTIFYING,
    (Status.OPEN, Action.RECTIFY): Status.RECTIFIED,
    (Status.RECTIFYING, Action.RECTIFY): Status.RECTIFIED,
    (Status.RECTIFIED, Action.CLOSE): Status.CLOSED,
    (Status.RECTIFIED, Action.REJECT): Status.RECTIFYING,
}


class IllegalTransition(ValueError):
    def __init__(self, current: Status, target: Status | Action):
        self.current = current
        self.target = target
        self.messages = [
            Message(
                "a problem cannot go from '{current}' to '{target}'",
                current=Status(current).value,
                target=target.value,
            )
        ]
        super().__init__(str(self.messages[0]))


def next_status(current: Status | str, action: Action | str) -> Status:
    """The status an action leads to; IllegalTransition names both ends when not allowed."""
    current, action = Status(current), Action(action)
    try:
        return TRANSITIONS[(current, action)]
    except KeyError:
        raise IllegalTransition(current, action) from None


def check_transition(current: Status | str, target: Status | str) -> None:
    """Raise IllegalTransition unless some action leads from `current` to `target`."""
    current, target = Status(current), Status(target)
    if not any(f == current and t == target for (f, _), t in TRANSITIONS.items()):
        raise IllegalTransition(current, target)


def allowed_actions(current: Status | str) -> list[Action]:
    current = Status(current)
    return [a for (f, a) in TRANSITIONS if f == current]


def is_overdue(deadline: str | dt.date | None, status: Status | str, today: dt.date) -> bool:
    """Past its deadline and not yet rectified (a rectified problem awaits verification)."""
    if not deadline or Status(status) not in UNRECTIFIED:
        return False
    if isinstance(deadline, str):
        deadline = dt.date.fromisoformat(deadline[:10])
    return deadline < today


class Light(StrEnum):
    """How urgent a problem still to rectify is: computed from its deadline, never stored."""

    GREEN = "green"
    YELLOW = "yellow"  # due within the campaign's warning days
    RED = "red"  # overdue


LIGHT_LABELS = {Light.GREEN: "绿", Light.YELLOW: "黄", Light.RED: "红"}
# Days before its deadline a problem turns yellow, unless its campaign says otherwise.
DEFAULT_DUE_SOON_DAYS = 7


def light(
    deadline: str | dt.date | None,
    status: Status | str,
    today: dt.date,
    soon_days: int = DEFAULT_DUE_SOON_DAYS,
) -> Light | None:
    """Red when overdue (`is_overdue`), yellow when due within `soon_days`, else green; None
    for a problem no longer to rectify. A problem with no deadline is green: it cannot be
    late. The store's SQL says the same (`store.problem_rules.light`)."""
    if Status(status) not in UNRECTIFIED:
        return None
    if is_overdue(deadline, status, today):
        return Light.RED
    if deadline:
        due = deadline if isinstance(deadline, dt.date) else dt.date.fromisoformat(deadline[:10])
        if due <= today + dt.timedelta(days=soon_days):
            return Light.YELLOW
    return Light.GREEN


class DeadlineBeforeFound(MessageError):
    """A rectification deadline earlier than the day the problem was found."""


def check_deadline(found_on: str | dt.date | None, deadline: str | dt.date | None) -> None:
    """Refuse a deadline before the found date: it is always a slip (a wheel or a typo
    turning 2026 into 2023) and would show the problem overdue by years at once."""
    if not deadline or not found_on:
        return
    found = found_on if isinstance(found_on, dt.date) else dt.date.fromisoformat(found_on[:10])
    due = deadline if isinstance(deadline, dt.date) else dt.date.fromisoformat(deadline[:10])
    if due < found:
        raise DeadlineBeforeFound(
            Message(
                "the deadline {deadline} is before the day the problem was found, {found_on}",
                deadline=due.isoformat(),
                found_on=found.isoformat(),
            )
        )


@dataclass(frozen=True)
class HistoryStep:
    """One entry of a problem's history, as the panel shows it.

    `kind` is "recorded", "status", "rejected", "edited", "deleted", "extended" (a
    deadline extension: `detail` is the previous deadline, the new one and who approved
    it, `note` the reason) or "verdict" (a follow-up round's verdict in `status`, its
    reason in `note`, the round's name in `detail`); `fields` names the columns an edit
    changed; `note` is the rectification note or the follow-up's reason for a rejection.
    """

    at: str
    who: str
    kind: str
    status: str = ""
    fields: tuple[str, ...] = ()
    note: str = ""
    detail: tuple[str, ...] = ()


_REJECT_MARK = "复查退回]"
_SHOWN_FIELDS = ("text", "responsible_unit", "responsible_person", "measure", "deadline")


def history_steps(
    entries: list[tuple[str, str, str, dict[str, Any] | None, dict[str, Any] | None]],
) -> list[HistoryStep]:
    """The steps of a problem from its audit entries (at, who, action, old, new), oldest
    first. An imported first version carries no copy of the row (the row itself was it),
    so it is only "recorded"; the sync columns are no change a user made."""
    steps: list[HistoryStep] = []
    for at, who, action, old, new in entries:
        old, new = old or {}, new or {}
        if action == "insert":
            steps.append(HistoryStep(at, who, "recorded", status=new.get("status") or ""))
            continue
        if action == "delete" or (new.get("deleted") and not old.get("deleted")):
            steps.append(HistoryStep(at, who, "deleted"))
            continue
        if "status" in new and new["status"] != old.get("status"):
            status = str(new["status"])
            note = str(new.get("rectify_note") or "")
            if old.get("status") == Status.RECTIFIED.value and status == Status.RECTIFYING.value:
                reason = note.rsplit(_REJECT_MARK, 1)[-1].strip() if _REJECT_MARK in note else ""
                steps.append(HistoryStep(at, who, "rejected", status=status, note=reason))
            else:
                shown = note if status == Status.RECTIFIED.value else ""
                steps.append(HistoryStep(at, who, "status", status=status, note=shown))
            continue
        fields = tuple(f for f in _SHOWN_FIELDS if f in new and new[f] != old.get(f))
        if fields:
            steps.append(HistoryStep(at, who, "edited", fields=fields))
    return steps
