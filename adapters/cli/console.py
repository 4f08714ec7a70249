"""``checkmsg console``: the review flow in the terminal (``adapters/console.py``), no chat token needed."""

from __future__ import annotations

import argparse

from bot.config import Config
from checks import i18n

from .common import add_context_options


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Paste a draft, see what the checks find, and approve or send it back, "
        "all on a local SQLite file. Input may come from a pipe."
    )
    parser.add_argument("--user", help="who takes decisions (default: the first approver, else 'reviewer')")
    parser.add_argument("--author", help="who writes the drafts (default: your login name)")
    parser.add_argument(
        "--approver",
        action="append",
        default=[],
        help="an approver for this session (repeatable; default: the [review] approvers, else --user)",
    )
    parser.add_argument("--database", help="database URL or SQLite file (default: ./checkmsg.sqlite3)")
    add_context_options(parser)  # the same context options as `checkmsg check`
    parser.add_argument(
        "--lang",
        dest="ui_lang",
        choices=i18n.LANGUAGES,
        help="language of the console and its reports: en or zh (Simplified Chinese); "
        "default: ui_language in checkmsg.toml, else en",
    )


def run(args: argparse.Namespace, config: Config) -> int:
    from ..console import run_console

    return run_console(args, settings=config.review, check_settings=config.checks)
