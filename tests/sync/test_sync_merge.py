"""Merging between laptops: round trips, natural keys, split inspections, conflicts, re-imports."""

from __future__ import annotations

import io
import json
import zipfile

from inspector.core.ids import inspection_id
from inspector.core.scoring import Verdict, score_inspection
from inspector.demo import ensure_initialised
from inspector.store.catalog import campaigns, create_campaign, form_for_campaign, townships
from inspector.store.clock import parse_hlc
from inspector.store.conflicts import list_conflicts, resolve
from inspector.store.dump import check, dump_json
from inspector.store.inspections import answers_of, set_answer, start_inspection
from inspector.store.notices import issue_notice
from inspector.store.problems import add_problem, edit_problem
from inspector.sync.canonical import canonical
from inspector.sync.export import export_bundle
from tests.sync.helpers import inner_bytes


def test_round_trip_gives_an_identical_dump(hq, laptops):
    field = laptops("笔记本1")
    summary = field.take(hq.export())
    assert dump_json(field.db) == dump_json(hq.db)
    assert summary.totals.new == sum(len(v) for v in json.loads(dump_json(hq.db)).values())
    assert summary.totals.conflicts == 0
    assert check(field.db) == []  # scores recomputed for every imported inspection


def test_export_writes_the_contract_layout(hq):
    bundle = hq.export()
    with zipfile.ZipFile(bundle) as outer:
        assert set(outer.namelist()) == {"manifest.json", "content.age"}
        routing = json.loads(outer.read("manifest.json"))
        assert outer.read("content.age").startswith(b"age-encryption.org/v1\n")
    assert routing == {
        "format": "inspector-bundle",
        "format_version": 2,
        "sender": hq.device_id,
        "content": "content.age",
    }
    with zipfile.ZipFile(io.BytesIO(inner_bytes(bundle))) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read("manifest.json"))
        first = zf.read("tables/problems.jsonl").decode().splitlines()[0]
    assert manifest["format"] == "inspector-bundle"
    assert manifest["format_version"] == 2
    for key in ("bundle_id", "device_id", "device_name", "created_at", "app_version"):
        assert isinstance(manifest[key], str) and manifest[key]
    assert manifest["device_name"] == "总部"
    entry = manifest["tables"]["problems"]
    assert entry["file"] == "tables/problems.jsonl"
    assert entry["rows"] == hq.db["problems"].count
    assert len(entry["sha256"]) == 64
    [own] = manifest["statements"]
    assert own["author"] == hq.device_id and own["file"] is None
    assert own["versions"] == sum(e["rows"] for e in manifest["tables"].values())
    assert names == (
        {"manifest.json", "signature.json", "roster.json"}
        | {f"tables/{t}.jsonl" for t in manifest["tables"]}
    )
    assert set(json.loads(first)) == {r[1] for r in hq.db.execute("PRAGMA table_info(problems)")}
    assert first.encode() == canonical(json.loads(first))  # lines are canonical


def test_export_carries_attachments_and_tombstones(hq, laptops):
    from inspector.store.attachments import add_attachment, read_bytes

    problem = hq.db.execute("SELECT id FROM problems LIMIT 1").fetchone()[0]
    photo = add_attachment(
        hq.rows, "problems", problem, "现场照片".encode() * 100, filename="现场.jpg"
    )
    gone = add_problem(hq.rows, townships(hq.db)[0]["id"], "已撤销的问题", None)
    hq.rows.delete("problems", gone["id"])
    field = laptops("笔记本1")
    summary = field.take(hq.export())
    assert summary.attachments_new == 1
    assert read_bytes(field.db, photo["sha256"]) == "现场照片".encode() * 100
    assert field.rows.get("problems", gone["id"])["deleted"] == 1
    assert dump_json(field.db) == dump_json(hq.db)


def test_campaign_kit_holds_what_a_team_needs_and_nothing_else(hq, laptops):
    camp = campaigns(hq.db)[0]
    team = laptops("笔记本1", role="inspector")  # enrolled first: the kit is sealed to it
    kit = hq.export(campaign_ref=camp["id"])
    with zipfile.ZipFile(io.BytesIO(inner_bytes(kit))) as zf:
        tables = json.loads(zf.read("manifest.json"))["tables"]
    # and the townships' self-assessments (自评) collected so far, none in the sample
    assert set(tables) == {
        "counties",
        "townships",
        "forms",
        "campaigns",
        "inspectors",
        "self_answers",
    }
    assert tables["campaigns"]["rows"] == 1 and tables["self_answers"]["rows"] == 0
    team.take(kit)
    assert [c["id"] for c in campaigns(team.db)] == [camp["id"]]
    assert len(townships(team.db)) == 36
    assert team.db["inspections"].count == 0 and team.db["problems"].count == 0
    assert form_for_campaign(team.db, camp["id"]).id == form_for_campaign(hq.db, camp["id"]).id


