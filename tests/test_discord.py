"""The Discord bot end to end: the real discord.py client against a fake Discord on 127.0.0.1."""

from __future__ import annotations

import asyncio

from conftest_workflow import FakeChecker
from fakes.discord_harness import start_bot

from bot.review import ReviewWorkflow
from bot.store import Store

MESSAGE_CONTENT_INTENT = 1 << 15
DEFERRED_MESSAGE, DEFERRED_UPDATE, MODAL = 5, 6, 9
CLEAN = "Hello Jennifer, your order 113-4829105-7730142 ships today. Best regards, Lumiwood"
WITH_EMAIL = "Hello, write to service@lumiwood.example if anything is wrong."


async def test_connects_with_message_content_and_registers_guild_commands(fake, running):
    """At start the bot identifies with the message-content intent and overwrites the guild's commands."""
    assert fake.identifies[-1]["intents"] & MESSAGE_CONTENT_INTENT
    calls = fake.find("PUT", rf"/applications/{fake.app_id}/guilds/{fake.guild_id}/commands")
    assert len(calls) == 1
    commands = {c["name"]: c for c in fake.commands[fake.guild_id]}
    assert commands["checkmsg"]["type"] == 1
    assert {o["name"] for o in commands["checkmsg"]["options"]} >= {"draft", "order_id", "attachment"}
    assert commands["Check with CheckMsg"]["type"] == 3
    assert fake.find("GET", r"/gateway/bot")


async def test_slash_command_reports_in_a_thread_with_buttons(fake, running, checker):
    """/checkmsg with a draft: deferred at once; an anchor naming the author (not the draft) and a thread
    on it holding the report."""
    sam = fake.person("sam")
    interaction = await fake.slash_command(sam, "checkmsg", {"draft": CLEAN, "order_id": "113-4829105-7730142"},
                                           files={"attachment": "invoice.pdf"})
    callback = await fake.callback(interaction)
    assert callback.json["type"] == DEFERRED_MESSAGE
    assert fake.answered_within(interaction) < 3
    followup = (await fake.wait_for("POST", rf"/webhooks/{fake.app_id}/{interaction['token']}"))[0]
    assert followup.json["flags"] & 64  # only sam sees "Checked: ..."
    anchor = fake.in_channel(fake.general)[0]
    assert f"<@{sam.id}>" in anchor["content"] and "Jennifer" not in anchor["content"]
    thread = int(anchor["thread"]["id"])
    assert anchor["thread"]["name"] == "CheckMsg draft #1"
    report = fake.report_in(thread)
    assert report["embeds"][0]["title"] == "Draft #1, version 1"
    assert "No problems found" in report["embeds"][0]["description"]
    assert fake.labels(report) == ["Approve", "Request changes", "Withdraw"]
    assert checker.drafts[-1].context.order_id == "113-4829105-7730142"
    assert checker.drafts[-1].context.attachments == ["invoice.pdf"]


async def test_slash_command_without_draft_opens_a_dialog(fake, running, checker):
    """/checkmsg alone opens a dialog with a multi-line draft field and the context fields."""
    sam = fake.person("sam")
    interaction = await fake.slash_command(sam, "checkmsg")
    modal = fake.modal(await fake.callback(interaction))
    fields = fake.modal_fields(modal)
    assert fields["Draft"]["style"] == 2 and fields["Draft"]["max_length"] == 4000
    assert {"Order id (optional)", "Buyer's language (optional)", "Marketplace (optional)"} <= set(fields)
    submitted = await fake.answer_modal(sam, interaction, {"Draft": WITH_EMAIL + "\nSecond line.",
                                                           "Buyer's language (optional)": "de"})
    assert (await fake.callback(submitted)).json["type"] == DEFERRED_MESSAGE
    await fake.wait_for("POST", rf"/webhooks/{fake.app_id}/{submitted['token']}")
    thread = int(fake.in_channel(fake.general)[0]["thread"]["id"])
    report = fake.report_in(thread)
    assert "Not ready to send" in report["embeds"][0]["description"]
    assert fake.labels(report) == ["Override", "Request changes", "Withdraw"]
    assert checker.drafts[-1].context.buyer_language == "de"
    assert checker.drafts[-1].text.endswith("Second line.")


async def test_context_menu_checks_a_message_with_its_attachments(fake, running, checker):
    """"Check with CheckMsg" on any message: a thread on that message holds the report."""
    sam, alice = fake.person("sam"), fake.person("alice", approver=True)
    message = await fake.post_message(sam, fake.general, CLEAN, attachments=["label.png"])
    assert not fake.threads()  # not a watched channel
    interaction = await fake.context_menu(alice, "Check with CheckMsg", message)
    assert (await fake.callback(interaction)).json["type"] == DEFERRED_MESSAGE
    await fake.wait_for("POST", rf"/webhooks/{fake.app_id}/{interaction['token']}")
    await fake.wait_for("POST", rf"/channels/{fake.general}/messages/{message['id']}/threads")
    report = fake.report_in(int(message["id"]))
    assert checker.drafts[-1].context.attachments == ["label.png"]
    draft = await running.workflow.get(1)
    assert draft.author == str(sam.id)  # the writer, not who asked for the check
    assert fake.labels(report) == ["Approve", "Request changes", "Withdraw"]


