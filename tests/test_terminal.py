"""Outside text printed on a terminal cannot move the cursor, clear the screen or reorder text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from inspector.terminal import control_characters, safe, safe_lines


def test_escapes_are_visible_and_harmless():
    assert safe("笔记本\x1b[2J") == "笔记本\\x1b[2J"
    assert safe("a\rb\x00c\nd\te") == "a\\x0db\\x00c\\x0ad\\x09e"
    assert safe("\x9b31m") == "\\x9b31m"
    assert safe("\x7f") == "\\x7f"


def test_bidi_overrides_are_dropped():
    assert safe("photo\u202egpj.exe") == "photogpj.exe"
    assert safe("\u2066a\u2067b\u2068c\u2069\u202a\u202b\u202c\u202d") == "abc"
    assert safe("line\u2028break") == "line\\u2028break"


def test_ordinary_text_is_unchanged():
    for text in ("定海区 白泉镇", "2017年第三季度基层党建专项督查", "laptop-1 (team 2)", "ü é ★☆"):
        assert safe(text) == text


def test_lines_keep_their_breaks():
    assert safe_lines("a\x1b\nb\r") == "a\\x1b\nb\\x0d"


def test_control_characters_names_what_a_name_may_not_hold():
    assert control_characters("正常名字") == []
    assert control_characters("a\x1b[2J\r\u202e") == ["\\u202e", "\\x0d", "\\x1b"]


@given(st.text())
def test_nothing_unsafe_survives(text):
    out = safe(text)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in out)
    assert not any(
        c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u2028\u2029" for c in out
    )
    assert control_characters(out) == []
