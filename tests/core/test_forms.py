"""Form files: the default form's content, and every kind of mistake named by file and line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from inspector.core.forms import FormError, load_form, parse_form
from inspector.paths import default_form_path, forms_dir

GOOD = """\
[form]
id = "t"
version = "1"
title = "测试表"
target = "township"

[rating]
thresholds = [90, 80, 70, 60]
veto_cap = 1

[[section]]
id = "a"
title = "甲"

[[section.item]]
id = "A1"
kind = "verdict"
text = "三会一课"
points = 6
problem = "未落实三会一课"

[[section.item]]
id = "A2"
kind = "number"
text = "薄弱村数量"
points = 4
rule = "at_most"
target = 0
deduct = 1
veto = true

[[section.item]]
id = "A3"
kind = "text"
text = "其他"
"""


def issues_of(text: str) -> list[tuple[int, str]]:
    with pytest.raises(FormError) as caught:
        parse_form(text, "bad.toml")
    return [(i.line, i.message) for i in caught.value.issues]


def test_default_form_covers_the_seed_document():
    form = load_form(default_form_path())
    assert len(form.sections) >= 5
    assert len(form.items) >= 25
    assert form.total_points == 100
    scored = [i for i in form.items if i.scored]
    assert all(i.guidance.strip() for i in form.items)
    assert all(i.problem.strip() for i in scored)
    weak = [i for i in form.items if "10万元" in i.text]
    assert len(weak) == 1
    assert weak[0].kind == "number" and weak[0].veto and weak[0].rule == "at_most"
    titles = "".join(s.title for s in form.sections)
    for topic in ("项目党建", "从严治党", "整体提升", "基础", "责任"):
        assert topic in titles


def test_every_shipped_form_is_valid():
    for path in forms_dir().glob("*.toml"):
        load_form(path)


def test_good_form_parses_with_kinds_and_rules():
    form = parse_form(GOOD, "good.toml")
    assert [i.kind for i in form.items] == ["verdict", "number", "text"]
    assert form.item("A2").deduct == 1 and form.item("A2").veto
    assert form.item("A1").partial == 0.5
    assert form.rating.max_stars == 5


def test_syntax_error_names_the_line():
    text = GOOD.replace('title = "甲"', 'title = "甲')
    [(line, message)] = issues_of(text)
    assert line == GOOD.splitlines().index('title = "甲"') + 1
    assert "syntax" in message


def test_unknown_key_names_its_line():
    text = GOOD.replace("points = 6", "points = 6\npionts = 3")
    [(line, message)] = issues_of(text)
    assert line == text.splitlines().index("pionts = 3") + 1
    assert "pionts" in message


def test_duplicate_item_id_names_the_second_one():
    text = GOOD.replace('id = "A2"', 'id = "A1"')
    [(line, message)] = issues_of(text)
    first = text.splitlines().index('id = "A1"')
    assert line == text.splitlines().index('id = "A1"', first + 1) + 1
    assert "duplicate item id 'A1'" in message


def test_missing_and_negative_points():
    missing = issues_of(GOOD.replace("points = 6\n", ""))
    assert any("missing 'points'" in m for _, m in missing)
    negative = issues_of(GOOD.replace("points = 6", "points = -2"))
    [(line, message)] = negative
    assert "positive" in message
    assert line == GOOD.splitlines().index("points = 6") + 1


def test_unknown_kind_and_veto_on_text():
    kind = issues_of(GOOD.replace('kind = "verdict"', 'kind = "yesno"'))
    assert any("unknown kind 'yesno'" in m for _, m in kind)
    veto = issues_of(GOOD.replace('text = "其他"', 'text = "其他"\nveto = true'))
    [(line, message)] = veto
    assert "text item cannot be a veto" in message
    assert line == len(GOOD.splitlines()) + 1


def test_thresholds_out_of_order_and_cap_out_of_range():
    order = issues_of(GOOD.replace("[90, 80, 70, 60]", "[90, 70, 80, 60]"))
    [(line, message)] = order
    assert "out of order" in message and line == 8
    cap = issues_of(GOOD.replace("veto_cap = 1", "veto_cap = 9"))
    assert any("veto_cap" in m for _, m in cap)


def test_all_issues_are_reported_together():
    text = GOOD.replace('kind = "verdict"', 'kind = "x"').replace("[90, 80, 70, 60]", "[1, 2]")
    assert len(issues_of(text)) == 2


def test_number_item_needs_rule_and_deduct():
    text = GOOD.replace('rule = "at_most"\n', "").replace("deduct = 1\n", "")
    messages = [m for _, m in issues_of(text)]
    assert any("rule" in m for m in messages) and any("deduct" in m for m in messages)


def test_unreadable_and_non_utf8_files(tmp_path):
    with pytest.raises(FormError) as missing:
        load_form(tmp_path / "nope.toml")
    assert "nope.toml:1: cannot read" in str(missing.value)
    bad = tmp_path / "gbk.toml"
    bad.write_bytes('[form]\nid = "x"\ntitle = "测试"\n'.encode("gbk"))
    with pytest.raises(FormError) as enc:
        load_form(bad)
    assert "gbk.toml:3: the file is not UTF-8" in str(enc.value)


NOT_FINITE = [
    "nan",
    "+nan",
    "-nan",
    "inf",
    "+inf",
    "-inf",
    "1e308",
    "1e400",
    "99999999999999999999999999",
]


@pytest.mark.parametrize("value", NOT_FINITE)
@pytest.mark.parametrize(
    ("key", "line"),
    [
        ("points = 6", "points = {}"),
        ("points = 4", "points = {}"),
        ("target = 0", "target = {}"),
        ("deduct = 1", "deduct = {}"),
        ("veto_cap = 1", "veto_cap = {}"),
        ("thresholds = [90, 80, 70, 60]", "thresholds = [90, 80, {}, 60]"),
    ],
)
def test_numbers_that_are_not_finite_or_too_large_are_refused_on_their_line(key, line, value):
    """nan, inf and 1e308 would be accepted, then fail every score written to the database."""
    text = GOOD.replace(key, line.format(value), 1)
    issues = issues_of(text)
    assert issues, text
    where = text.splitlines().index(line.format(value)) + 1
    assert any(n == where for n, _m in issues), issues


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308"])
def test_partial_that_is_not_finite_is_refused(value):
    text = GOOD.replace("points = 6\n", f"points = 6\npartial = {value}\n")
    [(line, message)] = issues_of(text)
    assert line == text.splitlines().index(f"partial = {value}") + 1
    assert "partial" in message


def test_largest_accepted_points_still_score():
    from inspector.core.scoring import Answer, Verdict, score_inspection

    form = parse_form(
        GOOD.replace("points = 6", "points = 1000").replace("target = 0", "target = 1000000")
    )
    result = score_inspection(form, {"A1": Answer(Verdict.FULL), "A2": Answer(number=1e6)})
    assert result.score == 100.0


@pytest.mark.parametrize(
    "nested",
    [
        "[" * 10_000 + "]" * 10_000,
        "{b = " * 10_000 + "1" + "}" * 10_000,
        "[" * 40 + "1" + "]" * 40,
        "[{a = [{b = " * 20 + "1" + "}]}]" * 20,
    ],
)
def test_deeply_nested_values_are_refused_on_their_line(nested):
    text = GOOD.replace('title = "甲"', f'title = "甲"\nextra = {nested}')
    issues = issues_of(text)
    where = text.splitlines().index(f"extra = {nested}") + 1
    assert (where, "values nested more than 32 deep (arrays or inline tables)") in issues


def test_nesting_inside_strings_and_comments_does_not_count():
    text = GOOD.replace(
        'title = "甲"', 'title = "甲[[[[{{{{' + "[" * 50 + '"  # ' + "{" * 50
    ).replace('text = "其他"', "text = '''" + "[" * 50 + "\n" + "{" * 50 + "'''")
    form = parse_form(text)
    assert form.sections[0].title.startswith("甲[[[[")


def test_a_long_but_shallow_array_is_fine():
    text = GOOD.replace("thresholds = [90, 80, 70, 60]", "thresholds = [90, 80, 70, 60]\n")
    assert parse_form(text).rating.thresholds == (90, 80, 70, 60)
    arrays = GOOD.replace('title = "甲"', 'title = "甲"\nextra = ' + "[" * 32 + "]" * 32)
    assert any("unknown key 'extra' in [[section]]" in m for _, m in issues_of(arrays))


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ("section = [1]", "[[section]]"),
        ('section = ["abc"]', "[[section]]"),
        ('section = [{id = "a", title = "t", item = [1]}]', "item"),
        ('section = [{id = "a", title = "t", item = "A1"}]', "no [[section.item]]"),
        ("form = 1\nsection = []", "[form]"),
        ("rating = [1]\n[form]\nid='x'\nversion='1'\ntitle='t'", "[rating]"),
    ],
)
def test_tables_of_the_wrong_type_are_refused_not_crashed(raw, needle):
    issues = issues_of(raw)
    assert any(needle in m for _, m in issues), issues


def test_a_huge_file_is_refused_before_it_is_read_whole(tmp_path):
    big = tmp_path / "big.toml"
    big.write_bytes(b"# " + b"x" * (5 * 1024 * 1024) + b"\n")
    with pytest.raises(FormError) as caught:
        load_form(big)
    assert "larger than" in str(caught.value)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ('version = "1"', 'version = "1\\u001b[2J"'),
        ('title = "测试表"', 'title = "测试\\r表"'),
        ('title = "甲"', 'title = "甲\\u202e"'),
        ('id = "a"', 'id = "a\\u0000"'),
        ('id = "A1"', 'id = "A1\\u009b"'),
        ('text = "三会一课"', 'text = "三会\\u001b一课"'),
        ('problem = "未落实三会一课"', 'problem = "未落实\\u2066三会一课"'),
    ],
)
def test_control_characters_in_names_and_texts_are_refused_on_their_line(old, new):
    text = GOOD.replace(old, new, 1)
    issues = issues_of(text)
    where = text.splitlines().index(new) + 1
    assert any(n == where and "control characters" in m for n, m in issues), issues


def test_texts_may_span_lines_and_hold_tabs():
    text = GOOD.replace('text = "三会一课"', "text = '''三会一课\n\t每月一次'''")
    assert parse_form(text).item("A1").text == "三会一课\n\t每月一次"


def test_a_form_saved_with_windows_line_endings_is_fine():
    text = GOOD.replace('text = "三会一课"', "text = '''三会一课\n每月一次'''").replace(
        "\n", "\r\n"
    )
    assert parse_form(text).item("A1").text == "三会一课\n每月一次"


def test_the_model_needs_no_parser():
    # Scoring and the GUI use the model alone; reading TOML is the parser's job.
    code = (
        "import sys, inspector.core.form_model, inspector.core.scoring; "
        "print(sorted(m for m in sys.modules if m in ('tomllib', 'inspector.core.form_parser',"
        " 'inspector.core.toml_lines', 'inspector.core.forms')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_facade_is_the_model_and_the_parser():
    from inspector.core import form_model, form_parser, forms

    assert forms.Form is form_model.Form and forms.Item is form_model.Item
    assert forms.parse_form is form_parser.parse_form
    assert forms.FormError is form_parser.FormError


def test_a_veto_item_may_not_offer_a_partial_verdict():
    veto = GOOD.replace('problem = "未落实三会一课"', 'problem = "未落实三会一课"\nveto = true')
    assert parse_form(veto, "ok.toml").item("A1").veto  # a veto verdict item: met or not
    text = veto.replace("points = 6\n", "points = 6\npartial = 0.5\n")
    [(line, message)] = issues_of(text)
    assert line == text.splitlines().index("partial = 0.5") + 1
    assert "veto item" in message and "partial" in message
