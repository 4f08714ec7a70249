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
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.chat import ChatResult, ChatService, EventLedger, message
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
    app = AsyncApp(
        client=client or make_client(settings),
        signing_secret=settings.signing_secret or None,
        request_verification_enabled=http,
        name="checkmsg",
    )
    register(app, replies or SlackReplies(service, ledger, settings))
    return app


@dataclass
class Person:
    name: str
    locale: str | None


class SlackReplies:
    """What the handlers share: the chat service and the Slack calls around it."""

    def __init__(self, service: ChatService, ledger: EventLedger, settings: SlackSettings) -> None:
        self.service = service
        self.ledger = ledger
        self.settings = settings
        self._people: dict[str, Person] = {}
        self._groups: tuple[float, dict[str, list[str]]] | None = None
        self._busy = 0
        self._quiet = asyncio.Condition()

    # -- work in flight (Bolt runs a listener on after the HTTP answer) --------------------

    def tracked(self, listener):  # noqa: ANN001, ANN201
        """``listener`` counted while it runs, so shutdown (and tests) can wait for it."""

        @functools.wraps(listener)
        async def run(**kwargs):  # noqa: ANN003, ANN202
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

    async def person(self, client: AsyncWebClient, user: str) -> Person:
        """The user's name and locale (users.info with include_locale), remembered."""
        if user not in self._people:
            try:
                info = (await client.users_info(user=user, include_locale=True))["user"]
                profile = info.get("profile") or {}
                name = profile.get("display_name") or info.get("real_name") or info.get("name") or user
                self._people[user] = Person(name, info.get("locale") or self.settings.default_locale)
            except Exception:  # noqa: BLE001 - a name is nice to have, never a reason to fail
                log.warning("users.info failed for %s", user, exc_info=True)
                return Person(user, self.settings.default_locale)
        return self._people[user]

    async def locale(self, client: AsyncWebClient, user: str) -> str | None:
        return (await self.person(client, user)).locale

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

    async def plain_text(self, client: AsyncWebClient, text: str) -> str:
        names = {uid: (await self.person(client, uid)).name for uid in mentioned_users(text)}
        return unslack(text, names)

    # -- replying --------------------------------------------------------------------

    async def check(
        self, client: AsyncWebClient, *, channel: str, thread: str, reply_to: str, author: str,
        text: str, context: Context | dict[str, Any] | None = None,
    ) -> ChatResult:
        """Check a draft and post the report in its thread (or update the earlier report in place)."""
        locale = await self.locale(client, author)
        plain = await self.plain_text(client, text)
        roles = await self.roles(client, author)
        result = await self.service.submit_draft(PLATFORM, channel, thread, author, plain, context, roles, locale)
        if not result.ok:
            await client.chat_postMessage(channel=channel, thread_ts=reply_to, text=result.error)
            return result
        if not result.recorded:
            return result  # the same text again: the report in the thread still stands
        await self.show(client, channel, thread, reply_to, result.draft, locale, result.notice)
        await slack_amazon.offer(self, client, channel, result.draft, locale)
        return result

    async def show(
        self, client: AsyncWebClient, channel: str, thread: str, reply_to: str,
        draft: DraftView, locale: str | None, notice: str | None = None,
    ) -> None:
        """Post the report, or rewrite the messages posted for this thread before."""
        reply = blocks.report_reply(draft, locale, notice)
        earlier = await self.ledger.replies(PLATFORM, channel, thread)
        ids = []
        for n, msg in enumerate(reply.messages):
            if n < len(earlier):
                await client.chat_update(channel=channel, ts=earlier[n], **msg)
                ids.append(earlier[n])
            else:
                posted = await client.chat_postMessage(channel=channel, thread_ts=reply_to, **msg)
                ids.append(posted["ts"])
        for ts in earlier[len(reply.messages):]:
            await client.chat_delete(channel=channel, ts=ts)
        await self.ledger.set_replies(PLATFORM, channel, thread, ids)
        if reply.file_text is not None:
            await client.files_upload_v2(
                channel=channel, thread_ts=reply_to, filename=reply.file_name,
                content=reply.file_text, title=reply.file_name,
            )

    async def decide(
        self, client: AsyncWebClient, *, user: str, action: str, draft_id: int, content_hash: str,
        channel: str, message_ts: str, reason: str | None = None,
    ) -> ChatResult:
        """Record a decision and update the report's first message in place."""
        locale = await self.locale(client, user)
        roles = await self.roles(client, user)
        result = await self.service.decide(PLATFORM, draft_id, user, action, content_hash, roles, reason, locale)
        if not result.ok:
            hint = message("hint.use_override", locale) if result.needs_reason and action != "override" else ""
            await self.tell(client, channel, user, f"{result.error} {hint}".strip())
            return result
        if result.notice:
            await self.tell(client, channel, user, result.notice)
        draft = result.draft
        author_locale = await self.locale(client, draft.author)
        head = blocks.report_reply(draft, author_locale).messages[0]
        await client.chat_update(channel=channel, ts=message_ts, **head)
        if result.recorded and draft.state == "approved":
            await slack_amazon.offer(self, client, channel, draft, locale)
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
    for action in (blocks.APPROVE, blocks.SENT):
        app.action(action)(track(_decision_button(r)))
    for action in (blocks.CHANGES, blocks.OVERRIDE):
        app.action(action)(track(_reason_button(r)))
    app.view(blocks.REASON_VIEW)(track(_reason_submitted(r)))
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
        await _post_draft_and_check(r, client, channel, user, text, None)

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
        await _post_draft_and_check(r, client, channel, body["user"]["id"], values.get("draft", ""), context)

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


