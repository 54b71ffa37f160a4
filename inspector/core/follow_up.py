"""Follow-up rounds (回头看) and deadline extensions (延期): the rules, without SQL.

A follow-up round checks, township by township, the problems an earlier round
left unclosed. Each check ends in a verdict, and the verdict moves the
problem along its ordinary life cycle (`core.problems.TRANSITIONS`), so a
follow-up adds no state of its own: verified is rectified (and closed, 销号,
where the role allows), partly and rejected are back to rectifying, with the
reason in the rectification note as every 复查退回 has it.

A deadline changes only by an extension: later than the current one, with a
reason and the name of who approved it.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from inspector.core.problems import Action, Status, check_deadline
from inspector.messages import Message, MessageError


class FollowUpVerdict(StrEnum):
    VERIFIED = "verified"  # 整改到位
    PARTLY = "partly"  # 部分整改
    REJECTED = "rejected"  # 未整改, back to rectifying


VERDICT_LABELS = {
    FollowUpVerdict.VERIFIED: "整改到位",
    FollowUpVerdict.PARTLY: "部分整改",
    FollowUpVerdict.REJECTED: "未整改（退回）",
}


class FollowUpRefused(MessageError):
    """A verdict or an extension the rules do not allow, and why."""


def verdict_steps(
    status: Status | str, verdict: FollowUpVerdict | str, close: bool
) -> list[Action]:
    """The life-cycle steps a verdict takes a problem through, from `status`.

    Verified: rectified (立行立改 from open), then closed when `close` is asked (the
    caller checks the role). Partly and rejected: back to rectifying, from whichever
    state it was in (a problem already rectifying stays so; the verdict row and the
    reason are the record). A closed problem is final: no verdict moves it.
    """
    status, verdict = Status(status), FollowUpVerdict(verdict)
    if status == Status.CLOSED:
        raise FollowUpRefused(
            Message("the problem is already closed (销号); a follow-up cannot change it")
        )
    if verdict == FollowUpVerdict.VERIFIED:
        steps = [] if status == Status.RECTIFIED else [Action.RECTIFY]
        return [*steps, Action.CLOSE] if close else steps
    if status == Status.OPEN:
        return [Action.START]
    if status == Status.RECTIFIED:
        return [Action.REJECT]
    return []


def check_verdict(verdict: FollowUpVerdict | str, reason: str) -> FollowUpVerdict:
    """A verdict other than verified needs the reason the township is told."""
    try:
        verdict = FollowUpVerdict(verdict)
    except ValueError:
        raise FollowUpRefused(
            Message(
                "unknown follow-up verdict {verdict!r}: verified, partly or rejected",
                verdict=str(verdict),
            )
        ) from None
    if verdict != FollowUpVerdict.VERIFIED and not reason.strip():
        raise FollowUpRefused(
            Message("a follow-up verdict of partly or not rectified needs a reason")
        )
    return verdict


def check_extension(
    status: Status | str,
    found_on: str | None,
    current: str | None,
    new: str,
    reason: str,
    approved_by: str,
) -> None:
    """An extension (延期) moves a deadline of a problem still to rectify later, with a
    reason and who approved it; refused with a message otherwise."""
    if Status(status) not in (Status.OPEN, Status.RECTIFYING):
        raise FollowUpRefused(
            Message("only a problem still to rectify can have its deadline extended")
        )
    if not reason.strip():
        raise FollowUpRefused(Message("an extension needs a reason"))
    if not approved_by.strip():
        raise FollowUpRefused(Message("an extension needs the name of who approved it"))
    try:
        due = dt.date.fromisoformat(new)
    except ValueError:
        raise FollowUpRefused(Message("{date!r} is not a date (YYYY-MM-DD)", date=new)) from None
    check_deadline(found_on, due)
    if current and due <= dt.date.fromisoformat(current[:10]):
        raise FollowUpRefused(
            Message(
                "an extension moves the deadline later than {current}, not to {new}",
                current=current[:10],
                new=due.isoformat(),
            )
        )
