"""Which role may write what (contract: docs/design-notes.md, "Roles").

Headquarters alone writes the places, the forms, the campaigns (and signs
the roster), and alone closes a problem (销号). An inspector laptop writes
what a team records in the field: inspectors, inspections, answers,
the townships' self-assessments (自评) a team collects, problems up to
rectified, notices and attachments. Import refuses a version
outside its author's role; export leaves out one's own versions outside
one's role (a laptop that ran `init` holds its own copy of the townships,
which headquarters' copy supersedes).

Deleting is narrower than writing. An inspector's tombstone of a problem
stands only for a problem recorded by mistake: still open, and with no
`base_version` (the laptop recorded it and no other device's version was
ever the base of its changes, `store.rows.next_base_version`). A notice,
once issued, carries a number in the register: an inspector never deletes
one. Both are decided from the version alone, so every device decides the
same. That a closed problem stays closed is the merge's rule
(`store.merge`), since it depends on the version held.

Voiding a notice (作废) is not a deletion: the notice stays in the register,
marked, so both roles may void one (the laptop that gave a number twice is
the one in the field that must re-issue). Voiding is final by the merge's
rule as 销号 is: a voided version beats one that is not.
"""

from __future__ import annotations

from typing import Any

from inspector.messages import Message

HQ = "hq"
INSPECTOR = "inspector"
HQ_ONLY = frozenset({"counties", "townships", "forms", "campaigns"})
# self_answers: a township's filled 自评 sheet is handed to whichever team or office
# meets it first, so inspector laptops import them as headquarters does.
FIELD_TABLES = frozenset(
    {
        "inspectors",
        "inspections",
        "answers",
        "self_answers",
        "problems",
        "notices",
        "attachments",
        "extensions",  # a deadline extension (延期), recorded where it is agreed
        "follow_ups",  # a follow-up's verdict on a problem, recorded in the township
    }
)
CLOSED = "closed"
OPEN = "open"


def refusal(role: str, table: str, row: dict[str, Any]) -> Message | None:
    """Why `role` may not write this version of a `table` row; None if it may."""
    if role == HQ:
        return None
    if role != INSPECTOR:
        return Message("role {role!r} writes nothing", role=role)
    if table not in FIELD_TABLES:
        return Message("only headquarters writes {table}", table=table)
    if table == "problems" and row.get("status") == CLOSED:
        return Message("only headquarters closes a problem (销号)")
    if row.get("deleted"):
        if table == "problems" and (
            row.get("status") != OPEN or row.get("base_version") is not None
        ):
            return Message(
                "an inspector may not delete a problem unless it is still open "
                "and was recorded on that laptop with no other device's change "
                "since (a problem recorded by mistake)"
            )
        if table == "notices":
            return Message("an inspector may not delete an issued notice; only headquarters does")
    return None


def may_close_problems(role: str | None) -> bool:
    """A device outside any roster works alone and may do anything locally."""
    return role is None or role == HQ
