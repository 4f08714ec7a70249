"""The review lifecycle on SQLite and PostgreSQL: who may decide what, on which content."""

from __future__ import annotations

import pytest

from bot.review import (
    DraftNotFound,
    InvalidState,
    NotAllowed,
    OverrideRequired,
    StaleContent,
    content_hash,
    is_review_request,
)
from checks import Context, DraftError, Finding, Report, Severity

try:
    from .conftest_workflow import (
        make_workflow,
        open_draft,
        review_requests,
    )
except ImportError:
    from conftest_workflow import (
        make_workflow,
        open_draft,
        review_requests,
    )

ORDER = "302-1234567-7654321"
KEY = {"platform": "slack", "channel": "C1", "thread": "T1"}


async def submit(wf, text="Your order 302-1234567-7654321 ships with a manual.", author="alice", **kw):  # noqa: ANN001, ANN201
    args = {**KEY, **kw}
    return (await wf.submit(author=author, text=text, **args)).draft


async def test_submit_checks_and_records(store, fake_checker) -> None:  # noqa: ANN001
    wf = make_workflow(store, fake_checker)
    draft = await submit(wf, "Write to me at a@b.example, maybe.", context={"order_id": ORDER})
    assert draft.state == "pending"
    assert draft.revision == 1
    assert draft.rule_ids == ["contact.email", "style.hedge"]
    assert draft.has_errors
    assert draft.text == "Write to me at a@b.example, maybe."
    assert draft.context.order_id == ORDER
    assert [f.rule for f in draft.report.findings] == ["contact.email", "style.hedge"]
    assert draft.content_hash == content_hash(draft.text, Context(order_id=ORDER))
    events = await store.audit_events()
    assert [(e["action"], e["actor"], e["rule_ids"]) for e in events] == [
        ("submitted", "alice", ["contact.email", "style.hedge"])
    ]
    assert events[0]["content_hash"] == draft.content_hash


async def test_refuses_unusable_drafts(store) -> None:  # noqa: ANN001
    wf = make_workflow(store)
    with pytest.raises(DraftError):
        await submit(wf, "   \n ")
    assert await store.audit_events() == []


async def test_approve_and_send(store) -> None:  # noqa: ANN001
    wf = make_workflow(store)
    draft = await submit(wf)
    with pytest.raises(InvalidState):
        await wf.mark_sent(draft.id, "alice", content_hash=draft.content_hash)
    approved = (await wf.approve(draft.id, "bob", content_hash=draft.content_hash)).draft
    assert approved.state == "approved"
    assert approved.approvers == ["bob"]
    sent = await wf.mark_sent(draft.id, "alice", content_hash=draft.content_hash)
    assert sent.recorded and sent.draft.state == "sent"
    again = await wf.mark_sent(draft.id, "alice", content_hash=draft.content_hash)
    assert not again.recorded and again.draft.state == "sent"
    actions = [e["action"] for e in await store.audit_events()]
    assert actions == ["submitted", "approved", "approval_complete", "sent"]


async def test_who_may_approve(store) -> None:  # noqa: ANN001
    wf = make_workflow(store, approvers=["bob", "alice"], approver_roles=["leads"])
    draft = await submit(wf)
    with pytest.raises(NotAllowed, match="not an approver"):
        await wf.approve(draft.id, "mallory", content_hash=draft.content_hash)
    with pytest.raises(NotAllowed, match="you wrote"):
        await wf.approve(draft.id, "alice", content_hash=draft.content_hash)
    outcome = await wf.approve(draft.id, "erin", content_hash=draft.content_hash, roles=["leads"])
    assert outcome.draft.approvers == ["erin"]
    with pytest.raises(DraftNotFound):
        await wf.approve(draft.id + 100, "bob", content_hash=draft.content_hash)


