"""Sending approved drafts through the fake SP-API: once per approval, Amazon's answer audited,
refusals leave the draft approved, and Amazon's own review request inside its window only."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from bot import states
from bot.amazon.client import AmazonError
from bot.amazon.review_request import AmazonReviewRequester
from bot.amazon.send import AmazonSender, Attachment, SendRefused
from bot.review import InvalidState, NotAllowed, StaleContent

try:
    from .amazon_harness import (  # noqa: F401
        ORDER,
        VirtualTime,
        approved_draft,
        client_for,
        fake_sp_api,
        make_workflow,
        settings_for,
    )
    from .conftest_workflow import review_requests
except ImportError:
    from amazon_harness import (  # noqa: F401
        ORDER,
        VirtualTime,
        approved_draft,
        client_for,
        fake_sp_api,
        make_workflow,
        settings_for,
    )
    from conftest_workflow import review_requests


def sender_for(store, fake, **overrides):  # noqa: ANN001, ANN003, ANN201
    workflow = make_workflow(store)
    return AmazonSender(workflow, client_for(fake, VirtualTime(), **overrides), settings_for(fake, **overrides))


async def audit(store, action: str) -> list[dict]:  # noqa: ANN001
    return [e for e in await store.audit_events() if e["action"] == action]


async def test_an_approved_draft_is_offered_only_the_types_the_order_allows(store, fake_sp_api):
    """The options are getMessagingActionsForOrder's types, each checked against the draft."""
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow)
    options = await sender.options(draft.id)
    assert [t.name for t in options.types] == ["confirmDeliveryDetails", "unexpectedProblem"]
    assert options.usable == ["confirmDeliveryDetails", "unexpectedProblem"] and options.buyer_locale == "en-GB"


async def test_send_posts_the_approved_text_marks_it_sent_and_audits_amazons_answer(store, fake_sp_api):
    """One POST with the approved text; the draft is sent under the approved hash; audit says who, type, Amazon's answer."""
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow)
    result = await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")
    assert result.sent and result.draft.state == states.SENT and result.draft.content_hash == draft.content_hash
    posted = fake_sp_api.of("confirmDeliveryDetails", 201)
    assert [p.body for p in posted] == [{"text": draft.text}]
    [line] = await audit(store, "sent_via_amazon")
    assert line["actor"] == "bob" and line["content_hash"] == draft.content_hash
    assert line["reason"] == "confirmDeliveryDetails: Amazon accepted it (HTTP 201)"
    assert line["at"] == store.clock()
    assert [d.kind for d in result.draft.decisions][-1] == "sent"


async def test_a_second_click_sends_nothing(store, fake_sp_api):
    """After a send, the same action again answers 'already sent' with who sent it, and Amazon gets no second POST."""
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow)
    await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")
    again = await sender.send(draft.id, "carol", content_hash=draft.content_hash, message_type="unexpectedProblem")
    assert again.already and not again.sent and "bob sent it as confirmDeliveryDetails" in again.answer
    assert len(fake_sp_api.of("confirmDeliveryDetails")) == 1 and not fake_sp_api.of("unexpectedProblem")


async def test_double_click_at_the_same_moment_sends_once(store, fake_sp_api):
    """Two sends started together on one replica: exactly one POST reaches Amazon."""
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow)
    results = await asyncio.gather(
        *(sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails") for _ in range(2))
    )
    assert sorted(r.sent for r in results) == [False, True]
    assert len(fake_sp_api.of("confirmDeliveryDetails")) == 1


async def test_two_replicas_clicking_together_send_once(database, fake_sp_api):
    """Two stores (replicas) on one database, each with its own client: one POST, one sent_via_amazon line."""
    stores = [await database.open(), await database.open()]
    senders = [sender_for(s, fake_sp_api) for s in stores]
    draft = await approved_draft(senders[0].workflow)
    results = await asyncio.gather(
        *(s.send(draft.id, who, content_hash=draft.content_hash, message_type="confirmDeliveryDetails")
          for s, who in zip(senders, ("bob", "carol"), strict=True))
    )
    assert sorted(r.sent for r in results) == [False, True]
    assert len(fake_sp_api.of("confirmDeliveryDetails")) == 1
    assert len(await audit(stores[0], "sent_via_amazon")) == 1


@pytest.mark.parametrize("status,reason", [(400, "Text contains a forbidden phrase"), (403, "Seller is not authorised")])
async def test_a_4xx_leaves_the_draft_approved_and_unsent_with_amazons_reason(store, fake_sp_api, status, reason):
    """Amazon refusing: SendRefused with its reason; the draft stays approved; the audit has it; a later try can send."""
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow)
    fake_sp_api.fail_next("confirmDeliveryDetails", status, message=reason)
    with pytest.raises(SendRefused, match=reason) as caught:
        await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")
    assert "stays approved" in caught.value.message
    assert (await sender.workflow.get(draft.id)).state == states.APPROVED
    [line] = await audit(store, "amazon_refused")
    assert reason in line["reason"] and f"HTTP {status}" in line["reason"]
    retry = await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")
    assert retry.sent


