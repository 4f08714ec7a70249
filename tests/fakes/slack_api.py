"""A fake Slack Web API on 127.0.0.1 that records every call (for tests/test_slack*.py).

It answers the methods CheckMsg uses with what Slack would, numbers posted
messages like Slack's ``ts``, and can answer the next call of a method with
429 and ``Retry-After`` to test rate-limit handling.
"""

from __future__ import annotations

import asyncio
import itertools
import json
from dataclasses import dataclass
from typing import Any

from aiohttp import web

BOT_USER = "UBOT"


@dataclass
class Call:
    method: str
    args: dict[str, Any]
    status: int


class FakeSlackAPI:
    def __init__(self, locales: dict[str, str] | None = None) -> None:
        self.calls: list[Call] = []
        self.locales = locales or {}
        self._ts = itertools.count(1)
        self._limited: dict[str, list[int]] = {}
        self.uploads: dict[str, bytes] = {}
        self.usergroups: list[dict[str, Any]] = []
        self._changed = asyncio.Condition()
        self.base_url = ""

    async def start(self) -> FakeSlackAPI:
        app = web.Application()
        app.add_routes([web.route("*", "/api/{method}", self._api), web.post("/upload/{file}", self._upload)])
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        self.base_url = f"http://127.0.0.1:{port}/api/"
        return self

    async def close(self) -> None:
        await self._runner.cleanup()

    def rate_limit(self, method: str, times: int = 1, retry_after: int = 0) -> None:
        """Answer the next ``times`` calls of ``method`` with 429 and ``Retry-After``."""
        self._limited.setdefault(method, []).extend([retry_after] * times)

    def of(self, method: str, status: int = 200) -> list[dict[str, Any]]:
        return [c.args for c in self.calls if c.method == method and c.status == status]

    async def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[dict[str, Any]]:
        """The recorded calls of ``method`` once there are ``count`` answered with 200."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.of(method)) >= count), timeout
            )
        return self.of(method)

    async def settle(self, quiet: float = 0.3) -> None:
        """Wait until no call has arrived for ``quiet`` seconds (nothing more is coming)."""
        seen = -1
        while seen != len(self.calls):
            seen = len(self.calls)
            await asyncio.sleep(quiet)

    async def _api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args: dict[str, Any] = dict(request.query)
        if request.can_read_body:
            if request.content_type == "application/json":
                args.update(await request.json())
            else:
                args.update(dict(await request.post()))
        for key in ("blocks", "view"):
            if isinstance(args.get(key), str):
                args[key] = json.loads(args[key])
        limited = self._limited.get(method)
        if limited:
            retry_after = limited.pop(0)
            await self._record(Call(method, args, 429))
            return web.json_response(
                {"ok": False, "error": "ratelimited"}, status=429, headers={"Retry-After": str(retry_after)}
            )
        await self._record(Call(method, args, 200))
        return web.json_response(self._answer(method, args))

    async def _record(self, call: Call) -> None:
        async with self._changed:
            self.calls.append(call)
            self._changed.notify_all()

    def _answer(self, method: str, args: dict[str, Any]) -> dict[str, Any]:
        if method == "auth.test":
            return {"ok": True, "user_id": BOT_USER, "bot_id": "BBOT", "team_id": "T1", "user": "checkmsg"}
        if method == "chat.postMessage":
            return {"ok": True, "channel": args.get("channel"), "ts": f"{9000 + next(self._ts)}.000100",
                    "message": {"text": args.get("text")}}
        if method in ("chat.update", "chat.delete"):
            return {"ok": True, "channel": args.get("channel"), "ts": args.get("ts")}
        if method == "chat.postEphemeral":
            return {"ok": True, "message_ts": f"{9000 + next(self._ts)}.000200"}
        if method == "users.info":
            user = args["user"]
            return {"ok": True, "user": {"id": user, "name": user.lower(), "real_name": f"Real {user}",
                                         "locale": self.locales.get(user, "en-US"),
                                         "profile": {"display_name": f"{user.lower()}-display"}}}
        if method == "usergroups.list":
            return {"ok": True, "usergroups": self.usergroups}
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts)}"
            host = self.base_url.removesuffix("/api/")
            return {"ok": True, "upload_url": f"{host}/upload/{file_id}", "file_id": file_id}
        if method == "files.completeUploadExternal":
            return {"ok": True, "files": [{"id": f["id"], "title": f.get("title")} for f in _files(args)]}
        return {"ok": True}

    async def _upload(self, request: web.Request) -> web.Response:
        self.uploads[request.match_info["file"]] = await request.read()
        return web.Response(text="OK")


def _files(args: dict[str, Any]) -> list[dict[str, Any]]:
    files = args.get("files", [])
    return json.loads(files) if isinstance(files, str) else files
