"""The command line (contract: see DESIGN.md). Qt is imported only when the GUI opens."""

from __future__ import annotations

import csv
import importlib
import importlib.util
import io
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from inspector import __version__
from inspector.errors import explain
from inspector.terminal import safe, safe_lines

if TYPE_CHECKING:
    from sqlite_utils import Database

    from inspector.store.rows import Rows
    from inspector.store.session import Session


class AppContext:
    """The session on the database, opened on first use so `--help` and `forms check`
    never touch it."""

    def __init__(self, db_path: str | None):
        self.db_path = db_path
        self._session: Session | None = None
        self._may_create = False
        self._may_make_folders = False
        self._warned = False

    def allow_create(self, *, folders: bool = True) -> AppContext:
        """For the commands that make a database: every other one needs an existing file.

        `folders=False` makes the file only in an existing folder (an import may
        start a database, but a typo in --db must not leave new folders behind).
        """
        self._may_create = True
        self._may_make_folders = folders
        return self

    @property
    def path(self) -> Path:
        from inspector.paths import default_db_path

        return Path(self.db_path) if self.db_path else default_db_path()

    @property
    def session(self) -> Session:
        if self._session is None:
            from inspector.store.session import Session

            self._session = Session.open(
                self.path, create=self._may_create, folders=self._may_make_folders
            )
        return self._session

    @property
    def db(self) -> Database:
        """The session's connection, for the store and report functions that read it."""
        return self.session.db

    def writing(self) -> Session:
        """The session, once the warnings a write must give first are out."""
        self.warn_before_writing()
        return self.session

    def rows(self) -> Rows:
        """The session's writer, for functions that take one (documents, sample data)."""
        return self.writing().rows

    def warn_before_writing(self, record: bool = True) -> None:
        """Once, before a command writes: a clock far behind the last change, a copied file.

        `record` lets a database without a machine fingerprint record it now;
        an import passes False, so a refused bundle leaves the file untouched.
        """
        if self._warned:
            return
        self._warned = True
        from inspector.store.identity import startup_warnings

        for message in startup_warnings(self.db, record=record):
            click.echo(safe(f"inspector: warning: {message}"), err=True)


# Command groups that live in their own modules, loaded when a command is looked up
# or listed: `inspector` alone opens the window, and importing every command module
# first cost a tenth of the time to its first paint.
COMMAND_MODULES = (
    ("inspector.cli_reports", "report"),
    ("inspector.cli_reports", "problems"),
    ("inspector.cli_follow_up", "problems"),
    ("inspector.cli_bundle", "bundle"),
    ("inspector.cli_backup", "backup"),
    ("inspector.cli_device", "device"),
    ("inspector.cli_trust", "hq"),
    ("inspector.cli_trust", "device"),
    ("inspector.cli_notice", "notice"),
    ("inspector.cli_blocks", "device"),
    ("inspector.cli_projects", "projects"),
    ("inspector.cli_selfassess", "selfassess"),
    ("inspector.cli_trend", "trend"),
    ("inspector.cli_trend", "report"),
)


class InspectorGroup(click.Group):
    _modules_added = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._add_modules()
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._add_modules()
        return super().get_command(ctx, cmd_name)

    def _add_modules(self) -> None:
        """The groups of COMMAND_MODULES, once; a group two modules add to is one group."""
        if self._modules_added:
            return
        self._modules_added = True
        for module, name in COMMAND_MODULES:
            if importlib.util.find_spec(module) is None:
                continue
            group = getattr(importlib.import_module(module), name)
            have = self.commands.get(name)
            if isinstance(have, click.Group) and have is not group:
                for sub in group.commands.values():
                    have.add_command(sub)
            else:
                self.add_command(group)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:  # `inspector dump | head`: the reader has gone, not an error
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - stays open until exit
            ctx.exit(0)
        except Exception as exc:  # the user's situation, or our bug logged with its traceback
            command = " ".join([*sys.argv[1:2], ctx.invoked_subcommand or ""]).strip()
            click.echo(f"inspector: {safe_lines(explain(exc, context=command))}", err=True)
            ctx.exit(1)