async def test_an_editor_cannot_approve_the_version_they_submitted(store) -> None:  # noqa: ANN001
    wf = make_workflow(store)
    await submit(wf, author="alice")
    edited = await submit(wf, "Your order 302-1234567-7654321 has a manual attached.", author="bob")
    assert edited.author == "alice" and edited.submitted_by == "bob"
    with pytest.raises(NotAllowed):
        await wf.approve(edited.id, "bob", content_hash=edited.content_hash)
    assert (await wf.approve(edited.id, "carol", content_hash=edited.content_hash)).draft.approved


async def test_required_approvals_counts_distinct_people(store) -> None:  # noqa: ANN001
    wf = make_workflow(store, required_approvals=2)
    draft = await submit(wf)
    first = await wf.approve(draft.id, "bob", content_hash=draft.content_hash)
    assert first.draft.state == "pending"
    repeat = await wf.approve(draft.id, "bob", content_hash=draft.content_hash)
    assert not repeat.recorded and repeat.draft.state == "pending"
    second = await wf.approve(draft.id, "carol", content_hash=draft.content_hash)
    assert second.draft.state == "approved"
    assert sorted(second.draft.approvers) == ["bob", "carol"]


async def test_edit_invalidates_earlier_approvals(store, fake_checker) -> None:  # noqa: ANN001
    wf = make_workflow(store, fake_checker)
    draft = await submit(wf)
    await wf.approve(draft.id, "bob", content_hash=draft.content_hash)
    edited_text = "Your order 302-1234567-7654321 ships with a manual. maybe"
    outcome = await wf.submit(author="alice", text=edited_text, **KEY)
    edited = outcome.draft
    assert outcome.new_revision and edited.id == draft.id
    assert edited.revision == 2 and edited.state == "pending"
    assert edited.approvals == []
    assert edited.rule_ids == ["style.hedge"]
    assert len(fake_checker.drafts) == 2  # the edit was checked again
    with pytest.raises(StaleContent):
        await wf.mark_sent(draft.id, "alice", content_hash=draft.content_hash)
    with pytest.raises(StaleContent):
        await wf.approve(draft.id, "carol", content_hash=draft.content_hash)
    approved = await wf.approve(draft.id, "carol", content_hash=edited.content_hash)
    assert approved.draft.approvers == ["carol"]
    decisions = approved.draft.decisions
    assert all(d.content_hash == edited.content_hash for d in decisions)


async def test_resubmitting_identical_content_is_idempotent(store, fake_checker) -> None:  # noqa: ANN001
    wf = make_workflow(store, fake_checker)
    first = await wf.submit(author="alice", text="Hello for 302-1234567-7654321", **KEY)
    again = await wf.submit(author="alice", text="Hello for 302-1234567-7654321", **KEY)
    assert first.recorded and not again.recorded
    assert again.draft.id == first.draft.id and again.draft.revision == 1
    assert len(fake_checker.drafts) == 1


async def test_context_is_part_of_the_content(store) -> None:  # noqa: ANN001
    wf = make_workflow(store)
    first = await submit(wf, context={"order_id": ORDER, "buyer_language": "en"})
    second = await submit(wf, context={"order_id": ORDER, "buyer_language": "de"})
    assert second.id == first.id and second.revision == 2
    assert second.content_hash != first.content_hash


async def test_errors_need_a_written_override(store) -> None:  # noqa: ANN001
    wf = make_workflow(store)
    draft = await submit(wf, "Mail a@b.example about 302-1234567-7654321")
    with pytest.raises(OverrideRequired) as info:
        await wf.approve(draft.id, "bob", content_hash=draft.content_hash)
    assert info.value.rule_ids == ["contact.email"]
    with pytest.raises(OverrideRequired):
        await wf.approve(draft.id, "bob", content_hash=draft.content_hash, reason="   ")
    outcome = await wf.approve(
        draft.id, "bob", content_hash=draft.content_hash, reason="the address is Amazon's relay"
    )
    assert outcome.draft.approved
    (decision,) = outcome.draft.approvals
    assert decision.override and decision.reason == "the address is Amazon's relay"
    events = await store.audit_events()
    override = [e for e in events if e["action"] == "approved_override"]
    assert override and override[0]["reason"] == "the address is Amazon's relay"
    assert override[0]["rule_ids"] == ["contact.email"]