async def test_a_type_the_order_does_not_allow_is_not_sent(store, fake_sp_api):
    """Choosing a type outside getMessagingActionsForOrder: refused before any POST, naming the allowed ones."""
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow)
    with pytest.raises(SendRefused, match="allows: confirmDeliveryDetails, unexpectedProblem"):
        await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmOrderDetails")
    assert not fake_sp_api.of("confirmOrderDetails")


async def test_a_draft_in_another_language_than_the_buyers_is_not_sent(store, fake_sp_api):
    """Buyer locale de-DE, draft in English: the type check says so and nothing is posted."""
    fake_sp_api.orders[ORDER].locale = "de-DE"
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow)
    with pytest.raises(SendRefused, match="buyer reads de"):
        await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")
    assert not fake_sp_api.of("confirmDeliveryDetails")


async def test_only_approved_content_is_sent(store, fake_sp_api):
    """A pending draft, a stale hash and a stranger are refused by the workflow before Amazon is asked."""
    sender = sender_for(store, fake_sp_api)
    workflow = sender.workflow
    pending = (await workflow.submit(author="sam", platform="test", channel="c9", text="Hello there", context={"order_id": ORDER})).draft
    with pytest.raises(InvalidState):
        await sender.send(pending.id, "bob", content_hash=pending.content_hash, message_type="confirmDeliveryDetails")
    draft = await approved_draft(workflow)
    with pytest.raises(StaleContent):
        await sender.send(draft.id, "bob", content_hash="0" * 64, message_type="confirmDeliveryDetails")
    with pytest.raises(NotAllowed):
        await sender.send(draft.id, "mallory", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")
    assert not fake_sp_api.of("confirmDeliveryDetails") and not fake_sp_api.of("getMessagingActionsForOrder")


async def test_dry_run_does_everything_but_the_final_call(store, fake_sp_api):
    """AMAZON_DRY_RUN: types asked, draft checked, audit written; no POST; the draft stays approved and can be sent later."""
    sender = sender_for(store, fake_sp_api, dry_run=True)
    draft = await approved_draft(sender.workflow)
    result = await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")
    assert result.dry_run and not result.sent and result.draft.state == states.APPROVED
    assert fake_sp_api.of("getMessagingActionsForOrder") and not fake_sp_api.of("confirmDeliveryDetails")
    assert len(await audit(store, "amazon_dry_run")) == 1
    real = AmazonSender(sender.workflow, sender.client, settings_for(fake_sp_api))
    assert (await real.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")).sent


async def test_attachments_go_through_an_upload_destination(store, fake_sp_api):
    """confirmCustomizationDetails with a file: destination created, file PUT with its Content-MD5, then sent by id."""
    fake_sp_api.orders[ORDER].message_types = ["confirmCustomizationDetails"]
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow, text="Please confirm the engraving shown in the attached proof.")
    proof = Attachment("proof.png", b"\x89PNG fake image bytes", "image/png")
    result = await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmCustomizationDetails",
                               attachments=[proof])
    assert result.sent
    [posted] = fake_sp_api.of("confirmCustomizationDetails", 201)
    [entry] = posted.body["attachments"]
    assert entry["fileName"] == "proof.png" and fake_sp_api.uploads[entry["uploadDestinationId"]] == proof.data
    assert fake_sp_api.of("createUploadDestinationForResource")[0].path.endswith(
        f"/messaging/v1/orders/{ORDER}/messages/confirmCustomizationDetails")


async def test_an_attachment_where_the_type_takes_none_is_refused(store, fake_sp_api):
    """confirmDeliveryDetails takes no attachment: refused in words, nothing uploaded or sent."""
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow)
    with pytest.raises(SendRefused, match="at most 0 attachments"):
        await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails",
                          attachments=[Attachment("a.pdf", b"%PDF", "application/pdf")])
    assert not fake_sp_api.of("createUploadDestinationForResource")


