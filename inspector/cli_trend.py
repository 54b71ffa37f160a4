"""`inspector trend` (table, CSV, JSON) and `inspector report trend` (PDF with charts)."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

import click

from inspector.terminal import safe

if TYPE_CHECKING:  # cli imports this module; importing cli back at run time would loop
    from inspector.cli import AppContext
    from inspector.core.trends import AreaTrend, TownshipTrend

WHOLE = "全部县区"


def _scope(app: AppContext, township_ref: str | None, county_ref: str | None) -> dict[str, Any]:
    """The township or the county asked for, by id (neither: the whole)."""
    if township_ref and county_ref:
        raise click.UsageError("give either --township or --county, not both")
    if township_ref:
        return {"township_id": app.session.catalog.find_township(township_ref)["id"]}
    if county_ref:
        from inspector.store.report_data import find_county

        return {"county_id": find_county(app.db, county_ref)["id"]}
    return {}


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _signed(value: float | None) -> str:
    return "" if value is None else f"{value:+.1f}"


@click.command("trend")
@click.option("--township", "township_ref", help="One township (name, code or id).")
@click.option("--county", "county_ref", help="One county (name, code or id).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def trend(app: AppContext, township_ref: str | None, county_ref: str | None, fmt: str) -> None:
    """Trends across campaigns, oldest first (by year, start date, name).

    For a township: score, stars, rank and its change (进位/退位, against the last
    campaign that ranked it), problems, and the items failed in consecutive rounds
    (屡查屡犯). For a county, or the whole when neither is given: townships ranked,
    average score, star distribution, 约谈 count and rectification rate."""
    from inspector.store.trends import trend_json

    scope = _scope(app, township_ref, county_ref)
    found: TownshipTrend | AreaTrend
    if "township_id" in scope:
        found = app.session.trends.township(scope["township_id"])
    else:
        found = app.session.trends.area(scope.get("county_id"))
    if fmt == "json":
        click.echo(trend_json(found))
        return
    from inspector.core.trends import TownshipTrend

    if isinstance(found, TownshipTrend):
        (_township_csv if fmt == "csv" else _township_table)(found)
    else:
        (_area_csv if fmt == "csv" else _area_table)(found)


def _township_csv(t: TownshipTrend) -> None:
    from inspector.core.trends import repeated_in_round
    from inspector.reports.cells import csv_text

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "campaign",
            "score",
            "stars",
            "complete",
            "rank",
            "ranked",
            "county_rank",
            "change",
            "interview",
            "problems",
            "repeated_failures",
        ]
    )
    for r in t.rounds:
        writer.writerow(
            [
                csv_text(r.campaign),
                _score(r.score),
                r.stars,
                "yes" if r.complete else "no",
                "" if r.rank is None else r.rank,
                r.ranked,
                "" if r.county_rank is None else r.county_rank,
                r.change_text,
                "约谈" if r.interview else "",
                r.problems,
                " ".join(repeated_in_round(t.repeated, r.campaign)),
            ]
        )
    click.echo(out.getvalue(), nl=False)


def _township_table(t: TownshipTrend) -> None:
    from inspector.cli import _pad
    from inspector.core.scoring import star_text

    click.echo(safe(f"{t.township} · {t.county}"))
    if not t.rounds:
        click.echo("没有督查记录。")
        return
    widths = [("序号", 4, ">"), ("督查批次", 24, "<"), ("得分", 6, ">"), ("星级", 10, "<")]
    widths += [("名次", 9, ">"), ("县区内", 6, ">"), ("升降", 8, "<"), ("问题", 4, ">")]
    click.echo("  ".join(_pad(h, w, a) for h, w, a in widths) + "  约谈")
    for n, r in enumerate(t.rounds, 1):
        rank = f"{r.rank}/{r.ranked}" if r.rank is not None else "未完成"
        county = f"{r.county_rank}/{r.county_ranked}" if r.county_rank is not None else "—"
        cells = [
            str(n),
            safe(r.campaign),
            _score(r.score),
            star_text(r.stars, r.max_stars),
            rank,
            county,
            r.change_text,
            str(r.problems),
        ]
        line = "  ".join(_pad(c, w, a) for c, (_h, w, a) in zip(cells, widths, strict=True))
        click.echo((line + ("  约谈" if r.interview else "")).rstrip())
    click.echo("")
    if not t.repeated:
        click.echo("屡查屡犯：无（没有连续两轮及以上不符合的条目）。")
        return
    click.echo("屡查屡犯（同一条目连续两轮及以上不符合）：")
    for f in t.repeated:
        state = "，至今未改" if f.ongoing else ""
        click.echo(
            safe(f"  {f.item_id}  {f.text}  连续{f.rounds}轮{state}：{'、'.join(f.campaigns)}")
        )


def _area_csv(t: AreaTrend) -> None:
    from inspector.reports.cells import csv_text

    top = max((r.max_stars for r in t.rounds), default=5)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "campaign",
            "ranked",
            "incomplete",
            "average",
            "change",
            *(f"stars_{n}" for n in range(top, 0, -1)),
            "interviews",
            "problems",
            "rectified",
            "rate",
        ]
    )
    for r in t.rounds:
        stars = [*r.stars, *([0] * (top - r.max_stars))][:top]
        writer.writerow(
            [
                csv_text(r.campaign),
                r.ranked,
                r.incomplete,
                _score(r.average),
                _signed(r.change),
                *stars,
                r.interviews,
                r.problems,
                r.rectified,
                _score(r.rate),
            ]
        )
    click.echo(out.getvalue(), nl=False)


def _area_table(t: AreaTrend) -> None:
    from inspector.cli import _pad

    click.echo(safe(t.name or WHOLE))
    if not t.rounds:
        click.echo("没有督查记录。")
        return
    top = max(r.max_stars for r in t.rounds)
    widths = [("序号", 4, ">"), ("督查批次", 24, "<"), ("评定", 5, ">"), ("平均分", 6, ">")]
    widths += [("升降", 6, ">")]
    widths += [(f"{n}星", 4, ">") for n in range(top, 0, -1)]
    widths += [("约谈", 4, ">"), ("问题", 6, ">"), ("整改率", 7, ">")]
    click.echo("  ".join(_pad(h, w, a) for h, w, a in widths).rstrip())
    for n, r in enumerate(t.rounds, 1):
        stars = [*r.stars, *([0] * (top - r.max_stars))][:top]
        ranked = str(r.ranked) + (f"+{r.incomplete}" if r.incomplete else "")
        cells = [
            str(n),
            safe(r.campaign),
            ranked,
            _score(r.average) or "—",
            _signed(r.change),
            *(str(s) for s in stars),
            str(r.interviews),
            str(r.problems),
            "—" if r.rate is None else f"{r.rate:.1f}%",
        ]
        click.echo("  ".join(_pad(c, w, a) for c, (_h, w, a) in zip(cells, widths, strict=True)))
    if any(r.incomplete for r in t.rounds):
        click.echo("评定：参加排名的乡镇（街道）数，“+N”为督查未完成、不参加排名的个数。")


@click.group()
def report() -> None:
    """Printed reports (PDF, A4, fonts embedded)."""


@report.command("trend")
@click.option("--township", "township_ref", help="One township (name, code or id).")
@click.option("--county", "county_ref", help="One county (name, code or id).")
@click.option("--out", required=True, type=click.Path(dir_okay=False), help="File to write (.pdf).")
@click.option(
    "--date",
    "on_date",
    type=click.DateTime(["%Y-%m-%d"]),
    help="Date the report is made on (default: today); the same data and date give the same bytes.",
)
@click.pass_obj
def report_trend(
    app: AppContext, township_ref: str | None, county_ref: str | None, out: str, on_date: Any
) -> None:
    """督查情况趋势分析: a township, a county or the whole across campaigns, with charts."""
    from inspector.cli_reports import _make, _request

    scope = _scope(app, township_ref, county_ref)
    _make(app, "trend", _request(on_date, **scope), out, "pdf")
