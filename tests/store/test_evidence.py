"""Evidence: when it was taken, its caption, taking it away; hostile files never break it."""

from __future__ import annotations

import datetime as dt
import io
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from inspector.store.attachments import blob_path
from inspector.store.domains import Timestamp
from inspector.store.entry import photos_by_item
from inspector.store.session import ATTACHMENTS, Session
from inspector.store.taken import exif_time, parse_exif_time, taken_at

FILE_TIME = dt.datetime(2017, 9, 14, 8, 5, 0).timestamp()


def _jpeg(original: str | None = None, plain: str | None = None, size=(64, 48)) -> bytes:
    """A small JPEG with an EXIF DateTimeOriginal and/or DateTime as given."""
    exif = Image.Exif()
    if plain is not None:
        exif[0x0132] = plain
    if original is not None:
        exif.get_ifd(0x8769)[0x9003] = original
    out = io.BytesIO()
    Image.new("RGB", size, (120, 160, 90)).save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def _file(tmp_path, name: str, data: bytes, mtime: float = FILE_TIME):
    path = tmp_path / name
    path.write_bytes(data)
    os.utime(path, (mtime, mtime))
    return path


@pytest.fixture
def session(sample_db_path):
    s = Session.open(sample_db_path)
    yield s
    s.close()


@pytest.fixture
def inspection(session):
    iid = session.db.execute("SELECT id FROM inspections LIMIT 1").fetchone()[0]
    session.inspections.set_finished(iid, False)  # reopened: answers may change
    return iid


def test_a_photo_is_dated_by_its_exif_date_taken_not_by_its_file(session, inspection, tmp_path):
    path = _file(
        tmp_path, "IMG_1.jpg", _jpeg(original="2017:09:12 10:30:00", plain="2018:01:01 00:00:00")
    )
    done = session.answers.attach_files(inspection, "P01", [path])
    assert done.value[0]["taken_at"] == "2017-09-12T10:30:00"
    assert (
        session.db.execute(
            "SELECT taken_at FROM attachments WHERE id = ?", [done.value[0]["id"]]
        ).fetchone()[0]
        == "2017-09-12T10:30:00"
    )


def test_a_large_photo_keeps_its_date_when_downscaled(session, inspection, tmp_path):
    path = _file(tmp_path, "big.jpg", _jpeg(original="2017:09:12 10:30:00", size=(3000, 2000)))
    row = session.answers.attach_files(inspection, "P01", [path]).value[0]
    assert Image.open(blob_path(session.db, row["sha256"])).size == (2560, 1707)
    assert row["taken_at"] == "2017-09-12T10:30:00"


@pytest.mark.parametrize(
    "exif_date",
    [
        "0000:00:00 00:00:00",
        "2017:02:30 10:00:00",
        "1970:01:01 00:00:00",
        "    :  :     :  :  ",
        "garbage",
    ],
)
def test_a_nonsense_exif_date_gives_way_to_the_file_time(session, inspection, tmp_path, exif_date):
    path = _file(tmp_path, "odd.jpg", _jpeg(original=exif_date))
    row = session.answers.attach_files(inspection, "P01", [path]).value[0]
    assert row["taken_at"] == "2017-09-14T08:05:00"


