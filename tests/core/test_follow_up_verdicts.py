"""A follow-up verdict moves a problem only along its life cycle."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.core.follow_up import FollowUpRefused, FollowUpVerdict, verdict_steps
from inspector.core.problems import Action, Status, next_status


@given(
    status=st.sampled_from([s for s in Status if s != Status.CLOSED]),
    verdict=st.sampled_from(list(FollowUpVerdict)),
    close=st.booleans(),
)
def test_every_verdict_is_a_legal_walk_to_its_state(status, verdict, close):
    state = status
    for action in verdict_steps(status, verdict, close):
        state = next_status(state, action)  # raises on an illegal step
    if verdict == FollowUpVerdict.VERIFIED:
        assert state == (Status.CLOSED if close else Status.RECTIFIED)
    else:
        assert state == Status.RECTIFYING


def test_rejecting_a_rectified_problem_is_the_follow_up_rejection():
    assert verdict_steps("rectified", "rejected", False) == [Action.REJECT]
    assert verdict_steps("open", "verified", True) == [Action.RECTIFY, Action.CLOSE]


def test_a_closed_problem_takes_no_verdict():
    with pytest.raises(FollowUpRefused, match="closed"):
        verdict_steps("closed", "verified", False)
