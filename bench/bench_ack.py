"""Benchmark: how long the bot's other requests wait while a 100 KB template is checked.

Usage: python bench/bench_ack.py [runs] [--findings]

The bot checks drafts in its event loop (``checks.check`` hands the loop
back between rules, ``checks.engine.YIELD_EVERY``). Here one coroutine
checks ~100 KB HTML templates one after another (the template of
``bench_html.py``, each run numbered differently) while another stands for
the rest of the bot: it wakes every 10 ms and notes how late it woke. An
acknowledgement waits at most about that long plus its own work. Target:
every gap < 1 s (Slack wants an acknowledgement within 3 s).

``--findings``: every row of the template breaks HTML and contact rules
(an insecure GIF, a tracking pixel, a font override, tiny grey text, an
email address), so the rules report as much as they may (the slow case).

Prints the check's p50/p99 wall time, the largest and 99th-percentile gap
between ticks, and a fixed reference loop's time before and after (the
machine's speed at the time: it is shared and drifts).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_html import CONTEXT, line, percentile, reference_ms, template  # noqa: E402

from checks import CheckSettings, Draft, check  # noqa: E402

TICK = 0.010


def noisy(source: str) -> str:
    """The template with breaches in every row (``--findings``)."""
    return source.replace(
        '<img src="cid:part_', '<img src="http://img.example.com/pixel.gif" width="1" height="1"><img src="http://img.example.com/part_'
    ).replace(
        "<strong>Step", '<span style="font-family: Comic Sans MS; color: #f4f4f4; font-size: 8px">write to help@shop.example</span> <strong>Step'
    )


async def ticker(stop: asyncio.Event, gaps: list[float]) -> None:
    """Wake every TICK seconds; record how long each wait really took (ms)."""
    last = time.perf_counter()
    while not stop.is_set():
        await asyncio.sleep(TICK)
        now = time.perf_counter()
        gaps.append((now - last) * 1000)
        last = now


async def main(runs: int, findings: bool) -> None:
    shape = noisy if findings else (lambda source: source)
    # The breaches lengthen the rows: fewer rows keep the template at about 100 KB.
    target = 100_000 * 100_000 // len(shape(template()))
    settings = CheckSettings()
    warm = await check(Draft(text=shape(template(target)), context=CONTEXT), settings)  # warm up: models, dictionaries, caches
    drafts = [Draft(text=shape(template(target, first=10_000 + (113 * run) % 89_000)), context=CONTEXT) for run in range(runs)]
    machine_before = reference_ms()
    stop = asyncio.Event()
    gaps: list[float] = []
    ticking = asyncio.create_task(ticker(stop, gaps))
    await asyncio.sleep(0.05)
    walls = []
    for draft in drafts:
        t0 = time.perf_counter()
        await check(draft, settings)
        walls.append((time.perf_counter() - t0) * 1000)
    stop.set()
    await ticking
    print(f"template: {len(drafts[0].text):,} characters, {len(warm.findings)} findings, {runs} checks back to back; "
          f"a tick every {TICK * 1000:.0f} ms")
    print(line("whole check, in the event loop", walls))
    print(f"{'gap between ticks':34} p50 {statistics.median(gaps):7.1f} ms   p99 {percentile(gaps, 0.99):7.1f} ms   "
          f"max {max(gaps):7.1f} ms   (ticks: {len(gaps)})")
    print(f"machine: the reference loop took {machine_before:.0f} ms before the runs, {reference_ms():.0f} ms after")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    asyncio.run(main(int(args[0]) if args else 30, "--findings" in sys.argv))
