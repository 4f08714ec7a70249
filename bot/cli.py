"""``checkmsg``: check drafts, batch-check JSON lines, measure the checks, explain the rules.

Conventions follow prose linters such as Vale: findings as
``line:column severity message rule``, ``--format json`` for machines, and
an exit status that means one thing each: 0 no error-severity finding,
1 at least one, 2 the input, the options or the configuration could not be
used, 3 a service (the review database) is unavailable, 4 an internal error
(a bug: one sentence on standard error, the traceback in a file or, with
``--debug``, on standard error).
"""

from __future__ import annotations

import argparse
import asyncio
import codecs
import contextlib
import difflib
import importlib
import inspect
import json
import logging
import os
import re
import sys
import tempfile
import textwrap
import traceback
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from checks import (
    MAX_DRAFT_CHARS,
    CheckSettings,
    Context,
    Draft,
    DraftError,
    Report,
    all_rules,
    check,
    i18n,
    validate_text,
)
from checks.i18n import say

from . import evaluate
from .config import Config, ConfigError, load_config
from .exits import EXIT_FINDINGS, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from .render import CONTEXT_OPTIONS, render_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class LazyCommand:
    """A subcommand whose module is imported only when it is the one run, so
    that ``checkmsg check`` does not load SQLAlchemy, slack-bolt or discord.py.
    ``parser`` names ``module:function`` that adds its sub-parser; ``run``
    takes (args, config) and returns the exit status."""

    name: str
    help: str
    parser: str
    run: Callable[[argparse.Namespace, Config], int]

    def add_to(self, sub: argparse._SubParsersAction, chosen: str | None, lang: str = i18n.ENGLISH) -> argparse.ArgumentParser:
        if chosen != self.name:  # listed in --help, built for real only when chosen
            return sub.add_parser(self.name, help=say(lang, "cli.help." + self.name, self.help))
        module, function = self.parser.split(":")
        parser = getattr(importlib.import_module(module), function)(sub)
        if parser.description and lang != i18n.ENGLISH:
            parser.description = say(lang, "cli.doc." + self.name, parser.description)
        parser.set_defaults(run=self.run)
        return parser


def _run_audit(args: argparse.Namespace, config: Config) -> int:
    from .audit_cli import run_audit

    return run_audit(args, settings=config.review, ui_language=config.checks.ui_language)


BOT_COMMANDS = (
    LazyCommand("audit", "export the review audit trail as CSV or JSON", "bot.audit_cli:add_audit_parser", _run_audit),
    LazyCommand("send", "send an approved draft through Amazon", "bot.amazon.cli:add_send_parser", lambda a, c: importlib.import_module("bot.amazon.cli").run_send(a, c)),
)


def chosen_command(argv: list[str]) -> str | None:
    """The subcommand named in ``argv`` (the first word that is not an option
    or the value of --config)."""
    words = iter(argv)
    for word in words:
        if word == "--config":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


STDIN = "-"
STDIN_NAME = "<stdin>"


class InputError(Exception):
    """An input that cannot be checked; ``str()`` names it and says why."""


# --- entry point -----------------------------------------------------------


