"""Start the bot: ``checkmsg discord`` or ``python -m adapters.discord_bot``."""

from __future__ import annotations

import argparse
import asyncio
import sys

import discord

from bot.chat import warm_up_checks
from bot.config import Config
from bot.services import Drain, Services
from bot.store import StoreUnavailable
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
    warm_up_checks()
    try:
        asyncio.run(serve(settings, config, database=getattr(args, "database", None)))
    except StoreUnavailable as exc:
        print(f"checkmsg discord: {i18n.localize(exc.message, lang)}", file=sys.stderr)
        return 3
    except discord.LoginFailure:
        refused = i18n.say(lang, "discord.token-refused", "Discord refused DISCORD_TOKEN; copy the bot token again.")
        print(f"checkmsg discord: {refused}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # Ctrl-C before the bot was up (after that, SIGINT drains)
        return 130
    return 0


def review_settings(settings: DiscordSettings, config: Config):
    """The team's [review] settings with the Discord approver role added."""
    review = config.review
    if settings.approver_role and settings.approver_role not in review.approver_roles:
        review = review.model_copy(update={"approver_roles": [*review.approver_roles, settings.approver_role]})
    return review


async def build(settings: DiscordSettings, config: Config, *, database: str | None = None,
                checker=None, **options) -> tuple[CheckMsgBot, Services]:  # noqa: ANN001, ANN003
    """A bot wired to the services (bot/services.py); the caller starts it and closes both.
    Without DISCORD_LOCALE the bot answers in the team's ui_language."""
    settings = settings.for_team(config.checks.ui_language)
    services = await Services.open(review_settings(settings, config), config.checks, database=database,
                                   checker=checker, amazon=config.amazon)
    return CheckMsgBot(settings, services.chat, services.ledger, **options), services


async def serve(settings: DiscordSettings, config: Config, *, database: str | None = None,
                checker=None, **options) -> None:  # noqa: ANN001, ANN003
    """Run until SIGTERM or SIGINT; then the bot takes no new work, lets the handlers in
    flight finish (up to 30 s), disconnects, and the database closes."""
    bot, services = await build(settings, config, database=database, checker=checker, **options)
    drain = Drain()
    drain.install()
    services.start_upkeep()
    try:
        async with bot:
            running = asyncio.create_task(bot.start(settings.token))
            stopping = asyncio.create_task(drain.wait())
            done, _ = await asyncio.wait({running, stopping}, return_when=asyncio.FIRST_COMPLETED)
            if running in done:
                stopping.cancel()
                running.result()  # raises what stopped the bot (a refused token, ...)
            else:
                await bot.close()  # waits for the handlers in flight
                await running
    finally:
        await services.close()
