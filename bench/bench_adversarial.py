"""How long adversarial drafts take at the size limit, and that larger ones are refused.

    .venv/bin/python bench/bench_adversarial.py [--chars N]

Each shape repeats one unit up to N characters (default: the text limit,
``checks.MAX_TEXT_CHARS``); a 1 MB draft of each must be refused at once.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checks import MAX_TEXT_CHARS, Draft, DraftError, check  # noqa: E402

SHAPES = {
    "letters": "a", "dots": ".", "ats": "@", "digits": "1", "digit-groups": "123-",
    "urls": "http://a.b/", "www": "www.", "emoji": "😀", "unclosed-tags": '<a href="',
    "obfuscated-at-dot": "x at y dot ", "colons": ":a", "mixed-scripts": "abc 中文 def. ",
    "plus-signs": "+1 ", "phone-numbers": "212-555-0143 ", "review-requests": "leave a 5-star review ",
    "email-ish": "a@a.", "words": "hello world ",
}


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--chars", type=int, default=MAX_TEXT_CHARS)
    args = parser.parse_args()
    await check(Draft(text="Warm-up draft for order 113-1234567-1234567."))
    print(f"{'shape':20} {'chars':>9} {'seconds':>8}  result")
    worst = 0.0
    for name, unit in SHAPES.items():
        for size in (args.chars, 1_000_000):
            text = (unit * (size // len(unit) + 1))[:size]
            started = time.perf_counter()
            try:
                report = await check(Draft(text=text))
                result = f"{len(report.findings)} findings"
            except DraftError as exc:
                result = f"refused: {exc}"[:60]
            elapsed = time.perf_counter() - started
            worst = max(worst, elapsed)
            print(f"{name:20} {size:>9,} {elapsed:8.3f}  {result}")
    print(f"slowest: {worst:.3f} s")


if __name__ == "__main__":
    asyncio.run(main())
