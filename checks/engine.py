"""Runs every enabled rule over a draft and gathers one report."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import gc
import itertools
import logging
import re
import threading
import time

from . import i18n, language
from .document import Document
from .errors import MAX_DRAFT_CHARS, MAX_FINDINGS_PER_RULE, MAX_TEXT_CHARS, DraftError
from .models import Draft, Finding, Report, Severity
from .registry import INTERNAL_ERROR, Hit, Rule, preload_all
from .rewrite import Suggestion, suggest_checked
from .rewrite import suggest as suggest_rewrite
from .rules import all_rules
from .settings import CheckSettings

log = logging.getLogger(__name__)


# C0 controls other than tab, newline, form feed and carriage return.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
# A surrogate code point in a str is never text: it comes from a damaged
# encoding (JSON "\\udc00", bytes read with surrogateescape).
_SURROGATE = re.compile("[\ud800-\udfff]")


def validate_text(text: str) -> None:
    """Refuse drafts that cannot be a buyer message, with a reason a person reads."""
    if not text.strip():
        raise DraftError(i18n.tr("draft.empty", "the draft is empty"))
    if len(text) > MAX_DRAFT_CHARS:
        raise DraftError(
            i18n.tr(
                "draft.too-long",
                "the draft has {count:,} characters; CheckMsg checks at most {limit:,} (a buyer message allows 2,000): shorten it",
                count=len(text),
                limit=MAX_DRAFT_CHARS,
            )
        )
    if "\x00" in text:
        raise DraftError(i18n.tr("draft.nul", "the draft contains NUL bytes: it looks like a binary file, not text"))
    surrogate = _SURROGATE.search(text)
    if surrogate:
        raise DraftError(
            i18n.tr(
                "draft.surrogate",
                "the draft holds a broken character (a lone surrogate, U+{code:04X}, at character {offset:,}): "
                "its encoding was damaged; retype that part or save the draft as UTF-8",
                code=ord(surrogate.group()),
                offset=surrogate.start() + 1,
            )
        )
    controls = len(_CONTROL_CHARS.findall(text))
    if controls > max(8, len(text) // 100):
        raise DraftError(i18n.tr("draft.controls", "the draft is mostly control characters: it looks like a binary file"))


_preloaded = False


def preload() -> None:
    """Start loading the rules' slow models (grammar) in the background; idempotent."""
    global _preloaded
    if not _preloaded:
        _preloaded = True
        preload_all()


async def check(draft: Draft, settings: CheckSettings | None = None, rewrite: bool = True) -> Report:
    """Check one draft; rule failures become internal-error findings.

    ``rewrite``: also suggest the compliant rewrite, its diff and guidance
    (``checks/rewrite/``). The rewrite is checked again before it is shown, so a
    draft with findings costs about two checks (up to three with a second pass).
    The check runs in the caller's event loop and hands it back between rules
    (``YIELD_EVERY``): a bot keeps answering while a long template is checked."""
    preload()
    settings = settings or CheckSettings()
    validate_text(draft.text)
    today = dt.date.today()
    with collector_paused():
        doc = Document.build(draft, settings, today=today)
        try:
            report = await _run(doc, settings, rewrite, draft)
        finally:
            doc.release()
            del doc  # freed before the collector is back: nothing left for it to walk
    return report


def rule_hits(rule: Rule, doc: Document) -> list[Hit]:
    """A rule's hits, at most MAX_FINDINGS_PER_RULE (a note says when it stopped)."""
    hits = list(itertools.islice(rule.find(doc), MAX_FINDINGS_PER_RULE + 1))
    if len(hits) > MAX_FINDINGS_PER_RULE:
        hits = hits[:MAX_FINDINGS_PER_RULE]
        doc.notes.append(
            i18n.tr(
                "note.rule-stopped",
                "{rule}: stopped after {count} findings; fix these and check again.",
                rule=rule.id,
                count=MAX_FINDINGS_PER_RULE,
            )
        )
    return hits


# A long check hands the event loop back this often (seconds), between rules.
YIELD_EVERY = 0.005

_pause_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextlib.contextmanager
def collector_paused():
    """No automatic cyclic garbage collection while a check runs.

    An HTML check allocates tens of thousands of objects (the parsed tree,
    styles, tokens) that live until the check ends; the collector's passes
    over them free nothing, and a full pass costs as much as the check
    itself. The tree is taken apart at the end (``Document.release``), so
    what the check leaves is freed by reference counting. Nested and
    concurrent checks share one pause; the last one out restores the
    collector as it found it, and collects the youngest generation at once:
    what the check keeps (its report, cache entries) is walked there once,
    in about a millisecond, instead of piling up over checks (deallocations
    hold the automatic trigger back) into a pass of tens of milliseconds
    inside some later check."""
    global _pauses, _was_enabled
    with _pause_lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
                gc.collect(0)


async def _run(doc: Document, settings: CheckSettings, rewrite: bool, draft: Draft) -> Report:
    if len(doc.text) > MAX_TEXT_CHARS:
        raise DraftError(
            i18n.tr(
                "draft.text-too-long",
                "the message text has {count:,} characters; CheckMsg checks at most {limit:,} "
                "(Amazon allows 2,000 in a text message): shorten it",
                count=len(doc.text),
                limit=MAX_TEXT_CHARS,
            )
        )
    with language.failures_recorded() as detection_failures:
        return await _run_rules(doc, settings, rewrite, draft, detection_failures)


