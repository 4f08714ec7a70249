"""The behavioural suite's targets (issue 13): per rule, each perturbation's
miss rate at most 5%; false alarms on compliant near-misses at most 2%.
The held-out cases are measured and printed, not held to the target (they
estimate generalisation; tuning on them would spoil that)."""

from __future__ import annotations

import asyncio

import pytest

from bot import evaluate
from checks import check
from checks.models import Context, Draft

from .suite import NEAR_MISS, cases

MAX_MISS = 0.05
MAX_FALSE_ALARM = 0.02


@pytest.fixture(scope="module")
def table() -> dict[str, dict[str, evaluate.Cell]]:
    async def run() -> list[tuple[str, str, bool]]:
        rows = []
        for case in cases():
            report = await check(Draft(text=case.text, context=Context(buyer_language=case.lang, proactive=False)), rewrite=False)
            rows.append((case.rule, case.perturbation, case.rule in {f.rule for f in report.findings}))
        return rows

    return evaluate.perturbation_cells(asyncio.run(run()))


def test_every_intent_rule_has_three_phrasings_per_marketplace_language():
    """The suite covers each rule in en, de, fr, es, it and ja, three canonical cases or more."""
    counts: dict[tuple[str, str], int] = {}
    for case in cases():
        if case.perturbation == "canonical":
            counts[(case.rule, case.lang)] = counts.get((case.rule, case.lang), 0) + 1
    rules = {rule for rule, _lang in counts}
    assert len(rules) == 13
    for rule in rules:
        for lang in ("en", "de", "fr", "es", "it", "ja"):
            assert counts.get((rule, lang), 0) >= 3, (rule, lang)


def test_each_perturbation_misses_at_most_five_percent_per_rule(table):
    """Canonical breaches and their perturbations fire the rule."""
    over = {
        (rule, perturbation): f"{cell.failed}/{cell.cases}"
        for rule, cells in table.items()
        for perturbation, cell in cells.items()
        if not perturbation.endswith(NEAR_MISS) and not perturbation.startswith("holdout") and cell.rate > MAX_MISS
    }
    assert not over, over


def test_near_misses_raise_at_most_two_percent_false_alarms(table):
    """Compliant near-misses ("we have refunded $15", "the new arrival date is Friday") stay quiet."""
    cells = [cells[NEAR_MISS] for cells in table.values() if NEAR_MISS in cells]
    failed, total = sum(c.failed for c in cells), sum(c.cases for c in cells)
    assert total >= 13 * 6
    assert failed / total <= MAX_FALSE_ALARM, f"{failed}/{total}"


def test_held_out_cases_are_reported(table, capsys):
    """The held-out figures are measured (and shown with -s)."""
    held = [cell for cells in table.values() for p, cell in cells.items() if p.startswith("holdout") and not p.endswith(NEAR_MISS)]
    assert sum(c.cases for c in held) >= 13 * 5
    with capsys.disabled():
        print("\n" + evaluate.perturbation_text(table))
