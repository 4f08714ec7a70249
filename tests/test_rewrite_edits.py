"""Classes of rewrite edits found by reading the rewrites of the dev corpus,
the rule examples and the behavioural and evasion suites: what goes with a
removed sentence or clause, what stays (the greeting), when there is no
rewrite at all, and the corrections the rewrite makes itself."""

from __future__ import annotations

import asyncio

import pytest

from checks import Context, Draft, check, spelling
from checks.models import Edit
from checks.rewrite import apply_edits, clauses, facts

OID = "113-4829105-7730142"
CTX = {"order_id": OID, "buyer_language": "en", "marketplace": "amazon.com", "order_date": "2026-11-16",
       "today": "2026-11-21", "previous_review_requests": 0, "attachments": [], "proactive": False}
DE = {"buyer_language": "de", "marketplace": "amazon.de"}
NEUTRAL = "Would you share your experience by leaving a review on Amazon?"


def run(text: str, **context):
    return asyncio.run(check(Draft(text=text, context=Context.model_validate({**CTX, **context}))))


def recheck(text: str, **context) -> list[str]:
    again = asyncio.run(check(Draft(text=text, context=Context.model_validate({**CTX, **context})), rewrite=False))
    return again.rule_ids()


def _hit(sentence: str, words: str) -> list[tuple[int, int]]:
    start = sentence.index(words)
    return [(start, start + len(words))]


# --- the greeting stays ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "context", "greeting", "kept"),
    [
        ("Hallo Frau Weber, kontaktieren Sie uns per WhatsApp unter +49 151 2345678. Die Ersatzteile für "
         f"Bestellung {OID} sind unterwegs.\n\nViele Grüße\nAnna", DE, "Hallo Frau Weber,", "Die Ersatzteile für"),
        (f"Hi Sam, please call us at +1 212 555 0199. Your lamp from order {OID} ships Monday.\n\nBest,\nAnna", {},
         "Hi Sam,", "Your lamp from order"),
    ],
)
def test_a_greeting_on_the_line_of_a_removed_sentence_stays_on_a_line_of_its_own(text, context, greeting, kept) -> None:
    report = run(text, **context)
    assert report.rewrite is not None and report.rewrite.startswith(greeting + "\n\n"), report.rewrite
    assert kept in report.rewrite and "WhatsApp" not in report.rewrite and "555" not in report.rewrite
    assert report.rewrite_status == "ready" and recheck(report.rewrite, **context) == []


def test_a_greeting_and_a_label_left_without_their_request_are_no_message() -> None:
    """'Hi Maria, about order …: we'd love 5 stars!' lost its purpose with the stars: the
    greeting stays, the neutral review request replaces the rest, the order id comes back."""
    report = run(f"Hi Maria, about order {OID}: we'd love a 5-star review!\n\nBest,\nAnna")
    assert report.rewrite == f"Hi Maria,\n\nOrder: {OID}\n\n{NEUTRAL}\n\nBest,\nAnna"
    assert report.rewrite_status == "ready"


@pytest.mark.parametrize(
    "body",
    [
        f"Hi Maria, about order {OID}: please remove your 1-star review.",  # the greeting and label only
        "Hello Sam,\n\nThanks, and please remove your 1-star review.",  # the clause cut leaves "Thanks."
    ],
)
def test_nothing_with_a_purpose_left_after_the_edits_is_no_rewrite(body: str) -> None:
    report = run(body + "\n\nBest,\nAnna")
    assert report.rewrite is None and report.rewrite_status == "none" and report.remaining == []
    assert any("do not send" in g.text for g in report.guidance)


# --- clause edits ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "hit"),
    [
        ("If it's not too much trouble, would you consider deleting your negative feedback?", "deleting your negative"),
        ("Once you have the refund, could you update your review?", "update your review"),
        ("Wenn es Ihnen nichts ausmacht, löschen Sie bitte die Bewertung.", "löschen Sie bitte"),
    ],
)
def test_a_condition_left_without_its_main_clause_takes_the_sentence_along(sentence: str, hit: str) -> None:
    """'If it's not too much trouble,' states nothing: not 'It's not too much trouble.'"""
    lang = "de" if sentence.startswith("Wenn") else "en"
    assert clauses.cut(sentence, _hit(sentence, hit), lang) is None


def test_a_stated_fact_before_a_removed_clause_stays_when_only_a_clause_goes() -> None:
    sentence = "Now that the kettle was replaced, could you leave a 5-star review?"
    assert clauses.cut(sentence, _hit(sentence, "5-star"), "en") == "The kettle was replaced."


