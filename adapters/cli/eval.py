"""``checkmsg eval``: precision and recall of the checks over a labelled corpus (the counting is ``bot/evaluate.py``)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys

from bot import evaluate
from bot.batch import ItemError, draft_from_item, localized, parse_item
from bot.config import Config
from bot.exits import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE
from checks import CheckSettings, Draft, DraftError, all_rules, check, i18n
from checks.i18n import say

from .common import display_width, pad, read_lines
from .parser import doc, fraction


def configure(p: argparse.ArgumentParser) -> None:
    p.description = doc(run)
    p.add_argument("corpus", metavar="CORPUS.jsonl", help="labelled drafts: id, text, context, expect")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--lang",
        action="append",
        default=[],
        metavar="LANG",
        help="only drafts whose buyer_language has this primary subtag (en takes en-GB); repeatable",
    )
    p.add_argument("--include-unset", action="store_true", help="with --lang: also drafts with no buyer_language")
    p.add_argument(
        "--format",
        dest="draft_format",
        choices=("text", "html"),
        help="only drafts of this context.format (no format counts as text)",
    )
    p.add_argument("--min-precision", type=fraction, metavar="P", help="exit 1 if error-rule micro precision < P")
    p.add_argument("--min-recall", type=fraction, metavar="R", help="exit 1 if error-rule micro recall < R")
    p.add_argument(
        "--by-perturbation",
        action="store_true",
        help="for a behavioural suite (tests/behaviour/suite.py): failure rate per rule and perturbation",
    )
    p.add_argument(
        "--ui-lang",
        dest="ui_lang",
        choices=i18n.LANGUAGES,
        help="language of the summary: en or zh (Simplified Chinese); default: ui_language in checkmsg.toml, else en "
        "(--lang here filters drafts by buyer language)",
    )


def run(args: argparse.Namespace, config: Config) -> int:
    """Measure the checks on a labelled corpus: per-rule precision and recall.

    Each line holds "id", "text", "context" and "expect" (the rule ids a
    correct checker reports). A rule counts once per draft: true positive when
    expected and reported, false positive when only reported, false negative
    when only expected. Error-severity and warning-severity rules are totalled
    apart (severities after the configuration); rules the configuration
    disables are left out. Exit status: 1 when --min-precision or --min-recall
    is not met by the error-severity rules' micro figures, 2 when a corpus line
    is unusable (the rest are still measured), else 0.
    """
    lang = getattr(args, "ui_lang", None) or config.checks.ui_language
    lines = read_lines(args.corpus)
    items, bad = [], []
    suite: dict[str, tuple[str, str]] = {}  # id -> (rule, perturbation) of a behavioural suite's case
    skipped = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = parse_item(line)
            draft = draft_from_item(item)
            expect = item.get("expect")
            if not isinstance(expect, list) or not all(isinstance(r, str) for r in expect):
                raise ItemError(i18n.tr("cli.line.no-expect", 'no "expect" list of rule ids'))
        except ItemError as exc:
            bad.append(say(lang, "cli.eval.line", "line {number}: {problem}", number=number, problem=localized(exc, lang)))
            continue
        if not evaluate.language_matches(draft.context.buyer_language, args.lang, args.include_unset):
            skipped += 1
            continue
        if args.draft_format and (draft.context.format or "text") != args.draft_format:
            skipped += 1
            continue
        items.append((str(item.get("id", f"line {number}")), draft, expect))
        suite[items[-1][0]] = (str(item.get("rule", "")), str(item.get("perturbation", "")))
    results, failed = asyncio.run(_evaluate(items, config.checks, lang))
    bad.extend(failed)
    for problem in bad:
        print(f"checkmsg eval: {args.corpus}: {problem}", file=sys.stderr)
    if getattr(args, "by_perturbation", False):
        rows = [(*suite[i], suite[i][0] in got) for i, _expect, got in results if suite[i][0]]
        print(evaluate.perturbation_text(evaluate.perturbation_cells(rows)))
        return EXIT_USAGE if bad else EXIT_OK

    rules = all_rules()
    disabled = sorted(r for r in rules if not config.checks.enabled(r))
    outcomes = [evaluate.outcome(i, expect, got, ignore=disabled) for i, expect, got in results]
    severities = {r: config.checks.severity(r, rule.severity).value for r, rule in rules.items()}
    groups = evaluate.group_by_severity(evaluate.count_rules(outcomes), severities)
    error_total = groups["error"].total if "error" in groups else evaluate.Counts()
    failures = evaluate.below_bar(error_total, args.min_precision, args.min_recall)
    summary = {
        "corpus": args.corpus,
        "drafts": len(outcomes),
        "skipped": skipped,
        "filters": _filters(args),
        "disabled": disabled,
    }
    if args.json:
        print(json.dumps(_eval_json(summary, groups, outcomes, failures), ensure_ascii=False, indent=2))
    else:
        print(_eval_text({**summary, "filters": _filters(args, lang)}, groups, outcomes, failures, lang))
    if bad:
        return EXIT_USAGE
    return EXIT_FINDINGS if failures else EXIT_OK


async def _evaluate(
    items: list[tuple[str, Draft, list[str]]], settings: CheckSettings, lang: str = i18n.ENGLISH
) -> tuple[list[tuple[str, list[str], set[str]]], list[str]]:
    results, failed = [], []
    for draft_id, draft, expect in items:
        try:
            report = await check(draft, settings, rewrite=False)
        except DraftError as exc:
            failed.append(f"{draft_id}: {localized(exc, lang)}")
            continue
        results.append((draft_id, expect, {f.rule for f in report.findings}))
    return results, failed


def _filters(args: argparse.Namespace, lang: str = i18n.ENGLISH) -> list[str]:
    """The --lang/--format filters in words (English in JSON, ``lang`` in the text summary)."""
    filters = []
    if args.lang:
        options = list(args.lang) + ([say(lang, "cli.eval.unset", "unset")] if args.include_unset else [])
        filters.append(say(lang, "cli.eval.filter-language", "buyer_language {options}", options=say(lang, "report.or", " or ").join(options)))
    if args.draft_format:
        filters.append(say(lang, "cli.eval.filter-format", "format {format}", format=args.draft_format))
    return filters


def _figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _eval_text(summary: dict, groups: dict[str, evaluate.Group], outcomes: list, failures: list[str], lang: str = "en") -> str:
    rules = all_rules()
    filters = ""
    if summary["filters"]:
        filters = say(lang, "cli.eval.filters", " ({filters})", filters=say(lang, "words.semicolon", "; ").join(summary["filters"]))
    out = [
        say(
            lang,
            "cli.eval.evaluated",
            "{corpus}: {drafts} drafts evaluated{filters}, {skipped} filtered out",
            corpus=summary["corpus"],
            drafts=summary["drafts"],
            filters=filters,
            skipped=summary["skipped"],
        )
    ]
    if summary["disabled"]:
        out.append(say(lang, "cli.eval.disabled", "Disabled by the configuration, not measured: {rules}", rules=", ".join(summary["disabled"])))
    total = say(lang, "cli.eval.micro-total", "micro total")
    width = max([len(r) for g in groups.values() for r in g.rules] + [display_width(total)]) + 2
    header = (
        "  "
        + pad(say(lang, "cli.eval.column-rule", "rule"), width)
        + "".join(
            _rjust(text, size)
            for text, size in (
                ("tp", 4),
                ("fp", 4),
                ("fn", 4),
                (say(lang, "cli.eval.column-support", "support"), 9),
                (say(lang, "cli.eval.column-precision", "precision"), 11),
                (say(lang, "cli.eval.column-recall", "recall"), 8),
            )
        )
    )
    pending = False
    for group in groups.values():
        title = say(lang, "cli.eval.group", "{severity}-severity rules", severity=say(lang, "severity." + group.severity, group.severity.capitalize()))
        out += ["", title, header]
        for rule_id, counts in group.rules.items():
            rule = rules.get(rule_id)
            star = " *" if rule is not None and not rule.implemented else ""
            pending = pending or bool(star)
            out.append(_row(rule_id + star, counts, width))
        out.append(_row(total, group.total, width))
    if not groups:
        out += ["", say(lang, "cli.eval.nothing", "Nothing expected and nothing reported.")]
    if pending:
        out += ["", say(lang, "cli.eval.pending", "* not implemented yet: its expected findings count as misses")]
    wrong = [o for o in outcomes if not o.correct]
    out += ["", say(lang, "cli.eval.differences", "Drafts with differences: {wrong} of {total}", wrong=len(wrong), total=len(outcomes))]
    for o in wrong:
        parts = []
        if o.missed:
            parts.append(say(lang, "cli.eval.missed", "missed {rules}", rules=", ".join(o.missed)))
        if o.extra:
            parts.append(say(lang, "cli.eval.extra", "extra {rules}", rules=", ".join(o.extra)))
        out.append(f"  {o.id}: {say(lang, 'words.semicolon', '; ').join(parts)}")
    for failure in failures:
        out.append(say(lang, "cli.eval.below-bar", "Below the bar: error-severity rules' {failure}", failure=i18n.localize(failure, lang)))
    return "\n".join(out)


def _rjust(text: str, width: int) -> str:
    return " " * max(1, width - display_width(text)) + text


def _row(name: str, counts: evaluate.Counts, width: int) -> str:
    return (
        f"  {name}{' ' * max(0, width - display_width(name))}{counts.tp:>4}{counts.fp:>4}{counts.fn:>4}{counts.support:>9}"
        f"{_figure(counts.precision):>11}{_figure(counts.recall):>8}"
    )


def _eval_json(summary: dict, groups: dict[str, evaluate.Group], outcomes: list, failures: list[str]) -> dict:
    return {
        **summary,
        "groups": {
            name: {
                "rules": {rule: counts.as_dict() for rule, counts in group.rules.items()},
                "micro": group.total.as_dict(),
            }
            for name, group in groups.items()
        },
        "wrong": [{"id": o.id, "missed": o.missed, "extra": o.extra} for o in outcomes if not o.correct],
        "below_bar": failures,
    }
