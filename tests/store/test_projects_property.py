"""A project list nobody planned for: read into clean records, or refused by file and line."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.store.catalog import CatalogError
from inspector.store.projects import parse_projects_csv
from inspector.terminal import control_characters

GOOD = ["county,name,code", "岱山县,鱼山石化项目,", "定海区,新城大桥项目,330902900"]
FIELDS = st.sampled_from(
    [
        "岱山县",
        "鱼山石化项目",
        "330921900",
        "2017-330921-25-01",
        "",
        " ",
        '"a,b"',
        '"',
        "\x1b[2J",
        "\r",
        "\x00",
        "\u202e",
        "=1+1",
        "长" * 120,
    ]
) | st.text(max_size=6)


@st.composite
def project_lists(draw):
    lines = list(GOOD[: draw(st.integers(1, len(GOOD)))])
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, ",".join(draw(st.lists(FIELDS, min_size=1, max_size=5))))
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(project_lists() | st.text(max_size=200))
def test_a_project_list_is_read_clean_or_refused_by_line(text):
    try:
        records = parse_projects_csv(text, "p.csv")
    except CatalogError as exc:
        for message in exc.messages:
            assert re.match(r"^p\.csv(:\d+)?: ", str(message)) or str(message).startswith(
                "… and"
            ), str(message)
        return
    for rec in records:
        assert rec.county and rec.name
        assert not control_characters(rec.county + rec.name)
        assert len(rec.name) <= 100
        assert rec.code is None or re.fullmatch(r"\d{9}|\d{12}", rec.code)
    keys = [(r.county, r.name) for r in records]
    assert len(keys) == len(set(keys))
