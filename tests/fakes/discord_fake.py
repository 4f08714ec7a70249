"""A fake Discord on 127.0.0.1: the REST API and the gateway, enough for the real discord.py client.

The bot under test is the real ``discord.py`` client pointed at this server
(``DISCORD_API_URL``). It logs in over REST (``GET /users/@me``,
``/oauth2/applications/@me``), asks ``GET /gateway/bot`` where the gateway
is, and connects to the websocket here, which speaks HELLO, IDENTIFY, READY,
GUILD_CREATE and heartbeats. Tests then play people: ``slash_command``,
``context_menu``, ``click``, ``submit_modal``, ``post_message`` and
``edit_message`` send gateway events (INTERACTION_CREATE, MESSAGE_CREATE,
MESSAGE_UPDATE) as Discord would. Every REST call the bot makes is kept in
``calls``; messages, threads and commands it creates are kept too, so a test
reads what a person would see.

Only the endpoints CheckMsg uses are served; any other call is recorded
and answered 404, and ``unhandled`` lists them so a test can fail on them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import re
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

API_PREFIX = "/api/v10"

GUILD_TEXT, PUBLIC_THREAD = 0, 11
# Gateway opcodes.
DISPATCH, HEARTBEAT, IDENTIFY, RESUME, RECONNECT, HELLO, HEARTBEAT_ACK = 0, 1, 2, 6, 7, 10, 11


@dataclass
class Call:
    """One REST request the bot made."""

    method: str
    path: str  # without the /api/v10 prefix
    query: dict[str, str]
    json: Any
    files: dict[str, bytes] = field(default_factory=dict)  # filename -> content
    at: float = field(default_factory=time.monotonic)


@dataclass
class Person:
    id: int
    name: str
    roles: list[int] = field(default_factory=list)

    def user(self) -> dict[str, Any]:
        return {"id": str(self.id), "username": self.name, "discriminator": "0", "global_name": self.name,
                "avatar": None}

    def member(self) -> dict[str, Any]:
        return {"user": self.user(), "roles": [str(r) for r in self.roles], "joined_at": _now(), "deaf": False,
                "mute": False, "flags": 0, "nick": None, "permissions": "2248473465835073"}


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


class FakeDiscord:
    """One guild with a few channels and roles, a bot user, and whoever the test adds."""

    def __init__(self) -> None:
        self._ids = itertools.count(1_100_000_000_000_000_000)
        self.app_id = self.new_id()
        self.bot = Person(self.new_id(), "CheckMsg")
        self.guild_id = self.new_id()
        self.approver_role = self.new_id()
        self.channels: dict[int, dict[str, Any]] = {}
        self.messages: dict[int, dict[str, Any]] = {}
        self.people: dict[int, Person] = {}
        self.limits: list[tuple[str, str, float]] = []  # (method, path pattern, retry_after) still to answer 429
        self.limited: list[Call] = []  # the calls answered 429
        self.commands: dict[int, list[dict[str, Any]]] = {}  # guild id -> commands, as last overwritten
        self.calls: list[Call] = []
        self.unhandled: list[Call] = []
        self.identifies: list[dict[str, Any]] = []
        self.dispatched: dict[int, float] = {}  # interaction id -> when it was sent
        self._interaction_channels: dict[str, int] = {}  # token -> channel id
        self.refusals: list[tuple[str, str, int]] = []  # (method, path pattern, status) answered as errors
        self.clients: list[asyncio.Task] = []  # the running bots, to report one that crashed
        self._ws: web.WebSocketResponse | None = None
        self._seq = 0
        self._guild_created = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.general = self.add_channel("general")

    # -- set-up ------------------------------------------------------------------------

    def new_id(self) -> int:
        return next(self._ids)

    def add_channel(self, name: str) -> int:
        cid = self.new_id()
        self.channels[cid] = {"id": str(cid), "type": GUILD_TEXT, "name": name, "guild_id": str(self.guild_id),
                              "position": len(self.channels), "permission_overwrites": [], "nsfw": False,
                              "parent_id": None, "topic": None, "last_message_id": None, "rate_limit_per_user": 0}
        return cid

    def person(self, name: str, *, approver: bool = False) -> Person:
        person = Person(self.new_id(), name, [self.approver_role] if approver else [])
        self.people[person.id] = person
        return person

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{API_PREFIX}"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self._rest)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._ws is not None and not self._ws.closed:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- the gateway -------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(max_msg_size=0)
        await ws.prepare(request)
        self._ws = ws
        self._guild_created = asyncio.Event()
        await ws.send_json({"op": HELLO, "d": {"heartbeat_interval": 41250}, "s": None, "t": None})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            payload = json.loads(msg.data)
            op = payload.get("op")
            if op == HEARTBEAT:
                await ws.send_json({"op": HEARTBEAT_ACK, "d": None, "s": None, "t": None})
            elif op == IDENTIFY:
                self.identifies.append(payload["d"])
                await self._ready()
            elif op == RESUME:  # no session to resume here: ask for a fresh IDENTIFY
                await ws.send_json({"op": 9, "d": False, "s": None, "t": None})
        if self._ws is ws:
            self._ws = None
        return ws

    async def _ready(self) -> None:
        await self.dispatch("READY", {
            "v": 10, "user": {**self.bot.user(), "bot": True}, "guilds": [{"id": str(self.guild_id),
                                                                            "unavailable": True}],
            "session_id": f"session-{len(self.identifies)}", "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.app_id), "flags": 0}, "private_channels": [], "relationships": [],
        })
        await self.dispatch("GUILD_CREATE", self.guild_payload())
        self._guild_created.set()

    def guild_payload(self) -> dict[str, Any]:
        role = {"color": 0, "hoist": False, "managed": False, "mentionable": False, "flags": 0}
        return {
            "id": str(self.guild_id), "name": "Lumiwood", "icon": None, "owner_id": str(self.bot.id),
            "unavailable": False, "member_count": 3, "large": False, "features": [], "preferred_locale": "en-US",
            "roles": [
                {**role, "id": str(self.guild_id), "name": "@everyone", "position": 0, "permissions": "1024"},
                {**role, "id": str(self.approver_role), "name": "checkmsg-approvers", "position": 1,
                 "permissions": "1024"},
            ],
            "channels": [c for c in self.channels.values() if c["type"] == GUILD_TEXT],
            "threads": [], "members": [], "voice_states": [], "presences": [], "emojis": [], "stickers": [],
            "stage_instances": [], "guild_scheduled_events": [], "soundboard_sounds": [],
            "joined_at": _now(), "mfa_level": 0, "verification_level": 0, "default_message_notifications": 0,
            "explicit_content_filter": 0, "system_channel_id": None, "premium_tier": 0, "nsfw_level": 0,
        }

    async def connected(self, timeout: float = 10) -> None:
        """Wait until a bot identified and was sent READY and its guild."""
        await asyncio.wait_for(self._guild_created.wait(), timeout)

    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        if self._ws is None:
            raise AssertionError("no bot is connected to the fake gateway")
        self._seq += 1
        await self._ws.send_json({"op": DISPATCH, "t": event, "s": self._seq, "d": data})

    # -- what people do ----------------------------------------------------------------

    def _interaction(self, kind: int, person: Person, channel_id: int, data: dict[str, Any],
                     locale: str, **extra: Any) -> dict[str, Any]:
        iid = self.new_id()
        token = f"token-{iid}"
        self._interaction_channels[token] = channel_id
        return {
            "id": str(iid), "application_id": str(self.app_id), "type": kind, "token": token, "version": 1,
            "guild_id": str(self.guild_id), "channel_id": str(channel_id), "channel": self.channels[channel_id],
            "member": person.member(), "locale": locale, "guild_locale": "en-US",
            "app_permissions": "2248473465835073", "entitlements": [], "context": 0,
            "attachment_size_limit": 10 * 1024 * 1024,
            "authorizing_integration_owners": {"0": str(self.guild_id)}, "data": data, **extra,
        }

    async def _send_interaction(self, payload: dict[str, Any]) -> dict[str, Any]:
        self.dispatched[int(payload["id"])] = time.monotonic()
        await self.dispatch("INTERACTION_CREATE", payload)
        return payload

    def _command(self, name: str) -> dict[str, Any]:
        for command in self.commands.get(self.guild_id, []):
            if command["name"] == name:
                return command
        raise AssertionError(f"the bot did not register {name!r} for the guild; it has "
                             f"{[c['name'] for c in self.commands.get(self.guild_id, [])]}")

    async def slash_command(self, person: Person, name: str, options: dict[str, Any] | None = None, *,
                            files: dict[str, str] | None = None, channel_id: int | None = None,
                            locale: str = "en-US") -> dict[str, Any]:
        """Use a slash command; ``files`` maps attachment options to the uploaded file's name."""
        command = self._command(name)
        data = {"id": command["id"], "name": name, "type": 1, "guild_id": str(self.guild_id),
                "options": [{"name": k, "type": 3, "value": v} for k, v in (options or {}).items()]}
        for option, filename in (files or {}).items():
            attachment = self._attachment(filename, b"")
            data["options"].append({"name": option, "type": 11, "value": attachment["id"]})
            data.setdefault("resolved", {}).setdefault("attachments", {})[attachment["id"]] = attachment
        return await self._send_interaction(
            self._interaction(2, person, channel_id or self.general, data, locale))

    async def context_menu(self, person: Person, name: str, message: dict[str, Any], *,
                           locale: str = "en-US") -> dict[str, Any]:
        command = self._command(name)
        data = {"id": command["id"], "name": name, "type": 3, "guild_id": str(self.guild_id),
                "target_id": message["id"], "resolved": {"messages": {message["id"]: message}}}
        return await self._send_interaction(
            self._interaction(2, person, int(message["channel_id"]), data, locale))

    async def click(self, person: Person, message: dict[str, Any], label: str, *,
                    locale: str = "en-US") -> dict[str, Any]:
        """Press the button labelled ``label`` on a message the bot sent."""
        button = self.button(message, label)
        data = {"custom_id": button["custom_id"], "component_type": 2}
        return await self._send_interaction(
            self._interaction(3, person, int(message["channel_id"]), data, locale, message=message))

    def modal(self, callback: Call) -> dict[str, Any]:
        """The dialog the bot opened in answer to an interaction (callback type 9)."""
        assert callback.json["type"] == 9, f"the bot answered {callback.json['type']}, not with a dialog"
        return callback.json["data"]

    @staticmethod
    def modal_fields(modal: dict[str, Any]) -> dict[str, dict[str, Any]]:
        """The dialog's text inputs by label."""
        fields = {}
        for row in modal["components"]:
            for component in row.get("components") or [row.get("component")]:
                fields[component.get("label") or row.get("label")] = component
        return fields

    async def answer_modal(self, person: Person, interaction: dict[str, Any], values: dict[str, str], *,
                           locale: str = "en-US") -> dict[str, Any]:
        """Fill in the dialog the bot opened for ``interaction`` (by field label) and submit it."""
        modal = self.modal(await self.callback(interaction))
        fields = self.modal_fields(modal)
        by_id = {fields[label]["custom_id"]: value for label, value in values.items()}
        extra = {"message": interaction["message"]} if "message" in interaction else {}
        rows = [{"type": 1, "components": [{"type": 4, "custom_id": k, "value": v}]} for k, v in by_id.items()]
        payload = self._interaction(5, person, int(interaction["channel_id"]),
                                    {"custom_id": modal["custom_id"], "components": rows}, locale, **extra)
        return await self._send_interaction(payload)

    async def post_message(self, person: Person, channel_id: int, content: str, *,
                           attachments: list[str] = ()) -> dict[str, Any]:
        """A person writes in a channel (MESSAGE_CREATE)."""
        message = self._message(channel_id, person, {"content": content})
        message["attachments"] = [self._attachment(name, b"") for name in attachments]
        # Discord lists the users the content mentions in its mention syntax, with their member data.
        mentioned = [self.people[int(uid)] for uid in dict.fromkeys(re.findall(r"<@!?(\d+)>", content))
                     if int(uid) in self.people]
        message["mentions"] = [{**p.user(), "member": {k: v for k, v in p.member().items() if k != "user"}}
                               for p in mentioned]
        self.messages[int(message["id"])] = message
        await self.dispatch("MESSAGE_CREATE", message)
        return message

    async def edit_message(self, message: dict[str, Any], content: str) -> dict[str, Any]:
        """The author edits their message (MESSAGE_UPDATE)."""
        message.update(content=content, edited_timestamp=_now())
        await self.dispatch("MESSAGE_UPDATE", message)
        return message

    def rate_limit(self, method: str, pattern: str, times: int = 1, retry_after: float = 1.0) -> None:
        """Answer the next ``times`` matching calls with 429 and ``retry_after``, as Discord does
        (with the ``Via`` header discord.py looks for to tell Discord from Cloudflare)."""
        self.limits.extend([(method, pattern, retry_after)] * times)

    def refuse(self, method: str, pattern: str, status: int = 403) -> None:
        """Answer matching calls with an error from now on (a permission Discord would deny)."""
        self.refusals.append((method, pattern, status))

    # -- reading what the bot did ---------------------------------------------------

    def button(self, message: dict[str, Any], label: str) -> dict[str, Any]:
        for row in message.get("components") or []:
            for component in row.get("components", []):
                if component.get("label") == label:
                    return component
        raise AssertionError(f"no button {label!r} on message {message['id']}: {self.labels(message)}")

    @staticmethod
    def labels(message: dict[str, Any]) -> list[str]:
        return [c.get("label") for row in message.get("components") or [] for c in row.get("components", [])]

    def find(self, method: str, pattern: str) -> list[Call]:
        return [c for c in self.calls if c.method == method and re.fullmatch(pattern, c.path)]

    async def wait_for(self, method: str, pattern: str, *, count: int = 1, timeout: float = 10) -> list[Call]:
        """Wait until the bot made at least ``count`` calls matching; returns them all."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.find(method, pattern)
            if len(found) >= count:
                return found
            for client in self.clients:  # a bot that crashed will not call: say why at once
                if client.done() and not client.cancelled() and client.exception() is not None:
                    raise AssertionError("the bot stopped") from client.exception()
            if time.monotonic() > deadline:
                seen = "\n".join(f"  {c.method} {c.path}" for c in self.calls[-15:])
                raise AssertionError(f"no {count}x {method} {pattern} within {timeout}s; last calls:\n{seen}")
            await asyncio.sleep(0.02)

    async def callback(self, interaction: dict[str, Any], timeout: float = 10) -> Call:
        """The bot's answer to an interaction (its callback), waited for."""
        calls = await self.wait_for("POST", rf"/interactions/{interaction['id']}/[^/]+/callback", timeout=timeout)
        return calls[0]

    def answered_within(self, interaction: dict[str, Any]) -> float:
        call = self.find("POST", rf"/interactions/{interaction['id']}/[^/]+/callback")[0]
        return call.at - self.dispatched[int(interaction["id"])]

    def in_channel(self, channel_id: int, *, by_bot: bool = True) -> list[dict[str, Any]]:
        """Messages everyone sees in a channel (ephemeral answers are left out)."""
        return [m for m in self.messages.values() if int(m["channel_id"]) == channel_id
                and not (m["flags"] & 64) and (not by_bot or m["author"]["id"] == str(self.bot.id))]

    def report_in(self, thread: int) -> dict[str, Any]:
        """The bot's first message in a thread: its report."""
        messages = self.in_channel(thread)
        assert messages, f"no bot message in thread {thread}"
        return messages[0]

    def threads(self) -> list[dict[str, Any]]:
        return [c for c in self.channels.values() if c["type"] == PUBLIC_THREAD]

    # -- the REST API ------------------------------------------------------------------

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["tail"]
        body, files = await _read_body(request)
        call = Call(request.method, path, dict(request.query), body, files)
        self.calls.append(call)
        for n, (method, pattern, retry_after) in enumerate(self.limits):
            if method == request.method and re.fullmatch(pattern, path):
                del self.limits[n]
                self.limited.append(call)
                body = {"message": "You are being rate limited.", "retry_after": retry_after, "global": False}
                response = _json(body, status=429)
                response.headers.update({"Via": "1.1 google", "Retry-After": str(retry_after)})
                return response
        for method, pattern, status in self.refusals:
            if method == request.method and re.fullmatch(pattern, path):
                self.unhandled.append(call)
                return _json({"message": "Missing Permissions", "code": 50013}, status=status)
        for method, pattern, handler in self._routes():
            if method == request.method and (match := re.fullmatch(pattern, path)):
                result = handler(call, *match.groups())
                if result is None:
                    return web.Response(status=204)
                return _json(result)
        self.unhandled.append(call)
        return _json({"message": f"fake Discord does not serve {request.method} {path}", "code": 0}, status=404)

    def _routes(self) -> list[tuple[str, str, Any]]:
        return [
            ("GET", r"/users/@me", lambda c: {**self.bot.user(), "bot": True, "verified": True, "flags": 0,
                                             "mfa_enabled": False}),
            ("GET", r"/oauth2/applications/@me", self._app_info),
            ("GET", r"/gateway/bot", lambda c: {"url": self.gateway_url, "shards": 1, "session_start_limit": {
                "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}}),
            ("PUT", r"/applications/(\d+)/guilds/(\d+)/commands", self._overwrite_commands),
            ("PUT", r"/applications/(\d+)/commands", lambda c, app: [self._command_payload(x, None)
                                                                       for x in c.json]),
            ("POST", r"/interactions/(\d+)/([^/]+)/callback", self._interaction_callback),
            ("POST", r"/webhooks/(\d+)/([^/]+)", self._followup),
            ("PATCH", r"/webhooks/(\d+)/([^/]+)/messages/(@original|\d+)", self._edit_webhook_message),
            ("POST", r"/channels/(\d+)/messages", self._create_message),
            ("PATCH", r"/channels/(\d+)/messages/(\d+)", self._edit_message),
            ("GET", r"/channels/(\d+)/messages/(\d+)", lambda c, ch, mid: self.messages[int(mid)]),
            ("GET", r"/channels/(\d+)/messages", self._history),
            ("POST", r"/channels/(\d+)/messages/(\d+)/threads", self._thread_from_message),
            ("POST", r"/channels/(\d+)/threads", self._thread),
            ("GET", r"/channels/(\d+)", lambda c, ch: self.channels[int(ch)]),
        ]

    def _app_info(self, call: Call) -> dict[str, Any]:
        return {"id": str(self.app_id), "name": "CheckMsg", "description": "", "icon": None,
                "bot_public": False, "bot_require_code_grant": False, "owner": self.bot.user(), "team": None,
                "verify_key": "0" * 64, "flags": 0, "summary": "", "rpc_origins": [],
                "interactions_endpoint_url": None}

    def _command_payload(self, command: dict[str, Any], guild_id: int | None) -> dict[str, Any]:
        return {"id": str(self.new_id()), "application_id": str(self.app_id), "version": str(self.new_id()),
                "type": command.get("type", 1), "description": command.get("description", ""),
                "default_member_permissions": None, **command,
                **({"guild_id": str(guild_id)} if guild_id else {})}

    def _overwrite_commands(self, call: Call, app: str, guild: str) -> list[dict[str, Any]]:
        registered = [self._command_payload(c, int(guild)) for c in call.json]
        self.commands[int(guild)] = registered
        return registered

    def _message(self, channel_id: int, author: Person, body: dict[str, Any],
                 files: dict[str, bytes] | None = None, **extra: Any) -> dict[str, Any]:
        mid = self.new_id()
        return {
            "id": str(mid), "channel_id": str(channel_id), "guild_id": str(self.guild_id),
            "author": {**author.user(), **({"bot": True} if author is self.bot else {})},
            "member": {"roles": [str(r) for r in author.roles], "joined_at": _now(), "flags": 0, "deaf": False,
                       "mute": False, "nick": None},
            "content": body.get("content") or "", "timestamp": _now(), "edited_timestamp": None, "tts": False,
            "mention_everyone": False, "mentions": [], "mention_roles": [], "pinned": False, "type": 0,
            "flags": body.get("flags") or 0, "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "attachments": [self._attachment(name, data) for name, data in (files or {}).items()], **extra,
        }

    def _attachment(self, name: str, data: bytes) -> dict[str, Any]:
        aid = self.new_id()
        return {"id": str(aid), "filename": name, "size": len(data), "content_type": "text/plain",
                "url": f"http://127.0.0.1:{self.port}/attachments/{aid}/{name}",
                "proxy_url": f"http://127.0.0.1:{self.port}/attachments/{aid}/{name}", "data": data.decode(
                    "utf-8", "replace")}

    def _store(self, message: dict[str, Any]) -> dict[str, Any]:
        self.messages[int(message["id"])] = message
        return message

    def _create_message(self, call: Call, channel: str) -> dict[str, Any]:
        return self._store(self._message(int(channel), self.bot, call.json or {}, call.files))

    def _edit_message(self, call: Call, channel: str, mid: str) -> dict[str, Any]:
        message = self.messages[int(mid)]
        _apply_edit(message, call, self._attachment)
        return message

    def _history(self, call: Call, channel: str) -> list[dict[str, Any]]:
        found = [m for m in self.messages.values() if m["channel_id"] == channel]
        found.sort(key=lambda m: int(m["id"]), reverse=True)  # newest first, as Discord does
        return found[: int(call.query.get("limit", 50))]

    def _interaction_callback(self, call: Call, iid: str, token: str) -> dict[str, Any]:
        body = call.json or {}
        kind, data = body.get("type"), body.get("data") or {}
        resource: dict[str, Any] = {"type": kind}
        message_id = None
        if kind == 4:  # a message in answer
            message = self._store(self._message(self._interaction_channels[token], self.bot, data, call.files,
                                                interaction_token=token))
            message_id = message["id"]
            resource["message"] = message
        return {"interaction": {"id": iid, "type": 2, "response_message_id": message_id,
                                "response_message_loading": kind == 5,
                                "response_message_ephemeral": bool((data.get("flags") or 0) & 64)},
                "resource": resource}

    def _followup(self, call: Call, app: str, token: str) -> dict[str, Any]:
        return self._store(self._message(self._interaction_channels[token], self.bot, call.json or {}, call.files,
                                         interaction_token=token))

    def _edit_webhook_message(self, call: Call, app: str, token: str, mid: str) -> dict[str, Any]:
        if mid == "@original":
            originals = [m for m in self.messages.values() if m.get("interaction_token") == token]
            if not originals:
                originals = [self._store(self._message(self._interaction_channels[token], self.bot, {},
                                                       interaction_token=token))]
            message = originals[0]
        else:
            message = self.messages[int(mid)]
        _apply_edit(message, call, self._attachment)
        return message

    def _thread_from_message(self, call: Call, channel: str, mid: str) -> dict[str, Any]:
        thread = self._thread_payload(int(mid), int(channel), call.json["name"])
        self.messages[int(mid)]["thread"] = thread
        return thread

    def _thread(self, call: Call, channel: str) -> dict[str, Any]:
        return self._thread_payload(self.new_id(), int(channel), call.json["name"])

    def _thread_payload(self, tid: int, parent: int, name: str) -> dict[str, Any]:
        thread = {"id": str(tid), "type": PUBLIC_THREAD, "name": name, "guild_id": str(self.guild_id),
                  "parent_id": str(parent), "owner_id": str(self.bot.id), "message_count": 0, "member_count": 1,
                  "rate_limit_per_user": 0, "last_message_id": None, "flags": 0,
                  "thread_metadata": {"archived": False, "auto_archive_duration": 1440, "locked": False,
                                      "archive_timestamp": _now()}}
        self.channels[tid] = thread
        return thread


def _apply_edit(message: dict[str, Any], call: Call, attachment) -> None:
    body = call.json or {}
    for key in ("content", "embeds", "components", "flags"):
        if key in body:
            message[key] = body[key]
    if "attachments" in body:  # kept ones are named by id; new uploads come as files
        kept = {str(a.get("id")) for a in body["attachments"]}
        message["attachments"] = [a for a in message["attachments"] if a["id"] in kept]
    message["attachments"] += [attachment(name, data) for name, data in call.files.items()]
    message["edited_timestamp"] = _now()


def _json(data: Any, status: int = 200) -> web.Response:
    # discord.py parses a body as JSON only when the content type is exactly application/json.
    return web.Response(body=json.dumps(data).encode(), status=status, headers={"Content-Type": "application/json"})


async def _read_body(request: web.Request) -> tuple[Any, dict[str, bytes]]:
    if request.content_type.startswith("multipart/"):
        reader = await request.multipart()
        body, files = None, {}
        while (part := await reader.next()) is not None:
            data = await part.read()
            if part.name == "payload_json":
                body = json.loads(data)
            elif part.filename:
                files[part.filename] = bytes(data)
        return body, files
    raw = await request.read()
    return (json.loads(raw) if raw else None), {}
