"""Export never writes what import would refuse: each limit just under (round trip) and just over.

Every limit is defined once in inspector.sync.format and read from there by
both sides, so lowering one in a test lowers it for exporter and importer
alike; the real values are tested where that costs little.
"""

from __future__ import annotations

import io
import zipfile

import pytest

from inspector.demo import ensure_initialised
from inspector.store.attachments import add_attachment
from inspector.store.dump import dump_json
from inspector.store.problems import add_problem
from inspector.sync import format as fmt
from inspector.sync.errors import BundleError
from tests.sync.helpers import inner_bytes


@pytest.fixture
def laptop(laptops):
    device = laptops("笔记本1")
    ensure_initialised(device.rows)
    town = device.db.execute("SELECT id FROM townships ORDER BY id LIMIT 1").fetchone()[0]
    problem = add_problem(device.rows, town, "记录" + "台账" * 9_000, "2027-01-31")
    add_attachment(
        device.rows, "problems", problem["id"], b"\xff\xd8" + bytes(4000), filename="整改照片.jpg"
    )
    device.problem = problem
    return device


def _inner(bundle) -> zipfile.ZipFile:
    """The bundle's content as the importer reads it, once decrypted."""
    return zipfile.ZipFile(io.BytesIO(inner_bytes(bundle)))


def _members(bundle) -> dict[str, int]:
    with _inner(bundle) as zf:
        return {i.filename: i.file_size for i in zf.infolist()}


def _problem_line(bundle) -> int:
    """The longest line of the bundle, which is the problem's (its text is the longest)."""
    with _inner(bundle) as zf:
        longest = {
            name: max(len(line) for line in zf.read(name).split(b"\n"))
            for name in zf.namelist()
            if name.startswith("tables/")
        }
    assert max(longest, key=longest.__getitem__) == "tables/problems.jsonl"
    return longest["tables/problems.jsonl"]


def _round_trip(laptop, laptops, hq=None) -> None:
    hq = hq or laptops(f"总部{len(list(laptop.folder.glob('*')))}")  # enrolled first: a reader
    bundle = laptop.export()
    hq.take(bundle)
    assert dump_json(hq.db) == dump_json(laptop.db)


def _refused_both_ways(
    laptop, laptops, monkeypatch, name, value, export_words, import_words, hq=None
):
    """Over the limit: the export says what is too big and leaves no file; an older bundle
    of the same data, written before the limit was lowered, is refused on import."""
    hq = hq or laptops(f"总部-{name}")  # enrolled first, so the bundle is encrypted to it
    earlier = laptop.export()
    monkeypatch.setattr(fmt, name, value)
    out = laptop.folder / "too-big.inspbundle"
    with pytest.raises(BundleError) as caught:
        from inspector.sync.export import export_bundle

        export_bundle(laptop.db, out)
    for words in export_words:
        assert words in str(caught.value)
    assert not out.exists() and not list(laptop.folder.glob(".*partial"))
    before = dump_json(hq.db)
    with pytest.raises(BundleError) as refused:
        hq.take(earlier)
    for words in import_words:
        assert words in str(refused.value)
    assert dump_json(hq.db) == before


def test_line_limit(laptop, laptops, monkeypatch):
    line = _problem_line(laptop.export())
    monkeypatch.setattr(fmt, "MAX_LINE_BYTES", line)
    _round_trip(laptop, laptops)
    _refused_both_ways(
        laptop,
        laptops,
        monkeypatch,
        "MAX_LINE_BYTES",
        line - 1,
        [f"problems row {laptop.problem['id']}", "1 more than the", "its column text alone"],
        ["tables/problems.jsonl has a line longer than"],
    )


def test_table_limit(laptop, laptops, monkeypatch):
    members = _members(laptop.export())
    biggest = max(size for name, size in members.items() if name.startswith("tables/"))
    monkeypatch.setattr(fmt, "MAX_TABLE_BYTES", biggest)
    _round_trip(laptop, laptops)
    _refused_both_ways(
        laptop,
        laptops,
        monkeypatch,
        "MAX_TABLE_BYTES",
        biggest - 1,
        ["comes to", "1 more than the", "export a delta (--since-last)"],
        ["declares", "more than the"],
    )


