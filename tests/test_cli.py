"""The command line as users and other tools run it: real processes, real files."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from inspector.paths import forms_dir
from tests.conftest import SAMPLE_DATE


def run(*args, db=None, check=True, env=None):
    cmd = [sys.executable, "-m", "inspector"]
    if db is not None:
        cmd += ["--db", str(db)]
    result = subprocess.run([*cmd, *args], capture_output=True, text=True, env=env)
    if check and result.returncode != 0:
        raise AssertionError(result.stderr)
    return result


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "demo.db"
    run("demo", "--date", SAMPLE_DATE.isoformat(), db=db)
    return db


def campaign_id(db):
    return run("campaign", "list", db=db).stdout.split("\t")[0]


def test_init_creates_the_townships_and_form(tmp_path):
    out = run("init", db=tmp_path / "x.db").stdout
    assert "4 counties, 36 townships" in out and "township-party-building" in out
    assert "4 sample project sites" in out


def test_db_from_the_environment(tmp_path):
    import os

    env = dict(os.environ, INSPECTOR_DB=str(tmp_path / "env.db"))
    run("init", env=env)
    assert (tmp_path / "env.db").exists()


def test_dump_holds_36_townships_4_counties_and_one_inspection_each(demo_db):
    data = json.loads(run("dump", db=demo_db).stdout)
    # with the 4 sample project sites (kind 项目), inspected in their own campaign
    assert len(data["townships"]) == 40 and len(data["counties"]) == 4
    # the sample campaign inspected every township once (the earlier round a quarter)
    sample = [i for i in data["inspections"] if i["campaign_id"] == campaign_id(demo_db)]
    assert len(sample) == 36
    assert len({i["township_id"] for i in sample}) == 36
    assert run("dump", db=demo_db).stdout == run("dump", db=demo_db).stdout


def test_ranking_formats_and_all_star_levels(demo_db):
    cid = campaign_id(demo_db)
    rows = json.loads(run("ranking", "--campaign", cid, "--format", "json", db=demo_db).stdout)
    assert {r["stars"] for r in rows} == {1, 2, 3, 4, 5}
    assert [r["rank"] for r in rows] == sorted(r["rank"] for r in rows)
    csv_text = run("ranking", "--campaign", cid, "--format", "csv", db=demo_db).stdout
    assert csv_text.splitlines()[0] == (
        "rank,county,township,score,stars,interview,interview_reason,answered"
    )
    assert len(csv_text.splitlines()) == 37
    table = run("ranking", "--campaign", cid, db=demo_db).stdout
    assert "约谈" in table and "★" in table


def test_ranking_leaves_an_inspection_in_progress_unranked_and_says_so(tmp_path):
    db = tmp_path / "r.db"
    run("demo", "--date", SAMPLE_DATE.isoformat(), db=db)
    cid = campaign_id(db)
    from inspector.store.db import open_db
    from inspector.store.inspections import set_answer, set_status
    from inspector.store.rows import Rows

    database = open_db(db)
    township = next(
        database.query(
            "SELECT i.id, t.name FROM inspections i JOIN townships t "
            "ON t.id = i.township_id WHERE i.campaign_id = ? "
            "ORDER BY t.name LIMIT 1",
            [cid],
        )
    )
    item = next(
        database.query(
            "SELECT item_id FROM answers WHERE inspection_id = ? AND verdict IS NOT NULL LIMIT 1",
            [township["id"]],
        )
    )["item_id"]
    set_status(Rows(database), township["id"], False)
    set_answer(Rows(database), township["id"], item, verdict=None)
    database.close()
    rows = json.loads(run("ranking", "--campaign", cid, "--format", "json", db=db).stdout)
    mine = next(r for r in rows if r["township"] == township["name"])
    assert mine["rank"] is None and not mine["interview"] and not mine["complete"]
    assert mine["answered"] == mine["items"] - 1
    assert rows[-1] is mine and [r["rank"] for r in rows[:-1]] == sorted(
        r["rank"] for r in rows[:-1]
    )
    line = next(
        x
        for x in run("ranking", "--campaign", cid, db=db).stdout.splitlines()
        if township["name"] in x
    )
    assert line.lstrip().startswith("—") and line.endswith("未完成，不排名")
    assert f"{mine['answered']}/{mine['items']}" in line


def _independent_score(form: dict, answers: dict[str, dict]) -> float:
    """Recomputed from the TOML and the dumped answers, without the project's scoring code."""
    earned = applicable = 0.0
    for section in form["section"]:
        for item in section["item"]:
            if item["kind"] == "text" or item["id"] not in answers:
                continue
            a, pts = answers[item["id"]], item["points"]
            if item["kind"] == "number":
                if a["number"] is None:
                    continue
                miss = (
                    max(0, a["number"] - item["target"])
                    if item["rule"] == "at_most"
                    else max(0, item["target"] - a["number"])
                )
                earned += max(0, pts - item["deduct"] * miss)
                applicable += pts
            elif a["verdict"] in ("full", "partial", "fail"):
                earned += {"full": 1, "partial": item.get("partial", 0.5), "fail": 0}[
                    a["verdict"]
                ] * pts
                applicable += pts
    return round(100 * earned / applicable, 1) if applicable else 0.0