def main(argv: list[str] | None = None, extra: tuple[LazyCommand, ...] = ()) -> int:
    """Run ``checkmsg`` with ``argv`` (default: the command line); returns the
    exit status. ``extra`` adds commands from above this layer (the adapters).

    Whatever happens below, the status keeps its meaning: an unexpected
    exception is an internal error (4, never 1, which means findings), told
    in one sentence with the place its traceback went."""
    argv = sys.argv[1:] if argv is None else argv
    debug = DEBUG_OPTION in argv
    argv = [word for word in argv if word != DEBUG_OPTION]
    _quiet_logging(debug)
    lang = i18n.ENGLISH
    try:
        chosen = chosen_command(argv)
        lang = _help_language(argv, chosen)
        return _run(argv, extra, chosen, lang)
    except KeyboardInterrupt:
        print("\ncheckmsg: " + say(lang, "cli.interrupted", "interrupted; nothing more was done."), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `checkmsg ... | head`
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # no second error when Python flushes at exit
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last guard: a bug must not look like findings
        store_error = _store_error(exc)
        if store_error is not None:
            print(f"checkmsg: {i18n.localize(store_error.message, lang)}", file=sys.stderr)
            return store_error.exit_status
        return _internal_error(exc, debug, lang)


DEBUG_OPTION = "--debug"


def _run(argv: list[str], extra: tuple[LazyCommand, ...], chosen: str | None, lang: str) -> int:
    parser = build_parser(chosen, extra, lang)
    try:
        with _argparse_in(lang):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version (0) and usage errors (2)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        lang = getattr(args, "ui_lang", None) or exc.ui_language or i18n.ENGLISH
        print(f"checkmsg: {exc.localized(lang)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args, config)
    except InputError as exc:
        lang = getattr(args, "ui_lang", None) or config.checks.ui_language
        print(f"checkmsg: {_localized(exc, lang)}", file=sys.stderr)
        return EXIT_USAGE


def _store_error(exc: BaseException) -> Any:
    """``exc`` when it is the review store's "cannot use the database" error
    (it carries its message and exit status), else None. The store module is
    looked up, not imported: ``checkmsg check`` never loads SQLAlchemy."""
    store = sys.modules.get("bot.store")
    unavailable = getattr(store, "StoreUnavailable", None)
    return exc if unavailable is not None and isinstance(exc, unavailable) else None


def _internal_error(exc: BaseException, debug: bool, lang: str) -> int:
    """Say that CheckMsg failed (not the input), and where the traceback is."""
    what = _one_line(exc)
    trace = "".join(traceback.format_exception(exc))
    if debug:
        sys.stderr.write(trace)
        where = say(lang, "cli.traceback-above", "the traceback is above")
    else:
        path = _save_traceback(trace)
        if path is None:
            where = say(lang, "cli.traceback-debug", "run again with --debug to see the traceback")
        else:
            where = say(lang, "cli.traceback-saved", "the traceback is in {path} (--debug shows it here)", path=path)
    print(
        "checkmsg: "
        + say(lang, "cli.internal-error", "internal error ({error}): this is a bug in CheckMsg, not in your input; {where}. Please report it.", error=what, where=where),
        file=sys.stderr,
    )
    return EXIT_INTERNAL


def _one_line(exc: BaseException) -> str:
    """An exception as ``Type: first line of its message`` (at most 300 characters)."""
    lines = str(exc).strip().splitlines()
    return (f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__)[:300]


def _save_traceback(trace: str) -> str | None:
    try:
        handle = tempfile.NamedTemporaryFile("w", prefix="checkmsg-crash-", suffix=".txt", delete=False, encoding="utf-8", errors="backslashreplace")
        with handle:
            handle.write(trace)
    except OSError:
        return None
    return handle.name


class _OneLine(logging.Formatter):
    """A log record as one line: the exception's type and message, no traceback."""

    def format(self, record: logging.LogRecord) -> str:
        text = f"checkmsg: {record.getMessage()}"
        if record.exc_info and record.exc_info[1] is not None:
            error = record.exc_info[1]
            text += f" ({_one_line(error)}; --debug shows the traceback)"
        return text


_log_handler: list[logging.Handler] = []


def _quiet_logging(debug: bool) -> None:
    """Warnings on standard error as one line each; with --debug, everything
    with its traceback. Left alone when the host (a test runner, an
    application) has set up logging itself."""
    root = logging.getLogger()
    for handler in _log_handler:
        root.removeHandler(handler)
    _log_handler.clear()
    if root.handlers:
        return
    handler = logging.StreamHandler()
    if debug:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        handler.setLevel(logging.DEBUG)
        root.setLevel(logging.DEBUG)
    else:
        handler.setFormatter(_OneLine())
        handler.setLevel(logging.WARNING)
    root.addHandler(handler)
    _log_handler.append(handler)


def _localized(exc: Exception, lang: str) -> str:
    """An exception's text in ``lang`` when it carries a keyed text, else as it is."""
    if len(exc.args) == 1 and isinstance(exc.args[0], i18n.Text):
        return exc.args[0].localized(lang)
    return str(exc)


def _help_language(argv: list[str], chosen: str | None) -> str:
    """The language of ``--help`` and usage errors: ``--lang``/``--ui-lang``
    when given (not ``eval --lang``, a buyer-language filter), else
    ui_language in the configuration (a broken one: English; it is reported
    once the command line is read), else English."""
    options = ("--ui-lang",) if chosen == "eval" else ("--lang", "--ui-lang")
    for index, word in enumerate(argv):
        name, _, value = word.partition("=")
        if name in options:
            value = value or (argv[index + 1] if index + 1 < len(argv) else "")
            if value in i18n.LANGUAGES:
                return value
    path = next((argv[i + 1] for i, word in enumerate(argv[:-1]) if word == "--config"), None)
    try:
        return load_config(path).checks.ui_language
    except ConfigError:
        return i18n.ENGLISH


# argparse's own messages (it looks them up through its module's ``_``) with our keys.
_ARGPARSE_KEYS = {
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "the following arguments are required: %s": "argparse.required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid-choice",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "expected one argument": "argparse.expected-one",
    "expected at least one argument": "argparse.expected-at-least-one",
    "expected at most one argument": "argparse.expected-at-most-one",
    "invalid %(type)s value: %(value)r": "argparse.invalid-value",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "one of the arguments %s is required": "argparse.one-required",
    "not allowed with argument %s": "argparse.not-allowed-with",
    "ignored explicit argument %r": "argparse.ignored-explicit",
    "can't open '%(filename)s': %(error)s": "argparse.cannot-open",
}


@contextlib.contextmanager
def _argparse_in(lang: str) -> Iterator[None]:
    """argparse's error messages in ``lang`` while the command line is read."""
    if lang == i18n.ENGLISH:
        yield
        return
    original = argparse._
    _parsing_in[0] = lang

    def translate(text: str) -> str:
        key = _ARGPARSE_KEYS.get(text)
        return say(lang, key, text) if key else original(text)

    argparse._ = translate
    try:
        yield
    finally:
        argparse._ = original
        _parsing_in[0] = i18n.ENGLISH


_parsing_in = [i18n.ENGLISH]  # the language of the command line being read (option value errors)


def build_parser(chosen: str | None = None, extra: tuple[LazyCommand, ...] = (), lang: str = i18n.ENGLISH) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="checkmsg",
        description=say(lang, "cli.help.description", "Check Amazon buyer-seller message drafts against Amazon's communication guidelines."),
        epilog=say(
            lang,
            "cli.help.epilog",
            "Exit status: 0 no error-severity finding, 1 at least one, 2 unusable input, options or configuration, "
            "3 a service (the review database) unavailable, 4 an internal error (a bug in CheckMsg).",
        ),
    )
    parser.add_argument("--version", action="version", version=f"checkmsg {_version()}", help="print the version and exit")
    parser.add_argument(
        DEBUG_OPTION, action="store_true", help="show tracebacks and debug logs on standard error (any position)"
    )
    parser.add_argument(
        "--config", metavar="PATH", help=say(lang, "cli.help.config", "configuration file (default: ./checkmsg.toml if present)")
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    # --config is accepted before and after the command; after wins.
    def config_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--config", metavar="PATH", default=argparse.SUPPRESS, help="configuration file")

    def doc(name: str, func: Any) -> str:
        return say(lang, "cli.doc." + name, _doc(func))

    p = sub.add_parser("check", help=say(lang, "cli.help.check", "check draft files (or standard input)"), description=doc("check", cmd_check))
    p.add_argument("files", nargs="*", metavar="FILE", help="draft files; '-' or none reads standard input")
    p.add_argument("--format", choices=("text", "json"), default="text", help="output format (default: text)")
    p.add_argument("--rewrite", action="store_true", help="also print the suggested compliant rewrite and its diff")
    _lang_option(p)
    add_context_options(p)
    config_option(p)
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("batch", help=say(lang, "cli.help.batch", "check JSON lines of drafts"), description=doc("batch", cmd_batch))
    p.add_argument("input", metavar="IN.jsonl", help="one {\"id\", \"text\", \"context\"} object a line; '-' for stdin")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    _lang_option(p)
    config_option(p)
    p.set_defaults(run=cmd_batch)

    p = sub.add_parser(
        "eval", help=say(lang, "cli.help.eval", "precision and recall over a labelled corpus"), description=doc("eval", cmd_eval)
    )
    p.add_argument("corpus", metavar="CORPUS.jsonl", help="labelled drafts: id, text, context, expect")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--lang",
        action="append",
        default=[],
        metavar="LANG",
        help="only drafts whose buyer_language has this primary subtag (en takes en-GB); repeatable",
    )
    p.add_argument("--include-unset", action="store_true", help="with --lang: also drafts with no buyer_language")
    p.add_argument(
        "--format",
        dest="draft_format",
        choices=("text", "html"),
        help="only drafts of this context.format (no format counts as text)",
    )
    p.add_argument("--min-precision", type=_fraction, metavar="P", help="exit 1 if error-rule micro precision < P")
    p.add_argument("--min-recall", type=_fraction, metavar="R", help="exit 1 if error-rule micro recall < R")
    p.add_argument(
        "--by-perturbation",
        action="store_true",
        help="for a behavioural suite (tests/behaviour/suite.py): failure rate per rule and perturbation",
    )
    p.add_argument(
        "--ui-lang",
        dest="ui_lang",
        choices=i18n.LANGUAGES,
        help="language of the summary: en or zh (Simplified Chinese); default: ui_language in checkmsg.toml, else en "
        "(--lang here filters drafts by buyer language)",
    )
    config_option(p)
    p.set_defaults(run=cmd_eval)

    p = sub.add_parser("rules", help=say(lang, "cli.help.rules", "list the rules, or explain one"), description=doc("rules", cmd_rules))
    p.add_argument("rule", nargs="?", metavar="ID", help="a rule id, e.g. contact.email")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    _lang_option(p)
    config_option(p)
    p.set_defaults(run=cmd_rules)

    for command in BOT_COMMANDS + extra:
        config_option(command.add_to(sub, chosen, lang))
    if lang != i18n.ENGLISH:
        _localize_help(parser, lang, "top")
        for name, subparser in sub.choices.items():
            _localize_help(subparser, lang, name)
    return parser


# argparse's own group titles, by their English text.
_GROUP_KEYS = {
    "positional arguments": "cli.group.positional",
    "options": "cli.group.options",
    "context (an option not given stays unknown; rules that need it stay silent)": "cli.group.context",
}


def _localize_help(parser: argparse.ArgumentParser, lang: str, command: str) -> None:
    """``parser``'s option help lines, group titles and usage prefix in ``lang``:
    ``cli.opt.<command>.<dest>``, else the shared ``cli.opt.<dest>``."""
    texts = i18n.catalogue(lang)
    for action in parser._actions:
        if not action.help or action.help == argparse.SUPPRESS or isinstance(action, argparse._SubParsersAction):
            continue
        key = f"cli.opt.{command}.{action.dest}"
        action.help = say(lang, key if key in texts else f"cli.opt.{action.dest}", action.help)
    for group in parser._action_groups:
        if group.title in _GROUP_KEYS:
            group.title = say(lang, _GROUP_KEYS[group.title], group.title)
    usage = say(lang, "cli.group.usage", "usage: ")

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, text, actions, groups, prefix=None):
            return super().add_usage(text, actions, groups, usage if prefix is None else prefix)

    parser.formatter_class = Formatter


