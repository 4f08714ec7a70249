"""``checkmsg discord``: run the Discord bot (``adapters/discord_bot/``)."""

from __future__ import annotations

import argparse
import asyncio
import sys

import discord

from bot.chat import warm_up_checks
from bot.config import Config
from bot.exits import EXIT_INTERRUPTED, EXIT_OK, EXIT_UNAVAILABLE, EXIT_USAGE
from bot.store import StoreUnavailable
from checks import i18n

from ..discord_bot.run import serve
from ..discord_bot.settings import SettingsError, load_settings


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Connect to Discord and check drafts sent with /checkmsg, the message menu "
        "'Check with CheckMsg', or in the watched channels. See README, section Discord."
    )
    parser.add_argument("--database", help="database URL or SQLite file (default: [review] database_url)")


def run(args: argparse.Namespace, config: Config) -> int:
    """Handle ``checkmsg discord``; returns the exit status."""
    lang = config.checks.ui_language
    try:
        settings = load_settings()
    except SettingsError as exc:
        print(f"checkmsg discord: {i18n.localize(exc.args[0], lang)}", file=sys.stderr)
        return EXIT_USAGE
    discord.utils.setup_logging()
    warm_up_checks()
    try:
        asyncio.run(serve(settings, config, database=getattr(args, "database", None)))
    except StoreUnavailable as exc:
        print(f"checkmsg discord: {i18n.localize(exc.message, lang)}", file=sys.stderr)
        return EXIT_UNAVAILABLE
    except discord.LoginFailure:
        refused = i18n.say(lang, "discord.token-refused", "Discord refused DISCORD_TOKEN; copy the bot token again.")
        print(f"checkmsg discord: {refused}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:  # Ctrl-C before the bot was up (after that, SIGINT drains)
        return EXIT_INTERRUPTED
    return EXIT_OK