# -- Amazon's own review request ------------------------------------------------------------


async def review_draft(workflow):  # noqa: ANN001, ANN201
    return (await workflow.submit(author="sam", platform="test", channel="c2", text="Please leave us a review of your lamp.",
                                  context={"order_id": ORDER})).draft


def requester_for(store, fake, today: dt.date, **overrides):  # noqa: ANN001, ANN003, ANN201
    return AmazonReviewRequester(make_workflow(store), client_for(fake, VirtualTime(), **overrides), settings_for(fake, **overrides),
                                 today=lambda: today)


async def test_review_request_is_offered_and_sent_inside_the_window(store, fake_sp_api):
    """Delivered 2026-11-21, today 2026-11-30: allowed; Amazon's request goes once, the draft is withdrawn as replaced."""
    requester = requester_for(store, fake_sp_api, dt.date(2026, 11, 30))
    draft = await review_draft(requester.workflow)
    offer = await requester.offer(draft)
    assert offer.allowed and "2026-12-21" in offer.reason
    result = await requester.request(draft.id, "sam")
    assert result.requested and result.draft.state == states.WITHDRAWN
    assert len(fake_sp_api.of("createProductReviewAndSellerFeedbackSolicitation", 201)) == 1
    assert (await audit(store, "amazon_review_requested"))[0]["actor"] == "sam"
    assert await review_requests(store, ORDER) == 1  # our order memory counts it


@pytest.mark.parametrize("today,words", [
    (dt.date(2026, 11, 24), "Not allowed yet: Amazon's review request for this order opens on 2026-11-26 (5 days after delivery on 2026-11-21) and closes on 2026-12-21."),
    (dt.date(2026, 12, 22), "Not allowed any more: Amazon's review request for this order closed on 2026-12-21 (30 days after delivery on 2026-11-21)."),
])
async def test_review_request_outside_the_window_is_refused_with_the_dates(store, fake_sp_api, today, words):
    """Before day 5 or after day 30 from delivery: refused, saying the dates; Amazon is not asked to send."""
    requester = requester_for(store, fake_sp_api, today)
    draft = await review_draft(requester.workflow)
    offer = await requester.offer(draft)
    assert not offer.allowed and offer.reason == words
    with pytest.raises(SendRefused, match="Not allowed"):
        await requester.request(draft.id, "sam")
    assert not fake_sp_api.of("createProductReviewAndSellerFeedbackSolicitation")


async def test_review_request_goes_once_per_order(store, fake_sp_api):
    """A second draft for the same order cannot ask again; it says who asked and when."""
    requester = requester_for(store, fake_sp_api, dt.date(2026, 11, 30))
    await requester.request((await review_draft(requester.workflow)).id, "sam")
    second = (await requester.workflow.submit(author="sam", platform="test", channel="c3", text="Could you leave a review?",
                                             context={"order_id": ORDER})).draft
    with pytest.raises(SendRefused, match="already sent by sam"):
        await requester.request(second.id, "sam")
    assert len(fake_sp_api.of("createProductReviewAndSellerFeedbackSolicitation")) == 1


async def test_review_request_refused_by_amazon_is_said_and_can_be_tried_again(store, fake_sp_api):
    """Amazon's 403 on the solicitation: its reason in words, the draft untouched, the order not marked as asked."""
    requester = requester_for(store, fake_sp_api, dt.date(2026, 11, 30))
    draft = await review_draft(requester.workflow)
    fake_sp_api.fail_next("createProductReviewAndSellerFeedbackSolicitation", 403, message="Solicitation not allowed")
    with pytest.raises(SendRefused, match="Solicitation not allowed"):
        await requester.request(draft.id, "sam")
    assert (await requester.workflow.get(draft.id)).state == states.PENDING and await review_requests(store, ORDER) == 0
    assert (await requester.request(draft.id, "sam")).requested


async def test_review_request_from_two_replicas_at_once_goes_once(database, fake_sp_api):
    """Two replicas press Amazon's review request for one order together: Amazon is asked once."""
    stores = [await database.open(), await database.open()]
    requesters = [requester_for(s, fake_sp_api, dt.date(2026, 11, 30)) for s in stores]
    draft = await review_draft(requesters[0].workflow)
    outcomes = await asyncio.gather(*(r.request(draft.id, "sam") for r in requesters), return_exceptions=True)
    assert sum(1 for o in outcomes if not isinstance(o, BaseException) and o.requested) == 1
    assert all(isinstance(o, SendRefused) for o in outcomes if isinstance(o, BaseException))
    assert len(fake_sp_api.of("createProductReviewAndSellerFeedbackSolicitation")) == 1


