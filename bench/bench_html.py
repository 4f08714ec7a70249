"""Benchmark: one ~100 KB HTML template through the whole check.

Usage: python bench/bench_html.py [runs] [--fresh-styles]

Prints p50/p99 in ms for the whole check (every rule, text rules included,
in one process, as the bot and the CLI both make it) and for the HTML part
alone (parse, visible text, styles and the html.* rules). Target: p99 <=
300 ms for the whole check. ``bench/bench_ack.py`` measures what the bot's
other requests see meanwhile.

The process is warm (models, dictionaries, per-word and per-style caches
filled by a first check, as in the bot), but every timed run checks a
distinct template (its steps numbered from another point), so nothing keyed
on the draft's text is reused from one run to the next. Templates of one
team share their styles; ``--fresh-styles`` gives every run a style block
and inline styles of its own, so no style cache helps either.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checks.document import Document  # noqa: E402
from checks.engine import check, collector_paused  # noqa: E402
from checks.models import Draft  # noqa: E402
from checks.rules import all_rules  # noqa: E402
from checks.settings import CheckSettings  # noqa: E402

CONTEXT = {
    "format": "html", "buyer_language": "en", "marketplace": "amazon.com",
    "order_id": "114-2290381-7745016", "proactive": False,
}
STYLE = "\n".join(
    f".c{i} {{ padding: {i % 20}px; border-bottom: 1px solid #e{i % 10}e{i % 10}e{i % 10}; }}" for i in range(60)
)
ROW = """
      <tr>
        <td class="c{i}" style="padding:8px 16px;border-top:1px solid #{border};">
          <table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr>
            <td width="120" valign="top"><img src="cid:part_{i}.png" alt="Part {i}" width="100" height="80"></td>
            <td valign="top">
              <p><strong>Step {i}.</strong> Take part {i} out of its bag and check it for damage &mdash; the
              edges should be smooth and the holes clean. Attach it with the two screws from bag {i} and
              tighten them by hand first, then a quarter turn with the hex key.</p>
              <p>If a part is missing or damaged, reply to this message with the step number and we will
              send a replacement at no cost.<br>Keep the spare screws for later adjustments.</p>
            </td>
          </tr></table>
        </td>
      </tr>"""


def template(target: int = 100_000, first: int = 1, fresh_styles: bool = False) -> str:
    """A template of about ``target`` characters, its steps numbered from
    ``first``. ``fresh_styles``: its style block and inline styles differ
    from every other template's, so no style cache helps."""
    border = f"{first * 7919 % 0xFFFFFF:06x}" if fresh_styles else "eeeeee"
    style = f"/* {first} */\n{STYLE}" if fresh_styles else STYLE
    head = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Assembly guide</title>
<!--[if mso]><style>table {{ border-collapse: collapse; }}</style><![endif]-->
<style type="text/css">
{style}
@media only screen and (max-width: 620px) {{ .container {{ width: 100% !important; }} }}
</style></head>
<body>
<table role="presentation" width="100%"><tr><td>
  <table role="presentation" class="container" width="600" align="center">
    <tr><td><p>Hello Mr. Schneider,</p>
    <p>Here is the assembly guide for the bookcase from order 114-2290381-7745016.</p></td></tr>"""
    tail = """
    <tr><td><p>Best regards,<br>Oakline Furniture</p></td></tr>
  </table>
</td></tr></table>
</body></html>"""
    rows = []
    size = len(head) + len(tail)
    i = first
    while size < target:
        row = ROW.format(i=i, border=border)
        rows.append(row)
        size += len(row)
        i += 1
    return head + "".join(rows) + tail


def reference_ms() -> float:
    """Milliseconds a fixed pure-Python loop takes here and now: the machine's
    speed at the time of the runs, printed beside their figures."""
    t0 = time.perf_counter()
    total = 0
    for i in range(1_000_000):
        total += i * i % 7
    return (time.perf_counter() - t0) * 1000


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


async def timed(draft: Draft, settings: CheckSettings) -> tuple[float, float]:
    """Wall and CPU milliseconds of one check."""
    c0, t0 = time.process_time(), time.perf_counter()
    await check(draft, settings)
    return (time.perf_counter() - t0) * 1000, (time.process_time() - c0) * 1000


def html_part(drafts: list[Draft], settings: CheckSettings) -> tuple[list[float], int]:
    """The HTML part alone, in this process: parse, visible text, styles, html.* rules."""
    html_rules = [r for rid, r in all_rules().items() if rid.startswith("html.")]
    out = []
    for draft in drafts:
        t0 = time.perf_counter()
        with collector_paused():  # as in check(): no collector passes, the tree taken apart after
            doc = Document.build(draft, settings, dt.date.today())
            for rule in html_rules:
                list(rule.find(doc))
            text_length = len(doc.text)
            doc.release()
        out.append((time.perf_counter() - t0) * 1000)
    return out, text_length


def line(name: str, values: list[float]) -> str:
    return f"{name:34} p50 {statistics.median(values):7.1f} ms   p99 {percentile(values, 0.99):7.1f} ms   (runs: {len(values)})"


async def main(runs: int, fresh_styles: bool) -> None:
    source = template()
    settings = CheckSettings()
    report = await check(Draft(text=source, context=CONTEXT), settings)  # warm up: models, dictionaries, caches
    # Five-digit step numbers in every run: a six-digit number is a phone
    # number candidate, which would make later runs cost more than earlier ones.
    drafts = [
        Draft(text=template(first=10_000 + (113 * run) % 89_000, fresh_styles=fresh_styles), context=CONTEXT)
        for run in range(runs)
    ]
    machine_before = reference_ms()
    wall, cpu = [], []
    for draft in drafts:
        w, c = await timed(draft, settings)
        wall.append(w)
        cpu.append(c)
    part, text_length = html_part(drafts, settings)
    styles = "a style block and inline styles of its own" if fresh_styles else "the same styles"
    print(f"template: {len(source):,} characters, visible text {text_length:,}; findings: {report.rule_ids()}; each run: {styles}")
    print(line("whole check, one process", wall))
    print(line("  CPU time", cpu))
    print(line("HTML part alone", part))
    print(f"machine: the reference loop took {machine_before:.0f} ms before the runs, {reference_ms():.0f} ms after "
          "(this VM's speed drifts; compare figures taken at similar reference times)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    asyncio.run(main(int(args[0]) if args else 50, "--fresh-styles" in sys.argv))
