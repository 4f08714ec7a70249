"""Running the Slack app: HTTP mode (``/slack/events`` + ``/healthz``, several
replicas behind a load balancer, state in the shared database) or Socket Mode
(one outbound WebSocket, no public URL)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from aiohttp import web
from slack_bolt.adapter.aiohttp import to_aiohttp_response, to_bolt_request
from slack_bolt.adapter.socket_mode.async_handler import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncApp

from bot.config import Config
from bot.services import Drain, open_services
from bot.store import Store, StoreUnavailable

from .app import SlackReplies, build_app
from .settings import SlackSettings

EVENTS_PATH = "/slack/events"
log = logging.getLogger("checkmsg.slack")


@dataclass
class Running:
    app: AsyncApp
    store: Store
    replies: SlackReplies
    drain: Drain


@asynccontextmanager
async def open_app(
    settings: SlackSettings, config: Config, *, http: bool, checker=None, client=None  # noqa: ANN001
) -> AsyncIterator[Running]:
    """The services (bot/services.py) and the AsyncApp on them. On the way out the app takes
    no new work, the replies in flight finish (up to 30 s), then the store closes."""
    settings = settings.for_team(config.checks.ui_language)
    async with open_services(config.review, config.checks, checker=checker, amazon=config.amazon) as services:
        replies = SlackReplies(services.chat, services.ledger, settings)
        app = build_app(settings, services.chat, services.ledger, client, http=http, replies=replies)
        drain = Drain()
        try:
            yield Running(app, services.store, replies, drain)
        finally:
            replies.accepting = False
            await drain.finish(replies.idle)


def web_app(app: AsyncApp, store: Store, replies: SlackReplies | None = None) -> web.Application:
    """Slack's requests on ``/slack/events`` (Bolt verifies the signature) and ``GET /healthz``.
    While the bot drains, events are answered 503 so that Slack retries them elsewhere."""

    async def events(request: web.Request) -> web.Response:
        if replies is not None and not replies.accepting:
            return web.json_response({"ok": False, "error": "shutting down"}, status=503)
        return await to_aiohttp_response(await app.async_dispatch(await to_bolt_request(request)))

    async def healthz(_request: web.Request) -> web.Response:
        try:
            await store.ping()
        except StoreUnavailable as exc:
            return web.json_response({"ok": False, "database": exc.message}, status=503)
        return web.json_response({"ok": True})

    web_application = web.Application()
    web_application.add_routes([web.post(EVENTS_PATH, events), web.get("/healthz", healthz)])
    return web_application


async def serve_http(settings: SlackSettings, config: Config, host: str = "0.0.0.0", checker=None) -> None:  # noqa: ANN001
    """Serve until SIGTERM or SIGINT, then drain: new requests get 503 (Slack retries them
    elsewhere), replies in flight finish, the database closes."""
    async with open_app(settings, config, http=True, checker=checker) as running:
        running.drain.install()
        runner = web.AppRunner(web_app(running.app, running.store, running.replies))
        await runner.setup()
        await web.TCPSite(runner, host, settings.port).start()
        log.info("CheckMsg for Slack listening on %s:%s%s", host, settings.port, EVENTS_PATH)
        try:
            await running.drain.wait()
            running.replies.accepting = False
            await running.drain.finish(running.replies.idle)
        finally:
            await runner.cleanup()


async def serve_socket(settings: SlackSettings, config: Config, checker=None) -> None:  # noqa: ANN001
    async with open_app(settings, config, http=False, checker=checker) as running:
        running.drain.install()
        handler = AsyncSocketModeHandler(running.app, settings.app_token)
        log.info("CheckMsg for Slack connecting in Socket Mode")
        await handler.connect_async()
        try:
            await running.drain.wait()
        finally:
            await handler.disconnect_async()  # no new envelopes; the ones taken finish below
            running.replies.accepting = False
            await running.drain.finish(running.replies.idle)
            await handler.close_async()
