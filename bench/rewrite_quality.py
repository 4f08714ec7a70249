"""How good the suggested rewrites are, over the dev corpus and the rule tests' examples.

    .venv/bin/python bench/rewrite_quality.py [--show N] [--json]

For every draft: check it (with the rewrite), then check its rewrite again
with the same context, and measure
- honesty: the report's ``remaining`` equals the rule ids the re-check finds;
- reach: of the drafts with findings whose rules can all be fixed in the text
  (not a wrong language, the 30-day window, a repeat review request, an
  attachment, a malformed order id when no order id came with the draft, or
  a message that should not be sent: thanks-only, auto-reply, order
  confirmation, or a draft with nothing permitted once its violations go,
  judged from the draft and its findings: ``nothing_to_send``), the share
  that get a rewrite with empty ``remaining`` (target >= 95%);
- harm: rewrites that add a rule the draft did not have (style.grammar and
  style.spelling counted apart), three or more line breaks in a row;
- facts: order ids, tracking numbers, dates, amounts (not those of an offer),
  the greeting's and the signature's names and capitalised names inside
  sentences, each still in the rewrite.

``--show N`` prints N rewrites of drafts with several findings, for reading.
Sources, each measured apart and all together: ``dev`` (``../shared/corpus/dev.jsonl``),
``rules`` (``tests/test_rules_en.py`` and ``tests/test_rules_i18n.py``, FIRES
and QUIET), ``behaviour`` (the behavioural suite that
``tests/behaviour/suite.py`` generates) and ``evasion``
(``tests/evasion/cases.toml``). Exit status 1 when a target is missed over all
of them.
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
# A message with only these purposes is not to be sent.
NO_PURPOSE = frozenset({"content.thanks-only", "content.auto-reply", "order.confirmation"})
OFFER_RULES = frozenset({"review.incentive", "promo.coupon", "promo.marketing"})
REVIEW_BIAS = frozenset({"review.positive", "review.conditional", "review.incentive", "review.scripted"})
# Findings that make a sentence's purpose forbidden (a misspelling or an http link does not).
OFFENDING = ("review.", "promo.", "order.divert", "order.cancel-request", "order.discourage-return",
             "content.objectionable", "link.opt-out", "link.external", "contact.")
TARGET_REACH = 0.95


SOURCES = ("dev", "rules", "behaviour", "evasion")


def drafts() -> list[tuple[str, str, Draft]]:
    """(source, label, draft) for every source that is present: the dev corpus,
    the rule tests' examples, the behavioural suite (tests/behaviour/suite.py:
    hand-written cases, their generated perturbations and the held-out batches)
    and the evasion suite (tests/evasion/cases.toml: disguises and look-alikes)."""
    out: list[tuple[str, str, Draft]] = []
    if CORPUS.exists():
        for line in CORPUS.read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                draft = Draft(text=item["text"], context=Context.model_validate(item["context"]))
                out.append(("dev", f"dev:{item['id']}", draft))
    sys.path.insert(0, str(REPO / "tests"))
    import test_rules_en as en  # noqa: PLC0415
    import test_rules_i18n as i18n  # noqa: PLC0415

    from tests.behaviour import suite  # noqa: PLC0415
    from tests.evasion import test_evasion as evasion  # noqa: PLC0415

    for n, (rule, body) in enumerate(en.FIRES + en.QUIET):
        out.append(("rules", f"en:{n}:{rule}", en.draft(body)))
    for n, (lang, rule, body) in enumerate(i18n.FIRES + i18n.QUIET):
        out.append(("rules", f"{lang}:{n}:{rule}", i18n.draft(lang, body)))
    for n, case in enumerate(suite.cases(), start=1):
        item = case.item(n)
        draft = Draft(text=item["text"], context=Context.model_validate(item["context"]))
        out.append(("behaviour", f"b{n:04d}:{case.rule}:{case.lang}:{case.perturbation}", draft))
    for kind in ("disguise", "benign"):
        for n, case in enumerate(evasion.CASES[kind]):
            out.append(("evasion", f"ev:{kind}:{n}:{case.get('rule', '-')}", evasion._draft(case)))
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
    marks = (".", "!", "?", "\n\n")  # a line break alone may wrap a sentence
    start = max(text.rfind(c, 0, at) for c in marks) + 1
    ends = [i for i in (text.find(c, at) for c in marks) if i >= 0]
    end = min(ends) if ends else len(text)
    return any(s < end and start <= e for s, e in spans)


def review_request_stays(findings: list) -> bool:
    """A biased review request becomes a neutral one, a permitted purpose; not
    when the order already had its request or the buyer is asked to change a review."""
    return any(f.rule in REVIEW_BIAS for f in findings) and not any(
        f.rule in ("review.repeat", "review.change-request") for f in findings)


def every_sentence_offends(draft: Draft, findings: list) -> bool:
    """Every sentence with words of its own (not a greeting, closing or name line)
    holds a finding, and none of them is a review request that a neutral one can
    replace: once the violations go, nothing is left to send. Judged on the draft
    and its findings alone, not on what the rewrite did."""
    if review_request_stays(findings):
        return False
    content, offending = _content(draft, findings)
    return content > 0 and content == offending


def _content(draft: Draft, findings: list) -> tuple[int, int]:
    """How many sentences have words of their own, and how many of them hold an offending finding."""
    doc = Document.build(draft, CheckSettings(), today=dt.date.today())
    spans = [f.span for f in findings if f.span and f.rule.startswith(OFFENDING)]
    content = offending = 0
    for start, end in _sentences(doc):
        text = regex.sub(r"\d{3}-\d{7}-\d{7}", "", doc.source[start:end]).strip()
        if any(s < end and start < e for s, e in spans):  # offends, however short ("Manual: <link>")
            content, offending = content + 1, offending + 1
            continue
        words = word_count(text)
        closing = any(p is not None and p.search(text) for p in (doc.phrase("greeting"), doc.phrase("closing")))
        if not (words <= 2 or (words <= 4 and not regex.search(r"[.!?。！？]$", text)) or (closing and words <= 6)):
            content += 1
    doc.release()
    return content, offending


def outside_the_text(draft: Draft, rules: set[str]) -> bool:
    """A rule no edit of the text can satisfy, or an order id whose right
    digits only the seller knows (malformed, and no order id came with the draft)."""
    return bool(rules & NOT_TEXT_FIXABLE) or ("order.id-malformed" in rules and not draft.context.order_id)


def _sentences(doc: Document) -> list[tuple[int, int]]:
    """The document's sentences as source spans, a sentence that a hard line
    break split in two (no full stop before the one line break) joined again."""
    out: list[tuple[int, int]] = []
    for sentence in doc.sentences:
        start, end = doc.source_span((sentence.start, sentence.end))
        if out:
            gap, before = doc.source[out[-1][1] : start], doc.source[out[-1][0] : out[-1][1]].rstrip()
            line = before.split("\n")[-1]
            framing = any(p is not None and p.search(line) for p in (doc.phrase("greeting"), doc.phrase("closing")))
            if gap.count("\n") == 1 and not gap.strip() and before and before[-1] not in ".!?。！？…:;)" \
                    and word_count(before) >= 3 and not framing:
                out[-1] = (out[-1][0], end)
                continue
        out.append((start, end))
    return out


def _without_offending(draft: Draft, findings: list) -> str:
    """The draft's text without the sentences that hold an offending finding,
    struck whole; in a draft that asks to change a review, also those that talk
    about the review (they served the request: "If nothing else is left to say,
    do not send the message")."""
    doc = Document.build(draft, CheckSettings(), today=dt.date.today())
    spans = [f.span for f in findings if f.span and f.rule.startswith(OFFENDING)]
    about = doc.phrase("review_noun") if any(f.rule == "review.change-request" for f in findings) else None
    text, pos = [], 0
    for start, end in _sentences(doc):
        if any(s < end and start < e for s, e in spans) or (about is not None and about.search(doc.source[start:end])):
            text.append(doc.source[pos:start])
            pos = end
    text.append(doc.source[pos:])
    doc.release()
    return regex.sub(r"\n{3,}", "\n\n", "".join(text))


async def nothing_to_send(draft: Draft, findings: list) -> bool:
    """Once the violations go, nothing permitted is left: every sentence with
    words of its own offends, or what the other sentences say only thanks,
    auto-replies or confirms the order or its shipment. Judged from the draft:
    its offending sentences are struck whole (not as the rewrite edits them)
    and the rest checked again, for at most three rounds (a sentence the next
    check faults is struck too)."""
    if review_request_stays(findings):
        return False
    for _ in range(3):
        if every_sentence_offends(draft, findings):
            return True
        if draft.context.format == "html" or not any(f.rule.startswith(OFFENDING) for f in findings):
            return False
        rest = _without_offending(draft, findings)
        if not regex.search(r"\w", rest):
            return True
        draft = Draft(text=rest, context=draft.context)
        if _content(draft, [])[0] == 0:  # a greeting and a closing are left
            return True
        findings = (await check(draft, rewrite=False)).findings
        if {f.rule for f in findings} & NO_PURPOSE:
            return True
    return False


async def measure_rows() -> list[tuple[Draft, object, dict]]:
    rows = []
    for source, label, draft in drafts():
        report = await check(draft)
        rules = set(report.rule_ids())
        outside = outside_the_text(draft, rules)
        row = {"source": source, "label": label, "rules": sorted(rules), "rewrite": report.rewrite, "outside": outside,
               "all_offend": bool(report.findings) and not outside and await nothing_to_send(draft, report.findings),
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
    return rows


def summarise(rows: list[dict]) -> dict:
    """The figures over ``rows`` (one source's, or all)."""
    honest = [r for r in rows if r["rewrite"] and r["remaining"] is not None and sorted(r["remaining"]) != r["recheck"]]
    no_rewrite_but_remaining = [r for r in rows if not r["rewrite"] and r["remaining"]]
    fixable = [r for r in rows if r["rules"] and not r["outside"] and not r["all_offend"]]
    all_offend = [r for r in rows if r["rules"] and not r["outside"] and r["all_offend"]]
    clean = [r for r in fixable if r["rewrite"] and not r.get("recheck")]
    added = [r for r in rows if r.get("added")]
    style_added = [r for r in added if {"style.grammar", "style.spelling"} & set(r["added"])]
    return {
        "drafts": len(rows),
        "with_findings": sum(1 for r in rows if r["rules"]),
        "with_rewrite": sum(1 for r in rows if r["rewrite"]),
        "remaining_differs_from_recheck": [(r["label"], r["remaining"], r["recheck"]) for r in honest],
        "remaining_without_rewrite": [r["label"] for r in no_rewrite_but_remaining],
        "text_fixable": len(fixable),
        "text_fixable_clean": len(clean),
        "reach": round(len(clean) / len(fixable), 3) if fixable else None,
        "outside_the_text": sum(1 for r in rows if r["outside"]),
        # Drafts with nothing permitted once the violations go (a message that is one violation,
        # or only thanks or a confirmation besides): not counted above; the right answer is
        # no rewrite ("do not send"), or a clean one.
        "every_sentence_offends": len(all_offend),
        "every_sentence_offends_with_clean_rewrite": sum(1 for r in all_offend if r["rewrite"] and not r.get("recheck")),
        "every_sentence_offends_but_unclean_rewrite": [(r["label"], r.get("recheck")) for r in all_offend
                                                       if r["rewrite"] and r.get("recheck")],
        # Text-fixable drafts that still got no rewrite (something permitted was lost).
        "text_fixable_without_rewrite": [r["label"] for r in fixable if not r["rewrite"]],
        "not_clean": [(r["label"], r["rules"], r.get("recheck")) for r in fixable if r not in clean and r["rewrite"]],
        "adds_a_finding": [(r["label"], r["added"]) for r in added],
        "adds_style": [(r["label"], r["added"]) for r in style_added],
        "lost_values": [(r["label"], r["lost"]) for r in rows if r.get("lost")],
        "three_line_breaks": [r["label"] for r in rows if r.get("breaks")],
    }


async def measure(show: int) -> dict:
    """The figures over all sources (and ``by_source``), after printing
    ``show`` rewrites of drafts with several findings."""
    rows = await measure_rows()
    summary = summarise([r for _, _, r in rows])
    summary["by_source"] = {source: summarise([r for _, _, r in rows if r["source"] == source])
                            for source in SOURCES if any(r["source"] == source for _, _, r in rows)}
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


def table(by_source: dict[str, dict]) -> str:
    """One line per source: reach, honesty and harm."""
    head = f"{'source':10} {'drafts':>6} {'fixable':>7} {'clean':>5} {'reach':>6} {'all-off':>7} {'dishonest':>9} " \
           f"{'adds':>4} {'style':>5} {'lost':>4} {'breaks':>6}"
    lines = [head]
    for source, s in by_source.items():
        reach = "-" if s["reach"] is None else f"{s['reach']:.3f}"
        lines.append(f"{source:10} {s['drafts']:6} {s['text_fixable']:7} {s['text_fixable_clean']:5} {reach:>6} "
                     f"{s['every_sentence_offends']:7} {len(s['remaining_differs_from_recheck']):9} "
                     f"{len(s['adds_a_finding']):4} {len(s['adds_style']):5} {len(s['lost_values']):4} "
                     f"{len(s['three_line_breaks']):6}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", type=int, default=0, help="print N rewrites of drafts with several findings")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    args = parser.parse_args()
    summary = asyncio.run(measure(args.show))
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        by_source = summary.pop("by_source")
        for key, value in summary.items():
            if isinstance(value, list):
                print(f"{key}: {len(value)}")
                for item in value:
                    print(f"    {item}")
            else:
                print(f"{key}: {value}")
        print(table({**by_source, "all": summary}))
    ok = (not summary["remaining_differs_from_recheck"] and not summary["remaining_without_rewrite"]
          and not summary["adds_a_finding"] and not summary["lost_values"]
          and not summary["every_sentence_offends_but_unclean_rewrite"]
          and (summary["reach"] or 0) >= TARGET_REACH and not summary["three_line_breaks"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
