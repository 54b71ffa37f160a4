"""What the checklist does, apart from showing it: a plain class driven by the session.

The checklist view (`ui.checklist`) shows cards and passes on what the user
did; this decides what that means for the database: which inspection is
open, writing an answer, whether a failed item should be offered as a
problem, recording it, finishing, and the team split kept per campaign.
It imports no Qt, so its rules are tested without a window, and every
write goes through the session, whose `Changes` tell the other views.

Attaching photos downscales them (1.6-3.4 s for a 12 MP photo), so it runs
in the worker on a session of its own (`attach_photos`); its `Changes`
come back to the GUI's session and reach the views like any other write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from inspector.core.forms import Form, Item
from inspector.core.ids import CampaignId, InspectionId, ProblemId, TownshipId
from inspector.core.scoring import Verdict, number_miss
from inspector.progress import Progress
from inspector.store.inspections import FINISHED
from inspector.store.session import Changes, Session

DEFAULT_DEADLINE_DAYS = 30


def my_sections_key(campaign_id: str) -> str:
    return f"my_sections:{campaign_id}"


@dataclass(frozen=True)
class Opened:
    """Everything the view shows of one inspection, read at once."""

    form: Form
    township: dict[str, Any]
    inspection: dict[str, Any]
    answers: dict[str, dict[str, Any]]
    photos: dict[str, list[dict[str, Any]]]
    problem_counts: dict[str, int]
    self_answers: dict[str, dict[str, Any]] = field(default_factory=dict)  # the township's 自评


@dataclass(frozen=True)
class ProblemOffer:
    """The problem proposed for a failed item: the user may edit or skip it."""

    item: Item
    text: str
    unit: str
    deadline: dt.date


class ChecklistController:
    """One inspection being filled in, on the GUI's session."""

    def __init__(self, session: Session):
        self.session = session
        self.campaign_id: CampaignId | None = None
        self.township_id: TownshipId | None = None
        self.inspection: dict[str, Any] | None = None
        self.form: Form | None = None
        self.problem_counts: dict[str, int] = {}

    # -- opening -------------------------------------------------------------------------
    def open(self, campaign_id: str, township_id: str) -> Opened | None:
        """The township's inspection with its answers; None if it has not been started."""
        s = self.session
        campaign, township = CampaignId(campaign_id), TownshipId(township_id)
        inspection = s.inspections.find(campaign, township)
        if inspection is None:
            return None
        self.form = s.catalog.form_for_campaign(campaign)
        self.campaign_id, self.township_id, self.inspection = campaign, township, inspection
        iid = InspectionId(inspection["id"])
        self.problem_counts = s.answers.problem_counts(iid)
        return Opened(
            self.form,
            s.catalog.find_township(township),
            inspection,
            s.answers.of(iid),
            s.answers.photos(iid),
            dict(self.problem_counts),
            s.self_assessment.of(campaign, township),
        )

    def forget(self) -> None:
        """Nothing open (another database, a restored backup)."""
        self.inspection = None

    @property
    def inspection_id(self) -> InspectionId | None:
        return InspectionId(self.inspection["id"]) if self.inspection else None

    @property
    def finished(self) -> bool:
        return bool(self.inspection and self.inspection["status"] == FINISHED)

    def score(self) -> dict[str, Any] | None:
        iid = self.inspection_id
        return self.session.inspections.score(iid) if iid else None

    def answers(self) -> dict[str, dict[str, Any]]:
        iid = self.inspection_id
        return self.session.answers.of(iid) if iid else {}

    def photos(self) -> dict[str, list[dict[str, Any]]]:
        iid = self.inspection_id
        return self.session.answers.photos(iid) if iid else {}

    def first_open(self, item_ids: Iterable[str]) -> str | None:
        """The first of these items that is scored and not answered yet."""
        assert self.form is not None
        answers = self.answers()
        for item_id in item_ids:
            row = answers.get(item_id)
            if self.form.item(item_id).scored and not (
                row and (row["verdict"] or row["number"] is not None)
            ):
                return item_id
        return None

    # -- writing -------------------------------------------------------------------------
    def write(self, item_id: str, source: object | None = None, **values: Any) -> Changes:
        """One answer change in one transaction (the score cache with it)."""
        iid = self.inspection_id
        if iid is None:
            raise LookupError("no inspection is open")
        return self.session.answers.set(iid, item_id, source=source, **values).changes

    def offer_for_verdict(self, item_id: str, verdict: Verdict | None) -> ProblemOffer | None:
        return self._offer(item_id) if verdict == Verdict.FAIL else None

    def offer_for_number(self, item_id: str, value: float | None) -> ProblemOffer | None:
        assert self.form is not None
        item = self.form.item(item_id)
        if value is None or number_miss(item, value) <= 0:
            return None
        return self._offer(item_id)

    def _offer(self, item_id: str) -> ProblemOffer | None:
        """A problem for the item, unless it has one already."""
        if self.problem_counts.get(item_id) or not self.inspection or self.form is None:
            return None
        item = self.form.item(item_id)
        days = int(self.session.settings.get("default_deadline_days") or DEFAULT_DEADLINE_DAYS)
        unit = self.session.catalog.responsible_unit(TownshipId(self.inspection["township_id"]))
        return ProblemOffer(
            item, item.problem or item.text, unit, dt.date.today() + dt.timedelta(days=days)
        )

    def offer_again(self, item_id: str) -> ProblemOffer | None:
        """The offer a Skip declined, asked for again from the item's card."""
        return self._offer(item_id)

    def withdrawable(self, item_id: str, verdict: Verdict | None) -> list[ProblemId]:
        """The open problems this inspection recorded for the item, once its verdict is
        no longer 不符合: recorded for a failure that, on a second look, is none."""
        insp = self.inspection
        if verdict == Verdict.FAIL or insp is None or not self.problem_counts.get(item_id):
            return []
        return self.session.problems.open_for_item(InspectionId(insp["id"]), item_id)

    def withdraw(
        self, item_id: str, problems: list[ProblemId], source: object | None = None
    ) -> Changes:
        """Delete these problems (tombstones, audited) in one transaction."""
        changes = Changes.of()
        with self.session.atomic():
            for pid in problems:
                changes = changes | self.session.problems.delete(pid, source=source).changes
        self.problem_counts[item_id] = max(0, self.problem_counts.get(item_id, 0) - len(problems))
        return changes

    def add_problem(
        self,
        item_id: str,
        text: str,
        deadline: str | dt.date | None,
        unit: str,
        source: object | None = None,
    ) -> Changes:
        insp = self.inspection
        if insp is None:
            raise LookupError("no inspection is open")
        done = self.session.problems.add(
            TownshipId(insp["township_id"]),
            text,
            deadline,
            source=source,
            campaign_id=insp["campaign_id"],
            inspection_id=insp["id"],
            item_id=item_id,
            responsible_unit=unit,
        )
        self.problem_counts[item_id] = self.problem_counts.get(item_id, 0) + 1
        return done.changes

    def set_finished(self, finished: bool, source: object | None = None) -> Changes:
        """Finish (read-only) or reopen, audited like any edit."""
        iid = self.inspection_id
        if iid is None:
            raise LookupError("no inspection is open")
        done = self.session.inspections.set_finished(iid, finished, source=source)
        self.inspection = done.value
        return done.changes

    def reread_inspection(self) -> None:
        """The inspection's row again (a change elsewhere may have finished or reopened it)."""
        if self.campaign_id and self.township_id:
            self.inspection = self.session.inspections.find(self.campaign_id, self.township_id)

    # -- the team split ------------------------------------------------------------------
    def my_sections(self) -> set[str] | None:
        """The sections this laptop does in the campaign (None: all of them)."""
        if not self.campaign_id:
            return None
        mine = self.session.settings.get(my_sections_key(self.campaign_id))
        return set(mine) if mine is not None else None

    def set_my_sections(self, mine: list[str], every: int) -> None:
        if self.campaign_id:
            self.session.settings.put(
                my_sections_key(self.campaign_id), None if len(mine) == every else mine
            )

    @property
    def only_mine(self) -> bool:
        return bool(self.session.settings.get("only_my_sections", False))

    def set_only_mine(self, only: bool) -> None:
        self.session.settings.put("only_my_sections", only)


def attach_photos(
    progress: Progress, db_path: str, inspection: str, item_id: str, paths: list[str]
) -> Changes:
    """Attach files to an item in the worker, on a session of its own (the downscaling of a
    12 MP photo takes seconds); the `Changes` go back to the GUI's session."""
    with Session.open(db_path, create=False, folders=False) as session:
        changes = session.answers.attach_files(
            InspectionId(inspection), item_id, paths, each=lambda n: progress(n, len(paths), "")
        ).changes
        progress(len(paths), len(paths), "")
        return changes
