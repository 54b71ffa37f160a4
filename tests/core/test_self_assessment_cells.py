"""The self-assessment's cell parser (outside input) and the gap it is compared by."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.core.form_model import Item
from inspector.core.scoring import Answer, Verdict
from inspector.core.self_assessment import (
    MAX_COUNT,
    VERDICT_LABELS,
    CellError,
    item_gap,
    parse_note,
    parse_number,
    parse_value,
    parse_verdict,
)

VERDICT = Item("P01", "s", "verdict", "要求", points=4, partial=0.5)
COUNT = Item("F04", "s", "number", "薄弱村", points=4, rule="at_most", target=0, deduct=1)
TEXT = Item("N01", "s", "text", "其他")

anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.datetimes(),
    st.dates(),
    st.sampled_from(list(VERDICT_LABELS.values())),
)


@given(anything, st.booleans())
def test_a_verdict_cell_is_a_verdict_nothing_or_a_refusal(value, formula):
    try:
        got = parse_verdict(value, formula)
    except CellError as exc:
        assert exc.messages  # a message to put after sheet, row and column
        return
    assert not formula
    assert got is None or got in VERDICT_LABELS
    if got is not None:
        assert isinstance(value, str) and VERDICT_LABELS[got] in value.replace(" ", "")


@given(anything, st.booleans())
def test_a_count_cell_is_a_whole_count_in_range_or_a_refusal(value, formula):
    try:
        got = parse_number(value, formula)
    except CellError:
        return
    assert not formula and not isinstance(value, bool)
    if got is not None:
        assert math.isfinite(got) and got.is_integer() and 0 <= got <= MAX_COUNT


@given(anything, st.booleans())
def test_a_note_cell_is_clean_text_or_a_refusal(value, formula):
    try:
        got = parse_note(value, formula)
    except CellError:
        return
    assert isinstance(got, str) and len(got) <= 20_000
    assert all((ord(c) >= 32 and ord(c) != 127) or c in "\n\t" for c in got)


@given(st.integers(min_value=0, max_value=MAX_COUNT))
def test_every_count_in_range_reads_back_as_typed_or_as_text(n):
    assert parse_number(n) == n
    assert parse_number(str(n)) == n
    assert parse_number(float(n)) == n


@pytest.mark.parametrize("label", list(VERDICT_LABELS.values()))
def test_each_label_reads_with_stray_and_full_width_spaces(label):
    assert VERDICT_LABELS[parse_verdict(f"　{label} ")] == label


@pytest.mark.parametrize(
    "value",
    [True, dt.date(2026, 1, 1), "很好", 1, "full", "符 合 吗"],
)
def test_what_a_verdict_cell_refuses(value):
    with pytest.raises(CellError):
        parse_verdict(value)


@pytest.mark.parametrize("value", [-1, 1.5, "1e3", float("nan"), float("inf"), MAX_COUNT + 1, "三"])
def test_what_a_count_cell_refuses(value):
    with pytest.raises(CellError):
        parse_number(value)


def test_a_text_item_takes_only_a_note():
    assert parse_value(TEXT, None) == (None, None)
    with pytest.raises(CellError, match="takes no verdict"):
        parse_value(TEXT, "符合")


def test_the_gap_is_in_points_and_signed():
    full, partial, fail, na = (
        Answer(v) for v in (Verdict.FULL, Verdict.PARTIAL, Verdict.FAIL, Verdict.NA)
    )
    assert item_gap(VERDICT, full, fail) == 4.0  # the township rated itself 4 points higher
    assert item_gap(VERDICT, partial, full) == -2.0
    assert item_gap(VERDICT, full, full) == 0.0
    assert item_gap(VERDICT, na, fail) is None  # 不适用 on either side: not comparable
    assert item_gap(VERDICT, None, fail) is None
    # a count: 0 weak villages claimed, 3 found (1 point off each)
    assert item_gap(COUNT, Answer(number=0), Answer(number=3)) == 3.0
