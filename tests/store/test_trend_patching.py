"""After this session's own answer changes, the kept rankings are ranked again from the
changed entries only; the trend must read exactly as a fresh read of the file would."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.core.ids import CampaignId, InspectionId, TownshipId
from inspector.store.session import Session
from inspector.store.trends import area_trend, township_trend
from tests.trend_data import CAMPAIGNS, TOWNSHIPS, build_trend_db

TOWNS = [name for _, name in TOWNSHIPS]
WRITE = st.tuples(
    st.sampled_from(sorted(CAMPAIGNS)),
    st.sampled_from(TOWNS),
    st.sampled_from(["A1", "A2", "N1", "finish", "reopen"]),
    st.sampled_from(["full", "partial", "fail", "na", None]),
    st.integers(0, 3),
)


def _write(session: Session, ids: dict, write: tuple) -> None:
    key, town, what, verdict, number = write
    campaign, township = CampaignId(ids["campaigns"][key]), TownshipId(ids["townships"][town])
    found = session.inspections.find(campaign, township)
    insp = InspectionId(
        found["id"] if found else session.inspections.start(campaign, township).value["id"]
    )
    if what in ("finish", "reopen"):
        session.inspections.set_finished(insp, what == "finish")
        return
    if session.inspections.find(campaign, township)["status"] == "finished":
        session.inspections.set_finished(insp, False)
    if what == "N1":
        session.answers.set(insp, what, number=number)
    else:
        session.answers.set(insp, what, verdict=verdict)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(WRITE, min_size=1, max_size=6))
def test_a_patched_ranking_reads_as_a_fresh_one(tmp_path_factory, writes):
    session = Session.open(tmp_path_factory.mktemp("patch") / "s.db")
    ids = build_trend_db(session.db)
    try:
        for town in TOWNS:  # every ranking kept
            session.trends.township(ids["townships"][town])
        for write in writes:
            _write(session, ids, write)
            for town in TOWNS:
                tid = ids["townships"][town]
                assert session.trends.township(tid) == township_trend(session.db, tid)
        assert session.trends.area() == area_trend(session.db)
        for county in ids["counties"].values():
            assert session.trends.area(county) == area_trend(session.db, county)
    finally:
        session.close()


def test_an_answer_change_reads_only_the_changed_inspection(tmp_path, monkeypatch):
    session = Session.open(tmp_path / "s.db")
    ids = build_trend_db(session.db)
    one = ids["townships"]["一镇"]
    assert session.trends.township(one).rounds[-1].rank == 4
    insp = session.inspections.find(CampaignId(ids["campaigns"]["C3"]), TownshipId(one))
    session.inspections.set_finished(InspectionId(insp["id"]), False)
    session.answers.set(InspectionId(insp["id"]), "A1", verdict="full")

    def read_in_full(*_args: object) -> None:
        raise AssertionError("the campaign's ranking was read again in full")

    monkeypatch.setattr("inspector.store.trends.campaign_standing", read_in_full)
    last = session.trends.township(one).rounds[-1]
    assert (last.score, last.rank, last.change_text) == (83.3, 2, "进位1")
    two = session.trends.township(ids["townships"]["二镇"]).rounds[-1]
    assert two.rank == 1
    four = session.trends.township(ids["townships"]["四镇"]).rounds[-1]
    assert (four.score, four.rank) == (83.3, 2)  # ties with 一镇 now: they share the rank
    session.close()


def test_deleted_problems_leave_the_rectification_rate(tmp_path):
    from inspector.store.db import open_db
    from inspector.store.problems import delete_problem
    from inspector.store.rows import Rows

    db = open_db(tmp_path / "t.db")
    ids = build_trend_db(db)
    c = ids["campaigns"]
    gone = [
        db.execute(
            "SELECT id FROM problems WHERE text = ? AND campaign_id = ?", [text, c[key]]
        ).fetchone()[0]
        for text, key in [("三镇问题1", "C2"), ("一镇问题1", "C4"), ("四镇问题2", "C3")]
    ]
    assert len(gone) == 3  # C2 三镇's rectified one, C4 一镇's open one, C3 四镇's open one
    for problem in gone:
        delete_problem(Rows(db), problem)
    whole = area_trend(db)
    assert [(r.problems, r.rectified, r.rate) for r in whole.rounds] == [
        (0, 0, None),
        (2, 1, 50.0),  # 三镇's rectified one deleted
        (0, 0, None),  # the 复查's only problem deleted
        (2, 1, 50.0),  # 四镇's open one deleted
    ]
    by_county = [area_trend(db, c) for c in ids["counties"].values()]
    for n, r in enumerate(whole.rounds):
        found = [t for t in by_county if any(x.campaign_id == r.campaign_id for x in t.rounds)]
        rounds = [next(x for x in t.rounds if x.campaign_id == r.campaign_id) for t in found]
        assert (r.problems, r.rectified) == (
            sum(x.problems for x in rounds),
            sum(x.rectified for x in rounds),
        ), n
    db.close()


def test_every_campaign_read_at_once_reads_as_one_by_one(tmp_path):
    """The trend of the whole reads all campaigns in one query; it must give each
    campaign's rows as its own ranking query does: the townships it covers, no deleted
    or unbegun inspection, in the same order."""
    from inspector.store.campaign_setup import set_up
    from inspector.store.db import open_db
    from inspector.store.inspections import start_inspection
    from inspector.store.ranking import campaign_entries, campaign_standing, every_campaigns_entries
    from inspector.store.rows import Rows
    from inspector.store.trends import all_standings, ordered_campaigns

    db = open_db(tmp_path / "t.db")
    ids = build_trend_db(db)
    rows = Rows(db)
    c, t = ids["campaigns"], ids["townships"]
    set_up(rows, c["C2"], townships=[t["一镇"], t["二镇"], t["三镇"]])  # 四镇 not covered
    gone = db.execute(
        "SELECT id FROM inspections WHERE campaign_id = ? AND township_id = ?",
        [c["C3"], t["二镇"]],
    ).fetchone()[0]
    rows.delete("inspections", gone)
    start_inspection(rows, c["C1"], t["四镇"])  # begun, nothing answered: not ranked
    every = every_campaigns_entries(db)
    campaigns = [k["id"] for k in ordered_campaigns(db)]
    assert {k: every.get(k, []) for k in campaigns} == {
        k: campaign_entries(db, k) for k in campaigns
    }
    assert [e.township for e in every[c["C2"]]] and "四镇" not in [
        e.township for e in every[c["C2"]]
    ]
    assert "二镇" not in [e.township for e in every[c["C3"]]]
    assert all_standings(db) == {k: campaign_standing(db, k) for k in campaigns}
    db.close()


def _warm_then_write(tmp_path, write):
    """A worker's read of every ranking (its own connection), taken with a token; then
    this session writes (`write`); then the worker's rankings are handed over."""
    from inspector.store.trends import standings_of_file

    session = Session.open(tmp_path / "s.db")
    ids = build_trend_db(session.db)
    token = session.trends.token()
    found = standings_of_file(str(tmp_path / "s.db"))
    assert len(found) == len(CAMPAIGNS)
    write(session, ids)
    session.trends.seed(found, token)
    return session, ids


