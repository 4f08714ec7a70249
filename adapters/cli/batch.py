"""``checkmsg batch``: check drafts given as JSON lines, one JSON line out for each."""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.batch import check_lines
from bot.config import Config
from bot.exits import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE
from checks.i18n import say

from .common import InputError, cannot_write, lang_option, read_lines, ui_settings
from .parser import doc

SHOWN_BAD_LINES = 10  # the summary names this many bad lines, then counts the rest


def configure(p: argparse.ArgumentParser) -> None:
    p.description = doc(run)
    p.add_argument("input", metavar="IN.jsonl", help="one {\"id\", \"text\", \"context\"} object a line; '-' for stdin")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    lang_option(p)


def run(args: argparse.Namespace, config: Config) -> int:
    """Check drafts given as JSON lines, shaped like the corpus: {"id", "text", "context"}.

    Writes one JSON line per input line, in order:
    {"id", "findings", "language", "rewrite", "remaining", "rewrite_status", "rewrite_verdict", "guidance"},
    or {"id", "error"} for a line
    that could not be checked (bad JSON, no text, invalid context, an empty or
    oversized draft) or whose result could not be written; the id is the line
    number when the line has none. Every other line is still checked. Blank
    lines are skipped. Exit status: 4 if checking a line failed inside
    CheckMsg, else 2 if any line could not be checked, else 1 if any draft has
    an error-severity finding, else 0. A summary goes to standard error.
    """
    lines = read_lines(args.input)
    settings = ui_settings(args, config)
    lang = settings.ui_language
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    except OSError as exc:
        raise InputError(cannot_write(args.output, exc)) from None
    try:
        tally = asyncio.run(check_lines(lines, settings, out))
    finally:
        if out is not sys.stdout:
            out.close()
    bad_text = ""
    if tally.bad:
        shown = ", ".join(map(str, tally.bad[:SHOWN_BAD_LINES]))
        if len(tally.bad) > SHOWN_BAD_LINES:
            shown += say(lang, "cli.batch.more-lines", " and {count} more", count=len(tally.bad) - SHOWN_BAD_LINES)
        if len(tally.bad) == 1:
            bad_text = say(lang, "cli.batch.bad-line", ", 1 bad line ({lines})", lines=shown)
        else:
            bad_text = say(lang, "cli.batch.bad-lines", ", {count} bad lines ({lines})", count=len(tally.bad), lines=shown)
    summary = say(
        lang, "cli.batch.summary", "{checked} drafts checked, {with_errors} with errors{bad}", checked=tally.checked, with_errors=tally.with_errors, bad=bad_text
    )
    print(f"checkmsg batch: {summary}", file=sys.stderr)
    if tally.failed:
        print("checkmsg batch: " + say(lang, "cli.batch.failed", "{count} lines failed inside CheckMsg (a bug; the lines say which); --debug shows the tracebacks.", count=tally.failed), file=sys.stderr)
        return EXIT_INTERNAL
    if tally.bad:
        return EXIT_USAGE
    return EXIT_FINDINGS if tally.with_errors else EXIT_OK
