"""``checkmsg``: check drafts, batch-check JSON lines, measure the checks, explain
the rules, export the audit trail, send through Amazon, and run the console,
Slack and Discord bots; one module of this package per subcommand.

Conventions follow prose linters such as Vale: findings as
``line:column severity message rule``, ``--format json`` for machines, and
an exit status that means one thing each (``bot/exits.py``): 0 no
error-severity finding, 1 at least one, 2 the input, the options or the
configuration could not be used, 3 a service (the review database) is
unavailable, 4 an internal error (a bug: one sentence on standard error, the
traceback in a file or, with ``--debug``, on standard error), 130 Ctrl-C.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import traceback
from typing import Any

from bot.batch import localized, one_line
from bot.config import ConfigError, load_config
from bot.exits import EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE
from checks import i18n
from checks.i18n import say

from .common import InputError
from .parser import DEBUG_OPTION, argparse_in, build_parser, chosen_command, help_language

__all__ = ["main"]


def main(argv: list[str] | None = None) -> int:
    """Run ``checkmsg`` with ``argv`` (default: the command line); returns the exit status.

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
        lang = help_language(argv, chosen)
        return _run(argv, chosen, lang)
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


def _run(argv: list[str], chosen: str | None, lang: str) -> int:
    parser = build_parser(chosen, lang)
    try:
        with argparse_in(lang):
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
        print(f"checkmsg: {localized(exc, lang)}", file=sys.stderr)
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
    what = one_line(exc)
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
            text += f" ({one_line(error)}; --debug shows the traceback)"
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
