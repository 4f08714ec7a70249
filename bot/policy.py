"""Who may do what to a draft now: the review workflow's transition table.

Every adapter draws its buttons or commands from :func:`available_actions`
(what anyone could do in the draft's state) and, before it opens a dialog or
records anything, asks :func:`refusal` whether this person may take that
action. :class:`bot.review.ReviewWorkflow` checks states against the same
table, so a button is never offered that the workflow would then refuse.

Adding an action (say ``send``: hand the approved draft to Amazon) is one
:func:`register_action` call with its :class:`ActionRule`; adapters show it
once they know its label (their own small button table).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checks.i18n import tr

from . import states
from .review_settings import ReviewSettings

if TYPE_CHECKING:
    from .review import DraftView

APPROVE = "approve"
OVERRIDE = "override"  # approve despite error findings, with a reason
CHANGES = "request_changes"
WITHDRAW = "withdraw"
SENT = "sent"  # mark as sent (the message went out by hand)
EDIT = "edit"  # submit a new version: new text, or the same text with more context

# Who may take an action.
APPROVER = "approver"  # an approver who did not write the draft
REVIEWER = "reviewer"  # any approver
INVOLVED = "involved"  # the author, a submitter of a version, or an approver
WRITER = "writer"  # the author or the submitter of the current version (a new version is theirs)


@dataclass(frozen=True)
class ActionRule:
    """One row of the transition table.

    ``states``: where the action may be taken; ``leads_to``: the state after
    (None: it depends, e.g. approve stays pending until enough approvals);
    ``who``: one of APPROVER, REVIEWER, INVOLVED, WRITER; ``needs_reason``: the
    adapter asks why before deciding; ``applies``: a further condition on the
    draft (Override only for a draft with errors, Approve only without).
    """

    action: str
    states: frozenset[str]
    leads_to: str | None
    who: str
    needs_reason: bool = False
    applies: Callable[[DraftView, ReviewSettings], bool] = lambda _draft, _settings: True


@dataclass(frozen=True)
class Actor:
    """The person asking: a platform user id and the roles or groups they hold there."""

    id: str
    roles: tuple[str, ...] = ()


OPEN = frozenset(states.OPEN_STATES)

TRANSITIONS: dict[str, ActionRule] = {}


def register_action(rule: ActionRule, *, before: str | None = None) -> None:
    """Add (or replace) an action; ``before`` places it ahead of another in the display order."""
    TRANSITIONS.pop(rule.action, None)
    if before is None or before not in TRANSITIONS:
        TRANSITIONS[rule.action] = rule
        return
    items = list(TRANSITIONS.items())
    at = [name for name, _ in items].index(before)
    items.insert(at, (rule.action, rule))
    TRANSITIONS.clear()
    TRANSITIONS.update(items)


for _rule in (
    ActionRule(APPROVE, frozenset({states.PENDING}), None, APPROVER, applies=lambda d, _s: not d.has_errors),
    ActionRule(
        OVERRIDE, frozenset({states.PENDING}), None, APPROVER, needs_reason=True,
        applies=lambda d, s: d.has_errors and s.allow_override,
    ),
    ActionRule(SENT, frozenset({states.APPROVED}), states.SENT, INVOLVED),
    ActionRule(CHANGES, OPEN, states.CHANGES_REQUESTED, REVIEWER, needs_reason=True),
    ActionRule(WITHDRAW, OPEN, states.WITHDRAWN, INVOLVED),
    # Only a writer: whoever submits a version wrote it, and may then not approve it.
    ActionRule(EDIT, OPEN, states.PENDING, WRITER),
):
    register_action(_rule)


def states_for(action: str) -> frozenset[str]:
    """The states ``action`` may be taken in (what the workflow enforces)."""
    return TRANSITIONS[action].states


def available_actions(draft: DraftView, settings: ReviewSettings) -> list[str]:
    """The actions someone could take on ``draft`` now, in display order (a report's buttons)."""
    return [
        name for name, rule in TRANSITIONS.items()
        if draft.state in rule.states and rule.applies(draft, settings)
    ]


def allowed_actions(draft: DraftView, actor: Actor, settings: ReviewSettings) -> list[str]:
    """The actions this person may take on ``draft`` now."""
    return [name for name in available_actions(draft, settings) if refusal(draft, name, actor, settings) is None]


def refusal(draft: DraftView, action: str, actor: Actor, settings: ReviewSettings) -> str | None:
    """Why ``actor`` may not take ``action`` on ``draft`` now, or None when they may.

    The first reason a person should hear comes first: a draft that is closed
    or changed, then who they are (their own draft before a missing reason).
    """
    rule = TRANSITIONS.get(action)
    if rule is None:
        return tr("policy.unknown-action", "Unknown action {action!r}.", action=action)
    if draft.state not in rule.states:
        if action in (APPROVE, OVERRIDE) and draft.state == states.CHANGES_REQUESTED:
            return tr(
                "review.changes-requested",
                "Changes were requested on this version; it can be approved again once an edited draft is submitted.",
            )
        if action == SENT:
            return tr("review.only-approved", "This draft is {state}; only an approved draft can be sent.",
                      state=state_words(draft.state))
        if action in (APPROVE, OVERRIDE) and draft.state == states.APPROVED:
            return tr("policy.already-approved", "Draft #{id} is already approved.", id=draft.id)
        return tr("policy.wrong-state", "Draft #{id} is {state}; that cannot be done now.", id=draft.id,
                  state=state_words(draft.state))
    is_approver = settings.may_approve(actor.id, list(actor.roles))
    if rule.who == APPROVER and actor.id in _writers(draft):
        return tr("review.own-draft", "You cannot approve a draft you wrote; another approver has to.")
    if rule.who in (APPROVER, REVIEWER) and not is_approver:
        return tr(
            "policy.not-approver",
            "Only approvers can do this. Approvers are set in the team's [review] settings "
            "(approvers, approver_roles).",
        )
    if rule.who == INVOLVED and not is_approver and actor.id not in _writers(draft):
        return tr("policy.not-involved", "Only the draft's author or an approver can do this.")
    if rule.who == WRITER and actor.id not in _writers(draft):
        return tr("policy.not-writer", "Only the draft's author can do this.")
    if not rule.applies(draft, settings):
        if action == APPROVE:
            return tr("policy.use-override", "This draft has errors: approve it with Override and a reason.")
        if action == OVERRIDE and not draft.has_errors:
            return tr("policy.override-not-needed", "This draft has no errors; approve it normally.")
        return tr("review.no-override", "This draft has errors ({rules}) and your team does not allow overriding "
                  "them; edit the draft instead.", rules=", ".join(draft.rule_ids))
    if action in (APPROVE, OVERRIDE) and actor.id in draft.approvers:
        return tr("policy.already-approved-by-you", "You already approved this version.")
    return None


def needs_reason(action: str) -> bool:
    rule = TRANSITIONS.get(action)
    return bool(rule and rule.needs_reason)


def _writers(draft: DraftView) -> set[str]:
    return {draft.author, draft.submitted_by}


def state_words(state: str) -> str:
    return {
        states.PENDING: tr("review.state.pending", "waiting for approval"),
        states.CHANGES_REQUESTED: tr("review.state.changes-requested", "sent back for changes"),
        states.APPROVED: tr("review.state.approved", "approved"),
        states.WITHDRAWN: tr("review.state.withdrawn", "withdrawn"),
        states.SENT: tr("review.state.sent", "already sent"),
        states.EXPIRED: tr("review.state.expired", "expired"),
    }.get(state, state)