async def test_a_lost_answer_keeps_the_send_claimed_until_an_approver_releases_it(store, fake_sp_api):
    """The connection drops after Amazon got the message: nothing is sent again by itself; the person is told to look
    in Seller Central; once an approver releases it, it can be sent."""
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow)
    fake_sp_api.fail_next("confirmDeliveryDetails", 0)
    with pytest.raises(SendRefused, match="may have reached the buyer"):
        await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")
    again = await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")
    assert again.already and "got no answer from Amazon" in again.answer
    assert len(fake_sp_api.of("confirmDeliveryDetails")) == 1
    with pytest.raises(NotAllowed):
        await sender.release(draft.id, "sam")
    assert await sender.release(draft.id, "carol")
    assert (await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")).sent
    actions = [e["action"] for e in await store.audit_events()]
    assert actions.count("amazon_unknown") == 1 and "amazon_released" in actions and "sent_via_amazon" in actions


async def test_amazon_unreachable_is_said_and_nothing_is_held(store, fake_sp_api):
    """Nothing listening at the endpoint: 'could not be reached; nothing was sent', no claim is left, a later send works."""
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow)
    await sender.client.messaging_actions(ORDER)  # the SDK client (and its token) exist
    configuration = sender.client._client.api_client.configuration
    good, configuration.host = configuration.host, "http://127.0.0.1:9"
    try:
        with pytest.raises(AmazonError, match="could not be reached") as caught:
            await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")
        assert not caught.value.maybe_sent
    finally:
        configuration.host = good
    assert (await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")).sent


async def test_a_send_interrupted_mid_call_is_held_as_unknown(store, fake_sp_api):
    """The task is cancelled while the SDK call runs (shutdown): the claim stays, marked unknown; no second send."""
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow)
    started = asyncio.Event()
    real = sender.client.send_message

    async def slow_send(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        started.set()
        await asyncio.sleep(30)
        return await real(*args, **kwargs)

    sender.client.send_message = slow_send
    task = asyncio.create_task(sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails"))
    await asyncio.wait_for(started.wait(), 10)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    sender.client.send_message = real
    again = await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmDeliveryDetails")
    assert again.already and not fake_sp_api.of("confirmDeliveryDetails")
    assert [e["action"] for e in await store.audit_events()][-1] == "amazon_unknown"


async def test_a_failing_amazon_never_keeps_a_draft_from_being_checked(store, fake_sp_api):
    """The chat service's Amazon step breaking in an unexpected way: the draft is checked with the context given,
    and the notice says Amazon's facts are missing."""
    from bot.amazon.actions import AmazonActions
    from bot.chat import ChatRequest, ChatService, Person, Place

    service = ChatService(make_workflow(store))
    client = client_for(fake_sp_api, VirtualTime())

    async def broken(order_id):  # noqa: ANN001, ANN202
        raise RuntimeError("a bug")

    client.get_order = broken
    service.amazon = AmazonActions(service.workflow, settings_for(fake_sp_api), client)
    result = await service.submit_draft(ChatRequest(Person("sam"), Place("test", "c1", "t1"), f"Order {ORDER} ships today."))
    assert result.ok and result.draft.context.order_date is None
    assert "No context from Amazon: RuntimeError" in result.notice


async def test_a_draft_approved_with_attachments_goes_with_them_or_not_at_all(store, fake_sp_api):
    """Context names proof.png: sending without that file is refused; with it, it goes through the upload destination."""
    fake_sp_api.orders[ORDER].message_types = ["confirmCustomizationDetails"]
    sender = sender_for(store, fake_sp_api)
    draft = await approved_draft(sender.workflow, text="Please confirm the engraving in the attached proof.", attachments=["proof.png"])
    with pytest.raises(SendRefused, match=r"approved with attachments \(proof.png\)"):
        await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmCustomizationDetails")
    assert not fake_sp_api.of("confirmCustomizationDetails")
    result = await sender.send(draft.id, "bob", content_hash=draft.content_hash, message_type="confirmCustomizationDetails",
                               attachments=[Attachment("proof.png", b"png bytes", "image/png")])
    assert result.sent and fake_sp_api.of("confirmCustomizationDetails", 201)[0].body["attachments"][0]["fileName"] == "proof.png"