def test_two_laptops_that_each_ran_init_merge_without_duplicates_or_conflicts(laptops):
    a, b = laptops("笔记本1"), laptops("笔记本2")
    ensure_initialised(a.rows)
    ensure_initialised(b.rows)
    summary = b.take(a.export())
    assert summary.totals.new == 0
    assert summary.totals.conflicts == 0
    assert b.db["townships"].count == 40 and b.db["forms"].count == 2
    a.take(b.export())
    assert dump_json(a.db) == dump_json(b.db)
    assert list_conflicts(a.db) == [] and list_conflicts(b.db) == []


def test_one_township_inspected_on_two_laptops_merges_into_one_inspection(laptops):
    a, b = laptops("笔记本1"), laptops("笔记本2")
    ensure_initialised(a.rows)
    ensure_initialised(b.rows)
    camp = create_campaign(a.rows, "2017年第三季度基层党建专项督查", "township-party-building")
    b.take(a.export(campaign_ref=camp["id"]))
    town = townships(a.db)[5]["id"]
    form = form_for_campaign(a.db, camp["id"])
    first, second = form.sections[0], form.sections[1]
    for device, section, verdict in ((a, first, Verdict.FULL), (b, second, Verdict.PARTIAL)):
        insp = start_inspection(device.rows, camp["id"], town, inspected_on="2017-09-12")
        for item in section.items:
            if item.kind == "verdict":
                set_answer(device.rows, insp["id"], item.id, verdict=verdict)
            elif item.kind == "number":
                set_answer(device.rows, insp["id"], item.id, number=1)
    b.take(a.export())
    a.take(b.export())
    iid = inspection_id(camp["id"], town)
    for device in (a, b):
        assert device.db.execute("SELECT COUNT(*) FROM inspections").fetchone()[0] == 1
        answers = answers_of(device.db, iid)
        assert set(answers) == {i.id for i in first.items + second.items if i.kind != "text"}
        want = score_inspection(form, answers)
        cached = device.db.execute(
            "SELECT score, stars FROM scores WHERE inspection_id = ?", [iid]
        ).fetchone()
        assert cached == (want.score, want.stars)
    assert dump_json(a.db) == dump_json(b.db)
    assert list_conflicts(a.db) == []


def _shared(hq, laptops):
    a, b = laptops("笔记本1"), laptops("笔记本2")
    bundle = hq.export()
    a.take(bundle)
    b.take(bundle)
    problem = a.db.execute(
        "SELECT id FROM problems WHERE deleted = 0 ORDER BY id LIMIT 1"
    ).fetchone()[0]
    return a, b, problem


def test_concurrent_edit_keeps_both_versions_and_the_newer_wins(hq, laptops):
    a, b, problem = _shared(hq, laptops)
    edit_problem(a.rows, problem, {"text": "笔记本1的描述", "measure": "立行立改"})
    edit_problem(b.rows, problem, {"text": "笔记本2的描述"})
    version_a = a.rows.get("problems", problem)
    version_b = b.rows.get("problems", problem)
    from_a, from_b = a.export(), b.export()
    summary_b = b.take(from_a)
    summary_a = a.take(from_b)
    assert summary_a.totals.conflicts == summary_b.totals.conflicts == 1
    winner, loser = sorted([version_a, version_b], key=lambda r: r["updated_at"], reverse=True)
    for device in (a, b):
        assert device.rows.get("problems", problem) == winner
        [conflict] = list_conflicts(device.db)
        assert (conflict.table_name, conflict.row_id) == ("problems", problem)
        assert conflict.winner == winner and conflict.loser == loser
        assert "text" in conflict.differences
    assert dump_json(a.db) == dump_json(b.db)


