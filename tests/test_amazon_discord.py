"""Discord with Amazon connected: the real discord.py bot against the fake Discord and the fake SP-API."""

from __future__ import annotations

import datetime as dt

import pytest
from amazon_harness import ORDER, fake_sp_api, settings_for  # noqa: F401 - fixture
from fakes.discord_harness import watched_bot

from bot.config import Config

TEXT = f"Hello Jennifer, your order {ORDER} ships today. Best regards, Lumiwood"


@pytest.fixture
async def connected(fake, db_url, checker, fake_sp_api):  # noqa: F811
    async with watched_bot(fake, db_url, checker, Config(amazon=settings_for(fake_sp_api))) as bot:
        yield bot


def bot_messages(fake, thread: int) -> list[dict]:  # noqa: ANN001
    return fake.in_channel(thread)


async def test_discord_draft_gets_context_is_approved_and_sent_once_via_amazon(fake, connected, checker, fake_sp_api):  # noqa: F811
    """A watched draft with only an order id: Amazon's facts in the report; after approval the thread offers the
    allowed types; a click sends once and the thread says so; a second click sends nothing."""
    sam, alice = fake.person("sam"), fake.person("alice", approver=True)
    message = await fake.post_message(sam, connected.watched, TEXT)
    thread = int(message["id"])
    await fake.wait_for("POST", rf"/channels/{thread}/messages")
    report = fake.report_in(thread)
    assert f"From Amazon (order {ORDER}): order date 2026-11-16" in str(report)
    assert str(checker.drafts[-1].context.delivery_date) == "2026-11-21"
    await fake.click(alice, report, "Approve")
    await fake.wait_for("POST", rf"/channels/{thread}/messages", count=2)
    offer = bot_messages(fake, thread)[1]
    assert fake.labels(offer) == ["Send via Amazon as confirmDeliveryDetails", "Send via Amazon as unexpectedProblem"]
    click = await fake.click(sam, offer, "Send via Amazon as confirmDeliveryDetails")
    await fake.callback(click)
    await fake.wait_for("PATCH", rf"/channels/{thread}/messages/{offer['id']}")
    assert f"as confirmDeliveryDetails (<@{sam.id}>); Amazon accepted it (HTTP 201)" in offer["content"]
    assert fake.labels(offer) == []
    await fake.wait_for("PATCH", rf"/channels/{thread}/messages/{report['id']}", count=2)
    assert (await connected.workflow.get(1)).state == "sent"
    # The same button once more (a double click, or a second replica's copy of the message).
    digest = (await connected.workflow.get(1)).content_hash[:16]
    button = {"type": 2, "style": 1, "label": "again", "custom_id": f"checkmsg-amazon:confirmDeliveryDetails:1:{digest}"}
    again = await fake.click(alice, {**offer, "components": [{"type": 1, "components": [button]}]}, "again")
    reply = (await fake.wait_for("POST", rf"/webhooks/{fake.app_id}/{again['token']}"))[0]
    assert "Nothing sent" in reply.json["content"] and reply.json["flags"] & 64
    assert len(fake_sp_api.of("confirmDeliveryDetails")) == 1
    actions = [e["action"] for e in await connected.store.audit_events()]
    assert "sent_via_amazon" in actions


async def test_discord_review_request_outside_the_window_gets_the_dates(fake, connected, fake_sp_api):  # noqa: F811
    """A review-asking draft delivered 40 days before the store's today: the thread gets the closing date, no button."""
    today = connected.store.clock().date()
    delivered = today - dt.timedelta(days=40)
    fake_sp_api.orders[ORDER].latest_delivery_date = f"{delivered.isoformat()}T20:00:00Z"
    sam = fake.person("sam")
    message = await fake.post_message(sam, connected.watched, f"Order {ORDER}: please leave a review of the lamp.")
    thread = int(message["id"])
    await fake.wait_for("POST", rf"/channels/{thread}/messages", count=2)
    offer = bot_messages(fake, thread)[1]
    closes = (delivered + dt.timedelta(days=30)).isoformat()
    assert f"Not allowed any more: Amazon's review request for this order closed on {closes}" in offer["content"]
    assert fake.labels(offer) == []
