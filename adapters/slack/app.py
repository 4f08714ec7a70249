"""The Slack app: ways in (/checkmsg, its dialog, the message shortcut, watched
channels and their edits) and the decision buttons.

Every handler acknowledges first (Slack wants an answer within 3 seconds;
Bolt runs the rest of the handler after the HTTP response), builds the
neutral request, awaits :mod:`bot.chat`, and replies in the draft's thread
through :class:`SlackReplies`.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import time
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot import policy
from bot.chat import (
    ChatRequest,
    ChatResult,
    ChatService,
    EventLedger,
    Names,
    Person,
    Place,
    Pressed,
    message,
    publish,
)
from bot.review import DraftView
from checks import Context, i18n

from . import amazon as slack_amazon
from . import blocks
from .settings import SlackSettings
from .text import mentioned_users, unslack

PLATFORM = "slack"
log = logging.getLogger("checkmsg.slack")


def make_client(settings: SlackSettings) -> AsyncWebClient:
    """A Web API client that waits out 429s (Retry-After) and retries dropped connections."""
    return AsyncWebClient(
        token=settings.bot_token,
        base_url=settings.api_url,
        retry_handlers=[AsyncConnectionErrorRetryHandler(), AsyncRateLimitErrorRetryHandler(max_retry_count=3)],
    )


def build_app(
    settings: SlackSettings,
    service: ChatService,
    ledger: EventLedger,
    client: AsyncWebClient | None = None,
    *,
    http: bool = True,
    replies: SlackReplies | None = None,
) -> AsyncApp:
    """An AsyncApp with CheckMsg's listeners. ``http``: verify Slack's request signatures.

    Pass ``replies`` to keep a handle on it (``await replies.idle()`` waits for work in flight).
    """
    quiet_bolt_logs()
    app = AsyncApp(
        client=client or make_client(settings),
        signing_secret=settings.signing_secret or None,
        request_verification_enabled=http,
        name="checkmsg",
    )
    register(app, replies or SlackReplies(service, ledger, settings))
    return app


class _NoRequestBodies(logging.Filter):
    """Bolt logs the whole body of a request whose signature it refused, at INFO: a draft's
    text among it. Keep the line, drop the body."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if ", body: " in text:
            record.msg, record.args = text.split(", body: ", 1)[0] + ")", None
        return True


def quiet_bolt_logs() -> None:
    """No request bodies (draft text) in Bolt's logs; idempotent."""
    for name in ("slack_bolt.AsyncRequestVerification", "slack_bolt.RequestVerification"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, _NoRequestBodies) for f in logger.filters):
            logger.addFilter(_NoRequestBodies())


@dataclass
class Profile:
    name: str
    locale: str | None


class SlackSurface:
    """A Slack conversation as ``bot.chat.publish`` writes to it: messages in one thread."""

    def __init__(self, client: AsyncWebClient, channel: str, reply_to: str) -> None:
        self.client, self.channel, self.reply_to = client, channel, reply_to

    async def post(self, message: dict[str, Any]) -> str:
        return (await self.client.chat_postMessage(channel=self.channel, thread_ts=self.reply_to, **message))["ts"]

    async def edit(self, message_id: str, message: dict[str, Any]) -> bool:
        try:
            await self.client.chat_update(channel=self.channel, ts=message_id, **message)
        except SlackApiError as exc:
            if exc.response.get("error") in ("message_not_found", "cant_update_message"):
                return False
            raise
        return True

    async def delete(self, message_id: str) -> None:
        await self.client.chat_delete(channel=self.channel, ts=message_id)

    async def attach(self, name: str, text: str) -> None:
        await self.client.files_upload_v2(channel=self.channel, thread_ts=self.reply_to, filename=name,
                                          content=text, title=name)