@pytest.mark.parametrize(
    ("sentence", "hit", "expected"),
    [
        ("Now that the refund went through, could you revise your rating?", "revise your rating", None),
        ("Please update your review, it would help our small business.", "update your review", None),
        ("The problem is solved; could you delete the review?", "delete the review", "The problem is solved."),
        ("The new charger ships today, but could you delete your negative review?", "delete your negative",
         "The new charger ships today."),
        ("The delay was caused by the carrier, not by us, so we kindly ask you to remove this feedback.",
         "remove this feedback", None),  # a reason given for the request
    ],
)
def test_a_change_request_goes_with_every_clause_joined_to_it_by_a_comma(sentence, hit, expected) -> None:
    """``apart``: only a clause closed by a semicolon, colon or dash, or one the request
    joined with a connective that does not make it a consequence ('…, but …'), stays."""
    assert clauses.cut(sentence, _hit(sentence, hit), "en", apart=True) == expected


def test_a_clause_ending_on_it_goes_with_the_if_clause_it_pointed_at() -> None:
    sentence = "We shipped the lamp today and would appreciate it if you left 5 stars."
    assert clauses.cut(sentence, _hit(sentence, "5 stars"), "en") == "We shipped the lamp today."


@pytest.mark.parametrize(
    ("sentence", "hit", "expected"),
    [
        ("It would be appreciated if your feedback could be updated.", "feedback could be updated", None),
        ("We would be extremely grateful if you could please remove the review you left.", "remove the review", None),
        ("The lamp ships Monday, and we would be grateful if you removed the review.", "removed the review",
         "The lamp ships Monday."),
    ],
)
def test_a_clause_whose_condition_is_removed_goes_with_it(sentence: str, hit: str, expected: str | None) -> None:
    """Without its condition a clause says something else ('It would be appreciated.')."""
    assert clauses.cut(sentence, _hit(sentence, hit), "en") == expected


def test_a_change_request_in_a_message_goes_with_its_lead_in() -> None:
    text = (f"Hello Sam,\n\nYour replacement for order {OID} ships on Monday.\n\nNow that the refund went through, "
            "could you revise your rating? We saw your 1-star review. Would you please remove it?\n\nBest,\nAnna")
    report = run(text)
    assert report.rewrite == f"Hello Sam,\n\nYour replacement for order {OID} ships on Monday.\n\nBest,\nAnna"
    assert report.rewrite_status == "ready"


def test_a_sentence_about_the_review_before_a_change_request_goes_with_it() -> None:
    text = (f"Dear Mr. Evans,\n\nYou left neutral seller feedback for order {OID} saying that the delivery was late. "
            "The delay was caused by the carrier, not by us, so we kindly ask you to remove this feedback.\n\n"
            "Best regards,\nBaiyun Outdoor")
    report = run(text)
    assert report.rewrite is None and report.rewrite_status == "none"


def test_a_pronoun_sentence_after_a_removed_review_script_goes_with_it() -> None:
    text = (f"Hi Tom,\n\nThank you for your order {OID}. To save you time, here is a short review you can copy: "
            "\"Great quality, fast delivery!\" Just paste it on the product page.\n\nCheers,\nGadgetHub")
    report = run(text)
    assert report.rewrite == f"Hi Tom,\n\nThank you for your order {OID}. {NEUTRAL}\n\nCheers,\nGadgetHub"


def test_a_question_setting_the_condition_goes_with_the_conditional_request() -> None:
    text = f"Hi Tom,\n\nYour lamp from order {OID} arrived on Monday. Enjoyed the lamp? If so, please write a review.\n\nAnna"
    report = run(text)
    assert report.rewrite == f"Hi Tom,\n\nYour lamp from order {OID} arrived on Monday. {NEUTRAL}\n\nAnna"
    assert report.rewrite_status == "ready"


@pytest.mark.parametrize(
    ("text", "context", "gone"),
    [
        (f"Your order {OID} ships on Monday. Too many emails? You can opt out here.", {}, "Too many emails"),
        (f"Your order {OID} ships on Monday. Use the promo code\nSPRING15 at checkout.", {}, "SPRING15"),
        (f"Ihre Bestellung {OID} wird am Montag verschickt.\nNutzen Sie den Rabattcode\nHERBST15 an der Kasse.", DE,
         "HERBST15"),
    ],
)
def test_a_short_question_and_the_rest_of_a_hard_wrapped_sentence_go_along(text: str, context: dict, gone: str) -> None:
    report = run(text, **context)
    assert report.rewrite is not None and gone not in report.rewrite, report.rewrite
    assert OID in report.rewrite and report.rewrite_status == "ready"


