"""Checklist forms under the one name most of the app imports them by.

The model (`inspector.core.form_model`: Form, Section, Item, Rating) and the
TOML parser (`inspector.core.form_parser`: parse_form, load_form, FormError)
are separate modules; this one only re-exports both, so the twenty-odd
modules that import `inspector.core.forms` need not know which is which.
New code may import either directly.
"""

from __future__ import annotations

from inspector.core.form_model import KINDS, RULES, TARGETS, Form, Item, Rating, Section
from inspector.core.form_parser import (
    FORM_KEYS,
    ITEM_KEYS,
    MAX_FORM_BYTES,
    MAX_NESTING,
    MAX_POINTS,
    MAX_TARGET,
    RATING_KEYS,
    SECTION_KEYS,
    FormError,
    FormIssue,
    load_form,
    parse_form,
)

__all__ = [
    "FORM_KEYS",
    "ITEM_KEYS",
    "KINDS",
    "MAX_FORM_BYTES",
    "MAX_NESTING",
    "MAX_POINTS",
    "MAX_TARGET",
    "RATING_KEYS",
    "RULES",
    "SECTION_KEYS",
    "TARGETS",
    "Form",
    "FormError",
    "FormIssue",
    "Item",
    "Rating",
    "Section",
    "load_form",
    "parse_form",
]
