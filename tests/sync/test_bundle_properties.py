"""Any one-cell change to a real bundle is refused cleanly or imports into a usable database.

An adversary (or a buggy version) rewrites one column of one row of a bundle
exported from the demo database and recomputes every hash. Either the import
refuses it, naming the problem, with the database and its folder exactly as
they were; or it imports, and then every report, the exports, the ranking,
`check` and the GUI's main views work on the result without a traceback.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from inspector.cli import main
from inspector.store.db import open_db
from inspector.store.dump import dump_json
from inspector.sync import roster
from inspector.sync.errors import BundleError
from inspector.sync.export import export_bundle
from inspector.sync.importer import import_bundle
from tests.sync.helpers import Device, Federation, read_bundle, write_bundle

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SAMPLE_DATE = "2026-11-20"


@pytest.fixture(scope="session")
def real_bundle(_sample_template, tmp_path_factory):
    """The demo campaign with a photo on a problem, exported once by the device that wrote it
    (enrolled by a headquarters of the session): the federation, manifest, rows, bytes."""
    from inspector.store.attachments import add_attachment

    folder = tmp_path_factory.mktemp("property-source")
    fed = Federation(folder / "总部授权")
    hq = Device(folder / "hq", "总部", copy_of=_sample_template, federation=fed, keep_identity=True)
    problem = hq.db.execute("SELECT id FROM problems LIMIT 1").fetchone()[0]
    add_attachment(hq.rows, "problems", problem, b"\xff\xd8photo", filename="a.jpg")
    out = folder / "hq.inspbundle"
    export_bundle(hq.db, out)
    parts = read_bundle(out)
    yield fed, *parts
    hq.close()
    fed.close()


_JUNK = st.sampled_from(
    [
        "banana",
        "not-a-date",
        "9999-99-99",
        "2026-02-30",
        "2026-13-01",
        "20261120",
        "NaN",
        "Infinity",
        "-1",
        "",
        " ",
        "[",
        "{}",
        "[1, 2]",
        '["x"]',
        '[["a"]]',
        "null",
        "\x00",
        "a\x07b",
        "名\n字",
        "\u202e反转",
        "x" * 300,
        "1e999",
        "9999999999999-ffff-x",
        "0000000000000-0000-a",
        "open",
        "closed",
        "full",
        "na",
        "finished",
        "街道",
        "zone",
        "330902",
        "330902001",
        "0" * 64,
        "2026-11-20T25:00:00",
        "2099-12-31",
        "2000-01-01",
    ]
)
_NUMBERS = st.one_of(
    st.integers(min_value=-(2**63), max_value=2**63 - 1),
    st.sampled_from([0, 1, -1, 2, 1999, 2000, 2100, 2101, 10**9, 10**9 + 1, 2**53]),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from([1e308, -1e308, 0.5, -0.0, 1e-300]),
)
_WRONG_TYPES = st.one_of(
    st.none(), st.booleans(), st.just([]), st.just({"a": 1}), st.lists(st.integers(), max_size=3)
)
_DATES = st.dates().map(lambda d: d.isoformat())
_TEXT = st.text(max_size=40)


@st.composite
def mutation(draw, tables):
    """(table, row index, column, new value): one cell changed, as an adversary might."""
    table = draw(st.sampled_from(sorted(t for t, rows in tables.items() if rows)))
    index = draw(st.integers(min_value=0, max_value=len(tables[table]) - 1))
    row = tables[table][index]
    column = draw(st.sampled_from(sorted(row)))
    other_ids = [r["id"] for t in sorted(tables) for r in tables[t][:50]]
    if column == "deleted" and draw(st.booleans()):
        return table, index, column, 1 - row["deleted"] if row["deleted"] in (0, 1) else 0
    value = draw(
        st.one_of(_JUNK, _NUMBERS, _WRONG_TYPES, _DATES, _TEXT, st.sampled_from(other_ids))
    )
    return table, index, column, value


def _folder_listing(folder: Path) -> list[str]:
    return sorted(
        str(p.relative_to(folder))
        for p in folder.rglob("*")
        if not p.name.endswith(("-wal", "-shm"))
    )


def _cli(db_path: Path, *args: str) -> None:
    result = CliRunner().invoke(main, ["--db", str(db_path), *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output, result.output


def _readers(db, db_path: Path, out: Path, qtbot) -> None:
    """Everything a user opens after an import: reports, exports, ranking, check, the GUI."""
    campaigns = [
        r[0] for r in db.execute("SELECT id FROM campaigns WHERE deleted = 0 ORDER BY id LIMIT 2")
    ]
    townships = [
        r[0] for r in db.execute("SELECT id FROM townships WHERE deleted = 0 ORDER BY id LIMIT 2")
    ]
    _cli(db_path, "check")
    _cli(db_path, "report", "problems", "--out", str(out / "problems.pdf"), "--date", SAMPLE_DATE)
    _cli(db_path, "problems", "export", "--format", "csv", "--out", str(out / "p.csv"))
    _cli(db_path, "problems", "export", "--format", "xlsx", "--out", str(out / "p.xlsx"))
    for campaign in campaigns:
        _cli(db_path, "ranking", "--campaign", campaign, "--format", "json")
        _cli(
            db_path,
            "report",
            "summary",
            "--campaign",
            campaign,
            "--out",
            str(out / "summary.pdf"),
            "--date",
            SAMPLE_DATE,
        )
        for township in townships:
            _cli(
                db_path,
                "report",
                "star",
                "--campaign",
                campaign,
                "--township",
                township,
                "--out",
                str(out / "star.pdf"),
                "--date",
                SAMPLE_DATE,
            )
            _cli(
                db_path,
                "report",
                "notice",
                "--campaign",
                campaign,
                "--township",
                township,
                "--out",
                str(out / "notice.pdf"),
                "--date",
                SAMPLE_DATE,
            )
    _gui(db, db_path, townships, qtbot)


def _gui(db, db_path: Path, townships: list[str], qtbot) -> None:
    from inspector.ui.main_window import NOTICES_TAB, PROBLEMS_TAB, MainWindow

    with qtbot.captureExceptions() as raised:
        win = MainWindow(db, str(db_path))
        win.load()
        for township in townships:
            win.tree.select_township(township)
        win.tabs.setCurrentIndex(PROBLEMS_TAB)
        win.tabs.setCurrentIndex(NOTICES_TAB)
        win.close()
        win.deleteLater()
    assert not raised, raised


@settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_one_changed_cell_is_refused_cleanly_or_imports_into_a_usable_database(
    real_bundle, tmp_path, qtbot, data
):
    fed, manifest, tables, blobs = real_bundle
    Federation.current = fed
    table, index, column, value = data.draw(mutation(tables), label="mutation")
    if isinstance(value, float) and not math.isfinite(value):
        return
    edited = {t: list(rows) for t, rows in tables.items()}
    edited[table][index] = {**tables[table][index], column: value}
    work = Path(tempfile.mkdtemp(dir=tmp_path))
    folder = work / "laptop"
    folder.mkdir()
    db_path = folder / "laptop.db"
    db = open_db(db_path)
    roster.enrol(fed.db, roster.request(db), "inspector")  # so the bundle is sealed to it
    bundle = write_bundle(work / "edited.inspbundle", manifest, edited, blobs)
    try:
        before, listing = dump_json(db), _folder_listing(folder)
        try:
            import_bundle(db, bundle, trust=fed.keys.fingerprint)
        except BundleError as exc:
            event("refused")
            assert "\n" not in str(exc) and "Traceback" not in str(exc)
            assert dump_json(db) == before
            assert _folder_listing(folder) == listing
            return
        event("imported")
        _readers(db, db_path, work, qtbot)
    finally:
        db.close()
