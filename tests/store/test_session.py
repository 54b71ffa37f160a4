"""The session: one connection and writer, writes that say what they changed, Qt-free."""

from __future__ import annotations

import datetime as dt
import sys

import pytest

from inspector.core.ids import CampaignId, TownshipId, inspection_id
from inspector.core.scoring import Verdict
from inspector.store import session as S
from inspector.store.inspections import FINISHED, InspectionLocked
from inspector.store.session import Changes, Session


@pytest.fixture
def session(init_db):
    from inspector.store.catalog import create_campaign, townships
    from inspector.store.rows import Rows

    s = Session(init_db, who="测试员")
    campaign = create_campaign(
        Rows(init_db, who="测试员"), "2026年第一季度", "township-party-building"
    )
    s.campaign = CampaignId(campaign["id"])  # type: ignore[attr-defined]
    s.township = TownshipId(townships(init_db)[0]["id"])  # type: ignore[attr-defined]
    return s


def heard(session: Session) -> list[Changes]:
    got: list[Changes] = []
    session.subscribe(got.append)
    return got


def first_verdict_item(session: Session) -> str:
    form = session.catalog.form_for_campaign(session.campaign)
    return next(i.id for i in form.items if i.kind == "verdict")


def test_an_answer_says_it_changed_its_inspection_and_township_and_is_written(session):
    got = heard(session)
    insp = session.inspections.start(session.campaign, session.township).value
    item = first_verdict_item(session)
    done = session.answers.set(insp["id"], item, verdict=Verdict.FULL)
    assert (
        session.db.execute(
            "SELECT verdict FROM answers WHERE id = ?", [done.value["id"]]
        ).fetchone()[0]
        == "full"
    )
    assert done.changes.touches(S.ANSWERS, S.SCORES)
    assert not done.changes.touches(S.CAMPAIGNS, S.TREE, S.NOTICES)
    assert done.changes.inspections == {insp["id"]}
    assert done.changes.townships == {session.township}
    assert not done.changes.everything
    assert got[-1] == done.changes  # the subscribers heard the same changes
    assert session.inspections.score(insp["id"])["answered"] == 1


def test_an_answer_that_changes_nothing_announces_nothing(session):
    insp = session.inspections.start(session.campaign, session.township).value
    item = first_verdict_item(session)
    session.answers.set(insp["id"], item, verdict=Verdict.FULL)
    got = heard(session)
    again = session.answers.set(insp["id"], item, verdict=Verdict.FULL)
    assert not again.changes and got == []


def test_starting_an_inspection_twice_changes_nothing_the_second_time(session):
    first = session.inspections.start(session.campaign, session.township)
    assert first.changes.touches(S.INSPECTIONS) and first.changes.townships == {session.township}
    second = session.inspections.start(session.campaign, session.township)
    assert (
        second.value["id"] == first.value["id"] == inspection_id(session.campaign, session.township)
    )
    assert not second.changes


def test_a_refused_write_announces_nothing_and_leaves_the_answer(session):
    insp = session.inspections.start(session.campaign, session.township).value
    item = first_verdict_item(session)
    session.answers.set(insp["id"], item, verdict=Verdict.FULL)
    done = session.inspections.set_finished(insp["id"], True)
    assert done.value["status"] == FINISHED and done.changes.touches(S.INSPECTIONS)
    got = heard(session)
    with pytest.raises(InspectionLocked):
        session.answers.set(insp["id"], item, verdict=Verdict.FAIL)
    assert got == []
    assert session.answers.of(insp["id"])[item]["verdict"] == "full"


def test_problems_and_notices_say_which_township_they_concern(session):
    insp = session.inspections.start(session.campaign, session.township).value
    added = session.problems.add(
        session.township,
        "台账不全",
        dt.date(2026, 12, 31),
        campaign_id=session.campaign,
        inspection_id=insp["id"],
    )
    assert added.changes.touches(S.PROBLEMS) and not added.changes.touches(S.ANSWERS)
    assert added.changes.concerns_township(session.township)
    assert not added.changes.concerns_township("another")
    assert added.value["deadline"] == "2026-12-31"
    started = session.problems.advance([added.value["id"]], "start")
    assert started.value[0]["status"] == "rectifying"
    notice = session.notices.issue(
        session.township, [added.value["id"]], campaign_id=session.campaign
    )
    assert notice.changes.touches(S.NOTICES, S.PROBLEMS)
    assert [n["id"] for n in session.notices.of(session.campaign, session.township)] == [
        notice.value["id"]
    ]


def test_a_resolved_conflict_or_an_import_refreshes_everything(session):
    everything = Changes.all()
    assert everything.everything and everything.touches(S.ANSWERS)
    assert everything.concerns_township("any") and everything.concerns_inspection("any")
    got = heard(session)
    session.announce(everything)
    assert got == [everything]


