"""Disguised contact details, links, diversions and attachments are caught
(recall >= 0.97 per the issue), and benign look-alikes stay quiet (false
alarms <= 2%). Run with ``-s`` to see the per-rule table; ``python -m
tests.evasion.test_evasion`` prints it alone."""

from __future__ import annotations

import asyncio
import tomllib
from collections import defaultdict
from pathlib import Path

from checks import Context, Draft, check

RULES = ("contact.email", "contact.phone", "contact.social", "link.external", "link.insecure", "order.divert", "attach.disallowed")
CASES = tomllib.loads((Path(__file__).parent / "cases.toml").read_text("utf-8"))
# Written by someone who never read the checker code, and kept apart (its header says more).
HOLDOUT7 = tomllib.loads((Path(__file__).parent / "holdout7.toml").read_text("utf-8"))
HOLDOUT8 = tomllib.loads((Path(__file__).parent / "holdout8.toml").read_text("utf-8"))
DEFAULT = {"buyer_language": "en", "marketplace": "amazon.com", "proactive": False}


def _draft(case: dict) -> Draft:
    context = {**DEFAULT, **case.get("context", {})}
    context = {k: v for k, v in context.items() if v != ""}  # "" means: not given
    if "attachments" in case:
        context["attachments"] = case["attachments"]
    return Draft(text=case["text"], context=Context(**context))


async def _fired(case: dict) -> set[str]:
    report = await check(_draft(case))
    return {f.rule for f in report.findings} & set(RULES)


async def measure(cases: dict | None = None) -> dict:
    """Per rule, which disguises were caught; which look-alikes raised an alarm."""
    cases = CASES if cases is None else cases
    caught: dict[str, list[bool]] = defaultdict(list)
    missed: list[tuple[str, str]] = []
    for case in cases["disguise"]:
        hit = case["rule"] in await _fired(case)
        caught[case["rule"]].append(hit)
        if not hit:
            missed.append((case["rule"], case["text"]))
    alarms = []
    for case in cases["benign"]:
        fired = await _fired(case)
        if fired:
            alarms.append((sorted(fired), case["text"]))
    return {"caught": dict(caught), "missed": missed, "alarms": alarms, "benign": len(cases["benign"])}


def table(result: dict) -> str:
    lines = [f"{'rule':20} {'caught':>7} {'cases':>6} {'recall':>7}"]
    total = hits = 0
    for rule in RULES:
        flags = result["caught"].get(rule, [])
        total, hits = total + len(flags), hits + sum(flags)
        lines.append(f"{rule:20} {sum(flags):7} {len(flags):6} {sum(flags) / max(1, len(flags)):7.3f}")
    lines.append(f"{'all disguises':20} {hits:7} {total:6} {hits / max(1, total):7.3f}")
    lines.append(f"benign look-alikes: {len(result['alarms'])} false alarms of {result['benign']} "
                 f"({len(result['alarms']) / result['benign']:.1%})")
    lines += [f"  missed {rule}: {text!r}" for rule, text in result["missed"]]
    lines += [f"  alarm {rules}: {text!r}" for rules, text in result["alarms"]]
    return "\n".join(lines)


def test_suite_has_ten_disguises_per_rule_and_many_look_alikes():
    counts = defaultdict(int)
    for case in CASES["disguise"]:
        counts[case["rule"]] += 1
    assert all(counts[rule] >= 10 for rule in RULES), dict(counts)
    assert len(CASES["benign"]) >= 50


def _assert_caught_and_quiet(result: dict) -> None:
    print("\n" + table(result))
    flags = [flag for found in result["caught"].values() for flag in found]
    assert sum(flags) / len(flags) >= 0.97, table(result)
    assert len(result["alarms"]) / result["benign"] <= 0.02, table(result)


async def test_disguises_are_caught_and_look_alikes_stay_quiet():
    _assert_caught_and_quiet(await measure())


async def test_held_out_batch_7_is_caught_and_its_look_alikes_stay_quiet():
    """The held-out batch (holdout7.toml, never merged into cases.toml) meets the same bar."""
    _assert_caught_and_quiet(await measure(HOLDOUT7))


async def test_held_out_batch_8_is_caught_and_its_look_alikes_stay_quiet():
    """The second held-out batch (holdout8.toml, never merged into cases.toml) meets the same bar."""
    _assert_caught_and_quiet(await measure(HOLDOUT8))


if __name__ == "__main__":
    print(table(asyncio.run(measure())))
    print("\nheld-out batch 7 (holdout7.toml):\n" + table(asyncio.run(measure(HOLDOUT7))))
    print("\nheld-out batch 8 (holdout8.toml):\n" + table(asyncio.run(measure(HOLDOUT8))))
