"""Voiding (作废) and re-issuing a notice, and recording the township's report-back."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from inspector.store.catalog import find_township
from inspector.store.notice_queries import notice_rows
from inspector.store.notice_void import NoticeError
from inspector.store.notices import duplicate_numbers
from inspector.store.problems import add_problem
from inspector.store.session import Session

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def issued(init_db):
    session = Session(init_db, who="李晓燕")
    town = find_township(init_db, "六横镇")
    problems = [
        add_problem(session.rows, town["id"], text, "2026-12-20", found_on="2026-11-01")["id"]
        for text in ("支委会未按月召开", "主题党日流于形式")
    ]
    notice = session.notices.issue(town["id"], problems, issued_on=TODAY).value
    return session, town, problems, notice


def test_voiding_keeps_the_notice_marks_it_frees_its_problems_and_is_audited(issued):
    session, town, problems, notice = issued
    done = session.notices.void(notice["id"], "文号与二组重复", on=TODAY)
    row = session.rows.get("notices", notice["id"])
    assert row["deleted"] == 0
    assert (row["voided_on"], row["voided_by"], row["void_reason"]) == (
        "2026-11-20",
        "李晓燕",
        "文号与二组重复",
    )
    for pid in problems:
        assert session.rows.get("problems", pid)["notice_id"] is None
    listed = notice_rows(session.db, township_id=town["id"])
    assert [(n["doc_number"], n["voided_on"]) for n in listed] == [
        (notice["doc_number"], "2026-11-20")
    ]
    audited = session.db.execute(
        "SELECT new FROM audit_log WHERE table_name = 'notices' AND row_id = ? "
        "ORDER BY id DESC LIMIT 1",
        [notice["id"]],
    ).fetchone()[0]
    assert json.loads(audited)["void_reason"] == "文号与二组重复"
    assert done.changes.touches("notices") and done.changes.touches("problems")
    assert set(problems) <= done.changes.ids


def test_a_notice_is_voided_once_and_only_with_a_reason(issued):
    session, _, _, notice = issued
    with pytest.raises(NoticeError, match="reason"):
        session.notices.void(notice["id"], "   ")
    session.notices.void(notice["id"], "重复")
    with pytest.raises(NoticeError, match="already voided"):
        session.notices.void(notice["id"], "again")


def test_reissue_numbers_anew_for_the_same_problems_and_records_what_it_replaces(issued):
    session, town, problems, notice = issued
    old, new = session.notices.reissue(notice["id"], on=TODAY).value
    assert new["seq"] == notice["seq"] + 1 and new["doc_number"] != notice["doc_number"]
    assert json.loads(new["problem_ids"]) == problems
    assert new["replaces_id"] == notice["id"]
    assert old["voided_on"] == "2026-11-20" and new["doc_number"] in old["void_reason"]
    for pid in problems:
        assert session.rows.get("problems", pid)["notice_id"] == new["id"]
    assert session.notices.replaced_by(notice["id"])["id"] == new["id"]
    with pytest.raises(NoticeError, match="already re-issued"):
        session.notices.reissue(notice["id"])
    listed = {n["doc_number"]: n for n in notice_rows(session.db, township_id=town["id"])}
    assert listed[new["doc_number"]]["replaces"] == notice["doc_number"]


def test_reissue_after_a_void_keeps_the_reason_given(issued):
    session, _, _, notice = issued
    session.notices.void(notice["id"], "文号重复")
    old, new = session.notices.reissue(notice["id"]).value
    assert old["void_reason"] == "文号重复" and new["replaces_id"] == notice["id"]


def test_a_voided_number_holds_no_duplicate_and_is_never_given_again(issued):
    session, town, _problems, notice = issued
    # a second notice under the same number, as an import from an overlapping block makes it
    twin = dict(session.rows.get("notices", notice["id"]))
    twin_id = "0" * 8 + "-0000-4000-8000-" + "0" * 12
    session.rows.insert(
        "notices",
        {k: v for k, v in twin.items() if k not in ("updated_at", "base_version")}
        | {"id": twin_id},
    )
    assert [d["doc_number"] for d in duplicate_numbers(session.db)] == [notice["doc_number"]]
    session.notices.reissue(notice["id"], on=TODAY)
    assert duplicate_numbers(session.db) == []
    seqs = [n["seq"] for n in notice_rows(session.db, township_id=town["id"])]
    assert sorted(seqs) == [notice["seq"], notice["seq"], notice["seq"] + 1]


def test_find_by_number_prefers_the_live_notice(issued):
    session, _, _, notice = issued
    _, new = session.notices.reissue(notice["id"], on=TODAY).value
    assert session.notices.find(new["doc_number"])["id"] == new["id"]
    assert session.notices.find(notice["id"][:8])["id"] == notice["id"]
    with pytest.raises(NoticeError, match="no notice"):
        session.notices.find("舟组督〔1999〕1号")


def test_report_back_records_date_who_and_the_scan(issued, tmp_path):
    session, town, _, notice = issued
    scan = tmp_path / "整改报告.pdf"
    scan.write_bytes(b"%PDF-1.4\n% a scanned report\n%%EOF\n")
    done = session.notices.report_back(notice["id"], dt.date(2026, 12, 15), by="王建国", scan=scan)
    row = done.value
    assert (row["report_received_on"], row["report_received_by"]) == ("2026-12-15", "王建国")
    attachment = session.rows.get("attachments", row["report_attachment_id"])
    assert (attachment["owner_table"], attachment["owner_id"]) == ("notices", notice["id"])
    path = session.attachments.blob_path(attachment["sha256"])
    assert path.read_bytes() == scan.read_bytes()
    listed = notice_rows(session.db, township_id=town["id"])[0]
    assert listed["report_received_on"] == "2026-12-15"
    assert not listed["has_pdf"]  # the scan is not the notice's archived PDF


def test_report_back_refused_on_a_voided_notice_or_before_issue(issued):
    session, _, _, notice = issued
    with pytest.raises(NoticeError, match="before the notice was issued"):
        session.notices.report_back(notice["id"], dt.date(2026, 11, 1))
    session.notices.void(notice["id"], "重复")
    with pytest.raises(NoticeError, match="voided"):
        session.notices.report_back(notice["id"], dt.date(2026, 12, 1))


def test_report_back_defaults_to_who_records_it(issued):
    session, _, _, notice = issued
    row = session.notices.report_back(notice["id"], dt.date(2026, 12, 1)).value
    assert row["report_received_by"] == "李晓燕" and row["report_attachment_id"] is None
