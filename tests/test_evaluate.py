"""Precision/recall counting in bot.evaluate, on hand-counted cases."""

import pytest

from bot.evaluate import (
    Counts,
    below_bar,
    count_rules,
    group_by_severity,
    language_matches,
    micro,
    outcome,
)


def test_counts_per_rule_over_drafts():
    """A rule is tp when expected and got, fp when only got, fn when only expected."""
    outcomes = [
        outcome("1", {"a", "b"}, {"a"}),  # a tp, b fn
        outcome("2", {"a"}, {"a", "c"}),  # a tp, c fp
        outcome("3", set(), {"c"}),  # c fp
        outcome("4", {"b"}, {"b"}),  # b tp
    ]
    counts = count_rules(outcomes)
    assert list(counts) == ["a", "b", "c"]
    assert (counts["a"].tp, counts["a"].fp, counts["a"].fn) == (2, 0, 0)
    assert (counts["b"].tp, counts["b"].fp, counts["b"].fn) == (1, 0, 1)
    assert (counts["c"].tp, counts["c"].fp, counts["c"].fn) == (0, 2, 0)
    assert counts["b"].recall == 0.5
    assert counts["c"].precision == 0.0


def test_undefined_figures_are_none():
    """No prediction: precision undefined; nothing expected: recall undefined."""
    assert Counts(0, 0, 3).precision is None
    assert Counts(0, 0, 3).recall == 0.0
    assert Counts(0, 2, 0).recall is None
    assert Counts(0, 2, 0).support == 0


def test_micro_pools_counts():
    """Micro figures pool every decision: 3 tp, 1 fp, 2 fn -> P 3/4, R 3/5."""
    total = micro([Counts(2, 1, 0), Counts(1, 0, 2)])
    assert (total.tp, total.fp, total.fn) == (3, 1, 2)
    assert total.precision == pytest.approx(0.75)
    assert total.recall == pytest.approx(0.6)
    assert total.as_dict() == {"tp": 3, "fp": 1, "fn": 2, "support": 5, "precision": 0.75, "recall": 0.6}


def test_draft_outcome_names_missed_and_extra():
    """An outcome lists what was missed and what was extra, sorted."""
    result = outcome("d1", ["z", "a", "m"], ["a", "q"])
    assert result.missed == ["m", "z"]
    assert result.extra == ["q"]
    assert not result.correct
    assert outcome("d2", ["a"], ["a"]).correct


def test_ignored_rules_leave_both_sides():
    """Disabled rules count neither as expected nor as reported."""
    result = outcome("d", {"a", "off"}, {"off", "b"}, ignore={"off"})
    assert result.expected == {"a"}
    assert result.got == {"b"}


def test_groups_follow_severity_order():
    """Groups come error, warning, info, unknown; empty groups are left out."""
    counts = {"w": Counts(1, 0, 0), "e": Counts(0, 1, 0), "x": Counts(0, 0, 1)}
    groups = group_by_severity(counts, {"w": "warning", "e": "error"})
    assert list(groups) == ["error", "warning", "unknown"]
    assert list(groups["unknown"].rules) == ["x"]
    assert groups["error"].total.fp == 1


def test_below_bar_reports_each_missed_bar():
    """A bar fails only when the figure exists and is lower."""
    total = Counts(1, 1, 3)  # P 0.5, R 0.25
    assert below_bar(total, 0.5, None) == []
    assert below_bar(total, 0.6, 0.2) == ["precision 0.500 is below 0.600"]
    assert below_bar(total, None, 0.3) == ["recall 0.250 is below 0.300"]
    assert below_bar(Counts(0, 0, 0), 0.9, 0.9) == []


@pytest.mark.parametrize(
    ("language", "wanted", "include_unset", "matches"),
    [
        ("en", ["en"], False, True),
        ("en-GB", ["en"], False, True),
        ("EN_us", ["en"], False, True),
        ("de", ["en"], False, False),
        ("de", ["en", "de"], False, True),
        (None, ["en"], False, False),
        (None, ["en"], True, True),
        (None, [], False, True),
        ("ja", [], False, True),
        ("en", ["en-GB"], False, True),
    ],
)
def test_language_filter(language, wanted, include_unset, matches):
    """--lang compares primary subtags; unset languages pass only when asked for."""
    assert language_matches(language, wanted, include_unset) is matches
