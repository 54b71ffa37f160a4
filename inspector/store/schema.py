"""The schema, as ordered migrations applied at start-up, each in its own transaction.

Synced tables carry the four sync columns of DESIGN.md (contract):
id, updated_at, base_version, deleted. Local-only tables do not travel in
bundles.
"""

from __future__ import annotations

from functools import cache

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

SYNC_COLUMNS = ("id", "updated_at", "base_version", "deleted")

# Parents before children: the order bundles are written and merged in.
SYNCED_TABLES = (
    "counties",
    "townships",
    "forms",
    "campaigns",
    "inspectors",
    "inspections",
    "answers",
    "self_answers",
    "notices",
    "problems",
    "extensions",
    "follow_ups",
    "attachments",
)

# The synced tables m002 saw. A migration reads the tables as they were when it was
# written: m002 once read SYNCED_TABLES, so a table added later broke every new
# database (it did not exist yet when m002 ran).
_SYNCED_AT_M002 = (
    "counties",
    "townships",
    "forms",
    "campaigns",
    "inspectors",
    "inspections",
    "answers",
    "notices",
    "problems",
    "attachments",
)

LOCAL_TABLES = (
    "settings",
    "import_log",
    "conflicts",
    "audit_log",
    "scores",
    "notice_counters",
    "roster_devices",
    "statements",
    "have_vector",
    "peer_acks",
    "peers",
)

_SYNC = """
    updated_at TEXT NOT NULL,
    base_version TEXT,
    deleted INTEGER NOT NULL DEFAULT 0
"""

migrations = Migrations("inspector")


@cache
def known_migrations() -> frozenset[str]:
    """Every migration this version of Inspector knows, by name.

    Through sqlite-utils' public API (all of them are pending on an empty
    database, and `pending` writes nothing) rather than its private list.
    """
    return frozenset(m.name for m in migrations.pending(Database(memory=True)))


