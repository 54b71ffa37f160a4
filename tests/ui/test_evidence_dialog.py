"""The evidence of a checklist item, clicked: caption typed and saved, deleted, a scan shown."""

from __future__ import annotations

import datetime as dt
import io
import os

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from inspector.ui.photos import THUMB, Thumbnail

# Qt says what it thinks of a damaged JPEG on its log; the user sees the dialog's line.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "JPEG", "JFIF")

WHEN = dt.datetime(2017, 9, 14, 8, 5, 0).timestamp()


def _jpeg(tmp_path, name: str, date: str | None = "2017:09:12 10:30:00"):
    exif = Image.Exif()
    if date:
        exif.get_ifd(0x8769)[0x9003] = date
    out = io.BytesIO()
    Image.new("RGB", (120, 90), (30, 120, 200)).save(out, "JPEG", exif=exif.tobytes())
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    os.utime(path, (WHEN, WHEN))
    return path


def _scan(tmp_path, name: str = "会议记录扫描件.pdf"):
    """A one-page scan: a black block on the top half of an A4 page."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    path = tmp_path / name
    page = canvas.Canvas(str(path), pagesize=A4)
    page.setFillColorRGB(0, 0, 0)
    page.rect(0, A4[1] / 2, A4[0], A4[1] / 2, fill=1, stroke=0)
    page.showPage()
    page.save()
    os.utime(path, (WHEN, WHEN))
    return path


def _attach(widget, inspection, qtbot, *paths, item="P05"):
    widget.session.answers.attach_files(inspection["id"], item, [str(p) for p in paths])
    strip = widget.cards[item].photos
    qtbot.waitUntil(
        lambda: len(strip.findChildren(Thumbnail)) == len(strip.attachments), timeout=5000
    )
    return strip


def _thumbs(strip):
    return [t for t in strip.findChildren(Thumbnail) if not t.isHidden()]


def _type(widget, text: str) -> None:
    """Chinese typed key by key (keyClicks aborts on non-ASCII)."""
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def _open(qtbot, strip, index=0):
    qtbot.mouseClick(_thumbs(strip)[index], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: strip.dialog is not None and strip.dialog.isVisible(), timeout=3000)
    return strip.dialog


def test_a_caption_typed_in_the_dialog_is_saved_and_synced(entry, qtbot, tmp_path):
    db, widget, inspection = entry
    strip = _attach(widget, inspection, qtbot, _jpeg(tmp_path, "IMG_1.jpg"))
    dialog = _open(qtbot, strip)
    assert dialog.time_label.text() == "Taken 2017-09-12 10:30"
    dialog.caption_edit.setFocus()
    _type(dialog.caption_edit, "党员活动室")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    row = db.execute("SELECT caption, taken_at, updated_at FROM attachments").fetchone()
    assert row[:2] == ("党员活动室", "2017-09-12T10:30:00")
    # The strip re-read the row: the tooltip carries the caption and the time.
    qtbot.waitUntil(lambda: "党员活动室" in _thumbs(strip)[0].toolTip(), timeout=3000)
    assert "Taken 2017-09-12 10:30" in _thumbs(strip)[0].toolTip()


def test_deleting_evidence_asks_then_leaves_a_tombstone(entry, qtbot, tmp_path):
    db, widget, inspection = entry
    strip = _attach(
        widget, inspection, qtbot, _jpeg(tmp_path, "a.jpg"), _jpeg(tmp_path, "b.jpg", None)
    )
    assert len(_thumbs(strip)) == 2
    dialog = _open(qtbot, strip, 0)
    first = dialog.att["id"]

    def answer_yes():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "confirm_delete_evidence"
        box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(100, answer_yes)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert db.execute("SELECT deleted FROM attachments WHERE id = ?", [first]).fetchone() == (1,)
    qtbot.waitUntil(lambda: len(_thumbs(strip)) == 1, timeout=3000)
    assert [a["filename"] for a in strip.attachments] == ["b.jpg"]
    assert "Taken 2017-09-14 08:05" in _thumbs(strip)[0].toolTip()  # no EXIF: the file's time


def test_saying_no_keeps_the_evidence(entry, qtbot, tmp_path):
    db, widget, inspection = entry
    strip = _attach(widget, inspection, qtbot, _jpeg(tmp_path, "a.jpg"))
    dialog = _open(qtbot, strip)

    def answer_no():
        QApplication.activeModalWidget().button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(100, answer_no)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert db.execute("SELECT deleted FROM attachments").fetchone() == (0,)
    assert dialog.isVisible()


def test_a_scanned_pdf_shows_its_first_page_and_opens_in_the_viewer(entry, qtbot, tmp_path):
    _db, widget, inspection = entry
    strip = _attach(widget, inspection, qtbot, _scan(tmp_path))
    thumb = _thumbs(strip)[0]
    image = thumb.pixmap().toImage()
    assert (
        not image.isNull() and image.width() <= THUMB.width() and image.height() <= THUMB.height()
    )
    top, bottom = (
        image.pixelColor(image.width() // 2, 3),
        image.pixelColor(image.width() // 2, image.height() - 3),
    )
    assert top.lightness() < 60 < 200 < bottom.lightness()  # page 1 as printed: black over white
    dialog = _open(qtbot, strip)
    assert dialog.open_button.isVisible()
    view = dialog.open_pages()
    assert view is not None and view.page_count() == 1


@pytest.mark.parametrize(
    "name, data",
    [
        (
            "坏的扫描件.pdf",
            b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 9 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF",
        ),
        ("damaged.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x13" * 300),
    ],
)
def test_a_damaged_scan_or_photo_shows_a_page_and_says_so(entry, qtbot, tmp_path, name, data):
    _db, widget, inspection = entry
    path = tmp_path / name
    path.write_bytes(data)
    os.utime(path, (WHEN, WHEN))
    strip = _attach(widget, inspection, qtbot, path)
    thumb = _thumbs(strip)[0]
    if name.endswith(".pdf"):  # a page icon stands in for the page QtPdf cannot draw
        assert not thumb.pixmap().isNull() and thumb.pixmap().width() <= 32
    else:
        assert thumb.text() == name[:10]
    dialog = _open(qtbot, strip)
    assert "cannot be shown" in dialog.view.text()
    assert not dialog.open_button.isVisible()
    assert dialog.time_label.text() == "Taken 2017-09-14 08:05"


def test_a_problems_scan_gets_its_caption_in_the_problem_panel(
    qtbot, sample_db, sample_campaign, monkeypatch, tmp_path
):
    from inspector.store.attachments import attachments_of
    from inspector.ui import problem_panel
    from inspector.ui.problem_list import ProblemListWidget
    from tests.conftest import SAMPLE_DATE
    from tests.ui.test_problem_list import open_problem, select_ids

    widget = ProblemListWidget(sample_db, today=SAMPLE_DATE)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    widget.set_campaign(sample_campaign["id"])
    scan = _scan(tmp_path, "整改报告.pdf")
    monkeypatch.setattr(problem_panel, "choose_photos", lambda *_: [str(scan)])
    pid = open_problem(sample_db, sample_campaign["id"])
    select_ids(widget, pid)
    with qtbot.waitSignal(widget.changed):
        qtbot.mouseClick(widget.panel.add_photos_button, Qt.MouseButton.LeftButton)
    photos = widget.panel.photos
    assert not photos.item(0).icon().isNull()  # the scan's first page
    assert "Taken 2017-09-14 08:05" in photos.item(0).toolTip()
    photos.itemActivated.emit(photos.item(0))
    dialog = qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None) or (
        QApplication.activeModalWidget()
    )
    dialog.caption_edit.setFocus()
    _type(dialog.caption_edit, "整改报告扫描件")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert [a["caption"] for a in attachments_of(sample_db, "problems", pid)] == ["整改报告扫描件"]
    qtbot.waitUntil(lambda: photos.item(0).text() == "整改报告扫描件", timeout=3000)
