"""Roles on problems and notices beyond the status (issue 9): deleting, and 销号 being final.

An inspector laptop may delete only an open problem it recorded itself and
nobody else has touched; it may not delete a notice. A problem headquarters
closed stays closed on every device whatever an inspector's version says:
the inspector's version is kept in the conflicts, as the loser.
"""

from __future__ import annotations

import time

import pytest

from inspector.core.problems import Action
from inspector.store.conflicts import list_conflicts
from inspector.store.dump import dump_json
from inspector.store.problems import add_problem, apply_action, edit_problem
from inspector.sync.errors import BundleError
from tests.sync.helpers import file_digest, read_bundle, write_bundle


@pytest.fixture
def team(hq, laptops):
    one = laptops("一组", role="inspector")
    two = laptops("二组", role="inspector")
    everything = hq.export()
    one.take(everything)
    two.take(everything)
    return hq, one, two


def _refused(target, bundle, *words: str) -> None:
    before = file_digest(target.path, target.db)
    with pytest.raises(BundleError) as info:
        target.take(bundle)
    for word in words:
        assert word in str(info.value), str(info.value)
    assert file_digest(target.path, target.db) == before


def _tombstone_forged_by(device, table, row_id, tmp_path, **changes):
    """A tombstone the device signs with its own real key, as a thief of that key would."""
    row = {**device.rows.get(table, row_id), "deleted": 1, **changes}
    row["base_version"] = changes.get("base_version", row["updated_at"])
    row["updated_at"] = device.rows.clock.tick()
    manifest, _tables, _blobs = read_bundle(device.export())
    manifest["tables"] = {table: {}}
    return write_bundle(tmp_path / f"{table}-gone.inspbundle", manifest, {table: [row]}, {})


def test_an_inspector_deletes_an_open_problem_it_recorded_by_mistake(team):
    hq, one, _two = team
    town = one.db.execute("SELECT id FROM townships LIMIT 1").fetchone()[0]
    mistake = add_problem(one.rows, town, "录错的问题", "2027-01-31")
    hq.take(one.export())
    one.rows.delete("problems", mistake["id"])
    summary = hq.take(one.export())
    assert summary.applied and summary.totals.conflicts == 0
    assert hq.rows.get("problems", mistake["id"])["deleted"] == 1


def test_an_inspector_may_not_delete_a_problem_someone_else_recorded(team, tmp_path):
    hq, one, _two = team
    pid = one.db.execute(
        "SELECT id FROM problems WHERE status = 'open' AND deleted = 0 LIMIT 1"
    ).fetchone()[0]
    one.rows.delete("problems", pid)  # locally possible; the export leaves it out
    from inspector.sync.export import export_bundle

    summary = export_bundle(one.db, one.folder / "mine.inspbundle")
    assert summary.left_out == {"problems": 1}
    assert hq.rows.get("problems", pid)["deleted"] == 0
    forged = _tombstone_forged_by(one, "problems", pid, tmp_path)
    _refused(hq, forged, "role inspector", f"problems row {pid}", "may not delete")
    # claiming to have recorded it (no base version) does not help once it moved on
    rectifying = hq.db.execute(
        "SELECT id FROM problems WHERE status = 'rectifying' AND deleted = 0 LIMIT 1"
    ).fetchone()[0]
    forged = _tombstone_forged_by(one, "problems", rectifying, tmp_path, base_version=None)
    _refused(hq, forged, "role inspector", rectifying, "may not delete")


def test_an_inspector_may_not_delete_an_issued_notice(team, tmp_path):
    hq, one, _two = team
    nid = one.db.execute("SELECT id FROM notices WHERE deleted = 0 LIMIT 1").fetchone()[0]
    forged = _tombstone_forged_by(one, "notices", nid, tmp_path, base_version=None)
    _refused(hq, forged, "role inspector", f"notices row {nid}", "may not delete")
    hq.rows.delete("notices", nid)  # headquarters may
    assert one.take(hq.export()).applied
    assert one.rows.get("notices", nid)["deleted"] == 1