def test_what_the_first_pass_kept_offends_too_and_nothing_is_left_then_no_rewrite() -> None:
    """The draft's check flags the store link only; the re-check flags the collection too."""
    text = "Our spring collection is out. Take a look at our store."
    assert run(text).rule_ids() == ["promo.marketing"]
    report = run(text)
    assert report.rewrite is None and report.rewrite_status == "none"


# --- contact details ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "gone"),
    [
        ("Reach Mark on his cell, 415 829 3107.", "Reach Mark"),
        ("info@kozynest.com is the fastest way.", "fastest way"),
    ],
)
def test_a_sentence_built_around_a_contact_detail_goes_whole(sentence: str, gone: str) -> None:
    report = run(f"Hi Paul,\n\nYour lamp from order {OID} ships on Monday. {sentence}\n\nBest,\nKozy Nest")
    assert report.rewrite == f"Hi Paul,\n\nYour lamp from order {OID} ships on Monday.\n\nBest,\nKozy Nest"
    assert gone not in report.rewrite


def test_prose_with_a_spaced_dash_is_no_signature_line_and_a_lone_label_goes() -> None:
    """'… verschickt. Tel. (030) 8892 4410 – wir helfen gern.' is prose: the sentence before
    the dash stays whole (not 'wir helfen gern.' alone), the contact sentence and its 'Tel.' go."""
    text = (f"Hallo Frau Weber,\n\nIhre Lampe aus Bestellung {OID} wird am Montag verschickt. Tel. (030) 8892 4410 "
            "– wir helfen gern.\n\nViele Grüße\nAcme")
    report = run(text, **DE)
    assert report.rewrite == f"Hallo Frau Weber,\n\nIhre Lampe aus Bestellung {OID} wird am Montag verschickt.\n\nViele Grüße\nAcme"


def test_a_sentence_left_to_a_person_keeps_its_link_and_says_so() -> None:
    """Without its link, 'We also sell spare shades, order there …' would read as fixed
    although it still sends the buyer elsewhere: the sentence stays whole for a person."""
    text = ("Hello Ann,\n\nYour replacement ships on December 2. We also sell spare shades at lumiwood-shop.com, "
            "order there and get them by December 5.\n\nBest,\nLumiwood")
    report = run(text)
    assert "at lumiwood-shop.com, order there" in report.rewrite
    assert report.rewrite_status == "needs-person" and "link.external" in report.remaining


def test_a_discount_is_no_fact_to_keep() -> None:
    text = "Order there and save 10%, or get 15 % Rabatt. We refunded 20% and $12.50."
    kept = [text[s:e] for s, e, _ in facts(text)]
    assert "20%" in kept and any(k.startswith("$12.50") for k in kept)
    assert not any(k.startswith(("10", "15")) for k in kept)


def test_a_coupon_code_is_no_tracking_number() -> None:
    """'code PRINTEMPS15' is the offer: the sentence goes whole instead of being left to a person."""
    assert facts("Profitez de notre code promo PRINTEMPS15.") == []
    assert facts("Your tracking code is 1Z999AA10123456784.") != []
    text = (f"Bonjour Madame Martin,\n\nVotre lampe de la commande {OID} sera expédiée lundi. Profitez de notre "
            "code promo PRINTEMPS15.\n\nCordialement,\nAcme")
    report = run(text, buyer_language="fr", marketplace="amazon.fr")
    assert report.rewrite == (f"Bonjour Madame Martin,\n\nVotre lampe de la commande {OID} sera expédiée lundi."
                              "\n\nCordialement,\nAcme")
    assert report.rewrite_status == "ready"


def test_a_removal_before_a_full_stop_takes_the_comma_along() -> None:
    text = "Reach Mark on his cell, 415 829 3107."
    start = text.index("415")
    assert apply_edits(text, [Edit(span=(start, start + len("415 829 3107")), replacement="")]) == "Reach Mark on his cell."


# --- no rewrite for a hostile draft --------------------------------------------------------


def test_a_draft_written_in_anger_gets_no_rewrite_but_a_request_to_write_it_again() -> None:
    text = (f"Hi,\n\nWe read your 1-star review on order {OID}, and honestly it is a stupid lie. The jacket was "
            "perfect when it left our warehouse. You obviously washed it in hot water.\n\nBaiyun Outdoor")
    report = run(text)
    assert "content.objectionable" in report.rule_ids()
    assert report.rewrite is None and report.rewrite_status == "none" and report.remaining == []
    assert "insults" in str(report.rewrite_verdict)
    assert any("do not send" in g.text for g in report.guidance)
    assert {g.rule for g in report.guidance} == {"rewrite", "content.objectionable"}


