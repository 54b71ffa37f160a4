"""A township list nobody planned for: read into clean records, or refused by file and line."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from inspector.paths import sample_townships_csv
from inspector.store.catalog import CatalogError, parse_townships_csv
from inspector.terminal import control_characters

SAMPLE = sample_townships_csv().read_text(encoding="utf-8-sig").splitlines()
FIELDS = st.sampled_from(
    [
        "定海区",
        "330902",
        "昌国街道",
        "330902002",
        "街道",
        "镇",
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
        "330902002",
        "3309020021",
        "定海区,330902",
    ]
) | st.text(max_size=6)


@st.composite
def township_lists(draw):
    lines = list(SAMPLE[: draw(st.integers(1, len(SAMPLE)))])
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, ",".join(draw(st.lists(FIELDS, min_size=1, max_size=6))))
    return draw(st.sampled_from(["\n", "\r\n"])).join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(township_lists() | st.text(max_size=200))
def test_a_list_is_read_clean_or_refused_by_line(text):
    try:
        records = parse_townships_csv(text, "list.csv")
    except CatalogError as exc:
        for message in exc.messages:
            assert re.match(r"^list\.csv(:\d+)?: ", str(message)) or str(message).startswith(
                "… and"
            ), str(message)
        return
    for rec in records:
        assert rec.county and rec.township and rec.kind in ("街道", "镇", "乡")
        assert not control_characters(rec.county + rec.township)
        assert len(rec.township) <= 100
    codes = [r.township_code for r in records if r.township_code]
    assert len(codes) == len(set(codes))
