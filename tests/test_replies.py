"""What people see on both platforms: no pings from a reason, mentions read as names, no draft text in
logs, grouped findings, context asked for only where it matters and addable from the report, and a
draft given to /checkmsg never posted before it is checked."""

from __future__ import annotations

import logging

import pytest
from conftest_workflow import FakeChecker
from fakes.discord_harness import start_bot
from test_slack import ALICE, BOB, Replica, actions_of, button, new_message, texts, view_submission
from test_slack import fake as slack_fake  # noqa: F401 - fixture

from adapters.discord_bot.text import mentioned_users, plain_text
from checks import Finding, Report, Severity

CLEAN = "Hello Jennifer, your order 113-4829105-7730142 ships today. Best regards, Lumiwood"


class NeedsDeliveryDate(FakeChecker):
    """The fake engine, plus the 30-day window rule that cannot run without a delivery date."""

    async def __call__(self, draft, settings):  # noqa: ANN001, ANN204
        report = await super().__call__(draft, settings)
        if draft.context.delivery_date is None and draft.context.order_date is None:
            report.missing_context["order.window"] = ["delivery_date or order_date"]
        return report


class EmojiOnly(FakeChecker):
    """One finding per character, as the emoji rule reports an emoji-only draft."""

    async def __call__(self, draft, settings):  # noqa: ANN001, ANN204
        await super().__call__(draft, settings)
        return Report(findings=[Finding(rule="style.emoji", severity=Severity.ERROR, message="No emojis.",
                                        span=(n, n + 1), excerpt=c, guideline="No emojis.")
                                for n, c in enumerate(draft.text)], language=None)


# -- Discord ---------------------------------------------------------------------------------


def test_only_real_mention_syntax_is_a_mention() -> None:
    """<@id> and <@!id> are mentions; a bare 18-digit number (an order, a role id in <@&…>) is not."""
    text = "Hi <@111111111111111111> and <@!222222222222222222>; ref 333333333333333333, team <@&444444444444444444>"
    assert mentioned_users(text) == [111111111111111111, 222222222222222222]
    plain = plain_text(text, {111111111111111111: "sam"}, {444444444444444444: "support"})
    assert plain == "Hi @sam and @user; ref 333333333333333333, team @support"


async def test_a_drafts_mentions_are_checked_as_the_names_people_read(fake, running, checker) -> None:  # noqa: F811
    sam, ann = fake.person("sam"), fake.person("ann")
    message = await fake.post_message(sam, running.watched, f"Hi <@{ann.id}>, order 123456789012345678 ships.")
    await fake.wait_for("POST", rf"/channels/{message['id']}/messages")
    assert checker.drafts[-1].text == "Hi @ann, order 123456789012345678 ships."


async def test_a_reason_pings_only_the_drafts_author(fake, running) -> None:  # noqa: F811
    """@everyone, a role mention or a bare user id in a reason pings nobody; numbers stay numbers."""
    sam, alice = fake.person("sam"), fake.person("alice", approver=True)
    message = await fake.post_message(sam, running.watched, CLEAN)
    await fake.wait_for("POST", rf"/channels/{message['id']}/messages")
    report = fake.report_in(int(message["id"]))
    click = await fake.click(alice, report, "Request changes")
    reason = f"@everyone <@&{fake.approver_role}> ask 123456789012345678"
    await fake.answer_modal(alice, click, {"What should change?": reason})
    notes = await fake.wait_for("POST", rf"/channels/{message['id']}/messages", count=2)
    note = notes[-1].json
    allowed = note["allowed_mentions"]
    assert allowed["parse"] == [] and [int(u) for u in allowed["users"]] == [sam.id]
    assert note["content"].startswith(f"<@{sam.id}>:")
    edit = fake.find("PATCH", rf"/channels/{message['id']}/messages/{report['id']}")[-1].json
    assert edit["allowed_mentions"]["parse"] == []
    assert "123456789012345678" in report["content"] and "<@123456789012345678>" not in report["content"]


async def test_after_an_override_the_embed_is_not_red_not_ready(fake, running) -> None:  # noqa: F811
    sam, alice = fake.person("sam"), fake.person("alice", approver=True)
    message = await fake.post_message(sam, running.watched, "Write to service@lumiwood.example please.")
    await fake.wait_for("POST", rf"/channels/{message['id']}/messages")
    report = fake.report_in(int(message["id"]))
    assert report["embeds"][0]["color"] == 0xE74C3C
    click = await fake.click(alice, report, "Override")
    await fake.answer_modal(alice, click, {"Why is it fine to send as it is?": "Our Amazon relay address."})
    await fake.wait_for("PATCH", rf"/channels/{message['id']}/messages/{report['id']}")
    embed = report["embeds"][0]
    assert embed["color"] == 0x2ECC71 and "Not ready to send" not in embed["description"]
    assert f"Approved despite 1 error: <@{alice.id}> overrode them" in embed["description"]
    assert fake.labels(report) == ["Mark as sent", "Request changes", "Withdraw"]


