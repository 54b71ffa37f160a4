"""The checklist's rules without a window: opening, writing, offering problems, the split."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from inspector.core.scoring import Verdict
from inspector.progress import Progress
from inspector.store import settings
from inspector.store.catalog import create_campaign, find_township
from inspector.store.inspections import FINISHED, InspectionLocked, start_inspection
from inspector.store.rows import Rows
from inspector.store.session import ATTACHMENTS, Session
from inspector.ui.checklist_controller import ChecklistController, attach_photos


@pytest.fixture
def opened(init_db):
    rows = Rows(init_db, who="测试员")
    campaign = create_campaign(rows, "2026年第一季度专项督查", "township-party-building")
    township = find_township(init_db, "昌国街道")
    start_inspection(rows, campaign["id"], township["id"])
    controller = ChecklistController(Session(init_db))
    assert controller.open(campaign["id"], township["id"]) is not None
    return controller


def test_a_township_not_started_does_not_open(init_db):
    rows = Rows(init_db, who="测试员")
    campaign = create_campaign(rows, "2026年第一季度专项督查", "township-party-building")
    controller = ChecklistController(Session(init_db))
    assert controller.open(campaign["id"], find_township(init_db, "昌国街道")["id"]) is None
    assert controller.inspection is None


def test_writing_an_answer_scores_it_and_says_what_changed(opened):
    changes = opened.write("P01", verdict=Verdict.FULL)
    assert changes.concerns_inspection(opened.inspection_id)
    assert opened.score()["answered"] == 1
    assert opened.answers()["P01"]["verdict"] == "full"
    assert opened.first_open(opened.form.items[i].id for i in range(3)) != "P01"


def test_a_failed_item_is_offered_as_a_problem_once(opened):
    assert opened.offer_for_verdict("P01", Verdict.FULL) is None
    offer = opened.offer_for_verdict("P01", Verdict.FAIL)
    assert offer is not None and offer.item.id == "P01"
    assert offer.unit.endswith("党工委")  # 昌国街道 answers to a 党工委
    assert offer.deadline == dt.date.today() + dt.timedelta(days=30)
    opened.add_problem("P01", offer.text, offer.deadline, offer.unit)
    assert opened.offer_for_verdict("P01", Verdict.FAIL) is None  # it has one now
    [problem] = opened.session.problems.for_township(opened.township_id)
    assert problem["item_id"] == "P01" and problem["deadline"] == offer.deadline.isoformat()


def test_the_deadline_of_an_offer_follows_the_setting(opened):
    settings.put(opened.session.db, "default_deadline_days", 10)
    offer = opened.offer_for_verdict("P03", Verdict.FAIL)
    assert offer is not None and offer.deadline == dt.date.today() + dt.timedelta(days=10)


def test_a_count_short_of_its_target_is_offered(opened):
    number = next(i for i in opened.form.items if i.kind == "number")
    assert opened.offer_for_number(number.id, None) is None
    met, missed = (
        ((number.target or 0), (number.target or 0) + 1)
        if number.rule == "at_most"
        else ((number.target or 0), 0)
    )
    assert opened.offer_for_number(number.id, met) is None
    assert opened.offer_for_number(number.id, missed) is not None


def test_finishing_makes_writes_refused_until_reopened(opened):
    opened.set_finished(True)
    assert opened.finished and opened.inspection["status"] == FINISHED
    with pytest.raises(InspectionLocked):
        opened.write("P01", verdict=Verdict.FULL)
    opened.set_finished(False)
    opened.write("P01", verdict=Verdict.FULL)


def test_the_team_split_is_kept_per_campaign(opened):
    assert opened.my_sections() is None
    opened.set_my_sections(["s1"], every=3)
    assert opened.my_sections() == {"s1"}
    opened.set_my_sections(["s1", "s2", "s3"], every=3)
    assert opened.my_sections() is None  # all of them: nothing to hide
    opened.set_only_mine(True)
    assert opened.only_mine


def test_photos_are_attached_on_a_session_of_their_own(opened, tmp_path):
    from PIL import Image

    photo = tmp_path / "现场.jpg"
    Image.new("RGB", (64, 48), "red").save(photo)
    seen = []
    changes = attach_photos(
        Progress(lambda done, total, _m: seen.append((done, total))),
        opened.session.path,
        opened.inspection["id"],
        "P05",
        [str(photo)],
    )
    assert changes.touches(ATTACHMENTS) and seen[-1] == (1, 1)
    assert [p["filename"] for p in opened.photos()["P05"]] == ["现场.jpg"]


def test_the_controller_imports_no_qt():
    code = (
        "import sys, inspector.ui.checklist_controller; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
