"""Forged, borrowed, out-of-role, replayed and tampered bundles (issue 9; revocation:
test_trust_revocation).

Each forgery starts from a real bundle and is re-signed by an enrolled
device that is NOT the author of what it changed (or not re-signed at
all): the import refuses it by name, and the database keeps its bytes.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from inspector.core.problems import Action
from inspector.store.conflicts import list_conflicts
from inspector.store.devices import RoleError
from inspector.store.dump import dump_json
from inspector.store.problems import apply_action, edit_problem
from inspector.sync.errors import BundleError
from tests.sync.helpers import file_digest, inner_bytes, read_bundle, write_bundle


@pytest.fixture
def team(hq, laptops):
    """Headquarters with the sample, and two inspector laptops holding its data."""
    one = laptops("一组", role="inspector")
    two = laptops("二组", role="inspector")
    everything = hq.export()
    one.take(everything)
    two.take(everything)
    return hq, one, two


def refused(target, bundle, *words: str) -> str:
    before = file_digest(target.path, target.db)
    with pytest.raises(BundleError) as info:
        target.take(bundle)
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert file_digest(target.path, target.db) == before
    return message


def _only(manifest, tables, *names):
    """The bundle cut down to some tables, as a forger would send only what it changed."""
    manifest["tables"] = {t: manifest["tables"].get(t, {}) for t in names}
    return {t: tables[t] for t in names}


def _problem_of(device, township_name="嵊山镇"):
    return device.db.execute(
        "SELECT p.id FROM problems p JOIN townships t ON t.id = p.township_id "
        "WHERE t.name = ? AND p.deleted = 0 ORDER BY p.id LIMIT 1",
        [township_name],
    ).fetchone()[0]


def test_a_changed_row_without_its_authors_signature(team, tmp_path):
    hq, one, _two = team
    manifest, tables, blobs = read_bundle(hq.export())
    tables["problems"][0]["status"] = "closed"
    forged = write_bundle(tmp_path / "forged.inspbundle", manifest, tables, blobs, resign=False)
    refused(one, forged, "do not match its signature", "changed after signing")


def test_a_changed_row_re_signed_by_another_enrolled_device(team, tmp_path):
    """A laptop's key cannot vouch for headquarters' rows: the author's signature is missing."""
    hq, one, two = team
    manifest, tables, blobs = read_bundle(hq.export())
    row = next(r for r in tables["problems"] if r["status"] == "open")
    row["status"] = "closed"
    tables = _only(manifest, tables, "problems")
    forged = write_bundle(tmp_path / "forged.inspbundle", manifest, tables, blobs, signer=two)
    refused(one, forged, "problems row", row["id"], hq.device_id, "no signature of that device")


def test_a_borrowed_author_stamp(team, tmp_path):
    """Versions stamped with headquarters' device id but signed by a laptop are refused."""
    hq, _one, two = team
    pid = _problem_of(two)
    edit_problem(two.rows, pid, {"text": "已整改完毕"})
    manifest, tables, blobs = read_bundle(two.export())
    row = next(r for r in tables["problems"] if r["id"] == pid)
    row["updated_at"] = row["updated_at"][:19] + hq.device_id
    row["status"] = "closed"
    forged = write_bundle(tmp_path / "borrowed.inspbundle", manifest, tables, blobs)
    refused(hq, forged, pid, f"written by device {hq.device_id}", "no signature")


def test_versions_outside_the_authors_role_are_refused_by_name(team, tmp_path):
    hq, _one, two = team
    pid = _problem_of(two)
    edit_problem(two.rows, pid, {"text": "改一改"})
    manifest, tables, blobs = read_bundle(two.export())
    row = next(r for r in tables["problems"] if r["id"] == pid)
    row["status"] = "closed"  # 销号 is headquarters' alone
    forged = write_bundle(tmp_path / "closing.inspbundle", manifest, tables, blobs)
    refused(
        hq,
        forged,
        "device 二组",
        two.device_id,
        "role inspector",
        f"problems row {pid}",
        "only headquarters closes",
    )
    manifest, tables, blobs = read_bundle(two.export())
    town = tables["townships"][0] if "townships" in tables else None
    assert town is None or town["updated_at"].endswith(hq.device_id)
    stamp = two.rows.clock.tick()
    tables["townships"] = [
        {**read_bundle(hq.export())[1]["townships"][0], "name": "改名镇", "updated_at": stamp}
    ]
    manifest["tables"]["townships"] = {}
    forged = write_bundle(tmp_path / "rename.inspbundle", manifest, tables, blobs)
    refused(hq, forged, "role inspector", "townships row", "only headquarters writes townships")


def test_an_inspector_laptop_cannot_close_a_problem_and_leaves_out_what_it_may_not_send(team):
    hq, one, _two = team
    rectified = one.db.execute(
        "SELECT id FROM problems WHERE status = 'rectified' AND deleted = 0 LIMIT 1"
    ).fetchone()[0]
    with pytest.raises(RoleError, match="only headquarters closes"):
        apply_action(one.rows, rectified, Action.CLOSE)
    closed = one.db.execute("SELECT id FROM problems WHERE status = 'closed' LIMIT 1").fetchone()[0]
    with pytest.raises(RoleError):
        edit_problem(one.rows, closed, {"text": "改写已销号的问题"})
    from inspector.demo import ensure_initialised
    from inspector.sync.export import export_bundle

    one.db.execute(
        "UPDATE townships SET updated_at = ? WHERE rowid = 1", [one.rows.clock.tick()]
    )  # a township version the laptop wrote itself
    ensure_initialised(one.rows)
    summary = export_bundle(one.db, one.folder / "mine.inspbundle")
    assert summary.left_out == {"townships": 1}
    assert not hq.take(summary.path).changed


