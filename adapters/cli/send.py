"""``checkmsg send``: send an approved draft through Amazon, or ask Amazon for a review instead.

    checkmsg send 12                        # the types order allows, and what stands in the way
    checkmsg send 12 --type confirmDeliveryDetails --as alice
    checkmsg send 12 --review-request --as sam
    checkmsg send --order 113-4829105-7730142   # the facts Amazon has about an order
    checkmsg send 12 --release --as alice   # after a lost answer, once Seller Central shows it did not arrive

Exit status: 0 done (or listed), 1 refused or not sent (the reason is printed),
2 unusable options or Amazon not connected, 3 the review database is unavailable.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from typing import TextIO

from bot.amazon.actions import AmazonActions
from bot.amazon.client import AmazonError, SellingPartner
from bot.amazon.message_types import MESSAGE_TYPES
from bot.amazon.send import Attachment
from bot.amazon.settings import AmazonSettings
from bot.config import Config
from bot.exits import EXIT_FINDINGS, EXIT_OK, EXIT_UNAVAILABLE, EXIT_USAGE
from bot.review import ReviewError, ReviewWorkflow
from bot.store import Store, StoreUnavailable
from checks import Context, i18n
from checks.i18n import say


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Send an approved draft to the buyer through Amazon's Selling Partner API, as a message "
        "type the order allows, once; or, for a draft that asks for a review, send Amazon's own review request. "
        "Needs the AMAZON_* environment variables (see the README)."
    )
    parser.add_argument("draft", nargs="?", type=int, help="the draft's number (#12 -> 12)")
    parser.add_argument("--type", dest="message_type", choices=sorted(MESSAGE_TYPES), help="the message type to send as")
    parser.add_argument("--review-request", action="store_true", help="send Amazon's own review request instead of the draft")
    parser.add_argument("--order", help="show what Amazon says about this order (no draft needed)")
    parser.add_argument("--as", dest="actor", help="who sends (default: your login name)")
    parser.add_argument("--role", action="append", default=[], help="a role of the sender (repeatable)")
    parser.add_argument("--attach", action="append", default=[], metavar="FILE", help="a file to attach (types that take attachments)")
    parser.add_argument("--dry-run", action="store_true", help="do everything but the final call to Amazon")
    parser.add_argument("--release", action="store_true",
                        help="free a send that got no answer from Amazon (check Seller Central first; approvers only)")
    parser.add_argument("--database", help="database URL or SQLite file (default: [review] database_url, DATABASE_URL, ./checkmsg.sqlite3)")
    parser.add_argument("--lang", dest="ui_lang", choices=i18n.LANGUAGES, help="language of the messages: en or zh")


def run(args: argparse.Namespace, config: Config, stdout: TextIO | None = None, client: SellingPartner | None = None) -> int:
    """Handle ``checkmsg send``; returns the exit status. ``client`` replaces the SDK client (tests)."""
    out = stdout or sys.stdout
    lang = getattr(args, "ui_lang", None) or config.checks.ui_language
    settings = config.amazon or AmazonSettings.from_env()
    if args.dry_run:
        settings = settings.model_copy(update={"dry_run": True})
    if client is None and not settings.enabled:
        print(f"checkmsg send: {i18n.localize(settings.how_to_enable(), lang)}", file=out)
        return EXIT_USAGE
    if args.draft is None and not args.order:
        print("checkmsg send: " + say(lang, "cli.send.usage", "give a draft number, or --order ORDER_ID"), file=out)
        return EXIT_USAGE
    try:
        attachments = [Attachment.from_path(path) for path in args.attach]
    except OSError as exc:
        print("checkmsg send: " + say(lang, "cli.send.attach", "cannot read {file}: {reason}", file=exc.filename, reason=exc.strerror), file=out)
        return EXIT_USAGE
    try:
        return asyncio.run(_send(args, config, settings, client, attachments, out, lang))
    except StoreUnavailable as exc:
        print(f"checkmsg send: {i18n.localize(exc.message, lang)}", file=out)
        return EXIT_UNAVAILABLE


async def _send(args, config, settings, client, attachments, out, lang) -> int:  # noqa: ANN001
    store = await Store.open(args.database or config.review.database_url)
    try:
        actions = AmazonActions(ReviewWorkflow(store, config.review, config.checks), settings, client)
        actor = args.actor or getpass.getuser()
        if args.order:
            _, said = await actions.context(Context(order_id=args.order), "")
        elif args.release:
            said = await actions.release(args.draft, actor, roles=args.role)
        elif args.review_request:
            said = await actions.request_review(args.draft, actor, roles=args.role)
        elif args.message_type:
            said = await actions.send(args.draft, actor, args.message_type, roles=args.role, attachments=attachments)
        else:
            said = await actions.offer(await actions.workflow.get(args.draft))
        print(i18n.localize(said.text, lang), file=out)
        return EXIT_OK if said.ok else EXIT_FINDINGS
    except (ReviewError, AmazonError) as exc:  # e.g. an unknown draft number
        print(f"checkmsg send: {i18n.localize(exc.message, lang)}", file=out)
        return EXIT_FINDINGS
    finally:
        await store.close()
