"""How good the suggested rewrites are, over the dev corpus and the rule tests' examples.

    .venv/bin/python bench/rewrite_quality.py [--show N] [--json]

For every draft: check it (with the rewrite), then check its rewrite again
with the same context, and measure
- honesty: the report's ``remaining`` equals the rule ids the re-check finds;
- reach: of the drafts with findings whose rules can all be fixed in the text
  (not a wrong language, the 30-day window, a repeat review request, an
  attachment, or a message that should not be sent: thanks-only, auto-reply,
  order confirmation, or a draft in which every sentence offends, judged from
  the draft and its findings), the share that get a rewrite with empty
  ``remaining`` (target >= 95%);
- harm: rewrites that add a rule the draft did not have (style.grammar and
  style.spelling counted apart), three or more line breaks in a row;
- facts: order ids, tracking numbers, dates, amounts (not those of an offer),
  the greeting's and the signature's names and capitalised names inside
  sentences, each still in the rewrite.

``--show N`` prints N rewrites of drafts with several findings, for reading.
Sources: ``../shared/corpus/dev.jsonl``, ``tests/test_rules_en.py`` and
``tests/test_rules_i18n.py`` (FIRES and QUIET), and any ``*.jsonl`` of
{"text", "context"} lines under ``tests/behaviour`` and ``tests/evasion``.
Exit status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

import regex

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import datetime as dt  # noqa: E402

from checks import CheckSettings, Context, Draft, check  # noqa: E402
from checks.document import Document  # noqa: E402
from checks.rewrite import facts  # noqa: E402
from checks.rewrite.clauses import word_count  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "dev.jsonl"
# Rules a text edit cannot satisfy: the message must not be sent as it is, or
# something outside the text (the order's age, an attachment, the language) is wrong.
NOT_TEXT_FIXABLE = frozenset({
    "lang.mismatch", "order.window", "review.repeat", "attach.disallowed",
    "content.thanks-only", "content.auto-reply", "order.confirmation", "internal-error",
})
OFFER_RULES = frozenset({"review.incentive", "promo.coupon", "promo.marketing"})
# Findings that make a sentence's purpose forbidden (a misspelling or an http link does not).
OFFENDING = ("review.", "promo.", "order.divert", "order.cancel-request", "order.discourage-return",
             "content.objectionable", "link.opt-out", "link.external", "contact.")
TARGET_REACH = 0.95


def drafts() -> list[tuple[str, Draft]]:
    """(label, draft) for every source that is present."""
    out: list[tuple[str, Draft]] = []
    if CORPUS.exists():
        for line in CORPUS.read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                out.append((f"dev:{item['id']}", Draft(text=item["text"], context=Context.model_validate(item["context"]))))
    sys.path.insert(0, str(REPO / "tests"))
    import test_rules_en as en  # noqa: PLC0415
    import test_rules_i18n as i18n  # noqa: PLC0415

    for n, (rule, body) in enumerate(en.FIRES + en.QUIET):
        out.append((f"en:{n}:{rule}", en.draft(body)))
    for n, (lang, rule, body) in enumerate(i18n.FIRES + i18n.QUIET):
        out.append((f"{lang}:{n}:{rule}", i18n.draft(lang, body)))
    for folder in ("behaviour", "evasion"):
        for path in sorted((REPO / "tests" / folder).glob("**/*.jsonl")):
            for n, line in enumerate(path.read_text("utf-8").splitlines()):
                try:
                    item = json.loads(line)
                    out.append((f"{path.name}:{n}", Draft(text=item["text"], context=Context.model_validate(item.get("context") or {}))))
                except (ValueError, KeyError, TypeError):
                    continue
    return out


_NAME = regex.compile(r"(?<=[\p{Ll},;:] )\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*")
_GREETING = regex.compile(r"^(?:Hi|Hello|Dear|Hey|Hallo|Bonjour|Hola|Ciao|Gentile)\s+(\p{Lu}[\p{L}.]*(?: \p{Lu}\p{L}+)?)")


def kept_values(text: str, findings: list) -> list[str]:
    """What a rewrite must keep: facts, and names, outside the findings'
    excerpts (the offending words themselves) and outside an offer's amount."""
    spans = [f.span for f in findings if f.span]
    offers = [f.span for f in findings if f.span and f.rule in OFFER_RULES]

    def inside(start: int, end: int, among: list) -> bool:
        return any(s <= start and end <= e for s, e in among)

    tags = [m.span() for m in regex.finditer(r"<[^<>]{0,2000}>", text)]  # CSS values are not facts
    values = []
    for start, end, amount in facts(text):
        if inside(start, end, tags) or (inside(start, end, spans) and not amount):
            continue
        if amount and (inside(start, end, offers) or _in_offer_sentence(text, start, offers)):
            continue
        values.append(text[start:end])
    greeting = _GREETING.search(text)
    if greeting:
        values.append(greeting.group(1))
    lines = [line.strip() for line in text.strip().splitlines()]
    if len(lines) > 2 and lines[-1] and len(lines[-1].split()) <= 4 and "@" not in lines[-1] and not any(ch.isdigit() for ch in lines[-1]):
        values.append(lines[-1])
    for m in _NAME.finditer(text):
        if not inside(m.start(), m.end(), spans) and not _in_offer_sentence(text, m.start(), spans):
            values.append(m.group())
    return values