@click.group(cls=InspectorGroup, invoke_without_command=True)
@click.option(
    "--db",
    "db_path",
    envvar="INSPECTOR_DB",
    type=click.Path(dir_okay=False),
    help="Database file (default: the user data folder; env INSPECTOR_DB).",
)
@click.option("--selftest", is_flag=True, help="Open the GUI, show the main window, and exit 0.")
@click.version_option(__version__, prog_name="inspector")
@click.pass_context
def main(ctx: click.Context, db_path: str | None, selftest: bool) -> None:
    """督查通 Inspector: township party-building inspections, offline."""
    if db_path == "":  # `--db "$UNSET"`: not the default database, which it would silently be
        raise click.BadParameter("needs a file name", param_hint="'--db'")
    ctx.obj = AppContext(db_path)
    from inspector import logfile

    logfile.use_folder_of(ctx.obj.path)
    if ctx.invoked_subcommand is None:
        from inspector.app import run_gui

        sys.exit(run_gui(db_path, selftest=selftest))


@main.command()
@click.option(
    "--townships",
    "townships_csv",
    type=click.Path(exists=True, dir_okay=False),
    help="Township list CSV (default: the 36 Zhoushan townships).",
)
@click.option(
    "--form",
    "form_path",
    type=click.Path(exists=True, dir_okay=False),
    help="Checklist form TOML (default: the 2017 township form).",
)
@click.pass_obj
def init(app: AppContext, townships_csv: str | None, form_path: str | None) -> None:
    """Create the database with the townships and the default form."""
    from inspector.demo import ensure_initialised

    form = ensure_initialised(app.allow_create().rows(), form_path, townships_csv)
    db = app.db
    click.echo(
        safe(
            f"{app.path}: {db['counties'].count} counties, {len(app.session.catalog.townships())} "
            f"townships, {len(app.session.projects.list())} sample project sites, "
            f"form {form.id} {form.version} ({len(form.items)} items)"
        )
    )


@main.command()
@click.option("--seed", default=2017, show_default=True, help="Random seed.")
@click.option(
    "--townships",
    "n_townships",
    type=click.IntRange(1, 100_000),
    help="Make a synthetic province of this many townships instead.",
)
@click.option(
    "--campaigns",
    "n_campaigns",
    type=click.IntRange(1, 100),
    default=8,
    show_default=True,
    help="Campaigns of the synthetic province.",
)
@click.option(
    "--date",
    "on_date",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Pretend today is this date (default: today).",
)
@click.pass_obj
def demo(
    app: AppContext, seed: int, n_townships: int | None, n_campaigns: int, on_date: Any
) -> None:
    """Fill a realistic sample campaign (or a synthetic province for benchmarks).

    The installation becomes headquarters (unless it already trusts another),
    so its data is signed by the authority and its kits can enrol laptops.
    """
    from inspector.demo import make_province, make_sample
    from inspector.sync.roster import authority, init_hq

    today = on_date.date() if on_date else None
    app.allow_create().warn_before_writing()
    if authority(app.db) is None:
        init_hq(app.db)
    if n_townships:
        stats = make_province(
            app.db,
            n_townships,
            n_campaigns,
            seed,
            today,
            progress=lambda m: click.echo(m, err=True),
        )
        click.echo(
            f"synthetic province: {n_townships} townships, {stats['campaigns']} "
            f"campaigns, {stats['inspections']} inspections, {stats['answers']} "
            f"answers, {stats['problems']} problems"
        )
        return
    stats = make_sample(app.db, seed, today)
    if stats.get("existing"):
        click.echo(safe(f"sample campaign {stats['campaign_name']} is already in {app.path}"))
        return
    click.echo(
        f"sample campaign {stats['campaign_name']} ({stats['campaign']}): "
        f"{stats['townships']} townships inspected, {stats['problems']} problems, "
        f"{stats['notices']} notices; sample project campaign {stats['project_campaign_name']} "
        f"({stats['project_campaign']}): {stats['projects']} sample project sites inspected"
    )


@main.group()
def forms() -> None:
    """Checklist forms."""


@forms.command("check")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
def forms_check(files: tuple[str, ...]) -> None:
    """Validate form files; print file:line: message for each problem."""
    from inspector.core.forms import FormError, load_form

    failed = False
    for name in files:
        try:
            form = load_form(name)
        except FormError as exc:
            failed = True
            for issue in exc.issues:
                click.echo(safe(issue), err=True)
            continue
        click.echo(
            safe(
                f"{name}: ok — {form.id} {form.version}, {len(form.sections)} "
                f"sections, {len(form.items)} items, {form.total_points:g} points"
            )
        )
    if failed:
        sys.exit(1)


@main.group()
def townships() -> None:
    """The township list."""


