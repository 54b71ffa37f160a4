"""`inspector trend` and `inspector report trend`, run as a user runs them."""

from __future__ import annotations

import csv
import io
import json

import pytest

from inspector.store.db import open_db
from tests.test_cli import run
from tests.trend_data import build_trend_db


@pytest.fixture(scope="module")
def trend_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("trend") / "trend.db"
    db = open_db(path)
    build_trend_db(db)
    db.close()
    return path


def test_a_townships_trend_as_json(trend_file):
    data = json.loads(run("trend", "--township", "一镇", "--format", "json", db=trend_file).stdout)
    assert data["township"] == "一镇"
    assert [(r["score"], r["rank"], r["change_text"]) for r in data["rounds"]] == [
        (100.0, 1, "首次"),
        (66.7, 3, "退位2"),
        (0.0, None, "—"),
        (50.0, 4, "退位1"),
    ]
    assert [(f["item_id"], f["rounds"]) for f in data["repeated"]] == [("A1", 3)]


def test_a_townships_trend_as_a_table(trend_file):
    out = run("trend", "--township", "一镇", db=trend_file).stdout
    assert "一镇" in out and "甲县" in out
    assert "退位2" in out and "未完成" in out
    assert "屡查屡犯" in out and "A1" in out and "连续3轮" in out


def test_a_county_as_csv(trend_file):
    out = run("trend", "--county", "乙县", "--format", "csv", db=trend_file).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["campaign"] for r in rows] == [
        "2024年第一季度督查",
        "2024年第二季度督查",
        "2025年第一季度复查",
        "2025年第一季度督查",
    ]
    assert [(r["average"], r["interviews"], r["rate"]) for r in rows] == [
        ("66.7", "1", ""),
        ("58.3", "1", "100.0"),
        ("66.7", "1", ""),
        ("75.0", "0", "0.0"),
    ]
    assert [r["stars_5"] for r in rows] == ["0", "0", "0", "0"]


def test_the_whole_as_a_table(trend_file):
    out = run("trend", db=trend_file).stdout
    assert "全部县区" in out and "整改率" in out and "66.7%" in out


def test_township_and_county_together_is_refused(trend_file):
    result = run("trend", "--township", "一镇", "--county", "甲县", db=trend_file, check=False)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "either" in result.stderr


def test_an_unknown_township_is_one_line(trend_file):
    result = run("trend", "--township", "九镇", db=trend_file, check=False)
    assert result.returncode == 1
    assert "no township" in result.stderr and "Traceback" not in result.stderr


def test_report_trend_writes_the_townships_pdf(trend_file, tmp_path):
    from tests.reports.conftest import flat, pdftotext

    out = tmp_path / "t.pdf"
    result = run(
        "report",
        "trend",
        "--township",
        "一镇",
        "--out",
        str(out),
        "--date",
        "2025-06-01",
        db=trend_file,
    )
    assert "督查情况趋势分析 一镇" in result.stdout
    text = flat(pdftotext(out.read_bytes(), tmp_path, "-raw"))
    assert "一镇督查情况趋势分析" in text and "得分走势" in text
    assert "退位2" in text and "屡查屡犯" in text and "三会一课按期召开" in text


def test_report_trend_of_the_whole_has_its_charts_and_rates(trend_file, tmp_path):
    from tests.reports.conftest import assert_fonts_embedded, flat, pdftotext

    out = tmp_path / "w.pdf"
    run("report", "trend", "--out", str(out), "--date", "2025-06-01", db=trend_file)
    data = out.read_bytes()
    text = flat(pdftotext(data, tmp_path, "-raw"))
    assert "全部县区督查情况趋势分析" in text
    for title in ("平均得分走势", "星级分布", "整改率走势", "约谈数量"):
        assert title in text
    # C2: 4 ranked, average 70.8, 3 problems of which 2 rectified or closed
    assert "2024年第二季度督查470.8" in text and "66.7%" in text
    assert_fonts_embedded(data, tmp_path)
