"""Delta bundles: only what the receiver has not acknowledged travels, and nothing is lost."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from inspector.core.ids import inspection_id
from inspector.core.problems import Action
from inspector.store import versions
from inspector.store.catalog import create_campaign, form_for_campaign, townships
from inspector.store.clock import Clock, wall_ms
from inspector.store.conflicts import list_conflicts
from inspector.store.dump import check, dump_json
from inspector.store.inspections import set_answer, start_inspection
from inspector.store.problems import add_problem, apply_action, edit_problem
from inspector.sync.errors import BundleError
from tests.sync.helpers import Device, Federation, read_bundle, write_bundle
from tests.sync.test_bundle_convergence import (  # noqa: F401
    _overruled_versions,
    _run,
    _winning_versions,
    assert_nothing_lost,
    base,
    ops,
)


def _delta(src: Device, dst: Device, **kwargs) -> Path:
    return src.export(since_last=True, **kwargs)


def _first_inspection(device: Device) -> tuple[str, str, str]:
    camp, town = device.db.execute(
        "SELECT campaign_id, township_id FROM inspections ORDER BY township_id"
    ).fetchone()
    return camp, town, inspection_id(camp, town)


@pytest.fixture
def synced(laptops, hq):
    """HQ with the sample campaign and a laptop that holds all of it, each acknowledged."""
    laptop = laptops("笔记本1")
    laptop.take(hq.export())
    hq.take(laptop.export(since_last=True))
    laptop.take(hq.export(since_last=True))
    return hq, laptop


def test_a_delta_after_one_townships_inspection_carries_only_its_rows(synced):
    hq, laptop = synced
    camp = create_campaign(hq.rows, "2017年第四季度基层党建专项督查", "township-party-building")
    laptop.take(hq.export(since_last=True))  # the new campaign reaches the laptop
    hq.take(laptop.export(since_last=True))  # and the laptop's bundle acknowledges it
    town = townships(laptop.db)[5]["id"]
    iid = start_inspection(laptop.rows, camp["id"], town, inspected_on="2017-12-01")["id"]
    items = [i.id for i in form_for_campaign(laptop.db, camp["id"]).items if i.kind == "verdict"]
    for item in items[:5]:
        set_answer(laptop.rows, iid, item, verdict="fail")
    add_problem(
        laptop.rows,
        town,
        "党员活动室未挂牌",
        "2027-01-31",
        campaign_id=camp["id"],
        inspection_id=iid,
    )
    bundle = laptop.export(since_last=True, to=_device(hq))
    manifest, tables, _ = read_bundle(bundle)
    carried = {t: rows for t, rows in tables.items() if rows}
    assert set(carried) == {"inspections", "answers", "problems"}
    assert [(r["id"], r["township_id"]) for r in carried["inspections"]] == [(iid, town)]
    assert len(carried["answers"]) == 5
    assert {r["inspection_id"] for r in carried["answers"]} == {iid}
    assert [(r["text"], r["township_id"]) for r in carried["problems"]] == [
        ("党员活动室未挂牌", town)
    ]
    assert manifest["delta_since"] is not None
    assert manifest["have"][laptop.rows.device] > manifest["delta_since"][laptop.rows.device]
    full = laptop.export()
    assert bundle.stat().st_size * 10 < full.stat().st_size

    result = hq.take(bundle)
    assert (result.totals.new, result.totals.updated) == (7, 0)
    assert dump_json(hq.db) == dump_json(laptop.db)
    again = hq.take(bundle)
    assert not again.changed  # re-importing a delta changes nothing
    assert dump_json(hq.db) == dump_json(laptop.db)


def test_a_lost_delta_is_carried_again_by_the_next(synced):
    hq, laptop = synced
    camp, town, _ = _first_inspection(laptop)
    first = add_problem(laptop.rows, town, "第一次的问题", "2027-01-31", campaign_id=camp)
    lost = laptop.export(since_last=True)
    lost.unlink()  # the USB stick never reached headquarters
    add_problem(laptop.rows, town, "第二次的问题", "2027-01-31", campaign_id=camp)
    second = laptop.export(since_last=True)
    _, tables, _ = read_bundle(second)
    assert {r["text"] for r in tables["problems"]} == {"第一次的问题", "第二次的问题"}
    hq.take(second)
    assert hq.rows.get("problems", first["id"])["text"] == "第一次的问题"

    # Once headquarters' own bundle acknowledges them, they no longer travel.
    laptop.take(hq.export(since_last=True))
    _, tables, _ = read_bundle(laptop.export(since_last=True))
    assert sum(len(rows) for rows in tables.values()) == 0


def test_tombstones_travel_in_deltas(synced):
    hq, laptop = synced
    pid = laptop.db.execute("SELECT id FROM problems WHERE deleted = 0 LIMIT 1").fetchone()[0]
    laptop.rows.delete("problems", pid)
    _, tables, _ = read_bundle(laptop.export(since_last=True))
    assert [(r["id"], r["deleted"]) for r in tables["problems"]] == [(pid, 1)]
    hq.take(laptop.export(since_last=True))
    assert hq.rows.get("problems", pid)["deleted"] == 1


def test_a_delta_missing_parents_asks_for_a_full_bundle(synced, laptops):
    hq, laptop = synced
    camp, town, iid = _first_inspection(laptop)
    add_problem(laptop.rows, town, "档案不全", "2027-01-31", campaign_id=camp, inspection_id=iid)
    stranger = laptops("新笔记本")
    stranger.take(laptop.export(campaign_ref=camp))  # the kit only: no inspections
    delta = laptop.export(since_last=True, to=_device(hq))
    before = dump_json(stranger.db)
    with pytest.raises(BundleError) as caught:
        stranger.take(delta)
    message = str(caught.value)
    assert "tables/problems.jsonl line 1: inspection_id" in message
    assert "export a full bundle" in message and "笔记本1" in message
    assert dump_json(stranger.db) == before


def test_a_delta_for_an_unknown_device_is_refused(synced):
    _, laptop = synced
    with pytest.raises(BundleError, match="no bundle from device 0123 was ever imported"):
        laptop.export(since_last=True, to="0123")
    assert not list(laptop.folder.glob("*.partial"))


def test_a_delta_with_no_peer_known_carries_everything(laptops, hq):
    manifest, tables, _ = read_bundle(hq.export(since_last=True))
    _, full, _ = read_bundle(hq.export())
    assert manifest["delta_since"] == {}
    assert {t: len(r) for t, r in tables.items()} == {t: len(r) for t, r in full.items()}


def test_acks_are_what_the_sender_declared(synced):
    hq, laptop = synced
    laptop_have = versions.have_vector(laptop.db)
    hq.take(laptop.export(since_last=True))
    assert versions.peer_ack(hq.db, laptop.rows.device) == laptop_have
    assert versions.peer_ack(hq.db, "someone-else") is None


def test_a_restored_receiver_gets_what_it_lost(synced, federation, tmp_path):
    """After a restore the receiver's next bundle lowers its ack, so the sender re-sends."""
    hq, laptop = synced
    camp, town, _ = _first_inspection(laptop)
    laptop.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    saved = tmp_path / "hq-before.db"
    hq.db.execute(f"VACUUM INTO '{saved}'")
    add_problem(laptop.rows, town, "恢复前送到的问题", "2027-01-31", campaign_id=camp)
    hq.take(laptop.export(since_last=True))
    laptop.take(hq.export(since_last=True))  # laptop now believes HQ holds the problem
    hq.close()
    # the same installation from its backup: its device id, enrolled again by headquarters
    restored = Device(
        hq.folder, "总部-恢复", copy_of=saved, federation=federation, keep_identity=True
    )
    laptop.take(restored.export(since_last=True))
    restored.take(laptop.export(since_last=True, to=_device_of(hq)))
    assert (
        restored.db.execute(
            "SELECT COUNT(*) FROM problems WHERE text = '恢复前送到的问题'"
        ).fetchone()[0]
        == 1
    )
    restored.close()


