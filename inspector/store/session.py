"""One open database and everything done with it: the object the CLI, the GUI and the worker use.

A `Session` owns the connection (`InspectorDatabase`) and the writer
(`Rows`), so no caller builds either by hand, and groups the store's
modules as namespaces bound to them (`session.answers.set(...)`,
`session.problems.advance(...)`). Every write returns what it changed, a
`Changes`, and hands the same value to whoever subscribed (`subscribe`):
the GUI turns that into one Qt signal, and each view re-reads only what
concerns it (an answer refreshes its checklist row, its township's line
in the tree and the page, not the whole tree; an import refreshes
everything). Qt-free, so the command line and the tests use it as they are.

A session belongs to one thread, like its connection: the worker opens a
second one on its own thread and hands its `Changes` back to the GUI's
session (`announce`), whose subscribers then refresh as after their own
writes.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from inspector.core.ids import (
    AttachmentId,
    CampaignId,
    InspectionId,
    ProblemId,
    TownshipId,
)

if TYPE_CHECKING:  # imported when first used: the GUI's first paint waits for no store module
    from sqlite_utils import Database

    from inspector.core.forms import Form
    from inspector.core.scoring import Verdict
    from inspector.core.self_assessment import Comparison
    from inspector.core.trends import AreaTrend, TownshipTrend
    from inspector.messages import Message
    from inspector.store.identity import Identity, NewIdentity
    from inspector.store.problems import ProblemFilter
    from inspector.store.rows import Rows
    from inspector.store.self_answers import TownshipSheet

T = TypeVar("T")

# The kinds of view a change concerns (`Changes.kinds`).
ANSWERS = "answers"  # answers of `inspections` (the checklist's rows)
SCORES = "scores"  # the score cache of `inspections` (headers, the tree, the page)
INSPECTIONS = "inspections"  # an inspection started, finished or reopened
PROBLEMS = "problems"
NOTICES = "notices"
ATTACHMENTS = "attachments"  # photos of `ids` (answers or problems)
TREE = "tree"  # counties and townships: the tree's shape
CAMPAIGNS = "campaigns"  # the campaign list
FORMS = "forms"
SETTINGS = "settings"  # local settings; `ids` holds the keys
SYNC = "sync"  # the last exchange (the status line)
SELF_ANSWERS = "self_answers"  # townships' own answers (自评) of a campaign
KINDS = frozenset(
    {
        SELF_ANSWERS,
        ANSWERS,
        SCORES,
        INSPECTIONS,
        PROBLEMS,
        NOTICES,
        ATTACHMENTS,
        TREE,
        CAMPAIGNS,
        FORMS,
        SETTINGS,
        SYNC,
    }
)


@dataclass(frozen=True)
class Changes:
    """What one operation changed, for views to decide whether to re-read.

    `everything` (an import, a resolved conflict, a restored backup) means
    any row may be new: every view re-reads. Otherwise `kinds` says which
    kinds of view are affected and `townships` / `inspections` / `ids`
    narrow it to rows, so a view showing another township can ignore it.
    """

    kinds: frozenset[str] = frozenset()
    tables: frozenset[str] = frozenset()
    townships: frozenset[TownshipId] = frozenset()
    inspections: frozenset[InspectionId] = frozenset()
    ids: frozenset[str] = frozenset()
    everything: bool = False
    source: object | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        unknown = self.kinds - KINDS
        if unknown:
            raise ValueError(f"unknown kinds of change: {sorted(unknown)}")

    @classmethod
    def of(
        cls,
        *kinds: str,
        tables: Iterable[str] = (),
        townships: Iterable[str | None] = (),
        inspections: Iterable[str | None] = (),
        ids: Iterable[str | None] = (),
    ) -> Changes:
        return cls(
            frozenset(kinds),
            frozenset(tables),
            frozenset(TownshipId(t) for t in townships if t),
            frozenset(InspectionId(i) for i in inspections if i),
            frozenset(i for i in ids if i),
        )

    @classmethod
    def all(cls) -> Changes:
        """Anything may have changed (an import, a resolve, a restore)."""
        return cls(KINDS, everything=True)

    def __bool__(self) -> bool:
        return self.everything or bool(self.kinds)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.kinds | other.kinds,
            self.tables | other.tables,
            self.townships | other.townships,
            self.inspections | other.inspections,
            self.ids | other.ids,
            self.everything or other.everything,
            self.source if self.source is not None else other.source,
        )

    def touches(self, *kinds: str) -> bool:
        """Whether a view showing any of these kinds must re-read."""
        return self.everything or not self.kinds.isdisjoint(kinds)

    def concerns_township(self, township: str | None) -> bool:
        return self.everything or (township is not None and township in self.townships)

    def concerns_inspection(self, inspection: str | None) -> bool:
        return self.everything or (inspection is not None and inspection in self.inspections)

    def from_(self, source: object) -> Changes:
        """The same changes marked as made by `source` (a view can skip its own echo)."""
        return Changes(
            self.kinds,
            self.tables,
            self.townships,
            self.inspections,
            self.ids,
            self.everything,
            source,
        )


NOTHING = Changes()


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write's result and what it changed."""

    value: T
    changes: Changes


Listener = Callable[[Changes], None]