def test_scores_recomputed_from_the_dump_agree_with_the_ranking(demo_db):
    data = json.loads(run("dump", db=demo_db).stdout)
    cid = campaign_id(demo_db)
    ranking = json.loads(run("ranking", "--campaign", cid, "--format", "json", db=demo_db).stdout)
    campaign = next(c for c in data["campaigns"] if c["id"] == cid)
    form = tomllib.loads(next(f for f in data["forms"] if f["id"] == campaign["form_id"])["source"])
    names = {t["id"]: t["name"] for t in data["townships"]}
    by_town = {r["township"]: r["score"] for r in ranking}
    for insp in (i for i in data["inspections"] if i["campaign_id"] == cid):
        answers = {a["item_id"]: a for a in data["answers"] if a["inspection_id"] == insp["id"]}
        assert by_town[names[insp["township_id"]]] == _independent_score(form, answers)


def test_forms_check_good_and_bad(tmp_path):
    shipped = sorted(str(p) for p in forms_dir().glob("*.toml"))
    ok = run("forms", "check", *shipped)
    assert "ok" in ok.stdout
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[form]\nid = "x"\nversion = "1"\ntitle = "t"\ncolour = "red"\n'
        '[[section]]\nid = "a"\ntitle = "A"\n[[section.item]]\nid = "A1"\n'
        'kind = "verdict"\ntext = "t"\npoints = -1\n',
        encoding="utf-8",
    )
    broken = tmp_path / "broken.toml"
    broken.write_text('[form]\nid = "x"\ntitle = "unterminated\n', encoding="utf-8")
    result = run("forms", "check", str(bad), str(broken), *shipped, check=False)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert f"{bad}:5: unknown key 'colour' in [form]" in lines
    assert f"{bad}:13: item 'A1': points must be a positive number, not -1" in lines
    assert any(line.startswith(f"{broken}:3: TOML syntax error") for line in lines)
    assert "Traceback" not in result.stderr


def test_user_mistakes_are_one_line_without_traceback(demo_db, tmp_path):
    for args in (
        ["ranking", "--campaign", "no-such"],
        ["townships", "import", str(tmp_path / "missing.csv")],
        ["campaign", "create", "--name", "x", "--form", "nope"],
    ):
        result = run(*args, db=demo_db, check=False)
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    notdb = tmp_path / "notes.txt"
    notdb.write_text("hello" * 20)
    result = run("dump", db=notdb, check=False)
    assert result.returncode == 1 and "not an Inspector database" in result.stderr


def test_campaign_create_and_township_import(tmp_path):
    db = tmp_path / "c.db"
    run("init", db=db)
    cid = run(
        "campaign",
        "create",
        "--name",
        "2017年第三季度基层党建专项督查",
        "--form",
        "township-party-building",
        "--year",
        "2017",
        db=db,
    ).stdout.strip()
    assert len(cid) == 36
    listing = run("campaign", "list", db=db).stdout
    assert cid in listing and "2017" in listing
    csv = tmp_path / "more.csv"
    csv.write_text(
        "county,county_code,township,township_code,kind\n嵊泗县,330922,试验镇,330922150,镇\n",
        encoding="utf-8",
    )
    assert "1 townships added" in run("townships", "import", str(csv), db=db).stdout
    bad = tmp_path / "bad.csv"
    bad.write_text("county,township\n,空县\n", encoding="utf-8")
    result = run("townships", "import", str(bad), db=db, check=False)
    assert result.returncode == 1 and f"{bad}:2: county is empty" in result.stderr


def test_headless_commands_do_not_load_qt(demo_db):
    code = (
        "import sys; from click.testing import CliRunner; from inspector.cli import main; "
        f"r = CliRunner().invoke(main, ['--db', {str(demo_db)!r}, 'campaign', 'list']); "
        "assert r.exit_code == 0, r.output; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=Path(__file__).parent.parent,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_check_passes_on_the_demo(demo_db):
    assert "ok" in run("check", db=demo_db).stdout


def test_a_mistyped_db_path_is_an_error_not_a_new_empty_database(tmp_path):
    missing = tmp_path / "typo" / "inspektor.db"
    for args in (["campaign", "list"], ["dump"], ["ranking", "--campaign", "x"]):
        result = run(*args, db=missing, check=False)
        assert result.returncode == 1
        assert result.stderr.strip() == (
            f"inspector: no database at {missing}; create one with 'inspector init'"
        )
    assert not missing.parent.exists()
