"""The ``checkmsg`` command: the bot's commands (check, batch, eval, rules,
audit) and the adapters' (console, slack, discord).

Imports point adapters -> bot -> checks, so the command that offers both
lives here. An adapter's runtime (SQLAlchemy, slack-bolt, discord.py) is
imported only when its command runs, which keeps ``checkmsg check`` light.
"""

from __future__ import annotations

import argparse
import sys

from bot.cli import LazyCommand
from bot.cli import main as bot_main
from bot.config import Config


def _run_console(args: argparse.Namespace, config: Config) -> int:
    from .console import run_console

    return run_console(args, settings=config.review, check_settings=config.checks)


def _run_slack(args: argparse.Namespace, config: Config) -> int:
    from .slack.server import run_slack

    return run_slack(args, config)


def _run_discord(args: argparse.Namespace, config: Config) -> int:
    from .discord_bot.run import run_discord

    return run_discord(args, config)


ADAPTER_COMMANDS = (
    LazyCommand(
        "console", "try the review flow in the terminal (no chat token needed)",
        "adapters.console:add_console_parser", _run_console,
    ),
    LazyCommand(
        "slack", "run the Slack bot (Socket Mode, or HTTP with --http)",
        "adapters.slack.server:add_slack_parser", _run_slack,
    ),
    LazyCommand(
        "discord", "run the Discord bot (settings from DISCORD_* environment variables)",
        "adapters.discord_bot.run:add_discord_parser", _run_discord,
    ),
)


def main(argv: list[str] | None = None) -> int:
    return bot_main(argv, extra=ADAPTER_COMMANDS)


if __name__ == "__main__":
    sys.exit(main())