def _in_offer_sentence(text: str, at: int, spans: list) -> bool:
    """``at`` shares a sentence with one of ``spans`` (a rough sentence: between terminators)."""
    start = max(text.rfind(c, 0, at) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, at) for c in ".!?\n") if i >= 0]
    end = min(ends) if ends else len(text)
    return any(s < end and start <= e for s, e in spans)


def every_sentence_offends(draft: Draft, findings: list) -> bool:
    """Every sentence with words of its own (not a greeting, closing or name line)
    holds a finding: once the violations go, nothing is left to send. Judged on
    the draft and its findings alone, not on what the rewrite did."""
    doc = Document.build(draft, CheckSettings(), today=dt.date.today())
    spans = [f.span for f in findings if f.span and f.rule.startswith(OFFENDING)]
    content = 0
    for sentence in doc.sentences:
        start, end = doc.source_span((sentence.start, sentence.end))
        text = regex.sub(r"\d{3}-\d{7}-\d{7}", "", doc.source[start:end]).strip()
        words = word_count(text)
        closing = any(p is not None and p.search(text) for p in (doc.phrase("greeting"), doc.phrase("closing")))
        if words <= 2 or (words <= 4 and not regex.search(r"[.!?。！？]$", text)) or (closing and words <= 6):
            continue
        content += 1
        if not any(s < end and start < e for s, e in spans):
            return False
    return content > 0


async def measure(show: int) -> dict:
    rows = []
    for label, draft in drafts():
        report = await check(draft)
        rules = set(report.rule_ids())
        row = {"label": label, "rules": sorted(rules), "rewrite": report.rewrite,
               "all_offend": bool(report.findings) and every_sentence_offends(draft, report.findings),
               "remaining": getattr(report, "remaining", None), "findings": len(report.findings)}
        if report.rewrite:
            again = await check(Draft(text=report.rewrite, context=draft.context), rewrite=False)
            found = set(again.rule_ids())
            row["recheck"] = sorted(found)
            row["added"] = sorted(found - rules)
            lost = [v for v in kept_values(draft.text, report.findings) if v not in report.rewrite]
            row["lost"] = lost
            row["breaks"] = "\n\n\n" in report.rewrite.replace("\r", "")
        rows.append((draft, report, row))
    honest = [r for _, _, r in rows if r["rewrite"] and r["remaining"] is not None and sorted(r["remaining"]) != r["recheck"]]
    no_rewrite_but_remaining = [r for _, _, r in rows if not r["rewrite"] and r["remaining"]]
    fixable = [r for _, _, r in rows if r["rules"] and not set(r["rules"]) & NOT_TEXT_FIXABLE and not r["all_offend"]]
    all_offend = [r for _, _, r in rows if r["rules"] and not set(r["rules"]) & NOT_TEXT_FIXABLE and r["all_offend"]]
    clean = [r for r in fixable if r["rewrite"] and not r.get("recheck")]
    added = [r for _, _, r in rows if r.get("added")]
    style_added = [r for r in added if {"style.grammar", "style.spelling"} & set(r["added"])]
    lost = [r for _, _, r in rows if r.get("lost")]
    breaks = [r for _, _, r in rows if r.get("breaks")]
    summary = {
        "drafts": len(rows),
        "with_rewrite": sum(1 for _, _, r in rows if r["rewrite"]),
        "remaining_differs_from_recheck": [(r["label"], r["remaining"], r["recheck"]) for r in honest],
        "remaining_without_rewrite": [r["label"] for r in no_rewrite_but_remaining],
        "text_fixable": len(fixable),
        "text_fixable_clean": len(clean),
        "reach": round(len(clean) / len(fixable), 3) if fixable else None,
        # Drafts in which every sentence offends (a message that is one violation): not counted
        # above; the right answer is no rewrite ("do not send"), or a clean one.
        "every_sentence_offends": len(all_offend),
        "every_sentence_offends_but_unclean_rewrite": [(r["label"], r.get("recheck")) for r in all_offend
                                                       if r["rewrite"] and r.get("recheck")],
        # Text-fixable drafts that still got no rewrite (something permitted was lost).
        "text_fixable_without_rewrite": [r["label"] for r in fixable if not r["rewrite"]],
        "not_clean": [(r["label"], r["rules"], r.get("recheck")) for r in fixable if r not in clean and r["rewrite"]],
        "adds_a_finding": [(r["label"], r["added"]) for r in added],
        "adds_style": [(r["label"], r["added"]) for r in style_added],
        "lost_values": [(r["label"], r["lost"]) for r in lost],
        "three_line_breaks": [r["label"] for r in breaks],
    }
    several = [(d, rep, r) for d, rep, r in rows if len(r["rules"]) >= 2][:show]
    for draft, report, row in several:
        print("=" * 78)
        print(f"{row['label']}  draft rules: {', '.join(row['rules'])}")
        print(draft.text)
        print("-" * 30 + " rewrite " + "-" * 30)
        print(report.rewrite if report.rewrite else "(no rewrite)")
        print(f"-- remaining: {row['remaining']}  re-check: {row.get('recheck')}")
        for g in report.guidance:
            print(f"   guidance {g.rule}: {g.text}")
    return summary


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print N rewrites of drafts with several findings")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args()
    summary = asyncio.run(measure(args.show))
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        for key, value in summary.items():
            if isinstance(value, list):
                print(f"{key}: {len(value)}")
                for item in value:
                    print(f"    {item}")
            else:
                print(f"{key}: {value}")
    ok = (not summary["remaining_differs_from_recheck"] and not summary["adds_a_finding"]
          and (summary["reach"] or 0) >= TARGET_REACH and not summary["three_line_breaks"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
