"""English phrasings beyond the corpus: each rule fires on the guideline's
breach and stays quiet on the legitimate use of the same words."""

from __future__ import annotations

import pytest

from checks import Context, Draft, check

OID = "113-1234567-1234567"
BASE = {"order_id": OID, "today": "2026-11-21", "delivery_date": "2026-11-15", "previous_review_requests": 0,
        "buyer_language": "en", "marketplace": "amazon.com"}


def draft(body: str, **context) -> Draft:
    text = f"Hello Sam,\n\n{body}\n\nBest regards,\nAcme Home"
    return Draft(text=text, context=Context(**{**BASE, **context}))


FIRES = [
    ("review.incentive", f"Leave a review for order {OID} and we will send you a $5 Amazon gift card."),
    ("review.incentive", f"As a small thank you for your feedback on order {OID}, we will send a free phone case."),
    ("review.incentive", f"If you update your review of order {OID}, we will refund the shipping cost."),
    ("review.positive", f"Please leave a positive review for order {OID} if you can."),
    ("review.positive", f"Could you give us a five-star rating for order {OID}?"),
    ("review.positive", f"We would love a great review of the kettle from order {OID}."),
    ("review.conditional", f"If you are satisfied with order {OID}, please leave us a review on Amazon."),
    ("review.conditional", f"Before you write a review of order {OID}, please contact us first so we can help."),
    ("review.change-request", f"Now that the kettle from order {OID} was replaced, could you please change your 1-star review?"),
    ("review.change-request", f"We kindly ask you to delete the negative feedback for order {OID}."),
    ("review.scripted", f"Please leave a review of order {OID} and mention how fast the delivery was."),
    ("promo.marketing", f"Your order {OID} is ready. Check out our other products in our Amazon store!"),
    ("promo.marketing", f"Don't miss our Black Friday sale on all kettles. Your order {OID} is on its way."),
    ("promo.marketing", f"Subscribe to our newsletter for updates about order {OID}."),
    ("promo.coupon", f"Sorry for the delay of order {OID}. Here is a coupon for your next purchase."),
    ("promo.coupon", f"Sorry for the delay of order {OID}. Use code THANKS15 at checkout."),
    ("order.divert", f"Next time, buy directly from our online store and skip the Amazon fees. Order {OID}."),
    ("order.divert", f"We can refund order {OID} via PayPal if you send us your account."),
    ("order.divert", f"About order {OID}: please call us on our hotline so we can fix it."),
    ("order.cancel-request", f"The lamp in order {OID} is out of stock. Could you please cancel the order on your side?"),
    ("order.discourage-return", f"Please don't return the lamp from order {OID}; returns hurt our small shop."),
    ("order.confirmation", f"Good news: your order {OID} has been shipped. Your tracking number is 1Z999AA10123456784."),
    ("content.thanks-only", f"Thanks a lot for your order {OID}! We hope you love your new lamp."),
    ("content.auto-reply", f"This is an automated response: we received your message about order {OID} and will reply soon."),
    ("link.opt-out", f"Your order {OID} has a care card inside. To opt out of future messages, reply UNSUBSCRIBE."),
    ("contact.email", f"Order {OID}: send the photos to help@acme-home.com please."),
    ("contact.email", f"Order {OID}: write to support(at)acme-home(dot)com."),
    ("contact.phone", f"Order {OID}: our service line is (212) 555-0143."),
    ("contact.phone", f"Order {OID}: call +44 20 7946 0958 any time."),
    ("contact.social", f"Order {OID}: add our WhatsApp +1 212 555 0143 for video help."),
    ("link.external", f"Order {OID}: the manual is at https://acme-home.com/manual.pdf"),
    ("link.insecure", f"Order {OID}: see http://www.amazon.com/gp/help for the return policy."),
    ("content.objectionable", f"Order {OID}: stop whining, you idiot."),
    ("style.emoji", f"Your order {OID} is on the way 🚚"),
    ("style.spelling", f"We apologise for the inconvienence with order {OID}."),
    ("style.grammar", f"We will send a a new lid for order {OID}."),
    ("order.id-malformed", "Your order 113-123456-1234567 will be delayed by two days."),
    ("lang.mixed", f"Your order {OID} will arrive on Friday. (记得改日期)"),
]

QUIET = [
    ("review.incentive", f"We have refunded order {OID} in full. If you have a moment, we would appreciate an honest review."),
    ("review.incentive", f"We will send a free replacement under warranty for order {OID}."),
    ("review.positive", f"Would you share your experience with order {OID} in a review, positive or negative?"),
    ("review.conditional", f"If you have a minute, please leave a review of order {OID} on Amazon."),
    ("review.change-request", f"We reviewed your request about order {OID} and will send a new part."),
    ("promo.marketing", f"We can add gift wrap to order {OID} because it has not shipped yet."),
    ("promo.marketing", f"The total for order {OID} includes sales tax of $11.04."),
    ("promo.coupon", f"We will not offer a discount code, but we refunded the shipping for order {OID}."),
    ("promo.coupon", f"The display of the fryer from order {OID} shows error code E05."),
    ("order.divert", f"Feel free to contact us through Amazon messages about order {OID}."),
    ("order.divert", f"Please send the photos of order {OID} in this message thread."),
    ("order.cancel-request", f"The lamp in order {OID} is out of stock, so we have cancelled the order and refunded you."),
    ("order.discourage-return", f"You do not need to return the damaged lamp from order {OID}; we are sending a new one."),
    ("order.confirmation", f"Your order {OID} has shipped, but the carrier reports a delay; it should arrive on Monday."),
    ("content.thanks-only", f"Thank you for your order {OID}. Could you confirm the engraving text: 'Mia 2026'?"),
    ("content.auto-reply", f"We were out of stock last week, but order {OID} ships today with the new batch."),
    ("link.opt-out", f"Please do not open the valve of the cooker from order {OID} while it is hot."),
    ("contact.phone", f"Your parcel for order {OID} (tracking 9405511206204419883207) arrives on 2026-11-24 at 8:00-12:00."),
    ("contact.email", f"Order {OID}: we are at home dot decor fairs all week."),
    ("link.external", f"Order {OID}: the user_manual.pdf is attached; see page 4, e.g. step 2."),
    ("link.external", f"Order {OID}: track it at https://www.amazon.co.uk/gp/your-account/order-history"),
    ("content.objectionable", f"The assassin bug repellent from order {OID} ships from Scunthorpe."),
    ("style.emoji", f"Order {OID}: the slots are 8:00-12:00 or 12:00-16:00. Brand™ and ©2026."),
    ("style.spelling", f"The aluminium frame of order {OID} is grey and the colour will not fade."),
    ("style.grammar", f"Kindly be informed that the parcel for order {OID} is delayed; we apologize for the inconvenience caused."),
    ("lang.mixed", f"The invoice for order {OID} is addressed to Müller Bürotechnik GmbH, Friedrichstraße 12, 10117 Berlin."),
]


@pytest.mark.parametrize(("rule", "body"), FIRES)
async def test_fires(rule, body):
    report = await check(draft(body))
    assert rule in report.rule_ids(), report.rule_ids()


@pytest.mark.parametrize(("rule", "body"), QUIET)
async def test_quiet(rule, body):
    report = await check(draft(body))
    assert rule not in report.rule_ids(), [f.excerpt for f in report.findings if f.rule == rule]
