"""Reviews and feedback: incentives, bias, conditions, repeats, scripts."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Sentence, negated
from ..models import Severity
from ..registry import Example, Hit, PhraseRule, Rule, register

SECTION = "Guidelines, 'Messages that are not permitted'; customer product review policies"


def _review_context(doc: Document, index: int) -> bool:
    """The sentence, or the one before it, is about a review or feedback."""
    sentences = doc.sentences
    for i in (index, index - 1):
        if 0 <= i < len(sentences) and doc.sentence_has(sentences[i], "review_noun"):
            return True
    return False


@register
class ReviewIncentive(Rule):
    """Offers something of value for a review or feedback, or for changing one.

    Why: money, refunds, gift cards, free or discounted products and future
    benefits in exchange for a review are forbidden, however honest the
    review is meant to be.
    Use instead: ask for a review with nothing attached to it.
    """

    id = "review.incentive"
    severity = Severity.ERROR
    message = "Nothing of value may be offered in exchange for a review or feedback."
    guideline = f"No incentive of any kind for a review or feedback, or for changing one. ({SECTION})"
    violating = Example("If you leave a review, we will refund you $10 as a thank-you gift.")
    compliant = Example("If you have a moment, please share your honest experience in a review on Amazon.")

    def find(self, doc: Document) -> Iterator[Hit]:
        for sentence in doc.sentences:
            if not doc.sentence_has(sentence, "review_noun"):
                continue
            value = doc.sentence_has(sentence, "incentive_value")
            if value is None or negated(doc, sentence, value, window=20):
                continue
            if doc.sentence_has(sentence, "incentive_link"):
                yield Hit((sentence.start, sentence.end))


@register
class ReviewChangeRequest(PhraseRule):
    """Asks the buyer to remove, change or update an existing review or feedback.

    Why: reviews and feedback belong to the buyer; asking to change them is
    forbidden even after the problem was solved.
    """

    id = "review.change-request"
    severity = Severity.ERROR
    message = "Do not ask the buyer to remove or change a review or feedback."
    guideline = f"Never ask a buyer to remove or update a review or feedback, even after solving the problem. ({SECTION})"
    violating = Example("The delay was the carrier's fault, so we kindly ask you to remove this feedback.")
    compliant = Example("We are sorry about the delay and have sent a replacement at no cost.")

    concept = "review_change"
    negation_window = 25


@register
class ReviewPositive(Rule):
    """Asks for a positive, good or five-star review rather than an honest one.

    Why: sellers may ask for a review, never for a particular rating.
    Use instead: "Would you share your experience by leaving a review on Amazon?"
    """

    id = "review.positive"
    severity = Severity.ERROR
    message = "Ask for an honest review, not a positive or five-star one."
    guideline = f"A review request must be neutral: never ask for a positive or five-star review. ({SECTION})"
    violating = Example("We would be grateful if you could leave us a 5-star review.")
    compliant = Example("We would be grateful if you could leave an honest review on Amazon.")

    def find(self, doc: Document) -> Iterator[Hit]:
        for index, sentence in enumerate(doc.sentences):
            match = doc.sentence_has(sentence, "review_positive")
            if match is None or doc.sentence_has(sentence, "review_positive_neutralizer"):
                continue
            if negated(doc, sentence, match, window=25):
                continue
            if _is_request(doc, sentence) or _scripted_text(doc, index):
                yield Hit(sentence.span_of(match))


def _is_request(doc: Document, sentence: Sentence) -> bool:
    return bool(doc.sentence_has(sentence, "review_request"))


def _scripted_text(doc: Document, index: int) -> bool:
    sentence = doc.sentences[index]
    return bool(doc.sentence_has(sentence, "review_script")) and _review_context(doc, index)


@register
class ReviewConditional(Rule):
    """Asks only satisfied buyers for a review, or routes unhappy buyers to the
    seller first.

    Why: filtering who reviews biases reviews; every buyer may review freely.
    """

    id = "review.conditional"
    severity = Severity.ERROR
    message = "Do not ask only happy buyers for a review or send unhappy buyers to you before they review."
    guideline = f"Review requests may not depend on the buyer's satisfaction or route unhappy buyers to the seller. ({SECTION})"
    violating = Example("If you are happy with the brush, please leave a review. If not, contact us first.")
    compliant = Example("If you have a moment, please leave a review of the brush on Amazon.")

    def find(self, doc: Document) -> Iterator[Hit]:
        sentences = doc.sentences
        for index, sentence in enumerate(sentences):
            condition = doc.sentence_has(sentence, "review_condition")
            if condition and not _is_whether(doc, sentence, condition):
                near = sentences[max(0, index - 1) : index + 2]
                if any(_is_request(doc, s) for s in near):
                    yield Hit(sentence.span_of(condition))
                    continue
            route = doc.sentence_has(sentence, "review_route_first")
            if route and _review_context(doc, index):
                if doc.sentence_has(sentence, "route_to_us"):  # "contact us first": the seller
                    yield Hit(sentence.span_of(route))


def _is_whether(doc: Document, sentence: Sentence, match) -> bool:
    """'Whether you are happy or not' just before the condition: not a condition."""
    pat = doc.phrase("condition_whether")
    return pat is not None and pat.search(sentence.text, max(0, match.start() - 20), match.start()) is not None


@register
class ReviewRepeat(Rule):
    """A second review or feedback request for the same order.

    Why: a seller may request a review and feedback once per order.
    """

    id = "review.repeat"
    severity = Severity.ERROR
    message = "This order already had a review request; only one is allowed per order."
    guideline = f"Request a review and/or feedback at most once per order. ({SECTION}; Solicitations API)"
    needs = ("previous_review_requests",)
    violating = Example("We would appreciate it if you left a review on Amazon.", {"previous_review_requests": 1})
    compliant = Example("We would appreciate it if you left a review on Amazon.", {"previous_review_requests": 0})

    def find(self, doc: Document) -> Iterator[Hit]:
        if (doc.context.previous_review_requests or 0) < 1:
            return
        requests = doc.review_sentences
        if requests:
            first = requests[0]
            yield Hit((first.start, first.end))


@register
class ReviewScripted(Rule):
    """Tells the buyer what to write in the review.

    Why: a review must be the buyer's own words; points to mention or
    ready-made review text are forbidden.
    """

    id = "review.scripted"
    severity = Severity.ERROR
    message = "Do not tell the buyer what to write in a review."
    guideline = f"Never tell a buyer what to write in a review. ({SECTION})"
    violating = Example("Please leave a review on Amazon. It would help if you mentioned how quiet the motor is.")
    compliant = Example("Please leave a review on Amazon about your experience.")

    def find(self, doc: Document) -> Iterator[Hit]:
        for index, sentence in enumerate(doc.sentences):
            match = doc.sentence_has(sentence, "review_script")
            if match and _review_context(doc, index) and not negated(doc, sentence, match, window=20):
                yield Hit(sentence.span_of(match))