class SlackReplies:
    """What the handlers share: the chat service and the Slack calls around it."""

    def __init__(self, service: ChatService, ledger: EventLedger, settings: SlackSettings) -> None:
        self.service = service
        self.ledger = ledger
        self.settings = settings
        self._people: dict[str, Profile] = {}
        self._groups: tuple[float, dict[str, list[str]]] | None = None
        self._busy = 0
        self._quiet = asyncio.Condition()
        self.accepting = True

    # -- work in flight (Bolt runs a listener on after the HTTP answer) --------------------

    def tracked(self, listener):  # noqa: ANN001, ANN201
        """``listener`` counted while it runs, so shutdown (and tests) can wait for it.
        Once the bot is stopping (``accepting`` False) new work is acknowledged and dropped:
        Slack retries it, and another replica answers."""

        @functools.wraps(listener)
        async def run(**kwargs):  # noqa: ANN003, ANN202
            if not self.accepting:
                if "ack" in kwargs:
                    await kwargs["ack"]()
                return None
            self._busy += 1
            try:
                return await listener(**kwargs)
            finally:
                self._busy -= 1
                async with self._quiet:
                    self._quiet.notify_all()

        return run

    async def idle(self) -> None:
        """Return once no listener is running."""
        async with self._quiet:
            await self._quiet.wait_for(lambda: self._busy == 0)

    # -- who is asking ---------------------------------------------------------------

    async def profile(self, client: AsyncWebClient, user: str) -> Profile:
        """The user's name and locale (users.info with include_locale), remembered."""
        if user not in self._people:
            try:
                info = (await client.users_info(user=user, include_locale=True))["user"]
                profile = info.get("profile") or {}
                name = profile.get("display_name") or info.get("real_name") or info.get("name") or user
                self._people[user] = Profile(name, info.get("locale") or self.settings.default_locale)
            except Exception:  # noqa: BLE001 - a name is nice to have, never a reason to fail
                log.warning("users.info failed for %s", user, exc_info=True)
                return Profile(user, self.settings.default_locale)
        return self._people[user]

    async def locale(self, client: AsyncWebClient, user: str) -> str | None:
        return (await self.profile(client, user)).locale

    async def roles(self, client: AsyncWebClient, user: str) -> list[str]:
        """Handles and ids of the user groups the user is in, when approver_roles are configured."""
        if not self.service.workflow.settings.approver_roles:
            return []
        if self._groups is None or time.monotonic() - self._groups[0] > 300:
            groups = (await client.usergroups_list(include_users=True)).get("usergroups", [])
            self._groups = (time.monotonic(), {g["id"]: [g.get("handle", ""), *g.get("users", [])] for g in groups})
        return [
            name
            for gid, (handle, *users) in self._groups[1].items()
            if user in users
            for name in (gid, handle)
            if name
        ]

    async def request(
        self, client: AsyncWebClient, user: str, channel: str, thread: str = "", text: str = "",
        context: Context | dict[str, Any] | None = None,
    ) -> ChatRequest:
        """The neutral request for ``user`` in this conversation (built once per Slack event)."""
        profile = await self.profile(client, user)
        who = Person(user, profile.name, tuple(await self.roles(client, user)))
        return ChatRequest(who, Place(PLATFORM, channel, thread), text, context, profile.locale)

    async def names(self, client: AsyncWebClient, draft: DraftView) -> Names:
        """People on a report by their Slack display names (resolved once, then remembered)."""
        ids = {draft.author, draft.submitted_by, *(d.actor for d in draft.decisions)}
        known = {uid: (await self.profile(client, uid)).name for uid in ids}
        return lambda uid: known.get(uid, uid)

    async def plain_text(self, client: AsyncWebClient, text: str) -> str:
        names = {uid: (await self.profile(client, uid)).name for uid in mentioned_users(text)}
        return unslack(text, names)

    # -- replying --------------------------------------------------------------------

    async def check(
        self, client: AsyncWebClient, *, channel: str, thread: str, reply_to: str, author: str,
        text: str, context: Context | dict[str, Any] | None = None,
    ) -> ChatResult:
        """Check a draft and post the report in its thread (or update the earlier report in place)."""
        plain = await self.plain_text(client, text)
        request = await self.request(client, author, channel, thread, plain, context)
        result = await self.service.submit_draft(request)
        if not result.ok:
            earlier = await self.ledger.replies(PLATFORM, channel, thread)
            if earlier[:1] == [thread]:  # the "checking…" message /checkmsg posted
                await client.chat_update(channel=channel, ts=earlier[0], text=result.error, blocks=[])
            else:
                await client.chat_postMessage(channel=channel, thread_ts=reply_to, text=result.error)
            return result
        if not result.recorded:
            return result  # the same text again: the report in the thread still stands
        await self.show(client, reply_to, result.draft, request.locale, result.notice)
        await slack_amazon.offer(self, client, channel, result.draft, request.locale)
        return result

    async def show(
        self, client: AsyncWebClient, reply_to: str, draft: DraftView, locale: str | None, notice: str | None = None,
    ) -> None:
        """Post the report, or rewrite the messages posted for this draft's thread before."""
        reply = blocks.report_reply(
            draft, locale, notice, actions=self.service.buttons(draft), names=await self.names(client, draft)
        )
        where = Place(PLATFORM, draft.channel, draft.thread)
        attachment = (reply.file_name, reply.file_text) if reply.file_text is not None else None
        await publish(self.ledger, where, SlackSurface(client, draft.channel, reply_to), reply.messages, attachment)

    async def pressed(self, client: AsyncWebClient, body: dict[str, Any], action: dict[str, Any]) -> None:
        """A report button: refused at once when this person may not take it, else a dialog
        (a reason, or order details) or the decision."""
        user, channel = body["user"]["id"], body["channel"]["id"]
        value = json.loads(action["value"])
        pressed = Pressed(blocks.action_of(action["action_id"]) or action["action_id"], int(value["d"]), value["h"])
        request = await self.request(client, user, channel)
        checked = await self.service.may(request, pressed)
        if not checked.ok:
            await self.tell(client, channel, user, checked.error or "")
            return
        message_ts = body["container"]["message_ts"]
        if pressed.action == policy.EDIT:
            view = blocks.details_modal(pressed.draft_id, channel, message_ts, request.locale)
            await client.views_open(trigger_id=body["trigger_id"], view=view)
        elif checked.needs_reason:
            view = blocks.reason_modal(
                action["action_id"], pressed.draft_id, pressed.content_hash, channel, message_ts, request.locale
            )
            await client.views_open(trigger_id=body["trigger_id"], view=view)
        else:
            await self.decide(client, request, pressed)

    async def decide(self, client: AsyncWebClient, request: ChatRequest, pressed: Pressed) -> ChatResult:
        """Record a decision and update the report in place."""
        result = await self.service.decide(request, pressed)
        user, channel = request.who.id, request.where.channel
        if not result.ok:
            await self.tell(client, channel, user, result.error or "")
            return result
        if result.notice:
            await self.tell(client, channel, user, result.notice)
        draft = result.draft
        await self.show(client, draft.thread, draft, await self.locale(client, draft.author))
        if result.recorded and draft.state == "approved":
            await slack_amazon.offer(self, client, draft.channel, draft, request.locale)
        return result

    async def tell(self, client: AsyncWebClient, channel: str, user: str, text: str) -> None:
        """A message only ``user`` sees."""
        await client.chat_postEphemeral(channel=channel, user=user, text=text)