@migrations()
def m001_initial(db: Database) -> None:
    statements = [
        f"""CREATE TABLE counties (
            id TEXT PRIMARY KEY,
            code TEXT,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'county',
            {_SYNC})""",
        f"""CREATE TABLE townships (
            id TEXT PRIMARY KEY,
            county_id TEXT NOT NULL REFERENCES counties(id),
            code TEXT,
            name TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT '镇',
            {_SYNC})""",
        f"""CREATE TABLE forms (
            id TEXT PRIMARY KEY,
            form_id TEXT NOT NULL,
            version TEXT NOT NULL,
            title TEXT NOT NULL,
            source TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            {_SYNC})""",
        f"""CREATE TABLE campaigns (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            form_id TEXT NOT NULL REFERENCES forms(id),
            year INTEGER NOT NULL,
            starts_on TEXT,
            ends_on TEXT,
            interview_bottom INTEGER NOT NULL DEFAULT 3,
            note TEXT NOT NULL DEFAULT '',
            {_SYNC})""",
        f"""CREATE TABLE inspectors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            device_id TEXT NOT NULL,
            {_SYNC})""",
        f"""CREATE TABLE inspections (
            id TEXT PRIMARY KEY,
            campaign_id TEXT NOT NULL REFERENCES campaigns(id),
            township_id TEXT NOT NULL REFERENCES townships(id),
            status TEXT NOT NULL DEFAULT 'in_progress',
            inspected_on TEXT,
            team TEXT NOT NULL DEFAULT '',
            finished_at TEXT,
            {_SYNC})""",
        f"""CREATE TABLE answers (
            id TEXT PRIMARY KEY,
            inspection_id TEXT NOT NULL REFERENCES inspections(id),
            item_id TEXT NOT NULL,
            verdict TEXT,
            number REAL,
            note TEXT NOT NULL DEFAULT '',
            answered_by TEXT NOT NULL DEFAULT '',
            {_SYNC})""",
        f"""CREATE TABLE notices (
            id TEXT PRIMARY KEY,
            campaign_id TEXT REFERENCES campaigns(id),
            township_id TEXT NOT NULL REFERENCES townships(id),
            doc_number TEXT NOT NULL,
            prefix TEXT NOT NULL,
            year INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            addressee TEXT NOT NULL,
            deadline TEXT,
            issued_on TEXT NOT NULL,
            issued_by TEXT NOT NULL DEFAULT '',
            problem_ids TEXT NOT NULL DEFAULT '[]',
            attachment_id TEXT,
            {_SYNC})""",
        f"""CREATE TABLE problems (
            id TEXT PRIMARY KEY,
            township_id TEXT NOT NULL REFERENCES townships(id),
            campaign_id TEXT REFERENCES campaigns(id),
            inspection_id TEXT REFERENCES inspections(id),
            item_id TEXT,
            text TEXT NOT NULL,
            responsible_unit TEXT NOT NULL DEFAULT '',
            responsible_person TEXT NOT NULL DEFAULT '',
            measure TEXT NOT NULL DEFAULT '',
            deadline TEXT,
            status TEXT NOT NULL DEFAULT 'open',
            found_on TEXT,
            rectified_on TEXT,
            rectify_note TEXT NOT NULL DEFAULT '',
            closed_on TEXT,
            closed_by TEXT NOT NULL DEFAULT '',
            notice_id TEXT REFERENCES notices(id),
            {_SYNC})""",
        f"""CREATE TABLE attachments (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            size INTEGER NOT NULL,
            mime TEXT NOT NULL DEFAULT 'application/octet-stream',
            filename TEXT NOT NULL DEFAULT '',
            owner_table TEXT NOT NULL,
            owner_id TEXT NOT NULL,
            caption TEXT NOT NULL DEFAULT '',
            {_SYNC})""",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)",
        """CREATE TABLE import_log (
            id INTEGER PRIMARY KEY,
            bundle_id TEXT NOT NULL,
            file TEXT NOT NULL,
            device_id TEXT,
            device_name TEXT,
            imported_at TEXT NOT NULL,
            summary TEXT NOT NULL)""",
        """CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            winner_version TEXT NOT NULL,
            loser_version TEXT NOT NULL,
            winner TEXT NOT NULL,
            loser TEXT NOT NULL,
            detected_at TEXT NOT NULL,
            bundle_id TEXT,
            resolved_at TEXT,
            resolution TEXT)""",
        """CREATE TABLE audit_log (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            table_name TEXT NOT NULL,
            row_id TEXT NOT NULL,
            action TEXT NOT NULL,
            old TEXT,
            new TEXT)""",
        """CREATE TABLE scores (
            inspection_id TEXT PRIMARY KEY REFERENCES inspections(id),
            score REAL NOT NULL,
            stars INTEGER NOT NULL,
            earned REAL NOT NULL,
            applicable REAL NOT NULL,
            answered INTEGER NOT NULL,
            items INTEGER NOT NULL,
            veto_failed TEXT NOT NULL DEFAULT '[]',
            sections TEXT NOT NULL DEFAULT '[]')""",
        """CREATE TABLE notice_counters (
            prefix TEXT NOT NULL,
            year INTEGER NOT NULL,
            last INTEGER NOT NULL,
            PRIMARY KEY (prefix, year))""",
        "CREATE INDEX idx_townships_county ON townships(county_id)",
        "CREATE INDEX idx_campaigns_form ON campaigns(form_id)",
        "CREATE INDEX idx_inspections_campaign ON inspections(campaign_id, township_id)",
        "CREATE INDEX idx_inspections_township ON inspections(township_id)",
        "CREATE INDEX idx_answers_inspection ON answers(inspection_id)",
        "CREATE INDEX idx_problems_township ON problems(township_id)",
        "CREATE INDEX idx_problems_campaign ON problems(campaign_id, status)",
        "CREATE INDEX idx_problems_deadline ON problems(deadline)",
        "CREATE INDEX idx_problems_inspection ON problems(inspection_id)",
        "CREATE INDEX idx_problems_notice ON problems(notice_id)",
        "CREATE INDEX idx_notices_township ON notices(township_id)",
        "CREATE INDEX idx_notices_campaign ON notices(campaign_id)",
        "CREATE INDEX idx_attachments_owner ON attachments(owner_table, owner_id)",
        "CREATE INDEX idx_audit_row ON audit_log(table_name, row_id)",
        "CREATE INDEX idx_conflicts_open ON conflicts(resolved_at)",
    ]
    for sql in statements:
        db.execute(sql)


