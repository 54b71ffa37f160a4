from __future__ import annotations

import datetime as dt

import pytest

from inspector.core.problems import (
    Action,
    IllegalTransition,
    Status,
    allowed_actions,
    check_transition,
    is_overdue,
    next_status,
)


def test_the_life_cycle():
    s = next_status(Status.OPEN, Action.START)
    assert s == Status.RECTIFYING
    s = next_status(s, Action.RECTIFY)
    assert s == Status.RECTIFIED
    assert next_status(s, Action.REJECT) == Status.RECTIFYING
    assert next_status(s, Action.CLOSE) == Status.CLOSED


def test_illegal_transition_names_both_states():
    with pytest.raises(IllegalTransition) as err:
        next_status("open", "close")
    assert "'open'" in str(err.value) and "'close'" in str(err.value)
    with pytest.raises(IllegalTransition) as err2:
        check_transition("closed", "rectifying")
    assert "'closed'" in str(err2.value) and "'rectifying'" in str(err2.value)
    assert allowed_actions("closed") == []
    assert set(allowed_actions("rectified")) == {Action.CLOSE, Action.REJECT}


def test_overdue_only_before_rectification():
    today = dt.date(2026, 11, 20)
    assert is_overdue("2026-11-19", "open", today)
    assert is_overdue("2026-11-19", "rectifying", today)
    assert not is_overdue("2026-11-20", "open", today)
    assert not is_overdue("2026-11-01", "rectified", today)
    assert not is_overdue("2026-11-01", "closed", today)
    assert not is_overdue(None, "open", today)
