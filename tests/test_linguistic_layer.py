"""The linguistic layer: typed tokens, stems, typo tolerance, frames, spans."""

from __future__ import annotations

import asyncio

import pytest

import checks
from checks import frames, lexicon, tokens
from checks.models import Context, Draft


@pytest.mark.parametrize(
    "text, lang",
    [
        ("5-star", "en"), ("5 stars", "en"), ("five-star", "en"), ("5★", "en"), ("★★★★★", "en"), ("5/5", "en"),
        ("full marks", "en"), ("★5", "ja"), ("5つ星", "ja"), ("五星", "ja"), ("星5つ", "ja"), ("5 Sterne", "de"),
        ("5 étoiles", "fr"), ("5 estrellas", "es"), ("5 stelle", "it"), ("４つ星", "ja"),
    ],
)
def test_high_ratings_become_one_typed_token(text, lang):
    """Every way of writing a top rating is one <rating_high> token."""
    found = tokens.tokenize(text, lang)
    assert [t.key for t in found] == [tokens.HIGH], found


@pytest.mark.parametrize("text", ["1-star", "one star", "2/5", "★★"])
def test_low_ratings_are_low(text):
    assert [t.key for t in tokens.tokenize(text, "en")] == [tokens.LOW]


@pytest.mark.parametrize("text", ["$10", "10 €", "£5", "USD 20", "ten dollars", "1000円", "19,99 €"])
def test_amounts_are_typed(text):
    assert [t.key for t in tokens.tokenize(text, "en")] == [tokens.AMOUNT]


def test_percentages_and_plain_numbers():
    """15% is a percentage; an order number or a 3/5 is no amount."""
    assert [t.key for t in tokens.tokenize("15%", "en")] == [tokens.PERCENT]
    assert tokens.AMOUNT not in [t.key for t in tokens.tokenize("order 113-1234567-1234567", "en")]


def test_word_forms_share_a_stem():
    """removing / removed / remove read as one key; so do German forms listed in the lexicon."""
    keys = {t.key for t in tokens.tokenize("removing removed remove", "en")}
    assert len(keys) == 1
    assert frames.analyse("Bitte die Bewertung löschen", "de").has("change")
    assert frames.analyse("Die Bewertung wurde gelöscht", "de").has("change")


def test_elided_articles_are_split():
    """French and Italian "l'avis" is the article and the word."""
    assert [t.key for t in tokens.tokenize("l'iscrizione", "it")][0] == "l'"


def test_a_misspelled_keyword_matches_but_a_dictionary_word_does_not():
    """Edit distance 1 for lexicon words of 5+ letters, only for non-dictionary words."""
    assert frames.analyse("Please leave a reveiw", "en").has("review")
    assert frames.analyse("Would you mind reomving it", "en").has("change")
    assert lexicon._typo_key("en", "reveiw") == ("review", "review")
    assert lexicon._typo_key("en", "review") is None  # a dictionary word is itself
    assert lexicon._typo_key("en", "revue") is None  # a word of the dictionary, not a typo


def test_negation_scope_and_idioms():
    """'not' negates what follows closely; 'if it's no trouble' negates nothing."""
    a = frames.analyse("We will not offer any refund", "en")
    assert a.ranges("value") and a.unnegated("value") == []
    b = frames.analyse("if it's no trouble, do mention it", "en")
    assert b.unnegated("mention")


def rules_for(text: str, lang: str = "en") -> dict[str, str | None]:
    report = asyncio.run(checks.check(Draft(text=text, context=Context(buyer_language=lang)), rewrite=False))
    return {f.rule: f.excerpt for f in report.findings}


@pytest.mark.parametrize(
    "text, rule, words",
    [
        ("We will send you a $10 gift card for a 5-star review.", "review.incentive", "$10 gift card for a 5-star"),
        ("We will send you a $10 gift card for a 5-star review.", "review.positive", "5-star"),
        ("We'd love 5 stars!", "review.positive", "5 stars"),
        ("A 5-star rating would mean the world to us.", "review.positive", "5-star rating"),
        ("would you mind removing the 1-star review you left last week?", "review.change-request", "removing the 1-star"),
        ("if our product has met your expectations, please take a moment to leave a review", "review.conditional", "if our product has met your expectations"),
        ("Please open Your Orders and use the Request Cancellation button.", "order.cancel-request", None),
    ],
)
def test_issue_examples_fire_with_spans_on_the_words(text, rule, words):
    """The issue's examples fire, and the finding points at the words that show the breach."""
    found = rules_for(text)
    assert rule in found, found
    if words is not None:
        assert found[rule] == words


def test_issue_examples_in_other_wordings():
    found = rules_for("★5のレビューをお願いいたします", "ja")
    assert "review.positive" in found
    found = rules_for("if our service make you satisfied, we hope you can give us a feedback")
    assert "review.conditional" in found


@pytest.mark.parametrize(
    "text, rule",
    [
        ("Thank you for your feedback; we have refunded $15.", "review.incentive"),
        ("Thank you for your feedback; we have refunded $15.", "content.thanks-only"),
        ("The new arrival date is Friday.", "promo.marketing"),
        ("We have cancelled your order and refunded you in full.", "order.cancel-request"),
        ("Our lamp has hundreds of 5-star reviews.", "review.positive"),
    ],
)
def test_issue_near_misses_stay_quiet(text, rule):
    assert rule not in rules_for(text)


def test_lexicon_entries_all_parse():
    """Every language's lexicon builds (no entry without a word)."""
    for lang in lexicon.languages():
        assert lexicon.for_language(lang).entries


@pytest.mark.parametrize(
    "text, lang",
    [
        ("If you have any issue with the lamp, please contact us. Otherwise, we would love a review.", "en"),
        ("In case of any problem, contact us; otherwise please leave feedback.", "en"),
        ("Bei Problemen kontaktieren Sie uns bitte. Andernfalls freuen wir uns über eine Bewertung.", "de"),
    ],
)
def test_if_not_otherwise_routes_only_happy_buyers_to_a_review(text, lang):
    """'If something is wrong, contact us; otherwise review' is review.conditional."""
    assert "review.conditional" in rules_for(text, lang)


def test_otherwise_without_a_problem_condition_is_no_condition():
    assert "review.conditional" not in rules_for("Otherwise, the lamp works fine. Please leave a review.")


def test_ten_point_ratings():
    """8/10 and up is a top rating; 3/10 is not."""
    assert [t.key for t in tokens.tokenize("10/10", "en")] == [tokens.HIGH]
    assert tokens.HIGH not in [t.key for t in tokens.tokenize("3/10", "en")]


def test_routing_unhappy_buyers_with_a_negated_review():
    """'Do not leave negative feedback without contacting us first' routes the buyer to the seller."""
    assert "review.conditional" in rules_for("Please do not leave neutral or negative feedback without contacting us first.")
    assert "review.conditional" not in rules_for("Please do not leave the lamp on overnight without checking the cable first.")


def test_an_acknowledgement_alone_is_an_auto_reply():
    """'We received your message and will reply within 24 hours' and only thanks: an auto-responder."""
    assert "content.auto-reply" in rules_for("Thank you for your message. We have received it and will reply within 24 hours.")
    text = "Hello,\n\nWe received your message about the cracked lid. A replacement ships tomorrow.\n\nBest, Team"
    assert "content.auto-reply" not in rules_for(text)


def test_please_note_is_not_a_script():
    assert "review.scripted" not in rules_for("Kindly note that reviews are very important for small sellers like us.")
