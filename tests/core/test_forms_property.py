"""`inspector forms check` on text nobody planned for: a form it accepts scores every answer,
and a form it refuses gets `file:line: message` lines and exit status 1 — never a traceback."""

from __future__ import annotations

import math
import re

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.cli import main
from inspector.core.forms import parse_form
from inspector.core.scoring import Answer, Verdict, score_inspection
from inspector.paths import default_form_path

DEFAULT = default_form_path().read_text(encoding="utf-8")
DEFAULT_LINES = DEFAULT.splitlines()
KEYS = [
    "id",
    "version",
    "title",
    "target",
    "language",
    "thresholds",
    "veto_cap",
    "kind",
    "text",
    "points",
    "partial",
    "veto",
    "problem",
    "rule",
    "deduct",
    "unit",
    "item",
    "section",
    "form",
    "rating",
    "guidance",
    '"id"',
    "a.b",
    "x",
    '"k\\u001b[2J\\nx"',
    "'\u202e'",
]
SCALARS = [
    "nan",
    "-nan",
    "inf",
    "-inf",
    "1e308",
    "-1e308",
    "1e-320",
    "0",
    "-0",
    "1",
    "-1",
    "0.5",
    "99999999999999999999999999",
    "0x10",
    "true",
    "false",
    '""',
    '"verdict"',
    '"number"',
    '"text"',
    '"at_most"',
    '"at_least"',
    '"project"',
    '"\\u0000"',
    "1979-05-27",
    "07:32:00",
    "1979-05-27T07:32:00Z",
    "'''\n'''",
    '"A1"',
    '"="',
    '"\\u001b[2J"',
    '"a\\rb"',
]
HEADERS = [
    "[form]",
    "[rating]",
    "[[section]]",
    "[[section.item]]",
    "[section]",
    "[[section.item.x]]",
    "[[form]]",
    "[rating.x]",
    "[section.item]",
]
LINE_RE = re.compile(r"^.+:\d+: .+$")


@st.composite
def values(draw, depth=0):
    if depth < 3 and draw(st.booleans()):
        inner = draw(st.lists(values(depth + 1), max_size=4))
        if draw(st.booleans()):
            return "[" + ", ".join(inner) + "]"
        return (
            "{"
            + ", ".join(
                f"{k} = {v}"
                for k, v in zip(
                    draw(st.lists(st.sampled_from(KEYS[:20]), max_size=4, unique=True)),
                    inner,
                    strict=False,
                )
            )
            + "}"
        )
    return draw(st.sampled_from(SCALARS) | st.text(max_size=8).map(repr))


@st.composite
def toml_line(draw):
    if draw(st.integers(0, 4)) == 0:
        return draw(st.sampled_from(HEADERS))
    return f"{draw(st.sampled_from(KEYS))} = {draw(values())}"


@st.composite
def mutated_default(draw):
    lines = list(DEFAULT_LINES)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["replace", "insert", "delete", "value", "dup"]))
        if how == "replace":
            lines[at] = draw(toml_line())
        elif how == "insert":
            lines.insert(at, draw(toml_line()))
        elif how == "delete" and len(lines) > 1:
            del lines[at]
        elif how == "dup":
            lines.insert(at, lines[at])
        elif "=" in lines[at]:
            lines[at] = lines[at].split("=", 1)[0] + "= " + draw(values())
    return "\n".join(lines) + "\n"


texts = (
    st.text(max_size=200) | st.lists(toml_line(), max_size=25).map("\n".join) | mutated_default()
)


def _scores_every_answer(text: str) -> None:
    form = parse_form(text)
    numbers = [0, 1, 3, 10**6]
    for verdict in Verdict:
        for number in numbers:
            answers = {
                i.id: (Answer(number=number) if i.kind == "number" else Answer(verdict))
                for i in form.items
                if i.scored
            }
            result = score_inspection(form, answers)
            assert math.isfinite(result.score) and 0 <= result.score <= 100
            assert 1 <= result.stars <= form.rating.max_stars
            for section in result.sections:
                assert math.isfinite(section.earned) and math.isfinite(section.applicable)


@pytest.fixture(scope="module")
def form_file(tmp_path_factory):
    return tmp_path_factory.mktemp("forms") / "hostile.toml"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_forms_check_accepts_a_scorable_form_or_names_file_and_line(form_file, text):
    form_file.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = CliRunner().invoke(main, ["forms", "check", str(form_file)])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        text,
        result.exception,
    )
    if result.exit_code == 0:
        _scores_every_answer(text)
    else:
        assert result.exit_code == 1, result.output
        lines = result.stderr.splitlines()
        assert lines and all(LINE_RE.match(line) for line in lines), result.stderr
        assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in "".join(lines))
        assert all(line.startswith(str(form_file) + ":") for line in lines)