class Session:
    """The database open for one thread, its writer, and the store as bound namespaces."""

    def __init__(self, db: Database, who: str | None = None):
        from inspector.store.rows import Rows

        self.db = db
        self.rows = Rows(db, who)
        self._listeners: list[Listener] = []
        self._held: list[Changes] | None = None  # inside `atomic`: told after the commit
        self.answers = Answers(self)
        self.inspections = Inspections(self)
        self.problems = Problems(self)
        self.notices = Notices(self)
        self.attachments = Attachments(self)
        self.catalog = Catalog(self)
        self.projects = Projects(self)
        self.settings = Settings(self)
        self.identity = DeviceIdentity(self)
        self.backups = Backups(self)
        self.conflicts = Conflicts(self)
        self.follow_ups = FollowUps(self)
        self.self_assessment = SelfAssessment(self)
        self.trends = Trends(self)
        self.ranking = Ranking(self)

    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        create: bool = True,
        autocheckpoint: bool = True,
        folders: bool = True,
    ) -> Session:
        """Open (and migrate) the database at `path`; see `store.db.open_db`."""
        from inspector.store.db import open_db

        return cls(open_db(path, create=create, autocheckpoint=autocheckpoint, folders=folders))

    @property
    def path(self) -> str:
        """The file behind the connection ("" in memory), for a worker to open its own."""
        from inspector.store.db import database_file

        return database_file(self.db)

    def close(self) -> None:
        self.db.close()

    def interrupt(self) -> None:
        """Abandon the statement this connection runs, if any: callable from any thread
        (the statement then fails with SQLITE_INTERRUPT, `errors.is_interrupted`)."""
        self.db.conn.interrupt()

    def is_open(self) -> bool:
        """False once the connection is closed (a window closed while a worker read):
        a late result then has nowhere to go."""
        try:
            self.db.conn.total_changes  # noqa: B018 - raises on a closed connection
        except sqlite3.ProgrammingError:
            return False
        return True

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def atomic(self) -> Iterator[Session]:
        """Several writes in one transaction (BEGIN IMMEDIATE; a savepoint when nested).

        Their changes are told once, together, after the commit; a rollback tells
        nothing, so no view shows what the database does not hold.
        """
        if self._held is not None:
            with self.db.atomic():
                yield self
            return
        self._held = []
        try:
            with self.db.atomic():
                yield self
        except BaseException:
            self._held = None
            raise
        held, self._held = self._held, None
        if held:
            combined = held[0]
            for more in held[1:]:
                combined = combined | more
            self.announce(combined)

    def checkpoint(self) -> None:
        from inspector.store.db import checkpoint

        checkpoint(self.db)

    # -- changes -------------------------------------------------------------------------
    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` with the `Changes` of every write; returns the unsubscriber."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def announce(self, changes: Changes, source: object | None = None) -> Changes:
        """Tell the subscribers; for writes made here and for those made elsewhere (the
        worker's session, an import) that this connection now sees."""
        if source is not None:
            changes = changes.from_(source)
        if changes and self._held is not None:
            self._held.append(changes)
        elif changes:
            for listener in list(self._listeners):
                listener(changes)
        return changes

    def _done(self, value: T, changes: Changes, source: object | None) -> Done[T]:
        return Done(value, self.announce(changes, source))


class _Part:
    """A namespace of the session: the store's functions bound to its connection."""

    def __init__(self, session: Session):
        self._session = session

    @property
    def db(self) -> Database:
        return self._session.db

    @property
    def rows(self) -> Rows:
        return self._session.rows


class Answers(_Part):
    def of(self, inspection: InspectionId) -> dict[str, dict[str, Any]]:
        """The live answer rows of an inspection, by item id."""
        from inspector.store.inspections import answer_rows

        return answer_rows(self.db, inspection)

    def set(
        self, inspection: InspectionId, item_id: str, *, source: object | None = None, **values: Any
    ) -> Done[dict[str, Any]]:
        """One item's verdict / number / note, and the score cache, in one transaction.

        `values` takes `verdict`, `number` and `note` as `store.inspections.set_answer`.
        """
        from inspector.store.inspections import write_answer

        done = write_answer(self.rows, inspection, item_id, **values)
        if not done.written:
            return Done(done.row, NOTHING)
        kinds = (ANSWERS, INSPECTIONS) if done.status_changed else (ANSWERS,)
        changes = _edit_changes(inspection, done.township_id, *kinds)
        return self._session._done(done.row, changes, source)

    def set_verdict(
        self,
        inspection: InspectionId,
        item_id: str,
        verdict: Verdict | None,
        source: object | None = None,
    ) -> Done[dict[str, Any]]:
        return self.set(inspection, item_id, verdict=verdict, source=source)

    def photos(self, inspection: InspectionId) -> dict[str, list[dict[str, Any]]]:
        from inspector.store.entry import photos_by_item

        return photos_by_item(self.db, inspection)

    def problem_counts(self, inspection: InspectionId) -> dict[str, int]:
        from inspector.store.entry import problems_by_item

        return problems_by_item(self.db, inspection)

    def attach_files(
        self,
        inspection: InspectionId,
        item_id: str,
        paths: Iterable[str | Path],
        source: object | None = None,
        each: Callable[[int], None] | None = None,
    ) -> Done[list[dict[str, Any]]]:
        """Files (photos, downscaled unless kept as taken) attached to an item's answer,
        the answer created if the item had none; all or nothing. `each(n)` is called
        before the n-th file (progress; it may raise to cancel, rolling back)."""
        from inspector.store.attachments import add_file
        from inspector.store.inspections import set_answer

        status = _status(self.db, inspection)
        added: list[dict[str, Any]] = []
        with self.db.atomic():
            answer = set_answer(self.rows, inspection, item_id)
            for n, path in enumerate(paths):
                if each is not None:
                    each(n)
                added.append(add_file(self.rows, "answers", answer["id"], path))
        kinds = (
            (ANSWERS, ATTACHMENTS)
            if _status(self.db, inspection) == status
            else (ANSWERS, ATTACHMENTS, INSPECTIONS)
        )
        changes = _inspection_changes(
            self.db, inspection, *kinds, ids=[answer["id"], *(a["id"] for a in added)]
        )
        return self._session._done(added, changes, source)


class Inspections(_Part):
    def find(self, campaign: CampaignId, township: TownshipId) -> dict[str, Any] | None:
        from inspector.store.inspections import find_inspection

        return find_inspection(self.db, campaign, township)

    def start(
        self, campaign: CampaignId, township: TownshipId, source: object | None = None
    ) -> Done[dict[str, Any]]:
        from inspector.store.inspections import start_inspection

        existing = self.find(campaign, township)
        row = start_inspection(self.rows, campaign, township)
        if existing is not None:
            return Done(row, NOTHING)
        return self._session._done(
            row,
            Changes.of(
                INSPECTIONS,
                SCORES,
                tables=("inspections", "scores"),
                townships=[township],
                inspections=[row["id"]],
            ),
            source,
        )

    def set_finished(
        self, inspection: InspectionId, finished: bool, source: object | None = None
    ) -> Done[dict[str, Any]]:
        from inspector.store.inspections import set_status

        row = set_status(self.rows, inspection, finished)
        return self._session._done(
            row,
            Changes.of(
                INSPECTIONS,
                tables=("inspections",),
                townships=[row["township_id"]],
                inspections=[inspection],
            ),
            source,
        )

    def score(self, inspection: InspectionId) -> dict[str, Any] | None:
        """The cached score, with `sections` and `veto_failed` decoded."""
        from inspector.store.entry import cached_score

        return cached_score(self.db, inspection)

    def overview(
        self, campaign: CampaignId, townships: Iterable[TownshipId] | None = None
    ) -> list[dict[str, Any]]:
        """The tree's rows: every township of the campaign, or only `townships`."""
        from inspector.store.inspections import campaign_overview

        return campaign_overview(self.db, campaign, townships=townships)

    def refresh_all_scores(self) -> Done[int]:
        from inspector.store.inspections import refresh_all_scores

        count = refresh_all_scores(self.db)
        return self._session._done(count, Changes.of(SCORES, tables=("scores",)), None)


class Problems(_Part):
    def get(self, problem: ProblemId, today: dt.date | None = None) -> dict[str, Any]:
        """One problem as the list shows it, overdue judged on `today` (KeyError if none)."""
        from inspector.store.problems import get_problem

        return get_problem(self.db, problem, today)

    def for_township(
        self, township: TownshipId, campaign: CampaignId | None = None
    ) -> list[dict[str, Any]]:
        from inspector.store.problems import problems_for_township

        return problems_for_township(self.db, township, campaign)

    def first_page(
        self,
        f: ProblemFilter,
        *,
        order_by: str = "deadline",
        descending: bool = False,
        limit: int = 200,
    ) -> tuple[int, list[dict[str, Any]]]:
        """(how many problems match, the first `limit` in list order): the list's first read."""
        from inspector.store.problem_queries import first_page

        return first_page(self.db, f, order_by=order_by, descending=descending, limit=limit)

    def probe_prefix(
        self, f: ProblemFilter, *, descending: bool = False, limit: int = 200
    ) -> list[dict[str, Any]]:
        """The first matches in deadline order found without a long scan (maybe fewer
        than `limit`): what the list shows while a long search runs elsewhere."""
        from inspector.store.problem_queries import probe_prefix

        return probe_prefix(self.db, f, descending=descending, limit=limit)

    def is_long_scan(self, f: ProblemFilter) -> bool:
        """True when `f` makes SQLite read every problem of a big database (a text over
        every campaign): such a search runs off the GUI thread."""
        from inspector.store.problem_queries import is_long_scan

        return is_long_scan(self.db, f)

    def page(
        self,
        f: ProblemFilter,
        *,
        order_by: str = "deadline",
        descending: bool = False,
        limit: int = 200,
        offset: int = 0,
        from_end: bool = False,
    ) -> list[dict[str, Any]]:
        """The list's later pages, continuing `first_page` in the same order (`from_end`:
        `offset` counts the rows after the page, `store.problems.list_problems`)."""
        from inspector.store.problems import list_problems

        return list_problems(
            self.db,
            f,
            order_by=order_by,
            descending=descending,
            limit=limit,
            offset=offset,
            from_end=from_end,
        )

    def open_for_item(self, inspection: InspectionId, item_id: str) -> list[ProblemId]:
        """The open problems an inspection recorded for an item (the ones a changed
        verdict may withdraw)."""
        from inspector.store.problem_queries import open_problems_of_item

        return [ProblemId(p) for p in open_problems_of_item(self.db, inspection, item_id)]

    def add(
        self,
        township: TownshipId,
        text: str,
        deadline: str | dt.date | None,
        *,
        source: object | None = None,
        **fields: Any,
    ) -> Done[dict[str, Any]]:
        """A new problem (see `store.problems.add_problem` for `fields`)."""
        from inspector.store.problems import add_problem

        if isinstance(deadline, dt.date):
            deadline = deadline.isoformat()
        row = add_problem(self.rows, township, text, deadline, **fields)
        return self._session._done(row, _problem_changes([row]), source)

    def advance(
        self,
        problems: list[ProblemId],
        action: Any,
        *,
        note: str = "",
        source: object | None = None,
        **fields: Any,
    ) -> Done[list[dict[str, Any]]]:
        """One lifecycle step (start, report rectified, close, reopen…) for each problem."""
        from inspector.store.problems import apply_action_many

        rows = apply_action_many(self.rows, list(problems), action, note=note, **fields)
        return self._session._done(rows, _problem_changes(rows), source)

    def edit(
        self, problem: ProblemId, changes: dict[str, Any], source: object | None = None
    ) -> Done[dict[str, Any]]:
        from inspector.store.problems import edit_problem

        row = edit_problem(self.rows, problem, changes)
        return self._session._done(row, _problem_changes([row]), source)

    def delete(self, problem: ProblemId, source: object | None = None) -> Done[dict[str, Any]]:
        """A problem recorded by mistake, as a tombstone (see `store.problems.delete_problem`)."""
        from inspector.store.problems import delete_problem

        row = delete_problem(self.rows, problem)
        return self._session._done(row, _problem_changes([row]), source)

    def history(self, problem: ProblemId) -> list[Any]:
        """The problem's steps from the audit log (`core.problems.HistoryStep`), oldest first."""
        from inspector.store.problems import problem_history

        return problem_history(self.db, problem)


class Notices(_Part):
    def issued_here(self, notices: list[str]) -> list[str]:
        """Of these notices, the ones this device issued (their first version is its own)."""
        from inspector.store.notice_void import issued_here

        return issued_here(self.db, notices)

    def reissuable(self, notices: list[str]) -> list[dict[str, Any]]:
        """Of these notices, the live, unvoided ones this device issued (`notice_void`)."""
        from inspector.store.notice_void import reissuable

        return reissuable(self.db, notices)

    def of(
        self, campaign: CampaignId | None = None, township: TownshipId | None = None
    ) -> list[dict[str, Any]]:
        from inspector.store.notices import notices

        return notices(self.db, campaign, township)

    def next_number(self, year: int) -> tuple[str, int]:
        from inspector.store.notices import next_number

        return next_number(self.db, year)

    def listing(
        self, campaign: CampaignId | None = None, township: TownshipId | None = None
    ) -> list[dict[str, Any]]:
        """The notices tab's rows, newest first, each saying whether its PDF is archived."""
        from inspector.store.notice_queries import notice_rows

        return notice_rows(self.db, campaign, township)

    def noticeable_problems(
        self, township: TownshipId, campaign: CampaignId | None = None
    ) -> list[dict[str, Any]]:
        """The township's problems a new notice can gather (open, on no notice yet)."""
        from inspector.store.problem_queries import noticeable_problems

        return noticeable_problems(self.db, township, campaign)

    def townships_with_noticeable(self, campaign: CampaignId | None = None) -> list[dict[str, Any]]:
        """Townships with problems for a new notice, with how many, in county order."""
        from inspector.store.problem_queries import townships_with_noticeable

        return townships_with_noticeable(self.db, campaign)

    def townships_unnoticed(self, campaign: CampaignId) -> list[TownshipId]:
        """Ids of the townships a batch of notices would cover, in the order it numbers them."""
        from inspector.store.report_data import townships_with_unnoticed_problems

        return [TownshipId(t) for t in townships_with_unnoticed_problems(self.db, campaign)]

    def issue(
        self,
        township: TownshipId,
        problems: list[ProblemId],
        *,
        source: object | None = None,
        **fields: Any,
    ) -> Done[dict[str, Any]]:
        """A numbered notice for these problems (see `store.notices.issue_notice`)."""
        from inspector.store.notices import issue_notice

        row = issue_notice(self.rows, township, list(problems), **fields)
        return self._session._done(
            row,
            Changes.of(
                NOTICES,
                PROBLEMS,
                tables=("notices", "problems"),
                townships=[township],
                ids=[row["id"], *problems],
            ),
            source,
        )

    def find(self, ref: str) -> dict[str, Any]:
        """A live notice by id, id prefix or document number (`store.notice_void`)."""
        from inspector.store.notice_void import find_notice

        return find_notice(self.db, ref)

    def void(
        self,
        notice: str,
        reason: str,
        *,
        on: dt.date | None = None,
        source: object | None = None,
    ) -> Done[dict[str, Any]]:
        """Void (作废) a notice: kept and marked, its problems freed for a new notice."""
        from inspector.store.notice_void import void_notice

        freed = _notice_problem_ids(self.db, notice)
        row = void_notice(self.rows, notice, reason, on=on)
        return self._session._done(row, _notice_changes(row, freed), source)

    def reissue(
        self,
        notice: str,
        *,
        reason: str | None = None,
        on: dt.date | None = None,
        source: object | None = None,
    ) -> Done[tuple[dict[str, Any], dict[str, Any]]]:
        """A new notice with a new number for a notice's problems, recording which it
        replaces; the old one voided too if it was not."""
        from inspector.store.notice_void import reissue_notice

        old, new = reissue_notice(self.rows, notice, reason=reason, on=on)
        problems = json.loads(new["problem_ids"])
        return self._session._done(
            (old, new), _notice_changes(old, problems) | _notice_changes(new, []), source
        )

    def report_back(
        self,
        notice: str,
        on: dt.date,
        *,
        by: str | None = None,
        scan: str | Path | None = None,
        source: object | None = None,
    ) -> Done[dict[str, Any]]:
        """Record the township's 整改报告 received against the notice (and its scan)."""
        from inspector.store.notice_void import record_report_back

        row = record_report_back(self.rows, notice, on, by=by, scan=scan)
        changes = _notice_changes(row, [])
        if scan is not None:
            changes = changes | Changes.of(ATTACHMENTS, tables=("attachments",), ids=[row["id"]])
        return self._session._done(row, changes, source)

    def replaced_by(self, notice: str) -> dict[str, Any] | None:
        from inspector.store.notice_void import replaced_by

        return replaced_by(self.db, notice)


if TYPE_CHECKING:
    from inspector.store.ranking_table import RankingTable


class Ranking(_Part):
    def table(self, campaign: CampaignId) -> RankingTable:
        """The campaign's ranking as the ranking tab shows it (`store.ranking_table`)."""
        from inspector.store.ranking_table import ranking_table

        return ranking_table(self.db, campaign)


class Attachments(_Part):
    def of(self, owner_table: str, owner_id: str) -> list[dict[str, Any]]:
        from inspector.store.attachments import attachments_of

        return attachments_of(self.db, owner_table, owner_id)

    def blob_path(self, sha256: str) -> Path:
        from inspector.store.attachments import blob_path

        return blob_path(self.db, sha256)

    def add_files(
        self,
        owner_table: str,
        owner_id: str,
        paths: Iterable[str | Path],
        source: object | None = None,
        caption: str = "",
    ) -> Done[list[dict[str, Any]]]:
        """Files attached to a row (a problem's rectification photos), all or nothing."""
        from inspector.store.attachments import add_file

        with self.db.atomic():
            added = [add_file(self.rows, owner_table, owner_id, p, caption=caption) for p in paths]
        townships: list[str] = []
        if owner_table == "problems":
            townships = [
                r[0]
                for r in self.db.execute(
                    "SELECT township_id FROM problems WHERE id = ?", [owner_id]
                ).fetchall()
            ]
        return self._session._done(
            added,
            Changes.of(
                ATTACHMENTS,
                tables=("attachments",),
                townships=townships,
                ids=[owner_id, *(AttachmentId(a["id"]) for a in added)],
            ),
            source,
        )

    def set_caption(
        self, attachment: AttachmentId, caption: str, source: object | None = None
    ) -> Done[dict[str, Any]]:
        """The caption of a piece of evidence, saved on its synced row."""
        from inspector.store.attachments import set_caption

        row = set_caption(self.rows, attachment, caption)
        return self._session._done(row, _attachment_changes(self.db, row), source)

    def delete(
        self, attachment: AttachmentId, source: object | None = None
    ) -> Done[dict[str, Any]]:
        """A piece of evidence taken away (a tombstone; see `store.attachments`)."""
        from inspector.store.attachments import delete_attachment

        row = delete_attachment(self.rows, attachment)
        return self._session._done(row, _attachment_changes(self.db, row), source)


class Catalog(_Part):
    def campaigns(self) -> list[dict[str, Any]]:
        from inspector.store.catalog import campaigns

        return campaigns(self.db)

    def find_campaign(self, ref: str) -> dict[str, Any]:
        from inspector.store.catalog import find_campaign

        return find_campaign(self.db, ref)

    def townships(self, with_projects: bool = False) -> list[dict[str, Any]]:
        """Townships (and, when asked, project sites) in county order."""
        from inspector.store.catalog import townships

        return townships(self.db, with_projects=with_projects)

    def find_township(self, ref: str) -> dict[str, Any]:
        from inspector.store.catalog import find_township

        return find_township(self.db, ref)

    def forms(self) -> list[dict[str, Any]]:
        from inspector.store.catalog import forms

        return forms(self.db)

    def form_for_campaign(self, campaign: CampaignId) -> Form:
        from inspector.store.catalog import form_for_campaign

        return form_for_campaign(self.db, campaign)

    def campaign_target(self, campaign: CampaignId) -> str:
        """What the campaign's form inspects: "project" (project sites) or "township"."""
        from inspector.store.projects import campaign_target

        return campaign_target(self.db, campaign)

    def responsible_unit(self, township: TownshipId) -> str:
        from inspector.store.entry import responsible_unit

        return responsible_unit(self.db, township)

    def create_campaign(
        self,
        name: str,
        form_ref: str,
        year: int | None = None,
        interview_bottom: int = 3,
        source: object | None = None,
    ) -> Done[dict[str, Any]]:
        from inspector.store.catalog import create_campaign

        row = create_campaign(self.rows, name, form_ref, year, interview_bottom)
        return self._session._done(
            row, Changes.of(CAMPAIGNS, tables=("campaigns",), ids=[row["id"]]), source
        )

    def set_up_campaign(
        self,
        campaign: CampaignId,
        *,
        team: str | None = None,
        members: str | None = None,
        townships: Iterable[str] | None = None,
        every_township: bool = False,
        source: object | None = None,
    ) -> Done[dict[str, Any]]:
        """The campaign's team (督导组), its members and the townships it covers
        (`store.campaign_setup`); the tree's shape follows the townships covered."""
        from inspector.store.campaign_setup import set_up

        row = set_up(
            self.rows,
            campaign,
            team=team,
            members=members,
            townships=townships,
            every_township=every_township,
        )
        return self._session._done(
            row,
            Changes.of(CAMPAIGNS, TREE, tables=("campaigns", "inspections"), ids=[row["id"]]),
            source,
        )

    def import_townships_csv(
        self, path: str | Path, source: object | None = None
    ) -> Done[dict[str, int]]:
        from inspector.store.catalog import import_townships_csv

        counts = import_townships_csv(self.rows, path)
        changes = (
            Changes.of(TREE, tables=("counties", "townships"))
            if counts["counties"] or counts["townships"]
            else NOTHING
        )
        return self._session._done(counts, changes, source)

    def install_form(self, form: Form, source: object | None = None) -> Done[dict[str, Any]]:
        from inspector.store.catalog import install_form

        row = install_form(self.rows, form)
        return self._session._done(
            row, Changes.of(FORMS, tables=("forms",), ids=[row["id"]]), source
        )


class Projects(_Part):
    """Project sites (项目党建), which share the townships table (store/projects.py)."""

    def list(self) -> list[dict[str, Any]]:
        from inspector.store.projects import projects

        return projects(self.db)

    def import_csv(self, path: str | Path, source: object | None = None) -> Done[dict[str, int]]:
        from inspector.store.projects import import_projects_csv

        counts = import_projects_csv(self.rows, path)
        changes = Changes.of(TREE, tables=("townships",)) if counts["projects"] else NOTHING
        return self._session._done(counts, changes, source)


class Settings(_Part):
    def get(self, key: str, default: Any = None) -> Any:
        from inspector.store import settings

        return settings.get(self.db, key, default)

    def put(self, key: str, value: Any, source: object | None = None) -> Done[None]:
        from inspector.store import settings

        if not settings.put_if_changed(self.db, key, value):
            return Done(None, NOTHING)
        return self._session._done(None, _settings_changes(key), source)

    def who(self) -> str:
        from inspector.store import settings

        return settings.who(self.db)

    def own_role(self) -> str | None:
        """This device's role in the roster (hq, inspector), None before enrolment."""
        from inspector.store.devices import own_role

        return own_role(self.db)

    def device_name(self) -> str:
        from inspector.store import settings

        return settings.device_name(self.db)

    def all(self) -> dict[str, Any]:
        from inspector.store import settings

        return settings.all_settings(self.db)

    def clock_behind(self) -> Message | None:
        """The warning of a clock behind the newest stamp held, if it is (store.clock)."""
        from inspector.store.clock import behind_warning

        return behind_warning(self.db)


class DeviceIdentity(_Part):
    """This database's device id and the machine it was made on (`store.identity`)."""

    def of(self, *, record: bool = True) -> Identity:
        """The id, the name and whether the file is still where it was made; with `record`
        a database without a fingerprint yet records this machine's, once."""
        from inspector.store.identity import identity

        return identity(self.db, record=record)

    def confirm_same(self, source: object | None = None) -> Done[None]:
        """The user says it is the same laptop, renamed or moved: trust the file again."""
        from inspector.store.identity import COPY_SEEN_AFTER, FINGERPRINT, confirm_same

        confirm_same(self.db)
        return self._session._done(
            None,
            _settings_changes(FINGERPRINT, COPY_SEEN_AFTER),
            source,
        )

    def new(self, name: str | None = None, source: object | None = None) -> Done[NewIdentity]:
        """A fresh device id for a copied database; the rows stay as they are."""
        from inspector.store import identity

        made = identity.new_identity(self.db, name)
        keys = [identity.PREVIOUS_IDS, "device_id", identity.FINGERPRINT, identity.COPY_SEEN_AFTER]
        return self._session._done(
            made,
            _settings_changes(*keys, *(["device_name"] if name else [])),
            source,
        )


class Backups(_Part):
    """Copies of the database file (`store.backups`)."""

    def daily(self, today: dt.date | None = None, *, record_check: bool = True) -> Path | None:
        """Take the day's copy unless one was taken today (the file checked first); its path.

        `record_check=False`: a worker's copy, which writes nothing; the window records
        the day's check on its own connection (`found_sound_today`)."""
        from inspector.store.backups import daily

        return daily(self.db, today, record_check=record_check)

    def found_sound_today(self) -> None:
        """Record the whole-file check a worker's daily copy passed (no write if recorded;
        none either while another program writes: the window does not wait for it)."""
        from inspector.store.db import SOUND_ON, record_sound_today

        if record_sound_today(self.db, wait=False):
            self._session._done(None, _settings_changes(SOUND_ON), None)


class Conflicts(_Part):
    def count_unresolved(self) -> int:
        from inspector.store.conflicts import count_unresolved

        return count_unresolved(self.db)

    def list(self, unresolved_only: bool = True) -> list[Any]:
        from inspector.store.conflicts import list_conflicts

        return list_conflicts(self.db, unresolved_only)

    def version_label(self, version: str) -> str:
        """A clock stamp in words: the device that wrote it and when (local time)."""
        from inspector.store.conflicts import version_label

        return version_label(self.db, version)

    def row_context(self, table: str, row: dict[str, Any]) -> str:
        """Where a conflicting row belongs, in words (township, campaign, item)."""
        from inspector.store.conflicts import row_context

        return row_context(self.db, table, row)

    def referenced_name(self, column: str, value: Any) -> str | None:
        from inspector.store.conflicts import referenced_name

        return referenced_name(self.db, column, value)

    def resolve(
        self, conflict_id: int, keep: str, source: object | None = None
    ) -> Done[dict[str, Any]]:
        """Keep one side of a conflict; any view may show the row, so every view re-reads."""
        from inspector.store.conflicts import resolve

        row = resolve(self.rows, conflict_id, keep)
        return self._session._done(row, Changes.all(), source)


class FollowUps(_Part):
    """Follow-up rounds (回头看), their verdicts and deadline extensions (`store.follow_up`)."""

    def create(
        self,
        earlier: str,
        name: str,
        form_ref: str,
        *,
        reinspect: bool = False,
        year: int | None = None,
        interview_bottom: int = 3,
        source: object | None = None,
    ) -> Done[dict[str, Any]]:
        from inspector.store.follow_up import create_follow_up

        row = create_follow_up(
            self.rows,
            earlier,
            name,
            form_ref,
            reinspect=reinspect,
            year=year,
            interview_bottom=interview_bottom,
        )
        return self._session._done(
            row, Changes.of(CAMPAIGNS, tables=("campaigns",), ids=[row["id"]]), source
        )

    def has_checklist(self, campaign: CampaignId) -> bool:
        """False for a round that only verifies the earlier round's problems."""
        from inspector.store.follow_up import has_checklist

        return has_checklist(self.db, campaign)

    def work_list(
        self, campaign: CampaignId, township: TownshipId | None = None
    ) -> list[dict[str, Any]]:
        from inspector.store.follow_up import work_list

        return work_list(self.db, campaign, township)

    def summary(self, campaign: CampaignId) -> dict[str, tuple[int, int]]:
        from inspector.store.follow_up import work_list_summary

        return work_list_summary(self.db, campaign)

    def verdict(
        self,
        campaign: CampaignId,
        problem: ProblemId,
        verdict: str,
        reason: str = "",
        *,
        close: bool = False,
        today: dt.date | None = None,
        source: object | None = None,
    ) -> Done[dict[str, Any]]:
        """Record a verdict; the value is the problem as it now is."""
        from inspector.store.follow_up import record_verdict

        row, problem_row = record_verdict(
            self.rows, campaign, problem, verdict, reason, close=close, today=today
        )
        return self._session._done(
            problem_row, _follow_up_changes(problem_row, "follow_ups", row["id"]), source
        )

    def extend(
        self,
        problem: ProblemId,
        new_deadline: str | dt.date,
        reason: str,
        approved_by: str,
        *,
        today: dt.date | None = None,
        source: object | None = None,
    ) -> Done[dict[str, Any]]:
        """An extension (延期); the value is the problem as it now is."""
        from inspector.store.follow_up import extend_deadline

        if isinstance(new_deadline, dt.date):
            new_deadline = new_deadline.isoformat()
        row, problem_row = extend_deadline(
            self.rows, problem, new_deadline, reason, approved_by, today=today
        )
        return self._session._done(
            problem_row, _follow_up_changes(problem_row, "extensions", row["id"]), source
        )

    def latest_verdicts(
        self, campaign: CampaignId, problems: list[str] | None = None
    ) -> dict[str, dict[str, Any]]:
        """This round's last verdict on each problem it checked."""
        from inspector.store.follow_up import latest_verdicts

        return latest_verdicts(self.db, campaign, problems)

    def extensions(self, problem: ProblemId) -> list[dict[str, Any]]:
        from inspector.store.follow_up import extensions_of

        return extensions_of(self.db, problem)


class SelfAssessment(_Part):
    """The townships' self-assessments (自评): read beside the inspectors' answers, saved
    from checked sheets (`reports.self_sheet.read_sheets`)."""

    def of(self, campaign: CampaignId, township: TownshipId) -> dict[str, dict[str, Any]]:
        from inspector.store.self_answers import of_township

        return of_township(self.db, campaign, township)

    def comparison(self, campaign: CampaignId, township: TownshipId) -> Comparison | None:
        from inspector.store.self_answers import comparison

        return comparison(self.db, campaign, township)

    def save(self, sheets: Iterable[TownshipSheet], source: object | None = None) -> Done[int]:
        """Every sheet in one transaction (all or none); the value: answers changed."""
        from inspector.store.self_answers import save_sheets

        changed = save_sheets(self.rows, list(sheets))
        changes = (
            Changes.of(
                SELF_ANSWERS,
                tables=("self_answers",),
                townships=[r["township_id"] for r in changed],
                ids=[r["id"] for r in changed],
            )
            if changed
            else NOTHING
        )
        return self._session._done(len(changed), changes, source)


class Trends(_Part):
    """Trends across campaigns: derived, read-only (`store.trends`).

    The campaigns' rankings are remembered between reads and forgotten as this
    session's writes touch them (`_on_changes`); another connection's commit
    forgets them all (see `store.trends.Standings`).
    """

    def __init__(self, session: Session):
        super().__init__(session)
        from inspector.store.trends import Standings

        self.standings = Standings()
        session.subscribe(self._on_changes)

    def township(self, township: TownshipId) -> TownshipTrend:
        """The township's trend in every campaign that inspected it."""
        from inspector.store.trends import township_trend

        return township_trend(self.db, township, self.standings)

    def area(self, county: str | None = None) -> AreaTrend:
        """The county's (by id) or, with None, the whole database's trend."""
        from inspector.store.trends import area_trend

        return area_trend(self.db, county, self.standings)

    def counties(self) -> list[tuple[str, str]]:
        """(id, name) of every county, in the catalogue's order: the areas a trend covers."""
        from inspector.store.trends import counties

        return counties(self.db)

    def missing(self) -> int:
        """Campaigns whose ranking a trend would have to read first."""
        return self.standings.missing(self.db)

    def token(self) -> tuple[int, int]:
        """Taken before a worker reads the rankings; `seed` refuses them if stale."""
        return self.standings.token(self.db)

    def seed(self, found: dict[str, Any], token: tuple[int, int]) -> bool:
        """Rankings a worker read (`store.trends.all_standings`), kept unless stale."""
        return self.standings.seed(self.db, found, token)

    def _on_changes(self, changes: Changes) -> None:
        """A ranking reads scores, inspections, names and the campaign's settings; a write
        to a few inspections re-ranks their campaigns from the kept rankings."""
        if changes.everything or changes.touches(CAMPAIGNS, TREE, FORMS):
            self.standings.forget()
        elif changes.touches(SCORES, INSPECTIONS):
            if not changes.inspections:
                self.standings.forget()
                return
            self.standings.update(self.db, changes.inspections)


def _status(db: Database, inspection: InspectionId) -> str | None:
    found = db.execute("SELECT status FROM inspections WHERE id = ?", [inspection]).fetchone()
    return found[0] if found else None


def _settings_changes(*keys: str) -> Changes:
    """Local settings written (the views that show them re-read them)."""
    return Changes.of(SETTINGS, tables=("settings",), ids=keys)


def _inspection_changes(
    db: Database, inspection: InspectionId, *kinds: str, ids: Iterable[str] = ()
) -> Changes:
    """An edit inside an inspection: its answers and score, its township's figures (the
    caller adds `inspections` when the inspection's status changed with it)."""
    found = db.execute("SELECT township_id FROM inspections WHERE id = ?", [inspection]).fetchone()
    return _edit_changes(inspection, found[0] if found else None, *kinds, ids=ids)


def _edit_changes(
    inspection: InspectionId, township: str | None, *kinds: str, ids: Iterable[str] = ()
) -> Changes:
    """`_inspection_changes` when the writer already knows the inspection's township."""
    return Changes.of(
        *kinds,
        SCORES,
        tables=("answers", "scores"),
        townships=[township] if township else [],
        inspections=[inspection],
        ids=ids,
    )


def _notice_problem_ids(db: Database, notice: str) -> list[str]:
    return [
        r[0] for r in db.execute("SELECT id FROM problems WHERE notice_id = ?", [notice]).fetchall()
    ]


def _notice_changes(row: dict[str, Any], problems: list[str]) -> Changes:
    """A notice written; `problems` the problems whose notice it changed, if any."""
    return Changes.of(
        NOTICES,
        *((PROBLEMS,) if problems else ()),
        tables=("notices", *(("problems",) if problems else ())),
        townships=[row["township_id"]],
        ids=[row["id"], *problems],
    )


def _attachment_changes(db: Database, row: dict[str, Any]) -> Changes:
    """A change to one attachment row, named by the inspection and township it is evidence in."""
    owner = {
        "answers": "SELECT i.township_id, i.id FROM answers a "
        "JOIN inspections i ON i.id = a.inspection_id WHERE a.id = ?",
        "problems": "SELECT township_id, inspection_id FROM problems WHERE id = ?",
    }.get(row["owner_table"])
    found = db.execute(owner, [row["owner_id"]]).fetchone() if owner else None
    return Changes.of(
        ATTACHMENTS,
        tables=("attachments",),
        townships=[found[0]] if found else [],
        inspections=[found[1]] if found else [],
        ids=[row["owner_id"], row["id"]],
    )


def _follow_up_changes(problem: dict[str, Any], table: str, row_id: str) -> Changes:
    """A follow-up's write on one problem: the problem as it now is and the row recorded
    beside it (a verdict in `follow_ups`, an extension in `extensions`)."""
    return _problem_changes([problem]) | Changes.of(tables=(table,), ids=[row_id])


def _problem_changes(rows: list[dict[str, Any]]) -> Changes:
    return Changes.of(
        PROBLEMS,
        tables=("problems",),
        townships=[r.get("township_id") for r in rows],
        inspections=[r.get("inspection_id") for r in rows],
        ids=[r["id"] for r in rows],
    )


__all__ = [
    "ANSWERS",
    "ATTACHMENTS",
    "CAMPAIGNS",
    "FORMS",
    "INSPECTIONS",
    "KINDS",
    "NOTHING",
    "NOTICES",
    "PROBLEMS",
    "SCORES",
    "SELF_ANSWERS",
    "SETTINGS",
    "SYNC",
    "TREE",
    "Changes",
    "Done",
    "Session",
]
