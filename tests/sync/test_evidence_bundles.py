"""Evidence's new column travels, and bundles of the previous version still import."""

from __future__ import annotations

from inspector.store.attachments import add_attachment


def _township(device):
    return device.db.execute("SELECT id FROM townships ORDER BY id LIMIT 1").fetchone()[0]


def test_the_time_taken_and_a_caption_travel(laptops, hq):
    laptop = laptops("笔记本1")
    row = add_attachment(
        hq.rows,
        "townships",
        _township(hq),
        b"%PDF-1.4 scan",
        filename="scan.pdf",
        mtime=1505203200.0,
    )
    hq.rows.update("attachments", row["id"], {"caption": "会议记录扫描件"})
    laptop.take(hq.export())
    got = laptop.db.execute(
        "SELECT taken_at, caption FROM attachments WHERE id = ?", [row["id"]]
    ).fetchone()
    assert got == (row["taken_at"], "会议记录扫描件") and got[0] is not None


def test_a_bundle_without_the_time_taken_imports_with_no_time(laptops, hq):
    """A laptop still on the previous version sends attachments without `taken_at`."""
    laptop = laptops("笔记本1")
    row = add_attachment(hq.rows, "townships", _township(hq), b"%PDF-1.4 old", filename="old.pdf")
    hq.db.execute("ALTER TABLE attachments DROP COLUMN taken_at")  # as the previous schema
    summary = laptop.take(hq.export())
    assert summary.attachments_new >= 1
    got = laptop.db.execute(
        "SELECT taken_at, filename FROM attachments WHERE id = ?", [row["id"]]
    ).fetchone()
    assert got == (None, "old.pdf")


def test_a_bundle_missing_another_column_is_still_refused(laptops, hq):
    import pytest

    from inspector.sync.errors import BundleError

    laptop = laptops("笔记本1")
    add_attachment(hq.rows, "townships", _township(hq), b"%PDF-1.4 x", filename="x.pdf")
    hq.db.execute("ALTER TABLE attachments DROP COLUMN caption")
    with pytest.raises(BundleError, match="missing column"):
        laptop.take(hq.export())