def _lang_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--lang",
        dest="ui_lang",
        choices=i18n.LANGUAGES,
        help="language of the report: en or zh (Simplified Chinese); default: ui_language in checkmsg.toml, else en",
    )


def ui_settings(args: argparse.Namespace, config: Config) -> CheckSettings:
    """The team's settings with --lang applied (the option wins over ui_language)."""
    lang = getattr(args, "ui_lang", None)
    if lang is None or lang == config.checks.ui_language:
        return config.checks
    return config.checks.model_copy(update={"ui_language": lang})


def add_context_options(p: argparse.ArgumentParser) -> None:
    """The draft's context as options; ``checkmsg check`` and ``checkmsg console``
    take the same ones (read them back with :func:`context_from_args`)."""
    g = p.add_argument_group("context (an option not given stays unknown; rules that need it stay silent)")
    g.add_argument("--order-id", metavar="ID", help="the order id, 123-1234567-1234567")
    g.add_argument("--buyer-lang", "--buyer-language", dest="buyer_lang", metavar="LANG", help="the buyer's language (BCP-47, e.g. de)")
    g.add_argument("--marketplace", metavar="HOST", help="the marketplace, e.g. amazon.de")
    g.add_argument("--order-date", metavar="DATE", help="ISO date the order was placed")
    g.add_argument("--delivery-date", metavar="DATE", help="ISO date the order was delivered")
    g.add_argument("--today", metavar="DATE", help="ISO date to check as of (default: today)")
    g.add_argument("--previous-review-requests", type=int, metavar="N", help="review requests already sent for the order")
    g.add_argument("--reply", action="store_true", help="the draft answers the buyer (default: the seller writes first)")
    g.add_argument("--html", action="store_true", help="the draft is an HTML template")
    g.add_argument("--attach", action="append", metavar="NAME", help="a file attached to the message (repeatable)")


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("checkmsg")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def _doc(func: Any) -> str:
    return textwrap.dedent(func.__doc__ or "").strip()


