"""The rewrite is checked again before it is shown: what the report says about
it (remaining, status, verdict, guidance) is what a second check finds, and
the rewrite reads as a message a team can send."""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest

from checks import CheckSettings, Context, Draft, check
from checks.document import Document
from checks.models import Finding, Severity
from checks.rewrite import Suggestion, suggest_checked

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
OID = "113-4829105-7730142"
CTX = {"order_id": OID, "buyer_language": "en", "marketplace": "amazon.com", "order_date": "2026-11-16",
       "today": "2026-11-21", "previous_review_requests": 0, "attachments": []}


def run(text: str, **context):
    return asyncio.run(check(Draft(text=text, context=Context.model_validate({**CTX, **context}))))


def recheck(text: str, **context) -> list[str]:
    again = asyncio.run(check(Draft(text=text, context=Context.model_validate({**CTX, **context})), rewrite=False))
    return again.rule_ids()


def _corpus() -> list[dict]:
    if not CORPUS.exists():
        pytest.skip("the shared dev corpus is not here")
    return [json.loads(line) for line in CORPUS.read_text("utf-8").splitlines() if line.strip()]


def _bench():
    spec = importlib.util.spec_from_file_location("rewrite_quality", ROOT / "bench" / "rewrite_quality.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the report tells the truth about its rewrite ------------------------------------


def test_corpus_remaining_is_what_a_second_check_finds() -> None:
    """Over the dev corpus: remaining equals the rule ids of checking the rewrite again,
    'ready' exactly when nothing remains, and no rewrite adds a rule the draft did not have."""
    for item in _corpus():
        context = Context.model_validate(item["context"])
        report = asyncio.run(check(Draft(text=item["text"], context=context)))
        if report.rewrite is None:
            assert report.rewrite_status == "none" and report.remaining == [], item["id"]
            continue
        again = asyncio.run(check(Draft(text=report.rewrite, context=context), rewrite=False))
        assert report.remaining == again.rule_ids(), item["id"]
        assert (report.rewrite_status == "ready") == (not report.remaining), item["id"]
        assert set(again.rule_ids()) <= set(report.rule_ids()), (item["id"], report.rewrite)
        assert "\n\n\n" not in report.rewrite.replace("\r", ""), item["id"]


def test_corpus_rewrites_keep_the_facts_and_names() -> None:
    """Order ids, tracking numbers, dates, amounts (not an offer's), greeting and signature
    names and capitalised names outside the findings are all still in every rewrite."""
    bench = _bench()
    for item in _corpus():
        context = Context.model_validate(item["context"])
        report = asyncio.run(check(Draft(text=item["text"], context=context)))
        if report.rewrite is None:
            continue
        lost = [v for v in bench.kept_values(item["text"], report.findings) if v not in report.rewrite]
        assert not lost, (item["id"], lost, report.rewrite)


def test_every_remaining_rule_has_guidance_and_ready_has_none() -> None:
    """A rewrite that still needs a person says what to do for each rule left; a ready one
    carries no guidance naming what the rewrite already fixed."""
    for item in _corpus():
        report = asyncio.run(check(Draft(text=item["text"], context=Context.model_validate(item["context"]))))
        if report.rewrite_status == "needs-person":
            assert set(report.remaining) <= {g.rule for g in report.guidance}, item["id"]
        if report.rewrite_status == "ready":
            assert report.guidance == [], (item["id"], report.guidance)


def test_verdict_in_words() -> None:
    clean = run(f"Hello Jo,\n\nYour order {OID} ships on November 28.\n\nBest,\nLumiwood")
    assert clean.rewrite_status == "ready" and clean.rewrite_verdict == "The rewrite follows the guidelines."
    unfixable = run(f"Hello Jo,\n\nYour order {OID} ships late.\n\nBest,\nLumiwood", attachments=["flyer.jpg"])
    assert unfixable.rewrite_status == "needs-person"
    assert unfixable.rewrite_verdict.startswith("The rewrite still needs a person") and "attach.disallowed" in unfixable.rewrite_verdict


# --- the drafts, in other words --------------------------------------------


def test_refund_for_removing_feedback_goes_with_the_sentence_pointing_back_at_it() -> None:
    """The offer and the follow-up that refers to 'the feedback' both go; the apology stays."""
    text = (f"Hello Maria,\n\nWe are sorry that the kettle from order {OID} arrived damaged. If you take down your "
            "negative feedback, we will refund you in full. Once the feedback is gone, reply to this message and "
            "the refund will be sent the same day.\n\nBest regards,\nAnna")
    report = run(text)
    assert report.rewrite is not None and "arrived damaged" in report.rewrite
    assert "feedback" not in report.rewrite.lower() and "refund" not in report.rewrite.lower()
    assert report.remaining == recheck(report.rewrite) == []


def test_conditional_request_loses_its_otherwise_sentence() -> None:
    """A conditional review request becomes the neutral one; 'Otherwise, ...' goes with it."""
    text = (f"Hi Tom,\n\nYour order {OID} was delivered today. If you are satisfied with the lamp, please leave us "
            "a review on Amazon. Otherwise, we'd love 5 stars!\n\nThanks,\nLumiwood")
    report = run(text)
    assert "Otherwise" not in report.rewrite and "5 stars" not in report.rewrite
    assert "review on Amazon" in report.rewrite and "delivered today" in report.rewrite


def test_payment_off_amazon_loses_the_channel_and_address_keeps_the_amount() -> None:
    text = (f"Hi Tom,\n\nAbout order {OID}: the spare lid costs $12.50. Please pay the $12.50 via PayPal to "
            "tom.shop@example.com and we will ship it on Monday.\n\nAnna")
    report = run(text)
    assert report.rewrite is not None
    assert "@" not in report.rewrite and "PayPal" not in report.rewrite
    assert report.rewrite.count("$12.50") == 2 and "Monday" in report.rewrite and "Anna" in report.rewrite


def test_a_draft_that_is_one_violation_gets_no_rewrite_and_says_do_not_send() -> None:
    report = run("Leave us a glowing five-star review and we will send you a $20 gift card!")
    assert report.rewrite in (None,) or "gift card" not in report.rewrite
    if report.rewrite is None:
        assert report.rewrite_status == "none" and report.remaining == []
        assert any("do not send" in g.text.lower() for g in report.guidance)


def test_nothing_left_but_greeting_and_signature_is_no_rewrite() -> None:
    report = run(f"Hi Sam,\n\nPlease remove the 2-star review you left for order {OID}.\n\nBest regards,\nAcme")
    assert report.rewrite is None and report.rewrite_status == "none"
    assert report.diff is None
    assert any("do not send" in g.text.lower() for g in report.guidance)


def test_signature_keeps_name_role_and_shop() -> None:
    text = (f"Hello Ben,\n\nYour order {OID} will arrive two days late, on November 28.\n\n"
            "Questions? Email us at help@cozyshop.com.\n\n"
            "Anna Berg | Customer Care | CozyShop | anna@cozyshop.com | +1 212 555 0199")
    report = run(text)
    assert report.rewrite.endswith("Anna Berg | Customer Care | CozyShop")
    assert "Questions?" not in report.rewrite and "@" not in report.rewrite
    assert report.rewrite_status == "ready"


def test_order_line_after_a_lone_greeting_keeps_line_breaks_within_the_rule() -> None:
    report = asyncio.run(check(Draft(text="Hi\n", context=Context())))
    assert "\n\n\n" not in report.rewrite and "Order: [ORDER ID]" in report.rewrite
    assert "style.line-breaks" not in report.remaining
    assert report.rewrite_status == "needs-person"  # the placeholder is left to fill in
    assert any("[ORDER ID]" in g.text for g in report.guidance)


@pytest.mark.parametrize(
    "html",
    [
        f'<div style="font-family: Comic Sans MS;"><p>Hello Ann,</p><p>Your order {OID} ships on November 28.</p>'
        '<ul><li>Shop more at https://cozyshop.example</li><li>Lamp shade included</li></ul><p>Anna</p></div>',
        f'<div style="font-family: Arial; color: #777777"><p>Hello Ann,</p><p>Your order {OID} ships on '
        'November 28.</p><ul><li>Follow us on Instagram!</li></ul><p>Anna</p></div>',
    ],
)
def test_html_removals_leave_no_empty_markup(html: str) -> None:
    report = run(html, format="html")
    rewrite = report.rewrite
    assert 'style=" "' not in rewrite and 'style=""' not in rewrite and "<div >" not in rewrite
    assert "<li></li>" not in rewrite and "<ul></ul>" not in rewrite and "<ul> <li>" not in rewrite
    assert f"Your order {OID} ships on November 28." in rewrite
    assert report.remaining == recheck(rewrite, format="html")


def test_guidance_never_names_what_the_rewrite_removed() -> None:
    text = (f"Hello Jo,\n\nYour order {OID} ships late. Visit https://cozyshop.example/sale for our new lamps!\n\n"
            "Best,\nLumiwood")
    report = run(text, attachments=["catalogue.pdf"])
    assert "cozyshop.example" not in report.rewrite
    assert not any("cozyshop" in g.text for g in report.guidance)
    assert report.remaining == ["attach.disallowed"]


# --- the fall-back when a rewrite would make things worse --------------------------


def _finding(rule: str) -> Finding:
    return Finding(rule=rule, severity=Severity.ERROR, message=rule, guideline=rule)


def _doc(text: str) -> Document:
    return Document.build(Draft(text=text, context=Context(order_id=OID)), CheckSettings(), today=dt.date(2026, 11, 21))


def _coupon_draft() -> tuple[Document, list[Finding]]:
    doc = _doc(f"Hello Jo,\n\nOrder {OID} ships late. Use code SAVE10 for 10% off.\n\nBest,\nLumiwood")
    return doc, asyncio.run(check(Draft(text=doc.source, context=doc.context), rewrite=False)).findings


def test_a_rewrite_that_adds_a_finding_is_not_shown() -> None:
    """When every candidate raises a rule the draft did not have, there is no rewrite."""
    doc, findings = _coupon_draft()
    calls: list[str] = []

    async def worse(text: str, again: bool) -> tuple[list[Finding], Suggestion | None]:
        calls.append(text)
        return [_finding("style.grammar")], None

    outcome = asyncio.run(suggest_checked(doc, findings, worse))
    assert outcome.text is None and outcome.status == "none"
    assert 1 <= len(calls) <= 2  # the full rewrite, then at most the cautious one


def test_a_clean_recheck_makes_the_rewrite_ready_after_one_check() -> None:
    doc, findings = _coupon_draft()
    calls: list[str] = []

    async def clean(text: str, again: bool) -> tuple[list[Finding], Suggestion | None]:
        calls.append(text)
        return [], None

    outcome = asyncio.run(suggest_checked(doc, findings, clean))
    assert outcome.status == "ready" and outcome.remaining == [] and "SAVE10" not in outcome.text
    assert len(calls) == 1


# --- what people see ---------------------------------------------------------------


def test_cli_and_chat_never_call_an_unclean_rewrite_ready() -> None:
    from bot.chat import render_report_parts
    from bot.render import render_text

    text = f"Hello Jo,\n\nYour order {OID} ships late.\n\nBest,\nLumiwood\n\n"
    report = run(text + "Use code SAVE10 for 10% off.", attachments=["flyer.jpg"])
    assert report.rewrite_status == "needs-person"
    shown = render_text(report, text, "draft.txt")
    assert "The rewrite still needs a person: attach.disallowed." in shown
    sections = render_report_parts(report, text)
    titles = [s.title or "" for s in sections]
    assert not any("ready to copy" in t for t in titles)
    assert any(s.kind == "rewrite-status" and "attach.disallowed" in s.body for s in sections)
    ready = run(text + "Use code SAVE10 for 10% off.")
    assert any("ready to copy" in (s.title or "") for s in render_report_parts(ready, text + "Use code SAVE10 for 10% off."))


def test_batch_line_carries_rewrite_remaining_and_guidance() -> None:
    from bot.batch import batch_line

    line = json.dumps({"id": "x", "text": f"Hello Jo,\n\nOrder {OID} ships late.", "context": {**CTX, "attachments": ["a.jpg"]}})
    out = asyncio.run(batch_line(line.encode(), 1, CheckSettings()))
    assert out["remaining"] == ["attach.disallowed"] and out["rewrite_status"] == "needs-person"
    assert out["rewrite"] and any(g["rule"] == "attach.disallowed" for g in out["guidance"])


def test_a_sentence_pointing_back_at_a_removed_coupon_goes_but_a_fact_about_the_order_stays() -> None:
    """'It is valid until …' leaves with the coupon; 'It should arrive on …' after removed
    marketing is about the order and stays."""
    coupon = run(f"Hello Sam,\n\nYour order {OID} was delayed; it will arrive on December 2. Use code SORRY15 "
                 "for 15% off your next purchase. It is valid until December 31.\n\nBest,\nAcme")
    assert "valid until" not in coupon.rewrite and "December 2" in coupon.rewrite
    marketing = run(f"Hello Sam,\n\nYour lamp from order {OID} is on its way to you after the delay. Follow us on "
                    "Instagram for new arrivals! It should arrive on November 28.\n\nBest,\nAcme")
    assert "Instagram" not in marketing.rewrite and "It should arrive on November 28." in marketing.rewrite


def test_a_link_taken_as_an_object_goes_with_its_clause() -> None:
    """Removing only the link would leave 'visit or scan': the clause (here the sentence) goes."""
    report = run(f"Dear Priya,\n\nYour kettle from order {OID} should be descaled monthly. For a video guide, visit "
                 "www.kettlepro-help.com/descale or scan the QR code in the box.\n\nBest,\nKettlePro")
    assert "visit or" not in report.rewrite and "kettlepro-help" not in report.rewrite
    assert "descaled monthly." in report.rewrite


def test_html_template_keeps_the_signature_name_and_drops_the_contact_paragraph_whole() -> None:
    """In a template: a contact sentence with inline markup goes with the 'Questions?' before it
    and its emptied paragraph; the signature keeps the name and shop; no blank line is left."""
    html = ('<div style="max-width:600px;">\n<p>Hello Ann,</p>\n'
            f'<p>Your order {OID} ships on November 28 &amp; arrives by December 2.</p>\n'
            '<p>Questions? Call us at <b>(212) 555-0143</b>.</p>\n<p>Anna | CozyShop | anna@cozyshop.com</p>\n</div>')
    report = run(html, format="html")
    assert report.rewrite == ('<div style="max-width:600px;">\n<p>Hello Ann,</p>\n'
                              f'<p>Your order {OID} ships on November 28 &amp; arrives by December 2.</p>\n'
                              '<p>Anna | CozyShop</p>\n</div>')
    assert report.rewrite_status == "ready"


# --- the clause editor on its own ----------------------------------------------------


def _hit(sentence: str, words: str) -> list[tuple[int, int]]:
    start = sentence.index(words)
    return [(start, start + len(words))]


@pytest.mark.parametrize(
    ("sentence", "hit", "expected"),
    [
        ("Your lamp ships on Monday, so use code SAVE10 for 10% off.", "use code SAVE10", "Your lamp ships on Monday."),
        ("Now that the kettle was replaced, could you change your review?", "change your review", "The kettle was replaced."),
        ("For the delay, use code SAVE10 at checkout.", "use code SAVE10", None),  # a phrase, not a clause
        ("If it does not charge, the damn problem is your cable, not ours.", "damn", None),  # text on both sides
        ("Order 113-4829105-7730142: call us now.", "call us", None),  # the label alone says nothing
        ("Please review it.", "review", None),  # one clause: nothing left
    ],
)
def test_clause_cut(sentence: str, hit: str, expected: str | None) -> None:
    from checks.rewrite import clauses

    assert clauses.cut(sentence, _hit(sentence, hit), "en") == expected


def test_clause_cut_keeps_a_fact_and_drops_only_the_introduced_phrase() -> None:
    from checks.rewrite import clauses

    sentence = "We can refund order 113-4829105-7730142 via PayPal if you reply here."
    keep = _hit(sentence, "113-4829105-7730142")
    assert clauses.cut(sentence, _hit(sentence, "PayPal"), "en", keep) == \
        "We can refund order 113-4829105-7730142 if you reply here."


def test_order_line_keeps_the_drafts_line_endings() -> None:
    text = ("Dear Ms. Smith,\r\n\r\nThe lamp you ordered will arrive on December 2. Use code SAVE10 for 10% off "
            "next time.\r\n\r\nBest,\r\nLumiwood\r\n")
    report = asyncio.run(check(Draft(text=text, context=Context(order_id=OID))))
    assert report.rewrite == (f"Dear Ms. Smith,\r\n\r\nOrder: {OID}\r\n\r\nThe lamp you ordered will arrive on "
                              "December 2.\r\n\r\nBest,\r\nLumiwood\r\n")


@pytest.mark.parametrize("written", ["113-4829105-7730124", "113-4829105-7730143", "113-4829150-7730142"])
def test_a_mistyped_order_id_is_corrected_to_the_conversations(written: str) -> None:
    """One wrong digit or two swapped neighbours: the rewrite writes the context's id and checks clean."""
    report = run(f"Hello Jennifer,\n\nYour order {written} will ship on Monday.\n\nBest regards,\nLumiwood")
    assert report.rule_ids() == ["order.id-mismatch"]
    assert report.rewrite == f"Hello Jennifer,\n\nYour order {OID} will ship on Monday.\n\nBest regards,\nLumiwood"
    assert report.remaining == [] and report.rewrite_status == "ready"


@pytest.mark.parametrize("other", ["114-5582019-3306627", "113-4829105-7731243", "113-4829105-7730241"])
def test_another_order_id_is_left_to_a_person(other: str) -> None:
    """An id that is no keyboard slip of the context's may be a real other order: kept, still reported."""
    text = f"Hello Jennifer,\n\nThe replacement for order {other} will ship on Monday.\n\nBest regards,\nLumiwood"
    report = run(text)
    assert other in report.rewrite and OID not in report.rewrite
    assert report.remaining == ["order.id-mismatch"] and report.rewrite_status != "ready"


def test_the_plan_leaves_the_findings_it_was_given_unchanged() -> None:
    """suggest() only reassigns ``fix`` on the findings it gets, so the shallow copies the engine passes keep the originals intact."""
    from checks.engine import _run
    from checks.rewrite import suggest

    text = ("Hello Jennifer,\n\nYour order 113-4829105-7730124 will ship on Monday 😀. Email us at help@shop.example.com "
            "or call +1 415-555-0199.\n\n\n\nIf you love it, leave us a 5-star review and get a $10 gift card!\n\nBest regards,\nLumiwood")
    draft = Draft(text=text, context=Context.model_validate(CTX))
    doc = Document.build(draft, CheckSettings(), dt.date(2026, 11, 21))
    try:
        found = asyncio.run(_run(doc, CheckSettings(), False, draft)).findings
        assert len({f.rule for f in found}) >= 4 and any(f.fix for f in found) and any(f.fix is None for f in found)
        before = [f.model_copy(deep=True) for f in found]
        suggest(doc, [f.model_copy() for f in found])
        assert found == before
    finally:
        doc.release()


def test_new_spelling_corrections_are_budgeted_across_the_draft_and_its_rechecks():
    """Working out a new word's corrections is the costliest step of a check:
    the draft and its rewrite's re-checks share one budget of new words."""
    import itertools

    from checks import spelling

    # Words no earlier test has asked about: each would need its corrections worked out.
    typos = ["wrapperz", "blanketz", "kettlez", "pillowz", "mirrorz", "candlez"]
    for typo in typos:
        spelling._SUGGESTED.pop((typo, "en"), None)
    text = " ".join(f"The {t} arrives on Monday." for t in typos) + " Please visit www.example.com for a coupon."
    report = asyncio.run(check(Draft(text=text, context={"buyer_language": "en"})))
    assert report.rewrite is not None  # the rewrite was made, and checked again
    worked_out = [t for t in typos if spelling.known_suggestions(t, "en") is not None]
    assert len(worked_out) == spelling.CORRECTION_BUDGET  # an English word costs one unit
    assert worked_out == list(itertools.islice(typos, spelling.CORRECTION_BUDGET))  # the first ones, in text order
    assert sum(f.rule == "style.spelling" for f in report.findings) == len(typos)  # every word is still reported


def test_a_plain_text_draft_far_over_the_length_limit_gets_no_rewrite_but_a_shorter_one_does():
    from checks.rewrite import guidance_text, verdict

    body = "We are sorry that the lamp for order 113-4829105-7730142 arrived scratched; we refunded $12 for it. "
    offence = "Please call us at +1 212 555 0199. "
    long_text = offence + body * (verdict.MAX_TEXT_CHARS // len(body) + 1)
    report = asyncio.run(check(Draft(text=long_text, context={"buyer_language": "en"})))
    assert report.rewrite is None and report.rewrite_status == "none"
    assert f"{len(long_text.strip()):,} characters" in str(report.rewrite_verdict)
    assert report.guidance[0].rule == "rewrite" and "2,000" in str(report.guidance[0].text)
    advised = {f.rule for f in report.findings if f.rule != "content.too-long" and guidance_text(f.rule) is not None}
    assert advised and advised <= {g.rule for g in report.guidance}  # the draft's rules still get their advice
    shorter = offence + body * 25  # over 2,000 characters, under twice that
    assert 2000 < len(shorter) <= verdict.MAX_TEXT_CHARS
    report = asyncio.run(check(Draft(text=shorter, context={"buyer_language": "en"})))
    assert report.rewrite is not None and "555" not in report.rewrite
    assert report.remaining == ["content.too-long"]  # shortening is left to a person, and the report says so


def test_a_slow_dictionary_word_costs_more_of_the_budget():
    from checks import spelling

    budget: dict[str, int] = {}
    assert spelling.spend(budget, "de") and not spelling.spend(budget, "de")  # German: one word per check
    budget = {}
    assert sum(spelling.spend(budget, "en") for _ in range(5)) == spelling.CORRECTION_BUDGET
