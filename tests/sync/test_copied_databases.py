"""Laptops set up by copying one database file: the copy is caught, and with its own
identity every edit survives the merges (no edit lost without a conflict recorded)."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.demo import ensure_initialised
from inspector.store import identity
from inspector.store import settings as store_settings
from inspector.store.catalog import create_campaign, form_for_campaign, townships
from inspector.store.db import open_db
from inspector.store.dump import check, dump_json
from inspector.store.inspections import start_inspection
from inspector.store.problems import add_problem
from inspector.store.rows import Rows
from inspector.sync.errors import BundleError
from tests.sync.helpers import Federation, file_digest, read_bundle, write_bundle
from tests.sync.test_bundle_convergence import _run as run_op
from tests.sync.test_bundle_convergence import ops

SYNCED = ("inspections", "answers", "problems")


class _Headquarters:
    """Enrols every open laptop (each id it has had) before any bundle is made, as a team's
    headquarters would, so these tests test copies and clocks, not enrolment."""

    def __init__(self) -> None:
        self.fed: Federation | None = None
        self.open: list[Laptop] = []

    def ready(self) -> None:
        from inspector.sync import roster
        from inspector.sync.keys import device_keys

        if self.fed is None:
            self.fed = Federation(Path(tempfile.mkdtemp(prefix="copied-hq-")))
        held = roster.current(self.fed.db)
        for laptop in self.open:
            keys = device_keys(laptop.db)
            entry = held.devices.get(keys.device_id)
            if entry is None:
                roster.enrol(self.fed.db, roster.request(laptop.db), "hq")
                held = roster.current(self.fed.db)
            self.fed.members[keys.device_id] = laptop  # write_bundle signs as it
        Federation.current = self.fed
        for laptop in self.open:
            roster.accept(laptop.db, held.document, trust=self.fed.keys.fingerprint)


HQ = _Headquarters()


class Laptop:
    """A laptop whose database is a plain copy of another's file (identity included: the
    key files beside it are copied too, as copying the data folder would)."""

    def __init__(self, folder: Path, name: str, source: Path | None = None):
        self.path = folder / name / "inspector.db"
        self.path.parent.mkdir(parents=True)
        if source is not None:
            shutil.copy(source, self.path)
            if (source.parent / "keys").is_dir():
                shutil.copytree(source.parent / "keys", self.path.parent / "keys")
        self.db = open_db(self.path)
        HQ.open.append(self)
        from inspector.sync.keys import device_keys

        device_keys(self.db)  # made now, so a copy of this folder carries them
        self.name = name
        self.rows = Rows(self.db, who=name)
        self.folder = self.path.parent
        self._n = 0

    def export(self) -> Path:
        from inspector.sync.export import export_bundle

        self._n += 1
        out = self.folder / f"{self.name}-{self._n}.inspbundle"
        HQ.ready()
        export_bundle(self.db, out)
        return out

    def take(self, bundle: Path):
        from inspector.sync.importer import import_bundle

        HQ.ready()
        return import_bundle(self.db, bundle)

    def versions(self) -> dict[tuple[str, str], str]:
        return {key: v for key, (v, _) in self.contents().items()}

    def contents(self) -> dict[tuple[str, str], tuple[str, str]]:
        """(table, id) -> (updated_at, the row's data without its sync stamps)."""
        found = {}
        for t in SYNCED:
            for row in self.db.query(f"SELECT * FROM {t}"):
                stamp = row.pop("updated_at")
                row.pop("base_version")
                found[(t, row["id"])] = (stamp, json.dumps(row, sort_keys=True, ensure_ascii=False))
        return found

    @property
    def device_id(self) -> str:
        return store_settings.device_id(self.db)

    @property
    def keys(self):
        from inspector.sync.keys import device_keys

        return device_keys(self.db)

    def close(self) -> None:
        if self in HQ.open:
            HQ.open.remove(self)
        self.db.close()


def _make_original(folder: Path) -> Path:
    """The first laptop, set up and used once (its identity and machine recorded)."""
    first = Laptop(folder, "笔记本1")
    ensure_initialised(first.rows)
    camp = create_campaign(first.rows, "2017年第三季度基层党建专项督查", "township-party-building")
    for town in townships(first.db)[:3]:
        start_inspection(first.rows, camp["id"], town["id"], inspected_on="2017-09-12")
        add_problem(
            first.rows,
            town["id"],
            "三会一课记录不全",
            "2017-12-31",
            campaign_id=camp["id"],
            found_on="2017-09-12",
        )
    assert identity.identity(first.db).fingerprint == identity.RECORDED
    first.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    first.close()
    return first.path


@pytest.fixture
def pair(tmp_path):
    """The original laptop and a plain copy of its database file, nobody told."""
    source = _make_original(tmp_path / "setup")
    original = Laptop(tmp_path, "原机", source)
    shutil.rmtree(tmp_path / "setup")
    copy = Laptop(tmp_path, "副本", original_path(original))
    yield original, copy
    original.close()
    copy.close()


def original_path(laptop: Laptop) -> Path:
    laptop.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return laptop.path


def _problem(laptop: Laptop) -> str:
    return laptop.db.execute("SELECT id FROM problems ORDER BY id LIMIT 1").fetchone()[0]


def test_the_copy_shares_the_identity_and_its_bundles_are_refused_with_the_way_out(pair):
    original, copy = pair
    assert store_settings.device_id(original.db) == store_settings.device_id(copy.db)
    assert identity.identity(copy.db).fingerprint == identity.CHANGED
    copy.rows.update("problems", _problem(copy), {"text": "副本上的修改"})
    original.rows.update("problems", _problem(original), {"text": "原机上的修改"})
    bundle = copy.export()
    before = file_digest(original.path, original.db)
    with pytest.raises(BundleError) as info:
        original.take(bundle)
    message = str(info.value)
    assert "was made under this laptop's own device id" in message
    assert "'inspector device new'" in message
    assert file_digest(original.path, original.db) == before


def test_a_copy_s_version_relayed_by_headquarters_is_refused_too(pair, tmp_path):
    """HQ cannot tell the copy from the original; the original can: it never made that stamp."""
    original, copy = pair
    for _ in range(3):
        copy.rows.update("problems", _problem(copy), {"text": f"副本 {_}"})
    manifest, tables, blobs = read_bundle(copy.export())
    hq = Laptop(tmp_path, "总部")
    HQ.ready()  # headquarters relays the copy's versions with the copy's own signature
    relayed = write_bundle(
        tmp_path / "hq.inspbundle", manifest, tables, blobs, signer=hq, authors=(copy,)
    )
    with pytest.raises(BundleError) as info:
        original.take(relayed)
    assert "carries this laptop's device id but was never made here" in str(info.value)
    assert "tables/problems.jsonl line" in str(info.value)


def test_two_contents_under_one_stamp_are_refused_anywhere(pair, tmp_path):
    """The copies made the same stamp for different edits: the merge would call them equal."""
    original, copy = pair
    clock = store_settings.get(original.db, "hlc_last")
    store_settings.put(copy.db, "hlc_last", clock)
    pid = _problem(original)
    frozen = lambda: 1_796_083_200_000  # noqa: E731 - both laptops stamp in the same millisecond
    original.rows.clock._now = frozen
    copy.rows.clock._now = frozen
    a = original.rows.update("problems", pid, {"text": "原机"})
    b = copy.rows.update("problems", pid, {"text": "副本"})
    assert a["updated_at"] == b["updated_at"] and a["text"] != b["text"]
    hq = Laptop(tmp_path, "总部")
    try:
        hq.take(original.export())
        with pytest.raises(BundleError) as info:
            hq.take(copy.export())
        assert "differs from the version with the same stamp here" in str(info.value)
        assert "two databases use the device id" in str(info.value)
    finally:
        hq.close()


def test_after_device_new_the_copy_s_bundles_import_and_concurrent_edits_are_conflicts(pair):
    original, copy = pair
    identity.new_identity(copy.db)
    pid = _problem(copy)
    copy.rows.update("problems", pid, {"text": "副本上的修改"})
    original.rows.update("problems", pid, {"text": "原机上的修改"})
    summary = original.take(copy.export())
    assert summary.totals.conflicts == 1  # kept, not silently overwritten
    copy.take(original.export())
    assert dump_json(original.db) == dump_json(copy.db)


# -- three laptops, two of them (and the third) started from copies of one file -------
@pytest.fixture(scope="module")
def original_file(tmp_path_factory) -> Path:
    return _make_original(tmp_path_factory.mktemp("original"))


def _kept_contents(laptops, final) -> dict[tuple[str, str], set[str]]:
    """Per row, every content the federation still holds: the final row, each side of a
    conflict (without its sync stamps, as `Laptop.contents` shows rows)."""
    kept: dict[tuple[str, str], set[str]] = {key: {data} for key, (_, data) in final.items()}
    for d in laptops:
        for table, row_id, *sides in d.db.execute(
            "SELECT table_name, row_id, winner, loser FROM conflicts"
        ):
            for side in sides:
                row = json.loads(side)
                row.pop("updated_at", None)
                row.pop("base_version", None)
                kept.setdefault((table, row_id), set()).add(
                    json.dumps(row, sort_keys=True, ensure_ascii=False)
                )
    return kept


def _edits(before: dict, after: dict) -> tuple[dict, set[str]]:
    """Versions an operation made (with their row and data), and the versions it overwrote."""
    made = {v: (k, data) for k, (v, data) in after.items() if k not in before or before[k][0] != v}
    replaced = {before[k][0] for k, (v, _) in after.items() if k in before and before[k][0] != v}
    return made, replaced


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(script=ops, final_order=st.permutations([0, 1, 2]))
def test_three_laptops_from_one_copied_file_lose_no_edit_once_each_has_its_own_id(
    original_file, script, final_order
):
    folder = Path(tempfile.mkdtemp(prefix="copies-"))
    laptops = [
        Laptop(folder, "笔记本1", original_file),
        Laptop(folder, "笔记本2", original_file),
        Laptop(folder, "笔记本3", original_file),
    ]
    try:
        for laptop in laptops:  # each was copied: each is told, and each takes its own id
            assert identity.identity(laptop.db).fingerprint == identity.CHANGED
            identity.new_identity(laptop.db, laptop.name)
        assert len({store_settings.device_id(d.db) for d in laptops}) == 3
        camp = (
            laptops[0].db.execute("SELECT id FROM campaigns ORDER BY starts_on DESC").fetchone()[0]
        )
        towns = [
            r[0]
            for r in laptops[0].db.execute(
                "SELECT township_id FROM inspections ORDER BY township_id"
            )
        ]
        items = [
            i.id
            for i in form_for_campaign(laptops[0].db, camp).items
            if i.kind == "verdict" and not i.veto
        ]
        made: dict[str, tuple[tuple[str, str], str]] = {}
        replaced: set[str] = set()
        for op in script:
            if op[0] == "sync":
                if op[1] != op[2]:
                    laptops[op[2]].take(laptops[op[1]].export())
                continue
            laptop = laptops[op[1]]
            before = laptop.contents()
            run_op(laptop, op, camp, towns, items)
            new, old = _edits(before, laptop.contents())
            made.update(new)
            replaced |= old
        for _ in range(2):
            for i in final_order:
                for j in final_order:
                    if i != j:
                        laptops[j].take(laptops[i].export())
        dumps = [dump_json(d.db) for d in laptops]
        assert dumps[0] == dumps[1] == dumps[2]
        final = laptops[0].contents()
        in_conflicts = {
            v
            for d in laptops
            for row in d.db.execute("SELECT winner_version, loser_version FROM conflicts")
            for v in row
        }
        kept = _kept_contents(laptops, final)
        # An edit is lost when its data is not what the row ended with, nobody who had it
        # in hand edited it further, and no conflict kept it or an equal version (two
        # laptops deleting the same problem: one tombstone stands for both).
        lost = sorted(
            v
            for v, (key, data) in made.items()
            if final[key][1] != data
            and v not in replaced
            and v not in in_conflicts
            and data not in kept.get(key, set())
        )
        assert not lost, f"edits lost without a conflict recorded: {sorted(lost)}"
        for d in laptops:
            assert check(d.db) == []
    finally:
        for d in laptops:
            d.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_a_restored_backup_gets_a_new_identity_and_keeps_its_clock_so_no_edit_is_lost(pair):
    """A database put back to an older backup is a copy of its former self: the versions it
    made after the backup (already sent on) and its new edits must not merge as one history."""
    from inspector.store import backups
    from inspector.store.clock import last_value

    laptop, hq = pair
    identity.new_identity(hq.db, "总部")
    pid = _problem(laptop)
    taken = backups.backup(laptop.db, reason="daily")
    laptop.rows.update("problems", pid, {"text": "备份之后的修改（已交总部）"})
    hq.take(laptop.export())
    clock_before = last_value(laptop.db)
    old_id = store_settings.device_id(laptop.db)
    backups.restore(laptop.db, taken.name)
    assert store_settings.device_id(laptop.db) != old_id
    assert old_id in identity.identity(laptop.db).previous_ids
    assert last_value(laptop.db)[:18] >= clock_before[:18]  # no stamp is made twice
    laptop.rows.update("problems", pid, {"text": "恢复之后的修改"})
    summary = hq.take(laptop.export())
    assert summary.totals.conflicts == 1  # both edits kept, not one silently overwritten


def test_edits_made_on_the_copy_before_device_new_move_to_the_new_id_and_lose_nothing(pair):
    """The user was warned but edited first: those edits must not stay the original's."""
    original, copy = pair
    assert identity.copy_warning(copy.db) is not None  # the app tells the user on opening
    pid = _problem(copy)
    copy.rows.update("problems", pid, {"text": "副本上先改的"})
    original.rows.update("problems", pid, {"text": "原机上的修改"})
    made = identity.new_identity(copy.db)
    assert made.restamped == 1
    stamp = copy.db.execute("SELECT updated_at FROM problems WHERE id = ?", [pid]).fetchone()[0]
    assert stamp.endswith(made.new_id)
    summary = original.take(copy.export())
    assert summary.totals.conflicts == 1  # kept as a conflict, not silently overwritten
    copy.take(original.export())
    assert dump_json(original.db) == dump_json(copy.db)
    kept = {
        v
        for row in original.db.execute("SELECT winner_version, loser_version FROM conflicts")
        for v in row
    }
    assert stamp in kept


def test_the_same_laptop_confirmed_restamps_nothing(pair):
    _original, copy = pair
    assert identity.copy_warning(copy.db) is not None
    copy.rows.update("problems", _problem(copy), {"text": "挪了位置的同一台"})
    identity.confirm_same(copy.db)
    assert identity.new_identity(copy.db).restamped == 0
