"""Score and stars of one inspection: a pure function of the form and the answers.

Score and stars are never stored as synced data (DESIGN.md explains why);
everything that shows them calls this or reads its local cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple

from inspector.core.form_model import Form, Item, Rating


class Verdict(StrEnum):
    FULL = "full"  # 符合
    PARTIAL = "partial"  # 基本符合
    FAIL = "fail"  # 不符合
    NA = "na"  # 不适用


ALL_VERDICTS = (Verdict.FULL, Verdict.PARTIAL, Verdict.FAIL, Verdict.NA)
VETO_VERDICTS = (Verdict.FULL, Verdict.FAIL, Verdict.NA)


def verdicts_for(item: Item) -> tuple[Verdict, ...]:
    """The verdicts an item takes: a veto item (一票否决) is met or not, never 基本符合
    (inspector/forms/FORMAT.md); it may still be 不适用."""
    return VETO_VERDICTS if item.veto else ALL_VERDICTS


class Answer(NamedTuple):
    """One item's answer. A named tuple, not a frozen dataclass: an import scores half a
    million of them, and a tuple is made several times faster."""

    verdict: Verdict | None = None
    number: float | None = None

    @property
    def answered(self) -> bool:
        return self.verdict is not None or self.number is not None


@dataclass(frozen=True)
class SectionScore:
    section_id: str
    title: str
    earned: float
    applicable: float
    points: float
    answered: int
    items: int

    @property
    def score(self) -> float | None:
        return round(100 * self.earned / self.applicable, 1) if self.applicable else None


@dataclass(frozen=True)
class ScoreResult:
    score: float
    stars: int
    earned: float
    applicable: float
    answered: int
    items: int
    veto_failed: tuple[str, ...] = ()
    sections: tuple[SectionScore, ...] = field(default=())


def number_miss(item: Item, value: float) -> float:
    """How far a count lies on the wrong side of its target."""
    target = item.target or 0.0
    if item.rule == "at_least":
        return max(0.0, target - value)
    return max(0.0, value - target)


def _points(item: Item, answer: Answer) -> tuple[float, float, bool]:
    """(earned, applicable, failed) of a scored item that has an answer row."""
    if item.kind == "number":
        if answer.number is None:
            return 0.0, 0.0, False
        miss = number_miss(item, answer.number)
        return max(0.0, item.points - (item.deduct or 0.0) * miss), item.points, miss > 0
    verdict = answer.verdict
    if verdict is None or verdict == Verdict.NA:
        return 0.0, 0.0, False
    if verdict == Verdict.FULL:
        return item.points, item.points, False
    if verdict == Verdict.PARTIAL:
        return item.points * item.partial, item.points, False
    return 0.0, item.points, True


def stars_for(rating: Rating, score: float, veto_failed: bool) -> int:
    """Stars from the thresholds (best first), capped when a veto item failed."""
    stars = 1
    for level, minimum in enumerate(rating.thresholds):
        if score >= minimum:
            stars = rating.max_stars - level
            break
    if veto_failed:
        stars = min(stars, rating.veto_cap)
    return stars


def score_inspection(form: Form, answers: dict[str, Answer]) -> ScoreResult:
    """Score = 100 × earned / applicable points, rounded to one decimal."""
    sections = []
    vetoes: list[str] = []
    total_earned = total_applicable = 0.0
    answered = scored_items = 0
    for section in form.sections:
        earned = applicable = 0.0
        sec_answered = sec_items = 0
        for item in section.items:
            if not item.scored:
                continue
            sec_items += 1
            answer = answers.get(item.id)
            if answer is None:
                continue
            if answer.verdict is not None or answer.number is not None:
                sec_answered += 1
            got, counted, failed = _points(item, answer)
            earned += got
            applicable += counted
            if failed and item.veto:
                vetoes.append(item.id)
        sections.append(
            SectionScore(
                section.id,
                section.title,
                earned,
                applicable,
                section.points,
                sec_answered,
                sec_items,
            )
        )
        total_earned += earned
        total_applicable += applicable
        answered += sec_answered
        scored_items += sec_items
    score = round(100 * total_earned / total_applicable, 1) if total_applicable else 0.0
    return ScoreResult(
        score=score,
        stars=stars_for(form.rating, score, bool(vetoes)),
        earned=total_earned,
        applicable=total_applicable,
        answered=answered,
        items=scored_items,
        veto_failed=tuple(vetoes),
        sections=tuple(sections),
    )


def star_text(stars: int, max_stars: int = 5) -> str:
    return "★" * stars + "☆" * max(0, max_stars - stars)
