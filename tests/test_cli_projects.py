"""`inspector projects import|list`, `init` and `demo` with project sites, as users run them."""

from __future__ import annotations

import json

from inspector.paths import forms_dir
from tests.conftest import SAMPLE_DATE
from tests.test_cli import run


def test_init_installs_both_forms_and_the_sample_project_sites(tmp_path):
    db = tmp_path / "x.db"
    out = run("init", db=db).stdout
    assert "36 townships, 4 sample project sites" in out
    listed = run("projects", "list", db=db).stdout.splitlines()
    assert "岱山县\t鱼山石化项目（示例）\t" in listed
    assert len(listed) == 4 and all("（示例）" in line for line in listed)
    assert not any(
        "（示例）" in line for line in run("townships", "list", db=db).stdout.splitlines()
    )
    forms = {f["form_id"] for f in json.loads(run("dump", db=db).stdout)["forms"]}
    assert forms == {"township-party-building", "project-party-building"}


def test_projects_import_then_list(tmp_path):
    db = tmp_path / "x.db"
    run("init", db=db)
    csv = tmp_path / "p.csv"
    csv.write_text("county,name,code\n普陀区,六横大桥二期项目,330903900\n", encoding="utf-8")
    out = run("projects", "import", str(csv), db=db).stdout
    assert "1 project sites added or changed, 0 unchanged" in out
    assert "普陀区\t六横大桥二期项目\t330903900" in run("projects", "list", db=db).stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("county,name\n某县,某项目\n", encoding="utf-8")
    refused = run("projects", "import", str(bad), db=db, check=False)
    assert refused.returncode != 0 and "Traceback" not in refused.stderr
    assert f"{bad}:2: no county 某县 in the database" in refused.stderr


def test_the_project_form_passes_forms_check():
    out = run("forms", "check", str(forms_dir() / "project-party-building-2017.toml")).stdout
    assert "project-party-building 2017.1" in out and "100 points" in out


def test_demo_ranks_the_sample_project_sites(tmp_path):
    db = tmp_path / "demo.db"
    out = run("demo", "--date", SAMPLE_DATE.isoformat(), db=db).stdout
    assert "2026年重大项目党建专项督查（示例）" in out
    ranking = json.loads(
        run(
            "ranking", "--campaign", "2026年重大项目党建专项督查（示例）", "--format", "json", db=db
        ).stdout
    )
    assert len(ranking) == 4
    assert all(r["township"].endswith("（示例）") for r in ranking)
    assert [r["rank"] for r in ranking] == [1, 2, 3, 4]
    assert sum(bool(r.get("interview")) for r in ranking) == 1
