"""Long HTML drafts on two cores (checks/parallel.py): the report is the one
a single process makes, a short or plain draft stays in this process, and a
dead worker costs nothing but time."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from checks import Context, Draft, check, parallel
from checks.settings import CheckSettings

FIXTURES = Path(__file__).parent / "fixtures" / "html"
CONTEXT = {"buyer_language": "en", "marketplace": "amazon.com", "order_id": "114-2290381-7745016", "proactive": True}


@pytest.fixture(scope="module")
def worker():
    parallel.start()
    assert parallel.ready(timeout=60), "the worker did not start"
    yield
    parallel.stop()


@pytest.fixture
def split(worker, monkeypatch):
    monkeypatch.setattr(parallel, "MIN_SOURCE_CHARS", 0)  # every HTML draft goes to the worker
    calls = []
    real = parallel.submit

    def counting(*args):
        future = real(*args)
        calls.append(future is not None)
        return future

    monkeypatch.setattr(parallel, "submit", counting)
    return calls


def _drafts() -> list[Draft]:
    out = [Draft(text=p.read_text("utf-8"), context=Context(**CONTEXT)) for p in sorted(FIXTURES.glob("*.html"))]
    # A rule that needs context the draft lacks, and one that stops at its cap.
    out.append(Draft(text="<p>Hi</p>" + "<img src='x.gif' alt=''>" * 60, context=Context(format="html")))
    # Blanks the tree keeps (<pre>), hidden content, entities, an unclosed tag, Outlook-only markup.
    out.append(Draft(
        text="<style>pre{color:#eee}</style><pre>  \n <b> x </b>\n</pre><center>Hi &amp; bye<br><br><br>"
        "<!--[if mso]><p style='color:red'>x</p><![endif]--><a href='http://x.example'><img src=http://y/p.gif width=1></a>"
        "<p style=\"font-family:Comic Sans\">tail <img src='a.png' alt=\"never closes",
        context=Context(**CONTEXT),
    ))
    return out


async def _one_process(draft: Draft, settings: CheckSettings):
    with parallel.suspended():
        return await check(draft, settings)


@pytest.mark.parametrize("ui", ["en", "zh"])
async def test_two_processes_make_the_same_report(split, ui):
    settings = CheckSettings(ui_language=ui)
    for draft in _drafts():
        alone = await _one_process(draft, settings)
        assert split[-1] is False  # checked in this process alone
        shared = await check(draft, settings)
        assert split and split[-1] is True  # this one went to the worker
        assert shared.model_dump() == alone.model_dump(), draft.text[:80]
    assert any(f.rule.startswith("html.") for f in shared.findings)


async def test_short_and_plain_drafts_stay_here(worker):
    assert parallel.submit(Draft(text="<p>Hello</p>" * 10, context=Context(format="html")), CheckSettings(), None) is None
    plain = Draft(text="Hello. " * 5000)
    assert parallel.submit(plain, CheckSettings(), None) is None


async def test_a_dead_worker_costs_only_time(split):
    draft = _drafts()[0]
    expected = await _one_process(draft, CheckSettings())
    for pid in list(parallel._pool._processes):  # the worker dies before it answers
        os.kill(pid, signal.SIGKILL)
    report = await check(draft, CheckSettings())
    assert report.model_dump() == expected.model_dump()
    assert parallel._restarts == 1
    assert parallel.ready(timeout=60)  # a new worker took over
    report = await check(draft, CheckSettings())
    assert split[-1] is True and report.model_dump() == expected.model_dump()


def test_a_worker_that_keeps_dying_is_not_restarted_for_ever(worker, monkeypatch):
    monkeypatch.setattr(parallel, "_restarts", parallel.MAX_RESTARTS)
    parallel.restart()
    assert parallel._pool is None and not parallel.ready()
    parallel.start()  # what a new bot process would do
    assert parallel.ready(timeout=60)


def test_each_half_builds_only_what_its_rules_read():
    import datetime as dt

    from checks.document import Document

    draft = Draft(text="<p>Hello <b>there</b> &amp; bye</p><img src='a.gif' alt=''>", context=Context(format="html"))
    worker_half = Document.build(draft, CheckSettings(), dt.date.today(), text=False)
    assert worker_half.text == "" and worker_half.html.soup is not None  # the html.* rules: a tree, no text
    here = Document.build(draft, CheckSettings(), dt.date.today(), tree=False)
    assert here.text == "Hello there & bye" and here.html.soup is None  # the text rules: text, no tree