def _device(device: Device) -> str:
    return device.rows.device


def _device_of(device: Device) -> str:
    return device.rows.device


CLOSED_THEN_EDITED = [("step", 0, 0, 0), ("step", 0, 0, 0), ("step", 0, 0, 0), ("edit", 1, 0, "丁")]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=ops, final_order=st.permutations([0, 1, 2, 3]))
@example(script=CLOSED_THEN_EDITED, final_order=[0, 1, 2, 3])
def test_laptops_and_hq_exchanging_deltas_converge(base, script, final_order):  # noqa: F811
    """Deltas in both directions over rounds end where full bundles end: every device equal."""
    folder = Path(tempfile.mkdtemp(prefix="delta-"))
    fed = Federation(folder / "总部授权")
    devices = [
        Device(folder / n, n, copy_of=base, federation=fed)
        for n in ("笔记本1", "笔记本2", "笔记本3", "总部")
    ]
    try:
        camp = (
            devices[0].db.execute("SELECT id FROM campaigns ORDER BY starts_on DESC").fetchone()[0]
        )
        towns = [
            r[0]
            for r in devices[0].db.execute(
                "SELECT township_id FROM inspections ORDER BY township_id"
            )
        ]
        items = [
            i.id
            for i in form_for_campaign(devices[0].db, camp).items
            if i.kind == "verdict" and not i.veto
        ]
        for op in script:
            if op[0] == "sync":  # a laptop and headquarters, one way, then sometimes back
                laptop, hq = devices[op[1]], devices[3]
                src, dst = (laptop, hq) if op[2] != 1 else (hq, laptop)
                known = versions.peer_ack(src.db, _device(dst)) is not None
                dst.take(
                    src.export(since_last=True, to=_device(dst))
                    if op[2] == 2 and known
                    else src.export(since_last=True)
                )
            else:
                _run(devices[op[1]], op, camp, towns, items)
        winners, overruled = _winning_versions(devices), _overruled_versions(devices)
        for _ in range(2):  # laptops to headquarters, headquarters back, in the drawn order
            for i in final_order:
                if i != 3:
                    devices[3].take(devices[i].export(since_last=True))
            for i in final_order:
                if i != 3:
                    devices[i].take(devices[3].export(since_last=True))
        dumps = [dump_json(d.db) for d in devices]
        assert dumps[0] == dumps[1] == dumps[2] == dumps[3]
        assert_nothing_lost(devices, winners, overruled)
        for d in devices:
            assert check(d.db) == []
            again = d.take(devices[3].export())  # a full bundle finds nothing the deltas missed
            assert not again.changed
            again = d.take(devices[3].export(since_last=True))
            assert not again.changed
    finally:
        for d in devices:
            d.close()
        fed.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_a_problem_closed_on_one_laptop_and_edited_later_on_another_ends_closed(base, laptops):  # noqa: F811
    """The replayed case: 笔记本1 takes a problem to 销号 while 笔记本2, not yet synced, edits
    its text a moment later. Deltas through headquarters end with the closed version on all
    four, although 笔记本2's edit is newer by the clock; the edit is kept in the conflicts of
    the two devices that held both versions."""
    one, two, three, hq = (
        laptops(n, copy_of=base) for n in ("笔记本1", "笔记本2", "笔记本3", "总部")
    )
    pid = one.db.execute("SELECT id FROM problems WHERE deleted = 0 ORDER BY id").fetchone()[0]
    for action in (Action.START, Action.RECTIFY, Action.CLOSE):
        apply_action(one.rows, pid, action, note="复查")
    closed = one.rows.get("problems", pid)
    time.sleep(0.002)  # a later millisecond: the edit is the newer version by its clock
    edit_problem(two.rows, pid, {"text": "丁"})
    edited = two.rows.get("problems", pid)
    assert (closed["status"], edited["status"]) == ("closed", "open")
    assert edited["updated_at"] > closed["updated_at"]

    laptops_ = (one, two, three)
    for _ in range(2):
        for laptop in laptops_:
            hq.take(laptop.export(since_last=True))
        for laptop in laptops_:
            laptop.take(hq.export(since_last=True))

    assert len({dump_json(d.db) for d in (one, two, three, hq)}) == 1
    for device in (one, two, three, hq):
        row = device.rows.get("problems", pid)
        assert (row["status"], row["text"], row["updated_at"]) == (
            "closed",
            closed["text"],
            closed["updated_at"],
        ), device.name
        kept = [(c.loser["text"], c.loser["updated_at"]) for c in list_conflicts(device.db)]
        held_both = device in (two, hq)
        assert kept == ([("丁", edited["updated_at"])] if held_both else []), device.name
        assert not device.take(hq.export()).changed  # the deltas missed nothing


