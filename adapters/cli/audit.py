"""``checkmsg audit``: export the review audit trail as CSV or JSON."""

from __future__ import annotations

import argparse
import asyncio
import sys
from typing import TextIO

from bot.audit import FORMATS, export_audit, parse_since
from bot.config import Config
from bot.exits import EXIT_OK, EXIT_USAGE
from bot.review_settings import ReviewSettings
from bot.store import Store, StoreUnavailable
from checks import i18n
from checks.i18n import say

from .common import cannot_write


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Export who submitted each draft, what the checks found (rule ids), "
        "and who decided what on which content hash, when. Texts are never exported."
    )
    parser.add_argument("--format", "-f", choices=FORMATS, default="csv", help="output format (default: csv)")
    parser.add_argument("--since", help="only events at or after this ISO date/time (UTC if no zone)")
    parser.add_argument("--output", "-o", help="write to this file instead of standard output")
    parser.add_argument(
        "--database",
        help="database URL or SQLite file (default: [review] database_url, DATABASE_URL, ./checkmsg.sqlite3)",
    )
    parser.add_argument(
        "--lang",
        dest="ui_lang",
        choices=i18n.LANGUAGES,
        help="language of the messages: en or zh (Simplified Chinese); default: ui_language in checkmsg.toml, else en",
    )


def run(args: argparse.Namespace, config: Config, stdout: TextIO | None = None) -> int:
    """Handle ``checkmsg audit``; returns the exit status. Messages are in
    ``--lang``, else ``ui_language`` (the team's, from checkmsg.toml)."""
    settings = config.review
    stdout = stdout or sys.stdout
    lang = getattr(args, "ui_lang", None) or config.checks.ui_language
    try:
        parse_since(args.since)
    except ValueError as exc:
        print(f"checkmsg audit: {i18n.localize(exc.args[0], lang)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return asyncio.run(_export(args, settings, stdout, lang))
    except StoreUnavailable as exc:  # StoreMisconfigured (2) or a server that does not answer (3)
        print(f"checkmsg audit: {i18n.localize(exc.message, lang)}", file=sys.stderr)
        return exc.exit_status


async def _export(args: argparse.Namespace, settings: ReviewSettings, stdout: TextIO, lang: str = i18n.ENGLISH) -> int:
    # Reading the trail must not create an empty database where none is.
    store = await Store.open(args.database or settings.database_url, create=False)
    try:
        if not args.output:
            await export_audit(store, args.format, stdout, args.since)
            return EXIT_OK
        try:
            out = open(args.output, "w", encoding="utf-8", newline="")
        except OSError as exc:
            print(f"checkmsg audit: {cannot_write(args.output, exc).localized(lang)}", file=sys.stderr)
            return EXIT_USAGE
        with out:
            count = await export_audit(store, args.format, out, args.since)
        print(say(lang, "cli.audit.wrote", "wrote {count} audit events to {path}", count=count, path=args.output), file=sys.stderr)
    finally:
        await store.close()
    return EXIT_OK