async def test_team_can_forbid_overrides(store) -> None:  # noqa: ANN001
    wf = make_workflow(store, allow_override=False)
    draft = await submit(wf, "Mail a@b.example about 302-1234567-7654321")
    with pytest.raises(NotAllowed, match="not allow overriding"):
        await wf.approve(draft.id, "bob", content_hash=draft.content_hash, reason="please")
    assert (await wf.get(draft.id)).state == "pending"
    clean = await submit(wf, "About 302-1234567-7654321: the manual is attached.")
    assert (await wf.approve(clean.id, "bob", content_hash=clean.content_hash)).draft.approved


async def test_request_changes_then_edit(store) -> None:  # noqa: ANN001
    wf = make_workflow(store)
    draft = await submit(wf)
    with pytest.raises(NotAllowed):
        await wf.request_changes(draft.id, "mallory", content_hash=draft.content_hash)
    back = await wf.request_changes(draft.id, "bob", content_hash=draft.content_hash, reason="too terse")
    assert back.draft.state == "changes_requested"
    with pytest.raises(InvalidState):
        await wf.approve(draft.id, "carol", content_hash=draft.content_hash)
    edited = await submit(wf, "Your order 302-1234567-7654321 ships today; the manual is attached.")
    assert edited.state == "pending" and edited.revision == 2
    assert (await wf.approve(edited.id, "carol", content_hash=edited.content_hash)).draft.approved
    reasons = [e["reason"] for e in await store.audit_events() if e["action"] == "changes_requested"]
    assert reasons == ["too terse"]


async def test_withdraw(store) -> None:  # noqa: ANN001
    wf = make_workflow(store)
    draft = await submit(wf)
    with pytest.raises(NotAllowed):
        await wf.withdraw(draft.id, "mallory")
    gone = await wf.withdraw(draft.id, "alice", reason="wrong buyer")
    assert gone.recorded and gone.draft.state == "withdrawn"
    assert not (await wf.withdraw(draft.id, "alice")).recorded
    with pytest.raises(InvalidState):
        await wf.approve(draft.id, "bob", content_hash=draft.content_hash)
    assert await open_draft(wf, **KEY) is None
    fresh = await submit(wf)
    assert fresh.id != draft.id and fresh.revision == 1


async def test_a_sent_draft_closes_the_conversation(store) -> None:  # noqa: ANN001
    wf = make_workflow(store)
    draft = await submit(wf)
    await wf.approve(draft.id, "bob", content_hash=draft.content_hash)
    await wf.mark_sent(draft.id, "bob", content_hash=draft.content_hash)
    with pytest.raises(InvalidState):
        await wf.withdraw(draft.id, "alice")
    nxt = await submit(wf, "Your order 302-1234567-7654321: the invoice is attached.")
    assert nxt.id != draft.id
    assert (await open_draft(wf, **KEY)).id == nxt.id
    assert (await wf.get(draft.id)).state == "sent"


# -- memory per order -------------------------------------------------------------------

REQUEST = "Hello, we hope the order 302-1234567-7654321 arrived well. Please leave a review."


async def test_order_memory_feeds_review_repeat(store, fake_checker) -> None:  # noqa: ANN001
    wf = make_workflow(store, fake_checker)
    ctx = {"order_id": ORDER}
    first = await submit(wf, REQUEST, context=ctx)
    assert first.review_request
    assert fake_checker.drafts[-1].context.previous_review_requests == 0
    await wf.approve(first.id, "bob", content_hash=first.content_hash)
    await wf.mark_sent(first.id, "alice", content_hash=first.content_hash)
    assert await review_requests(store, ORDER) == 1

    second = await submit(wf, REQUEST + " Thanks!", context=ctx, thread="T2")
    assert fake_checker.drafts[-1].context.previous_review_requests == 1
    assert "previous_review_requests" in fake_checker.drafts[-1].context.given()
    assert second.rule_ids == ["review.repeat"]
    # another order is not affected
    other = await submit(wf, REQUEST.replace(ORDER, "302-0000000-0000001"),
                         context={"order_id": "302-0000000-0000001"}, thread="T3")
    assert other.rule_ids == []


