"""Start the bot: ``checkmsg discord`` or ``python -m adapters.discord_bot``."""

from __future__ import annotations

import argparse
import asyncio
import sys

import discord

from bot.amazon.actions import connect as connect_amazon
from bot.chat import ChatService, EventLedger, start_html_worker
from bot.config import Config
from bot.review import ReviewWorkflow
from bot.store import Store, StoreUnavailable
from checks import i18n

from .app import CheckMsgBot
from .settings import DiscordSettings, SettingsError, load_settings


def add_discord_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    parser = subparsers.add_parser(
        "discord",
        help="run the Discord bot (settings from DISCORD_* environment variables)",
        description="Connect to Discord and check drafts sent with /checkmsg, the message menu "
        "'Check with CheckMsg', or in the watched channels. See README, section Discord.",
    )
    parser.add_argument("--database", help="database URL or SQLite file (default: [review] database_url)")
    return parser


def run_discord(args: argparse.Namespace, config: Config) -> int:
    lang = config.checks.ui_language
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"checkmsg discord: {i18n.localize(exc.args[0], lang)}", file=sys.stderr)
        return 2
    discord.utils.setup_logging()
    start_html_worker(config.checks)
    try:
        asyncio.run(serve(settings, config, database=getattr(args, "database", None)))
    except StoreUnavailable as exc:
        print(f"checkmsg discord: {i18n.localize(exc.message, lang)}", file=sys.stderr)
        return 3
    except discord.LoginFailure:
        refused = i18n.say(lang, "discord.token-refused", "Discord refused DISCORD_TOKEN; copy the bot token again.")
        print(f"checkmsg discord: {refused}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return 0


def review_settings(settings: DiscordSettings, config: Config):
    """The team's [review] settings with the Discord approver role added."""
    review = config.review
    if settings.approver_role and settings.approver_role not in review.approver_roles:
        review = review.model_copy(update={"approver_roles": [*review.approver_roles, settings.approver_role]})
    return review


async def build(settings: DiscordSettings, config: Config, *, database: str | None = None,
                checker=None, **options) -> tuple[CheckMsgBot, Store]:
    """A bot wired to the review store; the caller starts it and closes both.
    Without DISCORD_LOCALE the bot answers in the team's ui_language."""
    settings = settings.for_team(config.checks.ui_language)
    review = review_settings(settings, config)
    store = await Store.open(database or review.database_url)
    workflow = ReviewWorkflow(store, review, config.checks, checker)
    service = ChatService(workflow)
    connect_amazon(service, config.amazon)
    return CheckMsgBot(settings, service, EventLedger(store), **options), store


async def serve(settings: DiscordSettings, config: Config, *, database: str | None = None) -> None:
    bot, store = await build(settings, config, database=database)
    try:
        async with bot:
            await bot.start(settings.token)
    finally:
        await store.close()