async def _run_rules(doc: Document, settings: CheckSettings, rewrite: bool, draft: Draft, detection_failures: list[str]) -> Report:
    findings: list[Finding] = []
    missing: dict[str, list[str]] = {}
    last_yield = time.perf_counter()
    given = doc.given_context
    for rule in all_rules().values():
        if not rule.implemented or not settings.enabled(rule.id):
            continue
        lacking = rule.missing(given)
        if lacking:
            missing[rule.id] = lacking
            continue
        try:
            hits = rule_hits(rule, doc)
        except Exception as exc:  # a broken rule must not hide the others' findings
            log.exception("rule %s failed", rule.id)
            findings.append(_internal_error(rule, _one_line(exc)))
            continue
        findings.extend(_finding(rule, hit, doc, settings) for hit in hits)
        if time.perf_counter() - last_yield > YIELD_EVERY:  # let the bot's other tasks run
            await asyncio.sleep(0)
            last_yield = time.perf_counter()
    found_language = _language(doc, findings)
    if detection_failures:  # contained in checks/language.py; reported like a rule that failed
        findings.append(_internal_error(LANGUAGE_DETECTION, detection_failures[0]))
    findings.sort(key=lambda f: (f.span or (len(doc.source), 0), f.rule))
    report = Report(
        findings=findings,
        language=found_language,
        missing_context=missing,
        notes=list(doc.notes),
    )
    if rewrite:
        await _suggest_rewrite(report, doc, settings, draft)
    return i18n.localize_report(report, settings.ui_language)


async def _suggest_rewrite(report: Report, doc: Document, settings: CheckSettings, draft: Draft) -> None:
    """The rewrite, re-checked once with the draft's context and settings
    (``rewrite=False``: the re-check suggests nothing, so it does not recurse)."""

    async def recheck(text: str, again: bool) -> tuple[list[Finding], Suggestion | None]:
        """The findings on ``text``; with ``again``, also the rewrite of ``text`` itself."""
        validate_text(text)
        redraft = Draft(text=text, context=draft.context)
        redoc = Document.build(redraft, settings, today=doc.today, budget=doc.budget, analysed=doc._analysed, searched=doc._searched)
        try:
            found = (await _run(redoc, settings, False, redraft)).findings
            return found, (suggest_rewrite(redoc, [f.model_copy() for f in found]) if again and found else None)
        finally:
            redoc.release()

    try:
        outcome = await suggest_checked(doc, report.findings, recheck)
    except DraftError as exc:  # the rewrite is no draft either (e.g. mostly control characters): none is offered
        log.debug("rewrite refused on re-check: %s", exc)
        report.notes.append(i18n.tr("note.rewrite-failed", "No rewrite could be suggested ({error}).", error=str(exc)))
        return
    except Exception as exc:  # a rewrite bug must not cost the findings
        log.exception("rewrite failed")
        report.notes.append(
            i18n.tr("note.rewrite-failed", "No rewrite could be suggested ({error}).", error=f"{type(exc).__name__}: {exc}")
        )
        return
    report.rewrite, report.diff, report.guidance = outcome.text, outcome.diff, outcome.guidance
    report.remaining, report.rewrite_status, report.rewrite_verdict = outcome.remaining, outcome.status, outcome.verdict


def _finding(rule: Rule, hit: Hit, doc: Document, settings: CheckSettings) -> Finding:
    if hit.source:  # already in source offsets (HTML rules)
        span, fix = hit.span, hit.fix
    else:
        span = doc.source_span(hit.span) if hit.span else None
        fix = doc.source_fix(hit.fix) if hit.fix else None
    return Finding(
        rule=rule.id,
        severity=settings.severity(rule.id, rule.severity),
        message=hit.message or i18n.Text(rule.id, rule.message),
        span=span,
        excerpt=doc.source[span[0] : span[1]] if span else None,
        guideline=i18n.Text(rule.id + "#guideline", rule.guideline),
        fix=fix,
    )


class _Part:
    """A part of the engine that is not a rule but can fail like one."""

    def __init__(self, part_id: str, guideline: i18n.Text) -> None:
        self.id, self.guideline_text = part_id, guideline


LANGUAGE_DETECTION = _Part(
    "language detection",
    i18n.tr("engine.language-guideline", "Write in the buyer's preferred language; with the language unknown, check it by hand."),
)


def _language(doc: Document, findings: list[Finding]) -> str | None:
    """The draft's language for the report; a failure is reported, not raised."""
    try:
        return doc.language
    except Exception as exc:  # noqa: BLE001 - the findings must not be lost to it
        log.exception("working out the draft's language failed")
        findings.append(_internal_error(LANGUAGE_DETECTION, _one_line(exc)))
        return None


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return (f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__)[:300]


def _internal_error(rule: Rule | _Part, error: str) -> Finding:
    """What the report says for a rule (or part) that failed: not checked, and why."""
    if isinstance(rule, _Part):
        guideline = rule.guideline_text
    else:
        guideline = i18n.Text(rule.id + "#guideline", rule.guideline)
    return Finding(
        rule=INTERNAL_ERROR,
        severity=Severity.WARNING,
        message=i18n.tr(
            "engine.internal-error",
            "Not checked: internal error in {rule} ({error}); its result is unknown, check this part by hand.",
            rule=rule.id,
            error=error,
        ),
        guideline=guideline,
    )
