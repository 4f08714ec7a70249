"""Drafts as JSON: corpus-shaped objects in, report objects out.

A line of a corpus or a batch is one JSON object ``{"id", "text", "context"}``
(a corpus adds ``"expect"``). :func:`draft_from_item` makes a ``Draft`` of
one, :func:`batch_line` answers one line with its findings or an error, and
:func:`check_lines` runs a whole batch. ``checkmsg batch`` and ``checkmsg
eval`` (``adapters/cli/``), the benches and the tests share them; reading
files and printing summaries belong to the command line.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass, field
from typing import Any, TextIO

from pydantic import ValidationError

from checks import CheckSettings, Context, Draft, DraftError, Report, check, i18n
from checks.i18n import say

log = logging.getLogger(__name__)


class ItemError(ValueError):
    """A line that cannot be checked (not JSON, no text, an invalid context);
    its one argument is a keyed text saying why."""


def localized(exc: Exception, lang: str) -> str:
    """An exception's text in ``lang`` when it carries a keyed text, else as it is."""
    if len(exc.args) == 1 and isinstance(exc.args[0], i18n.Text):
        return exc.args[0].localized(lang)
    return str(exc)


def parse_item(line: bytes) -> dict:
    """One line of JSON lines as an object; :class:`ItemError` when it is not one."""
    try:
        item = json.loads(line.decode("utf-8"))
    except UnicodeDecodeError:
        raise ItemError(i18n.tr("batch.line.not-utf8", "not valid UTF-8")) from None
    except json.JSONDecodeError as exc:
        raise ItemError(i18n.tr("batch.line.not-json", "not valid JSON: {error} at column {column}", error=exc.msg, column=exc.colno)) from None
    if not isinstance(item, dict):
        raise ItemError(i18n.tr("batch.line.not-object", "not a JSON object"))
    return item


def draft_from_item(item: dict) -> Draft:
    """A Draft from a corpus-shaped object; context keys it lacks stay unknown."""
    text = item.get("text")
    if not isinstance(text, str):
        raise ItemError(i18n.tr("batch.line.no-text", 'no "text" string'))
    context = item.get("context") or {}
    if not isinstance(context, dict):
        raise ItemError(i18n.tr("batch.line.context-not-object", '"context" is not an object'))
    try:
        return Draft(text=text, context=Context.model_validate(context))
    except ValidationError as exc:
        first = exc.errors()[0]
        key = ".".join(str(part) for part in first["loc"])
        raise ItemError(i18n.tr("batch.line.context-problem", "context.{key}: {problem}", key=key, problem=i18n.validation_problem(first))) from None


def report_json(report: Report, path: str | None) -> dict:
    """A report as ``checkmsg check --format json`` writes it."""
    return {
        "path": path,
        "language": report.language,
        "findings": [f.public() for f in report.findings],
        "missing_context": report.missing_context,
        "notes": report.notes,
        "rewrite": report.rewrite,
    }


def rewrite_json(report: Report) -> dict:
    """The rewrite's re-check: rules still found on it, its status and verdict, guidance."""
    return {
        "remaining": report.remaining,
        "rewrite_status": report.rewrite_status,
        "rewrite_verdict": report.rewrite_verdict,
        "guidance": [g.model_dump() for g in report.guidance],
    }


def json_text(value: Any) -> str:
    """``value`` as one line of JSON, non-ASCII kept, line separators escaped."""
    text = json.dumps(value, ensure_ascii=False)
    for ch in _LINE_BREAKS:  # str.replace: translate walks a long answer slowly
        if ch in text:
            text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


_LINE_BREAKS = "\x85\u2028\u2029"


def one_line(exc: BaseException) -> str:
    """An exception as ``Type: first line of its message`` (at most 300 characters)."""
    lines = str(exc).strip().splitlines()
    return (f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__)[:300]


async def batch_line(line: bytes, number: int, settings: CheckSettings, lang: str = i18n.ENGLISH) -> dict:
    """The output object for one input line (never raises for bad input);
    an ``error`` is in ``lang``."""
    try:
        item = parse_item(line)
    except ItemError as exc:
        return {"id": number, "error": localized(exc, lang)}
    draft_id = item["id"] if item.get("id") is not None else number
    try:
        draft = draft_from_item(item)
        report = await check(draft, settings, rewrite=True)
    except (ItemError, DraftError) as exc:
        return {"id": draft_id, "error": localized(exc, lang)}
    return {
        "id": draft_id,
        "findings": [f.public() for f in report.findings],
        "language": report.language,
        "rewrite": report.rewrite,
        **rewrite_json(report),
    }


@dataclass
class BatchTally:
    checked: int = 0
    with_errors: int = 0
    bad: list[int] = field(default_factory=list)  # line numbers answered with an error object
    failed: int = 0  # of those, lines where CheckMsg itself failed


async def check_lines(lines: list[bytes], settings: CheckSettings, out: TextIO) -> BatchTally:
    """Check each line and write one JSON line for it to ``out``, in order; blank lines are skipped.
    A line that fails inside CheckMsg is answered with an error and logged; the others still run."""
    tally = BatchTally()
    lang = settings.ui_language
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            result = await batch_line(line, number, settings, lang)
        except Exception as exc:  # noqa: BLE001 - a bug on one line must not cost the others
            log.exception("line %d could not be checked", number)
            result = {"id": _line_id(line, number), "error": say(lang, "batch.line-failed", "internal error while checking this line ({error}); the other lines were still checked", error=one_line(exc))}
            tally.failed += 1
        written = _json_line(result)
        if written is None:  # e.g. an "id" holding a lone surrogate
            result = {"id": number, "error": say(lang, "batch.unwritable", "the result holds text that is not valid Unicode (a lone surrogate); fix the line's encoding")}
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
    with contextlib.suppress(ItemError):
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
