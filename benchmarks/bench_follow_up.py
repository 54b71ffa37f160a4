"""A follow-up round (回头看) on a province: its creation, its work list, a verdict.

Make a province first (several minutes):
    inspector --db /tmp/prov.db demo --townships 1400 --campaigns 40
Then, on a copy (the script writes follow-up rounds, verdicts and extensions):
    python benchmarks/bench_follow_up.py /tmp/prov.db

Timed, each the median of REPEAT runs:
- opening the database (the first time: the follow-up migration on its tables);
- creating a follow-up round of the newest full round (goal: 2 s), which writes one
  row: its work list is computed;
- the work list's per-township counts for the whole province (the tree);
- one township's work list (the page), with lights and this round's verdicts;
- a verdict and an extension, each in its own transaction;
- the problem list filtered to red lights, counted and its first page read.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from inspector.core.ids import CampaignId, ProblemId, TownshipId
from inspector.store.problems import ProblemFilter, count_problems, list_problems
from inspector.store.session import Session

REPEAT = 5


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return (time.perf_counter() - start) * 1000, value


def median(fn: Callable[[int], Any]) -> tuple[float, list[Any]]:
    runs = [timed(lambda n=n: fn(n)) for n in range(REPEAT)]
    return statistics.median(ms for ms, _ in runs), [v for _, v in runs]


def main(path: str) -> int:
    opened, session = timed(lambda: Session.open(path, create=False))
    db = session.db
    problems = db.execute("SELECT COUNT(*) FROM problems WHERE deleted = 0").fetchone()[0]
    full = [c for c in session.catalog.campaigns() if not c["follow_up_of"]]
    earlier = full[0]
    print(f"{path}: {len(full)} full rounds, {problems:,} problems; opened in {opened:.0f} ms")

    create_ms, made = median(
        lambda n: (
            session.follow_ups.create(
                earlier["id"], f"回头看（测量{time.time_ns()}-{n}）", earlier["form_id"]
            ).value
        )
    )
    follow = CampaignId(made[0]["id"])
    print(f"create a follow-up round of {earlier['name']}: median {create_ms:.1f} ms (goal 2000)")

    summary_ms, summaries = median(lambda _n: session.follow_ups.summary(follow))
    listed = sum(total for total, _ in summaries[0].values())
    print(
        f"work-list counts of {len(summaries[0])} townships ({listed:,} problems): "
        f"median {summary_ms:.0f} ms"
    )
    busiest = max(summaries[0], key=lambda t: summaries[0][t][0])
    town_ms, towns = median(lambda _n: session.follow_ups.work_list(follow, TownshipId(busiest)))
    print(f"one township's work list ({len(towns[0])} problems): median {town_ms:.1f} ms")

    todo = [p for p in towns[0] if p["status"] in ("open", "rectifying")]
    verdict_ms, _ = median(
        lambda n: session.follow_ups.verdict(
            follow, ProblemId(todo[n % len(todo)]["id"]), "rejected", "测量用：未整改"
        )
    )
    print(f"a verdict (rejected, back to rectifying): median {verdict_ms:.1f} ms")

    def extend(n: int) -> Any:
        p = session.problems.get(ProblemId(todo[n % len(todo)]["id"]))
        due = max(p["deadline"] or "2000-01-01", time.strftime("%Y-%m-%d"))
        year = int(due[:4]) + 1 + n
        return session.follow_ups.extend(ProblemId(p["id"]), f"{year}{due[4:]}", "测量用", "测量")

    extend_ms, _ = median(extend)
    print(f"an extension: median {extend_ms:.1f} ms")

    red = ProblemFilter(lights=("red",))
    count_ms, counts = median(lambda _n: count_problems(db, red))
    page_ms, _ = median(lambda _n: list_problems(db, red, limit=200))
    print(
        f"problem list filtered to red ({counts[0]:,}): count median {count_ms:.0f} ms, "
        f"first page median {page_ms:.0f} ms"
    )
    session.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "province.db"))
