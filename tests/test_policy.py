"""bot/policy.py: the transition table and who may take which action on a draft now."""

from __future__ import annotations

import pytest

from bot import policy, states
from bot.review import Decision, DraftView
from bot.review_settings import ReviewSettings

SETTINGS = ReviewSettings(approvers=["bob", "carol"])
AUTHOR, APPROVER, OTHER = policy.Actor("alice"), policy.Actor("bob"), policy.Actor("mallory")


def draft(state: str = states.PENDING, *, errors: bool = False, author: str = "alice",
          approvals: list[str] = ()) -> DraftView:
    import datetime as dt

    at = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)
    decisions = [Decision(a, "approve", "h", None, errors, at) for a in approvals]
    return DraftView(
        id=1, platform="slack", channel="C", thread="T", author=author, state=state, revision=1,
        content_hash="h", submitted_by=author, text="x", context=None, report=None,
        rule_ids=["contact.email"] if errors else [], has_errors=errors, review_request=False,
        approvals=decisions, required_approvals=2, decisions=decisions,
    )


@pytest.mark.parametrize(
    ("state", "errors", "actor", "allowed"),
    [
        (states.PENDING, False, APPROVER, ["approve", "request_changes", "withdraw"]),
        (states.PENDING, False, AUTHOR, ["withdraw", "edit"]),
        (states.PENDING, False, OTHER, []),
        (states.PENDING, True, APPROVER, ["override", "request_changes", "withdraw"]),
        (states.APPROVED, False, AUTHOR, ["sent", "withdraw", "edit"]),
        (states.APPROVED, False, APPROVER, ["sent", "request_changes", "withdraw"]),
        (states.CHANGES_REQUESTED, False, APPROVER, ["request_changes", "withdraw"]),
        (states.CHANGES_REQUESTED, False, AUTHOR, ["withdraw", "edit"]),
        (states.WITHDRAWN, False, APPROVER, []),
        (states.SENT, False, AUTHOR, []),
    ],
)
def test_allowed_actions_by_state_and_person(state, errors, actor, allowed) -> None:  # noqa: ANN001
    assert policy.allowed_actions(draft(state, errors=errors), actor, SETTINGS) == allowed


def test_an_approver_who_wrote_the_draft_hears_that_first() -> None:
    """Own draft with errors: "you wrote it", not "give a reason"."""
    mine = draft(errors=True, author="bob")
    assert "a draft you wrote" in str(policy.refusal(mine, policy.OVERRIDE, APPROVER, SETTINGS))
    assert "a draft you wrote" in str(policy.refusal(mine, policy.APPROVE, APPROVER, SETTINGS))


def test_refusals_say_why() -> None:
    assert "Override" in str(policy.refusal(draft(errors=True), policy.APPROVE, APPROVER, SETTINGS))
    assert "no errors" in str(policy.refusal(draft(), policy.OVERRIDE, APPROVER, SETTINGS))
    assert "Only approvers" in str(policy.refusal(draft(), policy.APPROVE, OTHER, SETTINGS))
    assert "already approved" in str(policy.refusal(draft(states.APPROVED), policy.APPROVE, APPROVER, SETTINGS))
    assert "Changes were requested" in str(
        policy.refusal(draft(states.CHANGES_REQUESTED), policy.APPROVE, APPROVER, SETTINGS))
    assert "already approved this version" in str(
        policy.refusal(draft(approvals=["bob"]), policy.APPROVE, APPROVER, SETTINGS))
    no_override = ReviewSettings(approvers=["bob"], allow_override=False)
    assert policy.available_actions(draft(errors=True), no_override) == ["request_changes", "withdraw", "edit"]


def test_a_new_action_is_one_registration(monkeypatch) -> None:
    """The extension point for sending through Amazon: a row in the table, placed in the display order."""
    monkeypatch.setattr(policy, "TRANSITIONS", dict(policy.TRANSITIONS))
    policy.register_action(policy.ActionRule("send", frozenset({states.APPROVED}), states.SENT, policy.INVOLVED),
                           before=policy.SENT)
    assert policy.available_actions(draft(states.APPROVED), SETTINGS)[:2] == ["send", "sent"]
    assert "send" in policy.allowed_actions(draft(states.APPROVED), AUTHOR, SETTINGS)
    assert "send" not in policy.allowed_actions(draft(states.APPROVED), OTHER, SETTINGS)