# --- corrections the rewrite makes itself ------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "twice", "expected"),
    [
        ("recieve", False, "receive"),  # neighbours swapped ("relieve" is one edit away too)
        ("posible", False, "possible"),  # a letter typed once ("posable" too)
        ("shiping", False, "shipping"),
        ("Posible", False, "Possible"),
        ("wich", False, None),  # which, wish, witch: no one answer
        ("inconvienence", False, None),
        ("inconvienence", True, "inconvenience"),  # two slips, a long word
    ],
)
def test_slip_correction(word: str, twice: bool, expected: str | None) -> None:
    if not spelling.checkers("en"):
        pytest.skip("no English dictionary installed")
    assert spelling.slip_correction(word, "en", twice) == expected


def test_misspellings_with_several_suggestions_are_corrected_when_one_is_a_slip() -> None:
    if not spelling.checkers("en"):
        pytest.skip("no English dictionary installed")
    text = (f"Hello Ms. Carter,\n\nWe are sorry that your order {OID} will arrive later than expected. The shiping "
            "company had a problem at the port, and we will recieve the new date tomorrow. We will update you as soon "
            "as posible.\n\nSincerely,\nLumiwood")
    report = run(text)
    assert "style.spelling" in report.rule_ids()
    assert "shipping company" in report.rewrite and "will receive the new date" in report.rewrite
    assert "as soon as possible." in report.rewrite
    assert report.remaining == [] and report.rewrite_status == "ready"


def test_no_spelling_correction_in_a_message_to_be_translated() -> None:
    """A draft in another language than the buyer's is to be translated, not corrected
    (and a misread language's 'corrections' break words: 'your' is no Spanish word)."""
    text = f"Bonjour Madame Martin,\n\nVotre commnade {OID} sera expédiée demain.\n\nCordialement,\nAcme"
    french = run(text, buyer_language="fr", marketplace="amazon.fr")
    assert "style.spelling" in french.rule_ids() and "commande" in french.rewrite  # corrected for a French buyer
    report = run(text)
    assert {"lang.mismatch", "style.spelling"} <= set(report.rule_ids())
    assert "commnade" in report.rewrite and "style.spelling" in report.remaining


def test_an_emoji_that_closed_a_sentence_leaves_a_full_stop() -> None:
    text = f"Hello Ryan,\n\nYour bed frame from order {OID} should arrive on November 24 :truck:\n\nSorry for the wait!\n\nOakline"
    report = run(text)
    assert "should arrive on November 24.\n\nSorry for the wait!" in report.rewrite
    assert report.rewrite_status == "ready"


def test_no_capital_after_an_abbreviation() -> None:
    """'12 in. and' is no sentence end: the rewrite does not write 'in. And'."""
    report = run(f"Thank you for asking about the lamp from order {OID}. The box is 45.5 x 30 x 12 in. and the lamp "
                 "is 1.2 m tall.")
    assert report.rewrite is not None and "in. And" not in report.rewrite and "12 in. and the lamp" in report.rewrite


# --- the bench measures every suite -----------------------------------------------------------


def test_the_rewrite_bench_reads_the_behavioural_and_evasion_suites() -> None:
    """bench/rewrite_quality.py generates the behavioural suite and reads the evasion
    cases itself (neither is a file of drafts), besides the rule examples."""
    import importlib.util
    from pathlib import Path

    from tests.behaviour import suite
    from tests.evasion import test_evasion

    path = Path(__file__).resolve().parent.parent / "bench" / "rewrite_quality.py"
    spec = importlib.util.spec_from_file_location("rewrite_quality", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    sources = [source for source, _, _ in bench.drafts()]
    assert sources.count("behaviour") == len(suite.cases())
    assert sources.count("evasion") == len(test_evasion.CASES["disguise"]) + len(test_evasion.CASES["benign"])
    assert sources.count("rules") > 100


def test_a_german_article_is_no_pronoun_pointing_back_at_a_removed_sentence() -> None:
    """"Das Messer ..." after a removed diversion is a care tip of its own; "Das gilt ..." points back."""
    kept = run("Sie können sie direkt bei uns per Banküberweisung bestellen. Das Messer bitte nicht in die Spülmaschine geben.", **DE)
    assert kept.rewrite is not None and "Spülmaschine" in kept.rewrite
    gone = run("Mit dem Code SPAR10 sparen Sie 10 %. Das gilt bis Freitag. Das Messer bitte von Hand spülen.", **DE)
    assert gone.rewrite is not None and "gilt" not in gone.rewrite and "von Hand" in gone.rewrite
