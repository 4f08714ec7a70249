"""A third held-out batch (English), written after holdout2 and run once
before any change; its first run missed 1/34 and raised 0/12 false alarms.

rule -> {"breach": [(lang, text)], "near_miss": [(lang, text)]}
"""

CASES: dict[str, dict[str, list[tuple[str, str]]]] = {
    "review.incentive": {
        "breach": [
            ("en", "Write a review and you'll be entered into our monthly prize draw."),
            ("en", 'We offer a free extended warranty to customers who leave feedback.'),
            ("en", "Send us a screenshot of your review and we'll refund your order in full."),
            ("en", 'Leave a review, get a free gift!'),
        ],
        "near_miss": [
            ("en", 'We have refunded the shipping cost as an apology for the delay.'),
        ],
    },
    "review.positive": {
        "breach": [
            ("en", 'Could you leave us a 5-star review?'),
            ("en", 'We are aiming for a perfect rating, so every five-star review counts!'),
            ("en", "If you could spare 5 stars, we'd be so grateful."),
            ("en", 'Please leave positive feedback for us.'),
            ("en", 'Please give us a thumbs up and five stars on Amazon.'),
        ],
        "near_miss": [
            ("en", 'Our kettle is rated 4.5 stars by over 2,000 customers.'),
        ],
    },
    "review.conditional": {
        "breach": [
            ("en", 'If you love the product, please tell others in a review.'),
            ("en", 'Satisfied customers, please leave a review!'),
            ("en", 'If you had a great experience, please consider leaving feedback.'),
            ("en", "If you're not happy for any reason, please message us before writing a review so we can fix it."),
        ],
        "near_miss": [
            ("en", 'If the item arrived damaged, please send us a photo.'),
        ],
    },
    "review.change-request": {
        "breach": [
            ("en", 'Could you kindly reconsider your rating now that the issue is resolved?'),
            ("en", 'We would really appreciate it if you could remove your negative feedback.'),
            ("en", 'Please update your review to reflect our excellent service.'),
        ],
        "near_miss": [
            ("en", 'We will update the listing to show the correct size.'),
        ],
    },
    "review.scripted": {
        "breach": [
            ("en", 'Please mention the fast shipping in your review.'),
            ("en", 'It would help us if your review said how sturdy the shelf is.'),
        ],
        "near_miss": [
        ],
    },
    "promo.marketing": {
        "breach": [
            ("en", 'Check out our latest products on our Amazon storefront!'),
            ("en", "Don't miss our Christmas sale, up to 50% off everything."),
            ("en", 'We also sell matching pillowcases; search for our brand on Amazon.'),
        ],
        "near_miss": [
            ("en", 'The new parcel will arrive on Tuesday.'),
        ],
    },
    "promo.coupon": {
        "breach": [
            ("en", 'Use coupon code SAVE15 for 15% off your next order.'),
            ("en", 'Enjoy a discount on your next purchase: use code THANKYOU.'),
        ],
        "near_miss": [
            ("en", 'Your refund of $12 has been credited to your card.'),
        ],
    },
    "order.cancel-request": {
        "breach": [
            ("en", 'Unfortunately the item is out of stock; please cancel your order.'),
            ("en", 'Please request a cancellation through your Amazon account.'),
        ],
        "near_miss": [
            ("en", 'We have cancelled the order as requested; you will not be charged.'),
        ],
    },
    "order.discourage-return": {
        "breach": [
            ("en", "Please don't return the item; we will send you a partial refund instead."),
            ("en", 'Before returning, please contact us; returns hurt small businesses like ours.'),
        ],
        "near_miss": [
            ("en", "If you'd like to return the item, use the return label in Your Orders."),
        ],
    },
    "link.opt-out": {
        "breach": [
            ("en", "Reply 'unsubscribe' to stop receiving messages."),
            ("en", 'If you prefer not to hear from us, reply STOP.'),
        ],
        "near_miss": [
            ("en", 'Please stop using the charger and contact us.'),
        ],
    },
    "content.auto-reply": {
        "breach": [
            ("en", 'We are currently on holiday and will respond to your message on our return.'),
        ],
        "near_miss": [
            ("en", 'We were closed yesterday, sorry for the slow reply about your order.'),
        ],
    },
    "order.confirmation": {
        "breach": [
            ("en", 'Your order has been shipped and is on its way to you.'),
            ("en", "We're happy to let you know your package has shipped. Tracking: 1Z999AA10123456784."),
        ],
        "near_miss": [
            ("en", 'Your order shipped but arrived damaged; a replacement is on the way.'),
        ],
    },
    "content.thanks-only": {
        "breach": [
            ("en", 'Thank you for shopping with us! We hope you enjoy your purchase.'),
            ("en", 'Thanks for your order! If you have any questions, feel free to reach out.'),
        ],
        "near_miss": [
            ("en", 'Thank you for your order. The assembly instructions are attached.'),
        ],
    },
}