@pytest.mark.parametrize(
    "name, data",
    [
        ("scan.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        ("broken.jpg", b"\xff\xd8\xff\xe1\x00\x10Exif\x00\x00II*\x00" + b"\x00" * 40),
        ("half.jpg", _jpeg(original="2017:09:12 10:30:00")[:300]),
    ],
)
def test_a_scan_or_a_corrupt_file_is_kept_and_dated_by_its_file(
    session, inspection, tmp_path, name, data
):
    path = _file(tmp_path, name, data)
    row = session.answers.attach_files(inspection, "P01", [path]).value[0]
    assert row["taken_at"] in ("2017-09-14T08:05:00", "2017-09-12T10:30:00")
    assert blob_path(session.db, row["sha256"]).read_bytes() == data


def test_a_file_time_outside_the_columns_years_is_no_time(session, inspection, tmp_path):
    path = _file(tmp_path, "old.pdf", b"%PDF-1.4\n", mtime=dt.datetime(1985, 1, 1).timestamp())
    row = session.answers.attach_files(inspection, "P01", [path]).value[0]
    assert row["taken_at"] is None


def test_a_caption_is_saved_on_the_synced_row_and_audited(session, inspection, tmp_path):
    path = _file(tmp_path, "IMG_2.jpg", _jpeg())
    row = session.answers.attach_files(inspection, "P01", [path]).value[0]
    done = session.attachments.set_caption(row["id"], "  党员活动室制度上墙  ")
    assert done.value["caption"] == "党员活动室制度上墙"
    assert done.value["updated_at"] > row["updated_at"]
    assert done.changes.touches(ATTACHMENTS) and done.changes.concerns_inspection(inspection)
    audit = session.db.execute(
        "SELECT action, new FROM audit_log WHERE row_id = ? ORDER BY id DESC LIMIT 1", [row["id"]]
    ).fetchone()
    assert audit[0] == "update" and json.loads(audit[1])["caption"] == "党员活动室制度上墙"


def test_deleting_evidence_leaves_a_tombstone_and_the_bytes(session, inspection, tmp_path):
    paths = [
        _file(tmp_path, "a.jpg", _jpeg(size=(60, 40))),
        _file(tmp_path, "b.jpg", _jpeg(size=(40, 60))),
    ]
    first, second = session.answers.attach_files(inspection, "P01", paths).value
    done = session.attachments.delete(first["id"])
    assert done.value["deleted"] == 1
    assert done.changes.concerns_inspection(inspection)
    assert [a["id"] for a in photos_by_item(session.db, inspection)["P01"]] == [second["id"]]
    assert session.db.execute(
        "SELECT deleted FROM attachments WHERE id = ?", [first["id"]]
    ).fetchone() == (1,)
    assert session.db.execute(
        "SELECT action FROM audit_log WHERE row_id = ? ORDER BY id DESC LIMIT 1", [first["id"]]
    ).fetchone() == ("delete",)
    assert blob_path(session.db, first["sha256"]).exists()


def test_a_deleted_attachment_takes_no_caption(session, inspection, tmp_path):
    row = session.answers.attach_files(
        inspection, "P01", [_file(tmp_path, "c.jpg", _jpeg())]
    ).value[0]
    session.attachments.delete(row["id"])
    with pytest.raises(KeyError):
        session.attachments.set_caption(row["id"], "迟到的说明")


def test_editing_a_caption_keeps_the_photos_order(session, inspection, tmp_path):
    paths = [_file(tmp_path, f"{n}.jpg", _jpeg(size=(40 + n, 40))) for n in range(3)]
    rows = session.answers.attach_files(inspection, "P01", paths).value
    session.attachments.set_caption(rows[0]["id"], "第一张")
    assert [a["id"] for a in photos_by_item(session.db, inspection)["P01"]] == [
        r["id"] for r in rows
    ]


_TIMESTAMP = Timestamp(nullable=True)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=40), st.binary(max_size=40), st.integers(), st.none()))
def test_any_exif_date_value_parses_to_a_valid_time_or_none(value):
    assert _TIMESTAMP.accepts(parse_exif_time(value))


@settings(max_examples=300, deadline=None)
@given(
    st.tuples(*(st.integers(0, 9999) for _ in range(6))).map(
        lambda t: (
            f"{t[0]:04d}:{t[1] % 100:02d}:{t[2] % 100:02d} "
            f"{t[3] % 100:02d}:{t[4] % 100:02d}:{t[5] % 100:02d}"
        )
    )
)
def test_exif_shaped_dates_parse_to_a_valid_time_or_none(value):
    assert _TIMESTAMP.accepts(parse_exif_time(value))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600), st.integers(0, 500))
def test_damaged_jpeg_bytes_never_break_the_date(noise, cut):
    data = bytearray(_jpeg(original="2017:09:12 10:30:00"))
    at = cut % len(data)
    data[at : at + len(noise)] = noise
    assert _TIMESTAMP.accepts(exif_time(bytes(data)))
    assert taken_at(bytes(data), FILE_TIME) is not None


@settings(max_examples=100, deadline=None)
@given(
    st.one_of(
        st.none(), st.floats(allow_nan=True, allow_infinity=True), st.integers(-(2**70), 2**70)
    )
)
def test_any_file_time_gives_a_valid_time_or_none(mtime):
    from inspector.store.taken import file_time

    assert _TIMESTAMP.accepts(file_time(mtime))
