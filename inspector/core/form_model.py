"""A checklist form as the rest of the app uses it: sections, items, points, the rating.

Only what scoring, the store and the GUI need to know about a form lives
here; how a form file is read and checked is `inspector.core.form_parser`.
A Form keeps the exact text it was parsed from (`source`, `sha256`): a
campaign freezes that text, so its scores can always be recomputed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property

KINDS = ("verdict", "number", "text")
RULES = ("at_most", "at_least")
TARGETS = ("township", "project")


@dataclass(frozen=True)
class Item:
    id: str
    section_id: str
    kind: str
    text: str
    guidance: str = ""
    points: float = 0.0
    partial: float = 0.5
    veto: bool = False
    problem: str = ""
    rule: str | None = None
    target: float | None = None
    deduct: float | None = None
    unit: str = ""

    @property
    def scored(self) -> bool:
        return self.kind != "text"


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    items: tuple[Item, ...]

    @cached_property
    def points(self) -> float:
        return sum(i.points for i in self.items)


@dataclass(frozen=True)
class Rating:
    thresholds: tuple[float, ...] = (90, 80, 70, 60)
    veto_cap: int = 1

    @property
    def max_stars(self) -> int:
        return len(self.thresholds) + 1

    @property
    def lowest_threshold(self) -> float:
        return self.thresholds[-1] if self.thresholds else 0.0


@dataclass(frozen=True)
class Form:
    id: str
    version: str
    title: str
    target: str
    language: str
    rating: Rating
    sections: tuple[Section, ...]
    description: str = ""
    source: str = field(default="", repr=False, compare=False)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(i for s in self.sections for i in s.items)

    def item(self, item_id: str) -> Item:
        for i in self.items:
            if i.id == item_id:
                return i
        raise KeyError(item_id)

    def section_of(self, item_id: str) -> Section:
        for s in self.sections:
            if any(i.id == item_id for i in s.items):
                return s
        raise KeyError(item_id)

    @property
    def total_points(self) -> float:
        return sum(s.points for s in self.sections)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.source.encode("utf-8")).hexdigest()