async def test_order_memory_counts_only_decided_review_requests(store, fake_checker) -> None:  # noqa: ANN001
    wf = make_workflow(store, fake_checker)
    ctx = {"order_id": ORDER}
    pending = await submit(wf, REQUEST, context=ctx)
    plain = await submit(wf, "Order 302-1234567-7654321: the manual is attached.", context=ctx, thread="T2")
    assert not plain.review_request
    await wf.approve(plain.id, "bob", content_hash=plain.content_hash)
    await wf.mark_sent(plain.id, "alice", content_hash=plain.content_hash)
    assert await review_requests(store, ORDER) == 0
    # approval alone counts (the message is on its way), and an edit of the
    # same draft is not a repeat of itself
    await wf.approve(pending.id, "bob", content_hash=pending.content_hash)
    assert await review_requests(store, ORDER) == 1
    edited = await submit(wf, REQUEST + " Kind regards", context=ctx)
    assert edited.id == pending.id
    assert fake_checker.drafts[-1].context.previous_review_requests == 0
    assert edited.rule_ids == []


async def test_report_review_rule_makes_a_review_request(store) -> None:  # noqa: ANN001
    async def checker(draft, settings):  # noqa: ANN001, ANN202
        return Report(
            findings=[Finding(rule="review.positive", severity=Severity.ERROR, message="m", guideline="g")],
            language="en",
        )

    wf = make_workflow(store, checker)
    draft = await submit(wf, "Five stars would make our day!", context={"order_id": ORDER})
    assert draft.review_request


@pytest.mark.parametrize(
    "text",
    [
        "Please leave a review",
        "Would you share your feedback?",
        "Bitte hinterlassen Sie eine Bewertung",
        "Pourriez-vous laisser un avis ?",
        "¿Podría dejar una reseña?",
        "Potrebbe lasciare una recensione?",
        "WRITE A REVIEW",
    ],
)
def test_is_review_request_by_text(text: str) -> None:
    assert is_review_request(text, Report(findings=[], language=None))


@pytest.mark.parametrize(
    "text",
    [
        "We reviewed your return request.",  # no ask
        "Please leave the parcel at the door.",  # no review
        "Your feedback on the size chart helped.",
    ],
)
def test_is_not_review_request(text: str) -> None:
    assert not is_review_request(text, None)


def test_content_hash_binds_text_and_context() -> None:
    base = content_hash("Hi", Context(order_id=ORDER))
    assert base == content_hash("Hi", Context(order_id=ORDER))
    assert base != content_hash("Hi ", Context(order_id=ORDER))
    assert base != content_hash("Hi", Context(order_id="302-1234567-7654322"))
    assert base != content_hash("Hi", Context(order_id=ORDER, proactive=False))


async def test_real_engine_findings_are_recorded(store) -> None:  # noqa: ANN001
    """With the real rule engine the stored rule ids are the engine's own."""
    from bot.review import ReviewWorkflow
    from bot.review_settings import ReviewSettings
    from checks import Draft, check

    wf = ReviewWorkflow(store, ReviewSettings(approvers=["bob"]))
    text = "Hello! Please leave us a 5-star review for 302-1234567-7654321 at http://example.com"
    ctx = Context(order_id=ORDER)
    draft = await submit(wf, text, context=ctx)
    expected = await check(Draft(text=text, context=ctx.model_copy(update={"previous_review_requests": 0})))
    assert draft.rule_ids == expected.rule_ids()
    assert draft.has_errors == expected.has_errors
    assert draft.review_request