# -- listeners -----------------------------------------------------------------------


def register(app: AsyncApp, replies: SlackReplies) -> None:
    r, track = replies, replies.tracked
    app.command("/checkmsg")(track(_command(r)))
    app.view(blocks.DRAFT_VIEW)(track(_draft_submitted(r)))
    app.shortcut(blocks.SHORTCUT)(track(_shortcut(r)))
    app.event("message")(track(_message(r)))
    for button in blocks.BUTTONS.values():
        app.action(button.action_id)(track(_button(r)))
    app.view(blocks.REASON_VIEW)(track(_reason_submitted(r)))
    app.view(blocks.DETAILS_VIEW)(track(_details_submitted(r)))
    slack_amazon.register(app, r)


def _command(r: SlackReplies):  # noqa: ANN202
    async def checkmsg_command(ack, command, client) -> None:  # noqa: ANN001
        """`/checkmsg <draft>` checks the draft; `/checkmsg` alone opens the dialog."""
        await ack()
        text, channel, user = command.get("text", ""), command["channel_id"], command["user_id"]
        if not text.strip():
            view = blocks.draft_modal(channel, await r.locale(client, user))
            await client.views_open(trigger_id=command["trigger_id"], view=view)
            return
        await _check_given_draft(r, client, channel, user, text, None)

    return checkmsg_command


def _draft_submitted(r: SlackReplies):  # noqa: ANN202
    async def draft_dialog(ack, body, view, client) -> None:  # noqa: ANN001
        """The dialog's draft and order facts; a bad field is shown under that field."""
        values = blocks.modal_values(view)
        context, errors = _dialog_context(values, await r.locale(client, body["user"]["id"]))
        if errors:
            await ack(response_action="errors", errors=errors)
            return
        await ack()
        channel = json.loads(view.get("private_metadata") or "{}").get("channel") or body["user"]["id"]
        await _check_given_draft(r, client, channel, body["user"]["id"], values.get("draft", ""), context)

    return draft_dialog


def _shortcut(r: SlackReplies):  # noqa: ANN202
    async def check_with_checkmsg(ack, shortcut, client) -> None:  # noqa: ANN001
        """The message shortcut: the message is the draft; its author wrote it."""
        await ack()
        msg, channel = shortcut["message"], shortcut["channel"]["id"]
        await r.check(
            client, channel=channel, thread=msg["ts"], reply_to=msg.get("thread_ts") or msg["ts"],
            author=msg.get("user") or shortcut["user"]["id"], text=msg.get("text", ""),
            context=_attachments(msg),
        )

    return check_with_checkmsg