def test_total_limit(laptop, laptops, monkeypatch):
    # the receivers are enrolled first: the roster every bundle carries names them
    receivers = laptops("总部-往返"), laptops("总部-超限")
    total = sum(_members(laptop.export()).values())
    monkeypatch.setattr(fmt, "MAX_TOTAL_BYTES", total)
    _round_trip(laptop, laptops, receivers[0])
    _refused_both_ways(
        laptop,
        laptops,
        monkeypatch,
        "MAX_TOTAL_BYTES",
        total - 1,
        ["this bundle is too big", "1 more than the"],
        ["bytes uncompressed, more than the"],
        receivers[1],
    )


def test_attachments_alone_over_the_total_are_refused_before_writing(laptop, monkeypatch):
    monkeypatch.setattr(fmt, "MAX_TOTAL_BYTES", 4001)
    with pytest.raises(BundleError, match="its attachments alone come to 4,002 bytes, 1 more"):
        laptop.export()


def test_attachment_limit(laptop, laptops, monkeypatch):
    monkeypatch.setattr(fmt, "ATTACHMENT_LIMIT", 4002)
    _round_trip(laptop, laptops)
    _refused_both_ways(
        laptop,
        laptops,
        monkeypatch,
        "ATTACHMENT_LIMIT",
        4001,
        ["整改照片.jpg", "4,002 bytes, 1 more than the 4,001"],
        ["declares 4,002 bytes"],
    )


def test_member_count_limit(laptop, laptops, monkeypatch):
    count = len(_members(laptop.export()))
    monkeypatch.setattr(fmt, "MAX_MEMBERS", count)
    _round_trip(laptop, laptops)
    _refused_both_ways(
        laptop,
        laptops,
        monkeypatch,
        "MAX_MEMBERS",
        count - 1,
        ["1 attachments make more than the"],
        ["files, more than a bundle may"],
    )


def test_manifest_limit(laptop, laptops, monkeypatch):
    size = _members(laptop.export())["manifest.json"]
    monkeypatch.setattr(fmt, "MAX_MANIFEST_BYTES", size)
    _round_trip(laptop, laptops)
    _refused_both_ways(
        laptop,
        laptops,
        monkeypatch,
        "MAX_MANIFEST_BYTES",
        size - 1,
        ["manifest.json would be", "1 more than the"],
        ["member manifest.json declares"],
    )


def test_honest_repetitive_text_is_no_zip_bomb(laptops):
    """Many notes of one repeated sentence deflate far beyond 200:1 and still travel."""
    laptop = laptops("笔记本1")
    ensure_initialised(laptop.rows)
    town = laptop.db.execute("SELECT id FROM townships LIMIT 1").fetchone()[0]
    sentence = "会议记录不全。"
    with laptop.db.atomic():
        for _ in range(32):
            problem = add_problem(
                laptop.rows, town, sentence * 2_800, "2027-01-31", measure=sentence * 2_800
            )
            laptop.rows.update("problems", problem["id"], {"rectify_note": sentence * 14_000})
    hq = laptops("总部")
    bundle = laptop.export()
    info = _inner(bundle).getinfo("tables/problems.jsonl")
    assert info.file_size > 9_000_000 and info.file_size > 200 * info.compress_size
    hq.take(bundle)
    assert dump_json(hq.db) == dump_json(laptop.db)


def test_a_row_written_before_todays_rules_is_named_by_the_export(laptops):
    """An older database may hold a 17 MB note; the export names it instead of writing a
    bundle that every importer refuses."""
    laptop = laptops("笔记本1")
    ensure_initialised(laptop.rows)
    town = laptop.db.execute("SELECT id FROM townships LIMIT 1").fetchone()[0]
    problem = add_problem(laptop.rows, town, "短", "2027-01-31")
    with laptop.db.atomic():
        laptop.db.execute(
            "UPDATE problems SET measure = ? WHERE id = ?",
            ["整改" * (3 * 1024 * 1024), problem["id"]],
        )
    with pytest.raises(BundleError) as caught:
        laptop.export()
    message = str(caught.value)
    assert f"problems row {problem['id']}: column measure holds" in message
    assert "an import would refuse it" in message
    assert not list(laptop.folder.glob("*.inspbundle"))


def test_a_manifest_the_importer_would_refuse_is_not_written(laptop, monkeypatch):
    """The exporter runs the importer's manifest check on what it is about to write."""
    monkeypatch.setattr(fmt, "MAX_VECTOR_AUTHORS", 0)
    with pytest.raises(BundleError, match="'have' is not a version vector"):
        laptop.export()
    assert not list(laptop.folder.glob("*.inspbundle"))
