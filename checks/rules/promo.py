"""Promotion: marketing content and coupons."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..document import Document
from ..frames import Analysis, cover, judgement, sentence_spans
from ..models import Severity
from ..registry import Example, Hit, PhraseRule, register
from .reviews import incentive_in

SECTION = "Guidelines, 'Messages that are not permitted': marketing and promotion"


@register
class Marketing(PhraseRule):
    """Marketing or promotional content: other products, sales, new arrivals,
    "follow us", newsletters, cross-selling.

    Why: buyer messages exist to complete an order, never to market.
    """

    id = "promo.marketing"
    severity = Severity.ERROR
    message = "Marketing and promotion are not allowed in buyer messages."
    guideline = f"Messages may not contain marketing or promotional content. ({SECTION})"
    violating = Example("Follow us on Instagram to see our new arrivals for the holidays!")
    compliant = Example("Store the earrings in the pouch and keep them away from perfume.")

    concept = "marketing"
    negation_window = 12

    def find(self, doc: Document) -> Iterator[Hit]:
        """Frames: follow us / subscribe; "you may also like"; new arrivals or a
        sale; an invitation (check out, visit, discover) to other products or
        the store; then the phrase data's fixed forms."""
        spans = sentence_spans(doc, _marketing)
        yield from (Hit(span) for span in spans)
        if not spans:
            for hit in super().find(doc):  # fixed forms, unless they name a date ("new arrival date")
                sentence = doc.sentence_at(hit.span[0])
                a = doc.analysis(sentence)
                if any(_names_a_date(a, r) for r in a.ranges("new_arrival", "new_weak")) or incentive_in(a):
                    continue
                if len(set(a.ranges("new_weak"))) == 1 and not a.has("new_arrival", "other_products", "sale", "follow", "you_may_like"):
                    continue  # one weak word alone: "the return label is now available under Your Orders"
                yield hit


@register
class Coupon(PhraseRule):
    """Coupons, discount or promo codes, vouchers.

    Why: coupons are promotion, which buyer messages may not carry.
    """

    id = "promo.coupon"
    severity = Severity.ERROR
    message = "Coupons, discount codes and vouchers are not allowed in buyer messages."
    guideline = f"No coupons, discount codes or vouchers. ({SECTION})"
    violating = Example("Save 10% on your next order with code HYDRO10.")
    compliant = Example("We have issued a partial refund of $9.50 for the missing caps.")

    concept = "coupon"
    negation_window = 20

    def find(self, doc: Document) -> Iterator[Hit]:
        spans = sentence_spans(doc, _coupon)
        yield from (Hit(span) for span in spans)
        if not spans:
            for hit in super().find(doc):  # fixed forms, unless the sentence offers no coupon
                sentence = doc.sentence_at(hit.span[0])
                if not _not_offered(doc.analysis(sentence), None):
                    yield hit


@judgement
def _marketing(a: Analysis) -> tuple[int, int] | None:
    programs = a.ranges("amazon_program")  # "Iscriviti e Risparmia" is Amazon's Subscribe & Save
    for concept in ("follow", "you_may_like", "new_arrival", "sale"):
        for rng in a.unnegated(concept, scope=3):
            if _overlaps(rng, programs):
                continue
            if concept == "new_arrival" and _names_a_date(a, rng):
                continue  # "the new arrival date is Friday"
            if concept == "sale" and (not a.has("invite", "us", "other_products") or _overlaps(rng, a.ranges("not_sale"))):
                continue  # "sales tax", "after-sales service"
            if concept == "sale" and incentive_in(a):
                continue  # "a special offer: leave a review and we refund you" is the incentive (review.incentive)
            return rng
    for invite, thing in a.near(["invite"], ["other_products", "new_weak"], within=6):
        if thing[0] < invite[0] and invite[1] <= thing[1]:
            continue  # the invitation's word is the thing's own ("shop" in "hurt our small shop")
        if any(0 <= r[0] - thing[1] <= 4 for r in a.ranges("review")):
            continue  # the shop is rated, not shown: "consider giving our shop the full set of stars" (review.*)
        if not a.negated(invite, scope=3):
            return cover(invite, thing)
    things = a.ranges("other_products", "new_weak")
    for invite in a.unnegated("invite", scope=3):  # "check our storefront": the two share "our"
        if a.has("problem"):
            break  # "check our store's return policy": a service pointer
        for thing in things:
            if _overlaps(invite, [thing]) and thing[1] > invite[1]:
                return cover(invite, thing)
    for thing in a.ranges("new_weak"):
        if a.has("other_products") and not _names_a_date(a, thing):
            return thing
    return None


def _overlaps(rng: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    return any(o[0] < rng[1] and rng[0] < o[1] for o in others)


def _names_a_date(a: Analysis, rng: tuple[int, int]) -> bool:
    return any(r[0] == rng[1] for r in a.ranges("arrival_time"))


# A code to type: capitals and digits, at least one capital ("HYDRO10").
_CODE = regex.compile(r"(?=[A-Z0-9]{0,19}[A-Z])(?=[A-Z0-9]{0,19}\d)[A-Z0-9]{4,20}\b|[A-Z]{5,20}\b")


def _not_offered(a: Analysis, rng: tuple[int, int] | None) -> bool:
    """The coupon is not the seller's offer: the buyer's or Amazon's ("the coupon
    you saw", "applied by Amazon"), or refused ("we cannot offer coupons",
    "Gutscheine können wir leider nicht vergeben")."""
    if a.has("coupon_mention"):
        return True
    if rng is None:  # anywhere in the sentence
        return a.negated((0, 0), scope=0, after=len(a.tokens))
    return a.negated(rng, scope=6, after=8)


@judgement
def _coupon(a: Analysis) -> tuple[int, int] | None:
    excluded = {r[1] - 1 for r in a.ranges("code_exclude")}
    for rng in a.ranges("coupon_strong"):
        if _not_offered(a, rng):
            continue
        return rng
    for rng in a.ranges("code_word"):
        if rng[1] - 1 in excluded:
            continue
        if _CODE.match(a.text, a.tokens[rng[1] - 1].end + 1 if rng[1] - 1 < len(a.tokens) else len(a.text)) or (
            rng[1] < len(a.tokens) and _CODE.fullmatch(a.tokens[rng[1]].text)
        ):
            return cover(rng, (rng[1], min(rng[1] + 1, len(a.tokens))))
    for off, nxt in a.near(["percent_off", "discount"], ["next_purchase"], within=6):
        if not a.negated(off, scope=3):
            return cover(off, nxt)
    return None
