"""Scores and stars: what a township is told it earned."""

from __future__ import annotations

import pytest

from inspector.core.forms import Rating, load_form, parse_form
from inspector.core.scoring import Answer, Verdict, score_inspection, stars_for
from inspector.paths import default_form_path

FORM = parse_form("""
[form]
id = "s"
version = "1"
title = "t"
[rating]
thresholds = [90, 80, 70, 60]
veto_cap = 2
[[section]]
id = "a"
title = "A"
[[section.item]]
id = "V1"
kind = "verdict"
text = "x"
points = 10
[[section.item]]
id = "V2"
kind = "verdict"
text = "y"
points = 10
partial = 0.6
[[section]]
id = "b"
title = "B"
[[section.item]]
id = "N1"
kind = "number"
text = "weak villages"
points = 4
rule = "at_most"
target = 0
deduct = 1.5
veto = true
[[section.item]]
id = "N2"
kind = "number"
text = "branches meeting monthly"
points = 6
rule = "at_least"
target = 10
deduct = 1
[[section.item]]
id = "T1"
kind = "text"
text = "note"
""")


def test_all_full_is_100_and_five_stars():
    answers = {
        "V1": Answer(Verdict.FULL),
        "V2": Answer(Verdict.FULL),
        "N1": Answer(number=0),
        "N2": Answer(number=12),
    }
    result = score_inspection(FORM, answers)
    assert result.score == 100.0 and result.stars == 5
    assert result.answered == 4 and result.items == 4


def test_partial_uses_the_items_share_and_na_leaves_the_denominator():
    answers = {
        "V1": Answer(Verdict.NA),
        "V2": Answer(Verdict.PARTIAL),
        "N1": Answer(number=0),
        "N2": Answer(number=10),
    }
    result = score_inspection(FORM, answers)
    # earned 6 + 4 + 6 = 16 of applicable 10 + 4 + 6 = 20
    assert result.earned == pytest.approx(16)
    assert result.applicable == pytest.approx(20)
    assert result.score == 80.0 and result.stars == 4


def test_number_rules_deduct_per_unit_and_never_below_zero():
    answers = {"N1": Answer(number=2), "N2": Answer(number=7)}
    result = score_inspection(FORM, answers)
    # N1: 4 - 2*1.5 = 1 ; N2: 6 - 3*1 = 3 → 4 of 10
    assert result.score == 40.0
    assert score_inspection(FORM, {"N1": Answer(number=50)}).earned == 0


def test_failed_veto_caps_the_stars():
    answers = {
        "V1": Answer(Verdict.FULL),
        "V2": Answer(Verdict.FULL),
        "N1": Answer(number=1),
        "N2": Answer(number=10),
    }
    result = score_inspection(FORM, answers)
    assert result.score == 95.0  # 28.5 of 30
    assert result.veto_failed == ("N1",)
    assert result.stars == 2


def test_unanswered_items_do_not_count_and_sections_report_progress():
    result = score_inspection(FORM, {"V1": Answer(Verdict.FAIL)})
    assert result.score == 0.0 and result.applicable == 10
    a, b = result.sections
    assert (a.answered, a.items, b.answered, b.items) == (1, 2, 0, 2)
    assert a.score == 0.0 and b.score is None
    assert score_inspection(FORM, {}).score == 0.0


@pytest.mark.parametrize(
    ("score", "stars"),
    [(100, 5), (90, 5), (89.9, 4), (80, 4), (79.9, 3), (70, 3), (60, 2), (59.9, 1), (0, 1)],
)
def test_star_thresholds(score, stars):
    assert stars_for(Rating((90, 80, 70, 60), 1), score, False) == stars


def test_default_form_failing_the_weak_village_veto_gives_one_star():
    form = load_form(default_form_path())
    answers = {
        i.id: Answer(Verdict.FULL) if i.kind == "verdict" else Answer(number=0)
        for i in form.items
        if i.scored
    }
    weak = next(i for i in form.items if i.veto and i.kind == "number")
    answers[weak.id] = Answer(number=1)
    result = score_inspection(form, answers)
    assert result.score > 95
    assert result.stars == 1
