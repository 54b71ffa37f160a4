"""Damaged and hostile bundles are refused by name, and the database file keeps its bytes."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest

from inspector.sync.errors import BundleError
from tests.sync.helpers import (
    file_digest,
    inner_bytes,
    patch_central_size,
    read_bundle,
    seal_bytes,
    write_bundle,
    zip_bytes,
)


@pytest.fixture
def target(laptops, sample_db_path):
    """A laptop holding the sample data, whose file must not change."""
    return laptops("笔记本1", copy_of=sample_db_path)


@pytest.fixture
def good(hq):
    return hq.export()


def refused(target, bundle, *words: str) -> str:
    before = file_digest(target.path, target.db)
    rows_before = target.db.execute("SELECT COUNT(*) FROM import_log").fetchone()[0]
    with pytest.raises(BundleError) as info:
        target.take(bundle)
    message = str(info.value)
    for word in words:
        assert word in message, message
    assert "\n" not in message
    assert file_digest(target.path, target.db) == before
    assert target.db.execute("SELECT COUNT(*) FROM import_log").fetchone()[0] == rows_before
    assert not (target.path.parent / "backups").exists()
    return message


def test_a_file_that_is_not_a_zip(target, tmp_path):
    bad = tmp_path / "notes.inspbundle"
    bad.write_text("这不是一个压缩包")
    refused(target, bad, "not a ZIP")


def test_a_truncated_bundle(target, good, tmp_path):
    bad = tmp_path / "cut.inspbundle"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    refused(target, bad, "cut short")


def test_a_member_damaged_inside(target, hq, tmp_path):
    """Bytes flipped in a deflated member: CRC or inflate errors become a clear message."""
    manifest, tables, _blobs = read_bundle(hq.export())
    clean = write_bundle(tmp_path / "clean.inspbundle", manifest, tables)
    data = bytearray(inner_bytes(clean))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("tables/answers.jsonl")
    start = info.header_offset + 30 + len(info.filename) + 200
    data[start : start + 50] = bytes(50)
    bad = seal_bytes(bytes(data), tmp_path / "damaged.inspbundle", hq.device_id)
    refused(target, bad, "answers.jsonl")


def test_encrypted_content_altered_on_the_way(target, good, tmp_path):
    """age authenticates every 64 KiB chunk: one flipped byte and nothing is read."""
    data = bytearray(good.read_bytes())
    data[len(data) // 2] ^= 0x40
    bad = tmp_path / "flipped.inspbundle"
    bad.write_bytes(bytes(data))
    refused(target, bad, "flipped.inspbundle")


def test_an_unsigned_format_1_bundle_says_why_it_is_refused(target, tmp_path):
    old = tmp_path / "old.inspbundle"
    old.write_bytes(
        zip_bytes(
            {
                "manifest.json": json.dumps(
                    {
                        "format": "inspector-bundle",
                        "format_version": 1,
                        "device_name": "二组笔记本",
                        "tables": {},
                        "attachments": [],
                    }
                ).encode()
            }
        )
    )
    message = refused(
        target, old, "unsigned bundle (format 1) from an older Inspector", "二组笔记本"
    )
    assert "update Inspector" in message


def test_a_bundle_for_other_devices_cannot_be_read(target, laptops, good, tmp_path):
    from inspector.store.db import open_db
    from inspector.sync.importer import import_bundle

    stranger = open_db(tmp_path / "stranger" / "s.db")
    with pytest.raises(BundleError, match="not a recipient of this bundle"):
        import_bundle(stranger, good)
    stranger.close()


def test_a_missing_manifest(target, tmp_path):
    bad = tmp_path / "bare.inspbundle"
    bad.write_bytes(zip_bytes({"tables/counties.jsonl": b""}))
    refused(target, bad, "manifest.json is missing")


def test_a_manifest_that_is_not_json(target, tmp_path):
    bad = tmp_path / "bad.inspbundle"
    bad.write_bytes(zip_bytes({"manifest.json": b"{format: inspector"}))
    refused(target, bad, "manifest.json is not valid JSON")


@pytest.mark.parametrize(
    "change, words",
    [
        (lambda m: m.update(format="other-tool"), ("not an Inspector bundle",)),
        (lambda m: m.pop("bundle_id"), ("'bundle_id' is missing",)),
        (lambda m: m.update(format_version="1"), ("'format_version' has the wrong type",)),
        (lambda m: m.update(tables=[]), ("'tables' has the wrong type",)),
        (
            lambda m: m["tables"].update(
                secrets={"file": "tables/secrets.jsonl", "rows": 0, "sha256": "0" * 64}
            ),
            ("unknown table",),
        ),
        (lambda m: m["tables"]["counties"].update(file="tables/x.jsonl"), ("file must be",)),
        (lambda m: m["attachments"].append({"sha256": "zz", "size": 1}), ("attachment",)),
    ],
)
def test_a_manifest_with_the_wrong_shape(target, good, tmp_path, change, words):
    manifest, tables, _blobs = read_bundle(good)
    change(manifest)
    bad = write_bundle(tmp_path / "bad.inspbundle", manifest, tables, fix_hashes=False)
    refused(target, bad, "manifest.json", *words)


def test_a_newer_format_version_asks_to_update(target, good, tmp_path):
    manifest, tables, _ = read_bundle(good)
    manifest["format_version"] = 3
    bad = write_bundle(tmp_path / "future.inspbundle", manifest, tables, fix_hashes=False)
    message = refused(target, bad, "newer Inspector", "update Inspector")
    assert "format 3" in message
    outer = tmp_path / "future-outer.inspbundle"
    outer.write_bytes(
        zip_bytes(
            {
                "manifest.json": json.dumps(
                    {"format": "inspector-bundle", "format_version": 3, "sender": "x"}
                ).encode()
            }
        )
    )
    assert "format 3" in refused(target, outer, "newer Inspector")


def test_a_table_that_does_not_match_its_hash(target, good, tmp_path):
    manifest, tables, _ = read_bundle(good)
    tables["problems"][0]["text"] = "被篡改的内容"
    bad = write_bundle(tmp_path / "bad.inspbundle", manifest, tables, fix_hashes=False)
    refused(target, bad, "tables/problems.jsonl", "sha256")


def test_a_row_count_that_does_not_match(target, good, tmp_path):
    manifest, tables, _ = read_bundle(good)
    manifest["tables"]["answers"]["rows"] += 1
    bad = write_bundle(tmp_path / "bad.inspbundle", manifest, tables, fix_hashes=False)
    refused(target, bad, "tables/answers.jsonl", "rows")


@pytest.mark.parametrize(
    "name, why",
    [
        ("/etc/cron.d/evil", "absolute path"),
        ("tables/../../evil.jsonl", "'..'"),
        ("../evil", "'..'"),
        ("attachments\\..\\evil", "backslash"),
        ("C:/Windows/evil.dll", "absolute path"),
        ("notes.txt", "unexpected member"),
    ],
)
def test_member_names_that_could_climb_out_are_refused(target, good, tmp_path, name, why):
    manifest, tables, _ = read_bundle(good)
    bad = write_bundle(
        tmp_path / "bad.inspbundle",
        manifest,
        tables,
        extra=lambda zf: zf.writestr(zipfile.ZipInfo(name), b"x"),
    )
    with zipfile.ZipFile(io.BytesIO(inner_bytes(bad))) as zf:
        assert name.replace("\\", "/") in [n.replace("\\", "/") for n in zf.namelist()]
    refused(target, bad, why)
    assert not (tmp_path.parent / "evil").exists()
    outside = tmp_path / "outer.inspbundle"  # the same name beside the encrypted content
    with zipfile.ZipFile(outside, "w") as zf:
        with zipfile.ZipFile(good) as src:
            for member in src.namelist():
                zf.writestr(member, src.read(member))
        zf.writestr(zipfile.ZipInfo(name), b"x")
    refused(target, outside, "unexpected member")


def test_a_member_declaring_a_huge_size(target, good, hq, tmp_path):
    inner = patch_central_size(inner_bytes(good), "tables/answers.jsonl", 4_000_000_000)
    bad = seal_bytes(inner, tmp_path / "huge.inspbundle", hq.device_id)
    refused(target, bad, "tables/answers.jsonl", "declares")


def test_a_zip_bomb_that_declares_its_real_size(target, good, tmp_path, monkeypatch):
    """No ratio rule: what bounds an honest-declaring bomb is the declared total."""
    from inspector.sync import format as fmt

    manifest, tables, _ = read_bundle(good)
    zeros = bytes(64 * 1024 * 1024)
    sha = hashlib.sha256(zeros).hexdigest()
    manifest["attachments"].append({"sha256": sha, "size": len(zeros)})
    bad = write_bundle(tmp_path / "bomb.inspbundle", manifest, tables, {sha: zeros})
    monkeypatch.setattr(fmt, "MAX_TOTAL_BYTES", 32 * 1024 * 1024)
    refused(target, bad, "bytes uncompressed, more than the 33,554,432 a bundle may hold")


def test_a_zip_bomb_that_hides_its_size(target, good, tmp_path):
    """Declares a few bytes, inflates to 64 MiB: reading stops at the declared size."""
    manifest, tables, _ = read_bundle(good)
    zeros = bytes(64 * 1024 * 1024)
    sha = hashlib.sha256(zeros).hexdigest()
    manifest["attachments"].append({"sha256": sha, "size": 1000})
    bad = tmp_path / "bomb.inspbundle"
    write_bundle(bad, manifest, tables, {sha: zeros})
    inner = patch_central_size(inner_bytes(bad), f"attachments/{sha}", 1000)
    refused(target, seal_bytes(inner, bad, manifest["device_id"]), sha)


def _rebuilt(good, tmp_path, edit) -> object:
    manifest, tables, blobs = read_bundle(good)
    edit(tables)
    return write_bundle(tmp_path / "edited.inspbundle", manifest, tables, blobs)


@pytest.mark.parametrize(
    "edit, words",
    [
        (lambda t: t["townships"][3].update(name=123), ("townships.jsonl line 4", "name", "TEXT")),
        (lambda t: t["answers"][0].update(number="三"), ("answers.jsonl line 1", "number", "REAL")),
        (lambda t: t["campaigns"][0].update(year=2017.5), ("campaigns.jsonl", "year", "INTEGER")),
        (lambda t: t["problems"][1].update(text=None), ("problems.jsonl line 2", "text", "null")),
        (lambda t: t["problems"][1].update(text={"a": 1}), ("problems.jsonl line 2", "text")),
        (lambda t: t["notices"][0].update(seq=2**70), ("notices.jsonl line 1", "seq")),
        (
            lambda t: t["counties"][0].update(updated_at="yesterday"),
            ("counties.jsonl line 1", "updated_at", "clock"),
        ),
        (lambda t: t["counties"][0].update(deleted=7), ("counties.jsonl line 1", "deleted")),
        (
            lambda t: t["counties"][1].update(id=t["counties"][0]["id"]),
            ("counties.jsonl line 2", "appears twice"),
        ),
    ],
)
def test_rows_with_wrong_types_or_values(target, good, tmp_path, edit, words):
    refused(target, _rebuilt(good, tmp_path, edit), *words)


def test_rows_with_unknown_or_missing_columns(target, good, tmp_path):
    refused(
        target,
        _rebuilt(good, tmp_path, lambda t: t["problems"][0].update(secret=1)),
        "problems.jsonl line 1",
        "unknown column",
        "secret",
    )
    refused(
        target,
        _rebuilt(good, tmp_path, lambda t: t["problems"][0].pop("status")),
        "problems.jsonl line 1",
        "missing column",
        "status",
    )


def test_rows_that_are_not_json_objects(target, good, tmp_path):
    manifest, _tables, _ = read_bundle(good)
    data = b"[1, 2, 3]\n"
    manifest["tables"] = {
        "counties": {
            "file": "tables/counties.jsonl",
            "rows": 1,
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    }
    bad = write_bundle(
        tmp_path / "list.inspbundle",
        manifest,
        {"counties": []},
        fix_hashes=False,
        raw={"counties": data},
    )
    refused(target, bad, "counties.jsonl line 1", "not a JSON object")


def test_references_to_rows_that_exist_nowhere(target, good, tmp_path):
    refused(
        target,
        _rebuilt(good, tmp_path, lambda t: t["problems"][5].update(township_id="no-such-township")),
        "problems.jsonl line 6",
        "township_id",
        "neither in the bundle nor in this database",
    )


def test_an_attachment_row_without_its_bytes(target, hq, tmp_path):
    from inspector.store.attachments import add_attachment

    problem = hq.db.execute("SELECT id FROM problems LIMIT 1").fetchone()[0]
    add_attachment(hq.rows, "problems", problem, b"photo bytes", filename="a.jpg")
    manifest, tables, _blobs = read_bundle(hq.export())
    manifest["attachments"] = []
    bad = write_bundle(tmp_path / "nobytes.inspbundle", manifest, tables)
    refused(target, bad, "neither in the bundle nor on this laptop")


def test_attachment_bytes_that_do_not_match_their_hash(target, hq, tmp_path):
    from inspector.store.attachments import add_attachment

    problem = hq.db.execute("SELECT id FROM problems LIMIT 1").fetchone()[0]
    photo = add_attachment(hq.rows, "problems", problem, b"photo bytes", filename="a.jpg")
    manifest, tables, _blobs = read_bundle(hq.export())
    bad = write_bundle(
        tmp_path / "swapped.inspbundle", manifest, tables, {photo["sha256"]: b"other bytes"}
    )
    refused(target, bad, photo["sha256"], "sha256")


def test_a_form_that_does_not_parse(target, good, tmp_path):
    def edit(tables):
        tables["forms"][0]["source"] = "[form\nid = "

    refused(target, _rebuilt(good, tmp_path, edit), "form", "does not parse")


def test_the_cli_prints_one_line_and_exits_1(target, tmp_path):
    from click.testing import CliRunner

    from inspector.cli import main

    bad = tmp_path / "notes.inspbundle"
    bad.write_text("hello")
    before = file_digest(target.path, target.db)
    result = CliRunner().invoke(main, ["--db", str(target.path), "bundle", "import", str(bad)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "not a ZIP" in result.stderr
    assert "Traceback" not in result.output
    assert file_digest(target.path, target.db) == before


def test_content_larger_than_a_bundle_may_hold(target, good, monkeypatch):
    from inspector.sync import format as fmt

    monkeypatch.setattr(fmt, "MAX_TOTAL_BYTES", 10_000)
    refused(target, good, "bytes of content, more than the 10,000 a bundle may hold")


def test_a_line_made_before_a_column_was_added_takes_its_default(
    laptops, good, tmp_path, monkeypatch
):
    """A laptop not yet updated sends lines without the columns a later migration added
    (ADDED_COLUMNS): they import with the column's default. Any other missing column is
    still refused, and so is a column the schema does not have."""
    from inspector.store import schema

    added = {**schema.ADDED_COLUMNS.get("campaigns", {}), "note": ""}
    monkeypatch.setitem(schema.ADDED_COLUMNS, "campaigns", added)
    fresh = laptops("新笔记本")
    campaign = {}

    def drop_note(tables):
        campaign.update(tables["campaigns"][0])
        tables["campaigns"][0].pop("note")

    fresh.take(_rebuilt(good, tmp_path, drop_note))
    assert fresh.db.execute(
        "SELECT note FROM campaigns WHERE id = ?", [campaign["id"]]
    ).fetchone() == ("",)
    other = laptops("另一台")
    refused(
        other,
        _rebuilt(good, tmp_path, lambda t: t["campaigns"][0].pop("year")),
        "campaigns.jsonl line 1",
        "missing column",
        "year",
    )
    refused(
        other,
        _rebuilt(
            good, tmp_path, lambda t: (t["campaigns"][0].pop("note"), t["campaigns"][0].update(x=1))
        ),
        "campaigns.jsonl line 1",
        "unknown column",
    )


def test_every_added_column_takes_the_default_the_schema_declares(tmp_path):
    """ADDED_COLUMNS repeats each added column's default for the bundle reader and
    writer; the migration that added it declares it too. They must agree, or a line
    without the column would import as a value the schema never gives."""
    from inspector.store.db import open_db
    from inspector.store.schema import ADDED_COLUMNS

    db = open_db(tmp_path / "schema.db")
    for table, columns in ADDED_COLUMNS.items():
        declared = {
            name: (None if dflt is None else db.execute(f"SELECT {dflt}").fetchone()[0])
            for _cid, name, _type, _nn, dflt, _pk in db.execute(f"PRAGMA table_info([{table}])")
        }
        for column, default in columns.items():
            assert column in declared, (table, column)
            assert declared[column] == default, (table, column)
    db.close()
