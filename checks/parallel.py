"""A second core for long HTML drafts.

The style rules of an HTML draft (``html.*``: the parsed tree and its CSS
cascade) and its text rules share nothing but the submitted source. So a
long-running process (the bot) can check the two halves at once: a worker
process parses the template with its tree and runs the ``html.*`` rules,
while the calling process reads only the visible text (no tree) and runs
every other rule. The report is the one a single process makes (tested);
on a 100 KB template the check takes about a quarter less time.

Only a started and warmed pool is used (``start()``, called when a bot
starts): a one-shot CLI check never waits for a worker to start. If the
worker fails or dies, its half is checked in the calling process and a new
worker is started (at most ``MAX_RESTARTS`` times).
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import contextlib
import datetime as dt
import gc
import logging
import multiprocessing
import signal
import threading

from . import markup
from .models import Draft
from .registry import all_rules
from .settings import CheckSettings

log = logging.getLogger(__name__)

# Below this many characters of source the round trip costs more than it saves.
MIN_SOURCE_CHARS = 20_000
HTML_RULES = "html."

_lock = threading.Lock()
_pool: cf.ProcessPoolExecutor | None = None
_ready = threading.Event()
_suspended = 0
MAX_RESTARTS = 3
_restarts = 0

# (rule id, its hits or None, the error that stopped it or None), and the notes made after the parse
HtmlHalf = tuple[list[tuple[str, list | None, str | None]], list[str]]


def start() -> None:
    """Start the worker process in the background; idempotent."""
    global _pool
    with _lock:
        if _pool is not None:
            return
        _pool = cf.ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=_warm)
        _pool.submit(_ping).add_done_callback(_warmed)


def restart() -> None:
    """After a worker failure: a fresh worker, at most MAX_RESTARTS times per
    process (a worker that keeps dying leaves the checks in one process)."""
    global _restarts
    stop()
    with _lock:
        if _restarts >= MAX_RESTARTS:
            log.warning("the HTML worker failed %d times; checks run in one process from now on", _restarts + 1)
            return
        _restarts += 1
    start()


def stop(wait: bool = False) -> None:
    """Stop the worker; checks run in one process again. ``wait``: until its process exited
    (a bot shutting down leaves no child behind)."""
    global _pool
    with _lock:
        pool, _pool = _pool, None
        _ready.clear()
    if pool is not None:
        pool.shutdown(wait=wait, cancel_futures=True)


@contextlib.contextmanager
def suspended():
    """Checks inside run in one process even with a worker up (to compare the
    two ways: tests, benchmarks). Not for concurrent use."""
    global _suspended
    _suspended += 1
    try:
        yield
    finally:
        _suspended -= 1


def ready(timeout: float | None = None) -> bool:
    """Whether the worker is up and warm (waiting up to ``timeout`` seconds)."""
    return _ready.wait(timeout) if timeout else _ready.is_set()


def submit(draft: Draft, settings: CheckSettings, today: dt.date) -> asyncio.Future | None:
    """Hand the draft's ``html.*`` half to the worker, or None when it stays here
    (no warm worker, plain text, or a draft too short to be worth it)."""
    if _suspended or not _ready.is_set() or len(draft.text) < MIN_SOURCE_CHARS:
        return None
    if not markup.is_html(draft.text, draft.context.format):
        return None
    pool = _pool
    if pool is None:
        return None
    try:
        future = asyncio.get_running_loop().run_in_executor(pool, html_half, draft, settings, today)
    except (RuntimeError, cf.BrokenExecutor):  # shut down or broken since the test above
        stop()
        return None
    future.add_done_callback(_retrieve)
    return future


def html_half(draft: Draft, settings: CheckSettings, today: dt.date) -> HtmlHalf:
    """The ``html.*`` rules over a draft, with its tree (in the worker, or
    here when the worker failed)."""
    from .document import Document
    from .engine import applicable, collector_paused, rule_hits

    with collector_paused():
        doc = Document.build(draft, settings, today, text=False)  # the html.* rules read no visible text
        try:
            before = len(doc.notes)
            results: list[tuple[str, list | None, str | None]] = []
            for rule in all_rules().values():
                if not rule.id.startswith(HTML_RULES) or not applicable(rule, settings, doc.given_context):
                    continue
                try:
                    results.append((rule.id, rule_hits(rule, doc), None))
                except Exception as exc:  # reported as the engine reports a broken rule
                    log.exception("rule %s failed", rule.id)
                    results.append((rule.id, None, f"{type(exc).__name__}: {exc}"))
            return results, doc.notes[before:]
        finally:
            if _in_worker:  # the answer goes back first; the tree is freed while the bot reads it
                _releaser.submit(_release, doc)
            else:
                doc.release()


_SAMPLE = (
    "<html><head><style>.c { color: #333; padding: 8px }</style></head><body>"
    "<table width='600'><tr><td class='c' style='font-size:14px'><p>Hello, your order "
    "<b>114-2290381-7745016</b> ships today.</p><img src='cid:a.png' alt='a' width='100'></td></tr></table>"
    "</body></html>"
)


# The worker frees each draft's tree by reference counting (Document.release),
# so it runs without automatic collection and collects once every so many
# drafts, for whatever else may have made a cycle.
DRAFTS_PER_COLLECTION = 200
_in_worker = False
_drafts_done = 0


_releaser = cf.ThreadPoolExecutor(max_workers=1, thread_name_prefix="checkmsg-release")


def _release(doc) -> None:  # noqa: ANN001 - a checks.document.Document
    """In the worker, after the answer is sent: the draft's tree taken apart,
    and now and then a full collection."""
    global _drafts_done
    doc.release()
    _drafts_done += 1
    if _drafts_done % DRAFTS_PER_COLLECTION == 0:
        gc.collect()


def _warm() -> None:
    """In the worker, before its first draft: Ctrl-C left to the bot (which
    stops the worker), imports, rules and caches loaded, then what is loaded
    kept out of the collector's way."""
    global _in_worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    html_half(Draft(text=_SAMPLE), CheckSettings(), dt.date.today())
    _in_worker = True
    gc.collect()
    gc.freeze()
    gc.disable()


def _ping() -> bool:
    return True


def _warmed(future: cf.Future) -> None:
    if future.cancelled() or future.exception() is not None:
        log.warning("the HTML worker did not start (%s); checks run in one process", future.exception() if not future.cancelled() else "cancelled")
        stop()
        return
    _ready.set()


def _retrieve(future: asyncio.Future) -> None:
    """Read an abandoned future's error (a draft refused meanwhile) so asyncio does not report it."""
    if not future.cancelled():
        future.exception()