def _message(r: SlackReplies):  # noqa: ANN202
    async def watched_message(body, event, client) -> None:  # noqa: ANN001
        """A new top-level message in a watched channel is a draft; editing it checks it again."""
        channel = event.get("channel")
        if channel not in r.settings.watch_channels:
            return
        subtype = event.get("subtype")
        msg = event.get("message", {}) if subtype == "message_changed" else event
        if subtype not in (None, "file_share", "message_changed") or _from_bot(msg):
            return
        if msg.get("thread_ts") not in (None, msg.get("ts")):
            return  # a reply in a thread is conversation, not a draft
        if subtype == "message_changed" and msg.get("text") == event.get("previous_message", {}).get("text"):
            return
        if not await r.ledger.claim(PLATFORM, body.get("event_id") or f"{channel}:{msg.get('ts')}:{subtype}"):
            return  # a retry, or another replica has it
        await r.check(
            client, channel=channel, thread=msg["ts"], reply_to=msg["ts"], author=msg["user"],
            text=msg.get("text", ""), context=_attachments(msg),
        )

    return watched_message


def _button(r: SlackReplies):  # noqa: ANN202
    async def report_button(ack, body, action, client) -> None:  # noqa: ANN001
        """Any button on a report: what it does, and who may press it, is bot.policy's."""
        await ack()
        await r.pressed(client, body, action)

    return report_button


def _reason_submitted(r: SlackReplies):  # noqa: ANN202
    async def reason_dialog(ack, body, view, client) -> None:  # noqa: ANN001
        reason = blocks.modal_values(view).get("reason")
        if not reason:
            locale = await r.locale(client, body["user"]["id"])
            await ack(response_action="errors", errors={"reason": message("error.reason_required", locale)})
            return
        await ack()
        meta = json.loads(view["private_metadata"])
        request = await r.request(client, body["user"]["id"], meta["c"], text=reason)
        pressed = Pressed(blocks.action_of(meta["a"]) or meta["a"], int(meta["d"]), meta["h"])
        await r.decide(client, request, pressed)

    return reason_dialog


def _details_submitted(r: SlackReplies):  # noqa: ANN202
    async def details_dialog(ack, body, view, client) -> None:  # noqa: ANN001
        """Order details added to a draft: the same text checked again with them (a new version)."""
        user = body["user"]["id"]
        context, errors = _dialog_context(blocks.modal_values(view), await r.locale(client, user), draft=False)
        if errors:
            await ack(response_action="errors", errors=errors)
            return
        await ack()
        meta = json.loads(view["private_metadata"])
        request = await r.request(client, user, meta["c"], context=context)
        result = await r.service.add_context(request, int(meta["d"]))
        if not result.ok:
            await r.tell(client, meta["c"], user, result.error or "")
        elif result.recorded:
            await r.show(client, result.draft.thread, result.draft, request.locale, result.notice)

    return details_dialog


# -- building the neutral request ------------------------------------------------------


async def _check_given_draft(
    r: SlackReplies, client: AsyncWebClient, channel: str, user: str, text: str, context: Context | None
) -> None:
    """A draft given to the bot directly (command or dialog). Nothing is posted for a draft
    that cannot be checked (the person alone is told why); else a short "checking" message
    opens the thread, and the report replaces it in place. The draft is not posted: the
    report quotes what it needs."""
    locale = await r.locale(client, user)
    problem = r.service.problem(text, locale)
    if problem is not None:
        await r.tell(client, channel, user, problem)
        return
    placeholder = (await client.chat_postMessage(channel=channel, **blocks.checking_message(user, locale)))["ts"]
    await r.ledger.set_replies(PLATFORM, channel, placeholder, [placeholder])
    await r.check(client, channel=channel, thread=placeholder, reply_to=placeholder, author=user, text=text,
                  context=context)


def _dialog_context(
    values: dict[str, str], locale: str | None = None, *, draft: bool = True
) -> tuple[Context | None, dict[str, str]]:
    if draft and not values.get("draft"):
        return None, {"draft": message("error.draft_required", locale)}
    given = {k: values[k] for k in ("order_id", "marketplace", "buyer_language", "order_date", "delivery_date")
             if k in values}
    if "kind" in values:
        given["proactive"] = values["kind"] != "reply"
    try:
        return Context.model_validate(given), {}
    except ValidationError as exc:
        errors = {}
        for error in exc.errors():
            errors[str(error["loc"][0])] = i18n.localize(i18n.validation_problem(error), i18n.ui_language(locale))
        return None, errors


def _attachments(msg: dict[str, Any]) -> dict[str, Any] | None:
    names = [f.get("name") or f.get("title") or f"file.{f.get('filetype', 'bin')}" for f in msg.get("files") or []]
    return {"attachments": names} if names else None


def _from_bot(msg: dict[str, Any]) -> bool:
    return bool(msg.get("bot_id") or msg.get("subtype") == "bot_message" or not msg.get("user"))