@pytest.mark.parametrize("first", [0, 1])
def test_two_edits_in_one_millisecond_end_the_same_everywhere(base, laptops, first):  # noqa: F811
    """Equal milliseconds and counters: the device id at the end of the stamp decides, the same
    way whichever bundle headquarters imports first, and the other edit is kept."""
    one, two, hq = (laptops(n, copy_of=base) for n in ("笔记本1", "笔记本2", "总部"))
    pid = one.db.execute("SELECT id FROM problems WHERE deleted = 0 ORDER BY id").fetchone()[0]
    same_ms = wall_ms() + 1000
    for laptop, text in ((one, "甲"), (two, "乙")):
        laptop.rows.clock = Clock(laptop.db, now_ms=lambda: same_ms)
        edit_problem(laptop.rows, pid, {"text": text})
    stamps = {d.rows.get("problems", pid)["updated_at"]: d for d in (one, two)}
    assert {s[:18] for s in stamps} == {f"{same_ms:013d}-0000"}  # the same ms and counter
    winner = stamps[max(stamps)]
    expected = winner.rows.get("problems", pid)["text"]

    order = (one, two) if first == 0 else (two, one)
    for _ in range(2):
        for laptop in order:
            hq.take(laptop.export(since_last=True))
        for laptop in order:
            laptop.take(hq.export(since_last=True))

    assert len({dump_json(d.db) for d in (one, two, hq)}) == 1
    for device in (one, two, hq):
        assert device.rows.get("problems", pid)["text"] == expected, device.name
    kept = {c.loser["text"] for c in list_conflicts(hq.db) if c.row_id == pid}
    assert kept == {"乙" if expected == "甲" else "甲"}


