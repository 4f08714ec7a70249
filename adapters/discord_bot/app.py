"""The Discord client: intents, the commands it registers, and where events go (``Handlers``)."""

from __future__ import annotations

import asyncio

import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.chat import ChatService, EventLedger

from .amazon import AmazonButton
from .handlers import Handlers
from .settings import DiscordSettings
from .text import t
from .views import DecisionButton


def intents() -> discord.Intents:
    """Guilds (channels and roles), guild messages, and their content (privileged: switch it on
    in the Developer Portal) for the watched channels and edits."""
    wanted = discord.Intents.none()
    wanted.guilds = True
    wanted.guild_messages = True
    wanted.message_content = True
    return wanted


# Tasks discord.py runs our handlers in: events, slash commands, buttons.
HANDLER_TASKS = ("discord.py: on_", "CommandTree-invoker", "discord-ui-view-dispatch-")
SHUTDOWN_GRACE = 30.0  # seconds a closing bot waits for running handlers (bot/services.py DRAIN_SECONDS)


class CheckMsgBot(discord.Client):
    def __init__(self, settings: DiscordSettings, service: ChatService, ledger: EventLedger,
                 **options: object) -> None:
        super().__init__(intents=intents(), **options)
        self.settings = settings
        self.tree = app_commands.CommandTree(self)
        self.handlers = Handlers(self, settings, service, ledger)
        self.closing = False
        add_commands(self.tree, self.handlers, settings.guild_ids, settings.locale)

    async def login(self, token: str) -> None:
        if self.settings.api_url:
            use_api(self.settings.api_url)
        await super().login(token)

    async def setup_hook(self) -> None:
        if self.settings.gateway_url or self.settings.api_url:
            url = self.settings.gateway_url or (await self.http.get_bot_gateway())[1]
            use_gateway(url)
        # Buttons on reports posted before this start keep working: matched by custom_id.
        self.add_dynamic_items(DecisionButton, AmazonButton)
        for guild_id in self.settings.guild_ids:
            await self.tree.sync(guild=discord.Object(guild_id))

    async def close(self) -> None:
        """Stop taking work, let the handlers that are running finish (their
        replies and database writes, up to SHUTDOWN_GRACE) before the
        connection and then the store close; a handler cut off mid-write would
        leave a database connection checked out."""
        self.closing = True
        current = asyncio.current_task()
        running = [
            task for task in asyncio.all_tasks()
            if task is not current and not task.done() and task.get_name().startswith(HANDLER_TASKS)
        ]
        if running:
            await asyncio.wait(running, timeout=SHUTDOWN_GRACE)
        await super().close()

    async def on_message(self, message: discord.Message) -> None:
        if not self.closing:
            await self.handlers.watched_message(message)

    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        if not self.closing:
            await self.handlers.message_edited(payload)


def add_commands(tree: app_commands.CommandTree, handlers: Handlers, guild_ids: list[int],
                 locale: str | None = None) -> None:
    """``/checkmsg`` and the message menu "Check with CheckMsg", in each configured server.
    Discord registers their descriptions once, so they are in the team's ``locale``."""
    guilds = [discord.Object(guild_id) for guild_id in guild_ids]

    @app_commands.command(name="checkmsg", description=t("command.description", locale))
    @app_commands.describe(
        draft=t("option.draft", locale), order_id=t("option.order_id", locale),
        buyer_language=t("option.buyer_language", locale), marketplace=t("option.marketplace", locale),
        attachment=t("option.attachment", locale), delivery_date=t("option.delivery_date", locale),
        order_date=t("option.order_date", locale),
    )
    async def checkmsg(
        interaction: discord.Interaction,
        draft: str | None = None,
        order_id: str | None = None,
        buyer_language: str | None = None,
        marketplace: str | None = None,
        attachment: discord.Attachment | None = None,
        delivery_date: str | None = None,
        order_date: str | None = None,
    ) -> None:
        context = {"order_id": order_id, "buyer_language": buyer_language, "marketplace": marketplace,
                   "delivery_date": delivery_date, "order_date": order_date}
        await handlers.slash(interaction, draft, context, [attachment.filename] if attachment else [])

    async def check_message(interaction: discord.Interaction, message: discord.Message) -> None:
        await handlers.context_menu(interaction, message)

    tree.add_command(checkmsg, guilds=guilds)
    tree.add_command(app_commands.ContextMenu(name=t("menu.check", locale), callback=check_message), guilds=guilds)


# -- pointing the library elsewhere (a local fake in tests) -----------------------------
# discord.py has no per-client base URL: its REST routes are built on the class
# attribute Route.BASE, and a non-sharded client opens DEFAULT_GATEWAY.


def use_api(api_url: str) -> None:
    Route.BASE = api_url.rstrip("/")


def use_gateway(gateway_url: str) -> None:
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url)


def endpoints() -> tuple[str, yarl.URL]:
    """The REST base and gateway discord.py uses now (tests put them back after a run)."""
    return Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY


def restore_endpoints(saved: tuple[str, yarl.URL]) -> None:
    Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = saved
