"""Follow-up verdicts and extensions travel, two concurrent extensions both survive, and
a bundle of the previous version (no follow-up columns) still imports."""

from __future__ import annotations

import datetime as dt

from inspector.store.dump import dump_json
from inspector.store.follow_up import (
    create_follow_up,
    extend_deadline,
    extensions_of,
    record_verdict,
    work_list,
)
from inspector.store.problems import problem_history
from tests.sync.helpers import read_bundle, write_bundle

TODAY = dt.date(2026, 11, 20)


def _open_problem(device):
    return device.db.execute(
        "SELECT id FROM problems WHERE deleted = 0 AND status = 'open' AND id NOT IN "
        "(SELECT problem_id FROM extensions) ORDER BY id LIMIT 1"
    ).fetchone()[0]


def test_two_laptops_extensions_of_one_problem_both_survive(hq, laptops):
    a, b = laptops("笔记本1", role="inspector"), laptops("笔记本2", role="inspector")
    bundle = hq.export()
    a.take(bundle)
    b.take(bundle)
    problem = _open_problem(a)
    extend_deadline(a.rows, problem, "2027-01-31", "汛期", "王部长", today=TODAY)
    extend_deadline(b.rows, problem, "2027-02-28", "春节", "张书记", today=TODAY)
    from_a, from_b = a.export(), b.export()
    for device in (hq, a, b):
        device.take(from_a)
        device.take(from_b)
    for device in (hq, a, b):
        reasons = sorted(e["reason"] for e in extensions_of(device.db, problem))
        assert reasons == ["春节", "汛期"]
        kinds = [s.kind for s in problem_history(device.db, problem)]
        assert kinds.count("extended") == 2
    assert dump_json(a.db) == dump_json(b.db) == dump_json(hq.db)


def test_a_laptops_verdicts_reach_headquarters(hq, laptops):
    earlier = hq.db.execute(
        "SELECT id FROM campaigns WHERE follow_up_of IS NULL ORDER BY starts_on DESC LIMIT 1"
    ).fetchone()[0]
    follow = create_follow_up(hq.rows, earlier, "回头看", "township-party-building")
    field = laptops("笔记本1", role="inspector")
    field.take(hq.export())
    problem = next(
        p["id"] for p in work_list(field.db, follow["id"], None, TODAY) if p["status"] == "open"
    )
    record_verdict(field.rows, follow["id"], problem, "rejected", "台账缺失", today=TODAY)
    summary = hq.take(field.export())
    assert summary.totals.conflicts == 0
    [row] = list(hq.db.query("SELECT * FROM follow_ups WHERE campaign_id = ?", [follow["id"]]))
    assert (row["problem_id"], row["verdict"], row["reason"]) == (problem, "rejected", "台账缺失")
    assert hq.rows.get("problems", problem)["status"] == "rectifying"
    steps = [s for s in problem_history(hq.db, problem) if s.kind == "verdict"]
    assert [(s.status, s.note) for s in steps] == [("rejected", "台账缺失")]


def test_a_bundle_without_the_follow_up_columns_takes_their_defaults(hq, laptops, tmp_path):
    field = laptops("笔记本1")  # enrolled first: the bundle is sealed to it
    manifest, tables, blobs = read_bundle(hq.export())
    for row in tables["campaigns"]:
        for column in ("follow_up_of", "checklist", "due_soon_days"):
            row.pop(column, None)  # a line at the default leaves it out already
    for table in ("extensions", "follow_ups"):
        tables.pop(table, None)
        manifest["tables"].pop(table, None)
    old = write_bundle(tmp_path / "旧版.inspbundle", manifest, tables, blobs, signer=hq)
    field.take(old)
    held = field.db.execute("SELECT follow_up_of, checklist, due_soon_days FROM campaigns")
    assert set(held.fetchall()) == {(None, 1, 7)}
    assert field.db["campaigns"].count == len(tables["campaigns"])


def test_a_follow_up_kit_carries_the_work_list(hq, laptops):
    earlier = hq.db.execute(
        "SELECT id FROM campaigns WHERE follow_up_of IS NULL ORDER BY starts_on DESC LIMIT 1"
    ).fetchone()[0]
    follow = create_follow_up(hq.rows, earlier, "回头看", "township-party-building")
    team = laptops("笔记本1", role="inspector")  # enrolled first: the kit is sealed to it
    summary = team.take(hq.export(campaign_ref=follow["id"]))
    assert summary.totals.conflicts == 0
    listed = {p["id"] for p in work_list(hq.db, follow["id"], None, TODAY)}
    assert {p["id"] for p in work_list(team.db, follow["id"], None, TODAY)} == listed
    held = {r[0] for r in team.db.execute("SELECT id FROM problems")}
    assert held == listed  # the closed ones and the other rounds' stay at headquarters
    assert team.db["answers"].count == 0
    problem = _open_problem(team)
    extend_deadline(team.rows, problem, "2027-06-30", "换届", "王部长", today=TODAY)
    record_verdict(team.rows, follow["id"], problem, "rejected", "台账缺失", today=TODAY)
    assert hq.take(team.export()).totals.conflicts == 0
    assert hq.rows.get("problems", problem)["deadline"] == "2027-06-30"
    verdict = hq.db.execute("SELECT verdict FROM follow_ups WHERE problem_id = ?", [problem])
    assert verdict.fetchone() == ("rejected",)
