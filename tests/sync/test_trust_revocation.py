"""Revocation against a stolen key (issue 9): what headquarters had accepted stands, nothing else.

A thief holding a lost laptop's key can stamp its versions with any time,
also before the revocation. So at revocation headquarters lists, in the
signed roster, the digests of that laptop's statements it had accepted;
afterwards a version of that laptop stands only if one of those statements
covers it, whoever relays it, and anything else is refused whatever its
stamp.
"""

from __future__ import annotations

import pytest

from inspector.store.clock import format_hlc, parse_hlc
from inspector.store.problems import add_problem
from inspector.sync import roster
from inspector.sync.errors import BundleError
from inspector.sync.signing import statement_digest
from tests.sync.helpers import file_digest, read_bundle, write_bundle


@pytest.fixture
def team(hq, laptops, federation):
    """The authority holds headquarters' data, as headquarters' own installation does."""
    one = laptops("一组", role="inspector")
    two = laptops("二组", role="inspector")
    everything = hq.export()
    for device in (one, two):
        device.take(everything)
    federation.take(everything)
    return hq, one, two


def _refused(target, bundle, *words: str) -> str:
    before = file_digest(target.path, target.db)
    with pytest.raises(BundleError) as info:
        target.take(bundle)
    for word in words:
        assert word in str(info.value), str(info.value)
    assert file_digest(target.path, target.db) == before
    return str(info.value)


def _town(device):
    return device.db.execute("SELECT id FROM townships ORDER BY id LIMIT 1").fetchone()[0]


def _backdated(device, stamp: str) -> str:
    """A stamp of `device` a millisecond before `stamp`."""
    ms, _counter, _ = parse_hlc(stamp)
    return format_hlc(ms - 1, 0, device.device_id)


def test_a_stolen_key_cannot_backdate_past_a_revocation(team, federation, laptops, tmp_path):
    hq, one, two = team
    early = add_problem(one.rows, _town(one), "台账缺失", "2027-01-31")
    delivered = one.export()
    federation.take(delivered)
    hq.take(delivered)
    federation.revoke(one)
    entry = roster.current(hq.db).devices[one.device_id]
    assert entry.accepted  # the digests of what the authority had accepted from it

    # the thief's new problem, stamped before the revocation and before its first bundle
    manifest, _tables, _blobs = read_bundle(one.export())
    forged_row = {
        **add_problem(one.rows, _town(one), "被偷走后伪造的问题", "2027-01-31"),
        "updated_at": _backdated(one, early["updated_at"]),
    }
    manifest["tables"] = {"problems": {}}
    forged = write_bundle(
        tmp_path / "backdated.inspbundle", manifest, {"problems": [forged_row]}, {}
    )
    _refused(hq, forged, "一组", one.device_id, "revoked")
    # the same version relayed by an enrolled laptop under a statement the thief signed
    manifest["device_id"] = two.device_id
    relayed = write_bundle(
        tmp_path / "relayed.inspbundle",
        manifest,
        {"problems": [forged_row]},
        {},
        signer=two,
        authors=(one,),
    )
    _refused(hq, relayed, "一组", one.device_id, forged_row["id"], "revoked")

    # what headquarters had before the revocation still reaches a laptop enrolled later
    fresh = laptops("三组", role="inspector")
    summary = fresh.take(hq.export())
    assert summary.applied
    assert fresh.rows.get("problems", early["id"])["text"] == "台账缺失"
    assert fresh.rows.find("problems", forged_row["id"]) is None


def test_a_bundle_made_before_the_revocation_but_never_delivered_is_refused(team, federation):
    """Headquarters cannot tell it from a backdated one: the laptop's team re-enters it."""
    hq, one, _two = team
    add_problem(one.rows, _town(one), "未送达的问题", "2027-01-31")
    undelivered = one.export()
    federation.revoke(one)
    _refused(hq, undelivered, "一组", one.device_id, "revoked")


def test_a_relay_leaves_out_what_the_revoked_device_never_had_accepted(team, federation):
    hq, one, two = team
    direct = add_problem(one.rows, _town(one), "只给了二组的问题", "2027-01-31")
    two.take(one.export())  # headquarters never saw it
    federation.revoke(one)
    summary_path = two.export()
    summary = hq.take(summary_path)  # sync from the other laptop keeps flowing
    assert summary.applied or not summary.changed
    assert hq.rows.find("problems", direct["id"]) is None


def test_the_digest_is_of_what_the_author_signed(team):
    hq, one, _two = team
    add_problem(one.rows, _town(one), "台账缺失", "2027-01-31")
    hq.take(one.export())
    from inspector.store import devices

    mine = [s for s in devices.statements(hq.db) if s[1] == one.device_id]
    assert len(mine) == 1
    from inspector.sync.signing import Statement

    st = Statement(*mine[0])
    assert statement_digest(st) == statement_digest(Statement(st.id, st.author, "", st.hashes))
    assert statement_digest(st) != statement_digest(
        Statement(st.id, st.author, "", st.hashes[:-1] + b"\0")
    )


def test_a_relay_carries_the_newest_statement_not_every_one_received(team):
    """Headquarters' full bundles each carry a statement over all its versions: a laptop
    relaying them needs the newest one only, not one more for each bundle it received."""
    hq, one, _two = team
    for text in ("第一轮", "第二轮", "第三轮"):
        pid = hq.db.execute(
            "SELECT id FROM problems WHERE deleted = 0 ORDER BY id LIMIT 1"
        ).fetchone()[0]
        from inspector.store.problems import edit_problem

        edit_problem(hq.rows, pid, {"text": text})
        one.take(hq.export())
    from inspector.store import devices

    held = [s for s in devices.statements(one.db) if s[1] == hq.device_id]
    assert len(held) == 4  # the first full bundle's, and one a round
    from inspector.sync.export import export_bundle

    summary = export_bundle(one.db, one.folder / "relay.inspbundle")
    assert summary.relayed_statements == 1