def _decision_button(r: SlackReplies):  # noqa: ANN202
    async def decision_button(ack, body, action, client) -> None:  # noqa: ANN001
        """Approve and Mark as sent: decide at once, update the report in place."""
        await ack()
        value = json.loads(action["value"])
        kind = "approve" if action["action_id"] == blocks.APPROVE else "sent"
        await r.decide(
            client, user=body["user"]["id"], action=kind, draft_id=value["d"], content_hash=value["h"],
            channel=body["channel"]["id"], message_ts=body["container"]["message_ts"],
        )

    return decision_button


def _reason_button(r: SlackReplies):  # noqa: ANN202
    async def reason_button(ack, body, action, client) -> None:  # noqa: ANN001
        """Request changes and Override ask why in a dialog; Override is for approvers only."""
        await ack()
        user, channel = body["user"]["id"], body["channel"]["id"]
        if action["action_id"] == blocks.OVERRIDE and not r.service.may_approve(user, await r.roles(client, user)):
            await r.tell(client, channel, user, message("error.override_approvers", await r.locale(client, user)))
            return
        value = json.loads(action["value"])
        view = blocks.reason_modal(
            action["action_id"], value["d"], value["h"], channel, body["container"]["message_ts"],
            await r.locale(client, user),
        )
        await client.views_open(trigger_id=body["trigger_id"], view=view)

    return reason_button


def _reason_submitted(r: SlackReplies):  # noqa: ANN202
    async def reason_dialog(ack, body, view, client) -> None:  # noqa: ANN001
        reason = blocks.modal_values(view).get("reason")
        if not reason:
            await ack(response_action="errors", errors={"reason": message("error.reason_required")})
            return
        await ack()
        meta = json.loads(view["private_metadata"])
        await r.decide(
            client, user=body["user"]["id"],
            action="override" if meta["a"] == blocks.OVERRIDE else "request_changes",
            draft_id=meta["d"], content_hash=meta["h"], channel=meta["c"], message_ts=meta["t"], reason=reason,
        )

    return reason_dialog


# -- building the neutral request ------------------------------------------------------


async def _post_draft_and_check(
    r: SlackReplies, client: AsyncWebClient, channel: str, user: str, text: str, context: Context | None
) -> None:
    """A draft given to the bot directly is posted first, so its report has a thread to live in."""
    locale = await r.locale(client, user)
    posted = await client.chat_postMessage(
        channel=channel, text=message("draft.from", locale, who=f"<@{user}>"),
        blocks=blocks.draft_message(user, text, locale),
    )
    await r.check(
        client, channel=channel, thread=posted["ts"], reply_to=posted["ts"], author=user, text=text, context=context
    )


def _dialog_context(values: dict[str, str], locale: str | None = None) -> tuple[Context | None, dict[str, str]]:
    if not values.get("draft"):
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