def _fraction(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(say(_parsing_in[0], "cli.not-a-number", "{value!r} is not a number", value=value)) from None
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(say(_parsing_in[0], "cli.not-a-fraction", "{value} is not between 0 and 1", value=value))
    return number


# --- check -----------------------------------------------------------------


def cmd_check(args: argparse.Namespace, config: Config) -> int:
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
            texts.append((_shown(name), read_draft(name, lang)))
        except InputError as exc:
            print(f"checkmsg: {_localized(exc, lang)}", file=sys.stderr)
            status = EXIT_USAGE
    reports = asyncio.run(_check_all([text for _, text in texts], context, settings, args.rewrite))
    printed = 0
    for (shown, text), report in zip(texts, reports, strict=True):
        if isinstance(report, DraftError):  # e.g. HTML whose visible text is over the limit
            print(f"checkmsg: {shown}: {_localized(report, lang)}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        if args.format == "json":
            data = report_json(report, shown)
            if args.rewrite:
                data.update(diff=report.diff, **rewrite_json(report))
            print(json_text(data))
        else:
            if printed:
                print()
            print(render_text(report, text, shown, lang))
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


def rewrite_json(report: Report) -> dict:
    """The rewrite's re-check: rules still found on it, its status and verdict, guidance."""
    return {
        "remaining": report.remaining,
        "rewrite_status": report.rewrite_status,
        "rewrite_verdict": report.rewrite_verdict,
        "guidance": [g.model_dump() for g in report.guidance],
    }


def report_json(report: Report, path: str | None) -> dict:
    return {
        "path": path,
        "language": report.language,
        "findings": [f.public() for f in report.findings],
        "missing_context": report.missing_context,
        "notes": report.notes,
        "rewrite": report.rewrite,
    }


def context_from_args(args: argparse.Namespace) -> Context:
    """A Context holding only what the options gave: the rest stays unknown."""
    given: dict[str, Any] = {}
    for key in ("order_id", "marketplace", "order_date", "delivery_date", "today", "previous_review_requests"):
        value = getattr(args, key)
        if value is not None:
            given[key] = value
    if args.buyer_lang is not None:
        given["buyer_language"] = args.buyer_lang
    if args.reply:
        given["proactive"] = False
    if args.html:
        given["format"] = "html"
    if args.attach:
        given["attachments"] = args.attach
    try:
        return Context.model_validate(given)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            key = str(error["loc"][0])
            option = CONTEXT_OPTIONS.get(key, "--" + key.replace("_", "-"))
            problems.append(i18n.tr("cli.option-problem", "{option}: {problem}", option=option, problem=i18n.validation_problem(error)))
        raise InputError(i18n.Joined(problems)) from None


def read_draft(name: str, lang: str = "en") -> str:
    """A draft file's text (``-``: standard input), refused when it cannot be a message.

    Read as bytes and decoded as strict UTF-8 (a byte-order mark is dropped).
    """
    shown = _shown(name)
    limit = MAX_DRAFT_CHARS * 4 + 4  # no UTF-8 text under the character limit is longer
    try:
        if name == STDIN:
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read(limit + 1) if stream is not None else sys.stdin.read(limit + 1).encode("utf-8")
        else:
            with open(name, "rb") as handle:
                data = handle.read(limit + 1)
    except OSError as exc:
        reason = say(lang, "cli.cannot-read", "cannot read: {reason}", reason=exc.strerror or exc)
        raise InputError(f"{shown}: {reason}") from None
    if len(data) > limit:
        reason = say(lang, "cli.too-large", "too large: CheckMsg checks at most {limit:,} characters", limit=MAX_DRAFT_CHARS)
        raise InputError(f"{shown}: {reason}")
    return decode_draft(data, shown, lang)


def decode_draft(data: bytes, shown: str, lang: str = "en") -> str:
    """The text of a draft file: UTF-8 (with or without a byte-order mark),
    or UTF-16 with its byte-order mark (what Windows editors save as "Unicode")."""
    unicode16 = _utf16(data)
    if unicode16 is not None:
        try:
            data = unicode16.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: not text in any encoding
            reason = say(lang, "cli.bad-utf16", "is not valid UTF-16 text; save the draft as UTF-8")
            raise InputError(f"{shown}: {reason}") from None
    if b"\x00" in data:
        reason = say(lang, "cli.binary", "looks like a binary file (it has NUL bytes); save the draft as UTF-8 text")
        raise InputError(f"{shown}: {reason}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        reason = say(
            lang,
            "cli.not-utf8",
            "not valid UTF-8 (byte 0x{byte:02x} at offset {offset}); save the draft as UTF-8",
            byte=data[exc.start],
            offset=exc.start,
        )
        raise InputError(f"{shown}: {reason}") from None
    text = text.removeprefix("\ufeff")
    try:
        validate_text(text)
    except DraftError as exc:
        raise InputError(f"{shown}: {i18n.localize(exc.args[0], lang)}") from None
    return text


def _utf16(data: bytes) -> str | None:
    """``data`` decoded when it starts with a UTF-16 byte-order mark, else None."""
    if data[:2] not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return None
    try:
        return data.decode("utf-16", errors="surrogatepass")
    except UnicodeDecodeError:
        return None


def _shown(name: str) -> str:
    return STDIN_NAME if name == STDIN else name


# --- batch -----------------------------------------------------------------


def cmd_batch(args: argparse.Namespace, config: Config) -> int:
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
    lines = _read_lines(args.input)
    settings = ui_settings(args, config)
    lang = settings.ui_language
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    except OSError as exc:
        raise InputError(cannot_write(args.output, exc)) from None
    try:
        tally = asyncio.run(_batch(lines, settings, out))
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


SHOWN_BAD_LINES = 10  # the summary names this many bad lines, then counts the rest


def cannot_write(path: str, exc: OSError) -> i18n.Text:
    if isinstance(exc, IsADirectoryError) or Path(path).is_dir():
        return i18n.tr("cli.output-is-folder", "{path} is a folder; give the name of a file to write", path=path)
    if isinstance(exc, FileNotFoundError):
        return i18n.tr("cli.output-no-folder", "{path}: the folder {folder} does not exist; create it or write elsewhere", path=path, folder=str(Path(path).parent))
    return i18n.tr("cli.cannot-write", "{path}: cannot write: {reason}", path=path, reason=exc.strerror or exc)


def _read_lines(name: str) -> list[bytes]:
    shown = _shown(name)
    try:
        if name == STDIN:
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
        else:
            data = Path(name).read_bytes()
    except OSError as exc:
        if isinstance(exc, IsADirectoryError):
            raise InputError(i18n.tr("cli.input-is-folder", "{path} is a folder; give a JSON lines file", path=shown)) from None
        raise InputError(i18n.tr("cli.cannot-read-file", "{path}: cannot read: {reason}", path=shown, reason=exc.strerror or exc)) from None
    unicode16 = _utf16(data)
    if unicode16 is not None:
        data = unicode16.encode("utf-8", errors="surrogatepass")  # a lone surrogate: that line's JSON is refused
    if b"\x00" in data:
        raise InputError(
            i18n.tr("cli.batch.binary", "{path} looks like a binary file, not JSON lines (one {{\"id\", \"text\"}} object a line)", path=shown)
        )
    return data.removeprefix(b"\xef\xbb\xbf").splitlines()


@dataclass
class BatchTally:
    checked: int = 0
    with_errors: int = 0
    bad: list[int] = field(default_factory=list)  # line numbers answered with an error object
    failed: int = 0  # of those, lines where CheckMsg itself failed


async def _batch(lines: list[bytes], settings: CheckSettings, out: TextIO) -> BatchTally:
    tally = BatchTally()
    lang = settings.ui_language
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            result = await batch_line(line, number, settings, lang)
        except Exception as exc:  # noqa: BLE001 - a bug on one line must not cost the others
            log.exception("line %d could not be checked", number)
            result = {"id": _line_id(line, number), "error": say(lang, "cli.batch.line-failed", "internal error while checking this line ({error}); the other lines were still checked", error=_one_line(exc))}
            tally.failed += 1
        written = _json_line(result)
        if written is None:  # e.g. an "id" holding a lone surrogate
            result = {"id": number, "error": say(lang, "cli.batch.unwritable", "the result holds text that is not valid Unicode (a lone surrogate); fix the line's encoding")}
            written = _json_line(result)
        if "error" in result:
            tally.bad.append(number)
        else:
            tally.checked += 1
            tally.with_errors += any(f["severity"] == "error" for f in result["findings"])
        out.write(written)
    return tally


def _line_id(line: bytes, number: int) -> Any:
    """The line's "id" when it has a usable one, else its number."""
    with contextlib.suppress(InputError):
        item = parse_item(line)
        if item.get("id") is not None:
            return item["id"]
    return number


def _json_line(result: dict) -> str | None:
    """``result`` as one line of UTF-8-encodable JSON, or None when it cannot be.

    NEL and the Unicode line and paragraph separators are escaped too: JSON
    allows them raw inside strings, but line readers (Python's splitlines,
    many JSON-lines tools) would cut the answer in two."""
    text = json_text(result) + "\n"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    return text


def json_text(value: Any) -> str:
    """``value`` as one line of JSON, non-ASCII kept, line separators escaped."""
    return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKS)


_LINE_BREAKS = {ord(ch): f"\\u{ord(ch):04x}" for ch in "\x85\u2028\u2029"}


async def batch_line(line: bytes, number: int, settings: CheckSettings, lang: str = i18n.ENGLISH) -> dict:
    """The output object for one input line (never raises for bad input);
    an ``error`` is in ``lang``."""
    try:
        item = parse_item(line)
    except InputError as exc:
        return {"id": number, "error": _localized(exc, lang)}
    draft_id = item["id"] if item.get("id") is not None else number
    try:
        draft = draft_from_item(item)
        report = await check(draft, settings, rewrite=True)
    except (InputError, DraftError) as exc:
        return {"id": draft_id, "error": _localized(exc, lang)}
    return {
        "id": draft_id,
        "findings": [f.public() for f in report.findings],
        "language": report.language,
        "rewrite": report.rewrite,
        **rewrite_json(report),
    }


def parse_item(line: bytes) -> dict:
    try:
        item = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise InputError(i18n.tr("cli.line.not-utf8", "not valid UTF-8")) from None
    except json.JSONDecodeError as exc:
        raise InputError(i18n.tr("cli.line.not-json", "not valid JSON: {error} at column {column}", error=exc.msg, column=exc.colno)) from None
    if not isinstance(item, dict):
        raise InputError(i18n.tr("cli.line.not-object", "not a JSON object"))
    return item


def draft_from_item(item: dict) -> Draft:
    """A Draft from a corpus-shaped object; context keys it lacks stay unknown."""
    text = item.get("text")
    if not isinstance(text, str):
        raise InputError(i18n.tr("cli.line.no-text", 'no "text" string'))
    context = item.get("context") or {}
    if not isinstance(context, dict):
        raise InputError(i18n.tr("cli.line.context-not-object", '"context" is not an object'))
    try:
        return Draft(text=text, context=Context.model_validate(context))
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        raise InputError(i18n.tr("cli.line.context-problem", "context.{key}: {problem}", key=key, problem=i18n.validation_problem(first))) from None


# --- eval ------------------------------------------------------------------


def cmd_eval(args: argparse.Namespace, config: Config) -> int:
    """Measure the checks on a labelled corpus: per-rule precision and recall.

    Each line holds "id", "text", "context" and "expect" (the rule ids a
    correct checker reports). A rule counts once per draft: true positive when
    expected and reported, false positive when only reported, false negative
    when only expected. Error-severity and warning-severity rules are totalled
    apart (severities after the configuration); rules the configuration
    disables are left out. Exit status: 1 when --min-precision or --min-recall
    is not met by the error-severity rules' micro figures, 2 when a corpus line
    is unusable (the rest are still measured), else 0.
    """
    lang = getattr(args, "ui_lang", None) or config.checks.ui_language
    lines = _read_lines(args.corpus)
    items, bad = [], []
    suite: dict[str, tuple[str, str]] = {}  # id -> (rule, perturbation) of a behavioural suite's case
    skipped = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = parse_item(line)
            draft = draft_from_item(item)
            expect = item.get("expect")
            if not isinstance(expect, list) or not all(isinstance(r, str) for r in expect):
                raise InputError(i18n.tr("cli.line.no-expect", 'no "expect" list of rule ids'))
        except InputError as exc:
            bad.append(say(lang, "cli.eval.line", "line {number}: {problem}", number=number, problem=_localized(exc, lang)))
            continue
        if not evaluate.language_matches(draft.context.buyer_language, args.lang, args.include_unset):
            skipped += 1
            continue
        if args.draft_format and (draft.context.format or "text") != args.draft_format:
            skipped += 1
            continue
        items.append((str(item.get("id", f"line {number}")), draft, expect))
        suite[items[-1][0]] = (str(item.get("rule", "")), str(item.get("perturbation", "")))
    results, failed = asyncio.run(_evaluate(items, config.checks, lang))
    bad.extend(failed)
    for problem in bad:
        print(f"checkmsg eval: {args.corpus}: {problem}", file=sys.stderr)
    if getattr(args, "by_perturbation", False):
        rows = [(*suite[i], suite[i][0] in got) for i, _expect, got in results if suite[i][0]]
        print(evaluate.perturbation_text(evaluate.perturbation_cells(rows)))
        return EXIT_USAGE if bad else EXIT_OK

    rules = all_rules()
    disabled = sorted(r for r in rules if not config.checks.enabled(r))
    outcomes = [evaluate.outcome(i, expect, got, ignore=disabled) for i, expect, got in results]
    severities = {r: config.checks.severity(r, rule.severity).value for r, rule in rules.items()}
    groups = evaluate.group_by_severity(evaluate.count_rules(outcomes), severities)
    error_total = groups["error"].total if "error" in groups else evaluate.Counts()
    failures = evaluate.below_bar(error_total, args.min_precision, args.min_recall)
    summary = {
        "corpus": args.corpus,
        "drafts": len(outcomes),
        "skipped": skipped,
        "filters": _filters(args),
        "disabled": disabled,
    }
    if args.json:
        print(json.dumps(_eval_json(summary, groups, outcomes, failures), ensure_ascii=False, indent=2))
    else:
        print(_eval_text({**summary, "filters": _filters(args, lang)}, groups, outcomes, failures, lang))
    if bad:
        return EXIT_USAGE
    return EXIT_FINDINGS if failures else EXIT_OK


async def _evaluate(
    items: list[tuple[str, Draft, list[str]]], settings: CheckSettings, lang: str = i18n.ENGLISH
) -> tuple[list[tuple[str, list[str], set[str]]], list[str]]:
    results, failed = [], []
    for draft_id, draft, expect in items:
        try:
            report = await check(draft, settings, rewrite=False)
        except DraftError as exc:
            failed.append(f"{draft_id}: {_localized(exc, lang)}")
            continue
        results.append((draft_id, expect, {f.rule for f in report.findings}))
    return results, failed


def _filters(args: argparse.Namespace, lang: str = i18n.ENGLISH) -> list[str]:
    """The --lang/--format filters in words (English in JSON, ``lang`` in the text summary)."""
    filters = []
    if args.lang:
        options = list(args.lang) + ([say(lang, "cli.eval.unset", "unset")] if args.include_unset else [])
        filters.append(say(lang, "cli.eval.filter-language", "buyer_language {options}", options=say(lang, "cli.or", " or ").join(options)))
    if args.draft_format:
        filters.append(say(lang, "cli.eval.filter-format", "format {format}", format=args.draft_format))
    return filters


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _eval_text(summary: dict, groups: dict[str, evaluate.Group], outcomes: list, failures: list[str], lang: str = "en") -> str:
    rules = all_rules()
    filters = ""
    if summary["filters"]:
        filters = say(lang, "cli.eval.filters", " ({filters})", filters=say(lang, "words.semicolon", "; ").join(summary["filters"]))
    out = [
        say(
            lang,
            "cli.eval.evaluated",
            "{corpus}: {drafts} drafts evaluated{filters}, {skipped} filtered out",
            corpus=summary["corpus"],
            drafts=summary["drafts"],
            filters=filters,
            skipped=summary["skipped"],
        )
    ]
    if summary["disabled"]:
        out.append(say(lang, "cli.eval.disabled", "Disabled by the configuration, not measured: {rules}", rules=", ".join(summary["disabled"])))
    total = say(lang, "cli.eval.micro-total", "micro total")
    width = max([len(r) for g in groups.values() for r in g.rules] + [_display_width(total)]) + 2
    header = (
        "  "
        + _pad(say(lang, "cli.eval.column-rule", "rule"), width)
        + "".join(
            _rjust(text, size)
            for text, size in (
                ("tp", 4),
                ("fp", 4),
                ("fn", 4),
                (say(lang, "cli.eval.column-support", "support"), 9),
                (say(lang, "cli.eval.column-precision", "precision"), 11),
                (say(lang, "cli.eval.column-recall", "recall"), 8),
            )
        )
    )
    pending = False
    for group in groups.values():
        title = say(lang, "cli.eval.group", "{severity}-severity rules", severity=say(lang, "severity." + group.severity, group.severity.capitalize()))
        out += ["", title, header]
        for rule_id, counts in group.rules.items():
            rule = rules.get(rule_id)
            star = " *" if rule is not None and not rule.implemented else ""
            pending = pending or bool(star)
            out.append(_row(rule_id + star, counts, width))
        out.append(_row(total, group.total, width))
    if not groups:
        out += ["", say(lang, "cli.eval.nothing", "Nothing expected and nothing reported.")]
    if pending:
        out += ["", say(lang, "cli.eval.pending", "* not implemented yet: its expected findings count as misses")]
    wrong = [o for o in outcomes if not o.correct]
    out += ["", say(lang, "cli.eval.differences", "Drafts with differences: {wrong} of {total}", wrong=len(wrong), total=len(outcomes))]
    for o in wrong:
        parts = []
        if o.missed:
            parts.append(say(lang, "cli.eval.missed", "missed {rules}", rules=", ".join(o.missed)))
        if o.extra:
            parts.append(say(lang, "cli.eval.extra", "extra {rules}", rules=", ".join(o.extra)))
        out.append(f"  {o.id}: {say(lang, 'words.semicolon', '; ').join(parts)}")
    for failure in failures:
        out.append(say(lang, "cli.eval.below-bar", "Below the bar: error-severity rules' {failure}", failure=i18n.localize(failure, lang)))
    return "\n".join(out)


def _rjust(text: str, width: int) -> str:
    return " " * max(1, width - _display_width(text)) + text


def _row(name: str, counts: evaluate.Counts, width: int) -> str:
    return (
        f"  {name}{' ' * max(0, width - _display_width(name))}{counts.tp:>4}{counts.fp:>4}{counts.fn:>4}{counts.support:>9}"
        f"{_figure(counts.precision):>11}{_figure(counts.recall):>8}"
    )


def _eval_json(summary: dict, groups: dict[str, evaluate.Group], outcomes: list, failures: list[str]) -> dict:
    return {
        **summary,
        "groups": {
            name: {
                "rules": {rule: counts.as_dict() for rule, counts in group.rules.items()},
                "micro": group.total.as_dict(),
            }
            for name, group in groups.items()
        },
        "wrong": [{"id": o.id, "missed": o.missed, "extra": o.extra} for o in outcomes if not o.correct],
        "below_bar": failures,
    }


# --- rules -----------------------------------------------------------------


def cmd_rules(args: argparse.Namespace, config: Config) -> int:
    """List the rule catalogue, or explain one rule: what it catches, why, what it needs, examples.

    Severities shown are after the configuration; "off" marks a disabled rule.
    """
    rules = all_rules()
    lang = ui_settings(args, config).ui_language
    if args.rule is None:
        return _list_rules(rules, config, args.json, lang)
    rule = rules.get(args.rule)
    if rule is None:
        close = difflib.get_close_matches(args.rule, list(rules), n=3, cutoff=0.6)
        if close:
            hint = say(lang, "cli.rules.did-you-mean", "; did you mean {options}?", options=say(lang, "cli.or", " or ").join(close))
        else:
            hint = say(lang, "cli.rules.list-them", "; `checkmsg rules` lists them")
        raise InputError(say(lang, "cli.rules.unknown", "no rule has the id {rule!r}{hint}", rule=args.rule, hint=hint))
    info = _rule_info(rule, config, lang)
    info["example_message"] = _example_message(rule, config, lang)
    if args.json:
        print(json.dumps(info, ensure_ascii=False, indent=2))
    else:
        print(_explain(info, lang))
    return EXIT_OK


def _rule_info(rule: Any, config: Config, lang: str = "en") -> dict:
    needs = [" or ".join(n) if isinstance(n, tuple) else n for n in rule.needs]
    documentation = i18n.Text(rule.id + "#doc", inspect.cleandoc(rule.documentation())).localized(lang)
    documentation = documentation.replace("``", "`")  # docstrings quote code reST-style; a terminal shows one
    return {
        "id": rule.id,
        "severity": config.checks.severity(rule.id, rule.severity).value,
        "enabled": config.checks.enabled(rule.id),
        "implemented": rule.implemented,
        "summary": _summary(documentation),
        "documentation": documentation,
        "message": i18n.Text(rule.id, rule.message).localized(lang),
        "guideline": i18n.Text(rule.id + "#guideline", rule.guideline).localized(lang),
        "needs": needs,
        "violating": {"text": rule.violating.text, "context": rule.violating.context},
        "compliant": {"text": rule.compliant.text, "context": rule.compliant.context},
    }


def _example_message(rule: Any, config: Config, lang: str) -> str:
    """The rule's message as a person will read it: what it says on its own
    violating example (no ``{placeholders}`` left), else the template with
    each placeholder shown as "…"."""
    example = rule.violating
    draft_context = {key: value for key, value in example.context.items()}
    settings = config.checks.model_copy(update={"ui_language": lang})
    if settings.enabled(rule.id) is False:  # a disabled rule would say nothing: ask it anyway
        settings = CheckSettings(ui_language=lang)
    try:
        draft = Draft(text=example.text, context=Context.model_validate(draft_context))
        report = asyncio.run(check(draft, settings, rewrite=False))
    except (ValidationError, DraftError):  # an example past its dates: the template will do
        report = None
    found = next((f.message for f in report.findings if f.rule == rule.id), None) if report else None
    if found is not None:
        return found
    template = i18n.Text(rule.id, rule.message).localized(lang) if lang != i18n.ENGLISH else rule.message
    return _PLACEHOLDER.sub("…", template)


_PLACEHOLDER = re.compile(r"\{[^{}]{1,40}\}")


def _summary(documentation: str) -> str:
    """The documentation's first paragraph on one line (Chinese lines join without spaces)."""
    lines = [" ".join(line.split()) for line in documentation.split("\n\n")[0].splitlines()]
    summary = ""
    for line in filter(None, lines):
        wide = not summary or _CJK.match(summary[-1]) or _CJK.match(line[0])
        summary += ("" if wide else " ") + line
    return summary


_CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def _severity_word(info: dict, lang: str) -> str:
    return say(lang, "severity." + info["severity"], info["severity"])


def _pad(text: str, width: int) -> str:
    return text + " " * max(1, width - _display_width(text))


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _list_rules(rules: dict, config: Config, as_json: bool, lang: str = "en") -> int:
    infos = [_rule_info(rule, config, lang) for rule in rules.values()]
    infos.sort(key=lambda i: i["id"])
    if as_json:
        print(json.dumps(infos, ensure_ascii=False, indent=2))
        return EXIT_OK
    width = max(len(i["id"]) for i in infos) + 2
    header = say(lang, "cli.rules.column-severity", "SEVERITY")
    print(_pad(say(lang, "cli.rules.column-id", "ID"), width) + _pad(header, 10) + say(lang, "cli.rules.column-summary", "SUMMARY"))
    for info in infos:
        severity = _severity_word(info, lang) if info["enabled"] else say(lang, "cli.rules.off", "off")
        pending = say(lang, "cli.rules.pending", " (not implemented yet)") if not info["implemented"] else ""
        print(f"{info['id']:<{width}}{_pad(severity, 10)}{info['summary']}{pending}")
    print("\n" + say(lang, "cli.rules.count", "{count} rules. `checkmsg rules ID` explains one.", count=len(infos)))
    return EXIT_OK


def _explain(info: dict, lang: str = "en") -> str:
    if info["enabled"]:
        state = _severity_word(info, lang)
    else:
        state = say(lang, "cli.rules.off-would-be", "off (would be {severity})", severity=_severity_word(info, lang))
    out = [f"{info['id']} — {state}"]
    if not info["implemented"]:
        out.append(say(lang, "cli.rules.not-implemented", "Not implemented yet: this rule reports nothing for now."))
    guideline = say(lang, "cli.rules.guideline", "Guideline: {text}", text=info["guideline"])
    message = say(lang, "cli.rules.message", "Message:   {text}", text=info.get("example_message", info["message"]))
    out += ["", info["documentation"], "", guideline, message]
    or_ = say(lang, "cli.or", " or ")
    needs = ", ".join(n.replace(" or ", or_) for n in info["needs"]) if info["needs"] else say(lang, "cli.rules.needs-nothing", "nothing beyond the text")
    out.append(say(lang, "cli.rules.needs", "Needs:     {needs}", needs=needs))
    for label in ("violating", "compliant"):
        example = info[label]
        if label == "violating":
            out += ["", say(lang, "cli.rules.violating", "Violating example:")]
        else:
            out += ["", say(lang, "cli.rules.compliant", "Compliant example:")]
        out += ["  | " + line for line in example["text"].splitlines() or [""]]
        if example["context"]:
            context = json.dumps(example["context"], ensure_ascii=False)
            out.append(say(lang, "cli.rules.context", "  context: {context}", context=context))
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