@migrations()
def m002_peer_acks(db: Database) -> None:
    """Version vectors for delta bundles (docs/design-notes.md, "Delta bundles").

    `have_vector`: for each other author device, the highest `updated_at` up
    to which this database holds everything that author wrote (this device's
    own entry is its clock, never stored here). `peer_acks`: per peer device,
    the vector its last imported bundle declared, i.e. what it acknowledged.
    """
    db.execute("""CREATE TABLE have_vector (
        author TEXT PRIMARY KEY,
        version TEXT NOT NULL)""")
    db.execute("""CREATE TABLE peer_acks (
        peer TEXT NOT NULL,
        author TEXT NOT NULL,
        version TEXT NOT NULL,
        PRIMARY KEY (peer, author))""")
    db.execute("""CREATE TABLE peers (
        peer TEXT PRIMARY KEY,
        name TEXT NOT NULL DEFAULT '',
        acked_at TEXT NOT NULL)""")
    # Until now every bundle was a full export or a campaign kit. Full exports
    # only ever hand on whole prefixes of each author, so without a kit in the
    # import log the newest stamp held of an author is what is held of it.
    kit = db.execute(
        "SELECT 1 FROM import_log WHERE json_valid(summary) AND "
        "json_extract(summary, '$.campaign_id') IS NOT NULL LIMIT 1"
    ).fetchone()
    if kit is None:
        own = db.execute(
            "SELECT json_extract(value, '$') FROM settings WHERE key = 'device_id'"
        ).fetchone()
        stamps = " UNION ALL ".join(
            f"SELECT substr(updated_at, 20) AS author, max(updated_at) AS version FROM [{t}] "
            "GROUP BY 1"
            for t in _SYNCED_AT_M002
        )
        db.execute(
            f"INSERT INTO have_vector(author, version) SELECT author, max(version) "
            f"FROM ({stamps}) WHERE author IS NOT ? GROUP BY author",
            [own[0] if own else None],
        )


@migrations()
def m003_trust(db: Database) -> None:
    """The roster of enrolled devices, and the signed statements received for relaying.

    Both are local: the roster travels as a document signed by headquarters,
    and statements travel inside the bundles that relay the versions they
    cover (docs/design-notes.md, "Signatures").
    """
    db.execute("""CREATE TABLE roster_devices (
        device_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL,
        signing_key TEXT NOT NULL,
        encryption_key TEXT NOT NULL,
        enrolled_at TEXT NOT NULL,
        revoked_at TEXT)""")
    db.execute("""CREATE TABLE statements (
        id TEXT PRIMARY KEY,
        author TEXT NOT NULL,
        signature TEXT NOT NULL,
        hashes BLOB NOT NULL,
        received_at TEXT NOT NULL)""")
    db.execute("CREATE INDEX idx_statements_author ON statements(author)")


# Columns added to a synced table after bundles of it had travelled, with their defaults.
# A bundle line leaves such a column out while it holds its default, and a line without
# it takes the default: a version made before the column existed keeps the bytes (and so
# the hash its author signed) it had, and bundles of the previous version still import.
ADDED_COLUMNS: dict[str, dict[str, object]] = {
    # m007_follow_up: follow-up rounds and their deadline lights
    "campaigns": {
        "follow_up_of": None,
        "checklist": 1,
        "due_soon_days": 7,  # m007_follow_up
        "team": "",
        "members": "",
        "townships": "[]",  # m005_campaign_setup
    },
    "attachments": {"taken_at": None},  # m006_attachment_taken_at
    "notices": {
        "voided_on": None,
        "voided_by": "",
        "void_reason": "",
        "replaces_id": None,
        "report_received_on": None,
        "report_received_by": "",
        "report_attachment_id": None,
    },
}


@migrations()
def m004_notices_void_report(db: Database) -> None:
    """A notice can be voided (作废, kept, final) and re-issued under a new number, and
    records the township's report-back (整改报告: when, who, the scan's attachment).

    A database that already has a device id was in use before: its first run is over,
    so the app does not ask for the device name and number block again.
    """
    db.execute("ALTER TABLE notices ADD COLUMN voided_on TEXT")
    db.execute("ALTER TABLE notices ADD COLUMN voided_by TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE notices ADD COLUMN void_reason TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE notices ADD COLUMN replaces_id TEXT")
    db.execute("ALTER TABLE notices ADD COLUMN report_received_on TEXT")
    db.execute("ALTER TABLE notices ADD COLUMN report_received_by TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE notices ADD COLUMN report_attachment_id TEXT")
    db.execute(
        "INSERT OR IGNORE INTO settings(key, value) "
        "SELECT 'first_run_done', 'true' FROM settings WHERE key = 'device_id'"
    )


