"""The ``checkmsg`` command line: its subcommands, and their help and usage errors in the person's language.

Each subcommand is a module of this package with ``configure(parser)`` (its
options, and its description) and ``run(args, config)`` (the exit status).
A module is imported only when its command is the one run, so ``checkmsg
check`` does not load SQLAlchemy, slack-bolt or discord.py.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from bot.config import ConfigError, load_config
from checks import i18n
from checks.i18n import say

DEBUG_OPTION = "--debug"


@dataclass(frozen=True)
class Command:
    """A subcommand: its name, its line in ``checkmsg --help``, and the module that holds it."""

    name: str
    help: str
    module: str

    def add_to(self, sub: argparse._SubParsersAction, chosen: str | None, lang: str = i18n.ENGLISH) -> argparse.ArgumentParser:
        parser = sub.add_parser(self.name, help=say(lang, "cli.help." + self.name, self.help))
        if chosen != self.name:  # listed in --help, built for real only when chosen
            return parser
        module = importlib.import_module(self.module)
        module.configure(parser)
        if parser.description and lang != i18n.ENGLISH:
            parser.description = say(lang, "cli.doc." + self.name, parser.description)
        parser.set_defaults(run=module.run)
        return parser


COMMANDS = (
    Command("check", "check draft files (or standard input)", "adapters.cli.check"),
    Command("batch", "check JSON lines of drafts", "adapters.cli.batch"),
    Command("eval", "precision and recall over a labelled corpus", "adapters.cli.eval"),
    Command("rules", "list the rules, or explain one", "adapters.cli.rules"),
    Command("audit", "export the review audit trail as CSV or JSON", "adapters.cli.audit"),
    Command("send", "send an approved draft through Amazon", "adapters.cli.send"),
    Command("console", "try the review flow in the terminal (no chat token needed)", "adapters.cli.console"),
    Command("slack", "run the Slack bot (Socket Mode, or HTTP with --http)", "adapters.cli.slack"),
    Command("discord", "run the Discord bot (settings from DISCORD_* environment variables)", "adapters.cli.discord"),
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


def build_parser(chosen: str | None = None, lang: str = i18n.ENGLISH) -> argparse.ArgumentParser:
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
    for command in COMMANDS:
        # --config is accepted before and after the command; after wins.
        command.add_to(sub, chosen, lang).add_argument("--config", metavar="PATH", default=argparse.SUPPRESS, help="configuration file")
    if lang != i18n.ENGLISH:
        _localize_help(parser, lang, "top")
        for name, subparser in sub.choices.items():
            _localize_help(subparser, lang, name)
    return parser


def doc(func: Any) -> str:
    """A function's docstring as a command's description."""
    return textwrap.dedent(func.__doc__ or "").strip()


# argparse's own group titles, by their English text.
GROUP_KEYS = {
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
        if group.title in GROUP_KEYS:
            group.title = say(lang, GROUP_KEYS[group.title], group.title)
    usage = say(lang, "cli.group.usage", "usage: ")

    class Formatter(argparse.HelpFormatter):
        def add_usage(self, text, actions, groups, prefix=None):
            return super().add_usage(text, actions, groups, usage if prefix is None else prefix)

    parser.formatter_class = Formatter


def help_language(argv: list[str], chosen: str | None) -> str:
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
ARGPARSE_KEYS = {
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
def argparse_in(lang: str) -> Iterator[None]:
    """argparse's error messages in ``lang`` while the command line is read."""
    if lang == i18n.ENGLISH:
        yield
        return
    original = argparse._
    _parsing_in[0] = lang

    def translate(text: str) -> str:
        key = ARGPARSE_KEYS.get(text)
        return say(lang, key, text) if key else original(text)

    argparse._ = translate
    try:
        yield
    finally:
        argparse._ = original
        _parsing_in[0] = i18n.ENGLISH


_parsing_in = [i18n.ENGLISH]  # the language of the command line being read (option value errors)


def fraction(value: str) -> float:
    """An option value between 0 and 1 (``--min-precision``), refused in the command line's language."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(say(_parsing_in[0], "cli.not-a-number", "{value!r} is not a number", value=value)) from None
    if not 0 <= number <= 1:
        raise argparse.ArgumentTypeError(say(_parsing_in[0], "cli.not-a-fraction", "{value} is not between 0 and 1", value=value))
    return number


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version("checkmsg")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"
