"""Township lists, forms and campaigns."""

from __future__ import annotations

import pytest

from inspector.core.forms import load_form
from inspector.paths import default_form_path, sample_townships_csv
from inspector.store.catalog import (
    CatalogError,
    create_campaign,
    find_campaign,
    find_township,
    import_townships_csv,
    install_form,
    township_kind,
)
from inspector.store.db import open_db
from inspector.store.rows import Rows


def test_sample_list_gives_36_townships_in_4_counties(init_db):
    assert init_db["counties"].count == 4
    kinds = dict(init_db.execute("SELECT kind, COUNT(*) FROM townships GROUP BY kind").fetchall())
    # the sample project sites share the table (kind 项目): tests/store/test_projects.py
    assert kinds == {"街道": 14, "镇": 17, "乡": 5, "项目": 4}
    assert find_township(init_db, "沈家门街道")["county"] == "普陀区"


def test_two_laptops_that_ran_init_hold_the_same_ids(tmp_path):
    ids = []
    for name in ("a", "b"):
        db = open_db(tmp_path / f"{name}.db")
        rows = Rows(db)
        install_form(rows, load_form(default_form_path()))
        import_townships_csv(rows, sample_townships_csv())
        ids.append(
            [
                r[0]
                for r in db.execute(
                    "SELECT id FROM townships UNION ALL SELECT id FROM counties "
                    "UNION ALL SELECT id FROM forms ORDER BY 1"
                )
            ]
        )
    assert ids[0] == ids[1] and len(ids[0]) == 41


def test_reimporting_the_same_list_changes_nothing(init_db):
    rows = Rows(init_db)
    before = init_db["audit_log"].count
    counts = import_townships_csv(rows, sample_townships_csv())
    assert counts == {"counties": 0, "townships": 0, "unchanged": 40}
    assert init_db["audit_log"].count == before


