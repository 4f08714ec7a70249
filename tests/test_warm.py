"""A long-running bot loads every language's data before the first draft
(checks/warm.py) and keeps it out of the collector's way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

PROBE = """
import gc
from checks import lexicon, spelling, prefilter
from checks.warm import SAMPLES, warm_up
warm_up()
frozen = gc.get_freeze_count()
warm_up()  # idempotent: nothing is loaded or frozen twice
assert gc.get_freeze_count() == frozen, (frozen, gc.get_freeze_count())
loaded = lexicon.for_language.cache_info().currsize, prefilter.for_language.cache_info().currsize
print(frozen, *loaded, len(SAMPLES), sum(bool(spelling.checkers(lang)) for lang in SAMPLES))
"""


def test_warm_up_loads_every_language_and_freezes_what_it_loaded():
    proc = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, cwd=REPO, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    frozen, lexicons, filters, languages, _dictionaries = map(int, proc.stdout.split())
    assert lexicons >= languages and filters >= languages
    assert frozen > 50_000  # the loaded data, not a handful of objects


def test_every_sample_checks_in_its_own_language():
    import asyncio

    from checks import Draft, check
    from checks.warm import SAMPLES

    for lang, (marketplace, text) in SAMPLES.items():
        report = asyncio.run(check(Draft(text=text, context={"buyer_language": lang, "marketplace": marketplace})))
        assert report.language == lang, (lang, report.language)
        assert "contact.phone" in {f.rule for f in report.findings}, lang


def test_what_a_check_keeps_leaves_the_youngest_generation_when_the_pause_ends():
    """The collector is paused during a check; when the pause ends, the youngest
    generation is collected at once, so what the check kept does not pile up there."""
    import gc

    from checks.engine import collector_paused

    was = gc.isenabled()
    gc.enable()
    try:
        old = [[i] for i in range(6000)]  # cache entries a check will evict
        gc.collect()
        with collector_paused():
            assert not gc.isenabled()
            kept = [[i] for i in range(5000)]  # what the check keeps
            del old[:]  # freed by reference counting: the automatic trigger's count drops again
            assert len(gc.get_objects(0)) >= 5000
        assert gc.isenabled()
        assert len(gc.get_objects(0)) < 500
        assert kept[-1] == [4999]
    finally:
        if not was:
            gc.disable()


LEAVING = """
import atexit, sys, threading, time
from checks import warm

def seen_at_exit():  # registered first, so it runs after the warm-up's own exit hook
    alive = [t.name for t in threading.enumerate() if t.name == "checkmsg-warm-up"]
    print("alive" if alive else "ended", warm._warm)

atexit.register(seen_at_exit)
warm.warm_up_in_background()
time.sleep(float(sys.argv[1]))
sys.exit(0)
"""


def test_leaving_during_the_background_warm_up_stops_it_first():
    """A process that leaves while the warm-up runs (Ctrl-C in a console just
    started) waits for it to stop between two loads, so no daemon thread is
    left inside a C++ extension at interpreter shutdown (an abort, or a hang)."""
    proc = subprocess.run([sys.executable, "-c", LEAVING, "0.3"], capture_output=True, text=True, cwd=REPO, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["ended", "False"], proc.stdout  # stopped half-way: nothing frozen
    assert "Traceback" not in proc.stderr and "Fatal" not in proc.stderr, proc.stderr
