"""The suggested compliant rewrite (checks/rewrite/) over examples and the dev corpus."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from checks import Context, Draft, check
from checks.models import Edit
from checks.rewrite import PLACEHOLDER, apply_edits, facts, phrase_text, unified_diff

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"
CTX = {"order_id": "113-4829105-7730142", "buyer_language": "en", "marketplace": "amazon.com",
       "order_date": "2026-11-16", "today": "2026-11-21", "previous_review_requests": 0, "attachments": []}
NEUTRAL = "Would you share your experience by leaving a review on Amazon?"


def run(text: str, **context) -> object:
    return asyncio.run(check(Draft(text=text, context=Context.model_validate({**CTX, **context}))))


def test_compliant_draft_is_returned_unchanged() -> None:
    """A draft with nothing to fix comes back byte for byte, with no diff."""
    text = "Hello Jennifer,\n\nYour order 113-4829105-7730142 ships on November 28.\n\nBest regards,\nLumiwood"
    report = run(text)
    assert report.rewrite == text
    assert report.diff is None


def test_rewrite_can_be_switched_off() -> None:
    """check(..., rewrite=False) leaves rewrite, diff and guidance empty."""
    report = asyncio.run(check(Draft(text="Mail me: a@b.example", context=Context()), rewrite=False))
    assert report.rewrite is None and report.diff is None and report.guidance == []


def test_contact_line_goes_with_its_line() -> None:
    """A signature line that is only an email address is removed, no blank line left behind."""
    text = "Hello,\n\nOrder 113-4829105-7730142 ships today, one day late.\n\nBest regards,\nLumiwood\nservice@lumiwood-lighting.com"
    report = run(text)
    assert report.rewrite == "Hello,\n\nOrder 113-4829105-7730142 ships today, one day late.\n\nBest regards,\nLumiwood"


def test_coupon_sentence_is_removed_and_paragraph_spacing_kept() -> None:
    """A coupon paragraph goes as a whole; one blank line stays between the neighbours."""
    text = ("Hi Ann,\n\nYour order 113-4829105-7730142 is delayed by two days.\n\n"
            "Save 10% on your next order with code HYDRO10.\n\nBest,\nHydro")
    report = run(text)
    assert report.rewrite == "Hi Ann,\n\nYour order 113-4829105-7730142 is delayed by two days.\n\nBest,\nHydro"
    assert report.diff.startswith("--- draft\n+++ rewrite\n@@")


def test_biased_review_request_becomes_neutral() -> None:
    """A five-star request is replaced by the neutral one; the routing sentence goes."""
    text = ("Hello,\n\nThank you for order 113-4829105-7730142. If you are happy with it, please leave us a "
            "5-star review. If not, please contact us first before leaving a review.\n\nBest regards,\nLumiwood")
    report = run(text)
    assert NEUTRAL in report.rewrite
    assert "5-star" not in report.rewrite and "contact us first" not in report.rewrite
    assert "113-4829105-7730142" in report.rewrite
    assert "review.conditional" not in {f.rule for f in run(report.rewrite).findings}


def test_repeat_request_gets_no_neutral_replacement_but_guidance() -> None:
    """With a review already requested, the biased request goes and guidance says why."""
    text = "About order 113-4829105-7730142: please leave us a five-star review on Amazon."
    report = run(text, previous_review_requests=1)
    assert report.rewrite is None or NEUTRAL not in report.rewrite
    assert any(g.rule == "review.repeat" for g in report.guidance)


def test_sentence_with_a_fact_loses_only_the_contact() -> None:
    """A sentence that also holds the order id keeps it: only the phone number (and its 'at') goes."""
    text = "Your table (order 113-4829105-7730142) is with Estes; please call Estes at 1-866-555-0177 to book."
    report = run(text)
    assert report.rewrite == "Your table (order 113-4829105-7730142) is with Estes; please call Estes to book."
    assert report.rewrite_status == "ready" and report.remaining == []
    assert not any("1-866-555-0177" in g.text for g in report.guidance)  # guidance never names what was fixed


def test_insecure_amazon_link_becomes_https() -> None:
    text = "Order 113-4829105-7730142: print the label at http://www.amazon.com/returns."
    assert run(text).rewrite == "Order 113-4829105-7730142: print the label at https://www.amazon.com/returns."


def test_line_break_run_and_emoji() -> None:
    text = "Order 113-4829105-7730142 arrives on November 24.\n\n\n\nSorry for the wait! 🙏"
    assert run(text).rewrite == "Order 113-4829105-7730142 arrives on November 24.\n\nSorry for the wait!"


def test_missing_order_id_is_inserted_after_the_greeting() -> None:
    report = run("Hi Jordan,\n\nThe lamp you ordered is delayed by two days.\n\nBest,\nLumiwood")
    assert report.rewrite == ("Hi Jordan,\n\nOrder: 113-4829105-7730142\n\nThe lamp you ordered is delayed by two days."
                              "\n\nBest,\nLumiwood")
    assert next(f for f in report.findings if f.rule == "order.id-missing").fix is not None


def test_unknown_order_id_gets_a_placeholder_and_guidance() -> None:
    report = asyncio.run(check(Draft(text="Hi Jordan,\n\nThe lamp is delayed by two days.", context=Context())))
    assert PLACEHOLDER in report.rewrite
    assert any(PLACEHOLDER in g.text for g in report.guidance)


@pytest.mark.parametrize(
    ("text", "context", "rule", "words"),
    [
        ("Thank you so much for your purchase! We hope you enjoy it.", {}, "content.thanks-only", "No Response Required"),
        ("About order 113-4829105-7730142: how is the hose reel?", {"order_date": "2026-09-01"}, "order.window", "30 days"),
        ("Attached is our catalogue for order 113-4829105-7730142.", {"attachments": ["promo_flyer.jpg"]},
         "attach.disallowed", "Remove the attachment"),
    ],
)
def test_findings_without_a_fix_come_with_guidance(text, context, rule, words) -> None:
    report = run(text, **context)
    assert any(g.rule == rule and words in g.text for g in report.guidance)


def test_html_removal_takes_the_paragraph_and_keeps_markup_sound() -> None:
    """In HTML a marketing paragraph goes with its <p> element."""
    text = ('<div style="max-width:600px;">\n<p>Hello Ann,</p>\n<p>Your order 113-4829105-7730142 ships on '
            'November 28.</p>\n<p>Check out our new winter collection!</p>\n<p>Lumiwood</p>\n</div>')
    report = run(text, format="html")
    assert "winter collection" not in report.rewrite
    assert "<p></p>" not in report.rewrite and report.rewrite.count("<p>") == report.rewrite.count("</p>") == 3


def test_overlapping_edits_do_not_corrupt_the_text() -> None:
    """An edit inside a removed span is dropped; a removal crossed by a longer
    edit (an emoji before a replaced sentence) is absorbed by it."""
    source = "Keep this. Drop this sentence. Keep that."
    edits = [Edit(span=(11, 31), replacement=""), Edit(span=(16, 20), replacement="XXXX")]
    assert apply_edits(source, edits) == "Keep this. Keep that."
    source = "Late. 🙏 Leave five stars. Bye."
    edits = [Edit(span=(5, 7), replacement=""), Edit(span=(8, 25), replacement="Review?")]
    assert apply_edits(source, edits) == "Late. Review? Bye."


def test_neutral_request_exists_per_language() -> None:
    for lang in ("en", "de", "fr", "es", "it", "ja"):
        assert phrase_text(lang, "neutral_review_request")
        assert "{order_id}" in phrase_text(lang, "order_line")


def test_diff_is_none_without_change_and_unified_otherwise() -> None:
    assert unified_diff("a\nb", "a\nb") is None
    assert unified_diff("a\nb\nc", "a\nc") == "--- draft\n+++ rewrite\n@@ -1,3 +1,2 @@\n a\n-b\n c"


def _corpus() -> list[dict]:
    if not CORPUS.exists():
        pytest.skip("the shared dev corpus is not here")
    return [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]


def test_corpus_rewrites_recheck_clean() -> None:
    """Over the dev corpus: the rewrite of every draft, checked again, has no new
    finding, no finding with a mechanical fix (spelling corrections beyond the
    checker's per-draft budget aside), and keeps the facts outside removed sentences."""
    unclean = []
    for item in _corpus():
        context = Context.model_validate(item["context"])
        report = asyncio.run(check(Draft(text=item["text"], context=context)))
        assert report.rewrite_status is not None
        if report.rewrite is None:
            assert report.rewrite_status == "none" and report.remaining == []
            assert any("do not send" in g.text for g in report.guidance)
            continue
        again = asyncio.run(check(Draft(text=report.rewrite, context=context)))
        new = {f.rule for f in again.findings} - {f.rule for f in report.findings}
        assert not new, (item["id"], new)
        fixable = [f.rule for f in again.findings if f.fix and f.rule != "style.spelling"
                   and not (f.rule == "order.id-missing" and PLACEHOLDER in report.rewrite)]
        if fixable:
            unclean.append((item["id"], fixable))
        removed = [f.span for f in report.findings if f.span]
        for start, end, _ in facts(item["text"]):
            value = item["text"][start:end]
            if value not in report.rewrite:
                # Lost only with a sentence a finding removed.
                line_start = item["text"].rfind("\n", 0, start) + 1
                line_end = item["text"].find("\n", end)
                line = item["text"][line_start : line_end if line_end >= 0 else None]
                assert any(line_start <= s < line_start + len(line) for s, _ in removed), (item["id"], value)
    assert not unclean