@migrations()
def m007_follow_up(db: Database) -> None:
    """Follow-up rounds (回头看), their verdicts, and deadline extensions (延期).

    `campaigns.follow_up_of` names the earlier round a follow-up checks,
    `checklist` says whether the round fills in a checklist as well (a full
    re-inspection) and `due_soon_days` when a problem's light turns yellow.
    `extensions` and `follow_ups` are synced and written once per event, so two
    laptops' extensions or verdicts of one problem both survive a merge
    (docs/design-notes.md, "Follow-up rounds, deadline lights, extensions").
    """
    for column in (
        "follow_up_of TEXT REFERENCES campaigns(id)",
        "checklist INTEGER NOT NULL DEFAULT 1",
        "due_soon_days INTEGER NOT NULL DEFAULT 7",
    ):
        db.execute(f"ALTER TABLE campaigns ADD COLUMN {column}")
    db.execute(f"""CREATE TABLE extensions (
        id TEXT PRIMARY KEY,
        problem_id TEXT NOT NULL REFERENCES problems(id),
        previous_deadline TEXT,
        new_deadline TEXT NOT NULL,
        reason TEXT NOT NULL,
        approved_by TEXT NOT NULL,
        extended_on TEXT NOT NULL,
        recorded_by TEXT NOT NULL DEFAULT '',
        {_SYNC})""")
    db.execute(f"""CREATE TABLE follow_ups (
        id TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        problem_id TEXT NOT NULL REFERENCES problems(id),
        verdict TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        checked_on TEXT NOT NULL,
        checked_by TEXT NOT NULL DEFAULT '',
        {_SYNC})""")
    db.execute("CREATE INDEX idx_extensions_problem ON extensions(problem_id)")
    db.execute("CREATE INDEX idx_follow_ups_problem ON follow_ups(problem_id)")
    db.execute("CREATE INDEX idx_follow_ups_campaign ON follow_ups(campaign_id)")
    db.execute("CREATE INDEX idx_campaigns_follow_up ON campaigns(follow_up_of)")


@migrations()
def m009_self_assessment(db: Database) -> None:
    """The townships' own answers to a campaign's form (自评), beside the inspectors'.

    One row per campaign, township and item (a deterministic id, as answers):
    a township may assess itself before any inspection exists, and its
    answers never enter the inspectors' score (docs/design-notes.md,
    "Self-assessment").
    """
    db.execute(f"""CREATE TABLE self_answers (
        id TEXT PRIMARY KEY,
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        township_id TEXT NOT NULL REFERENCES townships(id),
        item_id TEXT NOT NULL,
        verdict TEXT,
        number REAL,
        note TEXT NOT NULL DEFAULT '',
        form_sha256 TEXT NOT NULL,
        {_SYNC})""")
    db.execute("CREATE INDEX idx_self_answers_campaign ON self_answers(campaign_id, township_id)")


@migrations()
def m005_campaign_setup(db: Database) -> None:
    """A campaign's set-up, travelling with it in the kit: the team (督导组) that inspects,
    its members, and the townships it covers (a JSON list of township ids; [] covers
    every township). A bundle line from before these columns gives them their defaults
    (`ADDED_COLUMNS`)."""
    db.execute("ALTER TABLE campaigns ADD COLUMN team TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE campaigns ADD COLUMN members TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE campaigns ADD COLUMN townships TEXT NOT NULL DEFAULT '[]'")


@migrations()
def m006_attachment_taken_at(db: Database) -> None:
    """When each piece of evidence was taken (EXIF or the file's time; `store.taken`).

    NULL for attachments made before, and for rows from bundles of versions
    that did not send the column (docs/design-notes.md, "Evidence").
    """
    db.execute("ALTER TABLE attachments ADD COLUMN taken_at TEXT")