async def test_discord_report_offers_the_order_details_that_matter_and_takes_them(fake, db_url) -> None:  # noqa: F811
    watched = fake.add_channel("drafts")
    bot = await start_bot(fake, db_url, NeedsDeliveryDate(), watch_channel_ids=[watched])
    try:
        sam = fake.person("sam")
        message = await fake.post_message(sam, watched, CLEAN)
        await fake.wait_for("POST", rf"/channels/{message['id']}/messages")
        report = fake.report_in(int(message["id"]))
        description = report["embeds"][0]["description"]
        assert "The delivery date (or order date): to check" in description and "delivery_date" not in description
        click = await fake.click(sam, report, "Add order details")
        await fake.answer_modal(sam, click, {"Delivery date, e.g. 2025-03-01 (optional)": "2025-03-01"})
        await fake.wait_for("PATCH", rf"/channels/{message['id']}/messages/{report['id']}")
        draft = await bot.workflow.get(1)
        assert draft.revision == 2 and str(draft.context.delivery_date) == "2025-03-01"
        assert "Add order details" not in fake.labels(report)
    finally:
        await bot.stop()


# -- Slack -----------------------------------------------------------------------------------


async def test_slack_report_offers_the_order_details_that_matter_and_takes_them(store, slack_fake) -> None:  # noqa: F811
    checker = NeedsDeliveryDate()
    replica = await Replica(store, slack_fake, checker).start()
    try:
        await replica.event(new_message(CLEAN), "EvCtx")
        report = (await slack_fake.wait_for("chat.postMessage"))[0]
        assert "The delivery date (or order date): to check" in texts(report)
        assert "delivery_date" not in texts(report)
        value = actions_of(report)["checkmsg_edit"]
        await replica.interact(button("checkmsg_edit", value, ALICE, "9001.000100"))
        view = (await slack_fake.wait_for("views.open"))[0]["view"]
        assert view["callback_id"] == "checkmsg_details"
        await replica.interact(view_submission(view, ALICE, {"delivery_date": {"selected_date": "2025-03-01"}}))
        updated = (await slack_fake.wait_for("chat.update"))[0]
        assert updated["ts"] == "9001.000100" and "version 2" in texts(updated)
        assert str(checker.drafts[-1].context.delivery_date) == "2025-03-01"
        assert "checkmsg_edit" not in actions_of(updated)
    finally:
        await replica.close()


async def test_an_emoji_only_draft_is_one_grouped_section_in_one_message(store, slack_fake) -> None:  # noqa: F811
    replica = await Replica(store, slack_fake, EmojiOnly()).start()
    try:
        await replica.event(new_message("😀" * 50), "EvEmoji")
        await slack_fake.wait_for("chat.postMessage")
        await slack_fake.settle()
        assert len(slack_fake.of("chat.postMessage")) == 1
        report = slack_fake.of("chat.postMessage")[0]
        assert texts(report).count("Emoji (50 times)") == 1 and texts(report).count("Why:") == 1
    finally:
        await replica.close()


async def test_checkmsg_does_not_post_a_draft_it_cannot_check(store, slack_fake) -> None:  # noqa: F811
    """Binary garbage given to /checkmsg: only the person is told; nothing goes to the channel."""
    replica = await Replica(store, slack_fake, FakeChecker()).start()
    try:
        await replica.command("\x00\x01\x02\x03 garbage \x00\x00\x00\x00\x00\x00")
        refusal = (await slack_fake.wait_for("chat.postEphemeral"))[0]
        assert refusal["user"] == ALICE and "Cannot check this draft" in refusal["text"]
        await slack_fake.settle()
        assert slack_fake.of("chat.postMessage") == []
    finally:
        await replica.close()


async def test_refused_request_bodies_are_not_logged(store, slack_fake, caplog) -> None:  # noqa: F811
    """Bolt logs a refused request at INFO; the draft in its body must not reach the log."""
    replica = await Replica(store, slack_fake, FakeChecker()).start()
    try:
        # At INFO, as `checkmsg slack` runs (Bolt's logger takes its level when the app is built).
        caplog.set_level(logging.INFO, logger="slack_bolt.RequestVerification")
        with caplog.at_level(logging.INFO):
            status, _ = await replica.event(new_message("SECRET-DRAFT-TEXT to a buyer"), "EvForged", secret="wrong")
        assert status == 401
        assert "Invalid request signature" in caplog.text and "SECRET-DRAFT-TEXT" not in caplog.text
    finally:
        await replica.close()


@pytest.mark.parametrize("user", [BOB])
async def test_people_are_named_not_identified(store, slack_fake, user) -> None:  # noqa: F811
    replica = await Replica(store, slack_fake, FakeChecker()).start()
    try:
        await replica.event(new_message(CLEAN), "EvName")
        report = (await slack_fake.wait_for("chat.postMessage"))[0]
        await replica.interact(button("checkmsg_approve", actions_of(report)["checkmsg_approve"], user, "9001.000100"))
        approved = (await slack_fake.wait_for("chat.update"))[0]
        assert "Approved by ubob-display" in texts(approved) and user not in texts(approved)
        assert "checkmsg_approve" not in actions_of(approved)
    finally:
        await replica.close()
