"""The life of a problem on the 问题清单: open → rectifying → rectified → closed (销号)."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

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
        self.messages = [Message("a problem cannot go from '{current}' to '{target}'",
                                 current=Status(current).value, target=target.value)]
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
        raise DeadlineBeforeFound(Message(
            "the deadline {deadline} is before the day the problem was found, {found_on}",
            deadline=due.isoformat(), found_on=found.isoformat()))
