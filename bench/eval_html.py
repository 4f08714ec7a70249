"""Precision/recall of the error rules on the HTML drafts of a labelled corpus.

Usage: python bench/eval_html.py [corpus.jsonl] [--all] [-v]
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from checks.engine import check  # noqa: E402
from checks.models import Draft, Severity  # noqa: E402
from checks.rules import all_rules  # noqa: E402

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"


async def main(argv: list[str]) -> None:
    paths = [a for a in argv if not a.startswith("-")]
    every = "--all" in argv
    verbose = "-v" in argv
    rules = all_rules()
    errors = {rid for rid, r in rules.items() if r.severity is Severity.ERROR}
    tp, fp, fn = Counter(), Counter(), Counter()
    for line in Path(paths[0] if paths else DEFAULT).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        case = json.loads(line)
        if not every and case["context"].get("format") != "html":
            continue
        report = await check(Draft(text=case["text"], context=case["context"]))
        got = {f.rule for f in report.findings} & errors
        want = set(case["expect"]) & errors
        for rid in got & want:
            tp[rid] += 1
        for rid in got - want:
            fp[rid] += 1
        for rid in want - got:
            fn[rid] += 1
        if verbose and got != want:
            print(f"{case['id']}: missing {sorted(want - got)} extra {sorted(got - want)}")
            for f in report.findings:
                if f.rule in got - want:
                    print(f"   {f.rule}: {f.message} {f.excerpt!r}")
    print(f"{'rule':28} {'P':>6} {'R':>6}  tp fp fn")
    for rid in sorted(set(tp) | set(fp) | set(fn)):
        p = tp[rid] / (tp[rid] + fp[rid]) if tp[rid] + fp[rid] else float("nan")
        r = tp[rid] / (tp[rid] + fn[rid]) if tp[rid] + fn[rid] else float("nan")
        print(f"{rid:28} {p:6.2f} {r:6.2f}  {tp[rid]:2} {fp[rid]:2} {fn[rid]:2}")
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    print(f"micro P={T / (T + F) if T + F else float('nan'):.3f} R={T / (T + N) if T + N else float('nan'):.3f} (tp {T}, fp {F}, fn {N})")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1:]))
