"""The bundle reader reads: no database in it, rows out of it checked against the manifest."""

from __future__ import annotations

import ast
import hashlib
from pathlib import Path

import pytest

from inspector.sync.canonical import canonical
from inspector.sync.errors import BundleError
from inspector.sync.reader import Bundle
from tests.sync.helpers import read_bundle, write_bundle

READER = Path(__file__).resolve().parents[2] / "inspector" / "sync" / "reader.py"


def test_the_reader_touches_no_database():
    tree = ast.parse(READER.read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert not {
        m for m in imported if m.startswith(("inspector.store", "sqlite_utils", "sqlite3"))
    }, imported
    params = {
        a.arg
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for a in (*node.args.args, *node.args.kwonlyargs)
    }
    assert "db" not in params


def _columns(device, table: str) -> list[str]:
    return list(device.db[table].columns_dict)


def test_rows_come_out_parsed_with_their_lines(hq, federation):
    path = hq.export()
    with Bundle(path, [federation.keys.identity]) as bundle:
        got = list(bundle.table_rows("townships", _columns(hq, "townships")))
    held = {r["id"] for r in hq.db["townships"].rows}
    assert [n for n, _row, _line in got] == list(range(1, len(held) + 1))
    assert {row["id"] for _n, row, _line in got} == held
    assert all(row["id"].encode() in line for _n, row, line in got)


def test_a_table_read_to_the_end_is_checked_against_the_manifest(hq, federation, tmp_path):
    manifest, tables, blobs = read_bundle(hq.export())
    lines = b"".join(canonical(r) + b"\n" for r in tables["townships"])
    manifest["tables"]["townships"] = {
        "file": "tables/townships.jsonl",  # the count lies
        "rows": len(tables["townships"]) + 1,
        "sha256": hashlib.sha256(lines).hexdigest(),
    }
    forged = write_bundle(tmp_path / "forged.inspbundle", manifest, tables, blobs, fix_hashes=False)
    with Bundle(forged, [federation.keys.identity]) as bundle:
        rows = bundle.table_rows("townships", _columns(hq, "townships"))
        with pytest.raises(
            BundleError,
            match=r"tables/townships.jsonl holds \d+ rows, the "
            r"manifest says \d+",
        ):
            for _ in rows:
                pass


def test_a_row_with_other_columns_is_refused_with_its_line(hq, federation):
    path = hq.export()
    with Bundle(path, [federation.keys.identity]) as bundle:
        rows = bundle.table_rows("townships", [*_columns(hq, "townships"), "extra"])
        with pytest.raises(
            BundleError,
            match=r"tables/townships.jsonl line 1: missing "
            r"column\(s\) extra",
        ):
            next(iter(rows))
