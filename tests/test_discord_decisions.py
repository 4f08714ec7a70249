"""Approving on Discord: the buttons, who may press them, dialogs for reasons, and restarts."""

from __future__ import annotations

from fakes.discord_fake import FakeDiscord
from fakes.discord_harness import start_bot

DEFERRED_MESSAGE, DEFERRED_UPDATE, MODAL = 5, 6, 9
CLEAN = "Hello Jennifer, your order 113-4829105-7730142 ships today. Best regards, Lumiwood"
WITH_EMAIL = "Hello, write to service@lumiwood.example if anything is wrong."


async def draft_in_watched(fake: FakeDiscord, running, author, text: str = CLEAN) -> dict:
    """``author`` writes a draft in the watched channel; the bot's report on it."""
    message = await fake.post_message(author, running.watched, text)
    await fake.wait_for("POST", rf"/channels/{message['id']}/messages")
    return fake.report_in(int(message["id"]))


def ephemeral_replies(fake: FakeDiscord, interaction: dict) -> list[str]:
    return [c.json["content"] for c in fake.find("POST", rf"/webhooks/{fake.app_id}/{interaction['token']}")
            if c.json.get("flags", 0) & 64]


async def test_approver_approves_in_place_then_marks_sent(fake, running):
    """Approve edits the report message through the channel (not the token); then Mark as sent closes it."""
    sam, alice = fake.person("sam"), fake.person("alice", approver=True)
    report = await draft_in_watched(fake, running, sam)
    click = await fake.click(alice, report, "Approve")
    assert (await fake.callback(click)).json["type"] == DEFERRED_UPDATE
    assert fake.answered_within(click) < 3
    await fake.wait_for("PATCH", rf"/channels/{report['channel_id']}/messages/{report['id']}")
    assert not fake.find("PATCH", r"/webhooks/.*")
    assert f"Approved by <@{alice.id}>" in report["content"]
    assert fake.labels(report) == ["Mark as sent", "Request changes", "Withdraw"]
    assert (await running.workflow.get(1)).state == "approved"

    sent = await fake.click(sam, report, "Mark as sent")  # the author may mark it sent
    await fake.wait_for("PATCH", rf"/channels/{report['channel_id']}/messages/{report['id']}", count=2)
    assert fake.labels(report) == []
    draft = await running.workflow.get(1)
    assert draft.state == "sent" and draft.decisions[-1].actor == str(sam.id)
    assert fake.answered_within(sent) < 3


async def test_members_without_the_role_cannot_decide(fake, running):
    """A member without the approver role is told so at once, privately, and nothing is recorded."""
    sam, bob = fake.person("sam"), fake.person("bob")
    report = await draft_in_watched(fake, running, sam)
    click = await fake.click(bob, report, "Approve")
    answer = (await fake.callback(click)).json
    assert answer["type"] == 4 and answer["data"]["flags"] & 64
    assert "Only approvers" in answer["data"]["content"]
    changes = await fake.click(bob, report, "Request changes")
    assert (await fake.callback(changes)).json["type"] == 4  # no dialog for them either
    assert (await running.workflow.get(1)).decisions == []


def refusal(callback) -> str:
    """The private message a click was answered with at once (no dialog, no defer)."""
    answer = callback.json
    assert answer["type"] == 4 and answer["data"]["flags"] & 64, answer
    return answer["data"]["content"]


async def test_no_one_approves_their_own_draft(fake, running):
    """An approver who wrote the draft is refused at once, privately, before any dialog."""
    alice = fake.person("alice", approver=True)
    report = await draft_in_watched(fake, running, alice)
    click = await fake.click(alice, report, "Approve")
    assert "cannot approve a draft you wrote" in refusal(await fake.callback(click))
    assert (await running.workflow.get(1)).state == "pending"
    assert fake.labels(report) == ["Approve", "Request changes", "Withdraw"]


async def test_an_author_who_approves_is_told_before_the_override_dialog(fake, running):
    """Override on one's own draft with errors: no reason is asked for; the refusal comes first."""
    alice = fake.person("alice", approver=True)
    report = await draft_in_watched(fake, running, alice, WITH_EMAIL)
    click = await fake.click(alice, report, "Override")
    assert "cannot approve a draft you wrote" in refusal(await fake.callback(click))