def test_a_bad_row_is_reported_by_line_and_nothing_is_imported(rows, tmp_path):
    csv = tmp_path / "list.csv"
    csv.write_text(
        "county,county_code,township,township_code,kind\n"
        "定海区,330902,昌国街道,330902002,街道\n"
        "定海区,330902,,330902003,街道\n"
        "定海区,330902,盐仓街道,33090X,街道\n"
        "普陀区,330903,昌国街道二,330902002,镇\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogError) as err:
        import_townships_csv(rows, csv)
    message = str(err.value)
    assert f"{csv}:3: township is empty" in message
    assert f"{csv}:4: township_code '33090X'" in message
    assert f"{csv}:5:" in message and "repeats line 2" in message
    assert rows.db["townships"].count == 0 and rows.db["counties"].count == 0


def test_missing_columns_and_non_utf8(rows, tmp_path):
    csv = tmp_path / "x.csv"
    csv.write_text("name,code\n甲,1\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="missing column"):
        import_townships_csv(rows, csv)
    csv.write_bytes("county,township\n定海区,昌国街道\n".encode("gbk"))
    with pytest.raises(CatalogError, match="not UTF-8"):
        import_townships_csv(rows, csv)


def test_township_without_code_gets_kind_from_its_name(rows, tmp_path):
    csv = tmp_path / "x.csv"
    csv.write_text("\ufeffcounty,township\n新城管委会,试验乡\n", encoding="utf-8")
    import_townships_csv(rows, csv)
    t = find_township(rows.db, "试验乡")
    assert t["kind"] == "乡" and t["code"] is None
    assert township_kind("某某", "330902150") == "镇"


def test_form_versions_are_immutable(rows):
    form = load_form(default_form_path())
    first = install_form(rows, form)
    assert install_form(rows, form)["updated_at"] == first["updated_at"]
    from inspector.core.forms import parse_form

    changed = parse_form(form.source.replace("符合", "符合 ", 1), "x.toml")
    with pytest.raises(CatalogError, match="new version"):
        install_form(rows, changed)


def test_campaign_keeps_the_form_and_is_found_by_name(init_db):
    rows = Rows(init_db)
    campaign = create_campaign(
        rows, "2017年第三季度基层党建专项督查", "township-party-building", year=2017
    )
    assert campaign["year"] == 2017 and campaign["interview_bottom"] == 3
    assert find_campaign(init_db, "2017年第三季度基层党建专项督查")["id"] == campaign["id"]
    assert find_campaign(init_db, campaign["id"][:8])["id"] == campaign["id"]
    with pytest.raises(CatalogError, match="did you mean 2017年第三季度"):
        find_campaign(init_db, "2017年第三季度督查")
    with pytest.raises(CatalogError, match="no form 'nope'"):
        create_campaign(rows, "x", "nope")
    with pytest.raises(CatalogError, match="already exists"):
        create_campaign(rows, "2017年第三季度基层党建专项督查", "township-party-building")


def test_unknown_township_suggests_close_names(init_db):
    with pytest.raises(CatalogError, match=r"did you mean.*沈家门街道"):
        find_township(init_db, "沈家门")


HEADER = "county,county_code,township,township_code,kind\n"


def _import(rows, tmp_path, body: str | bytes):
    path = tmp_path / "list.csv"
    if isinstance(body, str):
        path.write_text(HEADER + body, encoding="utf-8")
    else:
        path.write_bytes(HEADER.encode() + body)
    return path, lambda: import_townships_csv(rows, path)


def test_a_field_over_the_csv_limit_is_refused_by_line(rows, tmp_path):
    path, run = _import(
        rows,
        tmp_path,
        f"定海区,330902,昌国街道,330902002,街道\n定海区,330902,{'长' * 200_000},330902003,镇\n",
    )
    with pytest.raises(CatalogError) as err:
        run()
    assert str(err.value) == f"{path}:3: field too long (over 131072 characters)"
    assert rows.db["townships"].count == 0


@pytest.mark.parametrize(
    "bad", ["昌国\x1b[2J街道", "昌国\r街道", "昌国\x00街道", "昌国\u202e街道", "昌国\t街道"]
)
def test_names_with_control_characters_are_refused(rows, tmp_path, bad):
    path, run = _import(rows, tmp_path, f'定海区,330902,"{bad}",330902002,街道\n')
    with pytest.raises(CatalogError) as err:
        run()
    assert str(err.value).startswith(f"{path}:2: township holds control characters")
    assert rows.db["townships"].count == 0


def test_a_name_longer_than_any_township_is_refused(rows, tmp_path):
    path, run = _import(rows, tmp_path, f"定海区,330902,{'长' * 101}街道,330902002,街道\n")
    with pytest.raises(CatalogError) as err:
        run()
    assert str(err.value) == f"{path}:2: township is longer than 100 characters"


def test_a_township_already_held_under_another_code_is_refused(init_db, tmp_path):
    rows = Rows(init_db, who="测试员")
    before = init_db["townships"].count
    path, run = _import(
        rows,
        tmp_path,
        "定海区,330902,盐仓街道,330902005,街道\n定海区,330902,昌国街道,330902999,街道\n",
    )
    with pytest.raises(CatalogError) as err:
        run()
    assert str(err.value) == (
        f"{path}:3: 定海区 昌国街道 is already in the database with township_code 330902002"
    )
    path, run = _import(rows, tmp_path, "定海区,,盐仓街道,,街道\n")
    with pytest.raises(CatalogError) as err:
        run()
    assert str(err.value) == (
        f"{path}:2: county 定海区 is already in the database with county_code 330902"
    )
    assert init_db["townships"].count == before


def test_one_county_with_two_codes_in_a_file_is_refused(rows, tmp_path):
    """It used to end in a foreign-key error: the second code's county was never written."""
    path, run = _import(
        rows, tmp_path, "定海区,330902,盐仓街道,330902005,街道\n定海区,,白泉镇,,镇\n"
    )
    with pytest.raises(CatalogError) as err:
        run()
    assert str(err.value) == f"{path}:3: county 定海区 has county_code 330902 on line 2"
    assert rows.db["townships"].count == 0


def test_a_renamed_township_keeps_its_code_and_row(init_db, tmp_path):
    rows = Rows(init_db, who="测试员")
    before = init_db["townships"].count
    _path, run = _import(rows, tmp_path, "定海区,330902,昌国新街道,330902002,街道\n")
    assert run()["townships"] == 1
    assert init_db["townships"].count == before
    assert find_township(init_db, "330902002")["name"] == "昌国新街道"


def test_a_huge_file_is_refused_without_reading_it_whole(rows, tmp_path):
    path = tmp_path / "big.csv"
    with path.open("wb") as fh:
        fh.write(HEADER.encode())
        fh.write(b"#" * (33 * 1024 * 1024))
    with pytest.raises(CatalogError) as err:
        import_townships_csv(rows, path)
    assert "larger than 32 MiB" in str(err.value)


def test_rows_are_named_by_the_line_they_start_on(rows, tmp_path):
    path, run = _import(
        rows,
        tmp_path,
        '\n定海区,330902,"昌国\n街道",330902002,街道\n\n定海区,330902,,330902003,街道\n',
    )
    with pytest.raises(CatalogError) as err:
        run()
    assert str(err.value).splitlines() == [
        f"{path}:3: township holds control characters (\\x0a)",
        f"{path}:6: township is empty",
    ]


def test_a_list_with_old_mac_line_ends_is_read(rows, tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes(
        "county,county_code,township,township_code,kind\r定海区,330902,昌国街道,"
        "330902002,街道\r".encode()
    )
    assert import_townships_csv(rows, path)["townships"] == 1
