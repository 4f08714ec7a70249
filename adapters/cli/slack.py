"""``checkmsg slack``: run the Slack bot (``adapters/slack/``), in Socket Mode or over HTTP."""

from __future__ import annotations

import argparse
import asyncio
import logging

from bot.chat import warm_up_checks
from bot.config import Config
from bot.exits import EXIT_INTERRUPTED, EXIT_OK, EXIT_UNAVAILABLE, EXIT_USAGE
from bot.store import StoreUnavailable
from checks import i18n

from ..slack.server import serve_http, serve_socket
from ..slack.settings import SlackSettings


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Run CheckMsg in Slack. Socket Mode needs SLACK_BOT_TOKEN and SLACK_APP_TOKEN; "
        "--http needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET and listens on $PORT (default 3000). "
        "Reviews are kept in DATABASE_URL (PostgreSQL for several replicas)."
    )
    parser.add_argument("--http", action="store_true", help="serve /slack/events and /healthz instead of Socket Mode")
    parser.add_argument("--port", type=int, help="HTTP port (default: $PORT, else 3000)")


def run(args: argparse.Namespace, config: Config) -> int:
    """Handle ``checkmsg slack``; returns the exit status."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = SlackSettings()
    if args.port:
        settings = settings.model_copy(update={"port": args.port})
    mode = "http" if args.http else "socket"
    missing = settings.missing(mode)
    lang = config.checks.ui_language
    if missing:
        text = i18n.say(lang, "slack.missing", "set {names} (see the README's Slack section)", names=", ".join(missing))
        print(f"checkmsg slack: {text}")
        return EXIT_USAGE
    warm_up_checks()
    try:
        asyncio.run(serve_http(settings, config) if args.http else serve_socket(settings, config))
    except StoreUnavailable as exc:
        print(f"checkmsg slack: {i18n.localize(exc.message, lang)}")
        return EXIT_UNAVAILABLE
    except KeyboardInterrupt:  # Ctrl-C before the bot was up (after that, SIGINT drains)
        return EXIT_INTERRUPTED
    return EXIT_OK
