"""A campaign's set-up (team, members, townships covered) travels in the kit, and a
bundle made before the set-up columns existed still imports, taking their defaults."""

from __future__ import annotations

import pytest

from inspector.core.ids import CampaignId
from inspector.store.catalog import find_campaign
from inspector.store.inspections import campaign_overview
from inspector.store.session import Session
from tests.store.test_campaign_setup import TOWNS, _ids
from tests.sync.helpers import read_bundle, write_bundle


@pytest.fixture
def empty(laptops):
    return laptops("新笔记本")


def test_the_set_up_travels_in_the_kit(hq, empty):
    campaign = hq.db.execute("SELECT id FROM campaigns LIMIT 1").fetchone()[0]
    Session(hq.db).catalog.set_up_campaign(
        CampaignId(campaign), team="第二督导组", members="赵一\n钱二", townships=_ids(hq.db)
    )
    empty.take(hq.export(campaign_ref=campaign))
    got = find_campaign(empty.db, campaign)
    assert got["team"] == "第二督导组" and got["members"] == "赵一\n钱二"
    assert {r["township"] for r in campaign_overview(empty.db, campaign)} == set(TOWNS)


def test_a_bundle_from_before_the_set_up_columns_imports_with_defaults(hq, empty, tmp_path):
    manifest, tables, blobs = read_bundle(hq.export())
    for row in tables["campaigns"]:
        for column in ("team", "members", "townships"):
            row.pop(column, None)  # left out of the line when at its default
    old = write_bundle(tmp_path / "old.inspbundle", manifest, tables, blobs)
    empty.take(old)
    got = find_campaign(empty.db, tables["campaigns"][0]["id"])
    assert (got["team"], got["members"], got["townships"]) == ("", "", "[]")
    assert len(campaign_overview(empty.db, got["id"])) == 36
