"""Slack with Amazon connected: a draft with only an order id gets Amazon's context, is approved,
and its "Send via Amazon" button sends it once through the fake SP-API (real AsyncApp over HTTP)."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from bot.amazon.actions import connect

try:
    from .amazon_harness import ORDER, fake_sp_api, settings_for  # noqa: F401
    from .fakes.slack_api import FakeSlackAPI
    from .test_slack import ALICE, BOB, CAROL, Replica, actions_of, button, new_message, texts
except ImportError:
    from amazon_harness import ORDER, fake_sp_api, settings_for  # noqa: F401
    from fakes.slack_api import FakeSlackAPI
    from test_slack import ALICE, BOB, CAROL, Replica, actions_of, button, new_message, texts


@pytest.fixture
async def fake_slack():  # noqa: ANN201
    api = await FakeSlackAPI().start()
    yield api
    await api.close()


async def connected(store, fake_slack, fake_sp_api, checker) -> Replica:  # noqa: ANN001
    replica = await Replica(store, fake_slack, checker).start()
    connect(replica.service, settings_for(fake_sp_api))
    return replica


async def test_slack_draft_gets_context_is_approved_and_sent_once_via_amazon(store, fake_slack, fake_sp_api, fake_checker):
    """Watched draft naming only its order id: the report says what came from Amazon; after Bob approves, the thread
    offers the allowed types; a click sends once, the thread shows who sent it; a second click sends nothing."""
    slack = await connected(store, fake_slack, fake_sp_api, fake_checker)
    try:
        await slack.event(new_message(f"Your order {ORDER} ships today."), "EvA1")
        report = (await fake_slack.wait_for("chat.postMessage"))[0]
        assert f"From Amazon (order {ORDER}): order date 2026-11-16" in texts(report)
        assert str(fake_checker.drafts[0].context.delivery_date) == "2026-11-21"  # the checks saw Amazon's dates
        await slack.interact(button("checkmsg_approve", actions_of(report)["checkmsg_approve"], BOB, "9001.000100"))
        offer = (await fake_slack.wait_for("chat.postMessage", 2))[1]
        assert offer["thread_ts"] == "1700000000.000100"
        buttons = [e for b in offer["blocks"] if b["type"] == "actions" for e in b["elements"]]
        assert [b["text"]["text"] for b in buttons] == ["Send via Amazon as confirmDeliveryDetails", "Send via Amazon as unexpectedProblem"]
        value = buttons[0]["value"]
        await slack.interact(button("checkmsg_amazon_0", value, ALICE, "9002.000100"))
        await fake_slack.wait_for("chat.update", 2)
        await slack.replies.idle()
        shown = [texts(c) for c in fake_slack.of("chat.update")]
        assert any(f"as confirmDeliveryDetails (<@{ALICE}>); Amazon accepted it (HTTP 201)" in s for s in shown)
        assert any("Sent, marked by ualice-display" in s for s in shown)  # the report itself says sent
        await slack.interact(button("checkmsg_amazon_0", value, CAROL, "9002.000100"))
        refusal = (await fake_slack.wait_for("chat.postEphemeral"))[0]
        assert refusal["user"] == CAROL and "Nothing sent" in refusal["text"] and "already sent" in refusal["text"]
        assert len(fake_sp_api.of("confirmDeliveryDetails")) == 1
        actions = [e["action"] for e in await store.audit_events()]
        assert "sent_via_amazon" in actions
    finally:
        await slack.close()


async def test_slack_two_replicas_clicking_send_together_send_once(database, fake_slack, fake_sp_api, fake_checker):
    """Two replicas on one database get the same click at once: one message reaches Amazon."""
    first = await connected(await database.open(), fake_slack, fake_sp_api, fake_checker)
    second = await connected(await database.open(), fake_slack, fake_sp_api, fake_checker)
    try:
        await first.event(new_message(f"Your order {ORDER} ships today."), "EvB1")
        report = (await fake_slack.wait_for("chat.postMessage"))[0]
        await first.interact(button("checkmsg_approve", actions_of(report)["checkmsg_approve"], BOB, "9001.000100"))
        offer = (await fake_slack.wait_for("chat.postMessage", 2))[1]
        value = [e for b in offer["blocks"] if b["type"] == "actions" for e in b["elements"]][0]["value"]
        await asyncio.gather(first.interact(button("checkmsg_amazon_0", value, ALICE, "9002.000100")),
                             second.interact(button("checkmsg_amazon_0", value, ALICE, "9002.000100")))
        await first.replies.idle()
        await second.replies.idle()
        assert len(fake_sp_api.of("confirmDeliveryDetails")) == 1
    finally:
        await first.close()
        await second.close()


async def test_slack_review_request_is_offered_in_the_window_and_refused_outside_with_dates(store, fake_slack, fake_sp_api, fake_checker):
    """A review-asking draft: inside the window a button sends Amazon's own request; outside it the thread gets the dates."""
    today = store.clock().date()  # CheckMsg's today is its store's clock
    fake_sp_api.today = today
    fake_sp_api.orders[ORDER].latest_delivery_date = f"{(today - dt.timedelta(days=10)).isoformat()}T20:00:00Z"
    fake_sp_api.add_order("114-0000000-0000001", latest_delivery_date=f"{(today - dt.timedelta(days=2)).isoformat()}T20:00:00Z")
    slack = await connected(store, fake_slack, fake_sp_api, fake_checker)
    try:
        await slack.event(new_message(f"Order {ORDER}: please leave a review of the lamp."), "EvC1")
        offer = (await fake_slack.wait_for("chat.postMessage", 2))[1]
        assert "Amazon's own review request is allowed for this order until" in texts(offer)
        assert [b["text"]["text"] for b in offer["blocks"][1]["elements"]] == ["Send Amazon's review request"]
        value = actions_of(offer)["checkmsg_amazon_0"]
        await slack.interact(button("checkmsg_amazon_0", value, ALICE, "9002.000100"))
        await fake_slack.wait_for("chat.update")
        assert len(fake_sp_api.of("createProductReviewAndSellerFeedbackSolicitation", 201)) == 1

        await slack.event(new_message("Order 114-0000000-0000001: please leave a review.", ts="1700000001.000100"), "EvC2")
        early = (await fake_slack.wait_for("chat.postMessage", 4))[3]
        opens = (today + dt.timedelta(days=3)).isoformat()
        assert f"Not allowed yet: Amazon's review request for this order opens on {opens}" in texts(early)
        assert actions_of(early) == {}
    finally:
        await slack.close()
