"""What several subcommands share: reading drafts and JSON lines, the context
options, the ``--lang`` option, and errors that name an unusable input."""

from __future__ import annotations

import argparse
import codecs
import sys
import unicodedata
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.batch import localized
from bot.config import Config
from bot.render import CONTEXT_OPTIONS
from checks import MAX_DRAFT_CHARS, CheckSettings, Context, DraftError, i18n, validate_text
from checks.i18n import say

STDIN = "-"
STDIN_NAME = "<stdin>"

__all__ = [
    "STDIN", "InputError", "add_context_options", "cannot_write", "context_from_args", "decode_draft",
    "display_width", "lang_option", "localized", "pad", "read_draft", "read_lines", "shown", "ui_settings",
]


class InputError(Exception):
    """An input that cannot be checked; ``str()`` names it and says why."""


def lang_option(p: argparse.ArgumentParser) -> None:
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
    named = shown(name)
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
        raise InputError(f"{named}: {reason}") from None
    if len(data) > limit:
        reason = say(lang, "cli.too-large", "too large: CheckMsg checks at most {limit:,} characters", limit=MAX_DRAFT_CHARS)
        raise InputError(f"{named}: {reason}")
    return decode_draft(data, named, lang)


def decode_draft(data: bytes, named: str, lang: str = "en") -> str:
    """The text of a draft file: UTF-8 (with or without a byte-order mark),
    or UTF-16 with its byte-order mark (what Windows editors save as "Unicode")."""
    unicode16 = _utf16(data)
    if unicode16 is not None:
        try:
            data = unicode16.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: not text in any encoding
            reason = say(lang, "cli.bad-utf16", "is not valid UTF-16 text; save the draft as UTF-8")
            raise InputError(f"{named}: {reason}") from None
    if b"\x00" in data:
        reason = say(lang, "cli.binary", "looks like a binary file (it has NUL bytes); save the draft as UTF-8 text")
        raise InputError(f"{named}: {reason}")
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
        raise InputError(f"{named}: {reason}") from None
    text = text.removeprefix("\ufeff")
    try:
        validate_text(text)
    except DraftError as exc:
        raise InputError(f"{named}: {i18n.localize(exc.args[0], lang)}") from None
    return text


def read_lines(name: str) -> list[bytes]:
    """The lines of a JSON lines file (``-``: standard input), a byte-order mark dropped."""
    named = shown(name)
    try:
        if name == STDIN:
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read() if stream is not None else sys.stdin.read().encode("utf-8")
        else:
            data = Path(name).read_bytes()
    except OSError as exc:
        if isinstance(exc, IsADirectoryError):
            raise InputError(i18n.tr("cli.input-is-folder", "{path} is a folder; give a JSON lines file", path=named)) from None
        raise InputError(i18n.tr("cli.cannot-read-file", "{path}: cannot read: {reason}", path=named, reason=exc.strerror or exc)) from None
    unicode16 = _utf16(data)
    if unicode16 is not None:
        data = unicode16.encode("utf-8", errors="surrogatepass")  # a lone surrogate: that line's JSON is refused
    if b"\x00" in data:
        raise InputError(
            i18n.tr("cli.batch.binary", "{path} looks like a binary file, not JSON lines (one {{\"id\", \"text\"}} object a line)", path=named)
        )
    return data.removeprefix(b"\xef\xbb\xbf").splitlines()


def _utf16(data: bytes) -> str | None:
    """``data`` decoded when it starts with a UTF-16 byte-order mark, else None."""
    if data[:2] not in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        return None
    try:
        return data.decode("utf-16", errors="surrogatepass")
    except UnicodeDecodeError:
        return None


def shown(name: str) -> str:
    """A file name as messages show it (standard input as ``<stdin>``)."""
    return STDIN_NAME if name == STDIN else name


def cannot_write(path: str, exc: OSError) -> i18n.Text:
    if isinstance(exc, IsADirectoryError) or Path(path).is_dir():
        return i18n.tr("cli.output-is-folder", "{path} is a folder; give the name of a file to write", path=path)
    if isinstance(exc, FileNotFoundError):
        return i18n.tr("cli.output-no-folder", "{path}: the folder {folder} does not exist; create it or write elsewhere", path=path, folder=str(Path(path).parent))
    return i18n.tr("cli.cannot-write", "{path}: cannot write: {reason}", path=path, reason=exc.strerror or exc)


def pad(text: str, width: int) -> str:
    """``text`` and spaces to ``width`` terminal columns (at least one space)."""
    return text + " " * max(1, width - display_width(text))


def display_width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
