"""``checkmsg check``: check draft files (or standard input) and report what breaks Amazon's guidelines."""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.batch import json_text, report_json, rewrite_json
from bot.config import Config
from bot.exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from bot.render import render_text
from checks import CheckSettings, Context, Draft, DraftError, Report, check

from .common import (
    STDIN,
    InputError,
    add_context_options,
    context_from_args,
    lang_option,
    localized,
    read_draft,
    shown,
    ui_settings,
)
from .parser import doc


def configure(p: argparse.ArgumentParser) -> None:
    p.description = doc(run)
    p.add_argument("files", nargs="*", metavar="FILE", help="draft files; '-' or none reads standard input")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--rewrite", action="store_true", help="also print the suggested compliant rewrite and its diff")
    lang_option(p)
    add_context_options(p)


def run(args: argparse.Namespace, config: Config) -> int:
    """Check each FILE (or standard input) and report what breaks Amazon's guidelines.

    Exit status: 0 no error-severity finding, 1 at least one, 2 an input could
    not be checked (the other inputs are still checked).
    """
    settings = ui_settings(args, config)
    lang = settings.ui_language
    context = context_from_args(args)
    names = args.files or [STDIN]
    status = EXIT_OK
    texts: list[tuple[str, str]] = []
    for name in names:
        try:
            texts.append((shown(name), read_draft(name, lang)))
        except InputError as exc:
            print(f"checkmsg: {localized(exc, lang)}", file=sys.stderr)
            status = EXIT_USAGE
    reports = asyncio.run(_check_all([text for _, text in texts], context, settings, args.rewrite))
    printed = 0
    for (named, text), report in zip(texts, reports, strict=True):
        if isinstance(report, DraftError):  # e.g. HTML whose visible text is over the limit
            print(f"checkmsg: {named}: {localized(report, lang)}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        if args.format == "json":
            data = report_json(report, named)
            if args.rewrite:
                data.update(diff=report.diff, **rewrite_json(report))
            print(json_text(data))
        else:
            if printed:
                print()
            print(render_text(report, text, named, lang))
        printed += 1
        if report.has_errors and status == EXIT_OK:
            status = EXIT_FINDINGS
    return status


async def _check_all(
    texts: list[str], context: Context, settings: CheckSettings, rewrite: bool = False
) -> list[Report | DraftError]:
    """Each text's report, or the DraftError that refused it (the others are still checked)."""
    results: list[Report | DraftError] = []
    for text in texts:
        try:
            results.append(await check(Draft(text=text, context=context), settings, rewrite=rewrite))
        except DraftError as exc:
            results.append(exc)
    return results