def test_changes_combine_and_unknown_kinds_are_refused(session):
    a = Changes.of(S.ANSWERS, townships=["t1"])
    b = Changes.of(S.PROBLEMS, townships=["t2"], ids=["p1"])
    both = a | b
    assert both.kinds == {S.ANSWERS, S.PROBLEMS} and both.townships == {"t1", "t2"}
    assert both.ids == {"p1"}
    with pytest.raises(ValueError, match="unknown kinds"):
        Changes.of("everything-ish")


def test_a_view_can_tell_its_own_write_from_others(session):
    insp = session.inspections.start(session.campaign, session.township).value
    me = object()
    done = session.answers.set(insp["id"], first_verdict_item(session), note="看了台账", source=me)
    assert done.changes.source is me
    assert done.changes == done.changes.from_(None)  # the source is not part of what changed


def test_settings_and_campaigns_say_what_they_touched(session):
    put = session.settings.put("only_my_sections", True)
    assert put.changes.kinds == {S.SETTINGS} and put.changes.ids == {"only_my_sections"}
    assert session.settings.get("only_my_sections") is True
    created = session.catalog.create_campaign("2026年第二季度", "township-party-building")
    assert created.changes.touches(S.CAMPAIGNS)
    assert created.value["id"] in [c["id"] for c in session.catalog.campaigns()]


def test_a_new_device_identity_is_written_and_says_it_touched_the_settings(session):
    got = heard(session)
    old = session.identity.of().device_id
    made = session.identity.new()
    assert made.value.old_id == old and made.value.new_id != old
    assert session.settings.get("device_id") == made.value.new_id
    assert session.identity.of().device_id == made.value.new_id
    assert got == [made.changes]
    assert made.changes.kinds == {S.SETTINGS} and "device_id" in made.changes.ids


def test_photos_attach_to_an_item_and_say_so(session, tmp_path):
    from PIL import Image

    path = tmp_path / "现场.jpg"
    Image.new("RGB", (64, 48), "red").save(path)
    insp = session.inspections.start(session.campaign, session.township).value
    item = first_verdict_item(session)
    done = session.answers.attach_files(insp["id"], item, [path])
    assert done.changes.touches(S.ATTACHMENTS)
    assert [p["id"] for p in session.answers.photos(insp["id"])[item]] == [done.value[0]["id"]]


def test_photos_are_all_or_nothing(session, tmp_path):
    from PIL import Image

    good = tmp_path / "good.jpg"
    Image.new("RGB", (64, 48), "red").save(good)
    insp = session.inspections.start(session.campaign, session.township).value
    got = heard(session)
    with pytest.raises(OSError):
        session.answers.attach_files(
            insp["id"], first_verdict_item(session), [good, tmp_path / "missing.jpg"]
        )
    assert got == [] and session.answers.photos(insp["id"]) == {}


def test_the_overview_of_one_township_matches_its_line_in_the_whole(session):
    insp = session.inspections.start(session.campaign, session.township).value
    session.answers.set(insp["id"], first_verdict_item(session), verdict=Verdict.FAIL)
    session.problems.add(
        session.township,
        "台账不全",
        "2000-01-01",
        campaign_id=session.campaign,
        found_on="2000-01-01",
    )
    whole = {r["township_id"]: r for r in session.inspections.overview(session.campaign)}
    [one] = session.inspections.overview(session.campaign, [session.township])
    assert one == whole[session.township]
    assert one["open_problems"] == 1 and one["overdue_problems"] == 1
    assert session.inspections.overview(session.campaign, []) == []


def test_a_second_session_on_the_same_file_sees_the_first_ones_writes(tmp_path):
    from inspector.demo import ensure_initialised

    path = tmp_path / "two.db"
    with Session.open(path) as first:
        ensure_initialised(first.rows)
        created = first.catalog.create_campaign("2026年第一季度", "township-party-building").value
        assert first.path == str(path)
        with Session.open(path, create=False) as second:
            assert [c["id"] for c in second.catalog.campaigns()] == [created["id"]]


def test_the_session_module_is_qt_free():
    import subprocess

    code = (
        "import sys, inspector.store.session; "
        "sys.exit(any(m.startswith('PySide6') for m in sys.modules))"
    )
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_writes_in_one_transaction_are_told_once_after_the_commit_and_not_after_a_rollback(session):
    insp = session.inspections.start(session.campaign, session.township).value
    item = first_verdict_item(session)
    got = heard(session)
    with session.atomic():
        session.answers.set(insp["id"], item, verdict=Verdict.FULL)
        session.problems.add(session.township, "台账不全", None, campaign_id=session.campaign)
        assert got == []  # nothing is told while the transaction may still roll back
    assert len(got) == 1 and got[0].touches(S.ANSWERS, S.PROBLEMS)
    got.clear()
    with pytest.raises(RuntimeError), session.atomic():
        session.answers.set(insp["id"], item, verdict=Verdict.FAIL)
        raise RuntimeError("boom")
    assert got == []
    assert session.answers.of(insp["id"])[item]["verdict"] == "full"
