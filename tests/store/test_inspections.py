"""Answers are saved at once and the cached score follows them in the same transaction."""

from __future__ import annotations

import json

import pytest

from inspector.core.ids import answer_id, inspection_id
from inspector.core.scoring import Verdict, score_inspection
from inspector.store.catalog import create_campaign, find_township, form_for_campaign
from inspector.store.inspections import (
    FINISHED,
    InspectionLocked,
    answers_of,
    campaign_overview,
    set_answer,
    set_status,
    start_inspection,
)
from inspector.store.rows import Rows


@pytest.fixture
def started(init_db):
    rows = Rows(init_db, who="王建国")
    campaign = create_campaign(rows, "测试批次", "township-party-building", year=2017)
    town = find_township(init_db, "六横镇")
    insp = start_inspection(rows, campaign["id"], town["id"], "2017-09-20", team="第一督导组")
    return rows, campaign, town, insp


def cached(db, iid):
    return next(iter(db.query("SELECT * FROM scores WHERE inspection_id = ?", [iid])))


def test_inspection_and_answer_ids_come_from_their_natural_keys(started):
    rows, campaign, town, insp = started
    assert insp["id"] == inspection_id(campaign["id"], town["id"])
    answer = set_answer(rows, insp["id"], "P01", verdict=Verdict.FULL)
    assert answer["id"] == answer_id(insp["id"], "P01")
    again = start_inspection(rows, campaign["id"], town["id"])
    assert again["id"] == insp["id"] and rows.db["inspections"].count == 1


def test_each_answer_updates_the_cached_score(started):
    rows, campaign, _, insp = started
    form = form_for_campaign(rows.db, campaign["id"])
    set_answer(rows, insp["id"], "P01", verdict="full")
    set_answer(rows, insp["id"], "S01", verdict="fail")
    weak = next(i for i in form.items if i.kind == "number" and i.veto)
    set_answer(rows, insp["id"], weak.id, number=2)
    row = cached(rows.db, insp["id"])
    expected = score_inspection(form, answers_of(rows.db, insp["id"]))
    assert row["score"] == expected.score and row["stars"] == expected.stars == 1
    assert json.loads(row["veto_failed"]) == [weak.id]
    assert row["answered"] == 3
    sections = {s["id"]: s for s in json.loads(row["sections"])}
    assert sections[form.section_of("P01").id]["answered"] >= 1


def test_wrong_kinds_and_unknown_items_are_refused(started):
    rows, _, _, insp = started
    with pytest.raises(ValueError, match="takes a verdict"):
        set_answer(rows, insp["id"], "P01", number=3)
    with pytest.raises(KeyError):
        set_answer(rows, insp["id"], "ZZ99", verdict="full")
    with pytest.raises(ValueError):
        set_answer(rows, insp["id"], "P01", verdict="maybe")


def test_a_finished_inspection_is_read_only_until_reopened(started):
    rows, _, _, insp = started
    set_answer(rows, insp["id"], "P01", verdict="full")
    assert set_status(rows, insp["id"], True)["status"] == FINISHED
    with pytest.raises(InspectionLocked):
        set_answer(rows, insp["id"], "P01", verdict="fail")
    set_status(rows, insp["id"], False)
    set_answer(rows, insp["id"], "P01", verdict="fail")
    actions = [
        r["new"]
        for r in rows.db.query(
            "SELECT new FROM audit_log WHERE table_name = 'inspections' AND action = 'update'"
        )
    ]
    assert any('"finished"' in a for a in actions) and any('"in_progress"' in a for a in actions)


def test_a_failing_write_leaves_answers_and_score_as_they_were(started, monkeypatch):
    rows, _, _, insp = started
    set_answer(rows, insp["id"], "P01", verdict="full")
    before = cached(rows.db, insp["id"])
    import inspector.store.inspections as mod

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(mod, "refresh_scores", boom)
    with pytest.raises(RuntimeError):
        set_answer(rows, insp["id"], "P01", verdict="fail")
    assert answers_of(rows.db, insp["id"])["P01"].verdict == Verdict.FULL
    assert cached(rows.db, insp["id"]) == before


def test_overview_lists_every_township_with_progress(started):
    rows, campaign, town, insp = started
    set_answer(rows, insp["id"], "P01", verdict="full")
    overview = campaign_overview(rows.db, campaign["id"])
    assert len(overview) == 36
    mine = next(r for r in overview if r["township_id"] == town["id"])
    assert mine["status"] == "in_progress" and mine["answered"] == 1 and mine["score"] == 100
    others = [r for r in overview if r["township_id"] != town["id"]]
    assert all(r["inspection_id"] is None for r in others)


def test_a_form_at_the_largest_accepted_numbers_saves_answers_and_scores(init_db):
    """The limits forms check enforces are ones the scores table can hold."""
    from inspector.core.forms import MAX_POINTS, MAX_TARGET, parse_form
    from inspector.paths import default_form_path
    from inspector.store.catalog import install_form

    text = default_form_path().read_text(encoding="utf-8")
    text = text.replace('version = "2017.1"', 'version = "big"')
    for points in ("points = 2\n", "points = 3\n", "points = 4\n", "points = 5\n"):
        text = text.replace(points, f"points = {MAX_POINTS}\n")
    text = text.replace("target = 0\n", f"target = {MAX_TARGET}\n")
    form = parse_form(text)
    rows = Rows(init_db, who="王建国")
    install_form(rows, form)
    campaign = create_campaign(rows, "极值批次", f"{form.id}@big", year=2017)
    insp = start_inspection(rows, campaign["id"], find_township(init_db, "六横镇")["id"])
    for item in form.items:
        if item.kind == "number":
            set_answer(rows, insp["id"], item.id, number=10**9)
        elif item.kind == "verdict":
            set_answer(
                rows, insp["id"], item.id, verdict=Verdict.FAIL if item.veto else Verdict.PARTIAL
            )
    score = cached(init_db, insp["id"])["score"]
    assert 0 <= score <= 100


def test_a_veto_item_takes_no_partial_verdict(started):
    rows, _campaign, _town, insp = started
    with pytest.raises(ValueError, match="veto item"):
        set_answer(rows, insp["id"], "V01", verdict=Verdict.PARTIAL)
    assert rows.db.execute("SELECT COUNT(*) FROM answers WHERE item_id = 'V01'").fetchone()[0] == 0
    set_answer(rows, insp["id"], "V01", verdict=Verdict.FAIL)  # met or not: both taken
