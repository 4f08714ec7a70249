"""The Slack adapter end to end: the real AsyncApp over real HTTP, requests signed
as Slack signs them, against a fake Slack Web API that records every call."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
import urllib.parse
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_sdk.socket_mode.request import SocketModeRequest

from adapters.slack.app import SlackReplies, build_app, make_client
from adapters.slack.server import web_app
from adapters.slack.settings import SlackSettings
from bot.chat import ChatService, EventLedger
from checks import Report

try:
    from .conftest_workflow import FakeChecker, make_workflow
    from .fakes.slack_api import FakeSlackAPI
except ImportError:
    from conftest_workflow import FakeChecker, make_workflow
    from fakes.slack_api import FakeSlackAPI

SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
WATCHED = "CWATCH"
ALICE, BOB, CAROL = "UALICE", "UBOB", "UCAROL"  # Alice writes; Bob and Carol approve
DAN = "UDAN"  # neither writes nor approves


class Replica:
    """One running CheckMsg (AsyncApp + aiohttp server on a free port) and a way to talk to it as Slack."""

    def __init__(self, store, fake: FakeSlackAPI, checker, **settings) -> None:  # noqa: ANN001, ANN003
        self.settings = SlackSettings(
            bot_token="xoxb-test", signing_secret=SECRET, api_url=fake.base_url, watch_channels=[WATCHED]
        )
        self.service = ChatService(make_workflow(store, checker, approvers=(BOB, CAROL), **settings))
        ledger = EventLedger(store)
        self.replies = SlackReplies(self.service, ledger, self.settings)
        self.app = build_app(self.settings, self.service, ledger, make_client(self.settings), replies=self.replies)
        self.store = store

    async def start(self) -> Replica:
        self.runner = web.AppRunner(web_app(self.app, self.store))
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        self.url = f"http://127.0.0.1:{site._server.sockets[0].getsockname()[1]}"
        self.http = aiohttp.ClientSession()
        return self

    async def close(self) -> None:
        await asyncio.wait_for(self.replies.idle(), 10)  # work Bolt runs on after answering
        await self.http.close()
        await self.runner.cleanup()

    async def post(
        self, body: str, content_type: str, *, secret: str | None = SECRET, age: int = 0,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, str]:
        timestamp = str(int(time.time()) - age)
        sent = {"Content-Type": content_type, **(headers or {})}
        if secret is not None:
            base = f"v0:{timestamp}:{body}".encode()
            sent["X-Slack-Signature"] = "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
            sent["X-Slack-Request-Timestamp"] = timestamp
        async with self.http.post(self.url + "/slack/events", data=body.encode(), headers=sent) as response:
            return response.status, await response.text()

    async def command(self, text: str, user: str = ALICE, channel: str = "CTEAM") -> tuple[int, str]:
        form = {"command": "/checkmsg", "text": text, "user_id": user, "channel_id": channel,
                "team_id": "T1", "trigger_id": "trigger-1", "response_url": "http://127.0.0.1:9/none"}
        return await self.post(urllib.parse.urlencode(form), "application/x-www-form-urlencoded")

    async def interact(self, payload: dict[str, Any]) -> tuple[int, str]:
        payload = {"team": {"id": "T1"}, "api_app_id": "A1", "token": "legacy", **payload}
        body = urllib.parse.urlencode({"payload": json.dumps(payload)})
        return await self.post(body, "application/x-www-form-urlencoded")

    async def event(self, event: dict[str, Any], event_id: str, **kwargs) -> tuple[int, str]:  # noqa: ANN003
        return await self.post(json.dumps(event_body(event, event_id)), "application/json", **kwargs)


def event_body(event: dict[str, Any], event_id: str) -> dict[str, Any]:
    return {"type": "event_callback", "team_id": "T1", "api_app_id": "A1", "event_id": event_id,
            "event_time": int(time.time()), "event": event, "authorizations": [{"user_id": "UBOT", "is_bot": True}]}


def new_message(text: str, ts: str = "1700000000.000100", user: str = ALICE, **extra) -> dict[str, Any]:  # noqa: ANN003
    return {"type": "message", "channel": WATCHED, "user": user, "text": text, "ts": ts, **extra}


def button(action_id: str, value: str, user: str, message_ts: str, channel: str = WATCHED) -> dict[str, Any]:
    return {"type": "block_actions", "user": {"id": user}, "trigger_id": "trigger-2",
            "channel": {"id": channel}, "container": {"type": "message", "message_ts": message_ts},
            "message": {"ts": message_ts}, "actions": [{"action_id": action_id, "value": value,
                                                        "type": "button", "block_id": "checkmsg_decide"}]}


def view_submission(view: dict[str, Any], user: str, values: dict[str, dict[str, Any]]) -> dict[str, Any]:
    state = {"values": {block: {"value": v} for block, v in values.items()}}
    return {"type": "view_submission", "user": {"id": user}, "trigger_id": "trigger-3",
            "view": {**view, "id": "V1", "state": state}}


def texts(message: dict[str, Any]) -> str:
    """All the text a person sees in a posted or updated message."""
    out = [message.get("text", "")]
    for block in message.get("blocks") or []:
        if "text" in block:
            out.append(block["text"]["text"])
        for element in block.get("elements", []):
            out.append(element["text"] if isinstance(element.get("text"), str) else element["text"]["text"])
    return "\n".join(out)


def actions_of(message: dict[str, Any]) -> dict[str, str]:
    """action_id -> value of the buttons in a message."""
    return {e["action_id"]: e["value"] for b in message.get("blocks", []) if b["type"] == "actions"
            for e in b["elements"]}


@pytest.fixture
async def fake():
    api = await FakeSlackAPI(locales={BOB: "en-GB"}).start()
    yield api
    await api.close()


@pytest.fixture
async def slack(store, fake, fake_checker):  # noqa: ANN001
    replica = await Replica(store, fake, fake_checker).start()
    yield replica
    await replica.close()


async def watched_draft(slack: Replica, fake: FakeSlackAPI, text: str) -> dict[str, Any]:
    """Post a draft in the watched channel; the bot's report (the thread's first reply)."""
    assert (await slack.event(new_message(text), "EvDraft"))[0] == 200
    return (await fake.wait_for("chat.postMessage"))[0]


# -- ways in ------------------------------------------------------------------------------


async def test_slash_command_acks_before_checking_then_replies_in_the_drafts_thread(store, fake) -> None:
    """/checkmsg <draft>: HTTP 200 while the check still runs; a short "checking" message (not the draft)
    opens the thread, and the report replaces it in place."""
    gate = asyncio.Event()
    inner = FakeChecker()

    async def slow_checker(draft, settings):  # noqa: ANN001, ANN202
        await gate.wait()
        return await inner(draft, settings)

    replica = await Replica(store, fake, slow_checker).start()
    try:
        started = time.monotonic()
        status, _ = await replica.command("Hello, write to me at a@b.example &amp; thanks")
        assert status == 200 and time.monotonic() - started < 3
        gate.set()
        placeholder = (await fake.wait_for("chat.postMessage"))[0]
        assert placeholder["channel"] == "CTEAM" and "thread_ts" not in placeholder
        assert "write to me" not in texts(placeholder) and "<@UALICE>" in texts(placeholder)
        report = (await fake.wait_for("chat.update"))[0]
        assert report["ts"] == "9001.000100" and len(fake.of("chat.postMessage")) == 1
        assert "Not ready to send: 1 error" in texts(report) and "Email address" in texts(report)
        assert inner.drafts[0].text == "Hello, write to me at a@b.example & thanks"
        assert fake.of("users.info")[0]["include_locale"] in (True, "true", "1", 1)
    finally:
        await replica.close()


async def test_slash_command_alone_opens_the_dialog_and_its_submission_is_checked(slack, fake, fake_checker) -> None:
    """/checkmsg alone: views.open with the draft dialog; submitting it checks the draft with its order facts."""
    assert (await slack.command("   "))[0] == 200
    view = (await fake.wait_for("views.open"))[0]["view"]
    assert view["callback_id"] == "checkmsg_draft"
    values = {"draft": {"value": "Your order shipped, maybe today."}, "order_id": {"value": "302-1234567-7654321"},
              "buyer_language": {"value": "de"}, "delivery_date": {"selected_date": "2025-02-20"},
              "kind": {"selected_option": {"value": "reply"}}}
    status, body = await slack.interact(view_submission(view, ALICE, values))
    assert status == 200 and body == ""
    placeholder = (await fake.wait_for("chat.postMessage"))[0]
    report = (await fake.wait_for("chat.update"))[0]
    assert json.loads(view["private_metadata"])["channel"] == placeholder["channel"] == report["channel"] == "CTEAM"
    context = fake_checker.drafts[0].context
    assert (context.order_id, context.buyer_language, str(context.delivery_date), context.proactive) == (
        "302-1234567-7654321", "de", "2025-02-20", False)
    assert "style.hedge" in texts(report)  # a rule without a title is named by its id


async def test_dialog_shows_a_bad_field_under_the_field(slack, fake) -> None:
    await slack.command("")
    view = (await fake.wait_for("views.open"))[0]["view"]
    values = {"draft": {"value": "Hi"}, "buyer_language": {"value": "not a tag"}}
    status, body = await slack.interact(view_submission(view, ALICE, values))
    assert status == 200
    assert json.loads(body)["response_action"] == "errors" and "buyer_language" in json.loads(body)["errors"]
    await fake.settle()
    assert fake.of("chat.postMessage") == []


async def test_message_shortcut_checks_that_message_in_its_thread(slack, fake, fake_checker) -> None:
    shortcut = {"type": "message_action", "callback_id": "checkmsg_check", "trigger_id": "t",
                "user": {"id": BOB}, "channel": {"id": "CTEAM"},
                "message": {"type": "message", "user": ALICE, "ts": "1700000001.000200",
                            "text": "See <https://example.com/faq|our FAQ>, mail <mailto:a@b.example|a@b.example>"}}
    assert (await slack.interact(shortcut))[0] == 200
    report = (await fake.wait_for("chat.postMessage"))[0]
    assert report["thread_ts"] == "1700000001.000200"
    assert fake_checker.drafts[0].text == "See our FAQ (https://example.com/faq), mail a@b.example"
    draft = await slack.service.workflow.get(1)
    assert (draft.author, draft.channel, draft.thread) == (ALICE, "CTEAM", "1700000001.000200")


async def test_watched_channel_message_with_mentions_and_files_is_a_draft(slack, fake, fake_checker) -> None:
    """Mentions become names, attached files become context.attachments."""
    msg = new_message("Hi <@UCAROL>, see <#C42|returns>", subtype="file_share",
                      files=[{"name": "manual.pdf", "filetype": "pdf"}])
    assert (await slack.event(msg, "Ev1"))[0] == 200
    report = (await fake.wait_for("chat.postMessage"))[0]
    assert report["thread_ts"] == msg["ts"] and report["channel"] == WATCHED
    assert fake_checker.drafts[0].text == "Hi @ucarol-display, see #returns"
    assert fake_checker.drafts[0].context.attachments == ["manual.pdf"]


async def test_ignores_other_channels_thread_replies_own_and_other_bots_messages(slack, fake) -> None:
    await slack.event({**new_message("x"), "channel": "COTHER"}, "Ev1")
    await slack.event(new_message("reply", ts="2.0", thread_ts="1.0"), "Ev2")
    await slack.event(new_message("mine", user="UBOT"), "Ev3")
    await slack.event(new_message("other bot", bot_id="B9", subtype="bot_message"), "Ev4")
    await fake.settle()
    assert fake.of("chat.postMessage") == []


async def test_editing_a_watched_draft_updates_the_report_in_place(slack, fake, fake_checker) -> None:
    first = await watched_draft(slack, fake, "Write to a@b.example")
    first_ts = "9001.000100"
    edit = {"type": "message", "subtype": "message_changed", "channel": WATCHED, "ts": "1700000005.000000",
            "message": new_message("Write to us here on Amazon.", edited={"user": ALICE, "ts": "1700000005.0"}),
            "previous_message": new_message("Write to a@b.example")}
    assert (await slack.event(edit, "EvEdit"))[0] == 200
    updated = (await fake.wait_for("chat.update"))[0]
    assert updated["ts"] == first_ts and updated["channel"] == WATCHED
    assert "version 2" in texts(updated) and "No problems found" in texts(updated)
    assert "earlier approvals no longer count" in texts(updated)
    assert len(fake.of("chat.postMessage")) == 1 and "Email address" in texts(first)
    assert len(fake_checker.drafts) == 2


# -- buttons ----------------------------------------------------------------------------------


async def test_approve_refused_for_a_non_approver_then_approved_and_marked_sent(slack, fake) -> None:
    report = await watched_draft(slack, fake, "Your parcel ships today.")
    value = actions_of(report)["checkmsg_approve"]
    await slack.interact(button("checkmsg_approve", value, DAN, "9001.000100"))
    refusal = (await fake.wait_for("chat.postEphemeral"))[0]
    assert refusal["user"] == DAN and "Only approvers" in refusal["text"]
    await slack.interact(button("checkmsg_approve", value, ALICE, "9001.000100"))
    assert "a draft you wrote" in (await fake.wait_for("chat.postEphemeral", 2))[1]["text"]
    await slack.interact(button("checkmsg_approve", value, BOB, "9001.000100"))
    approved = (await fake.wait_for("chat.update"))[0]
    assert approved["ts"] == "9001.000100" and "Approved by ubob-display" in texts(approved)
    assert list(actions_of(approved)) == ["checkmsg_sent", "checkmsg_changes", "checkmsg_withdraw"]
    await slack.interact(button("checkmsg_sent", actions_of(approved)["checkmsg_sent"], ALICE, "9001.000100"))
    sent = (await fake.wait_for("chat.update", 2))[1]
    assert "Sent, marked by ualice-display" in texts(sent) and actions_of(sent) == {}


async def test_request_changes_asks_why_in_a_dialog_and_updates_the_report(slack, fake) -> None:
    report = await watched_draft(slack, fake, "Your parcel ships today.")
    await slack.interact(button("checkmsg_changes", actions_of(report)["checkmsg_changes"], BOB, "9001.000100"))
    view = (await fake.wait_for("views.open"))[0]["view"]
    assert view["callback_id"] == "checkmsg_reason"
    status, body = await slack.interact(view_submission(view, BOB, {"reason": {"value": " "}}))
    assert json.loads(body)["response_action"] == "errors"
    await slack.interact(view_submission(view, BOB, {"reason": {"value": "Name the carrier"}}))
    updated = (await fake.wait_for("chat.update"))[0]
    assert updated["ts"] == "9001.000100"
    assert "Changes requested by ubob-display (Name the carrier)" in texts(updated)
    assert list(actions_of(updated)) == ["checkmsg_changes", "checkmsg_withdraw"]  # no Approve now


async def test_override_is_for_approvers_and_needs_a_reason(slack, fake) -> None:
    report = await watched_draft(slack, fake, "Mail me at a@b.example")
    value = actions_of(report)["checkmsg_override"]
    assert "checkmsg_approve" not in actions_of(report)  # no green Approve on a draft with errors
    await slack.interact(button("checkmsg_approve", value, BOB, "9001.000100"))  # an old report's button
    assert "with Override" in (await fake.wait_for("chat.postEphemeral"))[0]["text"]
    await slack.interact(button("checkmsg_override", value, DAN, "9001.000100"))
    assert "Only approvers" in (await fake.wait_for("chat.postEphemeral", 2))[1]["text"]
    await slack.interact(button("checkmsg_override", value, ALICE, "9001.000100"))
    own = (await fake.wait_for("chat.postEphemeral", 3))[2]["text"]
    assert "a draft you wrote" in own and fake.of("views.open") == []  # told before any dialog
    await slack.interact(button("checkmsg_override", value, BOB, "9001.000100"))
    view = (await fake.wait_for("views.open"))[0]["view"]
    await slack.interact(view_submission(view, BOB, {"reason": {"value": "Buyer asked for our address"}}))
    updated = (await fake.wait_for("chat.update"))[0]
    assert "Approved by ubob-display" in texts(updated) and "overrode" in texts(updated)
    events = await slack.store.audit_events()
    assert [e["reason"] for e in events if e["action"] == "approved_override"] == ["Buyer asked for our address"]


# -- delivery ------------------------------------------------------------------------------------


async def test_a_retried_event_gets_one_reply(slack, fake) -> None:
    msg = new_message("Your parcel ships today.")
    assert (await slack.event(msg, "EvRetry"))[0] == 200
    assert (await slack.event(msg, "EvRetry", headers={"X-Slack-Retry-Num": "1",
                                                       "X-Slack-Retry-Reason": "http_timeout"}))[0] == 200
    await fake.wait_for("chat.postMessage")
    await fake.settle()
    assert len(fake.of("chat.postMessage")) == 1


@pytest.mark.parametrize(
    ("secret", "age"),
    [("not-the-secret", 0), (None, 0), (SECRET, 6 * 60)],
    ids=["forged", "unsigned", "stale"],
)
async def test_forged_unsigned_and_stale_requests_are_refused(slack, fake, secret, age) -> None:  # noqa: ANN001
    status, _ = await slack.event(new_message("Mail me at a@b.example"), "EvForged", secret=secret, age=age)
    assert status == 401
    await fake.settle()
    assert [c.method for c in fake.calls if c.method != "auth.test"] == []


async def test_a_429_from_slack_is_waited_out_and_the_reply_still_arrives(slack, fake) -> None:
    fake.rate_limit("chat.postMessage", retry_after=0)
    await slack.event(new_message("Your parcel ships today."), "Ev429")
    replies = await fake.wait_for("chat.postMessage")
    assert len(fake.of("chat.postMessage", status=429)) == 1 and len(replies) == 1


async def test_two_replicas_on_one_database_post_one_reply(database, fake) -> None:
    """Slack delivers one event to both replicas at once (a retry landing elsewhere): one reply."""
    replicas = [await Replica(await database.open(), fake, FakeChecker()).start() for _ in range(2)]
    try:
        msg = new_message("Your parcel ships today.")
        results = await asyncio.gather(*(r.event(msg, "EvBoth") for r in replicas))
        assert [status for status, _ in results] == [200, 200]
        await fake.wait_for("chat.postMessage")
        await fake.settle()
        assert len(fake.of("chat.postMessage")) == 1
    finally:
        for replica in replicas:
            await replica.close()


async def test_a_report_too_long_for_four_messages_is_attached_as_a_file(store, fake) -> None:
    """A draft with hundreds of different findings: the head keeps verdict and buttons; the full report
    goes up as a file."""
    inner = FakeChecker()

    async def many(draft, settings):  # noqa: ANN001, ANN202
        report = await inner(draft, settings)
        found = report.findings[0]
        return Report(findings=[found.model_copy(update={"rule": f"contact.r{n}"}) for n in range(300)],
                      language="en")

    replica = await Replica(store, fake, many).start()
    try:
        await replica.event(new_message("Mail me at a@b.example"), "EvLong")
        head = (await fake.wait_for("chat.postMessage"))[0]
        assert "checkmsg_override" in actions_of(head) and "attached file" in texts(head)
        complete = (await fake.wait_for("files.completeUploadExternal"))[0]
        assert complete["thread_ts"] == "1700000000.000100"
        uploaded = next(iter(fake.uploads.values())).decode()
        assert all(f"contact.r{n}\n" in uploaded for n in range(300))
    finally:
        await replica.close()


async def test_healthz(slack) -> None:
    async with slack.http.get(slack.url + "/healthz") as response:
        assert response.status == 200 and (await response.json())["ok"] is True


# -- Socket Mode ----------------------------------------------------------------------------------


class RecordingSocketClient:
    """Stands in for the Socket Mode WebSocket client: keeps the envelopes the app acknowledged."""

    def __init__(self) -> None:
        import logging

        self.logger = logging.getLogger("test.socket")
        self.acks: list[Any] = []

    async def send_socket_mode_response(self, response: Any) -> None:
        self.acks.append(response)


async def test_socket_mode_handler_acks_the_envelope_and_replies(store, fake, fake_checker) -> None:
    settings = SlackSettings(bot_token="xoxb-test", app_token="xapp-test", api_url=fake.base_url,
                             watch_channels=[WATCHED])
    service = ChatService(make_workflow(store, fake_checker, approvers=(BOB,)))
    replies = SlackReplies(service, EventLedger(store), settings)
    app = build_app(settings, service, replies.ledger, make_client(settings), http=False, replies=replies)
    handler = AsyncSocketModeHandler(app, settings.app_token)
    client = RecordingSocketClient()
    body = event_body(new_message("Mail me at a@b.example"), "EvSocket")
    await handler.handle(client, SocketModeRequest(type="events_api", envelope_id="env-1", payload=body))
    assert [a.envelope_id for a in client.acks] == ["env-1"]
    report = (await fake.wait_for("chat.postMessage"))[0]
    assert "Email address" in texts(report)
    await handler.handle(client, SocketModeRequest(type="events_api", envelope_id="env-2", payload=body,
                                                   retry_attempt=1, retry_reason="timeout"))
    await replies.idle()
    await handler.close_async()
    assert len(fake.of("chat.postMessage")) == 1