@townships.command("import")
@click.argument("csv_file", type=click.Path(dir_okay=False))
@click.pass_obj
def townships_import(app: AppContext, csv_file: str) -> None:
    """Import counties and townships from a CSV (county,county_code,township,township_code,kind)."""
    counts = app.writing().catalog.import_townships_csv(csv_file).value
    click.echo(
        f"{counts['counties']} counties and {counts['townships']} townships added or "
        f"changed, {counts['unchanged']} unchanged"
    )


@townships.command("list")
@click.pass_obj
def townships_list(app: AppContext) -> None:
    """List the townships."""
    for t in app.session.catalog.townships():
        click.echo("\t".join(safe(v) for v in (t["county"], t["name"], t["code"] or "", t["kind"])))


@main.group()
def campaign() -> None:
    """Inspection campaigns (督查批次)."""


@campaign.command("create")
@click.option("--name", required=True, help="e.g. 2017年第三季度基层党建专项督查")
@click.option(
    "--form", "form_ref", required=True, help="Form id (its newest version), or id@version."
)
@click.option(
    "--year", type=click.IntRange(1900, 9999), help="Year of the campaign (default: this year)."
)
@click.option(
    "--interview",
    "interview_bottom",
    type=click.IntRange(0, 1000),
    default=3,
    show_default=True,
    help="How many bottom-ranked townships go on the 约谈 list.",
)
@click.option("--follow-up-of", "follow_up_of", help="Make a follow-up round (回头看) of this one.")
@click.option("--reinspect", is_flag=True, help="The follow-up round fills in the form too.")
@click.pass_obj
def campaign_create(
    app: AppContext,
    name: str,
    form_ref: str,
    year: int | None,
    interview_bottom: int,
    follow_up_of: str | None,
    reinspect: bool,
) -> None:
    """Create a campaign on an installed form."""
    if follow_up_of:
        follow_ups = app.writing().follow_ups
        row = follow_ups.create(
            follow_up_of,
            name,
            form_ref,
            reinspect=reinspect,
            year=year,
            interview_bottom=interview_bottom,
        ).value
    elif reinspect:
        raise click.UsageError("--reinspect goes with --follow-up-of")
    else:
        row = app.writing().catalog.create_campaign(name, form_ref, year, interview_bottom).value
    click.echo(safe(row["id"]))


@campaign.command("setup")
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option("--team", help="The team's (督导组) name.")
@click.option("--members", help="The team's members, separated by commas or new lines.")
@click.option("--townships", "codes", help="The township codes covered, comma-separated.")
@click.option(
    "--townships-file",
    type=click.Path(exists=True, dir_okay=False),
    help="A file of township codes, one a line (or comma-separated).",
)
@click.option("--all-townships", is_flag=True, help="Cover every township again.")
@click.pass_obj
def campaign_setup(
    app: AppContext,
    campaign_ref: str,
    team: str | None,
    members: str | None,
    codes: str | None,
    townships_file: str | None,
    all_townships: bool,
) -> None:
    """Set a campaign's team, members and the townships it covers."""
    from inspector.core.ids import CampaignId
    from inspector.store.campaign_setup import township_ids_by_code

    if [codes is not None, townships_file is not None, all_townships].count(True) > 1:
        raise click.UsageError("give one of --townships, --townships-file, --all-townships")
    if townships_file:
        codes = Path(townships_file).read_text(encoding="utf-8-sig").replace("\n", ",")
    ids = township_ids_by_code(app.db, codes.split(",")) if codes is not None else None
    if members is not None:
        members = "\n".join(members.replace(",", "\n").replace("，", "\n").splitlines())
    row = (
        app.writing()
        .catalog.set_up_campaign(
            CampaignId(app.session.catalog.find_campaign(campaign_ref)["id"]),
            team=team,
            members=members,
            townships=ids,
            every_township=all_townships,
        )
        .value
    )
    click.echo(safe(f"{row['id']}\t{_setup_column(row)}"))


def _setup_column(campaign: dict[str, Any]) -> str:
    """The team and the townships covered, one column: `campaign list` only appends it."""
    n = len(json.loads(campaign.get("townships") or "[]"))
    return f"{campaign.get('team') or '-'} ({n or 'all'} townships)"


@campaign.command("list")
@click.pass_obj
def campaign_list(app: AppContext) -> None:
    """List campaigns: id, year, name, team and townships covered."""
    for c in app.session.catalog.campaigns():
        click.echo("\t".join(safe(v) for v in (c["id"], c["year"], c["name"], _setup_column(c))))


