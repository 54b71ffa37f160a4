"""Upgrading a database made before delta bundles: what it holds is known from its stamps."""

from __future__ import annotations

from inspector.store import versions
from inspector.store.db import open_db
from inspector.store.schema import SYNCED_TABLES


def _as_before_deltas(device) -> None:
    """Undo the version-vector migration, as in a database of the previous release."""
    with device.db.atomic():
        for table in ("have_vector", "peer_acks", "peers"):
            device.db.execute(f"DROP TABLE {table}")
        device.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_peer_acks'")
    device.close()
    device.db = open_db(device.path)


def test_after_full_bundles_the_newest_stamp_of_each_author_is_held(laptops, hq):
    laptop = laptops("笔记本1")
    laptop.take(hq.export())
    hq_author = hq.db.execute("SELECT substr(max(updated_at), 20) FROM problems").fetchone()[0]
    newest = max(
        laptop.db.execute(
            f"SELECT max(updated_at) FROM {t} WHERE substr(updated_at, 20) = ?", [hq_author]
        ).fetchone()[0]
        or ""
        for t in SYNCED_TABLES
    )
    _as_before_deltas(laptop)
    have = versions.have_vector(laptop.db)
    assert have[hq_author] == newest
    assert laptop.rows.device in have  # its own entry is its clock


def test_after_a_campaign_kit_nothing_of_others_is_assumed(laptops, hq):
    laptop = laptops("笔记本1")
    camp = hq.db.execute("SELECT id FROM campaigns ORDER BY starts_on DESC").fetchone()[0]
    laptop.take(hq.export(campaign_ref=camp))  # a kit: the campaign without its problems
    _as_before_deltas(laptop)
    assert set(versions.have_vector(laptop.db)) <= {laptop.rows.device}