async def test_request_changes_asks_for_a_reason_in_a_dialog(fake, running):
    """Request changes opens a dialog; the reason is recorded, shown, and the author is told in the thread."""
    sam, alice = fake.person("sam"), fake.person("alice", approver=True)
    report = await draft_in_watched(fake, running, sam)
    click = await fake.click(alice, report, "Request changes")
    modal = fake.modal(await fake.callback(click))
    assert fake.answered_within(click) < 3
    assert modal["title"] == "Request changes"
    submitted = await fake.answer_modal(alice, click, {"What should change?": "Name the carrier."})
    await fake.wait_for("PATCH", rf"/channels/{report['channel_id']}/messages/{report['id']}")
    draft = await running.workflow.get(1)
    assert draft.state == "changes_requested" and draft.decisions[-1].reason == "Name the carrier."
    assert "Name the carrier." in report["content"]
    # The note to the author is a second message in the thread, posted after the report's edit.
    await fake.wait_for("POST", rf"/channels/{report['channel_id']}/messages", count=2)
    notes = [m["content"] for m in fake.in_channel(int(report["channel_id"]))[1:]]
    assert notes == [f"<@{sam.id}>: Changes requested by <@{alice.id}>: Name the carrier."]
    assert fake.answered_within(submitted) < 3


async def test_override_needs_a_reason_and_approves_a_draft_with_errors(fake, running):
    """A draft with errors shows Override instead of Approve; its dialog's reason goes to the audit trail."""
    sam, alice = fake.person("sam"), fake.person("alice", approver=True)
    report = await draft_in_watched(fake, running, sam, WITH_EMAIL)
    assert fake.labels(report) == ["Override", "Request changes", "Withdraw"]
    click = await fake.click(alice, report, "Override")
    await fake.answer_modal(alice, click, {"Why is it fine to send as it is?": "It is our Amazon relay address."})
    await fake.wait_for("PATCH", rf"/channels/{report['channel_id']}/messages/{report['id']}")
    draft = await running.workflow.get(1)
    assert draft.state == "approved" and draft.approvals[0].override
    assert draft.approvals[0].reason == "It is our Amazon relay address."


async def test_a_button_on_an_outdated_report_is_refused(fake, running):
    """After an edit, a click carrying the old content hash does not approve the new text."""
    sam, alice = fake.person("sam"), fake.person("alice", approver=True)
    message = await fake.post_message(sam, running.watched, CLEAN)
    await fake.wait_for("POST", rf"/channels/{message['id']}/messages")
    report = fake.report_in(int(message["id"]))
    old = {**report, "components": report["components"]}
    await fake.edit_message(message, CLEAN + " Thanks again!")
    await fake.wait_for("PATCH", rf"/channels/{message['id']}/messages/{report['id']}")
    click = await fake.click(alice, old, "Approve")
    assert "changed after this report was posted" in refusal(await fake.callback(click))
    assert (await running.workflow.get(1)).approvals == []


async def test_buttons_keep_working_after_a_restart(fake, db_url, checker):
    """Restart with a pending approval, then click the old message: the decision is recorded."""
    watched = fake.add_channel("drafts")
    first = await start_bot(fake, db_url, checker, watch_channel_ids=[watched])
    sam, alice = fake.person("sam"), fake.person("alice", approver=True)
    message = await fake.post_message(sam, watched, CLEAN)
    await fake.wait_for("POST", rf"/channels/{message['id']}/messages")
    report = fake.report_in(int(message["id"]))
    await first.stop()

    second = await start_bot(fake, db_url, checker, watch_channel_ids=[watched])
    try:
        assert len(fake.identifies) == 2
        click = await fake.click(alice, report, "Approve")
        assert (await fake.callback(click)).json["type"] == DEFERRED_UPDATE
        await fake.wait_for("PATCH", rf"/channels/{message['id']}/messages/{report['id']}")
        draft = await second.workflow.get(1)
        assert draft.state == "approved" and draft.approvers == [str(alice.id)]
        assert fake.labels(report) == ["Mark as sent", "Request changes", "Withdraw"]
    finally:
        await second.stop()
    assert not fake.unhandled
