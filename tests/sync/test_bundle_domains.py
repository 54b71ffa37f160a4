"""Rows outside their column's domain, and rows that break rules across rows, are refused.

Each bundle here is rewritten with consistent hashes, as an adversary or a
buggy version would make it: only the validation stands between it and the
database.
"""

from __future__ import annotations

import json
import zipfile

import pytest

from inspector.sync.importer import import_bundle
from tests.sync.helpers import read_bundle, write_bundle
from tests.sync.test_bundle_hostile import refused


@pytest.fixture
def target(laptops, sample_db_path):
    return laptops("笔记本1", copy_of=sample_db_path)


@pytest.fixture
def empty(laptops):
    return laptops("新笔记本")


@pytest.fixture
def good(hq):
    """The sample campaign with a photo on a problem, so attachments travel too."""
    from inspector.store.attachments import add_attachment

    problem = hq.db.execute("SELECT id FROM problems LIMIT 1").fetchone()[0]
    add_attachment(hq.rows, "problems", problem, b"photo bytes", filename="a.jpg")
    return hq.export()


def rebuilt(good, tmp_path, edit):
    manifest, tables, blobs = read_bundle(good)
    edit(tables)
    return write_bundle(tmp_path / "edited.inspbundle", manifest, tables, blobs)


def later(stamp: str, ms: int = 1000) -> str:
    """The same clock value, `ms` milliseconds later: a version that wins the merge."""
    return f"{int(stamp[:13]) + ms:013d}{stamp[13:]}"


def first(rows, **match):
    return next(i for i, r in enumerate(rows) if all(r[k] == v for k, v in match.items()))


@pytest.mark.parametrize(
    "table, column, value, words",
    [
        ("problems", "status", "banana", ("one of open, rectifying, rectified, closed",)),
        ("problems", "deadline", "not-a-date", ("a date YYYY-MM-DD",)),
        ("problems", "deadline", "9999-99-99", ("a date",)),
        ("problems", "deadline", "2026-02-30", ("a date",)),
        ("problems", "found_on", "20261120", ("a date",)),
        ("notices", "problem_ids", "not json", ("a JSON array of ids",)),
        ("notices", "problem_ids", '{"a": 1}', ("a JSON array of ids",)),
        ("notices", "problem_ids", "[1, 2]", ("a JSON array of ids",)),
        ("notices", "problem_ids", '["a b"]', ("a JSON array of ids",)),
        ("answers", "verdict", "maybe", ("one of full, partial, fail, na",)),
        ("answers", "number", -1, ("a number from 0",)),
        ("answers", "number", 1e300, ("a number from 0",)),
        ("answers", "note", "说明\x07", ("without control characters",)),
        ("answers", "note", "说明\x00隐藏", ("without control characters",)),
        ("townships", "name", "名\n字", ("one line",)),
        ("townships", "name", "名" * 201, ("at most 200",)),
        ("townships", "kind", "村", ("one of 街道, 镇, 乡",)),
        ("counties", "code", "33A902", ("6 digits",)),
        ("campaigns", "year", 1999, ("from 2000 to 2100",)),
        ("notices", "seq", 0, ("from 1 to",)),
        ("attachments", "owner_table", "settings", ("one of counties, townships",)),
        ("inspections", "status", "done", ("one of in_progress, finished",)),
        ("inspections", "finished_at", "2026-11-20 17:30", ("a time",)),
        ("forms", "sha256", "ABC", ("a sha256",)),
        ("problems", "notice_id", "x" * 101, ("an id",)),
        ("counties", "updated_at", "9999999999999-ffff-x", ("a clock value",)),
        ("counties", "updated_at", "4102444800000-0000-abc", ("a clock value",)),
        ("counties", "updated_at", "1764547200000-0000-设备", ("a clock value",)),
        ("counties", "base_version", "1764547200000-0000-a b", ("a clock value",)),
    ],
)
def test_values_outside_their_domain(target, good, tmp_path, table, column, value, words):
    manifest, tables, blobs = read_bundle(good)
    if not tables[table]:
        pytest.skip(f"the sample has no {table}")
    row = tables[table][-1]
    row[column] = value
    bad = write_bundle(tmp_path / "edited.inspbundle", manifest, tables, blobs)
    line = len(tables[table])
    message = refused(target, bad, f"tables/{table}.jsonl line {line}", row["id"], column, *words)
    assert "Traceback" not in message


def test_a_tombstoned_township_with_live_children(empty, good, tmp_path):
    manifest, tables, blobs = read_bundle(good)
    township = tables["problems"][0]["township_id"]
    i = first(tables["townships"], id=township)
    tables["townships"][i]["deleted"] = 1
    bad = write_bundle(tmp_path / "tomb.inspbundle", manifest, tables, blobs)
    refused(
        empty,
        bad,
        f"tables/townships.jsonl line {i + 1}",
        township,
        "deleted",
        "live",
        "township_id",
    )