def _rectified(device):
    return device.db.execute(
        "SELECT id FROM problems WHERE status = 'rectified' AND deleted = 0 ORDER BY id LIMIT 1"
    ).fetchone()[0]


def test_a_closed_problem_stays_closed_on_every_device(team):
    """HQ closes while a laptop edits the same problem later: all three end closed and equal."""
    hq, one, two = team
    pid = _rectified(hq)
    apply_action(hq.rows, pid, Action.CLOSE)
    time.sleep(0.01)  # the laptop's edit is the newer version by its clock
    edit_problem(one.rows, pid, {"text": "一组在总部销号后的修改"})
    apply_action(one.rows, pid, Action.REJECT, note="一组复查未通过")
    laptop_version = one.rows.get("problems", pid)
    assert laptop_version["updated_at"] > hq.rows.get("problems", pid)["updated_at"]

    from_one = one.export()
    hq.take(from_one)  # at headquarters: the closed version stands
    assert hq.rows.get("problems", pid)["status"] == "closed"
    two.take(from_one)  # the other laptop has the laptop's version first, then the closed one
    one.take(hq.export())  # on the laptop: headquarters' closed version replaces its own
    two.take(hq.export())
    hq.take(two.export())
    one.take(two.export())
    two.take(one.export())
    dumps = {d.name: dump_json(d.db) for d in (hq, one, two)}
    assert dumps["总部"] == dumps["一组"] == dumps["二组"]
    for device in (hq, one, two):
        assert device.rows.get("problems", pid)["status"] == "closed"
        lost = [c for c in list_conflicts(device.db) if c.row_id == pid]
        assert len(lost) == 1, device.name
        assert lost[0].loser["updated_at"] == laptop_version["updated_at"]
        assert lost[0].loser["rectify_note"] == laptop_version["rectify_note"]
        assert lost[0].winner["status"] == "closed"


def test_a_closed_version_wins_even_over_an_edit_made_after_seeing_it(team, tmp_path):
    """A stolen inspector key re-signing an 'edit of the closed version' cannot reopen it."""
    hq, one, _two = team
    pid = _rectified(hq)
    apply_action(hq.rows, pid, Action.CLOSE)
    one.take(hq.export())
    closed = one.rows.get("problems", pid)
    reopened = {
        **closed,
        "status": "rectifying",
        "closed_on": None,
        "closed_by": "",
        "base_version": closed["updated_at"],
        "updated_at": one.rows.clock.tick(),
    }
    manifest, _t, _b = read_bundle(one.export())
    manifest["tables"] = {"problems": {}}
    bundle = write_bundle(tmp_path / "reopen.inspbundle", manifest, {"problems": [reopened]}, {})
    summary = hq.take(bundle)
    assert hq.rows.get("problems", pid)["status"] == "closed"
    assert summary.totals.conflicts == 1
    lost = [c for c in list_conflicts(hq.db) if c.row_id == pid]
    assert [c.loser["status"] for c in lost] == ["rectifying"]
    again = hq.take(bundle)
    assert not again.changed and len(list_conflicts(hq.db)) == len(lost)


def test_resolving_a_closed_problems_conflict_keeps_it_closed(team):
    """Keeping the laptop's version would reopen it on one device only: refused; keeping
    the closed one writes nothing new, so the devices stay equal."""
    from inspector.store.conflicts import ConflictError, resolve

    hq, one, _two = team
    pid = _rectified(hq)
    apply_action(hq.rows, pid, Action.CLOSE)
    time.sleep(0.01)
    edit_problem(one.rows, pid, {"text": "一组的修改"})
    one.take(hq.export())
    conflict = next(c for c in list_conflicts(one.db) if c.row_id == pid)
    with pytest.raises(ConflictError, match="closed"):
        resolve(one.rows, conflict.id, "loser")
    closed = one.rows.get("problems", pid)
    assert resolve(one.rows, conflict.id, "winner") == closed
    assert list_conflicts(one.db) == []
    hq.take(one.export())
    assert dump_json(hq.db) == dump_json(one.db)