@main.command()
@click.option("--campaign", "campaign_ref", required=True, help="Campaign id or name.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def ranking(app: AppContext, campaign_ref: str, fmt: str) -> None:
    """Rank the campaign's townships: rank, county, township, score, stars, 约谈.

    Only complete inspections are ranked; the incomplete ones follow, unranked, with the
    items answered so far."""
    from inspector.core.scoring import star_text
    from inspector.store.ranking import campaign_incomplete, campaign_ranking

    ranked = campaign_ranking(app.db, campaign_ref)
    records: list[dict[str, Any]] = [
        {
            "rank": r.rank,
            "county_rank": r.county_rank,
            "county": r.entry.county,
            "township": r.entry.township,
            "score": r.entry.score,
            "stars": r.entry.stars,
            "interview": r.interview,
            "interview_reason": r.interview_reason,
            "answered": r.entry.answered,
            "items": r.entry.items,
            "complete": True,
        }
        for r in ranked
    ]
    records += [
        {
            "rank": None,
            "county_rank": None,
            "county": e.county,
            "township": e.township,
            "score": e.score,
            "stars": e.stars,
            "interview": False,
            "interview_reason": "",
            "answered": e.answered,
            "items": e.items,
            "complete": False,
        }
        for e in campaign_incomplete(app.db, campaign_ref)
    ]
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=1))
    elif fmt == "csv":
        from inspector.reports.cells import csv_text

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(
            [
                "rank",
                "county",
                "township",
                "score",
                "stars",
                "interview",
                "interview_reason",
                "answered",
            ]
        )
        for r in records:
            writer.writerow(
                [
                    "" if r["rank"] is None else r["rank"],
                    csv_text(r["county"]),
                    csv_text(r["township"]),
                    f"{r['score']:.1f}",
                    r["stars"],
                    "约谈" if r["interview"] else "",
                    csv_text(r["interview_reason"]),
                    f"{r['answered']}/{r['items']}",
                ]
            )
        click.echo(out.getvalue(), nl=False)
    else:
        header = [
            ("名次", 4, ">"),
            ("县区", 8, "<"),
            ("乡镇（街道）", 14, "<"),
            ("得分", 6, ">"),
            ("星级", 6, "<"),
            ("完成", 7, ">"),
        ]
        click.echo("  ".join(_pad(t, w, a) for t, w, a in header) + "  约谈")
        for r in records:
            cells = [
                ("—" if r["rank"] is None else str(r["rank"]), 4, ">"),
                (safe(r["county"]), 8, "<"),
                (safe(r["township"]), 14, "<"),
                (f"{r['score']:.1f}", 6, ">"),
                (star_text(r["stars"]), 6, "<"),
                (f"{r['answered']}/{r['items']}", 7, ">"),
            ]
            if not r["complete"]:
                reason = "未完成，不排名"
            else:
                reason = "约谈：" + safe(r["interview_reason"]) if r["interview"] else ""
            click.echo(("  ".join(_pad(t, w, a) for t, w, a in cells) + "  " + reason).rstrip())


def _pad(text: str, width: int, align: str) -> str:
    """Pad to a terminal width: Chinese characters take two columns."""
    import unicodedata

    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    fill = " " * max(0, width - used)
    return fill + text if align == ">" else text + fill


@main.command()
@click.pass_obj
def dump(app: AppContext) -> None:
    """Print every synced row as canonical JSON (databases compare byte for byte)."""
    from inspector.store.dump import dump_json

    sys.stdout.write(dump_json(app.db))


@main.command()
@click.option("--repair", is_flag=True, help="Recompute cached scores that are out of step.")
@click.option(
    "--restamp-future",
    is_flag=True,
    help="Give rows stamped more than a day ahead of this computer's clock a fresh "
    "stamp (after setting the date right).",
)
@click.pass_obj
def check(app: AppContext, repair: bool, restamp_future: bool) -> None:
    """Check the database's integrity; exit 1 if anything is wrong."""
    from inspector.store.dump import check as check_db
    from inspector.store.stamps import future_issues, restamp

    if repair or restamp_future:
        app.warn_before_writing()
    if repair:
        app.session.inspections.refresh_all_scores()
    if restamp_future:
        done = restamp(app.db)
        click.echo(
            safe(
                f"{done.rows} row(s) stamped in the future got a fresh stamp"
                + (f"; backup {done.backup}" if done.backup else "")
            )
        )
    issues = [*check_db(app.db), *(str(m) for m in future_issues(app.db))]
    for issue in issues:
        click.echo(safe(issue), err=True)
    if issues:
        sys.exit(1)
    click.echo(safe(f"{app.path}: ok"))
