"""Reports as a person reads them in a terminal, in the manner of prose linters."""

from __future__ import annotations

import unicodedata

from checks import Finding, Report, Severity
from checks.i18n import say

# The command-line option that supplies each context key (hints for missing context).
CONTEXT_OPTIONS = {
    "order_id": "--order-id",
    "buyer_language": "--buyer-lang",
    "marketplace": "--marketplace",
    "order_date": "--order-date",
    "delivery_date": "--delivery-date",
    "today": "--today",
    "previous_review_requests": "--previous-review-requests",
    "format": "--html",
    "attachments": "--attach",
}


def position(source: str, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a character offset; a column counts characters."""
    offset = max(0, min(offset, len(source)))
    line = source.count("\n", 0, offset) + 1
    line_start = source.rfind("\n", 0, offset) + 1
    return line, offset - line_start + 1


def render_text(report: Report, source: str, path: str, lang: str = "en") -> str:
    """Findings with line:column, severity, message and rule id, each with its
    source line underlined; then a summary line and what context was missing.
    ``lang``: the language of the texts around the findings (the report's own
    texts are localized by the engine, ``CheckSettings.ui_language``)."""
    out = [path] if report.findings else []
    for finding in report.findings:
        out.extend(_finding_lines(finding, source, lang))
    if report.findings:
        out.append("")
    out.append(summary(report.findings, path, lang))
    hints = missing_context_hints(report.missing_context, lang)
    if hints:
        out.append("")
        out.extend(hints)
    for note in report.notes:
        out.append(say(lang, "report.note", "note: {note}", note=note))
    if report.rewrite is not None or report.rewrite_status is not None:
        out.extend(rewrite_lines(report, source, lang))
    return "\n".join(out)


def rewrite_lines(report: Report, source: str, lang: str = "en") -> list[str]:
    """The rewrite section: a rule, what the re-check of the rewrite says, the
    rewrite, its diff, and what is left to a person."""
    title = say(lang, "report.rewrite.title", "Suggested rewrite")
    out = ["", f"── {title} " + "─" * 40]
    if report.rewrite_verdict:
        out.append("  " + str(report.rewrite_verdict))
    if report.rewrite is None:
        pass  # no rewrite: the verdict and the guidance say why
    elif report.rewrite == source:
        out.append("  " + say(lang, "report.rewrite.unchanged", "(no mechanical change: the draft is unchanged)"))
    elif not report.rewrite:
        out.append("  " + say(lang, "report.rewrite.empty", "(nothing is left once the fixes are applied)"))
    else:
        if report.rewrite_verdict:
            out.append("")
        out.extend("  " + line for line in report.rewrite.splitlines())
    if report.diff:
        changes = say(lang, "report.rewrite.diff", "Changes (unified diff):")
        out.extend(["", changes, *("  " + line for line in report.diff.splitlines())])
    guidance = [g for g in getattr(report, "guidance", []) if not (report.rewrite_verdict and g.rule == "rewrite")]
    if guidance:  # ("rewrite": the verdict above already says it)
        out.extend(["", say(lang, "report.rewrite.by-hand", "Still to do by hand:")])
        out.extend(f"  - {g.rule}: {g.text}" for g in guidance)
    return out


def severity_label(severity: Severity, lang: str = "en") -> str:
    """``error``, ``warning``, ``info`` (错误, 警告, 提示)."""
    return say(lang, "severity." + severity.value, severity.value)


def _finding_lines(finding: Finding, source: str, lang: str = "en") -> list[str]:
    where = "-"
    if finding.span:
        line, column = position(source, finding.span[0])
        where = f"{line}:{column}"
    label = severity_label(finding.severity, lang)
    label += " " * max(0, 8 - _width(label))
    lines = [f"  {where:<7} {label} {finding.message}  {finding.rule}"]
    if finding.span:
        lines.extend("  " + part for part in underline(source, finding.span))
    return lines


def underline(source: str, span: tuple[int, int], width: int = 100) -> list[str]:
    """The source line holding ``span``'s start, and a ``^~~~`` line under the span.

    A line longer than ``width`` characters is cut to a window around the
    span, with ``…`` where text was left out. A span running past its line
    (or the window) is underlined to that end and marked ``…``. Wide (CJK)
    characters take two columns.
    """
    start, end = span
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", start)
    if line_end == -1:
        line_end = len(source)
    text = source[line_start:line_end].rstrip("\r").replace("\t", " ")
    first, last = start - line_start, min(end, line_end) - line_start
    cut_left, cut_right = 0, len(text)
    if len(text) > width:
        cut_left = max(0, min(first - width // 4, len(text) - width))
        cut_right = cut_left + width
    shown = ("…" if cut_left else "") + text[cut_left:cut_right] + ("…" if cut_right < len(text) else "")
    before = _width(text[cut_left:first]) + (1 if cut_left else 0)
    marked = text[first : min(last, cut_right)]
    mark = "^" + "~" * max(0, _width(marked) - 1)
    if end > line_end or last > cut_right:
        mark += " …"
    return [shown, " " * before + mark]


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def summary(findings: list[Finding], path: str, lang: str = "en") -> str:
    counts = {severity: 0 for severity in Severity}
    for finding in findings:
        counts[finding.severity] += 1
    if lang != "en":
        counted = say(lang, "report.summary.counts", "{errors} errors, {warnings} warnings", errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING])
        if counts[Severity.INFO]:
            counted += say(lang, "report.summary.infos", ", {count} info", count=counts[Severity.INFO])
        return say(lang, "report.summary.in", "{counts} in {path}", counts=counted, path=path)
    parts = [
        _plural(counts[Severity.ERROR], "error"),
        _plural(counts[Severity.WARNING], "warning"),
    ]
    if counts[Severity.INFO]:
        parts.append(f"{counts[Severity.INFO]} info")
    return f"{', '.join(parts)} in {path}"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def missing_context_hints(missing: dict[str, list[str]], lang: str = "en") -> list[str]:
    """One line per missing context key: which rules it would let run, and the option."""
    by_key: dict[str, list[str]] = {}
    for rule_id, keys in sorted(missing.items()):
        for key in keys:
            by_key.setdefault(key, []).append(rule_id)
    if not by_key:
        return []
    lines = [say(lang, "report.missing.title", "Not checked for lack of context:")]
    for key, rules in by_key.items():
        either = say(lang, "report.or", " or ")
        options = either.join(CONTEXT_OPTIONS.get(part, part) for part in key.split(" or "))
        needs = say(lang, "report.missing.needs", "needs {key} (give {options})", key=key.replace(" or ", either), options=options)
        lines.append(f"  {', '.join(rules)}: {needs}")
    return lines
