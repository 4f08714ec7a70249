"""Precision and recall of the checks over a labelled corpus, per rule and in total.

Everything here is pure: it takes, per draft, the set of rule ids a correct
checker reports (``expected``) and the set the checks reported (``got``), and
counts. Running the checks and printing belong to ``adapters/cli/eval.py``.

For a rule, a draft counts as a true positive when the rule is in both sets, a
false positive when only in ``got``, a false negative when only in
``expected``. A rule fires or not per draft, however many findings it gave.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from checks.i18n import tr


@dataclass(frozen=True)
class Outcome:
    """One draft: what should have fired and what did."""

    id: str
    expected: frozenset[str]
    got: frozenset[str]

    @property
    def missed(self) -> list[str]:
        return sorted(self.expected - self.got)

    @property
    def extra(self) -> list[str]:
        return sorted(self.got - self.expected)

    @property
    def correct(self) -> bool:
        return self.expected == self.got


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        """How many drafts should have this rule (tp + fn)."""
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp); None when the rule never fired (nothing to be wrong about)."""
        fired = self.tp + self.fp
        return self.tp / fired if fired else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn); None when no draft expects the rule."""
        return self.tp / self.support if self.support else None

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def as_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.support,
            "precision": self.precision,
            "recall": self.recall,
        }


def outcome(draft_id: str, expected: Iterable[str], got: Iterable[str], ignore: Iterable[str] = ()) -> Outcome:
    """Build an :class:`Outcome`, leaving out the ``ignore``d rules (e.g. disabled ones) on both sides."""
    ignored = set(ignore)
    return Outcome(draft_id, frozenset(set(expected) - ignored), frozenset(set(got) - ignored))


def count_rules(outcomes: Iterable[Outcome]) -> dict[str, Counts]:
    """Per-rule tp/fp/fn over every draft; a rule appears once it is expected or reported."""
    counts: dict[str, Counts] = {}
    for result in outcomes:
        for rule in result.expected | result.got:
            entry = counts.setdefault(rule, Counts())
            if rule in result.expected and rule in result.got:
                entry.tp += 1
            elif rule in result.got:
                entry.fp += 1
            else:
                entry.fn += 1
    return dict(sorted(counts.items()))


def micro(counts: Iterable[Counts]) -> Counts:
    """Pooled counts: precision and recall over every (draft, rule) decision at once."""
    total = Counts()
    for entry in counts:
        total = total + entry
    return total


@dataclass
class Group:
    """The rules of one severity, with their pooled figures."""

    severity: str
    rules: dict[str, Counts] = field(default_factory=dict)

    @property
    def total(self) -> Counts:
        return micro(self.rules.values())


def group_by_severity(counts: Mapping[str, Counts], severities: Mapping[str, str]) -> dict[str, Group]:
    """Split per-rule counts by severity; ids missing from ``severities`` go under ``"unknown"``.

    Groups come in the order error, warning, info, unknown, and only when not empty.
    """
    order = ["error", "warning", "info", "unknown"]
    groups = {name: Group(name) for name in order}
    for rule, entry in counts.items():
        groups[severities.get(rule, "unknown")].rules[rule] = entry
    return {name: group for name, group in groups.items() if group.rules}


def below_bar(total: Counts, min_precision: float | None, min_recall: float | None) -> list[str]:
    """Which bars the pooled figures miss, in words; undefined figures pass."""
    failures = []
    if min_precision is not None and total.precision is not None and total.precision < min_precision:
        failures.append(tr("eval.precision-below", "precision {value:.3f} is below {bar:.3f}", value=total.precision, bar=min_precision))
    if min_recall is not None and total.recall is not None and total.recall < min_recall:
        failures.append(tr("eval.recall-below", "recall {value:.3f} is below {bar:.3f}", value=total.recall, bar=min_recall))
    return failures


def language_matches(buyer_language: str | None, wanted: Iterable[str], include_unset: bool) -> bool:
    """Whether a draft's buyer language passes a ``--lang`` filter.

    ``wanted`` holds primary subtags (``en`` takes ``en-GB`` too); no ``wanted``
    means every language. A draft without a language passes only with
    ``include_unset``.
    """
    wanted = {w.lower().replace("_", "-").split("-")[0] for w in wanted}
    if not buyer_language:
        return include_unset or not wanted
    if not wanted:
        return True
    return buyer_language.lower().replace("_", "-").split("-")[0] in wanted


# --- behavioural suite (tests/behaviour): failure rates per rule and perturbation ---

NEAR_MISS = "near_miss"  # a compliant case (any perturbation ending so): failing means the rule fired


@dataclass
class Cell:
    """One rule under one perturbation: how many cases, how many failed."""

    cases: int = 0
    failed: int = 0

    @property
    def rate(self) -> float:
        return self.failed / self.cases if self.cases else 0.0


def perturbation_cells(rows: Iterable[tuple[str, str, bool]]) -> dict[str, dict[str, Cell]]:
    """Per rule, per perturbation: cases and failures. A row is (rule,
    perturbation, fired); a case fails when the rule did not fire, or, for a
    near-miss, when it did."""
    table: dict[str, dict[str, Cell]] = {}
    for rule, perturbation, fired in rows:
        cell = table.setdefault(rule, {}).setdefault(perturbation, Cell())
        cell.cases += 1
        if fired == perturbation.endswith(NEAR_MISS):
            cell.failed += 1
    return {rule: dict(sorted(cells.items())) for rule, cells in sorted(table.items())}


def perturbation_text(table: Mapping[str, Mapping[str, Cell]]) -> str:
    """A Markdown table: miss rate (failed/cases) per rule and perturbation;
    the near_miss column is the false-alarm rate."""
    columns = sorted({p for cells in table.values() for p in cells}, key=lambda p: (p.endswith(NEAR_MISS), p.startswith("holdout"), p != "canonical", p))
    lines = ["| rule | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
    for rule, cells in table.items():
        row = []
        for column in columns:
            cell = cells.get(column)
            row.append("-" if cell is None else f"{cell.rate:.0%} ({cell.failed}/{cell.cases})")
        lines.append(f"| {rule} | " + " | ".join(row) + " |")
    totals = {c: Cell(sum(t[c].cases for t in table.values() if c in t), sum(t[c].failed for t in table.values() if c in t)) for c in columns}
    lines.append("| all rules | " + " | ".join(f"{totals[c].rate:.1%} ({totals[c].failed}/{totals[c].cases})" for c in columns) + " |")
    return "\n".join(lines)