async def test_watched_channel_message_gets_a_thread_and_edits_update_the_report(fake, running, checker):
    """A new message in a watched channel is checked in a thread; editing it re-checks and edits the report."""
    sam = fake.person("sam")
    message = await fake.post_message(sam, running.watched, CLEAN)
    await fake.wait_for("POST", rf"/channels/{message['id']}/messages")
    report = fake.report_in(int(message["id"]))
    assert fake.labels(report) == ["Approve", "Request changes", "Withdraw"]
    await fake.edit_message(message, WITH_EMAIL)
    edit = (await fake.wait_for("PATCH", rf"/channels/{message['id']}/messages/{report['id']}"))[0]
    assert "version 2" in edit.json["embeds"][0]["title"]
    assert "A new version" in edit.json["content"]
    assert fake.labels(report) == ["Override", "Request changes", "Withdraw"]
    assert len(fake.in_channel(int(message["id"]))) == 1  # edited in place, no second report
    assert len(fake.threads()) == 1
    assert (await running.workflow.get(1)).revision == 2


async def test_bot_messages_and_other_channels_are_not_checked(fake, running, checker):
    """Only people's messages in watched channels are checked unasked."""
    await fake.post_message(fake.person("sam"), fake.general, CLEAN)
    await fake.post_message(fake.bot, running.watched, CLEAN)
    await fake.post_message(fake.person("sam"), running.watched, CLEAN)  # a marker: this one is handled
    await fake.wait_for("POST", r"/channels/\d+/messages")
    assert len(fake.threads()) == 1 and len(checker.drafts) == 1


async def test_checkmsg_again_in_the_thread_is_a_new_version(fake, running, checker):
    """/checkmsg inside a draft's thread submits a new version there and edits the report in place."""
    sam = fake.person("sam")
    first = await fake.slash_command(sam, "checkmsg", {"draft": CLEAN})
    await fake.wait_for("POST", rf"/webhooks/{fake.app_id}/{first['token']}")
    thread = int(fake.in_channel(fake.general)[0]["thread"]["id"])
    report = fake.report_in(thread)
    again = await fake.slash_command(sam, "checkmsg", {"draft": WITH_EMAIL}, channel_id=thread)
    await fake.wait_for("POST", rf"/webhooks/{fake.app_id}/{again['token']}")
    await fake.wait_for("PATCH", rf"/channels/{thread}/messages/{report['id']}")
    assert report["embeds"][0]["title"] == "Draft #1, version 2"
    assert len(fake.in_channel(fake.general)) == 1 and len(fake.in_channel(thread)) == 1


async def test_refusals_from_discord_are_told_not_swallowed(fake, running):
    """When Discord refuses to create the thread, the person hears why instead of waiting forever."""
    fake.refuse("POST", r"/channels/\d+/messages/\d+/threads", status=403)
    interaction = await fake.slash_command(fake.person("sam"), "checkmsg", {"draft": CLEAN})
    [call] = await fake.wait_for("POST", rf"/webhooks/{fake.app_id}/{interaction['token']}")
    assert call.json["flags"] & 64 and "Create Public Threads" in call.json["content"]
    fake.unhandled.clear()


async def test_a_draft_that_cannot_be_checked_is_answered_privately(fake, running):
    """The message menu on a binary-looking message: the reason comes back to the asker only."""
    message = await fake.post_message(fake.person("sam"), fake.general, "Hello\x00there")
    interaction = await fake.context_menu(fake.person("alice", approver=True), "Check with CheckMsg", message)
    [call] = await fake.wait_for("POST", rf"/webhooks/{fake.app_id}/{interaction['token']}")
    assert call.json["flags"] & 64 and call.json["content"].startswith("Cannot check this draft")
    assert not fake.threads()


async def test_closing_bot_lets_a_running_check_finish(fake, db_url):
    """A draft that arrives just before shutdown still gets its report, and its
    database writes finish before the store closes (no connection left out)."""
    started = asyncio.Event()

    class SlowChecker(FakeChecker):
        async def __call__(self, draft, settings):
            started.set()
            await asyncio.sleep(0.3)
            return await super().__call__(draft, settings)

    watched = fake.add_channel("drafts")
    bot = await start_bot(fake, db_url, SlowChecker(), watch_channel_ids=[watched])
    message = await fake.post_message(fake.person("sam"), watched, "Hello Sam, your order ships today.")
    await asyncio.wait_for(started.wait(), 10)
    await bot.stop()  # while the check still runs
    assert fake.find("POST", rf"/channels/{message['id']}/messages")  # its report went out
    store = await Store.open(db_url)
    try:
        draft = await ReviewWorkflow(store).get(1)  # and was stored
        assert draft.text == "Hello Sam, your order ships today."
    finally:
        await store.close()
