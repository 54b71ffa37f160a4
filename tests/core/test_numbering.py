from __future__ import annotations

import pytest

from inspector.core.numbering import NumberingError, format_doc_number, next_seq, parse_doc_number


def test_format_has_no_leading_zeros_and_no_di():
    assert format_doc_number("舟组督", 2017, 12) == "舟组督〔2017〕12号"
    assert format_doc_number("舟组督", 2017, 1) == "舟组督〔2017〕1号"


def test_parse_round_trips():
    n = parse_doc_number("舟组督〔2017〕12号")
    assert (n.prefix, n.year, n.seq) == ("舟组督", 2017, 12)
    assert str(n) == "舟组督〔2017〕12号"
    with pytest.raises(NumberingError):
        parse_doc_number("舟组督[2017]第12号")


def test_each_laptop_numbers_from_its_block():
    assert next_seq([], block_start=1) == 1
    assert next_seq([], block_start=101, block_end=200) == 101
    assert next_seq([101, 102], block_start=101) == 103
    # numbers of other blocks do not push this laptop on
    assert next_seq([1, 2, 3, 150], block_start=101, block_end=149) == 101


def test_numbers_are_never_reused_and_blocks_run_out():
    assert next_seq([], block_start=1, last_given=7) == 8
    with pytest.raises(NumberingError):
        next_seq([200], block_start=101, block_end=200)
