"""The console with Amazon connected (the fake SP-API): context from the order id alone, approve, send once."""

from __future__ import annotations

import datetime as dt
import io

from adapters.cli import console as console_command
from adapters.console import Console
from bot.review_settings import ReviewSettings
from bot.store import Store

try:
    from .amazon_harness import ORDER, VirtualTime, client_for, fake_sp_api, settings_for  # noqa: F401
except ImportError:
    from amazon_harness import ORDER, VirtualTime, client_for, fake_sp_api, settings_for  # noqa: F401

import argparse

# A delivery detail to confirm, not shipping news alone (that would be order.confirmation).
TEXT = f"Hello Jane,\nyour order {ORDER} left our warehouse today and should arrive on Friday. Please confirm that someone can sign for it.\nKind regards, Lumiwood"


async def run(tmp_path, fake, script: str, *argv: str) -> str:  # noqa: ANN001
    parser = argparse.ArgumentParser(prog="checkmsg")
    console_command.configure(parser.add_subparsers(dest="command").add_parser("console"))
    args = parser.parse_args(["console", "--database", str(tmp_path / "db.sqlite3"), "--user", "bob", "--author", "sam", *argv])
    out = io.StringIO()
    session = Console(args, ReviewSettings(approvers=["bob"]), io.StringIO(script), out, None)
    session.amazon_settings = settings_for(fake)
    session.amazon_client = client_for(fake, VirtualTime())
    assert await session.run() == 0
    return out.getvalue()


async def audit_actions(tmp_path) -> list[str]:  # noqa: ANN001
    store = await Store.open(str(tmp_path / "db.sqlite3"))
    try:
        return [e["action"] for e in await store.audit_events()]
    finally:
        await store.close()


async def test_console_draft_with_only_an_order_id_gets_context_is_approved_and_sent_once(tmp_path, fake_sp_api):
    """--order-id alone: Amazon's facts fill the context; after approval 'amazon' lists the allowed types,
    'amazon confirmDeliveryDetails' sends once, the same command again sends nothing; the audit shows the send."""
    script = f"{TEXT}\n.\napprove\namazon\namazon confirmDeliveryDetails\namazon confirmDeliveryDetails\nquit\n"
    shown = await run(tmp_path, fake_sp_api, script, "--order-id", ORDER)
    assert f"From Amazon (order {ORDER}): order date 2026-11-16, latest delivery date 2026-11-21, marketplace amazon.de, buyer language en-GB" in shown
    assert "order.window: needs" not in shown  # the dates Amazon gave were used by the checks
    assert "confirmDeliveryDetails: can be sent" in shown
    assert "Sent draft #1 to the buyer through Amazon as confirmDeliveryDetails (bob)" in shown
    assert "Nothing sent: draft #1 was already sent. bob sent it as confirmDeliveryDetails" in shown
    [posted] = fake_sp_api.of("confirmDeliveryDetails")
    assert posted.body == {"text": TEXT}
    actions = await audit_actions(tmp_path)
    assert actions[-2:] == ["sent_via_amazon", "sent"]


async def test_console_finds_the_order_id_in_the_draft(tmp_path, fake_sp_api):
    """No --order-id: the one order id written in the draft is looked up."""
    shown = await run(tmp_path, fake_sp_api, f"{TEXT}\n.\nquit\n")
    assert f"From Amazon (order {ORDER})" in shown


def delivered_days_ago(fake, days: int) -> tuple[str, str]:  # noqa: ANN001
    """Set the order's delivery ``days`` before today (the console runs on the real clock); (delivery, closes) as ISO dates."""
    today = dt.datetime.now(dt.UTC).date()
    fake.today = today
    delivered = today - dt.timedelta(days=days)
    fake.orders[ORDER].latest_delivery_date = f"{delivered.isoformat()}T20:00:00Z"
    return delivered.isoformat(), (delivered + dt.timedelta(days=30)).isoformat()


REVIEW_TEXT = f"Hello, thank you for order {ORDER}. Please leave a review of the lamp if you have a moment.\nKind regards"


async def test_console_review_request_outside_the_window_says_the_dates(tmp_path, fake_sp_api):
    """A review-asking draft delivered 40 days ago: Amazon's request is refused, naming the closing and delivery dates."""
    delivered, closes = delivered_days_ago(fake_sp_api, 40)
    shown = await run(tmp_path, fake_sp_api, f"{REVIEW_TEXT}\n.\namazon review\nquit\n")
    assert f"Not allowed any more: Amazon's review request for this order closed on {closes} (30 days after delivery on {delivered})." in shown
    assert not fake_sp_api.of("createProductReviewAndSellerFeedbackSolicitation")


async def test_console_review_request_inside_the_window_is_offered_and_sent(tmp_path, fake_sp_api):
    """Delivered 10 days ago: 'amazon' offers Amazon's own request, 'amazon review' sends it once."""
    delivered_days_ago(fake_sp_api, 10)
    shown = await run(tmp_path, fake_sp_api, f"{REVIEW_TEXT}\n.\namazon\namazon review\namazon review\nquit\n")
    assert "send Amazon's own request instead" in shown
    assert "Amazon's own review request went to the buyer of order" in shown
    assert len(fake_sp_api.of("createProductReviewAndSellerFeedbackSolicitation")) == 1


async def test_console_lost_answer_then_release_then_send(tmp_path, fake_sp_api):
    """The answer to the send is lost: the console says it may have arrived; 'amazon release' frees it; the next send goes."""
    fake_sp_api.fail_next("confirmDeliveryDetails", 0)
    script = f"{TEXT}\n.\napprove\namazon confirmDeliveryDetails\namazon confirmDeliveryDetails\namazon release\namazon confirmDeliveryDetails\nquit\n"
    shown = await run(tmp_path, fake_sp_api, script, "--order-id", ORDER)
    assert "may have reached the buyer" in shown and "got no answer from Amazon" in shown
    assert "Released: draft #1 can be sent through Amazon again." in shown
    assert "Sent draft #1 to the buyer through Amazon as confirmDeliveryDetails (bob)" in shown
    assert [r.status for r in fake_sp_api.of("confirmDeliveryDetails")] == [0, 201]
