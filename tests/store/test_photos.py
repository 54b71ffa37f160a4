"""Photos are stored downscaled on attach; small photos, PDFs and requested originals as they are."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageDraw

from inspector.store import settings
from inspector.store.attachments import add_attachment, add_file, read_bytes

DATE_TAKEN = "2017:09:12 10:30:00"


def _photo(
    width: int, height: int, orientation: int | None = None, fmt: str = "JPEG", mode: str = "RGB"
) -> bytes:
    """A camera-like photo: a red block at the top left, white elsewhere, EXIF date and
    orientation."""
    image = Image.new(mode, (width, height), (255, 255, 255, 255)[: len(mode)])
    ImageDraw.Draw(image).rectangle(
        [0, 0, width // 4, height // 4], fill=(200, 0, 0, 255)[: len(mode)]
    )
    exif = Image.Exif()
    exif[0x0132] = DATE_TAKEN  # DateTime
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, fmt, exif=exif.tobytes(), **({"quality": 90} if fmt == "JPEG" else {}))
    return out.getvalue()


@pytest.fixture
def town(init_db):
    return init_db.execute("SELECT id FROM townships LIMIT 1").fetchone()[0]


@pytest.fixture
def writer(init_db):
    from inspector.store.rows import Rows

    return Rows(init_db, who="测试员")


def test_a_large_photo_turned_by_exif_is_stored_upright_at_2560(writer, town, tmp_path):
    # Orientation 6: the camera was held upright, the sensor stored it lying on its side.
    path = tmp_path / "IMG_0001.JPG"
    path.write_bytes(_photo(4000, 3000, orientation=6))
    row = add_file(writer, "townships", town, path)
    stored = Image.open(io.BytesIO(read_bytes(writer.db, row["sha256"])))
    assert stored.format == "JPEG"
    assert stored.size == (1920, 2560)
    assert stored.getexif().get(0x0112) in (None, 1)  # upright: no turn left to apply
    assert stored.getexif().get(0x0132) == DATE_TAKEN
    # The red block, top left as taken, is top right once turned 90° clockwise.
    assert stored.getpixel((1920 - 40, 40))[0] > 150 > stored.getpixel((1920 - 40, 40))[1]
    assert stored.getpixel((40, 40)) == pytest.approx((255, 255, 255), abs=8)
    assert (row["filename"], row["mime"]) == ("IMG_0001.jpg", "image/jpeg")
    assert row["size"] == len(read_bytes(writer.db, row["sha256"])) < path.stat().st_size


def test_a_small_photo_is_stored_unchanged(writer, town):
    data = _photo(2560, 1440, orientation=6)
    row = add_attachment(writer, "townships", town, data, filename="小图.jpg")
    assert read_bytes(writer.db, row["sha256"]) == data
    assert row["mime"] == "image/jpeg"


def test_a_pdf_is_stored_unchanged(writer, town, tmp_path):
    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 400 + b"\n%%EOF\n"
    path = tmp_path / "整改报告.pdf"
    path.write_bytes(pdf)
    row = add_file(writer, "townships", town, path)
    assert read_bytes(writer.db, row["sha256"]) == pdf
    assert (row["filename"], row["mime"]) == ("整改报告.pdf", "application/pdf")


def test_a_large_png_with_transparency_becomes_a_jpeg_on_white(writer, town):
    data = _photo(3000, 1000, fmt="PNG", mode="RGBA")
    row = add_attachment(writer, "townships", town, data, filename="截图.png")
    stored = Image.open(io.BytesIO(read_bytes(writer.db, row["sha256"])))
    assert (stored.format, stored.size) == ("JPEG", (2560, 853))
    assert (row["filename"], row["mime"]) == ("截图.jpg", "image/jpeg")


def test_originals_are_kept_on_request(writer, town):
    data = _photo(4000, 3000, orientation=6)
    row = add_attachment(writer, "townships", town, data, filename="原图.jpg", keep_original=True)
    assert read_bytes(writer.db, row["sha256"]) == data


def test_the_setting_keeps_originals_for_every_attach(writer, town):
    data = _photo(4000, 3000)
    with writer.db.atomic():
        settings.put(writer.db, "keep_original_photos", True)
    row = add_attachment(writer, "townships", town, data, filename="原图.jpg")
    assert read_bytes(writer.db, row["sha256"]) == data
    assert Image.open(io.BytesIO(read_bytes(writer.db, row["sha256"]))).size == (4000, 3000)


def test_bytes_that_only_look_like_a_jpeg_are_stored_as_they_are(writer, town):
    data = b"\xff\xd8\xff\xe0" + bytes(5000)
    row = add_attachment(writer, "townships", town, data, filename="坏的.jpg")
    assert read_bytes(writer.db, row["sha256"]) == data