def test_a_tombstone_that_wins_over_a_township_with_live_children(target, good, tmp_path):
    """Against the database: the tombstone is newer than the township the laptop holds."""
    manifest, tables, blobs = read_bundle(good)
    township = target.db.execute("SELECT township_id FROM inspections LIMIT 1").fetchone()[0]
    i = first(tables["townships"], id=township)
    row = tables["townships"][i]
    row.update(deleted=1, base_version=row["updated_at"], updated_at=later(row["updated_at"]))
    tables = {"townships": tables["townships"]}
    manifest["tables"] = {}
    bad = write_bundle(tmp_path / "tomb.inspbundle", manifest, tables, blobs)
    refused(target, bad, f"tables/townships.jsonl line {i + 1}", township, "live", "inspections")


def test_live_children_of_a_township_the_database_holds_deleted(target, good, tmp_path):
    township = target.db.execute("SELECT township_id FROM problems LIMIT 1").fetchone()[0]
    target.rows.delete("townships", township)
    manifest, tables, blobs = read_bundle(good)
    for row in tables["problems"]:
        if row["township_id"] == township:
            row.update(text="仍在整改", updated_at=later(row["updated_at"]))
    bad = write_bundle(tmp_path / "child.inspbundle", manifest, tables, blobs)
    refused(target, bad, "tables/problems.jsonl line", township, "deleted")


def test_a_tombstoned_county_with_live_townships(empty, good, tmp_path):
    def edit(tables):
        tables["counties"][0]["deleted"] = 1

    refused(
        empty,
        rebuilt(good, tmp_path, edit),
        "tables/counties.jsonl line 1",
        "live",
        "townships",
        "county_id",
    )


def test_two_live_townships_with_one_code(empty, good, tmp_path):
    def edit(tables):
        tables["townships"][4]["code"] = tables["townships"][1]["code"]

    code = read_bundle(good)[1]["townships"][1]["code"]
    refused(
        empty,
        rebuilt(good, tmp_path, edit),
        "tables/townships.jsonl line",
        code,
        "code",
        "two live townships",
    )


def test_a_new_township_with_the_code_of_one_in_the_database(target, good, tmp_path):
    manifest, tables, blobs = read_bundle(good)
    twin = dict(tables["townships"][2], id="twin-of-a-township", name="重名街道")
    manifest["tables"] = {}
    bad = write_bundle(tmp_path / "twin.inspbundle", manifest, {"townships": [twin]}, blobs)
    refused(target, bad, "tables/townships.jsonl line 1", "twin-of-a-township", twin["code"])


def test_a_tombstone_without_children_still_imports(empty, good, tmp_path):
    """The rules are about live children: a township nobody refers to may be deleted."""
    manifest, tables, blobs = read_bundle(good)
    gone = dict(tables["townships"][0], id="a-township-merged-away", code=None, deleted=1)
    tables["townships"].append(gone)
    i = len(tables["townships"]) - 1
    ok = write_bundle(tmp_path / "ok.inspbundle", manifest, tables, blobs)
    summary = import_bundle(empty.db, ok)
    assert summary.applied
    assert (
        empty.db.execute(
            "SELECT deleted FROM townships WHERE id = ?", [tables["townships"][i]["id"]]
        ).fetchone()[0]
        == 1
    )


def test_a_deeply_nested_manifest(target, good, tmp_path):
    """JSON nested beyond Python's recursion limit is a refusal, not a RecursionError."""
    manifest, tables, blobs = read_bundle(good)
    deep = tmp_path / "deep.inspbundle"

    text = json.dumps(manifest)[:-1] + ', "deep": ' + "[" * 100_000 + "]" * 100_000 + "}"
    write_bundle(deep, manifest, tables, blobs)
    with zipfile.ZipFile(deep) as src:
        members = {i.filename: src.read(i) for i in src.infolist()}
    members["manifest.json"] = text.encode()
    with zipfile.ZipFile(deep, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, data in members.items():
            dst.writestr(name, data)
    message = refused(target, deep, "manifest.json")
    assert "RecursionError" not in message


def _answer_for(tables, item_id):
    return first(tables["answers"], item_id=item_id)


@pytest.mark.parametrize(
    "item, change, words",
    [
        ("P02", {"verdict": "full", "number": None}, ("item P02", "takes a number", "verdict")),
        ("P01", {"verdict": None, "number": 3}, ("item P01", "takes a verdict", "number")),
        ("P01", {"item_id": "Z99"}, ("item Z99", "not in its campaign's form")),
        ("V01", {"verdict": "partial"}, ("item V01", "veto item", "no 基本符合", "partial")),
    ],
)
def test_an_answer_that_does_not_fit_its_item(empty, good, tmp_path, item, change, words):
    """Scoring would ignore it, the checklist would show nonsense: the form decides."""
    manifest, tables, blobs = read_bundle(good)
    i = _answer_for(tables, item)
    tables["answers"][i].update(change)
    bad = write_bundle(tmp_path / "misfit.inspbundle", manifest, tables, blobs)
    refused(empty, bad, f"tables/answers.jsonl line {i + 1}", tables["answers"][i]["id"], *words)