def test_an_edit_made_from_the_received_version_is_no_conflict(hq, laptops):
    a, b, problem = _shared(hq, laptops)
    edit_problem(a.rows, problem, {"text": "第一次修改"})
    b.take(a.export())
    edit_problem(b.rows, problem, {"text": "在笔记本2上继续修改"})
    edit_problem(b.rows, problem, {"measure": "再改一次"})  # two local edits, one base
    summary = a.take(b.export())
    assert summary.totals.conflicts == 0
    assert a.rows.get("problems", problem)["text"] == "在笔记本2上继续修改"
    assert list_conflicts(a.db) == []


def test_a_deletion_travels_and_an_edit_against_it_is_a_conflict(hq, laptops):
    a, b, problem = _shared(hq, laptops)
    a.rows.delete("problems", problem)
    b.take(a.export())
    assert b.rows.get("problems", problem)["deleted"] == 1
    other = b.db.execute(
        "SELECT id FROM problems WHERE deleted = 0 ORDER BY id DESC LIMIT 1"
    ).fetchone()[0]
    edit_problem(a.rows, other, {"text": "在笔记本1修改"})
    b.rows.delete("problems", other)
    summary = a.take(b.export())
    assert summary.totals.conflicts == 1
    [conflict] = list_conflicts(a.db)
    assert {conflict.winner["deleted"], conflict.loser["deleted"]} == {0, 1}


def test_resolving_a_conflict_supersedes_both_versions_everywhere(hq, laptops):
    a, b, problem = _shared(hq, laptops)
    edit_problem(a.rows, problem, {"text": "甲"})
    edit_problem(b.rows, problem, {"text": "乙"})
    from_a = a.export()
    a.take(b.export())
    b.take(from_a)
    [conflict] = list_conflicts(a.db)
    current = a.rows.get("problems", problem)
    row = resolve(a.rows, conflict.id, "loser")
    assert row["text"] == conflict.loser["text"]
    assert row["updated_at"] > current["updated_at"]
    assert row["base_version"] == current["updated_at"]
    assert list_conflicts(a.db) == []
    summary = b.take(a.export())
    assert summary.totals.conflicts == 0  # a fast-forward from the version b holds
    assert b.rows.get("problems", problem)["text"] == conflict.loser["text"]
    assert dump_json(a.db) == dump_json(b.db)


def test_reimporting_a_bundle_changes_nothing(hq, laptops):
    field = laptops("笔记本1")
    bundle = hq.export()
    field.take(bundle)
    before = dump_json(field.db)
    again = field.take(bundle)
    assert not again.changed
    assert again.totals.new == again.totals.updated == again.totals.conflicts == 0
    assert again.totals.unchanged == sum(len(v) for v in json.loads(before).values())
    assert dump_json(field.db) == before


def test_reimporting_after_a_conflict_does_not_record_it_twice(hq, laptops):
    a, b, problem = _shared(hq, laptops)
    edit_problem(a.rows, problem, {"text": "甲"})
    edit_problem(b.rows, problem, {"text": "乙"})
    bundle = b.export()
    a.take(bundle)
    again = a.take(bundle)
    assert again.totals.conflicts == 0
    assert len(list_conflicts(a.db)) == 1


def test_import_moves_the_clock_past_everything_seen(hq, laptops):
    field = laptops("笔记本1")
    field.take(hq.export())
    newest = field.db.execute("SELECT MAX(updated_at) FROM answers").fetchone()[0]
    problem = field.db.execute("SELECT id FROM problems LIMIT 1").fetchone()[0]
    edited = edit_problem(field.rows, problem, {"text": "导入后修改"})
    assert parse_hlc(edited["updated_at"])[:2] > parse_hlc(newest)[:2]


def test_notices_with_the_same_number_are_reported(laptops):
    a, b = laptops("笔记本1"), laptops("笔记本2")
    ensure_initialised(a.rows)
    ensure_initialised(b.rows)
    towns = townships(a.db)
    for device, town in ((a, towns[0]["id"]), (b, towns[1]["id"])):
        p = add_problem(device.rows, town, "主题党日流于形式", "2017-12-31", found_on="2017-10-20")
        issue_notice(device.rows, town, [p["id"]])
    plan = b.take(a.export(), dry_run=True)
    summary = b.take(a.export())
    for s in (plan, summary):
        assert [d["n"] for d in s.duplicates] == [2]
        assert s.duplicates[0]["doc_number"].endswith("1号")


def test_last_export_is_remembered(hq, tmp_path):
    from inspector.sync.importer import last_export

    export_bundle(hq.db, tmp_path / "交换")
    info = last_export(hq.db)
    assert info["file"] == "交换.inspbundle"
    assert (tmp_path / "交换.inspbundle").exists()
