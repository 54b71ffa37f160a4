"""Project sites (项目党建): their ids, their list, their own campaigns and ranking."""

from __future__ import annotations

import pytest

from inspector.core.forms import load_form
from inspector.core.ids import county_id, project_id, township_id
from inspector.core.scoring import Verdict
from inspector.paths import project_form_path
from inspector.store.catalog import (
    CatalogError,
    create_campaign,
    find_township,
    parse_townships_csv,
    townships,
)
from inspector.store.inspections import campaign_overview, set_answer, start_inspection
from inspector.store.projects import (
    EXAMPLE_MARK,
    PROJECT_KIND,
    SAMPLE_PROJECTS,
    TargetMismatch,
    import_projects_csv,
    parse_projects_csv,
    projects,
)
from inspector.store.ranking import campaign_ranking
from inspector.store.rows import Rows


def test_a_project_id_depends_only_on_county_and_name():
    daishan = county_id("330921", "岱山县")
    assert project_id(daishan, "鱼山石化项目") == project_id(daishan, "鱼山石化项目")
    assert project_id(daishan, "鱼山石化项目") != project_id(
        county_id("330902", "定海区"), "鱼山石化项目"
    )
    assert project_id(daishan, "鱼山石化项目") != project_id(daishan, "鱼山石化二期项目")


def test_a_project_never_takes_the_id_of_a_township_of_the_same_name():
    daishan = county_id("330921", "岱山县")
    assert project_id(daishan, "高亭镇") != township_id(None, daishan, "高亭镇")


def test_the_project_form_targets_projects_and_adds_up_to_100():
    form = load_form(project_form_path())
    assert form.target == "project"
    assert form.total_points == 100
    assert any(i.veto for i in form.items)
    scored = [i for i in form.items if i.kind != "text"]
    assert all(i.guidance and i.problem for i in scored)
    words = "".join(i.text for i in form.items)
    for phrase in ("三会一课", "党员固定活动日", "党建指导员", "亮身份", "区域联建", "同部署"):
        assert phrase in words


def test_init_installs_sample_projects_marked_as_examples(init_db):
    sites = projects(init_db)
    assert len(sites) == len(SAMPLE_PROJECTS)
    assert all(s["name"].endswith(EXAMPLE_MARK) and s["kind"] == PROJECT_KIND for s in sites)
    yushan = next(s for s in sites if s["name"].startswith("鱼山石化项目"))
    assert yushan["county"] == "岱山县"
    assert yushan["id"] == project_id(county_id("330921", "岱山县"), yushan["name"])
    # the township list stays the 36 townships
    assert len(townships(init_db)) == 36


def test_projects_import_from_csv(init_db, tmp_path):
    csv = tmp_path / "projects.csv"
    csv.write_text(
        "county,name,code\n岱山县,舟山绿色石化基地配套码头项目,\n定海区,新城大桥项目,330902900\n",
        encoding="utf-8",
    )
    counts = import_projects_csv(Rows(init_db, who="测试员"), csv)
    assert counts == {"projects": 2, "unchanged": 0}
    again = import_projects_csv(Rows(init_db, who="测试员"), csv)
    assert again == {"projects": 0, "unchanged": 2}
    names = {s["name"]: s for s in projects(init_db)}
    assert names["新城大桥项目"]["code"] == "330902900"
    assert names["新城大桥项目"]["county"] == "定海区"


def test_projects_csv_errors_name_the_line(init_db, tmp_path):
    with pytest.raises(CatalogError) as err:
        parse_projects_csv("county,name\n岱山县,\n岱山县,甲项目\n岱山县,甲项目\n", "p.csv")
    text = str(err.value)
    assert "p.csv:2:" in text and "name is empty" in text
    assert "p.csv:4:" in text and "repeats line 3" in text
    csv = tmp_path / "p.csv"
    csv.write_text("county,name\n不存在县,某项目\n", encoding="utf-8")
    with pytest.raises(CatalogError, match="no county 不存在县"):
        import_projects_csv(Rows(init_db), csv)
    assert len(projects(init_db)) == len(SAMPLE_PROJECTS)


@pytest.mark.parametrize(
    ("parse", "header", "row"),
    [
        (parse_projects_csv, "county,name", "岱山县,{n}号项目"),
        (parse_townships_csv, "county,township", "岱山县,{n}号镇"),
    ],
    ids=["projects", "townships"],
)
def test_both_lists_are_read_by_one_reader(parse, header, row):
    """The project and township lists refuse the same things the same way."""
    lines = [header, *(row.format(n=n) for n in range(1, 4))]
    assert [r.line for r in parse("\r".join(lines), "l.csv")] == [2, 3, 4]  # old Mac ends
    assert [r.line for r in parse("\ufeff" + "\n".join([*lines, ",", ""]), "l.csv")] == [2, 3, 4]
    with pytest.raises(CatalogError) as err:
        parse("\n".join([header, row.format(n=1) + ",x,y"]), "l.csv")
    assert str(err.value) == "l.csv:2: too many fields"
    with pytest.raises(CatalogError) as err:
        parse("\n".join([header, *([row.format(n=1)] * 25)]), "l.csv")
    shown = str(err.value).splitlines()
    assert shown[0].startswith("l.csv:3: ") and "repeats line 2" in shown[0]
    assert shown[-1] == "… and 4 more" and len(shown) == 21
    with pytest.raises(CatalogError, match=r"^l\.csv: no "):
        parse(header + "\n", "l.csv")


def _project_campaign(db):
    return create_campaign(
        Rows(db, who="测试员"), "2026年项目党建专项督查", "project-party-building"
    )


def test_a_project_campaign_lists_and_inspects_project_sites_only(init_db):
    rows = Rows(init_db, who="测试员")
    campaign = _project_campaign(init_db)
    listed = campaign_overview(init_db, campaign["id"])
    assert {r["township"] for r in listed} == {s["name"] for s in projects(init_db)}
    town = find_township(init_db, "高亭镇")
    with pytest.raises(TargetMismatch, match="高亭镇"):
        start_inspection(rows, campaign["id"], town["id"])
    township_campaign = create_campaign(rows, "2026年乡镇督查", "township-party-building")
    assert len(campaign_overview(init_db, township_campaign["id"])) == 36
    site = projects(init_db)[0]
    with pytest.raises(TargetMismatch):
        start_inspection(rows, township_campaign["id"], site["id"])


def test_a_project_campaign_is_ranked_by_its_sites(init_db):
    rows = Rows(init_db, who="测试员")
    campaign = _project_campaign(init_db)
    form = load_form(project_form_path())
    sites = projects(init_db)
    for n, site in enumerate(sites):
        insp = start_inspection(rows, campaign["id"], site["id"])
        for k, item in enumerate(i for i in form.items if i.kind != "text"):
            if item.kind == "number":
                set_answer(rows, insp["id"], item.id, number=0)
            else:
                fail = k < n * 2 and not item.veto
                set_answer(
                    rows, insp["id"], item.id, verdict=Verdict.FAIL if fail else Verdict.FULL
                )
    ranked = campaign_ranking(init_db, campaign["id"])
    assert [r.entry.township for r in ranked] == [s["name"] for s in sites]
    assert ranked[0].entry.score == 100.0 and ranked[-1].entry.score < 100.0
    assert ranked[0].entry.county == sites[0]["county"]