def test_a_replayed_old_bundle_changes_nothing(team):
    """A version already seen and since superseded is neither merged nor a new conflict."""
    hq, one, two = team
    pid = _problem_of(one)
    edit_problem(one.rows, pid, {"text": "一组的修改"})
    old = one.export()
    hq.take(old)
    two.take(hq.export())
    edit_problem(two.rows, pid, {"text": "二组在一组之后的修改"})
    hq.take(two.export())
    edit_problem(hq.rows, pid, {"text": "总部最后的修改"})
    before = dump_json(hq.db)
    conflicts = len(list_conflicts(hq.db, unresolved_only=False))
    again = hq.take(old)
    assert not again.changed
    assert dump_json(hq.db) == before
    assert len(list_conflicts(hq.db, unresolved_only=False)) == conflicts


def test_a_tampered_roster_is_refused(team, tmp_path):
    hq, _one, two = team
    manifest, tables, blobs = read_bundle(two.export())
    members = manifest["_members"]
    doc = json.loads(members["roster.json"])
    for d in doc["devices"]:
        if d["device_id"] == two.device_id:
            d["role"] = "hq"
    doc["serial"] += 1
    members["roster.json"] = json.dumps(doc, ensure_ascii=False).encode().decode("latin-1")
    forged = write_bundle(tmp_path / "roster.inspbundle", manifest, tables, blobs)
    refused(hq, forged, "roster.json", "signature does not match")


def test_a_swapped_frozen_form_is_refused(team, tmp_path):
    hq, one, two = team
    manifest, tables, _blobs = read_bundle(hq.export())
    form = dict(tables["forms"][0])
    form["source"] = form["source"].replace("points = 3", "points = 30", 1)
    assert form["source"] != tables["forms"][0]["source"]
    from inspector.core.forms import parse_form

    form["sha256"] = parse_form(form["source"], "form").sha256
    form["updated_at"] = two.rows.clock.tick()
    _only(manifest, tables, "forms")
    forged = write_bundle(tmp_path / "form.inspbundle", manifest, {"forms": [form]}, {}, signer=two)
    refused(hq, forged, "role inspector", "only headquarters writes forms")
    form["updated_at"] = hq.rows.clock.tick()  # even headquarters may not change a frozen form
    forged = write_bundle(tmp_path / "form2.inspbundle", manifest, {"forms": [form]}, {}, signer=hq)
    refused(one, forged, "is frozen here")


def test_a_device_headquarters_never_enrolled(team, tmp_path):
    from tests.sync.helpers import Device

    hq, one, _two = team
    stranger = Device(tmp_path / "stranger", "陌生电脑")
    manifest, tables, blobs = read_bundle(hq.export())
    forged = write_bundle(
        tmp_path / "stranger.inspbundle", manifest, tables, blobs, signer=stranger
    )
    refused(one, forged, "not enrolled")
    stranger.close()


def test_relayed_versions_keep_their_authors_signature(team):
    """一组 → headquarters → 二组: the relay carries 一组's statement, and the audit names 一组."""
    hq, one, two = team
    pid = _problem_of(one)
    edit_problem(one.rows, pid, {"text": "一组现场发现"})
    hq.take(one.export())
    relayed = hq.export()
    with zipfile.ZipFile(io.BytesIO(inner_bytes(relayed))) as zf:
        manifest = json.loads(zf.read("manifest.json"))
    authors = {s["author"] for s in manifest["statements"]}
    assert authors == {hq.device_id, one.device_id}
    summary = two.take(relayed)
    assert {a.name for a in summary.authors} == {"总部", "一组"}
    assert two.rows.get("problems", pid)["text"] == "一组现场发现"
    who = two.db.execute(
        "SELECT who FROM audit_log WHERE row_id = ? ORDER BY id DESC LIMIT 1", [pid]
    ).fetchone()[0]
    assert who == f"import:一组 ({one.device_id})"


def test_the_audit_log_names_the_author_not_what_the_bundle_says(team, tmp_path):
    hq, _one, two = team
    pid = _problem_of(two)
    edit_problem(two.rows, pid, {"text": "二组的记录"})
    manifest, tables, blobs = read_bundle(two.export())
    manifest["device_name"] = "市委组织部"  # a name the sender chose
    bundle = write_bundle(tmp_path / "named.inspbundle", manifest, tables, blobs)
    summary = hq.take(bundle)
    assert summary.device_name == "二组"
    who = hq.db.execute(
        "SELECT who FROM audit_log WHERE row_id = ? ORDER BY id DESC LIMIT 1", [pid]
    ).fetchone()[0]
    assert who == f"import:二组 ({two.device_id})"


def test_the_bytes_of_a_bundle_do_not_show_what_it_carries(team):
    hq, _one, _two = team
    bundle = hq.export().read_bytes()
    secrets = [
        r[0]
        for r in hq.db.execute(
            "SELECT text FROM problems UNION SELECT responsible_person FROM problems "
            "WHERE responsible_person != '' UNION SELECT name FROM townships "
            "UNION SELECT doc_number FROM notices"
        )
    ]
    assert len(secrets) > 50
    for text in [*secrets, "problems", "tables/", "总部"]:
        for encoding in ("utf-8", "utf-16-le", "gbk"):
            assert text.encode(encoding) not in bundle, text
