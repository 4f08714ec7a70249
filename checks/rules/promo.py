"""Promotion: marketing content and coupons."""

from __future__ import annotations


from ..models import Severity
from ..registry import Example, PhraseRule, register

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