def test_edits_of_a_row_by_two_devices_travel_by_the_last_editor(synced, laptops):
    hq, laptop = synced
    pid = laptop.db.execute("SELECT id FROM problems WHERE deleted = 0 LIMIT 1").fetchone()[0]
    edit_problem(hq.rows, pid, {"text": "总部改过"})
    laptop.take(hq.export(since_last=True))
    assert laptop.rows.get("problems", pid)["text"] == "总部改过"
    edit_problem(laptop.rows, pid, {"text": "笔记本又改"})
    _, tables, _ = read_bundle(laptop.export(since_last=True))
    assert [r["text"] for r in tables["problems"]] == ["笔记本又改"]


@pytest.mark.parametrize(
    "have",
    [
        ["not", "a", "vector"],
        {"a/b": "1796161896132-0000-a/b"},
        {"abc": "1796161896132-0000-xyz"},
        {"abc": 7},
    ],
)
def test_a_malformed_vector_is_refused_before_anything_is_written(synced, tmp_path, have):
    hq, laptop = synced
    manifest, tables, blobs = read_bundle(hq.export(since_last=True))
    manifest["have"] = have
    bad = write_bundle(tmp_path / "bad.inspbundle", manifest, tables, blobs)
    before = dump_json(laptop.db), versions.peer_ack(laptop.db, hq.rows.device)
    with pytest.raises(BundleError, match=r"manifest\.json: 'have'"):
        laptop.take(bad)
    assert (dump_json(laptop.db), versions.peer_ack(laptop.db, hq.rows.device)) == before


def test_a_campaign_kit_promises_nothing_so_the_next_delta_brings_the_rest(laptops, hq):
    """A kit holds HQ's newest campaign but not its older problems: no vector may rise."""
    laptop = laptops("笔记本1")
    camp = hq.db.execute("SELECT id FROM campaigns ORDER BY starts_on DESC").fetchone()[0]
    laptop.take(hq.export(campaign_ref=camp))
    assert versions.have_vector(laptop.db).keys() <= {laptop.rows.device}
    hq.take(laptop.export(since_last=True))
    laptop.take(hq.export(since_last=True))
    assert dump_json(laptop.db) == dump_json(hq.db)


def test_a_dry_run_acknowledges_nothing(laptops, hq):
    laptop = laptops("笔记本1")
    laptop.take(hq.export(), dry_run=True)
    assert versions.peer_ack(laptop.db, hq.rows.device) is None
    assert versions.have_vector(laptop.db).keys() <= {laptop.rows.device}


def test_a_delta_carries_the_bytes_of_its_attachment_rows_only(synced):
    from inspector.store.attachments import add_attachment, read_bytes

    hq, laptop = synced
    old, new = laptop.db.execute("SELECT id FROM problems WHERE deleted = 0 LIMIT 2").fetchall()
    add_attachment(hq.rows, "problems", old[0], b"%PDF-1.4 old scan", filename="旧.pdf")
    laptop.take(hq.export(since_last=True))
    hq.take(laptop.export(since_last=True))
    photo = add_attachment(laptop.rows, "problems", new[0], b"%PDF-1.4 new scan", filename="新.pdf")
    _, tables, blobs = read_bundle(laptop.export(since_last=True))
    assert [r["id"] for r in tables["attachments"]] == [photo["id"]]
    assert blobs == {photo["sha256"]: b"%PDF-1.4 new scan"}
    hq.take(laptop.export(since_last=True))
    assert read_bytes(hq.db, photo["sha256"]) == b"%PDF-1.4 new scan"