def test_a_worker_read_keeps_the_campaigns_a_later_write_did_not_touch(tmp_path):
    """One answer changed while the worker read 40 campaigns' rankings must not throw
    the other 39 away: the trend widget would warm them all again, and a worker always
    busy with them slows every key press of the checklist."""
    key = sorted(CAMPAIGNS)[0]
    session, ids = _warm_then_write(
        tmp_path, lambda s, i: _write(s, i, (key, TOWNS[0], "A1", "fail", 0))
    )
    try:
        assert session.trends.missing() == 1  # only the written campaign is read again
        for town in TOWNS:  # and what is shown is what a fresh read gives
            tid = ids["townships"][town]
            assert session.trends.township(tid) == township_trend(session.db, tid)
    finally:
        session.close()


def test_a_worker_read_is_refused_after_a_write_that_forgets_every_ranking(tmp_path):
    def rename_campaign(session: Session, ids: dict) -> None:
        session.trends.standings.forget()  # what a change of campaigns or forms does

    session, _ids = _warm_then_write(tmp_path, rename_campaign)
    try:
        assert session.trends.missing() == len(CAMPAIGNS)
    finally:
        session.close()


def test_a_worker_read_is_refused_after_another_connection_commits(tmp_path):
    def other_commit(session: Session, ids: dict) -> None:
        with Session.open(tmp_path / "s.db") as other:
            key = sorted(CAMPAIGNS)[-1]
            _write(other, ids, (key, TOWNS[1], "A2", "partial", 0))

    session, ids = _warm_then_write(tmp_path, other_commit)
    try:
        assert session.trends.missing() == len(CAMPAIGNS)
        for town in TOWNS:
            tid = ids["townships"][town]
            assert session.trends.township(tid) == township_trend(session.db, tid)
    finally:
        session.close()
